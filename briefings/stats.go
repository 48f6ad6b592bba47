package briefings

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/internal/unionfind"
	"github.com/briefbot/briefbot/briefings/text"
)

// Limits of a stats reply: a year of a large corpus holds thousands of
// figures; the reply shows the biggest groups and says how to narrow it.
const (
	maxStatGroups     = 12
	maxFiguresPerStat = 6
)

// figRef is one figure of a document.
type figRef struct {
	doc *document
	i   int
	key string // the sentence normalised (see sameText), set at load
}

func (f figRef) fig() *figures.Figure { return &f.doc.figures[f.i] }

// sentenceKey is the figure's sentence normalised for finding it again in
// another article.
func (f figRef) sentenceKey() string {
	if f.key != "" {
		return f.key
	}
	return sameText(f.sentence())
}

// storyKey names the figure's value and measure within the story its
// article tells with others ("" when it tells none): the same figure in
// two reports of one event is one figure, however each words it.
func (f figRef) storyKey() string {
	if f.doc.story == nil {
		return ""
	}
	fg := f.fig()
	return "story:" + f.doc.story.id() + "|" + valueKey(fg) + "|" + measureKey(fg.Counts)
}

// valueKey names a figure's value: its unit, value, upper bound and year.
func valueKey(fg *figures.Figure) string {
	return fg.Unit + "|" + strconv.FormatFloat(fg.Value, 'f', -1, 64) + "|" + strconv.FormatFloat(fg.High, 'f', -1, 64) + "|" + strconv.Itoa(fg.Year)
}

// sentence is the sentence the figure stands in.
func (f figRef) sentence() string {
	fg := f.fig()
	if fg.Para < 0 || fg.Para >= len(f.doc.Paragraphs) {
		return fg.Text
	}
	p := f.doc.Paragraphs[fg.Para]
	if fg.Sent >= 0 && fg.Sent < len(p.Sentences) {
		return p.Sentence(fg.Sent)
	}
	if _, s := f.doc.sentenceAt(fg.Para, fg.Start); s != "" {
		return s
	}
	return fg.Text
}

// yearFigures is every figure that refers to one year, grouped by what it
// counts.
type yearFigures struct {
	year int
	figs []figRef
	// context is, per figure, the analysed text around it, for topics.
	context []figureContext
	docs    int
	groups  []figGroup
}

// figGroup is the figures of one measure ("migrants in Calais").
type figGroup struct {
	key      string // normalised measure; "" for figures with no measure
	heading  string
	figs     []figRef
	docs     int
	disagree string // how the articles disagree on it, or ""
}

// buildFigures files every figure under the year it refers to, and a
// figure over a period ("£3bn since 1997") under the year it starts too.
func (e *Engine) buildFigures() {
	e.byYear = map[int]*yearFigures{}
	file := func(year int, f figRef) {
		y := e.byYear[year]
		if y == nil {
			y = &yearFigures{year: year}
			e.byYear[year] = y
		}
		y.figs = append(y.figs, f)
	}
	for _, d := range e.byDate {
		for i, f := range d.figures {
			if f.Year != 0 {
				file(f.Year, figRef{doc: d, i: i})
			}
			if f.Since != 0 && f.Since != f.Year {
				file(f.Since, figRef{doc: d, i: i})
			}
		}
	}
	for _, y := range e.byYear {
		for i := range y.figs {
			y.figs[i].key = sameText(y.figs[i].sentence())
		}
		y.docs = countDocs(y.figs)
		y.groups = groupFigures(y.figs)
		e.years = append(e.years, *y)
	}
	sort.Slice(e.years, func(i, j int) bool { return e.years[i].year < e.years[j].year })
}

func countDocs(figs []figRef) int {
	seen := map[*document]bool{}
	for _, f := range figs {
		seen[f.doc] = true
	}
	return len(seen)
}

// measureKey normalises what a figure counts, so "Migrants in Calais" and
// "the migrants in calais" group together.
func measureKey(counts string) string {
	w := strings.Fields(strings.ToLower(counts))
	for len(w) > 0 && (w[0] == "the" || w[0] == "a" || w[0] == "an" || w[0] == "some") {
		w = w[1:]
	}
	return strings.Trim(strings.Join(w, " "), ".,;:")
}

func groupFigures(figs []figRef) []figGroup {
	at := map[string]int{}
	var groups []figGroup
	for _, f := range figs {
		k := measureKey(f.fig().Counts)
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			heading := "Other figures"
			if k != "" {
				heading = capitalise(strings.TrimSpace(f.fig().Counts))
			}
			groups = append(groups, figGroup{key: k, heading: heading})
		}
		groups[i].figs = append(groups[i].figs, f)
	}
	for i := range groups {
		groups[i].docs = countDocs(groups[i].figs)
		groups[i].disagree, _ = disagreement(groups[i])
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if (a.key == "") != (b.key == "") {
			return b.key == "" // figures with no measure last
		}
		if a.docs != b.docs {
			return a.docs > b.docs
		}
		return len(a.figs) > len(b.figs)
	})
	return groups
}

// Stats lists the figures the corpus reports for a year, optionally on a
// topic; year 0 lists the years covered. With a topic, figures whose
// sentence names it come first, grouped by what they count; then figures
// beside a sentence that names it, then figures of articles whose headline
// or lead names it, each under a heading that says so.
func (e *Engine) Stats(year int, topic string) Reply {
	if year == 0 {
		return e.statsYears()
	}
	y := e.byYear[year]
	if y == nil {
		return Reply{Kind: KindNotFound, Title: fmt.Sprintf("No figures for %d", year), Summary: e.yearsCovered()}
	}
	groups := y.groups
	topic = strings.TrimSpace(topic)
	var near, article []figRef
	if topic != "" {
		var sentence []figRef
		sentence, near, article = e.onTopic(y, topic)
		groups = groupFigures(sentence)
		if len(sentence)+len(near)+len(article) == 0 {
			return Reply{Kind: KindNotFound, Title: fmt.Sprintf("No figures on “%s” for %d", topic, year),
				Summary: fmt.Sprintf("The corpus reports %s for %d, none on that topic. Try /stats %d alone.", plural(len(y.figs), "figure", "figures"), year, year)}
		}
	}
	c := newCiter(e)
	r := Reply{Kind: KindStats, Title: fmt.Sprintf("Figures for %d", year)}
	if topic != "" {
		r.Title = fmt.Sprintf("Figures for %d on “%s”", year, topic)
	}
	l := &statLister{c: c, seen: map[string]int{}, inferred: map[*document]bool{}}
	total := 0
	var disagree []Item
	for gi, g := range groups {
		total += len(g.figs)
		if gi >= maxStatGroups {
			continue
		}
		if g.disagree != "" {
			disagree = append(disagree, Item{Text: g.disagree})
		}
		l.add(g.heading, g.figs)
	}
	for _, ctx := range []struct {
		heading string
		figs    []figRef
	}{
		{fmt.Sprintf("Beside a sentence on “%s”", topic), near},
		{fmt.Sprintf("In articles on “%s” (named in the headline or lead)", topic), article},
	} {
		total += len(ctx.figs)
		l.add(ctx.heading, ctx.figs)
	}
	r.Sections = l.sections()
	if len(disagree) > 0 {
		r.Sections = append([]Section{{Heading: "Sources disagree", Items: disagree}}, r.Sections...)
	}
	r.Summary = fmt.Sprintf("%s for %d, grouped by what they count.", plural(total, "figure", "figures"), year)
	if topic != "" {
		r.Summary = fmt.Sprintf("%s for %d on “%s”.", plural(total, "figure", "figures"), year, topic)
		if n := len(near) + len(article); n > 0 {
			r.Summary += fmt.Sprintf(" %s stand in the articles around the topic rather than in a sentence naming it.", plural(n, "figure", "figures"))
		}
	}
	if l.shown < l.distinct {
		if topic == "" {
			r.Summary += fmt.Sprintf(" Showing %d; add a topic to narrow it, e.g. /stats %d %s.", l.shown, year, exampleTopic(groups))
		} else {
			r.Summary += fmt.Sprintf(" Showing %d.", l.shown)
		}
	}
	if len(disagree) > 0 {
		r.Summary += " Some sources disagree: see below."
	}
	if n := len(l.inferred); n > 0 {
		r.Summary += " " + inferredNote(n)
	}
	r.Sources = c.sources
	return r
}

// statLister turns figures into sections of items, each sentence once
// across the reply: the same sentence in several articles (one story from
// several outlets, or a copy) is one item citing all of them.
type statLister struct {
	c        *citer
	secs     []Section
	seen     map[string]int // normalised sentence -> slot
	slots    []itemSlot
	inferred map[*document]bool
	shown    int // items shown
	distinct int // distinct sentences offered
}

// itemSlot is where a distinct sentence went (sec -1: not shown) and the
// further articles that carry it.
type itemSlot struct {
	sec, item int
	doc       *document
	also      []string
}

// add lists up to maxFiguresPerStat figures under a heading.
func (l *statLister) add(heading string, figs []figRef) {
	sec := Section{Heading: heading}
	for _, f := range figs {
		key, told := f.sentenceKey(), f.storyKey()
		i, dup := l.seen[key]
		if !dup && told != "" {
			i, dup = l.seen[told]
		}
		if dup {
			sl := &l.slots[i]
			switch {
			case sl.doc != f.doc:
				// one sentence in two articles: one item citing both
				if sl.sec >= 0 && !slices.Contains(sl.also, f.doc.ID) {
					sl.also = append(sl.also, f.doc.ID)
				}
				continue
			case sl.sec == len(l.secs) || sl.sec < 0:
				continue // two figures of one sentence under one heading
			}
			// the same sentence under another heading marks another figure
		} else {
			l.distinct++
			l.seen[key] = len(l.slots)
			if told != "" {
				l.seen[told] = len(l.slots)
			}
		}
		if len(sec.Items) >= maxFiguresPerStat {
			if !dup {
				l.slots = append(l.slots, itemSlot{sec: -1, doc: f.doc})
			}
			continue
		}
		fg := f.fig()
		if f.doc.Meta.DateInferred && fg.YearFrom != "explicit" {
			l.inferred[f.doc] = true
		}
		if !dup {
			l.slots = append(l.slots, itemSlot{sec: len(l.secs), item: len(sec.Items), doc: f.doc})
		}
		sec.Items = append(sec.Items, Item{Text: f.sentence(), Mark: fg.Text, Source: l.c.cite(f.doc.ID), Date: f.doc.date(), Curated: fg.Curated})
		l.shown++
	}
	// An empty section still takes its place so slots stay valid.
	l.secs = append(l.secs, sec)
}

// sections returns the non-empty sections, with every item citing all the
// articles that carry its sentence.
func (l *statLister) sections() []Section {
	for _, sl := range l.slots {
		if sl.sec < 0 || len(sl.also) == 0 {
			continue
		}
		it := &l.secs[sl.sec].Items[sl.item]
		for _, id := range sl.also {
			it.Also = append(it.Also, l.c.cite(id))
		}
	}
	var out []Section
	for _, s := range l.secs {
		if len(s.Items) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// sameText normalises a sentence for finding it again in another article:
// case, spacing and quote marks aside.
func sameText(s string) string {
	return strings.Join(text.Words(s), " ")
}

// Limits of disagreement detection.
const (
	// maxDisputeGroup: a measure counted more often than this is a
	// generic word ("change"), not one quantity sources could disagree on.
	maxDisputeGroup = 200
	// maxDisputeRatio: values further apart than this measure different
	// things, not one thing estimated differently.
	maxDisputeRatio = 3.0
)

// genericMeasures name kinds of figure, not one quantity.
var genericMeasures = map[string]bool{
	"change": true, "increase": true, "decrease": true, "rise": true, "fall": true, "drop": true,
	"growth": true, "total": true, "number": true, "amount": true, "share": true, "percent": true,
	"per cent": true, "rate": true, "cost": true, "value": true, "figure": true, "times": true,
}

// disagreement describes a measure that different articles give different
// values for, in one context ("Migrants: 2,300 (France 24) vs 2,500 (ITV
// News)"). Two figures dispute each other when they come from different
// articles, count the same measure in the same unit, differ by at most
// maxDisputeRatio, and their sentences name a common place, person or body
// (a capitalised word besides the first).
func disagreement(g figGroup) (string, bool) {
	if g.key == "" || g.docs < 2 || len(g.figs) > maxDisputeGroup || genericMeasures[g.key] {
		return "", false
	}
	type fig struct {
		f    figRef
		caps map[string]bool
	}
	fs := make([]fig, len(g.figs))
	for i, f := range g.figs {
		fs[i] = fig{f: f, caps: properWords(f.sentence())}
	}
	sets := unionfind.New(len(fs))
	root := sets.Find
	disputed := false
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			a, b := fs[i].f, fs[j].f
			fa, fb := a.fig(), b.fig()
			if a.doc == b.doc || fa.Unit != fb.Unit || (fa.Value == fb.Value && fa.High == fb.High) {
				continue
			}
			lo, hi := min(fa.Value, fb.Value), max(fa.Value, fb.Value)
			if lo <= 0 || hi/lo > maxDisputeRatio || !overlaps(fs[i].caps, fs[j].caps) {
				continue
			}
			sets.Union(j, i)
			disputed = true
		}
	}
	if !disputed {
		return "", false
	}
	// The largest cluster of disputing figures, in reading order.
	size := map[int]int{}
	best := -1
	for i := range fs {
		r := root(i)
		size[r]++
		if best < 0 || size[r] > size[best] {
			best = r
		}
	}
	type val struct {
		text string
		pubs []string
	}
	key := valueKey
	inCluster := map[string]bool{}
	for i, x := range fs {
		if root(i) == best {
			inCluster[key(x.f.fig())] = true
		}
	}
	// Articles that agree with a disputed value are listed with it.
	var vals []*val
	byValue := map[string]*val{}
	for _, x := range fs {
		fg := x.f.fig()
		k := key(fg)
		if !inCluster[k] {
			continue
		}
		v := byValue[k]
		if v == nil {
			v = &val{text: fg.Text}
			byValue[k] = v
			vals = append(vals, v)
		}
		pub := x.f.doc.Meta.Publisher
		if pub == "" {
			pub = x.f.doc.Meta.Title
		}
		if !slices.Contains(v.pubs, pub) {
			v.pubs = append(v.pubs, pub)
		}
	}
	if len(vals) < 2 {
		return "", false
	}
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = fmt.Sprintf("%s (%s)", v.text, strings.Join(v.pubs, ", "))
	}
	return fmt.Sprintf("%s: %s", g.heading, strings.Join(parts, " vs ")), true
}

// properWords are the capitalised words of a sentence, except its first
// word and month and day names: the places, people and bodies it names.
func properWords(s string) map[string]bool {
	out := map[string]bool{}
	for i, w := range strings.Fields(s) {
		w = strings.Trim(w, `"'“”‘’.,;:!?()[]`)
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if i == 0 || w == "" || !unicode.IsUpper([]rune(w)[0]) || calendarWords[w] {
			continue
		}
		out[w] = true
	}
	return out
}

var calendarWords = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true, "Monday": true,
	"Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"I": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true,
}

func overlaps(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

func exampleTopic(groups []figGroup) string {
	for _, g := range groups {
		if w := strings.Fields(g.key); len(w) > 0 {
			return w[len(w)-1]
		}
	}
	return "migrants"
}

// statsYears lists the years the corpus has figures for.
func (e *Engine) statsYears() Reply {
	r := Reply{Kind: KindStats, Title: "Years covered"}
	if len(e.years) == 0 {
		r.Kind = KindNotFound
		r.Title = "No figures"
		r.Summary = "The corpus reports no figures with a year."
		return r
	}
	items := make([]Item, 0, len(e.years))
	for i := len(e.years) - 1; i >= 0; i-- {
		y := e.years[i]
		items = append(items, Item{
			Text: fmt.Sprintf("%d: %s in %s", y.year, plural(len(y.figs), "figure", "figures"), plural(y.docs, "article", "articles")),
			Mark: strconv.Itoa(y.year),
		})
	}
	r.Summary = fmt.Sprintf("The corpus reports figures for %s. Ask /stats YEAR for one year's figures.", plural(len(e.years), "year", "years"))
	r.Sections = []Section{{Heading: "Years", Items: items}}
	return r
}

// yearsCovered is a sentence listing the years with figures.
func (e *Engine) yearsCovered() string {
	if len(e.years) == 0 {
		return "The corpus reports no figures with a year."
	}
	ys := make([]string, len(e.years))
	for i, y := range e.years {
		ys[i] = strconv.Itoa(y.year)
	}
	return "The corpus reports figures for " + joinAnd(ys) + "."
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func itoa(n int) string { return strconv.Itoa(n) }
