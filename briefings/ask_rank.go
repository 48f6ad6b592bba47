package briefings

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/briefings/internal/lazyre"
	"github.com/briefbot/briefbot/briefings/question"
	"github.com/briefbot/briefbot/briefings/search"
	"github.com/briefbot/briefbot/briefings/text"
	"github.com/briefbot/briefbot/briefings/wordnet"
)

// Weights of passage scoring.
const (
	// neighbourWeight is what a question word counts for when it is in the
	// sentence before or after rather than in the sentence itself.
	neighbourWeight = 0.5
	// articleWeight is what it counts for when it is elsewhere in the
	// article: an article about the question's subject lifts its
	// sentences that speak of it by pronoun or description.
	articleWeight = 0.3
	// referWeight is what a question's name counts for in a sentence that
	// refers to it by pronoun or description ("He will succeed ...", "The
	// former Portsmouth boss replaces ..."), in an article that names it.
	referWeight = 0.8
	// headlineWeight is what a question word counts for in an article's
	// first sentence when the headline that runs into it holds the word:
	// a lead sentence says what its headline says, in other words.
	headlineWeight = 0.8
	// relatedWeight is the weight of a form related to a question's word
	// (another form of the word, a synonym) against the word itself.
	relatedWeight = 0.6
)

// queryTerm is one analysed term of a question: a question word's own
// term, or a related form weighed below it. The terms of one word share
// its group: the word counts once, however many of its forms are found.
type queryTerm struct {
	term   string
	group  int
	weight float64
}

// query is a question made ready for ranking.
type query struct {
	q      question.Question
	terms  []queryTerm
	idf    map[string]float64 // by term, its weight included
	groupW []float64          // the weight of each group (its own word's IDF)
	total  float64            // the sum of groupW
	// needles are each group's word as it is searched for in an article's
	// lower-cased text: its stem, so "replace" finds "replaced".
	needles [][]string
	// named are the question's words, lower case: a person or thing they
	// name is never its answer.
	named map[string]bool
	// verbGroup is the group of the verb a who-question asks about, -1
	// when there is none.
	verbGroup int
	// nameGroups marks the groups of words that name someone in the
	// corpus (capitalised in the articles), which pronouns may stand for.
	nameGroups []bool
	// proper marks the groups of words the articles read write as names
	// (people, places, organisations: "Wales", "Lufthansa"), set by rank.
	proper []bool
	// phrases are WordNet expressions related to the question's words
	// ("step down" for "resign"), found in a sentence by its lemmas;
	// phraseTails are their last words, which a sentence that holds one
	// must hold as written (the particle: "down", "over").
	phrases     map[string]queryTerm
	phraseTails []string
	// absent are the terms the corpus never uses: searching for them
	// finds nothing, so their words are searched by their related forms.
	absent []string
}

// newQuery analyses a question's words into weighted terms.
func (e *Engine) newQuery(q question.Question) *query {
	qu := &query{q: q, idf: map[string]float64{}, named: map[string]bool{}, verbGroup: -1}
	seen := map[string]int{}
	add := func(term string, group int, w float64) {
		if i, ok := seen[term]; ok {
			if qu.terms[i].weight < w {
				qu.terms[i].weight, qu.terms[i].group = w, group
			}
			return
		}
		seen[term] = len(qu.terms)
		qu.terms = append(qu.terms, queryTerm{term: term, group: group, weight: w})
	}
	phrases := phraseForms(q.Text, q.Words)
	for wi, w := range q.Words {
		lw := strings.ToLower(w)
		qu.named[strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")] = true
		for _, part := range strings.FieldsFunc(lw, func(r rune) bool { return r == '-' || r == '\'' || r == '’' || r == '/' }) {
			qu.named[part] = true
		}
		for _, t := range search.Analyze(w) {
			if _, dup := seen[t]; dup && qu.terms[seen[t]].weight == 1 {
				continue
			}
			g := len(qu.groupW)
			if lw == q.Verb && qu.verbGroup < 0 {
				qu.verbGroup = g
			}
			qu.groupW = append(qu.groupW, 0)
			qu.needles = append(qu.needles, []string{needle(t, lw)})
			add(t, g, 1)
			for _, rel := range append(relatedForms(lw), phrases[wi]...) {
				if strings.Contains(rel.word, " ") {
					qu.addPhrase(rel.word, g, rel.weight)
					continue
				}
				forms := []string{rel.word}
				if rel.weight < formWeight {
					forms = append(forms, wordnet.Inflections(rel.word)...) // "rise": "rose", "risen"
				}
				for _, f := range forms {
					for _, rt := range search.Analyze(f) {
						add(rt, g, rel.weight)
						qu.needles[g] = append(qu.needles[g], needle(rt, f))
					}
				}
			}
		}
		if len(qu.terms) >= maxQueryTerms {
			break // a pasted page is not a question
		}
	}
	n := float64(e.searchIndex().Len())
	names := make([]string, len(qu.terms))
	for i, t := range qu.terms {
		names[i] = t.term
	}
	idfs := e.searchIndex().IDFs(names)
	for i, t := range qu.terms {
		w := idfs[i]
		if w == 0 {
			w = math.Log(1 + (n+0.5)/0.5) // a word the corpus never uses weighs most
			qu.absent = append(qu.absent, t.term)
		}
		if t.weight == 1 {
			qu.groupW[t.group] = w
		}
		qu.idf[t.term] = w * t.weight
		qu.terms[i] = t
	}
	for _, w := range qu.groupW {
		qu.total += w
	}
	qu.nameGroups = make([]bool, len(qu.groupW))
	return qu
}

// needle is what a word is looked for by in raw lower-case text: its stem
// where the text writes the stem ("replac" finds "replaced"), else the
// part of the stem its base form shares ("germani" is the stem of
// "germany", which no text writes: "german" finds it, and "compan" both
// "company" and "companies").
func needle(stem, word string) string {
	base := wordnet.Lemma(word)
	if strings.HasPrefix(base, stem) {
		return stem
	}
	n := 0
	for n < len(stem) && n < len(base) && stem[n] == base[n] {
		n++
	}
	if n < 3 {
		return stem
	}
	return stem[:n]
}

// relatedForm is a form related to a question's word, with its weight.
type relatedForm struct {
	word   string
	weight float64
}

// Limits of the lexical bridge.
const (
	// maxRelated bounds the related words searched per question word.
	maxRelatedForms = 6
	// minRelatedWeight is the least weight of a related word searched.
	minRelatedWeight = 0.2
	// maxSearchedForms bounds the related forms retrieval walks per word,
	// and minSearchedWeight is the least weight of one it walks.
	maxSearchedForms  = 3
	minSearchedWeight = 0.3
	// formWeight is the weight of another form of the word itself (its
	// lemma, an irregular form: "left" and "leave").
	formWeight = 0.9
)

// relatedForms lists forms related to a word, weighed below the word
// itself: its lemma and irregular forms, then WordNet's synonyms and
// derived forms of one word ("quit": "resign"; "bankrupt":
// "bankruptcy"), heaviest first.
func relatedForms(word string) []relatedForm {
	lemma := wordnet.Lemma(word)
	var out []relatedForm
	if lemma != word {
		out = append(out, relatedForm{lemma, formWeight})
	}
	for _, f := range wordnet.Inflections(lemma) {
		if f != word {
			out = append(out, relatedForm{f, formWeight})
		}
	}
	return append(out, relatedTerms(lemma)...)
}

// relatedTerms are WordNet's terms related to a lemma or an expression,
// weighed by relatedWeight: words, and expressions of several words
// ("step down" for "resign"), which a sentence is searched for by its
// lemmas.
func relatedTerms(lemma string) []relatedForm {
	var out []relatedForm
	words, phrases := 0, 0
	for _, t := range wordnet.Related(lemma) {
		if t.Weight < minRelatedWeight || strings.Contains(t.Word, "-") {
			continue
		}
		n := &words
		if strings.Contains(t.Word, " ") {
			n = &phrases
		}
		if *n == maxRelatedForms {
			continue
		}
		*n++
		out = append(out, relatedForm{t.Word, relatedWeight * t.Weight / maxWordnetWeight})
	}
	return out
}

// addPhrase adds an expression related to a group's word, keeping its
// heaviest weight.
func (qu *query) addPhrase(p string, group int, w float64) {
	if qu.phrases == nil {
		qu.phrases = map[string]queryTerm{}
	}
	if old, ok := qu.phrases[p]; ok && old.weight >= w {
		return
	}
	qu.phrases[p] = queryTerm{term: p, group: group, weight: w}
	if tail := p[strings.LastIndexByte(p, ' ')+1:]; !slices.Contains(qu.phraseTails, tail) {
		qu.phraseTails = append(qu.phraseTails, tail)
	}
}

// mayHoldPhrase is a fast test before lemmatising a sentence: it holds
// the last word of one of the question's expressions.
func (qu *query) mayHoldPhrase(text string) bool {
	low := strings.ToLower(text)
	for _, t := range qu.phraseTails {
		if strings.Contains(low, t) {
			return true
		}
	}
	return false
}

// matchSentence scores a sentence's terms against the question's, with
// the expressions related to its words that the sentence holds, and
// reports the groups it holds.
func (qu *query) matchSentence(sentence string, tf termCounts) (float64, []bool) {
	score, held := qu.bm25(tf)
	if len(qu.phrases) == 0 || !qu.mayHoldPhrase(sentence) {
		return score, held
	}
	lemmas := text.Words(sentence)
	for i, w := range lemmas {
		lemmas[i] = wordnet.Lemma(w)
	}
	norm := bm25K1 * (1 - bm25B + bm25B*float64(tf.n)/avgSentLength)
	for i := 0; i < len(lemmas); i++ {
		p, n := wordnet.MatchPhrase(lemmas, i)
		if n < 2 {
			continue
		}
		i += n - 1
		t, ok := qu.phrases[p]
		if !ok || held[t.group] {
			continue // a group counts once, however many of its forms are found
		}
		held[t.group] = true
		score += qu.groupW[t.group] * t.weight * (bm25K1 + 1) / (1 + norm)
	}
	return score, held
}

// maxWordnetWeight is the heaviest weight WordNet gives a related term.
const maxWordnetWeight = 0.6

// phraseForms lists the terms related to the expressions of several
// words in a question ("walk away", "take effect", "kick in"), by the
// index in words of the expression's first word. Expressions are found in
// the question's text, where the particles that words leaves out ("in",
// "off") still stand.
func phraseForms(questionText string, words []string) map[int][]relatedForm {
	all := text.Words(questionText)
	lemmas := make([]string, len(all))
	for i, w := range all {
		lemmas[i] = wordnet.Lemma(w)
	}
	out := map[int][]relatedForm{}
	for i := 0; i < len(lemmas); i++ {
		p, n := wordnet.MatchPhrase(lemmas, i)
		if n < 2 {
			p = splitPhrasal(lemmas, i)
			if p == "" {
				continue
			}
			n = 1 // the object between is a word of its own
		}
		if wi := slices.IndexFunc(words, func(w string) bool { return strings.EqualFold(w, all[i]) }); wi >= 0 {
			out[wi] = append(out[wi], relatedTerms(p)...)
		}
		i += n - 1
	}
	return out
}

// particles are the words that finish a phrasal verb.
var particles = map[string]bool{"out": true, "off": true, "up": true, "down": true, "over": true, "in": true, "back": true, "away": true, "past": true}

// splitPhrasal finds a phrasal verb whose object stands between the verb
// and its particle ("knocked Mirza out": "knock out"), one or two words
// in, and returns it, or "".
func splitPhrasal(lemmas []string, i int) string {
	for gap := 1; gap <= 2; gap++ {
		j := i + gap + 1
		if j >= len(lemmas) || !particles[lemmas[j]] {
			continue
		}
		if p, n := wordnet.MatchPhrase([]string{lemmas[i], lemmas[j]}, 0); n == 2 {
			return p
		}
	}
	return ""
}

// searchTerms are the terms retrieval walks: the rarer of the question's
// own terms (a word in most passages adds little to the ranking but a long
// posting list to walk), and the forms related to them.
func (qu *query) searchTerms(n float64) []search.Term {
	var own []string
	groups := map[int]bool{}
	unused := map[int]bool{} // groups whose own word the corpus never uses
	for _, t := range qu.terms {
		switch {
		case t.weight < 1:
		case slices.Contains(qu.absent, t.term):
			groups[t.group], unused[t.group] = true, true // "pm": searched by "premier", "prime minister"
		default:
			own = append(own, t.term)
		}
	}
	keep := map[string]bool{}
	for _, t := range rareTerms(own, qu.idf, n) {
		keep[t] = true
	}
	var out []search.Term
	for _, t := range qu.terms {
		if t.weight == 1 && keep[t.term] {
			groups[t.group] = true
		}
	}
	perGroup := map[int]int{}
	for _, t := range qu.terms {
		if !groups[t.group] {
			continue
		}
		if t.weight < 1 {
			// Related forms are searched for the rare words only, the
			// heaviest few: every term is a posting list to walk.
			if perGroup[t.group] == maxSearchedForms || t.weight < minSearchedWeight {
				continue
			}
			perGroup[t.group]++
		}
		if !slices.Contains(qu.absent, t.term) {
			out = append(out, search.Term{Text: t.term, Boost: t.weight})
		}
	}
	for _, p := range qu.phrases {
		if !unused[p.group] || p.weight < minSearchedWeight {
			continue
		}
		// An expression is searched by its words, each a share of its weight.
		words := search.Analyze(p.term)
		for _, w := range words {
			out = append(out, search.Term{Text: w, Boost: p.weight / float64(len(words))})
		}
	}
	return out
}

// window is a sentence ranked with its context.
type window struct {
	doc        *document
	para, sent int
	own        float64 // BM25 of the sentence itself
	score      float64 // with its neighbours and its article
	cov        float64 // share of the question's weight the sentence holds
	held       []bool  // the question's word groups the sentence holds
	ctxCov     float64 // the same, counting neighbours and article at their weights
}

// refersRe finds a sentence that speaks of someone already named: a
// pronoun, or a description ("the former Portsmouth boss").
var refersRe = lazyre.New(`(?i)(?:^|[\s"“])(?:he|she|him|his|her|they|their|it|its|the\s+(?:\S+\s+){0,2}(?:boss|manager|coach|minister|secretary|chancellor|president|chairman|chief|leader|player|star|singer|actor|actress|company|firm|group|club|bank|director|executive|official|striker|captain|band|mayor|premier|spokesman|spokeswoman|former\s+\S+)|the\s+\d+-year-old)\b`)

// rank reads the sentences of the best passages, then every sentence of
// the articles they lead to, and scores each with its neighbours and its
// article.
func (e *Engine) rank(qu *query) []*window {
	if len(qu.terms) == 0 {
		return nil
	}
	hits, err := e.searchPassages(context.Background(), qu.searchTerms(float64(e.searchIndex().Len())), searchDepth)
	if err != nil || len(hits) == 0 {
		return nil
	}
	r := &ranking{e: e, qu: qu, seen: map[[3]int]bool{}, inArticle: map[*document][]bool{}}
	var docs []*document
	for _, h := range hits {
		if p, ok := e.passageAt(h.ID); ok && r.inArticle[p.doc] == nil {
			r.inArticle[p.doc] = qu.articleGroups(p.doc)
			docs = append(docs, p.doc)
		}
	}
	r.proper = qu.properGroups(docs)
	qu.proper = r.proper
	for g := range qu.nameGroups {
		// A word in a name ("Warner Brothers") that the articles mostly
		// write in lower case ("brother") names no one.
		qu.nameGroups[g] = qu.nameGroups[g] && r.proper[g]
	}
	top := hits[0].Score
	for _, h := range hits {
		if p, ok := e.passageAt(h.ID); ok {
			for si := p.first; si <= p.last; si++ {
				r.score(p.doc, p.para, si, h.Score/top)
			}
		}
	}
	// The answer often sits in a sentence of a matching article that
	// shares few of the question's words ("The new speeds start to come
	// into effect on 17 February"): read the best articles whole, each
	// sentence counted as in a passage that ranks last.
	sortWindows(r.out)
	var best []*document
	for _, w := range r.out {
		if len(best) == wholeArticles {
			break
		}
		if !slices.Contains(best, w.doc) {
			best = append(best, w.doc)
		}
	}
	for _, d := range best {
		for pi, p := range d.Paragraphs {
			for si := range p.Sentences {
				r.score(d, pi, si, 0)
			}
		}
	}
	sortWindows(r.out)
	return r.out
}

// wholeArticles is how many of the best ranked articles are read whole.
const wholeArticles = 3

// ranking is one question's ranking in progress.
type ranking struct {
	e         *Engine
	qu        *query
	seen      map[[3]int]bool
	inArticle map[*document][]bool // the question's words each article holds
	proper    []bool               // the question's words written as names
	out       []*window
}

// score scores one sentence, once, with its neighbours and its article;
// passage is the rank of the passage it was found in, against the best
// (0 when it was read as part of a whole article).
func (r *ranking) score(d *document, para, si int, passage float64) {
	qu := r.qu
	k := [3]int{d.ord, para, si}
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	found, ok := r.inArticle[d]
	if !ok {
		found = qu.articleGroups(d)
		r.inArticle[d] = found
	}
	text := d.sentence(para, si)
	var score float64
	var held []bool
	if passage == 0 && !slices.Contains(qu.holds(text), true) {
		// Read with its article and sharing none of the question's words:
		// its context alone scores it, and analysing it would find nothing.
		held = make([]bool, len(qu.groupW))
	} else {
		score, held = qu.matchSentence(text, r.e.termFreq(text))
	}
	n := len(d.Paragraphs[para].Sentences)
	// Neighbours are read as text for the question's stems: cheaper than
	// analysing them, and they only lend context.
	var near []bool
	if si > 0 {
		near = qu.holds(d.sentence(para, si-1))
	}
	if si+1 < n {
		near = orGroups(near, qu.holds(d.Paragraphs[para].Sentence(si+1)))
	}
	var head []bool // the headline the first sentence runs on from: its gist
	if para == 0 && si == 0 {
		head = qu.holds(d.gluedHeadline())
	}
	refers := -1 // unknown until a name is missing
	w := &window{doc: d, para: para, sent: si, own: score, held: held}
	var ctx float64
	for g, gw := range qu.groupW {
		if !held[g] && qu.nameGroups[g] && found[g] && refers < 0 {
			refers = 0
			if refersRe().MatchString(text) {
				refers = 1
			}
		}
		switch {
		case held[g]:
			w.cov += gw
			w.ctxCov += gw
		case len(head) > g && head[g]:
			w.ctxCov += headlineWeight * gw
			ctx += headlineWeight * gw
		case refers == 1 && qu.nameGroups[g] && found[g]:
			w.ctxCov += referWeight * gw
			ctx += referWeight * gw
		case len(near) > g && near[g]:
			w.ctxCov += neighbourWeight * gw
			ctx += neighbourWeight * gw
		case found[g]:
			w.ctxCov += articleWeight * gw
			ctx += articleWeight * gw
		}
	}
	if qu.total > 0 {
		w.cov /= qu.total
		w.ctxCov /= qu.total
	}
	if score == 0 && w.ctxCov == 0 {
		return
	}
	// The context adds what its words weigh, and the passage's own rank a
	// little (a sentence among the question's words).
	w.score = score + 0.5*ctx + 0.1*passage*score
	w.score *= qu.properShare(r.proper, found)
	r.out = append(r.out, w)
}

// sortWindows orders windows best first; ties go to corpus order.
func sortWindows(ws []*window) {
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].score != ws[j].score {
			return ws[i].score > ws[j].score
		}
		if ws[i].doc.ord != ws[j].doc.ord {
			return ws[i].doc.ord < ws[j].doc.ord
		}
		return ws[i].para*1000+ws[i].sent < ws[j].para*1000+ws[j].sent
	})
}

// bm25 scores a sentence's terms and reports the groups it holds.
func (qu *query) bm25(tf termCounts) (float64, []bool) {
	held := make([]bool, len(qu.groupW))
	n := float64(tf.n)
	var score float64
	for _, t := range qu.terms {
		f := float64(tf.count[t.term])
		if f == 0 {
			continue
		}
		held[t.group] = true
		score += qu.idf[t.term] * f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*n/avgSentLength))
	}
	return score, held
}

// articleGroups reports the question's words the article holds anywhere,
// and marks the words that name someone it names.
func (qu *query) articleGroups(d *document) []bool {
	found := holdsNeedles(d.lower(), qu.needles)
	for _, m := range d.people.Mentions {
		for _, w := range strings.Fields(strings.ToLower(m.Text)) {
			for g, ns := range qu.needles {
				if ns[0] == w || strings.HasPrefix(w, ns[0]) && len(w)-len(ns[0]) <= 2 {
					qu.nameGroups[g] = true
				}
			}
		}
	}
	return found
}

// predicateCoverage is the share of the weight of the question's words
// that name no one (what is asked about them: "replaced", "scored",
// "goal") that the groups held cover. A sure answer needs them beside it.
func (qu *query) predicateCoverage(held []bool) float64 {
	var all, got float64
	for g, w := range qu.groupW {
		if qu.nameGroups[g] {
			continue
		}
		all += w
		if g < len(held) && held[g] {
			got += w
		}
	}
	if all == 0 {
		return 1
	}
	return got / all
}

// holds reports the question's word groups a text holds, by their stems.
func (qu *query) holds(text string) []bool {
	return holdsNeedles(strings.ToLower(text), qu.needles)
}

// holdsNeedles reports, for each group of needles, whether lower-cased
// text holds one of them (of three bytes or more).
func holdsNeedles(low string, needles [][]string) []bool {
	out := make([]bool, len(needles))
	for g, ns := range needles {
		for _, n := range ns {
			if len(n) > 2 && strings.Contains(low, n) {
				out[g] = true
				break
			}
		}
	}
	return out
}

// hasPredicate reports a question with words that name no one.
func (qu *query) hasPredicate() bool {
	for g := range qu.groupW {
		if !qu.names(g) {
			return true
		}
	}
	return false
}

// names reports a group of words that names someone or something: a
// person the articles name, or a word they write capitalised ("Wales",
// "GDP").
func (qu *query) names(g int) bool {
	return qu.nameGroups[g] || g < len(qu.proper) && qu.proper[g]
}

func orGroups(a, b []bool) []bool {
	if a == nil {
		return b
	}
	for i := range b {
		a[i] = a[i] || b[i]
	}
	return a
}

// properGroups marks the question's words that the articles read write as
// a name, capitalised inside a sentence more often than not ("real
// sociedad", "lufthansa"): an article that never writes them is about
// something else, however many of the other words it shares.
func (qu *query) properGroups(docs []*document) []bool {
	caps := make([]int, len(qu.needles))
	lower := make([]int, len(qu.needles))
	for _, d := range docs[:min(len(docs), properDocs)] {
		low := d.lower()
		// lower joins the paragraphs lowered, one a line: read each
		// paragraph beside its lowered copy when case mapping kept the
		// lengths, as it does but for a few letters.
		at := 0
		for _, p := range d.Paragraphs {
			end := at + len(p.Text)
			if end >= len(low) || low[end] != '\n' {
				break
			}
			for g, ns := range qu.needles {
				c, l := writtenAs(p.Text, low[at:end], ns[0])
				caps[g] += c
				lower[g] += l
			}
			at = end + 1
		}
	}
	out := make([]bool, len(qu.needles))
	for g := range out {
		out[g] = caps[g] > 0 && caps[g] > lower[g]
	}
	return out
}

// properDocs is how many of the articles retrieved first are read for how
// they write the question's words.
const properDocs = 10

// writtenAs counts the times a word starts a word inside a sentence,
// capitalised and in lower case.
func writtenAs(orig, low, word string) (caps, lower int) {
	if len(word) <= 2 {
		return 0, 0 // as articleGroups, which does not look for words this short
	}
	for from := 0; ; {
		i := strings.Index(low[from:], word)
		if i < 0 {
			return caps, lower
		}
		i += from
		from = i + len(word)
		if i > 0 && isWordByte(low[i-1]) {
			continue
		}
		if !midSentence(orig, i) {
			continue
		}
		if c := orig[i]; c >= 'A' && c <= 'Z' {
			caps++
		} else {
			lower++
		}
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// midSentence reports a word at i that follows another word of its
// sentence, where a capital says it is a name.
func midSentence(s string, i int) bool {
	j := i - 1
	for j >= 0 && s[j] == ' ' {
		j--
	}
	if j < 0 || j == i-1 {
		return false
	}
	return isWordByte(s[j]) || s[j] == ','
}

// missingProperWeight is how much an article that lacks a name the
// question uses keeps of its sentences' scores, per share of the names'
// weight it lacks.
const missingProperWeight = 0.5

// properShare is the factor a sentence's score keeps when its article
// lacks some of the names the question uses.
func (qu *query) properShare(proper, found []bool) float64 {
	var all, missing float64
	for g, p := range proper {
		if !p {
			continue
		}
		all += qu.groupW[g]
		if !found[g] {
			missing += qu.groupW[g]
		}
	}
	if all == 0 {
		return 1
	}
	return 1 - missingProperWeight*missing/all
}
