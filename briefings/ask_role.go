package briefings

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/briefings/internal/lazyre"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/search"
)

// roleIntent is a question for whoever holds a role: "who is the French
// interior minister?", "who was the mayor of Calais?".
var roleIntent = lazyre.New(`(?i)^(?:who\s+(?:is|was|are|were|'s)|who's|whos)\s+(?:the\s+)?(?:current\s+|present\s+|new\s+|latest\s+)?(.+?)\s*[?.!]*$`)

// roleArticle is a who-question that names a role, not a person: "who is
// the ...", "who was a ...".
var roleArticle = lazyre.New(`(?i)^(?:who\s+(?:is|was|are|were|'s)|who's|whos)\s+(?:the|a|an|their|its|his|her)\s`)

// describesRole reports a question for whoever holds a role.
func describesRole(q string) bool { return roleArticle().MatchString(q) }

// maxEarlierHolders bounds the earlier holders of a role an answer names.
const maxEarlierHolders = 3

// roleIndex maps each analysed term of a role title to the people who
// held a role with it; built once, on the first question for a role.
type roleIndex map[string][]*profile

func (e *Engine) roles() roleIndex {
	e.roleOnce.Do(func() {
		idx := roleIndex{}
		for _, p := range e.ranked {
			if p.Kind != people.Person {
				continue
			}
			seen := map[string]bool{}
			for _, r := range p.roles {
				for _, t := range e.titleTerms(r.Title) {
					if !seen[t] {
						seen[t] = true
						idx[t] = append(idx[t], p)
					}
				}
			}
		}
		e.roleIdx = idx
	})
	return e.roleIdx
}

// holding is one person's role that answers a role question.
type holding struct {
	p    *profile
	role people.DatedRole
}

// roleHolders answers "who is the ROLE" with the latest dated holder of a
// role whose title holds every word asked (a word the title lacks must be
// its qualifier: "French" for "France's Interior Minister"), and names the
// earlier holders. ok is false when no one held such a role.
func (e *Engine) roleHolders(q, role string) (Reply, bool) {
	words := strings.Fields(strings.ToLower(role))
	year := 0
	if y := yearQ().FindString(role); y != "" {
		year = atoiSafe(y)
		role = yearQ().ReplaceAllString(role, " ")
	}
	terms := search.Terms(role)
	if len(terms) == 0 || len(words) > 6 {
		return Reply{}, false
	}
	head := e.roleHead(role)
	idx := e.roles()
	var cands []*profile
	for i, t := range terms {
		ps := idx[t]
		if i == 0 || len(ps) < len(cands) || cands == nil {
			if ps != nil {
				cands = ps
			}
		}
	}
	var found []holding
	for _, p := range cands {
		for _, r := range p.roles {
			if r.Past || (year != 0 && r.Date.Year != year) || !e.holdsRole(r, terms, head) {
				continue
			}
			found = append(found, holding{p: p, role: r})
			break // their most recent such role
		}
	}
	if len(found) == 0 {
		return Reply{}, false
	}
	// A role's date counts only when its article's date is known or
	// surely inferred: a weak guess must not decide who is "latest".
	dated := func(h holding) bool { return e.roleDated(h.role) }
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if dated(a) != dated(b) {
			return dated(a)
		}
		if dated(a) && a.role.Date != b.role.Date {
			return b.role.Date.Before(a.role.Date)
		}
		return a.p.Mentions > b.p.Mentions
	})
	c := newCiter(e)
	lead := found[0]
	// With no date to order them, the most-named holder leads only when
	// the articles name them far more than anyone else with the role.
	sure := len(found) == 1 || dated(lead) || lead.p.Mentions >= 3*found[1].p.Mentions
	r := Reply{Kind: KindAnswer, Title: clip(q, 120), Confident: sure}
	when := func(h holding) string {
		if !dated(h) {
			return ""
		}
		return roleWhen(h.role)
	}
	switch {
	case dated(lead):
		r.Summary = fmt.Sprintf("%s (%s%s), the latest holder the articles name.", lead.p.Name, lead.role.String(), when(lead))
	case sure:
		r.Summary = fmt.Sprintf("%s (%s), the holder the articles name most.", lead.p.Name, lead.role.String())
	default:
		r.Summary = "No sure answer: the articles name several holders of that role, with no dates to tell which is current."
	}
	var earlier []string
	for _, h := range found[1:] {
		if len(earlier) == maxEarlierHolders {
			break
		}
		earlier = append(earlier, h.p.Name+when(h))
	}
	if len(earlier) > 0 {
		if sure {
			r.Summary += " Earlier: " + joinAnd(earlier) + "."
			if !dated(lead) {
				r.Summary = strings.Replace(r.Summary, " Earlier: ", " Also named: ", 1)
			}
		} else {
			r.Summary += " They include " + joinAnd(append([]string{lead.p.Name}, earlier...)) + "."
		}
	}
	sec := Section{Heading: "From the articles"}
	for _, h := range found {
		if len(sec.Items) == maxAnswers {
			break
		}
		if h.role.Evidence == "" {
			continue
		}
		sec.Items = append(sec.Items, Item{Text: h.role.Evidence, Mark: markable(h.role.Evidence, h.p), Source: c.cite(h.role.DocID), Date: h.role.Date.String()})
	}
	r.Sections = []Section{sec}
	r.Sources = c.sources
	return r, true
}

// holdsRole reports a role whose title holds every term asked but one at
// most, and that one only when it names the role's qualifier ("French"
// and "France" share their first letters) or, with no qualifier stated,
// when the role's article uses it.
func (e *Engine) holdsRole(r people.DatedRole, terms []string, head string) bool {
	title := e.titleTerms(r.Title)
	missing := ""
	for _, t := range terms {
		if slices.Contains(title, t) {
			continue
		}
		if missing != "" {
			return false
		}
		missing = t
	}
	if missing == "" {
		return len(title) > 0
	}
	if len(terms) < 2 || len(missing) < 2 || missing == head {
		return false // the role itself ("manager") is never the word let go
	}
	if q := search.Terms(r.Qualifier); len(q) > 0 {
		return slices.ContainsFunc(q, func(t string) bool { return sameQualifier(t, missing) })
	}
	// A title that names its own qualifier ("LSE boss", "French interior
	// minister") holds for that one only: a word before the role that
	// names the same place ("French", "France"), never one after "of".
	extra := false
	of := strings.Contains(strings.ToLower(r.Title), " of ")
	for _, t := range title {
		if !slices.Contains(terms, t) {
			if !of && sameQualifier(t, missing) {
				return true
			}
			extra = true
		}
	}
	if extra {
		return false
	}
	// No qualifier stated with the title: the article must name it.
	d := e.byID[r.DocID]
	return d != nil && strings.Contains(d.lower(), missing)
}

// roleDated reports a role whose article's date is stated or surely
// inferred, so it may order holders and be printed.
func (e *Engine) roleDated(r people.DatedRole) bool {
	d := e.byID[r.DocID]
	return d != nil && !r.Date.IsZero() && d.date() != ""
}

// roleHead is the analysed term of the role's own noun: the last word of
// "French interior minister", the word before "of" in "mayor of Calais".
func (e *Engine) roleHead(role string) string {
	low := strings.ToLower(role)
	if i := strings.Index(low, " of "); i > 0 {
		low = low[:i]
	}
	terms := search.Terms(low)
	if len(terms) == 0 {
		return ""
	}
	return terms[len(terms)-1]
}

// roleWhen is ", 2021" for a role of a dated article.
func roleWhen(r people.DatedRole) string {
	if r.Date.IsZero() {
		return ""
	}
	return fmt.Sprintf(", %d", r.Date.Year)
}

// markable is the form of the person's name the sentence uses, to mark.
func markable(s string, p *profile) string {
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		if strings.Contains(s, n) {
			return n
		}
	}
	return ""
}

// sameQualifier reports two analysed terms that qualify a role alike: the
// same word, one the other's longer form ("german", "germani"), or a
// country and its people's adjective ("franc", "french"). "European" and
// "Euronext" are not alike, however many letters they share.
func sameQualifier(a, b string) bool {
	if a == b || len(a) >= 4 && strings.HasPrefix(b, a) || len(b) >= 4 && strings.HasPrefix(a, b) {
		return true
	}
	return demonymOf()[a] == b || demonymOf()[b] == a
}
