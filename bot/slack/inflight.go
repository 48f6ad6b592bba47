package slack

import "sync"

// inflight counts answers being worked on so Run can wait for them. Unlike
// a sync.WaitGroup it may be waited on while new work is still added
// (requests keep arriving until the HTTP server stops).
type inflight struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to zero; nil when nobody waits
}

func (t *inflight) add() {
	t.mu.Lock()
	t.n++
	t.mu.Unlock()
}

func (t *inflight) done() {
	t.mu.Lock()
	t.n--
	if t.n == 0 && t.idle != nil {
		close(t.idle)
		t.idle = nil
	}
	t.mu.Unlock()
}

// wait returns a channel closed once nothing is in flight.
func (t *inflight) wait() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n == 0 {
		c := make(chan struct{})
		close(c)
		return c
	}
	if t.idle == nil {
		t.idle = make(chan struct{})
	}
	return t.idle
}
