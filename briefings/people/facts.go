package people

// This file keeps, for each person of an article, what the candidates
// linked to them tell so far, so that telling people apart is a lookup
// and not a pass over every candidate.

// personFacts is what an article's candidates tell of one person.
type personFacts struct {
	cands     []*cand
	first     position // where the person is first named
	gender    byte     // the honorific gender before a full name; 0 when none or both
	mixed     bool     // full names with honorifics of both genders
	ranked    bool     // named with a rank title: "Sir Ian Blair"
	bySurname bool     // named by a surname alone or after an honorific
	fullKeys  []string // the byFull keys that name the person
}

// facts returns e's facts, made when first asked.
func (x *extractor) facts(e *Entity) *personFacts {
	f := x.factsOf[e]
	if f == nil {
		f = &personFacts{}
		x.factsOf[e] = f
	}
	return f
}

// link makes c a mention of e.
func (x *extractor) link(c *cand, e *Entity) {
	c.entity = e
	f := x.facts(e)
	if p := candPos(c); len(f.cands) == 0 || p.before(f.first) {
		f.first = p
	}
	f.cands = append(f.cands, c)
	if c.hon >= 0 && rankHonorifics[c.para.toks[c.hon].lower] {
		f.ranked = true
	}
	if c.hon >= 0 || (c.j-c.i == 1 && !c.fullName) {
		f.bySurname = true
	}
	if c.fullName && c.gender != 0 {
		switch {
		case f.gender == 0 && !f.mixed:
			f.gender = c.gender
		case f.gender != c.gender:
			f.gender, f.mixed = 0, true
		}
	}
}

// setFull makes key, a folded full name, name e.
func (x *extractor) setFull(key string, e *Entity) {
	x.byFull[key] = e
	f := x.facts(e)
	f.fullKeys = append(f.fullKeys, key)
}

// mergeInto moves entity e's mentions and full names into f.
func (x *extractor) mergeInto(e, f *Entity) {
	from := x.facts(e)
	for _, c := range from.cands {
		x.link(c, f)
	}
	for _, k := range from.fullKeys {
		if x.byFull[k] == e {
			x.setFull(k, f)
		}
	}
	delete(x.factsOf, e)
	e.Kind = -1 // dropped in result()
}

// genderFits reports whether person e can take an honorific of gender g:
// the article gives no full name of theirs an honorific of the other
// gender ("Mrs Theresa May" is no "Mr May"). Honorifics before a surname
// alone do not count: which person they name is the question.
func (x *extractor) genderFits(e *Entity, g byte) bool {
	f := x.facts(e)
	return !f.mixed && (f.gender == 0 || f.gender == g)
}

// knownGender is the gender an honorific before a full name of e gives, or 0.
func (x *extractor) knownGender(e *Entity) byte { return x.facts(e).gender }

// namedBefore reports whether the article names e before position at.
func (x *extractor) namedBefore(e *Entity, at position) bool {
	f := x.facts(e)
	return len(f.cands) > 0 && f.first.before(at)
}

// hasRankTitle reports whether the article names e with a rank title:
// "Sir", "Lord", "Dame", "Baroness".
func (x *extractor) hasRankTitle(e *Entity) bool { return x.facts(e).ranked }

// namedBySurname reports whether the article names person e by a surname
// alone or after an honorific somewhere, as it names people and not firms.
func (x *extractor) namedBySurname(e *Entity) bool { return x.facts(e).bySurname }
