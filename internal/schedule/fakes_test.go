package schedule

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
)

// fakeClock is a settable clock, or the real one when real is set.
type fakeClock struct {
	mu   sync.Mutex
	t    time.Time
	real bool
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.real {
		return time.Now()
	}
	return c.t
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// fakeEngine covers the documents a target has not seen; with nothing new
// it answers a spotlight when asked for one.
type fakeEngine struct {
	mu            sync.Mutex
	docs          []string
	lastSpotlight time.Time // the moment of the last spotlight asked for
	last          briefings.DigestOptions
	spotlights    []string // the documents spotlighted, in order
}

func (e *fakeEngine) add(ids ...string) {
	e.mu.Lock()
	e.docs = append(e.docs, ids...)
	e.mu.Unlock()
}

func (e *fakeEngine) Digest(opts briefings.DigestOptions) briefings.Digest {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.last = opts
	if opts.Overview {
		return briefings.Digest{DocIDs: append([]string(nil), e.docs...), Reply: briefings.Reply{Kind: briefings.KindDigest, Title: "Overview"}}
	}
	var fresh []string
	for _, id := range e.docs {
		if opts.Seen == nil || !opts.Seen(id) {
			fresh = append(fresh, id)
		}
	}
	if len(fresh) > 0 {
		items := make([]briefings.Item, len(fresh))
		for i, id := range fresh {
			items[i] = briefings.Item{Text: "summary of " + id, Source: id}
		}
		return briefings.Digest{DocIDs: fresh, Reply: briefings.Reply{Kind: briefings.KindDigest,
			Title: fmt.Sprintf("%d new", len(fresh)), Sections: []briefings.Section{{Heading: "New", Items: items}}}}
	}
	if opts.Spotlight {
		e.lastSpotlight = opts.Now
		// The first document not yet spotlighted, or the first of all.
		pick := e.docs[0]
		for _, id := range e.docs {
			if opts.Spotlighted == nil || !opts.Spotlighted(id) {
				pick = id
				break
			}
		}
		e.spotlights = append(e.spotlights, pick)
		return briefings.Digest{Empty: true, Spotlight: pick, Reply: briefings.Reply{Kind: briefings.KindDigest, Title: "Spotlight"}}
	}
	return briefings.Digest{Empty: true}
}

type post struct {
	Channel string
	Reply   briefings.Reply
}

// fakePoster records posts. failFirst makes the first posts fail; block
// makes posts wait for their context.
type fakePoster struct {
	mu        sync.Mutex
	posts     []post
	calls     int
	failFirst int
	block     bool
}

func (p *fakePoster) Post(ctx context.Context, channel string, r briefings.Reply) error {
	p.mu.Lock()
	p.calls++
	fail, block := p.calls <= p.failFirst, p.block
	p.mu.Unlock()
	if block {
		<-ctx.Done()
		return ctx.Err()
	}
	if fail {
		return errors.New("upstream said 503")
	}
	p.mu.Lock()
	p.posts = append(p.posts, post{channel, r})
	p.mu.Unlock()
	return nil
}

// PostWithThread implements ThreadPoster: the post is recorded with the
// thread's opener as its channel's suffix.
func (p *fakePoster) PostWithThread(ctx context.Context, channel string, r briefings.Reply, opener string) error {
	if opener == "" {
		return errors.New("no opener")
	}
	return p.Post(ctx, channel+"+thread", r)
}

func (p *fakePoster) all() []post {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]post(nil), p.posts...)
}

func (p *fakePoster) titles(channel string) []string {
	var out []string
	for _, q := range p.all() {
		if q.Channel == channel {
			out = append(out, q.Reply.Title)
		}
	}
	return out
}

// countingObserver counts digest outcomes.
type countingObserver struct {
	mu             sync.Mutex
	posted, failed map[string]int
}

func newObserver() *countingObserver {
	return &countingObserver{posted: map[string]int{}, failed: map[string]int{}}
}

func (o *countingObserver) DigestPosted(id, platform string) {
	o.mu.Lock()
	o.posted[id+"/"+platform]++
	o.mu.Unlock()
}

func (o *countingObserver) DigestFailed(id, platform string) {
	o.mu.Lock()
	o.failed[id+"/"+platform]++
	o.mu.Unlock()
}

func (o *countingObserver) counts(key string) (posted, failed int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.posted[key], o.failed[key]
}

// logBuffer is a concurrency-safe log sink for assertions.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// rig is a scheduler wired to fakes over a real store.
type rig struct {
	s      *Scheduler
	st     *store.Store
	clock  *fakeClock
	engine *fakeEngine
	slack  *fakePoster
	disc   *fakePoster
	obs    *countingObserver
	logs   *logBuffer
}

// rigOptions adjusts a rig's Config.
type rigOptions func(*Config)

var (
	t0     = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC) // a Monday, 09:00 in London
	slackC = Target{Platform: "slack", Channel: "C1"}
	discC  = Target{Platform: "discord", Channel: "D1"}
)

func morning(catchUp time.Duration, whenEmpty string) Digest {
	return Digest{ID: "morning", Schedule: "0 9 * * *", Timezone: "Europe/London",
		Targets: []Target{slackC, discC}, WhenEmpty: whenEmpty, CatchUp: catchUp}
}

// newRig builds a scheduler on a store opened by open. A rig built with
// shared set uses shared's engine, posters and clock: a replica of the
// same deployment. realTime runs on the real clock.
func newRig(t *testing.T, open storetest.Opener, shared *rig, realTime bool, opts ...rigOptions) *rig {
	t.Helper()
	r := &rig{logs: &logBuffer{}}
	if shared != nil {
		r.clock, r.engine, r.slack, r.disc, r.obs = shared.clock, shared.engine, shared.slack, shared.disc, shared.obs
	} else {
		r.clock = &fakeClock{t: t0, real: realTime}
		r.engine = &fakeEngine{docs: []string{"bbc/1", "bbc/2"}}
		r.slack, r.disc, r.obs = &fakePoster{}, &fakePoster{}, newObserver()
	}
	r.st = open(t, store.WithClock(r.clock.Now))
	cfg := Config{
		Store:        r.st,
		Engine:       func() Engine { return r.engine },
		Platforms:    map[string]Poster{"slack": r.slack, "discord": r.disc},
		Logger:       slog.New(slog.NewTextHandler(r.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Observer:     r.obs,
		Clock:        r.clock.Now,
		Lease:        30 * time.Second,
		RetryBackoff: time.Millisecond,
		PollInterval: time.Hour, // tests drive reconcile and sweep themselves unless they set it
	}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	r.s = s
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s.Stop(ctx)
	})
	return r
}

func withDigests(ds ...Digest) rigOptions { return func(c *Config) { c.Digests = ds } }

func (r *rig) entry(t *testing.T, id string) *entry {
	t.Helper()
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	e, ok := r.s.entries[id]
	if !ok {
		t.Fatalf("digest %q is not scheduled", id)
	}
	return e
}

// runSlot runs one slot as the cron job would.
func (r *rig) runSlot(t *testing.T, id string, slot time.Time, takeover bool) {
	t.Helper()
	e := r.entry(t, id)
	e.running.Lock()
	defer e.running.Unlock()
	r.s.runSlot(context.Background(), e, slot, takeover)
}

// sweep runs one poll's sweep and waits for the runs it started.
func (r *rig) sweep(atStart bool) {
	r.s.sweep(context.Background(), atStart)
	r.s.wg.Wait()
}

func (r *rig) run(t *testing.T, id string, slot time.Time) store.Run {
	t.Helper()
	run, err := r.st.Run(context.Background(), id, slot)
	if err != nil {
		t.Fatalf("Run(%s, %v): %v", id, slot, err)
	}
	return run
}

// eventually polls cond every 5 ms until it holds or the deadline passes.
func eventually(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func joined(s []string) string { return strings.Join(s, ",") }
