package briefings

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/briefbot/briefbot/briefings/curation"
	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/search"
	"github.com/briefbot/briefbot/briefings/text"
)

// Digest tuning.
const (
	defaultDigestLimit = 5
	summarySentences   = 2
	// summaryWindow bounds the sentences ranked per article: news puts
	// what matters first, and ranking is quadratic in sentences.
	summaryWindow = 40
	// leadBias weighs the teleport of the ranking toward early sentences.
	leadBias       = 0.5
	rankDamping    = 0.85
	rankIterations = 30
	maxKeyFigures  = 3
	maxKeyPeople   = 4
)

// Digest summarises documents new to a target: published on or after
// opts.Since and not seen, newest first. When nothing is new and
// opts.Spotlight is set, it returns the spotlight of the day instead: one
// article of the archive, the same all day, going through every article
// in turn (day number since 1970 modulo the article count, in date order).
func (e *Engine) Digest(opts DigestOptions) Digest {
	if opts.Overview {
		return e.corpusOverview(opts)
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = defaultDigestLimit
	}
	var since text.Date
	if !opts.Since.IsZero() {
		since = text.Date{Year: opts.Since.Year(), Month: int(opts.Since.Month()), Day: opts.Since.Day()}
	}
	seen := func(id string) bool { return opts.Seen != nil && opts.Seen(id) }
	// A curator's pins lead, once per target, whatever their date.
	var fresh, pinned []*document
	for i := len(e.byDate) - 1; i >= 0; i-- {
		d := e.byDate[i]
		if d.digest == curation.DigestPin && !seen(PinKey(d.ID)) {
			pinned = append(pinned, d)
		}
	}
	for i := len(e.byDate) - 1; i >= 0; i-- {
		d := e.byDate[i]
		if d.digest != "" {
			continue // excluded, or pinned above
		}
		if !since.IsZero() && !onOrAfter(d.Meta.Published, since) {
			continue
		}
		if seen(d.ID) {
			continue
		}
		fresh = append(fresh, d)
	}
	fresh = append(pinned, fresh...)
	if len(fresh) == 0 {
		if !opts.Spotlight || e.spotlightDocs() == 0 {
			return Digest{Empty: true}
		}
		r, id := e.spotlight(opts)
		return Digest{Empty: true, Reply: r, Spotlight: id}
	}
	// Articles that report one event are one story, summarised once.
	stories := byStory(fresh)
	shown := stories
	if len(shown) > limit {
		shown = shown[:limit]
	}
	c := newCiter(e)
	r := Reply{Kind: KindDigest, Title: fmt.Sprintf("What's new: %s", plural(len(fresh), "article", "articles"))}
	var ids []string
	for _, docs := range shown {
		for _, d := range docs {
			ids = append(ids, d.ID)
			if d.digest == curation.DigestPin {
				ids = append(ids, PinKey(d.ID))
			}
		}
		r.Sections = append(r.Sections, e.storySection(docs, c))
	}
	switch {
	case !opts.Since.IsZero():
		r.Summary = fmt.Sprintf("%s published since %s.", plural(len(fresh), "new article", "new articles"), opts.Since.Format("2 January 2006"))
	default:
		r.Summary = fmt.Sprintf("%s not posted here before.", plural(len(fresh), "article", "articles"))
	}
	unit := "articles"
	if len(stories) < len(fresh) {
		unit = "stories"
		r.Summary += fmt.Sprintf(" They tell %s: a story several outlets report is summarised once, with its outlets.", plural(len(stories), "story", "stories"))
	}
	if len(stories) > len(shown) {
		r.Summary += fmt.Sprintf(" The %d most recent %s are summarised; the rest follow in the next digest", len(shown), unit)
		if !opts.Next.IsZero() {
			r.Summary += ", " + opts.Next.In(digestZone(opts)).Format("Monday 2 January at 15:04 MST")
		}
		r.Summary += "."
	}
	r.Summary = dateLine(opts) + r.Summary
	r.Sources = c.sources
	return Digest{Reply: r, DocIDs: ids}
}

// PinKey is what a digest records as seen, besides the article's id, when
// it posts a pinned article, so the pin leads only the next digest.
func PinKey(id string) string { return "pin:" + id }

// spotlightDocs counts the articles a spotlight may show.
func (e *Engine) spotlightDocs() int {
	n := 0
	for _, d := range e.byDate {
		if d.digest != curation.DigestExclude {
			n++
		}
	}
	return n
}

// onOrAfter compares a publication date with a day; a date known only to
// the month or year counts as its last day, so "2025-09" is new on 2025-09-15.
func onOrAfter(d, day text.Date) bool {
	if d.IsZero() {
		return false
	}
	end := d
	if end.Month == 0 {
		end.Month, end.Day = 12, 31
	} else if end.Day == 0 {
		end.Day = 31
	}
	return !end.Before(day)
}

// spotlight is the article of the day among those not yet spotlighted to
// the target in this round (every article when all have had a turn). It
// returns the reply and the article's id. Its lead says why: nothing new
// for the channel since its last digest, or nothing published since the
// day asked for.
func (e *Engine) spotlight(opts DigestOptions) (Reply, string) {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	// Excluded articles are never spotlighted; of the rest, those not yet
	// spotlighted to the target in this round.
	var docs, left []*document
	for _, d := range e.byDate {
		if d.digest == curation.DigestExclude {
			continue
		}
		docs = append(docs, d)
		if opts.Spotlighted == nil || !opts.Spotlighted(d.ID) {
			left = append(left, d)
		}
	}
	if len(left) > 0 {
		docs = left
	}
	day := now.UTC().Unix() / 86400
	d := docs[int(day%int64(len(docs)))]
	c := newCiter(e)
	why := "Nothing new since the last digest"
	if opts.Seen == nil && !opts.Since.IsZero() {
		why = "Nothing was published on or after " + opts.Since.Format(time.DateOnly)
	}
	r := Reply{Kind: KindDigest, Title: "Spotlight: " + d.Meta.Title,
		Summary: dateLine(opts) + why + ", so here is an article from the archive (each one in turn)."}
	r.Sections = []Section{e.digestSection(d, c)}
	r.Sources = c.sources
	return r, d.ID
}

// overviewLatest is how many of the latest articles an overview lists.
const overviewLatest = 5

// corpusOverview is a channel's first digest: what the corpus covers (its
// articles by year) and its latest articles, each summarised. Every
// document counts as covered.
func (e *Engine) corpusOverview(opts DigestOptions) Digest {
	ids := make([]string, 0, len(e.byDate))
	byYear := map[int]int{}
	var years []int
	for _, d := range e.byDate {
		ids = append(ids, d.ID)
		y := d.Meta.Published.Year
		if byYear[y] == 0 {
			years = append(years, y)
		}
		byYear[y]++
	}
	r := Reply{Kind: KindDigest, Title: "Digest: where the story stands"}
	if len(e.byDate) == 0 {
		r.Summary = dateLine(opts) + "The corpus holds no articles yet; new ones will be summarised here."
		return Digest{Reply: r}
	}
	sort.Ints(years)
	var span []string
	for _, y := range years {
		label := "undated"
		if y != 0 {
			label = fmt.Sprint(y)
		}
		span = append(span, fmt.Sprintf("%s: %d", label, byYear[y]))
	}
	r.Summary = dateLine(opts) + fmt.Sprintf("This channel now gets digests. The corpus holds %s (%s); from now on each digest covers only what is new. Here are the latest.",
		plural(len(e.byDate), "article", "articles"), strings.Join(span, ", "))
	c := newCiter(e)
	limit := overviewLatest
	if opts.Limit > 0 {
		limit = min(limit, opts.Limit)
	}
	var latest []*document
	for i := len(e.byDate) - 1; i >= 0; i-- {
		if d := e.byDate[i]; d.digest != curation.DigestExclude {
			latest = append(latest, d)
		}
	}
	for _, told := range byStory(latest) {
		if len(r.Sections) == limit {
			break
		}
		r.Sections = append(r.Sections, e.storySection(told, c))
	}
	r.Sources = c.sources
	return Digest{Reply: r, DocIDs: ids}
}

// digestZone is the time zone a digest's dates are written in.
func digestZone(opts DigestOptions) *time.Location {
	if opts.Location != nil {
		return opts.Location
	}
	return time.UTC
}

// dateLine heads a scheduled digest's summary with its date; a digest
// without a moment (a preview) has none.
func dateLine(opts DigestOptions) string {
	if opts.Now.IsZero() {
		return ""
	}
	return opts.Now.In(digestZone(opts)).Format("Monday 2 January 2006") + ". "
}

// storySection summarises the articles of one story: an article alone as
// digestSection does; several from the fullest report, with the figures
// and people of all of them, each figure citing every article that gives
// it, and a note where they disagree on one.
func (e *Engine) storySection(docs []*document, c *citer) Section {
	if len(docs) == 1 {
		return e.digestSection(docs[0], c)
	}
	lead := fullest(docs)
	docs = append([]*document{lead}, slices.DeleteFunc(slices.Clone(docs), func(d *document) bool { return d == lead })...)
	ref := storyRef(lead.story, docs)
	sec := Section{Heading: lead.Meta.Title + " (" + joinAnd(ref.Outlets) + ")", URL: lead.Meta.URL, Story: ref}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = c.cite(d.ID)
	}
	for _, s := range summarize(e, lead, summarySentences) {
		sec.Items = append(sec.Items, Item{Text: s, Source: ids[0], Date: lead.date()})
	}
	var figs []figRef
	for _, d := range docs {
		for i := range d.figures {
			figs = append(figs, figRef{doc: d, i: i})
		}
	}
	sec.Items = append(sec.Items, keyFigures(figs, c)...)
	var names []string
	var named []*document
	for _, d := range docs {
		for _, p := range d.named() {
			if len(names) == maxKeyPeople {
				break
			}
			n := personLine(p)
			if n == "" || slices.Contains(names, n) {
				continue
			}
			names = append(names, n)
			if !slices.Contains(named, d) {
				named = append(named, d)
			}
		}
	}
	if len(names) > 0 {
		it := Item{Text: "People: " + strings.Join(names, "; "), Source: named[0].ID}
		for _, d := range named[1:] {
			it.Also = append(it.Also, d.ID)
		}
		sec.Items = append(sec.Items, it)
	}
	return sec
}

// keyFigures lists a story's figures of something, one value once
// however many articles give it, citing them all, then where its
// articles disagree on one measure.
func keyFigures(figs []figRef, c *citer) []Item {
	var items []Item
	at := map[string]int{}
	var counted []figRef
	for _, f := range figs {
		fg := f.fig()
		if fg.Counts == "" {
			continue
		}
		counted = append(counted, f)
		// one value once, as for one article ("2,500 migrants", "2,500 immigrants")
		k := valueKey(fg)
		if i, ok := at[k]; ok {
			if it := &items[i]; it.Source != f.doc.ID && !slices.Contains(it.Also, f.doc.ID) {
				it.Also = append(it.Also, c.cite(f.doc.ID))
			}
			continue
		}
		if len(items) == maxKeyFigures {
			continue
		}
		at[k] = len(items)
		items = append(items, Item{Text: "Figure: " + figureLine(fg), Mark: fg.Text, Source: c.cite(f.doc.ID)})
	}
	// a value several articles give first
	slices.SortStableFunc(items, func(a, b Item) int { return len(b.Also) - len(a.Also) })
	for _, g := range groupFigures(counted) {
		if g.disagree != "" {
			items = append(items, Item{Text: "Sources disagree: " + g.disagree})
		}
	}
	return items
}

// figureLine is a figure as a digest lists it: "2,300 migrants (2014)".
func figureLine(f *figures.Figure) string {
	t := f.Text
	if len(f.Conversions) > 0 && !strings.Contains(t, "(") {
		t += " (" + strings.Join(f.Conversions, ", ") + ")" // "€5 million funding (£4m)"
	}
	if f.Counts != "" {
		t += " " + f.Counts
	}
	if f.Year != 0 {
		t += fmt.Sprintf(" (%d)", f.Year)
	}
	return t
}

// personLine is a person as a digest lists them, "Name (latest role)";
// "" for an organisation.
func personLine(p *profile) string {
	if p.Kind != people.Person {
		return ""
	}
	if p.hasLatest {
		return p.Name + " (" + p.latest.Title + ")"
	}
	return p.Name
}

// digestSection is one article's summary, key figures and people.
func (e *Engine) digestSection(d *document, c *citer) Section {
	head := d.Meta.Title
	if d.Meta.Publisher != "" {
		head += " (" + d.Meta.Publisher + ")"
	}
	sec := Section{Heading: head, URL: d.Meta.URL}
	id := c.cite(d.ID)
	for _, s := range summarize(e, d, summarySentences) {
		sec.Items = append(sec.Items, Item{Text: s, Source: id, Date: d.date()})
	}
	var figs []string
	seen := map[string]bool{}
	for i := range d.figures {
		f := &d.figures[i]
		if len(figs) == maxKeyFigures {
			break
		}
		if seen[f.Text] || f.Counts == "" {
			continue // one value once ("2,500 migrants", "2,500 immigrants"), and only figures of something
		}
		seen[f.Text] = true
		t := figureLine(f)
		if !seen[t] {
			seen[t] = true
			figs = append(figs, t)
		}
	}
	if len(figs) > 0 {
		sec.Items = append(sec.Items, Item{Text: "Figures: " + strings.Join(figs, "; "), Source: id})
	}
	var names []string
	for _, p := range d.named() {
		if len(names) == maxKeyPeople {
			break
		}
		if n := personLine(p); n != "" {
			names = append(names, n)
		}
	}
	if len(names) > 0 {
		sec.Items = append(sec.Items, Item{Text: "People: " + strings.Join(names, "; "), Source: id})
	}
	return sec
}

// summarize picks n sentences of an article by sentence-graph ranking
// (TextRank: cosine similarity of term vectors, PageRank with a teleport
// biased toward the lead), returned in reading order.
func summarize(e *Engine, d *document, n int) []string {
	type sent struct {
		text string
		vec  map[string]float64
		norm float64
		pos  int
	}
	var sents []sent
	for _, p := range d.Paragraphs {
		if isHeadline(p.Text) {
			continue
		}
		for i := range p.Sentences {
			if len(sents) == summaryWindow {
				break
			}
			s := p.Sentence(i)
			if len(strings.Fields(s)) < 6 {
				continue
			}
			v := map[string]float64{}
			for _, t := range search.Analyze(s) {
				v[t]++
			}
			var norm float64
			for _, x := range v {
				norm += x * x
			}
			sents = append(sents, sent{text: s, vec: v, norm: math.Sqrt(norm), pos: len(sents)})
		}
	}
	if len(sents) <= n {
		out := make([]string, len(sents))
		for i, s := range sents {
			out[i] = s.text
		}
		return out
	}
	k := len(sents)
	w := make([][]float64, k)
	out := make([]float64, k) // sum of each sentence's edge weights
	for i := range w {
		w[i] = make([]float64, k)
	}
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			if sents[i].norm == 0 || sents[j].norm == 0 {
				continue
			}
			var dot float64
			a, b := sents[i].vec, sents[j].vec
			if len(b) < len(a) {
				a, b = b, a
			}
			for t, x := range a {
				dot += x * b[t]
			}
			sim := dot / (sents[i].norm * sents[j].norm)
			w[i][j], w[j][i] = sim, sim
			out[i] += sim
			out[j] += sim
		}
	}
	// Teleport: part uniform, part 1/(position+1), normalised.
	tele := make([]float64, k)
	var tsum float64
	for i := range tele {
		tele[i] = (1-leadBias)/float64(k) + leadBias/float64(i+1)
		tsum += tele[i]
	}
	for i := range tele {
		tele[i] /= tsum
	}
	rank := append([]float64(nil), tele...)
	next := make([]float64, k)
	for it := 0; it < rankIterations; it++ {
		for i := 0; i < k; i++ {
			var s float64
			for j := 0; j < k; j++ {
				if w[j][i] > 0 && out[j] > 0 {
					s += w[j][i] / out[j] * rank[j]
				}
			}
			next[i] = (1-rankDamping)*tele[i] + rankDamping*s
		}
		rank, next = next, rank
	}
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rank[idx[a]]+tele[idx[a]] > rank[idx[b]]+tele[idx[b]] })
	pick := idx[:n]
	sort.Ints(pick)
	res := make([]string, n)
	for i, p := range pick {
		res[i] = sents[p].text
	}
	return res
}
