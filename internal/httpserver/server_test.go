package httpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
)

// fakePlatform is an HTTP platform with a connection flag and routes that
// echo, panic, or read the whole body.
type fakePlatform struct {
	connected atomic.Bool
}

func (p *fakePlatform) Name() string                  { return "fake" }
func (p *fakePlatform) Run(ctx context.Context) error { <-ctx.Done(); return nil }
func (p *fakePlatform) Post(context.Context, string, briefings.Reply) error {
	return nil
}
func (p *fakePlatform) Connected() bool { return p.connected.Load() }
func (p *fakePlatform) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /fake/echo", func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		w.Write(b)
	})
	mux.HandleFunc("GET /fake/panic", func(http.ResponseWriter, *http.Request) { panic("boom") })
}

var (
	_ bot.HTTPPlatform = (*fakePlatform)(nil)
	_ bot.Connectivity = (*fakePlatform)(nil)
)

// errBox holds the error the fake store's Ping returns.
type errBox struct {
	mu  sync.Mutex
	err error
}

func (b *errBox) set(err error) { b.mu.Lock(); b.err = err; b.mu.Unlock() }
func (b *errBox) get() error    { b.mu.Lock(); defer b.mu.Unlock(); return b.err }

type fakeMetrics struct{}

func (fakeMetrics) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	io.WriteString(w, "briefbot_commands_total 0\n")
}

func newTest(t *testing.T, storeErr *errBox, p *fakePlatform, logs io.Writer) *httptest.Server {
	t.Helper()
	s := New(Options{
		Log:     slog.New(slog.NewTextHandler(logs, nil)),
		Metrics: fakeMetrics{},
		MaxBody: 1024,
		Checks: []Check{
			{Name: "corpus", Fn: func(context.Context) error { return nil }},
			PingCheck("store", func(context.Context) error { return storeErr.get() }),
			PlatformCheck(p),
		},
		Platforms: []bot.HTTPPlatform{p},
	})
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func TestEndpoints(t *testing.T) {
	var storeErr errBox
	p := &fakePlatform{}
	p.connected.Store(true)
	var logs bytes.Buffer
	ts := newTest(t, &storeErr, p, &logs)

	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	tests := []struct {
		name     string
		setup    func()
		path     string
		wantCode int
		wantBody string
	}{
		{"healthz", nil, "/healthz", 200, "ok\n"},
		{"metrics", nil, "/metrics", 200, "briefbot_commands_total"},
		{"ready", nil, "/readyz", 200, `"status":"ready"`},
		{"store down", func() { storeErr.set(errors.New("dial tcp 10.0.0.1:5432: refused")) }, "/readyz", 503, `"failed":["store"]`},
		{"platform down too", func() { p.connected.Store(false) }, "/readyz", 503, `"failed":["fake","store"]`},
		{"ready again", func() { storeErr.set(nil); p.connected.Store(true) }, "/readyz", 200, `"store":"ok"`},
		{"unknown path", nil, "/nope", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup()
			}
			code, body := get(tt.path)
			if code != tt.wantCode || !strings.Contains(body, tt.wantBody) {
				t.Errorf("GET %s = %d %q, want %d containing %q", tt.path, code, body, tt.wantCode, tt.wantBody)
			}
		})
	}
	if !strings.Contains(logs.String(), "10.0.0.1") {
		t.Error("the store's failure cause should be logged")
	}
	if n := strings.Count(logs.String(), `msg="not ready" check=store`); n != 1 {
		t.Errorf("store failure logged %d times, want once per change", n)
	}
}

func TestReadyBodyHidesCause(t *testing.T) {
	var storeErr errBox
	storeErr.set(errors.New("password authentication failed for user bot"))
	p := &fakePlatform{}
	ts := newTest(t, &storeErr, p, io.Discard)
	resp, err := http.Get(ts.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body readiness
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"corpus": "ok", "store": "unreachable", "fake": "not connected"}
	for k, v := range want {
		if body.Checks[k] != v {
			t.Errorf("checks[%s] = %q, want %q", k, body.Checks[k], v)
		}
	}
}

func TestBodyLimit(t *testing.T) {
	var storeErr errBox
	ts := newTest(t, &storeErr, &fakePlatform{}, io.Discard)
	tests := []struct {
		name     string
		body     io.Reader
		length   int64 // -1: chunked, length unknown
		wantCode int
	}{
		{"small", strings.NewReader("hello"), 5, 200},
		{"declared too large", strings.NewReader(strings.Repeat("x", 2048)), 2048, 413},
		{"chunked too large", io.MultiReader(strings.NewReader(strings.Repeat("x", 4096))), -1, 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", ts.URL+"/fake/echo", tt.body)
			req.ContentLength = tt.length
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.wantCode {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.wantCode)
			}
		})
	}
}

func TestPanicRecovered(t *testing.T) {
	var storeErr errBox
	var logs bytes.Buffer
	ts := newTest(t, &storeErr, &fakePlatform{}, &logs)
	for i := 0; i < 2; i++ {
		resp, err := http.Get(ts.URL + "/fake/panic")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 500 {
			t.Errorf("status %d, want 500", resp.StatusCode)
		}
	}
	resp, err := http.Get(ts.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("server stopped serving after a panic: %v", err)
	}
	resp.Body.Close()
	if !strings.Contains(logs.String(), "boom") {
		t.Error("panic not logged")
	}
}

func TestServeAndShutdown(t *testing.T) {
	s := New(Options{Addr: "127.0.0.1:0"})
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, time.Second) }()
	resp, err := http.Get("http://" + s.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if _, err := http.Get("http://" + s.Addr().String() + "/healthz"); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestListenError(t *testing.T) {
	a := New(Options{Addr: "127.0.0.1:0"})
	if err := a.Listen(); err != nil {
		t.Fatal(err)
	}
	defer a.ln.Close()
	b := New(Options{Addr: a.Addr().String()})
	if err := b.Listen(); err == nil || !strings.Contains(err.Error(), "listen on") {
		t.Fatalf("second listen on the same port: %v", err)
	}
}
