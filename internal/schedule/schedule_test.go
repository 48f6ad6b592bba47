package schedule

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
)

// bothDBs runs fn on a fresh SQLite file and on a fresh PostgreSQL schema
// (skipped without BRIEFBOT_TEST_POSTGRES_DSN).
func bothDBs(t *testing.T, fn func(t *testing.T, open storetest.Opener)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, storetest.SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, storetest.Postgres(t)) })
}

func TestPostsNewDocumentsThenSpotlight(t *testing.T) {
	r := newRig(t, storetest.SQLite(t), nil, false, withDigests(morning(0, WhenEmptySpotlight)))
	r.runSlot(t, "morning", t0, false)
	r.engine.add("bbc/3")
	r.runSlot(t, "morning", t0.Add(24*time.Hour), false)
	r.runSlot(t, "morning", t0.Add(48*time.Hour), false)
	r.runSlot(t, "morning", t0, false) // already posted: nothing

	for _, p := range []*fakePoster{r.slack, r.disc} {
		ch := "C1"
		if p == r.disc {
			ch = "D1"
		}
		if got := joined(p.titles(ch)); got != "2 new,1 new,Spotlight" {
			t.Errorf("posts to %s = %s, want 2 new,1 new,Spotlight", ch, got)
		}
	}
	if !r.engine.lastSpotlight.Equal(t0.Add(48 * time.Hour)) {
		t.Errorf("the spotlight was asked for %v, want the slot's time", r.engine.lastSpotlight)
	}
	if run := r.run(t, "morning", t0); run.State != store.StatePosted || run.ClaimedBy != r.s.Owner() {
		t.Fatalf("run = %+v", run)
	}
	seen, _ := r.st.Seen(context.Background(), slackC)
	if len(seen) != 3 {
		t.Fatalf("seen = %v", seen)
	}
	if posted, failed := r.obs.counts("morning/slack"); posted != 3 || failed != 0 {
		t.Fatalf("observer slack posted %d failed %d", posted, failed)
	}
}

func TestWhenEmptySkipPostsNothingButFinishesTheSlot(t *testing.T) {
	r := newRig(t, storetest.SQLite(t), nil, false, withDigests(morning(0, WhenEmptySkip)))
	ctx := context.Background()
	r.st.MarkSeen(ctx, slackC, []string{"bbc/1", "bbc/2"})
	r.runSlot(t, "morning", t0, false)
	if got := r.slack.all(); len(got) != 0 {
		t.Fatalf("slack got %v, want nothing", got)
	}
	if got := joined(r.disc.titles("D1")); got != "2 new" {
		t.Fatalf("discord got %s, want 2 new", got)
	}
	if run := r.run(t, "morning", t0); run.State != store.StatePosted {
		t.Fatalf("run = %+v, want posted", run)
	}
	if ok, _ := r.st.Delivered(ctx, "morning", t0, slackC); !ok {
		t.Fatal("the empty delivery was not recorded")
	}
	r.clock.Add(time.Hour)
	r.sweep(false)
	if got := r.slack.all(); len(got) != 0 {
		t.Fatalf("slack got %v after a sweep", got)
	}
}

// TestClaimRace fires the same slots on two schedulers (two store handles
// on one database), several times each and at once: every slot is posted
// exactly once to each target.
func TestClaimRace(t *testing.T) {
	bothDBs(t, func(t *testing.T, open storetest.Opener) {
		a := newRig(t, open, nil, false, withDigests(morning(0, WhenEmptySpotlight)))
		b := newRig(t, open, a, false, withDigests(morning(0, WhenEmptySpotlight)))
		const slots = 4
		for i := range slots {
			slot := t0.Add(time.Duration(i) * 24 * time.Hour)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for _, r := range []*rig{a, b, a, b} {
				e := r.entry(t, "morning")
				wg.Go(func() {
					<-start
					e.running.Lock() // as the cron job does: one run per digest per process
					defer e.running.Unlock()
					r.s.runSlot(context.Background(), e, slot, false)
				})
			}
			close(start)
			wg.Wait()
		}
		want := "2 new,Spotlight,Spotlight,Spotlight"
		if got := joined(a.slack.titles("C1")); got != want {
			t.Errorf("slack posts = %s, want %s", got, want)
		}
		if got := joined(a.disc.titles("D1")); got != want {
			t.Errorf("discord posts = %s, want %s", got, want)
		}
		runs, _ := a.st.Runs(context.Background(), "morning")
		if len(runs) != slots {
			t.Fatalf("runs = %+v", runs)
		}
		for _, run := range runs {
			if run.State != store.StatePosted || run.Attempts != 1 {
				t.Errorf("run = %+v, want posted after one claim", run)
			}
		}
	})
}

func TestCatchUpOnStart(t *testing.T) {
	tests := []struct {
		name     string
		spec     string
		catchUp  time.Duration
		now      time.Time
		posted   time.Time // zero: nothing posted
		logged   string
		preClaim bool // another replica already posted the slot
	}{
		{name: "inside the window", spec: "0 9 * * *", catchUp: time.Hour, now: t0.Add(30 * time.Minute), posted: t0, logged: "posting a missed digest slot"},
		{name: "outside the window", spec: "0 9 * * *", catchUp: 10 * time.Minute, now: t0.Add(30 * time.Minute), logged: "outside its catch-up window"},
		{name: "no catch-up", spec: "0 9 * * *", catchUp: 0, now: t0.Add(time.Minute), logged: "outside its catch-up window"},
		{name: "only the latest of several missed slots", spec: "*/10 * * * *", catchUp: time.Hour, now: t0.Add(45 * time.Minute), posted: t0.Add(40 * time.Minute), logged: "posting a missed digest slot"},
		{name: "already posted elsewhere", spec: "0 9 * * *", catchUp: time.Hour, now: t0.Add(30 * time.Minute), preClaim: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := morning(tt.catchUp, WhenEmptySpotlight)
			d.Schedule, d.Timezone = tt.spec, "UTC"
			r := newRig(t, storetest.SQLite(t), nil, false, withDigests(d))
			r.clock.Set(tt.now)
			ctx := context.Background()
			if tt.preClaim {
				r.st.Claim(ctx, "morning", t0, "other", time.Minute)
				r.st.MarkPosted(ctx, "morning", t0, "other")
			}
			if err := r.s.Start(ctx); err != nil {
				t.Fatal(err)
			}
			<-r.s.caughtUp
			stopCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			if err := r.s.Stop(stopCtx); err != nil { // waits for the posts the catch-up started
				t.Fatal(err)
			}
			runs, _ := r.st.Runs(ctx, "morning")
			if tt.posted.IsZero() {
				if got := r.slack.all(); len(got) != 0 {
					t.Fatalf("posted %v, want nothing", got)
				}
				if !tt.preClaim && len(runs) != 0 {
					t.Fatalf("runs = %+v, want none", runs)
				}
			} else {
				if got := joined(r.slack.titles("C1")); got != "2 new" {
					t.Fatalf("slack posts = %q, want one digest", got)
				}
				if len(runs) != 1 || !runs[0].Slot.Equal(tt.posted) || runs[0].State != store.StatePosted {
					t.Fatalf("runs = %+v, want one posted at %v", runs, tt.posted)
				}
			}
			if !strings.Contains(r.logs.String(), tt.logged) {
				t.Fatalf("log lacks %q:\n%s", tt.logged, r.logs)
			}
		})
	}
}

// TestCrashBetweenClaimAndPost: a process claimed a slot and died. Nobody
// posts while its lease lasts; after it, a sweep posts the slot once, only
// to the targets not yet delivered.
func TestCrashBetweenClaimAndPost(t *testing.T) {
	bothDBs(t, func(t *testing.T, open storetest.Opener) {
		a := newRig(t, open, nil, false, withDigests(morning(0, WhenEmptySpotlight)))
		b := newRig(t, open, a, false, withDigests(morning(0, WhenEmptySpotlight)))
		ctx := context.Background()
		crashed := open(t, store.WithClock(a.clock.Now))
		crashed.Claim(ctx, "morning", t0, "crashed-host", 30*time.Second)
		crashed.RecordDelivery(ctx, "morning", t0, slackC, store.OutcomePosted, []string{"bbc/1", "bbc/2"})

		a.clock.Set(t0.Add(5 * time.Second))
		a.runSlot(t, "morning", t0, false) // the cron job on a live replica loses the claim
		a.sweep(false)
		b.sweep(false)
		if n := len(a.disc.all()) + len(a.slack.all()); n != 0 {
			t.Fatalf("%d posts while the crashed claim's lease lasts", n)
		}

		a.clock.Set(t0.Add(31 * time.Second))
		var wg sync.WaitGroup
		wg.Go(func() { a.sweep(false) })
		wg.Go(func() { b.sweep(false) })
		wg.Wait()
		a.sweep(false)
		if got := joined(a.disc.titles("D1")); got != "2 new" {
			t.Fatalf("discord posts = %q, want the digest once", got)
		}
		if got := a.slack.all(); len(got) != 0 {
			t.Fatalf("slack was posted again: %v", got)
		}
		run := a.run(t, "morning", t0)
		if run.State != store.StatePosted || run.Attempts != 2 || run.ClaimedBy == "crashed-host" {
			t.Fatalf("run = %+v, want posted by a replica after one takeover", run)
		}
		if !strings.Contains(a.logs.String()+b.logs.String(), "retrying a digest slot whose claim expired") {
			t.Fatal("the takeover was not logged")
		}
	})
}

func TestStaleClaimOutsideRetryWindowIsLeft(t *testing.T) {
	open := storetest.SQLite(t)
	r := newRig(t, open, nil, false, withDigests(morning(0, WhenEmptySpotlight)), func(c *Config) { c.RetryWindow = time.Minute })
	r.st.Claim(context.Background(), "morning", t0, "crashed-host", 30*time.Second)
	r.clock.Set(t0.Add(2 * time.Minute))
	r.sweep(false)
	if n := len(r.slack.all()); n != 0 {
		t.Fatalf("%d posts for a slot past its retry window", n)
	}
}

func TestFailedPostIsRetriedWithBackoff(t *testing.T) {
	r := newRig(t, storetest.SQLite(t), nil, false, withDigests(morning(0, WhenEmptySpotlight)))
	r.slack.failFirst = 2
	r.runSlot(t, "morning", t0, false)
	if got := joined(r.slack.titles("C1")); got != "2 new" || r.slack.calls != 3 {
		t.Fatalf("slack posts = %q after %d calls, want one post on the third", got, r.slack.calls)
	}
	if run := r.run(t, "morning", t0); run.State != store.StatePosted {
		t.Fatalf("run = %+v", run)
	}
	if fails, _ := r.st.FailedPosts(context.Background(), "morning"); len(fails) != 0 {
		t.Fatalf("failed posts = %+v", fails)
	}
}

func TestFailedPostIsRecorded(t *testing.T) {
	r := newRig(t, storetest.SQLite(t), nil, false, withDigests(morning(0, WhenEmptySpotlight)))
	ctx := context.Background()
	r.slack.failFirst = 1000
	r.runSlot(t, "morning", t0, false)
	if r.slack.calls != 3 {
		t.Fatalf("slack was tried %d times, want 3", r.slack.calls)
	}
	if got := joined(r.disc.titles("D1")); got != "2 new" {
		t.Fatalf("discord posts = %q; one target's failure must not stop the others", got)
	}
	run := r.run(t, "morning", t0)
	if run.State != store.StateFailed || !strings.Contains(run.LastError, "upstream said 503") {
		t.Fatalf("run = %+v", run)
	}
	fails, _ := r.st.FailedPosts(ctx, "morning")
	if len(fails) != 1 || fails[0].Target != slackC || fails[0].Attempts != 3 || !fails[0].Slot.Equal(t0) {
		t.Fatalf("failed posts = %+v", fails)
	}
	if posted, failed := r.obs.counts("morning/slack"); posted != 0 || failed != 1 {
		t.Fatalf("observer slack posted %d failed %d", posted, failed)
	}
	// A failed run is not retried, and the documents stay new for the channel.
	r.clock.Add(time.Hour)
	r.sweep(false)
	if r.slack.calls != 3 {
		t.Fatalf("the failed run was retried (%d calls)", r.slack.calls)
	}
	if seen, _ := r.st.Seen(ctx, slackC); len(seen) != 0 {
		t.Fatalf("seen after a failed post = %v", seen)
	}
}

// lostClaimStore is a store on which this process's lease was taken over.
type lostClaimStore struct{ *store.Store }

func (lostClaimStore) Extend(context.Context, string, time.Time, string, time.Duration) (bool, error) {
	return false, nil
}

func TestLostClaimDoesNotPost(t *testing.T) {
	open := storetest.SQLite(t)
	r := newRig(t, open, nil, false, withDigests(morning(0, WhenEmptySpotlight)), func(c *Config) {
		c.Store = lostClaimStore{c.Store.(*store.Store)}
	})
	r.runSlot(t, "morning", t0, false)
	if n := len(r.slack.all()) + len(r.disc.all()); n != 0 {
		t.Fatalf("%d posts after losing the claim", n)
	}
	if run := r.run(t, "morning", t0); run.State != store.StateClaimed {
		t.Fatalf("run = %+v, want it left to the new holder", run)
	}
}

func TestNoEngineIsAFailure(t *testing.T) {
	r := newRig(t, storetest.SQLite(t), nil, false, withDigests(morning(0, WhenEmptySpotlight)), func(c *Config) {
		c.Engine = func() Engine { return nil }
	})
	r.runSlot(t, "morning", t0, false)
	if run := r.run(t, "morning", t0); run.State != store.StateFailed || !strings.Contains(run.LastError, "no corpus") {
		t.Fatalf("run = %+v", run)
	}
	if _, err := r.s.Preview(context.Background(), "slack", "C1"); err == nil {
		t.Fatal("Preview without an engine succeeded")
	}
}

func TestPreview(t *testing.T) {
	r := newRig(t, storetest.SQLite(t), nil, false)
	ctx := context.Background()
	rep, err := r.s.Preview(ctx, "slack", "C9")
	if err != nil || rep.Title != "2 new" {
		t.Fatalf("Preview = %+v, %v", rep, err)
	}
	if seen, _ := r.st.Seen(ctx, Target{Platform: "slack", Channel: "C9"}); len(seen) != 0 {
		t.Fatalf("Preview marked documents seen: %v", seen)
	}
	r.st.MarkSeen(ctx, Target{Platform: "slack", Channel: "C9"}, []string{"bbc/1", "bbc/2"})
	if rep, _ := r.s.Preview(ctx, "slack", "C9"); rep.Title != "Spotlight" {
		t.Fatalf("Preview with nothing new = %+v", rep)
	}
}

func TestNewRejectsBadDigests(t *testing.T) {
	ok := morning(0, "")
	tests := []struct {
		name   string
		mutate func(*Digest)
		want   string
	}{
		{"bad spec", func(d *Digest) { d.Schedule = "61 * * * *" }, `digest "morning": schedule`},
		{"bad zone", func(d *Digest) { d.Timezone = "Europe/Atlantis" }, "unknown time zone"},
		{"unknown platform", func(d *Digest) { d.Targets = []Target{{Platform: "irc", Channel: "#x"}} }, `platform "irc" is not running`},
		{"no targets", func(d *Digest) { d.Targets = nil }, "no targets"},
		{"no channel", func(d *Digest) { d.Targets = []Target{{Platform: "slack"}} }, "has no channel"},
		{"bad when_empty", func(d *Digest) { d.WhenEmpty = "shout" }, "when_empty"},
		{"negative catch-up", func(d *Digest) { d.CatchUp = -time.Second }, "catch_up"},
		{"no id", func(d *Digest) { d.ID = "" }, "no id"},
	}
	base := Config{Store: &store.Store{}, Engine: func() Engine { return nil }, Platforms: map[string]Poster{"slack": &fakePoster{}, "discord": &fakePoster{}}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ok
			d.Targets = append([]Target(nil), ok.Targets...)
			tt.mutate(&d)
			cfg := base
			cfg.Digests = []Digest{d}
			_, err := New(cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New error = %v, want %q", err, tt.want)
			}
		})
	}
	cfg := base
	cfg.Digests = []Digest{ok, ok}
	if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "defined twice") {
		t.Fatalf("duplicate ids: %v", err)
	}
	if _, err := New(Config{}); err == nil {
		t.Fatal("New without a store succeeded")
	}
}

var idPattern = regexp.MustCompile(`^d-[a-z2-7]{6}$`)

func TestSubscriptions(t *testing.T) {
	open := storetest.SQLite(t)
	minGap := func(c *Config) { c.MaxSubscriptionsPerChannel = 3 }
	a := newRig(t, open, nil, false, withDigests(morning(0, WhenEmptySpotlight)), minGap)
	b := newRig(t, open, a, false, withDigests(morning(0, WhenEmptySpotlight)), minGap)
	ctx := context.Background()
	a.clock.Set(t0.Add(time.Minute))
	for _, r := range []*rig{a, b} {
		if err := r.s.Start(ctx); err != nil {
			t.Fatal(err)
		}
		<-r.s.caughtUp
	}

	t.Run("bad input is a user error", func(t *testing.T) {
		for _, sub := range []bot.Subscription{
			{Platform: "slack", Channel: "C1", Schedule: "every morning"},
			{Platform: "slack", Channel: "C1", Schedule: "0 9 * * *", Timezone: "Mars/Base"},
			{Platform: "slack", Channel: "C1", Schedule: "* * * * * *"},
			{Platform: "slack", Channel: "C1", Schedule: "@every 5s"},
			{Platform: "slack", Channel: "C1", Schedule: "0 9 * * *", WhenEmpty: "shout"},
			{Platform: "irc", Channel: "#news", Schedule: "0 9 * * *"},
		} {
			_, err := a.s.Subscribe(ctx, sub)
			var ue *bot.UserError
			if !errors.As(err, &ue) || ue.Msg == "" {
				t.Errorf("Subscribe(%+v) = %v, want a *bot.UserError", sub, err)
			}
		}
		if subs, _ := a.st.Subscriptions(ctx); len(subs) != 0 {
			t.Fatalf("bad subscriptions were stored: %+v", subs)
		}
	})

	sub, err := a.s.Subscribe(ctx, bot.Subscription{Platform: "slack", Channel: "C1", Schedule: " 0 9 * * 1 ", CreatedBy: "U1"})
	if err != nil {
		t.Fatal(err)
	}
	if !idPattern.MatchString(sub.ID) || sub.Timezone != "UTC" || sub.WhenEmpty != "spotlight" || sub.Schedule != "0 9 * * 1" || !sub.Created.Equal(a.clock.Now()) {
		t.Fatalf("Subscribe = %+v", sub)
	}
	if want := nextMonday9(a.clock.Now()); !sub.Next.Equal(want) || sub.Next.Location().String() != "UTC" {
		t.Fatalf("Subscribe says the next run is %v, want %v", sub.Next, want)
	}
	if !strings.Contains(joined(a.s.Scheduled()), sub.ID) {
		t.Fatalf("not scheduled at once: %v", a.s.Scheduled())
	}

	t.Run("list shows config and chat digests", func(t *testing.T) {
		list, err := b.s.List(ctx, "slack", "C1")
		if err != nil || len(list) != 2 {
			t.Fatalf("List = %+v, %v", list, err)
		}
		if list[0].ID != "morning" || !list[0].FromConfig || list[0].Timezone != "Europe/London" ||
			list[1].ID != sub.ID || list[1].FromConfig || list[1].CreatedBy != "U1" {
			t.Fatalf("List = %+v", list)
		}
		if other, _ := b.s.List(ctx, "slack", "C2"); len(other) != 0 {
			t.Fatalf("List(C2) = %+v", other)
		}
	})

	t.Run("another replica picks it up", func(t *testing.T) {
		if strings.Contains(joined(b.s.Scheduled()), sub.ID) {
			t.Fatal("scheduled on b before a poll")
		}
		if err := b.s.reconcile(ctx); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(joined(b.s.Scheduled()), sub.ID) {
			t.Fatalf("b did not pick up %s: %v", sub.ID, b.s.Scheduled())
		}
	})

	t.Run("unsubscribe", func(t *testing.T) {
		var ue *bot.UserError
		if err := a.s.Unsubscribe(ctx, "slack", "C1", "morning"); !errors.As(err, &ue) || !strings.Contains(ue.Msg, "config file") {
			t.Fatalf("Unsubscribe(config digest) = %v", err)
		}
		if err := a.s.Unsubscribe(ctx, "slack", "C2", sub.ID); !errors.Is(err, bot.ErrNoSubscription) {
			t.Fatalf("Unsubscribe from another channel = %v", err)
		}
		if err := a.s.Unsubscribe(ctx, "slack", "C1", "d-nope00"); !errors.Is(err, bot.ErrNoSubscription) {
			t.Fatalf("Unsubscribe(unknown) = %v", err)
		}
		if err := a.s.Unsubscribe(ctx, "slack", "C1", " "+sub.ID+" "); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(joined(a.s.Scheduled()), sub.ID) {
			t.Fatal("still scheduled after Unsubscribe")
		}
		// b has not polled yet: its timer fires, but the digest is gone, so nothing is posted.
		b.runSlot(t, sub.ID, t0.Add(7*24*time.Hour), false)
		if n := len(b.slack.all()); n != 0 {
			t.Fatalf("%d posts for an unsubscribed digest: %+v", n, b.slack.all())
		}
		if strings.Contains(joined(b.s.Scheduled()), sub.ID) {
			t.Fatal("b kept an unsubscribed digest scheduled")
		}
		if err := a.s.Unsubscribe(ctx, "slack", "C1", sub.ID); !errors.Is(err, bot.ErrNoSubscription) {
			t.Fatalf("second Unsubscribe = %v", err)
		}
	})

	t.Run("removal elsewhere is picked up by polling", func(t *testing.T) {
		s2, err := a.s.Subscribe(ctx, bot.Subscription{Platform: "discord", Channel: "D1", Schedule: "@daily", Timezone: "Asia/Tokyo"})
		if err != nil {
			t.Fatal(err)
		}
		b.s.reconcile(ctx)
		if err := a.st.DeleteSubscription(ctx, discC, s2.ID); err != nil {
			t.Fatal(err)
		}
		b.s.reconcile(ctx)
		if strings.Contains(joined(b.s.Scheduled()), s2.ID) {
			t.Fatal("b kept a digest removed elsewhere")
		}
	})

	t.Run("per-channel cap", func(t *testing.T) {
		for i, tz := range []string{"UTC", "Europe/Paris", "Asia/Tokyo"} {
			if _, err := a.s.Subscribe(ctx, bot.Subscription{Platform: "slack", Channel: "C7", Schedule: "@hourly", Timezone: tz}); err != nil {
				t.Fatalf("subscription %d: %v", i, err)
			}
		}
		// The same request again is no new subscription, even at the cap.
		if _, err := a.s.Subscribe(ctx, bot.Subscription{Platform: "slack", Channel: "C7", Schedule: "@hourly"}); !errors.Is(err, bot.ErrAlreadySubscribed) {
			t.Fatalf("repeated subscription at the cap = %v, want ErrAlreadySubscribed", err)
		}
		_, err := a.s.Subscribe(ctx, bot.Subscription{Platform: "slack", Channel: "C7", Schedule: "@hourly", Timezone: "Europe/Berlin"})
		var ue *bot.UserError
		if !errors.As(err, &ue) {
			t.Fatalf("fourth subscription = %v, want a user error", err)
		}
	})
}

// TestSubscribeIsIdempotent subscribes a channel to the same schedule again
// (a replayed or double-submitted request), then from two replicas at
// once: one subscription is stored and scheduled, and every repeat is told
// its id.
func TestSubscribeIsIdempotent(t *testing.T) {
	bothDBs(t, func(t *testing.T, open storetest.Opener) {
		a := newRig(t, open, nil, false)
		b := newRig(t, open, a, false)
		ctx := context.Background()
		req := bot.Subscription{Platform: "slack", Channel: "C9", Schedule: "0 9 * * *", Timezone: "Europe/London", CreatedBy: "U1"}
		first, err := a.s.Subscribe(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		for _, again := range []bot.Subscription{req, {Platform: "slack", Channel: "C9", Schedule: " 0  9 * * * ", Timezone: "Europe/London", CreatedBy: "U2"}} {
			got, err := b.s.Subscribe(ctx, again)
			if !errors.Is(err, bot.ErrAlreadySubscribed) || got.ID != first.ID {
				t.Fatalf("Subscribe again = %+v, %v; want %s and ErrAlreadySubscribed", got, err, first.ID)
			}
		}

		race := bot.Subscription{Platform: "discord", Channel: "D9", Schedule: "@daily", Timezone: "UTC"}
		var wg sync.WaitGroup
		got := make([]bot.Subscription, 2)
		errs := make([]error, 2)
		for i, r := range []*rig{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i], errs[i] = r.s.Subscribe(ctx, race)
			}()
		}
		wg.Wait()
		created := 0
		for i := range errs {
			switch {
			case errs[i] == nil:
				created++
			case !errors.Is(errs[i], bot.ErrAlreadySubscribed):
				t.Fatalf("replica %d: %v", i, errs[i])
			}
		}
		if created != 1 || got[0].ID != got[1].ID {
			t.Fatalf("two replicas at once: %d created, ids %s and %s", created, got[0].ID, got[1].ID)
		}
		for _, target := range []Target{{Platform: "slack", Channel: "C9"}, {Platform: "discord", Channel: "D9"}} {
			if subs, err := a.st.ChannelSubscriptions(ctx, target); err != nil || len(subs) != 1 {
				t.Fatalf("%v has %d subscriptions (%v), want 1", target, len(subs), err)
			}
		}
	})
}

// TestRealSchedule runs two schedulers on one store with a real clock and
// an every-second digest for about three seconds: each slot is posted
// exactly once to each target. A chat subscription made on one replica
// starts posting without a restart, and stops when removed on the other.
func TestRealSchedule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for seconds")
	}
	bothDBs(t, func(t *testing.T, open storetest.Opener) {
		t.Parallel()
		every := Digest{ID: "tick", Schedule: "*/1 * * * * *", Targets: []Target{slackC, discC}, WhenEmpty: WhenEmptySpotlight}
		fast := func(c *Config) { c.MinSubscriptionInterval = time.Second; c.PollInterval = 200 * time.Millisecond }
		a := newRig(t, open, nil, true, withDigests(every), fast)
		b := newRig(t, open, a, true, withDigests(every), fast)
		ctx := context.Background()
		began := time.Now()
		for _, r := range []*rig{a, b} {
			if err := r.s.Start(ctx); err != nil {
				t.Fatal(err)
			}
		}
		sub, err := a.s.Subscribe(ctx, bot.Subscription{Platform: "slack", Channel: "C2", Schedule: "* * * * * *"})
		if err != nil {
			t.Fatal(err)
		}
		eventually(t, 10*time.Second, "posts from the new subscription", func() bool { return len(a.slack.titles("C2")) >= 2 })
		if err := b.s.Unsubscribe(ctx, "slack", "C2", sub.ID); err != nil {
			t.Fatal(err)
		}
		unsubscribed := time.Now()
		time.Sleep(10 * time.Millisecond) // a run that already passed its check may finish
		afterStop := len(a.slack.titles("C2"))
		// Run for about 3 s, longer on a loaded machine until three slots are posted.
		eventually(t, 15*time.Second, "three slots", func() bool {
			return time.Since(began) > 3200*time.Millisecond && time.Since(unsubscribed) > time.Second && len(a.slack.titles("C1")) >= 3
		})
		for _, r := range []*rig{a, b} {
			stopCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
			if err := r.s.Stop(stopCtx); err != nil {
				t.Fatal(err)
			}
			cancel()
		}
		if got := len(a.slack.titles("C2")); got > afterStop+1 {
			t.Fatalf("C2 got %d posts after unsubscribing (had %d)", got, afterStop)
		}

		runs, err := a.st.Runs(ctx, "tick")
		if err != nil {
			t.Fatal(err)
		}
		seenSlot := map[time.Time]bool{}
		for _, run := range runs {
			if run.State != store.StatePosted || run.Attempts != 1 || seenSlot[run.Slot] || run.Slot.Nanosecond() != 0 {
				t.Fatalf("run %+v: want each second posted once after one claim", run)
			}
			seenSlot[run.Slot] = true
		}
		if len(runs) < 3 {
			t.Fatalf("%d slots in about 3 s, want at least 3", len(runs))
		}
		if n := len(a.slack.titles("C1")); n != len(runs) {
			t.Fatalf("slack C1 got %d posts for %d slots", n, len(runs))
		}
		if n := len(a.disc.titles("D1")); n != len(runs) {
			t.Fatalf("discord D1 got %d posts for %d slots", n, len(runs))
		}
		claimedBy := map[string]int{}
		for _, run := range runs {
			claimedBy[run.ClaimedBy]++
		}
		t.Logf("%d slots; claims per replica: %v", len(runs), claimedBy)
	})
}

func TestStopIsBounded(t *testing.T) {
	every := Digest{ID: "tick", Schedule: "* * * * * *", Targets: []Target{slackC}, WhenEmpty: WhenEmptySpotlight}
	r := newRig(t, storetest.SQLite(t), nil, true, withDigests(every))
	r.slack.block = true
	if err := r.s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	eventually(t, 3*time.Second, "a post to start", func() bool {
		r.slack.mu.Lock()
		defer r.slack.mu.Unlock()
		return r.slack.calls > 0
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := r.s.Stop(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Stop = %v, want the deadline", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Fatalf("Stop took %v", took)
	}
	runs, _ := r.st.Runs(context.Background(), "tick")
	if len(runs) == 0 || runs[0].State == store.StatePosted {
		t.Fatalf("runs = %+v, want the interrupted slot left claimed or failed", runs)
	}
}

type namedPoster struct {
	fakePoster
	name string
}

func (p *namedPoster) Name() string                  { return p.name }
func (p *namedPoster) Run(ctx context.Context) error { <-ctx.Done(); return nil }

func TestPosters(t *testing.T) {
	s, d := &namedPoster{name: "slack"}, &namedPoster{name: "discord"}
	m := Posters(s, d)
	if len(m) != 2 || m["slack"] != Poster(s) || m["discord"] != Poster(d) {
		t.Fatalf("Posters = %v", m)
	}
}

// nextMonday9 is the first Monday 09:00 UTC after t.
func nextMonday9(t time.Time) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 9, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Monday || !d.After(t) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}
