package people

// This file turns an article's candidates into its DocResult: keys,
// aliases, roles, mentions and genders.

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/briefings/text"
)

// result turns the candidates into the DocResult: entities with keys,
// aliases, roles and genders, and mentions in reading order.
func (x *extractor) result() *DocResult {
	r := &DocResult{}
	// Organisations: one entity per folded name; an acronym in brackets
	// after a name is its alias.
	orgBy := map[string]*Entity{}
	for i, c := range x.orgs {
		k := fold(c.name())
		e := orgBy[k]
		if e == nil {
			if prev := x.bracketedAcronymOf(i); prev != nil {
				e = prev
			} else {
				e = &Entity{Kind: Organisation, Name: c.name()}
				x.ents = append(x.ents, e)
			}
			orgBy[k] = e
		}
		c.entity = e
	}
	all := append(append([]*cand{}, x.cands...), x.orgs...)
	sort.SliceStable(all, func(i, j int) bool { return candPos(all[i]).before(candPos(all[j])) })
	used := map[string]bool{}
	keyOf := map[*Entity]string{}
	for _, c := range all {
		e := c.entity
		if e == nil || e.Kind < 0 {
			continue
		}
		if _, ok := keyOf[e]; !ok {
			k := slug(e.Name)
			for n := 2; used[k]; n++ {
				k = slug(e.Name) + "-" + strconv.Itoa(n)
			}
			used[k] = true
			keyOf[e] = k
			e.Key = k
			r.Entities = append(r.Entities, e)
		}
		s := c.surface()
		r.Mentions = append(r.Mentions, Mention{Para: c.para.idx, Start: c.start(), End: c.end(), Text: s, Key: e.Key})
		if s != e.Name && !slices.Contains(e.Aliases, s) {
			e.Aliases = append(e.Aliases, s)
		}
		if c.gender != 0 && e.Gender == 0 {
			e.Gender = c.gender
		}
		for _, role := range c.roles {
			role.Title = x.trimOtherNames(role.Title, e)
			if role.Title != "" {
				addRole(e, role)
			}
		}
	}
	r.index()
	x.guessGenders(r)
	return r
}

// trimOtherNames drops leading words of a title that are another person's
// surname: a headline glued to "Wales coach Mike Ruddock" must not make him
// the "Grewcock Wales coach".
func (x *extractor) trimOtherNames(title string, self *Entity) string {
	ws := strings.Fields(title)
	for len(ws) > 1 {
		if !x.people.isSurname(fold(stripPossessive(ws[0])), self) {
			break
		}
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// addRole adds a role unless the entity already holds that title.
func addRole(e *Entity, r Role) {
	for _, have := range e.Roles {
		if strings.EqualFold(have.Title, r.Title) && strings.EqualFold(have.Qualifier, r.Qualifier) && have.Past == r.Past {
			return
		}
	}
	e.Roles = append(e.Roles, r)
}

// guessGenders sets the gender of people without an honorific from the
// pronouns that follow a sentence naming only them: the rest of that
// sentence, and the next sentence (or paragraph) when it names nobody.
func (x *extractor) guessGenders(r *DocResult) {
	votes := map[string]int{}
	byPara := map[int][]Mention{}
	for _, m := range r.Mentions {
		if e := r.byKeyOrNil(m.Key); e != nil && e.Kind == Person {
			byPara[m.Para] = append(byPara[m.Para], m)
		}
	}
	// in returns the mentions of a paragraph that start within sp; a
	// paragraph's mentions are in reading order.
	in := func(ms []Mention, sp text.Span) []Mention {
		lo := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= sp.Start })
		hi := lo + sort.Search(len(ms)-lo, func(i int) bool { return ms[lo+i].Start >= sp.End })
		return ms[lo:hi]
	}
	for _, pp := range x.paras {
		ms := byPara[pp.idx]
		for si, sp := range pp.p.Sentences {
			key, end, n := "", 0, 0
			for _, m := range in(ms, sp) {
				if m.Key != key {
					n++
				}
				key, end = m.Key, m.End
			}
			if n != 1 {
				continue
			}
			follow := ""
			if end < sp.End {
				follow = pp.p.Text[end:sp.End]
			}
			if si+1 < len(pp.p.Sentences) {
				if nx := pp.p.Sentences[si+1]; len(in(ms, nx)) == 0 {
					follow += " " + pp.p.Text[nx.Start:nx.End]
				}
			} else if pp.idx+1 < len(x.paras) && len(byPara[pp.idx+1]) == 0 {
				next := x.paras[pp.idx+1].p
				if len(next.Sentences) > 0 {
					follow += " " + next.Sentence(0)
				}
			}
			votes[key] += pronounVote(follow)
		}
	}
	for _, e := range r.Entities {
		if e.Kind != Person || e.Gender != 0 {
			continue
		}
		switch v := votes[e.Key]; {
		case v >= 1:
			e.Gender = 'm'
		case v <= -1:
			e.Gender = 'f'
		}
	}
}

// pronounVote is +1 for a sentence whose first personal pronoun is male,
// -1 for female, 0 for none.
func pronounVote(s string) int {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
		switch strings.ToLower(w) {
		case "he", "his", "him", "himself":
			return 1
		case "she", "her", "hers", "herself":
			return -1
		}
	}
	return 0
}
