package store_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
)

func testSavedReplies(t *testing.T, open storetest.Opener) {
	clk := newClock()
	a := open(t, store.WithClock(clk.Now))
	b := open(t, store.WithClock(clk.Now)) // another replica
	c := ctx(t)
	rep := briefings.Reply{Kind: briefings.KindWho, Title: "Bernard Cazeneuve", Summary: "Interior Minister",
		Sections: []briefings.Section{{Heading: "Quotes", Items: []briefings.Item{{Text: "\"We will act\"", Source: "d1", Date: "2014-11-05", Mark: "act"}}}},
		Sources:  []briefings.Source{{ID: "d1", Title: "T", Published: "2014", DateInferred: true}}}
	want := bot.SavedReply{ID: "r1", Platform: "slack", Channel: "C1", Asker: bot.UserHash("slack", "U1"),
		Question: "/who cazeneuve", Private: true, SharedBy: "U2", Reply: rep, Created: clk.Now()}
	if err := a.SaveReply(c, want); err != nil {
		t.Fatalf("SaveReply: %v", err)
	}
	got, err := b.LoadReply(c, "r1")
	if err != nil {
		t.Fatalf("LoadReply from another handle: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("LoadReply =\n%+v\nwant\n%+v", got, want)
	}
	if _, err := b.LoadReply(c, "nope"); !errors.Is(err, bot.ErrNoState) {
		t.Fatalf("LoadReply(unknown) err = %v, want ErrNoState", err)
	}
	clk.Add(store.ReplyRetention + time.Minute)
	if _, err := b.LoadReply(c, "r1"); !errors.Is(err, bot.ErrNoState) {
		t.Fatalf("LoadReply after retention err = %v, want ErrNoState", err)
	}
}

func testFeedback(t *testing.T, open storetest.Opener) {
	clk := newClock()
	s := open(t, store.WithClock(clk.Now))
	c := ctx(t)
	vote := func(reply, user string, value int) bot.Vote {
		return bot.Vote{ReplyID: reply, Platform: "slack", Channel: "C1", UserHash: bot.UserHash("slack", user),
			Question: "q " + reply, Kind: "answer", Sources: []string{"d1", "d2"}, Value: value}
	}
	steps := []struct {
		v       bot.Vote
		changed bool
	}{
		{vote("r1", "U1", -1), false},
		{vote("r1", "U1", -1), false}, // the same click again
		{vote("r1", "U2", 1), false},
		{vote("r2", "U1", 1), false},
		{vote("r2", "U1", -1), true}, // changed mind
	}
	for i, st := range steps {
		clk.Add(time.Second)
		changed, err := s.RecordFeedback(c, st.v)
		if err != nil || changed != st.changed {
			t.Fatalf("step %d: RecordFeedback = %v, %v; want %v", i, changed, err, st.changed)
		}
	}
	if _, err := s.RecordFeedback(c, vote("r3", "U1", 0)); err == nil {
		t.Fatal("a vote of 0 was stored")
	}
	down, err := s.ListFeedback(c, bot.FeedbackQuery{Value: -1})
	if err != nil {
		t.Fatalf("ListFeedback: %v", err)
	}
	var got []string
	for _, v := range down {
		got = append(got, v.ReplyID+" "+v.Question)
		if v.Value != -1 || !reflect.DeepEqual(v.Sources, []string{"d1", "d2"}) || v.At.IsZero() || v.Kind != "answer" {
			t.Errorf("vote %+v: fields not kept", v)
		}
	}
	if want := []string{"r2 q r2", "r1 q r1"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("👎 newest first = %v, want %v", got, want)
	}
	all, _ := s.ListFeedback(c, bot.FeedbackQuery{})
	if len(all) != 3 {
		t.Fatalf("all votes = %d, want 3 (one per person per answer)", len(all))
	}
	if one, _ := s.ListFeedback(c, bot.FeedbackQuery{Limit: 1}); len(one) != 1 {
		t.Fatalf("Limit 1 gave %d", len(one))
	}
	if none, _ := s.ListFeedback(c, bot.FeedbackQuery{Platform: "discord"}); len(none) != 0 {
		t.Fatalf("discord votes = %d, want 0", len(none))
	}
}

func testConversations(t *testing.T, open storetest.Opener) {
	clk := newClock()
	a := open(t, store.WithClock(clk.Now))
	b := open(t, store.WithClock(clk.Now))
	c := ctx(t)
	if _, err := a.LoadConversation(c, "slack/D1"); !errors.Is(err, bot.ErrNoState) {
		t.Fatalf("LoadConversation before save err = %v", err)
	}
	want := bot.Conversation{Person: "Bernard Cazeneuve", Year: 2014, Topic: "police"}
	if err := a.SaveConversation(c, "slack/D1", want, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	if got, err := b.LoadConversation(c, "slack/D1"); err != nil || got != want {
		t.Fatalf("LoadConversation on another replica = %+v, %v", got, err)
	}
	repl := bot.Conversation{Year: 2021}
	if err := b.SaveConversation(c, "slack/D1", repl, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.LoadConversation(c, "slack/D1"); got != repl {
		t.Fatalf("after replace = %+v, want %+v", got, repl)
	}
	clk.Add(31 * time.Minute)
	if _, err := a.LoadConversation(c, "slack/D1"); !errors.Is(err, bot.ErrNoState) {
		t.Fatalf("expired context err = %v, want ErrNoState", err)
	}
}

func testSpotlights(t *testing.T, open storetest.Opener) {
	s := open(t)
	c := ctx(t)
	a, b := store.Target{Platform: "slack", Channel: "C1"}, store.Target{Platform: "slack", Channel: "C2"}
	for _, id := range []string{"d1", "d2"} {
		if err := s.RecordSpotlight(c, a, id); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := s.Spotlighted(c, a); len(got) != 2 || !got["d1"] || !got["d2"] {
		t.Fatalf("Spotlighted = %v", got)
	}
	if got, _ := s.Spotlighted(c, b); len(got) != 0 {
		t.Fatalf("another channel has spotlights %v", got)
	}
	// d1 again: every article had its turn, a new round starts with d1.
	if err := s.RecordSpotlight(c, a, "d1"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Spotlighted(c, a); len(got) != 1 || !got["d1"] {
		t.Fatalf("after a repeat Spotlighted = %v, want a new round with d1", got)
	}
}

func testFeedbackFixed(t *testing.T, open storetest.Opener) {
	clk := newClock()
	a := open(t, store.WithClock(clk.Now))
	b := open(t, store.WithClock(clk.Now)) // another replica
	c := ctx(t)
	first := clk.Now()
	if err := a.MarkFeedbackFixed(c, "r1"); err != nil {
		t.Fatalf("MarkFeedbackFixed: %v", err)
	}
	clk.Add(time.Hour)
	if err := b.MarkFeedbackFixed(c, "r1"); err != nil { // again: the first time stays
		t.Fatalf("MarkFeedbackFixed again: %v", err)
	}
	if err := b.MarkFeedbackFixed(c, "r3"); err != nil {
		t.Fatalf("MarkFeedbackFixed: %v", err)
	}
	got, err := a.FeedbackFixed(c, []string{"r1", "r2", "r3"})
	if err != nil {
		t.Fatalf("FeedbackFixed: %v", err)
	}
	want := map[string]time.Time{"r1": first.UTC().Truncate(time.Millisecond), "r3": clk.Now().UTC().Truncate(time.Millisecond)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FeedbackFixed = %v, want %v", got, want)
	}
	if got, err := a.FeedbackFixed(c, nil); err != nil || len(got) != 0 {
		t.Errorf("FeedbackFixed(none) = %v, %v", got, err)
	}
}
