package story

import (
	"slices"
	"sort"

	"github.com/briefbot/briefbot/briefings/internal/unionfind"
)

// Grouping thresholds.
const (
	// MaxDays is how many days apart two dated reports of one event may
	// be: a story is followed up, reprinted and summarised for a few days.
	MaxDays = 3
	// nearContainment (in percent) is the share of the smaller article's
	// shingles the other must hold for the two to be one text, a copy or
	// a cut or lightly edited version of it: enough to group without
	// dates or people.
	nearContainment = 60
	// minNearShared is the fewest shingles a near copy shares, so two
	// two-line notes do not group on one stock sentence.
	minNearShared = 8
	// minEventShared is the fewest shingles two differently worded
	// reports of one event share: a quote or a sentence of eight words or
	// more, taken from the same wire copy or the same speaker.
	minEventShared = 4
	// maxBucket bounds the articles a shingle may link: one that more
	// articles hold is a stock phrase ("said in a statement on"), no sign
	// of a shared story, and following it would cost time quadratic in
	// its articles.
	maxBucket = 50
)

// Article is what grouping knows of one article.
type Article struct {
	Fingerprint Fingerprint
	// Day is the publication day (days since 1970-01-01); it counts only
	// when Dated, that is when the date is known to the day.
	Day   int
	Dated bool
	// People are the ids of the people it names, ascending, each once.
	People []string
}

// Group returns the stories among arts: sets of two or more indexes of
// articles that report one event, each set ascending, the sets ordered by
// their first article. Two articles report one event when their texts are
// near copies of each other, or when, dated within MaxDays of each other,
// they share a passage and name a person in common. Undated articles
// group only as near copies; dated ones further apart than MaxDays never
// group. Candidates come from an inverted index of shingles, never from
// all pairs, and exact copies are compared once.
func Group(arts []Article) [][]int {
	uf := unionfind.New(len(arts))
	reps := representatives(arts, uf)

	idx := newIndex(arts, reps)
	counts := make([]int32, len(reps))
	var touched []int32
	for r, i := range reps {
		a := &arts[i]
		for _, k := range idx.runsOf(r) {
			bucket := idx.run(k)
			if len(bucket) > maxBucket {
				continue
			}
			for b := len(bucket) - 1; b >= 0; b-- { // ascending: stop at r
				o := int32(uint32(bucket[b]))
				if int(o) <= r {
					break
				}
				if counts[o] == 0 {
					touched = append(touched, o)
				}
				counts[o]++
			}
		}
		for _, o := range touched {
			j := reps[o]
			if sameStory(a, &arts[j], int(counts[o])) {
				uf.Union(i, j)
			}
			counts[o] = 0
		}
		touched = touched[:0]
	}

	byRoot := map[int][]int{}
	for i := range arts {
		r := uf.Find(i)
		byRoot[r] = append(byRoot[r], i)
	}
	var out [][]int
	for _, g := range byRoot {
		if len(g) > 1 {
			out = append(out, g) // ascending: appended in index order
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// representatives joins exact copies (the same fingerprint on the same day
// or both undated) and returns one article of each text; articles with
// too little text to fingerprint are left out.
func representatives(arts []Article, uf *unionfind.Sets) []int {
	type copyKey struct {
		sum   uint64
		dated bool
		day   int
	}
	first := map[copyKey]int{}
	var reps []int
	for i, a := range arts {
		if len(a.Fingerprint) == 0 {
			continue
		}
		h := uint64(fnvOffset)
		for _, x := range a.Fingerprint {
			h = (h ^ uint64(x)) * fnvPrime
		}
		k := copyKey{sum: h, dated: a.Dated}
		if a.Dated {
			k.day = a.Day
		}
		if j, ok := first[k]; ok && slices.Equal(arts[j].Fingerprint, a.Fingerprint) {
			uf.Union(j, i)
			continue
		} else if ok {
			reps = append(reps, i) // another text with the same hash: compared as any other
			continue
		}
		first[k] = i
		reps = append(reps, i)
	}
	return reps
}

// FNV-1a's 64-bit constants, to hash a fingerprint word by word.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// index is an inverted index of shingles over representative articles,
// in flat arrays (a map of slices costs more than the grouping itself at
// tens of thousands of articles): entries sorted by shingle, so the
// articles holding one shingle are a run, and each article's runs.
type index struct {
	entries []uint64 // shingle<<32 | representative, ascending
	starts  []int32  // where each run begins in entries; one past the last at the end
	runs    []int32  // the runs of each representative, ...
	offsets []int32  // ... representative r's at runs[offsets[r]:offsets[r+1]]
}

func newIndex(arts []Article, reps []int) *index {
	x := &index{offsets: make([]int32, len(reps)+1)}
	for r, i := range reps {
		x.offsets[r+1] = x.offsets[r] + int32(len(arts[i].Fingerprint))
	}
	x.entries = make([]uint64, 0, x.offsets[len(reps)])
	for r, i := range reps {
		for _, h := range arts[i].Fingerprint {
			x.entries = append(x.entries, uint64(h)<<32|uint64(r))
		}
	}
	// entries are in representative order, so a stable sort by shingle
	// alone leaves each run's representatives ascending
	sortByShingle(x.entries)
	x.runs = make([]int32, len(x.entries))
	x.starts = make([]int32, 0, len(x.entries)+1)
	fill := slices.Clone(x.offsets[:len(reps)])
	for e, v := range x.entries {
		if e == 0 || v>>32 != x.entries[e-1]>>32 {
			x.starts = append(x.starts, int32(e))
		}
		r := uint32(v)
		x.runs[fill[r]] = int32(len(x.starts) - 1)
		fill[r]++
	}
	x.starts = append(x.starts, int32(len(x.entries)))
	return x
}

// sortByShingle sorts entries by their upper 32 bits, stably: a radix
// sort in two passes of 16 bits, several times faster than a comparison
// sort at a million entries.
func sortByShingle(entries []uint64) {
	buf := make([]uint64, len(entries))
	src, dst := entries, buf
	var counts [1 << 16]int
	for _, shift := range []uint{32, 48} {
		clear(counts[:])
		for _, v := range src {
			counts[(v>>shift)&0xffff]++
		}
		sum := 0
		for i, c := range counts {
			counts[i] = sum
			sum += c
		}
		for _, v := range src {
			d := (v >> shift) & 0xffff
			dst[counts[d]] = v
			counts[d]++
		}
		src, dst = dst, src
	}
	// two passes: the sorted data is back in entries
}

// runsOf lists the runs of representative r: one per shingle it holds.
func (x *index) runsOf(r int) []int32 { return x.runs[x.offsets[r]:x.offsets[r+1]] }

// run lists the representatives holding run k's shingle, ascending.
func (x *index) run(k int32) []uint64 { return x.entries[x.starts[k]:x.starts[k+1]] }

// sameStory decides whether a and b, which share n shingles, report one
// event.
func sameStory(a, b *Article, n int) bool {
	bothDated := a.Dated && b.Dated
	if bothDated && abs(a.Day-b.Day) > MaxDays {
		return false
	}
	if n >= minNearShared && 100*n >= nearContainment*comparableShingles(a.Fingerprint, b.Fingerprint) {
		return true
	}
	return bothDated && n >= minEventShared && sharesPerson(a.People, b.People)
}

// comparableShingles is how many shingles of the smaller fingerprint could be
// shared at all: a sketch keeps the smallest hashes, so only hashes up to
// the lower of the two sketches' largest can be in both.
func comparableShingles(a, b Fingerprint) int {
	limit := min(a[len(a)-1], b[len(b)-1])
	upTo := func(f Fingerprint) int {
		return sort.Search(len(f), func(i int) bool { return f[i] > limit })
	}
	return min(upTo(a), upTo(b))
}

func sharesPerson(a, b []string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
