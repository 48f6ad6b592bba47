package people

// Coordination: in "Cate Blanchett, Leonardo DiCaprio, Keanu Reeves and
// Richard Gere" two names are people by their known first names, and the
// list makes the other two people as well.

// listItem is a person found in a paragraph, or a name-shaped chain that a
// list may make one: tokens [i, j).
type listItem struct {
	i, j   int
	person bool
}

// scanLists accepts as people the name-shaped chains of a paragraph that
// stand in a list ("A, B, C and D") with a person: two or three capitalised
// name words, no place, organisation or nationality word, and none the
// article also writes in lower case.
func (x *extractor) scanLists(pp *paragraph) {
	if pp.heading {
		return
	}
	var items []listItem
	// The paragraph's people so far, in token order.
	var people []listItem
	for _, c := range x.cands {
		if c.para == pp && c.kind == Person && !c.work {
			first := c.i
			if c.hon >= 0 {
				first = c.hon
			}
			people = append(people, listItem{first, c.j, true})
		}
	}
	if len(people) == 0 {
		return
	}
	toks := pp.toks
	pi := 0
	for _, ch := range chains(toks) {
		for pi < len(people) && people[pi].i < ch.i {
			items = append(items, people[pi])
			pi++
		}
		i := ch.i
		if ch.j-i == 3 && toks[i].sentStart && (pluralNoun(toks[i]) || isEnglishWord(toks[i].lower) && !x.isGiven(toks[i])) {
			i++ // "Seeds Dominik Hrbaty, Ivan Ljubicic and Mario Ancic"
		}
		n := ch.j - i
		if n < 2 || n > 3 || !allNameLikeTokens(toks, i, ch.j) || toks[i].allCaps || inTitle(toks, i, ch.j) || titleArticles[toks[i].lower] {
			continue
		}
		free := true
		for k := i; k < ch.j; k++ {
			free = free && !pp.used[k]
		}
		if free {
			items = append(items, listItem{i, ch.j, false})
		}
	}
	items = append(items, people[pi:]...)
	if len(items) < 2 {
		return
	}
	// Link neighbours that a list separator joins: a list is a run of
	// linked items, group[k] its first item.
	group := make([]int, len(items))
	hasAnd := map[int]bool{}
	hasPerson := map[int]bool{}
	size := map[int]int{}
	for k := range items {
		group[k] = k
		if k > 0 {
			if and, ok := listGap(toks, items[k-1].j, items[k].i); ok {
				group[k] = group[k-1]
				hasAnd[group[k]] = hasAnd[group[k]] || and
			}
		}
		size[group[k]]++
		if items[k].person {
			hasPerson[group[k]] = true
		}
	}
	for k, it := range items {
		g := group[k]
		if it.person || !hasAnd[g] || !hasPerson[g] || size[g] < 2 {
			continue
		}
		c := &cand{para: pp, hon: -1, i: it.i, j: it.j, ev: evList}
		if !workContext(pp, it.i, it.j) {
			x.accept(c)
		}
	}
}

// listGap reports whether tokens [a, b) join two items of a list: an
// optional tail naming a work ("Charlize Theron for Monster"), a comma,
// "and" or "or", and an optional title before the next name ("and UK star
// Kate Winslet"). and tells whether "and" or "or" was among them.
func listGap(toks []token, a, b int) (and, ok bool) {
	k := a
	if k < b && toks[k].lower == "for" {
		k++
		for n := 0; k < b && n < 8 && toks[k].word && (toks[k].upper || toks[k].lower == "of" || toks[k].lower == "the"); n++ {
			k++
		}
	}
	sep := false
	if k < b && toks[k].text == "," {
		k++
		sep = true
	}
	if k < b && (toks[k].lower == "and" || toks[k].lower == "or") {
		k++
		sep, and = true, true
	}
	if !sep {
		return false, false
	}
	if k == b {
		return and, true
	}
	// A title before the next name: "UK star", "former James Bond star".
	if b-k > 5 {
		return false, false
	}
	for ; k < b; k++ {
		t := toks[k]
		if !t.word || !(t.upper || isTitleHead(t) || roleModifiers[t.lower] || t.lower == "former") {
			return false, false
		}
	}
	return and, isTitleHead(toks[b-1])
}

// titleArticles start titles, not names: "La Traviata", "El Mariachi".
var titleArticles = words(`la le les los las el il lo`)

// inTitle reports a chain [i, j) that carries on a longer title: "(House)
// of Flying Daggers", "(Eternal Sunshine of) the Spotless Mind", "Lady
// Macbeth of (Mtensk)".
func inTitle(toks []token, i, j int) bool {
	if i > 0 && toks[i-1].word {
		switch toks[i-1].lower {
		case "of", "the", "a", "an", "for", "in", "on", "at", "&":
			return true
		}
	}
	return j < len(toks) && toks[j].word && toks[j].lower == "of"
}
