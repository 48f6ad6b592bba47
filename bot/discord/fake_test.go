package discord

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/retry"
	"github.com/briefbot/briefbot/briefings"
)

// apiPrefix is the REST base the fake serves, as Config.APIURL points at it.
const apiPrefix = "/api/v9/"

// restCall is one request the fake REST API received.
type restCall struct {
	Route  string // "gateway", "register", "post", "callback", "edit"
	Method string
	Path   string
	Auth   string
	Body   []byte
}

// fakeDiscord is Discord's REST API and gateway, served by httptest:
// GET /gateway answers the fake gateway's ws:// URL, so a session whose
// REST calls are redirected here dials the fake gateway too.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	mu    sync.Mutex
	calls []restCall
	fail  map[string][]int // route -> statuses to answer first, in order

	conns     chan *fakeConn
	identifys chan map[string]any
	// rejectIdentify, when set, closes the gateway with this code after
	// IDENTIFY (4004: authentication failed).
	rejectIdentify int
	// onlyGatewayBot makes GET /gateway 404, as a fake serving only
	// GET /gateway/bot would.
	onlyGatewayBot bool
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	t.Helper()
	f := &fakeDiscord{t: t, fail: map[string][]int{}, conns: make(chan *fakeConn, 4), identifys: make(chan map[string]any, 4)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+apiPrefix+"gateway", func(w http.ResponseWriter, r *http.Request) {
		f.record("gateway", r)
		f.mu.Lock()
		only := f.onlyGatewayBot
		f.mu.Unlock()
		if only {
			http.NotFound(w, r)
			return
		}
		writeTestJSON(w, map[string]any{"url": "ws://" + r.Host + "/ws"})
	})
	mux.HandleFunc("GET "+apiPrefix+"gateway/bot", func(w http.ResponseWriter, r *http.Request) {
		f.record("gateway", r)
		writeTestJSON(w, map[string]any{"url": "ws://" + r.Host + "/ws", "shards": 1})
	})
	register := func(w http.ResponseWriter, r *http.Request) {
		body := f.record("register", r)
		if f.failNext(w, "register") {
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}
	mux.HandleFunc("PUT "+apiPrefix+"applications/{app}/commands", register)
	mux.HandleFunc("PUT "+apiPrefix+"applications/{app}/guilds/{guild}/commands", register)
	mux.HandleFunc("POST "+apiPrefix+"channels/{channel}/messages", func(w http.ResponseWriter, r *http.Request) {
		f.record("post", r)
		if f.failNext(w, "post") {
			return
		}
		writeTestJSON(w, map[string]any{"id": "900", "channel_id": r.PathValue("channel")})
	})
	mux.HandleFunc("POST "+apiPrefix+"channels/{channel}/messages/{msg}/threads", func(w http.ResponseWriter, r *http.Request) {
		f.record("thread", r)
		if f.failNext(w, "thread") {
			return
		}
		writeTestJSON(w, map[string]any{"id": "thread-" + r.PathValue("msg"), "type": 11, "parent_id": r.PathValue("channel")})
	})
	mux.HandleFunc("POST "+apiPrefix+"interactions/{id}/{token}/callback", func(w http.ResponseWriter, r *http.Request) {
		f.record("callback", r)
		if f.failNext(w, "callback") {
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("PATCH "+apiPrefix+"webhooks/{app}/{token}/messages/{msg}", func(w http.ResponseWriter, r *http.Request) {
		f.record("edit", r)
		if f.failNext(w, "edit") {
			return
		}
		writeTestJSON(w, map[string]any{"id": "901", "channel_id": "c"})
	})
	mux.HandleFunc("/ws/", f.serveGateway)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		f.record("unknown", r)
		http.Error(w, `{"message":"404: Not Found","code":0}`, http.StatusNotFound)
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// apiURL is the value for Config.APIURL.
func (f *fakeDiscord) apiURL() string { return f.srv.URL + apiPrefix }

func (f *fakeDiscord) record(route string, r *http.Request) []byte {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.calls = append(f.calls, restCall{Route: route, Method: r.Method, Path: r.URL.Path, Auth: r.Header.Get("Authorization"), Body: body})
	f.mu.Unlock()
	return body
}

// failWith makes the next calls of route answer these statuses, in order.
func (f *fakeDiscord) failWith(route string, statuses ...int) {
	f.mu.Lock()
	f.fail[route] = append(f.fail[route], statuses...)
	f.mu.Unlock()
}

func (f *fakeDiscord) failNext(w http.ResponseWriter, route string) bool {
	f.mu.Lock()
	q := f.fail[route]
	if len(q) == 0 {
		f.mu.Unlock()
		return false
	}
	status := q[0]
	f.fail[route] = q[1:]
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch status {
	case http.StatusTooManyRequests:
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, `{"message":"You are being rate limited.","retry_after":0.02,"global":false}`)
	default:
		w.WriteHeader(status)
		_, _ = io.WriteString(w, `{"message":"injected failure","code":0}`)
	}
	return true
}

// callsOf returns the recorded calls of a route.
func (f *fakeDiscord) callsOf(route string) []restCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []restCall
	for _, c := range f.calls {
		if c.Route == route {
			out = append(out, c)
		}
	}
	return out
}

// waitCalls polls until route has at least n calls, and returns them.
func (f *fakeDiscord) waitCalls(route string, n int) []restCall {
	f.t.Helper()
	var got []restCall
	eventually(f.t, func() bool {
		got = f.callsOf(route)
		return len(got) >= n
	}, "%d %s call(s); have %d", n, route, len(f.callsOf(route)))
	return got
}

// eventually polls cond every few milliseconds for up to five seconds.
func eventually(t *testing.T, cond func() bool, format string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for "+format, args...)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// fakeConn is one gateway connection of the fake.
type fakeConn struct {
	mu  sync.Mutex
	c   *websocket.Conn
	seq int
}

func (c *fakeConn) send(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.c.WriteJSON(v)
}

// dispatch sends an op 0 event.
func (c *fakeConn) dispatch(t *testing.T, event string, data any) {
	t.Helper()
	c.mu.Lock()
	c.seq++
	seq := c.seq
	c.mu.Unlock()
	if err := c.send(map[string]any{"op": 0, "t": event, "s": seq, "d": data}); err != nil {
		t.Fatalf("dispatch %s: %v", event, err)
	}
}

const fakeBotID = "4242"

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// serveGateway speaks the start of the gateway protocol: HELLO (op 10),
// IDENTIFY (op 2) read, READY dispatched; then heartbeats (op 1) are
// acknowledged (op 11) until the client goes.
func (f *fakeDiscord) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer ws.Close()
	c := &fakeConn{c: ws}
	if c.send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}}) != nil {
		return
	}
	var ident struct {
		Op int            `json:"op"`
		D  map[string]any `json:"d"`
	}
	if err := ws.ReadJSON(&ident); err != nil || ident.Op != 2 {
		return
	}
	f.identifys <- ident.D
	f.mu.Lock()
	reject := f.rejectIdentify
	f.mu.Unlock()
	if reject != 0 {
		_ = ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(reject, "Authentication failed."))
		return
	}
	c.seq = 1
	ready := map[string]any{
		"v": 9, "session_id": "sess-1", "guilds": []any{}, "private_channels": []any{},
		"user":        map[string]any{"id": fakeBotID, "username": "briefbot", "bot": true},
		"application": map[string]any{"id": "app-from-ready"},
	}
	if c.send(map[string]any{"op": 0, "t": "READY", "s": 1, "d": ready}) != nil {
		return
	}
	f.conns <- c
	for {
		var msg struct {
			Op int `json:"op"`
		}
		if err := ws.ReadJSON(&msg); err != nil {
			return
		}
		if msg.Op == 1 {
			_ = c.send(map[string]any{"op": 11})
		}
	}
}

// waitConn returns the next gateway connection that reached READY.
func (f *fakeDiscord) waitConn() *fakeConn {
	f.t.Helper()
	select {
	case c := <-f.conns:
		return c
	case <-time.After(5 * time.Second):
		f.t.Fatal("no gateway connection")
		return nil
	}
}

func writeTestJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// handlerFunc adapts a function to Handler.
type handlerFunc func(ctx context.Context, req bot.Request) briefings.Reply

func (f handlerFunc) Respond(ctx context.Context, req bot.Request) bot.Answer {
	return bot.ReplyFunc(f).Respond(ctx, req)
}

func (f handlerFunc) Act(ctx context.Context, c bot.Click) bot.Action {
	return bot.ReplyFunc(f).Act(ctx, c)
}

// recorder is a Handler that records requests and echoes them in a reply.
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
	if strings.Contains(req.Text, "boom") {
		panic("handler exploded")
	}
	return briefings.Reply{Kind: briefings.KindAnswer, Title: "You said " + req.Text,
		Summary: "Ping attempt: @everyone @here <@123> <@&456>"}
}

func (r *recorder) requests() []bot.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Request(nil), r.reqs...)
}

// countingObserver counts what the adapter records.
type countingObserver struct {
	mu          sync.Mutex
	rateLimited int
	errors      map[string]int
	refused     map[string]int
}

func newCountingObserver() *countingObserver {
	return &countingObserver{errors: map[string]int{}, refused: map[string]int{}}
}

func (o *countingObserver) Refused(_, reason string) {
	o.mu.Lock()
	o.refused[reason]++
	o.mu.Unlock()
}

func (o *countingObserver) refusals(reason string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.refused[reason]
}

func (o *countingObserver) Command(string, string, string, time.Duration) {}

func (o *countingObserver) PlatformError(_, op string) {
	o.mu.Lock()
	o.errors[op]++
	o.mu.Unlock()
}

func (o *countingObserver) Feedback(string, string) {}

func (o *countingObserver) RateLimited(string) {
	o.mu.Lock()
	o.rateLimited++
	o.mu.Unlock()
}

func (o *countingObserver) counts() (int, map[string]int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	m := map[string]int{}
	for k, v := range o.errors {
		m[k] = v
	}
	return o.rateLimited, m
}

// testRetry is a fast retry policy for tests.
func testRetry(attempts int, initial time.Duration) retry.Policy {
	return retry.Policy{Attempts: attempts, Initial: initial, Max: 10 * time.Second, MaxRetryAfter: 30 * time.Second, Jitter: true}
}

func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// decodeBody decodes a recorded JSON body into a generic map.
func decodeBody(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, b)
	}
	return m
}

// assertNoMentions checks that a message body sends allowed_mentions with
// an empty parse list (not null, not missing).
func assertNoMentions(t *testing.T, body map[string]any) {
	t.Helper()
	am, ok := body["allowed_mentions"].(map[string]any)
	if !ok {
		t.Fatalf("allowed_mentions missing or not an object: %v", body["allowed_mentions"])
	}
	parse, ok := am["parse"].([]any)
	if !ok || len(parse) != 0 {
		t.Fatalf(`allowed_mentions.parse = %#v, want []`, am["parse"])
	}
}

// withCap sets a policy's longest Retry-After.
func withCap(p retry.Policy, d time.Duration) retry.Policy {
	p.MaxRetryAfter = d
	return p
}
