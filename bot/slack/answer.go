package slack

import (
	"fmt"
	"regexp"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// Limits of the interactive parts of a message.
const (
	// MaxButtonText is the longest plain_text label of a button.
	// https://docs.slack.dev/reference/block-kit/block-elements/button-element
	MaxButtonText = 75
	// MaxActionID is the longest action_id of an interactive element.
	MaxActionID = 255
	// MaxActionElements is the number of elements an actions block holds.
	// https://docs.slack.dev/reference/block-kit/blocks/actions-block
	MaxActionElements = 25
)

// userID matches a Slack user id, the only text put in a <@...> mention.
var userID = regexp.MustCompile(`^[UW][A-Z0-9]{1,20}$`)

// RenderAnswer renders an answer: the page's reply, then a context line
// saying who shared it and which page it is, then its buttons (More,
// Share, 👍 👎) in one actions block. No Block Kit limit is exceeded.
func RenderAnswer(a bot.Answer) Message {
	var notes []string
	if a.SharedBy != "" && userID.MatchString(a.SharedBy) {
		notes = append(notes, "Shared by <@"+a.SharedBy+">")
	}
	if a.Pages > 1 {
		notes = append(notes, fmt.Sprintf("Page %d of %d", a.Page+1, a.Pages))
	}
	buttons := a.Buttons()
	reserve := 0 // the blocks added below: a context line and the actions
	if len(notes) > 0 {
		reserve++
	}
	if len(buttons) > 0 {
		reserve++
	}
	m := renderMessage(a.Reply, reserve)
	if len(notes) > 0 {
		text := notes[0]
		if len(notes) > 1 {
			text += " · " + notes[1]
		}
		m.Blocks.BlockSet = append(m.Blocks.BlockSet, slack.NewContextBlock("", mrkdwnText(text)))
	}
	var elems []slack.BlockElement
	for _, b := range buttons {
		if len(elems) == MaxActionElements || len(b.ID) > MaxActionID {
			break
		}
		label, _ := fit(b.Label, MaxButtonText)
		btn := slack.NewButtonBlockElement(b.ID, b.ID, slack.NewTextBlockObject(slack.PlainTextType, label, true, false))
		if b.Primary {
			btn = btn.WithStyle(slack.StylePrimary)
		}
		elems = append(elems, btn)
	}
	if len(elems) > 0 {
		m.Blocks.BlockSet = append(m.Blocks.BlockSet, slack.NewActionBlock("briefbot_actions", elems...))
	}
	return m
}

// noticeMessage is the private reply to a click: a thank-you for a vote,
// or why a button did nothing. It never replaces the message clicked.
func noticeMessage(text string) Message {
	t, _ := fit(text, MaxSectionText)
	no := false
	return Message{Text: t, Blocks: slack.Blocks{BlockSet: []slack.Block{section(t)}},
		ResponseType: responseEphemeral, ReplaceOriginal: &no}
}

// actionMessage is what a click's action sends to its response_url.
func actionMessage(act bot.Action) Message {
	switch act.Kind {
	case bot.ActReplace:
		m := RenderAnswer(act.Answer)
		yes := true
		m.ReplaceOriginal = &yes
		return m
	case bot.ActPost:
		m := RenderAnswer(act.Answer)
		no := false
		m.ResponseType, m.ReplaceOriginal = responseInChannel, &no
		return m
	}
	return noticeMessage(act.Notice)
}
