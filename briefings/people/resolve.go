package people

import "strings"

// index builds the lookup maps of a DocResult.
func (r *DocResult) index() {
	r.byKey = make(map[string]*Entity, len(r.Entities))
	r.names = map[string][]*Entity{}
	add := func(name string, e *Entity) {
		k := strings.Join(stripHonorific(strings.Fields(fold(stripPossessive(name)))), " ")
		if k != "" && !containsEntity(r.names[k], e) {
			r.names[k] = append(r.names[k], e)
		}
	}
	for _, e := range r.Entities {
		r.byKey[e.Key] = e
		add(e.Name, e)
		for _, a := range e.Aliases {
			add(a, e)
		}
	}
}

func (r *DocResult) byKeyOrNil(key string) *Entity {
	if r.byKey == nil {
		return nil
	}
	return r.byKey[key]
}

// stripPossessive drops a trailing 's or ' ("Cazeneuve’s" -> "Cazeneuve").
func stripPossessive(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

// stripHonorific drops a leading honorific from folded words.
func stripHonorific(ws []string) []string {
	if len(ws) > 1 {
		if _, ok := honorifics[ws[0]]; ok {
			return ws[1:]
		}
	}
	return ws
}

var determiners = words(`the a an this that its his her their our`)

var pronouns = words(`he she him her his hers they them their it i we you me us`)

// complementWords end the title part of a role phrase: "the mayor of Calais".
var complementWords = words(`of at for in to with from on`)

// politicianHeads are the titles an "MP" or a "politician" may hold.
var politicianHeads = words(`minister secretary mp mep msp chancellor whip spokesman spokeswoman
	spokesperson leader senator congressman congresswoman lawmaker legislator politician`)

// Resolve maps a phrase seen at (para, off) to an entity of the article:
// a name or alias ("Mr Marc", "Cazeneuve") or a role noun phrase ("the
// police chief", "the minister") resolved to the last entity holding it.
// Pronouns are not resolved here. When nothing fits, or several people fit
// and none was mentioned before, ok is false: better no answer than a guess.
func (r *DocResult) Resolve(phrase string, para, off int) (key string, ok bool) {
	if r.byKey == nil {
		r.index()
	}
	at := position{para, off}
	raw := strings.Fields(fold(stripPossessive(phrase)))
	if len(raw) == 0 || (len(raw) == 1 && pronouns[raw[0]]) {
		return "", false
	}
	var gender byte
	honorific := false
	if g, ok := honorifics[raw[0]]; ok && len(raw) > 1 {
		gender, honorific = g, true
	}
	name := stripHonorific(raw)
	if !determiners[name[0]] {
		if e := r.resolveName(name, gender, honorific, honorific && plainHonorifics[raw[0]], at); e != nil {
			return e.Key, true
		}
	}
	if e := r.resolveRole(raw, at); e != nil {
		return e.Key, true
	}
	return "", false
}

// resolveName finds the person a name or alias means. A name that several
// of the article's people share resolves only when the article's usage
// tells which (see pick).
func (r *DocResult) resolveName(name []string, gender byte, honorific, plain bool, at position) *Entity {
	key := strings.Join(name, " ")
	hits := r.names[key]
	for _, e := range hits {
		if fold(e.Name) == key {
			return e // the full name
		}
	}
	hits = append([]*Entity(nil), hits...)
	try := func(match func(full []string) bool) {
		for _, e := range r.Entities {
			if e.Kind != Person || containsEntity(hits, e) {
				continue
			}
			if full := strings.Fields(fold(e.Name)); len(full) >= 2 && match(full) {
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
	if len(hits) == 0 && (len(name) >= 2 || honorific) {
		try(func(full []string) bool { return len(name) < len(full) && hasPrefix(full, name) })
	}
	if len(hits) == 0 && len(name) == 1 && runeLen(name[0]) >= 5 {
		try(func(full []string) bool {
			s := full[len(full)-1]
			return misspelt(s, name[0])
		})
	}
	if gender != 0 {
		fits := hits[:0:0]
		for _, e := range hits {
			if e.Gender == 0 || e.Gender == gender {
				fits = append(fits, e)
			}
		}
		hits = fits
	}
	return r.pick(hits, plain, gender, at)
}

// pick chooses among the entities a name fits: one, or of several the one
// the article's usage tells. A knight or a peer ("Sir Ian Blair") is not
// the article's "Mr Blair" (plain is set for such an honorific), a person
// not yet named cannot be meant, and of the rest only one may be known to
// have the honorific's gender; when that leaves several, the name is
// ambiguous and nil is returned: no answer is better than a guess.
func (r *DocResult) pick(hits []*Entity, plain bool, gender byte, at position) *Entity {
	switch len(hits) {
	case 0:
		return nil
	case 1:
		return hits[0]
	}
	before := map[*Entity]bool{}
	for _, m := range r.Mentions {
		if !(position{m.Para, m.Start}).before(at) {
			break
		}
		for _, e := range hits {
			if e.Key == m.Key {
				before[e] = true
			}
		}
	}
	var named, sameGender []*Entity
	for _, e := range hits {
		if !before[e] || (plain && hasRankAlias(e)) {
			continue
		}
		named = append(named, e)
		if gender != 0 && e.Gender == gender {
			sameGender = append(sameGender, e)
		}
	}
	switch {
	case len(named) == 1:
		return named[0]
	case len(sameGender) == 1:
		return sameGender[0]
	}
	return nil
}

// hasRankAlias reports whether the article names e with a rank title:
// "Sir Ian Blair", "Lord Falconer".
func hasRankAlias(e *Entity) bool {
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		if w := strings.Fields(fold(a)); len(w) > 1 && rankHonorifics[w[0]] {
			return true
		}
	}
	return false
}

// resolveRole finds the person a role noun phrase means: the last one
// before at holding a matching role.
func (r *DocResult) resolveRole(words []string, at position) *Entity {
	var ws []string
	for _, w := range words {
		if determiners[w] || w == "former" || w == "then" {
			continue
		}
		ws = append(ws, w)
	}
	head := -1
	for i, w := range ws {
		if complementWords[w] {
			break
		}
		if isHeadWord(w) {
			head = i
		}
	}
	if head < 0 {
		return nil
	}
	var mods []string
	for i, w := range ws {
		if i == head || complementWords[w] || demonyms[w] {
			continue
		}
		mods = append(mods, w)
	}
	var hits []*Entity
	for _, e := range r.Entities {
		if e.Kind != Person {
			continue
		}
		for _, role := range e.Roles {
			have := strings.Fields(fold(role.Title + " " + role.Qualifier))
			if headMatches(ws[head], have) && allIn(mods, have) {
				hits = append(hits, e)
				break
			}
		}
	}
	return r.nearest(hits, at)
}

// headMatches reports whether a role phrase's head fits a title's words:
// the same word, or "MP"/"politician" for any political office.
func headMatches(head string, title []string) bool {
	for _, w := range title {
		if w == head {
			return true
		}
	}
	if head == "mp" || head == "politician" || head == "lawmaker" {
		for _, w := range title {
			if politicianHeads[w] {
				return true
			}
		}
	}
	return false
}

func allIn(ws, in []string) bool {
	for _, w := range ws {
		found := false
		for _, v := range in {
			if v == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// nearest picks, of the entities hits, the one mentioned last before at:
// a role phrase ("the minister") means the last person named holding it.
// A single hit is taken wherever it is mentioned; of several, when none was
// mentioned before at, choosing would be a guess, and nil is returned.
func (r *DocResult) nearest(hits []*Entity, at position) *Entity {
	switch len(hits) {
	case 0:
		return nil
	case 1:
		return hits[0]
	}
	var best *Entity
	var bestPos position
	for _, m := range r.Mentions {
		p := position{m.Para, m.Start}
		if !p.before(at) {
			break
		}
		for _, e := range hits {
			if e.Key == m.Key && (best == nil || !p.before(bestPos)) {
				best, bestPos = e, p
			}
		}
	}
	return best
}
