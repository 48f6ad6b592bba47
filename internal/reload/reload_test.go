package reload

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

type countingObserver struct {
	mu      sync.Mutex
	results map[string]int
	docs    int
}

func (o *countingObserver) CorpusReload(r string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.results == nil {
		o.results = map[string]int{}
	}
	o.results[r]++
}

func (o *countingObserver) CorpusDocuments(n int) { o.mu.Lock(); o.docs = n; o.mu.Unlock() }

func (o *countingObserver) count(r string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.results[r]
}

const article = `---
title: Calais talks
publisher: Example News
published: 2014-11-05
---
Bernard Cazeneuve, France's Interior Minister, met officials in Calais.
`

// write puts a file in dir with a distinct modification time, so the
// change is seen even on a file system with coarse timestamps.
func write(t *testing.T, dir, name, body string, tick int) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	mt := time.Date(2025, 1, 1, 0, 0, tick, 0, time.UTC)
	if err := os.Chtimes(p, mt, mt); err != nil {
		t.Fatal(err)
	}
}

// fakeLoad fails on any file holding BROKEN and otherwise returns a new
// engine, so the test sees swaps by pointer identity.
func fakeLoad(dir string) (*briefings.Engine, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if bytes.Contains(b, []byte("BROKEN")) {
			return nil, errors.New(e.Name() + ": line 3: bad front matter")
		}
	}
	return new(briefings.Engine), nil
}

func TestPollerSwapsAndKeeps(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", article, 1)
	h := NewHolder(new(briefings.Engine))
	obs := &countingObserver{}
	var logs bytes.Buffer
	p := NewPoller(dir, time.Hour, h, Options{Log: slog.New(slog.NewTextHandler(&logs, nil)), Observer: obs, Load: fakeLoad, Settle: -1})

	steps := []struct {
		name       string
		change     func()
		wantSwap   bool
		wantOK     int
		wantErrors int
	}{
		{"unchanged", func() {}, false, 0, 0},
		{"file added", func() { write(t, dir, "b.md", article, 2) }, true, 1, 0},
		{"file edited", func() { write(t, dir, "b.md", article+"More.\n", 3) }, true, 2, 0},
		{"broken file", func() { write(t, dir, "c.md", "BROKEN", 4) }, false, 2, 1},
		{"still broken, not retried", func() {}, false, 2, 1},
		{"fixed", func() { write(t, dir, "c.md", article, 5) }, true, 3, 1},
		{"file removed", func() { os.Remove(filepath.Join(dir, "a.md")) }, true, 4, 1},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := h.Generation()
			st.change()
			swapped := p.Check()
			if swapped != st.wantSwap {
				t.Errorf("swapped = %v, want %v", swapped, st.wantSwap)
			}
			if changed := h.Generation() != before; changed != st.wantSwap {
				t.Errorf("engine changed = %v, want %v", changed, st.wantSwap)
			}
			if got := obs.count("ok"); got != st.wantOK {
				t.Errorf("ok reloads = %d, want %d", got, st.wantOK)
			}
			if got := obs.count("error"); got != st.wantErrors {
				t.Errorf("failed reloads = %d, want %d", got, st.wantErrors)
			}
		})
	}
	if !strings.Contains(logs.String(), "bad front matter") {
		t.Errorf("the load error was not logged:\n%s", logs.String())
	}
}

func TestPollerRunsOnItsInterval(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", article, 1)
	h := NewHolder(new(briefings.Engine))
	first := h.Generation()
	p := NewPoller(dir, 5*time.Millisecond, h, Options{Load: fakeLoad})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	write(t, dir, "b.md", article, 2)
	deadline := time.Now().Add(5 * time.Second)
	for h.Generation() == first && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if h.Generation() == first {
		t.Fatal("the poller did not swap in the changed corpus")
	}
}

func TestDisabled(t *testing.T) {
	p := NewPoller(t.TempDir(), 0, NewHolder(nil), Options{Load: fakeLoad})
	done := make(chan error, 1)
	go func() { done <- p.Run(context.Background()) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("Run with interval 0 should return at once")
	}
}

func TestHolderEngineNil(t *testing.T) {
	if e := NewHolder(nil).Engine(); e != nil {
		t.Errorf("Engine() = %#v, want a nil interface", e)
	}
}

func TestMissingDirectoryReportedOnce(t *testing.T) {
	dir := t.TempDir()
	h := NewHolder(new(briefings.Engine))
	obs := &countingObserver{}
	p := NewPoller(dir, time.Hour, h, Options{Observer: obs, Load: fakeLoad, Settle: -1})
	os.Remove(dir)
	p.Check()
	p.Check()
	if got := obs.count("error"); got != 1 {
		t.Errorf("failures counted %d times, want once", got)
	}
}

// TestRealEngine reloads a corpus directory with the real loader: new
// documents appear, and a file with a bad date is left out and reported
// while the others stay served.
func TestRealEngine(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", article, 1)
	e, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := e.Counts().Documents; n != 1 {
		t.Fatalf("loaded %d documents, want 1", n)
	}
	h := NewHolder(e)
	obs := &countingObserver{}
	p := NewPoller(dir, time.Hour, h, Options{Observer: obs})

	write(t, dir, "b.md", strings.Replace(article, "Calais talks", "Second article", 1), 2)
	if !p.Check() || h.Current().Counts().Documents != 2 || obs.docs != 2 {
		t.Fatalf("new document not served: %d documents", h.Current().Counts().Documents)
	}
	write(t, dir, "c.md", strings.Replace(article, "2014-11-05", "someday", 1), 3)
	p.Check()
	if h.Current().Counts().Documents != 2 || len(h.Current().Problems()) != 1 || !strings.Contains(h.Current().Problems()[0], "c.md: line") {
		t.Fatalf("the bad file: %d documents served, problems %q", h.Current().Counts().Documents, h.Current().Problems())
	}
}

// TestSettle: a file that is still being written when the change is seen
// is loaded only once it holds still.
func TestSettle(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", article, 1)
	var loads []string
	load := func(dir string) (*briefings.Engine, error) {
		b, _ := os.ReadFile(filepath.Join(dir, "b.md"))
		loads = append(loads, string(b))
		return new(briefings.Engine), nil
	}
	h := NewHolder(new(briefings.Engine))
	p := NewPoller(dir, time.Hour, h, Options{Load: load, Settle: 30 * time.Millisecond})
	write(t, dir, "b.md", "---\ntitle: half", 2)
	done := make(chan bool)
	go func() { done <- p.Check() }()
	time.Sleep(10 * time.Millisecond)
	write(t, dir, "b.md", article, 3) // the writer finishes within the settle time
	if !<-done {
		t.Fatal("no reload")
	}
	if len(loads) != 1 || loads[0] != article {
		t.Errorf("loaded %q, want only the finished file", loads)
	}
	if p.Check() {
		t.Error("reloaded again with nothing changed")
	}
}

// TestIncrementalReload: the default loader extracts only the article that
// changed and takes the others from the engine being served.
func TestIncrementalReload(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", article, 1)
	write(t, dir, "b.md", strings.Replace(article, "Calais talks", "Second article", 1), 1)
	h := NewHolder(nil)
	p := NewPoller(dir, time.Hour, h, Options{Settle: -1})
	first, err := p.load(dir)
	if err != nil {
		t.Fatal(err)
	}
	h.Swap(first)
	if s := first.LoadStats(); s.Extracted != 2 {
		t.Fatalf("first load: %+v", s)
	}
	write(t, dir, "b.md", strings.Replace(article, "Calais talks", "Changed article", 1), 2)
	if !p.Check() {
		t.Fatal("no reload")
	}
	if s := h.Current().LoadStats(); s.Reused != 1 || s.Extracted != 1 {
		t.Errorf("reload: %+v, want one article reused and one extracted", s)
	}
}
