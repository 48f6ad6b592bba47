package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// maxSocketInline keeps a slash command acknowledgement under Socket
// Mode's 20 KB message limit (Slack drops larger ones silently); bigger
// answers go through response_url.
// https://docs.slack.dev/apis/events-api/using-socket-mode
const maxSocketInline = 20<<10 - 512

// runSocket holds the Socket Mode connection until ctx is cancelled. The
// client reconnects by itself; it only returns early when Slack refuses
// the app token.
func (s *Slack) runSocket(ctx context.Context) error {
	client := socketmode.New(s.api, socketmode.OptionLog(slogOutput{s.log}))
	errc := make(chan error, 1)
	go func() { errc <- client.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-errc:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack socket mode: %w", err)
		case evt := <-client.Events:
			s.socketEvent(evt, client.Ack)
		}
	}
}

// ackFunc acknowledges a Socket Mode envelope, with an optional payload.
type ackFunc func(req socketmode.Request, payload ...any) error

// socketEvent handles one Socket Mode event with the same code as HTTP mode.
func (s *Slack) socketEvent(evt socketmode.Event, ack ackFunc) {
	defer s.recoverPanic("socket event")
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		s.connected.Store(false)
		s.log.Debug("socket mode connecting")
	case socketmode.EventTypeConnected:
		s.connected.Store(true)
		s.log.Info("socket mode connected")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth:
		s.connected.Store(false)
		s.obs.PlatformError(Name, "socket")
		var cause error
		if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			cause = ce.ErrorObj
		}
		s.log.Warn("socket mode connection failed", "event", string(evt.Type), "err", cause)
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		req := *evt.Request
		// slash waits up to the inline timeout: never on the event loop.
		s.goSafe("socket slash command", func() {
			var err error
			if out := s.slash(cmd, maxSocketInline); len(out) > 0 {
				err = ack(req, json.RawMessage(out))
			} else {
				err = ack(req)
			}
			if err != nil {
				s.log.Error("socket mode ack failed", "err", err)
			}
		})
	case socketmode.EventTypeEventsAPI:
		if evt.Request != nil {
			if err := ack(*evt.Request); err != nil {
				s.log.Error("socket mode ack failed", "err", err)
			}
		}
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			return
		}
		retry := 0
		if evt.Request != nil {
			retry = evt.Request.RetryAttempt
		}
		s.event(ev, retry)
	case socketmode.EventTypeInteractive:
		if evt.Request != nil {
			if err := ack(*evt.Request); err != nil {
				s.log.Error("socket mode ack failed", "err", err)
			}
		}
		if cb, ok := evt.Data.(slack.InteractionCallback); ok {
			s.interaction(cb)
		}
	}
}

// slogOutput sends the socket client's own log lines to slog at debug level.
type slogOutput struct{ log *slog.Logger }

func (o slogOutput) Output(_ int, s string) error {
	o.log.Debug("socketmode: " + s)
	return nil
}
