package briefings

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// bbc is the BBC engine, loaded once for the labelled-set tests.
func bbc(t *testing.T) *Engine {
	t.Helper()
	if testing.Short() {
		t.Skip("loading the BBC corpus is slow; skipped with -short")
	}
	return loadBBC(t)
}

func readLabels(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// score is a labelled set's tally on one half.
type score struct{ hit, want, right, shown, cases, clean int }

func (s score) recall() float64    { return float64(s.hit) / float64(max(1, s.want)) }
func (s score) precision() float64 { return float64(s.right) / float64(max(1, s.shown)) }

type statsLabel struct {
	Year  int      `yaml:"year"`
	Topic string   `yaml:"topic"`
	Want  []string `yaml:"want"`
	None  []string `yaml:"none"`
	Doc   string   `yaml:"doc"`
	Set   string   `yaml:"set"`
}

// TestStatsLabels runs /stats YEAR TOPIC over the labelled BBC set. Recall
// is the share of wanted figures shown; precision the share of shown
// figure lines whose article names the topic (as a word, in any form the
// article writes it) and that show none of the unwanted strings.
func TestStatsLabels(t *testing.T) {
	e := bbc(t)
	var set struct{ Cases []statsLabel }
	readLabels(t, "testdata/stats_labels.yaml", &set)
	scores := map[string]*score{"tune": {}, "test": {}}
	for _, c := range set.Cases {
		s := scores[c.Set]
		r := e.Stats(c.Year, c.Topic)
		got := flat(r)
		s.cases++
		for _, w := range c.Want {
			s.want++
			if strings.Contains(got, w) {
				s.hit++
			} else {
				t.Logf("%s: /stats %d %s misses %q", c.Set, c.Year, c.Topic, w)
			}
		}
		topic := topicPattern(c.Topic)
		for _, sec := range r.Sections {
			for _, it := range sec.Items {
				if it.Source == "" {
					continue
				}
				s.shown++
				d := e.byID[it.Source]
				ok := d != nil && topic.MatchString(d.Meta.Title+" "+docText(d))
				for _, n := range c.None {
					ok = ok && !strings.Contains(it.Text, n)
				}
				if ok {
					s.right++
				} else {
					t.Logf("%s: /stats %d %s shows off-topic %q", c.Set, c.Year, c.Topic, it.Text)
				}
			}
		}
	}
	for _, half := range []string{"tune", "test"} {
		s := scores[half]
		t.Logf("stats %s: %d cases, recall %.2f (%d/%d), precision %.2f (%d/%d)", half, s.cases, s.recall(), s.hit, s.want, s.precision(), s.right, s.shown)
	}
	for half, floor := range statsFloors {
		s := scores[half]
		if s.recall() < floor[0] || s.precision() < floor[1] {
			t.Errorf("stats %s: recall %.2f precision %.2f, below the floor %.2f/%.2f", half, s.recall(), s.precision(), floor[0], floor[1])
		}
	}
}

// statsFloors are the measured recall and precision of each half, less a
// small margin: a change that drops below them is a regression.
var statsFloors = map[string][2]float64{"tune": {0.96, 0.95}, "test": {0.92, 0.97}}

// topicPattern matches a topic's words as whole words, allowing a
// possessive or plural ending and any case.
func topicPattern(topic string) *regexp.Regexp {
	var parts []string
	for _, w := range strings.Fields(topic) {
		parts = append(parts, regexp.QuoteMeta(strings.TrimSuffix(w, "s"))+`(s|es|'s|’s)?`)
	}
	return regexp.MustCompile(`(?i)\b` + strings.Join(parts, `\W+`) + `\b`)
}

func docText(d *document) string {
	var b strings.Builder
	for _, p := range d.Paragraphs {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

type whoLabel struct {
	Name string   `yaml:"name"`
	Role []string `yaml:"role"`
	None []string `yaml:"none"`
	Set  string   `yaml:"set"`
}

// TestWhoLabels runs /who over the labelled BBC people whose surnames are
// common words. A case is found when the answer is a briefing on that
// person (title = name) and shows one of the role words; it is clean when
// none of the unwanted strings appears. Recall: found cases / cases;
// precision: found and clean / briefings given.
func TestWhoLabels(t *testing.T) {
	e := bbc(t)
	var set struct{ Cases []whoLabel }
	readLabels(t, "testdata/who_labels.yaml", &set)
	scores := map[string]*score{"tune": {}, "test": {}}
	for _, c := range set.Cases {
		s := scores[c.Set]
		r := e.Who(strings.ToLower(c.Name))
		got := flat(r)
		low := strings.ToLower(got)
		s.cases++
		s.want++
		briefing := r.Kind == KindWho && sameWords(r.Title, c.Name)
		role := false
		for _, w := range c.Role {
			role = role || strings.Contains(low, strings.ToLower(w))
		}
		clean := true
		for _, n := range c.None {
			clean = clean && !strings.Contains(got, n)
		}
		if r.Kind == KindWho {
			s.shown++
		}
		switch {
		case briefing && role && clean:
			s.hit++
			s.right++
		default:
			t.Logf("%s: /who %s: briefing=%v role=%v clean=%v\n%s", c.Set, c.Name, briefing, role, clean, firstLines(got, 12))
		}
	}
	for _, half := range []string{"tune", "test"} {
		s := scores[half]
		t.Logf("who %s: %d cases, recall %.2f (%d/%d), precision %.2f (%d/%d)", half, s.cases, s.recall(), s.hit, s.want, s.precision(), s.right, s.shown)
	}
	for half, floor := range whoFloors {
		s := scores[half]
		if s.recall() < floor[0] || s.precision() < floor[1] {
			t.Errorf("who %s: recall %.2f precision %.2f, below the floor %.2f/%.2f", half, s.recall(), s.precision(), floor[0], floor[1])
		}
	}
}

// whoFloors are the measured recall and precision of each half, less a
// small margin.
var whoFloors = map[string][2]float64{"tune": {0.95, 0.95}, "test": {0.95, 0.95}}

func firstLines(s string, n int) string {
	l := strings.SplitN(s, "\n", n+1)
	if len(l) > n {
		l = l[:n]
	}
	return strings.Join(l, "\n")
}

// sameWords reports whether title holds every word of name ("George W
// Bush" for "George Bush").
func sameWords(title, name string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(title)) {
		have[w] = true
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if !have[w] {
			return false
		}
	}
	return true
}
