package main

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// e2eSlackBotUser is the bot's own user id, as the fake's auth.test says.
const e2eSlackBotUser = "UBOT"

// e2eSlackPost is one message the bot sent: through chat.postMessage, or
// to a slash command's response_url.
type e2eSlackPost struct {
	At      time.Time
	Token   string // the bot token it was sent with (tells replicas apart)
	Channel string // chat.postMessage only
	Path    string // response_url posts: the path they were sent to
	Text    string // the top-level text
	Blocks  string // the blocks as JSON
	Form    url.Values
	// Cancelled is set when the bot hung up before a delayed answer
	// (see e2eFakeSlack.Delay) was sent.
	Cancelled bool
	// ResponseType and Replace are what a response_url post asked for:
	// "ephemeral" or "in_channel", and replace_original ("" when unset).
	ResponseType string
	Replace      string
}

// strings returns every text the message shows: the top-level text and
// every string inside its blocks (decoded, so an escaped "\u003c" in the
// JSON is checked as the "<" Slack reads).
func (p e2eSlackPost) strings() []string {
	out := []string{p.Text}
	if p.Blocks != "" {
		var v any
		if err := json.Unmarshal([]byte(p.Blocks), &v); err == nil {
			out = append(out, e2eJSONStrings(v)...)
		} else {
			out = append(out, p.Blocks)
		}
	}
	return out
}

func (p e2eSlackPost) all() string { return strings.Join(p.strings(), "\n") }

// e2eJSONStrings collects every string value of a decoded JSON document.
func e2eJSONStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, e2eJSONStrings(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, e := range v {
			out = append(out, e2eJSONStrings(e)...)
		}
		return out
	}
	return nil
}

// e2eFakeSlack is a Slack Web API (auth.test, chat.postMessage) and a
// response_url endpoint that record what the bot sends.
type e2eFakeSlack struct {
	srv *httptest.Server

	mu        sync.Mutex
	posts     []e2eSlackPost // chat.postMessage
	responses []e2eSlackPost // response_url
	authTests int
	delay     map[string]time.Duration // chat.postMessage answers delayed, by channel
	arrived   map[string]chan struct{} // closed when a delayed post arrives
	limited   map[string]int           // chat.postMessage calls to refuse with 429, by channel
	refused   map[string]string        // chat.postMessage errors, by channel
	attempts  map[string][]time.Time   // chat.postMessage calls, by channel, refused ones included
}

// RateLimit makes the next n chat.postMessage calls to channel fail with
// 429 Too Many Requests and Retry-After: 1.
func (f *e2eFakeSlack) RateLimit(channel string, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.limited == nil {
		f.limited = map[string]int{}
	}
	f.limited[channel] = n
}

// Refuse makes every chat.postMessage to channel fail with Slack error
// code (e.g. channel_not_found).
func (f *e2eFakeSlack) Refuse(channel, code string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.refused == nil {
		f.refused = map[string]string{}
	}
	f.refused[channel] = code
}

// Attempts is how many chat.postMessage calls to channel arrived,
// refused ones included.
func (f *e2eFakeSlack) Attempts(channel string) int {
	return len(f.AttemptTimes(channel))
}

// AttemptTimes is when each chat.postMessage call to channel arrived.
func (f *e2eFakeSlack) AttemptTimes(channel string) []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.attempts[channel])
}

// Delay makes chat.postMessage to channel answer only after d (a slow
// Slack), and returns a channel closed when such a post arrives.
func (f *e2eFakeSlack) Delay(channel string, d time.Duration) <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.delay == nil {
		f.delay, f.arrived = map[string]time.Duration{}, map[string]chan struct{}{}
	}
	f.delay[channel] = d
	f.arrived[channel] = make(chan struct{})
	return f.arrived[channel]
}

func newE2EFakeSlack(t *testing.T) *e2eFakeSlack {
	f := &e2eFakeSlack{}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// APIURL is the slack.api_url to configure.
func (f *e2eFakeSlack) APIURL() string { return f.srv.URL + "/api/" }

// ResponseURL is a response_url for a slash command.
func (f *e2eFakeSlack) ResponseURL(id string) string { return f.srv.URL + "/response/" + id }

func (f *e2eFakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	if strings.HasPrefix(r.URL.Path, "/response/") {
		var m struct {
			Text         string          `json:"text"`
			Blocks       json.RawMessage `json:"blocks"`
			ResponseType string          `json:"response_type"`
			Replace      *bool           `json:"replace_original"`
		}
		if err := json.Unmarshal(body, &m); err != nil {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		replace := ""
		if m.Replace != nil {
			replace = strconv.FormatBool(*m.Replace)
		}
		f.mu.Lock()
		f.responses = append(f.responses, e2eSlackPost{At: at, Path: r.URL.Path, Text: m.Text, Blocks: string(m.Blocks),
			ResponseType: m.ResponseType, Replace: replace})
		f.mu.Unlock()
		io.WriteString(w, `{"ok":true}`)
		return
	}
	form, _ := url.ParseQuery(string(body))
	token := form.Get("token")
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		token = strings.TrimPrefix(h, "Bearer ")
	}
	if !strings.HasPrefix(token, "xoxb-") {
		io.WriteString(w, `{"ok":false,"error":"not_authed"}`)
		return
	}
	switch r.URL.Path {
	case "/api/auth.test":
		f.mu.Lock()
		f.authTests++
		f.mu.Unlock()
		io.WriteString(w, `{"ok":true,"url":"https://e2e.slack.com/","team":"E2E","user":"briefbot","team_id":"T0E2E","user_id":"`+e2eSlackBotUser+`"}`)
	case "/api/chat.postMessage":
		p := e2eSlackPost{At: at, Token: token, Channel: form.Get("channel"), Text: form.Get("text"), Blocks: form.Get("blocks"), Form: form}
		f.mu.Lock()
		if f.attempts == nil {
			f.attempts = map[string][]time.Time{}
		}
		f.attempts[p.Channel] = append(f.attempts[p.Channel], at)
		d, arrived := f.delay[p.Channel], f.arrived[p.Channel]
		limited := f.limited[p.Channel] > 0
		if limited {
			f.limited[p.Channel]--
		}
		refused := f.refused[p.Channel]
		f.mu.Unlock()
		if limited {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"ok":false,"error":"ratelimited"}`)
			return
		}
		if refused != "" {
			fmt.Fprintf(w, `{"ok":false,"error":%q}`, refused)
			return
		}
		if d > 0 {
			close(arrived)
			select {
			case <-time.After(d):
			case <-r.Context().Done():
				p.Cancelled = true
			}
		}
		f.mu.Lock()
		f.posts = append(f.posts, p)
		n := len(f.posts)
		f.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"%d.%06d"}`, p.Channel, at.Unix(), n)
	default:
		io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
	}
}

// Posts returns the chat.postMessage calls so far, to channel (all when "").
func (f *e2eFakeSlack) Posts(channel string) []e2eSlackPost {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []e2eSlackPost
	for _, p := range f.posts {
		if channel == "" || p.Channel == channel {
			out = append(out, p)
		}
	}
	return out
}

// Responses returns what was posted to response_url paths.
func (f *e2eFakeSlack) Responses() []e2eSlackPost {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.responses)
}

// e2eSlackSign is Slack's v0 signature of a request body.
// https://docs.slack.dev/authentication/verifying-requests-from-slack/
func e2eSlackSign(secret, ts string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:", ts)
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// e2eSlackRequest is a request to a Slack endpoint of serve, signed with
// secret at time at (a zero secret sends a malformed signature).
func e2eSlackRequest(t *testing.T, target, contentType string, body []byte, secret string, at time.Time) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	ts := strconv.FormatInt(at.Unix(), 10)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	if secret == "" {
		req.Header.Set("X-Slack-Signature", "v0="+strings.Repeat("0", 64))
	} else {
		req.Header.Set("X-Slack-Signature", e2eSlackSign(secret, ts, body))
	}
	return req
}

// e2eBroadcasts are texts that notify a whole channel or workspace when
// Slack or Discord reads them unescaped.
var e2eBroadcast = regexp.MustCompile(`(?i)<!(channel|here|everyone)(\|[^>]*)?>|<!subteam\^|@(everyone|here|channel)\b`)

// e2eFindBroadcast returns the first broadcast mention in texts, or "".
func e2eFindBroadcast(texts []string) string {
	for _, s := range texts {
		if m := e2eBroadcast.FindString(s); m != "" {
			return m
		}
	}
	return ""
}

// e2eDiscordCall is one REST call the bot made to the fake Discord.
type e2eDiscordCall struct {
	Method, Path string
	Auth         string
	Body         string
}

// e2eFakeDiscord is a Discord REST API: it accepts command registration
// (PUT .../commands) and webhook edits (PATCH .../messages/@original),
// recording every call.
type e2eFakeDiscord struct {
	srv   *httptest.Server
	mu    sync.Mutex
	calls []e2eDiscordCall
}

func newE2EFakeDiscord(t *testing.T) *e2eFakeDiscord {
	f := &e2eFakeDiscord{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.calls = append(f.calls, e2eDiscordCall{Method: r.Method, Path: r.URL.Path, Auth: r.Header.Get("Authorization"), Body: string(body)})
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "/commands"):
			io.WriteString(w, string(body)) // the registered set, as Discord echoes it
		case r.Method == http.MethodPatch && strings.Contains(r.URL.Path, "/webhooks/"):
			io.WriteString(w, `{"id":"900000000000000001","channel_id":"700000000000000001","content":""}`)
		case r.Method == http.MethodPost && strings.Contains(r.URL.Path, "/webhooks/"):
			io.WriteString(w, `{"id":"900000000000000002","channel_id":"700000000000000001","content":""}`)
		default:
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"message":"404: Not Found","code":0}`)
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// APIURL is the discord.api_url to configure.
func (f *e2eFakeDiscord) APIURL() string { return f.srv.URL + "/api/v10/" }

// Calls returns the calls so far with method (all when "") whose path
// contains sub.
func (f *e2eFakeDiscord) Calls(method, sub string) []e2eDiscordCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []e2eDiscordCall
	for _, c := range f.calls {
		if (method == "" || c.Method == method) && strings.Contains(c.Path, sub) {
			out = append(out, c)
		}
	}
	return out
}

// e2eDiscordRequest is a request to /discord/interactions signed with key
// (nil: signed with a fresh, wrong key).
func e2eDiscordRequest(t *testing.T, target string, body []byte, key ed25519.PrivateKey) *http.Request {
	t.Helper()
	if key == nil {
		_, wrong, err := ed25519.GenerateKey(nil)
		if err != nil {
			t.Fatal(err)
		}
		key = wrong
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(ts), body...))))
	return req
}
