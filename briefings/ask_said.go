package briefings

import (
	"fmt"
	"github.com/briefbot/briefbot/briefings/internal/lazyre"
	"github.com/briefbot/briefbot/briefings/question"
	"github.com/briefbot/briefbot/briefings/search"
	"sort"
	"strings"
)

// saidIntent is a question about what someone said: "what did Blair say
// about tax?", "what has Human Rights Watch said?".
var saidIntent = lazyre.New(`(?i)^what\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|think|tell|told|argue|argued|claim|claimed|want|wanted)(?:\s+(?:\S+\s+)?(?:about|on|of|regarding|over|concerning)\s+(.+?))?\s*[?.!]*$`)

// Limits of an answer from quotes.
const (
	// maxSaidRead bounds the quotes read for one answer (a prime minister
	// has thousands; they are read most recent first).
	maxSaidRead = 400
	// maxSaidShown is how many quotes the answer shows.
	maxSaidShown = 4
	// minSaidCoverage is the share of the topic's weight a quote must hold.
	minSaidCoverage = 0.5
)

// saidAnswer answers "what did NAME say [about TOPIC]" with the speaker's
// own quotes, those on the topic first. ok is false when the name is no
// one the corpus quotes, or no quote of theirs is on the topic: the
// question is then answered from the articles' sentences.
func (e *Engine) saidAnswer(q, name, topic string) (Reply, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Reply{}, false
	}
	m := e.lookup(name)
	var p *profile
	switch {
	case m.Found != nil:
		p = e.profiles[m.Found.ID]
	case len(m.Candidates) > 0:
		p, _ = e.dominant(m.Candidates)
	}
	if p == nil || len(p.quotes) == 0 {
		return Reply{}, false
	}
	var terms []string
	if topic = strings.TrimSpace(topic); topic != "" {
		terms = search.Terms(strings.Join(question.Analyze(topic).Words, " "))
	}
	idf, total := e.termWeights(terms)
	type said struct {
		ref   quoteRef
		norm  string
		score float64
		order int
	}
	var found []said
	for n, ref := range p.quotes {
		if n == maxSaidRead {
			break
		}
		qt := ref.doc.quotes[ref.i]
		norm := normQuote(qt.Text)
		if norm == "" {
			continue
		}
		s := said{ref: ref, norm: norm, order: n}
		if len(terms) > 0 {
			var cov float64
			s.score, cov = e.termFreq(qt.Text).bm25(terms, idf)
			if total == 0 || cov/total < minSaidCoverage {
				continue
			}
		}
		found = append(found, s)
	}
	if len(found) == 0 {
		return Reply{}, false
	}
	// Best on the topic first; without a topic, most recent first (the
	// order of p.quotes). A report repeated by another article, or held
	// in a fuller one, is shown once.
	sort.SliceStable(found, func(i, j int) bool { return found[i].score > found[j].score })
	c := newCiter(e)
	sec := Section{Heading: "Quotes"}
	var shown []quoteForm
	for _, s := range found {
		if len(sec.Items) == maxSaidShown {
			break
		}
		qt := s.ref.doc.quotes[s.ref.i]
		f := newQuoteForm(qt.Text)
		if dupQuote(shown, f) >= 0 {
			continue
		}
		shown = append(shown, f)
		sec.Items = append(sec.Items, Item{Text: quoted(qt.Text), Source: c.cite(s.ref.doc.ID), Date: s.ref.doc.date(), Curated: qt.Curated})
	}
	r := Reply{Kind: KindAnswer, Title: clip(q, 120)}
	switch {
	case len(terms) > 0:
		r.Summary = fmt.Sprintf("%s in their own words on “%s”, the closest match first.", p.Name, topic)
	default:
		r.Summary = fmt.Sprintf("%s in their own words, the most recent first.", p.Name)
	}
	if p.hasLatest {
		r.Summary = fmt.Sprintf("%s (%s)%s", p.Name, p.latest.Title, strings.TrimPrefix(r.Summary, p.Name))
	}
	r.Sections = []Section{sec}
	// What the articles report them saying in their own sentences ("...,
	// Human Rights Watch said in a report"), when it is not a quote shown.
	if more := e.answer(q); more.Kind == KindAnswer && len(more.Sections) > 0 {
		also := Section{Heading: "Also in the articles"}
		for _, it := range more.Sections[0].Items {
			if dupQuote(shown, newQuoteForm(it.Text)) >= 0 {
				continue
			}
			it.Source = c.cite(it.Source)
			also.Items = append(also.Items, it)
		}
		if len(also.Items) > 0 {
			r.Sections = append(r.Sections, also)
		}
	}
	r.Sources = c.sources
	return r, true
}
