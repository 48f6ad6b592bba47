package people

import (
	"maps"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/internal/textdist"

	"github.com/briefbot/briefbot/briefings/text"
)

// Directory is every Profile of a corpus, with name lookup.
type Directory struct {
	Profiles []*Profile
	// Local maps a (doc id, doc-local key) pair to a Profile ID.
	Local map[LocalKey]string

	byID    map[string]*Profile
	exact   map[string][]*Profile // folded full names and full aliases
	surname map[string][]*Profile // last word of a person's names; an organisation's short names
	first   map[string][]*Profile // first word of a person's full names
	fuzzy   [][]fuzzyKey          // names and surnames by length in runes
	keys    []*fuzzyKey           // every fuzzy key, for the trigram index
	grams   map[string][]int32    // trigram -> indexes into keys
}

// fuzzyKey is one name the fuzzy lookup compares a query with.
type fuzzyKey struct {
	key      string
	words    []string
	mask     uint64
	profiles []*Profile
}

// maxFuzzyLen bounds the lengths the fuzzy index keeps.
const maxFuzzyLen = 64

// LocalKey names a doc-local entity.
type LocalKey struct{ DocID, Key string }

// Get returns the profile with the id, or nil.
func (d *Directory) Get(id string) *Profile {
	if d == nil || d.byID == nil {
		return nil
	}
	return d.byID[id]
}

// member is one article's entity on its way into a profile.
type member struct {
	docID string
	date  text.Date
	e     *Entity
	group int
	*entityMerge
}

// entityMerge is what a merge reads of an entity, worked out once per
// DocResult.
type entityMerge struct {
	folded   []string // folded name words
	mentions int      // the article's mentions of it
	forms    []string // the name forms of those mentions a profile counts, in order
	heads    map[string]bool
	roles    []memberRole
}

// memberRole is a role of a member with its evidence sentence and the
// key that tells it from the member's other roles.
type memberRole struct {
	key      string // folded title, qualifier and tense
	evidence string
}

// members lists the entities of the results in input order. What the
// merge reads of each article's entities is worked out once per result,
// across GOMAXPROCS workers: a reload shares the results of the articles
// that did not change, so it works out only the others'.
func members(docs []*text.Doc, results []DocInput) []*member {
	byDoc := make(map[string]*text.Doc, len(docs))
	for _, d := range docs {
		if d != nil {
			byDoc[d.ID] = d
		}
	}
	per := make([][]*member, len(results))
	workers := min(runtime.GOMAXPROCS(0), len(results))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(results); i += workers {
				per[i] = docMembers(byDoc[results[i].DocID], results[i])
			}
		})
	}
	wg.Wait()
	var out []*member
	for _, ms := range per {
		out = append(out, ms...)
	}
	return out
}

// docMembers lists the members of one article.
func docMembers(doc *text.Doc, in DocInput) []*member {
	r := in.Result
	if r == nil {
		return nil
	}
	r.mergeOnce.Do(func() { r.merge = entityMerges(doc, r) })
	out := make([]*member, len(r.Entities))
	for i, e := range r.Entities {
		out[i] = &member{docID: in.DocID, date: in.Date, e: e, group: -1, entityMerge: &r.merge[i]}
	}
	return out
}

// entityMerges works out what a merge reads of each entity of r, the
// result of doc.
func entityMerges(doc *text.Doc, r *DocResult) []entityMerge {
	byKey := map[string][]int{} // entity key -> its mentions
	for i, mm := range r.Mentions {
		byKey[mm.Key] = append(byKey[mm.Key], i)
	}
	forms := map[string]mentionForm{} // by mention text: names repeat
	out := make([]entityMerge, len(r.Entities))
	for j, e := range r.Entities {
		m := &out[j]
		m.folded = strings.Fields(fold(e.Name))
		for _, i := range byKey[e.Key] {
			text := r.Mentions[i].Text
			f, ok := forms[text]
			if !ok {
				f.form = nameForm(text)
				f.full = isFull(strings.Fields(fold(f.form)))
				forms[text] = f
			}
			m.mentions++
			if e.Kind == Organisation || f.full {
				m.forms = append(m.forms, f.form)
			}
		}
		m.heads = addHeads(nil, e.Roles)
		for _, r := range e.Roles {
			m.roles = append(m.roles, memberRole{key: fold(r.Title) + "|" + fold(r.Qualifier) + "|" + strconv.FormatBool(r.Past), evidence: roleSentence(doc, r)})
		}
	}
	return out
}

// Build merges the articles' entities into a Directory: on accent-folded
// full names and edit distance 1, never on a surname alone when first
// names or roles conflict. docs must carry the parsed text the results
// came from (for role evidence).
func Build(docs []*text.Doc, results []DocInput) *Directory {
	return BuildWith(docs, results, Rules{})
}

// BuildWith is Build with a curator's rules: names of one Same set form
// one profile shown under the set's first name, and an Apart pair never
// joins, neither by spelling nor by surname.
func BuildWith(docs []*text.Doc, results []DocInput, rules Rules) *Directory {
	members := members(docs, results)
	b := newBuilder()
	b.cur = newCurated(rules)
	// 1. Full names (and organisations) by their folded form; the names a
	// curator said are one person, under the set's first name.
	for _, m := range members {
		name := strings.Join(m.folded, " ")
		if m.e.Kind == Organisation || isFull(m.folded) {
			m.group = b.group(kindKey(m.e.Kind, m.folded))
			b.note(m.group, name)
		}
		if head, ok := b.cur.sameSet(m.e.Name); ok {
			same := b.group(sameKey + head)
			b.note(same, name)
			if m.group < 0 {
				m.group = same
			} else {
				b.union(m.group, same)
			}
		}
	}
	// 2. Spelling variants one edit apart: "Natasha Bouchart" / "Natacha Bouchart".
	b.mergeVariants()
	// 3. A surname alone, or initials, joins the one full name that fits.
	b.attachShort(members)
	return b.directory(members)
}

func isFull(folded []string) bool { return len(folded) >= 2 && !isInitials(folded[0]) }

func kindKey(k Kind, folded []string) string {
	return strconv.Itoa(int(k)) + ":" + strings.Join(folded, " ")
}

// sameKey prefixes the group key of a curator's Same set.
const sameKey = "same:"

// builder groups members with a union-find over group ids.
type builder struct {
	ids    map[string]int // kind:folded name -> group
	keys   []string
	parent []int
	cur    curated
	names  map[int]map[string]bool // root group -> folded names, for Apart
}

func newBuilder() *builder { return &builder{ids: map[string]int{}, names: map[int]map[string]bool{}} }

// note records a folded name of a group, when a curator keeps names apart.
func (b *builder) note(g int, name string) {
	if len(b.cur.apart) == 0 {
		return
	}
	g = b.find(g)
	if b.names[g] == nil {
		b.names[g] = map[string]bool{}
	}
	b.names[g][name] = true
}

func (b *builder) group(key string) int {
	if g, ok := b.ids[key]; ok {
		return g
	}
	g := len(b.keys)
	b.ids[key] = g
	b.keys = append(b.keys, key)
	b.parent = append(b.parent, g)
	return g
}

func (b *builder) find(g int) int {
	for b.parent[g] != g {
		b.parent[g] = b.parent[b.parent[g]]
		g = b.parent[g]
	}
	return g
}

func (b *builder) union(x, y int) {
	x, y = b.find(x), b.find(y)
	if x == y || b.cur.conflict(b.names[x], b.names[y]) {
		return
	}
	if y < x {
		x, y = y, x
	}
	b.parent[y] = x
	for n := range b.names[y] {
		b.note(x, n)
	}
	delete(b.names, y)
}

// mergeVariants unions person groups whose names are one edit apart.
func (b *builder) mergeVariants() {
	const person = "0:"
	slips := slipIndex{}
	for g, k := range b.keys {
		if strings.HasPrefix(k, person) {
			slips.add(k[len(person):], g)
		}
	}
	for g, k := range b.keys {
		if !strings.HasPrefix(k, person) {
			continue
		}
		name := k[len(person):]
		for _, h := range slips.near(name) {
			if h != g && spellingVariant(name, b.keys[h][len(person):]) {
				b.union(g, h)
			}
		}
	}
}

// attachShort gives each short-named person (a surname, initials and a
// surname) the one full-name group that fits it: same surname, matching
// initials, compatible gender and roles. Otherwise short names group with
// the same short name, unless their roles conflict.
func (b *builder) attachShort(members []*member) {
	// Surname -> full-name person groups, with each group's gender and role heads.
	bySurname := map[string][]int{}
	gender := map[int]byte{}
	heads := map[int]map[string]bool{}
	firsts := map[int][][]string{}
	for _, m := range members {
		if m.group < 0 || m.e.Kind != Person {
			continue
		}
		g := b.find(m.group)
		last := m.folded[len(m.folded)-1]
		if !slices.Contains(bySurname[last], g) {
			bySurname[last] = append(bySurname[last], g)
		}
		if gender[g] == 0 {
			gender[g] = m.e.Gender
		}
		if len(m.heads) > 0 {
			if heads[g] == nil {
				heads[g] = map[string]bool{}
			}
			maps.Copy(heads[g], m.heads)
		}
		firsts[g] = append(firsts[g], m.folded)
	}
	for _, m := range members {
		if m.group >= 0 || m.e.Kind != Person || len(m.folded) == 0 {
			continue
		}
		name := m.folded
		if isInitials(name[0]) && len(name) >= 2 {
			name = name[1:]
		}
		var fits []int
		for _, g := range bySurname[name[len(name)-1]] {
			g = b.find(g)
			if slices.Contains(fits, g) {
				continue
			}
			if m.e.Gender != 0 && gender[g] != 0 && m.e.Gender != gender[g] {
				continue
			}
			if rolesConflict(m.heads, heads[g]) || b.cur.conflict(map[string]bool{strings.Join(m.folded, " "): true}, b.names[g]) {
				continue
			}
			ok := false
			for _, full := range firsts[g] {
				if hasSuffix(full, name) && (len(name) == len(m.folded) || initialsMatch(m.folded[0], full[:len(full)-len(name)])) {
					ok = true
				}
			}
			if ok {
				fits = append(fits, g)
			}
		}
		if len(fits) == 1 {
			m.group = fits[0]
			continue
		}
		m.group = b.group(kindKey(Person, m.folded) + rolesSuffix(fits))
		b.note(m.group, strings.Join(m.folded, " "))
	}
}

// rolesSuffix keeps an ambiguous surname apart from the unambiguous one.
func rolesSuffix(fits []int) string {
	if len(fits) > 1 {
		return "?"
	}
	return ""
}

// addHeads adds the last word of each role title (its head) to set.
func addHeads(set map[string]bool, roles []Role) map[string]bool {
	for _, r := range roles {
		ws := strings.Fields(fold(r.Title))
		for i := len(ws) - 1; i >= 0; i-- {
			if isHeadWord(ws[i]) {
				if set == nil {
					set = map[string]bool{}
				}
				set[ws[i]] = true
				break
			}
		}
	}
	return set
}

// rolesConflict reports two role sets that share no head: a "chancellor"
// Brown is not a "soulman" Brown. Either set empty is no conflict.
func rolesConflict(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for h := range a {
		if b[h] || (politicianHeads[h] && anyIn(b, politicianHeads)) {
			return false
		}
	}
	return true
}

func anyIn(set map[string]bool, in wordSet) bool {
	for h := range set {
		if in[h] {
			return true
		}
	}
	return false
}

// directory turns the groups into profiles and indexes them.
func (b *builder) directory(members []*member) *Directory {
	d := &Directory{Local: make(map[LocalKey]string, len(members)), byID: map[string]*Profile{}}
	// the groups, in order of their first member, with their members
	var accs []*profileAcc
	byGroup := map[int]*profileAcc{}
	for _, m := range members {
		if m.group < 0 {
			continue
		}
		g := b.find(m.group)
		a := byGroup[g]
		if a == nil {
			a = &profileAcc{p: &Profile{Kind: m.e.Kind}}
			byGroup[g] = a
			accs = append(accs, a)
		}
		if head, ok := b.cur.sameSet(m.e.Name); ok && b.find(b.ids[sameKey+head]) == g {
			a.show = b.cur.show[head] // unless an Apart rule kept it out
		}
		a.members = append(a.members, m)
		m.group = g
	}
	// each profile reads only its members: profiles are made in parallel
	workers := min(runtime.GOMAXPROCS(0), len(accs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(accs); i += workers {
				accs[i].profile()
			}
		})
	}
	wg.Wait()
	used := map[string]bool{}
	for _, a := range accs {
		p := a.p
		id := slug(p.Name)
		if p.Kind == Organisation {
			id = "org-" + id
		}
		base := id
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		p.ID = id
		d.Profiles = append(d.Profiles, p)
		d.byID[id] = p
	}
	for _, m := range members {
		if m.group >= 0 {
			d.Local[LocalKey{m.docID, m.e.Key}] = byGroup[m.group].p.ID
		}
	}
	d.index()
	return d
}

// profileAcc gathers the members of one group into its profile.
type profileAcc struct {
	p       *Profile
	members []*member
	show    string // the name a curator gave, if any
}

// profile fills a.p from its members: articles, name forms, mentions,
// aliases and roles, then its name; everything but its ID.
func (a *profileAcc) profile() {
	type roleOf struct{ key, docID string }
	p := a.p
	// most profiles gather a few articles' worth: sets that stay slices
	// while small spare a reload allocating maps by the hundred thousand
	var docs, forms, aliases smallSet[string]
	var roleSeen smallSet[roleOf]
	var counts []int // per form, its mentions
	addForm := func(s string) {
		i, isNew := forms.add(s)
		if isNew {
			counts = append(counts, 0)
		}
		counts[i]++
	}
	for _, m := range a.members {
		docs.add(m.docID)
		for _, f := range m.forms {
			addForm(f)
		}
		if m.mentions == 0 {
			addForm(m.e.Name)
		}
		p.Mentions += m.mentions
		aliases.add(m.e.Name)
		for _, al := range m.e.Aliases {
			aliases.add(al)
		}
		for i, r := range m.e.Roles {
			if _, isNew := roleSeen.add(roleOf{m.roles[i].key, m.docID}); !isNew {
				continue
			}
			p.Roles = append(p.Roles, DatedRole{Title: r.Title, Qualifier: r.Qualifier, Past: r.Past, DocID: m.docID, Date: m.date, Evidence: m.roles[i].evidence})
		}
	}
	p.DocIDs, p.Aliases = docs.list, aliases.list
	if len(forms.list) == 0 {
		addForm(a.members[0].e.Name) // no full form: the first member's name
	}
	order, best := forms.list, 0
	for i := range order {
		if counts[i] > counts[best] {
			best = i // the most used form, the first of those used as often
		}
	}
	p.Name = order[best]
	if p.Kind == Organisation && isAllCapsWord(p.Name) {
		// An organisation is named in full, not by its acronym.
		for _, f := range order {
			if !isAllCapsWord(f) && strings.Contains(f, " ") {
				p.Name = f
				break
			}
		}
	}
	if a.show != "" {
		if !slices.Contains(p.Aliases, p.Name) {
			p.Aliases = append(p.Aliases, p.Name)
		}
		p.Name = a.show
	}
	var kept []string
	for _, al := range p.Aliases {
		if al != p.Name {
			kept = append(kept, al)
		}
	}
	p.Aliases = kept
	sort.SliceStable(p.Roles, func(i, j int) bool { return p.Roles[i].Date.Before(p.Roles[j].Date) })
}

// mentionForm is a mention's name form and whether it is a full name.
type mentionForm struct {
	form string
	full bool
}

func isAllCapsWord(s string) bool { return !strings.Contains(s, " ") && isAllCaps(s) }

// nameForm is a mention's text without an honorific: "Mr Alegre" -> "Alegre".
func nameForm(s string) string {
	f := strings.Fields(stripPossessive(s))
	if len(f) > 1 {
		h := strings.ToLower(strings.TrimSuffix(f[0], "."))
		if _, ok := honorifics[h]; ok {
			f = f[1:]
		}
	}
	return strings.Join(f, " ")
}

// roleSentence is the sentence that states a role.
func roleSentence(d *text.Doc, r Role) string {
	if d == nil || r.Para < 0 || r.Para >= len(d.Paragraphs) {
		return ""
	}
	p := d.Paragraphs[r.Para]
	if r.Sent >= 0 && r.Sent < len(p.Sentences) {
		return p.Sentence(r.Sent)
	}
	return p.Text
}

// index builds the lookup maps.
func (d *Directory) index() {
	d.exact = map[string][]*Profile{}
	d.surname = map[string][]*Profile{}
	d.first = map[string][]*Profile{}
	add := func(m map[string][]*Profile, k string, p *Profile) {
		if k == "" {
			return
		}
		for _, q := range m[k] {
			if q == p {
				return
			}
		}
		m[k] = append(m[k], p)
	}
	for _, p := range d.Profiles {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			ws := stripHonorific(strings.Fields(fold(stripPossessive(n))))
			if len(ws) == 0 {
				continue
			}
			if p.Kind == Organisation || isFull(ws) {
				add(d.exact, strings.Join(ws, " "), p)
			}
			if p.Kind == Person {
				add(d.surname, ws[len(ws)-1], p)
				if len(ws) >= 2 && isFull(ws) {
					add(d.first, ws[0], p)
				}
			} else if len(ws) == 1 {
				add(d.surname, ws[0], p)
			}
		}
	}
	d.fuzzy = make([][]fuzzyKey, maxFuzzyLen+1)
	type place struct{ n, i int }
	at := map[string]place{}
	defer d.indexGrams()
	for _, m := range []map[string][]*Profile{d.exact, d.surname} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if pl, ok := at[k]; ok {
				// a surname that is also a full key: merge the profiles.
				fk := &d.fuzzy[pl.n][pl.i]
				fk.profiles = mergeProfiles(fk.profiles, m[k])
				continue
			}
			if n := runeLen(k); n >= 3 && n <= maxFuzzyLen {
				at[k] = place{n, len(d.fuzzy[n])}
				d.fuzzy[n] = append(d.fuzzy[n], fuzzyKey{key: k, words: strings.Fields(k), mask: letterMask(k), profiles: m[k]})
			}
		}
	}
}

func mergeProfiles(a, b []*Profile) []*Profile {
	out := append([]*Profile{}, a...)
	for _, p := range b {
		dup := false
		for _, q := range out {
			if q == p {
				dup = true
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// Lookup finds a name: exact, alias, then one fuzzy pass in which every
// word asked is a slip of the name's word in its place (see slipEdits);
// when nothing matches, the closest names are suggested.
func (d *Directory) Lookup(name string) Match {
	if d == nil || d.exact == nil {
		return Match{}
	}
	ws := stripHonorific(strings.Fields(fold(stripPossessive(name))))
	if len(ws) == 0 {
		return Match{}
	}
	q := strings.Join(ws, " ")
	if m, ok := pick(d.exact[q]); ok {
		return m
	}
	if len(ws) == 1 {
		if m, ok := pick(d.surname[q]); ok {
			return m
		}
		if m, ok := pick(d.first[q]); ok {
			return m
		}
	} else {
		// Some of a person's names: "juan ferrero", "b cazeneuve".
		var hits []*Profile
		for _, p := range d.surname[ws[len(ws)-1]] {
			if p.Kind == Person && namesFit(ws, strings.Fields(fold(p.Name))) {
				hits = append(hits, p)
			}
		}
		if m, ok := pick(hits); ok {
			return m
		}
	}
	if m, ok := d.fuzzyLookup(ws); ok {
		return m
	}
	return Match{Suggestions: d.suggest(ws, 5)}
}

// namesFit reports whether the query words are, in order, words or
// initials of the full name, the last being its surname.
func namesFit(q, full []string) bool {
	if q[len(q)-1] != full[len(full)-1] {
		return false
	}
	j := 0
	for _, w := range q[:len(q)-1] {
		for j < len(full)-1 && full[j] != w && !(runeLen(w) == 1 && strings.HasPrefix(full[j], w)) {
			j++
		}
		if j >= len(full)-1 {
			return false
		}
		j++
	}
	return true
}

// pick turns profiles into a match, preferring people to organisations
// and ordering ambiguous candidates by how often they are mentioned.
func pick(ps []*Profile) (Match, bool) {
	if len(ps) == 0 {
		return Match{}, false
	}
	var people []*Profile
	for _, p := range ps {
		if p.Kind == Person {
			people = append(people, p)
		}
	}
	if len(people) > 0 {
		ps = people
	}
	if len(ps) == 1 {
		return Match{Found: ps[0]}, true
	}
	c := append([]*Profile{}, ps...)
	sort.SliceStable(c, func(i, j int) bool { return c[i].Mentions > c[j].Mentions })
	return Match{Candidates: c}, true
}

// maxNameEdits bounds the edits, over all its words, between a name asked
// and a name it finds.
const maxNameEdits = 2

// fuzzyLookup finds the names with as many words as asked, each word asked
// being a slip of the name's word in its place, maxNameEdits in all; the
// names fewest edits away decide. A length window and a letter-set filter
// keep the pass to the few names that can be that close.
func (d *Directory) fuzzyLookup(ws []string) (Match, bool) {
	q := strings.Join(ws, " ")
	n := runeLen(q)
	qm := letterMask(q)
	best := maxNameEdits + 1
	var ps []*Profile
	for l := max(3, n-maxNameEdits); l <= min(maxFuzzyLen, n+maxNameEdits); l++ {
		for _, k := range d.fuzzy[l] {
			if len(k.words) != len(ws) || bits.OnesCount64(k.mask^qm) > 2*maxNameEdits {
				continue
			}
			switch e := nameEdits(ws, k.words, best); {
			case e < best:
				best, ps = e, append([]*Profile{}, k.profiles...)
			case e == best && e <= maxNameEdits:
				ps = mergeProfiles(ps, k.profiles)
			}
		}
	}
	if best > maxNameEdits {
		return Match{}, false
	}
	return pick(ps)
}

// nameEdits is how many edits turn the words asked into a name's words,
// word by word, each a slip (slipEdits); limit+1 once that is over limit
// or a word is no slip.
func nameEdits(asked, name []string, limit int) int {
	total := 0
	for i, w := range asked {
		e := slipEdits(w, name[i])
		if e < 0 || total+e > limit {
			return limit + 1
		}
		total += e
	}
	return total
}

// slipEdits is how many edits (a swap of neighbours is one) turn the word
// asked w into a name's word o when that is a slip small for o's length:
// none in a word under four letters, one up to six, two beyond; an initial
// fits the word it starts ("b cazeneuve"). A word cut short or run on by
// two letters or more is another name ("marcus" is not Marc): -1, as for
// any word further away.
func slipEdits(w, o string) int {
	if w == o {
		return 0
	}
	rw, ro := []rune(w), []rune(o)
	if len(rw) == 1 && len(ro) > 0 && rw[0] == ro[0] {
		return 0
	}
	if d := len(ro) - len(rw); (d >= 2 || d <= -2) && (strings.HasPrefix(o, w) || strings.HasPrefix(w, o)) {
		return -1
	}
	allowed := 0
	switch n := min(len(rw), len(ro)); {
	case n >= 7:
		allowed = 2
	case n >= 4:
		allowed = 1
	}
	if allowed == 0 {
		return -1
	}
	if e := textdist.OSA(rw, ro, allowed); e <= allowed {
		return e
	}
	return -1
}

// indexGrams builds the trigram index over the fuzzy keys.
func (d *Directory) indexGrams() {
	d.keys = d.keys[:0]
	d.grams = map[string][]int32{}
	for n := range d.fuzzy {
		for i := range d.fuzzy[n] {
			k := &d.fuzzy[n][i]
			id := int32(len(d.keys))
			d.keys = append(d.keys, k)
			for _, g := range trigrams(k.key) {
				if l := d.grams[g]; len(l) == 0 || l[len(l)-1] != id {
					d.grams[g] = append(l, id)
				}
			}
		}
	}
}

// trigrams returns the three-rune slices of s padded with spaces.
func trigrams(s string) []string {
	r := []rune("  " + s + " ")
	out := make([]string, 0, len(r))
	for i := 0; i+3 <= len(r); i++ {
		out = append(out, string(r[i:i+3]))
	}
	return out
}

// suggest returns up to n profiles whose names are closest to the words
// asked: the names sharing the most trigrams with them, as a share of
// both names' trigrams, whose last word is near the last word asked.
func (d *Directory) suggest(ws []string, n int) []*Profile {
	q := strings.Join(ws, " ")
	qg := trigrams(q)
	counts := make([]uint8, len(d.keys))
	var touched []int32
	best := 0
	for _, g := range qg {
		for _, id := range d.grams[g] {
			if counts[id] == 0 {
				touched = append(touched, id)
			}
			if counts[id] < 255 {
				counts[id]++
			}
			best = max(best, int(counts[id]))
		}
	}
	var scored profileScores
	for _, id := range touched {
		c := int(counts[id])
		if c*2 < best || c < 2 {
			continue
		}
		fk := d.keys[id]
		share := float64(2*c) / float64(len(qg)+len(trigrams(fk.key)))
		if share >= minSuggestShare && nearWord(ws[len(ws)-1], fk.words[len(fk.words)-1]) {
			scored.add(fk.profiles, share)
		}
	}
	hits := scored.hits
	sort.SliceStable(hits, func(i, j int) bool {
		if (hits[i].p.Kind == Person) != (hits[j].p.Kind == Person) {
			return hits[i].p.Kind == Person
		}
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].p.ID < hits[j].p.ID
	})
	var out []*Profile
	for _, h := range hits {
		if len(out) == n {
			break
		}
		out = append(out, h.p)
	}
	return out
}

// minSuggestShare is the least share of trigrams a suggested name has in
// common with the name asked.
const minSuggestShare = 0.4

// nearWord reports whether the last word asked w is near enough a name's
// last word o for the name to be suggested: one starts the other ("cazen"),
// or it is within an edit per three letters of the shorter. A shared first
// name alone ("Angela Merkel", "Angela Smith") suggests no one.
func nearWord(w, o string) bool {
	rw, ro := []rune(w), []rune(o)
	short := min(len(rw), len(ro))
	if short >= 3 && (strings.HasPrefix(o, w) || strings.HasPrefix(w, o)) {
		return true
	}
	allowed := max(1, short/3)
	return textdist.OSA(rw, ro, allowed) <= allowed
}

// profileHit is a profile and how well a name matched it.
type profileHit struct {
	p     *Profile
	score float64
}

// profileScores keeps each profile's best score, in first-seen order.
type profileScores struct {
	hits []profileHit
	at   map[*Profile]int
}

func (ps *profileScores) add(profiles []*Profile, score float64) {
	if ps.at == nil {
		ps.at = map[*Profile]int{}
	}
	for _, p := range profiles {
		if i, ok := ps.at[p]; ok {
			ps.hits[i].score = max(ps.hits[i].score, score)
			continue
		}
		ps.at[p] = len(ps.hits)
		ps.hits = append(ps.hits, profileHit{p, score})
	}
}

// smallSet is a set that keeps its members in the order added, as a slice
// searched in turn while it is small and indexed by a map past that.
type smallSet[T comparable] struct {
	list  []T
	index map[T]int
}

// smallSetMax is the size past which a smallSet indexes its members.
const smallSetMax = 8

// add adds x unless it is a member, and returns its position and whether
// it was added.
func (s *smallSet[T]) add(x T) (int, bool) {
	if s.index != nil {
		if i, ok := s.index[x]; ok {
			return i, false
		}
	} else if i := slices.Index(s.list, x); i >= 0 {
		return i, false
	}
	s.list = append(s.list, x)
	i := len(s.list) - 1
	switch {
	case s.index != nil:
		s.index[x] = i
	case len(s.list) > smallSetMax:
		s.index = make(map[T]int, 2*len(s.list))
		for j, y := range s.list {
			s.index[y] = j
		}
	}
	return i, true
}
