package console

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/briefings/curation"
	"github.com/briefbot/briefbot/internal/store"
)

const testToken = "console-token-for-tests"

// testCorpus writes a small corpus to a directory.
func testCorpus(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"2015/a1.md": `---
title: Calais mayor speaks
published: 2015-03-04
---
Calais mayor Natacha Bouchart said the camp must close. "We cannot accept this situation any longer," said Ms Bouchart.

Nike Jones, a spokesman for the charity, said volunteers were exhausted. "The people here have nothing left to eat," he said.

Some 3,000 migrants live in the camp this year, officials said.
`,
		"2016/a2.md": `---
title: Bouchart again
published: 2016-05-01
---
Natacha Bouchart, the mayor of Calais, criticised the government. "The state has abandoned the town and its people," Natacha Bouchart said.

In 2016, 1,200 migrants lived in the camp, a count found.
`,
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// harness is a console over a corpus directory, served by httptest.
type harness struct {
	dir     string
	srv     *httptest.Server
	engine  atomic.Pointer[briefings.Engine]
	reloads int
	logs    bytes.Buffer
}

func newHarness(t testing.TB, o Options) *harness {
	t.Helper()
	h := &harness{dir: testCorpus(t)}
	load := func() error {
		e, err := briefings.Load(os.DirFS(h.dir), ".")
		if err != nil {
			return err
		}
		h.engine.Store(e)
		h.reloads++
		return nil
	}
	if err := load(); err != nil {
		t.Fatal(err)
	}
	h.reloads = 0
	o.Token = testToken
	o.Engine = h.engine.Load
	o.CurationFile = filepath.Join(h.dir, curation.FileName)
	o.Reload = load
	o.Log = slog.New(slog.NewTextHandler(&h.logs, nil))
	c, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	c.Routes(mux)
	h.srv = httptest.NewServer(mux)
	t.Cleanup(h.srv.Close)
	return h
}

// client returns an HTTP client with a cookie jar that does not follow
// redirects, logged in when login is set.
func (h *harness) client(t testing.TB, login bool) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	cl := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if login {
		resp, err := cl.PostForm(h.srv.URL+"/console/login", url.Values{"token": {testToken}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("login: %s", resp.Status)
		}
	}
	return cl
}

func get(t testing.TB, cl *http.Client, u string, hdr ...string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := cl.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func csrfOf(t testing.TB, body string) string {
	t.Helper()
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no CSRF field on the page")
	}
	return m[1]
}

func TestLoginAndSessionCookie(t *testing.T) {
	h := newHarness(t, Options{})
	cl := h.client(t, false)
	resp, err := cl.PostForm(h.srv.URL+"/console/login", url.Values{"token": {"not-the-token-xyz"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong token: %s, want 401", resp.Status)
	}
	resp, err = cl.PostForm(h.srv.URL+"/console/login", url.Values{"token": {testToken}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ck := resp.Cookies()
	if len(ck) != 1 || !ck[0].HttpOnly || ck[0].SameSite != http.SameSiteStrictMode || ck[0].Path != "/console/" || ck[0].Value == testToken {
		t.Errorf("session cookie = %+v, want HttpOnly, SameSite=Strict, under /console/, not the token", ck)
	}
	if code, body := get(t, cl, h.srv.URL+"/console/"); code != 200 || !strings.Contains(body, "<b>2</b> articles") {
		t.Errorf("overview after login: %d\n%s", code, body)
	}
	if strings.Contains(h.logs.String(), testToken) || strings.Contains(h.logs.String(), "not-the-token-xyz") {
		t.Errorf("a token was logged:\n%s", h.logs.String())
	}
}

func TestLoginThrottle(t *testing.T) {
	var now atomic.Int64
	now.Store(time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC).UnixNano())
	h := newHarness(t, Options{Now: func() time.Time { return time.Unix(0, now.Load()) }})
	cl := h.client(t, false)
	login := func(token string) int {
		resp, err := cl.PostForm(h.srv.URL+"/console/login", url.Values{"token": {token}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := 0; i < maxFailures-1; i++ {
		if code := login("guess"); code != http.StatusUnauthorized {
			t.Fatalf("wrong token %d: %d", i, code)
		}
	}
	if code, _ := get(t, cl, h.srv.URL+"/console/", "Authorization", "Bearer guess"); code != http.StatusUnauthorized {
		t.Fatalf("wrong bearer: %d", code)
	}
	if code := login(testToken); code != http.StatusTooManyRequests {
		t.Errorf("the right token after %d wrong ones: %d, want 429", maxFailures, code)
	}
	if code, _ := get(t, cl, h.srv.URL+"/console/", "Authorization", "Bearer "+testToken); code != http.StatusUnauthorized {
		t.Errorf("the right bearer while blocked: %d, want 401", code)
	}
	now.Add(int64(failureWindow))
	if code := login(testToken); code != http.StatusSeeOther {
		t.Errorf("the right token a minute later: %d, want 303", code)
	}
}

func TestRefusals(t *testing.T) {
	h := newHarness(t, Options{})
	anon := h.client(t, false)
	user := h.client(t, true)
	_, body := get(t, user, h.srv.URL+"/console/people")
	csrf := csrfOf(t, body)
	post := func(cl *http.Client, form url.Values, hdr ...string) int {
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/console/actions/quote", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := cl.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	hide := url.Values{"article": {"2015/a1"}, "text": {"cannot accept"}, "action": {"hide"}}
	with := func(v url.Values, k, val string) url.Values {
		out := url.Values{}
		for kk, vv := range v {
			out[kk] = vv
		}
		out.Set(k, val)
		return out
	}
	tests := []struct {
		name string
		do   func() int
		want int
	}{
		{"page without a session redirects to the login", func() int { c, _ := get(t, anon, h.srv.URL+"/console/people"); return c }, http.StatusSeeOther},
		{"page with a bad bearer", func() int {
			c, _ := get(t, anon, h.srv.URL+"/console/people", "Authorization", "Bearer nope")
			return c
		}, http.StatusUnauthorized},
		{"page with the bearer", func() int {
			c, _ := get(t, anon, h.srv.URL+"/console/people", "Authorization", "Bearer "+testToken)
			return c
		}, http.StatusOK},
		{"action without a session", func() int { return post(anon, with(hide, "csrf", csrf)) }, http.StatusUnauthorized},
		{"action without a CSRF token", func() int { return post(user, hide) }, http.StatusForbidden},
		{"action with a bad CSRF token", func() int { return post(user, with(hide, "csrf", csrf+"x")) }, http.StatusForbidden},
		{"action asking for nothing", func() int { return post(user, with(with(hide, "csrf", csrf), "action", "")) }, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.do(); got != tt.want {
				t.Errorf("status %d, want %d", got, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(h.dir, curation.FileName)); err == nil {
		t.Error("a refused action wrote the curation file")
	}
	if h.reloads != 0 {
		t.Errorf("refused actions reloaded the corpus %d times", h.reloads)
	}
	// The bearer needs no CSRF token: it is not a cookie a browser sends on its own.
	if got := post(anon, hide, "Authorization", "Bearer "+testToken); got != http.StatusSeeOther {
		t.Errorf("action with the bearer: %d, want 303", got)
	}
}

func TestActionsWriteCurationAndReload(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		form   url.Values
		check  func(t *testing.T, e *briefings.Engine)
		inFile string
	}{
		{"hide a quote", "/console/actions/quote",
			url.Values{"article": {"2016/a2"}, "text": {"The state has abandoned the town and its people"}, "action": {"hide"}},
			func(t *testing.T, e *briefings.Engine) {
				if r := e.Who("natacha bouchart"); strings.Contains(replyText(r), "abandoned") {
					t.Errorf("who still shows the hidden quote:\n%s", replyText(r))
				}
			}, "hide: true"},
		{"correct a figure's year", "/console/actions/figure",
			url.Values{"article": {"2015/a1"}, "value": {"3,000"}, "sentence": {"Some 3,000 migrants live in the camp this year, officials said."}, "action": {"correct"}, "year": {"2014"}},
			func(t *testing.T, e *briefings.Engine) {
				if r := e.Stats(2014, ""); !strings.Contains(replyText(r), "3,000") {
					t.Errorf("stats 2014 lacks the corrected figure:\n%s", replyText(r))
				}
			}, "year: 2014"},
		{"not a person", "/console/actions/person",
			url.Values{"name": {"Nike Jones"}, "action": {"organisation"}},
			func(t *testing.T, e *briefings.Engine) {
				if e.Counts().Organisations != 1 {
					t.Errorf("counts %+v, want 1 organisation", e.Counts())
				}
			}, "kind: organisation"},
		{"correct a role", "/console/actions/person",
			url.Values{"name": {"Natacha Bouchart"}, "action": {"correct-role"}, "title": {"Calais mayor"}, "to": {"Mayor of Calais"}},
			func(t *testing.T, e *briefings.Engine) {
				if r := replyText(e.Who("natacha bouchart")); strings.Contains(r, "Roles: Calais mayor") {
					t.Errorf("who still shows the old title:\n%s", r)
				}
			}, "to: Mayor of Calais"},
		{"add a role", "/console/actions/person",
			url.Values{"name": {"Natacha Bouchart"}, "action": {"add-role"}, "title": {"Senator"}, "date": {"2014-09"}, "past": {"1"}},
			func(t *testing.T, e *briefings.Engine) {
				if r := replyText(e.Who("natacha bouchart")); !strings.Contains(r, "Roles: Senator (former)") {
					t.Errorf("who lacks the added role:\n%s", r)
				}
			}, "title: Senator"},
		{"set an article's date, keeping its title", "/console/actions/article",
			url.Values{"id": {"2015/a1"}, "date": {"2013-06-01"}, "title": {"Calais mayor speaks"}},
			func(t *testing.T, e *briefings.Engine) {
				if v, _ := e.Article("2015/a1"); v.Date != "2013-06-01" || !v.Curated {
					t.Errorf("article = %+v", v)
				}
			}, `date: "2013-06-01"`},
		{"exclude an article from digests", "/console/actions/article",
			url.Values{"id": {"2016/a2"}, "digest": {"exclude"}},
			func(t *testing.T, e *briefings.Engine) {
				if d := e.Digest(briefings.DigestOptions{}); strings.Join(d.DocIDs, ",") != "2015/a1" {
					t.Errorf("digest covers %q, want only 2015/a1", d.DocIDs)
				}
			}, "digest: exclude"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			cl := h.client(t, true)
			_, body := get(t, cl, h.srv.URL+"/console/")
			tt.form.Set("csrf", csrfOf(t, body))
			tt.form.Set("back", "/console/people")
			resp, err := cl.PostForm(h.srv.URL+tt.path, tt.form)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/console/people?done=") {
				t.Fatalf("action: %s to %q", resp.Status, resp.Header.Get("Location"))
			}
			data, err := os.ReadFile(filepath.Join(h.dir, curation.FileName))
			if err != nil || !strings.Contains(string(data), tt.inFile) {
				t.Fatalf("curation file (%v):\n%s", err, data)
			}
			if h.reloads != 1 {
				t.Errorf("reloaded %d times, want 1", h.reloads)
			}
			tt.check(t, h.engine.Load())
		})
	}
}

func TestActionRedirectStaysInTheConsole(t *testing.T) {
	h := newHarness(t, Options{})
	cl := h.client(t, true)
	_, body := get(t, cl, h.srv.URL+"/console/")
	for _, back := range []string{"https://evil.example/", "//evil.example/console/", "/console/\r\nX: y", "/elsewhere"} {
		resp, err := cl.PostForm(h.srv.URL+"/console/actions/article", url.Values{"csrf": {csrfOf(t, body)}, "id": {"2015/a1"}, "digest": {"pin"}, "back": {back}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/console/?done=") {
			t.Errorf("back %q redirected to %q", back, loc)
		}
	}
}

func replyText(r briefings.Reply) string {
	var b strings.Builder
	b.WriteString(r.Title + "\n" + r.Summary + "\n")
	for _, s := range r.Sections {
		for _, it := range s.Items {
			b.WriteString(s.Heading + ": " + it.Text + "\n")
		}
	}
	return b.String()
}

// fakeStore serves feedback and digest history.
type fakeStore struct{}

func (fakeStore) RecordFeedback(context.Context, bot.Vote) (bool, error) { return false, nil }
func (fakeStore) ListFeedback(_ context.Context, q bot.FeedbackQuery) ([]bot.Vote, error) {
	if q.Value != -1 {
		return nil, nil
	}
	return []bot.Vote{{ReplyID: "r1", Platform: "slack", Question: "who runs calais?", Kind: "who", Sources: []string{"2015/a1"}, Value: -1, At: time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)}}, nil
}
func (fakeStore) SaveReply(context.Context, bot.SavedReply) error { return nil }
func (fakeStore) LoadReply(_ context.Context, id string) (bot.SavedReply, error) {
	return bot.SavedReply{ID: id, Reply: briefings.Reply{Kind: briefings.KindWho, Title: "Natacha Bouchart", Summary: "Calais mayor."}}, nil
}
func (fakeStore) Subscriptions(context.Context) ([]store.Subscription, error) {
	return []store.Subscription{{ID: "d-abcdef", Platform: "discord", Channel: "42", Schedule: "0 8 * * *", Timezone: "Europe/Paris", CreatedBy: "U1"}}, nil
}
func (fakeStore) Runs(_ context.Context, id string) ([]store.Run, error) {
	return []store.Run{{DigestID: id, Slot: time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC), State: store.StateFailed, LastError: "slack: channel_not_found"}}, nil
}
func (fakeStore) FailedPosts(_ context.Context, id string) ([]store.FailedPost, error) {
	return []store.FailedPost{{DigestID: id, Target: store.Target{Platform: "slack", Channel: "C1"}, Error: "channel_not_found", Attempts: 3, FailedAt: time.Date(2025, 1, 2, 9, 1, 0, 0, time.UTC)}}, nil
}

func TestPages(t *testing.T) {
	now := time.Date(2025, 1, 6, 6, 0, 0, 0, time.UTC) // a Monday
	h := newHarness(t, Options{Feedback: fakeStore{}, Replies: fakeStore{}, Digests: fakeStore{}, Now: func() time.Time { return now },
		ConfigDigests: []Digest{{ID: "morning", Schedule: "0 9 * * 1-5", Timezone: "Europe/London", Targets: []string{"slack C1"}}}})
	cl := h.client(t, true)
	tests := []struct {
		path string
		want []string
	}{
		{"/console/people?q=bouchart", []string{`href="/console/people/natacha-bouchart"`}},
		{"/console/people/natacha-bouchart", []string{"Mayor of Calais", "We cannot accept this situation any longer", `href="/console/articles/2015/a1#p0"`, `value="remove-role"`, `class="hide-quote"`, "Named with", `href="/console/people/nike-jones"`}},
		{"/console/figures", []string{"<svg", "<circle", "<title>2015: 3,000 (2015/a1, 2015-03-04): Some 3,000 migrants", "Migrants", `value="correct"`}},
		{"/console/figures?year=2016", []string{"1,200"}},
		{"/console/articles", []string{`href="/console/articles/2016/a2"`}},
		{"/console/articles/2015/a1", []string{`<mark class="hl-person" title="person: Natacha Bouchart">Natacha Bouchart</mark>`, `class="hl-quote"`, `<mark class="hl-figure"`, `value="pin"`}},
		{"/console/feedback", []string{"who runs calais?", "Calais mayor."}},
		{"/console/digests", []string{"morning", "Mon 6 Jan 2025 09:00 GMT", "d-abcdef", "Mon 6 Jan 2025 08:00 CET", "channel_not_found", "after 3 attempts"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body := get(t, cl, h.srv.URL+tt.path)
			if code != http.StatusOK {
				t.Fatalf("status %d\n%s", code, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
	if code, _ := get(t, cl, h.srv.URL+"/console/people/nobody"); code != http.StatusNotFound {
		t.Errorf("unknown person: %d, want 404", code)
	}
}

// fixer keeps fixed marks in memory.
type fixer struct {
	mu sync.Mutex
	m  map[string]time.Time
}

func (f *fixer) MarkFeedbackFixed(_ context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil {
		f.m = map[string]time.Time{}
	}
	f.m[id] = time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC)
	return nil
}

func (f *fixer) FeedbackFixed(_ context.Context, ids []string) (map[string]time.Time, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]time.Time{}
	for _, id := range ids {
		if at, ok := f.m[id]; ok {
			out[id] = at
		}
	}
	return out, nil
}

func TestFeedbackMarkedFixed(t *testing.T) {
	h := newHarness(t, Options{Feedback: fakeStore{}, Replies: fakeStore{}, Fixed: &fixer{}})
	cl := h.client(t, true)
	_, body := get(t, cl, h.srv.URL+"/console/feedback")
	if !strings.Contains(body, "who runs calais?") || !strings.Contains(body, "Mark as fixed") {
		t.Fatalf("feedback page before:\n%s", body)
	}
	resp, err := cl.PostForm(h.srv.URL+"/console/actions/feedback", url.Values{"csrf": {csrfOf(t, body)}, "reply": {"r1"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark fixed: %s", resp.Status)
	}
	if _, body = get(t, cl, h.srv.URL+"/console/feedback"); strings.Contains(body, "who runs calais?") || !strings.Contains(body, "1 marked fixed are not shown") {
		t.Errorf("feedback page after:\n%s", body)
	}
	if _, body = get(t, cl, h.srv.URL+"/console/feedback?all=1"); !strings.Contains(body, "who runs calais?") || !strings.Contains(body, "fixed 3 Jan 2025") {
		t.Errorf("feedback page with the fixed ones:\n%s", body)
	}
}

func TestFeedbackWithoutStore(t *testing.T) {
	h := newHarness(t, Options{})
	_, body := get(t, h.client(t, true), h.srv.URL+"/console/feedback")
	if !strings.Contains(body, "Feedback is not recorded by this server.") {
		t.Errorf("feedback page without a store:\n%s", body)
	}
}
