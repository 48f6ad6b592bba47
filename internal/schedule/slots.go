package schedule

import (
	"errors"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // time zones work in minimal containers without /usr/share/zoneinfo

	"github.com/robfig/cron/v3"
)

// specParser accepts five fields, an optional leading seconds field, and
// descriptors (@daily, @hourly, @every 90m ...).
var specParser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// cronStarBit is the bit robfig/cron sets in a field parsed from "*" or
// "*/n" (unexported there as starBit).
const cronStarBit = 1 << 63

// Parse reads a cron spec (minute hour day-of-month month day-of-week, an
// optional seconds field first, or a descriptor such as @daily or
// @every 1h) to be computed in timezone (an IANA name; "" means UTC). A
// CRON_TZ=Zone prefix in spec is accepted when it agrees with timezone.
//
// The schedule is DST-safe in the sense that every slot is a distinct
// instant computed in the digest's zone:
//   - a local time that does not exist on the day clocks go forward (01:30
//     in London on the last Sunday of March) is not run that day: robfig/cron
//     semantics, the schedule next fires on the next day that has it;
//   - a local time that occurs twice on the day clocks go back runs once,
//     at its first occurrence, when the hour field is fixed ("30 1 * * *"),
//     as in Vixie cron; when the hour field is a wildcard ("0 * * * *",
//     "*/10 * * * *") both occurrences are real, distinct times and both run;
//   - @every D is aligned to multiples of D since the Unix epoch, so every
//     process names the same slots whenever it started.
func Parse(spec, timezone string) (cron.Schedule, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, errors.New("the schedule is empty")
	}
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		prefix, rest, _ := strings.Cut(spec, " ")
		_, zone, _ := strings.Cut(prefix, "=")
		if timezone != "" && timezone != zone {
			return nil, fmt.Errorf("the schedule says %s but the time zone is %s", prefix, timezone)
		}
		timezone, spec = zone, strings.TrimSpace(rest)
	}
	loc, err := LoadLocation(timezone)
	if err != nil {
		return nil, err
	}
	parsed, err := specParser.Parse(spec)
	if err != nil {
		return nil, err
	}
	var sched cron.Schedule
	switch s := parsed.(type) {
	case *cron.SpecSchedule:
		s.Location = loc
		sched = s
		if s.Hour&cronStarBit == 0 {
			sched = onceInRepeatedHour{s}
		}
	case cron.ConstantDelaySchedule:
		sched = alignedEvery{s.Delay}
	default:
		return nil, fmt.Errorf("unsupported schedule %q", spec)
	}
	if sched.Next(time.Now()).IsZero() {
		return nil, errors.New("the schedule never runs")
	}
	return sched, nil
}

// LoadLocation loads an IANA time zone; "" is UTC.
func LoadLocation(name string) (*time.Location, error) {
	if name == "" || strings.EqualFold(name, "utc") {
		return time.UTC, nil
	}
	if strings.EqualFold(name, "local") {
		return nil, errors.New(`time zone "Local" depends on the machine; name a zone such as Europe/London`)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q", name)
	}
	return loc, nil
}

// alignedEvery fires every d, on multiples of d since the Unix epoch.
type alignedEvery struct{ d time.Duration }

// Next implements cron.Schedule.
func (a alignedEvery) Next(t time.Time) time.Time {
	step := int64(a.d / time.Second)
	n := t.Unix()
	next := (n/step + 1) * step
	if n < 0 && n%step != 0 {
		next -= step
	}
	return time.Unix(next, 0).In(t.Location())
}

// onceInRepeatedHour skips the second occurrence of a wall-clock time in
// the hour repeated when clocks go back.
type onceInRepeatedHour struct{ *cron.SpecSchedule }

// Next implements cron.Schedule.
func (o onceInRepeatedHour) Next(t time.Time) time.Time {
	n := o.SpecSchedule.Next(t)
	for i := 0; i < 8 && !n.IsZero() && repeatedWallClock(n.In(o.Location)); i++ {
		n = o.SpecSchedule.Next(n)
	}
	return n
}

// repeatedWallClock reports whether t's wall-clock time also occurred
// earlier, just before its zone's offset went back.
func repeatedWallClock(t time.Time) bool {
	_, off := t.Zone()
	_, before := t.Add(-3 * time.Hour).Zone()
	if before <= off {
		return false
	}
	earlier := t.Add(-time.Duration(before-off) * time.Second)
	if _, o := earlier.Zone(); o != before {
		return false
	}
	y1, m1, d1 := earlier.Date()
	y2, m2, d2 := t.Date()
	return y1 == y2 && m1 == m2 && d1 == d2 && earlier.Hour() == t.Hour() && earlier.Minute() == t.Minute() && earlier.Second() == t.Second()
}

// maxSteps bounds the walk over a schedule's activations.
const maxSteps = 1 << 20

// PrevSlot returns the latest activation of sched at or before now that is
// no earlier than now-lookback, as a UTC instant. It is the nominal slot
// every process computes the same way, whenever its timer fired. It
// gallops back from now in doubling windows, then steps forward with
// sched.Next, so a dense schedule costs a few steps and a sparse one a few
// dozen.
func PrevSlot(sched cron.Schedule, now time.Time, lookback time.Duration) (time.Time, bool) {
	now = now.Round(0) // wall clock only
	earliest := now.Add(-lookback)
	from := earliest.Add(-time.Nanosecond) // Next(from) may be earliest itself
	for w := time.Second; w < lookback; w *= 2 {
		if n := sched.Next(now.Add(-w)); !n.IsZero() && !n.After(now) {
			from = now.Add(-w)
			break
		}
	}
	var last time.Time
	n := sched.Next(from)
	for i := 0; i < maxSteps && !n.IsZero() && !n.After(now); i++ {
		last = n
		n = sched.Next(n)
	}
	if last.IsZero() || last.Before(earliest) {
		return time.Time{}, false
	}
	return last.UTC(), true
}
