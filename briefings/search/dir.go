package search

// This file keeps an index on disk between starts, so a start opens the
// index the last one left and indexes only what changed since. What an
// index holds is described by the caller's meta, stored inside it with
// every change (see Update); an index without it, or that bleve cannot
// open, or whose segment files fail their checksums, is not used.

import (
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// metaKey names the caller's meta among the index's internal values.
const metaKey = "briefbot/passages"

// dirSlots is how many processes may keep an index under one root at
// once: each locks a slot of its own, so replicas sharing a directory
// never write the same files.
const dirSlots = 8

// persistWait bounds the wait for a built index to reach the disk.
const persistWait = 5 * time.Minute

// ErrNoIndex is returned by Dir.Open when the slot holds no index.
var ErrNoIndex = errors.New("search: no index kept")

// Dir is a slot under a root directory, locked by this process while it
// holds an index built or opened from it. Each full build goes to a
// generation of its own, so an index still serving the engine it was
// built for is not overwritten; a generation no longer the newest is
// removed once closed. When the last index from the Dir is closed, the
// lock is released.
type Dir struct {
	path string
	lock *os.File

	mu       sync.Mutex
	held     int // generations open
	newest   int // number of the newest generation
	released bool
}

// generation is one full build inside a Dir.
type generation struct {
	dir  *Dir
	n    int
	path string
}

// LockDir locks the first free slot under root, creating what is
// missing. It fails when root cannot be written or every slot is taken.
func LockDir(root string) (*Dir, error) {
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, fmt.Errorf("search: index directory: %w", err)
	}
	for i := range dirSlots {
		p := filepath.Join(root, "slot-"+strconv.Itoa(i))
		if err := os.MkdirAll(p, 0o700); err != nil {
			return nil, fmt.Errorf("search: index directory: %w", err)
		}
		f, err := os.OpenFile(filepath.Join(p, "lock"), os.O_CREATE|os.O_RDWR, 0o600)
		if err != nil {
			return nil, fmt.Errorf("search: index directory: %w", err)
		}
		if err := lockFile(f); err != nil {
			f.Close()
			if errors.Is(err, errLocked) {
				continue
			}
			return nil, fmt.Errorf("search: lock index directory: %w", err)
		}
		return &Dir{path: p, lock: f}, nil
	}
	return nil, fmt.Errorf("search: all %d index slots under %s are in use", dirSlots, root)
}

// Path is the slot's directory.
func (d *Dir) Path() string { return d.path }

// Release unlocks the slot if no index from it is open; Dir is not used
// after.
func (d *Dir) Release() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.held == 0 {
		d.unlock()
	}
}

func (d *Dir) unlock() {
	if !d.released {
		d.released = true
		d.lock.Close() // closing the file drops its lock
	}
}

func (g *generation) closed() {
	d := g.dir
	d.mu.Lock()
	defer d.mu.Unlock()
	d.held--
	if g.n != d.newest {
		os.RemoveAll(g.path)
	}
	if d.held == 0 {
		d.unlock()
	}
}

// flush waits until what idx holds is on disk: batches return before
// that, and closing drops what the persister has not written yet.
func (g *generation) flush(idx bleve.Index) {
	if !g.isNewest() {
		return // removed once closed
	}
	persisted := make(chan error, 1)
	b := idx.NewBatch()
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if idx.Batch(b) != nil {
		return
	}
	select {
	case <-persisted:
	case <-time.After(persistWait):
	}
}

func (g *generation) isNewest() bool {
	g.dir.mu.Lock()
	defer g.dir.mu.Unlock()
	return g.n == g.dir.newest
}

// generations lists the numbers of the slot's generations, newest first.
func (d *Dir) generations() []int {
	entries, _ := os.ReadDir(d.path)
	var out []int
	for _, e := range entries {
		if n, ok := strings.CutPrefix(e.Name(), "gen-"); ok && e.IsDir() {
			if i, err := strconv.Atoi(n); err == nil && i > 0 {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

func (d *Dir) genPath(n int) string { return filepath.Join(d.path, "gen-"+strconv.Itoa(n)) }

// Open opens the newest index of the slot that is sound, with the meta
// stored with it, and removes the others. It returns ErrNoIndex when the
// slot holds none, else why the newest could not be used.
func (d *Dir) Open() (*Index, []byte, error) {
	gens := d.generations()
	var first error
	for _, n := range gens {
		ix, meta, err := d.openGen(n)
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		for _, m := range gens {
			if m != n {
				os.RemoveAll(d.genPath(m))
			}
		}
		return ix, meta, nil
	}
	for _, n := range gens {
		os.RemoveAll(d.genPath(n))
	}
	if first == nil {
		first = ErrNoIndex
	}
	return nil, nil, first
}

// diskConfig is the scorch configuration of an index on disk: batches
// return once in memory (a change and its meta are one snapshot either
// way, which the persister writes whole), and a root file another
// process holds fails at once instead of waiting.
func diskConfig() map[string]any {
	return map[string]any{"unsafe_batch": true, "bolt_timeout": "1s"}
}

func (d *Dir) openGen(n int) (ix *Index, meta []byte, err error) {
	path := d.genPath(n)
	var idx bleve.Index
	defer func() {
		// bleve reads files another process or a crash may have left
		// damaged; a panic there means the index is not used
		if p := recover(); p != nil {
			if idx != nil {
				idx.Close()
			}
			ix, meta, err = nil, nil, fmt.Errorf("search: open %s: %v", path, p)
		}
	}()
	idx, err = bleve.OpenUsing(path, diskConfig())
	if err != nil {
		return nil, nil, fmt.Errorf("search: open %s: %w", path, err)
	}
	fail := func(err error) (*Index, []byte, error) {
		idx.Close()
		return nil, nil, fmt.Errorf("search: %s: %w", path, err)
	}
	meta, err = idx.GetInternal([]byte(metaKey))
	if err != nil {
		return fail(err)
	}
	if len(meta) == 0 {
		return fail(errors.New("no passages recorded (a build or update did not finish)"))
	}
	if err := checkSegments(idx); err != nil {
		return fail(err)
	}
	count, err := idx.DocCount()
	if err != nil {
		return fail(err)
	}
	an := english()
	if an == nil {
		return fail(errors.New("the English analyzer is not registered"))
	}
	return d.hold(n, idx, an, int(count)), slices.Clone(meta), nil
}

// hold makes idx, generation n of d, an Index.
func (d *Dir) hold(n int, idx bleve.Index, an analysis.Analyzer, count int) *Index {
	d.mu.Lock()
	d.held++
	d.newest = max(d.newest, n)
	d.mu.Unlock()
	s := newStorage(idx)
	s.gen = &generation{dir: d, n: n, path: d.genPath(n)}
	return &Index{idx: idx, storage: s, analyzer: an, n: count}
}

// crcSegment is a segment file that knows its bytes and the CRC-32 its
// footer records (zap's segments do).
type crcSegment interface {
	Data() []byte
	CRC() uint32
}

// checkSegments verifies every segment file of the index against the
// CRC-32 of its footer, which covers the whole file but the CRC itself.
func checkSegments(idx bleve.Index) error {
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return errors.New("not a scorch index")
	}
	for _, ss := range snap.Segments() {
		seg, ok := ss.Segment().(crcSegment)
		if !ok {
			continue // in memory: nothing read from disk
		}
		data := seg.Data()
		if len(data) < 4 || crc32.ChecksumIEEE(data[:len(data)-4]) != seg.CRC() {
			return errors.New("a segment file fails its checksum")
		}
	}
	return nil
}

// Build indexes the passages into a new generation of the slot, stores
// meta with them, and returns once all of it is on disk. The generation
// it replaces is removed when the last Index using it is closed.
func (d *Dir) Build(passages []string, meta []byte) (*Index, error) {
	an := english()
	if an == nil {
		return nil, errors.New("search: the English analyzer is not registered")
	}
	d.mu.Lock()
	was := d.newest
	n := was + 1
	if gens := d.generations(); len(gens) > 0 {
		n = max(n, gens[0]+1)
	}
	d.newest = n // no other build takes this number
	d.mu.Unlock()
	path := d.genPath(n)
	undo := func() {
		os.RemoveAll(path)
		d.mu.Lock()
		if d.newest == n {
			d.newest = was // the generation in use stays the one kept
		}
		d.mu.Unlock()
	}
	idx, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, diskConfig())
	if err != nil {
		undo()
		return nil, fmt.Errorf("search: create index %s: %w", path, err)
	}
	fail := func(err error) (*Index, error) {
		idx.Close()
		undo()
		return nil, err
	}
	if err := fill(idx, passages, an); err != nil {
		return fail(err)
	}
	persisted := make(chan error, 1)
	b := idx.NewBatch()
	b.SetInternal([]byte(metaKey), meta)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := idx.Batch(b); err != nil {
		return fail(fmt.Errorf("search: index batch: %w", err))
	}
	select {
	case err := <-persisted:
		if err != nil {
			return fail(fmt.Errorf("search: write index %s: %w", path, err))
		}
	case <-time.After(persistWait):
		return fail(fmt.Errorf("search: write index %s: not written after %v", path, persistWait))
	}
	return d.hold(n, idx, an, len(passages)), nil
}
