package retry

import (
	"context"
	"errors"
	"testing"
	"time"
)

var errBusy, errBad = errors.New("busy"), errors.New("bad request")

func classify(err error) Verdict {
	switch {
	case errors.Is(err, errBusy):
		return Verdict{Retry: true}
	case err.Error() == "429":
		return Verdict{Retry: true, After: time.Hour}
	}
	return Verdict{}
}

func TestDo(t *testing.T) {
	fast := Policy{Attempts: 4, Initial: time.Millisecond, Max: 4 * time.Millisecond}
	tests := []struct {
		name     string
		p        Policy
		errs     []error // what each attempt returns; nil succeeds
		attempts int
		want     error
		waits    []time.Duration
	}{
		{"first try", fast, []error{nil}, 1, nil, nil},
		{"retried then ok", fast, []error{errBusy, errBusy, nil}, 3, nil, []time.Duration{time.Millisecond, 2 * time.Millisecond}},
		{"gives up after the attempts", fast, []error{errBusy, errBusy, errBusy, errBusy, nil}, 4, errBusy, []time.Duration{time.Millisecond, 2 * time.Millisecond, 4 * time.Millisecond}},
		{"not retryable", fast, []error{errBad, nil}, 1, errBad, nil},
		{"retry-after over the cap", Policy{Attempts: 3, MaxRetryAfter: time.Minute}, []error{errors.New("429"), nil}, 1, errors.New("429"), nil},
		{"retry-after honoured, scaled", Policy{Attempts: 3, Scale: 1e-6}, []error{errors.New("429"), nil}, 2, nil, []time.Duration{3600 * time.Microsecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var waits []time.Duration
			i := 0
			n, err := tt.p.Do(context.Background(), func(context.Context) error { i++; return tt.errs[i-1] }, classify,
				func(_ int, w time.Duration, _ error) { waits = append(waits, w) })
			if n != tt.attempts || (err == nil) != (tt.want == nil) || (err != nil && err.Error() != tt.want.Error()) {
				t.Fatalf("Do = %d, %v; want %d, %v", n, err, tt.attempts, tt.want)
			}
			if len(waits) != len(tt.waits) {
				t.Fatalf("waits %v, want %v", waits, tt.waits)
			}
			for j := range waits {
				if waits[j] != tt.waits[j] {
					t.Fatalf("waits %v, want %v", waits, tt.waits)
				}
			}
		})
	}
}

func TestDoStopsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	n, err := Policy{Initial: time.Hour}.Do(ctx, func(context.Context) error { return errBusy }, classify, nil)
	if n != 1 || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Do = %d, %v; want one attempt and the context's error", n, err)
	}
}

func TestBackoffJitterStaysInItsHalf(t *testing.T) {
	p := Policy{Initial: 100 * time.Millisecond, Max: time.Second, Jitter: true}
	for n := 1; n < 10; n++ {
		full := min(p.Initial<<(n-1), p.Max)
		if w := p.Backoff(n); w < full/2 || w > full {
			t.Fatalf("Backoff(%d) = %v, want within [%v, %v]", n, w, full/2, full)
		}
	}
}
