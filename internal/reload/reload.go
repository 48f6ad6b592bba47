// Package reload owns corpus hot reload: a Holder that hands out the
// engine being served and swaps in a new one atomically, and a Poller that
// notices a changed corpus directory, builds a new engine in the
// background, and swaps it in only when it loaded; a broken corpus keeps
// the old engine and is logged and counted.
package reload

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
)

// Holder holds the engine being served. It is safe for concurrent use.
type Holder struct {
	p atomic.Pointer[loaded]
}

// loaded is one engine and its generation, swapped together.
type loaded struct {
	e   *briefings.Engine
	gen uint64
}

// NewHolder returns a holder serving e: generation 1, or 0 for nil
// (nothing loaded yet; Swap in the first engine).
func NewHolder(e *briefings.Engine) *Holder {
	h := &Holder{}
	var gen uint64
	if e != nil {
		gen = 1
	}
	h.p.Store(&loaded{e: e, gen: gen})
	return h
}

// Current is the engine to answer with now.
func (h *Holder) Current() *briefings.Engine { return h.p.Load().e }

// Generation counts the engines served so far: 1 for the first, one more
// for each swap.
func (h *Holder) Generation() uint64 { return h.p.Load().gen }

// Engine is Current as a bot.Engine, for bot.NewRouter. It returns a nil
// interface, not a typed nil, when nothing is loaded.
func (h *Holder) Engine() bot.Engine {
	if e := h.Current(); e != nil {
		return e
	}
	return nil
}

// Swap serves e from now on. Requests already answering keep the engine
// they started with. Swaps come from one poller, so a plain load and store
// of the generation cannot lose one.
func (h *Holder) Swap(e *briefings.Engine) {
	h.p.Store(&loaded{e: e, gen: h.p.Load().gen + 1})
}

// Observer records reloads (internal/metrics implements it).
type Observer interface {
	// CorpusReload records a reload attempt: "ok" or "error".
	CorpusReload(result string)
	// CorpusDocuments sets the number of documents being served.
	CorpusDocuments(n int)
}

// LoadFunc builds an engine from a corpus directory.
type LoadFunc func(dir string) (*briefings.Engine, error)

// LoadDir is the LoadFunc for a corpus directory on disk.
func LoadDir(dir string) (*briefings.Engine, error) {
	return briefings.Load(os.DirFS(dir), ".")
}

// loadIncremental returns a LoadFunc that extracts only the articles that
// changed since the engine being served, reading the others from it or
// from the cache. A cache that fails is logged and the load goes on.
func (p *Poller) loadIncremental(cache briefings.ExtractionCache) LoadFunc {
	return func(dir string) (*briefings.Engine, error) {
		e, err := briefings.LoadWith(context.Background(), os.DirFS(dir), ".", briefings.LoadOptions{Cache: cache, Previous: p.h.Current()})
		if err != nil {
			return nil, err
		}
		s := e.LoadStats()
		if s.CacheErr != nil {
			p.log.Warn("extraction cache unavailable; extracted without it", "err", s.CacheErr)
		}
		p.log.Info("corpus extraction", "reused", s.Reused, "cached", s.Cached, "extracted", s.Extracted, "rejected", s.Rejected)
		return e, nil
	}
}

// Poller looks at a corpus directory every interval and reloads it when
// its fingerprint (names, sizes and modification times) changes.
type Poller struct {
	dir    string
	every  time.Duration
	h      *Holder
	log    *slog.Logger
	obs    Observer
	load   LoadFunc
	settle time.Duration

	seen [sha256.Size]byte // fingerprint of the last corpus tried
}

// DefaultSettle is how long a changed corpus must stay unchanged before it
// is loaded, so a file caught half-written (an editor saving, a copy in
// progress) is not loaded.
const DefaultSettle = 250 * time.Millisecond

// maxSettleRounds bounds the wait for a directory that keeps changing.
const maxSettleRounds = 20

// Options configure a Poller; Log, Observer and Load may be nil.
type Options struct {
	Log      *slog.Logger
	Observer Observer
	Load     LoadFunc // nil: LoadDir, reusing the served engine's unchanged articles and Cache
	// Cache keeps article extractions across processes for the default
	// loader; nil: none.
	Cache briefings.ExtractionCache
	// Settle is how long a change must hold still before loading: 0 means
	// DefaultSettle, a negative value loads at once.
	Settle time.Duration
}

// NewPoller returns a poller for dir that swaps new engines into h. It
// takes the directory's fingerprint now, so create it just before loading
// the first engine: a change made during that load is then picked up.
func NewPoller(dir string, every time.Duration, h *Holder, o Options) *Poller {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Settle == 0 {
		o.Settle = DefaultSettle
	}
	p := &Poller{dir: dir, every: every, h: h, log: o.Log, obs: o.Observer, load: o.Load, settle: max(o.Settle, 0)}
	if p.load == nil {
		p.load = p.loadIncremental(o.Cache)
	}
	p.seen, _ = Fingerprint(dir)
	return p
}

// Run polls until ctx is cancelled; an interval of 0 or less returns at
// once (reload disabled).
func (p *Poller) Run(ctx context.Context) error {
	if p.every <= 0 {
		return nil
	}
	t := time.NewTicker(p.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			p.Check()
		}
	}
}

// Check reloads the corpus if it changed since the last attempt, and
// reports whether it swapped in a new engine. A corpus that failed to load
// is not tried again until it changes once more.
func (p *Poller) Check() bool {
	fp, err := Fingerprint(p.dir)
	if err != nil {
		if fp != p.seen {
			p.seen = fp
			p.log.Error("corpus directory unreadable; keeping the loaded corpus", "dir", p.dir, "err", err)
			p.observe(false, 0)
		}
		return false
	}
	if fp == p.seen {
		return false
	}
	fp = p.settled(fp)
	p.seen = fp
	start := time.Now()
	e, err := p.load(p.dir)
	if err == nil && e == nil {
		err = errors.New("loader returned no engine")
	}
	if err != nil {
		p.log.Error("corpus changed but did not load; keeping the loaded corpus", "dir", p.dir, "err", err)
		p.observe(false, 0)
		return false
	}
	for _, w := range e.Warnings() {
		p.log.Warn("corpus file skipped or read with a fallback", "detail", w)
	}
	// A file with a bad value is left out and reported; the rest is served.
	for _, pr := range e.Problems() {
		p.log.Warn("corpus file not loaded", "detail", pr)
	}
	p.h.Swap(e)
	n := e.Counts().Documents
	p.log.Info("corpus reloaded", "dir", p.dir, "documents", n, "took", time.Since(start).Round(time.Millisecond))
	p.observe(true, n)
	return true
}

// settled waits until the directory's fingerprint holds still for the
// settle time and returns it (or the latest after maxSettleRounds).
func (p *Poller) settled(fp [sha256.Size]byte) [sha256.Size]byte {
	if p.settle <= 0 {
		return fp
	}
	for range maxSettleRounds {
		time.Sleep(p.settle)
		next, _ := Fingerprint(p.dir)
		if next == fp {
			break
		}
		fp = next
	}
	return fp
}

func (p *Poller) observe(ok bool, docs int) {
	if p.obs == nil {
		return
	}
	if !ok {
		p.obs.CorpusReload("error")
		return
	}
	p.obs.CorpusReload("ok")
	p.obs.CorpusDocuments(docs)
}

// Fingerprint hashes the names, sizes, modes and modification times of
// every file and directory under dir: cheap (no file is read) and changed
// by any add, remove, rename or write. On error it returns the hash of the
// error text, so the same failure is reported once.
func Fingerprint(dir string) ([sha256.Size]byte, error) {
	h := sha256.New()
	var buf [8]byte
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		h.Write([]byte(rel))
		h.Write([]byte{0})
		binary.LittleEndian.PutUint64(buf[:], uint64(info.Size()))
		h.Write(buf[:])
		binary.LittleEndian.PutUint64(buf[:], uint64(info.ModTime().UnixNano()))
		h.Write(buf[:])
		binary.LittleEndian.PutUint64(buf[:], uint64(info.Mode()))
		h.Write(buf[:])
		return nil
	})
	if err != nil {
		return sha256.Sum256([]byte("error: " + err.Error())), err
	}
	var sum [sha256.Size]byte
	copy(sum[:], h.Sum(nil))
	return sum, nil
}
