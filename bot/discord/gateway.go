package discord

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
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

// onReady learns the bot's user id (to ignore its own messages) and the
// application id; then asks for command registration. READY's application
// id is the token's own, so it wins over a configured one (a copied
// placeholder would register the commands nowhere).
func (d *Discord) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	defer d.recoverPanic("ready")
	d.mu.Lock()
	if r.User != nil {
		d.botID = r.User.ID
	}
	if r.Application != nil && r.Application.ID != "" && r.Application.ID != d.appID {
		if d.appID != "" {
			d.log.Warn("discord.application_id differs from the bot token's application; using the token's",
				"configured", d.appID, "from_gateway", r.Application.ID)
		}
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
	d.work.Add()
	defer d.work.Done()
	ctx, cancel := d.answerContext()
	defer cancel()
	req := d.request(m.ChannelID, m.Author.ID, m.Content, dm)
	channel := m.ChannelID
	if !dm {
		// In a guild channel the answer goes in a thread under the mention.
		// A thread is a channel: the answer, its buttons and follow-ups
		// belong to it.
		if th := d.threadFor(ctx, m.Message); th != m.ChannelID {
			channel, req.Channel, req.Thread = th, th, th
		}
	}
	a := d.answer(ctx, req)
	a.Private = false
	if err := d.send(ctx, channel, RenderAnswer(a)); err != nil {
		d.log.Error("reply to a message failed", "err", err)
	}
}

// threadName names the thread opened under a mention.
const threadName = "briefbot answer"

// threadFor opens a thread under a mention and returns its channel id, or
// the mention's own channel when a thread cannot be opened there (the
// mention is already in a thread, or the bot may not create threads).
func (d *Discord) threadFor(ctx context.Context, m *discordgo.Message) string {
	var th *discordgo.Channel
	err := d.call(ctx, "thread", func(o ...discordgo.RequestOption) error {
		var err error
		th, err = d.s.MessageThreadStartComplex(m.ChannelID, m.ID, &discordgo.ThreadStart{Name: threadName, AutoArchiveDuration: 1440}, o...)
		return err
	})
	if err != nil || th == nil || th.ID == "" {
		d.log.Info("answering a mention in its channel: no thread", "err", err)
		return m.ChannelID
	}
	return th.ID
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

// onInteraction answers a slash command or a button click that arrived
// over the gateway: a command's answer inline when it is ready within the
// budget, else a deferral and then an edit of the original response.
func (d *Discord) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	defer d.recoverPanic("interaction")
	i := ic.Interaction
	if i == nil {
		return
	}
	if i.AppID == "" {
		i.AppID = d.applicationID()
	}
	d.work.Add()
	defer d.work.Done()
	ctx, cancel := d.answerContext()
	defer cancel()
	if click, ok := componentClick(i); ok {
		if err := d.respond(ctx, i, actionResponse(d.act(ctx, click))); err != nil {
			d.log.Error("answering a button click failed", "err", err)
		}
		return
	}
	if i.Type != discordgo.InteractionApplicationCommand {
		return
	}
	req := d.interactionRequest(i)
	a, late := d.race(ctx, req)
	if late == nil {
		if err := d.respond(ctx, i, RenderAnswer(a).response()); err != nil {
			d.log.Error("answering a command failed", "err", err)
		}
		return
	}
	if err := d.respond(ctx, i, deferral(req)); err != nil {
		d.log.Error("deferring a command failed", "err", err)
		return
	}
	select {
	case a = <-late:
	case <-ctx.Done():
		d.log.Error("a deferred answer was not ready in time")
		return
	}
	d.editOriginal(ctx, i, a)
}

// deferral acknowledges a slow command (type 5); a private answer's
// deferral is ephemeral, so the answer that replaces it is too.
func deferral(req bot.Request) *discordgo.InteractionResponse {
	r := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if req.Private {
		r.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	return r
}

func (d *Discord) respond(ctx context.Context, i *discordgo.Interaction, r *discordgo.InteractionResponse) error {
	return d.call(ctx, "respond", func(o ...discordgo.RequestOption) error {
		return d.s.InteractionRespond(i, r, o...)
	})
}

// editOriginal replaces a deferred response with the answer.
func (d *Discord) editOriginal(ctx context.Context, i *discordgo.Interaction, a bot.Answer) {
	edit := RenderAnswer(a).edit()
	err := d.call(ctx, "edit", func(o ...discordgo.RequestOption) error {
		_, err := d.s.InteractionResponseEdit(i, edit, o...)
		return err
	})
	if err != nil {
		d.log.Error("sending a deferred answer failed", "err", err)
	}
}
