package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
)

func newKey(t testing.TB) (ed25519.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

func sign(priv ed25519.PrivateKey, ts string, body []byte) string {
	return hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...)))
}

func TestVerifySignature(t *testing.T) {
	pub, priv := newKey(t)
	otherPub, otherPriv := newKey(t)
	body := []byte(`{"type":1}`)
	const ts = "1700000000"
	good := sign(priv, ts, body)
	tests := []struct {
		name string
		key  ed25519.PublicKey
		sig  string
		ts   string
		body []byte
		want bool
	}{
		{"valid", pub, good, ts, body, true},
		{"wrong key", otherPub, good, ts, body, false},
		{"signed by another key", pub, sign(otherPriv, ts, body), ts, body, false},
		{"tampered body", pub, good, ts, []byte(`{"type":2}`), false},
		{"other timestamp", pub, good, "1700000001", body, false},
		{"missing signature", pub, "", ts, body, false},
		{"missing timestamp", pub, good, "", body, false},
		{"signature not hex", pub, "zz" + good[2:], ts, body, false},
		{"signature too short", pub, good[:64], ts, body, false},
		{"no key", nil, good, ts, body, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VerifySignature(tt.key, tt.sig, tt.ts, tt.body); got != tt.want {
				t.Errorf("VerifySignature = %v, want %v", got, tt.want)
			}
		})
	}
}

// httpBot is an http-mode adapter behind an httptest server, with a fake
// Discord REST API for its edits and registrations.
type httpBot struct {
	d    *Discord
	srv  *httptest.Server
	fake *fakeDiscord
	priv ed25519.PrivateKey
	obs  *countingObserver
	logs *lockedWriter
}

func newHTTPBot(t *testing.T, h bot.Handler, opts ...Option) *httpBot {
	t.Helper()
	pub, priv := newKey(t)
	f := newFakeDiscord(t)
	opts = append([]Option{WithRetry(testRetry(3, time.Millisecond)), WithClock(func() time.Time { return testClock })}, opts...)
	obs := newCountingObserver()
	logs := &lockedWriter{w: &bytes.Buffer{}}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	d, err := New(Config{Mode: ModeHTTP, BotToken: "tok", ApplicationID: "app1", PublicKey: hex.EncodeToString(pub),
		APIURL: f.apiURL(), Admins: []string{"admin1"}}, h, log, obs, opts...)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	d.Routes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &httpBot{d: d, srv: srv, fake: f, priv: priv, obs: obs, logs: logs}
}

// testClock is the adapter's clock in the http-mode tests; requests are
// signed at this time unless a test says otherwise.
var testClock = time.Unix(1700000000, 0)

// post sends a signed (or unsigned) interaction, signed at testClock.
func (b *httpBot) post(t *testing.T, body []byte, signed bool) (int, []byte) {
	t.Helper()
	return b.postAt(t, body, signed, testClock)
}

// postAt sends an interaction signed with the timestamp at.
func (b *httpBot) postAt(t *testing.T, body []byte, signed bool, at time.Time) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", b.srv.URL+InteractionsPath, bytes.NewReader(body))
	ts := strconv.FormatInt(at.Unix(), 10)
	if signed {
		req.Header.Set("X-Signature-Ed25519", sign(b.priv, ts, body))
		req.Header.Set("X-Signature-Timestamp", ts)
	}
	return b.do(t, req)
}

func commandBody(name string, options ...map[string]any) []byte {
	opts := []any{}
	for _, o := range options {
		opts = append(opts, o)
	}
	b, _ := json.Marshal(map[string]any{
		"id": "i1", "application_id": "app1", "type": 2, "token": "itoken", "channel_id": "c1", "guild_id": "g1",
		"member": map[string]any{"user": map[string]any{"id": "admin1"}},
		"data":   map[string]any{"id": "cmd1", "name": name, "type": 1, "options": opts},
	})
	return b
}

func TestInteractionsEndpoint(t *testing.T) {
	b := newHTTPBot(t, &recorder{})
	ping := []byte(`{"id":"p1","application_id":"app1","type":1,"token":"t","version":1}`)

	t.Run("ping gets pong", func(t *testing.T) {
		code, out := b.post(t, ping, true)
		if code != 200 || strings.TrimSpace(string(out)) != `{"type":1}` {
			t.Errorf("PING: %d %s", code, out)
		}
	})
	t.Run("unsigned is 401", func(t *testing.T) {
		if code, _ := b.post(t, ping, false); code != http.StatusUnauthorized {
			t.Errorf("unsigned: %d", code)
		}
	})
	t.Run("tampered is 401", func(t *testing.T) {
		req, _ := http.NewRequest("POST", b.srv.URL+InteractionsPath, strings.NewReader(`{"type":2}`))
		req.Header.Set("X-Signature-Ed25519", sign(b.priv, "1", ping))
		req.Header.Set("X-Signature-Timestamp", "1")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("tampered: %d", resp.StatusCode)
		}
	})
	t.Run("oversized is 413", func(t *testing.T) {
		big := append([]byte(`{"type":1,"x":"`), bytes.Repeat([]byte("a"), MaxInteractionBody)...)
		big = append(big, `"}`...)
		if code, _ := b.post(t, big, true); code != http.StatusRequestEntityTooLarge {
			t.Errorf("oversized: %d", code)
		}
	})
	t.Run("malformed is 400", func(t *testing.T) {
		if code, _ := b.post(t, []byte(`{"type":`), true); code != http.StatusBadRequest {
			t.Errorf("malformed: %d", code)
		}
	})
	t.Run("GET is refused", func(t *testing.T) {
		resp, err := http.Get(b.srv.URL + InteractionsPath)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("GET: %d", resp.StatusCode)
		}
	})
	t.Run("command answered inline", func(t *testing.T) {
		code, out := b.post(t, commandBody("who", map[string]any{"name": "name", "type": 3, "value": "cazeneuve @everyone"}), true)
		if code != 200 {
			t.Fatalf("command: %d %s", code, out)
		}
		resp := decodeBody(t, out)
		if resp["type"] != float64(4) {
			t.Fatalf("response type %v, want 4", resp["type"])
		}
		data := resp["data"].(map[string]any)
		assertNoMentions(t, data)
		title := data["embeds"].([]any)[0].(map[string]any)["title"].(string)
		if title != "You said /who cazeneuve @\u200beveryone" {
			t.Errorf("title %q", title)
		}
	})
}

func TestInteractionDeferredThenEditedOverREST(t *testing.T) {
	release := make(chan struct{})
	var mu sync.Mutex
	var got []bot.Request
	h := handlerFunc(func(_ context.Context, req bot.Request) briefings.Reply {
		mu.Lock()
		got = append(got, req)
		mu.Unlock()
		<-release // slower than the inline budget
		return briefings.Reply{Kind: briefings.KindStats, Title: "Figures for 2025", Summary: "<@&456> 36,000 crossings"}
	})
	b := newHTTPBot(t, h, WithInlineTimeout(20*time.Millisecond))
	code, out := b.post(t, commandBody("stats",
		map[string]any{"name": "year", "type": 4, "value": 2025},
		map[string]any{"name": "topic", "type": 3, "value": "crossings"}), true)
	if code != 200 || !strings.HasPrefix(strings.TrimSpace(string(out)), `{"type":5,`) || !strings.Contains(string(out), `"flags":64`) {
		t.Fatalf("slow command: %d %s, want a deferral", code, out)
	}
	if n := len(b.fake.callsOf("edit")); n != 0 {
		t.Fatalf("edited before the answer was ready (%d)", n)
	}
	close(release)
	edit := b.fake.waitCalls("edit", 1)[0]
	if edit.Method != "PATCH" || edit.Path != "/api/v9/webhooks/app1/itoken/messages/@original" {
		t.Errorf("edit went to %s %s", edit.Method, edit.Path)
	}
	body := decodeBody(t, edit.Body)
	assertNoMentions(t, body)
	embed := body["embeds"].([]any)[0].(map[string]any)
	if embed["title"] != "Figures for 2025" || embed["description"] != `\<@&456\> 36,000 crossings` {
		t.Errorf("edited embed %v", embed)
	}
	mu.Lock()
	defer mu.Unlock()
	want := bot.Request{Platform: "discord", Channel: "c1", User: "admin1", Text: "/stats 2025 crossings", Admin: true, Slash: true, Private: true}
	if len(got) != 1 || got[0] != want {
		t.Errorf("requests %+v, want %+v", got, want)
	}
}

func TestInteractionHandlerPanicRecovered(t *testing.T) {
	b := newHTTPBot(t, &recorder{})
	code, out := b.post(t, commandBody("ask", map[string]any{"name": "question", "type": 3, "value": "boom"}), true)
	if code != 200 {
		t.Fatalf("panicking command: %d %s", code, out)
	}
	data := decodeBody(t, out)["data"].(map[string]any)
	if title := data["embeds"].([]any)[0].(map[string]any)["title"]; title != "Sorry, something went wrong" {
		t.Errorf("title %q", title)
	}
	code, out = b.post(t, commandBody("ask", map[string]any{"name": "question", "type": 3, "value": "when?"}), true)
	data = decodeBody(t, out)["data"].(map[string]any)
	if title := data["embeds"].([]any)[0].(map[string]any)["title"]; code != 200 || title != "You said /ask when?" {
		t.Errorf("after a panic: %d %q", code, title)
	}
}

func TestHTTPModeRunRegistersCommands(t *testing.T) {
	b := newHTTPBot(t, &recorder{})
	b.d.cfg.GuildIDs = []string{"g7"}
	if b.d.Connected() {
		t.Error("connected before Run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- b.d.Run(ctx) }()
	reg := b.fake.waitCalls("register", 1)
	if reg[0].Method != "PUT" || reg[0].Path != "/api/v9/applications/app1/guilds/g7/commands" {
		t.Errorf("registration %s %s", reg[0].Method, reg[0].Path)
	}
	eventually(t, b.d.Connected, "Connected() while serving")
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("Run: %v", err)
	}
	if b.d.Connected() {
		t.Error("connected after Run returned")
	}
}

func TestGatewayModeMountsNoRoute(t *testing.T) {
	d, err := New(Config{BotToken: "x"}, &recorder{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	d.Routes(mux)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("POST", InteractionsPath, strings.NewReader("{}")))
	if rec.Code != http.StatusNotFound {
		t.Errorf("gateway mode serves %s: %d", InteractionsPath, rec.Code)
	}
}

func BenchmarkInteractionInline(b *testing.B) {
	pub, priv := newKey(b)
	h := handlerFunc(func(context.Context, bot.Request) briefings.Reply {
		return briefings.Reply{Kind: briefings.KindWho, Title: "Bernard Cazeneuve", Summary: "France's Interior Minister (2014)."}
	})
	d, err := New(Config{Mode: ModeHTTP, BotToken: "t", ApplicationID: "a", PublicKey: hex.EncodeToString(pub)}, h, quietLogger(), nil)
	if err != nil {
		b.Fatal(err)
	}
	body := commandBody("who", map[string]any{"name": "name", "type": 3, "value": "cazeneuve"})
	ts := "1700000000"
	sig := sign(priv, ts, body)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("POST", InteractionsPath, bytes.NewReader(body))
			req.Header.Set("X-Signature-Ed25519", sig)
			req.Header.Set("X-Signature-Timestamp", ts)
			rec := httptest.NewRecorder()
			d.serveInteraction(rec, req)
			if rec.Code != 200 {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
}

// TestInteractionTimestampWindow refuses signed interactions whose
// timestamp is too old or too far ahead (replays), counts each refusal by
// reason and logs it at debug without the body; a config may widen the
// window.
func TestInteractionTimestampWindow(t *testing.T) {
	ping := []byte(`{"id":"p1","application_id":"app1","type":1,"token":"secret-body-token","version":1}`)
	tests := []struct {
		name   string
		window time.Duration
		skew   time.Duration
		want   int
	}{
		{"now", 0, 0, http.StatusOK},
		{"4 minutes old", 0, -4 * time.Minute, http.StatusOK},
		{"4 minutes ahead", 0, 4 * time.Minute, http.StatusOK},
		{"6 minutes old", 0, -6 * time.Minute, http.StatusUnauthorized},
		{"6 minutes ahead", 0, 6 * time.Minute, http.StatusUnauthorized},
		{"a year old", 0, -365 * 24 * time.Hour, http.StatusUnauthorized},
		{"6 minutes old, window widened to 10", 10 * time.Minute, -6 * time.Minute, http.StatusOK},
		{"11 minutes old, window widened to 10", 10 * time.Minute, -11 * time.Minute, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []Option
			if tt.window > 0 {
				opts = append(opts, func(d *Discord) { d.window = tt.window })
			}
			b := newHTTPBot(t, &recorder{}, opts...)
			code, _ := b.postAt(t, ping, true, testClock.Add(tt.skew))
			if code != tt.want {
				t.Fatalf("status %d, want %d", code, tt.want)
			}
			wantRefused := 0
			if tt.want != http.StatusOK {
				wantRefused = 1
			}
			if got := b.obs.refusals(bot.RefusedStale); got != wantRefused {
				t.Errorf("stale refusals counted %d, want %d", got, wantRefused)
			}
			if wantRefused == 1 && !strings.Contains(b.logs.String(), "reason=stale") {
				t.Errorf("refusal not logged with its reason: %q", b.logs.String())
			}
			if strings.Contains(b.logs.String(), "secret-body-token") {
				t.Errorf("the body was logged: %q", b.logs.String())
			}
		})
	}
}

// TestInteractionRefusalsCounted counts every kind of refused request by
// its reason.
func TestInteractionRefusalsCounted(t *testing.T) {
	b := newHTTPBot(t, &recorder{})
	ping := []byte(`{"id":"p1","application_id":"app1","type":1,"token":"t","version":1}`)
	big := append([]byte(`{"type":1,"x":"`), bytes.Repeat([]byte("a"), MaxInteractionBody)...)
	tests := []struct {
		name   string
		body   []byte
		signed bool
		reason string
		code   int
	}{
		{"unsigned", ping, false, bot.RefusedNoSignature, http.StatusUnauthorized},
		{"oversized", big, true, bot.RefusedTooLarge, http.StatusRequestEntityTooLarge},
		{"malformed", []byte(`{"type":`), true, bot.RefusedMalformed, http.StatusBadRequest},
		{"unsupported type", []byte(`{"id":"x","type":42}`), true, bot.RefusedUnsupported, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _ := b.post(t, tt.body, tt.signed); code != tt.code {
				t.Fatalf("status %d, want %d", code, tt.code)
			}
			if got := b.obs.refusals(tt.reason); got != 1 {
				t.Errorf("%s refusals counted %d, want 1", tt.reason, got)
			}
		})
	}
	req, _ := http.NewRequest("POST", b.srv.URL+InteractionsPath, bytes.NewReader(ping))
	req.Header.Set("X-Signature-Ed25519", sign(b.priv, "1700000000", []byte(`{"type":2}`)))
	req.Header.Set("X-Signature-Timestamp", "1700000000")
	if code, _ := b.do(t, req); code != http.StatusUnauthorized || b.obs.refusals(bot.RefusedBadSignature) != 1 {
		t.Errorf("tampered: %d, counted %d", code, b.obs.refusals(bot.RefusedBadSignature))
	}
}

func (b *httpBot) do(t *testing.T, req *http.Request) (int, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// lockedWriter serialises writes to a buffer the test reads.
type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.String()
}
