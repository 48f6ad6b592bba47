package briefings

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/internal/lazyre"
	"github.com/briefbot/briefbot/briefings/search"
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

var (
	whoIntent   = lazyre.New(`(?i)^(?:who\s+(?:is|was|'s|are)|who's|tell\s+me\s+about|what\s+about|brief\s+me\s+on|what\s+do\s+you\s+know\s+about|profile\s+of)\s+(.+?)\s*[?.!]*$`)
	statsIntent = lazyre.New(`(?i)^(?:what\s+are\s+the\s+|show\s+(?:me\s+)?(?:the\s+)?|give\s+me\s+(?:the\s+)?)?(?:figures|stats|statistics|numbers|key\s+figures)\s+(?:for|in|from|of)?\s*((?:19|20)\d\d)\s*(?:on|about)?\s*([^?]*?)\s*\??$`)
	yearQ       = lazyre.New(`\b(19[5-9]\d|20\d\d)\b`)
	dateRe      = lazyre.New(`\b(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?i:(?:(?:earlier|later)\s+)?(?:last|this|next)\s+(?:week|month|year|summer|spring|autumn|winter|weekend)|yesterday|today)|(?:(?i:mid-|early\s+|late\s+))?(?:19|20)\d\d)\b`)
)

// Ask answers a free question: a who or stats question goes to Who or
// Stats; anything else is answered with the best sentences of the corpus.
func (e *Engine) Ask(question string) Reply {
	q := strings.TrimSpace(question)
	if q == "" {
		return Reply{Kind: KindNotFound, Title: "What would you like to know?", Summary: e.coverage()}
	}
	// "who is the interior minister" asks for a role's holder; "who is
	// Cazeneuve" for a person.
	if m := roleIntent().FindStringSubmatch(q); m != nil && describesRole(q) {
		if r, ok := e.roleHolders(q, m[1]); ok {
			return r
		}
	}
	if m := whoIntent().FindStringSubmatch(q); m != nil && !describesRole(q) {
		name := strings.TrimSpace(m[1])
		if lm := e.lookup(name); lm.Found != nil || len(lm.Candidates) > 0 {
			return e.Who(name)
		}
	}
	if m := saidIntent().FindStringSubmatch(q); m != nil {
		if r, ok := e.saidAnswer(q, m[1], m[2]); ok {
			return r
		}
	}
	if m := statsIntent().FindStringSubmatch(q); m != nil {
		y, _ := strconv.Atoi(m[1])
		return e.Stats(y, m[2])
	}
	return e.answer(q)
}

// scored is a sentence of an article that an answer reads.
type scored struct {
	doc  *document
	para int
	sent int
	text string
}

// textStart is where the text read of the sentence starts in its
// paragraph: after a glued headline cut from an article's first sentence.
func (c *scored) textStart() int {
	sp := c.doc.Paragraphs[c.para].Sentences[c.sent]
	if strings.HasSuffix(c.doc.Paragraphs[c.para].Text[sp.Start:sp.End], c.text) {
		return sp.End - len(c.text)
	}
	return sp.Start
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
		w := e.searchIndex().IDF(t)
		if w == 0 {
			w = math.Log(1 + (float64(e.searchIndex().Len())+0.5)/0.5)
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
	for _, t := range search.Analyze(s) {
		tc.count[t]++
		tc.n++
	}
	return tc
}

// dateSpecificity says how precisely a date names a time: a day, month
// and year (4) over a month and year (3), a year (2), a relative time
// ("last week", 1) and a weekday alone (0.5).
func dateSpecificity(m string) float64 {
	if len(m) < 4 {
		return 0
	}
	var sp float64
	hasYear := yearQ().MatchString(m)
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
		if strings.ContainsAny(strings.TrimSpace(yearQ().ReplaceAllString(m, "")), "0123456789") {
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
	t := search.Terms(title)
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
			if slices.Contains(rt, t) {
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

// sentence is sentence si of paragraph para as a question reads it: the
// first sentence of an article whose headline runs into it ("Stormy year
// for property insurers A string of storms ...") without the headline,
// which holds the article's key words and so would outrank the sentences
// that answer. The headline lends its words as a neighbour does.
func (d *document) sentence(para, si int) string {
	s := d.Paragraphs[para].Sentence(si)
	if para == 0 && si == 0 {
		if h := d.gluedHeadline(); h != "" {
			return strings.TrimLeft(s[len(h):], " ")
		}
	}
	return s
}

// gluedHeadline is the headline the article's first sentence opens with,
// or "" when it opens with none.
func (d *document) gluedHeadline() string {
	if len(d.Paragraphs) == 0 || len(d.Paragraphs[0].Sentences) == 0 {
		return ""
	}
	s := d.Paragraphs[0].Sentence(0)
	for _, title := range []string{d.parsedMeta.Title, d.Meta.Title} {
		if n := len(title); n > 0 && n < len(s) && strings.HasPrefix(s, title) && s[n] == ' ' {
			return title
		}
	}
	return ""
}
