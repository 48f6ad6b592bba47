package people

import (
	"slices"
	"sort"
	"strings"
)

// index builds the lookup maps of a DocResult.
func (r *DocResult) index() {
	r.byKey = make(map[string]*Entity, len(r.Entities))
	r.names = map[string][]*Entity{}
	r.people = personIndex{}
	r.namedAt = map[string][]position{}
	for _, m := range r.Mentions {
		r.namedAt[m.Key] = append(r.namedAt[m.Key], position{m.Para, m.Start}) // mentions are in reading order
	}
	r.byRoleWord = map[string][]int{}
	r.roleWords = make([][][]string, len(r.Entities))
	add := func(name string, e *Entity) {
		k := strings.Join(stripHonorific(strings.Fields(fold(stripPossessive(name)))), " ")
		if k != "" && !slices.Contains(r.names[k], e) {
			r.names[k] = append(r.names[k], e)
		}
	}
	for i, e := range r.Entities {
		r.byKey[e.Key] = e
		if e.Kind == Person {
			r.people.add(e, strings.Fields(fold(e.Name)))
			r.indexRoles(i, e)
		}
		add(e.Name, e)
		for _, a := range e.Aliases {
			add(a, e)
		}
	}
}

// indexRoles lists entity i under the words of its roles' titles and
// qualifiers.
func (r *DocResult) indexRoles(i int, e *Entity) {
	for _, role := range e.Roles {
		have := strings.Fields(fold(role.Title + " " + role.Qualifier))
		r.roleWords[i] = append(r.roleWords[i], have)
		for _, w := range have {
			if l := r.byRoleWord[w]; len(l) == 0 || l[len(l)-1] != i {
				r.byRoleWord[w] = append(l, i)
			}
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

// resolveName finds the person a name or alias means: the full name, an
// alias the article uses, or what matchName finds; a name that several of
// the article's people share resolves only when the article's usage tells
// which (see pickNamed).
func (r *DocResult) resolveName(name []string, gender byte, honorific, plain bool, at position) *Entity {
	key := strings.Join(name, " ")
	hits := r.names[key]
	for _, e := range hits {
		if fold(e.Name) == key {
			return e // the full name
		}
	}
	hits = matchName(name, honorific, append([]*Entity(nil), hits...), &r.people, nil)
	if gender != 0 {
		fits := hits[:0:0]
		for _, e := range hits {
			if e.Gender == 0 || e.Gender == gender {
				fits = append(fits, e)
			}
		}
		hits = fits
	}
	e, _ := pickNamed(hits, plain, gender, at, resultUsage{r})
	return e
}

// resultUsage answers nameUsage from a finished DocResult's mentions and
// aliases.
type resultUsage struct{ r *DocResult }

func (u resultUsage) namedBefore(e *Entity, at position) bool {
	named := u.r.namedAt[e.Key]
	return len(named) > 0 && named[0].before(at)
}

func (u resultUsage) hasRankTitle(e *Entity) bool {
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		if w := strings.Fields(fold(a)); len(w) > 1 && rankHonorifics[w[0]] {
			return true
		}
	}
	return false
}

func (u resultUsage) knownGender(e *Entity) byte { return e.Gender }

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
	// Only the people with a role word that can match the head.
	ids := r.byRoleWord[ws[head]]
	if ws[head] == "mp" || ws[head] == "politician" || ws[head] == "lawmaker" {
		for w := range politicianHeads {
			ids = append(ids[:len(ids):len(ids)], r.byRoleWord[w]...)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
	}
	var hits []*Entity
	for _, i := range ids {
		for _, have := range r.roleWords[i] {
			if headMatches(ws[head], have) && allIn(mods, have) {
				hits = append(hits, r.Entities[i])
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
	for _, e := range hits {
		named := r.namedAt[e.Key]
		i := sort.Search(len(named), func(i int) bool { return !named[i].before(at) })
		if i > 0 && (best == nil || bestPos.before(named[i-1])) {
			best, bestPos = e, named[i-1]
		}
	}
	return best
}
