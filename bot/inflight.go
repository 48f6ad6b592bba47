package bot

import (
	"context"
	"sync"
)

// InFlight counts work in progress (answers being built and sent) so an
// adapter can wait for it at shutdown. Unlike a sync.WaitGroup it may be
// waited on while new work is still added (requests keep arriving until
// the HTTP server stops). The zero value is ready to use.
type InFlight struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to zero; nil when nobody waits
}

// Add records one more piece of work.
func (t *InFlight) Add() {
	t.mu.Lock()
	t.n++
	t.mu.Unlock()
}

// Done records that a piece of work finished.
func (t *InFlight) Done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 && t.idle != nil {
		close(t.idle)
		t.idle = nil
	}
}

// Count is the work in progress now.
func (t *InFlight) Count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}

// Wait blocks until nothing is in flight (true) or ctx ends (false).
func (t *InFlight) Wait(ctx context.Context) bool {
	for {
		t.mu.Lock()
		if t.n == 0 {
			t.mu.Unlock()
			return true
		}
		if t.idle == nil {
			t.idle = make(chan struct{})
		}
		ch := t.idle
		t.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return false
		}
	}
}
