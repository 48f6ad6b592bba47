package briefings

// This file reads the best passages for a question from the search index
// in an order that does not depend on how the index was built.

import (
	"cmp"
	"context"
	"slices"

	"github.com/briefbot/briefbot/briefings/search"
)

// tieSlack is how many hits past the n wanted are read at first, to see
// whether the n-th ties with the next.
const tieSlack = 10

// searchPassages returns the n best passages this engine knows for the
// terms, best first. Passages that score alike come in corpus order
// (article, paragraph, sentence): the index breaks such ties by where its
// segments happen to hold them, which differs between an index built at
// once, one updated by reloads and one kept on disk, whose segments are
// merged in the background. Every passage tied with the n-th is read, so
// which of them make the n best does not depend on it either.
func (e *Engine) searchPassages(ctx context.Context, terms []search.Term, n int) ([]search.Hit, error) {
	ix := e.searchIndex()
	if n <= 0 {
		return nil, nil
	}
	// a few more than n: reading a hit's number costs, and ties are few
	for want := n + tieSlack; ; want *= 2 {
		hits, err := ix.SearchWeighted(ctx, terms, want)
		if err != nil {
			return nil, err
		}
		known := hits[:0:0]
		for _, h := range hits {
			if _, ok := e.passageAt(h.ID); ok {
				known = append(known, h)
			}
		}
		more := len(hits) == want && want < ix.Len() // the index may hold further hits
		if more && (len(known) < n || hits[len(hits)-1].Score >= known[n-1].Score) {
			continue // the n-th may tie with hits not read yet
		}
		slices.SortStableFunc(known, func(a, b search.Hit) int {
			if a.Score != b.Score {
				return cmp.Compare(b.Score, a.Score)
			}
			pa, pb := e.passages[a.ID], e.passages[b.ID]
			return cmp.Or(cmp.Compare(pa.doc.ord, pb.doc.ord), cmp.Compare(pa.para, pb.para), cmp.Compare(pa.first, pb.first))
		})
		return known[:min(n, len(known))], nil
	}
}
