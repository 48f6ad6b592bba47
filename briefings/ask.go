package briefings

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/text"
)

// Tuning of free-question answers.
const (
	// maxQueryTerms bounds the words of a question that are searched.
	maxQueryTerms = 40
	// searchDepth is how many passages are read for their sentences.
	searchDepth = 30
	// maxAnswers is how many sentences an answer shows.
	maxAnswers = 3
	// minCoverage is the share of the question's weight (IDF) the best
	// sentence must hold; below it the engine says what it covers instead
	// of guessing.
	minCoverage = 0.4
	// typeBoost multiplies the score of a sentence that holds the kind of
	// thing the question asks for (a figure, a date, a person).
	typeBoost = 1.6
	// bm25 sentence parameters (bleve's defaults) and a typical sentence
	// length in analysed terms.
	bm25K1        = 1.2
	bm25B         = 0.75
	avgSentLength = 14.0
)

// questionType is what a question asks for.
type questionType int

const (
	askAny questionType = iota
	askFigure
	askDate
	askPerson
)

var (
	whoIntent   = regexp.MustCompile(`(?i)^(?:who\s+(?:is|was|'s|are)|who's|tell\s+me\s+about|what\s+about|brief\s+me\s+on|what\s+do\s+you\s+know\s+about|profile\s+of)\s+(.+?)\s*[?.!]*$`)
	statsIntent = regexp.MustCompile(`(?i)^(?:what\s+are\s+the\s+|show\s+(?:me\s+)?(?:the\s+)?|give\s+me\s+(?:the\s+)?)?(?:figures|stats|statistics|numbers|key\s+figures)\s+(?:for|in|from|of)?\s*((?:19|20)\d\d)\s*(?:on|about)?\s*([^?]*?)\s*\??$`)
	figureQ     = regexp.MustCompile(`(?i)\b(how\s+(?:many|much|big|large|often|far|long)|what\s+(?:number|percentage|proportion|share|amount|sum|total|figure)|cost|costs|price|percent)\b`)
	dateQ       = regexp.MustCompile(`(?i)\b(when|what\s+(?:date|day|year|month|time)|since\s+when|how\s+long\s+ago)\b`)
	personQ     = regexp.MustCompile(`(?i)^\s*(who|whom|whose)\b|\bwhich\s+(?:minister|official|person|politician|mayor|leader|chief)\b`)
	yearQ       = regexp.MustCompile(`\b(19[5-9]\d|20\d\d)\b`)
	dateRe      = regexp.MustCompile(`\b(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?i:(?:(?:earlier|later)\s+)?(?:last|this|next)\s+(?:week|month|year|summer|spring|autumn|winter|weekend)|yesterday|today)|(?:19|20)\d\d)\b`)
	// questionWords are dropped from a question before searching: they say
	// what kind of answer is wanted, not what it is about.
	questionWords = map[string]bool{
		"what": true, "which": true, "who": true, "whom": true, "whose": true, "when": true, "where": true,
		"why": true, "how": true, "many": true, "much": true, "does": true, "did": true, "do": true,
		"is": true, "are": true, "was": true, "were": true, "will": true, "would": true, "can": true,
		"could": true, "should": true, "tell": true, "me": true, "about": true, "please": true, "say": true,
		"said": true, "the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "there": true,
		"know": true, "you": true, "happened": true, "mean": true,
	}
)

// Ask answers a free question: a who or stats question goes to Who or
// Stats; anything else is answered with the best sentences of the corpus.
func (e *Engine) Ask(question string) Reply {
	q := strings.TrimSpace(question)
	if q == "" {
		return Reply{Kind: KindNotFound, Title: "What would you like to know?", Summary: e.coverage()}
	}
	if m := whoIntent.FindStringSubmatch(q); m != nil {
		name := strings.TrimSpace(m[1])
		if lm := e.lookup(name); lm.Found != nil || len(lm.Candidates) > 0 {
			return e.Who(name)
		}
	}
	if m := saidIntent.FindStringSubmatch(q); m != nil {
		if r, ok := e.saidAnswer(q, m[1], m[2]); ok {
			return r
		}
	}
	if m := statsIntent.FindStringSubmatch(q); m != nil {
		y, _ := strconv.Atoi(m[1])
		return e.Stats(y, m[2])
	}
	return e.answer(q)
}

// scored is one candidate sentence of an answer.
type scored struct {
	doc      *document
	para     int
	sent     int
	text     string
	score    float64
	coverage float64
	mark     string
	unit     string  // the unit of a marked figure
	value    float64 // the value of a marked figure
	fit      float64 // how well the marked span answers (see answerSpan)
	key      string  // the sentence, normalised, to drop repeats
}

// answer finds the best sentences for a question by BM25, boosted by what
// the question asks for, and marks the answer span.
func (e *Engine) answer(q string) Reply {
	qtype := classify(q)
	year := 0
	if m := yearQ.FindString(q); m != "" {
		year, _ = strconv.Atoi(m)
	}
	// A year narrows the answer (its figures, its sentences) rather than
	// being a word the answer must hold.
	terms := e.index.Terms(stripQuestionWords(yearQ.ReplaceAllString(q, " ")))
	if len(terms) > maxQueryTerms {
		terms = terms[:maxQueryTerms] // a pasted page is not a question
	}
	if len(terms) == 0 {
		return e.notCovered(q)
	}
	idf, total := e.termWeights(terms)
	// Retrieval uses the question's rarer words: a word in most passages
	// ("said", "minister") adds little to the ranking but a long posting
	// list to walk. Sentences are still scored on every word.
	hits, err := e.index.Search(context.Background(), rareTerms(terms, idf, float64(e.index.Len())), searchDepth)
	if err != nil || len(hits) == 0 {
		return e.notCovered(q)
	}
	best := map[string]*scored{}
	var cands []*scored
	top := hits[0].Score
	for _, h := range hits {
		p := e.passages[h.ID]
		para := p.doc.Paragraphs[p.para]
		for si := p.first; si <= p.last; si++ {
			s := para.Sentence(si)
			score, cov := e.termFreq(s).bm25(terms, idf)
			if score == 0 {
				continue
			}
			c := &scored{doc: p.doc, para: p.para, sent: si, text: s, coverage: cov / total}
			// The passage's own rank carries context (a sentence next to
			// the words of the question).
			score += 0.2 * h.Score / top * score
			c.mark, c.unit, c.fit = e.answerSpan(c, qtype, terms, year)
			if qtype == askDate && c.mark == "" {
				e.dateFromNext(c)
			}
			if qtype == askFigure && year != 0 && c.mark == "" && len(c.figures()) > 0 {
				continue // its figures are of another year
			}
			switch {
			case qtype == askDate && c.mark != "":
				// A full date answers "when"; a weekday alone barely does.
				score *= 1 + (typeBoost-1)*min(1, c.fit)
			case qtype != askAny && c.mark != "":
				score *= (1 + c.fit) * typeBoost
			case qtype == askFigure || qtype == askDate:
				score *= 0.8
			default:
				score *= 1 + c.fit
			}
			if year != 0 && (strings.Contains(s, strconv.Itoa(year)) || c.doc.Meta.Published.Year == year) {
				score *= 1.2
			}
			if asksItself(para, si) {
				continue // a heading that asks the question is no answer to it
			}
			if isHeadline(para.Text) || strings.HasSuffix(strings.TrimRight(s, " ”’\"'"), "?") || fragment(s) {
				score *= 0.6 // a headline, a question or a signature line is not an answer
				if fragment(s) {
					score *= 0.6
				}
			}
			c.score = score
			k := normQuote(c.text) // the text shown: a heading may have taken its dateline
			c.key = k
			if old := best[k]; old != nil && old.score >= score {
				continue
			}
			best[k] = c
			cands = append(cands, c)
		}
	}
	// Drop superseded duplicates (the same sentence in two articles).
	var uniq []*scored
	for _, c := range cands {
		if best[c.key] == c {
			uniq = append(uniq, c)
		}
	}
	sort.SliceStable(uniq, func(i, j int) bool {
		if uniq[i].score != uniq[j].score {
			return uniq[i].score > uniq[j].score
		}
		if uniq[i].doc.ord != uniq[j].doc.ord {
			return uniq[i].doc.ord < uniq[j].doc.ord
		}
		return uniq[i].para*1000+uniq[i].sent < uniq[j].para*1000+uniq[j].sent
	})
	// A sentence that holds a better one, or is held by it (a heading
	// glued before the same sentence), repeats it.
	kept := uniq[:0]
	for _, c := range uniq {
		if !repeats(kept, c) {
			kept = append(kept, c)
		}
	}
	uniq = kept
	if len(uniq) == 0 || uniq[0].coverage < minCoverage {
		return e.notCovered(q)
	}
	c := newCiter(e)
	r := Reply{Kind: KindAnswer, Title: clip(q, 120)}
	perDoc := map[*document]int{}
	var shown []*scored
	sec := Section{Heading: "From the articles"}
	// When the best sentence holds what the question asks for (a figure,
	// a date, a person in the role asked about), the others must too: a
	// sentence that shares the question's words but not its answer is
	// filler.
	top0 := uniq[0]
	needMark := qtype != askAny && top0.mark != ""
	needFit := qtype == askPerson && top0.fit > 0
	for _, s := range uniq {
		if len(sec.Items) == maxAnswers {
			break
		}
		if perDoc[s.doc] == 2 || (len(sec.Items) > 0 && s.coverage < minCoverage) {
			continue
		}
		if len(sec.Items) > 0 && ((needMark && s.mark == "") || (needFit && s.fit == 0)) {
			continue
		}
		perDoc[s.doc]++
		shown = append(shown, s)
		sec.Items = append(sec.Items, Item{Text: s.text, Mark: s.mark, Source: c.cite(s.doc.ID), Date: s.doc.date()})
	}
	b := uniq[0]
	who := b.doc.Meta.Publisher
	if who == "" {
		who = b.doc.Meta.Title
	}
	if d := b.doc.date(); d != "" {
		who += ", " + d
	}
	if b.mark != "" {
		r.Summary = fmt.Sprintf("%s, according to %s.", b.mark, who)
		var others []string
		for _, o := range shown[1:] {
			if qtype == askFigure && o.mark != "" && o.value != b.value && o.unit == b.unit && !contains(others, o.mark) {
				others = append(others, o.mark)
			}
		}
		if len(others) > 0 {
			r.Summary += " Also reported: " + joinAnd(others) + "."
		}
	} else {
		r.Summary = fmt.Sprintf("The best match is from %s.", who)
	}
	r.Sections = []Section{sec}
	r.Sources = c.sources
	return r
}

// repeats reports a candidate whose sentence holds, or is held by, one
// already kept.
func repeats(kept []*scored, c *scored) bool {
	for _, k := range kept {
		if strings.Contains(k.key, c.key) || strings.Contains(c.key, k.key) {
			return true
		}
	}
	return false
}

// commonShare is the share of passages above which a word is common.
const commonShare = 0.05

// rareTerms drops the common words of a question, keeping at least the two
// rarest.
func rareTerms(terms []string, idf map[string]float64, n float64) []string {
	limit := math.Log(1 + (n-commonShare*n+0.5)/(commonShare*n+0.5))
	var out []string
	for _, t := range terms {
		if idf[t] >= limit {
			out = append(out, t)
		}
	}
	if len(out) >= 2 || len(terms) <= 2 {
		if len(out) == 0 {
			return terms
		}
		return out
	}
	byRarity := append([]string(nil), terms...)
	sort.SliceStable(byRarity, func(i, j int) bool { return idf[byRarity[i]] > idf[byRarity[j]] })
	return byRarity[:2]
}

// notCovered is the low-confidence reply: what the corpus covers.
func (e *Engine) notCovered(q string) Reply {
	return Reply{Kind: KindNotFound, Title: "I couldn't find an answer to that in the corpus",
		Summary: e.coverage() + " Try /who NAME, /stats YEAR, or ask with words the articles would use."}
}

func classify(q string) questionType {
	switch {
	case figureQ.MatchString(q):
		return askFigure
	case dateQ.MatchString(q):
		return askDate
	case personQ.MatchString(q):
		return askPerson
	}
	return askAny
}

func stripQuestionWords(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool {
		return unicode.IsSpace(r) || r == '?' || r == '!' || r == ','
	})
	out := words[:0]
	for _, w := range words {
		if !questionWords[strings.ToLower(strings.Trim(w, `"'“”‘’.`))] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

type termCounts struct {
	count map[string]int
	n     int
}

// termWeights gives each query term its inverse document frequency, and
// their sum. A word the corpus never uses weighs most.
func (e *Engine) termWeights(terms []string) (map[string]float64, float64) {
	idf := make(map[string]float64, len(terms))
	var total float64
	for _, t := range terms {
		w := e.index.IDF(t)
		if w == 0 {
			w = math.Log(1 + (float64(e.index.Len())+0.5)/0.5)
		}
		idf[t] = w
		total += w
	}
	return idf, total
}

// bm25 scores a sentence's terms against the query terms, and reports the
// weight of the query terms it holds (its coverage).
func (tf termCounts) bm25(terms []string, idf map[string]float64) (score, coverage float64) {
	n := float64(tf.n)
	for _, t := range terms {
		f := float64(tf.count[t])
		if f == 0 {
			continue
		}
		coverage += idf[t]
		score += idf[t] * f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*n/avgSentLength))
	}
	return score, coverage
}

// termFreq counts the analysed terms of a sentence.
func (e *Engine) termFreq(s string) termCounts {
	tc := termCounts{count: map[string]int{}}
	for _, t := range e.index.Analyze(s) {
		tc.count[t]++
		tc.n++
	}
	return tc
}

// answerSpan finds what answers the question in a sentence: a figure for
// how many/much, a date for when, a person for who. fit (0 to 1) says how
// well it answers: for who, the share of the question's words found in the
// person's roles ("who is the mayor of Calais" and "Calais mayor").
func (e *Engine) answerSpan(c *scored, qt questionType, terms []string, year int) (mark, unit string, fit float64) {
	switch qt {
	case askFigure:
		var best, bestUnit string
		var bestValue float64
		bestScore := -1
		figs := c.figures()
		var near []int // byte offsets of the question's words in the sentence
		if len(figs) > 1 {
			near = e.termOffsets(c.text, terms)
		}
		for _, f := range figs {
			if year != 0 && f.Year != 0 && f.Year != year {
				continue // a figure of another year answers nothing about this one
			}
			s := proximity(c.text, f.Text, near)
			if year != 0 && f.Year == year {
				s += 4
			}
			ct := strings.ToLower(f.Counts)
			for _, t := range terms {
				if strings.Contains(ct, t) {
					s += 2
				}
			}
			if f.Unit != "" && f.Unit != "%" {
				s++ // "how much" most often asks for money
			}
			if s > bestScore {
				best, bestUnit, bestValue, bestScore = f.Text, f.Unit, f.Value, s
			}
		}
		c.value = bestValue
		return best, bestUnit, 0
	case askDate:
		if !mayHoldDate(c.text) {
			return "", "", 0
		}
		// The most precise date, and of two, the one beside the
		// question's words: "Yukos filed for bankruptcy earlier this
		// month ... to stave off the 19 December auction".
		var best string
		bestSpec, bestRank := 0.0, 0.0
		ms := dateRe.FindAllString(c.text, -1)
		var near []int
		if len(ms) > 1 {
			near = e.termOffsets(c.text, terms)
		}
		for _, m := range ms {
			sp := dateSpecificity(m)
			if sp == 0 {
				continue
			}
			if rank := sp + float64(proximity(c.text, m, near)); rank > bestRank {
				best, bestSpec, bestRank = m, sp, rank
			}
		}
		return best, "", bestSpec / 3
	case askPerson:
		var best string
		bestFit := -1.0
		sp := c.doc.Paragraphs[c.para].Sentences[c.sent]
		for _, m := range c.doc.people.Mentions {
			if m.Para != c.para || m.Start < sp.Start || m.End > sp.End {
				continue
			}
			p := c.doc.profileAt[m.Key]
			if p == nil || p.Kind != people.Person || !strings.Contains(c.text, m.Text) {
				continue
			}
			f := e.roleFit(p, terms, year)
			if f > bestFit || (f == bestFit && len(m.Text) > len(best)) {
				best, bestFit = m.Text, f
			}
		}
		if bestFit < 0 {
			bestFit = 0
		}
		return best, "", bestFit
	}
	return "", "", 0
}

// dateSpecificity says how precisely a date names a time: a day, month
// and year (4) over a month and year (3), a year (2), a relative time
// ("last week", 1) and a weekday alone (0.5).
func dateSpecificity(m string) float64 {
	if len(m) < 4 {
		return 0
	}
	var sp float64
	hasYear := yearQ.MatchString(m)
	hasMonth := false
	for _, w := range dateWords[:12] {
		if strings.Contains(m, w) {
			hasMonth = true
		}
	}
	if hasYear {
		sp += 2
	}
	if hasMonth {
		sp++
		if strings.ContainsAny(strings.TrimSpace(yearQ.ReplaceAllString(m, "")), "0123456789") {
			sp++ // a day of the month
		}
	}
	if sp > 0 {
		return sp
	}
	switch strings.ToLower(strings.Fields(m)[0]) {
	case "last", "this", "next", "yesterday", "today":
		return 1
	}
	return 0.5
}

// termOffsets finds where the question's terms stand in a sentence: the
// byte offsets of its words whose analysed form is one of the terms.
func (e *Engine) termOffsets(s string, terms []string) []int {
	var out []int
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		for _, t := range e.index.Analyze(s[start:end]) {
			if contains(terms, t) {
				out = append(out, start)
				break
			}
		}
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if r == '\'' || r == '’' {
			continue // part of the word: "Yukos'"
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// proximity scores a figure by how close it stands to the question's words
// in its sentence: of two amounts, the one beside "Yukos owes" answers how
// much Yukos owed.
func proximity(s, fig string, near []int) int {
	if len(near) == 0 {
		return 0
	}
	at := strings.Index(s, fig)
	if at < 0 {
		return 0
	}
	best := len(s)
	for _, o := range near {
		d := o - (at + len(fig))
		if o < at {
			d = at - o
		}
		best = min(best, max(d, 0))
	}
	switch {
	case best <= 20:
		return 2
	case best <= 50:
		return 1
	}
	return 0
}

// fragment reports a signature line ("– Calais mayor Natacha Bouchart")
// or a scrap of fewer than five words: it names, but states nothing.
func fragment(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "–") || strings.HasPrefix(t, "—") || strings.HasPrefix(t, "- ") || len(strings.Fields(t)) < 5
}

// asksItself reports a sentence that is a heading asking a question ("What
// did the minister say about the deal?"): a question alone in its
// paragraph, outside quotation marks.
func asksItself(p text.Paragraph, si int) bool {
	if len(p.Sentences) != 1 || si != 0 {
		return false
	}
	t := strings.TrimSpace(p.Text)
	return strings.HasSuffix(t, "?") && !strings.ContainsAny(t, "\"“”")
}

// titleTerms analyses a role title once per engine: titles repeat
// across people ("Prime Minister") and questions.
func (e *Engine) titleTerms(title string) []string {
	if t, ok := e.titles.Load(title); ok {
		return t.([]string)
	}
	t := e.index.Terms(title)
	e.titles.Store(title, t)
	return t
}

// roleFit is the share of the question's terms that one of the person's
// roles holds (a role of the question's year, when it names one).
func (e *Engine) roleFit(p *profile, terms []string, year int) float64 {
	if len(terms) == 0 {
		return 0
	}
	var best float64
	for _, r := range p.roles {
		if year != 0 && r.Date.Year != 0 && r.Date.Year != year {
			continue
		}
		rt := e.titleTerms(r.Title)
		n := 0
		for _, t := range terms {
			if contains(rt, t) {
				n++
			}
		}
		f := float64(n) / float64(len(terms))
		if r.Past {
			f /= 2 // "who is the Home Secretary": a former one fits less
		}
		if f > best {
			best = f
		}
	}
	return best
}

// dateWords are the words any date dateRe finds must hold.
var dateWords = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "day", "last ", "this ", "next ", "Last ", "This ", "Next "}

// mayHoldDate is a fast test before dateRe: a digit or a date word.
func mayHoldDate(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	for _, w := range dateWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// dateFromNext extends a sentence with no date by the next one when that
// holds a date: a heading followed by its dateline ("Joint declaration by
// ..." then "Paris, 20 September 2014").
func (e *Engine) dateFromNext(c *scored) {
	para, sent := c.para, c.sent+1
	if sent >= len(c.doc.Paragraphs[para].Sentences) {
		para, sent = para+1, 0
		if para >= len(c.doc.Paragraphs) {
			return
		}
	}
	next := &scored{doc: c.doc, para: para, sent: sent, text: c.doc.Paragraphs[para].Sentence(sent)}
	if m, _, _ := e.answerSpan(next, askDate, nil, 0); m != "" {
		c.text += " " + next.text
		c.mark = m
	}
}

// figures lists the figures of the sentence.
func (c *scored) figures() []*figures.Figure {
	var out []*figures.Figure
	for i := range c.doc.figures {
		f := &c.doc.figures[i]
		if f.Para != c.para {
			continue
		}
		if f.Sent != c.sent {
			if i, _ := c.doc.sentenceAt(f.Para, f.Start); i != c.sent {
				continue
			}
		}
		if strings.Contains(c.text, f.Text) {
			out = append(out, f)
		}
	}
	return out
}

// isHeadline reports a paragraph that reads as a headline: short, with no
// closing punctuation.
func isHeadline(p string) bool {
	if utf8.RuneCountInString(p) > 140 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(p, " ”’\"')"))
	return !strings.ContainsRune(".!?…:", last)
}
