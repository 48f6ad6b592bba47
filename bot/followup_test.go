package bot

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/briefings"
)

func TestFollowUps(t *testing.T) {
	eng := &fakeEngine{who: func(name string) briefings.Reply {
		return briefings.Reply{Kind: briefings.KindWho, Title: "Bernard Cazeneuve", Summary: "Interior Minister"}
	}}
	st := newMemState()
	r := NewRouter(func() Engine { return eng }, slog.New(slog.NewTextHandler(io.Discard, nil)), WithConversations(st))
	ctx := context.Background()
	dm := Request{Platform: "slack", Channel: "D1", User: "U1", DM: true}
	thread := Request{Platform: "slack", Channel: "C1", User: "U1", Thread: "1.5"}
	channel := Request{Platform: "slack", Channel: "C1", User: "U1"}
	ask := func(req Request, text string) briefings.Reply {
		req.Text = text
		return r.Handle(ctx, req)
	}
	last := func() string {
		eng.mu.Lock()
		defer eng.mu.Unlock()
		if len(eng.calls) == 0 {
			return ""
		}
		return eng.calls[len(eng.calls)-1]
	}

	steps := []struct {
		req        Request
		text, call string
		readAs     string
	}{
		{dm, "/who cazeneuve", "", ""},
		{dm, "what did he say about the police?", "ask:what did Bernard Cazeneuve say about the police?", "About Bernard Cazeneuve:"},
		{dm, "and his role in 2014?", "ask:Bernard Cazeneuve's role in 2014?", "About Bernard Cazeneuve:"},
		{dm, "what about the mayor?", "ask:what did Bernard Cazeneuve say about the mayor?", "About Bernard Cazeneuve:"},
		{dm, "and 2015?", "ask:what did Bernard Cazeneuve say in 2015?", "About Bernard Cazeneuve, 2015:"},
		{dm, "what did Cazeneuve say?", "ask:what did Cazeneuve say?", ""}, // names the person already
		{dm, "/stats 2025 crossings", "stats:2025:crossings", ""},
		{dm, "and 2021?", "stats:2021:crossings", "About 2021:"},
		{dm, "what did he say?", "ask:what did he say?", ""}, // /stats replaced the person
		{channel, "/who cazeneuve", "", ""},
		{channel, "what did he say about the police?", "ask:what did he say about the police?", ""}, // no conversation outside DMs and threads
		{thread, "/who cazeneuve", "", ""},
		{thread, "what did he say about the police?", "ask:what did Bernard Cazeneuve say about the police?", "About Bernard Cazeneuve:"},
	}
	for i, s := range steps {
		rep := ask(s.req, s.text)
		if s.call != "" && last() != s.call {
			t.Fatalf("step %d %q: engine called %q, want %q", i, s.text, last(), s.call)
		}
		has := strings.HasPrefix(rep.Summary, s.readAs)
		if (s.readAs != "" && !has) || (s.readAs == "" && strings.HasPrefix(rep.Summary, "About ")) {
			t.Fatalf("step %d %q: summary %q, want it read as %q", i, s.text, rep.Summary, s.readAs)
		}
	}

	// An expired context: the question is read as it is.
	st.convs = map[string]Conversation{}
	ask(dm, "what did he say about the police?")
	if last() != "ask:what did he say about the police?" {
		t.Fatalf("after expiry the engine got %q", last())
	}
}
