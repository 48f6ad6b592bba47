package briefings

import (
	"bytes"
	"testing"

	"github.com/briefbot/briefbot/briefings/corpus"
)

// The prepared extractions must be what the extractors find now: a change
// to an extractor or to the embedded corpus needs go generate.
func TestPreparedExtractionsAreFresh(t *testing.T) {
	fresh, err := PrepareExtractions(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, corpus.Extractions) {
		t.Fatal("corpus/extractions.dat differs from a fresh extraction of the embedded corpus: run go generate in briefings/")
	}
}

// Default reads every article's extraction from the prepared data and
// serves what a load that extracts serves.
func TestDefaultUsesPreparedExtractions(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := e.LoadStats()
	if s.Extracted != 0 || s.Rejected != 0 || s.Cached != len(e.docs) || s.CacheErr != nil {
		t.Fatalf("load stats %+v, want all %d articles from the prepared extractions", s, len(e.docs))
	}
	extracted, err := Load(corpus.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	if fingerprint(t, e) != fingerprint(t, extracted) {
		t.Fatal("the embedded corpus answers differently with its prepared extractions")
	}
}

func TestParsePrepared(t *testing.T) {
	entry := func(key string) string {
		blob, err := encodeExtraction(key, extraction{People: nil})
		if err != nil {
			t.Fatal(err)
		}
		return string(blob) + "\n"
	}
	tests := []struct {
		name    string
		data    string
		keys    []string
		wantErr bool
	}{
		{name: "empty", data: ""},
		{name: "two entries", data: entry("a") + entry("b"), keys: []string{"a", "b"}},
		{name: "foreign", data: "not an entry\n", wantErr: true},
		{name: "truncated", data: entry("a")[:len(blobMagic)+3], wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parsePrepared([]byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if len(c) != len(tt.keys) {
				t.Fatalf("%d entries, want %d", len(c), len(tt.keys))
			}
			for _, k := range tt.keys {
				want := entry(k)
				if got := string(c[k]) + "\n"; got != want {
					t.Errorf("entry %q = %q, want %q", k, got, want)
				}
			}
		})
	}
}

// A load that defers the search index answers /who, /stats and digests
// without building it, builds it for the first question, and answers as
// an engine that built it at load.
func TestDeferredIndex(t *testing.T) {
	eager, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := DefaultWith(LoadOptions{DeferIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	noSearch := []struct {
		name  string
		reply func(*Engine) Reply
	}{
		{"who", func(e *Engine) Reply { return e.Who("cazeneuve") }},
		{"stats", func(e *Engine) Reply { return e.Stats(2014, "") }},
		{"stats topic", func(e *Engine) Reply { return e.Stats(2014, "police") }},
		{"digest", func(e *Engine) Reply { return e.Digest(DigestOptions{}).Reply }},
	}
	for _, tt := range noSearch {
		if got, want := flat(tt.reply(lazy)), flat(tt.reply(eager)); got != want {
			t.Errorf("%s: deferred index answers\n%s\nwant\n%s", tt.name, got, want)
		}
		if lazy.index != nil {
			t.Fatalf("%s built the deferred index", tt.name)
		}
	}
	q := "what did cazeneuve say about british police?"
	if got, want := flat(lazy.Ask(q)), flat(eager.Ask(q)); got != want {
		t.Errorf("ask: deferred index answers\n%s\nwant\n%s", got, want)
	}
	if lazy.index == nil || lazy.index.Len() != eager.index.Len() {
		t.Fatal("a question did not build the deferred index in full")
	}
}
