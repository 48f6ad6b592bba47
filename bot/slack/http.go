package slack

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/briefbot/briefbot/bot"
)

// MaxBody is the largest request body accepted from Slack; slash commands
// and events are a few KB at most.
const MaxBody = 64 << 10

// The HTTP endpoints to give Slack (see slack-manifest.yaml).
const (
	CommandsPath = "/slack/commands"
	EventsPath   = "/slack/events"
)

// maxHTTPInline bounds an inline slash command response; bigger answers go
// through response_url.
const maxHTTPInline = 256 << 10

// Routes implements bot.HTTPPlatform: it mounts POST /slack/commands,
// POST /slack/events and POST /slack/interactions. In socket mode Slack does not call us and nothing is
// mounted.
func (s *Slack) Routes(mux *http.ServeMux) {
	if s.cfg.Mode != ModeHTTP {
		return
	}
	mux.HandleFunc("POST "+CommandsPath, s.handleCommand)
	mux.HandleFunc("POST "+EventsPath, s.handleEvents)
	mux.HandleFunc("POST "+InteractionsPath, s.handleInteraction)
}

// readSigned reads the body and checks its signature. It writes the error
// response (413, 400, 401) and returns false when the request is refused.
func (s *Slack) readSigned(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.refuse(w, r, http.StatusRequestEntityTooLarge, bot.RefusedTooLarge, "request body too large")
		} else {
			s.refuse(w, r, http.StatusBadRequest, bot.RefusedUnreadable, "cannot read request body")
		}
		return nil, false
	}
	if err := verifySignature(s.cfg.SigningSecret, r.Header, body, s.now()); err != nil {
		reason := bot.RefusedBadSignature
		switch {
		case errors.Is(err, errNoSignature):
			reason = bot.RefusedNoSignature
		case errors.Is(err, errStale):
			reason = bot.RefusedStale
		}
		s.refuse(w, r, http.StatusUnauthorized, reason, "invalid request signature")
		return nil, false
	}
	return body, true
}

// refuse answers a refused request with status and a short message, logs
// the reason at debug (never the body) and counts it.
func (s *Slack) refuse(w http.ResponseWriter, r *http.Request, status int, reason, msg string) {
	s.log.Debug("request refused", "path", r.URL.Path, "reason", reason, "status", status)
	s.obs.Refused(Name, reason)
	http.Error(w, msg, status)
}

// handleCommand serves a slash command: the answer inline when it is
// quick, else an acknowledgement and the answer through response_url.
func (s *Slack) handleCommand(w http.ResponseWriter, r *http.Request) {
	defer s.recoverPanic("slash command handler")
	body, ok := s.readSigned(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("command") == "" {
		s.refuse(w, r, http.StatusBadRequest, bot.RefusedMalformed, "not a slash command")
		return
	}
	cmd := slack.SlashCommand{
		TeamID:      form.Get("team_id"),
		ChannelID:   form.Get("channel_id"),
		ChannelName: form.Get("channel_name"),
		UserID:      form.Get("user_id"),
		Command:     form.Get("command"),
		Text:        form.Get("text"),
		ResponseURL: form.Get("response_url"),
		TriggerID:   form.Get("trigger_id"),
		APIAppID:    form.Get("api_app_id"),
	}
	out := s.slash(cmd, maxHTTPInline)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(out)
}

// handleEvents serves the Events API: it answers url_verification, and
// acknowledges callbacks at once, answering them in the background.
func (s *Slack) handleEvents(w http.ResponseWriter, r *http.Request) {
	defer s.recoverPanic("events handler")
	body, ok := s.readSigned(w, r)
	if !ok {
		return
	}
	var outer struct {
		Type      string `json:"type"`
		Challenge string `json:"challenge"`
	}
	if err := json.Unmarshal(body, &outer); err != nil {
		s.refuse(w, r, http.StatusBadRequest, bot.RefusedMalformed, "not an Events API payload")
		return
	}
	switch outer.Type {
	case slackevents.URLVerification:
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"challenge": outer.Challenge})
		return
	case slackevents.CallbackEvent:
		retry, _ := strconv.Atoi(r.Header.Get("X-Slack-Retry-Num"))
		ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
		if err != nil {
			// An event type we did not subscribe to, or a shape we cannot
			// read: acknowledge so Slack does not retry it.
			s.log.Debug("event ignored", "err", err)
		} else {
			s.event(ev, retry)
		}
	}
	w.WriteHeader(http.StatusOK)
}
