package briefings

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/quotes"
	"github.com/briefbot/briefbot/briefings/text"
)

// The answer tests run over a small corpus with hand-built extractor
// output, so they check the answers alone, whatever the extractors find.

var fixtureDocs = []struct{ id, raw string }{
	{"a/one", `---
title: Minister wants police in Calais
publisher: Paper One
published: 2014-11-05
url: https://one.example/calais
tags: [calais]
---
France's Interior Minister Jean Dupont on Wednesday welcomed the idea of British police in Calais.

The estimated 2,300 migrants in Calais have arrived in recent weeks.

"It would be very useful to have more policemen here," he said.
`},
	{"b/two", `---
title: UK rules out sending police
publisher: Paper Two
published: 2014-11-06
tags: [calais, police]
---
There are around 2,500 migrants in Calais.

Immigration Minister Anna Smith said: "We will not be sending police to Calais."

Jean Dupont met Anna Smith in Paris.
`},
	{"c/three", `---
title: Crossings hit a record
publisher: Paper Three
published: 2025-09
---
The Channel saw 1,097 migrant crossings last week. The total now exceeds 30,000, a 36% increase from last year.

The UK-France deal was ratified on August 5, 2025. The scheme excludes minors and security threats.

Anna Smith, who served as Home Secretary, now serves as Foreign Secretary.
`},
}

// locate finds the first occurrence of s in a document: paragraph,
// sentence and byte span.
func locate(t testing.TB, d *text.Doc, s string) (para, sent, start, end int) {
	t.Helper()
	for pi, p := range d.Paragraphs {
		if i := strings.Index(p.Text, s); i >= 0 {
			return pi, p.SentenceAt(i), i, i + len(s)
		}
	}
	t.Fatalf("%s: %q not found", d.ID, s)
	return
}

type fakeDirectory struct {
	dir    *people.Directory
	lookup map[string]people.Match
}

// fixtureEngine builds the fixture corpus with hand-made extraction.
func fixtureEngine(t testing.TB) *Engine {
	t.Helper()
	e := &Engine{byID: map[string]*document{}}
	for i, f := range fixtureDocs {
		td, err := text.Parse(f.id, []byte(f.raw))
		if err != nil {
			t.Fatal(err)
		}
		d := &document{Doc: td, low: lowerText(td), ord: i, people: &people.DocResult{}}
		e.docs = append(e.docs, d)
		e.byID[d.ID] = d
	}
	a, b, c := e.docs[0], e.docs[1], e.docs[2]
	mention := func(d *document, textAs, key string) {
		p, _, s, en := locate(t, d.Doc, textAs)
		d.people.Mentions = append(d.people.Mentions, people.Mention{Para: p, Start: s, End: en, Text: textAs, Key: key})
	}
	mention(a, "Jean Dupont", "dupont")
	a.people.Entities = []*people.Entity{{Key: "dupont", Name: "Jean Dupont"}}
	mention(b, "Anna Smith", "smith")
	mention(b, "Jean Dupont", "dupont")
	b.people.Entities = []*people.Entity{{Key: "smith", Name: "Anna Smith"}, {Key: "dupont", Name: "Jean Dupont"}}
	mention(c, "Anna Smith", "smith")
	c.people.Entities = []*people.Entity{{Key: "smith", Name: "Anna Smith"}}

	quote := func(d *document, words, key string) {
		p, _, s, _ := locate(t, d.Doc, words)
		d.quotes = append(d.quotes, quotes.Quote{Text: words, Para: p, ParaEnd: p, Start: s, Speaker: key})
	}
	quote(a, "It would be very useful to have more policemen here,", "dupont")
	quote(b, "We will not be sending police to Calais.", "smith")

	figure := func(d *document, val string, v float64, unit, counts string, year int) {
		p, s, st, en := locate(t, d.Doc, val)
		d.figures = append(d.figures, figures.Figure{Text: val, Value: v, High: v, Unit: unit, Counts: counts, Year: year,
			YearFrom: "explicit", Para: p, Sent: s, Start: st, End: en})
	}
	figure(a, "2,300", 2300, "", "migrants in Calais", 2014)
	figure(b, "2,500", 2500, "", "migrants in Calais", 2014)
	figure(c, "1,097", 1097, "", "migrant crossings", 2025)
	figure(c, "30,000", 30000, "", "migrant crossings", 2025)
	figure(c, "36%", 36, "%", "increase", 2025)

	evidence := func(d *document, s string) string {
		p, si, _, _ := locate(t, d.Doc, s)
		return d.Paragraphs[p].Sentence(si)
	}
	dupont := &people.Profile{ID: "p1", Name: "Jean Dupont", DocIDs: []string{"a/one", "b/two"}, Mentions: 2,
		Roles: []people.DatedRole{{Title: "Interior Minister", DocID: "a/one", Date: a.Meta.Published, Evidence: evidence(a, "Interior Minister")}}}
	smith := &people.Profile{ID: "p2", Name: "Anna Smith", DocIDs: []string{"b/two", "c/three"}, Mentions: 3,
		Roles: []people.DatedRole{
			{Title: "Immigration Minister", DocID: "b/two", Date: b.Meta.Published, Evidence: evidence(b, "Immigration Minister")},
			{Title: "Home Secretary", Past: true, DocID: "c/three", Date: c.Meta.Published, Evidence: evidence(c, "Home Secretary")},
			{Title: "Foreign Secretary", DocID: "c/three", Date: c.Meta.Published, Evidence: evidence(c, "Foreign Secretary")},
		}}
	dir := &people.Directory{Profiles: []*people.Profile{dupont, smith}, Local: map[people.LocalKey]string{
		{DocID: "a/one", Key: "dupont"}: "p1", {DocID: "b/two", Key: "dupont"}: "p1",
		{DocID: "b/two", Key: "smith"}: "p2", {DocID: "c/three", Key: "smith"}: "p2",
	}}
	lookup := func(name string) people.Match {
		switch strings.ToLower(name) {
		case "dupont", "jean dupont":
			return people.Match{Found: dupont}
		case "smith", "anna smith", "smyth":
			return people.Match{Found: smith}
		case "minister":
			return people.Match{Candidates: []*people.Profile{dupont, smith}}
		}
		return people.Match{Suggestions: []*people.Profile{dupont}}
	}
	idx, err := e.buildIndex(LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e.index = idx
	e.build(dir, lookup)
	t.Cleanup(func() { idx.Close() })
	return e
}

// flat renders a reply as one string for containment checks.
func flat(r Reply) string {
	var b strings.Builder
	b.WriteString(string(r.Kind) + "\n" + r.Title + "\n" + r.Summary + "\n")
	for _, s := range r.Sections {
		b.WriteString("## " + s.Heading + "\n")
		for _, it := range s.Items {
			b.WriteString(it.Text + " |mark=" + it.Mark + " |src=" + it.Source + " |date=" + it.Date + "\n")
		}
	}
	for _, s := range r.Sources {
		b.WriteString("source " + s.ID + " " + s.Publisher + " " + s.Published + " " + s.URL + "\n")
	}
	return b.String()
}

func section(r Reply, heading string) *Section {
	for i := range r.Sections {
		if r.Sections[i].Heading == heading {
			return &r.Sections[i]
		}
	}
	return nil
}

type answerCase struct {
	name string
	run  func(e *Engine) Reply
	kind Kind
	has  []string
	not  []string
	also func(t *testing.T, r Reply)
}

func runAnswerCases(t *testing.T, cases []answerCase) {
	e := fixtureEngine(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.run(e)
			got := flat(r)
			if r.Kind != tc.kind {
				t.Errorf("kind = %q, want %q\n%s", r.Kind, tc.kind, got)
			}
			checkHolds(t, got, tc.has, tc.not)
			checkCitations(t, r)
			if tc.also != nil {
				tc.also(t, r)
			}
		})
	}
}

// checkCitations: every item's source is listed, and every mark is in its text.
func checkCitations(t *testing.T, r Reply) {
	t.Helper()
	listed := map[string]bool{}
	for _, s := range r.Sources {
		listed[s.ID] = true
	}
	for _, s := range r.Sections {
		for _, it := range s.Items {
			if it.Source != "" && !listed[it.Source] {
				t.Errorf("item %q cites %q, not in the sources", it.Text, it.Source)
			}
			if it.Mark != "" && !strings.Contains(it.Text, it.Mark) {
				t.Errorf("mark %q is not in %q", it.Mark, it.Text)
			}
		}
	}
}

func TestWho(t *testing.T) {
	runAnswerCases(t, []answerCase{
		{name: "found", run: func(e *Engine) Reply { return e.Who("dupont") }, kind: KindWho,
			has: []string{"Jean Dupont", "Interior Minister", "“It would be very useful to have more policemen here,”", "## Related people", "Anna Smith", "## Mentioned in", "Minister wants police in Calais", "Paper One 2014-11-05 https://one.example/calais"},
			not: []string{"We will not be sending police"},
			also: func(t *testing.T, r Reply) {
				if !strings.HasPrefix(r.Summary, "Interior Minister (2014-11-05). France's Interior Minister Jean Dupont") {
					t.Errorf("summary = %q", r.Summary)
				}
				q := section(r, "Quotes")
				if q == nil || len(q.Items) != 1 || q.Items[0].Source != "a/one" || q.Items[0].Date != "2014-11-05" {
					t.Errorf("quotes = %+v", q)
				}
			}},
		{name: "roles most recent first, past marked", run: func(e *Engine) Reply { return e.Who("smith") }, kind: KindWho,
			has: []string{"Foreign Secretary", "Home Secretary (former)", "Immigration Minister", "“We will not be sending police to Calais.”"},
			not: []string{"very useful"},
			also: func(t *testing.T, r Reply) {
				roles := section(r, "Roles")
				if roles == nil || len(roles.Items) != 3 {
					t.Fatalf("roles = %+v", roles)
				}
				want := []string{"Foreign Secretary", "Home Secretary (former)", "Immigration Minister"}
				for i, w := range want {
					if roles.Items[i].Text != w {
						t.Errorf("role %d = %q, want %q", i, roles.Items[i].Text, w)
					}
				}
				if !strings.HasPrefix(r.Summary, "Foreign Secretary (2025-09).") {
					t.Errorf("summary = %q", r.Summary)
				}
			}},
		{name: "typo", run: func(e *Engine) Reply { return e.Who("smyth") }, kind: KindWho, has: []string{"Anna Smith"}},
		{name: "ambiguous", run: func(e *Engine) Reply { return e.Who("minister") }, kind: KindNotFound,
			has: []string{"Several people match", "## Did you mean", "Jean Dupont, Interior Minister", "Anna Smith, Foreign Secretary"}},
		{name: "unknown", run: func(e *Engine) Reply { return e.Who("nobody-at-all") }, kind: KindNotFound,
			has: []string{"No one called “nobody-at-all”", "Did you mean Jean Dupont?"}},
		{name: "empty", run: func(e *Engine) Reply { return e.Who("  ") }, kind: KindNotFound},
	})
}

func TestStats(t *testing.T) {
	runAnswerCases(t, []answerCase{
		{name: "2014 disagreement", run: func(e *Engine) Reply { return e.Stats(2014, "") }, kind: KindStats,
			has: []string{"Figures for 2014", "## Sources disagree", "2,300 (Paper One) vs 2,500 (Paper Two)", "## Migrants in Calais", "|mark=2,300", "|mark=2,500"},
			not: []string{"1,097", "30,000"}},
		{name: "2025", run: func(e *Engine) Reply { return e.Stats(2025, "") }, kind: KindStats,
			has: []string{"1,097", "30,000", "36%", "## Migrant crossings", "## Increase", "|src=c/three |date=2025-09"},
			not: []string{"2,300", "2,500", "Sources disagree"},
			also: func(t *testing.T, r Reply) {
				// 1,097 and 30,000 stand in two sentences: each shown once, marked.
				if s := section(r, "Migrant crossings"); s == nil || len(s.Items) != 2 {
					t.Errorf("crossings = %+v", s)
				}
			}},
		{name: "topic", run: func(e *Engine) Reply { return e.Stats(2025, "crossings") }, kind: KindStats,
			has: []string{"1,097", "30,000"}, not: []string{"## Increase"}},
		{name: "topic with nothing", run: func(e *Engine) Reply { return e.Stats(2025, "weather") }, kind: KindNotFound},
		{name: "years", run: func(e *Engine) Reply { return e.Stats(0, "") }, kind: KindStats,
			has: []string{"2025: 3 figures in 1 article", "2014: 2 figures in 2 articles"}},
		{name: "no such year", run: func(e *Engine) Reply { return e.Stats(2019, "") }, kind: KindNotFound,
			has: []string{"No figures for 2019", "2014 and 2025"}},
	})
}

func TestAsk(t *testing.T) {
	runAnswerCases(t, []answerCase{
		{name: "search", run: func(e *Engine) Reply { return e.Ask("What does the pilot scheme exclude?") }, kind: KindAnswer,
			has: []string{"The scheme excludes minors and security threats.", "source c/three Paper Three 2025-09"}},
		// Two papers give two figures of the year: both are shown, neither
		// stated as the answer.
		{name: "figures that disagree are shown, not stated", run: func(e *Engine) Reply { return e.Ask("how many migrants were in Calais in 2014?") }, kind: KindAnswer,
			has: []string{"No sure answer", "around 2,500 migrants", "estimated 2,300 migrants"}, not: []string{"1,097", "|mark=2,"}},
		{name: "when marks a date", run: func(e *Engine) Reply { return e.Ask("when was the UK-France deal ratified?") }, kind: KindAnswer,
			has: []string{"|mark=August 5, 2025"}},
		{name: "who intent", run: func(e *Engine) Reply { return e.Ask("who is Jean Dupont?") }, kind: KindWho, has: []string{"Interior Minister"}},
		{name: "tell me about", run: func(e *Engine) Reply { return e.Ask("tell me about anna smith") }, kind: KindWho, has: []string{"Foreign Secretary"}},
		{name: "stats intent", run: func(e *Engine) Reply { return e.Ask("figures for 2025") }, kind: KindStats, has: []string{"1,097"}},
		{name: "who asks for a person", run: func(e *Engine) Reply { return e.Ask("who met in Paris?") }, kind: KindAnswer,
			has: []string{"Jean Dupont met Anna Smith in Paris.", "|mark="}},
		{name: "not covered", run: func(e *Engine) Reply { return e.Ask("what is the capital of Peru?") }, kind: KindNotFound,
			has: []string{"The corpus holds 3 articles, from 2014 to 2025", "Anna Smith"}},
		{name: "only question words", run: func(e *Engine) Reply { return e.Ask("what is it?") }, kind: KindNotFound},
		{name: "what X said about a topic is X's quote", run: func(e *Engine) Reply { return e.Ask("what did Anna Smith say about police?") }, kind: KindAnswer,
			has: []string{"## Quotes", "“We will not be sending police to Calais.”", "Anna Smith (Foreign Secretary) in their own words on “police”"},
			not: []string{"very useful"}},
		{name: "what X said on nothing X said is searched", run: func(e *Engine) Reply { return e.Ask("what did Anna Smith say about crossings?") }, kind: KindAnswer,
			not: []string{"## Quotes"}},
		{name: "a when answer shows only sentences with a date", run: func(e *Engine) Reply { return e.Ask("when was the UK-France deal ratified?") }, kind: KindAnswer,
			has: []string{"|mark=August 5, 2025"}, not: []string{"The scheme excludes minors"}},
	})
}

func TestSourcesAndCounts(t *testing.T) {
	e := fixtureEngine(t)
	r := e.Sources()
	if r.Kind != KindSources || len(r.Sources) != 3 {
		t.Fatalf("sources = %s", flat(r))
	}
	for i, want := range []string{"a/one", "b/two", "c/three"} {
		if r.Sources[i].ID != want {
			t.Errorf("source %d = %s, want %s (by date)", i, r.Sources[i].ID, want)
		}
	}
	if got, want := e.Counts(), (Counts{Documents: 3, People: 2, Quotes: 2, Figures: 5}); got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
}

func TestDigest(t *testing.T) {
	e := fixtureEngine(t)
	day := func(s string) time.Time {
		tm, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	t.Run("since", func(t *testing.T) {
		d := e.Digest(DigestOptions{Since: day("2025-01-01")})
		if d.Empty || len(d.DocIDs) != 1 || d.DocIDs[0] != "c/three" || d.Reply.Kind != KindDigest {
			t.Fatalf("digest = %+v", d)
		}
		got := flat(d.Reply)
		for _, s := range []string{"Crossings hit a record (Paper Three)", "Figures: 1,097 migrant crossings (2025)", "People: Anna Smith (Foreign Secretary)"} {
			if !strings.Contains(got, s) {
				t.Errorf("missing %q in\n%s", s, got)
			}
		}
	})
	t.Run("month-dated article is new within its month", func(t *testing.T) {
		if d := e.Digest(DigestOptions{Since: day("2025-09-20")}); len(d.DocIDs) != 1 {
			t.Errorf("digest = %+v", d.DocIDs)
		}
	})
	t.Run("seen, newest first", func(t *testing.T) {
		d := e.Digest(DigestOptions{Seen: func(id string) bool { return id == "c/three" }})
		if strings.Join(d.DocIDs, ",") != "b/two,a/one" {
			t.Errorf("docs = %v", d.DocIDs)
		}
	})
	t.Run("limit", func(t *testing.T) {
		d := e.Digest(DigestOptions{Limit: 1})
		if strings.Join(d.DocIDs, ",") != "c/three" || !strings.Contains(d.Reply.Summary, "3 articles") {
			t.Errorf("digest = %v %q", d.DocIDs, d.Reply.Summary)
		}
	})
	t.Run("nothing new", func(t *testing.T) {
		if d := e.Digest(DigestOptions{Since: day("2026-01-01")}); !d.Empty || d.Reply.Kind != "" {
			t.Errorf("digest = %+v", d)
		}
	})
	t.Run("spotlight is stable within a day", func(t *testing.T) {
		now := day("2026-03-02").Add(9 * time.Hour)
		a := e.Digest(DigestOptions{Since: day("2026-01-01"), Spotlight: true, Now: now})
		b := e.Digest(DigestOptions{Since: day("2026-01-01"), Spotlight: true, Now: now.Add(10 * time.Hour)})
		c := e.Digest(DigestOptions{Since: day("2026-01-01"), Spotlight: true, Now: now.Add(24 * time.Hour)})
		if !a.Empty || len(a.DocIDs) != 0 || !strings.HasPrefix(a.Reply.Title, "Spotlight: ") {
			t.Fatalf("spotlight = %+v", a)
		}
		if a.Reply.Title != b.Reply.Title {
			t.Errorf("spotlight changed within a day: %q, %q", a.Reply.Title, b.Reply.Title)
		}
		if a.Reply.Title == c.Reply.Title {
			t.Errorf("spotlight did not change the next day: %q", c.Reply.Title)
		}
	})
	t.Run("spotlights take turns", func(t *testing.T) {
		// Many digests on one day: every article once before any repeats.
		now := day("2026-03-02").Add(9 * time.Hour)
		done := map[string]bool{}
		for i := 0; i < 3; i++ {
			d := e.Digest(DigestOptions{Since: day("2026-01-01"), Spotlight: true, Now: now, Spotlighted: func(id string) bool { return done[id] }})
			if d.Spotlight == "" || done[d.Spotlight] {
				t.Fatalf("spotlight %d is %q after %v", i, d.Spotlight, done)
			}
			done[d.Spotlight] = true
		}
		if d := e.Digest(DigestOptions{Since: day("2026-01-01"), Spotlight: true, Now: now, Spotlighted: func(id string) bool { return done[id] }}); d.Spotlight == "" {
			t.Fatal("no spotlight once every article had its turn")
		}
	})
	t.Run("overview covers the corpus", func(t *testing.T) {
		d := e.Digest(DigestOptions{Overview: true, Now: day("2026-03-02").Add(9 * time.Hour)})
		if len(d.DocIDs) != 3 || !strings.HasPrefix(d.Reply.Summary, "Monday 2 March 2026. ") || !strings.Contains(d.Reply.Summary, "3 articles") || len(d.Reply.Sections) == 0 {
			t.Fatalf("overview = %v %q, %d sections", d.DocIDs, d.Reply.Summary, len(d.Reply.Sections))
		}
	})
	t.Run("the note names the next digest", func(t *testing.T) {
		paris, _ := time.LoadLocation("Europe/Paris")
		d := e.Digest(DigestOptions{Limit: 1, Now: day("2026-03-02"), Location: paris, Next: day("2026-03-03").Add(8 * time.Hour)})
		if !strings.Contains(d.Reply.Summary, "the rest follow in the next digest, Tuesday 3 March at 09:00 CET.") {
			t.Fatalf("summary %q", d.Reply.Summary)
		}
	})
}

func TestSummarizePrefersCentralLeadSentences(t *testing.T) {
	raw := `---
title: t
---
Police cleared the migrant camp in Calais on Monday, officials said.

The camp in Calais had housed hundreds of migrants for months.

Officials said the migrants from the Calais camp were taken to shelters.

The weather was mild for the time of year and the sky was blue.
`
	td, err := text.Parse("s", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{docs: []*document{{Doc: td, people: &people.DocResult{}}}}
	idx, err := e.buildIndex(LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	e.index = idx
	got := summarize(e, e.docs[0], 2)
	if len(got) != 2 || !strings.HasPrefix(got[0], "Police cleared") {
		t.Fatalf("summary = %q", got)
	}
	for _, s := range got {
		if strings.Contains(s, "weather") {
			t.Errorf("summary holds the off-topic sentence: %q", got)
		}
	}
}

func TestDisagreement(t *testing.T) {
	doc := func(id, pub, body string) *document {
		td, err := text.Parse(id, []byte("---\npublisher: "+pub+"\npublished: 2014-11-05\n---\n"+body))
		if err != nil {
			t.Fatal(err)
		}
		return &document{Doc: td}
	}
	fig := func(d *document, val string, v float64, counts string) figRef {
		p, s, st, en := locate(t, d.Doc, val)
		d.figures = append(d.figures, figures.Figure{Text: val, Value: v, High: v, Counts: counts, Year: 2014, Para: p, Sent: s, Start: st, End: en})
		return figRef{doc: d, i: len(d.figures) - 1}
	}
	a := doc("a", "One", "Some 2,300 migrants wait in Calais. Sales rose 24% at Acme. About 900 boats left Dover.")
	b := doc("b", "Two", "Around 2,500 migrants wait in Calais. Sales rose 8% at Zenith. About 9,000 boats left Dover.")
	c := doc("c", "Three", "Up to 2,300 migrants are in Calais.")
	for _, tc := range []struct {
		name string
		figs []figRef
		key  string
		want string
	}{
		{"same measure and place", []figRef{fig(a, "2,300", 2300, "migrants"), fig(b, "2,500", 2500, "migrants"), fig(c, "2,300", 2300, "migrants")}, "migrants",
			"Migrants: 2,300 (One, Three) vs 2,500 (Two)"},
		{"different contexts", []figRef{fig(a, "24%", 24, "sales"), fig(b, "8%", 8, "sales")}, "sales", ""},
		{"values too far apart", []figRef{fig(a, "900", 900, "boats"), fig(b, "9,000", 9000, "boats")}, "boats", ""},
		{"generic measure", []figRef{fig(a, "2,300", 2300, "total"), fig(b, "2,500", 2500, "total")}, "total", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := figGroup{key: tc.key, heading: capitalise(tc.key), figs: tc.figs, docs: countDocs(tc.figs)}
			got, ok := disagreement(g)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("disagreement = %q, %v; want %q", got, ok, tc.want)
			}
		})
	}
}

func TestAskOddInput(t *testing.T) {
	e := fixtureEngine(t)
	for _, q := range []string{
		strings.Repeat("migrants Calais police boats ", 200),
		"<!channel> @everyone ?",
		"\u202e\u200b???",
		"2014",
		"🙂🙂🙂",
	} {
		r := e.Ask(q)
		if r.Kind == "" || r.Title == "" {
			t.Errorf("Ask(%.30q) = %+v", q, r)
		}
	}
}

// checkHolds reports each of has missing from got and each of not in it.
func checkHolds(t *testing.T, got string, has, not []string) {
	t.Helper()
	for _, s := range has {
		if !strings.Contains(got, s) {
			t.Errorf("missing %q in\n%s", s, got)
		}
	}
	for _, s := range not {
		if strings.Contains(got, s) {
			t.Errorf("unwanted %q in\n%s", s, got)
		}
	}
}
