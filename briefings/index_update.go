package briefings

// This file builds a reloaded engine's passages and index from the
// previous engine's: unchanged articles keep their passage numbers, the
// passages of removed or changed articles are deleted from the index and
// those of new or changed articles added, in place.

import (
	"runtime"
	"sync/atomic"

	"github.com/briefbot/briefbot/briefings/search"
)

// Past these, a reload rebuilds the index from scratch: every update
// leaves an in-memory segment (an index on disk merges its own, so only
// the second applies to it) and the removed passages' numbers unused.
const (
	maxIndexUpdates = 32
	maxHoleShare    = 4 // at most 1/maxHoleShare of the numbers unused
)

// indexOwner marks who may update an engine's index: the first reload
// that takes it over; any other rebuilds.
type indexOwner struct{ taken atomic.Bool }

// updateIndex gives e the passages and index of prev updated with what
// changed. ok is false when e must build its own (no previous engine, its
// index already taken over, or too many updates or holes); prev's index
// then stays prev's alone, released with it (see holdIndex).
func (e *Engine) updateIndex(prev *Engine) (idx *search.Index, ok bool, err error) {
	if prev == nil || prev.indexDeferred || prev.index == nil {
		return nil, false, nil // a deferred index may be being built: leave it
	}
	if !prev.owner.taken.CompareAndSwap(false, true) {
		return nil, false, nil
	}
	kept := make(map[*document]*document, len(e.docs))
	byIdent := make(map[string]*document, len(e.docs))
	for _, d := range e.docs {
		byIdent[d.ident] = d
	}
	for _, d := range prev.docs {
		if nd := byIdent[d.ident]; nd != nil && d.ident != "" {
			kept[d] = nd
		}
	}
	passages := make([]passage, len(prev.passages))
	holes := 0
	var del []int
	for id, p := range prev.passages {
		if p.doc == nil {
			holes++
			continue
		}
		nd := kept[p.doc]
		if nd == nil {
			del = append(del, id)
			holes++
			continue
		}
		p.doc = nd
		passages[id] = p
	}
	isKept := make(map[*document]bool, len(kept))
	for _, nd := range kept {
		isKept[nd] = true
	}
	var added []*document
	for _, d := range e.docs {
		if !isKept[d] {
			added = append(added, d)
		}
	}
	fresh := makePassages(added)
	e.indexVersion = prev.indexVersion
	onDisk := prev.index.OnDisk()
	if holes*maxHoleShare > len(passages)+len(fresh) && onDisk {
		// a new generation on disk; prev's is removed once released
		e.passages = makePassages(e.docs)
		idx, err := prev.index.Dir().Build(passageTexts(e.passages), encodeManifest(e.indexVersion, e.passages))
		if err != nil {
			e.passages = nil
			return nil, false, nil // in memory, as any other rebuild
		}
		e.stats.IndexOnDisk = true
		return idx, true, nil
	}
	if (prev.index.Updates() >= maxIndexUpdates && !onDisk) || holes*maxHoleShare > len(passages)+len(fresh) {
		return nil, false, nil
	}
	first := len(passages)
	texts := make([]string, len(fresh))
	for i, p := range fresh {
		texts[i] = p.text()
	}
	passages = append(passages, fresh...)
	e.stats.IndexOnDisk = onDisk
	// even with nothing changed, e gets an Index of its own sharing the
	// storage: prev's is closed when prev is released
	var meta []byte
	if onDisk {
		meta = encodeManifest(e.indexVersion, passages)
	}
	idx, err = prev.index.Update(del, texts, first, meta)
	if err != nil {
		return nil, true, err
	}
	e.passages = passages
	return idx, true, nil
}

// holdIndex makes idx e's index, released when e is no longer reachable:
// an engine can be dropped by whoever holds it (a reload that lost the
// race to another, a replaced engine still answering), so no caller has
// to know when the last answer from it is given. An index shared with
// the next engine's (see search.Index.Update) stays open for that one.
func (e *Engine) holdIndex(idx *search.Index) {
	e.index = idx
	runtime.AddCleanup(e, func(ix *search.Index) { ix.Close() }, idx)
}

// passageAt is the passage a search hit numbers, if this engine knows it:
// an index shared with a newer engine may return numbers that are not.
func (e *Engine) passageAt(id int) (passage, bool) {
	if id < 0 || id >= len(e.passages) || e.passages[id].doc == nil {
		return passage{}, false
	}
	return e.passages[id], true
}
