package schedule

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func mustParse(t *testing.T, spec, tz string) cron.Schedule {
	t.Helper()
	s, err := Parse(spec, tz)
	if err != nil {
		t.Fatalf("Parse(%q, %q): %v", spec, tz, err)
	}
	return s
}

func TestPrevSlot(t *testing.T) {
	tests := []struct {
		name     string
		spec, tz string
		now      string
		lookback time.Duration
		want     string // "" means no slot in the window
	}{
		{"seconds field", "*/5 * * * * *", "", "2025-03-01T12:00:07.300Z", time.Minute, "2025-03-01T12:00:05Z"},
		{"exactly on the slot", "*/5 * * * * *", "", "2025-03-01T12:00:05Z", time.Minute, "2025-03-01T12:00:05Z"},
		{"every second", "* * * * * *", "", "2025-03-01T12:00:07.999Z", time.Minute, "2025-03-01T12:00:07Z"},
		{"seconds in a daily spec", "30 0 9 * * *", "UTC", "2025-03-01T09:00:29Z", 48 * time.Hour, "2025-02-28T09:00:30Z"},
		{"weekdays in London, on a Saturday", "0 9 * * 1-5", "Europe/London", "2025-03-01T10:00:00Z", 8 * 24 * time.Hour, "2025-02-28T09:00:00Z"},
		{"weekdays in London, summer time", "0 9 * * 1-5", "Europe/London", "2025-07-01T08:59:59Z", 8 * 24 * time.Hour, "2025-07-01T08:00:00Z"},
		{"@daily in New York", "@daily", "America/New_York", "2025-07-01T03:00:00Z", 48 * time.Hour, "2025-06-30T04:00:00Z"},
		{"@hourly", "@hourly", "Asia/Kolkata", "2025-07-01T03:10:00Z", 2 * time.Hour, "2025-07-01T02:30:00Z"},
		{"@every aligned to the epoch", "@every 2h", "", "2025-07-01T05:30:00Z", 3 * time.Hour, "2025-07-01T04:00:00Z"},
		{"@every 90s", "@every 90s", "", "1970-01-01T00:04:00Z", time.Hour, "1970-01-01T00:03:00Z"},
		{"CRON_TZ prefix", "CRON_TZ=Asia/Tokyo 0 9 * * *", "", "2025-07-01T01:00:00Z", 48 * time.Hour, "2025-07-01T00:00:00Z"},
		{"window too short", "0 9 * * *", "UTC", "2025-03-01T10:00:00Z", 59 * time.Minute, ""},
		{"window reaches the slot exactly", "0 9 * * *", "UTC", "2025-03-01T10:00:00Z", time.Hour, "2025-03-01T09:00:00Z"},
		{"yearly", "@yearly", "Europe/Paris", "2025-03-01T10:00:00Z", 365 * 24 * time.Hour, "2024-12-31T23:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := PrevSlot(mustParse(t, tt.spec, tt.tz), utc(tt.now), tt.lookback)
			if tt.want == "" {
				if ok {
					t.Fatalf("PrevSlot = %v, want none", got)
				}
				return
			}
			if !ok || !got.Equal(utc(tt.want)) || got.Location() != time.UTC {
				t.Fatalf("PrevSlot = %v, %v; want %s", got, ok, tt.want)
			}
		})
	}
}

// TestPrevSlotMatchesBruteForce checks the galloping search against a plain
// walk over every activation in the window, at random instants.
func TestPrevSlotMatchesBruteForce(t *testing.T) {
	specs := []struct {
		spec, tz    string
		maxLookback time.Duration // keeps the brute-force walk short
	}{
		{"*/7 * * * * *", "", 2 * time.Hour}, {"0 */15 * * * *", "Europe/London", 4 * 24 * time.Hour},
		{"0 9 * * 1-5", "America/New_York", 40 * 24 * time.Hour}, {"30 1 * * *", "Europe/London", 40 * 24 * time.Hour},
		{"0 * * * *", "America/New_York", 10 * 24 * time.Hour}, {"@every 45m", "", 10 * 24 * time.Hour},
		{"0 0 1 * *", "Australia/Lord_Howe", 90 * 24 * time.Hour},
	}
	r := rand.New(rand.NewPCG(1, 2))
	base := utc("2025-01-01T00:00:00Z")
	for _, sp := range specs {
		sched := mustParse(t, sp.spec, sp.tz)
		for range 200 {
			now := base.Add(time.Duration(r.Int64N(int64(365 * 24 * time.Hour))))
			lookback := time.Duration(r.Int64N(int64(sp.maxLookback))) + time.Second
			var want time.Time
			for n := sched.Next(now.Add(-lookback).Add(-time.Nanosecond)); !n.After(now); n = sched.Next(n) {
				want = n
			}
			got, ok := PrevSlot(sched, now, lookback)
			if ok != !want.IsZero() || (ok && !got.Equal(want)) {
				t.Fatalf("%s in %q at %v lookback %v: PrevSlot = %v, %v; brute force %v", sp.spec, sp.tz, now, lookback, got, ok, want)
			}
		}
	}
}

// slots lists a schedule's activations in [from, to).
func slots(sched cron.Schedule, from, to time.Time) []string {
	var out []string
	for n := sched.Next(from.Add(-time.Nanosecond)); n.Before(to); n = sched.Next(n) {
		out = append(out, n.UTC().Format(time.RFC3339))
	}
	return out
}

// TestDST lists the slots around the clock changes of 2025. A local time
// skipped when clocks go forward is not run that day (robfig/cron
// semantics); a fixed local time repeated when clocks go back runs once;
// wildcard hours keep every real hour.
func TestDST(t *testing.T) {
	tests := []struct {
		name     string
		spec, tz string
		from, to string
		want     []string
	}{
		{"London spring forward: 01:30 does not exist on 30 March", "30 1 * * *", "Europe/London",
			"2025-03-29T00:00:00Z", "2025-04-01T00:00:00Z",
			[]string{"2025-03-29T01:30:00Z", "2025-03-31T00:30:00Z"}},
		{"London spring forward: 09:00 moves to 08:00 UTC", "0 9 * * *", "Europe/London",
			"2025-03-29T00:00:00Z", "2025-04-01T00:00:00Z",
			[]string{"2025-03-29T09:00:00Z", "2025-03-30T08:00:00Z", "2025-03-31T08:00:00Z"}},
		{"London spring forward: hourly keeps every real hour", "0 * * * *", "Europe/London",
			"2025-03-30T00:00:00Z", "2025-03-30T03:00:00Z",
			[]string{"2025-03-30T00:00:00Z", "2025-03-30T01:00:00Z", "2025-03-30T02:00:00Z"}},
		{"London fall back: 01:30 happens twice, runs once", "30 1 * * *", "Europe/London",
			"2025-10-25T00:00:00Z", "2025-10-28T00:00:00Z",
			[]string{"2025-10-25T00:30:00Z", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"}},
		{"London fall back: fixed hour with minutes runs the first hour only", "*/20 1 * * *", "Europe/London",
			"2025-10-26T00:00:00Z", "2025-10-26T03:00:00Z",
			[]string{"2025-10-26T00:00:00Z", "2025-10-26T00:20:00Z", "2025-10-26T00:40:00Z"}},
		{"London fall back: wildcard hour runs both hours", "0 */1 * * *", "Europe/London",
			"2025-10-25T23:00:00Z", "2025-10-26T02:00:00Z",
			[]string{"2025-10-25T23:00:00Z", "2025-10-26T00:00:00Z", "2025-10-26T01:00:00Z"}},
		{"New York spring forward: 02:30 does not exist on 9 March", "30 2 * * *", "America/New_York",
			"2025-03-08T00:00:00Z", "2025-03-11T00:00:00Z",
			[]string{"2025-03-08T07:30:00Z", "2025-03-10T06:30:00Z"}},
		{"New York spring forward: 09:00 EST then EDT", "0 9 * * *", "America/New_York",
			"2025-03-08T00:00:00Z", "2025-03-10T00:00:00Z",
			[]string{"2025-03-08T14:00:00Z", "2025-03-09T13:00:00Z"}},
		{"New York fall back: 01:30 runs once, at EDT", "30 1 * * *", "America/New_York",
			"2025-11-01T12:00:00Z", "2025-11-03T12:00:00Z",
			[]string{"2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z"}},
		{"New York fall back: every 30 minutes keeps both 01:30s", "*/30 * * * *", "America/New_York",
			"2025-11-02T05:00:00Z", "2025-11-02T07:00:00Z",
			[]string{"2025-11-02T05:00:00Z", "2025-11-02T05:30:00Z", "2025-11-02T06:00:00Z", "2025-11-02T06:30:00Z"}},
		{"seconds through New York fall back", "0 0 1 * * *", "America/New_York",
			"2025-11-02T00:00:00Z", "2025-11-03T00:00:00Z",
			[]string{"2025-11-02T05:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slots(mustParse(t, tt.spec, tt.tz), utc(tt.from), utc(tt.to))
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Fatalf("slots =\n  %v\nwant\n  %v", got, tt.want)
			}
		})
	}

	// PrevSlot agrees: just after the repeated 01:30 the slot is the first one.
	sched := mustParse(t, "30 1 * * *", "Europe/London")
	if got, _ := PrevSlot(sched, utc("2025-10-26T01:45:00Z"), 24*time.Hour); !got.Equal(utc("2025-10-26T00:30:00Z")) {
		t.Fatalf("PrevSlot after the repeated hour = %v", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		spec, tz, want string
	}{
		{"", "UTC", "empty"},
		{"0 9 * *", "UTC", "fields"},
		{"0 25 * * *", "UTC", "above maximum"},
		{"@fortnightly", "UTC", "unrecognized descriptor"},
		{"0 9 * * *", "Mars/Olympus", "unknown time zone"},
		{"0 9 * * *", "Local", "depends on the machine"},
		{"CRON_TZ=Asia/Tokyo 0 9 * * *", "Europe/London", "time zone is Europe/London"},
		{"0 0 30 2 *", "UTC", "never runs"},
	}
	for _, tt := range tests {
		t.Run(tt.spec+" "+tt.tz, func(t *testing.T) {
			_, err := Parse(tt.spec, tt.tz)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func BenchmarkPrevSlot(b *testing.B) {
	for _, bc := range []struct{ name, spec, tz string }{
		{"every-second", "* * * * * *", ""},
		{"weekdays-london", "0 9 * * 1-5", "Europe/London"},
		{"monthly", "0 0 1 * *", "America/New_York"},
	} {
		sched, err := Parse(bc.spec, bc.tz)
		if err != nil {
			b.Fatal(err)
		}
		now := utc("2025-03-09T12:34:56.789Z")
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, ok := PrevSlot(sched, now, 40*24*time.Hour); !ok {
					b.Fatal("no slot")
				}
			}
		})
	}
}
