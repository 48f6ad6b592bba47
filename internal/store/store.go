// Package store owns briefbot's persistent state: chat digest
// subscriptions, the claims that make each digest slot post exactly once
// across processes, the documents each chat target has already seen, and a
// record of posts that failed. It runs on SQLite (a file, the default; pure
// Go, no cgo) or on PostgreSQL (for several replicas), with the same schema,
// embedded migrations applied on open, and the same behaviour on both.
//
// Seen documents are kept per target (platform + channel), not per digest:
// a channel that gets two digests is not sent the same document twice.
//
// Times are stored as Unix milliseconds in UTC so that both databases
// compare them identically.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Drivers accepted by Open.
const (
	DriverSQLite   = "sqlite"
	DriverPostgres = "postgres"
)

// ErrNotFound is returned when a subscription or run does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrExists is returned when a subscription id is already taken.
var ErrExists = errors.New("store: already exists")

// ErrDuplicate is matched (errors.Is) by a *DuplicateError.
var ErrDuplicate = errors.New("store: channel already has this schedule")

// DuplicateError is returned by AddSubscription when the channel already
// has a subscription with the same schedule and time zone.
type DuplicateError struct{ Existing Subscription }

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("store: channel already has schedule %q (%s) as %s", e.Existing.Schedule, e.Existing.Timezone, e.Existing.ID)
}

// Is makes errors.Is(err, ErrDuplicate) true.
func (e *DuplicateError) Is(target error) bool { return target == ErrDuplicate }

// ErrNotClaimed is returned when a run is finished by an owner that no
// longer holds its claim (its lease expired and another process took it).
var ErrNotClaimed = errors.New("store: run not claimed by this owner")

// Subscription is a digest scheduled from chat for one channel.
type Subscription struct {
	ID        string
	Platform  string
	Channel   string
	Schedule  string // cron spec or descriptor, as given
	Timezone  string // IANA name
	WhenEmpty string // "skip" or "spotlight"
	CreatedBy string // platform user id
	CreatedAt time.Time
}

// RunState is the state of a digest slot's claim.
type RunState string

// The states of a run.
const (
	StateClaimed RunState = "claimed" // a process is posting it (or crashed doing so)
	StatePosted  RunState = "posted"  // every target is done (posted or nothing to post)
	StateFailed  RunState = "failed"  // at least one target failed after its retries
)

// Run is the claim on one digest slot.
type Run struct {
	DigestID   string
	Slot       time.Time // the nominal scheduled time, UTC
	State      RunState
	ClaimedBy  string
	ClaimedAt  time.Time
	LeaseUntil time.Time
	Attempts   int // how many times the slot was claimed (1 + takeovers)
	LastError  string
	FinishedAt time.Time // zero while claimed
}

// Target is where a digest is posted: a channel on a platform. Seen
// documents are kept per target, so a channel that gets two digests does
// not get the same document twice.
type Target struct {
	Platform string
	Channel  string
}

// Delivery outcomes.
const (
	OutcomePosted = "posted" // a digest or spotlight was posted
	OutcomeEmpty  = "empty"  // nothing new and when_empty is skip: nothing posted
)

// FailedPost records a post that failed after its retries.
type FailedPost struct {
	ID       int64
	DigestID string
	Slot     time.Time
	Target   Target
	Error    string
	Attempts int
	FailedAt time.Time
}

// Store is briefbot's state on SQLite or PostgreSQL. It is safe for
// concurrent use, and several processes may share one database.
type Store struct {
	db     *sql.DB
	driver string
	now    func() time.Time
}

// Option configures a Store.
type Option func(*Store)

// WithClock sets the clock used for claims, leases and timestamps (tests).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open opens the store for driver ("sqlite" or "postgres") and applies the
// migrations. For sqlite, dsn is a file path (or a "file:" URI); for
// postgres, a postgres:// URL or a key=value DSN.
func Open(ctx context.Context, driver, dsn string, opts ...Option) (*Store, error) {
	switch driver {
	case DriverSQLite, "":
		return OpenSQLite(ctx, dsn, opts...)
	case DriverPostgres:
		return OpenPostgres(ctx, dsn, opts...)
	}
	return nil, fmt.Errorf("store: unknown driver %q (want sqlite or postgres)", driver)
}

func open(ctx context.Context, db *sql.DB, driver string, opts []Option) (*Store, error) {
	s := &Store{db: db, driver: driver, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := pingUntilFree(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to %s: %w", driver, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Driver names the database: "sqlite" or "postgres".
func (s *Store) Driver() string { return s.driver }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Ping checks that the database is reachable (readiness).
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// q adapts a query written with ? placeholders to the driver.
func (s *Store) q(query string) string {
	if s.driver != DriverPostgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

// Claim claims a digest slot for owner with a lease. It reports true when
// the slot was free or when its previous claim was never finished and its
// lease has expired (the holder crashed); it reports false when the slot is
// posted, failed, or held by a live claim. It is atomic across processes.
func (s *Store) Claim(ctx context.Context, digestID string, slot time.Time, owner string, lease time.Duration) (bool, error) {
	now := s.now()
	rows, err := s.db.QueryContext(ctx, s.q(`
		INSERT INTO digest_runs (digest_id, slot, state, claimed_by, claimed_at, lease_until, attempts, last_error)
		VALUES (?, ?, 'claimed', ?, ?, ?, 1, '')
		ON CONFLICT (digest_id, slot) DO UPDATE SET
			claimed_by = excluded.claimed_by,
			claimed_at = excluded.claimed_at,
			lease_until = excluded.lease_until,
			attempts = digest_runs.attempts + 1
		WHERE digest_runs.state = 'claimed' AND digest_runs.lease_until < excluded.claimed_at
		RETURNING attempts`),
		digestID, ms(slot), owner, ms(now), ms(now.Add(lease)))
	if err != nil {
		return false, fmt.Errorf("store: claim %s at %s: %w", digestID, slot.UTC().Format(time.RFC3339), err)
	}
	defer rows.Close()
	claimed := rows.Next()
	if err := rows.Err(); err != nil {
		return false, fmt.Errorf("store: claim %s at %s: %w", digestID, slot.UTC().Format(time.RFC3339), err)
	}
	return claimed, nil
}

// Reclaim takes over a claim whose lease has expired without it being
// finished, and never creates a claim. It reports whether owner now holds it.
func (s *Store) Reclaim(ctx context.Context, digestID string, slot time.Time, owner string, lease time.Duration) (bool, error) {
	now := s.now()
	res, err := s.db.ExecContext(ctx, s.q(`
		UPDATE digest_runs SET claimed_by = ?, claimed_at = ?, lease_until = ?, attempts = attempts + 1
		WHERE digest_id = ? AND slot = ? AND state = 'claimed' AND lease_until < ?`),
		owner, ms(now), ms(now.Add(lease)), digestID, ms(slot), ms(now))
	if err != nil {
		return false, fmt.Errorf("store: reclaim %s: %w", digestID, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Extend renews owner's lease on a claimed slot. It reports false when owner
// no longer holds the claim, in which case it must not post.
func (s *Store) Extend(ctx context.Context, digestID string, slot time.Time, owner string, lease time.Duration) (bool, error) {
	res, err := s.db.ExecContext(ctx, s.q(`
		UPDATE digest_runs SET lease_until = ?
		WHERE digest_id = ? AND slot = ? AND claimed_by = ? AND state = 'claimed'`),
		ms(s.now().Add(lease)), digestID, ms(slot), owner)
	if err != nil {
		return false, fmt.Errorf("store: extend %s: %w", digestID, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// MarkPosted finishes owner's claim: every target is done.
func (s *Store) MarkPosted(ctx context.Context, digestID string, slot time.Time, owner string) error {
	return s.finish(ctx, digestID, slot, owner, StatePosted, "")
}

// MarkFailed finishes owner's claim as failed with the error; failed runs
// are not retried (their failed posts are in FailedPosts).
func (s *Store) MarkFailed(ctx context.Context, digestID string, slot time.Time, owner, errMsg string) error {
	return s.finish(ctx, digestID, slot, owner, StateFailed, errMsg)
}

func (s *Store) finish(ctx context.Context, digestID string, slot time.Time, owner string, state RunState, errMsg string) error {
	res, err := s.db.ExecContext(ctx, s.q(`
		UPDATE digest_runs SET state = ?, last_error = ?, finished_at = ?
		WHERE digest_id = ? AND slot = ? AND claimed_by = ? AND state = 'claimed'`),
		string(state), errMsg, ms(s.now()), digestID, ms(slot), owner)
	if err != nil {
		return fmt.Errorf("store: mark %s %s: %w", digestID, state, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return ErrNotClaimed
	}
	return nil
}

const runColumns = `digest_id, slot, state, claimed_by, claimed_at, lease_until, attempts, last_error, finished_at`

func scanRun(sc interface{ Scan(...any) error }) (Run, error) {
	var r Run
	var slot, claimedAt, lease int64
	var finished sql.NullInt64
	var state string
	if err := sc.Scan(&r.DigestID, &slot, &state, &r.ClaimedBy, &claimedAt, &lease, &r.Attempts, &r.LastError, &finished); err != nil {
		return Run{}, err
	}
	r.Slot, r.ClaimedAt, r.LeaseUntil, r.State = fromMS(slot), fromMS(claimedAt), fromMS(lease), RunState(state)
	if finished.Valid {
		r.FinishedAt = fromMS(finished.Int64)
	}
	return r, nil
}

// Run returns the claim on a slot, or ErrNotFound if it was never claimed.
func (s *Store) Run(ctx context.Context, digestID string, slot time.Time) (Run, error) {
	row := s.db.QueryRowContext(ctx, s.q(`SELECT `+runColumns+` FROM digest_runs WHERE digest_id = ? AND slot = ?`), digestID, ms(slot))
	r, err := scanRun(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, ErrNotFound
	}
	if err != nil {
		return Run{}, fmt.Errorf("store: run %s: %w", digestID, err)
	}
	return r, nil
}

// Runs returns a digest's runs, oldest slot first.
func (s *Store) Runs(ctx context.Context, digestID string) ([]Run, error) {
	return s.runs(ctx, `SELECT `+runColumns+` FROM digest_runs WHERE digest_id = ? ORDER BY slot`, digestID)
}

// StaleClaims returns claimed runs whose lease has expired (their holder
// crashed or stopped before finishing) for slots at or after since.
func (s *Store) StaleClaims(ctx context.Context, since time.Time) ([]Run, error) {
	return s.runs(ctx, `SELECT `+runColumns+` FROM digest_runs
		WHERE state = 'claimed' AND lease_until < ? AND slot >= ? ORDER BY slot`, ms(s.now()), ms(since))
}

func (s *Store) runs(ctx context.Context, query string, args ...any) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, fmt.Errorf("store: runs: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Delivered reports whether a slot was already delivered to a target (so a
// run taken over after a crash does not post there again).
func (s *Store) Delivered(ctx context.Context, digestID string, slot time.Time, t Target) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT 1 FROM digest_deliveries
		WHERE digest_id = ? AND slot = ? AND platform = ? AND channel = ?`),
		digestID, ms(slot), t.Platform, t.Channel).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: delivered: %w", err)
	}
	return true, nil
}

// RecordDelivery records, in one transaction, that a slot was delivered to
// a target (outcome OutcomePosted or OutcomeEmpty) and that the target has
// now seen docIDs.
func (s *Store) RecordDelivery(ctx context.Context, digestID string, slot time.Time, t Target, outcome string, docIDs []string) error {
	now := ms(s.now())
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`
			INSERT INTO digest_deliveries (digest_id, slot, platform, channel, outcome, documents, delivered_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
			digestID, ms(slot), t.Platform, t.Channel, outcome, len(docIDs), now); err != nil {
			return fmt.Errorf("store: record delivery: %w", err)
		}
		return s.markSeen(ctx, tx, t, docIDs, now)
	})
}

// Seen returns the ids of the documents already posted to a target.
func (s *Store) Seen(ctx context.Context, t Target) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT doc_id FROM seen_documents WHERE platform = ? AND channel = ?`), t.Platform, t.Channel)
	if err != nil {
		return nil, fmt.Errorf("store: seen: %w", err)
	}
	defer rows.Close()
	seen := make(map[string]bool)
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: seen: %w", err)
		}
		seen[id] = true
	}
	return seen, rows.Err()
}

// MarkSeen records that a target has seen docIDs (idempotent).
func (s *Store) MarkSeen(ctx context.Context, t Target, docIDs []string) error {
	if len(docIDs) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return s.markSeen(ctx, tx, t, docIDs, ms(s.now())) })
}

func (s *Store) markSeen(ctx context.Context, tx *sql.Tx, t Target, docIDs []string, now int64) error {
	if len(docIDs) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO seen_documents (platform, channel, doc_id, seen_at)
		VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`))
	if err != nil {
		return fmt.Errorf("store: mark seen: %w", err)
	}
	defer stmt.Close()
	for _, id := range docIDs {
		if _, err := stmt.ExecContext(ctx, t.Platform, t.Channel, id, now); err != nil {
			return fmt.Errorf("store: mark seen: %w", err)
		}
	}
	return nil
}

// RecordFailure records a post that failed after its retries.
func (s *Store) RecordFailure(ctx context.Context, f FailedPost) error {
	at := f.FailedAt
	if at.IsZero() {
		at = s.now()
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO failed_posts (digest_id, slot, platform, channel, error, attempts, failed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`),
		f.DigestID, ms(f.Slot), f.Target.Platform, f.Target.Channel, f.Error, f.Attempts, ms(at))
	if err != nil {
		return fmt.Errorf("store: record failure: %w", err)
	}
	return nil
}

// FailedPosts returns the failed posts of a digest, oldest first.
func (s *Store) FailedPosts(ctx context.Context, digestID string) ([]FailedPost, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, digest_id, slot, platform, channel, error, attempts, failed_at
		FROM failed_posts WHERE digest_id = ? ORDER BY id`), digestID)
	if err != nil {
		return nil, fmt.Errorf("store: failed posts: %w", err)
	}
	defer rows.Close()
	var out []FailedPost
	for rows.Next() {
		var f FailedPost
		var slot, at int64
		if err := rows.Scan(&f.ID, &f.DigestID, &slot, &f.Target.Platform, &f.Target.Channel, &f.Error, &f.Attempts, &at); err != nil {
			return nil, fmt.Errorf("store: failed posts: %w", err)
		}
		f.Slot, f.FailedAt = fromMS(slot), fromMS(at)
		out = append(out, f)
	}
	return out, rows.Err()
}

// AddSubscription stores a new subscription. It returns ErrExists if its id
// is taken, and a *DuplicateError naming the existing subscription if the
// channel already has one with the same schedule and time zone; either way
// nothing changes. Two processes adding the same schedule at once store it
// once.
// A zero CreatedAt is set to now.
func (s *Store) AddSubscription(ctx context.Context, sub Subscription) error {
	if sub.CreatedAt.IsZero() {
		sub.CreatedAt = s.now()
	}
	res, err := s.db.ExecContext(ctx, s.q(`INSERT INTO subscriptions
		(id, platform, channel, schedule, timezone, when_empty, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
		sub.ID, sub.Platform, sub.Channel, sub.Schedule, sub.Timezone, sub.WhenEmpty, sub.CreatedBy, ms(sub.CreatedAt))
	if err != nil {
		return fmt.Errorf("store: add subscription: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: add subscription: %w", err)
	} else if n > 0 {
		return nil
	}
	if _, err := s.Subscription(ctx, sub.ID); err == nil {
		return ErrExists
	}
	same, err := s.subs(ctx, `SELECT `+subColumns+` FROM subscriptions
		WHERE platform = ? AND channel = ? AND schedule = ? AND timezone = ?`,
		sub.Platform, sub.Channel, sub.Schedule, sub.Timezone)
	if err != nil {
		return err
	}
	if len(same) == 0 {
		// The row that conflicted was deleted in between: the id is free.
		return ErrExists
	}
	return &DuplicateError{Existing: same[0]}
}

const subColumns = `id, platform, channel, schedule, timezone, when_empty, created_by, created_at`

func scanSub(sc interface{ Scan(...any) error }) (Subscription, error) {
	var sub Subscription
	var created int64
	err := sc.Scan(&sub.ID, &sub.Platform, &sub.Channel, &sub.Schedule, &sub.Timezone, &sub.WhenEmpty, &sub.CreatedBy, &created)
	sub.CreatedAt = fromMS(created)
	return sub, err
}

// Subscription returns one subscription, or ErrNotFound.
func (s *Store) Subscription(ctx context.Context, id string) (Subscription, error) {
	sub, err := scanSub(s.db.QueryRowContext(ctx, s.q(`SELECT `+subColumns+` FROM subscriptions WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Subscription{}, ErrNotFound
	}
	if err != nil {
		return Subscription{}, fmt.Errorf("store: subscription: %w", err)
	}
	return sub, nil
}

// Subscriptions returns every subscription, oldest first.
func (s *Store) Subscriptions(ctx context.Context) ([]Subscription, error) {
	return s.subs(ctx, `SELECT `+subColumns+` FROM subscriptions ORDER BY created_at, id`)
}

// ChannelSubscriptions returns a channel's subscriptions, oldest first.
func (s *Store) ChannelSubscriptions(ctx context.Context, t Target) ([]Subscription, error) {
	return s.subs(ctx, `SELECT `+subColumns+` FROM subscriptions WHERE platform = ? AND channel = ? ORDER BY created_at, id`, t.Platform, t.Channel)
}

func (s *Store) subs(ctx context.Context, query string, args ...any) ([]Subscription, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		sub, err := scanSub(rows)
		if err != nil {
			return nil, fmt.Errorf("store: subscriptions: %w", err)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// DeleteSubscription removes a channel's subscription; ErrNotFound when the
// channel has no subscription with that id.
func (s *Store) DeleteSubscription(ctx context.Context, t Target, id string) error {
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM subscriptions WHERE id = ? AND platform = ? AND channel = ?`), id, t.Platform, t.Channel)
	if err != nil {
		return fmt.Errorf("store: delete subscription: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Spotlighted returns the documents spotlighted to a target in the
// current round.
func (s *Store) Spotlighted(ctx context.Context, t Target) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT doc_id FROM spotlights WHERE platform = ? AND channel = ?`), t.Platform, t.Channel)
	if err != nil {
		return nil, fmt.Errorf("store: spotlighted: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: spotlighted: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// RecordSpotlight records that docID was spotlighted to a target. When it
// had been spotlighted already, every article had its turn: a new round
// starts with this one.
func (s *Store) RecordSpotlight(ctx context.Context, t Target, docID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, s.q(`SELECT 1 FROM spotlights WHERE platform = ? AND channel = ? AND doc_id = ?`), t.Platform, t.Channel, docID).Scan(&one)
		if err == nil {
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM spotlights WHERE platform = ? AND channel = ?`), t.Platform, t.Channel); err != nil {
				return fmt.Errorf("store: new spotlight round: %w", err)
			}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: record spotlight: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO spotlights (platform, channel, doc_id, spotlighted_at) VALUES (?, ?, ?, ?)`),
			t.Platform, t.Channel, docID, ms(s.now())); err != nil {
			return fmt.Errorf("store: record spotlight: %w", err)
		}
		return nil
	})
}
