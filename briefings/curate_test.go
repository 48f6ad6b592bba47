package briefings

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// curatedCorpus is a small corpus with a curation file.
func curatedCorpus(t *testing.T, curation string) *Engine {
	t.Helper()
	e, err := Load(curatedFS(curation), "c")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// curatedFS is the corpus of curatedCorpus.
func curatedFS(curation string) fstest.MapFS {
	fsys := fstest.MapFS{
		"c/a1.md": {Data: []byte(`---
title: Calais mayor speaks
published: 2015-03-04
---
Calais mayor Natacha Bouchart said the camp must close. "We cannot accept this situation any longer," said Ms Bouchart.

Nike Jones, a spokesman for the charity, said volunteers were exhausted. "The people here have nothing left to eat," he said.

Some 3,000 migrants live in the camp this year, officials said.
`)},
		"c/a2.md": {Data: []byte(`---
title: Bouchart again
published: 2016-05-01
---
Natasha Bouchart, the mayor of Calais, criticised the government. "The state has abandoned the town and its people," Natasha Bouchart said.

In 2016, 1,200 people crossed the Channel in small boats.
`)},
		"c/a3.md": {Data: []byte(`---
title: Mayor on the port
published: 2017-02-01
---
Natalie Bouchart, the mayor of Calais, visited the port on Monday with the police chief.
`)},
	}
	if curation != "" {
		fsys["c/curation.yaml"] = &fstest.MapFile{Data: []byte(curation)}
	}
	return fsys
}

// itemsOf lists the texts of a reply's section, each with " (curated)"
// when marked so.
func itemsOf(r Reply, heading string) []string {
	var out []string
	for _, s := range r.Sections {
		if s.Heading != heading {
			continue
		}
		for _, it := range s.Items {
			t := it.Text
			if it.Curated {
				t += " (curated)"
			}
			out = append(out, t)
		}
	}
	return out
}

func has(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func TestCurationOverrides(t *testing.T) {
	tests := []struct {
		name     string
		curation string
		check    func(t *testing.T, e *Engine)
	}{
		{"none", "", func(t *testing.T, e *Engine) {
			if r := e.Who("natalie bouchart"); r.Title != "Natalie Bouchart" {
				t.Errorf("Natalie Bouchart is a person of her own without curation, got %q", r.Title)
			}
			if q := itemsOf(e.Who("natacha bouchart"), "Quotes"); !has(q, "abandoned the town") || has(q, "curated") {
				t.Errorf("quotes without curation: %q", q)
			}
		}},
		{"aliases merge under the given name", `people:
  - name: Natacha Bouchart
    aliases: [Natalie Bouchart]
`, func(t *testing.T, e *Engine) {
			r := e.Who("natalie bouchart")
			if r.Title != "Natacha Bouchart" {
				t.Errorf("who natalie bouchart = %q, want Natacha Bouchart", r.Title)
			}
			if docs := itemsOf(r, "Mentioned in"); len(docs) != 3 {
				t.Errorf("merged profile is mentioned in %q, want all three articles", docs)
			}
		}},
		{"never merge", `people:
  - name: Natacha Bouchart
    never_merge: [Natasha Bouchart]
`, func(t *testing.T, e *Engine) {
			a, b := e.Who("natacha bouchart"), e.Who("natasha bouchart")
			if a.Title != "Natacha Bouchart" || b.Title != "Natasha Bouchart" {
				t.Errorf("who = %q and %q, want two people", a.Title, b.Title)
			}
			if q := itemsOf(a, "Quotes"); has(q, "abandoned") {
				t.Errorf("Natacha keeps Natasha's quote: %q", q)
			}
		}},
		{"not a person", `people:
  - name: Nike Jones
    kind: organisation
`, func(t *testing.T, e *Engine) {
			if c := e.Counts(); c.Organisations != 1 {
				t.Errorf("counts %+v, want 1 organisation", c)
			}
			if rel := itemsOf(e.Who("natacha bouchart"), "Related people"); has(rel, "Nike") {
				t.Errorf("an organisation is listed among related people: %q", rel)
			}
		}},
		{"roles added, removed and corrected", `people:
  - name: Natacha Bouchart
    add_roles:
      - {title: Senator, date: 2014-09, past: true, source: a1}
    remove_roles:
      - {title: Calais mayor}
    correct_roles:
      - {title: Mayor of Calais, to: Mayor of Calais and senator}
`, func(t *testing.T, e *Engine) {
			r := e.Who("natacha bouchart")
			roles := itemsOf(r, "Roles")
			want := []string{"Mayor of Calais and senator (curated)", "Senator (former) (curated)"}
			if strings.Join(roles, "|") != strings.Join(want, "|") {
				t.Errorf("roles = %q, want %q", roles, want)
			}
			for _, s := range r.Sections {
				for _, it := range s.Items {
					if it.Text == "Senator (former)" && (it.Date != "2014-09" || it.Source != "a1") {
						t.Errorf("added role item = %+v, want its own date and source", it)
					}
				}
			}
		}},
		{"quote hidden", `quotes:
  - {article: a2, text: "abandoned the town", hide: true}
`, func(t *testing.T, e *Engine) {
			if q := itemsOf(e.Who("natacha bouchart"), "Quotes"); has(q, "abandoned") || !has(q, "cannot accept") {
				t.Errorf("quotes = %q, want the hidden one gone", q)
			}
			if e.Counts().Quotes != 2 {
				t.Errorf("quotes counted %d, want 2", e.Counts().Quotes)
			}
		}},
		{"quote reassigned", `quotes:
  - {article: a1, text: "nothing left to eat", speaker: Natacha Bouchart}
`, func(t *testing.T, e *Engine) {
			if q := itemsOf(e.Who("natacha bouchart"), "Quotes"); !has(q, "nothing left to eat” (curated)") {
				t.Errorf("Natacha's quotes = %q, want the reassigned one, curated", q)
			}
			if q := itemsOf(e.Who("nike jones"), "Quotes"); has(q, "nothing left") {
				t.Errorf("Nike Jones keeps the reassigned quote: %q", q)
			}
		}},
		{"quote reassigned to someone the article does not name", `quotes:
  - {article: a2, text: "abandoned the town", speaker: Nike Jones}
`, func(t *testing.T, e *Engine) {
			if q := itemsOf(e.Who("nike jones"), "Quotes"); !has(q, "abandoned the town") {
				t.Errorf("Nike Jones's quotes = %q, want the reassigned one", q)
			}
		}},
		{"figure year and measure corrected", `figures:
  - {article: a1, value: "3,000", year: 2014, counts: camp residents}
`, func(t *testing.T, e *Engine) {
			if r := e.Stats(2015, ""); r.Kind != KindNotFound {
				t.Errorf("stats 2015 still lists the figure: %+v", r)
			}
			r := e.Stats(2014, "")
			if got := itemsOf(r, "Camp residents"); len(got) != 1 || !strings.HasSuffix(got[0], "(curated)") {
				t.Errorf("stats 2014 = %+v, want the figure under its corrected measure, curated", r.Sections)
			}
		}},
		{"figure hidden", `figures:
  - {article: a2, value: "1,200", hide: true}
`, func(t *testing.T, e *Engine) {
			if r := e.Stats(2016, ""); r.Kind != KindNotFound {
				t.Errorf("stats 2016 shows a hidden figure: %+v", r)
			}
		}},
		{"article date and title", `articles:
  - {id: a1, date: 2013-06-01, title: The mayor speaks}
`, func(t *testing.T, e *Engine) {
			if r := e.Stats(2013, ""); r.Kind != KindStats {
				t.Errorf("'this year' is not read against the corrected date: %+v", r)
			}
			r := e.Sources()
			if got := itemsOf(r, "Articles"); !has(got, "The mayor speaks (curated)") {
				t.Errorf("sources = %q, want the corrected title, curated", got)
			}
			for _, s := range r.Sources {
				if s.ID == "a1" && (!s.Curated || s.Published != "2013-06-01") {
					t.Errorf("source %+v, want the corrected date, curated", s)
				}
			}
		}},
		{"digest exclusion and pin", `articles:
  - {id: a3, digest: exclude}
  - {id: a1, digest: pin}
`, func(t *testing.T, e *Engine) {
			seen := map[string]bool{}
			d := e.Digest(DigestOptions{Seen: func(id string) bool { return seen[id] }})
			if strings.Join(d.DocIDs, ",") != "a1,pin:a1,a2" {
				t.Errorf("first digest covers %q, want the pinned a1 first and no a3", d.DocIDs)
			}
			for _, id := range d.DocIDs {
				seen[id] = true
			}
			if d := e.Digest(DigestOptions{Seen: func(id string) bool { return seen[id] }}); !d.Empty {
				t.Errorf("the pin leads a second digest: %q", d.DocIDs)
			}
			for day := 0; day < 3; day++ {
				sp := e.Digest(DigestOptions{Seen: func(string) bool { return true }, Spotlight: true, Now: time.Unix(int64(day)*86400, 0)})
				if strings.Contains(sp.Reply.Title, "Mayor on the port") {
					t.Errorf("an excluded article is the spotlight of day %d", day)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := curatedCorpus(t, tt.curation)
			if u := e.Unmatched(); len(u) > 0 {
				t.Errorf("unmatched: %v", u)
			}
			tt.check(t, e)
		})
	}
}

func TestCurationUnmatched(t *testing.T) {
	tests := []struct {
		name, curation string
		want           []string
	}{
		{"all match", "quotes:\n  - {article: a1, text: cannot accept, hide: true}\n", nil},
		{"unknown article", "articles:\n  - {id: gone, title: T}\n", []string{`curation.yaml: line 2: articles[0] matches nothing: no article has the id "gone"`}},
		{"unknown person", "people:\n  - name: Nobody Here\n    kind: organisation\n", []string{`curation.yaml: line 2: people[0] matches nothing: nobody in the corpus is named "Nobody Here"`}},
		{"role not held", "people:\n  - name: Natacha Bouchart\n    remove_roles:\n      - {title: Pope}\n    correct_roles:\n      - {title: Bishop, to: Pope}\n", []string{
			`curation.yaml: line 4: people[0].remove_roles[0] matches nothing: Natacha Bouchart has no role "Pope" to remove`,
			`curation.yaml: line 6: people[0].correct_roles[0] matches nothing: Natacha Bouchart has no role "Bishop" to correct`}},
		{"role cites an unknown article", "people:\n  - name: Natacha Bouchart\n    add_roles:\n      - {title: Senator, date: 2014, source: gone}\n", []string{
			`curation.yaml: line 4: people[0].add_roles[0] matches nothing: no article "gone" to cite for the role "Senator"`}},
		{"quote words changed", "quotes:\n  - {article: a1, text: words no longer there, hide: true}\n  - {article: gone, text: x, hide: true}\n", []string{
			`curation.yaml: line 2: quotes[0] matches nothing: no quote of a1 holds the words "words no longer there"`,
			`curation.yaml: line 3: quotes[1] matches nothing: no article has the id "gone"`}},
		{"figure not found", "figures:\n  - {article: a1, value: '4,000', hide: true}\n  - {article: a1, value: '3,000', sentence: in the port, year: 2014}\n", []string{
			`curation.yaml: line 2: figures[0] matches nothing: no figure "4,000" in a1`,
			`curation.yaml: line 3: figures[1] matches nothing: no figure "3,000" in a1 in a sentence with "in the port"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := curatedCorpus(t, tt.curation)
			var got []string
			for _, u := range e.Unmatched() {
				got = append(got, u.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("unmatched:\n got %q\nwant %q", got, tt.want)
			}
			for _, w := range tt.want {
				if !has(e.Warnings(), w) {
					t.Errorf("warnings %q lack %q", e.Warnings(), w)
				}
			}
		})
	}
}

func TestCurationFileError(t *testing.T) {
	_, err := Load(fstest.MapFS{
		"c/a.md":          {Data: []byte("Alpha text.\n")},
		"c/curation.yaml": {Data: []byte("quotes:\n  - {article: a, text: b}\n")},
	}, "c")
	if err == nil || !strings.Contains(err.Error(), "curation.yaml: line 2: quotes[0]: asks for nothing") {
		t.Errorf("Load = %v, want the curation error with its line and key", err)
	}
}

// A reload that reuses the served engine's extraction applies the new
// curation to the articles as extracted, not as the old curation left them.
func TestCurationReloadReusesPristineExtraction(t *testing.T) {
	ctx := context.Background()
	first, err := LoadWith(ctx, curatedFS("quotes:\n  - {article: a2, text: abandoned the town, hide: true}\npeople:\n  - {name: Nike Jones, kind: organisation}\n"), "c", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if q := itemsOf(first.Who("natacha bouchart"), "Quotes"); has(q, "abandoned") {
		t.Fatalf("first load shows the hidden quote: %q", q)
	}
	second, err := LoadWith(ctx, curatedFS("figures:\n  - {article: a2, value: '1,200', hide: true}\n"), "c", LoadOptions{Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if second.LoadStats().Reused == 0 {
		t.Fatal("the second load extracted again; this test needs reuse")
	}
	if q := itemsOf(second.Who("natacha bouchart"), "Quotes"); !has(q, "abandoned") {
		t.Errorf("the quote stays hidden after its entry was removed: %q", q)
	}
	if c := second.Counts(); c.Organisations != 0 {
		t.Errorf("Nike Jones stays an organisation after the entry was removed: %+v", c)
	}
	if r := second.Stats(2016, ""); r.Kind != KindNotFound {
		t.Errorf("the new curation is not applied: %+v", r)
	}
}
