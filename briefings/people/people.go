// Package people finds the people and organisations an article names, the
// roles it gives them and the aliases it uses for them ("Mr Alegre", "the
// police chief"), and merges them across articles into a Directory.
package people

import (
	"sync"

	"github.com/briefbot/briefbot/briefings/text"
)

// Kind tells a person from an organisation.
type Kind int

// Entity kinds.
const (
	Person Kind = iota
	Organisation
)

// Mention is one place an article names an entity.
type Mention struct {
	Para       int    // paragraph index in the Doc
	Start, End int    // byte span in the paragraph text
	Text       string // as written: "Mr Alegre", "Natasha Bouchart"
	Key        string // the doc-local Entity key it refers to
}

// Role is a title an article gives an entity, with where it says so.
type Role struct {
	Title string // "Interior Minister", "Calais mayor", "shadow immigration minister"
	// Qualifier says whose office it is when the article puts that
	// before the title: "France" in "France's Interior Minister",
	// "Labour" in "Labour's shadow immigration minister", "UK".
	Qualifier string
	Para      int
	Sent      int  // sentence index in the paragraph
	Past      bool // "who served as Home Secretary": a former role
}

// String is the title with its qualifier: "Interior Minister (France)".
func (r Role) String() string { return withQualifier(r.Title, r.Qualifier) }

func withQualifier(title, q string) string {
	if q == "" {
		return title
	}
	return title + " (" + q + ")"
}

// Entity is one person or organisation within one article.
type Entity struct {
	Key     string // doc-local key, stable within the DocResult
	Name    string // the fullest form used: "Marc Alegre"
	Kind    Kind
	Gender  byte // 'm', 'f' or 0 when unknown (from Mr/Ms, he/she)
	Aliases []string
	Roles   []Role
}

// DocResult is what Extract finds in one article.
type DocResult struct {
	Entities []*Entity
	Mentions []Mention

	byKey      map[string]*Entity
	names      map[string][]*Entity  // folded name or alias -> entities
	people     personIndex           // the persons, by the words of their names
	namedAt    map[string][]position // entity key -> where the article names it, in order
	byRoleWord map[string][]int      // a word of a person's role -> indexes into Entities
	roleWords  [][][]string          // per entity, the folded words of each role

	// merge is what a merge reads of each entity, worked out once: an
	// unchanged article's result is shared by the engines that reload it
	// (see members).
	mergeOnce sync.Once
	merge     []entityMerge
}

// Entity returns the entity with the doc-local key, or nil.
func (r *DocResult) Entity(key string) *Entity {
	if r.byKey == nil {
		r.index()
	}
	return r.byKey[key]
}

// Extract finds the entities, mentions and roles of one article.
func Extract(d *text.Doc) *DocResult {
	if d == nil {
		return &DocResult{}
	}
	return newExtractor(d).run()
}

// DocInput is one article's extraction, for building the Directory.
type DocInput struct {
	DocID  string
	Date   text.Date
	Result *DocResult
}

// DatedRole is a role dated by the article that states it.
type DatedRole struct {
	Title     string
	Qualifier string // "France" for "France's Interior Minister"; may be empty
	Past      bool
	DocID     string
	Date      text.Date
	Evidence  string // the sentence that states it
	Curated   bool   // added or corrected by a curator
}

// String is the title with its qualifier: "Interior Minister (France)".
func (r DatedRole) String() string { return withQualifier(r.Title, r.Qualifier) }

// Profile is one person or organisation across the corpus.
type Profile struct {
	ID       string // stable across loads of the same corpus
	Name     string
	Kind     Kind
	Aliases  []string
	Roles    []DatedRole
	DocIDs   []string // documents that mention them, in corpus order
	Mentions int
}

// Match is the outcome of a name lookup.
type Match struct {
	// Found is set when one profile matches (exactly, by alias or fuzzily).
	Found *Profile
	// Candidates lists the profiles an ambiguous name could mean.
	Candidates []*Profile
	// Suggestions lists the closest names when nothing matched.
	Suggestions []*Profile
}
