package people

// This file finds the later mentions of people the article already
// names: a surname alone, a first name, a relative with the same surname.

import (
	"strconv"
	"strings"
	"unicode"
)

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
			x.addPerson(e)
			x.setFull(strings.Join(c.nameTokens(), " "), e)
		}
	}
	if e == nil && !ambiguous && b-a == 1 && (toks[a].poss || x.speechNear(pp, a, b)) && !isPlace(toks[a]) && !isMonth(toks[a]) && !isOrgWord(toks[a]) && !isDemonym(toks[a]) {
		e = x.byFirstName(fold(toks[a].text)) // "Jarek's younger sister"
	}
	if e == nil {
		return
	}
	c.fullName = b-a >= 2
	x.link(c, e)
	for k := a; k < b; k++ {
		pp.used[k] = true
	}
	x.cands = append(x.cands, c)
	x.noteShort(c)
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
	if x.alone == nil {
		x.alone = map[string]uint8{}
		for _, pp := range x.paras {
			for k, t := range pp.toks {
				if t.word && t.upper &&
					(k+1 == len(pp.toks) || !pp.toks[k+1].word || !pp.toks[k+1].upper) &&
					(k == 0 || !pp.toks[k-1].word || !pp.toks[k-1].upper) {
					x.alone[t.lower] |= aloneUse(t.poss)
				}
			}
		}
	}
	use := x.alone[lower]
	return use&aloneBare != 0 || (poss && use&alonePossessive != 0)
}

// How a word stands alone: bare ("BT said") or possessive ("Jarek's").
const (
	aloneBare uint8 = 1 << iota
	alonePossessive
)

func aloneUse(poss bool) uint8 {
	if poss {
		return alonePossessive
	}
	return aloneBare
}

// byFirstName returns the one person of the article whose first name is
// first, when no one has it as a surname.
func (x *extractor) byFirstName(first string) *Entity {
	for _, id := range x.people.withLast(first) {
		if x.people.people[id].Kind == Person {
			return nil // someone's surname, or someone's one name
		}
	}
	var hit *Entity
	for _, id := range x.people.withFirst(first) {
		if e := x.people.people[id]; e.Kind == Person && len(x.people.words[id]) >= 2 {
			if hit != nil && hit != e {
				return nil
			}
			hit = e
		}
	}
	if hit == nil || (!givenNames[first] && !x.namedBySurname(hit)) {
		return nil // "Merrill's" is Merrill Lynch's, a bank's
	}
	if x.shortSurname(first) {
		return nil // "Prince Charles" is someone else
	}
	return hit
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
func (x *extractor) isSurname(w string) bool { return x.people.isSurname(w, nil) }

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

// honorificCounts counts the honorific mentions of each one-word name
// (folded): "Mr Howard" said again and again.
func (x *extractor) honorificCounts() map[string]int {
	n := map[string]int{}
	for _, c := range x.cands {
		if c.hon >= 0 && c.j-c.i == 1 {
			n[fold(c.para.toks[c.i].text)]++
		}
	}
	return n
}

// shortSurname reports a name the article otherwise gives alone, after an
// honorific or a title: "Mr MacKenzie", "champion Dibaba".
func (x *extractor) shortSurname(folded string) bool {
	if x.shortNames == nil {
		x.shortNames = wordSet{}
		for _, c := range x.cands {
			x.noteShort(c)
		}
	}
	return x.shortNames[folded]
}

// noteShort records a candidate that gives one word alone, once the set
// of such names is built.
func (x *extractor) noteShort(c *cand) {
	if x.shortNames != nil && !c.fullName && c.j-c.i == 1 {
		x.shortNames[fold(c.para.toks[c.i].text)] = true
	}
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
