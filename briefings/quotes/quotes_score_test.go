package quotes

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/briefbot/briefbot/briefings/internal/labelset"
	"github.com/briefbot/briefbot/internal/textdist"

	"golang.org/x/text/unicode/norm"

	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/text"
)

// The labelled set: every direct quotation of the embedded corpus and of
// twenty BBC articles, with its speaker (see testdata/extraction/README.md).
const (
	labelsFile = "../testdata/extraction/quotes.yaml"
	corpusDir  = "../corpus"
	bbcDir     = "../testdata/extraction/bbc"
)

// The bars of the engine issue.
const (
	minSpeakerAccuracy = 0.90
	maxWrongSpeakers   = 0
)

type quoteLabel struct {
	Starts  string `yaml:"starts"`
	Speaker string `yaml:"speaker"`
}

// speakerNames tells the name and kind of a doc-local entity key.
type speakerNames func(key string) (name string, person bool)

// resolverFor builds the Resolver a scoring run uses for one document.
type resolverFor func(d *text.Doc) (Resolver, speakerNames)

// peopleResolver is the production resolver: people.Extract.
func peopleResolver(d *text.Doc) (Resolver, speakerNames) {
	res := people.Extract(d)
	byKey := map[string]*people.Entity{}
	for _, e := range res.Entities {
		byKey[e.Key] = e
	}
	return res, func(key string) (string, bool) {
		e, ok := byKey[key]
		if !ok {
			return key, true // an unknown key counts as a person: never excuse a wrong speaker
		}
		return e.Name, e.Kind == people.Person
	}
}

func TestScoreQuotesAgainstLabels(t *testing.T) {
	labels := loadQuoteLabels(t)
	if !peopleFindsEntities(t, labels) {
		t.Skip("people.Extract finds no entities in the labelled documents: speaker scores need the real resolver")
	}
	for _, set := range []string{"corpus", "bbc"} {
		t.Run(set, func(t *testing.T) {
			s := scoreQuotes(t, labels, set, peopleResolver)
			t.Logf("%s: named-speaker accuracy %.3f (%d/%d), span recall %.3f (%d/%d), span precision %.3f (%d/%d), wrong named speakers %d",
				set, s.accuracy(), s.correct, s.named, s.recall(), s.matched, s.labels, s.precision(), s.matched, s.extracted, s.wrong)
			if s.accuracy() < minSpeakerAccuracy {
				t.Errorf("named-speaker accuracy %.3f < %.2f", s.accuracy(), minSpeakerAccuracy)
			}
			if s.wrong > maxWrongSpeakers {
				t.Errorf("%d quotes given to a wrong named person", s.wrong)
			}
		})
	}
}

type quoteScore struct {
	labels, matched, extracted int
	named, correct, wrong      int
}

func (s quoteScore) accuracy() float64  { return ratio(s.correct, s.named) }
func (s quoteScore) recall() float64    { return ratio(s.matched, s.labels) }
func (s quoteScore) precision() float64 { return ratio(s.matched, s.extracted) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func loadQuoteLabels(t *testing.T) map[string][]quoteLabel {
	t.Helper()
	labels := labelset.Load[quoteLabel](t, labelsFile)
	// Every labelled document exists, and every document is labelled.
	docs := map[string]bool{}
	for _, g := range []struct{ prefix, glob string }{
		{"corpus/", filepath.Join(corpusDir, "*.md")},
		{"bbc/", filepath.Join(bbcDir, "*", "*.md")},
	} {
		files, err := filepath.Glob(g.glob)
		if err != nil || len(files) == 0 {
			t.Fatalf("no documents match %s", g.glob)
		}
		for _, f := range files {
			rel := strings.TrimSuffix(f, ".md")
			if g.prefix == "corpus/" {
				rel = filepath.Base(rel)
			} else {
				rel, _ = filepath.Rel(bbcDir, rel)
			}
			docs[g.prefix+filepath.ToSlash(rel)] = true
		}
	}
	for id := range docs {
		if _, ok := labels[id]; !ok {
			t.Errorf("%s: document %s is not labelled", labelsFile, id)
		}
	}
	for id := range labels {
		if !docs[id] {
			t.Errorf("%s: labels unknown document %s", labelsFile, id)
		}
	}
	return labels
}

func peopleFindsEntities(t *testing.T, labels map[string][]quoteLabel) bool {
	for id := range labels {
		if len(people.Extract(labelset.Doc(t, id)).Entities) > 0 {
			return true
		}
	}
	return false
}

// scoreQuotes runs Extract over the documents of one set ("corpus" or
// "bbc") and compares its quotes with the labels, matched by their first
// words.
func scoreQuotes(t *testing.T, labels map[string][]quoteLabel, set string, resolve resolverFor) quoteScore {
	t.Helper()
	var ids []string
	for id := range labels {
		if strings.HasPrefix(id, set+"/") {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	var s quoteScore
	for _, id := range ids {
		d := labelset.Doc(t, id)
		r, names := resolve(d)
		got := Extract(d, r)
		s.extracted += len(got)
		used := make([]bool, len(got))
		for _, l := range labels[id] {
			s.labels++
			if l.Speaker != "" {
				s.named++
			}
			want := matchWords(l.Starts)
			i := findQuote(got, used, want)
			if i < 0 {
				t.Logf("%s: missed quote %q (%s)", id, l.Starts, orUnnamed(l.Speaker))
				continue
			}
			used[i] = true
			s.matched++
			name, person := "", false
			if got[i].Speaker != "" {
				name, person = names(got[i].Speaker)
			}
			switch {
			case l.Speaker != "" && person && sameName(name, l.Speaker):
				s.correct++
			case person:
				s.wrong++
				t.Errorf("%s: quote %q given to %q (as %q), want %s", id, l.Starts, name, got[i].SpeakerAs, orUnnamed(l.Speaker))
			case l.Speaker != "":
				t.Logf("%s: quote %q has no speaker (as %q), want %q", id, l.Starts, got[i].SpeakerAs, l.Speaker)
			}
		}
		for i, q := range got {
			if !used[i] {
				t.Logf("%s: unlabelled quote %q (speaker %q as %q)", id, clip(q.Text, 60), q.Speaker, q.SpeakerAs)
			}
		}
	}
	return s
}

func orUnnamed(s string) string {
	if s == "" {
		return "unnamed"
	}
	return s
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// matchWords are the words of a text folded for matching: lower case,
// accents and apostrophes dropped.
func matchWords(s string) []string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// findQuote is the first unused quote whose text starts with the words want.
func findQuote(got []Quote, used []bool, want []string) int {
	for i, q := range got {
		if used[i] {
			continue
		}
		w := matchWords(q.Text)
		if len(w) >= len(want) && equalWords(w[:len(want)], want) {
			return i
		}
	}
	return -1
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// sameName reports whether an extracted name names the labelled person: the
// same words up to one typo each ("Natasha"/"Natacha", "Daveport"), the
// extracted name allowed to be shorter ("Ferrero" for "Juan Carlos
// Ferrero") but ending on the same surname.
func sameName(got, want string) bool {
	g, w := matchWords(got), matchWords(want)
	if len(g) == 0 || len(g) > len(w) || textdist.Levenshtein(g[len(g)-1], w[len(w)-1], 1) > 1 {
		return false
	}
	for _, gw := range g {
		found := false
		for _, ww := range w {
			if textdist.Levenshtein(gw, ww, 1) <= 1 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
