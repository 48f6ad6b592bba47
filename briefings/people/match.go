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
	s := stripHonorific(strings.Fields(fold(stripPossessive(short))))
	f := strings.Fields(fold(stripPossessive(full)))
	if len(s) == 0 || len(f) < 2 || len(s) > len(f) || strings.Join(s, " ") == strings.Join(f, " ") {
		return false
	}
	e := &Entity{Kind: Person, Name: full}
	words := func(*Entity) []string { return f }
	return len(matchName(s, false, nil, []*Entity{e}, words, nil)) == 1 && !misspeltOnly(s, f)
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
// byFirst: "Mr Marc"), a misspelt surname ("Daveport"). words gives a
// person's folded name; fits, when not nil, must accept a person.
func matchName(name []string, byFirst bool, hits, people []*Entity, words func(*Entity) []string, fits func(*Entity) bool) []*Entity {
	try := func(match func(full []string) bool) {
		for _, e := range people {
			if e.Kind != Person || slices.Contains(hits, e) {
				continue
			}
			if full := words(e); len(full) >= 2 && match(full) && (fits == nil || fits(e)) {
				hits = append(hits, e)
			}
		}
	}
	try(func(full []string) bool { return hasSuffix(full, name) })
	if len(hits) == 0 && len(name) >= 2 && isInitials(name[0]) {
		try(func(full []string) bool {
			return hasSuffix(full, name[1:]) && initialsMatch(name[0], full[:len(full)-len(name)+1])
		})
	}
	if len(hits) == 0 && (len(name) >= 2 || byFirst) {
		try(func(full []string) bool { return len(name) < len(full) && hasPrefix(full, name) })
	}
	if len(hits) == 0 && len(name) == 1 && runeLen(name[0]) >= 5 {
		try(func(full []string) bool { return misspelt(full[len(full)-1], name[0]) })
	}
	return hits
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
	hits := matchName(name, byFirst, nil, x.ents, x.folded, fits)
	return pickNamed(hits, plainHonorifics[hon], gender, at, x)
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
