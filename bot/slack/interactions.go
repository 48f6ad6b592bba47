package slack

import (
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// InteractionsPath is the Interactivity Request URL to give Slack (see
// slack-manifest.yaml): button clicks arrive here as block_actions.
const InteractionsPath = "/slack/interactions"

// handleInteraction serves POST /slack/interactions: a signed form whose
// payload field is the interaction's JSON. It acknowledges at once and
// carries the click out in the background, answering through the
// interaction's response_url.
func (s *Slack) handleInteraction(w http.ResponseWriter, r *http.Request) {
	defer s.recoverPanic("interactions handler")
	body, ok := s.readSigned(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("payload") == "" {
		s.refuse(w, r, http.StatusBadRequest, bot.RefusedMalformed, "not an interaction payload")
		return
	}
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil {
		s.refuse(w, r, http.StatusBadRequest, bot.RefusedMalformed, "malformed interaction payload")
		return
	}
	s.interaction(cb)
	w.WriteHeader(http.StatusOK)
}

// interaction carries out a block_actions click from either transport:
// the router decides what the button does, and the result goes to the
// interaction's response_url (a private notice, the message replaced, or
// a new message in the channel). Other interaction types are ignored.
func (s *Slack) interaction(cb slack.InteractionCallback) {
	if cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 {
		return
	}
	action := cb.ActionCallback.BlockActions[0]
	if action == nil || cb.ResponseURL == "" {
		return
	}
	// A replayed payload (same click, signed again within the window)
	// changes nothing: each click is carried out once.
	if key := clickKey(cb, action); key != "" && !s.seen.firstTime(key, s.now()) {
		s.log.Debug("repeated button click ignored")
		return
	}
	channel := cb.Channel.ID
	if channel == "" {
		channel = cb.Container.ChannelID
	}
	click := bot.Click{Platform: Name, Channel: channel, User: cb.User.ID, ID: action.ActionID}
	responseURL := cb.ResponseURL
	s.goSafe("interaction", func() {
		act := s.act(s.base, click)
		if err := s.respond(s.base, responseURL, actionMessage(act)); err != nil {
			s.log.Error("answer to a button click lost", "err", err)
		}
	})
}

// clickKey names one click: Slack gives each a trigger id, and each
// action its own timestamp.
func clickKey(cb slack.InteractionCallback, a *slack.BlockAction) string {
	if cb.TriggerID == "" && a.ActionTs == "" {
		return ""
	}
	return "click\x00" + cb.TriggerID + "\x00" + a.ActionTs + "\x00" + cb.User.ID + "\x00" + a.ActionID
}
