package briefings

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/briefings/corpus"
)

// The embedded corpus holds one story three outlets reported on
// 2014-11-05, and the same people's deal two months before.
const (
	france24 = "2014-11-05-france24-british-police-calais"
	itv      = "2014-11-05-itv-french-minister-uk-police-calais"
	local    = "2014-11-05-thelocal-uk-should-send-back-up-to-calais"
	ein      = "2014-09-ein-uk-france-joint-measures-calais"
)

func defaultEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// cited lists an item's sources, its own first.
func cited(it Item) []string { return append([]string{it.Source}, it.Also...) }

func TestStoriesEmbedded(t *testing.T) {
	e := defaultEngine(t)
	var got []string
	for _, s := range e.stories {
		var ids []string
		for _, d := range s.docs {
			ids = append(ids, d.ID)
		}
		got = append(got, strings.Join(ids, " + "))
	}
	want := []string{france24 + " + " + itv + " + " + local}
	if !slices.Equal(got, want) {
		t.Errorf("stories:\n%q\nwant\n%q", got, want)
	}
	if e.byID[ein].story != nil {
		t.Errorf("the September deal, with the same people, joined a story")
	}
}

func TestWhoQuotesOnceWithAllSources(t *testing.T) {
	r := defaultEngine(t).Who("cazeneuve")
	sec := section(r, "Quotes")
	if sec == nil {
		t.Fatalf("no quotes:\n%s", flat(r))
	}
	seen := map[string]bool{}
	var shared *Item
	for i, it := range sec.Items {
		if seen[it.Text] {
			t.Errorf("quote shown twice: %s", it.Text)
		}
		seen[it.Text] = true
		if strings.Contains(it.Text, "It would be very useful to have more policemen here") {
			shared = &sec.Items[i]
		}
	}
	if shared == nil {
		t.Fatalf("the quote three outlets carry is missing:\n%s", flat(r))
	}
	if got := cited(*shared); !sameSet(got, []string{france24, itv, local}) {
		t.Errorf("the shared quote cites %q, want all three outlets", got)
	}
}

func TestDigestListsAStoryOnce(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct {
		name        string
		limit       int
		sections    int
		summaryHas  string
		coveredDocs int
	}{
		{"every story", 10, 4, "They tell 4 stories", 6},
		{"the two latest articles come first", 2, 2, "The 2 most recent stories are summarised", 2},
		{"older stories wait", 3, 3, "The 3 most recent stories are summarised", 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := e.Digest(DigestOptions{Limit: tc.limit})
			r := d.Reply
			if len(r.Sections) != tc.sections || !strings.Contains(r.Summary, tc.summaryHas) || len(d.DocIDs) != tc.coveredDocs {
				t.Fatalf("%d sections, %d articles covered, summary %q:\n%s", len(r.Sections), len(d.DocIDs), r.Summary, flat(r))
			}
			var stories []Section
			for _, s := range r.Sections {
				if s.Story != nil {
					stories = append(stories, s)
				}
				for _, id := range []string{france24, itv, local} {
					if s.Story == nil && strings.Contains(s.Heading, e.byID[id].Meta.Title) {
						t.Errorf("an article of the story has a section of its own: %s", s.Heading)
					}
				}
			}
			if tc.limit < 3 {
				return // the story is the oldest but one: not shown
			}
			if len(stories) != 1 {
				t.Fatalf("%d story sections, want 1:\n%s", len(stories), flat(r))
			}
			s := stories[0]
			if !sameSet(s.Story.Articles, []string{france24, itv, local}) || !sameSet(s.Story.Outlets, []string{"France 24 (with AFP)", "ITV News", "The Local France"}) {
				t.Errorf("story %+v", *s.Story)
			}
			for _, o := range s.Story.Outlets {
				if !strings.Contains(s.Heading, o) {
					t.Errorf("heading %q does not name %s", s.Heading, o)
				}
			}
			var figure2300, disagree bool
			for _, it := range s.Items {
				if strings.HasPrefix(it.Text, "Figure: 2,300 migrants") {
					figure2300 = sameSet(cited(it), []string{france24, local})
				}
				if strings.HasPrefix(it.Text, "Sources disagree: ") && strings.Contains(it.Text, "2,300") && strings.Contains(it.Text, "2,500") {
					disagree = true
				}
			}
			if !figure2300 || !disagree {
				t.Errorf("want 2,300 once citing France 24 and The Local, and the 2,300 vs 2,500 note:\n%s", flat(Reply{Sections: []Section{s}}))
			}
		})
	}
}

func TestSourcesShowStories(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct {
		year    int
		stories int
	}{{0, 1}, {2014, 1}, {2021, 0}} {
		t.Run(fmt.Sprint(tc.year), func(t *testing.T) {
			r := e.SourcesOf(tc.year)
			sec := section(r, "Stories in several articles")
			if tc.stories == 0 {
				if sec != nil || strings.Contains(r.Summary, "Stories") {
					t.Errorf("stories listed for %d:\n%s", tc.year, flat(r))
				}
				return
			}
			if sec == nil || len(sec.Items) != tc.stories || !strings.Contains(r.Summary, "3 of them tell 1 story") {
				t.Fatalf("no story listed:\n%s", flat(r))
			}
			it := sec.Items[0]
			if !sameSet(cited(it), []string{france24, itv, local}) || !strings.Contains(it.Text, "ITV News") {
				t.Errorf("story item %+v", it)
			}
			for _, s := range r.Sources {
				inStory := s.ID == france24 || s.ID == itv || s.ID == local
				if (s.Story != "") != inStory || (inStory && s.Story != france24) {
					t.Errorf("source %s names story %q", s.ID, s.Story)
				}
			}
		})
	}
}

func TestStatsCiteEveryReportOfAStorysFigure(t *testing.T) {
	r := defaultEngine(t).Stats(2014, "")
	if section(r, "Sources disagree") == nil {
		t.Errorf("the 2,300 vs 2,500 note is gone:\n%s", flat(r))
	}
	var found bool
	for _, s := range r.Sections {
		for _, it := range s.Items {
			if it.Mark == "2,300" {
				if found {
					t.Errorf("2,300 migrants listed twice:\n%s", flat(r))
				}
				found = true
				if !sameSet(cited(it), []string{france24, local}) {
					t.Errorf("2,300 cites %q", cited(it))
				}
			}
		}
	}
	if !found {
		t.Errorf("2,300 migrants missing:\n%s", flat(r))
	}
}

func TestStoryJSONIsOptional(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct {
		name string
		r    Reply
		has  bool
	}{
		{"an article alone", e.SourcesOf(2021), false},
		{"a story", e.SourcesOf(2014), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.r)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(b), `"story"`); got != tc.has {
				t.Errorf("story in JSON: %v, want %v: %s", got, tc.has, b)
			}
		})
	}
}

func TestStoriesSurviveCacheAndReload(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, id := range []string{france24, itv, local, ein} {
		b, err := fsCorpus(id)
		if err != nil {
			t.Fatal(err)
		}
		fsys[id+".md"] = &fstest.MapFile{Data: b}
	}
	cache := newMemCache()
	first, err := LoadWith(t.Context(), fsys, ".", LoadOptions{Cache: cache, Version: "t"})
	if err != nil {
		t.Fatal(err)
	}
	cached, err := LoadWith(t.Context(), fsys, ".", LoadOptions{Cache: cache, Version: "t"})
	if err != nil {
		t.Fatal(err)
	}
	reloaded, err := LoadWith(t.Context(), fsys, ".", LoadOptions{Previous: cached})
	if err != nil {
		t.Fatal(err)
	}
	for name, e := range map[string]*Engine{"extracted": first, "from the cache": cached, "reloaded": reloaded} {
		if len(e.stories) != 1 || len(e.stories[0].docs) != 3 {
			t.Errorf("%s: %d stories", name, len(e.stories))
		}
	}
	if cached.LoadStats().Cached != 4 || reloaded.LoadStats().Reused != 4 {
		t.Errorf("cache %+v, reload %+v", cached.LoadStats(), reloaded.LoadStats())
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestStoriesBBC measures the grouping on the BBC corpus, which has no
// dates: only near copies group. Its five sections are a check of
// precision: a story seldom spans two.
func TestStoriesBBC(t *testing.T) {
	e := bbc(t)
	docs, mixed := 0, 0
	for _, s := range e.stories {
		docs += len(s.docs)
		sec := strings.Split(s.docs[0].ID, "/")[0]
		for _, d := range s.docs[1:] {
			if strings.Split(d.ID, "/")[0] != sec {
				mixed++
				t.Logf("across sections: %s", d.ID)
				break
			}
		}
	}
	t.Logf("%d stories of %d articles among %d; %d span two sections", len(e.stories), docs, len(e.docs), mixed)
	if len(e.stories) < 20 || docs > len(e.docs)/10 || mixed*20 > len(e.stories) {
		t.Errorf("%d stories of %d articles, %d across sections", len(e.stories), docs, mixed)
	}
}

func BenchmarkStoriesBBCx10(b *testing.B) {
	e := engineX10(b)
	for b.Loop() {
		e.buildStories()
	}
	b.ReportMetric(float64(len(e.stories)), "stories")
}

// fsCorpus reads one article of the embedded corpus.
func fsCorpus(id string) ([]byte, error) {
	return fs.ReadFile(corpus.FS, id+".md")
}
