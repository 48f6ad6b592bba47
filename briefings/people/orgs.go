package people

// This file finds organisations in the chains no person was taken from.

import "strings"

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
