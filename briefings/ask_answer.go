package briefings

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/briefings/internal/lazyre"
	"github.com/briefbot/briefbot/briefings/question"
)

// Tuning of the answer's lead and confidence.
const (
	// leadDepth is how many of the best ranked sentences are read for one
	// that holds what the question asks for.
	leadDepth = 15
	// sureCoverage is the share of the question's weight the lead
	// sentence and its context must hold for a sure (bold) answer, and
	// sureOwnCoverage the share the sentence itself must hold: all of it
	// (short of rounding), since a sentence that leaves out one of the
	// question's words ("Wales", "channel") may well answer another
	// question about the same article.
	sureCoverage    = 0.8
	sureOwnCoverage = 0.999
	// sureFit is the least fit of a sure answer's span to the type asked.
	sureFit = 0.55
	// surePredicate is the least share of what the question asks about
	// its subject ("replaced", "scored a goal") the answer's sentences
	// must hold.
	surePredicate = 0.75
)

// choice is a ranked sentence with what answers in it.
type choice struct {
	w     *window
	span  span
	score float64
	key   string // the text shown, normalised, to drop repeats
}

// answer answers a free question from the articles: the sentences that
// best match it in their context, the first that holds what it asks for
// as the lead, stated in the summary only when the evidence is strong.
func (e *Engine) answer(text string) Reply {
	q := question.Analyze(text)
	if q.Scope != question.Specific {
		return e.overview(q)
	}
	qu := e.newQuery(q)
	kept := e.choices(qu)
	if len(kept) == 0 || kept[0].w.ctxCov < minCoverage {
		return e.notCovered(text)
	}
	shown := shownChoices(kept)
	return e.answerReply(qu, shown, e.sure(qu, kept, shown))
}

// choices ranks the sentences that may answer a question, best first, the
// lead the best that holds what it asks for; nil when none does.
func (e *Engine) choices(qu *query) []*choice {
	q := qu.q
	ranked := e.rank(qu)
	if len(ranked) == 0 {
		return nil
	}
	var cands []*choice
	seen := map[string]bool{}
	for _, w := range ranked {
		para := w.doc.Paragraphs[w.para]
		if asksItself(para, w.sent) {
			continue // a heading that asks the question is no answer to it
		}
		score := w.score
		s := w.doc.sentence(w.para, w.sent)
		if isHeadline(para.Text) || strings.HasSuffix(strings.TrimRight(s, " ”’\"'"), "?") || fragment(s) {
			score *= 0.6 // a headline, a question or a signature line is not an answer
			if fragment(s) {
				score *= 0.6
			}
		}
		if q.Year != 0 && (strings.Contains(s, fmt.Sprint(q.Year)) || w.doc.Meta.Published.Year == q.Year) {
			score *= 1.2
		}
		c := &choice{w: w, score: score}
		if len(cands) < leadDepth {
			c.span = e.answerIn(qu, w)
			if c.span.answer == "" && q.Year != 0 && isFigureType(q.Type) && len((&scored{doc: w.doc, para: w.para, sent: w.sent, text: s}).figures()) > 0 {
				continue // its figures are of another year
			}
		} else {
			c.span = span{text: s}
		}
		c.key = normQuote(c.span.text)
		if seen[c.key] {
			continue // the same sentence in another article
		}
		seen[c.key] = true
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil
	}
	sortChoices(cands)
	var kept []*choice
	for _, c := range cands {
		if !repeatsChoice(kept, c) {
			kept = append(kept, c)
		}
	}
	leadByFit(qu, kept)
	promoteTyped(q, kept)
	return kept
}

// sure reports a lead that states the answer, on evidence that holds for
// any question rather than for a set of them:
//   - the type asked fits what the sentence says, by its form (a person the
//     question does not name, a figure of the unit asked, a date of the
//     tense asked), and the kind of answer can be told from a sentence
//     (a reason or a list is a passage to read, not a span to state; an
//     organisation is stated only as the doer of the verb asked);
//   - the answer is written, not inferred from a pronoun; the sentence
//     that writes it holds the verb the question asks about, and with the
//     sentence before it when that leads into it, most of the question's
//     other words, beside the answer;
//   - no other passage that says as much gives another answer of the
//     same type, unless a second passage agrees with the lead.
func (e *Engine) sure(qu *query, kept, shown []*choice) bool {
	c := kept[0]
	if !statable(qu.q.Type, c.span) || c.span.inferred || c.span.fit < sureFit {
		return false
	}
	if n := rivals(kept, qu.nameGroups); n > 1 || n == 1 && !(isFigureType(qu.q.Type) && c.w.cov == 1) {
		// Figures that differ are all reported: one rival does not unseat
		// a figure whose sentence holds every word of the question; more
		// say the question does not tell which is meant.
		return false
	}
	if (qu.q.Type == question.Person || qu.q.Type == question.Organisation) && !qu.hasPredicate() {
		return false // "who cazeneuve": nothing is asked about the one named
	}
	if describesRole(qu.q.Text) {
		return false // "who is the England manager": the roles people hold answer that, and none fits
	}
	if qu.q.Type == question.Organisation && qu.verbGroup < 0 {
		return false // an organisation only for what it did ("which firm bought ..."), held below
	}
	if qu.verbGroup >= 0 && (qu.verbGroup >= len(c.span.said) || !c.span.said[qu.verbGroup]) {
		return false // "who directed the film": a sentence without directing does not say
	}
	if !qu.besideAsked(c.span) {
		return false // the answer stands apart from what is asked about it
	}
	if isFigureType(qu.q.Type) && qu.widerScope(c.span) {
		return false // "in the UK" asked, "109,000 people in more than 120 countries" written
	}
	if qu.hedged(c.span) {
		return false // "could face a fine of £22,000" says what may be, not what is
	}
	if qu.agentForObject(c.span) {
		return false // "who did Agassi beat": "a defeat by Jurgen Melzer" names who beat him
	}
	if !qu.doerOfVerb(c.span) {
		return false // "who beat Hewitt" asked, "Hewitt beat Nalbandian" written
	}
	if (qu.q.Type == question.Person || qu.q.Type == question.Organisation) && qu.nearerName(c.span) {
		return false // "a confidant of his brother Mukesh": another name stands nearer what is asked
	}
	if qu.q.Year != 0 && otherYear(c, qu.q.Year) {
		return false
	}
	if c.w.ctxCov < sureCoverage || c.w.cov < sureOwnCoverage || qu.predicateCoverage(c.span.held) < surePredicate {
		return false
	}
	if len(otherFigures(qu, shown)) > 0 {
		return false // the passages shown give other figures: sources disagree
	}
	return true
}

// statable reports an answer type the summary can state from a span: a
// title only when the sentence names it as one (quoted, or after
// "called"), never a reason or a list, which need their passage.
func statable(t question.Type, s span) bool {
	switch t {
	case question.Any, question.List, question.Reason:
		return false
	case question.Title:
		return s.fit >= titleNamedFit
	}
	return s.answer != ""
}

// rivalShare is how far below the lead a passage with another answer may
// rank and still contest it.
const rivalShare = 0.8

// rivals counts the passages that contradict a lead: each ranks close,
// holds every word of the question the lead's passage holds but those of
// skip (the names, which a pronoun may stand for), and gives another
// answer of the type asked that fits as well. It is 0 when a passage
// repeats the lead's answer.
func rivals(kept []*choice, skip []bool) int {
	lead := kept[0]
	n := 0
	var seen []span
	for _, o := range kept[1:min(len(kept), leadDepth)] {
		if o.span.answer == "" {
			continue
		}
		if sameAnswer(o.span, lead.span) {
			return 0 // a second passage agrees
		}
		if o.score < rivalShare*lead.score || o.span.fit < sureFit || !holdsAll(o.span.held, lead.span.held, skip) {
			continue
		}
		if !slices.ContainsFunc(seen, func(s span) bool { return sameAnswer(s, o.span) }) {
			seen = append(seen, o.span)
			n++
		}
	}
	return n
}

// sameAnswer reports two answers of which one holds the other ("Roddick",
// "Andy Roddick").
func sameAnswer(a, b span) bool {
	if a.value != 0 && b.value != 0 {
		return a.value == b.value && a.unit == b.unit
	}
	x, y := normQuote(a.answer), normQuote(b.answer)
	return x != "" && y != "" && (strings.Contains(x, y) || strings.Contains(y, x))
}

// holdsAll reports a set of word groups that holds every group of
// another, but those skip marks.
func holdsAll(have, want, skip []bool) bool {
	for g, w := range want {
		if w && (g >= len(skip) || !skip[g]) && (g >= len(have) || !have[g]) {
			return false
		}
	}
	return true
}

// besideNear is how far (in bytes) from the question's words a sure
// answer may stand.
const besideNear = 60

// besideAsked reports an answer span within besideNear bytes of one of the
// question's words that name no one (what is asked about the subject), or
// of any of its words when all of them name someone.
func (qu *query) besideAsked(s span) bool {
	at := strings.Index(s.text, s.mark)
	if s.mark == "" || at < 0 {
		return true // a pronoun's referent: judged by its sentence
	}
	for o, n := range qu.wordHits(strings.ToLower(s.text), qu.hasPredicate()) {
		if (o < at && at-o <= besideNear+n) || (o >= at && o-(at+len(s.mark)) <= besideNear) {
			return true
		}
	}
	return false
}

// hedgeRe finds what makes a statement say what may be rather than what
// is: a condition, a modal verb. "may" counts in lower case only (May is
// a month).
var hedgeRe = lazyre.New(`(?i:\b(?:if|unless|could|might|possibly|perhaps)\b)|\bmay\b`)

// hedgeReach is how far (in bytes) before an answer a condition or a
// modal verb governs it: "If found guilty he could face a fine of £22,000".
const hedgeReach = 80

// hedged reports an answer that a condition or a modal verb just before
// it makes what may be, asked by a question that does not ask so itself
// ("how much was he fined": "he could face a fine of £22,000").
func (qu *query) hedged(s span) bool {
	at := strings.Index(s.text, s.mark)
	if s.mark == "" || at < 0 || hedgeRe().MatchString(qu.q.Text) {
		return false // "how much could he be fined" asks what may be
	}
	return hedgeRe().MatchString(s.text[max(0, at-hedgeReach):at])
}

// scopeRe finds a figure's scope wider than one country: "worldwide",
// "in more than 120 countries".
var scopeRe = lazyre.New(`(?i)\b(?:worldwide|globally|world-wide|around\s+the\s+world|across\s+the\s+world|internationally|in\s+(?:more\s+than\s+|over\s+|some\s+|about\s+)?\d+\s+countries)\b`)

// askedCountryRe finds a question narrowed to a country: "in the uk".
var askedCountryRe = lazyre.New(`(?i)\b(?:in|across|within)\s+(?:the\s+)?([a-z]+)`)

// scopeReach is how far (in bytes) from a figure its scope is read.
const scopeReach = 40

// widerScope reports a figure given for a wider scope than the country
// the question asks about.
func (qu *query) widerScope(s span) bool {
	at := strings.Index(s.text, s.mark)
	if s.mark == "" || at < 0 {
		return false
	}
	m := askedCountryRe().FindStringSubmatch(qu.q.Text)
	if m == nil || !isCountry(m[1]) {
		return false
	}
	end := at + len(s.mark)
	return scopeRe().MatchString(s.text[max(0, at-scopeReach):min(len(s.text), end+scopeReach)])
}

// otherYear reports an answer that is not of the question's year: its
// article is of another year and does not name it, or its passage names
// years, none of them the question's.
func otherYear(c *choice, year int) bool {
	y := fmt.Sprint(year)
	if c.w.doc.Meta.Published.Year != year && !strings.Contains(c.w.doc.lower(), y) {
		return true
	}
	if c.w.doc.Meta.Published.Year == year {
		return false
	}
	ys := yearQ().FindAllString(c.span.text, -1)
	if len(ys) == 0 {
		return false
	}
	for _, s := range ys {
		if s == y {
			return false
		}
	}
	return true
}

// laterCoverage is the least share of the lead's own coverage of the
// question a later passage must have to be shown beside it.
const laterCoverage = 0.5

// answerReply lays out the answer: the lead first, then the next best
// sentences (those that hold an answer too, when the lead does).
func (e *Engine) answerReply(qu *query, shown []*choice, sure bool) Reply {
	c := newCiter(e)
	r := Reply{Kind: KindAnswer, Title: clip(qu.q.Text, 120), Confident: sure}
	sec := Section{Heading: "From the articles"}
	lead := shown[0]
	for _, k := range shown {
		it := Item{Text: k.span.text, Source: c.cite(k.w.doc.ID), Date: k.w.doc.date()}
		if sure {
			it.Mark = k.span.mark
		}
		sec.Items = append(sec.Items, it)
	}
	who := lead.w.doc.Meta.Publisher
	if who == "" {
		who = lead.w.doc.Meta.Title
	}
	if d := lead.w.doc.date(); d != "" {
		who += ", " + d
	}
	if sure {
		r.Summary = fmt.Sprintf("%s, according to %s.", lead.span.answer, who)
	} else {
		r.Summary = fmt.Sprintf("No sure answer; the closest passages follow, the first from %s.", who)
	}
	r.Sections = []Section{sec}
	r.Sources = c.sources
	return r
}

// shownChoices are the passages an answer shows: the lead, then those
// that hold the question's words as it does (and an answer, when it
// holds one), two an article at most.
func shownChoices(kept []*choice) []*choice {
	lead := kept[0]
	needMark := lead.span.answer != ""
	perDoc := map[*document]int{}
	var shown []*choice
	for _, k := range kept {
		if len(shown) == maxAnswers {
			break
		}
		if perDoc[k.w.doc] == 2 || (len(shown) > 0 && (k.w.ctxCov < minCoverage || k.w.cov < laterCoverage*lead.w.cov)) {
			continue // a later passage shares the question's words, not only its article's
		}
		if len(shown) > 0 && needMark && k.span.answer == "" {
			continue
		}
		perDoc[k.w.doc]++
		shown = append(shown, k)
	}
	return shown
}

// otherFigures are the values of the lead's unit that the other passages
// shown give, when the question asks for a figure: sources that disagree.
func otherFigures(qu *query, shown []*choice) []string {
	if !isFigureType(qu.q.Type) {
		return nil
	}
	lead := shown[0]
	var others []string
	for _, o := range shown[1:] {
		if o.span.unit == lead.span.unit && o.span.mark != "" && o.span.value != lead.span.value &&
			o.span.value != 0 && !slices.Contains(others, o.span.mark) {
			others = append(others, o.span.mark)
		}
	}
	return others
}

// isFigureType reports a question answered by a figure.
func isFigureType(t question.Type) bool {
	return t == question.Number || t == question.Money || t == question.Percentage
}

// typedLeadShare is how far below the best sentence one that holds what
// the question asks for may rank and still lead.
const typedLeadShare = 0.4

// promoteTyped puts first the best sentence that holds what the question
// asks for (a reason only with a cue that is no time: "because", not
// "after"), (a date for when, a figure for how many, a list for which
// ones, in a passage that says as much: lists are common), when it ranks close
// enough to the best: a sentence with the question's words and no answer
// is a poor lead.
func promoteTyped(q question.Question, kept []*choice) {
	if q.Type == question.Any || kept[0].span.answer != "" {
		return
	}
	for i, c := range kept {
		if i == leadDepth || c.score < typedLeadShare*kept[0].score {
			return
		}
		if c.span.answer != "" && c.w.ctxCov >= minCoverage && (q.Type != question.Reason || c.span.fit >= sureFit) &&
			(q.Type != question.List || c.w.ctxCov >= kept[0].w.ctxCov) {
			copy(kept[1:i+1], kept[:i])
			kept[0] = c
			return
		}
	}
}

// leadFitFloor is what a ranked sentence's score counts for in choosing
// the lead when what it holds fits the type asked not at all; a perfect
// fit counts it whole.
const leadFitFloor = 0.5

// leadWithoutVerb is what the weight of a lead keeps when its sentence
// lacks the verb a who- or what-question asks about.
const leadWithoutVerb = 0.8

// leadPredicateFloor is what a sentence's weight as a lead keeps when it
// holds none of what the question asks about its subject.
const leadPredicateFloor = 0.4

// leadByFit puts first, of the sentences that hold an answer, the one
// whose score and fit to the type asked are best together: an
// organisation named where a person is asked, or a vague "this year"
// where a date is, should not lead a sentence that names the person or
// the date.
func leadByFit(qu *query, kept []*choice) {
	q := qu.q
	if q.Type == question.Any || q.Type == question.List || q.Type == question.Reason {
		return // a list or a reason is judged by its passage, not by a span's fit
	}
	weigh := func(c *choice) float64 {
		w := c.score * (leadFitFloor + (1-leadFitFloor)*c.span.fit)
		if g := qu.verbGroup; g >= 0 && (g >= len(c.span.said) || !c.span.said[g]) {
			w *= leadWithoutVerb // "who replaced X": a sentence about X that replaces no one
		}
		// "when was Wenger fined": a date in a sentence about Wenger's
		// contract answers another question.
		return w * (leadPredicateFloor + (1-leadPredicateFloor)*qu.predicateCoverage(c.span.held))
	}
	best, top := 0, weigh(kept[0])
	if kept[0].span.answer == "" {
		// A sentence with no answer leads only when none that holds one
		// ranks close enough.
		best, top = 0, typedLeadShare*kept[0].score
	}
	for i, c := range kept[:min(len(kept), leadDepth)] {
		if c.span.answer != "" && c.w.ctxCov >= minCoverage && weigh(c) > top {
			best, top = i, weigh(c)
		}
	}
	if best > 0 {
		c := kept[best]
		copy(kept[1:best+1], kept[:best])
		kept[0] = c
	}
}

// sortChoices orders choices best first; ties go to corpus order.
func sortChoices(cs []*choice) {
	less := func(a, b *choice) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		if a.w.doc.ord != b.w.doc.ord {
			return a.w.doc.ord < b.w.doc.ord
		}
		return a.w.para*1000+a.w.sent < b.w.para*1000+b.w.sent
	}
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && less(cs[j], cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// repeatsChoice reports a choice whose text holds, or is held by, one
// already kept (a heading glued before the same sentence).
func repeatsChoice(kept []*choice, c *choice) bool {
	for _, k := range kept {
		if strings.Contains(k.key, c.key) || strings.Contains(c.key, k.key) {
			return true
		}
	}
	return false
}

// overview answers a question about the whole corpus: a year's articles
// ("what happened in 2021"), or the latest ("what's new", "summarise"),
// summarised as a digest summarises them.
func (e *Engine) overview(q question.Question) Reply {
	var docs []*document
	for i := len(e.byDate) - 1; i >= 0; i-- {
		d := e.byDate[i]
		if q.Year != 0 && d.Meta.Published.Year != q.Year {
			continue
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return Reply{Kind: KindNotFound, Title: clip(q.Text, 120),
			Summary: fmt.Sprintf("The corpus holds no article from %d. %s", q.Year, e.coverage())}
	}
	total := len(docs)
	stories := byStory(docs) // several outlets' reports of one event are summarised once
	shown := stories
	if len(shown) > defaultDigestLimit {
		shown = shown[:defaultDigestLimit]
	}
	c := newCiter(e)
	r := Reply{Kind: KindDigest, Title: clip(q.Text, 120)}
	for _, told := range shown {
		r.Sections = append(r.Sections, e.storySection(told, c))
	}
	switch {
	case q.Year != 0:
		r.Summary = fmt.Sprintf("%s from %d", plural(total, "article", "articles"), q.Year)
	default:
		r.Summary = fmt.Sprintf("The corpus holds %s, %s", plural(total, "article", "articles"), e.span())
	}
	unit := ""
	if len(stories) < total {
		r.Summary += ", telling " + plural(len(stories), "story", "stories")
		unit = " stories"
	}
	if len(stories) > len(shown) {
		r.Summary += fmt.Sprintf("; the %d most recent%s are summarised.", len(shown), unit)
	} else {
		r.Summary += ", summarised."
	}
	r.Sources = c.sources
	return r
}
