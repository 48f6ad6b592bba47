package briefings

import (
	"iter"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/internal/lazyre"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/question"
	"github.com/briefbot/briefbot/briefings/search"
	"github.com/briefbot/briefbot/briefings/wordnet"
)

// span is what answers a question in a ranked sentence.
type span struct {
	// text is the passage shown: the sentence, with the next one when
	// that completes the answer, or the list a colon introduces.
	text string
	// mark is the part of text that answers, empty when none does.
	mark string
	// answer is what the summary states: the mark, or the name a pronoun
	// in the mark stands for.
	answer string
	// fit (0 to 1) says how well the span answers the type asked for.
	fit float64
	// held are the question's word groups the shown sentences hold.
	held  []bool
	unit  string  // the unit of a marked figure
	value float64 // the value of a marked figure
	// said are the question's word groups the sentence that writes the
	// answer holds: the ranked sentence's, or the next one's when the
	// answer is read there.
	said []bool
	// inferred is set when the answer is not written but inferred: the
	// person a pronoun stands for.
	inferred bool
}

// answerIn finds the answer to the question in a ranked sentence, or in
// the next one when the sentence leads into it.
func (e *Engine) answerIn(qu *query, w *window) span {
	para := w.doc.Paragraphs[w.para]
	s := span{text: w.doc.sentence(w.para, w.sent), held: w.held, said: w.held}
	c := &scored{doc: w.doc, para: w.para, sent: w.sent, text: s.text}
	e.findSpan(qu, c, &s)
	if qu.q.Type == question.Reason && s.fit < 1 {
		if r, ok := e.reasonAfter(qu, w, s); ok {
			return r
		}
	}
	next := w.sent + 1
	listLead := strings.HasSuffix(strings.TrimSpace(s.text), ":")
	if next >= len(para.Sentences) {
		if listLead && s.mark == "" {
			listAfter(w.doc, w.para, &s) // what the colon leads into answers, unless the sentence does
		}
		return s
	}
	if s.mark == "" && s.answer == "" || listLead {
		nc := &scored{doc: w.doc, para: w.para, sent: next, text: para.Sentence(next)}
		var ns span
		ns.text = nc.text
		if qu.q.Type != question.Any {
			e.findSpan(qu, nc, &ns)
		}
		if ns.mark != "" || ns.answer != "" || listLead {
			ns.text = s.text + " " + ns.text
			_, nh := qu.matchSentence(nc.text, e.termFreq(nc.text))
			ns.said = nh
			ns.held = orGroups(append([]bool(nil), w.held...), nh)
			// An answer a sentence on is less sure, but for a person the
			// sentence names by description ("The former Portsmouth boss
			// replaces Steve Wigley").
			if qu.q.Type == question.Person || qu.q.Type == question.Organisation {
				ns.fit *= 0.9
			} else {
				ns.fit *= 0.5
			}
			return ns
		}
	}
	return s
}

// findSpan marks what the question asks for in one sentence.
func (e *Engine) findSpan(qu *query, c *scored, s *span) {
	q := qu.q
	switch q.Type {
	case question.Person, question.Organisation:
		e.nameSpan(qu, c, s)
	case question.Date:
		dateSpan(qu, c, s)
	case question.Number, question.Money, question.Percentage:
		e.figureSpan(qu, c, s)
	case question.Reason:
		reasonSpan(c.text, s)
	case question.Place:
		placeSpan(qu, c, s)
	case question.Title:
		titleSpan(qu, c.text, s)
		if s.mark == "" {
			titleByForm(qu, c, s)
		}
	case question.List:
		listSpan(c.text, s)
	}
	if s.answer == "" {
		s.answer = s.mark
	}
}

// namedIn reports a name any of whose words the question uses: the
// question's subject is never its answer.
func (qu *query) namedIn(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) > 1 && qu.named[w] {
			return true
		}
	}
	return false
}

// namesPerson reports a person the question names, by a word of the name
// as written or of their full name, unless the question names another
// person of the article who shares that word: "anil ambani's brother" does
// not name Mukesh Ambani.
func (qu *query) namesPerson(d *document, mention string, p *profile) bool {
	if !qu.namedIn(mention) && !qu.namedIn(p.Name) {
		return false
	}
	first := strings.ToLower(strings.Fields(p.Name)[0])
	if qu.named[first] {
		return true
	}
	low := strings.ToLower(qu.q.Text)
	for _, o := range d.profileAt {
		if o != p && o.Kind == people.Person && strings.Contains(o.Name, " ") && strings.Contains(low, strings.ToLower(o.Name)) {
			return false
		}
	}
	return true
}

// Limits of a list a colon brings from the paragraphs after it.
const (
	maxListParas = 6
	maxListBytes = 600
)

// listAfter adds to a span that ends with a colon the paragraphs after
// it that list what it leads into: bullets, or short lines.
func listAfter(d *document, para int, s *span) {
	var items []string
	n := 0
	for p := para + 1; p < len(d.Paragraphs) && len(items) < maxListParas; p++ {
		t := strings.TrimSpace(d.Paragraphs[p].Text)
		if t == "" || n+len(t) > maxListBytes && len(items) > 0 {
			break
		}
		items = append(items, t)
		n += len(t)
		if !strings.HasPrefix(t, "•") && !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "*") && len(items) == 1 && len(t) > 200 {
			break // prose, not a list: the first paragraph alone completes it
		}
	}
	if len(items) == 0 {
		return
	}
	s.text += " " + strings.Join(items, " ")
	s.mark, s.fit = strings.Join(items, " "), listFit
}

// listFit is the fit of a list: it answers, but a passage states it.
const listFit = 0.6

// listItem is one item of a list: a word or up to four.
const listItem = `[\p{L}\d.'’&-]+(?:\s+[\p{L}\d.'’&-]+){0,3}`

// listRe finds a list: what a dash leads into ("two new addresses -
// .mobi and .jobs", 1), three or more items joined by commas and "and" or
// "or" (2), or two names joined by "and" (3).
var listRe = lazyre.New(`(?:[–—]|\s-)\s+(` + listItem + `,?\s+(?:and|or)\s+` + listItem + `)` +
	`|(` + listItem + `(?:,\s+` + listItem + `)+,?\s+(?:and|or)\s+` + listItem + `)` +
	`|(` + capitalisedItem + `\s+and\s+` + capitalisedItem + `)`)

// capitalisedItem is a name in a list of two: "Leicester and Saracens".
const capitalisedItem = `\b[A-Z][\p{L}\d'’&-]+(?:\s+[A-Z][\p{L}\d'’&-]+){0,3}`

// listSpan marks the list a sentence gives: all a colon leads into, or
// the list listRe finds.
func listSpan(text string, s *span) {
	if i := strings.Index(text, ": "); i >= 0 {
		if rest := strings.TrimSpace(text[i+2:]); strings.Contains(rest, ",") || strings.Contains(rest, " and ") {
			s.mark, s.fit = strings.TrimRight(rest, "."), listFit
			return
		}
	}
	if m := listRe().FindStringSubmatch(text); m != nil {
		s.mark, s.fit = strings.TrimSpace(m[1]+m[2]+m[3]), listFit
	}
}

// nameSpan marks a person (or organisation) the sentence names and the
// question does not; a sentence that speaks of its subject by pronoun
// ("He will succeed ...") names the person the article last named.
func (e *Engine) nameSpan(qu *query, c *scored, s *span) {
	sp := c.doc.Paragraphs[c.para].Sentences[c.sent]
	wantOrg := qu.q.Type == question.Organisation
	bestFit, secondFit := -1.0, -1.0
	var best string
	var bestP *profile
	terms := qu.ownTerms()
	near := qu.offsets(c.text)
	start := c.textStart()
	var person [][2]int
	if wantOrg {
		person = qu.personOffsets(c)
	}
	for _, m := range c.doc.people.Mentions {
		if m.Para != c.para || m.Start < sp.Start || m.End > sp.End || !strings.Contains(c.text, m.Text) {
			continue
		}
		p := c.doc.profileAt[m.Key]
		if p == nil || qu.namesPerson(c.doc, m.Text, p) {
			continue
		}
		var f float64
		switch {
		case (p.Kind == people.Organisation) == wantOrg:
			f = 0.8
		case wantOrg:
			continue
		default:
			f = 0.5 // "who bought the brand": a company may be the answer
		}
		if p.Kind == people.Person {
			f += 0.2 * e.roleFit(p, terms, qu.q.Year)
		}
		if wantOrg && p.Kind == people.Organisation && besidePerson(m.Start-start, m.End-start, person) {
			f += orgBesidePerson
		}
		at := m.Start - start
		if at >= 0 && at <= len(c.text) {
			f += 0.05 * float64(proximityAt(at, min(len(c.text), at+len(m.Text)), near))
		}
		switch {
		case p == bestP:
			if f > bestFit || (f == bestFit && len(m.Text) > len(best)) {
				best, bestFit = m.Text, f
			}
		case f > bestFit:
			secondFit = bestFit
			best, bestFit, bestP = m.Text, f, p
		case f > secondFit:
			secondFit = f
		}
	}
	if bestFit >= 0 {
		s.mark, s.fit = best, min(1, bestFit)
		if bestP.Kind == people.Person && len(bestP.Name) > len(best) && strings.Contains(bestP.Name, best) {
			s.answer = bestP.Name // "Williams" written, "Serena Williams" stated
		}
		if secondFit >= bestFit-0.05 {
			s.fit *= 0.6 // two people fit as well: the sentence does not say which
		}
		return
	}
	if wantOrg {
		orgByForm(qu, c, s)
		return
	}
	if personByForm(qu, c, s) {
		return
	}
	if m, ok := pronounSubject(c); ok && !qu.namedIn(m.Text) {
		// Show the sentence that names them before the one that speaks
		// of them, so the mark is the name.
		if prev := c.sent - 1; prev >= 0 && m.Para == c.para {
			para := c.doc.Paragraphs[c.para]
			if i, _ := c.doc.sentenceAt(c.para, m.Start); i == prev {
				s.text = para.Sentence(prev) + " " + s.text
				s.mark, s.fit, s.inferred = m.Text, 0.6, true
				return
			}
		}
		s.answer, s.fit, s.inferred = c.doc.profileAt[m.Key].Name, 0.6, true
		s.mark = strings.Fields(c.text)[0]
	}
}

// personFormFit is the fit of a person known by the form of their name
// alone (two or three capitalised words the people found did not take for
// a name: "Fearne Cotton"): enough to lead, never to state in bold.
const personFormFit = 0.45

// personByForm marks a name by its form: the run of two or three
// capitalised words nearest the question's words, not one the question
// uses, and none the articles know as an organisation or a place.
func personByForm(qu *query, c *scored, s *span) bool {
	near := qu.offsets(c.text)
	best, bestProx := "", -1
	for _, loc := range capitalisedRe().FindAllStringIndex(c.text, -1) {
		words := strings.Fields(strings.TrimRight(c.text[loc[0]:loc[1]], ".’'"))
		if opensSentence(c.text, loc[0]) && len(words) == 3 {
			words = words[1:] // "American Taylor Dent caused ..."
		}
		if len(words) < 2 || len(words) > 3 {
			continue
		}
		name := strings.Join(words, " ")
		if wordnet.Common(words[0]) {
			continue // a name opens with a first name, not a common word: "Some Cities" is a title
		}
		if qu.namedIn(name) || slices.ContainsFunc(words, func(w string) bool {
			return notAName[strings.ToLower(w)] || !isNameWord(w) || len(search.Analyze(w)) == 0 // "Who's Your Daddy"
		}) ||
			knownNotPerson(c.doc, name) {
			continue
		}
		if prox := proximityAt(loc[0], loc[1], near); prox > bestProx {
			best, bestProx = name, prox
		}
	}
	if best == "" {
		return false
	}
	s.mark, s.fit = best, personFormFit
	return true
}

// isNameWord reports a word shaped like part of a name: a capital, then
// lower-case letters (an apostrophe or hyphen inside).
func isNameWord(w string) bool {
	for i, r := range w {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case i > 0 && !unicode.IsLower(r) && r != '\'' && r != '’' && r != '-':
			return false
		}
	}
	return len(w) > 1
}

// knownNotPerson reports a name the article's people know as an
// organisation or a place.
func knownNotPerson(d *document, name string) bool {
	_, other := knownAs(d, name)
	return other
}

// capitalisedRe finds a run of capitalised words ("Scissor Sisters", "the
// Mirror", "Jetstar").
var capitalisedRe = lazyre.New(`\b[A-Z][\p{L}\d&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\p{L}\d&'’.-]*)*`)

// orgFormFit is the fit of an organisation known by its form alone: a
// capitalised name that names no person; the directory knows it not.
const orgFormFit = 0.5

// orgByForm marks, when the directory knows no organisation in the
// sentence, the first capitalised name that is not the sentence's first
// word, names no person the article names, and is not in the question.
func orgByForm(qu *query, c *scored, s *span) {
	person := qu.personOffsets(c)
	for _, loc := range capitalisedRe().FindAllStringIndex(c.text, -1) {
		m := strings.TrimRight(c.text[loc[0]:loc[1]], ".’'")
		if qu.namedIn(m) || monthOrDay(m) || len(m) < 3 || namesPerson(c.doc, m) {
			continue
		}
		beside := besidePerson(loc[0], loc[0]+len(m), person)
		if loc[0] == 0 && !beside {
			continue // a sentence's first word, unless it qualifies the person asked about: "Scotsman journalist Hamish MacDonell"
		}
		if s.mark == "" || beside && s.fit < orgFormFit+orgBesidePerson {
			s.mark, s.fit = m, orgFormFit
			if beside {
				s.fit += orgBesidePerson
			}
		}
	}
}

// orgBesidePerson is what an organisation gains for standing beside the
// person a question names: "Paul Myers, chief executive of Wippit".
const orgBesidePerson = 0.2

// besidePersonReach is how far (in bytes) from a person's name an
// organisation stands beside them.
const besidePersonReach = 40

// personOffsets are where the people a question names stand in a
// sentence: the mentions of people the question names.
func (qu *query) personOffsets(c *scored) [][2]int {
	if c.para >= len(c.doc.Paragraphs) || c.sent >= len(c.doc.Paragraphs[c.para].Sentences) {
		return nil
	}
	sp := c.doc.Paragraphs[c.para].Sentences[c.sent]
	start := c.textStart()
	var out [][2]int
	for _, m := range c.doc.people.Mentions {
		if m.Para != c.para || m.Start < sp.Start || m.End > sp.End {
			continue
		}
		if p := c.doc.profileAt[m.Key]; p != nil && p.Kind == people.Person && qu.namesPerson(c.doc, m.Text, p) {
			at := m.Start - start
			out = append(out, [2]int{at, at + len(m.Text)})
		}
	}
	return out
}

// besidePerson reports a span within besidePersonReach bytes of one of
// the people's names.
func besidePerson(start, end int, person [][2]int) bool {
	for _, p := range person {
		if start >= p[1] && start-p[1] <= besidePersonReach || end <= p[0] && p[0]-end <= besidePersonReach {
			return true
		}
	}
	return false
}

// namesPerson reports a name that is, or is part of, a person the article
// names.
func namesPerson(d *document, name string) bool {
	person, _ := knownAs(d, name)
	return person
}

// knownAs reports whether the article's people know a name (or a mention
// it holds, or one that holds it) as a person, and as an organisation or
// a place.
func knownAs(d *document, name string) (person, other bool) {
	for _, m := range d.people.Mentions {
		if p := d.profileAt[m.Key]; p != nil && (strings.Contains(m.Text, name) || strings.Contains(name, m.Text)) {
			if p.Kind == people.Person {
				person = true
			} else {
				other = true
			}
		}
	}
	return person, other
}

// pronounSubject is the mention of the person a sentence opening with "He"
// or "She" speaks of: the last person the article named before it.
func pronounSubject(c *scored) (people.Mention, bool) {
	f := strings.Fields(c.text)
	if len(f) == 0 || (f[0] != "He" && f[0] != "She") {
		return people.Mention{}, false
	}
	sp := c.doc.Paragraphs[c.para].Sentences[c.sent]
	var last people.Mention
	found := false
	for _, m := range c.doc.people.Mentions {
		if m.Para > c.para || (m.Para == c.para && m.Start >= sp.Start) {
			continue
		}
		if p := c.doc.profileAt[m.Key]; p != nil && p.Kind == people.Person {
			last, found = m, true
		}
	}
	return last, found
}

// ownTerms are the analysed terms of the question's own words.
func (qu *query) ownTerms() []string {
	var out []string
	for _, t := range qu.terms {
		if t.weight == 1 {
			out = append(out, t.term)
		}
	}
	return out
}

// futureCue is a sentence that speaks of what is to come.
var futureCue = lazyre.New(`(?i)\b(?:will|would|shall|due|expected|expects?|set\s+to|plans?\s+to|planned|scheduled|starts?|begins?|comes?\s+into|come\s+into|take\s+effect|next|(?:from|until|by)\s+(?:the\s+end\s+of\s+|early\s+|mid-?|late\s+)?(?:\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|next|spring|summer|autumn|winter|the\s+end))\b`)

// dateSpan marks the most precise date of a sentence in the tense asked
// for, of two the one beside the question's words; a date the question
// itself names ("in February") is no answer.
func dateSpan(qu *query, c *scored, s *span) {
	if !mayHoldDate(c.text) {
		return
	}
	ms := dateRe().FindAllStringIndex(c.text, -1)
	future := qu.q.Future && futureCue().MatchString(c.text)
	pub := c.doc.Meta.Published.Year
	thisYear := strings.Contains(strings.ToLower(qu.q.Text), "this year")
	var near []int
	if len(ms) > 1 {
		near = qu.offsets(c.text)
	}
	bestRank := 0.0
	tied := false
	bestNear, otherNear := -1, -1 // how near the question's words the chosen date and the nearest other stand
	for _, loc := range ms {
		m := c.text[loc[0]:loc[1]]
		if qu.namedIn(m) {
			continue
		}
		sp := dateSpecificity(m)
		if sp == 0 {
			continue
		}
		if y := yearQ().FindString(m); y != "" && pub != 0 && (qu.q.Future && atoiSafe(y) < pub || thisYear && atoiSafe(y) != pub) {
			continue // a past year answers no "when will", another year no "this year"
		}
		prox := proximityAt(loc[0], loc[1], near)
		rank := sp + float64(prox)
		if qu.asksBefore(c.text[:loc[0]]) {
			rank += 3 // "run until" asked, "until June 11, 2026" written
			prox += 3
		}
		if qu.q.Future && !future {
			rank /= 2
		}
		switch {
		case rank > bestRank:
			if s.mark != "" {
				otherNear = max(otherNear, bestNear)
			}
			s.mark, bestRank, tied, bestNear = m, rank, false, prox
			s.fit = min(1, sp/3)
			if qu.q.Future && !future {
				s.fit /= 2
			}
		case rank == bestRank && m != s.mark:
			tied = true
		default:
			otherNear = max(otherNear, prox)
		}
	}
	if tied || otherNear >= bestNear && otherNear >= 0 {
		// Two dates fit as well, or the chosen one stands no nearer the
		// question's words than another: precision alone chose it.
		s.fit = min(s.fit, 0.5)
	}
}

// asksBefore reports text whose last word is one the question uses
// ("until", "since", "from").
func (qu *query) asksBefore(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(f[len(f)-1], ",;:("))
	for _, qw := range strings.Fields(strings.ToLower(qu.q.Text)) {
		if strings.Trim(qw, "?!.,") == w && (w == "until" || w == "since" || w == "from" || w == "till" || w == "by" || w == "before" || w == "after") {
			return true
		}
	}
	return false
}

func atoiSafe(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return n
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// offsets are where the question's own words stand in a sentence.
func (qu *query) offsets(text string) []int {
	var out []int
	for o := range qu.wordHits(strings.ToLower(text), false) {
		out = append(out, o)
	}
	return out
}

// wordHits yields the offset and length of each place the question's own
// words (of three bytes or more) stand in low, a lower-cased sentence;
// with skipNames, the words that name someone or something (a person, a
// place the articles write capitalised) are passed over.
func (qu *query) wordHits(low string, skipNames bool) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for g, ns := range qu.needles {
			if skipNames && qu.names(g) {
				continue
			}
			for at, n := range occurrences(low, ns) {
				if !yield(at, n) {
					return
				}
			}
		}
	}
}

// nearerName reports a capitalised name, not the answer's and not one the
// question uses, that stands nearer than the answer to the question's
// words that name no one (what is asked about the subject): the sentence
// may well answer with that name, which the people found did not catch.
func (qu *query) nearerName(s span) bool {
	at := strings.Index(s.text, s.mark)
	if s.mark == "" || at < 0 || !qu.hasPredicate() {
		return false
	}
	var hits []int
	for o, n := range qu.wordHits(strings.ToLower(s.text), true) {
		hits = append(hits, o, o+n)
	}
	if len(hits) == 0 {
		return false
	}
	dist := func(start, end int) int {
		best := -1
		for _, h := range hits {
			d := 0
			switch {
			case h < start:
				d = start - h
			case h > end:
				d = h - end
			}
			if best < 0 || d < best {
				best = d
			}
		}
		return best
	}
	answer := dist(at, at+len(s.mark))
	for _, loc := range capitalisedRe().FindAllStringIndex(s.text, -1) {
		name := s.text[loc[0]:loc[1]]
		if loc[1] > at && loc[0] < at+len(s.mark) || strings.Contains(s.mark, name) || strings.Contains(s.answer, name) ||
			qu.namedIn(name) || qu.initialsOf(name) || opensSentence(s.text, loc[0]) || notAName[strings.ToLower(name)] {
			continue
		}
		if dist(loc[0], loc[1]) < answer {
			return true
		}
	}
	return false
}

// passiveRe finds a passive verb phrase's auxiliary just before the verb:
// "was replaced", "has been beaten".
var passiveRe = lazyre.New(`(?i)\b(?:was|were|been|being|is|are|be|got|get|gets)\s+(?:\w+ly\s+)?$`)

// doerOfVerb reports an answer that stands where the doer of the verb a
// who-question asks about stands ("who beat Hewitt": before "beat", or
// after "was beaten by"), or a sentence where that verb is not written as
// such. An answer written as the verb's object is another question's.
func (qu *query) doerOfVerb(s span) bool {
	g := qu.verbGroup
	at := strings.Index(s.text, s.mark)
	if g < 0 || s.mark == "" || at < 0 {
		return true
	}
	low := strings.ToLower(s.text)
	verb := -1
	for v := range occurrences(low, qu.needles[g]) {
		if verb < 0 || abs(v-at) < abs(verb-at) {
			verb = v
		}
	}
	if verb < 0 || verb > at || nounBefore().MatchString(low[:verb]) {
		return true // a noun ("the new chair of the IETF, Brian Carpenter") says nothing of order
	}
	// The answer follows the verb: its doer only in the passive, after
	// "by" ("was replaced as host by", "ArtGarden, developed by").
	by := strings.Index(low[verb:at], " by ")
	return by >= 0 && (by <= passiveReach || passiveRe().MatchString(s.text[:verb]))
}

// objectQuestionRe finds a question for whom someone did something to:
// "who did Agassi beat", "which club did he join".
var objectQuestionRe = lazyre.New(`(?i)^(?:who|whom|which\s+\w+|what\s+\w+)\s+(?:did|does|do|has|have|had|will|would|could|can)\s`)

// agentBefore finds "by" just before an answer, a few words of title
// between: "a defeat by world number one Jurgen Melzer".
var agentBefore = lazyre.New(`(?i)\bby\s+(?:\S+\s+){0,4}$`)

// agentForObject reports an answer to "who did X VERB" that the sentence
// introduces with "by": the one who did something to X, not the one X did
// it to.
func (qu *query) agentForObject(s span) bool {
	at := strings.Index(s.text, s.mark)
	if s.mark == "" || at < 0 || !objectQuestionRe().MatchString(qu.q.Text) {
		return false
	}
	return agentBefore().MatchString(s.text[:at])
}

// nounBefore finds a determiner or adjective just before a word, which
// makes the word a noun: "the new chair", "its founder".
var nounBefore = lazyre.New(`\b(?:the|a|an|its|his|her|their|our|new|former|current|acting|interim|joint|deputy|vice)\s+$`)

// passiveReach is how far (in bytes) "by" may follow a verb with no
// auxiliary before it and still make it passive: "developed by".
const passiveReach = 20

// initialsOf reports an acronym of the question's words: "IETF" for
// "internet engineering task force".
func (qu *query) initialsOf(name string) bool {
	if len(name) < 2 || strings.ToUpper(name) != name {
		return false
	}
	var initials strings.Builder
	for _, w := range qu.q.Words {
		initials.WriteByte(w[0])
	}
	return strings.Contains(strings.ToUpper(initials.String()), name)
}

// opensSentence reports a word at i that opens its sentence, where a
// capital says nothing.
func opensSentence(s string, i int) bool {
	j := strings.TrimRight(s[:i], " “\"'‘(")
	return j == "" || strings.ContainsAny(j[len(j)-1:], ".!?:")
}

// notAName are capitalised words that name no one.
var notAName = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "lord": true, "lady": true, "i": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// occurrences yields where each needle of three letters or more stands
// in a lower-cased text, with its length.
func occurrences(low string, needles []string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for _, n := range needles {
			if len(n) < 3 {
				continue
			}
			for i := 0; ; {
				j := strings.Index(low[i:], n)
				if j < 0 {
					break
				}
				if !yield(i+j, len(n)) {
					return
				}
				i += j + len(n)
			}
		}
	}
}

// proximityAt scores a span by how close the question's words stand to
// it: 2 within 20 bytes, 1 within 50.
func proximityAt(start, end int, near []int) int {
	if len(near) == 0 {
		return 0
	}
	best := 1 << 30
	for _, o := range near {
		d := o - end
		if o < start {
			d = start - o
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

// numberRe finds a number written in digits, with its multiplier.
var numberRe = lazyre.New(`\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|m|bn|k)\b)?(?:-\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of)\b`)

// figureSpan marks the figure that answers: money for "how much did it
// cost", a percentage for "what share", and for "how many pages" the
// number whose noun is "pages".
func (e *Engine) figureSpan(qu *query, c *scored, s *span) {
	q := qu.q
	unit := ""
	switch q.Unit {
	case question.DurationUnit:
		durationSpan(qu, c, s)
		return
	case question.AgeUnit:
		ageSpan(qu, c, s)
		return
	}
	change := q.Unit == question.ChangeUnit
	if q.Unit != "" && !change {
		if ts := search.Analyze(q.Unit); len(ts) > 0 {
			unit = ts[0]
		}
	}
	near := qu.offsets(c.text)
	bestScore := -1
	tied := false
	figs := c.figures()
	for _, f := range figs {
		fy := f.Year
		if fy == 0 {
			fy = c.doc.Meta.Published.Year
		}
		if q.Year != 0 && fy != 0 && fy != q.Year {
			continue // a figure of another year answers nothing about this one
		}
		switch q.Type {
		case question.Money:
			if f.Unit == "" || f.Unit == "%" {
				continue
			}
		case question.Percentage:
			if f.Unit != "%" {
				continue
			}
		}
		at := strings.Index(c.text, f.Text)
		if at < 0 || qu.namedIn(f.Text) {
			continue
		}
		score := proximityAt(at, at+len(f.Text), near)
		if unit != "" {
			if !e.countsUnit(f.Counts, c.text[at+len(f.Text):], unit) {
				continue
			}
			score += 3
		}
		if q.Year != 0 && f.Year == q.Year {
			score += 4
		}
		isChange := change && (f.Unit == "%" || changeBefore().MatchString(c.text[:at]))
		if isChange {
			score += 3 // "closed up 9%", "rose by 5,000": a change, not a level
		}
		switch {
		case score > bestScore:
			bestScore, tied = score, false
			s.mark, s.unit, s.value, s.fit = f.Text, f.Unit, f.Value, 1
			if change && !isChange {
				s.fit = changeLevelFit // "closing at 873p" is where shares stand, not how far they rose
			}
		case score == bestScore && f.Value != s.value:
			tied = true
		}
	}
	if tied {
		s.fit = 0.5 // two figures fit as well: the sentence does not say which
	}
	if s.mark != "" || q.Type != question.Number {
		return
	}
	// A number the figure reader left out: "a 200-page book", "18-17".
	for _, loc := range numberRe().FindAllStringIndex(c.text, -1) {
		m := c.text[loc[0]:loc[1]]
		if yearQ().MatchString(m) && len(strings.Trim(m, "0123456789")) == 0 || readFigure(figs, m) {
			continue // a year, or a figure judged above
		}
		if unit != "" && !e.countsUnit("", c.text[loc[1]:], unit) {
			continue
		}
		if unit == "" && !strings.Contains(m, "-") {
			continue // a bare number with nothing counted is a guess
		}
		s.mark, s.fit = m, 0.5 // read without its context: not sure
		return
	}
}

// durationRe finds a span of time: "18 months", "three years".
var durationRe = lazyre.New(`(?i)\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a\s+few)(?:[\s-]+(?:and\s+a\s+half\s+)?)(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\b`)

// changeLevelFit is the fit of a level where a change is asked for.
const changeLevelFit = 0.5

// changeBefore finds the words that put a change before a figure: "up",
// "rose by", "a fall of".
var changeBefore = lazyre.New(`(?i)\b(?:up|down|by|rose|fell|gained|lost|jumped|climbed|dropped|slipped|grew|increase\s+of|rise\s+of|fall\s+of|drop\s+of|jump\s+of)\s+(?:about\s+|almost\s+|nearly\s+|some\s+|more\s+than\s+)?$`)

// ageRe finds a person's age as news writes it: "the 29-year-old", "aged
// 27", "27 years old", "Kenteris, 31, won".
var ageRe = lazyre.New(`\b(\d{1,3})-year-old\b|\baged\s+(\d{1,3})\b|\b(\d{1,3})\s+years\s+old\b|,\s(\d{1,2}),\s`)

// peopleNouns are nouns an age in front of them ("the 29-year-old
// striker") makes a person's.
var peopleNouns = map[string]bool{"man": true, "woman": true, "boy": true, "girl": true, "player": true, "striker": true,
	"midfielder": true, "defender": true, "keeper": true, "goalkeeper": true, "forward": true, "winger": true, "singer": true,
	"actor": true, "actress": true, "star": true, "son": true, "daughter": true, "mother": true, "father": true, "student": true,
	"teenager": true, "youngster": true, "driver": true, "rider": true, "runner": true, "champion": true, "veteran": true,
	"mp": true, "minister": true, "boss": true, "manager": true, "coach": true, "captain": true, "athlete": true, "rapper": true}

// agedOne reports what follows "N-year-old" as a person: a name, a verb
// ("the 29-year-old finished"), a people noun ("striker"), or nothing.
func agedOne(after string) bool {
	f := strings.Fields(after)
	if len(f) == 0 {
		return true
	}
	w := strings.Trim(f[0], ",.;:'\"’”")
	if w == "" || !unicode.IsLower([]rune(w)[0]) || peopleNouns[w] {
		return true
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") || w == "will" || w == "said" || w == "has" || w == "had"
}

// ageSpan marks an age for "how old", the one nearest the question's
// words; two as near make it unsure.
func ageSpan(qu *query, c *scored, s *span) {
	near := qu.offsets(c.text)
	best := -1
	for _, m := range ageRe().FindAllStringSubmatchIndex(c.text, -1) {
		fit := 1.0
		for g := 1; g <= 4; g++ {
			if m[2*g] < 0 {
				continue
			}
			if g == 4 {
				fit = 0.8 // "Name, 31," is an age by custom, not by word
			}
			if g == 1 && !agedOne(c.text[m[1]:]) {
				fit = 0.3 // "a 40-year-old clip": the age of a thing
			}
			at, end := m[2*g], m[2*g+1]
			prox := proximityAt(at, end, near)
			switch {
			case prox > best:
				best = prox
				s.mark, s.fit = c.text[at:end], fit
			case prox == best && c.text[at:end] != s.mark:
				s.fit = min(s.fit, 0.5) // two ages as near: the sentence does not say whose
			}
		}
	}
}

// durationSpan marks a span of time for "how long".
func durationSpan(qu *query, c *scored, s *span) {
	for _, m := range durationRe().FindAllString(c.text, -1) {
		if qu.namedIn(m) {
			continue
		}
		s.mark, s.fit = m, 0.8
		return
	}
}

// readFigure reports a number the figure reader found.
func readFigure(figs []*figures.Figure, m string) bool {
	for _, f := range figs {
		if strings.Contains(f.Text, m) {
			return true
		}
	}
	return false
}

// countsUnit reports a figure that counts the unit asked about: in what
// the figure reader says it counts, or in the words right after it ("76,200
// staff", "a 200-page book").
func (e *Engine) countsUnit(counts, after, unit string) bool {
	for _, t := range search.Analyze(counts) {
		if t == unit {
			return true
		}
	}
	after = strings.TrimLeft(after, "- ")
	words := strings.Fields(after)
	if len(words) > 3 {
		words = words[:3]
	}
	for _, t := range search.Analyze(strings.Join(words, " ")) {
		if t == unit || strings.HasPrefix(t, unit) || strings.HasPrefix(unit, t) && len(t) >= 4 {
			return true
		}
	}
	return false
}

// reasonRe, matched against lower-case text, finds the clause that gives a reason.
var reasonRe = lazyre.New(`\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|thanks\s+to|blamed|blames|blaming|after|following|amid|over\s+(?:concerns?|fears?|claims?)|in\s+protest|in\s+order\s+to|so\s+that|caused\s+by|the\s+reason|the\s+result\s+of|hit\s+by|dragged\s+down\s+by|driven\s+by|fuelled\s+by)\b[^.;]*`)

// reasonReach is how many sentences after the one that holds a
// why-question's words its reason may be given.
const reasonReach = 2

// reasonAfter finds the reason a sentence does not give in the sentences
// after it: a clear cause ("because", "due to"), in a sentence that
// speaks of the question's subject ("Reports suggest he left because
// ..."). The sentences between are left out.
func (e *Engine) reasonAfter(qu *query, w *window, s span) (span, bool) {
	para := w.doc.Paragraphs[w.para]
	for i := w.sent + 1; i < len(para.Sentences) && i <= w.sent+reasonReach; i++ {
		t := para.Sentence(i)
		var r span
		reasonSpan(t, &r)
		if r.fit < 1 || !qu.speaksOf(t) {
			continue
		}
		sep := " "
		if i > w.sent+1 {
			sep = " … "
		}
		_, nh := qu.matchSentence(t, e.termFreq(t))
		r.text = s.text + sep + t
		r.answer = r.mark
		r.said = nh
		r.held = orGroups(append([]bool(nil), s.held...), nh)
		r.fit *= 0.5 // a sentence on: less sure
		return r, true
	}
	return s, false
}

// speaksOf reports a sentence that speaks of the question's subject: by
// a pronoun or description, or by one of its names.
func (qu *query) speaksOf(text string) bool {
	if refersRe().MatchString(text) {
		return true
	}
	for g, h := range qu.holds(text) {
		if h && qu.nameGroups[g] {
			return true
		}
	}
	return false
}

// reasonSpan marks the reason a sentence gives, clause first.
func reasonSpan(text string, s *span) {
	// The pattern is matched in lower case: a case-folding one is several
	// times slower, and why-questions read many sentences.
	low := strings.ToLower(text)
	if len(low) != len(text) {
		low = text // case mapping changed the length: offsets would not align
	}
	loc := reasonRe().FindStringIndex(low)
	if loc == nil {
		return
	}
	m := text[loc[0]:loc[1]]
	if i := strings.IndexAny(m, "\"“”"); i > 0 {
		m = m[:i] // the clause ends where a quotation does
	}
	m = strings.TrimRight(m, ` ,'`)
	cue := strings.ToLower(strings.Fields(m)[0])
	s.mark = m
	switch {
	case inQuotation(text, loc[0]):
		s.fit = 0.4 // a reason someone gives in passing is not the answer
	case cue == "after" || cue == "following" || cue == "amid":
		s.fit = 0.5 // also a time: not sure alone
	default:
		s.fit = 1
	}
}

// inQuotation reports an offset inside a quotation: an odd number of quote
// marks before it.
func inQuotation(text string, at int) bool {
	n := strings.Count(text[:at], "\"") + strings.Count(text[:at], "“") + strings.Count(text[:at], "”")
	return n%2 == 1
}

// placeRe finds a capitalised place after a preposition of place.
var placeRe = lazyre.New(`\b(?:in|at|from|to|near|into|outside)\s+((?:the\s+)?[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,3})`)

// placeSpan marks a place the sentence names and the question does not;
// it fits when its preposition is the question's ("where is the band
// from": "from Leicester", not "in Rutland").
func placeSpan(qu *query, c *scored, s *span) {
	asked := strings.Fields(strings.ToLower(qu.q.Text))
	near := qu.offsets(c.text)
	bestProx := -1
	consider := func(p string, at, end int, fit float64) {
		if qu.namedIn(p) || monthOrDay(p) || namesPerson(c.doc, p) {
			return // "from Tony Blair" is no place
		}
		if isDemonym(p) {
			// "on to British territory": the adjective and its noun are the place
			next := strings.Fields(c.text[end:])
			if len(next) == 0 || !unicode.IsLower([]rune(next[0])[0]) {
				return
			}
			noun := strings.TrimRight(next[0], ".,;:\"'”’")
			p, end = p+" "+noun, end+1+len(noun)
		}
		prox := proximityAt(at, end, near)
		if fit > s.fit || fit == s.fit && prox > bestProx {
			s.mark, s.fit, bestProx = p, fit, prox
		}
	}
	for _, m := range placeRe().FindAllStringSubmatchIndex(c.text, -1) {
		fit := 0.45
		prep := strings.ToLower(strings.Fields(c.text[m[0]:m[1]])[0])
		for _, w := range asked {
			if strings.Trim(w, "?!.,") == prep {
				fit = 0.7
			}
		}
		consider(c.text[m[2]:m[3]], m[2], m[3], fit)
	}
	for _, m := range basedRe().FindAllStringSubmatchIndex(c.text, -1) {
		p := c.text[m[2]:m[3]]
		if rest, ok := strings.CutPrefix(p, "The "); ok {
			p = rest // the sentence's first word
		}
		consider(p, m[3]-len(p), m[3], 0.7) // "the San Francisco-based laboratory"
	}
}

// basedRe finds a place named as where something is based: "the San
// Francisco-based Balco laboratory".
var basedRe = lazyre.New(`\b([A-Z][\p{L}'’]+(?:\s+[A-Z][\p{L}'’]+){0,2})-based\b`)

// monthOrDay reports a name that is a month or a weekday.
func monthOrDay(s string) bool {
	w := strings.Fields(s)[0]
	for _, d := range dateWords[:12] {
		if w == d {
			return true
		}
	}
	return strings.HasSuffix(w, "day") && len(w) <= 9
}

// titleRe finds the name of a thing: capitalised or quoted words after
// called, named, entitled, released as (1, 2); a quoted title (3); the
// capitalised name after the kind of work ("horror film Critters 3", 4);
// a capitalised name set off after a noun ("The technology, OMAP-Vox,", 5).
var titleRe = lazyre.New(`(?i:\b(?:called|named|entitled|titled|dubbed|(?:released|known|billed|renamed|retitled|sold|marketed|branded)\s+as))\s+(?:[“"]([^”"]{2,150})[”"]|((?:[A-Z0-9][\p{L}\d'’:!.&-]*\s*){1,6}))` +
	`|[“"]([^”"]{3,80})[”"]` +
	`|\b(?:film|movie|album|song|single|novel|book|play|musical|show|series|sitcom|drama|comedy|documentary|game|programme|report|opera|website|device|phone|console|chip|brand|model|car)\s+((?:[A-Z0-9][\p{L}\d'’:!&-]*\s*){1,5})` +
	`|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa])\s+(?:new\s+)?\p{Ll}+,\s+([A-Z][\p{L}\d'’-]*(?:\s+[A-Z0-9][\p{L}\d'’-]*){0,3}),`)

// titleFormFit is the fit of a name of a thing known by its capitals
// alone ("The Aviator will win"): enough to lead, never to state.
const titleFormFit = 0.4

// titleByForm marks, where no cue names a title, the run of capitalised
// words nearest the question's words that the question does not use and
// the articles do not know as a person, a place or an organisation.
func titleByForm(qu *query, c *scored, s *span) {
	near := qu.offsets(c.text)
	bestProx := -1
	for _, loc := range capitalisedRe().FindAllStringIndex(c.text, -1) {
		name := strings.TrimRight(c.text[loc[0]:loc[1]], ".’'")
		if opensSentence(c.text, loc[0]) && len(strings.Fields(name)) == 1 {
			continue // a sentence's first word
		}
		if strings.HasSuffix(name, "'s") || strings.HasSuffix(name, "’s") {
			continue // an owner ("Porsche's 911"), not the thing's name
		}
		if qu.namedIn(name) || notAName[strings.ToLower(name)] || isDemonym(name) || monthOrDay(name) {
			continue
		}
		if person, other := knownAs(c.doc, name); person || other {
			continue
		}
		if prox := proximityAt(loc[0], loc[1], near); prox > bestProx {
			s.mark, s.fit, bestProx = name, titleFormFit, prox
		}
	}
}

// titleCased reports a short text whose words of four letters or more
// are capitalised, as titles are: "Maria Full of Grace", not "we will win".
func titleCased(t string) bool {
	f := strings.Fields(t)
	if len(f) > 8 {
		return false
	}
	for _, w := range f {
		r := []rune(w)
		if len(r) >= 4 && !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) {
			return false
		}
	}
	return true
}

// Fits of a title: named as one ("a film called Ray") over a title by
// its form (quoted in title case, or after the kind of work), which a
// slogan or another name may have too.
const (
	titleNamedFit = 0.9
	titleShapeFit = 0.7
)

// titleSpan marks a title the question does not name, a named one first.
func titleSpan(qu *query, text string, s *span) {
	for _, m := range titleRe().FindAllStringSubmatch(text, -1) {
		t, fit := "", 0.0
		switch {
		case m[1] != "" || m[2] != "":
			t, fit = m[1]+m[2], titleNamedFit
		case m[3] != "" && titleCased(m[3]):
			t, fit = m[3], titleShapeFit
		case m[4] != "" || m[5] != "":
			t, fit = m[4]+m[5], titleShapeFit
		}
		t = strings.TrimRight(strings.TrimSpace(t), ".,;:")
		if t == "" || fit <= s.fit || qu.namedIn(t) && len(strings.Fields(t)) == 1 {
			continue
		}
		s.mark, s.fit = t, fit
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
