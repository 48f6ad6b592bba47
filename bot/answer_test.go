package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

// memState is an in-memory ReplyStore, FeedbackStore and ConversationStore.
type memState struct {
	mu      sync.Mutex
	replies map[string]SavedReply
	votes   map[string]Vote
	convs   map[string]Conversation
}

func newMemState() *memState {
	return &memState{replies: map[string]SavedReply{}, votes: map[string]Vote{}, convs: map[string]Conversation{}}
}

func (m *memState) SaveReply(_ context.Context, r SavedReply) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.replies[r.ID] = r
	return nil
}

func (m *memState) LoadReply(_ context.Context, id string) (SavedReply, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.replies[id]
	if !ok {
		return SavedReply{}, ErrNoState
	}
	return r, nil
}

func (m *memState) RecordFeedback(_ context.Context, v Vote) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := v.ReplyID + "/" + v.UserHash
	old, ok := m.votes[k]
	m.votes[k] = v
	return ok && old.Value != v.Value, nil
}

func (m *memState) ListFeedback(_ context.Context, q FeedbackQuery) ([]Vote, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Vote
	for _, v := range m.votes {
		if q.Value == 0 || v.Value == q.Value {
			out = append(out, v)
		}
	}
	return out, nil
}

func (m *memState) SaveConversation(_ context.Context, key string, c Conversation, _ time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.convs[key] = c
	return nil
}

func (m *memState) LoadConversation(_ context.Context, key string) (Conversation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.convs[key]
	if !ok {
		return Conversation{}, ErrNoState
	}
	return c, nil
}

// longReply has n quote items, each citing its own source.
func longReply(n int) briefings.Reply {
	r := briefings.Reply{Kind: briefings.KindWho, Title: "Bernard Cazeneuve", Summary: "Interior Minister"}
	sec := briefings.Section{Heading: "Quotes"}
	for i := range n {
		id := fmt.Sprintf("doc%02d", i)
		sec.Items = append(sec.Items, briefings.Item{Text: fmt.Sprintf("Quote number %d.", i), Source: id})
		r.Sources = append(r.Sources, briefings.Source{ID: id, Title: "Article " + id})
	}
	r.Sections = []briefings.Section{sec}
	return r
}

type countingObs struct {
	NopObserver
	mu    sync.Mutex
	votes []string
}

func (o *countingObs) Feedback(platform, vote string) {
	o.mu.Lock()
	o.votes = append(o.votes, platform+":"+vote)
	o.mu.Unlock()
}

func interactiveRouter(t *testing.T, eng Engine) (*Router, *memState, *countingObs) {
	t.Helper()
	st := newMemState()
	obs := &countingObs{}
	r := NewRouter(func() Engine { return eng }, slog.New(slog.NewTextHandler(io.Discard, nil)),
		WithReplies(st), WithFeedback(st), WithObserver(obs))
	return r, st, obs
}

func buttonID(t *testing.T, a Answer, verb string) string {
	t.Helper()
	for _, b := range a.Buttons() {
		if strings.HasPrefix(b.ID, idPrefix+"."+verb+".") {
			return b.ID
		}
	}
	t.Fatalf("answer has no %s button: %+v", verb, a.Buttons())
	return ""
}

func TestRespondPrivacyAndButtons(t *testing.T) {
	eng := &fakeEngine{}
	r, _, _ := interactiveRouter(t, eng)
	tests := []struct {
		name                          string
		req                           Request
		private, share, feedback, ids bool
	}{
		{"private slash answer", Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/who x", Slash: true, Private: true}, true, true, true, true},
		{"public slash answer", Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/who x", Slash: true}, false, false, true, true},
		{"help is private even when public", Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/help", Slash: true}, true, false, false, false},
		{"admins only is private", Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/digest subscribe daily 09:00", Slash: true}, true, false, false, false},
		{"/feedback is private and not shareable", Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/feedback", Slash: true, Admin: true}, true, false, false, false},
		{"a DM is not a slash command", Request{Platform: "slack", Channel: "D1", User: "U1", Text: "who x", DM: true}, false, false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := r.Respond(context.Background(), tt.req)
			if a.Private != tt.private || a.Share != tt.share || a.Feedback != tt.feedback || (a.ReplyID != "") != tt.ids {
				t.Fatalf("answer private=%v share=%v feedback=%v id=%q", a.Private, a.Share, a.Feedback, a.ReplyID)
			}
		})
	}
}

func TestActMoreShareVote(t *testing.T) {
	eng := &fakeEngine{who: func(string) briefings.Reply { return longReply(30) }}
	r, st, obs := interactiveRouter(t, eng)
	ctx := context.Background()
	asker := Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/who cazeneuve", Slash: true, Private: true}
	a := r.Respond(ctx, asker)
	if a.Pages != 3 || a.Page != 0 || len(a.Reply.Sections[0].Items) != pageItems {
		t.Fatalf("first page %d of %d with %d items", a.Page, a.Pages, len(a.Reply.Sections[0].Items))
	}
	if len(a.Reply.Sources) != pageItems {
		t.Fatalf("first page cites %d sources, want its own %d", len(a.Reply.Sources), pageItems)
	}

	more := r.Act(ctx, Click{Platform: "slack", Channel: "C1", User: "U1", ID: buttonID(t, a, VerbMore)})
	if more.Kind != ActReplace || more.Answer.Page != 1 || more.Answer.Reply.Sections[0].Items[0].Text != "Quote number 12." {
		t.Fatalf("More = %+v", more)
	}
	if !more.Answer.Private || !more.Answer.Share {
		t.Fatal("page 2 of a private answer lost its privacy or its Share button")
	}

	// Someone else cannot page, share or vote on a private answer, nor can
	// a click from another channel, a forged id or an unknown one.
	refused := []Click{
		{Platform: "slack", Channel: "C1", User: "U2", ID: buttonID(t, a, VerbMore)},
		{Platform: "slack", Channel: "C1", User: "U2", ID: buttonID(t, a, VerbShare)},
		{Platform: "slack", Channel: "C2", User: "U1", ID: buttonID(t, a, VerbMore)},
		{Platform: "discord", Channel: "C1", User: "U1", ID: buttonID(t, a, VerbMore)},
		{Platform: "slack", Channel: "C1", User: "U1", ID: "bb1.more." + strings.Repeat("ab", 16) + ".1"},
		{Platform: "slack", Channel: "C1", User: "U1", ID: "bb1.delete." + a.ReplyID + ".1"},
		{Platform: "slack", Channel: "C1", User: "U1", ID: "bb1.more." + a.ReplyID + ".99"},
		{Platform: "slack", Channel: "C1", User: "U1", ID: "garbage"},
	}
	for _, c := range refused {
		if got := r.Act(ctx, c); got.Kind != ActNotice || got.Notice == "" {
			t.Errorf("click %+v = %+v, want a polite notice", c, got)
		}
	}
	if len(st.replies) != 1 || len(st.votes) != 0 {
		t.Fatalf("refused clicks changed the store: %d replies, %d votes", len(st.replies), len(st.votes))
	}

	share := r.Act(ctx, Click{Platform: "slack", Channel: "C1", User: "U1", ID: buttonID(t, more.Answer, VerbShare)})
	if share.Kind != ActPost || share.Answer.Private || share.Answer.Share || share.Answer.SharedBy != "U1" || share.Answer.Page != 1 {
		t.Fatalf("Share = %+v", share)
	}
	if share.Answer.ReplyID == a.ReplyID {
		t.Fatal("the shared copy reuses the private answer's id")
	}
	// Anyone in the channel may page the shared copy.
	next := r.Act(ctx, Click{Platform: "slack", Channel: "C1", User: "U2", ID: buttonID(t, share.Answer, VerbMore)})
	if next.Kind != ActReplace || next.Answer.Page != 2 || next.Answer.SharedBy != "U1" {
		t.Fatalf("More on the shared copy = %+v", next)
	}

	for i, want := range []string{"Thanks for the 👎", "Thanks for the 👎", "Changed to 👍"} {
		verb := VerbDown
		if i == 2 {
			verb = VerbUp
		}
		got := r.Act(ctx, Click{Platform: "slack", Channel: "C1", User: "U2", ID: buttonID(t, share.Answer, verb)})
		if got.Kind != ActNotice || !strings.HasPrefix(got.Notice, want) {
			t.Fatalf("vote %d = %+v, want %q", i, got, want)
		}
	}
	if len(st.votes) != 1 {
		t.Fatalf("%d votes stored, want one per person per answer", len(st.votes))
	}
	for _, v := range st.votes {
		if v.Value != 1 || v.Question != "who cazeneuve" || v.Kind != "who" || len(v.Sources) != 30 || v.UserHash != UserHash("slack", "U2") {
			t.Fatalf("vote %+v", v)
		}
	}
	if len(obs.votes) != 3 {
		t.Fatalf("metrics saw %v", obs.votes)
	}
}

func TestFeedbackCommand(t *testing.T) {
	eng := &fakeEngine{}
	r, st, _ := interactiveRouter(t, eng)
	ctx := context.Background()
	st.votes["x"] = Vote{ReplyID: "x", Platform: "slack", Question: "ask when was the deal ratified?", Kind: "answer", Value: -1, Sources: []string{"d1"}, At: time.Unix(1700000000, 0)}
	st.votes["y"] = Vote{ReplyID: "y", Platform: "slack", Question: "ask fine answer", Kind: "answer", Value: 1}
	if got := r.Handle(ctx, Request{Platform: "slack", Text: "/feedback"}); got.Kind != briefings.KindError {
		t.Fatalf("non-admin /feedback = %+v", got)
	}
	got := r.Handle(ctx, Request{Platform: "slack", Text: "/feedback", Admin: true})
	if len(got.Sections) != 1 || len(got.Sections[0].Items) != 1 || !strings.Contains(got.Sections[0].Items[0].Text, "when was the deal ratified?") {
		t.Fatalf("/feedback = %+v", got)
	}
}

func TestPaginateKeepsEverything(t *testing.T) {
	for _, n := range []int{0, 1, pageItems, pageItems + 1, 100} {
		r := longReply(n)
		pages := Paginate(r)
		items, srcs := 0, 0
		for i, p := range pages {
			if p.Title != r.Title {
				t.Fatalf("n=%d page %d title %q", n, i, p.Title)
			}
			if (p.Summary != "") != (i == 0) {
				t.Fatalf("n=%d page %d summary %q", n, i, p.Summary)
			}
			for _, s := range p.Sections {
				items += len(s.Items)
			}
			srcs += len(p.Sources)
		}
		if items != n || srcs != n {
			t.Fatalf("n=%d: pages hold %d items and %d sources", n, items, srcs)
		}
	}
}
