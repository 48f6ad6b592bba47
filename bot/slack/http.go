package slack

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

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
	cmd, err := parseSlashCommand(string(body))
	if err != nil || cmd.Command == "" {
		s.refuse(w, r, http.StatusBadRequest, bot.RefusedMalformed, "not a slash command")
		return
	}
	out := s.slash(cmd, maxHTTPInline)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(out)
}

// parseSlashCommand reads a slash command's form-encoded body. It refuses
// what url.ParseQuery refuses (a semicolon separator, a bad escape) and,
// like url.Values.Get, takes a field's first value; it only builds no map
// of every field, which is most of the cost of a slash command's parsing.
func parseSlashCommand(body string) (slack.SlashCommand, error) {
	var cmd slack.SlashCommand
	fields := [...]struct {
		name string
		dst  *string
	}{
		{"team_id", &cmd.TeamID}, {"channel_id", &cmd.ChannelID}, {"channel_name", &cmd.ChannelName},
		{"user_id", &cmd.UserID}, {"command", &cmd.Command}, {"text", &cmd.Text},
		{"response_url", &cmd.ResponseURL}, {"trigger_id", &cmd.TriggerID}, {"api_app_id", &cmd.APIAppID},
	}
	var set [len(fields)]bool
	for body != "" {
		var pair string
		pair, body, _ = strings.Cut(body, "&")
		if strings.Contains(pair, ";") {
			return slack.SlashCommand{}, errors.New("invalid semicolon separator in form")
		}
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(key)
		if err != nil {
			return slack.SlashCommand{}, err
		}
		if value, err = url.QueryUnescape(value); err != nil {
			return slack.SlashCommand{}, err
		}
		for i, f := range fields {
			if f.name == key && !set[i] {
				*f.dst, set[i] = value, true
				break
			}
		}
	}
	return cmd, nil
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
