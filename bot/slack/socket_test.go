package slack

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
)

// acks records Socket Mode acknowledgements.
type acks struct {
	mu  sync.Mutex
	got map[string][]any
}

func (a *acks) ack(req socketmode.Request, payload ...any) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.got == nil {
		a.got = map[string][]any{}
	}
	a.got[req.EnvelopeID] = payload
	return nil
}

func (a *acks) wait(t *testing.T, id string) []any {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		a.mu.Lock()
		p, ok := a.got[id]
		a.mu.Unlock()
		if ok {
			return p
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("envelope %s never acknowledged", id)
	return nil
}

func newSocketSlack(t *testing.T, fake *fakeSlack, h bot.Handler) *Slack {
	t.Helper()
	s, err := New(Config{Mode: ModeSocket, BotToken: "xoxb-1", AppToken: "xapp-1", APIURL: fake.URL + "/api/"}, h, slog.New(slog.DiscardHandler), nil,
		WithClock(func() time.Time { return testNow }), WithRetry(scaledRetry(0.001)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.stop)
	return s
}

func parseEvent(t *testing.T, body string) slackevents.EventsAPIEvent {
	t.Helper()
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// TestSocketDispatch drives the Socket Mode event handler directly: the
// same slash command and event code as HTTP mode, acknowledged on the socket.
func TestSocketDispatch(t *testing.T) {
	fake := newFakeSlack(t)
	rec := &recorder{}
	s := newSocketSlack(t, fake, rec)
	s.botUser.Store(testBotID)
	a := &acks{}

	s.socketEvent(socketmode.Event{Type: socketmode.EventTypeConnected}, a.ack)
	if !s.Connected() {
		t.Fatal("not connected after EventTypeConnected")
	}

	cmd := slack.SlashCommand{Command: "/brief", Text: "who cazeneuve", ChannelID: "C1", UserID: "U1", ResponseURL: fake.URL + "/response/x"}
	s.socketEvent(socketmode.Event{Type: socketmode.EventTypeSlashCommand, Data: cmd, Request: &socketmode.Request{EnvelopeID: "env-1"}}, a.ack)
	p := a.wait(t, "env-1")
	if len(p) != 1 {
		t.Fatalf("slash command ack without payload")
	}
	raw, _ := json.Marshal(p[0])
	var m Message
	if err := json.Unmarshal(raw, &m); err != nil || m.ResponseType != responseEphemeral || !strings.Contains(m.Text, "/brief who cazeneuve") {
		t.Fatalf("ack payload %s (%v)", raw, err)
	}

	body := eventBody("EvS1", map[string]any{"type": "app_mention", "channel": "C2", "user": "U1", "text": "<@UBOT> stats 2025", "ts": "5.5"})
	for i := range 2 { // a retry of the same event is acknowledged, not answered
		env := "env-ev-" + string(rune('a'+i))
		s.socketEvent(socketmode.Event{Type: socketmode.EventTypeEventsAPI, Data: parseEvent(t, body), Request: &socketmode.Request{EnvelopeID: env, RetryAttempt: i}}, a.ack)
		if p := a.wait(t, env); len(p) != 0 {
			t.Fatalf("events ack with payload %v", p)
		}
	}
	posts := fake.waitPosts(t, 1)
	time.Sleep(20 * time.Millisecond)
	if posts = fake.received(); len(posts) != 1 || posts[0].Channel != "C2" || !strings.Contains(posts[0].Msg.Text, "stats 2025") {
		t.Fatalf("posts %+v", posts)
	}
	if n := len(rec.requests()); n != 2 {
		t.Fatalf("%d requests handled, want 2", n)
	}

	s.socketEvent(socketmode.Event{Type: socketmode.EventTypeConnectionError, Data: &slack.ConnectionErrorEvent{}}, a.ack)
	if s.Connected() {
		t.Fatal("still connected after a connection error")
	}
}

func TestSocketOversizedAnswerGoesToResponseURL(t *testing.T) {
	fake := newFakeSlack(t)
	s := newSocketSlack(t, fake, handlerFunc(func(context.Context, bot.Request) briefings.Reply {
		return sampleReplies()["oversized"]
	}))
	a := &acks{}
	cmd := slack.SlashCommand{Command: "/ask", Text: "everything", ChannelID: "C1", UserID: "U1", ResponseURL: fake.URL + "/response/x"}
	s.socketEvent(socketmode.Event{Type: socketmode.EventTypeSlashCommand, Data: cmd, Request: &socketmode.Request{EnvelopeID: "big"}}, a.ack)
	p := a.wait(t, "big")
	if len(p) != 0 {
		t.Fatalf("a private answer's deferred ack carries a payload: %v", p)
	}
	post := fake.waitPosts(t, 1)[0]
	if post.Endpoint != "response_url" || len(post.Msg.Blocks.BlockSet) != MaxBlocks {
		t.Fatalf("late post %s with %d blocks", post.Endpoint, len(post.Msg.Blocks.BlockSet))
	}
}

// TestSocketModeEndToEnd runs the adapter against a fake Socket Mode
// server: apps.connections.open, a WebSocket that delivers a slash command
// and an event, and reads the acknowledgements.
func TestSocketModeEndToEnd(t *testing.T) {
	fake := newFakeSlack(t)
	type frame struct {
		EnvelopeID string          `json:"envelope_id"`
		Payload    json.RawMessage `json:"payload"`
	}
	ackc := make(chan frame, 4)
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }} // the client sends Origin: https://api.slack.com
	mux := http.NewServeMux()
	mux.HandleFunc("/api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"ok":true,"user_id":"UBOT","bot_id":"BBOT"}`))
	})
	mux.HandleFunc("/api/chat.postMessage", fake.Config.Handler.ServeHTTP)
	mux.HandleFunc("/api/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer xapp-1" {
			t.Errorf("apps.connections.open auth %q", r.Header.Get("Authorization"))
		}
		_, _ = w.Write([]byte(`{"ok":true,"url":"ws://` + r.Host + `/ws"}`))
	})
	mux.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		cmd, _ := json.Marshal(map[string]any{"command": "/who", "text": "cazeneuve", "channel_id": "C1", "user_id": "U1", "response_url": fake.URL + "/response/x"})
		ev := eventBody("EvWS", map[string]any{"type": "message", "channel": "D7", "channel_type": "im", "user": "U1", "text": "sources", "ts": "1.1"})
		for _, msg := range []string{
			`{"type":"hello","num_connections":1}`,
			`{"type":"slash_commands","envelope_id":"e-cmd","payload":` + string(cmd) + `,"accepts_response_payload":true}`,
			`{"type":"events_api","envelope_id":"e-ev","payload":` + ev + `,"retry_attempt":0}`,
		} {
			if err := c.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
				return
			}
		}
		for {
			var f frame
			if err := c.ReadJSON(&f); err != nil {
				return
			}
			ackc <- f
		}
	})
	srv := httptestServer(t, mux)

	s, err := New(Config{Mode: ModeSocket, BotToken: "xoxb-1", AppToken: "xapp-1", APIURL: srv.URL + "/api/"}, &recorder{}, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()

	got := map[string]frame{}
	timeout := time.After(5 * time.Second)
	for len(got) < 2 {
		select {
		case f := <-ackc:
			got[f.EnvelopeID] = f
		case <-timeout:
			t.Fatalf("acks received: %v", got)
		}
	}
	var m Message
	if err := json.Unmarshal(got["e-cmd"].Payload, &m); err != nil || !strings.Contains(m.Text, "/who cazeneuve") {
		t.Fatalf("slash command ack %s", got["e-cmd"].Payload)
	}
	if p := fake.waitPosts(t, 1)[0]; p.Channel != "D7" || !strings.Contains(p.Msg.Text, "sources") {
		t.Fatalf("DM answer %+v", p)
	}
	if !s.Connected() {
		t.Fatal("not connected")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}
