package store_test

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/briefings/corpus"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/store/storetest"
)

func testExtractionCache(t *testing.T, open storetest.Opener) {
	s := open(t)
	c := ctx(t)
	got, err := s.GetExtractions(c, []string{"a", "b"})
	if err != nil || len(got) != 0 {
		t.Fatalf("empty cache: %v, %v", got, err)
	}
	big := bytes.Repeat([]byte{0, 1, 2, 0xff, '\n'}, 400_000) // binary, 2 MB
	if err := s.PutExtractions(c, map[string][]byte{"a": []byte("alpha"), "big": big}); err != nil {
		t.Fatal(err)
	}
	// a key is immutable: writing it again keeps the first bytes
	if err := s.PutExtractions(c, map[string][]byte{"a": []byte("other"), "b": []byte("beta")}); err != nil {
		t.Fatal(err)
	}
	got, err = s.GetExtractions(c, []string{"a", "b", "big", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || string(got["a"]) != "alpha" || string(got["b"]) != "beta" || !bytes.Equal(got["big"], big) {
		t.Errorf("got %d entries: a=%q b=%q big intact=%v", len(got), got["a"], got["b"], bytes.Equal(got["big"], big))
	}
	// more keys than one statement holds
	many := map[string][]byte{}
	var keys []string
	for i := range 1234 {
		k := fmt.Sprintf("k%04d", i)
		many[k] = []byte(k)
		keys = append(keys, k)
	}
	if err := s.PutExtractions(c, many); err != nil {
		t.Fatal(err)
	}
	got, err = s.GetExtractions(c, keys)
	if err != nil || len(got) != len(keys) {
		t.Fatalf("got %d of %d entries: %v", len(got), len(keys), err)
	}
	if n, err := s.PruneExtractions(c, nil, time.Now().Add(time.Hour)); err != nil || n != int64(len(keys)+3) {
		t.Errorf("pruned %d (%v), want %d", n, err, len(keys)+3)
	}
}

// testExtractionCacheRace fills one cache from two processes at once with
// overlapping keys: no error, one row per key, every body whole.
func testExtractionCacheRace(t *testing.T, open storetest.Opener) {
	a, b := open(t), open(t)
	c := ctx(t)
	body := func(k string) []byte { return bytes.Repeat([]byte(k), 2000) }
	batch := func(from, to int) map[string][]byte {
		m := map[string][]byte{}
		for i := from; i < to; i++ {
			k := fmt.Sprintf("key-%05d", i)
			m[k] = body(k)
		}
		return m
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i, s := range []*store.Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.PutExtractions(c, batch(i*300, i*300+1500))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent fill: %v", err)
		}
	}
	all := batch(0, 2400)
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	got, err := b.GetExtractions(c, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(all) {
		t.Errorf("%d rows, want %d", len(got), len(all))
	}
	for k, v := range all {
		if !bytes.Equal(got[k], v) {
			t.Errorf("%s: torn or wrong body (%d bytes)", k, len(got[k]))
			break
		}
	}
	if n, err := a.PruneExtractions(c, nil, time.Now().Add(time.Hour)); err != nil || n != int64(len(all)) {
		t.Errorf("%d rows stored (%v), want one per key: %d", n, err, len(all))
	}
}

// testExtractionCacheEngine loads the embedded corpus through the store's
// cache from two replicas at once, then once more: the first two fill it
// without error or duplicate rows, the last reads every article from it.
func testExtractionCacheEngine(t *testing.T, open storetest.Opener) {
	a, b := open(t), open(t)
	c := ctx(t)
	load := func(s *store.Store) (*briefings.Engine, error) {
		return briefings.LoadWith(c, corpus.FS, ".", briefings.LoadOptions{Cache: s, Version: "test"})
	}
	var wg sync.WaitGroup
	engines := make([]*briefings.Engine, 2)
	errs := make([]error, 2)
	for i, s := range []*store.Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			engines[i], errs[i] = load(s)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
		if s := engines[i].LoadStats(); s.CacheErr != nil {
			t.Fatalf("replica %d: %v", i, s.CacheErr)
		}
	}
	n := engines[0].Counts().Documents
	warm, err := load(a)
	if err != nil {
		t.Fatal(err)
	}
	if s := warm.LoadStats(); s.Cached != n || s.Extracted != 0 || s.Rejected != 0 {
		t.Errorf("warm load %+v, want all %d articles from the cache", s, n)
	}
	if got, want := warm.Who("cazeneuve"), engines[0].Who("cazeneuve"); got.Summary != want.Summary || len(got.Sections) != len(want.Sections) {
		t.Errorf("who from the cache:\n%+v\nfresh:\n%+v", got, want)
	}
	if rows, err := a.PruneExtractions(c, nil, time.Now().Add(time.Hour)); err != nil || rows != int64(n) {
		t.Errorf("%d rows (%v), want one per article: %d", rows, err, n)
	}
}

// testExtractionCachePrune removes the rows whose key is not kept, but
// only those written before the cutoff: a row another replica writes
// while a load prunes stays.
func testExtractionCachePrune(t *testing.T, open storetest.Opener) {
	at := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	s := open(t, store.WithClock(func() time.Time { return at }))
	c := ctx(t)
	old := map[string][]byte{}
	for i := range 1234 { // more keys than one statement holds
		old[fmt.Sprintf("old-%04d", i)] = []byte("x")
	}
	old["kept"] = []byte("kept")
	if err := s.PutExtractions(c, old); err != nil {
		t.Fatal(err)
	}
	cutoff := at.Add(time.Minute)
	at = cutoff.Add(time.Second)
	if err := s.PutExtractions(c, map[string][]byte{"written-meanwhile": []byte("y")}); err != nil {
		t.Fatal(err)
	}
	keep := []string{"kept", "kept", "not-stored"} // repeats and unknown keys are fine
	for i := range 600 {
		keep = append(keep, fmt.Sprintf("old-%04d", i))
	}
	tests := []struct {
		name string
		keep []string
		want int64
	}{
		{"keys not kept", keep, 1234 - 600},
		{"again: nothing left to remove", keep, 0},
		{"nothing kept", nil, 600 + 1},
	}
	for _, tt := range tests {
		n, err := s.PruneExtractions(c, tt.keep, cutoff)
		if err != nil || n != tt.want {
			t.Errorf("%s: pruned %d (%v), want %d", tt.name, n, err, tt.want)
		}
	}
	got, err := s.GetExtractions(c, []string{"kept", "old-0000", "written-meanwhile"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || string(got["written-meanwhile"]) != "y" {
		t.Errorf("left %v, want only the row written after the cutoff", got)
	}
}

// testExtractionCachePruneEngine: a load with Prune removes the entries of
// another extractor version and keeps its own, which the next load reads.
func testExtractionCachePruneEngine(t *testing.T, open storetest.Opener) {
	s := open(t)
	c := ctx(t)
	load := func(version string, prune bool) *briefings.Engine {
		t.Helper()
		e, err := briefings.LoadWith(c, corpus.FS, ".", briefings.LoadOptions{Cache: s, Version: version, Prune: prune})
		if err != nil {
			t.Fatal(err)
		}
		if st := e.LoadStats(); st.CacheErr != nil {
			t.Fatal(st.CacheErr)
		}
		return e
	}
	old := load("old", false)
	n := int64(old.Counts().Documents)
	if st := load("new", true).LoadStats(); st.Pruned != n || st.Extracted != int(n) {
		t.Errorf("load of a new version %+v, want %d extracted and the old version's %d entries pruned", st, n, n)
	}
	if st := load("new", true).LoadStats(); st.Pruned != 0 || st.Cached != int(n) {
		t.Errorf("warm load %+v, want every article cached and nothing pruned", st)
	}
}
