package people

// This file finds people's names in a capitalised chain from the clues
// next to them: an honorific, a title, a known first name, initials.

import "strings"

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
		if !x.isGiven(toks[g]) || !(nameLike(toks[g+1]) || (g+2 < b && nameParticles[toks[g+1].lower] && nameLike(toks[g+2])) || titleSurname(toks, g+1, b)) {
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
	for b-a >= 3 && (isDemonym(toks[a]) || isPlace(toks[a]) || isOrgWord(toks[a]) || isTitleHead(toks[a])) {
		a++ // "Australian Lynton Crosby told ...", "Secretary of State Condoleezza Rice"
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

// titleSurname reports a title that is also a common surname ending the
// chain right after a first name: "Mervyn King", "John Major".
func titleSurname(toks []token, k, b int) bool {
	return k == b-1 && toks[k].upper && !toks[k].allCaps && surnameTitles[toks[k].lower]
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
