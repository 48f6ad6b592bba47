package discord

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// startGateway runs a gateway-mode adapter against the fake until the test ends.
func startGateway(t *testing.T, f *fakeDiscord, cfg Config, h bot.Handler, opts ...Option) *Discord {
	t.Helper()
	cfg.Mode = ModeGateway
	cfg.APIURL = f.apiURL()
	if cfg.BotToken == "" {
		cfg.BotToken = "test-token"
	}
	opts = append([]Option{WithRetry(testRetry(3, time.Millisecond)), WithDrainTimeout(2 * time.Second)}, opts...)
	d, err := New(cfg, h, quietLogger(), nil, opts...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- d.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-errc:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
	})
	return d
}

func dmMessage(id, channel, user, content string) map[string]any {
	return map[string]any{
		"id": id, "channel_id": channel, "type": 0, "content": content,
		"author": map[string]any{"id": user, "username": "user" + user},
	}
}

func TestGatewayRegistersCommandsAndAnswersDM(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	rec := &recorder{}
	// A configured id that is not the token's (a placeholder copied from
	// the example) gives way to READY's.
	d := startGateway(t, f, Config{ApplicationID: "112233445566778899", Admins: []string{"u1"}}, rec)

	conn := f.waitConn()
	ident := <-f.identifys
	if got := ident["token"]; got != "Bot test-token" {
		t.Errorf("identify token = %v, want the bot token with its Bot prefix", got)
	}
	if got, _ := ident["intents"].(float64); discordgo.Intent(got) != Intents {
		t.Errorf("identify intents = %v, want %d (guilds, guild messages, direct messages)", ident["intents"], Intents)
	}

	reg := f.waitCalls("register", 1)
	if reg[0].Method != "PUT" || reg[0].Path != "/api/v9/applications/app-from-ready/commands" {
		t.Errorf("commands registered with %s %s, want a global bulk overwrite for READY's application", reg[0].Method, reg[0].Path)
	}
	if reg[0].Auth != "Bot test-token" {
		t.Errorf("REST authorization = %q", reg[0].Auth)
	}
	var cmds []discordgo.ApplicationCommand
	if err := json.Unmarshal(reg[0].Body, &cmds); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, " "); got != "who stats ask digest sources feedback help" {
		t.Errorf("registered commands %q", got)
	}
	eventually(t, d.Connected, "Connected() after READY")

	// Ignored: the bot itself, another bot, a guild message not mentioning the bot.
	conn.dispatch(t, "MESSAGE_CREATE", dmMessage("1", "dm-self", fakeBotID, "who me"))
	other := dmMessage("2", "dm-bot", "77", "who x")
	other["author"].(map[string]any)["bot"] = true
	conn.dispatch(t, "MESSAGE_CREATE", other)
	guild := dmMessage("3", "guild-chan", "u2", "who x")
	guild["guild_id"] = "g1"
	conn.dispatch(t, "MESSAGE_CREATE", guild)

	// Answered: a DM, and a guild message that mentions the bot.
	conn.dispatch(t, "MESSAGE_CREATE", dmMessage("4", "dm1", "u1", "who cazeneuve"))
	mention := dmMessage("5", "guild-chan2", "u2", "<@"+fakeBotID+"> stats 2025")
	mention["guild_id"] = "g1"
	mention["mentions"] = []any{map[string]any{"id": fakeBotID, "username": "briefbot", "bot": true}}
	conn.dispatch(t, "MESSAGE_CREATE", mention)

	posts := f.waitCalls("post", 2)
	time.Sleep(50 * time.Millisecond) // let any wrongly answered message arrive
	posts = f.callsOf("post")
	if len(posts) != 2 {
		t.Fatalf("%d posts, want 2 (DM and mention): %v", len(posts), posts)
	}
	byPath := map[string]map[string]any{}
	for _, p := range posts {
		byPath[p.Path] = decodeBody(t, p.Body)
	}
	dm, ok := byPath["/api/v9/channels/dm1/messages"]
	if !ok {
		t.Fatalf("no reply in the DM channel: %v", posts)
	}
	assertNoMentions(t, dm)
	// The mention is answered in a thread opened under it.
	if th := f.callsOf("thread"); len(th) != 1 || th[0].Path != "/api/v9/channels/guild-chan2/messages/5/threads" {
		t.Fatalf("threads opened: %v", th)
	}
	assertNoMentions(t, byPath["/api/v9/channels/thread-5/messages"])
	embed := dm["embeds"].([]any)[0].(map[string]any)
	if embed["title"] != "You said who cazeneuve" {
		t.Errorf("DM reply title %q", embed["title"])
	}
	if desc := embed["description"].(string); strings.Contains(desc, "@everyone") || !strings.Contains(desc, `\<@123\>`) {
		t.Errorf("mentions not neutralised in %q", desc)
	}

	reqs := rec.requests()
	want := map[string]bot.Request{
		"dm1":      {Platform: "discord", Channel: "dm1", User: "u1", Text: "who cazeneuve", DM: true, Admin: true},
		"thread-5": {Platform: "discord", Channel: "thread-5", User: "u2", Text: "<@" + fakeBotID + "> stats 2025", Thread: "thread-5"},
	}
	if len(reqs) != 2 {
		t.Fatalf("handler saw %d requests, want 2: %+v", len(reqs), reqs)
	}
	for _, r := range reqs {
		if w := want[r.Channel]; r != w {
			t.Errorf("request %+v, want %+v", r, w)
		}
	}
}

func TestGatewayInteractionDeferredThenEdited(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	rec := &recorder{}
	// No application id configured: READY supplies it. Budget 0: always defer.
	startGateway(t, f, Config{Admins: []string{"u9"}}, rec, WithInlineTimeout(0))
	conn := f.waitConn()
	if reg := f.waitCalls("register", 1); reg[0].Path != "/api/v9/applications/app-from-ready/commands" {
		t.Errorf("registered at %s, want the application id from READY", reg[0].Path)
	}

	conn.dispatch(t, "INTERACTION_CREATE", map[string]any{
		"id": "i1", "application_id": "app1", "type": 2, "token": "itok", "channel_id": "c1", "guild_id": "g1",
		"member": map[string]any{"user": map[string]any{"id": "u9"}},
		"data": map[string]any{"id": "cmd", "name": "stats", "type": 1, "options": []any{
			map[string]any{"name": "year", "type": 4, "value": 2025},
			map[string]any{"name": "topic", "type": 3, "value": "crossings"},
		}},
	})
	cb := f.waitCalls("callback", 1)[0]
	if cb.Path != "/api/v9/interactions/i1/itok/callback" {
		t.Errorf("callback path %s", cb.Path)
	}
	if got := decodeBody(t, cb.Body)["type"]; got != float64(5) {
		t.Errorf("callback type %v, want 5 (deferred)", got)
	}
	edit := f.waitCalls("edit", 1)[0]
	if edit.Method != "PATCH" || edit.Path != "/api/v9/webhooks/app1/itok/messages/@original" {
		t.Errorf("edit %s %s", edit.Method, edit.Path)
	}
	body := decodeBody(t, edit.Body)
	assertNoMentions(t, body)
	if title := body["embeds"].([]any)[0].(map[string]any)["title"]; title != "You said /stats 2025 crossings" {
		t.Errorf("edited title %q", title)
	}
	reqs := rec.requests()
	want := bot.Request{Platform: "discord", Channel: "c1", User: "u9", Text: "/stats 2025 crossings", Admin: true, Slash: true, Private: true}
	if len(reqs) != 1 || reqs[0] != want {
		t.Errorf("requests %+v, want %+v", reqs, want)
	}
}

func TestGatewayInteractionInline(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	startGateway(t, f, Config{ApplicationID: "app1", GuildIDs: []string{"g1", "g2"}}, &recorder{})
	conn := f.waitConn()
	reg := f.waitCalls("register", 2)
	if reg[0].Path != "/api/v9/applications/app-from-ready/guilds/g1/commands" || reg[1].Path != "/api/v9/applications/app-from-ready/guilds/g2/commands" {
		t.Errorf("guild registration paths %s, %s", reg[0].Path, reg[1].Path)
	}
	conn.dispatch(t, "INTERACTION_CREATE", map[string]any{
		"id": "i2", "application_id": "app1", "type": 2, "token": "t2", "channel_id": "dm9",
		"user": map[string]any{"id": "u5"},
		"data": map[string]any{"id": "cmd", "name": "who", "type": 1, "options": []any{
			map[string]any{"name": "name", "type": 3, "value": "cazeneuve"},
		}},
	})
	cb := decodeBody(t, f.waitCalls("callback", 1)[0].Body)
	if cb["type"] != float64(4) {
		t.Fatalf("callback type %v, want 4 (inline)", cb["type"])
	}
	data := cb["data"].(map[string]any)
	assertNoMentions(t, data)
	if title := data["embeds"].([]any)[0].(map[string]any)["title"]; title != "You said /who cazeneuve" {
		t.Errorf("title %q", title)
	}
	if n := len(f.callsOf("edit")); n != 0 {
		t.Errorf("%d edits for an inline answer", n)
	}
}

func TestGatewayHandlerPanicKeepsServing(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	rec := &recorder{}
	startGateway(t, f, Config{ApplicationID: "app1"}, rec)
	conn := f.waitConn()
	conn.dispatch(t, "MESSAGE_CREATE", dmMessage("1", "dm1", "u1", "boom"))
	first := decodeBody(t, f.waitCalls("post", 1)[0].Body)
	if title := first["embeds"].([]any)[0].(map[string]any)["title"]; title != "Sorry, something went wrong" {
		t.Errorf("a panic should get the friendly error reply, got %q", title)
	}
	conn.dispatch(t, "MESSAGE_CREATE", dmMessage("2", "dm1", "u1", "who cazeneuve"))
	second := decodeBody(t, f.waitCalls("post", 2)[1].Body)
	if title := second["embeds"].([]any)[0].(map[string]any)["title"]; title != "You said who cazeneuve" {
		t.Errorf("after a panic the next message got %q", title)
	}
}

// panickyObserver panics the first time a platform error is recorded: a
// panic outside the handler, in the adapter's own event goroutine.
type panickyObserver struct {
	bot.NopObserver
	once sync.Once
}

func (o *panickyObserver) PlatformError(string, string) {
	o.once.Do(func() { panic("observer exploded") })
}

func TestGatewayPanicInEventGoroutineIsRecovered(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	d, err := New(Config{BotToken: "t", ApplicationID: "app1", APIURL: f.apiURL()}, &recorder{}, quietLogger(),
		&panickyObserver{}, WithRetry(testRetry(1, time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- d.Run(ctx) }()
	defer func() { cancel(); <-errc }()
	conn := f.waitConn()
	f.waitCalls("register", 1)

	// The reply fails for good (400), so the observer is told, and panics
	// inside discordgo's event goroutine. Without a recover there the test
	// binary would die here.
	f.failWith("post", http.StatusBadRequest)
	conn.dispatch(t, "MESSAGE_CREATE", dmMessage("1", "dm1", "u1", "who x"))
	f.waitCalls("post", 1)
	conn.dispatch(t, "MESSAGE_CREATE", dmMessage("2", "dm1", "u1", "who y"))
	second := decodeBody(t, f.waitCalls("post", 2)[1].Body)
	if title := second["embeds"].([]any)[0].(map[string]any)["title"]; title != "You said who y" {
		t.Errorf("after the panic the next message got %q", title)
	}
}

func TestGatewayAuthenticationFailureEndsRun(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	f.rejectIdentify = 4004
	obs := newCountingObserver()
	d, err := New(Config{BotToken: "wrong", ApplicationID: "app1", APIURL: f.apiURL()}, &recorder{}, quietLogger(), obs,
		WithRetry(testRetry(3, time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- d.Run(context.Background()) }()
	select {
	case err := <-errc:
		if err == nil || !strings.Contains(err.Error(), "4004") {
			t.Errorf("Run error %v, want the 4004 close", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run kept retrying a refused token")
	}
	if _, errs := obs.counts(); errs["connect"] != 1 {
		t.Errorf("connect errors recorded %d, want 1", errs["connect"])
	}
	if d.Connected() {
		t.Error("Connected() after a refused token")
	}
}

func TestGatewayURLFromGatewayBotOnly(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	f.onlyGatewayBot = true
	d := startGateway(t, f, Config{ApplicationID: "app1"}, &recorder{})
	f.waitConn()
	eventually(t, d.Connected, "Connected() through GET /gateway/bot")
	var paths []string
	for _, c := range f.callsOf("gateway") {
		paths = append(paths, c.Path)
	}
	if got := strings.Join(paths, " "); got != "/api/v9/gateway /api/v9/gateway/bot" {
		t.Errorf("gateway lookups %q", got)
	}
}
