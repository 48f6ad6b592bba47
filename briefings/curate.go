package briefings

import (
	"github.com/briefbot/briefbot/briefings/curation"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/text"
)

// curateArticles applies the curation file's article dates and titles,
// before extraction reads "this year" against the dates.
func (e *Engine) curateArticles(cur *curation.Applier) {
	texts := make([]*text.Doc, len(e.docs))
	for i, d := range e.docs {
		texts[i] = d.Doc
	}
	for id := range cur.Articles(texts) {
		e.byID[id].curated = true
	}
	for _, d := range e.docs {
		d.digest = cur.Digest(d.ID)
	}
}

// curateExtraction applies the kinds, quotes and figures of the curation
// file to each article's extraction, before people are merged.
func (e *Engine) curateExtraction(cur *curation.Applier) {
	for _, d := range e.docs {
		cur.Kinds(d.people)
		d.quotes = cur.Quotes(d.ID, d.people, d.quotes)
		d.figures = cur.Figures(d.Doc, d.figures)
	}
}

// curatePeople applies the role corrections to the merged people and
// reports the entries that matched nothing.
func (e *Engine) curatePeople(cur *curation.Applier, dir *people.Directory) {
	if cur.File().Empty() {
		return
	}
	cur.Profiles(dir)
	dir.Reindex()
	e.unmatched = cur.Unmatched()
	for _, u := range e.unmatched {
		e.warnings = append(e.warnings, u.String())
	}
}

// Unmatched lists the curation file's entries that matched nothing in
// this corpus (an article changed, a name is misspelt), for the curator.
func (e *Engine) Unmatched() []curation.Unmatched {
	return append([]curation.Unmatched(nil), e.unmatched...)
}
