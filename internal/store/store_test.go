package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
)

func TestSQLite(t *testing.T) { testStore(t, storetest.SQLite) }

func TestPostgres(t *testing.T) {
	storetest.RequirePostgres(t)
	testStore(t, storetest.Postgres)
}

func TestOpenUnknownDriver(t *testing.T) {
	_, err := store.Open(context.Background(), "mysql", "x")
	if err == nil {
		t.Fatal("Open(mysql) succeeded")
	}
}

// clock is a settable clock shared by several store handles.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// testStore is the conformance suite every database runs. newDB returns an
// opener for a fresh database; each call of the opener is another handle
// (another process) on that database.
func testStore(t *testing.T, newDB func(testing.TB) storetest.Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open storetest.Opener)
	}{
		{"Migrations", testMigrations},
		{"ConcurrentOpen", testConcurrentOpen},
		{"Claim", testClaim},
		{"ClaimTakeover", testClaimTakeover},
		{"Extend", testExtend},
		{"ClaimRace", testClaimRace},
		{"StaleClaims", testStaleClaims},
		{"SeenAndDeliveries", testSeenAndDeliveries},
		{"FailedPosts", testFailedPosts},
		{"Subscriptions", testSubscriptions},
		{"SavedReplies", testSavedReplies},
		{"Feedback", testFeedback},
		{"FeedbackFixed", testFeedbackFixed},
		{"Conversations", testConversations},
		{"Spotlights", testSpotlights},
		{"SubscriptionDuplicates", testSubscriptionDuplicates},
		{"SubscriptionRace", testSubscriptionRace},
		{"ExtractionCache", testExtractionCache},
		{"ExtractionCacheRace", testExtractionCacheRace},
		{"ExtractionCacheEngine", testExtractionCacheEngine},
		{"ExtractionCachePrune", testExtractionCachePrune},
		{"ExtractionCachePruneEngine", testExtractionCachePruneEngine},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, newDB(t)) })
	}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

func testMigrations(t *testing.T, open storetest.Opener) {
	a := open(t)
	if err := a.Ping(ctx(t)); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	// A second open finds the schema in place and applies nothing twice.
	b := open(t)
	if err := b.AddSubscription(ctx(t), store.Subscription{ID: "d-1", Platform: "slack", Channel: "C1", Schedule: "@daily", Timezone: "UTC", WhenEmpty: "skip"}); err != nil {
		t.Fatalf("AddSubscription after reopen: %v", err)
	}
	c := open(t)
	subs, err := c.Subscriptions(ctx(t))
	if err != nil || len(subs) != 1 {
		t.Fatalf("Subscriptions after third open = %v, %v; want the one added", subs, err)
	}
}

func testConcurrentOpen(t *testing.T, open storetest.Opener) {
	const n = 4
	var wg sync.WaitGroup
	stores := make([]*store.Store, n)
	for i := range n {
		wg.Go(func() { stores[i] = open(t) })
	}
	wg.Wait()
	for i, s := range stores {
		if s == nil {
			t.Fatalf("open %d failed", i)
		}
		if _, err := s.Subscriptions(ctx(t)); err != nil {
			t.Fatalf("store %d: %v", i, err)
		}
	}
}

var slot = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func testClaim(t *testing.T, open storetest.Opener) {
	clk := newClock()
	s := open(t, store.WithClock(clk.Now))
	c := ctx(t)

	if _, err := s.Run(c, "morning", slot); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Run before claim: err = %v, want ErrNotFound", err)
	}
	got, err := s.Claim(c, "morning", slot, "a", 30*time.Second)
	if err != nil || !got {
		t.Fatalf("first Claim = %v, %v; want true", got, err)
	}
	if got, _ := s.Claim(c, "morning", slot, "b", 30*time.Second); got {
		t.Fatal("second Claim of a live claim succeeded")
	}
	if got, _ := s.Claim(c, "morning", slot, "a", 30*time.Second); got {
		t.Fatal("the holder re-claimed its own live claim")
	}
	if got, _ := s.Claim(c, "morning", slot.Add(time.Minute), "b", 30*time.Second); !got {
		t.Fatal("Claim of another slot failed")
	}
	if got, _ := s.Claim(c, "evening", slot, "b", 30*time.Second); !got {
		t.Fatal("Claim of another digest's slot failed")
	}
	run, err := s.Run(c, "morning", slot)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Run{DigestID: "morning", Slot: slot, State: store.StateClaimed, ClaimedBy: "a",
		ClaimedAt: clk.Now(), LeaseUntil: clk.Now().Add(30 * time.Second), Attempts: 1}
	if run != want {
		t.Fatalf("Run = %+v\nwant  %+v", run, want)
	}

	if err := s.MarkPosted(c, "morning", slot, "b"); !errors.Is(err, store.ErrNotClaimed) {
		t.Fatalf("MarkPosted by a non-holder: err = %v, want ErrNotClaimed", err)
	}
	clk.Add(time.Second)
	if err := s.MarkPosted(c, "morning", slot, "a"); err != nil {
		t.Fatalf("MarkPosted: %v", err)
	}
	run, _ = s.Run(c, "morning", slot)
	if run.State != store.StatePosted || !run.FinishedAt.Equal(clk.Now()) {
		t.Fatalf("after MarkPosted: %+v", run)
	}
	if err := s.MarkPosted(c, "morning", slot, "a"); !errors.Is(err, store.ErrNotClaimed) {
		t.Fatalf("second MarkPosted: err = %v, want ErrNotClaimed", err)
	}
	// A posted slot is never claimed again, even long after its lease.
	clk.Add(time.Hour)
	if got, _ := s.Claim(c, "morning", slot, "b", 30*time.Second); got {
		t.Fatal("Claim of a posted slot succeeded")
	}
	if got, _ := s.Reclaim(c, "morning", slot, "b", 30*time.Second); got {
		t.Fatal("Reclaim of a posted slot succeeded")
	}

	// A failed slot is recorded and not retried.
	if err := s.MarkFailed(c, "evening", slot, "b", "slack: channel_not_found"); err != nil {
		t.Fatalf("MarkFailed: %v", err)
	}
	run, _ = s.Run(c, "evening", slot)
	if run.State != store.StateFailed || run.LastError != "slack: channel_not_found" {
		t.Fatalf("after MarkFailed: %+v", run)
	}
	if got, _ := s.Claim(c, "evening", slot, "a", 30*time.Second); got {
		t.Fatal("Claim of a failed slot succeeded")
	}
	runs, err := s.Runs(c, "morning")
	if err != nil || len(runs) != 2 || !runs[0].Slot.Equal(slot) {
		t.Fatalf("Runs = %+v, %v", runs, err)
	}
}

func testClaimTakeover(t *testing.T, open storetest.Opener) {
	clk := newClock()
	a := open(t, store.WithClock(clk.Now))
	b := open(t, store.WithClock(clk.Now))
	c := ctx(t)

	if got, _ := b.Reclaim(c, "morning", slot, "b", 30*time.Second); got {
		t.Fatal("Reclaim created a claim")
	}
	if got, _ := a.Claim(c, "morning", slot, "a", 30*time.Second); !got {
		t.Fatal("Claim failed")
	}
	// "a" crashes before posting. Until its lease ends, nobody takes over.
	clk.Add(30 * time.Second)
	if got, _ := b.Claim(c, "morning", slot, "b", 30*time.Second); got {
		t.Fatal("Claim took over at the lease's last instant")
	}
	if got, _ := b.Reclaim(c, "morning", slot, "b", 30*time.Second); got {
		t.Fatal("Reclaim took over at the lease's last instant")
	}
	clk.Add(time.Millisecond)
	if got, err := b.Claim(c, "morning", slot, "b", 30*time.Second); err != nil || !got {
		t.Fatalf("Claim of an expired claim = %v, %v; want true", got, err)
	}
	run, _ := b.Run(c, "morning", slot)
	if run.ClaimedBy != "b" || run.Attempts != 2 || run.State != store.StateClaimed {
		t.Fatalf("after takeover: %+v", run)
	}
	// The old holder lost the claim: it may neither extend nor finish it.
	if ok, _ := a.Extend(c, "morning", slot, "a", 30*time.Second); ok {
		t.Fatal("old holder extended a claim it lost")
	}
	if err := a.MarkPosted(c, "morning", slot, "a"); !errors.Is(err, store.ErrNotClaimed) {
		t.Fatalf("old holder MarkPosted: err = %v, want ErrNotClaimed", err)
	}
	// Reclaim takes over an expired claim too.
	clk.Add(31 * time.Second)
	if got, err := a.Reclaim(c, "morning", slot, "a", 30*time.Second); err != nil || !got {
		t.Fatalf("Reclaim of an expired claim = %v, %v; want true", got, err)
	}
	if err := a.MarkPosted(c, "morning", slot, "a"); err != nil {
		t.Fatalf("MarkPosted after Reclaim: %v", err)
	}
}

func testExtend(t *testing.T, open storetest.Opener) {
	clk := newClock()
	s := open(t, store.WithClock(clk.Now))
	c := ctx(t)
	if ok, _ := s.Extend(c, "morning", slot, "a", time.Minute); ok {
		t.Fatal("Extend of an unclaimed slot succeeded")
	}
	s.Claim(c, "morning", slot, "a", 30*time.Second)
	clk.Add(25 * time.Second)
	if ok, err := s.Extend(c, "morning", slot, "a", 30*time.Second); err != nil || !ok {
		t.Fatalf("Extend = %v, %v", ok, err)
	}
	clk.Add(25 * time.Second) // past the first lease, within the extended one
	if got, _ := s.Claim(c, "morning", slot, "b", 30*time.Second); got {
		t.Fatal("Claim took over an extended lease")
	}
	run, _ := s.Run(c, "morning", slot)
	if want := slot.Add(55 * time.Second); !run.LeaseUntil.Equal(want) {
		t.Fatalf("LeaseUntil = %v, want %v", run.LeaseUntil, want)
	}
	if ok, _ := s.Extend(c, "morning", slot, "b", time.Minute); ok {
		t.Fatal("a non-holder extended the lease")
	}
}

// testClaimRace has many goroutines over two handles claim the same slots
// at once: each slot has exactly one winner.
func testClaimRace(t *testing.T, open storetest.Opener) {
	clk := newClock()
	handles := []*store.Store{open(t, store.WithClock(clk.Now)), open(t, store.WithClock(clk.Now))}
	c := ctx(t)
	const slots, racers = 5, 12
	for i := range slots {
		at := slot.Add(time.Duration(i) * time.Second)
		var wins atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for r := range racers {
			wg.Go(func() {
				<-start
				got, err := handles[r%2].Claim(c, "race", at, fmt.Sprintf("owner-%d", r), 30*time.Second)
				if err != nil {
					t.Errorf("Claim: %v", err)
				}
				if got {
					wins.Add(1)
				}
			})
		}
		close(start)
		wg.Wait()
		if n := wins.Load(); n != 1 {
			t.Fatalf("slot %d: %d winners, want 1", i, n)
		}
	}
	// Racing takeovers of one expired claim also have one winner.
	clk.Add(time.Minute)
	var wins atomic.Int32
	var wg sync.WaitGroup
	for r := range racers {
		wg.Go(func() {
			got, err := handles[r%2].Claim(c, "race", slot, fmt.Sprintf("taker-%d", r), 30*time.Second)
			if err != nil {
				t.Errorf("Claim: %v", err)
			}
			if got {
				wins.Add(1)
			}
		})
	}
	wg.Wait()
	if n := wins.Load(); n != 1 {
		t.Fatalf("takeover: %d winners, want 1", n)
	}
}

func testStaleClaims(t *testing.T, open storetest.Opener) {
	clk := newClock()
	s := open(t, store.WithClock(clk.Now))
	c := ctx(t)
	old := slot.Add(-2 * time.Hour)
	s.Claim(c, "d", old, "a", 30*time.Second)              // stale, but before the window
	s.Claim(c, "d", slot, "a", 30*time.Second)             // will be stale
	s.Claim(c, "d", slot.Add(time.Second), "a", time.Hour) // live
	s.Claim(c, "e", slot, "a", 30*time.Second)
	s.MarkPosted(c, "e", slot, "a") // finished
	clk.Add(time.Minute)
	runs, err := s.StaleClaims(c, slot.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0].DigestID != "d" || !runs[0].Slot.Equal(slot) {
		t.Fatalf("StaleClaims = %+v, want only d at %v", runs, slot)
	}
}

func testSeenAndDeliveries(t *testing.T, open storetest.Opener) {
	s := open(t)
	c := ctx(t)
	slack := store.Target{Platform: "slack", Channel: "C1"}
	discord := store.Target{Platform: "discord", Channel: "C1"}

	seen, err := s.Seen(c, slack)
	if err != nil || len(seen) != 0 {
		t.Fatalf("Seen of a new target = %v, %v", seen, err)
	}
	if err := s.MarkSeen(c, slack, []string{"bbc/1", "bbc/2"}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSeen(c, slack, []string{"bbc/2"}); err != nil { // idempotent
		t.Fatal(err)
	}
	if ok, _ := s.Delivered(c, "d", slot, slack); ok {
		t.Fatal("Delivered before any delivery")
	}
	if err := s.RecordDelivery(c, "d", slot, slack, store.OutcomePosted, []string{"bbc/3"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordDelivery(c, "d", slot, slack, store.OutcomePosted, []string{"bbc/3"}); err != nil {
		t.Fatalf("repeated RecordDelivery: %v", err)
	}
	if err := s.RecordDelivery(c, "d", slot, discord, store.OutcomeEmpty, nil); err != nil {
		t.Fatal(err)
	}
	seen, _ = s.Seen(c, slack)
	if len(seen) != 3 || !seen["bbc/1"] || !seen["bbc/2"] || !seen["bbc/3"] {
		t.Fatalf("Seen(slack) = %v", seen)
	}
	if seen, _ := s.Seen(c, discord); len(seen) != 0 {
		t.Fatalf("Seen(discord) = %v; targets must not share seen documents", seen)
	}
	for _, tc := range []struct {
		target store.Target
		slot   time.Time
		want   bool
	}{
		{slack, slot, true},
		{discord, slot, true},
		{slack, slot.Add(time.Second), false},
		{store.Target{Platform: "slack", Channel: "C2"}, slot, false},
	} {
		if got, err := s.Delivered(c, "d", tc.slot, tc.target); err != nil || got != tc.want {
			t.Errorf("Delivered(%v, %v) = %v, %v; want %v", tc.target, tc.slot, got, err, tc.want)
		}
	}
}

func testFailedPosts(t *testing.T, open storetest.Opener) {
	clk := newClock()
	s := open(t, store.WithClock(clk.Now))
	c := ctx(t)
	tgt := store.Target{Platform: "slack", Channel: "C1"}
	for i, msg := range []string{"rate limited", "channel_not_found"} {
		if err := s.RecordFailure(c, store.FailedPost{DigestID: "d", Slot: slot.Add(time.Duration(i) * time.Minute), Target: tgt, Error: msg, Attempts: 3}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.FailedPosts(c, "d")
	if err != nil || len(got) != 2 {
		t.Fatalf("FailedPosts = %+v, %v", got, err)
	}
	if got[0].Error != "rate limited" || got[1].Error != "channel_not_found" || got[0].Target != tgt ||
		got[0].Attempts != 3 || !got[1].Slot.Equal(slot.Add(time.Minute)) || !got[0].FailedAt.Equal(clk.Now()) || got[0].ID >= got[1].ID {
		t.Fatalf("FailedPosts = %+v", got)
	}
	if other, _ := s.FailedPosts(c, "other"); len(other) != 0 {
		t.Fatalf("FailedPosts(other) = %+v", other)
	}
}

func testSubscriptions(t *testing.T, open storetest.Opener) {
	s := open(t)
	c := ctx(t)
	c1 := store.Target{Platform: "slack", Channel: "C1"}
	created := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	a := store.Subscription{ID: "d-aaaaaa", Platform: "slack", Channel: "C1", Schedule: "0 9 * * 1-5",
		Timezone: "Europe/London", WhenEmpty: "spotlight", CreatedBy: "U1", CreatedAt: created}
	b := store.Subscription{ID: "d-bbbbbb", Platform: "discord", Channel: "42", Schedule: "@daily",
		Timezone: "UTC", WhenEmpty: "skip", CreatedAt: created.Add(time.Hour)}
	for _, sub := range []store.Subscription{a, b} {
		if err := s.AddSubscription(c, sub); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddSubscription(c, a); !errors.Is(err, store.ErrExists) {
		t.Fatalf("duplicate AddSubscription: err = %v, want ErrExists", err)
	}
	got, err := s.Subscription(c, "d-aaaaaa")
	if err != nil || got != a {
		t.Fatalf("Subscription = %+v, %v\nwant %+v", got, err, a)
	}
	if _, err := s.Subscription(c, "d-zzzzzz"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown Subscription: err = %v", err)
	}
	all, err := s.Subscriptions(c)
	if err != nil || len(all) != 2 || all[0] != a || all[1] != b {
		t.Fatalf("Subscriptions = %+v, %v", all, err)
	}
	mine, err := s.ChannelSubscriptions(c, c1)
	if err != nil || len(mine) != 1 || mine[0] != a {
		t.Fatalf("ChannelSubscriptions = %+v, %v", mine, err)
	}
	// Another channel cannot delete it.
	if err := s.DeleteSubscription(c, store.Target{Platform: "slack", Channel: "C2"}, a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("delete from another channel: err = %v, want ErrNotFound", err)
	}
	if err := s.DeleteSubscription(c, c1, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSubscription(c, c1, a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second delete: err = %v, want ErrNotFound", err)
	}
	all, _ = s.Subscriptions(c)
	if len(all) != 1 || all[0] != b {
		t.Fatalf("after delete: %+v", all)
	}
}

func testSubscriptionDuplicates(t *testing.T, open storetest.Opener) {
	s := open(t)
	c := ctx(t)
	a := store.Subscription{ID: "d-aaaaaa", Platform: "slack", Channel: "C1", Schedule: "0 9 * * *",
		Timezone: "Europe/London", WhenEmpty: "spotlight", CreatedBy: "U1", CreatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	if err := s.AddSubscription(c, a); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		sub     store.Subscription
		wantDup bool
	}{
		{"same schedule and zone, new id", store.Subscription{ID: "d-bbbbbb", Platform: "slack", Channel: "C1", Schedule: "0 9 * * *", Timezone: "Europe/London", WhenEmpty: "skip"}, true},
		{"another zone", store.Subscription{ID: "d-cccccc", Platform: "slack", Channel: "C1", Schedule: "0 9 * * *", Timezone: "UTC", WhenEmpty: "skip"}, false},
		{"another channel", store.Subscription{ID: "d-dddddd", Platform: "slack", Channel: "C2", Schedule: "0 9 * * *", Timezone: "Europe/London", WhenEmpty: "skip"}, false},
		{"another platform", store.Subscription{ID: "d-eeeeee", Platform: "discord", Channel: "C1", Schedule: "0 9 * * *", Timezone: "Europe/London", WhenEmpty: "skip"}, false},
		{"another schedule", store.Subscription{ID: "d-ffffff", Platform: "slack", Channel: "C1", Schedule: "0 10 * * *", Timezone: "Europe/London", WhenEmpty: "skip"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.AddSubscription(c, tt.sub)
			var dup *store.DuplicateError
			if !tt.wantDup {
				if err != nil {
					t.Fatalf("AddSubscription = %v, want nil", err)
				}
				return
			}
			if !errors.As(err, &dup) || !errors.Is(err, store.ErrDuplicate) || dup.Existing != a {
				t.Fatalf("AddSubscription = %v, want a DuplicateError naming %+v", err, a)
			}
		})
	}
	if _, err := s.Subscription(c, "d-bbbbbb"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the duplicate was stored: %v", err)
	}
}

// testSubscriptionRace has several processes subscribe one channel to the
// same schedule at once, as replicas receiving a replayed request do: one
// row is stored, and every other caller is told which one.
func testSubscriptionRace(t *testing.T, open storetest.Opener) {
	const n = 6
	stores := make([]*store.Store, n)
	for i := range stores {
		stores[i] = open(t)
	}
	c := ctx(t)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range stores {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			errs[i] = stores[i].AddSubscription(c, store.Subscription{ID: fmt.Sprintf("d-race%02d", i), Platform: "discord",
				Channel: "42", Schedule: "@daily", Timezone: "UTC", WhenEmpty: "spotlight"})
		}(i)
	}
	close(start)
	wg.Wait()
	subs, err := stores[0].ChannelSubscriptions(c, store.Target{Platform: "discord", Channel: "42"})
	if err != nil || len(subs) != 1 {
		t.Fatalf("ChannelSubscriptions = %+v, %v; want exactly one", subs, err)
	}
	created := 0
	for i, err := range errs {
		var dup *store.DuplicateError
		switch {
		case err == nil:
			created++
		case errors.As(err, &dup):
			if dup.Existing.ID != subs[0].ID {
				t.Errorf("caller %d told of %s, stored is %s", i, dup.Existing.ID, subs[0].ID)
			}
		default:
			t.Errorf("caller %d: %v", i, err)
		}
	}
	if created != 1 {
		t.Fatalf("%d callers created the subscription, want 1", created)
	}
}
