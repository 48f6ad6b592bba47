package console

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Session settings.
const (
	cookieName = "briefbot_console"
	sessionTTL = 12 * time.Hour
	maxSession = 1000 // sessions kept at once; the oldest go first
)

// session is one logged-in browser.
type session struct {
	csrf    string
	expires time.Time
}

// sessions are the console's logins, in memory: a restart logs everyone
// out, which is acceptable for a curator's tool.
type sessions struct {
	mu  sync.Mutex
	m   map[string]session
	now func() time.Time
}

func newSessions(now func() time.Time) *sessions {
	return &sessions{m: map[string]session{}, now: now}
}

// create starts a session and returns its id.
func (s *sessions) create() (string, session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for id, v := range s.m {
		if now.After(v.expires) {
			delete(s.m, id)
		}
	}
	for len(s.m) >= maxSession {
		var oldest string
		for id, v := range s.m {
			if oldest == "" || v.expires.Before(s.m[oldest].expires) {
				oldest = id
			}
		}
		delete(s.m, oldest)
	}
	id, v := randomToken(), session{csrf: randomToken(), expires: now.Add(sessionTTL)}
	s.m[id] = v
	return id, v
}

func (s *sessions) get(id string) (session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[id]
	if !ok || s.now().After(v.expires) {
		delete(s.m, id)
		return session{}, false
	}
	return v, true
}

func (s *sessions) end(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, id)
}

func randomToken() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("console: no randomness: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// auth is who made a request: a browser session (whose POSTs need its
// CSRF token) or a script with the bearer token (no cookie, so no CSRF).
type auth struct {
	sessionID string
	csrf      string
	bearer    bool
}

// authenticate reads the bearer token or the session cookie.
func (c *Console) authenticate(r *http.Request) (auth, bool) {
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if c.throttle.blocked(c.now()) {
			return auth{}, false
		}
		if !ok || !equal(strings.TrimSpace(tok), c.token) {
			c.throttle.fail(c.now())
			return auth{}, false
		}
		return auth{bearer: true}, true
	}
	ck, err := r.Cookie(cookieName)
	if err != nil {
		return auth{}, false
	}
	v, ok := c.sessions.get(ck.Value)
	if !ok {
		return auth{}, false
	}
	return auth{sessionID: ck.Value, csrf: v.csrf}, true
}

// checkCSRF reports whether a POST carries its session's CSRF token.
func (a auth) checkCSRF(r *http.Request) bool {
	if a.bearer {
		return true
	}
	return a.csrf != "" && equal(r.PostFormValue("csrf"), a.csrf)
}

func setSessionCookie(w http.ResponseWriter, r *http.Request, id string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: id, Path: prefix, MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
}

// Login throttling: after maxFailures wrong tokens within failureWindow,
// logins are refused until the window has passed, so the token cannot be
// guessed at network speed.
const (
	maxFailures   = 10
	failureWindow = time.Minute
)

// throttle counts recent failed logins.
type throttle struct {
	mu       sync.Mutex
	failures []time.Time
}

// blocked reports whether too many logins failed lately.
func (t *throttle) blocked(now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	keep := t.failures[:0]
	for _, f := range t.failures {
		if now.Sub(f) < failureWindow {
			keep = append(keep, f)
		}
	}
	t.failures = keep
	return len(t.failures) >= maxFailures
}

func (t *throttle) fail(now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.failures = append(t.failures, now)
}

// login exchanges the token for a session cookie.
func (c *Console) login(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		c.render(w, r, http.StatusOK, "login", auth{}, page{Title: "Log in"})
		return
	}
	if c.throttle.blocked(c.now()) {
		c.log.Warn("console: login refused: too many wrong tokens lately", "remote", r.RemoteAddr)
		c.render(w, r, http.StatusTooManyRequests, "login", auth{}, page{Title: "Log in", Error: "Too many wrong tokens were tried; wait a minute and try again."})
		return
	}
	if !equal(r.PostFormValue("token"), c.token) {
		c.throttle.fail(c.now())
		c.log.Warn("console: refused a login with a wrong token", "remote", r.RemoteAddr)
		c.render(w, r, http.StatusUnauthorized, "login", auth{}, page{Title: "Log in", Error: "That token is not right."})
		return
	}
	id, _ := c.sessions.create()
	setSessionCookie(w, r, id, int(sessionTTL/time.Second))
	http.Redirect(w, r, prefix, http.StatusSeeOther)
}

// logout ends the session.
func (c *Console) logout(w http.ResponseWriter, r *http.Request, a auth) {
	if a.sessionID != "" {
		c.sessions.end(a.sessionID)
	}
	setSessionCookie(w, r, "", -1)
	http.Redirect(w, r, prefix+"login", http.StatusSeeOther)
}
