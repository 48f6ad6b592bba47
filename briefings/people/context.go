package people

// Contexts that tell a person from the title of a work or a fictional
// character, and that show a name with an unknown first name is a person.

// titleNouns introduce the title of a work or a character right after
// them: "British film Vera Drake", "the novel Angels and Demons".
var titleNouns = words(`film movie novel book album single song musical sitcom soap documentary
	drama opera ballet painting character biopic blockbuster comedy thriller`)

// seriesNouns after a name make it the name of a series of works: "the
// Harry Potter franchise", "the James Bond films".
var seriesNouns = words(`series franchise saga trilogy sequel prequel spin-off`)

// workNouns after a name that an ordinal stands before make it the name of
// a series: "this third Harry Potter film" (but "the ninth Jim Carrey film"
// is his: the article's other words about the name decide).
var workNouns = words(`film films movie movies dvd book books novel novels album game episode
	instalment installment adventure`)

// workParts are the parts people have in a work: "James Bond star", "Harry
// Potter author".
var workParts = words(`star stars actor actress actors author creator director writer producer
	co-star novelist screenwriter composer presenter villain girl girls`)

var ordinals = words(`first second third fourth fifth sixth seventh eighth ninth tenth latest final last`)

// creditWords before "by" make the name after it the maker of a work, a
// person: "directed by Mike Leigh", "a novel by Dan Brown".
var creditWords = words(`directed written composed sung performed narrated presented hosted illustrated
	painted novel book film song album play poem biography memoir`)

// workContext reports whether the name in tokens [first, after) stands as
// the title of a work or a character rather than as a person: "British
// film Vera Drake", "the third Harry Potter film", "the James Bond
// franchise", "former James Bond star Pierce Brosnan", "starring as Harry
// Potter", "in the role of Hermione".
func workContext(pp *paragraph, first, after int) bool {
	toks := pp.toks
	if after < len(toks) && !toks[after-1].poss {
		t := toks[after]
		if t.word && (!t.upper || t.allCaps) {
			if seriesNouns[t.lower] {
				return true
			}
			if workNouns[t.lower] && first > 0 && ordinals[toks[first-1].lower] {
				return true
			}
		}
		// "James Bond star Pierce Brosnan": a name before the part someone
		// has in a work is the work's, not a person (two words or more:
		// "Blair aide" is a person's aide; "Johnny Cash manager" his manager).
		if after-first >= 2 {
			k := after
			for k < len(toks) && k < after+2 && toks[k].word && !toks[k].upper && roleModifiers[toks[k].lower] && !workParts[toks[k].lower] {
				k++
			}
			if k+1 < len(toks) && !toks[k].upper && workParts[toks[k].lower] && toks[k+1].word && toks[k+1].upper && nameLike(toks[k+1]) {
				return true
			}
		}
	}
	if first == 0 {
		return false
	}
	p := toks[first-1]
	if !p.word || p.upper {
		return false
	}
	switch {
	case titleNouns[p.lower] && !(first >= 2 && toks[first-2].poss):
		return true // "film Vera Drake"; but "the film's director X" never gets here
	case p.lower == "of" && first >= 2 && (toks[first-2].lower == "role" || toks[first-2].lower == "part"):
		return true
	case p.lower == "as" && first >= 2:
		switch toks[first-2].lower {
		case "starring", "starred", "cast", "recast":
			return true
		case "stars", "star":
			// a verb after its subject ("Radcliffe stars as"), not a noun
			// ("such screen stars as Michael Douglas")
			return first >= 3 && (toks[first-3].upper || toks[first-3].lower == "who" || pronouns[toks[first-3].lower]) && !toks[first-3].poss
		}
	}
	return false
}

// creditBefore reports words before the name at token first that make it
// the maker of or a performer in a work: "starring Jim Carrey", "directed by
// Mike Leigh", "a novel by Dan Brown".
func creditBefore(pp *paragraph, first int) bool {
	toks := pp.toks
	if first == 0 || !toks[first-1].word {
		return false
	}
	switch toks[first-1].lower {
	case "starring":
		return true
	case "by":
		return first >= 2 && creditWords[toks[first-2].lower]
	}
	return false
}

// relationBefore reports a relation noun right before the name at token
// first: "his co-star Natalie Portman", "team-mate Paul Rowan".
func relationBefore(pp *paragraph, first int) bool {
	if first == 0 {
		return false
	}
	p := pp.toks[first-1]
	return p.word && !p.upper && !p.poss && relationNouns[p.lower]
}

// copulaRole reads a role stated with "is" or "was" after a name: "Clark
// Boyd is technology correspondent for The World", "X was chief executive
// of Y", "X is a Labour MP". Only a title head counts: "X is a film" says
// nothing.
func copulaRole(pp *paragraph, after int) (Role, bool) {
	toks := pp.toks
	k := after
	if k+1 >= len(toks) {
		return Role{}, false
	}
	past := false
	switch toks[k].lower {
	case "is", "remains":
	case "was":
		past = true
	default:
		return Role{}, false
	}
	k++
	switch toks[k].lower {
	case "the", "a", "an":
		k++
	}
	if k < len(toks) && (toks[k].lower == "former" || toks[k].lower == "then") {
		past = true
		k++
	}
	r, _, ok := titleForward(pp, k)
	if !ok {
		return Role{}, false
	}
	r.Past = past
	return r, true
}
