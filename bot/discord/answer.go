package discord

import (
	"fmt"
	"regexp"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// Limits of message components.
// https://discord.com/developers/docs/components/reference#button
const (
	// MaxActionRows is the number of action rows a message holds.
	MaxActionRows = 5
	// MaxButtonsPerRow is the number of buttons an action row holds.
	MaxButtonsPerRow = 5
	// MaxButtonLabel is the longest button label.
	MaxButtonLabel = 80
	// MaxCustomID is the longest custom_id of a component.
	MaxCustomID = 100
)

// snowflake matches a Discord id, the only text put in a <@...> mention.
var snowflake = regexp.MustCompile(`^[0-9]{1,20}$`)

// RenderAnswer renders an answer: the page's reply as an embed; the
// content says who shared it and which page it is; the buttons (More,
// Share, 👍 👎) sit in one action row; an answer only the asker sees has
// the ephemeral flag. allowed_mentions parses nothing, so "Shared by"
// names the person without pinging them.
func RenderAnswer(a bot.Answer) Message {
	m := RenderMessage(a.Reply)
	note := ""
	if a.SharedBy != "" && snowflake.MatchString(a.SharedBy) {
		note = "Shared by <@" + a.SharedBy + ">"
	}
	if a.Pages > 1 {
		if note != "" {
			note += " · "
		}
		note += fmt.Sprintf("Page %d of %d", a.Page+1, a.Pages)
	}
	m.Content = note
	var row []discordgo.MessageComponent
	for _, b := range a.Buttons() {
		if len(row) == MaxButtonsPerRow || len(b.ID) > MaxCustomID {
			break
		}
		style := discordgo.SecondaryButton
		if b.Primary {
			style = discordgo.PrimaryButton
		}
		label, _ := fit(b.Label, MaxButtonLabel)
		row = append(row, discordgo.Button{Label: label, Style: style, CustomID: b.ID})
	}
	if len(row) > 0 {
		m.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
	}
	if a.Private {
		m.Flags = discordgo.MessageFlagsEphemeral
	}
	return m
}

// actionResponse is the interaction response to a button click: the
// message updated in place (More, type 7), a new public message (Share),
// or a private notice.
func actionResponse(act bot.Action) *discordgo.InteractionResponse {
	switch act.Kind {
	case bot.ActReplace:
		m := RenderAnswer(act.Answer)
		m.Flags = 0 // an update keeps the message's own flags
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: m.data()}
	case bot.ActPost:
		m := RenderAnswer(act.Answer)
		m.Flags = 0
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: m.data()}
	}
	text, _ := fit(escape(act.Notice), MaxContent)
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: text, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions()}}
}

// componentClick reads a button click (interaction type 3). The user is
// Member.User in a guild and User in a DM.
func componentClick(i *discordgo.Interaction) (bot.Click, bool) {
	data, ok := i.Data.(discordgo.MessageComponentInteractionData)
	if !ok || i.Type != discordgo.InteractionMessageComponent {
		return bot.Click{}, false
	}
	return bot.Click{Platform: Name, Channel: i.ChannelID, User: interactionUser(i), ID: data.CustomID}, true
}

// interactionUser is the id of who sent an interaction.
func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}
