package slack

import (
	"sync"
	"time"
)

// seenSet remembers recent event ids so a retried delivery is answered
// once. It is bounded both in size (the oldest id is forgotten first) and
// in time (Slack retries within minutes, so old ids expire).
type seenSet struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	at    map[string]time.Time
	order []string // ring of ids in insertion order
	next  int      // ring position of the oldest id once full
}

func newSeenSet(max int, ttl time.Duration) *seenSet {
	return &seenSet{max: max, ttl: ttl, at: make(map[string]time.Time, max)}
}

// firstTime records id and reports whether it was not seen within the TTL.
func (s *seenSet) firstTime(id string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.at[id]; ok && now.Sub(t) < s.ttl {
		return false
	} else if ok {
		s.at[id] = now // expired: seen anew, keeps its ring slot
		return true
	}
	if len(s.order) < s.max {
		s.order = append(s.order, id)
	} else {
		delete(s.at, s.order[s.next])
		s.order[s.next] = id
		s.next = (s.next + 1) % s.max
	}
	s.at[id] = now
	return true
}
