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
	if n, err := s.PruneExtractions(c, time.Now().Add(time.Hour)); err != nil || n != int64(len(keys)+3) {
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
	if n, err := a.PruneExtractions(c, time.Now().Add(time.Hour)); err != nil || n != int64(len(all)) {
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
	if rows, err := a.PruneExtractions(c, time.Now().Add(time.Hour)); err != nil || rows != int64(n) {
		t.Errorf("%d rows (%v), want one per article: %d", rows, err, n)
	}
}
