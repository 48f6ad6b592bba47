package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
)

// The digest the scheduling tests configure: every 2 seconds, posted to one
// Slack channel of the fake.
const (
	e2eDigestID      = "e2e-every-2s"
	e2eDigestChannel = "C0DIGEST"
	e2eSlotPeriod    = 2 * time.Second
)

var e2eDigestTarget = store.Target{Platform: "slack", Channel: e2eDigestChannel}

// e2eDigestConfig is a serve config with Slack in HTTP mode (its bot
// token from $E2E_SLACK_BOT_TOKEN) and the 2-second digest.
func e2eDigestConfig(addr, corpusDir, driver, dsn, apiURL string) string {
	corpusSection := ""
	if corpusDir != "" {
		corpusSection = fmt.Sprintf("corpus:\n  dir: %q\n  reload: 0\n", corpusDir)
	}
	return fmt.Sprintf(`
http:
  addr: %q
%sstore:
  driver: %s
  dsn: %q
%sdigests:
  - id: %s
    schedule: "*/2 * * * * *"
    timezone: UTC
    when_empty: spotlight
    catch_up: 1m
    start: backlog
    targets:
      - {platform: slack, channel: %s}
`, addr, corpusSection, driver, dsn, e2eSlackYAML(apiURL), e2eDigestID, e2eDigestChannel)
}

// e2eSlotOf is the 2-second slot a post received at t belongs to, when it
// was posted by the timer of that slot: the scheduler fires at the slot's
// nominal time and the fake is local, so a post lands within milliseconds
// of its slot. (A catch-up post made at start-up for an earlier slot does
// not; the tests account for those separately.)
func e2eSlotOf(t time.Time) time.Time {
	s := t.Unix()
	return time.Unix(s-s%int64(e2eSlotPeriod/time.Second), 0).UTC()
}

// e2eWaitMidSlot sleeps until the middle of a slot period (1 s after a
// slot) that is not before after. Stopping or killing a process there
// finds it idle: the previous slot's post finished long ago and the next
// one is a second away.
func e2eWaitMidSlot(after time.Time) time.Time {
	at := e2eSlotOf(after).Add(e2eSlotPeriod / 2)
	for at.Before(after) {
		at = at.Add(e2eSlotPeriod)
	}
	time.Sleep(time.Until(at))
	return at
}

// e2eOwnerPID is the process id in a scheduler owner name
// (host-pid-random).
func e2eOwnerPID(owner string) int {
	parts := strings.Split(owner, "-")
	if len(parts) < 3 {
		return 0
	}
	pid, _ := strconv.Atoi(parts[len(parts)-2])
	return pid
}

// e2eRuns reads the digest's runs from the store the processes shared,
// after they stopped.
func e2eRuns(t *testing.T, driver, dsn string) ([]store.Run, map[string]bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	st, err := store.Open(ctx, driver, dsn)
	if err != nil {
		t.Fatalf("open the %s store the processes used: %v", driver, err)
	}
	defer st.Close()
	runs, err := st.Runs(ctx, e2eDigestID)
	if err != nil {
		t.Fatal(err)
	}
	seen, err := st.Seen(ctx, e2eDigestTarget)
	if err != nil {
		t.Fatal(err)
	}
	return runs, seen
}

// e2eSlotReport checks that the posts received and the runs recorded in the
// store agree: every run was posted, and exactly one message reached Slack
// per run (so no slot was posted twice, and none posted without a claim).
// It returns the runs by slot.
func e2eSlotReport(t *testing.T, runs []store.Run, posts []e2eSlackPost, logs string) map[time.Time]store.Run {
	t.Helper()
	bySlot := make(map[time.Time]store.Run, len(runs))
	for _, r := range runs {
		bySlot[r.Slot] = r
		if r.State != store.StatePosted {
			t.Errorf("slot %s: run state %q (claimed by %s, %d attempts, error %q), want posted",
				r.Slot.Format(time.TimeOnly), r.State, r.ClaimedBy, r.Attempts, r.LastError)
		}
		if r.Attempts != 1 {
			t.Errorf("slot %s was claimed %d times (a claim was taken over)", r.Slot.Format(time.TimeOnly), r.Attempts)
		}
	}
	// Each run posts one message to the one target (when_empty is
	// spotlight, so there is always something to post).
	if len(posts) != len(runs) {
		t.Errorf("%d digest messages reached Slack for %d claimed slots: a slot was posted twice, or without a claim\n%s",
			len(posts), len(runs), logs)
	}
	return bySlot
}

// e2eDescribe lists runs and posts in time order, for failure messages.
func e2eDescribe(runs []store.Run, posts []e2eSlackPost) string {
	type line struct {
		at   time.Time
		text string
	}
	var lines []line
	for _, r := range runs {
		lines = append(lines, line{r.ClaimedAt, fmt.Sprintf("%s claim slot %s by pid %d (%s)",
			r.ClaimedAt.Format("15:04:05.000"), r.Slot.Format(time.TimeOnly), e2eOwnerPID(r.ClaimedBy), r.State)})
	}
	for _, p := range posts {
		title, _, _ := strings.Cut(p.Text, "\n")
		lines = append(lines, line{p.At, fmt.Sprintf("%s post  bucket %s: %.60s", p.At.UTC().Format("15:04:05.000"),
			e2eSlotOf(p.At).Format(time.TimeOnly), title)})
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].at.Before(lines[j].at) })
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// e2eCheckWindow checks that every slot from first to last (inclusive) has
// exactly one post received in its 2-second bucket and a posted run.
func e2eCheckWindow(t *testing.T, what string, first, last time.Time, bySlot map[time.Time]store.Run, posts []e2eSlackPost) {
	t.Helper()
	buckets := map[time.Time]int{}
	for _, p := range posts {
		buckets[e2eSlotOf(p.At)]++
	}
	n := 0
	for s := first; !s.After(last); s = s.Add(e2eSlotPeriod) {
		n++
		if _, ok := bySlot[s]; !ok {
			t.Errorf("%s: slot %s was never claimed (lost)", what, s.Format(time.TimeOnly))
		}
		if c := buckets[s]; c != 1 {
			t.Errorf("%s: slot %s: %d posts received in its 2-second bucket, want 1", what, s.Format(time.TimeOnly), c)
		}
	}
	if n < 3 {
		t.Errorf("%s: only %d slots between %s and %s; the window is too short to show anything", what, n, first.Format(time.TimeOnly), last.Format(time.TimeOnly))
	}
}

// TestE2EDigestsExactlyOncePostgres runs two `briefbot serve` replicas on
// one PostgreSQL schema with a digest every 2 seconds, kills one with
// SIGKILL midway and restarts it, and checks that every slot reached the
// fake Slack exactly once.
func TestE2EDigestsExactlyOncePostgres(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skipf("skipped: set %s to a PostgreSQL DSN (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to run the replicas test", storetest.PostgresEnv)
	}
	e2eBinary(t)
	dsn := storetest.PostgresDSN(t) // a fresh schema, selected by search_path and dropped at the end
	fake := newE2EFakeSlack(t)
	dir := t.TempDir()

	// Each replica has its own bot token, so the fake can tell who posted.
	const tokenA, tokenB = "xoxb-e2e-replica-a", "xoxb-e2e-replica-b"
	replica := func(name, token string) *e2eProc {
		addr := e2eFreeAddr(t)
		cfg := e2eWriteConfig(t, dir, name+".yaml", e2eDigestConfig(addr, "", "postgres", dsn, fake.APIURL()))
		env := e2eEnv("E2E_SLACK_BOT_TOKEN="+token, "E2E_SLACK_SIGNING_SECRET="+e2eSlackSecret)
		return e2eStart(t, name, cfg, addr, env, token, e2eSlackSecret)
	}
	a := replica("replica-a", tokenA)
	b := replica("replica-b", tokenB)
	pidA1, pidB := a.pid(), b.pid()
	t0 := time.Now()

	// Kill A between two slots, so that it dies idle (a process killed
	// between the platform's answer and the store's record may post that
	// slot twice: that moment is the documented limit of exactly once,
	// and not what this test measures).
	killAt := e2eWaitMidSlot(t0.Add(7 * time.Second))
	a.kill()
	// B alone for at least one slot, then A comes back.
	e2eWaitMidSlot(killAt.Add(2 * time.Second))
	restartAt := time.Now()
	a.restart(t)
	pidA2 := a.pid()

	stopAt := e2eWaitMidSlot(t0.Add(19 * time.Second))
	a.cmd.Process.Signal(syscall.SIGTERM)
	b.cmd.Process.Signal(syscall.SIGTERM)
	for _, p := range []*e2eProc{a, b} {
		if code := p.wait(10*time.Second - time.Since(stopAt)); code != 0 {
			t.Errorf("%s: exit code %d after SIGTERM, want 0 within 10 s\n%s", p.name, code, p.tail(30))
		}
	}

	runs, _ := e2eRuns(t, "postgres", dsn)
	posts := fake.Posts(e2eDigestChannel)
	bySlot := e2eSlotReport(t, runs, posts, e2eTails(a, b))

	// The window: from the first slot after both replicas were ready to
	// the last slot before SIGTERM. At its edges a slot may legitimately
	// be missing or land in another bucket: the first replica posts the
	// slot just before it started as a catch-up, at start-up time, and a
	// slot firing as SIGTERM arrives may not be posted. Inside it, both
	// replicas (or B alone while A was down) were running: every slot
	// must be posted exactly once.
	first := e2eSlotOf(t0).Add(e2eSlotPeriod)
	last := e2eSlotOf(stopAt.Add(-time.Second))
	e2eCheckWindow(t, "two replicas", first, last, bySlot, posts)

	// Who posted what: the replica that claimed a slot is the one that
	// posted it, and B carried on alone while A was down.
	byPID := map[int]int{}
	for _, r := range runs {
		byPID[e2eOwnerPID(r.ClaimedBy)]++
		if !r.Slot.Before(killAt) && r.Slot.Before(restartAt) && e2eOwnerPID(r.ClaimedBy) != pidB {
			t.Errorf("slot %s, while A was down, was claimed by pid %d, not B (pid %d)", r.Slot.Format(time.TimeOnly), e2eOwnerPID(r.ClaimedBy), pidB)
		}
	}
	byToken := map[string]int{}
	for _, p := range posts {
		byToken[p.Token]++
	}
	if byToken[tokenA] != byPID[pidA1]+byPID[pidA2] || byToken[tokenB] != byPID[pidB] {
		t.Errorf("posts by replica (A %d, B %d) differ from slots each claimed (A %d+%d, B %d): a replica posted a slot it did not claim",
			byToken[tokenA], byToken[tokenB], byPID[pidA1], byPID[pidA2], byPID[pidB])
	}
	if t.Failed() {
		t.Logf("timeline:\n%s", e2eDescribe(runs, posts))
	}
	t.Logf("%d slots in %v, %d posts; claimed by A before the kill %d, B %d, A after restart %d",
		len(runs), stopAt.Sub(t0).Round(time.Second), len(posts), byPID[pidA1], byPID[pidB], byPID[pidA2])
}

// TestE2EDigestsSQLiteRestart runs one `briefbot serve` on the default
// SQLite store, stops it with SIGTERM, adds an article, and starts it
// again on the same file: no slot is posted twice, the slot missed while
// down is caught up once, and the second run remembers which articles the
// channel was sent (only the new one is news; then spotlights).
func TestE2EDigestsSQLiteRestart(t *testing.T) {
	e2eBinary(t)
	fake := newE2EFakeSlack(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "briefbot.db")
	// Three articles and one whose title and quote carry broadcast
	// mentions (digests render corpus text too).
	corpusDir := e2eCorpus(t, false, "digest/first", "inject")
	addr := e2eFreeAddr(t)
	cfg := e2eWriteConfig(t, dir, "briefbot.yaml", e2eDigestConfig(addr, corpusDir, "sqlite", db, fake.APIURL()))
	p := e2eStartSlack(t, "serve", cfg, addr)
	t0 := time.Now()
	// Stop while a digest is being posted: Slack is slow to accept the
	// post of the slot that fires after ~6 s, and SIGTERM arrives as it
	// does. serve must finish that post and record it (so the restart does
	// not post it again), and exit 0 within 10 s.
	e2eWaitMidSlot(t0.Add(5 * time.Second))
	arrived := fake.Delay(e2eDigestChannel, 1500*time.Millisecond)
	select {
	case <-arrived:
	case <-time.After(5 * time.Second):
		t.Fatalf("no digest posted within 5 s\n%s", p.tail(30))
	}
	stop1 := time.Now()
	code, took := p.stop(syscall.SIGTERM, 10*time.Second)
	if code != 0 {
		t.Fatalf("first run: exit code %d %v after SIGTERM, want 0 within 10 s\n%s", code, took.Round(time.Millisecond), p.tail(30))
	}
	fake.Delay(e2eDigestChannel, 0)
	t.Logf("SIGTERM with a digest post in flight: exited 0 in %v", took.Round(time.Millisecond))
	down := time.Now()
	if posts := fake.Posts(e2eDigestChannel); len(posts) == 0 || posts[len(posts)-1].Cancelled {
		t.Errorf("the digest post in flight at SIGTERM was abandoned (exit after %v)", took.Round(time.Millisecond))
	}
	run1 := fake.Posts(e2eDigestChannel)

	// While it is down: a new article arrives, and a slot passes.
	if err := e2eAddArticles(corpusDir, "digest/later"); err != nil {
		t.Fatal(err)
	}
	missed := e2eSlotOf(down).Add(e2eSlotPeriod)
	time.Sleep(time.Until(missed.Add(300 * time.Millisecond)))
	restartAt := time.Now()
	p.restart(t)
	t1 := time.Now()
	stop2 := e2eWaitMidSlot(t1.Add(5 * time.Second))
	if code, took = p.stop(syscall.SIGTERM, 10*time.Second); code != 0 {
		t.Fatalf("second run: exit code %d %v after SIGTERM, want 0 within 10 s\n%s", code, took.Round(time.Millisecond), p.tail(30))
	}
	all := fake.Posts(e2eDigestChannel)
	run2 := all[len(run1):]

	runs, seen := e2eRuns(t, "sqlite", db)
	bySlot := e2eSlotReport(t, runs, all, p.tail(30))
	e2eCheckWindow(t, "first run", e2eSlotOf(t0).Add(e2eSlotPeriod), e2eSlotOf(stop1), bySlot, run1)
	// The second run's regular slots; its first post is the catch-up.
	if len(run2) > 0 {
		e2eCheckWindow(t, "second run", e2eSlotOf(t1).Add(e2eSlotPeriod), e2eSlotOf(stop2), bySlot, run2[1:])
	}

	// The slot missed while down was posted once, on start.
	if r, ok := bySlot[missed]; !ok {
		t.Errorf("the slot %s missed while down (catch_up 1m) was not posted on start", missed.Format(time.TimeOnly))
	} else if r.ClaimedAt.Before(restartAt) {
		t.Errorf("the missed slot %s was claimed at %s, before the restart", missed.Format(time.TimeOnly), r.ClaimedAt.Format("15:04:05.000"))
	}
	for s := e2eSlotOf(stop1).Add(e2eSlotPeriod); s.Before(missed); s = s.Add(e2eSlotPeriod) {
		if _, ok := bySlot[s]; ok {
			t.Errorf("slot %s (not the latest missed one) was posted on start", s.Format(time.TimeOnly))
		}
	}

	// Content: the first digest has the four articles; after that,
	// nothing is new and spotlights follow. After the restart, only the
	// article added while down is news.
	title := func(p e2eSlackPost) string { s, _, _ := strings.Cut(p.Text, "\n"); return s }
	checkRun := func(name string, posts []e2eSlackPost, wantNews string, newTitles, oldTitles []string) {
		t.Helper()
		if len(posts) < 3 {
			t.Errorf("%s: %d digests posted, want at least 3\n%s", name, len(posts), p.tail(20))
			return
		}
		if got := title(posts[0]); got != wantNews {
			t.Errorf("%s: first digest %q, want %q", name, got, wantNews)
		}
		for _, want := range newTitles {
			if !strings.Contains(posts[0].all(), want) {
				t.Errorf("%s: the first digest does not cover %q", name, want)
			}
		}
		heads := e2eSectionHeadings(posts[0])
		for _, old := range oldTitles {
			for _, h := range heads {
				if strings.Contains(h, old) {
					t.Errorf("%s: the first digest presents %q, already sent before the restart, as new", name, old)
				}
			}
		}
		for i, post := range posts[1:] {
			if got := title(post); !strings.HasPrefix(got, "Spotlight: ") {
				t.Errorf("%s: digest %d is %q, want a spotlight (nothing new)", name, i+2, got)
			}
		}
	}
	firstTitles := []string{"Dunkirk adds two evening ferry crossings", "Boulogne harbour wall repairs finish early",
		"Wimereux lifeboat crew trains with new boat", "Harbour meeting for &lt;!channel&gt; and "}
	checkRun("first run", run1, "What's new: 4 articles", firstTitles, nil)
	checkRun("after restart", run2, "What's new: 1 article", []string{"Gravelines opens a path through the dunes"}, firstTitles[:3])

	for _, id := range []string{"dunkirk-ferries", "boulogne-harbour", "wimereux-lifeboat", "harbour-meeting", "gravelines-dunes"} {
		if !seen[id] {
			t.Errorf("the store does not remember %s as sent to %s:%s (seen: %v)", id, e2eDigestTarget.Platform, e2eDigestTarget.Channel, seen)
		}
	}
	for _, post := range all {
		if m := e2eFindBroadcast(post.strings()); m != "" {
			t.Errorf("a digest contains %q, which would notify the channel: %.300s", m, post.all())
		}
	}
	if t.Failed() {
		t.Logf("timeline:\n%s", e2eDescribe(runs, all))
	}
	t.Logf("%d slots, %d posts (first run %d, second run %d, one of them the missed slot %s)",
		len(runs), len(all), len(run1), len(run2), missed.Format(time.TimeOnly))
}

// e2eSectionHeadings returns the bold headings of a Slack digest's
// sections: one per article presented.
func e2eSectionHeadings(p e2eSlackPost) []string {
	var out []string
	for _, s := range p.strings() {
		if strings.HasPrefix(s, "*") {
			h, _, _ := strings.Cut(strings.TrimPrefix(s, "*"), "*")
			out = append(out, h)
		}
	}
	return out
}

// TestE2EDigestFailedPost posts a digest to a channel Slack refuses: the
// post is retried with backoff, then recorded as failed in the store and
// counted in /metrics, and serve carries on.
func TestE2EDigestFailedPost(t *testing.T) {
	e2eBinary(t)
	fake := newE2EFakeSlack(t)
	fake.Refuse(e2eDigestChannel, "channel_not_found")
	dir := t.TempDir()
	db := filepath.Join(dir, "briefbot.db")
	addr := e2eFreeAddr(t)
	cfg := e2eWriteConfig(t, dir, "briefbot.yaml", e2eDigestConfig(addr, e2eCorpus(t, false, "digest/first"), "sqlite", db, fake.APIURL()))
	p := e2eStartSlack(t, "serve", cfg, addr)

	failed := regexp.MustCompile(`(?m)^briefbot_digests_failed_total\{digest="` + e2eDigestID + `",platform="slack"\} [1-9]`)
	var metrics string
	if !e2eEventually(15*time.Second, func() bool {
		_, metrics = e2eGet(t, p.base()+"/metrics")
		return failed.MatchString(metrics)
	}) {
		t.Fatalf("/metrics never counted a failed digest:\n%s\n%s", e2eGrep(metrics, "digests_"), p.tail(30))
	}
	if code, body := e2eGet(t, p.base()+"/readyz"); code != http.StatusOK {
		t.Errorf("/readyz = %d %s after a failed digest, want 200", code, body)
	}
	if code, took := p.stop(syscall.SIGTERM, 10*time.Second); code != 0 {
		t.Fatalf("exit code %d %v after SIGTERM, want 0 within 10 s\n%s", code, took.Round(time.Millisecond), p.tail(30))
	}

	// Retried with backoff: the first failed slot's attempts are spaced
	// by a growing wait.
	at := fake.AttemptTimes(e2eDigestChannel)
	if len(at) < 2 {
		t.Fatalf("%d chat.postMessage attempts, want the post retried", len(at))
	}
	if gap := at[1].Sub(at[0]); gap < 500*time.Millisecond {
		t.Errorf("retried after %v: no backoff", gap.Round(time.Millisecond))
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := store.Open(ctx, "sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fails, err := st.FailedPosts(ctx, e2eDigestID)
	if err != nil {
		t.Fatal(err)
	}
	if len(fails) == 0 {
		t.Fatalf("the store recorded no failed post\n%s", p.tail(30))
	}
	f := fails[0]
	if f.Target != e2eDigestTarget || !strings.Contains(f.Error, "channel_not_found") || f.Attempts < 2 {
		t.Errorf("failed post recorded as %+v, want target %v, the Slack error and the attempts", f, e2eDigestTarget)
	}
	if r, err := st.Run(ctx, e2eDigestID, f.Slot); err != nil || r.State != store.StateFailed {
		t.Errorf("the failed slot's run: %+v, %v; want state failed", r, err)
	}
	if len(fake.Posts(e2eDigestChannel)) != 0 {
		t.Error("the fake recorded a post it refused")
	}
	t.Logf("%d attempts, %d failed posts recorded, first retry after %v", len(at), len(fails), at[1].Sub(at[0]).Round(time.Millisecond))
}
