// Package schedule posts scheduled digests. It runs each digest (from the
// config file, or subscribed from chat and kept in the store) on
// robfig/cron/v3 in its own time zone, names every due run by the digest's
// id and its nominal slot time, and claims that slot in the store before
// posting, so several processes sharing one database post each slot
// exactly once.
//
// Exactly once, in detail:
//   - A slot is the schedule's time (see PrevSlot), not when a timer fired,
//     so every process names it the same way.
//   - A claim carries a short lease, renewed before each post attempt. A
//     process that crashes after claiming leaves a claim whose lease
//     expires; any process then takes it over (the poll loop looks for stale
//     claims) and posts to the targets not yet delivered. A process whose
//     lease was taken over stops before posting.
//   - Each target's delivery and the documents it covered are recorded in
//     one transaction right after the platform accepts the post. A crash in
//     the moment between the platform's answer and that commit can post
//     that target twice; no other crash can.
//   - On start, each digest's latest slot that nobody claimed (every process
//     was down) is posted once if it is within the digest's catch-up window,
//     else skipped and logged. Only the latest missed slot is considered.
//
// Digest content comes from the engine: documents the target has not seen,
// or a spotlight (when_empty: spotlight) or nothing (when_empty: skip) when
// nothing is new. A failed post is retried with backoff, then recorded in
// the store and reported to the Observer; failed runs are not retried.
//
// Chat subscriptions made on one process reach the others within one poll
// interval; unsubscribing takes effect at once everywhere, since a chat
// digest checks that it still exists before it posts.
package schedule

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/store"
)

// What to do when nothing is new for a target.
const (
	WhenEmptySkip      = "skip"      // post nothing
	WhenEmptySpotlight = "spotlight" // post a spotlight on an older document
)

// Target is a channel on a platform that a digest is posted to.
type Target = store.Target

// Digest is one scheduled digest, as configured (digests: in the config file).
type Digest struct {
	ID        string
	Schedule  string // cron spec with optional seconds, or a descriptor
	Timezone  string // IANA zone the schedule is computed in; "" is UTC
	Targets   []Target
	WhenEmpty string        // "skip" or "spotlight"; "" is spotlight
	CatchUp   time.Duration // how late a slot missed while down may still be posted; 0: never
	// Start is StartNow (a target's first digest is an overview of the
	// corpus, whose articles then count as seen) or StartBacklog ("": the
	// first digests work through every article).
	Start string
	// MaxArticles caps the articles of one digest; 0: the engine's default.
	MaxArticles int
	// ThreadReplies opens a thread under each digest for questions, on
	// platforms that can (ThreadPoster).
	ThreadReplies bool
}

// Where a digest starts.
const (
	StartNow     = "now"
	StartBacklog = "backlog"
)

// ThreadPoster is a Poster that can post a digest and open a thread under
// it, starting with a message that invites questions.
type ThreadPoster interface {
	PostWithThread(ctx context.Context, channel string, reply briefings.Reply, opener string) error
}

// threadOpener starts the thread under a digest.
const threadOpener = "Questions about this digest? Mention me in this thread (e.g. who is in it, or what a figure means) and I'll answer here."

// Engine builds digests; *briefings.Engine implements it.
type Engine interface {
	Digest(opts briefings.DigestOptions) briefings.Digest
}

// Poster posts a reply to a channel; every bot.Platform implements it.
type Poster interface {
	Post(ctx context.Context, channel string, reply briefings.Reply) error
}

// Posters maps platforms by name for Config.Platforms.
func Posters(platforms ...bot.Platform) map[string]Poster {
	m := make(map[string]Poster, len(platforms))
	for _, p := range platforms {
		m[p.Name()] = p
	}
	return m
}

// Observer records digest outcomes, for metrics. It must be safe for
// concurrent use.
type Observer interface {
	// DigestPosted records a digest (or spotlight) posted to a target.
	DigestPosted(digestID, platform string)
	// DigestFailed records a post that failed after its retries.
	DigestFailed(digestID, platform string)
}

// NopObserver records nothing.
type NopObserver struct{}

// DigestPosted implements Observer.
func (NopObserver) DigestPosted(string, string) {}

// DigestFailed implements Observer.
func (NopObserver) DigestFailed(string, string) {}

// Store is the state the scheduler keeps; *store.Store implements it.
type Store interface {
	Claim(ctx context.Context, digestID string, slot time.Time, owner string, lease time.Duration) (bool, error)
	Reclaim(ctx context.Context, digestID string, slot time.Time, owner string, lease time.Duration) (bool, error)
	Extend(ctx context.Context, digestID string, slot time.Time, owner string, lease time.Duration) (bool, error)
	MarkPosted(ctx context.Context, digestID string, slot time.Time, owner string) error
	MarkFailed(ctx context.Context, digestID string, slot time.Time, owner, errMsg string) error
	Run(ctx context.Context, digestID string, slot time.Time) (store.Run, error)
	StaleClaims(ctx context.Context, since time.Time) ([]store.Run, error)
	Delivered(ctx context.Context, digestID string, slot time.Time, t store.Target) (bool, error)
	RecordDelivery(ctx context.Context, digestID string, slot time.Time, t store.Target, outcome string, docIDs []string) error
	Seen(ctx context.Context, t store.Target) (map[string]bool, error)
	Spotlighted(ctx context.Context, t store.Target) (map[string]bool, error)
	RecordSpotlight(ctx context.Context, t store.Target, docID string) error
	RecordFailure(ctx context.Context, f store.FailedPost) error
	AddSubscription(ctx context.Context, sub store.Subscription) error
	Subscription(ctx context.Context, id string) (store.Subscription, error)
	Subscriptions(ctx context.Context) ([]store.Subscription, error)
	ChannelSubscriptions(ctx context.Context, t store.Target) ([]store.Subscription, error)
	DeleteSubscription(ctx context.Context, t store.Target, id string) error
}

var _ Store = (*store.Store)(nil)

// Config configures a Scheduler. Store, Engine and Platforms are required;
// zero durations take the defaults shown.
type Config struct {
	Digests   []Digest          // from the config file
	Store     Store             // claims, seen documents, chat subscriptions
	Engine    func() Engine     // the current engine (it is swapped on corpus reload)
	Platforms map[string]Poster // by platform name: "slack", "discord", "console"
	Logger    *slog.Logger
	Observer  Observer         // nil: NopObserver
	Clock     func() time.Time // nil: time.Now
	// Owner names this process in claims; "" is host-pid-random.
	Owner string
	// Lease is how long a claim holds before another process may take it
	// over; renewed before each post attempt. Default 30s.
	Lease time.Duration
	// PollInterval is how often the store is read for chat subscriptions
	// made elsewhere and for stale claims to retry. Default 10s.
	PollInterval time.Duration
	// RetryWindow is how long after its slot a crashed claim is still
	// retried (at least the digest's CatchUp). Default 10m.
	RetryWindow time.Duration
	// PostAttempts bounds the tries of one post. Default 3.
	PostAttempts int
	// RetryBackoff is the wait after the first failed try, doubled after
	// each. Default 1s.
	RetryBackoff time.Duration
	// PostTimeout bounds one post attempt. Default 10s, at most Lease/2.
	PostTimeout time.Duration
	// SubscriptionCatchUp is the catch-up window of chat subscriptions.
	// Default 1h.
	SubscriptionCatchUp time.Duration
	// MinSubscriptionInterval is the shortest gap between two runs of a chat
	// subscription. Default 1m.
	MinSubscriptionInterval time.Duration
	// MaxSubscriptionsPerChannel caps chat subscriptions per channel.
	// Default 10.
	MaxSubscriptionsPerChannel int
	// StopTimeout bounds Run's wait for running posts on shutdown. Default 8s.
	StopTimeout time.Duration
}

// Scheduler runs digests. It implements bot.Digests.
type Scheduler struct {
	cfg  Config
	log  *slog.Logger
	obs  Observer
	now  func() time.Time
	cron *cron.Cron

	mu      sync.Mutex
	entries map[string]*entry // by digest id
	warned  map[string]bool   // chat subscriptions found invalid, logged once
	started bool
	stopped bool

	runCtx     context.Context // posts; cancelled only when Stop gives up waiting
	cancelRuns context.CancelFunc
	loopCancel context.CancelFunc // the poll loop and catch-up
	wg         sync.WaitGroup     // the poll loop and the runs it starts
	caughtUp   chan struct{}      // closed once the start-up catch-up has been started
}

// entry is a scheduled digest.
type entry struct {
	digest     Digest
	sched      cron.Schedule
	fromConfig bool
	created    time.Time // chat subscriptions: no slot before this is posted
	cronID     cron.EntryID
	running    sync.Mutex // one run of this digest at a time in this process
}

// New validates the configured digests and builds a Scheduler; Start runs it.
func New(cfg Config) (*Scheduler, error) {
	if cfg.Store == nil || cfg.Engine == nil {
		return nil, errors.New("schedule: Store and Engine are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Observer == nil {
		cfg.Observer = NopObserver{}
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Owner == "" {
		cfg.Owner = defaultOwner()
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.Lease, 30*time.Second)
	def(&cfg.PollInterval, 10*time.Second)
	def(&cfg.RetryWindow, 10*time.Minute)
	def(&cfg.RetryBackoff, time.Second)
	def(&cfg.PostTimeout, 10*time.Second)
	def(&cfg.SubscriptionCatchUp, time.Hour)
	def(&cfg.MinSubscriptionInterval, time.Minute)
	def(&cfg.StopTimeout, 8*time.Second)
	if cfg.PostTimeout > cfg.Lease/2 {
		cfg.PostTimeout = cfg.Lease / 2
	}
	if cfg.PostAttempts <= 0 {
		cfg.PostAttempts = 3
	}
	if cfg.MaxSubscriptionsPerChannel <= 0 {
		cfg.MaxSubscriptionsPerChannel = 10
	}

	s := &Scheduler{
		cfg:     cfg,
		log:     cfg.Logger.With("component", "schedule"),
		obs:     cfg.Observer,
		now:     cfg.Clock,
		entries: map[string]*entry{},
		warned:  map[string]bool{},
	}
	s.runCtx, s.cancelRuns = context.WithCancel(context.Background())
	s.caughtUp = make(chan struct{})
	for _, d := range cfg.Digests {
		if _, dup := s.entries[d.ID]; dup {
			return nil, fmt.Errorf("digest %q is defined twice", d.ID)
		}
		e, err := s.newEntry(d)
		if err != nil {
			return nil, err
		}
		e.fromConfig = true
		s.entries[d.ID] = e
	}
	logger := cronLogger{s.log}
	s.cron = cron.New(
		cron.WithLocation(time.UTC), // every schedule carries its own zone
		cron.WithLogger(logger),
		cron.WithChain(cron.SkipIfStillRunning(logger), cron.Recover(logger)),
	)
	return s, nil
}

// newEntry validates a digest.
func (s *Scheduler) newEntry(d Digest) (*entry, error) {
	if d.ID == "" {
		return nil, errors.New("a digest has no id")
	}
	if d.WhenEmpty == "" {
		d.WhenEmpty = WhenEmptySpotlight
	}
	if d.WhenEmpty != WhenEmptySkip && d.WhenEmpty != WhenEmptySpotlight {
		return nil, fmt.Errorf("digest %q: when_empty is %q, want skip or spotlight", d.ID, d.WhenEmpty)
	}
	if d.CatchUp < 0 {
		return nil, fmt.Errorf("digest %q: catch_up is negative", d.ID)
	}
	if len(d.Targets) == 0 {
		return nil, fmt.Errorf("digest %q has no targets", d.ID)
	}
	for _, t := range d.Targets {
		if t.Channel == "" {
			return nil, fmt.Errorf("digest %q: a %s target has no channel", d.ID, t.Platform)
		}
		if _, ok := s.cfg.Platforms[t.Platform]; !ok {
			return nil, fmt.Errorf("digest %q: platform %q is not running", d.ID, t.Platform)
		}
	}
	sched, err := Parse(d.Schedule, d.Timezone)
	if err != nil {
		return nil, fmt.Errorf("digest %q: schedule %q: %w", d.ID, d.Schedule, err)
	}
	return &entry{digest: d, sched: sched}, nil
}

func defaultOwner() string {
	host, _ := os.Hostname()
	var b [3]byte
	rand.Read(b[:])
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// Owner is the name this process claims slots under.
func (s *Scheduler) Owner() string { return s.cfg.Owner }

// Start loads chat subscriptions, schedules every digest, posts missed
// slots within their catch-up window, and starts polling the store. It
// returns once scheduling has begun; Stop ends it.
func (s *Scheduler) Start(ctx context.Context) error {
	subs, err := s.cfg.Store.Subscriptions(ctx)
	if err != nil {
		return fmt.Errorf("schedule: load subscriptions: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started || s.stopped {
		return errors.New("schedule: already started")
	}
	for _, sub := range subs {
		s.addSubscriptionLocked(sub)
	}
	for _, e := range s.entries {
		s.scheduleLocked(e)
	}
	s.started = true
	loopCtx, cancel := context.WithCancel(s.runCtx)
	s.loopCancel = cancel
	s.cron.Start()
	s.wg.Go(func() { s.loop(loopCtx) })
	s.log.Info("scheduler started", "digests", len(s.entries), "owner", s.cfg.Owner)
	return nil
}

// Run starts the scheduler and serves until ctx is cancelled, then stops,
// waiting up to StopTimeout for running posts.
func (s *Scheduler) Run(ctx context.Context) error {
	if err := s.Start(ctx); err != nil {
		return err
	}
	<-ctx.Done()
	stopCtx, cancel := context.WithTimeout(context.Background(), s.cfg.StopTimeout)
	defer cancel()
	return s.Stop(stopCtx)
}

// Stop stops scheduling and waits for running posts until ctx is done;
// then it cancels them (their claims are retried elsewhere after the
// lease) and returns ctx's error.
func (s *Scheduler) Stop(ctx context.Context) error {
	s.mu.Lock()
	if !s.started || s.stopped {
		s.stopped = true
		s.mu.Unlock()
		return nil
	}
	s.stopped = true
	s.mu.Unlock()

	s.loopCancel()
	cronDone := s.cron.Stop()
	done := make(chan struct{})
	go func() {
		<-cronDone.Done()
		s.wg.Wait()
		close(done)
	}()
	defer s.cancelRuns()
	select {
	case <-done:
		s.log.Info("scheduler stopped")
		return nil
	case <-ctx.Done():
		s.log.Warn("scheduler stopped before running posts finished; their claims will be retried after the lease")
		return ctx.Err()
	}
}

// scheduleLocked adds an entry to cron. s.mu is held.
func (s *Scheduler) scheduleLocked(e *entry) {
	e.cronID = s.cron.Schedule(e.sched, cron.FuncJob(func() { s.fire(e) }))
}

// unscheduleLocked removes a digest. s.mu is held.
func (s *Scheduler) unscheduleLocked(id string) {
	e, ok := s.entries[id]
	if !ok {
		return
	}
	delete(s.entries, id)
	if e.cronID != 0 {
		s.cron.Remove(e.cronID)
	}
}

// fireLookback is how late a cron job may start and still post its slot.
const fireLookback = time.Minute

// fire is the cron job of a digest: it posts the slot that is due now.
func (s *Scheduler) fire(e *entry) {
	slot, ok := PrevSlot(e.sched, s.now(), max(fireLookback, e.digest.CatchUp))
	if !ok {
		s.log.Warn("digest timer fired with no slot due", "digest", e.digest.ID)
		return
	}
	e.running.Lock()
	defer e.running.Unlock()
	s.runSlot(s.runCtx, e, slot, false)
}

// loop posts missed slots once, then polls the store for chat
// subscriptions and stale claims until ctx is cancelled.
func (s *Scheduler) loop(ctx context.Context) {
	s.sweep(ctx, true)
	close(s.caughtUp)
	t := time.NewTicker(s.cfg.PollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.reconcile(ctx); err != nil && ctx.Err() == nil {
				s.log.Error("reading subscriptions failed", "err", err)
			}
			s.sweep(ctx, false)
		}
	}
}

// sweep retries stale claims within their window and posts each digest's
// latest slot if nobody claimed it and it is within catch-up. At start it
// also logs a latest slot missed outside catch-up.
func (s *Scheduler) sweep(ctx context.Context, atStart bool) {
	now := s.now()
	entries := s.snapshot()
	window := func(e *entry) time.Duration { return max(e.digest.CatchUp, s.cfg.RetryWindow) }

	var widest time.Duration
	for _, e := range entries {
		widest = max(widest, window(e))
	}
	stale, err := s.cfg.Store.StaleClaims(ctx, now.Add(-widest))
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("reading stale claims failed", "err", err)
		}
		return
	}
	retried := map[string]bool{}
	for _, r := range stale {
		e, ok := entries[r.DigestID]
		if !ok || now.Sub(r.Slot) > window(e) {
			continue
		}
		s.log.Warn("retrying a digest slot whose claim expired", "digest", r.DigestID, "slot", r.Slot.Format(time.RFC3339), "claimed_by", r.ClaimedBy)
		retried[r.DigestID] = true
		s.startRun(ctx, e, r.Slot, true)
	}

	for id, e := range entries {
		if retried[id] || ctx.Err() != nil {
			continue
		}
		lookback := e.digest.CatchUp
		if atStart {
			lookback = max(lookback, missedLookback)
		}
		if lookback <= 0 {
			continue
		}
		slot, ok := PrevSlot(e.sched, now, lookback)
		if !ok || !slot.After(e.created) {
			continue
		}
		if _, err := s.cfg.Store.Run(ctx, id, slot); err == nil {
			continue // claimed by someone: posted, failed, or being posted
		} else if !errors.Is(err, store.ErrNotFound) {
			s.log.Error("reading a digest run failed", "digest", id, "err", err)
			continue
		}
		late := now.Sub(slot)
		if late > e.digest.CatchUp {
			if atStart {
				s.log.Info("skipping a digest slot missed while down: outside its catch-up window",
					"digest", id, "slot", slot.Format(time.RFC3339), "late", late.Round(time.Second).String(), "catch_up", e.digest.CatchUp.String())
			}
			continue
		}
		s.log.Info("posting a missed digest slot", "digest", id, "slot", slot.Format(time.RFC3339), "late", late.Round(time.Second).String())
		s.startRun(ctx, e, slot, false)
	}
}

// missedLookback is how far back start-up looks for a missed slot to log.
const missedLookback = 8 * 24 * time.Hour

// startRun runs a slot in the background unless the digest is busy in
// this process (the next poll tries again).
func (s *Scheduler) startRun(ctx context.Context, e *entry, slot time.Time, takeover bool) {
	if ctx.Err() != nil || !e.running.TryLock() {
		return
	}
	s.wg.Go(func() {
		defer e.running.Unlock()
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("digest run panicked", "digest", e.digest.ID, "panic", fmt.Sprint(p))
			}
		}()
		s.runSlot(s.runCtx, e, slot, takeover)
	})
}

func (s *Scheduler) snapshot() map[string]*entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]*entry, len(s.entries))
	for id, e := range s.entries {
		out[id] = e
	}
	return out
}

// cronLogger adapts slog to cron's logger. cron's Info messages (every
// wake-up) go to Debug, except skipped runs.
type cronLogger struct{ log *slog.Logger }

// Info implements cron.Logger.
func (l cronLogger) Info(msg string, kv ...any) {
	if msg == "skip" {
		l.log.Info("a digest run was skipped: the previous run is still going")
		return
	}
	l.log.Debug("cron: "+msg, kv...)
}

// Error implements cron.Logger.
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
