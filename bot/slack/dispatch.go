package slack

import (
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/briefbot/briefbot/bot"
)

// Slash command responses. With answers: private (the default) an answer
// is ephemeral, with a Share button; with answers: public it is posted
// in_channel, so the channel sees the command and the answer together.
// Help, usage, errors and nothing found are ephemeral either way.
const (
	responseInChannel = "in_channel"
	responseEphemeral = "ephemeral"
)

// Acknowledgements of a slow slash command, whose answer follows through
// response_url: a public answer shows the command in the channel at once;
// a private one acknowledges with an empty body.
var (
	deferredPublicAck  = []byte(`{"response_type":"in_channel"}`)
	deferredPrivateAck = []byte{}
)

func slashMessage(a bot.Answer) Message {
	m := RenderAnswer(a)
	m.ResponseType = responseInChannel
	if a.Private {
		m.ResponseType = responseEphemeral
	}
	return m
}

// slash answers a slash command, from either transport. When the answer is
// ready within the inline timeout and its JSON is under maxInline bytes it
// is returned, to be sent as the acknowledgement; otherwise the
// acknowledgement is deferredAck and the answer is posted to response_url
// when ready. Either way the caller acknowledges at once with the bytes
// returned.
func (s *Slack) slash(cmd slack.SlashCommand, maxInline int) []byte {
	text := strings.TrimSpace(cmd.Command + " " + cmd.Text)
	req := s.request(cmd.ChannelID, cmd.UserID, cmd.ChannelName, text)
	req.Slash, req.Private = true, s.cfg.Answers == AnswersPrivate
	deferredAck := deferredPublicAck
	if req.Private {
		deferredAck = deferredPrivateAck
	}

	ready := make(chan slashAnswer) // unbuffered: a send succeeds only if the caller still waits
	late := make(chan struct{})
	s.goSafe("slash command", func() {
		ans := s.slashes.render(s.answer(s.base, req))
		select {
		case ready <- ans:
		case <-late:
			s.deliverLate(cmd, ans.m)
		}
	})

	timer := time.NewTimer(s.settle)
	defer timer.Stop()
	select {
	case ans := <-ready:
		if ans.json != nil && len(ans.json) < maxInline {
			return ans.json
		}
		s.goSafe("slash command", func() { s.deliverLate(cmd, ans.m) })
	case <-timer.C:
		close(late)
	}
	return deferredAck
}

// deliverLate sends a slash command's answer to its response_url, or to
// the channel when Slack gave none.
func (s *Slack) deliverLate(cmd slack.SlashCommand, m Message) {
	var err error
	if cmd.ResponseURL != "" {
		err = s.respond(s.base, cmd.ResponseURL, m)
	} else {
		m.ResponseType = ""
		err = s.postMessage(s.base, cmd.ChannelID, "", m)
	}
	if err != nil {
		s.log.Error("late slash command answer lost", "err", err)
	}
}

// event handles one Events API callback from either transport: it drops
// retries of an event already taken, then answers direct messages and
// mentions asynchronously with chat.postMessage. retry is Slack's retry
// attempt number (0 on first delivery), for the log only.
func (s *Slack) event(ev slackevents.EventsAPIEvent, retry int) {
	if ev.Type != slackevents.CallbackEvent {
		return
	}
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok && cb.EventID != "" {
		if !s.seen.firstTime(cb.EventID, s.now()) {
			s.log.Debug("duplicate event ignored", "event_id", cb.EventID, "retry", retry)
			return
		}
	}
	var channel, user, channelType, text, thread, ts string
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.MessageEvent:
		// message.im: a direct message. Subtypes are edits, deletions,
		// bot posts, joins, files...: none is a question.
		if e.ChannelType != "im" || e.SubType != "" || e.BotID != "" || e.User == "" || s.isSelf(e.User) {
			return
		}
		channel, user, channelType, text, thread, ts = e.Channel, e.User, e.ChannelType, e.Text, e.ThreadTimeStamp, e.TimeStamp
	case *slackevents.AppMentionEvent:
		// A mention in a DM also arrives as message.im; answer that one.
		if e.BotID != "" || e.Edited != nil || e.User == "" || s.isSelf(e.User) || strings.HasPrefix(e.Channel, "D") {
			return
		}
		// In a channel the answer goes in a thread under the mention.
		channel, user, text, thread, ts = e.Channel, e.User, e.Text, e.ThreadTimeStamp, e.TimeStamp
		if thread == "" {
			thread = ts
		}
	default:
		return
	}
	req := s.request(channel, user, channelType, s.stripMention(text))
	req.Thread = thread
	s.goSafe("event", func() {
		a := s.answer(s.base, req)
		a.Private = false // chat.postMessage is seen by everyone in the conversation
		if err := s.postMessage(s.base, channel, thread, RenderAnswer(a)); err != nil {
			s.log.Error("answer to a message lost", "err", err)
		}
	})
}

func (s *Slack) isSelf(user string) bool {
	id := s.botUserID()
	return id != "" && user == id
}

var anyMention = regexp.MustCompile(`^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>`)

// stripMention removes the bot's own mention, <@UBOT> or <@UBOT|name>,
// from a message; before auth.test has answered, a leading mention.
func (s *Slack) stripMention(text string) string {
	id := s.botUserID()
	if id == "" {
		return strings.TrimSpace(anyMention.ReplaceAllString(text, ""))
	}
	for _, m := range []string{"<@" + id + ">", "<@" + id + "|"} {
		for {
			i := strings.Index(text, m)
			if i < 0 {
				break
			}
			end := i + len(m)
			if strings.HasSuffix(m, "|") {
				j := strings.IndexByte(text[end:], '>')
				if j < 0 {
					break
				}
				end += j + 1
			}
			text = text[:i] + " " + text[end:]
		}
	}
	return strings.Join(strings.Fields(text), " ")
}
