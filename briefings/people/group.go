package people

// This file groups an article's names into its people: spelling
// variants, shorter forms of a full name, headlines glued to text, and
// names that are only the titles of works.

import (
	"strings"

	"github.com/briefbot/briefbot/internal/textdist"
)

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
	slips := slipIndex{}
	for i, g := range groups {
		for _, j := range slips.near(g.key) {
			h := groups[j]
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
		slips.add(g.key, i)
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
				x.link(c, e)
			}
			x.setFull(m.key, e)
		}
		e.Name = order[0]
		for _, n := range order {
			if count[n] > count[e.Name] {
				e.Name = n
			}
		}
		x.addPerson(e)
	}
	// A shorter full name inside a longer one joins it: "Kalan Karim" in
	// "Kalan Kawa Karim", the first names "Juan Carlos" in "Juan Carlos
	// Ferrero" (when only one longer name fits).
	for id, e := range x.people.people {
		short := x.people.words[id]
		var into []*Entity
		for _, fid := range x.people.withFirst(short[0]) {
			f, long := x.people.people[fid], x.people.words[fid]
			if e == f || e.Kind != Person || f.Kind != Person {
				continue
			}
			if len(short) < len(long) && (subName(short, long) || hasPrefix(long, short)) {
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

// spellingVariant reports two folded full names one edit apart, with the
// same number of words and long enough for one edit to be a misspelling.
func spellingVariant(a, b string) bool {
	if len(strings.Fields(a)) != len(strings.Fields(b)) || runeLen(a) < 8 || runeLen(b) < 8 {
		return false
	}
	if textdist.Levenshtein(a, b, 1) != 1 {
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

// subName reports whether the words s are a subsequence of the words l
// with the same first and last words.
func subName(s, l []string) bool {
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

// linkShort links the candidates that are not full names (an honorific and
// a surname, a single name after a title, initials) to the article's
// people, or makes them people of their own.
func (x *extractor) linkShort() {
	honCount := x.honorificCounts()
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
		byFirst := c.hon >= 0 && len(toks) == 1 && (honCount[toks[0]] == 1 || firstNameHonorifics[hon])
		e, ambiguous := x.find(toks, hon, byFirst, candPos(c))
		if e != nil {
			x.link(c, e)
			continue
		}
		if ambiguous {
			continue // "Mr Blair" beside Tony and Cherie Blair: no one, not a guess
		}
		key := strings.Join(toks, " ")
		if e := x.byFull[key]; e != nil && e.Kind == Person && (c.gender == 0 || x.genderFits(e, c.gender)) {
			x.link(c, e)
			continue
		}
		e = &Entity{Kind: Person, Name: c.name()}
		x.addPerson(e)
		x.setFull(key, e)
		x.link(c, e)
	}
}
