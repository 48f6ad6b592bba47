package people

import "slices"

// slipIndex finds strings one edit apart without comparing every pair: it
// lists each string under itself and under each of it less one rune, and
// two strings one substitution, insertion, deletion or swap of
// neighbours apart always share one of those.
type slipIndex map[string][]int

// add lists s under id; ids are added in ascending order.
func (ix slipIndex) add(s string, id int) {
	for _, v := range deletions(s) {
		if l := ix[v]; len(l) == 0 || l[len(l)-1] != id {
			ix[v] = append(l, id)
		}
	}
}

// near returns, ascending and once each, the ids of the strings that may
// be one edit from s (and s itself): a superset for the caller to check.
func (ix slipIndex) near(s string) []int {
	var ids []int
	for _, v := range deletions(s) {
		ids = append(ids, ix[v]...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// deletions returns s and every string made by deleting one rune of s.
func deletions(s string) []string {
	r := []rune(s)
	out := make([]string, 0, len(r)+1)
	out = append(out, s)
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}
