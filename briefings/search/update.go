package search

// This file changes an index in place: passages removed and added in
// bleve batches, so a corpus reload costs what changed, not the corpus.

import (
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2/document"
)

// Update returns the index with the passages numbered del removed and the
// passages add added, numbered from first on (numbers no passage holds).
// The returned Index shares its storage with ix: from the moment Update
// runs, ix finds the added passages too and no longer the removed ones,
// so a caller still searching through ix must skip numbers it does not
// know. ix must not be updated again. The storage is closed when both ix
// and the returned Index are.
//
// An index kept in a Dir stores meta with the passages, as Dir.Build
// does; one in memory ignores it. The change and meta are stored at
// once: an update cut into several batches clears the stored meta with
// the first, so a process stopped half way leaves an index without meta,
// which Dir.Open refuses, never one whose meta describes other passages.
//
// Each update of an index in memory leaves a small segment (an index in
// memory merges none), so callers rebuild those from scratch after some
// updates; see Updates. An index in a Dir merges its segments itself.
func (ix *Index) Update(del []int, add []string, first int, meta []byte) (*Index, error) {
	im := newMapping()
	opts := im.DefaultMapping.Properties[field].Fields[0].Options()
	onDisk := ix.storage.gen != nil
	b := ix.idx.NewBatch()
	if onDisk && len(del)+len(add)+1 >= batchSize {
		b.DeleteInternal([]byte(metaKey))
	}
	for _, id := range del {
		b.Delete(strconv.Itoa(id))
	}
	for i, p := range add {
		doc := document.NewDocument(strconv.Itoa(first + i))
		doc.AddField(document.NewTextFieldCustom(field, nil, []byte(p), opts, ix.analyzer))
		if err := b.IndexAdvanced(doc); err != nil {
			return nil, fmt.Errorf("search: index passage %d: %w", first+i, err)
		}
		if b.Size() >= batchSize && i < len(add)-1 {
			if err := ix.idx.Batch(b); err != nil {
				return nil, fmt.Errorf("search: index batch: %w", err)
			}
			b.Reset()
		}
	}
	if onDisk {
		b.SetInternal([]byte(metaKey), meta)
	}
	if b.Size() > 0 {
		if err := ix.idx.Batch(b); err != nil {
			return nil, fmt.Errorf("search: index batch: %w", err)
		}
	}
	ix.storage.held.Add(1)
	return &Index{idx: ix.idx, storage: ix.storage, analyzer: ix.analyzer, n: ix.n - len(del) + len(add), updates: ix.updates + 1}, nil
}

// Updates is how many times Update built this index from a full Build.
func (ix *Index) Updates() int { return ix.updates }

// OnDisk reports an index kept in a Dir.
func (ix *Index) OnDisk() bool { return ix != nil && ix.storage.gen != nil }

// Dir is the directory the index is kept in; nil for one in memory.
func (ix *Index) Dir() *Dir {
	if !ix.OnDisk() {
		return nil
	}
	return ix.storage.gen.dir
}
