package slack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/retry"
	"github.com/briefbot/briefbot/briefings"
)

const (
	testSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	testBotID  = "UBOT"
)

// handlerFunc is a function-field fake of the router.
type handlerFunc func(ctx context.Context, req bot.Request) briefings.Reply

func (f handlerFunc) Respond(ctx context.Context, req bot.Request) bot.Answer {
	return bot.ReplyFunc(f).Respond(ctx, req)
}

func (f handlerFunc) Act(ctx context.Context, c bot.Click) bot.Action {
	return bot.ReplyFunc(f).Act(ctx, c)
}

// recorder is a Handler that answers every request with a reply naming
// what it was asked, and remembers the requests.
type recorder struct {
	mu   sync.Mutex
	reqs []bot.Request
}

func (r *recorder) Respond(ctx context.Context, req bot.Request) bot.Answer {
	return bot.ReplyFunc(r.handle).Respond(ctx, req)
}

func (r *recorder) Act(ctx context.Context, c bot.Click) bot.Action {
	return bot.ReplyFunc(r.handle).Act(ctx, c)
}

func (r *recorder) handle(_ context.Context, req bot.Request) briefings.Reply {
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	r.mu.Unlock()
	return briefings.Reply{Kind: briefings.KindAnswer, Title: "Answer", Summary: "you said: " + req.Text}
}

func (r *recorder) requests() []bot.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Request(nil), r.reqs...)
}

// posted is one message the fake Web API or response_url received.
type posted struct {
	Endpoint string // "chat.postMessage" or "response_url"
	Channel  string
	ThreadTS string
	Msg      Message
	Form     url.Values // chat.postMessage only
}

// fakeSlack serves the Web API calls the adapter makes, plus a
// response_url endpoint, and records what it receives.
type fakeSlack struct {
	*httptest.Server
	mu       sync.Mutex
	posts    []posted
	limitN   int // answer this many calls with 429 Retry-After: 1 first
	calls    int
	authFail string // auth.test error code, if set
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		if f.authFail != "" {
			_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": f.authFail})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "user_id": testBotID, "bot_id": "BBOT", "team_id": "T1"})
	})
	mux.HandleFunc("/api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		if f.limited(w) {
			return
		}
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		var m Message
		m.Text = r.PostForm.Get("text")
		if err := json.Unmarshal([]byte(r.PostForm.Get("blocks")), &m.Blocks); err != nil {
			t.Errorf("chat.postMessage blocks: %v", err)
		}
		f.record(posted{Endpoint: "chat.postMessage", Channel: r.PostForm.Get("channel"), ThreadTS: r.PostForm.Get("thread_ts"), Msg: m, Form: r.PostForm})
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.PostForm.Get("channel"), "ts": "1700000000.000100"})
	})
	mux.HandleFunc("/response/", func(w http.ResponseWriter, r *http.Request) {
		if f.limited(w) {
			return
		}
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("response_url content type %q", ct)
		}
		var m Message
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			t.Errorf("response_url body: %v", err)
		}
		f.record(posted{Endpoint: "response_url", Msg: m})
		_, _ = w.Write([]byte("ok"))
	})
	f.Server = httptest.NewServer(mux)
	t.Cleanup(f.Close)
	return f
}

func (f *fakeSlack) limited(w http.ResponseWriter) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.limitN > 0 {
		f.limitN--
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		return true
	}
	return false
}

func (f *fakeSlack) record(p posted) {
	f.mu.Lock()
	f.posts = append(f.posts, p)
	f.mu.Unlock()
}

func (f *fakeSlack) received() []posted {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]posted(nil), f.posts...)
}

// waitPosts polls until n messages arrived, or fails the test.
func (f *fakeSlack) waitPosts(t *testing.T, n int) []posted {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if p := f.received(); len(p) >= n {
			return p
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("want %d posts, got %d", n, len(f.received()))
	return nil
}

// countObserver counts platform errors and rate limits.
type countObserver struct {
	bot.NopObserver
	mu          sync.Mutex
	errors      map[string]int
	rateLimited int
	refused     map[string]int
}

func (o *countObserver) PlatformError(_, op string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.errors == nil {
		o.errors = map[string]int{}
	}
	o.errors[op]++
}

func (o *countObserver) Feedback(string, string) {}
func (o *countObserver) Refused(_, reason string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.refused == nil {
		o.refused = map[string]int{}
	}
	o.refused[reason]++
}

func (o *countObserver) refusals(reason string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.refused[reason]
}

func (o *countObserver) RateLimited(string) {
	o.mu.Lock()
	o.rateLimited++
	o.mu.Unlock()
}

// testNow is the fixed clock of the tests.
var testNow = time.Unix(1531420618, 0)

// harness is a running adapter in HTTP mode against a fake Slack.
type harness struct {
	s    *Slack
	fake *fakeSlack
	mux  *http.ServeMux
	obs  *countObserver
}

// scaledRetry is the default retry policy with every wait multiplied by f.
func scaledRetry(f float64) retry.Policy {
	p := DefaultRetry
	p.Scale = f
	return p
}

// withAnswers sets Config.Answers in a test harness.
func withAnswers(v string) Option { return func(s *Slack) { s.cfg.Answers = v } }

func newHarness(t *testing.T, h bot.Handler, opts ...Option) *harness {
	t.Helper()
	fake := newFakeSlack(t)
	obs := &countObserver{}
	cfg := Config{Mode: ModeHTTP, BotToken: "xoxb-test", SigningSecret: testSecret, APIURL: fake.URL + "/api/", Admins: []string{"UADMIN"}}
	opts = append([]Option{WithClock(func() time.Time { return testNow }), WithRetry(scaledRetry(0.001))}, opts...)
	s, err := New(cfg, h, slog.New(slog.DiscardHandler), obs, opts...)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	s.Routes(mux)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	deadline := time.Now().Add(5 * time.Second)
	for !s.Connected() {
		if time.Now().After(deadline) {
			t.Fatal("not connected after auth.test")
		}
		time.Sleep(time.Millisecond)
	}
	return &harness{s: s, fake: fake, mux: mux, obs: obs}
}

// signed builds a request as Slack would send it, signed at testNow.
func signed(path, contentType, body string) *http.Request {
	return signedWith(path, contentType, body, testSecret)
}

// signedWith builds a request signed at testNow with secret.
func signedWith(path, contentType, body, secret string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	ts := strconv.FormatInt(testNow.Unix(), 10)
	r.Header.Set("Content-Type", contentType)
	r.Header.Set("X-Slack-Request-Timestamp", ts)
	r.Header.Set("X-Slack-Signature", sign(secret, ts, []byte(body)))
	return r
}

func (h *harness) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.mux.ServeHTTP(w, r)
	return w
}

// commandForm is a slash command body with a response_url on the fake.
func (h *harness) commandForm(command, text, channel, user string) string {
	return url.Values{
		"token": {"ignored"}, "team_id": {"T1"}, "channel_id": {channel}, "channel_name": {"general"},
		"user_id": {user}, "user_name": {"someone"}, "command": {command}, "text": {text},
		"response_url": {h.fake.URL + "/response/T1/1/abc"}, "trigger_id": {"1.2.3"},
	}.Encode()
}

// eventBody is an event_callback envelope around inner.
func eventBody(eventID string, inner map[string]any) string {
	b, _ := json.Marshal(map[string]any{
		"token": "ignored", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": testNow.Unix(), "event": inner,
	})
	return string(b)
}

func httptestDo(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

func httptestServer(t *testing.T, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}
