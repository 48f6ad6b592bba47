package figures

import (
	"github.com/briefbot/briefbot/briefings/internal/labelset"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/briefings/text"
)

// labelsFile holds every figure of the labelled documents with its year.
const labelsFile = "../testdata/extraction/figures.yaml"

type label struct {
	Value string `yaml:"value"`
	Year  int    `yaml:"year"`
}

func sameQuantity(a, b Quantity) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(y)) }
	return near(a.Value, b.Value) && near(a.High, b.High) && a.Unit == b.Unit
}

// score counts matches of figures to labels by document and value, and
// right years among the matches.
type score struct {
	labels, found, matched, yearsRight int
}

func (s score) precision() float64 { return ratio(s.matched, s.found) }
func (s score) recall() float64    { return ratio(s.matched, s.labels) }
func (s score) years() float64     { return ratio(s.yearsRight, s.matched) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scoreDoc matches in reading order: each label takes the first unused
// figure with the same value.
func scoreDoc(t *testing.T, id string, labels []label, figs []Figure) score {
	s := score{labels: len(labels), found: len(figs)}
	used := make([]bool, len(figs))
	for _, l := range labels {
		want, err := ParseValue(l.Value)
		if err != nil {
			t.Errorf("%s: label %q: %v", id, l.Value, err)
			continue
		}
		hit := -1
		for k, f := range figs {
			if !used[k] && sameQuantity(Quantity{f.Value, f.High, f.Unit}, want) {
				hit = k
				break
			}
		}
		if hit < 0 {
			t.Logf("%s: missed %q (year %d)", id, l.Value, l.Year)
			continue
		}
		used[hit] = true
		s.matched++
		if figs[hit].Year == l.Year {
			s.yearsRight++
		} else {
			t.Logf("%s: %q year %d (%s), want %d", id, l.Value, figs[hit].Year, figs[hit].YearFrom, l.Year)
		}
	}
	for k, f := range figs {
		if !used[k] {
			t.Logf("%s: extra %q (counts %q, year %d)", id, f.Text, f.Counts, f.Year)
		}
	}
	return s
}

// scoreSet scores the documents of a labels file, grouped by set name.
func scoreSet(t *testing.T, labels map[string][]label, load func(id string) *text.Doc, setOf func(id string) string) map[string]*score {
	ids := make([]string, 0, len(labels))
	for id := range labels {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	sets := map[string]*score{}
	for _, id := range ids {
		name := setOf(id)
		if sets[name] == nil {
			sets[name] = &score{}
		}
		s := scoreDoc(t, id, labels[id], Extract(load(id)))
		sets[name].labels += s.labels
		sets[name].found += s.found
		sets[name].matched += s.matched
		sets[name].yearsRight += s.yearsRight
	}
	return sets
}

// check logs a set's scores and fails below the bars.
func (s *score) check(t *testing.T, name string, minPR, minYears float64) {
	t.Logf("%s: %d labelled, %d found, %d matched: precision %.3f recall %.3f year accuracy %.3f",
		name, s.labels, s.found, s.matched, s.precision(), s.recall(), s.years())
	if s.labels == 0 {
		t.Errorf("%s: no labels", name)
	}
	if s.precision() < minPR || s.recall() < minPR {
		t.Errorf("%s: precision %.3f, recall %.3f; want both >= %.2f", name, s.precision(), s.recall(), minPR)
	}
	if s.years() < minYears {
		t.Errorf("%s: year accuracy %.3f; want >= %.2f", name, s.years(), minYears)
	}
}

func TestFigureScores(t *testing.T) {
	sets := scoreSet(t, labelset.Load[label](t, labelsFile), func(id string) *text.Doc { return labelset.Doc(t, id) },
		func(id string) string {
			if strings.HasPrefix(id, "bbc/") {
				return "bbc"
			}
			return "seeds"
		})
	for _, name := range []string{"seeds", "bbc"} {
		if sets[name] == nil {
			t.Fatalf("%s: no documents", name)
		}
		sets[name].check(t, name, 0.85, 0.95)
	}
}

// TestFigureScoresHeldOut scores articles that played no part in shaping
// the rules: the honest estimate of how the extractor does on news it has
// not seen.
func TestFigureScoresHeldOut(t *testing.T) {
	load := func(id string) *text.Doc {
		path := filepath.Join("testdata", "heldout", strings.TrimPrefix(id, "bbc/")+".md")
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := text.Parse(id, raw)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	sets := scoreSet(t, labelset.Load[label](t, "testdata/heldout.yaml"), load, func(string) string { return "held-out" })
	sets["held-out"].check(t, "held-out", 0.8, 0.9)
}
