package discord

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/briefings"
)

// The gateway event handlers. discordgo calls each in its own goroutine,
// where a panic would end the process, so each one recovers.

func (d *Discord) onConnect(_ *discordgo.Session, _ *discordgo.Connect) {
	d.connected.Store(true)
}

func (d *Discord) onDisconnect(_ *discordgo.Session, _ *discordgo.Disconnect) {
	d.connected.Store(false)
	d.log.Info("gateway session disconnected")
}

// onReady learns the bot's user id (to ignore its own messages) and, when
// not configured, the application id; then asks for command registration.
func (d *Discord) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	defer d.recoverPanic("ready")
	d.mu.Lock()
	if r.User != nil {
		d.botID = r.User.ID
	}
	if d.appID == "" && r.Application != nil {
		d.appID = r.Application.ID
	}
	d.mu.Unlock()
	d.connected.Store(true)
	select {
	case d.readyc <- struct{}{}:
	default:
	}
}

// onMessage answers direct messages, and guild messages that mention the
// bot. It ignores bots (itself included), webhooks and system messages.
func (d *Discord) onMessage(_ *discordgo.Session, m *discordgo.MessageCreate) {
	defer d.recoverPanic("message")
	if m.Message == nil || m.Author == nil || m.Author.Bot || m.Author.System || m.WebhookID != "" {
		return
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return
	}
	self := d.selfID()
	if m.Author.ID == self {
		return
	}
	dm := m.GuildID == ""
	if !dm && !mentions(m.Message, self) {
		return
	}
	d.work.add()
	defer d.work.done()
	ctx, cancel := d.answerContext()
	defer cancel()
	rep := d.answer(ctx, d.request(m.ChannelID, m.Author.ID, m.Content, dm))
	if err := d.Post(ctx, m.ChannelID, rep); err != nil {
		d.log.Error("reply to a message failed", "err", err)
	}
}

// mentions reports whether the message @mentions the user id.
func mentions(m *discordgo.Message, id string) bool {
	if id == "" {
		return false
	}
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	return false
}

// onInteraction answers a slash command that arrived over the gateway: the
// answer inline when it is ready within the budget, else a deferral and
// then an edit of the original response.
func (d *Discord) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	defer d.recoverPanic("interaction")
	i := ic.Interaction
	if i == nil || i.Type != discordgo.InteractionApplicationCommand {
		return
	}
	if i.AppID == "" {
		i.AppID = d.applicationID()
	}
	d.work.add()
	defer d.work.done()
	ctx, cancel := d.answerContext()
	defer cancel()
	rep, late := d.race(ctx, d.interactionRequest(i))
	if late == nil {
		if err := d.respond(ctx, i, RenderMessage(rep).response()); err != nil {
			d.log.Error("answering a command failed", "err", err)
		}
		return
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if err := d.respond(ctx, i, deferred); err != nil {
		d.log.Error("deferring a command failed", "err", err)
		return
	}
	select {
	case rep = <-late:
	case <-ctx.Done():
		d.log.Error("a deferred answer was not ready in time")
		return
	}
	d.editOriginal(ctx, i, rep)
}

func (d *Discord) respond(ctx context.Context, i *discordgo.Interaction, r *discordgo.InteractionResponse) error {
	return d.call(ctx, "respond", func(o ...discordgo.RequestOption) error {
		return d.s.InteractionRespond(i, r, o...)
	})
}

// editOriginal replaces a deferred response with the answer.
func (d *Discord) editOriginal(ctx context.Context, i *discordgo.Interaction, rep briefings.Reply) {
	edit := RenderMessage(rep).edit()
	err := d.call(ctx, "edit", func(o ...discordgo.RequestOption) error {
		_, err := d.s.InteractionResponseEdit(i, edit, o...)
		return err
	})
	if err != nil {
		d.log.Error("sending a deferred answer failed", "err", err)
	}
}
