package people

// This file is the one implementation of name matching within an
// article: which of its people a name, a surname or initials mean.

import (
	"slices"
	"strings"
)

// ShortFormOf reports whether short is a shorter way of writing the full
// name full: its surname alone ("Kilroy-Silk"), with an honorific ("Mr
// Kilroy-Silk"), or with initials or some of the first names ("R
// Kilroy-Silk"). It is the name matching of an article applied to two
// names.
func ShortFormOf(short, full string) bool {
	return ShortFormOfWords(WordsOf(short), WordsOf(full))
}

// NameWords is a name as ShortFormOf compares it, worked out once for a
// name compared with many.
type NameWords struct {
	name  string
	words []string // folded, without a possessive
}

// WordsOf works out a name's words for ShortFormOfWords.
func WordsOf(name string) NameWords {
	return NameWords{name: name, words: strings.Fields(fold(stripPossessive(name)))}
}

// ShortFormOfWords is ShortFormOf for names worked out by WordsOf.
func ShortFormOfWords(short, full NameWords) bool {
	s := stripHonorific(short.words)
	f := full.words
	if len(s) == 0 || len(f) < 2 || len(s) > len(f) || slices.Equal(s, f) {
		return false
	}
	ix := onePerson(&Entity{Kind: Person, Name: full.name}, f)
	return len(matchName(s, false, nil, &ix, nil)) == 1 && !misspeltOnly(s, f)
}

// misspeltOnly reports a one-word name that matches a full name only as a
// misspelling of its surname: another person, as far as two names tell.
func misspeltOnly(s, f []string) bool {
	return len(s) == 1 && s[0] != f[len(f)-1]
}

// nameUsage is what an article's own usage tells about the people a name
// could mean, for telling them apart. The extractor answers it from its
// candidates while it works; a finished DocResult from its mentions.
type nameUsage interface {
	// namedBefore reports whether the article names e before position at.
	namedBefore(e *Entity, at position) bool
	// hasRankTitle reports whether the article names e with a rank title:
	// "Sir Ian Blair", "Lord Falconer".
	hasRankTitle(e *Entity) bool
	// knownGender is e's gender as the article gives it, or 0.
	knownGender(e *Entity) byte
}

// matchName appends to hits the people whose full names the folded name
// fits, trying one way after another until one finds someone: a surname
// (one word or several: "Dal Maso"), initials and a surname ("S Webster"),
// the first names ("Juan Carlos"; one word only after an honorific, set
// byFirst: "Mr Marc"), a misspelt surname ("Daveport"). people indexes the
// folded names; fits, when not nil, must accept a person. Each way looks
// only at the people the index lists under one of the name's words, so a
// match costs the same in a long article as in a short one.
func matchName(name []string, byFirst bool, hits []*Entity, people *personIndex, fits func(*Entity) bool) []*Entity {
	try := func(ids []int, match func(full []string) bool) {
		for _, id := range ids {
			e := people.people[id]
			if e.Kind != Person || slices.Contains(hits, e) {
				continue
			}
			if full := people.words[id]; len(full) >= 2 && match(full) && (fits == nil || fits(e)) {
				hits = append(hits, e)
			}
		}
	}
	last := name[len(name)-1]
	try(people.withLast(last), func(full []string) bool { return hasSuffix(full, name) })
	if len(hits) == 0 && len(name) >= 2 && isInitials(name[0]) {
		try(people.withLast(last), func(full []string) bool {
			return hasSuffix(full, name[1:]) && initialsMatch(name[0], full[:len(full)-len(name)+1])
		})
	}
	if len(hits) == 0 && (len(name) >= 2 || byFirst) {
		try(people.withFirst(name[0]), func(full []string) bool { return len(name) < len(full) && hasPrefix(full, name) })
	}
	if len(hits) == 0 && len(name) == 1 && runeLen(name[0]) >= 5 {
		try(people.slipsOf(name[0]), func(full []string) bool { return misspelt(full[len(full)-1], name[0]) })
	}
	return hits
}

// personIndex lists people under the words of their folded full names:
// the last word, the first word, and the last word's possible slips.
type personIndex struct {
	people []*Entity
	words  [][]string       // folded name words, by id
	last   map[string][]int // last word -> ids, ascending
	first  map[string][]int // first word -> ids, ascending
	slips  slipIndex        // last words, for their misspellings, built when first needed
	nslip  int              // how many people slips lists
	one    bool             // one person, listed under every word without maps
}

// onePerson is the index of a single person: matching two names costs no
// maps.
func onePerson(e *Entity, words []string) personIndex {
	return personIndex{people: []*Entity{e}, words: [][]string{words}, one: true}
}

// theOne lists the one person of an index made by onePerson.
var theOne = []int{0}

// withLast returns, ascending, the people whose last word is w.
func (ix *personIndex) withLast(w string) []int {
	if ix.one {
		return theOne
	}
	return ix.last[w]
}

// withFirst returns, ascending, the people whose first word is w.
func (ix *personIndex) withFirst(w string) []int {
	if ix.one {
		return theOne
	}
	return ix.first[w]
}

// add lists a person under the folded words of their name.
func (ix *personIndex) add(e *Entity, words []string) {
	if len(words) == 0 {
		return
	}
	if ix.last == nil {
		ix.last, ix.first = map[string][]int{}, map[string][]int{}
	}
	id := len(ix.people)
	ix.people = append(ix.people, e)
	ix.words = append(ix.words, words)
	last := words[len(words)-1]
	ix.last[last] = append(ix.last[last], id)
	ix.first[words[0]] = append(ix.first[words[0]], id)
}

// slipsOf returns, ascending, the people whose last word may be one slip
// from w.
func (ix *personIndex) slipsOf(w string) []int {
	if ix.one {
		return theOne
	}
	if ix.slips == nil {
		ix.slips = slipIndex{}
	}
	for ; ix.nslip < len(ix.people); ix.nslip++ {
		ws := ix.words[ix.nslip]
		ix.slips.add(ws[len(ws)-1], ix.nslip)
	}
	return ix.slips.near(w)
}

// isSurname reports whether w is the last word of the full name (two
// words or more) of one of the indexed people.
func (ix *personIndex) isSurname(w string, except *Entity) bool {
	for _, id := range ix.withLast(w) {
		if e := ix.people[id]; e != except && e.Kind == Person && len(ix.words[id]) >= 2 {
			return true
		}
	}
	return false
}

// pickNamed chooses among the people a name fits. One fits: that one.
// Several: only the article's own usage may tell them apart: a person not
// yet named at position at cannot be meant; a knight or a peer ("Sir Ian
// Blair") is not the article's "Mr Blair" (plain is set for such an
// honorific); and of the rest only one may be known to have the
// honorific's gender ("Mrs Blair" after "Mrs Cherie Blair" and "Tony
// Blair"). When that leaves several, ambiguous is set and e is nil: no
// answer is better than a guess.
func pickNamed(hits []*Entity, plain bool, gender byte, at position, u nameUsage) (e *Entity, ambiguous bool) {
	switch len(hits) {
	case 0:
		return nil, false
	case 1:
		return hits[0], false
	}
	var named, sameGender []*Entity
	for _, e := range hits {
		if !u.namedBefore(e, at) || (plain && u.hasRankTitle(e)) {
			continue
		}
		named = append(named, e)
		if gender != 0 && u.knownGender(e) == gender {
			sameGender = append(sameGender, e)
		}
	}
	switch {
	case len(named) == 1:
		return named[0], false
	case len(sameGender) == 1:
		return sameGender[0], false
	}
	return nil, true
}

// find returns the article's person the name tokens (folded) refer to at
// position at, after the honorific hon (folded, or ""): the full name, or
// what matchName finds, told apart by pickNamed. byFirst lets one word be
// a first name ("Mr Marc").
func (x *extractor) find(name []string, hon string, byFirst bool, at position) (e *Entity, ambiguous bool) {
	if len(name) == 0 {
		return nil, false
	}
	gender := honorifics[hon]
	fits := func(e *Entity) bool { return gender == 0 || x.genderFits(e, gender) }
	if e := x.byFull[strings.Join(name, " ")]; e != nil && e.Kind == Person && fits(e) {
		return e, false
	}
	hits := matchName(name, byFirst, nil, &x.people, fits)
	return pickNamed(hits, plainHonorifics[hon], gender, at, x)
}

// addPerson adds a person to the article's people and to their index.
func (x *extractor) addPerson(e *Entity) {
	x.ents = append(x.ents, e)
	x.people.add(e, strings.Fields(fold(e.Name)))
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
