package people

import "strings"

// Rules are a curator's corrections to how names merge across articles.
type Rules struct {
	// Same lists names that are one person; the first is the name to show
	// ("Natacha Bouchart", then "Natasha Bouchart", "N. Bouchart").
	Same [][]string
	// Apart lists pairs of names that are never one person, however close
	// their spellings or shared their surname.
	Apart [][2]string
}

// FoldName is the form names are compared in: lower case, no accents,
// no honorific or possessive ("Mr Cazeneuve's" -> "cazeneuve").
func FoldName(s string) string {
	return strings.Join(stripHonorific(strings.Fields(fold(stripPossessive(s)))), " ")
}

// Add appends an entity to the result (a speaker a curator named) and
// refreshes the result's name index.
func (r *DocResult) Add(e *Entity) {
	r.Entities = append(r.Entities, e)
	r.byKey, r.names = nil, nil
	r.index()
}

// Reindex rebuilds the name lookup after profiles' names or aliases were
// changed (curation renames a profile to the name a curator gave).
func (d *Directory) Reindex() {
	d.byID = make(map[string]*Profile, len(d.Profiles))
	for _, p := range d.Profiles {
		d.byID[p.ID] = p
	}
	d.index()
}

// curated is Rules in the builder's terms.
type curated struct {
	same  map[string]string          // folded name -> folded first name of its Same set
	show  map[string]string          // folded first name of a Same set -> the name as given
	apart map[string]map[string]bool // folded name -> folded names it never joins
}

// sameSet returns the head of the Same set a name belongs to; with no
// sets, without folding the name.
func (c curated) sameSet(name string) (string, bool) {
	if len(c.same) == 0 {
		return "", false
	}
	head, ok := c.same[FoldName(name)]
	return head, ok
}

func newCurated(r Rules) curated {
	c := curated{same: map[string]string{}, show: map[string]string{}, apart: map[string]map[string]bool{}}
	for _, set := range r.Same {
		if len(set) == 0 {
			continue
		}
		head := FoldName(set[0])
		c.show[head] = strings.TrimSpace(set[0])
		for _, n := range set {
			if f := FoldName(n); f != "" {
				c.same[f] = head
			}
		}
	}
	for _, pair := range r.Apart {
		a, b := FoldName(pair[0]), FoldName(pair[1])
		if a == "" || b == "" || a == b {
			continue
		}
		for _, x := range [][2]string{{a, b}, {b, a}} {
			if c.apart[x[0]] == nil {
				c.apart[x[0]] = map[string]bool{}
			}
			c.apart[x[0]][x[1]] = true
		}
	}
	return c
}

// conflict reports two sets of folded names that hold a pair kept apart.
func (c curated) conflict(a, b map[string]bool) bool {
	if len(c.apart) == 0 {
		return false
	}
	for n := range a {
		for m := range c.apart[n] {
			if b[m] {
				return true
			}
		}
	}
	return false
}
