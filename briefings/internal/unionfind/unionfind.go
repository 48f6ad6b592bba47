// Package unionfind joins items into disjoint sets: the stories articles
// form, the clusters of figures that dispute each other.
package unionfind

// Sets are disjoint sets over the items 0..n-1, each alone at first.
type Sets struct{ parent []int }

// New returns n items, each in a set of its own.
func New(n int) *Sets {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &Sets{parent: p}
}

// Find returns the item that stands for i's set.
func (s *Sets) Find(i int) int {
	for s.parent[i] != i {
		s.parent[i] = s.parent[s.parent[i]] // halve the path
		i = s.parent[i]
	}
	return i
}

// Union joins the sets of a and b.
func (s *Sets) Union(a, b int) {
	if ra, rb := s.Find(a), s.Find(b); ra != rb {
		s.parent[rb] = ra
	}
}
