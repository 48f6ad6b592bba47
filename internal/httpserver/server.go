// Package httpserver owns briefbot's HTTP server: /healthz, /readyz and
// /metrics, the routes of the platforms that take HTTP requests (Slack
// HTTP mode, Discord interactions), and what guards every endpoint: a
// request body limit, panic recovery, timeouts and graceful shutdown.
package httpserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sort"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// DefaultMaxBody is the largest request body any endpoint reads. Slack and
// Discord payloads are a few kilobytes; a message is at most bot.MaxInput.
const DefaultMaxBody = 1 << 20

// Timeouts of the server. Slack and Discord want an answer within 3 s, so
// nothing legitimate is slow; these bound slow or stuck clients.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 90 * time.Second
	checkTimeout      = 2 * time.Second
)

// Check is one readiness condition: nil from Fn means ready.
type Check struct {
	Name string
	Fn   func(ctx context.Context) error
	// Note, when set, says something worth knowing about a check that
	// passes (the corpus files left out); /readyz shows it under notes.
	Note func() string
}

// Options configure a Server.
type Options struct {
	// Addr is the listen address, host:port (":0" picks a free port).
	Addr string
	// Log receives errors and recovered panics; never request bodies.
	Log *slog.Logger
	// Metrics serves GET /metrics; nil leaves the route out.
	Metrics http.Handler
	// Checks decide /readyz.
	Checks []Check
	// Platforms mount their routes on the server.
	Platforms []bot.HTTPPlatform
	// Apps are other route sets on the same server (the curator console).
	Apps []App
	// MaxBody limits every request body, in bytes; 0 means DefaultMaxBody.
	MaxBody int64
}

// App is a set of routes that is not a chat platform.
type App interface {
	Routes(mux *http.ServeMux)
}

// Server is the HTTP server. Listen, then Serve.
type Server struct {
	log    *slog.Logger
	mux    *http.ServeMux
	srv    *http.Server
	checks []Check

	mu      sync.Mutex
	ln      net.Listener
	failing map[string]bool // checks failing at the last /readyz, to log changes once
}

// New builds the server and its routes; it does not listen yet.
func New(o Options) *Server {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	s := &Server{log: o.Log, mux: http.NewServeMux(), checks: o.Checks}
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	s.mux.HandleFunc("GET /readyz", s.ready)
	if o.Metrics != nil {
		s.mux.Handle("GET /metrics", o.Metrics)
	}
	for _, p := range o.Platforms {
		p.Routes(s.mux)
	}
	for _, a := range o.Apps {
		a.Routes(s.mux)
	}
	s.srv = &http.Server{
		Addr:              o.Addr,
		Handler:           recoverPanics(o.Log, limitBody(o.MaxBody, s.mux)),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(o.Log.Handler(), slog.LevelWarn),
	}
	return s
}

// Handler is the server's whole handler, middleware included (tests).
func (s *Server) Handler() http.Handler { return s.srv.Handler }

// Listen binds the address, so that Addr is known before Serve.
func (s *Server) Listen() error {
	ln, err := net.Listen("tcp", s.srv.Addr)
	if err != nil {
		return fmt.Errorf("http: listen on %s: %w", s.srv.Addr, err)
	}
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
	return nil
}

// Addr is the bound address, or nil before Listen.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// Serve serves until ctx is cancelled, then stops taking connections and
// waits up to grace for requests in flight. It listens first if Listen
// was not called.
func (s *Server) Serve(ctx context.Context, grace time.Duration) error {
	if s.Addr() == nil {
		if err := s.Listen(); err != nil {
			return err
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
	defer cancel()
	err := s.srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		s.srv.Close()
		return fmt.Errorf("http: shutdown: %w", err)
	}
	return nil
}

// readiness is the /readyz body: each check and its state.
type readiness struct {
	Status string            `json:"status"` // "ready" or "not ready"
	Checks map[string]string `json:"checks"` // name -> "ok" or what failed
	Failed []string          `json:"failed,omitempty"`
	Notes  map[string]string `json:"notes,omitempty"` // name -> a note on a passing check
}

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), checkTimeout)
	defer cancel()
	res := readiness{Status: "ready", Checks: map[string]string{}}
	results := make([]error, len(s.checks))
	var wg sync.WaitGroup
	for i, c := range s.checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					results[i] = fmt.Errorf("check panicked: %v", p)
				}
			}()
			results[i] = c.Fn(ctx)
		}()
	}
	wg.Wait()
	for i, c := range s.checks {
		err := results[i]
		s.noteChange(c.Name, err)
		if err != nil {
			res.Checks[c.Name] = err.Error()
			res.Failed = append(res.Failed, c.Name)
			continue
		}
		res.Checks[c.Name] = "ok"
		if c.Note != nil {
			if n := c.Note(); n != "" {
				if res.Notes == nil {
					res.Notes = map[string]string{}
				}
				res.Notes[c.Name] = n
			}
		}
	}
	code := http.StatusOK
	if len(res.Failed) > 0 {
		sort.Strings(res.Failed)
		res.Status = "not ready"
		code = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(res)
}

// noteChange logs a check that starts or stops failing, once per change
// (readiness probes come every few seconds).
func (s *Server) noteChange(name string, err error) {
	s.mu.Lock()
	was := s.failing[name]
	if s.failing == nil {
		s.failing = map[string]bool{}
	}
	s.failing[name] = err != nil
	s.mu.Unlock()
	switch {
	case err != nil && !was:
		cause := err
		if h, ok := err.(*hiddenError); ok {
			cause = h.cause
		}
		s.log.Warn("not ready", "check", name, "err", cause)
	case err == nil && was:
		s.log.Info("ready again", "check", name)
	}
}

// limitBody answers 413 to a request that says it is too large and caps
// the body of every other one, so no handler can be made to read more.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			w.Header().Set("Connection", "close")
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		next.ServeHTTP(w, r)
	})
}

// recoverPanics logs a handler's panic with its stack and answers 500; the
// server keeps serving. http.ErrAbortHandler keeps its meaning.
func recoverPanics(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p)
			}
			log.Error("http handler panicked", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			http.Error(w, "internal error", http.StatusInternalServerError)
		}()
		next.ServeHTTP(w, r)
	})
}

// Errors the readiness checks return; their text is the /readyz detail.
var (
	ErrNotConnected = errors.New("not connected")
	ErrNoCorpus     = errors.New("no corpus loaded")
)

// PlatformCheck reports a platform's connection when it holds one
// (bot.Connectivity); other platforms are always ready.
func PlatformCheck(p bot.Platform) Check {
	return Check{Name: p.Name(), Fn: func(context.Context) error {
		if c, ok := p.(bot.Connectivity); ok && !c.Connected() {
			return ErrNotConnected
		}
		return nil
	}}
}

// PingCheck wraps a Ping method (a store) as a check whose failure detail
// hides the cause: /readyz says "unreachable", the log has the cause.
func PingCheck(name string, ping func(ctx context.Context) error) Check {
	return Check{Name: name, Fn: func(ctx context.Context) error {
		if err := ping(ctx); err != nil {
			return &hiddenError{cause: err}
		}
		return nil
	}}
}

// hiddenError shows "unreachable" and keeps the cause for the log.
type hiddenError struct{ cause error }

func (e *hiddenError) Error() string { return "unreachable" }
func (e *hiddenError) Unwrap() error { return e.cause }
