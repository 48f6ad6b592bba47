package search

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

func build(t *testing.T, passages ...string) *Index {
	t.Helper()
	ix, err := Build(passages)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func scores(t *testing.T, ix *Index, q string) map[int]float64 {
	t.Helper()
	hits, err := ix.Search(context.Background(), Terms(q), 10)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]float64{}
	for _, h := range hits {
		out[h.ID] = h.Score
	}
	return out
}

// saturation is the passages used to tell BM25 from TF-IDF: the same
// length, a term ten times against once.
var saturation = []string{
	"boat boat boat boat boat boat boat boat boat boat",
	"boat ferry train plane car bus tram bike ship cart",
	"nothing relevant here at all in this filler text",
}

// TestBM25 proves the index ranks by BM25: term frequency saturates at
// k1+1 = 2.2 times a single occurrence, where bleve's TF-IDF (which
// bleve.NewMemOnly would give) grows with its square root (3.16 for ten).
func TestBM25(t *testing.T) {
	ix := build(t, saturation...)
	s := scores(t, ix, "boat")
	ratio := s[0] / s[1]
	if ratio < 1.5 || ratio > 2.2 {
		t.Errorf("BM25 tf ratio = %.3f, want at most k1+1 = 2.2 (scores %v)", ratio, s)
	}

	// The same passages under bleve's default model, for contrast.
	m := newMapping()
	m.ScoringModel = ""
	tfidf, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	defer tfidf.Close()
	for i, p := range saturation {
		if err := tfidf.Index(strconv.Itoa(i), map[string]any{field: p}); err != nil {
			t.Fatal(err)
		}
	}
	q := bleve.NewTermQuery("boat")
	q.SetField(field)
	res, err := tfidf.Search(bleve.NewSearchRequest(q))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, h := range res.Hits {
		got[h.ID] = h.Score
	}
	if r := got["0"] / got["1"]; r < 3 {
		t.Errorf("TF-IDF tf ratio = %.3f, want about 3.16: the contrast does not hold", r)
	}

	// The explanation names BM25's length normalisation.
	req := bleve.NewSearchRequest(q)
	req.Explain = true
	res, err = ix.idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Expl.String(), "avgFieldLength") {
		t.Errorf("explanation does not show BM25: %v", res.Hits)
	}
}

func TestSearch(t *testing.T) {
	ix := build(t,
		"The UK will contribute £4m a year to security at Calais.",
		"Migrants' camps were cleared in Calais on Monday.",
		"The weather in Dover was mild.",
		"",
	)
	if ix.Len() != 4 {
		t.Errorf("Len = %d", ix.Len())
	}
	if got := strings.Join(Terms("The migrants' camps, the camps!"), " "); got != "migrant camp" {
		t.Errorf("Terms = %q", got)
	}
	if got := len(Analyze("camps camp Camping")); got != 3 {
		t.Errorf("Analyze kept %d terms, want 3", got)
	}
	for _, tc := range []struct {
		q    string
		want []int
	}{
		{"how much will the UK contribute", []int{0}},
		{"migrant camp cleared", []int{1}},
		{"Calais", []int{0, 1}},
		{"the of and", nil},
		{"quantum", nil},
	} {
		hits, err := ix.Search(context.Background(), Terms(tc.q), 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		if len(ids) != len(tc.want) {
			t.Errorf("%q: hits %v, want %v", tc.q, ids, tc.want)
			continue
		}
		for _, w := range tc.want {
			found := false
			for _, id := range ids {
				found = found || id == w
			}
			if !found {
				t.Errorf("%q: hits %v, want %v", tc.q, ids, tc.want)
			}
		}
	}
	if ix.IDF("quantum") != 0 || ix.IDF("calai") <= 0 || ix.IDF("calai") >= ix.IDF("dover") {
		t.Errorf("IDF: quantum %v calai %v dover %v", ix.IDF("quantum"), ix.IDF("calai"), ix.IDF("dover"))
	}
}

func TestBuildInBatches(t *testing.T) {
	n := batchSize*2 + 7
	passages := make([]string, n)
	for i := range passages {
		passages[i] = "filler words " + strconv.Itoa(i)
	}
	passages[n-1] = "the needle"
	ix := build(t, passages...)
	hits, err := ix.Search(context.Background(), Terms("needle"), 5)
	if err != nil || len(hits) != 1 || hits[0].ID != n-1 {
		t.Errorf("hits %v, err %v", hits, err)
	}
}

// TestUpdateSharesStorageUntilBothClosed: an index and its update share
// one storage; closing the first leaves the update searching, and closing
// both (twice, even) closes the storage once.
func TestUpdateSharesStorageUntilBothClosed(t *testing.T) {
	before := OpenIndexes()
	ix, err := Build([]string{"the ferry left calais", "the train left paris"})
	if err != nil {
		t.Fatal(err)
	}
	up, err := ix.Update([]int{0}, []string{"a new ferry terminal"}, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func()
		open int
	}{
		{"built and updated", func() {}, before + 1},
		{"first closed", func() { ix.Close() }, before + 1},
		{"first closed again", func() { ix.Close() }, before + 1},
		{"update closed", func() { up.Close() }, before},
		{"update closed again", func() { up.Close() }, before},
	}
	for _, st := range steps {
		st.do()
		if got := OpenIndexes(); got != st.open {
			t.Errorf("%s: %d open indexes, want %d", st.name, got, st.open)
		}
		if st.name == "first closed" {
			if hits := scores(t, up, "ferry"); len(hits) != 1 || hits[2] == 0 {
				t.Errorf("the update after its original was closed: hits %v, want passage 2", hits)
			}
		}
	}
}
