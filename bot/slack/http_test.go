package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
)

func decodeMessage(t *testing.T, body []byte) Message {
	t.Helper()
	var m Message
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("response %q: %v", body, err)
	}
	return m
}

func TestSlashCommandInline(t *testing.T) {
	rec := &recorder{}
	h := newHarness(t, rec)
	tests := []struct {
		name, command, text, channel, user string
		want                               bot.Request
	}{
		{"who", "/who", "cazeneuve", "C1", "U1", bot.Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/who cazeneuve", Slash: true, Private: true}},
		{"brief subcommand", "/brief", "who cazeneuve", "C1", "U1", bot.Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/brief who cazeneuve", Slash: true, Private: true}},
		{"unknown name still routed", "/briefing", "stats 2025", "C1", "U1", bot.Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/briefing stats 2025", Slash: true, Private: true}},
		{"no text", "/help", "", "C1", "U1", bot.Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/help", Slash: true, Private: true}},
		{"dm and admin", "/digest", "subscribe daily 09:00", "D42", "UADMIN", bot.Request{Platform: "slack", Channel: "D42", User: "UADMIN", Text: "/digest subscribe daily 09:00", DM: true, Admin: true, Slash: true, Private: true}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := h.do(signed(CommandsPath, "application/x-www-form-urlencoded", h.commandForm(tt.command, tt.text, tt.channel, tt.user)))
			if w.Code != http.StatusOK {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("content type %q", ct)
			}
			m := decodeMessage(t, w.Body.Bytes())
			if m.ResponseType != responseEphemeral {
				t.Errorf("response_type %q, want ephemeral (answers: private)", m.ResponseType)
			}
			if !strings.Contains(m.Text, "you said: "+tt.want.Text) {
				t.Errorf("text %q", m.Text)
			}
			if got := rec.requests()[i]; got != tt.want {
				t.Errorf("request %+v, want %+v", got, tt.want)
			}
		})
	}
	if p := h.fake.received(); len(p) != 0 {
		t.Fatalf("inline answers also posted: %+v", p)
	}
}

func TestSlashCommandPublicAnswers(t *testing.T) {
	rec := &recorder{}
	h := newHarness(t, rec, withAnswers(AnswersPublic))
	w := h.do(signed(CommandsPath, "application/x-www-form-urlencoded", h.commandForm("/who", "cazeneuve", "C1", "U1")))
	if m := decodeMessage(t, w.Body.Bytes()); m.ResponseType != responseInChannel {
		t.Fatalf("response_type %q with answers: public", m.ResponseType)
	}
	if r := rec.requests()[0]; !r.Slash || r.Private {
		t.Fatalf("request %+v: want a slash command, not private", r)
	}
}

func TestSlashCommandEphemeralForErrors(t *testing.T) {
	h := newHarness(t, handlerFunc(func(context.Context, bot.Request) briefings.Reply {
		return briefings.Reply{Kind: briefings.KindError, Title: "I couldn't read that", Summary: "<!channel>"}
	}))
	w := h.do(signed(CommandsPath, "application/x-www-form-urlencoded", h.commandForm("/who", "", "C1", "U1")))
	m := decodeMessage(t, w.Body.Bytes())
	if m.ResponseType != responseEphemeral {
		t.Fatalf("response_type %q", m.ResponseType)
	}
	if strings.Contains(w.Body.String(), "<!channel>") {
		t.Fatalf("unescaped mention in %s", w.Body)
	}
}

func TestSlashCommandLateAnswerGoesToResponseURL(t *testing.T) {
	release := make(chan struct{})
	h := newHarness(t, handlerFunc(func(_ context.Context, req bot.Request) briefings.Reply {
		<-release
		return briefings.Reply{Kind: briefings.KindAnswer, Title: "Slow", Summary: req.Text}
	}), WithInlineTimeout(20*time.Millisecond), withAnswers(AnswersPublic))
	start := time.Now()
	w := h.do(signed(CommandsPath, "application/x-www-form-urlencoded", h.commandForm("/ask", "what happened in 2015?", "C1", "U1")))
	if took := time.Since(start); took > time.Second {
		t.Fatalf("acknowledged after %v", took)
	}
	if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != `{"response_type":"in_channel"}` {
		t.Fatalf("ack %d %s", w.Code, w.Body)
	}
	close(release)
	p := h.fake.waitPosts(t, 1)[0]
	if p.Endpoint != "response_url" || p.Msg.ResponseType != responseInChannel || !strings.Contains(p.Msg.Text, "/ask what happened in 2015?") {
		t.Fatalf("late answer %+v", p)
	}
	if len(p.Msg.Blocks.BlockSet) == 0 {
		t.Fatal("late answer has no blocks")
	}
}

func TestBadRequests(t *testing.T) {
	h := newHarness(t, &recorder{})
	big := strings.Repeat("x", MaxBody+1)
	stale := signed(CommandsPath, "application/x-www-form-urlencoded", "command=/who&text=x")
	stale.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(testNow.Add(-6*time.Minute).Unix(), 10))
	unsigned := signed(CommandsPath, "application/x-www-form-urlencoded", "command=/who&text=x")
	unsigned.Header.Del("X-Slack-Signature")
	tampered := signed(CommandsPath, "application/x-www-form-urlencoded", "command=/who&text=x")
	tampered.Body = io.NopCloser(strings.NewReader("command=/who&text=y"))
	tests := []struct {
		name   string
		req    *http.Request
		want   int
		reason string // counted refusal; "" for none
	}{
		{"too large", signed(CommandsPath, "application/json", big), http.StatusRequestEntityTooLarge, bot.RefusedTooLarge},
		{"events too large", signed(EventsPath, "application/json", big), http.StatusRequestEntityTooLarge, bot.RefusedTooLarge},
		{"not a command", signed(CommandsPath, "application/json", "text=hello"), http.StatusBadRequest, bot.RefusedMalformed},
		{"not json", signed(EventsPath, "application/json", "text=hello"), http.StatusBadRequest, bot.RefusedMalformed},
		{"stale", stale, http.StatusUnauthorized, bot.RefusedStale},
		{"unsigned", unsigned, http.StatusUnauthorized, bot.RefusedNoSignature},
		{"tampered", tampered, http.StatusUnauthorized, bot.RefusedBadSignature},
		{"unknown event type acknowledged", signed(EventsPath, "application/json", `{"type":"app_rate_limited"}`), http.StatusOK, ""},
		{"unsubscribed inner event acknowledged", signed(EventsPath, "application/json", eventBody("Ev9", map[string]any{"type": "no_such_event"})), http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := h.obs.refusals(tt.reason)
			if w := h.do(tt.req); w.Code != tt.want {
				t.Fatalf("status %d, want %d", w.Code, tt.want)
			}
			if tt.reason != "" && h.obs.refusals(tt.reason) != before+1 {
				t.Errorf("refusal %s not counted", tt.reason)
			}
		})
	}
	r := signed(CommandsPath, "", h.commandForm("/who", "x", "C1", "U1"))
	r.Method = http.MethodGet
	if w := h.do(r); w.Code != http.StatusMethodNotAllowed {
		t.Fatalf("GET: %d", w.Code)
	}
}

func TestURLVerification(t *testing.T) {
	h := newHarness(t, &recorder{})
	w := h.do(signed(EventsPath, "application/json", `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`))
	var got map[string]string
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got["challenge"] != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
}

func TestEvents(t *testing.T) {
	dm := func(extra map[string]any) map[string]any {
		e := map[string]any{"type": "message", "channel": "D1", "channel_type": "im", "user": "U1", "text": "who cazeneuve", "ts": "1.1", "event_ts": "1.1"}
		for k, v := range extra {
			e[k] = v
		}
		return e
	}
	mention := func(extra map[string]any) map[string]any {
		e := map[string]any{"type": "app_mention", "channel": "C1", "user": "U1", "text": "<@UBOT> stats 2025", "ts": "2.2", "event_ts": "2.2"}
		for k, v := range extra {
			e[k] = v
		}
		return e
	}
	tests := []struct {
		name      string
		inner     map[string]any
		wantReq   *bot.Request
		wantChan  string
		wantTread string
	}{
		{"dm answered", dm(nil), &bot.Request{Platform: "slack", Channel: "D1", User: "U1", Text: "who cazeneuve", DM: true}, "D1", ""},
		{"dm in a thread", dm(map[string]any{"thread_ts": "0.5"}), &bot.Request{Platform: "slack", Channel: "D1", User: "U1", Text: "who cazeneuve", DM: true, Thread: "0.5"}, "D1", "0.5"},
		{"mention answered in a thread under it", mention(nil), &bot.Request{Platform: "slack", Channel: "C1", User: "U1", Text: "stats 2025", Thread: "2.2"}, "C1", "2.2"},
		{"mention in a thread answered in it", mention(map[string]any{"thread_ts": "1.0", "text": "hey <@UBOT|briefbot> who is May?"}), &bot.Request{Platform: "slack", Channel: "C1", User: "U1", Text: "hey who is May?", Thread: "1.0"}, "C1", "1.0"},
		{"admin mention", mention(map[string]any{"user": "UADMIN"}), &bot.Request{Platform: "slack", Channel: "C1", User: "UADMIN", Text: "stats 2025", Admin: true, Thread: "2.2"}, "C1", "2.2"},
		{"own message ignored", dm(map[string]any{"user": testBotID}), nil, "", ""},
		{"bot message ignored", dm(map[string]any{"bot_id": "B2", "user": "U9"}), nil, "", ""},
		{"bot_message subtype ignored", dm(map[string]any{"subtype": "bot_message"}), nil, "", ""},
		{"edited message ignored", dm(map[string]any{"subtype": "message_changed", "message": map[string]any{"type": "message", "user": "U1", "text": "who x", "edited": map[string]any{"user": "U1", "ts": "3.3"}}}), nil, "", ""},
		{"deleted message ignored", dm(map[string]any{"subtype": "message_deleted", "deleted_ts": "1.1"}), nil, "", ""},
		{"channel message ignored", dm(map[string]any{"channel": "C5", "channel_type": "channel"}), nil, "", ""},
		{"edited mention ignored", mention(map[string]any{"edited": map[string]any{"user": "U1", "ts": "3.3"}}), nil, "", ""},
		{"mention by a bot ignored", mention(map[string]any{"bot_id": "B2"}), nil, "", ""},
		{"mention in a DM left to message.im", mention(map[string]any{"channel": "D1"}), nil, "", ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			h := newHarness(t, rec)
			w := h.do(signed(EventsPath, "application/json", eventBody("Ev"+string(rune('A'+i)), tt.inner)))
			if w.Code != http.StatusOK {
				t.Fatalf("status %d", w.Code)
			}
			if tt.wantReq == nil {
				// Give a wrongly started answer time to show up.
				time.Sleep(20 * time.Millisecond)
				if r := rec.requests(); len(r) != 0 {
					t.Fatalf("answered %+v", r)
				}
				if p := h.fake.received(); len(p) != 0 {
					t.Fatalf("posted %+v", p)
				}
				return
			}
			p := h.fake.waitPosts(t, 1)[0]
			if got := rec.requests()[0]; got != *tt.wantReq {
				t.Errorf("request %+v, want %+v", got, *tt.wantReq)
			}
			if p.Endpoint != "chat.postMessage" || p.Channel != tt.wantChan || p.ThreadTS != tt.wantTread {
				t.Errorf("posted to %s %s thread %q", p.Endpoint, p.Channel, p.ThreadTS)
			}
			for _, k := range []string{"link_names", "parse"} {
				if _, ok := p.Form[k]; ok {
					t.Errorf("chat.postMessage sent %s", k)
				}
			}
			if p.Form.Get("unfurl_links") != "false" {
				t.Errorf("unfurl_links %q", p.Form.Get("unfurl_links"))
			}
		})
	}
}

func TestRetriedEventAnsweredOnce(t *testing.T) {
	rec := &recorder{}
	h := newHarness(t, rec)
	body := eventBody("Ev0001", map[string]any{"type": "message", "channel": "D1", "channel_type": "im", "user": "U1", "text": "stats 2025", "ts": "1.1"})
	for retry := range 3 {
		r := signed(EventsPath, "application/json", body)
		if retry > 0 {
			r.Header.Set("X-Slack-Retry-Num", string(rune('0'+retry)))
			r.Header.Set("X-Slack-Retry-Reason", "http_timeout")
		}
		if w := h.do(r); w.Code != http.StatusOK {
			t.Fatalf("retry %d: status %d", retry, w.Code)
		}
	}
	h.fake.waitPosts(t, 1)
	time.Sleep(20 * time.Millisecond)
	if n := len(h.fake.received()); n != 1 {
		t.Fatalf("%d answers, want 1", n)
	}
	if n := len(rec.requests()); n != 1 {
		t.Fatalf("%d handled, want 1", n)
	}
}

func TestPanicDoesNotKillTheServer(t *testing.T) {
	var calls atomic.Int32
	h := newHarness(t, handlerFunc(func(_ context.Context, req bot.Request) briefings.Reply {
		if calls.Add(1) == 1 {
			panic("boom")
		}
		return briefings.Reply{Kind: briefings.KindAnswer, Title: "fine", Summary: req.Text}
	}))
	// A panicking slash command gets a friendly error...
	w := h.do(signed(CommandsPath, "application/x-www-form-urlencoded", h.commandForm("/who", "x", "C1", "U1")))
	m := decodeMessage(t, w.Body.Bytes())
	if w.Code != http.StatusOK || m.ResponseType != responseEphemeral || !strings.Contains(m.Text, "Please try again") {
		t.Fatalf("after panic: %d %s", w.Code, w.Body)
	}
	// ...and the next command works.
	w = h.do(signed(CommandsPath, "application/x-www-form-urlencoded", h.commandForm("/who", "y", "C1", "U1")))
	if m := decodeMessage(t, w.Body.Bytes()); !strings.Contains(m.Text, "/who y") {
		t.Fatalf("next command: %s", w.Body)
	}
}

func TestRateLimitedPostRetried(t *testing.T) {
	h := newHarness(t, &recorder{})
	h.fake.limitN = 1
	start := time.Now()
	if err := h.s.Post(context.Background(), "C9", briefings.Reply{Kind: briefings.KindDigest, Title: "Digest"}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > time.Second {
		t.Fatalf("retry scale ignored: %v", took)
	}
	p := h.fake.received()
	if len(p) != 1 || p[0].Channel != "C9" {
		t.Fatalf("posts %+v", p)
	}
	if h.fake.calls != 2 || h.obs.rateLimited != 1 {
		t.Fatalf("calls %d, rate limited %d", h.fake.calls, h.obs.rateLimited)
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	h := newHarness(t, &recorder{}, WithRetry(scaledRetry(0.05))) // Retry-After: 1 waits 50ms
	h.fake.limitN = 1
	start := time.Now()
	if err := h.s.Post(context.Background(), "C9", briefings.Reply{Kind: briefings.KindDigest, Title: "Digest"}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < 50*time.Millisecond {
		t.Fatalf("retried after %v, before Retry-After", took)
	}
}

func TestPostGivesUp(t *testing.T) {
	h := newHarness(t, &recorder{})
	h.fake.limitN = 100
	err := h.s.Post(context.Background(), "C9", briefings.Reply{Kind: briefings.KindDigest, Title: "Digest"})
	var rl *slack.RateLimitedError
	if !errorsAs(err, &rl) {
		t.Fatalf("err %v", err)
	}
	if h.fake.calls != h.s.retry.Attempts || h.obs.errors["chat.postMessage"] != 1 || h.obs.rateLimited != h.s.retry.Attempts {
		t.Fatalf("calls %d, errors %v, rate limited %d", h.fake.calls, h.obs.errors, h.obs.rateLimited)
	}
}

func TestNewValidates(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"http ok", Config{BotToken: "xoxb-1", SigningSecret: "s"}, ""},
		{"socket ok", Config{Mode: ModeSocket, BotToken: "xoxb-1", AppToken: "xapp-1"}, ""},
		{"no secret", Config{BotToken: "xoxb-1"}, "slack.signing_secret"},
		{"no bot token", Config{SigningSecret: "s"}, "slack.bot_token"},
		{"no app token", Config{Mode: ModeSocket, BotToken: "xoxb-1"}, "slack.app_token"},
		{"bot token as app token", Config{Mode: ModeSocket, BotToken: "xoxb-1", AppToken: "xoxb-1"}, "slack.app_token"},
		{"bad mode", Config{Mode: "rtm", BotToken: "xoxb-1"}, "slack.mode"},
		{"api url without slash", Config{BotToken: "xoxb-1", SigningSecret: "s", APIURL: "http://127.0.0.1:9/api"}, "slack.api_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg, &recorder{}, nil, nil)
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRunFailsOnRejectedToken(t *testing.T) {
	fake := newFakeSlack(t)
	fake.authFail = "invalid_auth"
	s, err := New(Config{BotToken: "xoxb-bad", SigningSecret: "s", APIURL: fake.URL + "/api/"}, &recorder{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "rejected") {
		t.Fatalf("Run: %v", err)
	}
	if s.Connected() {
		t.Fatal("connected with a rejected token")
	}
}

func TestRunWaitsForInFlightAnswers(t *testing.T) {
	release := make(chan struct{})
	fake := newFakeSlack(t)
	s, err := New(Config{BotToken: "xoxb-1", SigningSecret: testSecret, APIURL: fake.URL + "/api/"},
		handlerFunc(func(context.Context, bot.Request) briefings.Reply {
			<-release
			return briefings.Reply{Kind: briefings.KindAnswer, Title: "late"}
		}), nil, nil, WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	s.Routes(mux)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	w := httptestDo(mux, signed(EventsPath, "application/json", eventBody("EvX", map[string]any{"type": "message", "channel": "D1", "channel_type": "im", "user": "U1", "text": "hi", "ts": "1"})))
	if w.Code != http.StatusOK {
		t.Fatal(w.Code)
	}
	cancel()
	select {
	case <-done:
		t.Fatal("Run returned with an answer in flight")
	case <-time.After(30 * time.Millisecond):
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if p := fake.received(); len(p) != 1 {
		t.Fatalf("in-flight answer not posted: %+v", p)
	}
}

// parseSlashCommand reads what url.ParseQuery and Values.Get read, and
// refuses what ParseQuery refuses.
func TestParseSlashCommand(t *testing.T) {
	bodies := []string{
		"command=%2Fwho&text=cazeneuve&user_id=U1&channel_id=C1",
		"command=%2Fwho&text=bernard+cazeneuve%21&text=second&team_id=T1&channel_name=general",
		"text=&text=ignored&command=/stats&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=1.2&api_app_id=A1",
		"&&command=%2Fhelp&unknown=1&=x&novalue",
		"command=%2Fwho;text=x",
		"command=%zz",
		"te%zzxt=1&command=%2Fwho",
		"",
	}
	for _, body := range bodies {
		got, err := parseSlashCommand(body)
		form, wantErr := url.ParseQuery(body)
		if (err != nil) != (wantErr != nil) {
			t.Errorf("%q: error %v, url.ParseQuery's %v", body, err, wantErr)
			continue
		}
		if err != nil {
			continue
		}
		want := slack.SlashCommand{TeamID: form.Get("team_id"), ChannelID: form.Get("channel_id"), ChannelName: form.Get("channel_name"),
			UserID: form.Get("user_id"), Command: form.Get("command"), Text: form.Get("text"), ResponseURL: form.Get("response_url"),
			TriggerID: form.Get("trigger_id"), APIAppID: form.Get("api_app_id")}
		if got != want {
			t.Errorf("%q: %+v, want %+v", body, got, want)
		}
	}
}
