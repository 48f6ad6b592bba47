package briefings

import (
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/briefings/people"
	"golang.org/x/sync/errgroup"
)

// profile is a people.Profile with what the answers need precomputed.
type profile struct {
	*people.Profile
	idx       int              // position in the directory
	words     people.NameWords // its name, for people.ShortFormOfWords
	quotes    []quoteRef       // most recent first
	related   []related        // most co-mentioned first
	roles     []people.DatedRole
	latest    people.DatedRole // the latest current role, else the latest role
	hasLatest bool
	docs      []*document         // the articles that mention them, oldest first
	named     map[*document][]int // per article, the indexes of its mentions of them
	summary   string              // the one-line description of a who reply
}

// quoteRef is one quote of a document.
type quoteRef struct {
	doc *document
	i   int
}

// related is a profile named in the same articles as another, and how often.
type related struct {
	p    *profile
	docs int
}

// maxRelated bounds the related people kept per profile.
const maxRelated = 12

// maxCoNamed is how many people named before and after a person, in order
// of first mention, an article relates them to: every one in an article,
// the nearest in a text that names hundreds.
const maxCoNamed = 60

// build precomputes the lookups the answers use, so that answering is a
// lookup, not a scan: those of the articles and those of the people
// merged across them. lookup finds a name in dir
// (people.Directory.Lookup; tests pass a fake).
func (e *Engine) build(dir *people.Directory, lookup func(string) people.Match) {
	e.buildDocs()
	e.buildPeople(dir, lookup)
}

// buildDocs precomputes what needs the articles alone: their order by
// date, counts, topics and figures by year. It reads no profile, so a
// load runs it while people are merged.
func (e *Engine) buildDocs() {
	tags := map[string]int{}
	for _, d := range e.docs {
		e.counts.Documents++
		e.counts.Quotes += len(d.quotes)
		e.counts.Figures += len(d.figures)
		for _, t := range d.Meta.Tags {
			tags[strings.ToLower(t)]++
		}
	}
	e.byDate = sortByDate(e.docs)
	e.buildFigures()
	e.topics = topTags(tags, 6)
}

// buildPeople precomputes each profile's quotes, related people, roles,
// articles and summary.
func (e *Engine) buildPeople(dir *people.Directory, lookup func(string) people.Match) {
	e.dir, e.lookup = dir, lookup
	e.profiles = make(map[string]*profile, len(e.dir.Profiles))
	for i, p := range e.dir.Profiles {
		pr := &profile{Profile: p, idx: i}
		e.profiles[p.ID] = pr
		e.ranked = append(e.ranked, pr)
		if p.Kind == people.Organisation {
			e.counts.Organisations++
		} else {
			e.counts.People++
		}
	}
	// what each article says of its profiles reads only that article and
	// the directory: articles are done in parallel
	arts := make([]docProfiles, len(e.docs))
	inParallel(len(e.docs), func(i int) { arts[i] = e.docProfiles(e.docs[i]) })
	inParallel(len(e.ranked), func(i int) { e.ranked[i].words = people.WordsOf(e.ranked[i].Name) })
	sort.SliceStable(e.ranked, func(i, j int) bool { return e.ranked[i].Mentions > e.ranked[j].Mentions })

	for i, d := range e.docs {
		for _, q := range arts[i].quotes {
			q.p.quotes = append(q.p.quotes, quoteRef{doc: d, i: q.i})
		}
		for _, m := range arts[i].mentions {
			if m.p.named == nil {
				m.p.named = map[*document][]int{}
			}
			m.p.named[d] = m.idx
		}
	}
	// co-mentions by profile, each worker counting for its share of the
	// profiles, so no two write one count
	workers := runtime.GOMAXPROCS(0)
	co := make([]map[*profile]int, len(e.dir.Profiles))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for _, art := range arts {
				named := art.named
				for i, a := range named {
					if a.idx%workers != w {
						continue
					}
					// People named far apart in a long text are not
					// related, and pairing everyone with everyone would
					// grow with the square of its length.
					for _, b := range named[max(0, i-maxCoNamed):min(len(named), i+maxCoNamed+1)] {
						if a == b {
							continue
						}
						m := co[a.idx]
						if m == nil {
							m = map[*profile]int{}
							co[a.idx] = m
						}
						m[b]++
					}
				}
			}
		})
	}
	wg.Wait()
	// each profile's own lookups read only what is built above: profiles
	// are done in parallel
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, p := range e.ranked {
		g.Go(func() error { e.buildProfile(p, co[p.idx]); return nil })
	}
	_ = g.Wait()
	e.buildStories()
}

// docProfiles is what one article says of the profiles it names.
type docProfiles struct {
	quotes   []profileQuote
	mentions []profileMentions
	named    []*profile // see document.named
}

// profileQuote is a quote of a profile: its index in the article.
type profileQuote struct {
	p *profile
	i int
}

// profileMentions are the indexes of an article's mentions of a profile,
// in order.
type profileMentions struct {
	p   *profile
	idx []int
}

// docProfiles links the article's entities to their profiles and reads
// what it says of each: its quotes, its mentions and who it names.
func (e *Engine) docProfiles(d *document) docProfiles {
	var out docProfiles
	for _, en := range d.people.Entities {
		p := e.profiles[e.dir.Local[people.LocalKey{DocID: d.ID, Key: en.Key}]]
		if p == nil {
			continue
		}
		if d.profileAt == nil {
			d.profileAt = map[string]*profile{}
		}
		d.profileAt[en.Key] = p
	}
	for i, q := range d.quotes {
		if p := d.profileAt[q.Speaker]; q.Speaker != "" && p != nil {
			out.quotes = append(out.quotes, profileQuote{p, i})
		}
	}
	at := map[*profile]int{}
	for i, m := range d.people.Mentions {
		p := d.profileAt[m.Key]
		if p == nil {
			continue
		}
		j, ok := at[p]
		if !ok {
			j = len(out.mentions)
			at[p] = j
			out.mentions = append(out.mentions, profileMentions{p: p})
		}
		out.mentions[j].idx = append(out.mentions[j].idx, i)
	}
	out.named = d.named()
	return out
}

// inParallel runs f(0) to f(n-1) across GOMAXPROCS workers.
func inParallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				f(i)
			}
		})
	}
	wg.Wait()
}

// buildProfile orders a profile's quotes, related people (co: how many
// articles name each with it), roles and articles, and writes its summary.
func (e *Engine) buildProfile(p *profile, co map[*profile]int) {
	sort.SliceStable(p.quotes, func(i, j int) bool {
		a, b := p.quotes[i].doc, p.quotes[j].doc
		if a.Meta.Published != b.Meta.Published {
			return b.Meta.Published.Before(a.Meta.Published)
		}
		if a.ord != b.ord {
			return a.ord < b.ord
		}
		return p.quotes[i].i < p.quotes[j].i
	})
	for q, n := range co {
		if people.ShortFormOfWords(q.words, p.words) || people.ShortFormOfWords(p.words, q.words) {
			continue // "Kilroy-Silk" beside Robert Kilroy-Silk is the person, not a relation
		}
		p.related = append(p.related, related{p: q, docs: n})
	}
	sort.Slice(p.related, func(i, j int) bool {
		a, b := p.related[i], p.related[j]
		if a.docs != b.docs {
			return a.docs > b.docs
		}
		if a.p.Mentions != b.p.Mentions {
			return a.p.Mentions > b.p.Mentions
		}
		return a.p.Name < b.p.Name
	})
	if len(p.related) > maxRelated {
		p.related = p.related[:maxRelated]
	}
	p.roles = e.sortedRoles(p.Roles)
	p.latest, p.hasLatest = latestRole(p.roles)
	for _, id := range p.DocIDs {
		if d := e.byID[id]; d != nil {
			p.docs = append(p.docs, d)
		}
	}
	p.docs = sortByDate(p.docs)
	p.summary = e.describe(p)
}

// named lists the profiles an article names, each once, in order of
// first mention; profiles the article has no mention for come last.
func (d *document) named() []*profile {
	seen := map[*profile]bool{}
	var out []*profile
	add := func(p *profile) {
		if p != nil && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, m := range d.people.Mentions {
		add(d.profileAt[m.Key])
	}
	for _, en := range d.people.Entities {
		add(d.profileAt[en.Key])
	}
	return out
}

func topTags(tags map[string]int, n int) []string {
	out := make([]string, 0, len(tags))
	for t := range tags {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		if tags[out[i]] != tags[out[j]] {
			return tags[out[i]] > tags[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// citer collects the sources a reply cites, in order of first citation.
type citer struct {
	e       *Engine
	seen    map[string]bool
	sources []Source
}

func newCiter(e *Engine) *citer { return &citer{e: e, seen: map[string]bool{}} }

// cite adds a document to the sources and returns its id.
func (c *citer) cite(id string) string {
	if c.seen[id] {
		return id
	}
	d := c.e.byID[id]
	if d == nil {
		return id
	}
	c.seen[id] = true
	c.sources = append(c.sources, d.source())
	return id
}

func (d *document) source() Source {
	src := Source{ID: d.ID, Title: d.Meta.Title, Publisher: d.Meta.Publisher, Published: d.Meta.Published.String(), URL: d.Meta.URL,
		DateInferred: d.Meta.DateInferred, Curated: d.curated}
	if d.story != nil {
		src.Story = d.story.id()
	}
	if d.Meta.DateInferred && !d.Meta.DateSure {
		// a year guessed on weak evidence is wrong too often to show: undated
		src.Published, src.DateInferred = "", false
	}
	return src
}

// date is the document's date for an item: "2014-11-05", or "" when unknown.
func (d *document) date() string {
	if d.Meta.DateInferred && !(d.Meta.DateAnchored && d.Meta.DateSure) {
		// a year guessed from the years an undated text names is too weak
		// to print beside a quote or a figure; the sources list gives a
		// sure guess, marked as inferred
		return ""
	}
	return d.Meta.Published.String()
}

// sentenceAt returns the sentence holding byte off of paragraph para.
func (d *document) sentenceAt(para, off int) (int, string) {
	if para < 0 || para >= len(d.Paragraphs) {
		return -1, ""
	}
	p := d.Paragraphs[para]
	i := p.SentenceAt(off)
	if i < 0 {
		return -1, ""
	}
	return i, p.Sentence(i)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}
