package people

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/briefings/text"
)

// extractor holds the state of one article's extraction.
type extractor struct {
	doc        *text.Doc
	paras      []*paragraph
	cands      []*cand
	orgs       []*cand
	given      wordSet // first names learnt from this article's confident names
	ents       []*Entity
	byFull     map[string]*Entity
	lowerWords wordSet // words the article writes in lower case, built when first needed
	spoken     wordSet // single capitalised words a speech verb goes with: "said Kujda"
	// foldCache holds the folded words of entity names.
	foldCache map[*Entity]foldedName
}

type position struct{ para, off int }

func (p position) before(q position) bool {
	return p.para < q.para || (p.para == q.para && p.off < q.off)
}

func newExtractor(d *text.Doc) *extractor {
	x := &extractor{doc: d, given: wordSet{}, spoken: wordSet{}, byFull: map[string]*Entity{}, foldCache: map[*Entity]foldedName{}}
	for i, p := range d.Paragraphs {
		x.paras = append(x.paras, newParagraph(i, p))
	}
	return x
}

func (x *extractor) isGiven(t token) bool {
	return t.word && t.upper && !t.allCaps && (givenNames[t.lower] || x.given[t.lower])
}

// run is the whole pipeline for one article.
func (x *extractor) run() *DocResult {
	for _, pp := range x.paras {
		for _, ch := range chains(pp.toks) {
			x.scan(pp, ch.i, ch.j)
		}
	}
	for _, pp := range x.paras {
		x.scanLists(pp)
	}
	x.buildEntities()
	x.dropWorks()
	for _, pp := range x.paras {
		for _, ch := range chains(pp.toks) {
			x.scanKnown(pp, ch.i, ch.j)
		}
	}
	x.linkShort()
	x.dropWorks()
	for _, pp := range x.paras {
		for _, ch := range chains(pp.toks) {
			x.scanOrg(pp, ch.i, ch.j)
		}
	}
	return x.result()
}

// scan looks for a person's name in tokens [a, b) of a capitalised chain.
func (x *extractor) scan(pp *paragraph, a, b int) {
	toks := pp.toks
	for a < b && !isHonorific(toks[a]) && (isStop(toks[a]) || isDay(toks[a]) || (isMonth(toks[a]) && !x.isGiven(toks[a])) || originWord(toks[a])) {
		if isInitial(toks[a]) && a+1 < b && x.listContext(pp, a) {
			break // "A Craig" in a team sheet
		}
		if x.isGiven(toks[a]) && !toks[a].sentStart && a+1 < b && nameLike(toks[a+1]) {
			break // "Will Young" inside a sentence
		}
		a++
	}
	if a >= b {
		return
	}
	// 1. An honorific: "Mr Alegre", "M. Bernard Cazeneuve", "Lord Kinnock".
	for h := a; h < b-1; h++ {
		if !isHonorific(toks[h]) || !nameLike(toks[h+1]) {
			continue
		}
		e := x.extend(toks, h+1, b)
		c := &cand{para: pp, hon: h, i: h + 1, j: e, ev: evHonorific, gender: honorifics[toks[h].lower]}
		x.accept(c)
		x.scan(pp, e, b)
		return
	}
	// 2. A capitalised title inside the chain: "Prime Minister Tony Blair".
	for t := b - 2; t >= a; t-- {
		tk := toks[t]
		if !tk.upper || !isTitleHead(tk) || tk.poss || !nameLike(toks[t+1]) {
			continue
		}
		if t == a && x.isGiven(tk) {
			break // "Dean Boyd" is a name, not a dean
		}
		e := x.extend(toks, t+1, b)
		if e < b && (isOrgWord(toks[e]) || isTitleHead(toks[e])) {
			break // "General Motors Corporation", "Deputy Prime Minister"
		}
		if e-(t+1) == 1 && (!preNameTitles[tk.lower] || nameSuffixes[toks[t+1].lower]) {
			break // "Premier Rugby", "King Jnr"
		}
		if !(x.isGiven(toks[t+1]) || (!pp.heading && x.allNameLike(toks, t+1, e))) {
			break // "General Election Campaign"
		}
		c := &cand{para: pp, hon: -1, i: t + 1, j: e, ev: evTitle}
		if x.accept(c) {
			x.scan(pp, e, b)
			return
		}
		break
	}
	// 3. A suffix title: "Paul Boateng MP".
	if b-a >= 3 && toks[b-1].allCaps && isTitleHead(toks[b-1]) {
		c := &cand{para: pp, hon: -1, i: a, j: b - 1, after: b, ev: evTitle}
		c.roles = []Role{{Title: toks[b-1].text, Para: pp.idx, Sent: sentenceIndex(pp, toks[a].start)}}
		if x.allNameLike(toks, a, b-1) && x.accept(c) {
			return
		}
	}
	// 4. A known first name: "Yvette Cooper", "Lords Neil Kinnock" (a
	// headline glued to its first sentence).
	for g := a; g < b-1; g++ {
		if !x.isGiven(toks[g]) || !(nameLike(toks[g+1]) || (g+2 < b && nameParticles[toks[g+1].lower] && nameLike(toks[g+2]))) {
			continue
		}
		e := x.extend(toks, g+1, b)
		if e < b && isOrgWord(toks[e]) {
			return // "James Brown Foundation"
		}
		c := &cand{para: pp, hon: -1, i: g, j: e, ev: evGiven}
		if x.accept(c) {
			x.scan(pp, e, b)
			return
		}
		break
	}
	// 5. Initials and a surname: "J. K. Rowling", or in a list without
	// periods: "C Paterson; S Webster, A Craig".
	if isInitial(toks[a]) && (toks[a].dot || x.listContext(pp, a)) {
		k := a
		for k < b && isInitial(toks[k]) {
			k++
		}
		if k < b && k+1 < b && nameParticles[toks[k].lower] && !toks[k].upper {
			k++ // "R de Marigny"
		}
		if k < b && k-a <= 3 && nameLike(toks[k]) && !isInitial(toks[k]) {
			e := x.extend(toks, k, b)
			c := &cand{para: pp, hon: -1, i: a, j: e, ev: evInitial}
			if (toks[a].dot || x.listEnd(pp, e)) && x.accept(c) {
				x.scan(pp, e, b)
				return
			}
		}
	}
	// Two initials run together before a surname: "JK Rowling", "PJ
	// O'Rourke"; not an acronym the article uses on its own ("BT") nor a
	// common word after one ("EA Sports").
	if b-a == 2 && isInitial(toks[a]) && toks[a].allCaps && !toks[a].dot && nameLike(toks[a+1]) && !toks[a+1].allCaps &&
		!isEnglishWord(toks[a+1].lower) && !isPlace(toks[a+1]) && !isOrgWord(toks[a+1]) && !x.usedAlone(toks[a].lower, true) &&
		!innerCapital(toks[a+1].text) && (b == len(toks) || toks[b].text != "&") && (a == 0 || !toks[a-1].poss) {
		if x.accept(&cand{para: pp, hon: -1, i: a, j: b, ev: evGiven}) {
			return
		}
	}
	// 6. Anything else needs its context: a title before it, an apposition
	// after it, a speech verb, a signature line.
	for b-a >= 3 && (isDemonym(toks[a]) || isPlace(toks[a])) {
		a++ // "Australian Lynton Crosby told ..."
	}
	if b-a <= 4 && x.allNameLike(toks, a, b) && !toks[a].allCaps {
		c := &cand{para: pp, hon: -1, i: a, j: b}
		x.accept(c)
	}
}

// originWord reports a word that says where someone is from: "York-born",
// "London-based".
func originWord(t token) bool {
	for _, suf := range []string{"-born", "-based", "-bred", "-raised", "-educated"} {
		if strings.HasSuffix(t.lower, suf) {
			return true
		}
	}
	return false
}

// extend grows a name from token s while the words can belong to it:
// name-like words, particles ("van der Veer"), a first name that is also a
// title ("James Dean Bradfield"), a surname that is also a title ("Carole
// King", "John Major") and a suffix ("Jnr").
func (x *extractor) extend(toks []token, s, b int) int {
	e := s + 1
	for e < b {
		t := toks[e]
		switch {
		case nameLike(t) && !isHonorific(t):
		case nameParticles[t.lower] && !t.upper && e+1 < b:
		case x.isGiven(t) && e+1 < b && nameLike(toks[e+1]):
		case t.upper && surnameTitles[t.lower] && (e+1 == b || nameSuffixes[toks[e+1].lower]):
		case nameSuffixes[t.lower] && t.upper:
		default:
			return e
		}
		e++
	}
	return e
}

func (x *extractor) allNameLike(toks []token, a, b int) bool { return allNameLikeTokens(toks, a, b) }

// allNameLikeTokens reports whether tokens [a, b) can all be words of a
// person's name: no place, nationality, month or organisation word.
func allNameLikeTokens(toks []token, a, b int) bool {
	if a >= b {
		return false
	}
	for k := a; k < b; k++ {
		t := toks[k]
		if nameParticles[t.lower] && !t.upper && k > a && k < b-1 {
			continue
		}
		if !nameLike(t) || isPlace(t) || isDemonym(t) || isMonth(t) || isOrgWord(t) {
			return false
		}
	}
	return true
}

// listContext reports whether an initial at token a stands in a list of
// names (a team sheet) rather than being an article ("A Kurdish woman") or
// part of a word ("AT&T").
func (x *extractor) listContext(pp *paragraph, a int) bool {
	t := pp.toks[a]
	if a == 0 {
		return t.lower != "a" && t.lower != "i"
	}
	p := pp.toks[a-1]
	if p.end == t.start {
		return false
	}
	switch p.text {
	case ",", ";", ":":
		return true
	case ".":
		return t.lower != "a" && t.lower != "i"
	}
	return false
}

// listEnd reports whether the name ending before token e is followed by a
// list separator or the end of the paragraph.
func (x *extractor) listEnd(pp *paragraph, e int) bool {
	if e >= len(pp.toks) {
		return true
	}
	switch pp.toks[e].text {
	case ",", ";", ".", "(", ")", ":":
		return true
	}
	return false
}

// accept weighs a candidate with its context and keeps it if it is a
// person. It reports whether it was kept.
func (x *extractor) accept(c *cand) bool {
	pp := c.para
	toks := pp.toks
	first := c.i
	if c.hon >= 0 {
		first = c.hon
	}
	for k := c.i; k < c.j; k++ {
		if pp.used[k] {
			return false
		}
	}
	ev := c.ev
	if c.after == 0 {
		c.after = c.j
	}
	var roles []Role
	if r, ok := roleBefore(pp, first); ok {
		ev |= evTitle
		roles = append(roles, r)
	} else if relationBefore(pp, first) || creditBefore(pp, first) {
		ev |= evContext
	}
	after, aev, span := roleAfter(pp, c.after)
	ev |= aev
	roles = append(roles, after...)
	if aev == 0 {
		if r, ok := copulaRole(pp, c.after); ok {
			ev |= evContext
			roles = append(roles, r)
		}
	}
	c.work = workContext(pp, first, c.after)
	if x.speechNear(pp, first, c.after) {
		if c.j-c.i >= 2 {
			ev |= evSpeech
		} else if c.hon < 0 {
			// "said Kujda": a surname that speaks, for the full name
			// written without a clue ("Jarek Kujda formed the band").
			x.spoken[fold(toks[c.i].text)] = true
		}
	}
	if pp.signature && x.firstNameInLine(pp, first) {
		ev |= evSignature
	}
	last := toks[c.j-1]
	if c.ev&evHonorific == 0 && personShapedOrgs[fold(c.name())] {
		return false
	}
	switch {
	case ev&(evHonorific|evInitial) != 0:
	case ev&evTitle != 0 && c.ev&evTitle != 0:
		// a capitalised title inside the chain: "President Emmanuel Macron",
		// "President Bush"; but "General Electric" is no General.
		if c.j-c.i == 1 && (isPlace(last) || isDemonym(last) || isOrgWord(last) || isMonth(last) ||
			(c.i > 0 && titlesNotBeforeName[toks[c.i-1].lower])) {
			return false
		}
	case ev&evGiven != 0:
		if doubtfulSurname(toks, c.j-1) && ev&strongEvidence == 0 {
			return false
		}
	case ev&evList != 0:
		// listed with people: name-shaped is enough, unless the words are
		// ones the article also writes in lower case ("Finding Neverland")
		if ev&strongEvidence == 0 && (pp.heading || doubtfulSurname(toks, c.j-1) || !x.plausibleWords(toks, c.i, c.j) || x.allEnglish(toks, c.i, c.j)) {
			return false
		}
	default:
		if pp.heading && ev&evSignature == 0 {
			return false
		}
		if ev&strongEvidence == 0 {
			return false
		}
		if c.j-c.i == 1 {
			return false // "regulator Ofcom", "best actress Oscar"
		}
		if x.continuesName(pp, first) || pluralNoun(last) {
			return false // "National Association of Probation Officers said"
		}
	}
	c.ev = ev
	c.kind = Person
	for i := range roles {
		roles[i].Para = pp.idx
		roles[i].Sent = sentenceIndex(pp, toks[first].start)
	}
	c.roles = append(c.roles, roles...)
	c.fullName = c.j-c.i >= 2 && !isInitial(toks[c.i])
	for k := first; k < c.after; k++ {
		pp.used[k] = true
	}
	// The words of an apposition are the role, not more names: "analyst at
	// fund manager Matrix Asset Advisors".
	for k := span[0]; k < span[1]; k++ {
		pp.used[k] = true
	}
	if c.fullName && c.ev&evGiven == 0 && c.ev&strongEvidence != 0 {
		x.given[toks[c.i].lower] = true
	}
	x.cands = append(x.cands, c)
	return true
}

// continuesName reports a capitalised sequence that carries on the name
// before it through "of", "for" or "and": "Association of Probation Officers".
func (x *extractor) continuesName(pp *paragraph, first int) bool {
	if first < 2 {
		return false
	}
	l := pp.toks[first-1].lower
	p := pp.toks[first-2]
	return (l == "of" || l == "for" || l == "and" || l == "&") && p.word && p.upper && !pp.used[first-2]
}

// pluralNoun reports a plural of a title or organisation word: "Officers".
func pluralNoun(t token) bool {
	if !strings.HasSuffix(t.lower, "s") {
		return false
	}
	w := strings.TrimSuffix(t.lower, "s")
	return titleHeads[w] || orgWords[w] || titleHeads[strings.TrimSuffix(w, "e")]
}

// speechNear reports a speech verb right after the name ("X said", "X has
// said") or right before it ("said X"), or "according to X".
func (x *extractor) speechNear(pp *paragraph, first, e int) bool {
	toks := pp.toks
	k := e
	for k < len(toks) && k < e+3 && (toks[k].lower == "has" || toks[k].lower == "had" || toks[k].lower == "also" || toks[k].lower == "then" || toks[k].lower == "later" || toks[k].lower == "previously") {
		k++
	}
	if k < len(toks) && toks[k].word && !toks[k].upper && speechVerbs[toks[k].lower] {
		return true
	}
	if first > 0 && toks[first-1].word && !toks[first-1].upper && inversionVerbs[toks[first-1].lower] {
		return true
	}
	return first > 1 && toks[first-1].lower == "to" && toks[first-2].lower == "according"
}

// firstNameInLine reports whether the name starting at token first is the
// first name of a signature line, maybe after its title.
func (x *extractor) firstNameInLine(pp *paragraph, first int) bool {
	for k := 1; k < first; k++ {
		t := pp.toks[k]
		if !t.word {
			return false
		}
		if !(t.upper || roleModifiers[t.lower] || titleHeads[t.lower]) {
			return false
		}
	}
	return true
}

// buildEntities groups the full names into entities: the same folded name,
// or a spelling one edit away ("Natasha Bouchart" / "Natacha Bouchart").
func (x *extractor) buildEntities() {
	type group struct {
		key   string
		cands []*cand
	}
	x.splitGluedHeadlines()
	var groups []*group
	byKey := map[string]*group{}
	for _, c := range x.cands {
		if !c.fullName {
			continue
		}
		k := strings.Join(c.nameTokens(), " ")
		g := byKey[k]
		if g == nil {
			g = &group{key: k}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.cands = append(g.cands, c)
	}
	// Merge spelling variants into the more frequent form.
	merged := map[*group]*group{}
	for i, g := range groups {
		for _, h := range groups[:i] {
			if merged[h] != nil || !spellingVariant(g.key, h.key) {
				continue
			}
			if len(g.cands) > len(h.cands) {
				merged[h] = g
			} else {
				merged[g] = h
			}
			break
		}
	}
	for _, g := range groups {
		if merged[g] != nil {
			continue
		}
		members := []*group{g}
		for h, into := range merged {
			for into != nil && merged[into] != nil {
				into = merged[into]
			}
			if into == g {
				members = append(members, h)
			}
		}
		e := &Entity{Kind: Person}
		count := map[string]int{}
		var order []string
		for _, m := range members {
			for _, c := range m.cands {
				n := c.name()
				if count[n] == 0 {
					order = append(order, n)
				}
				count[n]++
				c.entity = e
			}
			x.byFull[m.key] = e
		}
		e.Name = order[0]
		for _, n := range order {
			if count[n] > count[e.Name] {
				e.Name = n
			}
		}
		x.ents = append(x.ents, e)
	}
	// A shorter full name inside a longer one joins it: "Kalan Karim" in
	// "Kalan Kawa Karim", the first names "Juan Carlos" in "Juan Carlos
	// Ferrero" (when only one longer name fits).
	for _, e := range x.ents {
		var into []*Entity
		for _, f := range x.ents {
			if e == f || e.Kind != Person || f.Kind != Person {
				continue
			}
			short, long := strings.Fields(fold(e.Name)), strings.Fields(fold(f.Name))
			if len(short) < len(long) && (subName(fold(e.Name), fold(f.Name)) || hasPrefix(long, short)) {
				into = append(into, f)
			}
		}
		if len(into) == 1 {
			x.mergeInto(e, into[0])
		}
	}
}

// splitGluedHeadlines separates a surname that ends a headline from the
// full name that starts the first sentence after it, in text where the two
// are glued on one line: "Roddick splits from coach Gilbert Andy Roddick
// has ended ..." has "Gilbert" (Brad Gilbert) and "Andy Roddick".
func (x *extractor) splitGluedHeadlines() {
	surnames := map[string]int{}
	for _, c := range x.cands {
		if c.fullName || c.hon >= 0 || c.ev&evTitle != 0 {
			surnames[fold(c.para.toks[c.j-1].text)]++
		}
	}
	// The first words of the full names, by surname.
	firsts := map[string]map[string]bool{}
	for _, o := range x.cands {
		if o.fullName && o.j-o.i >= 2 {
			last := fold(o.para.toks[o.j-1].text)
			if firsts[last] == nil {
				firsts[last] = map[string]bool{}
			}
			firsts[last][fold(o.para.toks[o.i].text)] = true
		}
	}
	var extra []*cand
	for _, c := range x.cands {
		if c.fullName && c.hon < 0 && c.j-c.i == 2 && c.ev&evTitle == 0 {
			// "Dogged Federer claims Dubai crown" beside "Roger Federer": a
			// headline's adjective, not a first name.
			toks := c.para.toks
			first := toks[c.i]
			f, l := fold(first.text), fold(toks[c.i+1].text)
			if first.sentStart && !givenNames[first.lower] && isEnglishWord(first.lower) && len(firsts[l]) > 1 {
				c.i++
				c.fullName = false
				c.ev = evKnown
			} else if !first.sentStart && c.para.idx == 0 && sentenceIndex(c.para, first.start) == 0 && len(firsts[f]) > 0 {
				// "Nissan names successor to Ghosn Nissan has named ...":
				// a person's surname ends the headline, a firm starts the text.
				c.j--
				c.fullName = false
				c.ev = evKnown
			}
			continue
		}
		if !c.fullName || c.hon >= 0 || c.j-c.i < 3 {
			continue
		}
		toks := c.para.toks
		head := fold(toks[c.i].text)
		if surnames[head] == 0 || !x.isGiven(toks[c.i+1]) {
			// "Holmes urged to compete at Worlds Jolanda Ceplak has urged
			// ...": a common word that ends the headline or starts the
			// sentence is not a first name.
			first := toks[c.i]
			glued := first.sentStart || (c.para.idx == 0 && sentenceIndex(c.para, first.start) == 0)
			if glued && c.ev&evTitle == 0 && !givenNames[first.lower] && (isEnglishWord(first.lower) || pluralNoun(first)) &&
				(x.isGiven(toks[c.i+1]) || !isEnglishWord(toks[c.i+1].lower)) {
				c.i++
			}
			continue
		}
		extra = append(extra, &cand{para: c.para, hon: -1, i: c.i, j: c.i + 1, kind: Person, ev: evKnown})
		c.i++
	}
	x.cands = append(x.cands, extra...)
}

// dropWorks drops the people the article names only as the title of a work
// or a character ("the Harry Potter film", "film Vera Drake") and never
// with what shows a person (an honorific, a title, speech, an apposition).
func (x *extractor) dropWorks() {
	any := false
	for _, c := range x.cands {
		any = any || (c.work && c.entity != nil)
	}
	if !any {
		return
	}
	type use struct{ work, person bool }
	uses := map[*Entity]*use{}
	for _, c := range x.cands {
		if c.entity == nil || c.entity.Kind != Person {
			continue
		}
		u := uses[c.entity]
		if u == nil {
			u = &use{}
			uses[c.entity] = u
		}
		if c.work {
			u.work = true
		} else if c.ev&(strongEvidence|evList) != 0 {
			u.person = true
		}
	}
	for e, u := range uses {
		if u.work && !u.person {
			e.Kind = -1 // dropped in result()
		}
	}
}

// mergeInto moves entity e's mentions into f.
func (x *extractor) mergeInto(e, f *Entity) {
	for _, c := range x.cands {
		if c.entity == e {
			c.entity = f
		}
	}
	for k, v := range x.byFull {
		if v == e {
			x.byFull[k] = f
		}
	}
	e.Kind = -1 // dropped in result()
}

// spellingVariant reports two folded full names one edit apart, with the
// same number of words and long enough for one edit to be a misspelling.
func spellingVariant(a, b string) bool {
	if len(strings.Fields(a)) != len(strings.Fields(b)) || runeLen(a) < 8 || runeLen(b) < 8 {
		return false
	}
	if levenshtein(a, b, 1) != 1 {
		return false
	}
	// The differing word must be long: "Jon Smith" and "Joe Smith" are two people.
	fa, fb := strings.Fields(a), strings.Fields(b)
	for i := range fa {
		if fa[i] != fb[i] && (runeLen(fa[i]) < 5 || runeLen(fb[i]) < 5) {
			return false
		}
	}
	return true
}

// subName reports whether short's words are a subsequence of long's with
// the same first and last words.
func subName(short, long string) bool {
	s, l := strings.Fields(short), strings.Fields(long)
	if len(s) < 2 || s[0] != l[0] || s[len(s)-1] != l[len(l)-1] {
		return false
	}
	j := 0
	for _, w := range l {
		if j < len(s) && s[j] == w {
			j++
		}
	}
	return j == len(s)
}

// candPos is where a candidate stands.
func candPos(c *cand) position { return position{c.para.idx, c.start()} }

// scanKnown finds, in chains no person was taken from, the names and
// surnames of the article's people: "Cazeneuve", "Brokenshire told",
// "Juan Carlos", "Daveport" (a misspelling), "Mirco Bergamasco" (a relative).
func (x *extractor) scanKnown(pp *paragraph, a, b int) {
	inFreeRuns(pp, a, b, func(a, b int) { x.scanKnownRun(pp, a, b) })
}

func (x *extractor) scanKnownRun(pp *paragraph, a, b int) {
	toks := pp.toks
	for a < b && (isStop(toks[a]) || isDay(toks[a]) || isHonorific(toks[a]) || originWord(toks[a])) {
		a++
	}
	if a >= b || !x.allKnownLike(toks, a, b) {
		return
	}
	c := &cand{para: pp, hon: -1, i: a, j: b, ev: evKnown, kind: Person}
	if b-a == 1 && x.dateOrPlace(pp, a) {
		return
	}
	at := candPos(c)
	e, ambiguous := x.find(c.nameTokens(), "", false, at)
	if e == nil && b-a == 3 && x.isSurname(fold(toks[a].text)) {
		// "Cherie accused of attacking Bush Cherie Blair has been ...": a
		// headline that ends in one person's surname glued to another's name.
		x.scanKnown(pp, a+1, b)
		return
	}
	if e == nil && b-a >= 2 {
		// "Mirco Bergamasco" beside "Mauro Bergamasco": a new person with a
		// known surname; "Kelvin MacKenzie" beside "Mr MacKenzie": the full
		// name of a person otherwise named with an honorific.
		surname := c.nameTokens()[b-a-1:]
		s, amb := x.find(surname, "", false, at)
		known := s != nil || amb || x.shortSurname(surname[0])
		// A surname that only speaks ("said Kujda") could be a firm's
		// name: its first word must not stand alone elsewhere ("Fiat is to
		// close the Fiat Powertrain plant ... Powertrain told us").
		spoken := x.spoken[surname[0]] && !x.usedAlone(toks[a].lower, false)
		if (known || spoken) && x.allNameLikeStrict(toks, a, b) && !pp.heading && b-a <= 3 && x.plausibleFirst(toks[a]) {
			e = &Entity{Kind: Person, Name: c.name()}
			x.ents = append(x.ents, e)
			x.byFull[strings.Join(c.nameTokens(), " ")] = e
		}
	}
	if e == nil && !ambiguous && b-a == 1 && (toks[a].poss || x.speechNear(pp, a, b)) && !isPlace(toks[a]) && !isMonth(toks[a]) && !isOrgWord(toks[a]) && !isDemonym(toks[a]) {
		e = x.byFirstName(fold(toks[a].text)) // "Jarek's younger sister"
	}
	if e == nil {
		return
	}
	c.entity = e
	c.fullName = b-a >= 2
	for k := a; k < b; k++ {
		pp.used[k] = true
	}
	x.cands = append(x.cands, c)
}

// innerCapital reports a word whose second letter is a capital, like no
// surname: "DVDs", "HDTV".
func innerCapital(w string) bool {
	n := 0
	for _, r := range w {
		if n == 1 {
			return unicode.IsUpper(r)
		}
		n++
	}
	return false
}

// usedAlone reports whether the article writes the word (lower case) on its
// own as a capitalised chain of one word: "BT" in "BT said", "Fiat" in
// "Fiat is to close the Fiat Powertrain plant"; a possessive ("Jarek's")
// counts only when poss is set.
func (x *extractor) usedAlone(lower string, poss bool) bool {
	for _, pp := range x.paras {
		for k, t := range pp.toks {
			if t.word && t.upper && t.lower == lower && (poss || !t.poss) &&
				(k+1 == len(pp.toks) || !pp.toks[k+1].word || !pp.toks[k+1].upper) &&
				(k == 0 || !pp.toks[k-1].word || !pp.toks[k-1].upper) {
				return true
			}
		}
	}
	return false
}

// byFirstName returns the one person of the article whose first name is
// first, when no one has it as a surname.
func (x *extractor) byFirstName(first string) *Entity {
	var hit *Entity
	for _, e := range x.ents {
		if e.Kind != Person {
			continue
		}
		full := x.folded(e)
		if len(full) < 2 {
			if len(full) == 1 && full[0] == first {
				return nil
			}
			continue
		}
		switch {
		case full[len(full)-1] == first:
			return nil
		case full[0] == first:
			if hit != nil && hit != e {
				return nil
			}
			hit = e
		}
	}
	if hit == nil || (!givenNames[first] && !x.namedBySurname(hit)) {
		return nil // "Merrill's" is Merrill Lynch's, a bank's
	}
	for _, c := range x.cands {
		if !c.fullName && c.j-c.i == 1 && fold(c.para.toks[c.i].text) == first {
			return nil // "Prince Charles" is someone else
		}
	}
	return hit
}

// namedBySurname reports whether the article names person e by a surname
// alone or after an honorific somewhere, as it names people and not firms.
func (x *extractor) namedBySurname(e *Entity) bool {
	for _, c := range x.cands {
		if c.entity == e && (c.hon >= 0 || (c.j-c.i == 1 && !c.fullName)) {
			return true
		}
	}
	return false
}

// plausibleFirst reports whether a word can be a first name: a known one,
// or one that starts no sentence here and that the article never writes
// in lower case ("Vote Blair, Get Brown" are slogans).
func (x *extractor) plausibleFirst(t token) bool {
	if x.isGiven(t) {
		return true
	}
	x.buildLowerWords()
	if x.lowerWords[t.lower] || stopWords[t.lower] || x.isSurname(fold(t.text)) {
		return false
	}
	// At a sentence start any word has a capital: a common one ("State-owned",
	// "Matchwinner") is no name.
	return !t.sentStart || (!isEnglishWord(t.lower) && !isCompound(t.lower) && !strings.ContainsAny(t.lower, "-'’") &&
		!titleHeads[t.lower] && !occupationHeads[t.lower])
}

// isSurname reports whether a folded word ends a full name of the
// article's people: "Ghosn" in "successor to Ghosn Nissan has named".
func (x *extractor) isSurname(w string) bool {
	for _, e := range x.ents {
		if full := x.folded(e); e.Kind == Person && len(full) >= 2 && full[len(full)-1] == w {
			return true
		}
	}
	return false
}

// plausibleWords reports whether none of tokens [a, b) is a word the
// article also writes in lower case or a function word.
func (x *extractor) plausibleWords(toks []token, a, b int) bool {
	x.buildLowerWords()
	for k := a; k < b; k++ {
		if x.lowerWords[toks[k].lower] || stopWords[toks[k].lower] {
			return false
		}
	}
	return true
}

func (x *extractor) buildLowerWords() {
	if x.lowerWords != nil {
		return
	}
	x.lowerWords = wordSet{}
	for _, pp := range x.paras {
		for _, u := range pp.toks {
			if u.word && !u.upper {
				x.lowerWords[u.lower] = true
			}
		}
	}
}

// shortCount counts the honorific mentions of a one-word name.
func (x *extractor) shortCount(folded string) int {
	n := 0
	for _, c := range x.cands {
		if c.hon >= 0 && c.j-c.i == 1 && fold(c.para.toks[c.i].text) == folded {
			n++
		}
	}
	return n
}

// shortSurname reports a name the article otherwise gives alone, after an
// honorific or a title: "Mr MacKenzie", "champion Dibaba".
func (x *extractor) shortSurname(folded string) bool {
	for _, c := range x.cands {
		if !c.fullName && c.j-c.i == 1 && fold(c.para.toks[c.i].text) == folded {
			return true
		}
	}
	return false
}

func (x *extractor) allKnownLike(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		t := toks[k]
		if nameParticles[t.lower] && !t.upper && k > a && k < b-1 {
			continue
		}
		if !t.word || !t.upper || isStop(t) || isDay(t) || (t.allCaps && len(t.text) > 2) || orgStrong[t.lower] || isTitleHead(t) {
			return false
		}
	}
	return true
}

func (x *extractor) allNameLikeStrict(toks []token, a, b int) bool {
	return x.allNameLike(toks, a, b) && !isInitial(toks[a])
}

// dateOrPlace reports a single word used as a month ("on May 31", "in
// May") or as a place ("in Calais").
func (x *extractor) dateOrPlace(pp *paragraph, k int) bool {
	toks := pp.toks
	t := toks[k]
	prev := ""
	if k > 0 {
		prev = toks[k-1].lower
	}
	if isMonth(t) {
		if datePrepositions[prev] || (k > 0 && isNumber(toks[k-1].text)) {
			return true
		}
		if k+1 < len(toks) && isNumber(toks[k+1].text) {
			return true
		}
	}
	if isPlace(t) {
		switch prev {
		case "in", "to", "from", "at", "near", "of", "across", "into", "around":
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// linkShort links the candidates that are not full names (an honorific and
// a surname, a single name after a title, initials) to the article's
// people, or makes them people of their own.
func (x *extractor) linkShort() {
	for _, c := range x.cands {
		if c.entity != nil {
			continue
		}
		if c.fullName {
			continue // already grouped
		}
		toks := c.nameTokens()
		hon := ""
		if c.hon >= 0 {
			hon = c.para.toks[c.hon].lower
		}
		// "Mr Marc" for Marc Alegre is a slip made once; "Mr Howard" said
		// again and again is a Howard, not Howard Flight. A knight is "Sir
		// Ian" as a rule.
		byFirst := c.hon >= 0 && len(toks) == 1 && (x.shortCount(toks[0]) == 1 || firstNameHonorifics[hon])
		e, ambiguous := x.find(toks, hon, byFirst, candPos(c))
		if e != nil {
			c.entity = e
			continue
		}
		if ambiguous {
			continue // "Mr Blair" beside Tony and Cherie Blair: no one, not a guess
		}
		key := strings.Join(toks, " ")
		if e := x.byFull[key]; e != nil && e.Kind == Person && (c.gender == 0 || x.genderFits(e, c.gender)) {
			c.entity = e
			continue
		}
		e = &Entity{Kind: Person, Name: c.name()}
		x.ents = append(x.ents, e)
		x.byFull[key] = e
		c.entity = e
	}
}

// find returns the article's person the name tokens (folded) refer to at
// position at, after the honorific hon (folded, or ""): the full name, a
// surname, a first name after an honorific ("Mr Marc"), initials ("S
// Webster"), the first names ("Juan Carlos"), or a misspelt surname
// ("Daveport"). When several people fit, ambiguous is set and e is nil
// unless the article tells which (see pick).
func (x *extractor) find(name []string, hon string, honorific bool, at position) (e *Entity, ambiguous bool) {
	if len(name) == 0 {
		return nil, false
	}
	key := strings.Join(name, " ")
	gender := honorifics[hon]
	if e := x.byFull[key]; e != nil && e.Kind == Person && (gender == 0 || x.genderFits(e, gender)) {
		return e, false
	}
	var hits []*Entity
	tryAll := func(match func(full []string) bool) {
		for _, e := range x.ents {
			if e.Kind != Person {
				continue
			}
			full := x.folded(e)
			if len(full) < 2 {
				continue
			}
			if match(full) && (gender == 0 || x.genderFits(e, gender)) {
				hits = append(hits, e)
			}
		}
	}
	// A surname (one word or several: "Dal Maso").
	tryAll(func(full []string) bool { return hasSuffix(full, name) })
	// Initials and a surname.
	if len(hits) == 0 && len(name) >= 2 && isInitials(name[0]) {
		tryAll(func(full []string) bool {
			return hasSuffix(full, name[1:]) && initialsMatch(name[0], full[:len(full)-len(name)+1])
		})
	}
	// The first names.
	if len(hits) == 0 && (len(name) >= 2 || honorific) {
		tryAll(func(full []string) bool { return len(name) < len(full) && hasPrefix(full, name) })
	}
	// A misspelt surname.
	if len(hits) == 0 && len(name) == 1 && runeLen(name[0]) >= 5 {
		tryAll(func(full []string) bool {
			s := full[len(full)-1]
			return misspelt(s, name[0])
		})
	}
	return x.pick(hits, hon, at)
}

// genderFits reports whether person e can take an honorific of gender g:
// the article gives no full name of theirs an honorific of the other
// gender ("Mrs Theresa May" is no "Mr May"). Honorifics before a surname
// alone do not count: which person they name is the question.
func (x *extractor) genderFits(e *Entity, g byte) bool {
	for _, c := range x.cands {
		if c.entity == e && c.fullName && c.gender != 0 && c.gender != g {
			return false
		}
	}
	return true
}

// pick chooses among the people a name fits. One fits: that one. Several:
// only the article's own usage may tell them apart: a knight or a peer
// ("Sir Ian Blair") is not the "Mr Blair" of the article, and a person not
// yet named cannot be meant. Otherwise the name is ambiguous, and no one is
// better than a guess.
func (x *extractor) pick(hits []*Entity, hon string, at position) (*Entity, bool) {
	switch len(hits) {
	case 0:
		return nil, false
	case 1:
		return hits[0], false
	}
	var named, sameGender []*Entity
	g := honorifics[hon]
	for _, e := range hits {
		if x.namedBefore(e, at) && !(plainHonorifics[hon] && x.hasRankTitle(e)) {
			named = append(named, e)
			if g != 0 && x.knownGender(e) == g {
				sameGender = append(sameGender, e)
			}
		}
	}
	switch {
	case len(named) == 1:
		return named[0], false
	case len(sameGender) == 1:
		return sameGender[0], false // "Mrs Blair" after "Mrs Cherie Blair" and "Tony Blair"
	}
	return nil, true
}

// knownGender is the gender an honorific before a full name of e gives, or 0.
func (x *extractor) knownGender(e *Entity) byte {
	for _, c := range x.cands {
		if c.entity == e && c.fullName && c.gender != 0 {
			return c.gender
		}
	}
	return 0
}

// namedBefore reports whether the article names e before position at.
func (x *extractor) namedBefore(e *Entity, at position) bool {
	for _, c := range x.cands {
		if c.entity == e && candPos(c).before(at) {
			return true
		}
	}
	return false
}

// hasRankTitle reports whether the article names e with a rank title:
// "Sir", "Lord", "Dame", "Baroness".
func (x *extractor) hasRankTitle(e *Entity) bool {
	for _, c := range x.cands {
		if c.entity == e && c.hon >= 0 && rankHonorifics[c.para.toks[c.hon].lower] {
			return true
		}
	}
	return false
}

// folded returns the folded words of an entity's name, cached.
func (x *extractor) folded(e *Entity) []string {
	if f, ok := x.foldCache[e]; ok && f.name == e.Name {
		return f.words
	}
	w := strings.Fields(fold(e.Name))
	x.foldCache[e] = foldedName{e.Name, w}
	return w
}

type foldedName struct {
	name  string
	words []string
}

func containsEntity(list []*Entity, e *Entity) bool {
	for _, v := range list {
		if v == e {
			return true
		}
	}
	return false
}

func hasSuffix(full, part []string) bool {
	if len(part) == 0 || len(part) >= len(full) {
		return false
	}
	off := len(full) - len(part)
	for i, w := range part {
		if full[off+i] != w {
			return false
		}
	}
	return true
}

func hasPrefix(full, part []string) bool {
	if len(part) == 0 || len(part) > len(full) {
		return false
	}
	for i, w := range part {
		if full[i] != w {
			return false
		}
	}
	return true
}

func isInitials(w string) bool {
	return runeLen(w) <= 2 && w != ""
}

// initialsMatch reports whether initials "s" or "kp" fit the first names.
func initialsMatch(initials string, firsts []string) bool {
	r := []rune(initials)
	if len(r) > len(firsts) {
		return false
	}
	for i, c := range r {
		if []rune(firsts[i])[0] != c {
			return false
		}
	}
	return true
}

// scanOrg finds organisations in chains no person was taken from: a
// sequence with an organisation word ("Human Rights Watch", "Home Office")
// or an acronym ("HRW").
func (x *extractor) scanOrg(pp *paragraph, a, b int) {
	inFreeRuns(pp, a, b, func(a, b int) { x.scanOrgRun(pp, a, b) })
}

func (x *extractor) scanOrgRun(pp *paragraph, a, b int) {
	toks := pp.toks
	the := false // a name that starts with "The": "The Telegraph"
	for a < b && (isStop(toks[a]) || isDay(toks[a]) || isMonth(toks[a]) || strings.HasSuffix(toks[a].lower, "-based")) {
		the = toks[a].text == "The" && !toks[a].sentStart
		a++
	}
	if a >= b {
		return
	}
	org := false
	for k := a; k < b; k++ {
		if orgStrong[toks[k].lower] {
			org = true
		}
	}
	if !org && !(b-a == 1 && isAcronym(toks[a]) && !isPlace(toks[a])) {
		return
	}
	if b-a == 1 && !toks[a].allCaps && !the {
		return // "the Government", "Police": a common noun, not a name
	}
	if places[fold(pp.p.Text[toks[a].start:toks[b-1].end])] {
		return // "United Kingdom"
	}
	// Join "of"/"for" links, and "and" to one more word: "Association of
	// European Airlines", "Organisation for Economic Co-operation and
	// Development"; never across a title ("the Home Secretary and the
	// Interior Minister of France").
	for b+1 < len(toks) && !toks[b-1].poss {
		link := toks[b].lower
		if link != "of" && link != "for" && link != "and" {
			break
		}
		c := b + 1
		if c < len(toks) && toks[c].lower == "the" {
			if link == "and" {
				break
			}
			c++
		}
		if c >= len(toks) || !toks[c].word || !toks[c].upper || pp.used[c] || isHonorific(toks[c]) {
			break
		}
		e := c
		for e < len(toks) && toks[e].word && toks[e].upper && !pp.used[e] && !toks[e-1].poss && !isTitleHead(toks[e]) {
			e++
		}
		if e == c || (link == "and" && (e-c != 1 || toks[c].allCaps)) {
			break
		}
		b = e
	}
	c := &cand{para: pp, hon: -1, i: a, j: b, kind: Organisation}
	for k := a; k < b; k++ {
		pp.used[k] = true
	}
	x.orgs = append(x.orgs, c)
}

// result turns the candidates into the DocResult: entities with keys,
// aliases, roles and genders, and mentions in reading order.
func (x *extractor) result() *DocResult {
	r := &DocResult{}
	// Organisations: one entity per folded name; an acronym in brackets
	// after a name is its alias.
	orgBy := map[string]*Entity{}
	for i, c := range x.orgs {
		k := fold(c.name())
		e := orgBy[k]
		if e == nil {
			if prev := x.bracketedAcronymOf(i); prev != nil {
				e = prev
			} else {
				e = &Entity{Kind: Organisation, Name: c.name()}
				x.ents = append(x.ents, e)
			}
			orgBy[k] = e
		}
		c.entity = e
	}
	all := append(append([]*cand{}, x.cands...), x.orgs...)
	sort.SliceStable(all, func(i, j int) bool { return candPos(all[i]).before(candPos(all[j])) })
	used := map[string]bool{}
	keyOf := map[*Entity]string{}
	for _, c := range all {
		e := c.entity
		if e == nil || e.Kind < 0 {
			continue
		}
		if _, ok := keyOf[e]; !ok {
			k := slug(e.Name)
			for n := 2; used[k]; n++ {
				k = slug(e.Name) + "-" + strconv.Itoa(n)
			}
			used[k] = true
			keyOf[e] = k
			e.Key = k
			r.Entities = append(r.Entities, e)
		}
		s := c.surface()
		r.Mentions = append(r.Mentions, Mention{Para: c.para.idx, Start: c.start(), End: c.end(), Text: s, Key: e.Key})
		if s != e.Name && !contains(e.Aliases, s) {
			e.Aliases = append(e.Aliases, s)
		}
		if c.gender != 0 && e.Gender == 0 {
			e.Gender = c.gender
		}
		for _, role := range c.roles {
			role.Title = x.trimOtherNames(role.Title, e)
			if role.Title != "" {
				addRole(e, role)
			}
		}
	}
	r.index()
	x.guessGenders(r)
	return r
}

// trimOtherNames drops leading words of a title that are another person's
// surname: a headline glued to "Wales coach Mike Ruddock" must not make him
// the "Grewcock Wales coach".
func (x *extractor) trimOtherNames(title string, self *Entity) string {
	ws := strings.Fields(title)
	for len(ws) > 1 {
		w := fold(stripPossessive(ws[0]))
		other := false
		for _, e := range x.ents {
			if e != self && e.Kind == Person {
				if n := strings.Fields(fold(e.Name)); len(n) >= 2 && n[len(n)-1] == w {
					other = true
				}
			}
		}
		if !other {
			break
		}
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// bracketedAcronymOf returns the organisation that org candidate i, an
// acronym in brackets, abbreviates: "Human Rights Watch (HRW)".
func (x *extractor) bracketedAcronymOf(i int) *Entity {
	if i == 0 {
		return nil
	}
	c, p := x.orgs[i], x.orgs[i-1]
	if c.para != p.para || c.j-c.i != 1 || c.i < 1 || c.para.toks[c.i-1].text != "(" || p.j != c.i-1 {
		return nil
	}
	return p.entity
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// addRole adds a role unless the entity already holds that title.
func addRole(e *Entity, r Role) {
	for _, have := range e.Roles {
		if strings.EqualFold(have.Title, r.Title) && strings.EqualFold(have.Qualifier, r.Qualifier) && have.Past == r.Past {
			return
		}
	}
	e.Roles = append(e.Roles, r)
}

// guessGenders sets the gender of people without an honorific from the
// pronouns that follow a sentence naming only them: the rest of that
// sentence, and the next sentence (or paragraph) when it names nobody.
func (x *extractor) guessGenders(r *DocResult) {
	votes := map[string]int{}
	byPara := map[int][]Mention{}
	for _, m := range r.Mentions {
		if e := r.byKeyOrNil(m.Key); e != nil && e.Kind == Person {
			byPara[m.Para] = append(byPara[m.Para], m)
		}
	}
	namesNobody := func(para int, sp text.Span) bool {
		for _, m := range byPara[para] {
			if m.Start >= sp.Start && m.Start < sp.End {
				return false
			}
		}
		return true
	}
	for _, pp := range x.paras {
		ms := byPara[pp.idx]
		for si, sp := range pp.p.Sentences {
			key, end, n := "", 0, 0
			for _, m := range ms {
				if m.Start >= sp.Start && m.Start < sp.End {
					if m.Key != key {
						n++
					}
					key, end = m.Key, m.End
				}
			}
			if n != 1 {
				continue
			}
			follow := ""
			if end < sp.End {
				follow = pp.p.Text[end:sp.End]
			}
			if si+1 < len(pp.p.Sentences) {
				if nx := pp.p.Sentences[si+1]; namesNobody(pp.idx, nx) {
					follow += " " + pp.p.Text[nx.Start:nx.End]
				}
			} else if pp.idx+1 < len(x.paras) && len(byPara[pp.idx+1]) == 0 {
				next := x.paras[pp.idx+1].p
				if len(next.Sentences) > 0 {
					follow += " " + next.Sentence(0)
				}
			}
			votes[key] += pronounVote(follow)
		}
	}
	for _, e := range r.Entities {
		if e.Kind != Person || e.Gender != 0 {
			continue
		}
		switch v := votes[e.Key]; {
		case v >= 1:
			e.Gender = 'm'
		case v <= -1:
			e.Gender = 'f'
		}
	}
}

// pronounVote is +1 for a sentence whose first personal pronoun is male,
// -1 for female, 0 for none.
func pronounVote(s string) int {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
		switch strings.ToLower(w) {
		case "he", "his", "him", "himself":
			return 1
		case "she", "her", "hers", "herself":
			return -1
		}
	}
	return 0
}

// inFreeRuns calls fn on each maximal run of tokens [a, b) of which none is
// used yet, left to right; a run is looked at only after fn has seen the
// runs before it (fn may mark tokens used).
func inFreeRuns(pp *paragraph, a, b int, fn func(a, b int)) {
	for k := a; k < b; k++ {
		if pp.used[k] {
			inFreeRuns(pp, a, k, fn)
			for k < b && pp.used[k] {
				k++
			}
			inFreeRuns(pp, k, b, fn)
			return
		}
	}
	fn(a, b)
}
