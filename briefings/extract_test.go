package briefings

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefbot/briefbot/briefings/corpus"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/search"
	"github.com/briefbot/briefbot/briefings/text"
)

// memCache is an in-memory ExtractionCache that counts its calls and can
// be made to fail.
type memCache struct {
	mu      sync.Mutex
	m       map[string][]byte
	puts    int
	failGet error
}

func newMemCache() *memCache { return &memCache{m: map[string][]byte{}} }

func (c *memCache) GetExtractions(_ context.Context, keys []string) (map[string][]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.failGet != nil {
		return nil, c.failGet
	}
	out := map[string][]byte{}
	for _, k := range keys {
		if v, ok := c.m[k]; ok {
			out[k] = v
		}
	}
	return out, nil
}

func (c *memCache) PutExtractions(_ context.Context, entries map[string][]byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, v := range entries {
		if _, ok := c.m[k]; !ok {
			c.m[k] = v
			c.puts++
		}
	}
	return nil
}

// testCorpus is the embedded corpus plus a few BBC articles when present,
// as a map the tests may change.
func testCorpus(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	add := func(fsys fs.FS, prefix string, limit int) {
		n := 0
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || n >= limit {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			out[prefix+p] = &fstest.MapFile{Data: data}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add(corpus.FS, "seed/", 100)
	if _, err := os.Stat(bbcDir); err == nil {
		add(os.DirFS(bbcDir+"/politics"), "bbc/", 40)
	}
	return out
}

// fingerprint is every document's extraction as the engine serves it,
// serialised, and the engine's counts: two engines with the same
// fingerprint answer alike.
func fingerprint(t *testing.T, e *Engine) string {
	t.Helper()
	var b bytes.Buffer
	for _, d := range e.docs {
		blob, err := encodeExtraction(d.ID, extraction{People: d.people, Quotes: d.quotes, Figures: d.figures})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(blob)
		b.WriteByte('\n')
	}
	b.WriteString(flat(e.Who("cazeneuve")))
	b.WriteString(flat(e.Stats(2014, "")))
	return b.String()
}

func TestParallelExtractionMatchesSequential(t *testing.T) {
	fsys := testCorpus(t)
	e, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	old := runtime.GOMAXPROCS(1)
	seq, err := Load(fsys, ".")
	runtime.GOMAXPROCS(old)
	if err != nil {
		t.Fatal(err)
	}
	if fingerprint(t, e) != fingerprint(t, seq) {
		t.Fatal("a parallel load differs from a sequential one")
	}
	// and each article's extraction is the extractors' output for it alone
	for _, d := range e.docs {
		stage := ""
		want, _ := encodeExtraction("", extractDoc(d.Doc, &stage))
		got, _ := encodeExtraction("", d.x)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: extraction differs from a sequential run", d.ID)
		}
	}
}

func TestExtractionCache(t *testing.T) {
	ctx := context.Background()
	fsys := testCorpus(t)
	plain, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	want := fingerprint(t, plain)
	n := len(plain.docs)

	c := newMemCache()
	cold, err := LoadWith(ctx, fsys, ".", LoadOptions{Cache: c, Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	if s := cold.LoadStats(); s.Extracted != n || s.Cached != 0 || s.CacheErr != nil || c.puts != n {
		t.Fatalf("cold load: %+v, %d entries written, want %d extracted and written", s, c.puts, n)
	}
	warm, err := LoadWith(ctx, fsys, ".", LoadOptions{Cache: c, Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	if s := warm.LoadStats(); s.Cached != n || s.Extracted != 0 {
		t.Fatalf("warm load: %+v, want all %d from the cache", s, n)
	}
	if fingerprint(t, warm) != want {
		t.Error("an engine built from the cache differs from a fresh one")
	}
	other, err := LoadWith(ctx, fsys, ".", LoadOptions{Cache: c, Version: "v2"})
	if err != nil {
		t.Fatal(err)
	}
	if s := other.LoadStats(); s.Cached != 0 || s.Extracted != n {
		t.Errorf("another extractor version: %+v, want nothing from the cache", s)
	}
}

func TestExtractionCacheBadEntries(t *testing.T) {
	ctx := context.Background()
	fsys := testCorpus(t)
	c := newMemCache()
	first, err := LoadWith(ctx, fsys, ".", LoadOptions{Cache: c, Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	want := fingerprint(t, first)
	keys := make([]string, 0, len(first.docs))
	for _, d := range first.docs {
		keys = append(keys, d.key)
	}
	spoil := []struct {
		name string
		fn   func(key string, blob []byte) []byte
	}{
		{"truncated", func(_ string, b []byte) []byte { return b[:len(b)*2/3] }},
		{"empty", func(string, []byte) []byte { return nil }},
		{"foreign", func(string, []byte) []byte { return []byte(`{"p":{"Entities":[]}}`) }},
		{"altered", func(_ string, b []byte) []byte {
			b = bytes.Clone(b)
			b[len(b)-3] ^= 0x20
			return b
		}},
		{"another key's entry", func(key string, _ []byte) []byte {
			for _, k := range keys {
				if k != key {
					return c.m[k]
				}
			}
			return nil
		}},
		{"checksummed but out of range", func(key string, _ []byte) []byte {
			x := extraction{People: &people.DocResult{Mentions: []people.Mention{{Para: 1 << 20, Start: 0, End: 5, Text: "Nobody", Key: "nobody"}}}}
			b, err := encodeExtraction(key, x)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}},
	}
	for _, sp := range spoil {
		t.Run(sp.name, func(t *testing.T) {
			bad := newMemCache()
			for k, v := range c.m {
				bad.m[k] = v
			}
			bad.m[keys[0]] = sp.fn(keys[0], c.m[keys[0]])
			e, err := LoadWith(ctx, fsys, ".", LoadOptions{Cache: bad, Version: "v1"})
			if err != nil {
				t.Fatal(err)
			}
			if s := e.LoadStats(); s.Rejected != 1 || s.Extracted != 1 || s.Cached != len(keys)-1 {
				t.Errorf("stats %+v, want the spoilt entry rejected and extracted again", s)
			}
			if fingerprint(t, e) != want {
				t.Error("a spoilt cache entry changed the engine")
			}
		})
	}
}

func TestExtractionCacheUnreachable(t *testing.T) {
	fsys := testCorpus(t)
	plain, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	c := newMemCache()
	c.failGet = errors.New("connection refused")
	e, err := LoadWith(context.Background(), fsys, ".", LoadOptions{Cache: c, Version: "v1"})
	if err != nil {
		t.Fatalf("an unreachable cache failed the load: %v", err)
	}
	s := e.LoadStats()
	if s.CacheErr == nil || !strings.Contains(s.CacheErr.Error(), "connection refused") || s.Extracted != len(plain.docs) {
		t.Errorf("stats %+v, want every article extracted and the cache error reported", s)
	}
	if c.puts != 0 {
		t.Errorf("%d entries written to a cache that failed", c.puts)
	}
	if fingerprint(t, e) != fingerprint(t, plain) {
		t.Error("engine differs from a load without a cache")
	}
}

func TestReloadReusesUnchangedArticles(t *testing.T) {
	ctx := context.Background()
	fsys := testCorpus(t)
	first, err := LoadWith(ctx, fsys, ".", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(first.docs)
	// change one article, add one, remove one
	var changed, removed string
	for name := range fsys {
		switch {
		case changed == "":
			changed = name
		case removed == "":
			removed = name
		}
	}
	fsys[changed] = &fstest.MapFile{Data: append(bytes.Clone(fsys[changed].Data), "\n\nMinister Jane Doe said the plan would cost £3 million in 2014.\n"...)}
	delete(fsys, removed)
	fsys["added/new.md"] = &fstest.MapFile{Data: []byte("---\ntitle: New\npublished: 2014-11-06\n---\nHome Secretary Theresa May visited Calais on Thursday.\n")}

	next, err := LoadWith(ctx, fsys, ".", LoadOptions{Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if s := next.LoadStats(); s.Reused != n-2 || s.Extracted != 2 {
		t.Errorf("stats %+v, want %d reused and 2 extracted", s, n-2)
	}
	fresh, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if fingerprint(t, next) != fingerprint(t, fresh) {
		t.Error("a reloaded engine differs from a fresh load")
	}
}

func TestReloadWithCurationLeavesPreviousEngineAlone(t *testing.T) {
	ctx := context.Background()
	fsys := testCorpus(t)
	fsys["curation.yaml"] = &fstest.MapFile{Data: []byte("people:\n  - name: Bernard Cazeneuve\n    kind: organisation\n")}
	first, err := LoadWith(ctx, fsys, ".", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	before := fingerprint(t, first)
	fsys["curation.yaml"] = &fstest.MapFile{Data: []byte("people:\n  - name: Natacha Bouchart\n    kind: organisation\n")}
	next, err := LoadWith(ctx, fsys, ".", LoadOptions{Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if s := next.LoadStats(); s.Reused != len(first.docs) {
		t.Errorf("stats %+v, want every article reused", s)
	}
	if fingerprint(t, first) != before {
		t.Error("curating the new engine changed the previous one")
	}
	fresh, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if fingerprint(t, next) != fingerprint(t, fresh) {
		t.Error("a reloaded curated engine differs from a fresh load")
	}
}

// TestReloadUpdatesIndexInPlace: a reload updates the previous index with
// the changed articles' passages; the new engine answers like a fresh
// load, and the previous one, whose index is now shared, keeps answering.
func TestReloadUpdatesIndexInPlace(t *testing.T) {
	ctx := context.Background()
	fsys := testCorpus(t)
	first, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	questions := []string{
		"what did Cazeneuve say about Calais?",
		"how many migrants were in Calais?",
		"when did Zebediah Quackenbush open the ferry terminal?",
		"who is the home secretary?",
	}
	var gone string
	for name := range fsys {
		if strings.HasPrefix(name, "seed/") && strings.Contains(string(fsys[name].Data), "Cazeneuve") {
			gone = name
			break
		}
	}
	delete(fsys, gone)
	fsys["added/ferry.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Ferry terminal\npublished: 2014-11-06\n---\n" +
		"Zebediah Quackenbush opened the new ferry terminal in Calais on 5 November 2014. The terminal cost £12 million, the port said.\n")}
	next, err := LoadWith(ctx, fsys, ".", LoadOptions{Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if next.index == nil || next.index.Updates() != 1 {
		t.Fatalf("index not updated in place")
	}
	fresh, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if next.index.Len() != fresh.index.Len() {
		t.Errorf("live passages %d, fresh load %d", next.index.Len(), fresh.index.Len())
	}
	for _, q := range questions {
		if got, want := flat(next.Ask(q)), flat(fresh.Ask(q)); got != want {
			t.Errorf("%q after an in-place update:\n%s\nfresh load:\n%s", q, got, want)
		}
		first.Ask(q) // the previous engine must not fail on numbers it does not know
	}
	if got := flat(next.Ask(questions[2])); !strings.Contains(got, "Quackenbush") {
		t.Errorf("the added article is not found:\n%s", got)
	}
	// a second reload from the same previous engine cannot share its
	// index again, so it builds its own
	again, err := LoadWith(ctx, fsys, ".", LoadOptions{Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if again.index.Updates() != 0 || again.index == next.index {
		t.Error("an index was taken over twice")
	}
}

// TestWarmAndReloadedEnginesAnswerAsFresh: an engine loaded from a filled
// extraction cache, and one reloaded after articles changed, answer a
// sample of questions, who-lookups, stats and sources exactly as an engine
// loaded from scratch on the same files.
func TestWarmAndReloadedEnginesAnswerAsFresh(t *testing.T) {
	ctx := context.Background()
	fsys := testCorpus(t)
	c := newMemCache()
	if _, err := LoadWith(ctx, fsys, ".", LoadOptions{Cache: c, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	warm, err := LoadWith(ctx, fsys, ".", LoadOptions{Cache: c, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if s := warm.LoadStats(); s.Extracted != 0 {
		t.Fatalf("warm load extracted %d articles", s.Extracted)
	}
	warmFresh, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	reloaded := reloadOne(t, fsys, "changing/one.md", 1, warm)
	reloaded = reloadOne(t, fsys, "changing/one.md", 2, reloaded)
	reloadedFresh, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	// the sample: each engine's most named people and its years, and
	// questions of each kind
	sample := func(e *Engine) []string {
		var out []string
		for _, p := range e.ranked[:min(15, len(e.ranked))] {
			out = append(out, "who:"+p.Name)
		}
		for _, y := range e.years {
			out = append(out, "stats:"+strconv.Itoa(y.year))
		}
		return append(out, "ask:who is the home secretary?", "ask:how many migrants reached Calais?",
			"ask:what did the minister say about the plan?", "ask:when did the port open?", "stats:0", "sources:")
	}
	answer := func(e *Engine, q string) string {
		kind, arg, _ := strings.Cut(q, ":")
		switch kind {
		case "who":
			return flat(e.Who(arg))
		case "stats":
			y, _ := strconv.Atoi(arg)
			return flat(e.Stats(y, ""))
		case "sources":
			return flat(e.Sources())
		}
		return flat(e.Ask(arg))
	}
	tests := []struct {
		name       string
		got, fresh *Engine
	}{
		{"warm start", warm, warmFresh},
		{"two reloads", reloaded, reloadedFresh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got.Counts() != tt.fresh.Counts() {
				t.Errorf("counts %+v, fresh %+v", tt.got.Counts(), tt.fresh.Counts())
			}
			for _, q := range sample(tt.fresh) {
				if got, want := answer(tt.got, q), answer(tt.fresh, q); got != want {
					t.Errorf("%s:\n%s\nfresh load:\n%s", q, got, want)
				}
			}
		})
	}
}

// TestReloadsFromOneEngineReleaseIndexes: two reloads from one engine
// (the poller and the console at once) give one engine the previous
// index, updated, and the other its own; whichever engines are dropped,
// their indexes are closed, and the kept engine's index stays open.
func TestReloadsFromOneEngineReleaseIndexes(t *testing.T) {
	fsys := testCorpus(t)
	tests := []struct {
		name      string
		keepFirst bool // keep the engine that took over the previous index
	}{
		{"the updating reload is kept", true},
		{"the rebuilding reload is kept", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, err := Load(fsys, ".")
			if err != nil {
				t.Fatal(err)
			}
			first := reloadOne(t, fsys, "changing/one.md", 1, prev)
			second := reloadOne(t, fsys, "changing/one.md", 2, prev)
			if first.index.Updates() != 1 || second.index.Updates() != 0 {
				t.Fatalf("updates %d and %d, want the first reload to update and the second to rebuild", first.index.Updates(), second.index.Updates())
			}
			kept, dropped := first, second
			if !tt.keepFirst {
				kept, dropped = second, first
			}
			droppedIdx, prevIdx := dropped.index, prev.index
			prev, dropped = nil, nil
			closed := func(ix *search.Index) bool {
				_, err := ix.Search(context.Background(), []string{"calais"}, 1)
				return err != nil
			}
			for i := 0; i < 100 && !closed(droppedIdx); i++ {
				runtime.GC()
				runtime.Gosched()
			}
			if !closed(droppedIdx) {
				t.Error("the dropped engine's index is still open")
			}
			if tt.keepFirst == closed(prevIdx) {
				t.Errorf("the previous engine's index open: %v, want open only while the kept engine shares it", !closed(prevIdx))
			}
			if got := flat(kept.Ask("how many migrants reached Calais?")); !strings.Contains(got, "102") && !strings.Contains(got, "101") {
				t.Errorf("the kept engine does not answer from its index:\n%s", got)
			}
			runtime.KeepAlive(kept)
		})
	}
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// reloadOne changes one article and reloads from prev.
func reloadOne(tb testing.TB, fsys fstest.MapFS, name string, round int, prev *Engine) *Engine {
	tb.Helper()
	fsys[name] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Round %d\npublished: 2014-11-06\n---\n"+
		"Minister Jane Doe said %d migrants reached Calais this week, the port said.\n", round, 100+round))}
	e, err := LoadWith(context.Background(), fsys, ".", LoadOptions{Previous: prev})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// TestReloadMemoryFlat: 100 reloads after one changed article leave the
// live heap flat, with the index in memory and kept on disk, and the
// disk holding no more than ten reloads in.
func TestReloadMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("100 reloads")
	}
	for _, onDisk := range []bool{false, true} {
		t.Run(fmt.Sprintf("on disk %v", onDisk), func(t *testing.T) {
			fsys := testCorpus(t)
			var o LoadOptions
			if onDisk {
				o.IndexDir = t.TempDir()
			}
			e, err := LoadWith(context.Background(), fsys, ".", o)
			if err != nil {
				t.Fatal(err)
			}
			var at10 uint64
			var disk10 int64
			for i := range 100 {
				e = reloadOne(t, fsys, "changing/one.md", i, e)
				if s := e.LoadStats(); s.Extracted != 1 || s.IndexOnDisk != onDisk {
					t.Fatalf("reload %d extracted %d articles, index on disk %v", i, s.Extracted, s.IndexOnDisk)
				}
				if i == 9 {
					at10, disk10 = liveHeap(), dirSize(o.IndexDir)
				}
			}
			at100, disk100 := liveHeap(), dirSize(o.IndexDir)
			t.Logf("live heap after 10 reloads %.1f MB, after 100 %.1f MB; on disk %.1f and %.1f MB", float64(at10)/(1<<20), float64(at100)/(1<<20), float64(disk10)/(1<<20), float64(disk100)/(1<<20))
			if at100 > at10*3/2 {
				t.Errorf("live heap grew from %d to %d bytes over 90 reloads", at10, at100)
			}
			if disk100 > disk10*3/2+1<<20 {
				t.Errorf("the index on disk grew from %d to %d bytes over 90 reloads", disk10, disk100)
			}
		})
	}
}

// dirSize is the bytes of the files under dir; 0 for "".
func dirSize(dir string) int64 {
	var n int64
	if dir == "" {
		return 0
	}
	filepath.WalkDir(dir, func(_ string, de fs.DirEntry, err error) error {
		if err == nil && !de.IsDir() {
			if info, err := de.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// BenchmarkLoadWarm loads BBC x1 and x10 with every extraction in the
// cache, and with the search index in memory or kept on disk by the
// previous start (index-dir).
func BenchmarkLoadWarm(b *testing.B) {
	for _, n := range []int{1, 10} {
		b.Run(fmt.Sprintf("bbc-x%d", n), func(b *testing.B) { benchLoadWarm(b, n, false) })
		b.Run(fmt.Sprintf("bbc-x%d-index-dir", n), func(b *testing.B) { benchLoadWarm(b, n, true) })
	}
}

func benchLoadWarm(b *testing.B, times int, onDisk bool) {
	fsys := bbcTimes(b, times)
	o := LoadOptions{Cache: newMemCache(), Version: "bench"}
	if onDisk {
		o.IndexDir = b.TempDir()
	}
	e, err := LoadWith(context.Background(), fsys, ".", o)
	if err != nil {
		b.Fatal(err)
	}
	ix := e.index
	e = nil
	awaitIndexClosed(b, ix)
	cpu, n := cpuTime(), 0
	for b.Loop() {
		e, err := LoadWith(context.Background(), fsys, ".", o)
		if err != nil {
			b.Fatal(err)
		}
		ix := e.index
		if s := e.LoadStats(); s.Extracted != 0 || s.IndexOnDisk != onDisk || (onDisk && s.IndexReused != len(e.docs)) {
			b.Fatalf("warm load extracted %d, index on disk %v reusing %d of %d articles (%v)", s.Extracted, s.IndexOnDisk, s.IndexReused, len(e.docs), s.IndexErr)
		}
		n++
		runtime.KeepAlive(e)
		// a start finds the index the last one left, closed
		b.StopTimer()
		e = nil
		awaitIndexClosed(b, ix)
		b.StartTimer()
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(n)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(liveHeap())/(1<<20), "liveHeapMB")
}

// BenchmarkReloadOneChanged reloads BBC x1 and x10 after one article
// changed, with the search index in memory or kept on disk (index-dir).
func BenchmarkReloadOneChanged(b *testing.B) {
	for _, n := range []int{1, 10} {
		b.Run(fmt.Sprintf("bbc-x%d", n), func(b *testing.B) { benchReloadOne(b, n, false) })
		b.Run(fmt.Sprintf("bbc-x%d-index-dir", n), func(b *testing.B) { benchReloadOne(b, n, true) })
	}
}

func benchReloadOne(b *testing.B, times int, onDisk bool) {
	fsys := bbcTimes(b, times)
	var o LoadOptions
	if onDisk {
		o.IndexDir = b.TempDir()
	}
	e, err := LoadWith(context.Background(), fsys, ".", o)
	if err != nil {
		b.Fatal(err)
	}
	if e.index.OnDisk() != onDisk {
		b.Fatalf("index on disk: %v (%v)", e.index.OnDisk(), e.LoadStats().IndexErr)
	}
	i := 0
	before := liveHeap()
	cpu := cpuTime()
	for b.Loop() {
		e = reloadOne(b, fsys, "changing/one.md", i, e)
		i++
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(i)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(liveHeap())/(1<<20), "liveHeapMB")
	b.ReportMetric(float64(before)/(1<<20), "startHeapMB")
	runtime.KeepAlive(e)
}

// awaitIndexClosed collects the engines no longer held and waits until
// ix, the index of one of them, is closed.
func awaitIndexClosed(tb testing.TB, ix *search.Index) {
	tb.Helper()
	for range 1000 {
		runtime.GC()
		if _, err := ix.Search(context.Background(), []string{"calais"}, 1); err != nil {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	tb.Fatal("the search index of a released engine is still open")
}

// cpuTime is the process's user and system CPU time so far, in
// nanoseconds: on a shared machine it measures work where wall time
// measures the neighbours.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func TestExtractionKey(t *testing.T) {
	base := &text.Doc{ID: "a/b", Meta: text.Meta{Title: "T", Published: text.Date{Year: 2014}}}
	sum := sha256.Sum256([]byte("article"))
	want := extractionKey("v1", base, sum)
	other := *base
	other.Meta.Published = text.Date{Year: 2015}
	renamed := *base
	renamed.ID = "a/c"
	tests := []struct {
		name    string
		version string
		doc     *text.Doc
		content string
	}{
		{"another extractor version", "v2", base, "article"},
		{"other bytes", "v1", base, "article!"},
		{"a curated date", "v1", &other, "article"},
		{"another id", "v1", &renamed, "article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if extractionKey(tt.version, tt.doc, sha256.Sum256([]byte(tt.content))) == want {
				t.Error("same key")
			}
		})
	}
	if extractionKey("v1", base, sum) != want {
		t.Error("the key is not stable")
	}
}

func TestExtractorVersion(t *testing.T) {
	v := ExtractorVersion()
	if !strings.HasPrefix(v, "schema"+extractionSchema+"/") || strings.Contains(v, "unknown:") {
		t.Errorf("version %q names no build", v)
	}
	if ExtractorVersion() != v {
		t.Error("the version changed within one process")
	}
	if runtime.GOOS == "linux" {
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		if id := goBuildID(exe); id == "" {
			t.Error("no Go build ID read from the test binary")
		}
	}
}
