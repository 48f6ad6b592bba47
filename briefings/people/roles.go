package people

import "strings"

// Role phrases around a name: titles before it ("France's Interior Minister
// Bernard Cazeneuve", "Calais mayor Natacha Bouchart"), appositions after it
// ("David Hanson, Labour's shadow immigration minister") and relative
// clauses ("who served as Home Secretary ... now serves as Foreign Secretary").

// qualifierWords are leading words of a title that say whose office it is
// rather than what it is: "British Home Secretary", "UK Foreign Secretary".
func isQualifierWord(t token) bool {
	switch t.lower {
	case "uk", "us", "usa", "eu", "un", "u.s", "u.k":
		return true
	}
	return t.upper && isDemonym(t) && !partyWords[t.lower]
}

// partyWords are demonym-like words that belong in a title ("Labour MP",
// "Tory leader") rather than in its qualifier.
var partyWords = words(`tory tories labour conservative conservatives liberal democrat democrats republican
	republicans socialist green unionist nationalist lib dem`)

// sentenceIndex returns the sentence of paragraph pp holding byte offset off.
func sentenceIndex(pp *paragraph, off int) int {
	if i := pp.p.SentenceAt(off); i >= 0 {
		return i
	}
	return 0
}

// splitQualifier moves leading qualifier words ("British", "UK") of a title
// starting at token lo into the qualifier; it returns the new start token.
func splitQualifier(pp *paragraph, lo, hi int, qual string) (int, string) {
	for lo < hi && isQualifierWord(pp.toks[lo]) {
		if qual == "" {
			qual = pp.toks[lo].text
		}
		lo++
	}
	return lo, qual
}

// roleBefore reads a title that stands right before the name starting at
// token s: "Interior Minister", "Calais mayor", "the mayor of Calais",
// "Work and Pensions Secretary", "Minister for Work".
func roleBefore(pp *paragraph, s int) (Role, bool) {
	toks := pp.toks
	head := s - 1
	if head < 0 || !toks[head].word || toks[head].poss {
		return Role{}, false
	}
	// "Minister for Work Jane Kennedy", "the mayor of Calais Natacha Bouchart":
	// a capitalised complement between the head and the name.
	if !isTitleHead(toks[head]) {
		k := head
		for k >= 0 && k > head-3 && toks[k].word && toks[k].upper && !isTitleHead(toks[k]) && !toks[k].poss && !pp.used[k] && !isStop(toks[k]) {
			k--
		}
		if k < 1 || k == head || !(toks[k].lower == "of" || toks[k].lower == "for") || !isTitleHead(toks[k-1]) {
			return Role{}, false
		}
		r, ok := roleBefore(pp, k)
		if !ok {
			// a bare head: "mayor of Calais"
			if toks[k-1].upper || !titlesNotBeforeName[toks[k-1].lower] {
				r = Role{Title: toks[k-1].text}
				ok = true
			}
		}
		if !ok {
			return Role{}, false
		}
		r.Title = strings.TrimSpace(r.Title + pp.p.Text[toks[k-1].end:toks[head].end])
		return r, true
	}
	h := toks[head]
	if !h.upper && titlesNotBeforeName[h.lower] {
		return Role{}, false
	}
	lo := head
	past := false
	qual := ""
	cut := 0 // bytes to drop from the first collected token ("ex-")
walk:
	for k := head - 1; k >= 0; k-- {
		t := toks[k]
		if !t.word || pp.used[k] {
			break
		}
		switch {
		case t.poss:
			if t.upper {
				qual = possessor(pp, k)
			}
			break walk
		case t.lower == "former" || t.lower == "then" || t.lower == "ex":
			past = true
			break walk
		case strings.HasPrefix(t.lower, "ex-"):
			past = true
			lo, cut = k, 3
			break walk
		case isHonorific(t) || speechVerbs[t.lower]:
			break walk
		case t.upper:
			if !titleWord(t) {
				break walk // "Budget Tory leader": a headline glued on, not a title
			}
			lo = k
		case roleModifiers[t.lower] || titleHeads[t.lower]:
			lo = k
		case (t.lower == "and" || t.lower == "of" || t.lower == "for") && k > 0 && toks[k-1].word && toks[k-1].upper && toks[k+1].upper:
			lo = k
		default:
			break walk
		}
	}
	lo, qual = splitQualifier(pp, lo, head, qual)
	for lo < head && (toks[lo].lower == "and" || toks[lo].lower == "of" || toks[lo].lower == "for") {
		lo++
	}
	start := toks[lo].start + cut
	return Role{Title: pp.p.Text[start:h.end], Qualifier: qual, Past: past}, true
}

// titleWord reports a capitalised word that can stand in a title before
// its head: "Home", "Office", "Calais", "Labour", "Interior", "UN".
func titleWord(t token) bool {
	if isMonth(t) || isDay(t) || isHonorific(t) || (isStop(t) && !roleModifiers[t.lower]) {
		return false
	}
	return roleModifiers[t.lower] || titleHeads[t.lower] || isDemonym(t) || isPlace(t) || isOrgWord(t) ||
		partyWords[t.lower] || isAcronym(t) || extraTitleWords[t.lower]
}

// extraTitleWords are capitalised title words outside the other lists.
var extraTitleWords = words(`metropolitan royal crown supreme high federal attorney solicitor lord
	commons lords treasury cabinet exchequer privy council chief executive vice deputy assistant
	sports sport games olympic world european commonwealth davis ryder fifa uefa nato`)

// possessor returns the capitalised words ending in the possessive at k:
// "France's" -> "France", "Human Rights Watch's" -> "Human Rights Watch".
func possessor(pp *paragraph, k int) string {
	lo := k
	for lo > 0 && pp.toks[lo-1].word && pp.toks[lo-1].upper && !pp.toks[lo-1].poss && !isStop(pp.toks[lo-1]) {
		lo--
	}
	return pp.p.Text[pp.toks[lo].start:pp.toks[k].end]
}

// appositionEnds are the punctuation marks that close an apposition.
const appositionEnds = ",.;()[]\"“”:?!–—|"

// roleAfter reads what follows a name ending at token e: an apposition
// (", Labour's shadow immigration minister"), a relative clause (", who
// served as ..."), or a suffix title ("Paul Boateng MP"). It returns the
// roles found and whether the words describe a person at all.
//
// span is the token range of an apposition title, [0, 0) when none.
func roleAfter(pp *paragraph, e int) (roles []Role, ev evidence, span [2]int) {
	toks := pp.toks
	if e >= len(toks) || toks[e].text != "," || e+1 >= len(toks) {
		return nil, 0, span
	}
	k := e + 1
	if toks[k].lower == "who" {
		return whoClause(pp, k+1), evApposition, span
	}
	stop := k
	for stop < len(toks) && stop-k < 14 {
		t := toks[stop]
		if !t.word {
			if strings.Contains(appositionEnds, t.text) || t.text == "'" || t.text == "’" || t.text == "‘" {
				break
			}
			stop++
			continue
		}
		if !t.upper && (auxiliaries[t.lower] || speechVerbs[t.lower]) {
			break
		}
		stop++
	}
	if stop == k {
		return nil, 0, span
	}
	i := k
	article := ""
	switch toks[i].lower {
	case "a", "an", "the":
		article = toks[i].lower
		i++
	}
	if i >= stop {
		return nil, 0, span
	}
	qual := ""
	for j := i; j < stop && j < i+4; j++ {
		if !toks[j].word || !(toks[j].upper || toks[j].lower == "party") {
			break
		}
		if toks[j].poss {
			if toks[j].upper {
				qual = possessor(pp, j)
			}
			i = j + 1
			break
		}
	}
	headAt := -1
	for j := i; j < stop && j < i+7; j++ {
		if isTitleHead(toks[j]) {
			headAt = j
			break
		}
		if w := toks[j].lower; !toks[j].upper && ((strings.HasSuffix(w, "ing") && !roleModifiers[w] && !ingNouns[w]) || orgStrong[w]) {
			break // "Bullet Boy, starring ... rapper X", "X, a football club"
		}
	}
	if headAt < 0 {
		// "Malgorzata Kujda, Jarek's younger sister": whose relative.
		rel := -1
		switch {
		case article == "" && i > k && toks[i-1].poss:
			rel = i
		case toks[k].lower == "his" || toks[k].lower == "her" || toks[k].lower == "their":
			rel = k + 1
		}
		if rel >= 0 {
			for j := rel; j < stop && j < rel+3; j++ {
				if personNouns[toks[j].lower] || relationNouns[toks[j].lower] {
					return nil, evApposition, span
				}
			}
		}
		if article == "a" || article == "an" {
			for j := i; j < stop; j++ {
				if isDemonym(toks[j]) || personNouns[toks[j].lower] {
					return nil, evApposition, span
				}
			}
		}
		if toks[k].lower == "of" && k+1 < stop && toks[k+1].upper {
			return nil, evApposition, span // "Andy Richards, of Swansea UAF, said"
		}
		return nil, 0, span
	}
	// "the billionaire Bhs owner": an occupation before a capitalised
	// qualifier and the real head.
	for n := headAt + 1; n < stop && toks[n].upper && !isHonorific(toks[n]); n++ {
		if isTitleHead(toks[n]) || (n+1 < stop && isTitleHead(toks[n+1]) && !toks[n+1].upper) {
			if !isTitleHead(toks[n]) {
				n++
			}
			headAt = n
			break
		}
	}
	if n := headAt + 1; n < stop && (isHonorific(toks[n]) || (toks[n].upper && nameLike(toks[n]) && !toks[n].allCaps && !titleWord(toks[n]))) {
		return nil, 0, span // ", Lib Dem elections chief Lord Rennard": his title, not ours
	}
	// A name after the head belongs to someone else: "a 6-4 7-5 winner over
	// Jose Acasuso" ends before "over".
	for j := headAt + 2; j+1 < stop; j++ {
		if !opponentWords[toks[j-1].lower] || !toks[j].upper {
			continue
		}
		e := j
		for e < stop && toks[e].word && toks[e].upper {
			e++
		}
		if e-j >= 2 && e-j <= 3 && allNameLikeTokens(toks, j, e) && !titleWord(toks[j]) {
			stop = j - 1
			break
		}
	}
	past := false
	for j := i; j < headAt; j++ {
		if toks[j].lower == "former" || strings.HasPrefix(toks[j].lower, "ex-") {
			past = true
		}
	}
	lo := i
	for lo < headAt && (toks[lo].lower == "former" || toks[lo].lower == "then") {
		lo++
	}
	lo, qual = splitQualifier(pp, lo, headAt, qual)
	start := toks[lo].start
	if strings.HasPrefix(toks[lo].lower, "ex-") {
		start += 3
	}
	title := strings.TrimRight(pp.p.Text[start:toks[stop-1].end], " -")
	return []Role{{Title: title, Qualifier: qual, Past: past}}, evApposition, [2]int{k, stop}
}

// opponentWords before a name inside an apposition introduce another
// person: "a 6-4 7-5 winner over Jose Acasuso".
var opponentWords = words(`over against beating beat to by`)

// whoClause reads the roles of a relative clause: "who served as Home
// Secretary at the time of the deal and now serves as UK Foreign Secretary".
func whoClause(pp *paragraph, k int) []Role {
	toks := pp.toks
	var roles []Role
	for k < len(toks) {
		t := toks[k]
		if !t.word && strings.ContainsAny(t.text, ".;\"“”?!") {
			break
		}
		past, ok := clauseVerbs[t.lower]
		if !ok || !t.word {
			k++
			continue
		}
		j := k + 1
		if (t.lower == "has" || t.lower == "had") && j < len(toks) && toks[j].lower == "been" {
			j++
		} else if t.lower == "has" || t.lower == "had" {
			k++
			continue
		}
		if j < len(toks) && toks[j].lower == "as" {
			j++
		}
		for j < len(toks) && (toks[j].lower == "the" || toks[j].lower == "a" || toks[j].lower == "an") {
			j++
		}
		for j < len(toks) && (toks[j].lower == "former" || toks[j].lower == "then") {
			past = true
			j++
		}
		r, end, ok := titleForward(pp, j)
		if !ok {
			k++
			continue
		}
		r.Past = past
		roles = append(roles, r)
		k = end
	}
	return roles
}

// titleForward reads a title starting at token j: qualifiers, modifiers, a
// head, and a capitalised complement ("Home Secretary of the United
// Kingdom"). It returns the role and the token after it.
func titleForward(pp *paragraph, j int) (Role, int, bool) {
	toks := pp.toks
	qual := ""
	if j < len(toks) && toks[j].poss && toks[j].upper {
		qual = toks[j].text
		j++
	}
	lo := j
	lo, q := splitQualifier(pp, lo, len(toks), "")
	if qual == "" {
		qual = q
	}
	head := -1
	k := lo
	for ; k < len(toks) && k < lo+6; k++ {
		t := toks[k]
		if !t.word || t.poss {
			break
		}
		if isTitleHead(t) {
			head = k
			for k+1 < len(toks) && toks[k+1].word && isTitleHead(toks[k+1]) {
				k++
				head = k
			}
			break
		}
		if !(t.upper && !isStop(t)) && !roleModifiers[t.lower] {
			break
		}
	}
	if head < 0 {
		return Role{}, j, false
	}
	end := head + 1
	// A capitalised complement: "of the United Kingdom", "for Work".
	if end < len(toks) && (toks[end].lower == "of" || toks[end].lower == "for" || toks[end].lower == "to") {
		c := end + 1
		if c < len(toks) && toks[c].lower == "the" {
			c++
		}
		if c < len(toks) && toks[c].word && toks[c].upper {
			for c < len(toks) && toks[c].word && (toks[c].upper || toks[c].lower == "and" || toks[c].lower == "of") && !toks[c-1].poss {
				c++
			}
			for c > end && !toks[c-1].upper {
				c--
			}
			end = c
		}
	}
	return Role{Title: pp.p.Text[toks[lo].start:toks[end-1].end], Qualifier: qual}, end, true
}

// ingNouns are nouns ending in -ing that may stand in a title ("banking
// analyst"); other -ing words are verbs that end an apposition ("starring").
var ingNouns = words(`banking marketing housing planning policing training engineering publishing
	broadcasting accounting advertising lending trading building manufacturing mining shipping
	farming fishing nursing teaching learning licensing sporting spending funding pricing
	clothing catering lobbying polling printing recording boxing racing sailing rowing cycling
	swimming skiing bowling wrestling climbing shooting counting`)
