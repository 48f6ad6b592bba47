// Package people finds the people and organisations an article names, the
// roles it gives them and the aliases it uses for them ("Mr Alegre", "the
// police chief"), and merges them across articles into a Directory.
package people

import "github.com/briefbot/briefbot/briefings/text"

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
	Para  int
	Sent  int  // sentence index in the paragraph
	Past  bool // "who served as Home Secretary": a former role
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
}

// Extract finds the entities, mentions and roles of one article.
func Extract(d *text.Doc) *DocResult {
	return &DocResult{}
}

// Resolve maps a phrase seen at (para, off) to an entity of the article:
// a name or alias ("Mr Marc", "Cazeneuve") or a role noun phrase ("the
// police chief", "the minister") resolved to the last entity holding it.
// Pronouns are not resolved here.
func (r *DocResult) Resolve(phrase string, para, off int) (key string, ok bool) {
	return "", false
}

// DocInput is one article's extraction, for building the Directory.
type DocInput struct {
	DocID  string
	Date   text.Date
	Result *DocResult
}

// DatedRole is a role dated by the article that states it.
type DatedRole struct {
	Title    string
	Past     bool
	DocID    string
	Date     text.Date
	Evidence string // the sentence that states it
}

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

// Directory is every Profile of a corpus, with name lookup.
type Directory struct {
	Profiles []*Profile
	// Local maps a (doc id, doc-local key) pair to a Profile ID.
	Local map[LocalKey]string
}

// LocalKey names a doc-local entity.
type LocalKey struct{ DocID, Key string }

// Build merges the articles' entities into a Directory: on accent-folded
// full names and edit distance 1, never on a surname alone when first
// names or roles conflict. docs must carry the parsed text the results
// came from (for role evidence).
func Build(docs []*text.Doc, results []DocInput) *Directory {
	return &Directory{Local: map[LocalKey]string{}}
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

// Lookup finds a name: exact, alias, then fuzzy (Jaro-Winkler >= 0.9 and
// edit distance <= 2).
func (d *Directory) Lookup(name string) Match {
	return Match{}
}
