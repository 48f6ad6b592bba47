package main

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Secrets of the e2e configs. They reach serve through the environment
// (${NAME} in the config), as a deployment would pass them, and must never
// appear in its logs.
const (
	e2eSlackSecret = "e2e-signing-secret-5f1d0c9a"
	e2eSlackToken  = "xoxb-e2e-bot-token-3a7c"
	e2eDiscordTok  = "e2e-discord-token-77b1"
)

const formType = "application/x-www-form-urlencoded"

// TestE2ESlackHTTP drives `briefbot serve` in Slack HTTP mode as Slack
// would: signed slash commands and Events API callbacks in, Web API calls
// and response_url posts out, to a fake Slack.
func TestE2ESlackHTTP(t *testing.T) {
	e2eBinary(t)
	fake := newE2EFakeSlack(t)
	dir := t.TempDir()
	addr := e2eFreeAddr(t)
	// The embedded corpus, plus an article whose title, publisher and
	// quote carry broadcast mentions and markup.
	corpusDir := e2eCorpus(t, true, "inject")
	cfg := e2eWriteConfig(t, dir, "briefbot.yaml", fmt.Sprintf(`
http:
  addr: %q
corpus:
  dir: %q
  reload: 0
store:
  driver: sqlite
  dsn: %q
%s`, addr, corpusDir, filepath.Join(dir, "briefbot.db"), e2eSlackYAML(fake.APIURL())))
	p := e2eStartSlack(t, "serve", cfg, addr)
	commands := p.base() + "/slack/commands"
	events := p.base() + "/slack/events"

	slash := func(t *testing.T, command, text, responseID string) (int, string) {
		t.Helper()
		body := url.Values{
			"token": {"legacy-verification-token"}, "team_id": {"T0E2E"}, "channel_id": {"C0E2E"},
			"channel_name": {"general"}, "user_id": {"U0E2E"}, "user_name": {"ana"},
			"command": {command}, "text": {text}, "response_url": {fake.ResponseURL(responseID)},
			"trigger_id": {"1.2.3"}, "api_app_id": {"A0E2E"},
		}.Encode()
		return e2eDo(t, e2eSlackRequest(t, commands, formType, []byte(body), e2eSlackSecret, time.Now()))
	}
	// slashAnswer returns a slash command's answer: the inline response,
	// or what reached its response_url when the inline one was only the
	// acknowledgement.
	slashAnswer := func(t *testing.T, command, text, responseID string) []string {
		t.Helper()
		code, body := slash(t, command, text, responseID)
		if code != http.StatusOK {
			t.Fatalf("%s %s = %d %s\n%s", command, text, code, body, p.tail(20))
		}
		var inline struct {
			Text   string          `json:"text"`
			Blocks json.RawMessage `json:"blocks"`
		}
		if err := json.Unmarshal([]byte(body), &inline); err != nil {
			t.Fatalf("%s %s: the response is not JSON: %v: %s", command, text, err, body)
		}
		if inline.Text != "" || len(inline.Blocks) > 0 {
			return e2eSlackPost{Text: inline.Text, Blocks: string(inline.Blocks)}.strings()
		}
		var late []e2eSlackPost
		if !e2eEventually(10*time.Second, func() bool {
			late = nil
			for _, r := range fake.Responses() {
				if strings.HasSuffix(r.Path, "/"+responseID) {
					late = append(late, r)
				}
			}
			return len(late) > 0
		}) {
			t.Fatalf("%s %s: acknowledged with %s, but nothing reached response_url\n%s", command, text, body, p.tail(20))
		}
		return late[0].strings()
	}
	event := func(t *testing.T, payload string, headers ...string) (int, string) {
		t.Helper()
		req := e2eSlackRequest(t, events, "application/json", []byte(payload), e2eSlackSecret, time.Now())
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		return e2eDo(t, req)
	}
	dm := func(eventID, channel, user, text string) string {
		b, _ := json.Marshal(map[string]any{
			"token": "legacy-verification-token", "team_id": "T0E2E", "api_app_id": "A0E2E",
			"type": "event_callback", "event_id": eventID, "event_time": time.Now().Unix(),
			"event": map[string]any{
				"type": "message", "channel": channel, "user": user, "text": text,
				"ts": fmt.Sprintf("%d.000100", time.Now().Unix()), "event_ts": fmt.Sprintf("%d.000100", time.Now().Unix()),
				"channel_type": "im",
			},
		})
		return string(b)
	}
	waitPost := func(t *testing.T, channel string) e2eSlackPost {
		t.Helper()
		var posts []e2eSlackPost
		if !e2eEventually(10*time.Second, func() bool { posts = fake.Posts(channel); return len(posts) > 0 }) {
			t.Fatalf("no chat.postMessage to %s within 10 s\n%s", channel, p.tail(20))
		}
		return posts[0]
	}

	t.Run("slash command /who", func(t *testing.T) {
		got := strings.Join(slashAnswer(t, "/who", "cazeneuve", "who-1"), "\n")
		if !strings.Contains(got, "Bernard Cazeneuve") {
			t.Errorf("/who cazeneuve answered without %q:\n%.600s", "Bernard Cazeneuve", got)
		}
	})

	t.Run("subcommand form /brief who", func(t *testing.T) {
		got := strings.Join(slashAnswer(t, "/brief", "who cazeneuve", "brief-1"), "\n")
		if !strings.Contains(got, "Bernard Cazeneuve") {
			t.Errorf("/brief who cazeneuve answered without %q:\n%.600s", "Bernard Cazeneuve", got)
		}
	})

	t.Run("signatures", func(t *testing.T) {
		body := []byte(url.Values{"command": {"/who"}, "text": {"cazeneuve"}, "user_id": {"U0E2E"}, "channel_id": {"C0E2E"}}.Encode())
		tests := []struct {
			name string
			req  *http.Request
		}{
			{"malformed signature", e2eSlackRequest(t, commands, formType, body, "", time.Now())},
			{"another secret", e2eSlackRequest(t, commands, formType, body, "not-the-signing-secret", time.Now())},
			{"stale timestamp", e2eSlackRequest(t, commands, formType, body, e2eSlackSecret, time.Now().Add(-6*time.Minute))},
			{"future timestamp", e2eSlackRequest(t, commands, formType, body, e2eSlackSecret, time.Now().Add(6*time.Minute))},
			{"stale event", e2eSlackRequest(t, events, "application/json", []byte(`{"type":"url_verification","challenge":"x"}`), e2eSlackSecret, time.Now().Add(-10*time.Minute))},
			{"body changed after signing", func() *http.Request {
				r := e2eSlackRequest(t, commands, formType, body, e2eSlackSecret, time.Now())
				r.Body = http.NoBody
				r.ContentLength = 0
				return r
			}()},
			{"no signature", func() *http.Request {
				r := e2eSlackRequest(t, commands, formType, body, e2eSlackSecret, time.Now())
				r.Header.Del("X-Slack-Signature")
				return r
			}()},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if code, got := e2eDo(t, tt.req); code != http.StatusUnauthorized {
					t.Errorf("status %d, want 401: %.300s", code, got)
				}
			})
		}
	})

	t.Run("url_verification", func(t *testing.T) {
		const challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
		code, body := event(t, `{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"`+challenge+`","type":"url_verification"}`)
		if code != http.StatusOK {
			t.Fatalf("status %d: %s", code, body)
		}
		var got struct {
			Challenge string `json:"challenge"`
		}
		if json.Unmarshal([]byte(body), &got) == nil && got.Challenge != "" {
			if got.Challenge != challenge {
				t.Errorf("challenge %q, want %q", got.Challenge, challenge)
			}
		} else if strings.TrimSpace(body) != challenge {
			t.Errorf("body %q does not echo the challenge", body)
		}
	})

	t.Run("direct message answered through chat.postMessage", func(t *testing.T) {
		if code, body := event(t, dm("Ev0E2E0001", "D0E2E0001", "U0E2E", "who cazeneuve")); code != http.StatusOK {
			t.Fatalf("event status %d: %s", code, body)
		}
		post := waitPost(t, "D0E2E0001")
		if !strings.Contains(post.all(), "Bernard Cazeneuve") {
			t.Errorf("the answer to %q lacks %q:\n%.600s", "who cazeneuve", "Bernard Cazeneuve", post.all())
		}
		for _, key := range []string{"link_names", "parse"} {
			if v := post.Form.Get(key); v != "" && v != "none" && v != "false" && v != "0" {
				t.Errorf("chat.postMessage sent %s=%s", key, v)
			}
		}
	})

	t.Run("app mention answered in its channel", func(t *testing.T) {
		b, _ := json.Marshal(map[string]any{
			"team_id": "T0E2E", "api_app_id": "A0E2E", "type": "event_callback", "event_id": "Ev0E2E0030", "event_time": time.Now().Unix(),
			"event": map[string]any{"type": "app_mention", "user": "U0E2E", "channel": "C0E2EMENTION",
				"text": "<@" + e2eSlackBotUser + "> who cazeneuve", "ts": "1700000000.000200", "event_ts": "1700000000.000200"},
		})
		if code, body := event(t, string(b)); code != http.StatusOK {
			t.Fatalf("event status %d: %s", code, body)
		}
		if post := waitPost(t, "C0E2EMENTION"); !strings.Contains(post.all(), "Bernard Cazeneuve") {
			t.Errorf("the answer to a mention lacks %q:\n%.600s", "Bernard Cazeneuve", post.all())
		}
	})

	t.Run("a retried event is answered once", func(t *testing.T) {
		payload := dm("Ev0E2E0002", "D0E2E0002", "U0E2E", "who cazeneuve")
		if code, _ := event(t, payload); code != http.StatusOK {
			t.Fatalf("first delivery: status %d", code)
		}
		for retry := 1; retry <= 2; retry++ {
			code, _ := event(t, payload, "X-Slack-Retry-Num", strconv.Itoa(retry), "X-Slack-Retry-Reason", "http_timeout")
			if code != http.StatusOK {
				t.Errorf("retry %d: status %d, want 200 (an acknowledged duplicate)", retry, code)
			}
		}
		waitPost(t, "D0E2E0002")
		// A later event is the marker: once it is answered, an answer to
		// a retry accepted at the same time would have been sent too.
		if code, _ := event(t, dm("Ev0E2E0003", "D0E2E0003", "U0E2E", "who cazeneuve")); code != http.StatusOK {
			t.Fatalf("marker event: status %d", code)
		}
		waitPost(t, "D0E2E0003")
		time.Sleep(200 * time.Millisecond)
		if n := len(fake.Posts("D0E2E0002")); n != 1 {
			t.Errorf("event Ev0E2E0002 delivered 3 times (2 retries) was answered %d times, want 1", n)
		}
	})

	t.Run("own, bot and edited messages are ignored", func(t *testing.T) {
		own := dm("Ev0E2E0010", "D0E2E0010", e2eSlackBotUser, "who cazeneuve")
		edited := `{"type":"event_callback","event_id":"Ev0E2E0011","team_id":"T0E2E","api_app_id":"A0E2E","event_time":1,
			"event":{"type":"message","subtype":"message_changed","channel":"D0E2E0010","channel_type":"im","hidden":true,
			"message":{"type":"message","user":"U0E2E","text":"who cazeneuve","edited":{"user":"U0E2E","ts":"1.2"},"ts":"1.1"},"ts":"1.3","event_ts":"1.3"}}`
		botMsg := `{"type":"event_callback","event_id":"Ev0E2E0012","team_id":"T0E2E","api_app_id":"A0E2E","event_time":1,
			"event":{"type":"message","subtype":"bot_message","bot_id":"B0E2E","channel":"D0E2E0010","channel_type":"im","text":"who cazeneuve","ts":"1.4","event_ts":"1.4"}}`
		for _, payload := range []string{own, edited, botMsg} {
			if code, body := event(t, payload); code != http.StatusOK {
				t.Errorf("status %d, want 200: %s", code, body)
			}
		}
		if code, _ := event(t, dm("Ev0E2E0013", "D0E2E0013", "U0E2E", "who cazeneuve")); code != http.StatusOK {
			t.Fatal("marker event refused")
		}
		waitPost(t, "D0E2E0013")
		time.Sleep(200 * time.Millisecond)
		if n := len(fake.Posts("D0E2E0010")); n != 0 {
			t.Errorf("the bot answered %d of its own, bot or edited messages, want 0", n)
		}
	})

	// quokka is a word no answer contains: if it shows up in the logs,
	// they hold message text.
	const injection = "<!channel> <!here> <!everyone> @everyone @here @channel <@U0OTHER> quokka &amp; what happened in Calais?"
	t.Run("mentions cannot ping", func(t *testing.T) {
		if code, _ := event(t, dm("Ev0E2E0020", "D0E2E0020", "U0E2E", injection)); code != http.StatusOK {
			t.Fatal("event refused")
		}
		if code, _ := event(t, dm("Ev0E2E0021", "D0E2E0021", "U0E2E", "who <!channel> @everyone")); code != http.StatusOK {
			t.Fatal("event refused")
		}
		if code, _ := event(t, dm("Ev0E2E0022", "D0E2E0022", "U0E2E", "who marchetti")); code != http.StatusOK {
			t.Fatal("event refused")
		}
		// Mentions typed by the user.
		answers := map[string][]string{
			"DM question":   waitPost(t, "D0E2E0020").strings(),
			"DM who":        waitPost(t, "D0E2E0021").strings(),
			"/ask":          slashAnswer(t, "/ask", injection, "ask-ping"),
			"/who":          slashAnswer(t, "/who", "<!channel> @everyone", "who-ping"),
			"/stats":        slashAnswer(t, "/stats", "@here <!here|here>", "stats-ping"),
			"/brief @here":  slashAnswer(t, "/brief", "@here <!channel>", "brief-ping"),
			"/digest @here": slashAnswer(t, "/digest", "subscribe @everyone <!channel>", "digest-ping"),
		}
		// Mentions in the corpus: the harbour-meeting article quotes
		// "<!channel> and @everyone" and its publisher is "The Quay
		// <!here> Gazette". These answers must show that text, inert.
		fromCorpus := map[string][]string{
			"DM who marchetti": waitPost(t, "D0E2E0022").strings(),
			"/who marchetti":   slashAnswer(t, "/who", "marchetti", "who-marchetti"),
			"/sources":         slashAnswer(t, "/sources", "", "sources-ping"),
		}
		for name, texts := range fromCorpus {
			all := strings.Join(texts, "\n")
			if name != "/sources" && !strings.Contains(all, "Jeanne Marchetti") {
				t.Errorf("%s: no briefing on Jeanne Marchetti, so this check proves nothing:\n%.600s", name, all)
			}
			if !strings.Contains(all, "&lt;!channel&gt;") {
				t.Errorf("%s: the corpus text <!channel> is not shown escaped as &lt;!channel&gt;:\n%.800s", name, all)
			}
			answers[name] = texts
		}
		for name, texts := range answers {
			if m := e2eFindBroadcast(texts); m != "" {
				t.Errorf("%s: the answer contains %q, which would notify everyone:\n%.800s", name, m, strings.Join(texts, "\n"))
			}
		}
		// Every chat.postMessage so far, whatever it answered.
		for _, post := range fake.Posts("") {
			if m := e2eFindBroadcast(post.strings()); m != "" {
				t.Errorf("a post to %s contains %q", post.Channel, m)
			}
		}
	})

	t.Run("metrics count commands", func(t *testing.T) {
		_, metrics := e2eGet(t, p.base()+"/metrics")
		re := regexp.MustCompile(`(?m)^briefbot_commands_total\{kind="who",outcome="ok",platform="slack"\} (\d+)$`)
		m := re.FindStringSubmatch(metrics)
		if m == nil {
			t.Fatalf("/metrics has no slack who/ok command counter:\n%s", e2eGrep(metrics, "briefbot_commands_total"))
		}
		// /who, /brief who, and the DMs D0E2E0001, 0002, 0003, 0013 at least.
		if n, _ := strconv.Atoi(m[1]); n < 6 {
			t.Errorf("slack who/ok commands counted %d, want at least 6:\n%s", n, e2eGrep(metrics, "briefbot_commands_total"))
		}
	})

	t.Run("429 retried after Retry-After", func(t *testing.T) {
		fake.RateLimit("D0E2E0050", 1)
		sent := time.Now()
		if code, _ := event(t, dm("Ev0E2E0050", "D0E2E0050", "U0E2E", "who cazeneuve")); code != http.StatusOK {
			t.Fatal("event refused")
		}
		post := waitPost(t, "D0E2E0050")
		if n := fake.Attempts("D0E2E0050"); n != 2 {
			t.Errorf("%d chat.postMessage calls, want 2 (one refused with 429, one retried)", n)
		}
		if wait := post.At.Sub(sent); wait < 900*time.Millisecond {
			t.Errorf("retried after %v, before Retry-After: 1 s", wait.Round(time.Millisecond))
		}
		_, metrics := e2eGet(t, p.base()+"/metrics")
		if !regexp.MustCompile(`(?m)^briefbot_platform_rate_limited_total\{platform="slack"\} [1-9]`).MatchString(metrics) {
			t.Errorf("/metrics does not count the 429:\n%s", e2eGrep(metrics, "rate_limited"))
		}
	})

	t.Run("oversized body", func(t *testing.T) {
		big := []byte("command=%2Fwho&text=" + strings.Repeat("a", 2<<20))
		if code, _ := e2eDo(t, e2eSlackRequest(t, commands, formType, big, e2eSlackSecret, time.Now())); code != http.StatusRequestEntityTooLarge {
			t.Errorf("a 2 MiB slash command: status %d, want 413", code)
		}
	})

	// SIGTERM while an answer is being delivered (Slack is slow to
	// accept it): serve finishes delivering it, then exits 0 within 10 s.
	const slow = 1500 * time.Millisecond
	arrived := fake.Delay("D0E2ESLOW", slow)
	if code, _ := event(t, dm("Ev0E2E0040", "D0E2ESLOW", "U0E2E", "who cazeneuve")); code != http.StatusOK {
		t.Fatal("event refused")
	}
	select {
	case <-arrived:
	case <-time.After(10 * time.Second):
		t.Fatalf("the answer to D0E2ESLOW never reached chat.postMessage\n%s", p.tail(20))
	}
	code, took := p.stop(syscall.SIGTERM, 10*time.Second)
	if code != 0 {
		t.Fatalf("SIGTERM: exit code %d after %v, want 0 within 10 s\n%s", code, took.Round(time.Millisecond), p.tail(30))
	}
	t.Logf("SIGTERM with an answer in flight: exited 0 in %v", took.Round(time.Millisecond))
	if posts := fake.Posts("D0E2ESLOW"); len(posts) != 1 || posts[0].Cancelled {
		t.Errorf("the answer in flight at SIGTERM was not delivered (posts %d, cancelled %v)\n%s", len(posts), len(posts) == 1 && posts[0].Cancelled, p.tail(20))
	}
	logs := p.stderr.String()
	for name, secret := range map[string]string{"bot token": e2eSlackToken, "signing secret": e2eSlackSecret} {
		if strings.Contains(logs, secret) {
			t.Errorf("the logs contain the Slack %s", name)
		}
	}
	if strings.Contains(logs, "quokka") {
		t.Errorf("the logs contain message text:\n%s", e2eGrep(logs, "quokka"))
	}
}

// TestE2EDiscordInteractions drives `briefbot serve` in Discord HTTP
// interactions mode: Ed25519-signed interactions in, inline responses or
// webhook edits out, to a fake Discord REST API.
func TestE2EDiscordInteractions(t *testing.T) {
	e2eBinary(t)
	fake := newE2EFakeDiscord(t)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	const appID = "123456789012345678"
	dir := t.TempDir()
	addr := e2eFreeAddr(t)
	corpusDir := e2eCorpus(t, true, "inject")
	cfg := e2eWriteConfig(t, dir, "briefbot.yaml", fmt.Sprintf(`
http:
  addr: %q
corpus:
  dir: %q
  reload: 0
store:
  dsn: %q
%s`, addr, corpusDir, filepath.Join(dir, "briefbot.db"), e2eDiscordYAML(appID, pub, fake.APIURL())))
	p := e2eStartDiscord(t, "serve", cfg, addr)
	interactions := p.base() + "/discord/interactions"

	command := func(id, token, name string, options ...map[string]any) []byte {
		if options == nil {
			options = []map[string]any{}
		}
		b, _ := json.Marshal(map[string]any{
			"id": id, "application_id": appID, "type": 2, "token": token, "version": 1,
			"guild_id": "600000000000000001", "channel_id": "700000000000000001",
			"member": map[string]any{"user": map[string]any{"id": "800000000000000001", "username": "ana"}, "roles": []string{}},
			"data":   map[string]any{"id": "500000000000000001", "name": name, "type": 1, "options": options},
		})
		return b
	}
	// answer returns a command's answer: the inline message (type 4), or
	// the edit of the original response that follows a deferral (type 5).
	answer := func(t *testing.T, body []byte, token string) (raw string, msg e2eDiscordMessage) {
		t.Helper()
		code, got := e2eDo(t, e2eDiscordRequest(t, interactions, body, priv))
		if code != http.StatusOK {
			t.Fatalf("status %d: %s\n%s", code, got, p.tail(20))
		}
		var resp struct {
			Type int             `json:"type"`
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal([]byte(got), &resp); err != nil {
			t.Fatalf("the response is not JSON: %v: %s", err, got)
		}
		switch resp.Type {
		case 4:
			raw = string(resp.Data)
		case 5:
			path := "/webhooks/" + appID + "/" + token + "/messages/@original"
			var edits []e2eDiscordCall
			if !e2eEventually(10*time.Second, func() bool { edits = fake.Calls(http.MethodPatch, path); return len(edits) > 0 }) {
				t.Fatalf("deferred (type 5), but no PATCH %s followed\n%s", path, p.tail(20))
			}
			raw = edits[0].Body
		default:
			t.Fatalf("response type %d, want 4 (message) or 5 (deferred): %s", resp.Type, got)
		}
		if err := json.Unmarshal([]byte(raw), &msg); err != nil {
			t.Fatalf("the message is not JSON: %v: %s", err, raw)
		}
		return raw, msg
	}

	t.Run("PING gets PONG", func(t *testing.T) {
		code, got := e2eDo(t, e2eDiscordRequest(t, interactions, []byte(`{"id":"1","application_id":"`+appID+`","type":1,"token":"t","version":1}`), priv))
		var resp struct{ Type int }
		if code != http.StatusOK || json.Unmarshal([]byte(got), &resp) != nil || resp.Type != 1 {
			t.Errorf("PING = %d %s, want 200 {\"type\":1}", code, got)
		}
	})

	t.Run("bad signatures get 401", func(t *testing.T) {
		ping := []byte(`{"id":"1","application_id":"` + appID + `","type":1,"token":"t","version":1}`)
		tampered := e2eDiscordRequest(t, interactions, ping, priv)
		tampered.Body = http.NoBody
		tampered.ContentLength = 0
		unsigned := e2eDiscordRequest(t, interactions, ping, priv)
		unsigned.Header.Del("X-Signature-Ed25519")
		for name, req := range map[string]*http.Request{
			"another key":          e2eDiscordRequest(t, interactions, ping, nil),
			"command, another key": e2eDiscordRequest(t, interactions, command("2", "tok-bad", "who", map[string]any{"name": "name", "type": 3, "value": "cazeneuve"}), nil),
			"body changed":         tampered,
			"no signature":         unsigned,
		} {
			if code, got := e2eDo(t, req); code != http.StatusUnauthorized {
				t.Errorf("%s: status %d, want 401: %.200s", name, code, got)
			}
		}
	})

	t.Run("/who answered with no mentions allowed", func(t *testing.T) {
		raw, msg := answer(t, command("3", "tok-who", "who", map[string]any{"name": "name", "type": 3, "value": "cazeneuve"}), "tok-who")
		if !strings.Contains(msg.text(), "Bernard Cazeneuve") {
			t.Errorf("/who name:cazeneuve answered without %q:\n%.600s", "Bernard Cazeneuve", raw)
		}
		if err := msg.mentionsOff(raw); err != nil {
			t.Error(err)
		}
	})

	t.Run("mentions cannot ping", func(t *testing.T) {
		inputs := map[string][]byte{
			"/ask": command("4", "tok-ask", "ask", map[string]any{"name": "question", "type": 3, "value": "@everyone @here <@&600000000000000001> what happened in Calais?"}),
			"/who": command("5", "tok-who2", "who", map[string]any{"name": "name", "type": 3, "value": "@everyone"}),
		}
		inputs["/who marchetti"] = command("6", "tok-who3", "who", map[string]any{"name": "name", "type": 3, "value": "marchetti"})
		tokens := map[string]string{"/ask": "tok-ask", "/who": "tok-who2", "/who marchetti": "tok-who3"}
		for name, body := range inputs {
			raw, msg := answer(t, body, tokens[name])
			if name == "/who marchetti" && !strings.Contains(msg.text(), "Jeanne Marchetti") {
				// Her quote in the corpus says "<!channel> and @everyone".
				t.Errorf("%s: no briefing on Jeanne Marchetti, so this check proves nothing:\n%.600s", name, raw)
			}
			if err := msg.mentionsOff(raw); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			if m := regexp.MustCompile(`(?i)@(everyone|here)`).FindString(msg.text()); m != "" {
				t.Errorf("%s: the answer shows a bare %q:\n%.600s", name, m, raw)
			}
		}
	})

	t.Run("commands registered", func(t *testing.T) {
		var puts []e2eDiscordCall
		if !e2eEventually(10*time.Second, func() bool {
			puts = fake.Calls(http.MethodPut, "/applications/"+appID+"/commands")
			return len(puts) > 0
		}) {
			t.Fatalf("no PUT /applications/%s/commands on the fake\n%s", appID, p.tail(20))
		}
		var cmds []struct{ Name string }
		if err := json.Unmarshal([]byte(puts[0].Body), &cmds); err != nil {
			t.Fatalf("registration body: %v", err)
		}
		var names []string
		for _, c := range cmds {
			names = append(names, c.Name)
		}
		if got := strings.Join(names, " "); got != "who stats ask digest sources feedback help" {
			t.Errorf("registered %q, want who stats ask digest sources feedback help", got)
		}
		if puts[0].Auth != "Bot "+e2eDiscordTok {
			t.Error("the registration was not sent with the bot token")
		}
	})

	code, took := p.stop(syscall.SIGINT, 10*time.Second)
	if code != 0 {
		t.Fatalf("SIGINT: exit code %d after %v, want 0 within 10 s\n%s", code, took.Round(time.Millisecond), p.tail(30))
	}
	if strings.Contains(p.stderr.String(), e2eDiscordTok) {
		t.Error("the logs contain the Discord bot token")
	}
}

// e2eDiscordMessage is the part of a Discord message the tests read.
type e2eDiscordMessage struct {
	Content string `json:"content"`
	Embeds  []struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Fields      []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"fields"`
		Footer *struct {
			Text string `json:"text"`
		} `json:"footer"`
	} `json:"embeds"`
}

// text is everything the message shows.
func (m e2eDiscordMessage) text() string {
	parts := []string{m.Content}
	for _, e := range m.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// mentionsOff checks that the raw message sets allowed_mentions with an
// empty parse list: a missing or null one lets Discord parse every mention.
func (m e2eDiscordMessage) mentionsOff(raw string) error {
	var v struct {
		AllowedMentions *struct {
			Parse *[]string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return err
	}
	switch {
	case v.AllowedMentions == nil:
		return fmt.Errorf("no allowed_mentions (Discord would parse every mention): %.300s", raw)
	case v.AllowedMentions.Parse == nil:
		return fmt.Errorf("allowed_mentions.parse is missing or null, want []: %.300s", raw)
	case len(*v.AllowedMentions.Parse) != 0:
		return fmt.Errorf("allowed_mentions.parse = %v, want []", *v.AllowedMentions.Parse)
	}
	return nil
}

// e2eGrep returns the lines of s containing sub.
func e2eGrep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestE2EServeBadConfig runs the binary with configs an operator could get
// wrong: each must exit 2 with a one-line message naming the key, and print
// no secret.
func TestE2EServeBadConfig(t *testing.T) {
	bin := e2eBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "briefbot.db")
	digest := func(fields string) string {
		return fmt.Sprintf("store: {dsn: %q}\nhttp: {addr: \"127.0.0.1:0\"}\ndigests:\n  - id: d\n    schedule: \"0 9 * * *\"\n%s    targets: [{platform: console, channel: x}]\n", db, fields)
	}
	tests := []struct {
		name, config, want string
	}{
		{"unknown key", "htp: {addr: \":1\"}\n", "htp: unknown key"},
		{"secret not in the environment", "slack:\n  bot_token: xoxb-e2e-secret-1\n  signing_secret: ${E2E_UNSET_SECRET}\n", "slack.signing_secret"},
		{"slack api_url", "slack: {bot_token: xoxb-e2e-secret-1, signing_secret: e2e-secret-2, api_url: \"ftp://x/\"}\n", "slack.api_url"},
		{"slack app token kind", "slack: {mode: socket, bot_token: xoxb-e2e-secret-1, app_token: xoxb-e2e-secret-3}\n", "slack.app_token"},
		{"discord public key", "discord: {mode: http, bot_token: e2e-secret-4, application_id: \"1\", public_key: zz}\n", "discord.public_key"},
		{"store driver", "store: {driver: mysql, dsn: x}\n", "store.driver"},
		{"digest time zone", digest("    timezone: Mars/Olympus\n"), "digests[0].timezone"},
		{"digest schedule", strings.Replace(digest(""), "0 9 * * *", "61 9 * * *", 1), "digests[0].schedule"},
		{"digest when_empty", digest("    when_empty: never\n"), "digests[0].when_empty"},
		{"digest catch_up", digest("    catch_up: soon\n"), "digests[0].catch_up"},
		{"digest target platform", strings.Replace(digest(""), "platform: console", "platform: slack", 1), "digests[0].targets[0].platform"},
		// A bad value in a flow mapping ({...}, as the README writes
		// targets) shares its line with other keys.
		{"duration in a flow mapping", "corpus: {reload: soon, dir: \"\"}\n", "corpus.reload"},
		{"digest in a flow mapping", fmt.Sprintf("store: {dsn: %q}\ndigests:\n  - {id: d, schedule: \"0 9 * * *\", catch_up: soon, targets: [{platform: console, channel: x}]}\n", db), "digests[0].catch_up"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := e2eWriteConfig(t, dir, fmt.Sprintf("bad%d.yaml", i), tt.config)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "serve", "--config", cfg)
			cmd.Env = e2eEnv()
			var stderr strings.Builder
			cmd.Stderr = &stderr
			cmd.Stdout = &stderr
			err := cmd.Run()
			code := cmd.ProcessState.ExitCode()
			out := strings.TrimSpace(stderr.String())
			last := out[strings.LastIndex(out, "\n")+1:]
			if code != exitUsage {
				t.Fatalf("exit %d (%v), want %d\n%s", code, err, exitUsage, out)
			}
			if !strings.HasPrefix(last, "briefbot serve: ") || !strings.Contains(last, tt.want) {
				t.Errorf("the error does not name %s:\n%s", tt.want, last)
			}
			for _, secret := range []string{"e2e-secret-1", "e2e-secret-2", "e2e-secret-3", "e2e-secret-4"} {
				if strings.Contains(out, secret) {
					t.Errorf("the output shows a secret:\n%s", out)
				}
			}
		})
	}
}
