package curation

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/quotes"
	"github.com/briefbot/briefbot/briefings/text"
)

// Applier applies one File to one load of a corpus, in the order the
// engine builds: Articles before extraction, Quotes, Figures and Kinds on
// each article's extraction, Rules for merging people, Profiles after.
// It remembers which entries matched something; see Unmatched.
type Applier struct {
	f      *File
	hit    map[string]bool   // entry key ("quotes[2]") -> matched something
	docs   map[string]bool   // ids of the corpus's articles
	digest map[string]string // article id -> DigestExclude or DigestPin
	miss   map[string]string // entry key -> why a part of it (a role) matched nothing
}

// NewApplier prepares f (nil: no corrections) for one load.
func NewApplier(f *File) *Applier {
	if f == nil {
		f = &File{Name: FileName}
	}
	return &Applier{f: f, hit: map[string]bool{}, docs: map[string]bool{}, digest: map[string]string{}, miss: map[string]string{}}
}

// File is the curation file being applied.
func (a *Applier) File() *File { return a.f }

// Articles sets dates and titles and records digest choices. It returns
// the ids of the articles it changed.
func (a *Applier) Articles(docs []*text.Doc) map[string]bool {
	byID := make(map[string]*text.Doc, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
		a.docs[d.ID] = true
	}
	changed := map[string]bool{}
	for i, e := range a.f.Articles {
		d := byID[e.ID]
		if d == nil {
			continue
		}
		a.hit[key("articles", i)] = true
		if !e.Date.IsZero() {
			d.Meta.Published = e.Date
			d.Meta.DateInferred, d.Meta.DateAnchored = false, false
			changed[d.ID] = true
		}
		if e.Title != "" {
			d.Meta.Title = e.Title
			changed[d.ID] = true
		}
		if e.Digest != "" {
			a.digest[d.ID] = e.Digest
		}
	}
	return changed
}

// Digest is an article's digest choice: DigestExclude, DigestPin or "".
func (a *Applier) Digest(id string) string { return a.digest[id] }

// Kinds marks the article's entities a curator said are organisations
// (or people), before people are merged across articles.
func (a *Applier) Kinds(res *people.DocResult) {
	if res == nil {
		return
	}
	for _, p := range a.f.People {
		if p.Kind == "" {
			continue
		}
		kind := people.Person
		if p.Kind == "organisation" {
			kind = people.Organisation
		}
		names := foldedSet(append([]string{p.Name}, p.Aliases...))
		for _, e := range res.Entities {
			if entityNamed(e, names) {
				e.Kind = kind
			}
		}
	}
}

// Quotes hides and reassigns the quotes of one article. A speaker the
// article does not name becomes one of its entities, so the quote joins
// that person's profile when people are merged.
func (a *Applier) Quotes(docID string, res *people.DocResult, qs []quotes.Quote) []quotes.Quote {
	hidden := map[int]bool{}
	for i, e := range a.f.Quotes {
		if e.Article != docID {
			continue
		}
		want := normText(e.Text)
		for j := range qs {
			if !strings.Contains(normText(qs[j].Text), want) {
				continue
			}
			a.hit[key("quotes", i)] = true
			if e.Hide {
				hidden[j] = true
				continue
			}
			if res == nil {
				continue
			}
			qs[j].Speaker = speakerKey(res, e.Speaker)
			qs[j].SpeakerAs = e.Speaker
			qs[j].Curated = true
		}
	}
	if len(hidden) == 0 {
		return qs
	}
	out := qs[:0:0]
	for j, q := range qs {
		if !hidden[j] {
			out = append(out, q)
		}
	}
	return out
}

// speakerKey is the doc-local key of the entity named name, added to the
// article's entities when it names no such one.
func speakerKey(res *people.DocResult, name string) string {
	names := foldedSet([]string{name})
	for _, e := range res.Entities {
		if entityNamed(e, names) {
			return e.Key
		}
	}
	k := "curated:" + people.FoldName(name)
	res.Add(&people.Entity{Key: k, Name: name, Kind: people.Person})
	return k
}

// Figures hides and corrects the figures of one article.
func (a *Applier) Figures(d *text.Doc, fs []figures.Figure) []figures.Figure {
	hidden := map[int]bool{}
	for i, e := range a.f.Figures {
		if d == nil || e.Article != d.ID {
			continue
		}
		for j := range fs {
			f := &fs[j]
			if !valueIs(f.Text, e.Value) || (e.Sentence != "" && !strings.Contains(normText(sentence(d, f)), normText(e.Sentence))) {
				continue
			}
			a.hit[key("figures", i)] = true
			if e.Hide {
				hidden[j] = true
				continue
			}
			if e.Year != 0 {
				f.Year, f.YearFrom, f.Since = e.Year, "explicit", 0
			}
			if e.Counts != "" {
				f.Counts = e.Counts
			}
			f.Curated = true
		}
	}
	if len(hidden) == 0 {
		return fs
	}
	out := fs[:0:0]
	for j, f := range fs {
		if !hidden[j] {
			out = append(out, f)
		}
	}
	return out
}

func sentence(d *text.Doc, f *figures.Figure) string {
	if f.Para < 0 || f.Para >= len(d.Paragraphs) {
		return ""
	}
	p := d.Paragraphs[f.Para]
	if f.Sent >= 0 && f.Sent < len(p.Sentences) {
		return p.Sentence(f.Sent)
	}
	return p.Text
}

// valueIs reports a figure written as value, or as value followed by a
// conversion or a range's other end ("£12 million (€15 million)").
func valueIs(written, value string) bool {
	w, v := normText(written), normText(value)
	return w == v || strings.HasPrefix(w, v+" ")
}

// Rules are the merges and separations for people.BuildWith.
func (a *Applier) Rules() people.Rules {
	var r people.Rules
	for _, p := range a.f.People {
		if len(p.Aliases) > 0 {
			r.Same = append(r.Same, append([]string{p.Name}, p.Aliases...))
		}
		for _, n := range p.NeverMerge {
			r.Apart = append(r.Apart, [2]string{p.Name, n})
		}
	}
	return r
}

// Profiles applies the kinds and role corrections to the merged people and
// records the people entries that name nobody.
func (a *Applier) Profiles(dir *people.Directory) {
	if dir == nil {
		return
	}
	for i, e := range a.f.People {
		k := key("people", i)
		ps := profilesNamed(dir, e)
		if len(ps) == 0 {
			a.miss[k] = fmt.Sprintf("nobody in the corpus is named %q", e.Name)
			continue
		}
		a.hit[k] = true
		for _, p := range ps {
			switch e.Kind {
			case "organisation":
				p.Kind = people.Organisation
			case "person":
				p.Kind = people.Person
			}
			a.editRoles(p, e, k)
		}
	}
}

// profilesNamed lists the profiles whose name is e's name, else the ones
// that have it (or one of e's aliases) as an alias.
func profilesNamed(dir *people.Directory, e Person) []*people.Profile {
	name := people.FoldName(e.Name)
	var exact, alias []*people.Profile
	names := foldedSet(append([]string{e.Name}, e.Aliases...))
	for _, p := range dir.Profiles {
		switch {
		case people.FoldName(p.Name) == name:
			exact = append(exact, p)
		case names[people.FoldName(p.Name)]:
			alias = append(alias, p)
		default:
			for _, al := range p.Aliases {
				if names[people.FoldName(al)] {
					alias = append(alias, p)
					break
				}
			}
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return alias
}

func (a *Applier) editRoles(p *people.Profile, e Person, k string) {
	for j, r := range e.RemoveRoles {
		kept := p.Roles[:0:0]
		for _, have := range p.Roles {
			if roleIs(have, r.Title, r.Date, r.Source) {
				continue
			}
			kept = append(kept, have)
		}
		if len(kept) == len(p.Roles) {
			a.miss[fmt.Sprintf("%s.remove_roles[%d]", k, j)] = fmt.Sprintf("%s has no role %q to remove", e.Name, r.Title)
		}
		p.Roles = kept
	}
	for j, r := range e.CorrectRoles {
		n := 0
		for x := range p.Roles {
			if !roleIs(p.Roles[x], r.Title, text.Date{}, "") {
				continue
			}
			n++
			if r.To != "" {
				p.Roles[x].Title, p.Roles[x].Qualifier = r.To, ""
			}
			if !r.Date.IsZero() {
				p.Roles[x].Date = r.Date
			}
			p.Roles[x].Curated = true
		}
		if n == 0 {
			a.miss[fmt.Sprintf("%s.correct_roles[%d]", k, j)] = fmt.Sprintf("%s has no role %q to correct", e.Name, r.Title)
		}
	}
	for j, r := range e.AddRoles {
		if r.Source != "" && !a.docs[r.Source] {
			a.miss[fmt.Sprintf("%s.add_roles[%d]", k, j)] = fmt.Sprintf("no article %q to cite for the role %q", r.Source, r.Title)
			r.Source = ""
		}
		p.Roles = append(p.Roles, people.DatedRole{Title: r.Title, Past: r.Past, DocID: r.Source, Date: r.Date, Curated: true})
	}
	sort.SliceStable(p.Roles, func(i, j int) bool { return p.Roles[i].Date.Before(p.Roles[j].Date) })
}

// roleIs reports a role with the title (with or without its qualifier),
// and the date and source when they are given.
func roleIs(r people.DatedRole, title string, date text.Date, source string) bool {
	t := normText(title)
	if normText(r.Title) != t && normText(r.String()) != t {
		return false
	}
	if !date.IsZero() && r.Date != date && !(date.Month == 0 && r.Date.Year == date.Year) {
		return false
	}
	return source == "" || r.DocID == source
}

// Unmatched is an entry that changed nothing in this load.
type Unmatched struct {
	File string
	Line int
	Key  string // "quotes[2]", "people[0].remove_roles[1]"
	Why  string
}

func (u Unmatched) String() string {
	return fmt.Sprintf("%s: line %d: %s matches nothing: %s", u.File, u.Line, u.Key, u.Why)
}

// Unmatched lists the entries that matched nothing, in file order. Call
// it after every other step.
func (a *Applier) Unmatched() []Unmatched {
	var out []Unmatched
	add := func(k string, line int, why string) {
		if a.hit[k] && a.miss[k] == "" {
			return
		}
		if m := a.miss[k]; m != "" {
			why = m
		}
		out = append(out, Unmatched{File: a.f.Name, Line: line, Key: k, Why: why})
	}
	for i, e := range a.f.Articles {
		add(key("articles", i), e.Line, fmt.Sprintf("no article has the id %q", e.ID))
	}
	for i, e := range a.f.People {
		k := key("people", i)
		if !a.hit[k] {
			add(k, e.Line, fmt.Sprintf("nobody in the corpus is named %q", e.Name))
			continue
		}
		for j, r := range e.RemoveRoles {
			if kk := fmt.Sprintf("%s.remove_roles[%d]", k, j); a.miss[kk] != "" {
				add(kk, r.Line, "")
			}
		}
		for j, r := range e.CorrectRoles {
			if kk := fmt.Sprintf("%s.correct_roles[%d]", k, j); a.miss[kk] != "" {
				add(kk, r.Line, "")
			}
		}
		for j, r := range e.AddRoles {
			if kk := fmt.Sprintf("%s.add_roles[%d]", k, j); a.miss[kk] != "" {
				add(kk, r.Line, "")
			}
		}
	}
	for i, e := range a.f.Quotes {
		why := fmt.Sprintf("no article has the id %q", e.Article)
		if a.docs[e.Article] {
			why = fmt.Sprintf("no quote of %s holds the words %q", e.Article, e.Text)
		}
		add(key("quotes", i), e.Line, why)
	}
	for i, e := range a.f.Figures {
		why := fmt.Sprintf("no article has the id %q", e.Article)
		if a.docs[e.Article] {
			why = fmt.Sprintf("no figure %q in %s", e.Value, e.Article)
			if e.Sentence != "" {
				why += " in a sentence with " + fmt.Sprintf("%q", e.Sentence)
			}
		}
		add(key("figures", i), e.Line, why)
	}
	return out
}

func key(list string, i int) string { return fmt.Sprintf("%s[%d]", list, i) }

func foldedSet(names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		if f := people.FoldName(n); f != "" {
			out[f] = true
		}
	}
	return out
}

func entityNamed(e *people.Entity, names map[string]bool) bool {
	if names[people.FoldName(e.Name)] {
		return true
	}
	for _, al := range e.Aliases {
		if names[people.FoldName(al)] {
			return true
		}
	}
	return false
}

// normText compares text written by hand with extracted text: lower case,
// one kind of quote and apostrophe, single spaces.
func normText(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "—", "-").Replace(s)
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}
