package briefings

// This file groups the articles that report one event into stories, from
// what was extracted from each (its fingerprint, the people it names, its
// date), so answers and digests can show a story once with all its
// sources.

import (
	"fmt"
	"slices"
	"time"

	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/story"
)

// storyGroup is an event that several articles report.
type storyGroup struct {
	docs []*document // oldest first, then in corpus order
}

// id names the story: the id of its first article.
func (s *storyGroup) id() string { return s.docs[0].ID }

// buildStories groups the articles into stories; an article no other
// reports keeps a nil story.
func (e *Engine) buildStories() {
	arts := make([]story.Article, len(e.docs))
	for i, d := range e.docs {
		a := story.Article{Fingerprint: d.x.Shingles}
		a.Day, a.Dated = d.day()
		for _, p := range d.profileAt { // every profile the article names
			if p.Kind == people.Person {
				a.People = append(a.People, p.ID)
			}
		}
		slices.Sort(a.People)
		a.People = slices.Compact(a.People)
		arts[i] = a
	}
	e.stories = nil
	for _, d := range e.docs {
		d.story = nil
	}
	for _, g := range story.Group(arts) {
		s := &storyGroup{}
		for _, i := range g {
			s.docs = append(s.docs, e.docs[i])
			e.docs[i].story = s
		}
		s.docs = sortByDate(s.docs)
		e.stories = append(e.stories, s)
	}
	slices.SortStableFunc(e.stories, func(a, b *storyGroup) int { return compareByDate(a.docs[0], b.docs[0]) })
}

// day is the article's publication day (days since 1970-01-01) when its
// date is given to the day; a date inferred from the text is not.
func (d *document) day() (int, bool) {
	p := d.Meta.Published
	if d.Meta.DateInferred || p.Day == 0 {
		return 0, false
	}
	t := time.Date(p.Year, time.Month(p.Month), p.Day, 0, 0, 0, 0, time.UTC)
	return int(t.Unix() / 86400), true
}

// outlets are the publishers of docs, each once, in order; an article
// with no publisher is named by its title.
func outlets(docs []*document) []string {
	var out []string
	for _, d := range docs {
		name := d.Meta.Publisher
		if name == "" {
			name = d.Meta.Title
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// storyRef describes the story docs (articles of one story) tell, for a
// reply.
func storyRef(s *storyGroup, docs []*document) *StoryRef {
	ref := &StoryRef{ID: s.id(), Outlets: outlets(docs)}
	for _, d := range docs {
		ref.Articles = append(ref.Articles, d.ID)
	}
	return ref
}

// byStory gathers docs into stories, each story at the place of its first
// article in docs; an article no other reports is a story of its own.
func byStory(docs []*document) [][]*document {
	var out [][]*document
	at := map[*storyGroup]int{}
	for _, d := range docs {
		if d.story == nil {
			out = append(out, []*document{d})
			continue
		}
		i, ok := at[d.story]
		if !ok {
			i = len(out)
			at[d.story] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], d)
	}
	return out
}

// fullest is the article of docs with the most sentences, the first of
// those on a tie: the report a story's summary is taken from.
func fullest(docs []*document) *document {
	best, most := docs[0], -1
	for _, d := range docs {
		n := 0
		for _, p := range d.Paragraphs {
			n += len(p.Sentences)
		}
		if n > most {
			best, most = d, n
		}
	}
	return best
}

// storyItems lists the stories that two or more of the listed articles
// tell, in the order of their first listed article: the lead report's
// title and the outlets, citing every listed article of the story.
func (e *Engine) storyItems(listed []Item, c *citer) []Item {
	var docs []*document
	for _, it := range listed {
		if d := e.byID[it.Source]; d != nil {
			docs = append(docs, d)
		}
	}
	var out []Item
	for _, told := range byStory(docs) {
		if len(told) < 2 {
			continue
		}
		first := told[0]
		it := Item{Text: fmt.Sprintf("%s: %s", fullest(told).Meta.Title, joinAnd(outlets(told))), Source: c.cite(first.ID), Date: first.date()}
		for _, d := range told[1:] {
			it.Also = append(it.Also, c.cite(d.ID))
		}
		out = append(out, it)
	}
	return out
}
