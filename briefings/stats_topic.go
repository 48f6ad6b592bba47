package briefings

import (
	"sort"
	"strings"

	"github.com/briefbot/briefbot/briefings/search"
	"github.com/briefbot/briefbot/briefings/text"
)

// A figure belongs to a topic when its sentence names the topic, or failing
// that its paragraph, or failing that its article's headline and lead
// ("regional exports reached $445.1bn in 2004" under "Latin America sees
// strong growth"). Topic and text are compared as whole analysed terms
// (the index's analyser on both sides), so "eBay" matches "eBay's" and
// "federer" never matches "Federal".

// topicLevel says where a figure's topic was found; lower is closer.
type topicLevel int

const (
	inSentence topicLevel = iota
	inParagraph
	inArticle
	notOnTopic
)

// vocabulary numbers the words of the texts figures stand in, and knows
// which words are forms of one another. Built once at load; read-only
// afterwards.
type vocabulary struct {
	ids   map[string]uint32   // lower-case word as written -> id (0: a stop word)
	forms map[string][]string // analysed term -> the words that analyse to it
}

// termSet is a sorted set of word ids.
type termSet []uint32

func (s termSet) has(id uint32) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= id })
	return i < len(s) && s[i] == id
}

// hasAny reports whether the set holds one of the ids.
func (s termSet) hasAny(ids []uint32) bool {
	for _, id := range ids {
		if s.has(id) {
			return true
		}
	}
	return false
}

// hasAll reports whether the set holds a form of every topic word.
func (s termSet) hasAll(topic [][]uint32) bool {
	for _, forms := range topic {
		if !s.hasAny(forms) {
			return false
		}
	}
	return true
}

// figureContext is the analysed text around one figure of a year.
type figureContext struct {
	sentence  termSet // the figure's sentence and what it counts
	paragraph termSet // the sentences around it in its paragraph
	lead      termSet // the article's headline and first sentence
}

// add numbers the words of s and returns their set.
func (v *vocabulary) add(e *Engine, s string) termSet {
	var set termSet
	for _, w := range text.Words(s) {
		id, ok := v.ids[w]
		if !ok {
			id = 0
			if ts := search.Analyze(w); len(ts) > 0 {
				id = uint32(len(v.ids) + 1)
				t := ts[len(ts)-1]
				v.forms[t] = append(v.forms[t], w)
			}
			v.ids[w] = id
		}
		if id != 0 {
			set = append(set, id)
		}
	}
	sort.Slice(set, func(i, j int) bool { return set[i] < set[j] })
	out := set[:0]
	for i, id := range set {
		if i == 0 || id != set[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// lookup returns, per word of a topic, the ids of the words that are its
// forms (see inflected), and false when some word has no form in the texts.
func (v *vocabulary) lookup(e *Engine, topic string) ([][]uint32, bool) {
	var out [][]uint32
	for _, w := range text.Words(topic) {
		ts := search.Analyze(w)
		if len(ts) == 0 {
			continue // a stop word
		}
		var ids []uint32
		for _, f := range v.forms[ts[len(ts)-1]] {
			if inflected(w, f) {
				ids = append(ids, v.ids[f])
			}
		}
		if len(ids) == 0 {
			return nil, false
		}
		out = append(out, ids)
	}
	return out, len(out) > 0
}

// inflections are the endings that make another form of the same word.
var inflections = []string{"", "s", "es", "'s", "’s", "s'", "s’", "ed", "d", "ing", "ies", "ied"}

// inflected reports whether two words that analyse to the same term are
// forms of one word ("ebay" and "ebay's", "economy" and "economies",
// "download" and "downloaded") rather than two words the stemmer folds
// together ("federer" and "federal", "industry" and "industrial").
func inflected(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	for _, base := range []string{a, strings.TrimSuffix(a, "y"), strings.TrimSuffix(a, "e")} {
		if base == "" || !strings.HasPrefix(b, base) {
			continue
		}
		rest := b[len(base):]
		for _, suf := range inflections {
			if rest == suf {
				return true
			}
		}
	}
	return false
}

// buildTopicContexts analyses the sentence, paragraph and lead of every
// dated figure, sharing the sets of one paragraph and one article.
func (e *Engine) buildTopicContexts() {
	e.vocab = &vocabulary{ids: map[string]uint32{}, forms: map[string][]string{}}
	type paraKey struct {
		d       *document
		p, sent int
	}
	paras := map[paraKey]termSet{}
	leads := map[*document]termSet{}
	sents := map[string]termSet{}
	for _, y := range e.years {
		yf := e.byYear[y.year]
		yf.context = make([]figureContext, len(yf.figs))
		for i, f := range yf.figs {
			fg := f.fig()
			c := &yf.context[i]
			sent := fg.Counts + " " + f.sentence()
			if s, ok := sents[sent]; ok {
				c.sentence = s
			} else {
				c.sentence = e.vocab.add(e, sent)
				sents[sent] = c.sentence
			}
			if fg.Para >= 0 && fg.Para < len(f.doc.Paragraphs) {
				k := paraKey{f.doc, fg.Para, fg.Sent}
				if s, ok := paras[k]; ok {
					c.paragraph = s
				} else {
					c.paragraph = e.vocab.add(e, neighbourhood(f.doc.Paragraphs[fg.Para], fg.Sent))
					paras[k] = c.paragraph
				}
			}
			if s, ok := leads[f.doc]; ok {
				c.lead = s
			} else {
				c.lead = e.vocab.add(e, lead(f.doc))
				leads[f.doc] = c.lead
			}
		}
	}
}

// nearSentences is how many sentences either side of a figure's sentence
// count as its paragraph: an article written as one long paragraph is not
// one passage.
const nearSentences = 2

// neighbourhood is the text of sentence s of a paragraph and its
// neighbours, or the whole paragraph when s is unknown.
func neighbourhood(p text.Paragraph, s int) string {
	if s < 0 || s >= len(p.Sentences) {
		return p.Text
	}
	a, b := max(0, s-nearSentences), min(len(p.Sentences)-1, s+nearSentences)
	return p.Text[p.Sentences[a].Start:p.Sentences[b].End]
}

// lead is an article's headline and first sentence.
func lead(d *document) string {
	s := d.Meta.Title
	if len(d.Paragraphs) > 0 {
		if p := d.Paragraphs[0]; len(p.Sentences) > 0 {
			s += "\n" + p.Sentence(0)
		}
	}
	return s
}

// level says where figure i of the year names the topic's terms.
func (y *yearFigures) level(i int, ids [][]uint32) topicLevel {
	c := y.context[i]
	switch {
	case c.sentence.hasAll(ids):
		return inSentence
	case c.paragraph.hasAll(ids):
		return inParagraph
	}
	for _, forms := range ids {
		if !c.sentence.hasAny(forms) && !c.paragraph.hasAny(forms) && !c.lead.hasAny(forms) {
			return notOnTopic
		}
	}
	return inArticle
}

// onTopic returns the year's figures on a topic: those whose sentence
// names it, those beside a sentence that does, and those of articles whose
// headline or lead does.
func (e *Engine) onTopic(y *yearFigures, topic string) (sentence, near, article []figRef) {
	e.topicOnce.Do(e.buildTopicContexts) // only a topic needs them: not at load
	ids, ok := e.vocab.lookup(e, topic)
	if !ok {
		return nil, nil, nil
	}
	for i, f := range y.figs {
		switch y.level(i, ids) {
		case inSentence:
			sentence = append(sentence, f)
		case inParagraph:
			near = append(near, f)
		case inArticle:
			article = append(article, f)
		}
	}
	return sentence, near, article
}
