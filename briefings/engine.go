package briefings

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"

	"github.com/briefbot/briefbot/briefings/corpus"
	"github.com/briefbot/briefbot/briefings/curation"
	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/quotes"
	"github.com/briefbot/briefbot/briefings/search"
	"github.com/briefbot/briefbot/briefings/text"
)

// Engine answers questions from one loaded corpus. It is immutable once
// built and safe for concurrent use; a reload builds a new Engine.
type Engine struct {
	docs      []*document          // corpus order: by path
	byID      map[string]*document // by document id
	byDate    []*document          // oldest first; undated first
	dir       *people.Directory
	lookup    func(name string) people.Match
	profiles  map[string]*profile // by people.Profile.ID
	ranked    []*profile          // most mentioned first
	years     []yearFigures       // years with figures, ascending
	byYear    map[int]*yearFigures
	vocab     *vocabulary   // words of the texts figures stand in, for topics
	index     *search.Index // see searchIndex
	passages  []passage
	stories   []*storyGroup // events several articles report, oldest first
	topics    []string      // most frequent tags, for "what the corpus covers"
	warnings  []string
	problems  []string             // files not loaded because of what they hold
	unmatched []curation.Unmatched // curation entries that matched nothing
	counts    Counts
	titles    sync.Map // role title -> analysed terms (a cache; see titleTerms)
	roleOnce  sync.Once
	roleIdx   roleIndex // see roles
	stats     LoadStats
	owner     indexOwner // whether a reload took over index
	// indexVersion names the code that cut the passages of an index kept
	// on disk, for the record stored with each change (see index_disk.go).
	indexVersion string

	// indexDeferred: the load left index to be built on first use.
	indexDeferred bool
	indexOnce     sync.Once
	topicOnce     sync.Once // see onTopic
}

// document is one article and what the extractors found in it.
type document struct {
	*text.Doc
	ord     int // position in corpus order
	people  *people.DocResult
	quotes  []quotes.Quote
	figures []figures.Figure
	story   *storyGroup // the story it tells with other articles; nil when alone
	// low is the article's text in lower case, to find a question's words
	// anywhere in it; see lower.
	low     string
	lowOnce sync.Once
	// profileAt maps a doc-local entity key to its corpus-wide profile.
	profileAt map[string]*profile
	curated   bool   // a curator set its date or title
	digest    string // a curator's digest choice: curation.DigestExclude, DigestPin or ""

	sum        [sha256.Size]byte // SHA-256 of the article's file
	file       string            // the id of that file
	parsedMeta text.Meta         // the metadata as read, before curation
	readWarn   string            // what reading the file warned of
	ident      string            // the article as extracted: id, file and curated metadata
	key        string            // its extraction's cache key: ident and extractor version
	x          extraction        // its extraction before curation; never edited
	extracted  bool              // x holds a complete extraction (none failed)
}

// lower is the article's text in lower case, made on first use: only
// questions look for words anywhere in an article.
func (d *document) lower() string {
	d.lowOnce.Do(func() {
		if d.low == "" {
			d.low = lowerText(d.Doc)
		}
	})
	return d.low
}

// Counts is what a loaded corpus holds (briefbot check).
type Counts struct {
	Documents, People, Organisations, Quotes, Figures int
}

// Load builds an engine from every .md and .txt file under root in fsys.
// A file that is not text is skipped (see Warnings); a bad front-matter
// value is an error naming the file and line ("corpus/x.md: line 3: ...").
func Load(fsys fs.FS, root string) (*Engine, error) {
	return load(context.Background(), fsys, root, LoadOptions{})
}

// LoadWith is Load with options that save work: an extraction cache and
// the engine being replaced. What it saved is in the engine's LoadStats.
func LoadWith(ctx context.Context, fsys fs.FS, root string, o LoadOptions) (*Engine, error) {
	return load(ctx, fsys, root, o)
}

// Default loads the corpus embedded in the binary, with the extractions
// prepared for it (see prepared.go).
func Default() (*Engine, error) {
	return DefaultWith(LoadOptions{})
}

// DefaultWith is Default with options; the embedded corpus's prepared
// extractions take the place of o.Cache.
func DefaultWith(o LoadOptions) (*Engine, error) {
	o.Cache, o.Version = embeddedPrepared(), preparedVersion
	return load(context.Background(), corpus.FS, ".", o)
}

// Warnings lists the files Load skipped or read with a fallback, one
// sentence each, for the caller to log.
func (e *Engine) Warnings() []string { return append([]string(nil), e.warnings...) }

// Problems lists the files that were not loaded because of what they hold
// (a bad front-matter value), each with every problem found in it; the
// other files are served.
func (e *Engine) Problems() []string { return append([]string(nil), e.problems...) }

// Counts reports what the corpus holds.
func (e *Engine) Counts() Counts { return e.counts }

// DigestOptions selects what a digest covers.
type DigestOptions struct {
	// Since keeps documents published on or after this day; zero keeps all.
	Since time.Time
	// Seen reports documents already posted to the target; nil: none.
	Seen func(docID string) bool
	// Spotlight asks for a spotlight reply when nothing is new.
	Spotlight bool
	// Limit caps the stories summarised (an article alone, or several
	// reporting one event); 0 means a sensible default.
	Limit int
	// Now is the moment of the digest, which picks the spotlight of the
	// day; zero means time.Now().
	Now time.Time
	// Location is the time zone the digest's date is written in; nil: UTC.
	Location *time.Location
	// Next is when the next digest runs, named in the note when some new
	// articles wait for it; zero: not named.
	Next time.Time
	// Spotlighted reports articles already spotlighted to the target in
	// the current round; a spotlight picks another until every article
	// has had its turn. nil: none.
	Spotlighted func(docID string) bool
	// Overview asks for a short overview of the corpus instead of its new
	// articles (a channel's first digest): its years and latest articles.
	// Every document counts as covered, so later digests start from now.
	Overview bool
}

// Digest is a digest reply and the documents it covers.
type Digest struct {
	Reply  Reply
	DocIDs []string // the new documents covered (empty for a spotlight)
	Empty  bool     // nothing new (Reply is a spotlight, or empty when not asked for one)
	// Spotlight is the id of the spotlighted article, if any.
	Spotlight string
}

// Sources lists the documents of the corpus, oldest first.
func (e *Engine) Sources() Reply { return e.SourcesOf(0) }

// SourcesOf lists the articles published in year (every article for 0).
func (e *Engine) SourcesOf(year int) Reply {
	r := Reply{Kind: KindSources, Title: "Sources"}
	if len(e.docs) == 0 {
		r.Summary = "The corpus holds no articles."
		return r
	}
	items := make([]Item, 0, len(e.byDate))
	inferred, undated, total := 0, 0, len(e.docs)
	for _, d := range e.byDate {
		weak := d.Meta.DateInferred && !d.Meta.DateSure // a guess too weak to state
		if year != 0 && (weak || d.Meta.Published.Year != year) {
			continue
		}
		t, date := d.Meta.Title, d.Meta.Published.String()
		switch {
		case weak || d.Meta.Published.IsZero():
			t += " (no date given)"
			date = ""
			undated++
		case d.Meta.DateInferred:
			t += " (no date given; year inferred from the text)"
			inferred++
		}
		items = append(items, Item{Text: t, Source: d.ID, Date: date, Curated: d.curated})
	}
	const maxListed = 50
	r.Summary = fmt.Sprintf("%s, %s.", plural(total, "article", "articles"), e.span())
	if year != 0 {
		r.Title = fmt.Sprintf("Sources from %d", year)
		if len(items) == 0 {
			r.Kind = KindNotFound
			r.Summary = fmt.Sprintf("No article in the corpus is dated %d. It holds %s. /sources lists them all.", year, r.Summary)
			return r
		}
		r.Summary = fmt.Sprintf("%s from %d, of %s in the corpus.", plural(len(items), "article", "articles"), year, plural(total, "article", "articles"))
	}
	if inferred > 0 {
		r.Summary += " " + inferredNote(inferred)
	}
	if undated > 0 {
		r.Summary += fmt.Sprintf(" %s no date, and their text does not tell it surely: they are listed undated.", plural(undated, "article gives", "articles give"))
	}
	if len(items) > maxListed {
		r.Summary += fmt.Sprintf(" The %d most recent are listed.", maxListed)
		items = items[len(items)-maxListed:]
	}
	// Newest last reads as a timeline; the sources list follows the items.
	c := newCiter(e)
	for _, it := range items {
		c.cite(it.Source)
	}
	r.Sections = []Section{{Heading: "Articles", Items: items}}
	if told := e.storyItems(items, c); len(told) > 0 {
		n := 0
		for _, it := range told {
			n += 1 + len(it.Also)
		}
		r.Summary += fmt.Sprintf(" %d of them tell %s between them (see Stories in several articles).", n, plural(len(told), "story", "stories"))
		r.Sections = append(r.Sections, Section{Heading: "Stories in several articles", Items: told})
	}
	r.Sources = c.sources
	return r
}

// span describes the dates the corpus covers: "2014 to 2025".
func (e *Engine) span() string {
	var first, last text.Date
	for _, d := range e.byDate {
		if d.Meta.Published.IsZero() || (d.Meta.DateInferred && !d.Meta.DateSure) {
			continue // undated, or a guess too weak to state
		}
		if first.IsZero() {
			first = d.Meta.Published
		}
		last = d.Meta.Published
	}
	switch {
	case first.IsZero():
		return "dates unknown"
	case first.Year == last.Year:
		return fmt.Sprintf("from %d", first.Year)
	}
	return fmt.Sprintf("from %d to %d", first.Year, last.Year)
}

// sortByDate orders documents oldest first, undated first, then by path.
func sortByDate(docs []*document) []*document {
	out := append([]*document(nil), docs...)
	slices.SortStableFunc(out, compareByDate)
	return out
}

// compareByDate orders two documents as sortByDate does.
func compareByDate(a, b *document) int {
	switch pa, pb := a.Meta.Published, b.Meta.Published; {
	case pa.Before(pb):
		return -1
	case pb.Before(pa):
		return 1
	}
	return a.ord - b.ord
}

// inferredNote says that n articles had no date of their own.
func inferredNote(n int) string {
	if n == 1 {
		return "1 article gives no date, so its year was inferred from its text."
	}
	return fmt.Sprintf("%d articles give no date, so their years were inferred from their text.", n)
}
