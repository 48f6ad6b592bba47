package people

// This file weighs a candidate name with the words around it and keeps
// the ones that are people.

import "strings"

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
