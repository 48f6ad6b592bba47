package briefings

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/briefings/search"
)

// TestSearchPassagesBreaksTiesInCorpusOrder: passages that score alike
// come in corpus order and the same ones make the best n, whether the
// index was built at once or updated by a reload that numbered one of
// them last.
func TestSearchPassagesBreaksTiesInCorpusOrder(t *testing.T) {
	article := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\npublished: 2014-11-05\n---\n" +
			"The ferry to Dover was cancelled by the storm. The port stayed shut.\n")}
	}
	fsys := fstest.MapFS{"a.md": article("A"), "b.md": article("B"), "c.md": article("C"),
		"d.md": {Data: []byte("---\ntitle: D\n---\nNothing about boats here at all.\n")}}
	terms := []search.Term{{Text: "ferri", Boost: 1}, {Text: "dover", Boost: 1}}
	docsOf := func(e *Engine, n int) []string {
		hits, err := e.searchPassages(context.Background(), terms, n)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, e.passages[h.ID].doc.ID)
		}
		return out
	}
	first, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	counts := []int{1, 2, 3, 5}
	before := map[int][]string{}
	for _, n := range counts {
		before[n] = docsOf(first, n)
	}
	fsys["a.md"] = article("A, retitled") // its passage is numbered last
	reloaded, err := LoadWith(context.Background(), fsys, ".", LoadOptions{Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if reloaded.index.Updates() != 1 {
		t.Fatal("the reload did not update the index in place")
	}
	fresh, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range counts {
		want := []string{"a", "b", "c"}[:min(n, 3)]
		for name, got := range map[string][]string{"first": before[n], "reloaded": docsOf(reloaded, n), "fresh": docsOf(fresh, n)} {
			if !slices.Equal(got, want) {
				t.Errorf("%s, best %d: %v, want %v", name, n, got, want)
			}
		}
	}
}
