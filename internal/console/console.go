// Package console is the curator's web console, served under /console/:
// what the engine extracted (people, figures with charts, articles with
// highlights), the latest feedback, the digests' runs, and actions that
// write corrections to the corpus's curation file and reload the corpus.
// Every page needs a session (a token exchanged at /console/login) or the
// token as a bearer; every action is a POST with a CSRF token.
package console

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/store"
)

// prefix is where the console is mounted.
const prefix = "/console/"

//go:embed templates/*.html templates/style.css
var assets embed.FS

// Digests is what the digests page reads from the store.
type Digests interface {
	Subscriptions(ctx context.Context) ([]store.Subscription, error)
	Runs(ctx context.Context, digestID string) ([]store.Run, error)
	FailedPosts(ctx context.Context, digestID string) ([]store.FailedPost, error)
}

// FeedbackFixer remembers which answers' thumbs-down a curator dealt with.
type FeedbackFixer interface {
	MarkFeedbackFixed(ctx context.Context, replyID string) error
	FeedbackFixed(ctx context.Context, replyIDs []string) (map[string]time.Time, error)
}

// Digest is a digest scheduled from the configuration.
type Digest struct {
	ID, Schedule, Timezone string
	Targets                []string // "slack C0123456"
}

// Options configure a Console. Engine and Token are required.
type Options struct {
	// Token is the console's secret; it is never logged.
	Token string
	// Engine returns the engine being served (a reload swaps it).
	Engine func() *briefings.Engine
	// CurationFile is the corpus's curation file; empty (the embedded
	// corpus) turns the corrective actions off.
	CurationFile string
	// Reload rebuilds the corpus after a correction was written.
	Reload func() error
	// Feedback and Replies show the latest 👎 votes; nil: none recorded.
	Feedback bot.FeedbackStore
	Replies  bot.ReplyStore
	// Fixed marks votes as dealt with; nil: no marking.
	Fixed FeedbackFixer
	// Digests and ConfigDigests show the digests page; nil: none.
	Digests       Digests
	ConfigDigests []Digest
	Log           *slog.Logger
	// Now is the clock (tests); nil means time.Now.
	Now func() time.Time
}

// Console serves the console's pages and actions.
type Console struct {
	Options
	token    string
	log      *slog.Logger
	now      func() time.Time
	sessions *sessions
	throttle throttle
	tmpl     map[string]*template.Template
	css      []byte
}

// New returns a console; it fails only when its templates do not parse.
func New(o Options) (*Console, error) {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	c := &Console{Options: o, token: o.Token, log: o.Log, now: o.Now, sessions: newSessions(o.Now)}
	c.Options.Token = "" // kept once, in c.token
	var err error
	if c.tmpl, err = parseTemplates(); err != nil {
		return nil, err
	}
	if c.css, err = assets.ReadFile("templates/style.css"); err != nil {
		return nil, err
	}
	return c, nil
}

// Routes mounts the console on mux under /console/.
func (c *Console) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /console/login", c.login)
	mux.HandleFunc("POST /console/login", c.login)
	mux.HandleFunc("GET /console/style.css", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "max-age=3600")
		w.Write(c.css)
	})
	mux.HandleFunc("GET /console", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, prefix, http.StatusMovedPermanently)
	})
	pages := map[string]func(http.ResponseWriter, *http.Request, auth){
		"GET /console/{$}":               c.overview,
		"GET /console/people":            c.people,
		"GET /console/people/{id}":       c.person,
		"GET /console/figures":           c.figures,
		"GET /console/articles":          c.articles,
		"GET /console/articles/{id...}":  c.article,
		"GET /console/feedback":          c.feedback,
		"GET /console/digests":           c.digests,
		"POST /console/logout":           c.logout,
		"POST /console/actions/quote":    c.quoteAction,
		"POST /console/actions/figure":   c.figureAction,
		"POST /console/actions/person":   c.personAction,
		"POST /console/actions/article":  c.articleAction,
		"POST /console/actions/feedback": c.feedbackAction,
	}
	for pattern, h := range pages {
		mux.Handle(pattern, c.guard(h))
	}
}

// guard lets through requests with a session or the bearer token, and
// POSTs only with their CSRF token.
func (c *Console) guard(h func(http.ResponseWriter, *http.Request, auth)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'")
		a, ok := c.authenticate(r)
		if !ok {
			if r.Method == http.MethodGet && r.Header.Get("Authorization") == "" {
				http.Redirect(w, r, prefix+"login", http.StatusSeeOther)
				return
			}
			http.Error(w, "Log in first: /console/login, or send Authorization: Bearer TOKEN.", http.StatusUnauthorized)
			return
		}
		if r.Method == http.MethodPost && !a.checkCSRF(r) {
			c.log.Warn("console: refused a POST without a valid CSRF token", "path", r.URL.Path, "remote", r.RemoteAddr)
			http.Error(w, "This form has expired or did not come from the console. Reload the page and try again.", http.StatusForbidden)
			return
		}
		h(w, r, a)
	})
}

// page is what every template gets.
type page struct {
	Title   string
	Nav     string // the section highlighted in the menu
	CSRF    string
	Error   string
	Notice  string
	CanEdit bool
	Data    any
}

// render executes a page's template; a template error is logged and
// answered with a plain sentence.
func (c *Console) render(w http.ResponseWriter, r *http.Request, status int, name string, a auth, p page) {
	p.CSRF = a.csrf
	p.CanEdit = c.CurationFile != ""
	if p.Notice == "" {
		p.Notice = r.URL.Query().Get("done")
	}
	var buf bytes.Buffer
	if err := c.tmpl[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		c.log.Error("console: page failed", "page", name, "err", err)
		http.Error(w, "This page could not be shown; the cause is in the server's log.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// engine is the engine being served, or nil while none is loaded.
func (c *Console) engine() *briefings.Engine {
	if c.Engine == nil {
		return nil
	}
	return c.Engine()
}
