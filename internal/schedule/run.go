package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot/retry"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/store"
)

// errLostClaim means another process took the slot over (this one's lease
// expired): stop without posting.
var errLostClaim = errors.New("the claim on this slot was taken over by another process")

// bookkeepingTimeout bounds the store writes after a post, which run even
// when shutdown has cancelled posting: recording a post that happened is
// what keeps it from being posted again.
const bookkeepingTimeout = 5 * time.Second

// runSlot claims a digest slot (or takes over a stale claim) and posts it
// to every target not yet delivered. The caller holds e.running.
func (s *Scheduler) runSlot(ctx context.Context, e *entry, slot time.Time, takeover bool) {
	id := e.digest.ID
	log := s.log.With("digest", id, "slot", slot.UTC().Format(time.RFC3339))
	if !e.fromConfig {
		if _, err := s.cfg.Store.Subscription(ctx, id); errors.Is(err, store.ErrNotFound) {
			log.Info("chat digest was unsubscribed; not posting")
			s.mu.Lock()
			s.unscheduleLocked(id)
			s.mu.Unlock()
			return
		} else if err != nil {
			log.Error("checking the subscription failed; not posting", "err", err)
			return
		}
	}
	claim := s.cfg.Store.Claim
	if takeover {
		claim = s.cfg.Store.Reclaim
	}
	ok, err := claim(ctx, id, slot, s.cfg.Owner, s.cfg.Lease)
	if err != nil {
		log.Error("claiming the digest slot failed", "err", err)
		return
	}
	if !ok {
		log.Debug("digest slot already claimed elsewhere")
		return
	}

	var failures []string
	lost := false
	func() {
		defer func() {
			if p := recover(); p != nil {
				log.Error("building or posting the digest panicked", "panic", fmt.Sprint(p))
				failures = append(failures, fmt.Sprintf("panic: %v", p))
			}
		}()
		for _, t := range e.digest.Targets {
			err := s.deliver(ctx, e, slot, t, log)
			if errors.Is(err, errLostClaim) {
				log.Warn("stopped: another process took this digest slot over")
				lost = true
				return
			}
			if err != nil {
				failures = append(failures, t.Platform+" "+t.Channel+": "+err.Error())
			}
		}
	}()
	if lost {
		return
	}

	bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), bookkeepingTimeout)
	defer cancel()
	if len(failures) > 0 {
		err = s.cfg.Store.MarkFailed(bctx, id, slot, s.cfg.Owner, strings.Join(failures, "; "))
	} else {
		err = s.cfg.Store.MarkPosted(bctx, id, slot, s.cfg.Owner)
	}
	switch {
	case errors.Is(err, store.ErrNotClaimed):
		log.Debug("digest slot finished by another process")
	case err != nil:
		log.Error("recording the digest run failed", "err", err)
	}
}

// deliver builds and posts a slot's digest to one target, with retries.
func (s *Scheduler) deliver(ctx context.Context, e *entry, slot time.Time, t Target, log *slog.Logger) error {
	id := e.digest.ID
	log = log.With("platform", t.Platform, "channel", t.Channel)
	done, err := s.cfg.Store.Delivered(ctx, id, slot, t)
	if err != nil {
		return err
	}
	if done {
		return nil // delivered before a crash; the run was taken over
	}
	bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), bookkeepingTimeout)
	defer cancel()

	poster, ok := s.cfg.Platforms[t.Platform]
	if !ok {
		err := fmt.Errorf("platform %q is not running", t.Platform)
		s.recordFailure(bctx, id, slot, t, err, 0, log)
		return err
	}
	dg, err := s.build(ctx, t, e, slot)
	if err != nil {
		s.recordFailure(bctx, id, slot, t, err, 0, log)
		return err
	}
	if isZero(dg.Reply) || (dg.Empty && e.digest.WhenEmpty == WhenEmptySkip) {
		if err := s.cfg.Store.RecordDelivery(bctx, id, slot, t, store.OutcomeEmpty, nil); err != nil {
			return err
		}
		log.Info("nothing new for this digest; skipped")
		return nil
	}

	var attempts int
	for attempts = 1; ; attempts++ {
		held, xerr := s.cfg.Store.Extend(ctx, id, slot, s.cfg.Owner, s.cfg.Lease)
		switch {
		case xerr != nil:
			err = fmt.Errorf("renewing the claim: %w", xerr)
		case !held:
			return errLostClaim
		default:
			pctx, cancel := context.WithTimeout(ctx, s.cfg.PostTimeout)
			if tp, ok := poster.(ThreadPoster); ok && e.digest.ThreadReplies {
				err = tp.PostWithThread(pctx, t.Channel, dg.Reply, threadOpener)
			} else {
				err = poster.Post(pctx, t.Channel, dg.Reply)
			}
			cancel()
		}
		if err == nil {
			break
		}
		log.Warn("posting the digest failed", "attempt", attempts, "of", s.cfg.PostAttempts, "err", err)
		if attempts >= s.cfg.PostAttempts || !retry.Sleep(ctx, s.cfg.RetryBackoff<<(attempts-1)) {
			s.recordFailure(bctx, id, slot, t, err, attempts, log)
			return err
		}
	}

	s.obs.DigestPosted(id, t.Platform)
	if dg.Spotlight != "" {
		if err := s.cfg.Store.RecordSpotlight(bctx, t, dg.Spotlight); err != nil {
			log.Error("recording the spotlight failed; it may be shown again", "err", err)
		}
	}
	if err := s.cfg.Store.RecordDelivery(bctx, id, slot, t, store.OutcomePosted, dg.DocIDs); err != nil {
		log.Error("the digest was posted but recording it failed; its documents may be posted again", "err", err)
		return nil
	}
	log.Info("digest posted", "documents", len(dg.DocIDs), "attempts", attempts)
	return nil
}

func (s *Scheduler) recordFailure(ctx context.Context, id string, slot time.Time, t Target, err error, attempts int, log *slog.Logger) {
	s.obs.DigestFailed(id, t.Platform)
	log.Error("digest not posted", "attempts", attempts, "err", err)
	if rerr := s.cfg.Store.RecordFailure(ctx, store.FailedPost{DigestID: id, Slot: slot, Target: t, Error: err.Error(), Attempts: attempts}); rerr != nil {
		log.Error("recording the failed post failed", "err", rerr)
	}
}

// build asks the current engine for the target's digest at slot: the
// documents it has not seen (at most the digest's MaxArticles), else a
// spotlight on an article not yet spotlighted there when asked for. A
// target's first digest of a StartNow digest is an overview of the corpus.
// e is nil for a preview.
func (s *Scheduler) build(ctx context.Context, t Target, e *entry, at time.Time) (briefings.Digest, error) {
	eng := s.cfg.Engine()
	if eng == nil {
		return briefings.Digest{}, errors.New("no corpus is loaded")
	}
	seen, err := s.cfg.Store.Seen(ctx, t)
	if err != nil {
		return briefings.Digest{}, err
	}
	spotlighted, err := s.cfg.Store.Spotlighted(ctx, t)
	if err != nil {
		return briefings.Digest{}, err
	}
	opts := briefings.DigestOptions{Seen: func(id string) bool { return seen[id] }, Spotlight: true, Now: at,
		Spotlighted: func(id string) bool { return spotlighted[id] }}
	if e != nil {
		d := e.digest
		opts.Spotlight = d.WhenEmpty == WhenEmptySpotlight
		opts.Limit = d.MaxArticles
		opts.Overview = d.Start == StartNow && len(seen) == 0
		if loc, err := LoadLocation(d.Timezone); err == nil {
			opts.Location = loc
			opts.Next = e.sched.Next(at).In(loc)
		}
	}
	return eng.Digest(opts), nil
}

func isZero(r briefings.Reply) bool {
	return r.Kind == "" && r.Title == "" && r.Summary == "" && len(r.Sections) == 0
}
