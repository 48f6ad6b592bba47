package schedule

import (
	"context"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/store/storetest"
)

func TestStartNowPostsAnOverviewThenWhatIsNew(t *testing.T) {
	d := morning(0, WhenEmptySkip)
	d.Start, d.MaxArticles = StartNow, 3
	r := newRig(t, storetest.SQLite(t), nil, false, withDigests(d))
	r.runSlot(t, "morning", t0, false)
	r.engine.add("bbc/3")
	r.runSlot(t, "morning", t0.Add(24*time.Hour), false)
	if got := joined(r.slack.titles("C1")); got != "Overview,1 new" {
		t.Fatalf("posts = %s, want the overview and then only the new article", got)
	}
	if seen, _ := r.st.Seen(context.Background(), slackC); len(seen) != 3 {
		t.Fatalf("seen = %v", seen)
	}
	opts := r.engine.last
	london, _ := time.LoadLocation("Europe/London")
	if opts.Limit != 3 || opts.Location.String() != "Europe/London" || !opts.Next.Equal(t0.Add(48*time.Hour).In(london)) {
		t.Fatalf("digest options: limit %d, zone %v, next %v", opts.Limit, opts.Location, opts.Next)
	}
}

func TestSpotlightsTakeTurns(t *testing.T) {
	d := morning(0, WhenEmptySpotlight)
	d.Start = StartBacklog
	r := newRig(t, storetest.SQLite(t), nil, false, withDigests(d))
	r.engine.add("bbc/3")
	for i := range 5 {
		r.runSlot(t, "morning", t0.Add(time.Duration(i)*24*time.Hour), false)
	}
	// Two targets ask in turn: each channel sees every article once
	// before any comes back.
	var slack []string
	for i, id := range r.engine.spotlights {
		if i%2 == 0 {
			slack = append(slack, id)
		}
	}
	if got, want := joined(slack), "bbc/1,bbc/2,bbc/3,bbc/1"; got != want {
		t.Fatalf("spotlights in C1 = %s, want %s", got, want)
	}
}

func TestThreadRepliesOpenAThread(t *testing.T) {
	d := morning(0, WhenEmptySpotlight)
	d.ThreadReplies = true
	r := newRig(t, storetest.SQLite(t), nil, false, withDigests(d))
	r.runSlot(t, "morning", t0, false)
	if got := joined(r.slack.titles("C1+thread")); got != "2 new" {
		t.Fatalf("posts with a thread = %q, want the digest", got)
	}
}
