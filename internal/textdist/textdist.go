// Package textdist measures how far apart two short strings are: edit
// distances (Levenshtein, and optimal string alignment, where swapping two
// neighbours is one edit). Names, typed commands and configuration keys
// are compared with these one implementations.
package textdist

// Levenshtein is the edit distance of a and b in runes (insertions,
// deletions, substitutions), or limit+1 once it exceeds limit; the work
// stops as soon as that is known.
func Levenshtein(a, b string, limit int) int {
	if a == b {
		return 0
	}
	return distance([]rune(a), []rune(b), limit, false)
}

// OSA is the optimal-string-alignment distance of a and b: Levenshtein in
// which a swap of two neighbouring runes ("Kudja" for "Kujda") is one edit.
// It returns limit+1 once the distance exceeds limit.
func OSA(a, b []rune, limit int) int {
	return distance(a, b, limit, true)
}

// distance is the bounded dynamic programme behind Levenshtein and OSA.
func distance(a, b []rune, limit int, swaps bool) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if swaps && i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > limit {
		return limit + 1
	}
	return prev[len(b)]
}

// Closest is the candidate nearest s within maxD Levenshtein edits (the
// first of equally near ones), or "" when none is that near: the "did you
// mean" of a misspelt name.
func Closest(s string, candidates []string, maxD int) string {
	best, bestD := "", maxD+1
	for _, c := range candidates {
		if d := Levenshtein(s, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
