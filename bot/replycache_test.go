package bot

import (
	"context"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/briefbot/briefbot/briefings"
)

// Replies that depend only on the corpus are kept per engine and named by
// a key that changes with the engine, the command and who may see it;
// other replies, and answers with buttons, have no key.
func TestReplyCacheKeys(t *testing.T) {
	first, err := briefings.Default()
	if err != nil {
		t.Fatal(err)
	}
	second, err := briefings.Default()
	if err != nil {
		t.Fatal(err)
	}
	var eng Engine = first
	r := NewRouter(func() Engine { return eng }, quietLog())
	withButtons := NewRouter(func() Engine { return first }, quietLog(), WithReplies(newMemState()))
	respond := func(r *Router, text string, private bool) Answer {
		return r.Respond(context.Background(), Request{Platform: "slack", Channel: "C1", User: "U1", Text: text, Slash: true, Private: private})
	}
	who := respond(r, "/who cazeneuve", false)
	if who.Key.Text == "" || who.Key.Gen == 0 {
		t.Fatalf("/who has no key: %+v", who.Key)
	}
	if !reflect.DeepEqual(who.Reply, first.Who("cazeneuve")) {
		t.Fatal("/who through the cache differs from the engine's reply")
	}
	tests := []struct {
		name    string
		answer  func() Answer
		sameKey bool // the same key as who's
		noKey   bool
	}{
		{"asked again", func() Answer { return respond(r, "/who cazeneuve", false) }, true, false},
		{"the subcommand form", func() Answer { return respond(r, "/brief who cazeneuve", false) }, true, false},
		{"private", func() Answer { return respond(r, "/who cazeneuve", true) }, false, false},
		{"another name", func() Answer { return respond(r, "/who may", false) }, false, false},
		{"stats", func() Answer { return respond(r, "/stats 2014", false) }, false, false},
		{"help", func() Answer { return respond(r, "/help", false) }, false, true},
		{"digest", func() Answer { return respond(r, "/digest", false) }, false, true},
		{"with buttons", func() Answer { return respond(withButtons, "/who cazeneuve", true) }, false, true},
		{"a fake engine", func() Answer {
			return respond(NewRouter(func() Engine { return &fakeEngine{} }, quietLog()), "/who cazeneuve", false)
		}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.answer()
			switch {
			case tt.noKey && a.Key != (AnswerKey{}):
				t.Errorf("key %+v, want none", a.Key)
			case tt.sameKey && a.Key != who.Key:
				t.Errorf("key %+v, want %+v", a.Key, who.Key)
			case !tt.noKey && !tt.sameKey && (a.Key.Text == "" || a.Key == who.Key):
				t.Errorf("key %+v, want another non-zero key", a.Key)
			}
			if tt.sameKey && !reflect.DeepEqual(a.Reply, who.Reply) {
				t.Error("the same key for another reply")
			}
		})
	}
	eng = second // a reload
	again := respond(r, "/who cazeneuve", false)
	if again.Key.Gen == who.Key.Gen || again.Key.Text != who.Key.Text {
		t.Errorf("after a reload the key is %+v, was %+v: want a new generation", again.Key, who.Key)
	}
	if !reflect.DeepEqual(again.Reply, second.Who("cazeneuve")) {
		t.Error("after a reload the reply is not the new engine's")
	}
}

// Requests answered at once, across a reload, each get their engine's
// reply (run with -race).
func TestReplyCacheConcurrent(t *testing.T) {
	engines := make([]*briefings.Engine, 2)
	for i := range engines {
		e, err := briefings.Default()
		if err != nil {
			t.Fatal(err)
		}
		engines[i] = e
	}
	want := engines[0].Who("cazeneuve")
	var current atomic.Pointer[briefings.Engine]
	current.Store(engines[0])
	r := NewRouter(func() Engine { return current.Load() }, quietLog())
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				if i == 0 && j == 25 {
					current.Store(engines[1])
				}
				a := r.Respond(context.Background(), Request{Platform: "slack", Channel: "C1", User: "U1", Text: "/who cazeneuve", Slash: true})
				if !reflect.DeepEqual(a.Reply, want) {
					t.Error("a concurrent /who differs from the engine's reply")
					return
				}
			}
		})
	}
	wg.Wait()
}
