package schedule

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/store"
)

var _ bot.Digests = (*Scheduler)(nil)

// Preview is the digest the channel would get now (a spotlight when
// nothing is new); it changes nothing.
func (s *Scheduler) Preview(ctx context.Context, platform, channel string) (briefings.Reply, error) {
	dg, err := s.build(ctx, Target{Platform: platform, Channel: channel}, nil, s.now())
	if err != nil {
		return briefings.Reply{}, err
	}
	if isZero(dg.Reply) {
		return briefings.Reply{Kind: briefings.KindDigest, Title: "Nothing new",
			Summary: "Every document in the corpus has already been posted here."}, nil
	}
	return dg.Reply, nil
}

// Subscribe validates a chat subscription, stores it and schedules it at
// once. Schedule and time zone problems are *bot.UserError. When the
// channel already has the same schedule in the same time zone (a replayed
// or double-submitted request) it changes nothing and returns that
// subscription with bot.ErrAlreadySubscribed.
func (s *Scheduler) Subscribe(ctx context.Context, sub bot.Subscription) (bot.Subscription, error) {
	if sub.Platform == "" || sub.Channel == "" {
		return bot.Subscription{}, errors.New("schedule: subscription without platform or channel")
	}
	if _, ok := s.cfg.Platforms[sub.Platform]; !ok {
		return bot.Subscription{}, &bot.UserError{Msg: fmt.Sprintf("Scheduled digests can't be posted to %s by this bot.", sub.Platform)}
	}
	sub.Schedule = strings.Join(strings.Fields(sub.Schedule), " ")
	if sub.Timezone == "" {
		sub.Timezone = "UTC"
	}
	if sub.WhenEmpty == "" {
		sub.WhenEmpty = WhenEmptySpotlight
	}
	if sub.WhenEmpty != WhenEmptySkip && sub.WhenEmpty != WhenEmptySpotlight {
		return bot.Subscription{}, &bot.UserError{Msg: "When nothing is new, a digest can either skip or post a spotlight."}
	}
	if _, err := LoadLocation(sub.Timezone); err != nil {
		return bot.Subscription{}, &bot.UserError{Msg: fmt.Sprintf("I don't know the time zone %q. Use a name like Europe/London, America/New_York or UTC.", sub.Timezone)}
	}
	sched, err := Parse(sub.Schedule, sub.Timezone)
	if err != nil {
		return bot.Subscription{}, &bot.UserError{Msg: fmt.Sprintf("I couldn't use the schedule %q: %v. Use five fields (minute hour day month weekday) like \"0 9 * * 1-5\", optionally with seconds first, or @daily, @hourly, @every 6h.", sub.Schedule, err)}
	}
	if gap := shortestGap(sched, s.now(), 16); gap < s.cfg.MinSubscriptionInterval {
		return bot.Subscription{}, &bot.UserError{Msg: fmt.Sprintf("That schedule runs every %s; digests from chat can run at most once every %s.", gap, s.cfg.MinSubscriptionInterval)}
	}
	target := Target{Platform: sub.Platform, Channel: sub.Channel}
	existing, err := s.cfg.Store.ChannelSubscriptions(ctx, target)
	if err != nil {
		return bot.Subscription{}, err
	}
	// next is when a subscription runs next, in its own time zone.
	next := func(b bot.Subscription) bot.Subscription {
		if loc, err := LoadLocation(b.Timezone); err == nil {
			b.Next = sched.Next(s.now()).In(loc)
		}
		return b
	}
	for _, e := range existing {
		if e.Schedule == sub.Schedule && e.Timezone == sub.Timezone {
			return next(toBot(e)), bot.ErrAlreadySubscribed
		}
	}
	if len(existing) >= s.cfg.MaxSubscriptionsPerChannel {
		return bot.Subscription{}, &bot.UserError{Msg: fmt.Sprintf("This channel already has %d digests, the most it can have. /digest unsubscribe ID stops one.", len(existing))}
	}

	row := store.Subscription{Platform: sub.Platform, Channel: sub.Channel, Schedule: sub.Schedule,
		Timezone: sub.Timezone, WhenEmpty: sub.WhenEmpty, CreatedBy: sub.CreatedBy, CreatedAt: s.now().UTC().Truncate(time.Millisecond)}
	for try := 0; ; try++ {
		row.ID = newID()
		if s.isConfigDigest(row.ID) {
			continue
		}
		err = s.cfg.Store.AddSubscription(ctx, row)
		if err == nil {
			break
		}
		// Another process stored the same request a moment ago.
		var dup *store.DuplicateError
		if errors.As(err, &dup) {
			return next(toBot(dup.Existing)), bot.ErrAlreadySubscribed
		}
		if !errors.Is(err, store.ErrExists) || try >= 5 {
			return bot.Subscription{}, err
		}
	}
	s.mu.Lock()
	if !s.stopped {
		s.addSubscriptionLocked(row)
	}
	s.mu.Unlock()
	s.log.Info("digest subscribed from chat", "digest", row.ID, "platform", row.Platform, "channel", row.Channel, "schedule", row.Schedule, "timezone", row.Timezone)
	return next(toBot(row)), nil
}

// List returns the channel's digests: those from the config file that post
// to it, then its chat subscriptions.
func (s *Scheduler) List(ctx context.Context, platform, channel string) ([]bot.Subscription, error) {
	target := Target{Platform: platform, Channel: channel}
	var out []bot.Subscription
	for _, d := range s.cfg.Digests {
		if slices.Contains(d.Targets, target) {
			out = append(out, bot.Subscription{ID: d.ID, Platform: platform, Channel: channel, Schedule: d.Schedule,
				Timezone: orUTC(d.Timezone), WhenEmpty: orSpotlight(d.WhenEmpty), FromConfig: true})
		}
	}
	subs, err := s.cfg.Store.ChannelSubscriptions(ctx, target)
	if err != nil {
		return nil, err
	}
	for _, sub := range subs {
		out = append(out, toBot(sub))
	}
	return out, nil
}

// Unsubscribe removes a chat subscription of the channel and unschedules
// it at once; bot.ErrNoSubscription when the channel has none with that id.
// Digests from the config file cannot be removed from chat.
func (s *Scheduler) Unsubscribe(ctx context.Context, platform, channel, id string) error {
	id = strings.TrimSpace(id)
	target := Target{Platform: platform, Channel: channel}
	for _, d := range s.cfg.Digests {
		if d.ID == id && slices.Contains(d.Targets, target) {
			return &bot.UserError{Msg: fmt.Sprintf("The digest %s is set in the bot's config file, so it can't be stopped from chat. Ask whoever runs the bot to remove it there.", id)}
		}
	}
	if err := s.cfg.Store.DeleteSubscription(ctx, target, id); errors.Is(err, store.ErrNotFound) {
		return bot.ErrNoSubscription
	} else if err != nil {
		return err
	}
	s.mu.Lock()
	s.unscheduleLocked(id)
	s.mu.Unlock()
	s.log.Info("digest unsubscribed from chat", "digest", id, "platform", platform, "channel", channel)
	return nil
}

// reconcile brings the scheduled chat subscriptions in line with the store
// (subscriptions made or removed by other processes).
func (s *Scheduler) reconcile(ctx context.Context) error {
	subs, err := s.cfg.Store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	want := make(map[string]bool, len(subs))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return nil
	}
	for _, sub := range subs {
		want[sub.ID] = true
		if _, ok := s.entries[sub.ID]; !ok {
			s.addSubscriptionLocked(sub)
		}
	}
	for id, e := range s.entries {
		if !e.fromConfig && !want[id] {
			s.unscheduleLocked(id)
			s.log.Info("digest unsubscribed elsewhere; unscheduled", "digest", id)
		}
	}
	return nil
}

// addSubscriptionLocked schedules a chat subscription (at once when
// running). s.mu is held.
func (s *Scheduler) addSubscriptionLocked(sub store.Subscription) {
	if _, ok := s.entries[sub.ID]; ok {
		if s.entries[sub.ID].fromConfig && !s.warned[sub.ID] {
			s.warned[sub.ID] = true
			s.log.Warn("a chat subscription has the id of a config digest; ignored", "digest", sub.ID)
		}
		return
	}
	e, err := s.newEntry(Digest{ID: sub.ID, Schedule: sub.Schedule, Timezone: sub.Timezone,
		Targets: []Target{{Platform: sub.Platform, Channel: sub.Channel}}, WhenEmpty: sub.WhenEmpty, CatchUp: s.cfg.SubscriptionCatchUp,
		Start: StartNow})
	if err != nil {
		if !s.warned[sub.ID] {
			s.warned[sub.ID] = true
			s.log.Warn("a chat subscription cannot be scheduled; ignored", "digest", sub.ID, "err", err)
		}
		return
	}
	e.created = sub.CreatedAt
	s.entries[sub.ID] = e
	if s.started {
		s.scheduleLocked(e)
	}
}

func (s *Scheduler) isConfigDigest(id string) bool {
	for _, d := range s.cfg.Digests {
		if d.ID == id {
			return true
		}
	}
	return false
}

// Scheduled returns the ids of the digests scheduled in this process.
func (s *Scheduler) Scheduled() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(s.entries))
	for id := range s.entries {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

const idAlphabet = "abcdefghijklmnopqrstuvwxyz234567"

// newID is a short, readable subscription id: "d-" and six base32 letters.
func newID() string {
	var b [6]byte
	rand.Read(b[:])
	out := []byte("d-")
	for _, c := range b {
		out = append(out, idAlphabet[c&31])
	}
	return string(out)
}

// shortestGap is the shortest time between n consecutive runs from now.
func shortestGap(sched interface{ Next(time.Time) time.Time }, now time.Time, n int) time.Duration {
	gap := time.Duration(1<<63 - 1)
	prev := sched.Next(now)
	for range n {
		next := sched.Next(prev)
		if next.IsZero() {
			break
		}
		gap = min(gap, next.Sub(prev))
		prev = next
	}
	return gap
}

func toBot(sub store.Subscription) bot.Subscription {
	return bot.Subscription{ID: sub.ID, Platform: sub.Platform, Channel: sub.Channel, Schedule: sub.Schedule,
		Timezone: sub.Timezone, WhenEmpty: sub.WhenEmpty, CreatedBy: sub.CreatedBy, Created: sub.CreatedAt}
}

func orUTC(tz string) string {
	if tz == "" {
		return "UTC"
	}
	return tz
}

func orSpotlight(w string) string {
	if w == "" {
		return WhenEmptySpotlight
	}
	return w
}
