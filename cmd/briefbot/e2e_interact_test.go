package main

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/store/storetest"
)

// e2eSlackBot is a `briefbot serve` in Slack HTTP mode with the helpers
// the interaction tests drive it with.
type e2eSlackBot struct {
	p    *e2eProc
	fake *e2eFakeSlack
}

// e2eStartSlackBot starts serve in Slack HTTP mode on the given store;
// U0ADMIN is an admin.
func e2eStartSlackBot(t *testing.T, name string, fake *e2eFakeSlack, driver, dsn string) *e2eSlackBot {
	t.Helper()
	addr := e2eFreeAddr(t)
	cfg := e2eWriteConfig(t, t.TempDir(), name+".yaml", fmt.Sprintf(`
http:
  addr: %q
corpus:
  reload: 0
store:
  driver: %s
  dsn: %q
%s`, addr, driver, dsn, e2eSlackYAML(fake.APIURL(), "admins: [U0ADMIN]")))
	p := e2eStartSlack(t, name, cfg, addr)
	return &e2eSlackBot{p: p, fake: fake}
}

// slash sends a signed slash command from user in channel C0E2E and returns
// the inline response.
func (b *e2eSlackBot) slash(t *testing.T, user, command, text, responseID string) e2eSlackResponse {
	t.Helper()
	body := url.Values{
		"team_id": {"T0E2E"}, "channel_id": {"C0E2E"}, "channel_name": {"general"}, "user_id": {user},
		"command": {command}, "text": {text}, "response_url": {b.fake.ResponseURL(responseID)}, "api_app_id": {"A0E2E"},
	}.Encode()
	code, got := e2eDo(t, e2eSlackRequest(t, b.p.base()+"/slack/commands", formType, []byte(body), e2eSlackSecret, time.Now()))
	if code != http.StatusOK {
		t.Fatalf("%s %s = %d %s\n%s", command, text, code, got, b.p.tail(20))
	}
	var r e2eSlackResponse
	if err := json.Unmarshal([]byte(got), &r); err != nil {
		t.Fatalf("%s %s: not JSON: %v: %s", command, text, err, got)
	}
	r.raw = got
	return r
}

// click sends a signed block_actions payload: user pressed the button
// actionID in channel C0E2E; Slack's answer goes to responseID.
func (b *e2eSlackBot) click(t *testing.T, user, actionID, responseID string, secret string) int {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "user": map[string]any{"id": user}, "channel": map[string]any{"id": "C0E2E"},
		"team": map[string]any{"id": "T0E2E"}, "api_app_id": "A0E2E", "response_url": b.fake.ResponseURL(responseID),
		"container": map[string]any{"type": "message", "channel_id": "C0E2E", "is_ephemeral": true},
		"actions":   []map[string]any{{"type": "button", "action_id": actionID, "block_id": "briefbot_actions", "value": actionID}},
	})
	body := url.Values{"payload": {string(payload)}}.Encode()
	code, _ := e2eDo(t, e2eSlackRequest(t, b.p.base()+"/slack/interactions", formType, []byte(body), secret, time.Now()))
	return code
}

// response waits for what the bot posted to a response_url.
func (b *e2eSlackBot) response(t *testing.T, responseID string) e2eSlackPost {
	t.Helper()
	var got []e2eSlackPost
	if !e2eEventually(10*time.Second, func() bool {
		got = nil
		for _, r := range b.fake.Responses() {
			if strings.HasSuffix(r.Path, "/"+responseID) {
				got = append(got, r)
			}
		}
		return len(got) > 0
	}) {
		t.Fatalf("nothing reached response_url %s\n%s", responseID, b.p.tail(20))
	}
	return got[0]
}

// e2eSlackResponse is an inline slash command response.
type e2eSlackResponse struct {
	raw          string // the whole response
	Text         string `json:"text"`
	ResponseType string `json:"response_type"`
	Blocks       []struct {
		Type     string `json:"type"`
		Elements []struct {
			ActionID string `json:"action_id"`
		} `json:"elements"`
	} `json:"blocks"`
}

// actions lists the message's button ids.
func (r e2eSlackResponse) actions() []string {
	var ids []string
	for _, b := range r.Blocks {
		if b.Type == "actions" {
			for _, e := range b.Elements {
				ids = append(ids, e.ActionID)
			}
		}
	}
	return ids
}

// e2eButton finds the button of a verb (share, more, up, down).
func e2eButton(t *testing.T, ids []string, verb string) string {
	t.Helper()
	for _, id := range ids {
		if strings.HasPrefix(id, "bb1."+verb+".") {
			return id
		}
	}
	t.Fatalf("no %s button among %v", verb, ids)
	return ""
}

// TestE2ESlackInteraction drives private answers, their buttons, feedback,
// threads and follow-ups through the real binary and a fake Slack.
func TestE2ESlackInteraction(t *testing.T) {
	e2eBinary(t)
	fake := newE2EFakeSlack(t)
	b := e2eStartSlackBot(t, "interact", fake, "sqlite", filepath.Join(t.TempDir(), "briefbot.db"))

	// A slash command gets a private answer with Share, 👍 and 👎.
	who := b.slash(t, "U0E2E", "/who", "cazeneuve", "who-1")
	if who.ResponseType != "ephemeral" || !strings.Contains(who.Text, "Bernard Cazeneuve") {
		t.Fatalf("/who answered %q to %q, want a private answer about Bernard Cazeneuve", who.Text, who.ResponseType)
	}
	ids := who.actions()
	share, down := e2eButton(t, ids, "share"), e2eButton(t, ids, "down")

	t.Run("forged and unsigned clicks change nothing", func(t *testing.T) {
		if code := b.click(t, "U0E2E", share, "forged-1", "wrong-secret"); code != http.StatusUnauthorized {
			t.Fatalf("a click signed with the wrong secret got %d, want 401", code)
		}
		if code := b.click(t, "U0OTHER", share, "other-1", e2eSlackSecret); code != http.StatusOK {
			t.Fatalf("click by another user: %d", code)
		}
		if r := b.response(t, "other-1"); r.ResponseType != "ephemeral" || r.Replace != "false" || !strings.Contains(r.Text, "isn't for you") {
			t.Fatalf("another user's Share click answered %+v, want a private refusal", r)
		}
		forged := "bb1.more." + strings.Repeat("0f", 16) + ".1"
		b.click(t, "U0E2E", forged, "forged-2", e2eSlackSecret)
		if r := b.response(t, "forged-2"); r.ResponseType != "ephemeral" || !strings.Contains(r.Text, "expired") {
			t.Fatalf("a forged id answered %+v", r)
		}
		if posts := fake.Posts(""); len(posts) != 0 {
			t.Fatalf("refused clicks posted %d messages", len(posts))
		}
	})

	t.Run("Share posts the answer in the channel", func(t *testing.T) {
		if code := b.click(t, "U0E2E", share, "share-1", e2eSlackSecret); code != http.StatusOK {
			t.Fatalf("Share click: %d\n%s", code, b.p.tail(20))
		}
		r := b.response(t, "share-1")
		if r.ResponseType != "in_channel" || r.Replace != "false" || !strings.Contains(r.all(), "Shared by <@U0E2E>") || !strings.Contains(r.all(), "Bernard Cazeneuve") {
			t.Fatalf("Share posted %+v:\n%.400s", r, r.all())
		}
		if strings.Contains(r.Blocks, `"bb1.share.`) {
			t.Fatal("the shared copy still offers Share")
		}
	})

	t.Run("More replaces the message with page 2", func(t *testing.T) {
		src := b.slash(t, "U0E2E", "/stats", "2014", "stats-1")
		if src.ResponseType != "ephemeral" {
			t.Fatalf("/stats 2014 is %q", src.ResponseType)
		}
		more := e2eButton(t, src.actions(), "more")
		b.click(t, "U0E2E", more, "more-1", e2eSlackSecret)
		r := b.response(t, "more-1")
		if r.Replace != "true" || !strings.Contains(r.all(), "Page 2 of ") {
			t.Fatalf("More answered %+v:\n%.300s", r, r.all())
		}
		if strings.Contains(r.all(), "cut to fit") {
			t.Fatal("a paged answer still ends with a cut-to-fit hint")
		}
	})

	t.Run("a 👎 is stored and listed by /feedback for an admin", func(t *testing.T) {
		b.click(t, "U0E2E", down, "down-1", e2eSlackSecret)
		if r := b.response(t, "down-1"); r.ResponseType != "ephemeral" || !strings.Contains(r.Text, "👎") {
			t.Fatalf("vote acknowledged with %+v", r)
		}
		refused := b.slash(t, "U0E2E", "/feedback", "", "fb-1")
		if refused.ResponseType != "ephemeral" || !strings.Contains(refused.Text, "Only admins") {
			t.Fatalf("/feedback for a non-admin: %+v", refused)
		}
		list := b.slash(t, "U0ADMIN", "/feedback", "", "fb-2")
		if list.ResponseType != "ephemeral" || !strings.Contains(list.Text, "👎") {
			t.Fatalf("/feedback for an admin: %+v", list)
		}
		if !strings.Contains(list.raw, "who cazeneuve") {
			t.Fatalf("/feedback does not list the question voted down: %s", list.raw)
		}
		if _, metrics := e2eGet(t, b.p.base()+"/metrics"); !strings.Contains(metrics, `briefbot_feedback_votes_total{platform="slack",vote="down"} 1`) {
			t.Fatal("the vote is not counted in /metrics")
		}
	})

	t.Run("a mention in a channel is answered in its thread", func(t *testing.T) {
		ts := fmt.Sprintf("%d.000200", time.Now().Unix())
		e2eSlackEvent(t, b, "EvMention1", map[string]any{"type": "app_mention", "channel": "C0THREAD", "user": "U0E2E",
			"text": "<@" + e2eSlackBotUser + "> who cazeneuve", "ts": ts, "event_ts": ts})
		post := e2eWaitPosts(t, b, "C0THREAD", 1)[0]
		if post.Form.Get("thread_ts") != ts {
			t.Fatalf("the answer went to thread %q, want %q", post.Form.Get("thread_ts"), ts)
		}
	})

	t.Run("a DM follow-up reads the conversation", func(t *testing.T) {
		e2eSlackEvent(t, b, "EvDM1", e2eDM("D0E2E", "U0E2E", "/who cazeneuve"))
		e2eWaitPosts(t, b, "D0E2E", 1)
		e2eSlackEvent(t, b, "EvDM2", e2eDM("D0E2E", "U0E2E", "what did he say about the police?"))
		got := e2eWaitPosts(t, b, "D0E2E", 2)[1].all()
		if !strings.Contains(got, "About Bernard Cazeneuve:") || !strings.Contains(got, "policemen") {
			t.Fatalf("the follow-up was not read as about Cazeneuve's quotes on the police:\n%.800s", got)
		}
	})
}

// TestE2EConversationAcrossReplicas runs two replicas on one PostgreSQL
// schema: a DM's /who reaches one and its follow-up the other, which reads
// the same conversation context.
func TestE2EConversationAcrossReplicas(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skipf("skipped: set %s to a PostgreSQL DSN to run the replicas test", storetest.PostgresEnv)
	}
	e2eBinary(t)
	dsn := storetest.PostgresDSN(t)
	fake := newE2EFakeSlack(t)
	a := e2eStartSlackBot(t, "replica-a", fake, "postgres", dsn)
	b := e2eStartSlackBot(t, "replica-b", fake, "postgres", dsn)
	e2eSlackEvent(t, a, "EvR1", e2eDM("D0REP", "U0E2E", "who cazeneuve"))
	e2eWaitPosts(t, a, "D0REP", 1)
	e2eSlackEvent(t, b, "EvR2", e2eDM("D0REP", "U0E2E", "what did he say about the police?"))
	got := e2eWaitPosts(t, b, "D0REP", 2)[1].all()
	if !strings.Contains(got, "About Bernard Cazeneuve:") {
		t.Fatalf("replica B did not see the conversation replica A started:\n%.600s\n%s", got, e2eTails(a.p, b.p))
	}
}

// e2eDM is a message.im event.
func e2eDM(channel, user, text string) map[string]any {
	ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), time.Now().Nanosecond()/1000)
	return map[string]any{"type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts, "channel_type": "im"}
}

// e2eSlackEvent sends a signed Events API callback.
func e2eSlackEvent(t *testing.T, b *e2eSlackBot, id string, inner map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"team_id": "T0E2E", "api_app_id": "A0E2E", "type": "event_callback",
		"event_id": id, "event_time": time.Now().Unix(), "event": inner})
	if code, got := e2eDo(t, e2eSlackRequest(t, b.p.base()+"/slack/events", "application/json", body, e2eSlackSecret, time.Now())); code != http.StatusOK {
		t.Fatalf("event %s: %d %s", id, code, got)
	}
}

// e2eWaitPosts waits for n chat.postMessage calls to channel.
func e2eWaitPosts(t *testing.T, b *e2eSlackBot, channel string, n int) []e2eSlackPost {
	t.Helper()
	var posts []e2eSlackPost
	if !e2eEventually(10*time.Second, func() bool { posts = b.fake.Posts(channel); return len(posts) >= n }) {
		t.Fatalf("%d chat.postMessage to %s within 10 s, want %d\n%s", len(posts), channel, n, b.p.tail(20))
	}
	return posts
}

// TestE2EDiscordButtons drives a private answer and its buttons through
// Discord HTTP interactions: flag 64 with buttons, Share for everyone,
// More updating the message (type 7), a vote acknowledged privately.
func TestE2EDiscordButtons(t *testing.T) {
	e2eBinary(t)
	fake := newE2EFakeDiscord(t)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	const appID, channel, user = "123456789012345678", "700000000000000001", "800000000000000001"
	dir := t.TempDir()
	addr := e2eFreeAddr(t)
	cfg := e2eWriteConfig(t, dir, "briefbot.yaml", fmt.Sprintf(`
http:
  addr: %q
corpus:
  reload: 0
store:
  dsn: %q
%s`, addr, filepath.Join(dir, "briefbot.db"), e2eDiscordYAML(appID, pub, fake.APIURL())))
	p := e2eStartDiscord(t, "serve", cfg, addr)
	interactions := p.base() + "/discord/interactions"

	type response struct {
		Type int `json:"type"`
		Data struct {
			Content    string `json:"content"`
			Flags      int    `json:"flags"`
			Components []struct {
				Components []struct {
					CustomID string `json:"custom_id"`
				} `json:"components"`
			} `json:"components"`
			Embeds []struct {
				Title string `json:"title"`
			} `json:"embeds"`
		} `json:"data"`
	}
	send := func(t *testing.T, body map[string]any) (response, string) {
		t.Helper()
		body["application_id"], body["token"], body["version"] = appID, "tok", 1
		body["guild_id"], body["channel_id"] = "600000000000000001", channel
		body["member"] = map[string]any{"user": map[string]any{"id": user, "username": "ana"}, "roles": []string{}}
		b, _ := json.Marshal(body)
		code, got := e2eDo(t, e2eDiscordRequest(t, interactions, b, priv))
		if code != http.StatusOK {
			t.Fatalf("status %d: %s\n%s", code, got, p.tail(20))
		}
		var r response
		if err := json.Unmarshal([]byte(got), &r); err != nil {
			t.Fatalf("not JSON: %s", got)
		}
		return r, got
	}
	command := func(t *testing.T, name string, options ...map[string]any) response {
		t.Helper()
		if options == nil {
			options = []map[string]any{}
		}
		r, got := send(t, map[string]any{"id": "1", "type": 2, "data": map[string]any{"id": "5", "name": name, "type": 1, "options": options}})
		if r.Type != 4 {
			t.Fatalf("/%s: response type %d, want an inline answer: %s", name, r.Type, got)
		}
		return r
	}
	click := func(t *testing.T, id string) (response, string) {
		t.Helper()
		return send(t, map[string]any{"id": "2", "type": 3, "message": map[string]any{"id": "900000000000000001", "channel_id": channel},
			"data": map[string]any{"custom_id": id, "component_type": 2}})
	}
	buttons := func(r response) []string {
		var ids []string
		for _, row := range r.Data.Components {
			for _, c := range row.Components {
				ids = append(ids, c.CustomID)
			}
		}
		return ids
	}

	who := command(t, "who", map[string]any{"name": "name", "type": 3, "value": "cazeneuve"})
	if who.Data.Flags != 64 || len(who.Data.Embeds) == 0 || who.Data.Embeds[0].Title != "Bernard Cazeneuve" {
		t.Fatalf("/who: flags %d, embeds %+v; want a private answer about Bernard Cazeneuve", who.Data.Flags, who.Data.Embeds)
	}
	ids := buttons(who)
	if r, got := click(t, "bb1.share."+strings.Repeat("ab", 16)+".0"); r.Type != 4 || r.Data.Flags != 64 || !strings.Contains(r.Data.Content, "expired") {
		t.Fatalf("a forged id: %s", got)
	}
	if r, got := click(t, e2eButton(t, ids, "share")); r.Type != 4 || r.Data.Flags != 0 || !strings.Contains(r.Data.Content, "Shared by <@"+user+">") {
		t.Fatalf("Share: %s", got)
	}
	stats := command(t, "stats", map[string]any{"name": "year", "type": 4, "value": 2014})
	if r, got := click(t, e2eButton(t, buttons(stats), "more")); r.Type != 7 || !strings.Contains(r.Data.Content, "Page 2 of ") {
		t.Fatalf("More: %s", got)
	}
	if r, got := click(t, e2eButton(t, ids, "down")); r.Type != 4 || r.Data.Flags != 64 || !strings.Contains(r.Data.Content, "👎") {
		t.Fatalf("👎: %s", got)
	}
}

// TestE2EDigestStartsNowWithThreads runs a digest every 2 seconds with the
// defaults a new channel gets (start: now) and thread_replies: the first
// post is an overview, each digest opens a thread, and the spotlights
// that follow never repeat an article before every one had its turn.
func TestE2EDigestStartsNowWithThreads(t *testing.T) {
	e2eBinary(t)
	fake := newE2EFakeSlack(t)
	dir := t.TempDir()
	addr := e2eFreeAddr(t)
	cfg := e2eWriteConfig(t, dir, "briefbot.yaml", fmt.Sprintf(`
http:
  addr: %q
corpus:
  reload: 0
store:
  dsn: %q
%sdigests:
  - id: fresh
    schedule: "*/2 * * * * *"
    when_empty: spotlight
    thread_replies: true
    targets:
      - {platform: slack, channel: C0FRESH}
`, addr, filepath.Join(dir, "briefbot.db"), e2eSlackYAML(fake.APIURL())))
	p := e2eStartSlack(t, "serve", cfg, addr)
	// 6 articles in the embedded corpus: the overview, then 6 spotlights.
	var posts []e2eSlackPost
	digests := func() []e2eSlackPost {
		var ds []e2eSlackPost
		for _, q := range fake.Posts("C0FRESH") {
			if q.Form.Get("thread_ts") == "" {
				ds = append(ds, q)
			}
		}
		return ds
	}
	if !e2eEventually(25*time.Second, func() bool { posts = digests(); return len(posts) >= 7 }) {
		t.Fatalf("%d digests within 25 s, want 7\n%s", len(posts), p.tail(20))
	}
	title := func(q e2eSlackPost) string { first, _, _ := strings.Cut(q.Text, "\n"); return first }
	if got := title(posts[0]); got != "Digest: where the story stands" {
		t.Fatalf("the first digest is %q, want the overview", got)
	}
	seen := map[string]bool{}
	for _, q := range posts[1:7] {
		tt := title(q)
		if !strings.HasPrefix(tt, "Spotlight: ") || seen[tt] {
			t.Fatalf("spotlights %v then %q: an article came back before every one had its turn", seen, tt)
		}
		seen[tt] = true
	}
	// Each digest opened a thread: the fake answered its post with ts
	// "<unix>.<n>", and the opener went there.
	threads := 0
	openers := func() bool {
		threads = 0
		for _, q := range fake.Posts("C0FRESH") {
			if q.Form.Get("thread_ts") != "" && strings.Contains(q.Text, "Questions about this digest") {
				threads++
			}
		}
		return threads >= 7
	}
	if !e2eEventually(5*time.Second, openers) {
		t.Fatalf("%d thread openers for %d digests", threads, len(posts))
	}
}
