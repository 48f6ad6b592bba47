package briefings

// This file runs extraction over a corpus: each article's extraction is
// taken from the previous engine when the article did not change, else
// from the extraction cache, else computed, in parallel across GOMAXPROCS
// workers; what was computed is written back to the cache.

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/briefbot/briefbot/briefings/people"
)

// LoadOptions make a load cheaper; the zero value extracts everything.
type LoadOptions struct {
	// Cache keeps extractions across processes; nil: none. When it
	// fails, the load extracts without it and LoadStats says why.
	Cache ExtractionCache
	// Previous is the engine being replaced: its unchanged articles'
	// extractions are reused as they are.
	Previous *Engine
	// Version overrides ExtractorVersion in cache keys (tests).
	Version string
	// DeferIndex leaves the search index to be built by the first answer
	// that searches (/who and /stats do not), for a process that answers
	// one message and exits. Ignored with Previous: a reload updates the
	// index it replaces.
	DeferIndex bool
	// IndexDir keeps the search index on disk under this directory, so
	// a start opens the index the last one left and indexes only the
	// articles that changed since. Each process keeps its own under it
	// (replicas may share it); an index that is missing, unfinished,
	// damaged or written by another build is rebuilt. When none can be
	// kept there, the index is built in memory and LoadStats.IndexErr
	// says why. Ignored with Previous (a reload updates the index it
	// replaces, on disk when that one is) and with DeferIndex.
	IndexDir string
	// Prune removes from the cache, when it is an ExtractionPruner, the
	// entries this corpus does not use that were written before the load
	// began (entries another replica writes meanwhile stay). It is done
	// only when the cache worked for the whole load.
	Prune bool
}

// LoadStats says where a load's extractions came from.
type LoadStats struct {
	Articles  int   // articles loaded
	Reused    int   // unchanged since the previous engine
	Cached    int   // read from the extraction cache
	Extracted int   // extracted now
	Rejected  int   // cache entries found but not valid (extracted again)
	Pruned    int64 // cache entries removed (see LoadOptions.Prune)
	// CacheErr is why the cache could not be read or written; nil when
	// it worked or there was none.
	CacheErr error
	// IndexOnDisk: the search index is kept in LoadOptions.IndexDir.
	IndexOnDisk bool
	// IndexReused is how many articles' passages the index kept on disk
	// held already.
	IndexReused int
	// IndexErr is why the index kept on disk was rebuilt, or why none
	// could be kept and the index is in memory; nil otherwise.
	IndexErr error
}

// LoadStats says where this engine's extractions came from.
func (e *Engine) LoadStats() LoadStats { return e.stats }

// extractAll gives every document its extraction. It never fails: a cache
// that cannot be reached is noted in e.stats and extraction goes on
// without it.
func (e *Engine) extractAll(ctx context.Context, o LoadOptions, curate bool) {
	began := time.Now()
	var prev map[string]*document
	if o.Previous != nil {
		prev = make(map[string]*document, len(o.Previous.docs))
		for _, d := range o.Previous.docs {
			if d.ident != "" {
				prev[d.ident] = d
			}
		}
	}
	var todo []*document
	for _, d := range e.docs {
		if p := prev[d.ident]; p != nil && p.extracted {
			d.x, d.extracted = p.x, true
			e.stats.Reused++
			continue
		}
		todo = append(todo, d)
	}
	if o.Cache != nil && len(todo) > 0 {
		todo = e.fromCache(ctx, o.Cache, todo)
	}
	fresh := e.extractDocs(todo)
	if o.Cache != nil && len(fresh) > 0 && e.stats.CacheErr == nil {
		e.toCache(ctx, o.Cache, fresh)
	}
	if p, ok := o.Cache.(ExtractionPruner); ok && o.Prune && e.stats.CacheErr == nil {
		e.prune(ctx, p, began)
	}
	e.stats.Articles = len(e.docs)
	for _, d := range e.docs {
		x := d.x
		if curate {
			// curation edits in place; the pristine d.x stays reusable
			x = x.clone()
		}
		d.people, d.quotes, d.figures = x.People, x.Quotes, x.Figures
	}
}

// identify names each document's content for reuse and its extraction
// for the cache; it runs after curation has set the articles' metadata.
func (e *Engine) identify(o LoadOptions) {
	version := o.Version
	if version == "" && o.Cache != nil {
		version = ExtractorVersion()
	}
	for _, d := range e.docs {
		// the previous engine ran this very code, so its articles are
		// matched without the extractor version
		d.ident = extractionKey("", d.Doc, d.sum)
		if o.Cache != nil {
			d.key = extractionKey(version, d.Doc, d.sum)
		}
	}
}

// cacheBatch bounds the keys of one cache query.
const cacheBatch = 500

// fromCache fills the documents whose extraction the cache holds and
// returns the others.
func (e *Engine) fromCache(ctx context.Context, c ExtractionCache, docs []*document) []*document {
	var missing []*document
	for start := 0; start < len(docs); start += cacheBatch {
		part := docs[start:min(start+cacheBatch, len(docs))]
		keys := make([]string, len(part))
		for i, d := range part {
			keys[i] = d.key
		}
		got, err := c.GetExtractions(ctx, keys)
		if err != nil {
			e.stats.CacheErr = fmt.Errorf("read extraction cache: %w", err)
			return append(missing, docs[start:]...)
		}
		var mu sync.Mutex
		var g errgroup.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		for _, d := range part {
			blob, ok := got[d.key]
			if !ok {
				missing = append(missing, d)
				continue
			}
			g.Go(func() error {
				x, err := decodeExtraction(d.key, blob, d.Doc)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					e.stats.Rejected++
					missing = append(missing, d)
					return nil
				}
				d.x, d.extracted = x, true
				e.stats.Cached++
				return nil
			})
		}
		_ = g.Wait()
	}
	// keep corpus order, so extraction order (and warnings) do not depend
	// on which entries the cache held
	ord := make(map[*document]bool, len(missing))
	for _, d := range missing {
		ord[d] = true
	}
	out := missing[:0]
	for _, d := range docs {
		if ord[d] {
			out = append(out, d)
		}
	}
	return out
}

// prune removes the cache entries of articles and extractor versions this
// corpus does not use, written before began.
func (e *Engine) prune(ctx context.Context, c ExtractionPruner, began time.Time) {
	keep := make([]string, 0, len(e.docs))
	for _, d := range e.docs {
		keep = append(keep, d.key)
	}
	n, err := c.PruneExtractions(ctx, keep, began)
	if err != nil {
		e.stats.CacheErr = fmt.Errorf("prune extraction cache: %w", err)
		return
	}
	e.stats.Pruned = n
}

// toCache writes the fresh extractions to the cache.
func (e *Engine) toCache(ctx context.Context, c ExtractionCache, docs []*document) {
	for start := 0; start < len(docs); start += cacheBatch {
		part := docs[start:min(start+cacheBatch, len(docs))]
		entries := make(map[string][]byte, len(part))
		for _, d := range part {
			blob, err := encodeExtraction(d.key, d.x)
			if err != nil {
				continue // not cached; extracted again next time
			}
			entries[d.key] = blob
		}
		if err := c.PutExtractions(ctx, entries); err != nil {
			e.stats.CacheErr = fmt.Errorf("write extraction cache: %w", err)
			return
		}
	}
}

// extractDocs runs the extractors over docs across GOMAXPROCS workers and
// returns the documents whose extraction succeeded (those worth caching).
// An extractor that panics on one article loses that article's
// extraction, not the corpus; the article stays searchable.
func (e *Engine) extractDocs(docs []*document) []*document {
	ok := make([]bool, len(docs))
	warns := make([]string, len(docs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, d := range docs {
		g.Go(func() error {
			stage := "people"
			defer func() {
				if p := recover(); p != nil {
					d.x = extraction{People: &people.DocResult{}}
					warns[i] = fmt.Sprintf("%s: %s extraction failed (%v); the article is searchable only", d.ID, stage, p)
				}
			}()
			d.x = extractDoc(d.Doc, &stage)
			ok[i] = true
			return nil
		})
	}
	_ = g.Wait()
	var fresh []*document
	for i, d := range docs {
		d.extracted = ok[i]
		if warns[i] != "" {
			e.warnings = append(e.warnings, warns[i])
		}
		if ok[i] {
			fresh = append(fresh, d)
		}
	}
	e.stats.Extracted += len(docs)
	return fresh
}
