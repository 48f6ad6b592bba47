package briefings

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/people"
)

// Limits of a who reply.
const (
	maxQuotes      = 8
	maxMentionedIn = 10
	maxRelatedShow = 5
	maxRoles       = 8
	maxQuoteRunes  = 600
	maxSuggestions = 5
	// maxQuotesRead bounds the quotes read for one reply (a prime
	// minister has thousands): enough to fill it after dropping repeats.
	maxQuotesRead = 4 * maxQuotes
)

// Who briefs on a person or organisation.
func (e *Engine) Who(name string) Reply {
	asked := strings.TrimSpace(name)
	name = whoName(name)
	if name == "" {
		return Reply{Kind: KindNotFound, Title: "Who should I brief you on?", Summary: "Give a name, e.g. /who cazeneuve."}
	}
	m := e.lookup(name)
	if m.Found == nil && len(m.Candidates) == 0 && describesSomeone(name) {
		// "who is the mayor of Calais": a description, not a name.
		q := "who " + asked
		if w := strings.Fields(strings.ToLower(asked)); w[0] == "the" || w[0] == "a" || w[0] == "an" {
			q = "who is " + asked // no verb was given: "/who the police chief"
		}
		if !strings.HasSuffix(q, "?") {
			q += "?"
		}
		if r := e.Ask(q); r.Kind == KindAnswer {
			return r
		}
	}
	switch {
	case m.Found != nil:
		if p := e.profiles[m.Found.ID]; p != nil {
			return e.brief(p)
		}
	case len(m.Candidates) > 0:
		if top, ok := e.dominant(m.Candidates); ok {
			// One of them is who the articles mean nearly every time
			// ("blair" in 2005 news): brief on them, and name the others.
			r := e.brief(top)
			var others []*people.Profile
			for _, c := range m.Candidates {
				if c.ID != top.ID {
					others = append(others, c)
				}
			}
			if others = namedOthers(others); len(others) > 0 {
				r.Sections = append(r.Sections, Section{Heading: fmt.Sprintf("Others named “%s”", name), Items: e.nameItems(others)})
			}
			return r
		}
		cands := namedOthers(m.Candidates)
		if len(cands) == 0 {
			cands = m.Candidates
		}
		if len(cands) == 1 {
			// One person has a full name among them; the rest are bare
			// surnames or initials, which name no one in particular.
			if p := e.profiles[cands[0].ID]; p != nil {
				return e.brief(p)
			}
		}
		r := Reply{Kind: KindNotFound, Title: fmt.Sprintf("Several people match “%s”", name),
			Summary: "Did you mean one of these? Ask again with the full name, e.g. /who " + strings.ToLower(cands[0].Name) + "."}
		r.Sections = []Section{{Heading: "Did you mean", Items: e.nameItems(cands)}}
		return r
	}
	r := Reply{Kind: KindNotFound, Title: fmt.Sprintf("No one called “%s” in the corpus", name)}
	sugg := m.Suggestions
	if len(sugg) > maxSuggestions {
		sugg = sugg[:maxSuggestions]
	}
	if len(sugg) > 0 {
		names := make([]string, len(sugg))
		for i, p := range sugg {
			names[i] = p.Name
		}
		r.Summary = "Did you mean " + joinOr(names) + "?"
		r.Sections = []Section{{Heading: "Did you mean", Items: e.nameItems(sugg)}}
	} else {
		r.Summary = e.coverage()
	}
	return r
}

// maxOthers bounds the other people listed for a name.
const maxOthers = 8

// namedOthers keeps the candidates a user can ask for by name, most
// mentioned first: a full name, not a bare surname ("Blair") or an initial
// before one ("M Blair"), which name no one in particular.
func namedOthers(ps []*people.Profile) []*people.Profile {
	var out []*people.Profile
	for _, p := range ps {
		w := strings.Fields(p.Name)
		if p.Kind == people.Person && (len(w) < 2 || utf8.RuneCountInString(strings.TrimRight(w[0], ".")) == 1) {
			continue
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions > out[j].Mentions })
	if len(out) > maxOthers {
		out = out[:maxOthers]
	}
	return out
}

// dominanceRatio is how many times more often the most mentioned of
// several matching people must be named than the next for a name to mean
// them without asking.
const dominanceRatio = 4

// dominant returns the candidate the articles name far more than the rest.
func (e *Engine) dominant(cands []*people.Profile) (*profile, bool) {
	var first, second *people.Profile
	for _, c := range cands {
		switch {
		case first == nil || c.Mentions > first.Mentions:
			first, second = c, first
		case second == nil || c.Mentions > second.Mentions:
			second = c
		}
	}
	if first == nil || second == nil || first.Mentions < dominanceRatio*second.Mentions {
		return nil, false
	}
	p := e.profiles[first.ID]
	return p, p != nil
}

// whoName trims what a user typed around a name: "is darmanin?" (from
// "who is darmanin?") is "darmanin".
func whoName(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "?!."))
	low := strings.ToLower(s)
	for _, p := range []string{"is ", "was ", "are ", "'s ", "’s ", "were "} {
		if strings.HasPrefix(low, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// describesSomeone reports a phrase that reads as a description ("the
// mayor of Calais") rather than a name.
func describesSomeone(s string) bool {
	w := strings.Fields(strings.ToLower(s))
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "the", "a", "an", "this", "that", "his", "her", "their":
		return true
	}
	return len(w) > 3
}

// nameItems lists profiles with their latest role.
func (e *Engine) nameItems(ps []*people.Profile) []Item {
	items := make([]Item, 0, len(ps))
	for _, p := range ps {
		t := p.Name
		if pr := e.profiles[p.ID]; pr != nil && pr.hasLatest {
			t += ", " + pr.latest.Title
		}
		items = append(items, Item{Text: t, Mark: p.Name})
	}
	return items
}

// latestRole is the most recent current role, else the most recent role,
// of roles sorted by sortedRoles.
func latestRole(roles []people.DatedRole) (people.DatedRole, bool) {
	for _, r := range roles {
		if !r.Past {
			return r, true
		}
	}
	if len(roles) > 0 {
		return roles[0], true
	}
	return people.DatedRole{}, false
}

// sortedRoles orders roles most recent first, current before past and the
// most often stated first on the same date; between two articles whose
// dates were both inferred from their text the date is a weak guess, so
// the role stated more often comes first. It keeps keeping the first of each title (case-insensitive) written
// with capitals when any article capitalises it.
func (e *Engine) sortedRoles(in []people.DatedRole) []people.DatedRole {
	// each role's sort keys, computed once rather than per comparison
	type keyed struct {
		people.DatedRole
		stated  int  // how often its title is given
		guessed bool // its article's date was inferred
	}
	stated := map[string]int{}
	for _, r := range in {
		stated[strings.ToLower(strings.TrimSpace(r.Title))]++
	}
	ks := make([]keyed, len(in))
	for i, r := range in {
		d := e.byID[r.DocID]
		ks[i] = keyed{r, stated[strings.ToLower(strings.TrimSpace(r.Title))], d != nil && d.Meta.DateInferred}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		if a.guessed && b.guessed && a.stated != b.stated {
			return a.stated > b.stated
		}
		if a.Date != b.Date {
			return b.Date.Before(a.Date)
		}
		if a.Past != b.Past {
			return !a.Past
		}
		return a.stated > b.stated
	})
	roles := make([]people.DatedRole, len(ks))
	for i, k := range ks {
		roles[i] = k.DatedRole
	}
	cased := map[string]string{}
	for _, r := range roles {
		k := strings.ToLower(strings.TrimSpace(r.Title))
		if c, ok := cased[k]; !ok || (c == k && r.Title != k) {
			cased[k] = strings.TrimSpace(r.Title)
		}
	}
	seen := map[string]bool{}
	out := roles[:0]
	for _, r := range roles {
		k := strings.ToLower(strings.TrimSpace(r.Title))
		if seen[k] || k == "" || !titleLike(k) {
			continue
		}
		seen[k] = true
		r.Title = capitalise(cased[k])
		out = append(out, r)
	}
	return out
}

// titleLike reports a role title that reads as one: not a clause ("to
// set out what ...") and no word twice in a row ("Chancellor
// Chancellor").
func titleLike(lower string) bool {
	w := strings.Fields(lower)
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "to", "the", "a", "an", "and", "or", "of", "in", "on", "at", "for", "with", "what", "who", "which", "that", "is", "was":
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return false
		}
	}
	return true
}

// brief is the who reply for one profile.
func (e *Engine) brief(p *profile) Reply {
	c := newCiter(e)
	r := Reply{Kind: KindWho, Title: p.Name}
	r.Summary = p.summary

	if roles := p.roles; len(roles) > 0 {
		sec := Section{Heading: "Roles"}
		for _, role := range roles {
			if len(sec.Items) == maxRoles {
				break
			}
			t := role.Title
			if role.Past {
				t += " (former)"
			}
			it := Item{Text: t, Date: role.Date.String(), Curated: role.Curated}
			if d := e.byID[role.DocID]; d != nil {
				it.Source = c.cite(role.DocID)
				if !role.Curated {
					it.Date = d.date() // a curated role keeps the date the curator gave
				}
			}
			sec.Items = append(sec.Items, it)
		}
		r.Sections = append(r.Sections, sec)
	}

	if len(p.quotes) > 0 {
		sec := Section{Heading: "Quotes"}
		// The same words reported several times (one story from several
		// outlets, a cut report and a full one) are one item: the fullest
		// report, citing every article.
		type report struct {
			f  quoteForm
			it Item
		}
		var all []report
		for n, q := range p.quotes {
			if n == maxQuotesRead {
				break
			}
			qt := q.doc.quotes[q.i]
			if f := newQuoteForm(qt.Text); f.norm != "" {
				all = append(all, report{f, Item{Text: quoted(qt.Text), Source: q.doc.ID, Date: q.doc.date(), Curated: qt.Curated}})
			}
		}
		rep := make([]int, len(all)) // the fullest report of each one's words
		for i := range all {
			rep[i] = i
			for j := range all {
				r := all[rep[i]].f.norm
				if (len(all[j].f.norm) > len(r) || (all[j].f.norm == r && j < rep[i])) && all[j].f.repeats(all[i].f) {
					rep[i] = j
				}
			}
		}
		at := map[int]int{} // representative -> item index
		for i := range all {
			k, ok := at[rep[i]]
			if !ok {
				if len(sec.Items) == maxQuotes {
					continue
				}
				k = len(sec.Items)
				at[rep[i]] = k
				it := all[rep[i]].it
				it.Source = c.cite(it.Source)
				sec.Items = append(sec.Items, it)
			}
			it := &sec.Items[k]
			if id := all[i].it.Source; id != it.Source && !slices.Contains(it.Also, id) {
				it.Also = append(it.Also, c.cite(id))
			}
		}
		r.Sections = append(r.Sections, sec)
	}

	if len(p.related) > 0 {
		sec := Section{Heading: "Related people"}
		for _, rel := range p.related {
			if len(sec.Items) == maxRelatedShow {
				break
			}
			if rel.p.Kind != people.Person {
				continue
			}
			t := rel.p.Name
			if rel.p.hasLatest {
				t += ", " + rel.p.latest.Title
			}
			t += fmt.Sprintf(" (%s together)", plural(rel.docs, "article", "articles"))
			sec.Items = append(sec.Items, Item{Text: t})
		}
		if len(sec.Items) > 0 {
			r.Sections = append(r.Sections, sec)
		}
	}

	if docs := p.docs; len(docs) > 0 {
		sec := Section{Heading: "Mentioned in"}
		for i := len(docs) - 1; i >= 0 && len(sec.Items) < maxMentionedIn; i-- {
			d := docs[i]
			sec.Items = append(sec.Items, Item{Text: d.Meta.Title, Source: c.cite(d.ID), Date: d.date()})
		}
		if more := len(docs) - len(sec.Items); more > 0 {
			sec.Items = append(sec.Items, Item{Text: fmt.Sprintf("and %s more", plural(more, "article", "articles"))})
		}
		r.Sections = append(r.Sections, sec)
	}
	r.Sources = c.sources
	return r
}

// describe is the one-line summary: the latest role, then the sentence
// that introduces the person (the role's own sentence when there is one).
func (e *Engine) describe(p *profile) string {
	var lead, sentence string
	if role, ok := p.latest, p.hasLatest; ok {
		lead = role.Title
		if role.Past {
			lead = "Former " + lead
		}
		if d := e.byID[role.DocID]; d != nil && !d.Meta.DateInferred && role.Date.String() != "" {
			lead += " (" + role.Date.String() + ")" // a guessed year is no fact to lead with
		}
		sentence = role.Evidence
	}
	if sentence == "" || unfinished(sentence) {
		// A speaker line ("British Prime Minister Keir Starmer stated,")
		// introduces a quote, not the person: a full sentence does.
		if intro := e.introduction(p); intro != "" && (sentence == "" || statement(intro)) {
			sentence = intro
		}
	}
	if unfinished(sentence) {
		// Still a speaker line: what it introduces completes it.
		if q, ok := p.firstQuoteIn(p.latest.DocID); ok {
			sentence = strings.TrimSpace(sentence) + " " + quoted(clip(q, 200))
		}
	}
	sentence = clip(strings.TrimSpace(sentence), 320)
	switch {
	case lead != "" && sentence != "":
		return lead + ". " + sentence
	case lead != "":
		return lead + "."
	case sentence != "":
		return sentence
	}
	return fmt.Sprintf("Named in %s.", plural(len(p.DocIDs), "article", "articles"))
}

// firstQuoteIn is the profile's first quote in a document.
func (p *profile) firstQuoteIn(docID string) (string, bool) {
	best := -1
	var text string
	for _, q := range p.quotes {
		if q.doc.ID == docID && (best < 0 || q.i < best) {
			best, text = q.i, q.doc.quotes[q.i].Text
		}
	}
	return text, best >= 0
}

// introduction is the first full sentence that names the profile in the
// earliest article that mentions it (a speaker line ending in a comma or
// a colon only when there is no other).
func (e *Engine) introduction(p *profile) string {
	var first string
	for _, d := range p.docs {
		for _, i := range p.named[d] {
			m := d.people.Mentions[i]
			_, s := d.sentenceAt(m.Para, m.Start)
			switch {
			case s == "":
			case statement(s):
				return s
			case first == "":
				first = s
			}
		}
	}
	return first
}

// statement reports a sentence that states something: not a speaker line
// and not a question (a sub-heading asking what someone said).
func statement(s string) bool {
	return !unfinished(s) && !strings.HasSuffix(strings.TrimRight(s, " ”’\"'"), "?")
}

// unfinished reports a sentence that ends before its point: a speaker
// line ("X said,", "X stated:") that introduces what follows.
func unfinished(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ",") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "–") || strings.HasSuffix(s, "-")
}

// coverage says what the corpus covers, for replies that found nothing.
func (e *Engine) coverage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "The corpus holds %s, %s", plural(len(e.docs), "article", "articles"), e.span())
	if len(e.topics) > 0 {
		fmt.Fprintf(&b, ", on %s", joinAnd(e.topics))
	}
	b.WriteString(".")
	var names []string
	for _, p := range e.ranked {
		if len(names) == 5 {
			break
		}
		if p.Kind == people.Person {
			names = append(names, p.Name)
		}
	}
	if len(names) > 0 {
		fmt.Fprintf(&b, " The people it mentions most: %s.", joinAnd(names))
	}
	return b.String()
}

// quoted puts a quote between curly quotation marks, clipped.
func quoted(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "\"“”")
	return "“" + clip(s, maxQuoteRunes) + "”"
}

// clip cuts s to n runes at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

// normQuote reduces a quote to its letters and digits, lower case, to
// spot the same quote reported by two articles.
func normQuote(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '“' && r != '”' && r != '’' && r != '‘' && r != '…' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quoteForm is a quote normalised for comparison: whole, and in the pieces
// an ellipsis leaves ("more policemen here... in order to explain").
type quoteForm struct {
	norm   string
	pieces []string
}

// minQuotePiece is the shortest piece of a cut quote that identifies it.
const minQuotePiece = 12

func newQuoteForm(q string) quoteForm {
	f := quoteForm{norm: normQuote(q)}
	for _, p := range strings.FieldsFunc(strings.ReplaceAll(q, "...", "…"), func(r rune) bool { return r == '…' }) {
		if n := normQuote(p); len(n) >= minQuotePiece {
			f.pieces = append(f.pieces, n)
		}
	}
	return f
}

// within reports whether every piece of a cut quote stands, in order, in
// the other quote: the cut report of the same words.
func (f quoteForm) within(other string) bool {
	if len(f.pieces) < 2 {
		return false
	}
	at := 0
	for _, p := range f.pieces {
		i := strings.Index(other[at:], p)
		if i < 0 {
			return false
		}
		at += i + len(p)
	}
	return true
}

// repeats reports whether two quotes are one report: one holds or cuts the
// other.
func (f quoteForm) repeats(q quoteForm) bool {
	return strings.Contains(f.norm, q.norm) || strings.Contains(q.norm, f.norm) || q.within(f.norm) || f.within(q.norm)
}

// dupQuote finds a shown quote that q repeats, holds, or cuts; -1 if none.
func dupQuote(shown []quoteForm, q quoteForm) int {
	for i, s := range shown {
		if s.repeats(q) {
			return i
		}
	}
	return -1
}

func joinOr(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
