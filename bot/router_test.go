package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

// fakeEngine records the calls the router makes.
type fakeEngine struct {
	mu    sync.Mutex
	calls []string
	who   func(string) briefings.Reply
}

func (f *fakeEngine) record(s string) briefings.Reply {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, s)
	return briefings.Reply{Kind: briefings.KindAnswer, Title: s}
}

func (f *fakeEngine) Who(name string) briefings.Reply {
	if f.who != nil {
		return f.who(name)
	}
	return f.record("who:" + name)
}
func (f *fakeEngine) Stats(year int, topic string) briefings.Reply {
	return f.record("stats:" + itoa(year) + ":" + topic)
}
func (f *fakeEngine) Ask(q string) briefings.Reply { return f.record("ask:" + q) }
func (f *fakeEngine) Sources() briefings.Reply     { return f.record("sources") }
func (f *fakeEngine) SourcesOf(year int) briefings.Reply {
	return f.record(fmt.Sprintf("sources %d", year))
}
func (f *fakeEngine) Digest(o briefings.DigestOptions) briefings.Digest {
	return briefings.Digest{Reply: f.record("digest")}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// fakeDigests is a function-field fake of Digests.
type fakeDigests struct {
	subscribe   func(Subscription) (Subscription, error)
	list        func() ([]Subscription, error)
	unsubscribe func(id string) error
}

func (f *fakeDigests) Preview(ctx context.Context, platform, channel string) (briefings.Reply, error) {
	return briefings.Reply{Kind: briefings.KindDigest, Title: "preview " + platform + "/" + channel}, nil
}
func (f *fakeDigests) Subscribe(ctx context.Context, s Subscription) (Subscription, error) {
	return f.subscribe(s)
}
func (f *fakeDigests) List(ctx context.Context, platform, channel string) ([]Subscription, error) {
	return f.list()
}
func (f *fakeDigests) Unsubscribe(ctx context.Context, platform, channel, id string) error {
	return f.unsubscribe(id)
}

type countingObserver struct {
	NopObserver
	mu       sync.Mutex
	outcomes []string
}

func (c *countingObserver) Command(platform, kind, outcome string, _ time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.outcomes = append(c.outcomes, platform+":"+kind+":"+outcome)
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestRouterRoutesToEngine(t *testing.T) {
	eng := &fakeEngine{}
	r := NewRouter(func() Engine { return eng }, quietLog())
	tests := []struct {
		text      string
		wantTitle string
		wantKind  briefings.Kind
	}{
		{"/who cazeneuve", "who:cazeneuve", briefings.KindAnswer},
		{"/brief who cazeneuve", "who:cazeneuve", briefings.KindAnswer},
		{"who *Natasha Bouchart*", "who:Natasha Bouchart", briefings.KindAnswer},
		{"/stats 2025", "stats:2025:", briefings.KindAnswer},
		{"/stats crossings 2025", "stats:2025:crossings", briefings.KindAnswer},
		{"/stats", "stats:0:", briefings.KindAnswer},
		{"/stats crossings", "Which year?", briefings.KindHelp},
		{"/who", "Who should I brief you on?", briefings.KindHelp},
		{"/ask", "What would you like to know?", briefings.KindHelp},
		{"/sources", "sources", briefings.KindAnswer},
		{"/sources 2014", "sources 2014", briefings.KindAnswer},
		{"/sources crossings", "Which year?", briefings.KindHelp},
		{"/whoo cazeneuve", "Did you mean /who cazeneuve?", briefings.KindHelp},
		{"/digest", "digest", briefings.KindAnswer},
		{"how much will the UK contribute?", "ask:how much will the UK contribute?", briefings.KindAnswer},
		{"/help", "What I can do", briefings.KindHelp},
		{"who \x00\x01\x02", "I couldn't read that", briefings.KindError},
		{"/digest subscribe daily 09:00", "Only admins can manage digests", briefings.KindError},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := r.Handle(context.Background(), Request{Platform: "test", Text: tt.text})
			if got.Title != tt.wantTitle || got.Kind != tt.wantKind {
				t.Errorf("Handle(%q) = %s %q, want %s %q", tt.text, got.Kind, got.Title, tt.wantKind, tt.wantTitle)
			}
		})
	}
}

func TestRouterRecoversFromPanic(t *testing.T) {
	eng := &fakeEngine{who: func(string) briefings.Reply { panic("boom") }}
	obs := &countingObserver{}
	r := NewRouter(func() Engine { return eng }, quietLog(), WithObserver(obs))
	got := r.Handle(context.Background(), Request{Platform: "test", Text: "/who x"})
	if got.Kind != briefings.KindError {
		t.Fatalf("after a panic got %s %q, want an error reply", got.Kind, got.Title)
	}
	if strings.Contains(got.Summary, "boom") {
		t.Errorf("the panic value leaked to the user: %q", got.Summary)
	}
	if next := r.Handle(context.Background(), Request{Platform: "test", Text: "/sources"}); next.Title != "sources" {
		t.Errorf("the next command got %q, want it answered", next.Title)
	}
	want := []string{"test:who:error", "test:sources:ok"}
	if strings.Join(obs.outcomes, ",") != strings.Join(want, ",") {
		t.Errorf("observed %v, want %v", obs.outcomes, want)
	}
}

func TestRouterDigestManagement(t *testing.T) {
	var stored []Subscription
	d := &fakeDigests{
		subscribe: func(s Subscription) (Subscription, error) {
			if s.Schedule == "0 3 * * *" {
				return s, &UserError{Msg: "that schedule is refused"}
			}
			if s.Schedule == "0 4 * * *" {
				return s, errors.New("database is down")
			}
			for _, old := range stored {
				if old.Schedule == s.Schedule && old.Timezone == s.Timezone {
					return old, ErrAlreadySubscribed
				}
			}
			s.ID = "d-abc"
			london, _ := time.LoadLocation("Europe/London")
			s.Next = time.Date(2026, 12, 8, 9, 0, 0, 0, london)
			stored = append(stored, s)
			return s, nil
		},
		list: func() ([]Subscription, error) { return stored, nil },
		unsubscribe: func(id string) error {
			if id != "d-abc" {
				return ErrNoSubscription
			}
			stored = nil
			return nil
		},
	}
	r := NewRouter(func() Engine { return &fakeEngine{} }, quietLog(), WithDigests(d))
	admin := Request{Platform: "slack", Channel: "C1", User: "U1", Admin: true}
	user := Request{Platform: "slack", Channel: "C1", User: "U2"}
	steps := []struct {
		req       Request
		text      string
		wantTitle string
		wantIn    string
	}{
		{user, "/digest", "preview slack/C1", ""},
		{user, "/digest subscribe daily 09:00", "Only admins can manage digests", ""},
		{admin, "/digest list", "No digests here", ""},
		{admin, "/digest subscribe daily 09:00 Europe/London", "Digest scheduled", "The next one comes Tuesday 8 December 2026 at 09:00 GMT."},
		{admin, "/digest subscribe daily 09:00 Europe/London", "Already subscribed", "d-abc"},
		{admin, "/digest list", "Digests for this channel", ""},
		{admin, "/digest subscribe daily 09:00 Mars/Olympus", "I couldn't read that schedule", "not a time zone"},
		{admin, "/digest subscribe daily 03:00", "That didn't work", "refused"},
		{admin, "/digest subscribe daily 04:00", "Sorry, something went wrong", "try again"},
		{user, "/digest unsubscribe d-abc", "Only admins can manage digests", ""},
		{admin, "/digest unsubscribe d-zzz", "No such digest", "d-zzz"},
		{admin, "/digest unsubscribe d-abc", "Digest stopped", ""},
		{admin, "/digest frobnicate", "What should I do with digests?", ""},
	}
	for _, s := range steps {
		s.req.Text = s.text
		got := r.Handle(context.Background(), s.req)
		if got.Title != s.wantTitle {
			t.Fatalf("%q (admin=%v): title %q, want %q", s.text, s.req.Admin, got.Title, s.wantTitle)
		}
		if s.wantIn != "" && !strings.Contains(got.Summary, s.wantIn) {
			t.Errorf("%q: summary %q lacks %q", s.text, got.Summary, s.wantIn)
		}
	}
	if len(stored) != 0 {
		t.Errorf("subscriptions left: %v", stored)
	}
}
