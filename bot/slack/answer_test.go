package slack

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/golden"
)

const testReplyID = "0123456789abcdef0123456789abcdef"

// sampleMessages are the interactive messages: a private answer with its
// buttons, a shared one, a later page, a vote's acknowledgement, and the
// largest reply with every button.
func sampleMessages() map[string]Message {
	r := sampleReplies()
	return map[string]Message{
		"private-answer": slashMessage(bot.Answer{Reply: r["who"], ReplyID: testReplyID, Pages: 2, Private: true, Share: true, Feedback: true}),
		"shared-answer":  actionMessage(bot.Action{Kind: bot.ActPost, Answer: bot.Answer{Reply: r["who"], ReplyID: testReplyID, Pages: 1, Feedback: true, SharedBy: "U0ANA"}}),
		"paged-answer":   actionMessage(bot.Action{Kind: bot.ActReplace, Answer: bot.Answer{Reply: r["stats"], ReplyID: testReplyID, Page: 1, Pages: 3, Private: true, Share: true, Feedback: true}}),
		"feedback-ack":   actionMessage(bot.Action{Kind: bot.ActNotice, Notice: "Thanks for the 👎: a curator will look at this answer."}),
		"oversized-buttons": slashMessage(bot.Answer{Reply: r["oversized"], ReplyID: testReplyID, Page: 0, Pages: 40, Private: true,
			Share: true, Feedback: true, SharedBy: "U0ANA"}),
	}
}

func TestRenderAnswerGolden(t *testing.T) {
	for name, m := range sampleMessages() {
		t.Run(name, func(t *testing.T) {
			checkLimits(t, m)
			var buf bytes.Buffer
			if err := m.WriteJSON(&buf); err != nil {
				t.Fatal(err)
			}
			if name == "oversized-buttons" {
				if !strings.Contains(buf.String(), `"bb1.more.`) {
					t.Fatal("the buttons were cut from a full message")
				}
				return // limits only: its golden would be huge
			}
			golden.Check(t, filepath.Join("testdata", name+".golden.json"), buf.Bytes())
		})
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

func TestInteractionsEndpoint(t *testing.T) {
	h := &clicker{ReplyFunc: func(context.Context, bot.Request) briefings.Reply { return briefings.Reply{} },
		act: bot.Action{Kind: bot.ActReplace, Answer: bot.Answer{Reply: sampleReplies()["stats"], ReplyID: testReplyID, Page: 1, Pages: 2}}, clicks: make(chan bot.Click, 4)}
	hs := newHarness(t, h)
	payload := `{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},"response_url":"` + hs.fake.URL + `/response/r1",` +
		`"actions":[{"type":"button","action_id":"bb1.more.` + testReplyID + `.1","block_id":"b"}]}`
	form := url.Values{"payload": {payload}}.Encode()

	if w := hs.do(signedWith(InteractionsPath, "application/x-www-form-urlencoded", form, "not-the-secret")); w.Code != http.StatusUnauthorized {
		t.Fatalf("a forged signature got %d, want 401", w.Code)
	}
	if w := hs.do(signed(InteractionsPath, "application/x-www-form-urlencoded", "payload=%7Bnot+json")); w.Code != http.StatusBadRequest {
		t.Fatalf("a malformed payload got %d, want 400", w.Code)
	}
	if w := hs.do(signed(InteractionsPath, "application/x-www-form-urlencoded", form)); w.Code != http.StatusOK {
		t.Fatalf("a signed click got %d", w.Code)
	}
	if c := <-h.clicks; c != (bot.Click{Platform: Name, Channel: "C1", User: "U1", ID: "bb1.more." + testReplyID + ".1"}) {
		t.Fatalf("click %+v", c)
	}
	p := hs.fake.waitPosts(t, 1)[0]
	if p.Endpoint != "response_url" || p.Msg.ReplaceOriginal == nil || !*p.Msg.ReplaceOriginal || !strings.Contains(p.Msg.Blocks.BlockSet[len(p.Msg.Blocks.BlockSet)-1].(*slack.ContextBlock).ContextElements.Elements[0].(*slack.TextBlockObject).Text, "Page 2 of 2") {
		t.Fatalf("More sent %+v", p)
	}
}

func TestPostWithThread(t *testing.T) {
	hs := newHarness(t, &recorder{})
	if err := hs.s.PostWithThread(context.Background(), "C9", sampleReplies()["digest"], "Questions? Ask here."); err != nil {
		t.Fatal(err)
	}
	p := hs.fake.waitPosts(t, 2)
	if p[0].Channel != "C9" || p[0].ThreadTS != "" || p[1].Channel != "C9" || p[1].ThreadTS != "1700000000.000100" || p[1].Msg.Text != "Questions? Ask here." {
		t.Fatalf("posts %+v, want the digest then the opener in its thread", p)
	}
}

func TestSocketInteraction(t *testing.T) {
	fake := newFakeSlack(t)
	h := &clicker{ReplyFunc: func(context.Context, bot.Request) briefings.Reply { return briefings.Reply{} },
		act: bot.Action{Kind: bot.ActNotice, Notice: "Thanks for the 👍!"}, clicks: make(chan bot.Click, 1)}
	s := newSocketSlack(t, fake, h)
	a := &acks{}
	id := "bb1.up." + testReplyID + ".0"
	cb := slack.InteractionCallback{Type: slack.InteractionTypeBlockActions, User: slack.User{ID: "U1"},
		Channel:     slack.Channel{GroupConversation: slack.GroupConversation{Conversation: slack.Conversation{ID: "C1"}}},
		ResponseURL: fake.URL + "/response/i1", ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{{ActionID: id}}}}
	s.socketEvent(socketmode.Event{Type: socketmode.EventTypeInteractive, Data: cb, Request: &socketmode.Request{EnvelopeID: "env-i"}}, a.ack)
	a.wait(t, "env-i")
	if c := <-h.clicks; c != (bot.Click{Platform: Name, Channel: "C1", User: "U1", ID: id}) {
		t.Fatalf("click %+v", c)
	}
	p := fake.waitPosts(t, 1)[0]
	if p.Endpoint != "response_url" || p.Msg.ResponseType != responseEphemeral || p.Msg.ReplaceOriginal == nil || *p.Msg.ReplaceOriginal || p.Msg.Text != "Thanks for the 👍!" {
		t.Fatalf("notice %+v", p)
	}
}

func TestReplayedClickIsCarriedOutOnce(t *testing.T) {
	h := &clicker{ReplyFunc: func(context.Context, bot.Request) briefings.Reply { return briefings.Reply{} },
		act: bot.Action{Kind: bot.ActNotice, Notice: "ok"}, clicks: make(chan bot.Click, 4)}
	hs := newHarness(t, h)
	payload := `{"type":"block_actions","trigger_id":"123.456","user":{"id":"U1"},"channel":{"id":"C1"},"response_url":"` + hs.fake.URL + `/response/r1",` +
		`"actions":[{"type":"button","action_id":"bb1.share.` + testReplyID + `.0","block_id":"b","action_ts":"1700000000.1"}]}`
	form := url.Values{"payload": {payload}}.Encode()
	for range 2 {
		if w := hs.do(signed(InteractionsPath, "application/x-www-form-urlencoded", form)); w.Code != http.StatusOK {
			t.Fatalf("click got %d", w.Code)
		}
	}
	<-h.clicks
	hs.fake.waitPosts(t, 1)
	time.Sleep(30 * time.Millisecond) // let a wrongly repeated click arrive
	if n := len(h.clicks); n != 0 || len(hs.fake.received()) != 1 {
		t.Fatalf("a replayed click was carried out again (%d more clicks, %d posts)", n, len(hs.fake.received()))
	}
}
