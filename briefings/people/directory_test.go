package people

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/briefings/text"
)

// article is a test document: id, date and body.
type article struct{ id, date, body string }

// buildDir parses and extracts the articles and builds their Directory.
func buildDir(t testing.TB, arts []article) (*Directory, []*text.Doc) {
	t.Helper()
	var docs []*text.Doc
	var ins []DocInput
	for _, a := range arts {
		d, err := text.Parse(a.id, []byte(a.body))
		if err != nil {
			t.Fatalf("parse %s: %v", a.id, err)
		}
		if a.date != "" {
			if d.Meta.Published, err = text.ParseDate(a.date); err != nil {
				t.Fatal(err)
			}
		}
		docs = append(docs, d)
		ins = append(ins, DocInput{DocID: d.ID, Date: d.Meta.Published, Result: Extract(d)})
	}
	return Build(docs, ins), docs
}

var mergeCorpus = []article{
	{"a", "2014-11-05", "Calais mayor Natacha Bouchart appeared before MPs. Natacha Bouchart said the town was full."},
	{"b", "2014-11-06", "Natasha Bouchart told MPs the benefits were too generous."},
	{"c", "2025-09-01", "Mr Alegre said officers were short of cars."},
	{"d", "2025-09-02", "French police chief Marc Alegre says officers face violence."},
	{"e", "2005-01-01", "Chancellor Gordon Brown presented the budget."},
	{"f", "2005-01-02", "Soul singer James Brown will also appear at the festival."},
	{"g", "2005-01-03", "Mr Brown said nothing about it."},
	{"h", "2021-10-07", "Interior Minister Gérald Darmanin ordered the eviction."},
	{"i", "2021-10-08", "Gerald Darmanin said the camp was a danger."},
	{"j", "2014-09-20", "Joint declaration by M. Bernard Cazeneuve, Minister of the Interior, and Mrs Theresa May, Home Secretary of the United Kingdom"},
	{"k", "2014-11-05", "M. Cazeneuve met British Home Secretary Theresa May. Guitarist Brian May played."},
}

func TestBuildMerges(t *testing.T) {
	dir, _ := buildDir(t, mergeCorpus)
	byName := map[string]*Profile{}
	for _, p := range dir.Profiles {
		if byName[p.Name] != nil {
			t.Errorf("two profiles named %q", p.Name)
		}
		byName[p.Name] = p
	}
	tests := []struct {
		name string
		docs []string
	}{
		{"Natacha Bouchart", []string{"a", "b"}},  // one edit apart
		{"Marc Alegre", []string{"c", "d"}},       // a surname alone joins the one full name
		{"Gordon Brown", []string{"e"}},           // "Mr Brown" fits two Browns: joins neither
		{"James Brown", []string{"f"}},            //
		{"Brown", []string{"g"}},                  //
		{"Gérald Darmanin", []string{"h", "i"}},   // accents folded
		{"Bernard Cazeneuve", []string{"j", "k"}}, //
		{"Theresa May", []string{"j", "k"}},       //
		{"Brian May", []string{"k"}},              // never merged on a surname
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := byName[tc.name]
			if p == nil {
				var names []string
				for n := range byName {
					names = append(names, n)
				}
				sort.Strings(names)
				t.Fatalf("no profile %q; have %q", tc.name, names)
			}
			if strings.Join(p.DocIDs, ",") != strings.Join(tc.docs, ",") {
				t.Errorf("docs = %v, want %v", p.DocIDs, tc.docs)
			}
			for _, d := range tc.docs {
				found := false
				for k, id := range dir.Local {
					if k.DocID == d && id == p.ID {
						found = true
					}
				}
				if !found {
					t.Errorf("Local has no entry of doc %s for %s", d, p.ID)
				}
			}
		})
	}
	bouchart := byName["Natacha Bouchart"]
	if !slices.Contains(bouchart.Aliases, "Natasha Bouchart") {
		t.Errorf("aliases = %q, want the variant spelling", bouchart.Aliases)
	}
	if bouchart.Mentions != 3 {
		t.Errorf("mentions = %d, want 3", bouchart.Mentions)
	}
	if len(bouchart.Roles) == 0 || bouchart.Roles[0].Title != "Calais mayor" || bouchart.Roles[0].Date.String() != "2014-11-05" ||
		bouchart.Roles[0].DocID != "a" || bouchart.Roles[0].Evidence != "Calais mayor Natacha Bouchart appeared before MPs." {
		t.Errorf("roles = %+v", bouchart.Roles)
	}
}

func TestBuildIDsAreStable(t *testing.T) {
	arts := []article{
		{"a", "", "Striker John Smith scored twice."},
		{"b", "", "Former minister John Smith died in 1994."},
		{"c", "", "Coach Jean Dupont said it was hard. Jean Dupont added more."},
	}
	first, _ := buildDir(t, arts)
	second, _ := buildDir(t, arts)
	var a, b []string
	for _, p := range first.Profiles {
		a = append(a, p.ID)
	}
	for _, p := range second.Profiles {
		b = append(b, p.ID)
	}
	if strings.Join(a, ",") != strings.Join(b, ",") {
		t.Errorf("ids differ between loads: %v / %v", a, b)
	}
	if got := first.Get("jean-dupont"); got == nil || got.Name != "Jean Dupont" {
		t.Errorf("Get(jean-dupont) = %+v", got)
	}
}

func TestLookup(t *testing.T) {
	dir, _ := buildDir(t, mergeCorpus)
	tests := []struct {
		query      string
		found      string   // the one profile, or ""
		candidates []string // ambiguous: these, in any order
		suggest    bool     // nothing found: some suggestions expected
		first      string   // and this one first
	}{
		{query: "Bernard Cazeneuve", found: "Bernard Cazeneuve"},
		{query: "cazeneuve", found: "Bernard Cazeneuve"},
		{query: "M. Cazeneuve", found: "Bernard Cazeneuve"},
		{query: "natasha bouchart", found: "Natacha Bouchart"},
		{query: "gerald darmanin", found: "Gérald Darmanin"},
		{query: "alegre", found: "Marc Alegre"},
		{query: "theresa may", found: "Theresa May"},
		{query: "cazenueve", found: "Bernard Cazeneuve"},
		{query: "natacha bouchrat", found: "Natacha Bouchart"},
		{query: "darmamin", found: "Gérald Darmanin"},
		{query: "may", candidates: []string{"Theresa May", "Brian May"}},
		{query: "brown", candidates: []string{"Gordon Brown", "James Brown", "Brown"}},
		{query: "zebedee", suggest: false},
		{query: "bernadette cazeneuve", suggest: true, first: "Bernard Cazeneuve"},
		{query: "bernard cazalet", suggest: false}, // a first name alone is not close
		{query: "marc", found: "Marc Alegre"},
		{query: "mr alegre", found: "Marc Alegre"},
		{query: "alegr", found: "Marc Alegre"}, // one letter dropped from a six-letter word
		{query: "b cazeneuve", found: "Bernard Cazeneuve"},
		{query: "bouchard", found: "Natacha Bouchart"},
		{query: "marcus", suggest: false},                             // a longer name is another name
		{query: "marcus alegre", suggest: true, first: "Marc Alegre"}, // every word must fit
		{query: "cazen", suggest: true, first: "Bernard Cazeneuve"},   // a name cut short
		{query: "natasha bouchrad", found: "Natacha Bouchart"},        // two edits in all
		{query: "", suggest: false},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			m := dir.Lookup(tc.query)
			switch {
			case tc.found != "":
				if m.Found == nil || m.Found.Name != tc.found {
					t.Errorf("Found = %+v, want %s (candidates %d, suggestions %d)", m.Found, tc.found, len(m.Candidates), len(m.Suggestions))
				}
			case tc.candidates != nil:
				var got []string
				for _, p := range m.Candidates {
					got = append(got, p.Name)
				}
				sort.Strings(got)
				want := append([]string{}, tc.candidates...)
				sort.Strings(want)
				if m.Found != nil || strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("Found = %v, Candidates = %q; want %q", m.Found, got, want)
				}
			default:
				if m.Found != nil || len(m.Candidates) != 0 {
					t.Errorf("matched %+v", m)
				}
				if tc.suggest != (len(m.Suggestions) > 0) {
					t.Errorf("suggestions = %d, want some: %v", len(m.Suggestions), tc.suggest)
				}
				if tc.first != "" && (len(m.Suggestions) == 0 || m.Suggestions[0].Name != tc.first) {
					t.Errorf("suggestions %v, want %s first", m.Suggestions, tc.first)
				}
			}
		})
	}
}

func TestLookupPrefersPeople(t *testing.T) {
	person := &Profile{Name: "Apple", Kind: Person}
	org := &Profile{Name: "Apple", Kind: Organisation}
	if m, _ := pick([]*Profile{org, person}); m.Found != person {
		t.Errorf("pick = %+v, want the person", m)
	}
	if m, _ := pick([]*Profile{org}); m.Found != org {
		t.Errorf("pick = %+v, want the organisation", m)
	}
}

// seedsDir and bbcDir are the shared corpora, beside the repository.
const (
	seedsDir = "../../../shared/seeds"
	bbcDir   = "../../../shared/corpora/bbc"
)

// loadDir parses every .md/.txt file under root (ids are paths without
// extension), skipping the test when root is absent.
func loadDir(t testing.TB, root string) []*text.Doc {
	t.Helper()
	if _, err := os.Stat(root); err != nil {
		t.Skipf("%s absent: %v", root, err)
	}
	var docs []*text.Doc
	err := filepath.WalkDir(root, func(path string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		ext := filepath.Ext(path)
		if ext != ".md" && ext != ".txt" || strings.EqualFold(de.Name(), "README.md") {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		d, err := text.Parse(strings.TrimSuffix(filepath.ToSlash(rel), ext), raw)
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func buildFrom(docs []*text.Doc) *Directory {
	ins := make([]DocInput, len(docs))
	for i, d := range docs {
		ins[i] = DocInput{DocID: d.ID, Date: d.Meta.Published, Result: Extract(d)}
	}
	return Build(docs, ins)
}

// hasRole reports whether p holds a role whose title contains title.
func hasRole(p *Profile, title string) bool {
	for _, r := range p.Roles {
		if strings.Contains(strings.ToLower(r.Title), strings.ToLower(title)) {
			return true
		}
	}
	return false
}

// TestRawSeeds reads the raw seed files (no front matter, page furniture
// left in): Keir Starmer is found as Prime Minister.
func TestRawSeeds(t *testing.T) {
	dir := buildFrom(loadDir(t, seedsDir))
	m := dir.Lookup("starmer")
	if m.Found == nil || m.Found.Name != "Keir Starmer" || !hasRole(m.Found, "Prime Minister") {
		t.Fatalf("Lookup(starmer) = %+v", m.Found)
	}
	for _, q := range []string{"cazeneuve", "natasha bouchart", "alegre", "cooper", "brokenshire", "theresa may"} {
		if m := dir.Lookup(q); m.Found == nil {
			t.Errorf("Lookup(%q) found nothing", q)
		}
	}
}

// TestBBCBlunkett builds the directory of the BBC corpus: David Blunkett
// is Home Secretary.
func TestBBCBlunkett(t *testing.T) {
	if testing.Short() {
		t.Skip("the BBC corpus takes a few seconds")
	}
	dir := buildFrom(loadDir(t, bbcDir))
	m := dir.Lookup("david blunkett")
	if m.Found == nil || m.Found.Name != "David Blunkett" || !hasRole(m.Found, "Home Secretary") {
		t.Fatalf("Lookup(david blunkett) = %+v", m.Found)
	}
	t.Logf("BBC: %d profiles; David Blunkett in %d documents", len(dir.Profiles), len(m.Found.DocIDs))
}

// TestSmallSet: a smallSet keeps its members once, in the order added,
// and finds them at the same positions once it indexes them.
func TestSmallSet(t *testing.T) {
	var s smallSet[string]
	words := strings.Fields("a b a c b d e f g h i j a k j")
	var want []string
	for _, w := range words {
		i, added := s.add(w)
		pos := slices.Index(want, w)
		wantAdded := pos < 0
		if wantAdded {
			want = append(want, w)
			pos = len(want) - 1
		}
		if i != pos || added != wantAdded {
			t.Errorf("add(%q) = %d, %v; want %d, %v", w, i, added, pos, wantAdded)
		}
	}
	if !slices.Equal(s.list, want) || s.index == nil {
		t.Errorf("list %v (indexed %v), want %v indexed", s.list, s.index != nil, want)
	}
}
