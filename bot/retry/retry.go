// Package retry is the one retry policy the chat adapters share: bounded
// attempts, exponential backoff with jitter between a first and a longest
// wait, a server's Retry-After honoured up to a cap, and every wait cut
// short by the context. Each adapter says which of its platform's errors
// are worth retrying; this package only decides when.
package retry

import (
	"context"
	"math/rand/v2"
	"time"
)

// Policy says how a failing call is retried. The zero value tries once.
type Policy struct {
	// Attempts is how many times a call is tried in all; 0 or less tries
	// until the context ends.
	Attempts int
	// Initial is the first backoff wait; it doubles at each retry.
	Initial time.Duration
	// Max caps a backoff wait; 0 means no cap.
	Max time.Duration
	// MaxRetryAfter is the longest Retry-After waited for; a longer one
	// fails the call at once. 0 means any.
	MaxRetryAfter time.Duration
	// Jitter spreads each backoff wait over its upper half, so replicas
	// do not retry in step.
	Jitter bool
	// Scale multiplies every wait, Retry-After included (tests shrink
	// it); 0 means 1.
	Scale float64
}

// Verdict is what an adapter makes of a failed call.
type Verdict struct {
	// Retry is set when trying again may succeed (a 429, a 5xx, a
	// network error); other failures end the call at once.
	Retry bool
	// After is the wait the platform asked for (Retry-After); zero uses
	// the policy's backoff.
	After time.Duration
}

// Classify reads a call's error.
type Classify func(error) Verdict

// Backoff is the wait before retry n (1 for the first retry).
func (p Policy) Backoff(n int) time.Duration {
	w := p.Initial << min(max(n-1, 0), 30)
	if w <= 0 || (p.Max > 0 && w > p.Max) {
		w = p.Max
	}
	if p.Jitter && w > 1 {
		w = w/2 + rand.N(w/2+1)
	}
	return p.scaled(w)
}

func (p Policy) scaled(d time.Duration) time.Duration {
	if p.Scale > 0 && p.Scale != 1 {
		return time.Duration(float64(d) * p.Scale)
	}
	return d
}

// Do calls call until it succeeds, classify says it is not worth
// retrying, the attempts run out, a Retry-After exceeds the cap, or ctx
// ends. Before each retry it calls onRetry (which may be nil) with the
// attempt that failed, the wait and the error. It returns the attempts
// made and the last error (ctx's error when ctx ended during a wait).
func (p Policy) Do(ctx context.Context, call func(context.Context) error, classify Classify, onRetry func(attempt int, wait time.Duration, err error)) (int, error) {
	for attempt := 1; ; attempt++ {
		err := call(ctx)
		if err == nil {
			return attempt, nil
		}
		v := classify(err)
		if !v.Retry || (p.Attempts > 0 && attempt >= p.Attempts) || ctx.Err() != nil {
			return attempt, err
		}
		if p.MaxRetryAfter > 0 && v.After > p.MaxRetryAfter {
			return attempt, err
		}
		wait := p.Backoff(attempt)
		if v.After > 0 {
			wait = p.scaled(v.After)
		}
		if onRetry != nil {
			onRetry(attempt, wait, err)
		}
		if !Sleep(ctx, wait) {
			return attempt, ctx.Err()
		}
	}
}

// Sleep waits d or until ctx ends; it reports whether d passed.
func Sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
