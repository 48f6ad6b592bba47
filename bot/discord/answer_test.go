package discord

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/golden"
)

const testReplyID = "0123456789abcdef0123456789abcdef"

// sampleResponses are the interactive messages as Discord receives them:
// a private answer with its buttons, a shared one, a later page updating
// the message in place, and a vote's acknowledgement.
func sampleResponses() map[string]*discordgo.InteractionResponse {
	r := goldenReplies()
	return map[string]*discordgo.InteractionResponse{
		"private-answer": RenderAnswer(bot.Answer{Reply: r["who"], ReplyID: testReplyID, Pages: 2, Private: true, Share: true, Feedback: true}).response(),
		"shared-answer":  actionResponse(bot.Action{Kind: bot.ActPost, Answer: bot.Answer{Reply: r["who"], ReplyID: testReplyID, Pages: 1, Feedback: true, SharedBy: "800000000000000001"}}),
		"paged-answer":   actionResponse(bot.Action{Kind: bot.ActReplace, Answer: bot.Answer{Reply: r["stats"], ReplyID: testReplyID, Page: 1, Pages: 3, Private: true, Share: true, Feedback: true}}),
		"feedback-ack":   actionResponse(bot.Action{Kind: bot.ActNotice, Notice: "Thanks for the 👎: a curator will look at this answer."}),
	}
}

func TestRenderAnswerGolden(t *testing.T) {
	for name, resp := range sampleResponses() {
		t.Run(name, func(t *testing.T) {
			d := resp.Data
			m := Message{Content: d.Content, Embeds: d.Embeds, AllowedMentions: d.AllowedMentions, Components: d.Components, Flags: d.Flags}
			if err := m.CheckLimits(); err != nil {
				t.Fatalf("limits: %v", err)
			}
			got, err := json.MarshalIndent(resp, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, filepath.Join("testdata", "interaction-"+name+".json"), got)
		})
	}
	// The largest reply keeps its buttons within every limit.
	m := RenderAnswer(bot.Answer{Reply: goldenReplies()["oversized"], ReplyID: testReplyID, Pages: 40, Private: true, Share: true, Feedback: true, SharedBy: "1"})
	if err := m.CheckLimits(); err != nil || len(m.Components) != 1 {
		t.Fatalf("oversized answer: %v, %d rows", err, len(m.Components))
	}
}

// clicker is a Handler whose Act returns a fixed action and records the click.
type clicker struct {
	bot.ReplyFunc
	act    bot.Action
	clicks chan bot.Click
}

func (c *clicker) Act(_ context.Context, click bot.Click) bot.Action {
	c.clicks <- click
	return c.act
}

func componentBody(customID string) []byte {
	b, _ := json.Marshal(map[string]any{
		"id": "i1", "application_id": "app1", "type": 3, "token": "itok", "version": 1,
		"guild_id": "g1", "channel_id": "c1",
		"member":  map[string]any{"user": map[string]any{"id": "u1", "username": "ana"}},
		"message": map[string]any{"id": "m1", "channel_id": "c1"},
		"data":    map[string]any{"custom_id": customID, "component_type": 2},
	})
	return b
}

func TestComponentInteractionOverHTTP(t *testing.T) {
	for _, tt := range []struct {
		name     string
		act      bot.Action
		wantType discordgo.InteractionResponseType
		flags    bool
	}{
		{"More updates the message", bot.Action{Kind: bot.ActReplace, Answer: bot.Answer{Reply: goldenReplies()["stats"], ReplyID: testReplyID, Page: 1, Pages: 2}}, discordgo.InteractionResponseUpdateMessage, false},
		{"Share posts for everyone", bot.Action{Kind: bot.ActPost, Answer: bot.Answer{Reply: goldenReplies()["who"], ReplyID: testReplyID, Pages: 1, SharedBy: "u1"}}, discordgo.InteractionResponseChannelMessageWithSource, false},
		{"a refusal is private", bot.Action{Kind: bot.ActNotice, Notice: "That button isn't for you."}, discordgo.InteractionResponseChannelMessageWithSource, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := &clicker{ReplyFunc: func(context.Context, bot.Request) briefings.Reply { return briefings.Reply{} }, act: tt.act, clicks: make(chan bot.Click, 2)}
			b := newHTTPBot(t, h)
			id := "bb1.more." + testReplyID + ".1"
			if code, _ := b.post(t, componentBody(id), false); code != 401 {
				t.Fatalf("an unsigned click got %d, want 401", code)
			}
			code, out := b.post(t, componentBody(id), true)
			if code != 200 {
				t.Fatalf("click: %d %s", code, out)
			}
			if c := <-h.clicks; c != (bot.Click{Platform: Name, Channel: "c1", User: "u1", ID: id}) {
				t.Fatalf("click %+v", c)
			}
			var resp struct {
				Type discordgo.InteractionResponseType `json:"type"`
				Data struct {
					Flags           int             `json:"flags"`
					AllowedMentions json.RawMessage `json:"allowed_mentions"`
				} `json:"data"`
			}
			if err := json.Unmarshal(out, &resp); err != nil {
				t.Fatal(err)
			}
			if resp.Type != tt.wantType || (resp.Data.Flags == 64) != tt.flags || !strings.Contains(string(resp.Data.AllowedMentions), `"parse":[]`) {
				t.Fatalf("response %s", out)
			}
		})
	}
}

func TestPostWithThread(t *testing.T) {
	b := newHTTPBot(t, &recorder{})
	if err := b.d.PostWithThread(context.Background(), "c9", goldenReplies()["digest"], "Questions? Ask here."); err != nil {
		t.Fatal(err)
	}
	posts := b.fake.waitCalls("post", 2)
	th := b.fake.callsOf("thread")
	if len(th) != 1 || th[0].Path != "/api/v9/channels/c9/messages/900/threads" || posts[1].Path != "/api/v9/channels/thread-900/messages" {
		t.Fatalf("thread %v, posts %v", th, posts)
	}
	assertNoMentions(t, decodeBody(t, posts[1].Body))
}

func TestGatewayButtonClick(t *testing.T) {
	f := newFakeDiscord(t)
	h := &clicker{ReplyFunc: func(context.Context, bot.Request) briefings.Reply { return briefings.Reply{} },
		act: bot.Action{Kind: bot.ActReplace, Answer: bot.Answer{Reply: goldenReplies()["stats"], ReplyID: testReplyID, Page: 1, Pages: 2}}, clicks: make(chan bot.Click, 1)}
	startGateway(t, f, Config{}, h)
	conn := f.waitConn()
	id := "bb1.more." + testReplyID + ".1"
	conn.dispatch(t, "INTERACTION_CREATE", map[string]any{
		"id": "i2", "application_id": "app1", "type": 3, "token": "itok", "channel_id": "c1", "guild_id": "g1",
		"member":  map[string]any{"user": map[string]any{"id": "u9"}},
		"message": map[string]any{"id": "m1", "channel_id": "c1"},
		"data":    map[string]any{"custom_id": id, "component_type": 2},
	})
	if c := <-h.clicks; c != (bot.Click{Platform: Name, Channel: "c1", User: "u9", ID: id}) {
		t.Fatalf("click %+v", c)
	}
	cb := f.waitCalls("callback", 1)[0]
	body := decodeBody(t, cb.Body)
	if cb.Path != "/api/v9/interactions/i2/itok/callback" || body["type"] != float64(7) {
		t.Fatalf("callback %s %v, want an update of the message (type 7)", cb.Path, body)
	}
	assertNoMentions(t, body["data"].(map[string]any))
}
