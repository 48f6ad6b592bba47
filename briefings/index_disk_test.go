package briefings

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefbot/briefbot/briefings/text"
)

// indexQuestions are answered by engines whose index is kept on disk and
// by engines loaded from scratch, which must agree.
var indexQuestions = []string{
	"what did Cazeneuve say about Calais?",
	"how many migrants reached Calais?",
	"who is the home secretary?",
	"when did Zebediah Quackenbush open the ferry terminal?",
	"what did the minister say about the plan?",
}

func loadIndexDir(t *testing.T, fsys fstest.MapFS, dir, version string) *Engine {
	t.Helper()
	e, err := LoadWith(context.Background(), fsys, ".", LoadOptions{IndexDir: dir, Version: version})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func answersAsFresh(t *testing.T, e *Engine, fsys fstest.MapFS) {
	t.Helper()
	fresh, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if e.index.Len() != fresh.index.Len() {
		t.Errorf("%d passages indexed, a fresh load %d", e.index.Len(), fresh.index.Len())
	}
	for _, q := range indexQuestions {
		if got, want := flat(e.Ask(q)), flat(fresh.Ask(q)); got != want {
			t.Errorf("%q with the index kept on disk:\n%s\nfresh load:\n%s", q, got, want)
		}
	}
}

// TestIndexDirStartsFromKeptIndex: a start finds the index the last one
// kept, indexes only the articles that changed, removed or added since,
// and answers as a fresh load; reloads keep updating it on disk, and the
// next start reuses every article.
func TestIndexDirStartsFromKeptIndex(t *testing.T) {
	fsys := testCorpus(t)
	dir := t.TempDir()
	first := loadIndexDir(t, fsys, dir, "test")
	if s := first.LoadStats(); !s.IndexOnDisk || s.IndexReused != 0 || s.IndexErr != nil {
		t.Fatalf("first start: on disk %v, reused %d, err %v", s.IndexOnDisk, s.IndexReused, s.IndexErr)
	}
	all, ix := len(first.docs), first.index
	first = nil
	awaitIndexClosed(t, ix)

	var changed, gone string
	for name := range fsys {
		switch {
		case changed == "" && strings.HasPrefix(name, "seed/"):
			changed = name
		case gone == "" && strings.HasPrefix(name, "seed/"):
			gone = name
		}
	}
	fsys[changed] = &fstest.MapFile{Data: append([]byte(nil), fsys[changed].Data...)}
	fsys[changed].Data = append(fsys[changed].Data, "\nThe minister said the plan would start in spring.\n"...)
	delete(fsys, gone)
	fsys["added/ferry.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Ferry terminal\npublished: 2014-11-06\n---\n" +
		"Zebediah Quackenbush opened the new ferry terminal in Calais on 5 November 2014. The terminal cost £12 million, the port said.\n")}
	second := loadIndexDir(t, fsys, dir, "test")
	if s := second.LoadStats(); !s.IndexOnDisk || s.IndexReused != all-2 || s.IndexErr != nil {
		t.Fatalf("second start: on disk %v, reused %d of %d, err %v", s.IndexOnDisk, s.IndexReused, all, s.IndexErr)
	}
	answersAsFresh(t, second, fsys)

	reloaded := reloadOne(t, fsys, "changing/one.md", 1, second)
	reloaded = reloadOne(t, fsys, "changing/one.md", 2, reloaded)
	if s := reloaded.LoadStats(); !s.IndexOnDisk {
		t.Error("a reload of an index on disk left the disk")
	}
	answersAsFresh(t, reloaded, fsys)
	ix = reloaded.index
	second, reloaded = nil, nil
	awaitIndexClosed(t, ix)

	third := loadIndexDir(t, fsys, dir, "test")
	if s := third.LoadStats(); !s.IndexOnDisk || s.IndexReused != len(third.docs) || s.IndexErr != nil {
		t.Errorf("third start: on disk %v, reused %d of %d, err %v", s.IndexOnDisk, s.IndexReused, len(third.docs), s.IndexErr)
	}
	answersAsFresh(t, third, fsys)
}

// TestIndexDirRebuildsWhatItCannotTrust: an index kept by another build,
// with a damaged segment file or a damaged root file is rebuilt, says
// why, and answers as a fresh load.
func TestIndexDirRebuildsWhatItCannotTrust(t *testing.T) {
	spoilFiles := func(suffix string, spoil func([]byte) []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			n := 0
			filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
				if err == nil && !de.IsDir() && strings.HasSuffix(p, suffix) {
					data, _ := os.ReadFile(p)
					os.WriteFile(p, spoil(data), 0o600)
					n++
				}
				return nil
			})
			if n == 0 {
				t.Fatalf("no %s file under %s", suffix, dir)
			}
		}
	}
	tests := []struct {
		name    string
		version string
		spoil   func(t *testing.T, dir string)
		want    string
	}{
		{"another build", "other", nil, "another version"},
		{"damaged segment", "test", spoilFiles(".zap", func(b []byte) []byte { b[len(b)/3] ^= 0x55; return b }), "checksum"},
		{"truncated segment", "test", spoilFiles(".zap", func(b []byte) []byte { return b[:len(b)/2] }), "rebuilt"},
		{"damaged root", "test", spoilFiles("root.bolt", func(b []byte) []byte { return []byte("not a bolt file") }), "rebuilt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := testCorpus(t)
			dir := t.TempDir()
			awaitIndexClosed(t, loadIndexDir(t, fsys, dir, "test").index)
			if tt.spoil != nil {
				tt.spoil(t, dir)
			}
			e := loadIndexDir(t, fsys, dir, tt.version)
			s := e.LoadStats()
			if !s.IndexOnDisk || s.IndexReused != 0 || s.IndexErr == nil || !strings.Contains(s.IndexErr.Error(), tt.want) {
				t.Errorf("on disk %v, reused %d, err %v; want rebuilt on disk, saying %q", s.IndexOnDisk, s.IndexReused, s.IndexErr, tt.want)
			}
			answersAsFresh(t, e, fsys)
		})
	}
}

// TestIndexDirUnwritable: when no index can be kept, the load builds it
// in memory and says why.
func TestIndexDirUnwritable(t *testing.T) {
	plain := filepath.Join(t.TempDir(), "plain-file")
	if err := os.WriteFile(plain, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	fsys := testCorpus(t)
	e := loadIndexDir(t, fsys, filepath.Join(plain, "index"), "test")
	if s := e.LoadStats(); s.IndexOnDisk || s.IndexErr == nil {
		t.Errorf("on disk %v, err %v; want in memory with the reason", s.IndexOnDisk, s.IndexErr)
	}
	answersAsFresh(t, e, fsys)
}

// TestIndexDirSharedByTwoProcesses: two engines loading from one
// directory at once each keep an index of their own, and both answer as
// a fresh load.
func TestIndexDirSharedByTwoProcesses(t *testing.T) {
	fsys := testCorpus(t)
	dir := t.TempDir()
	engines := make([]*Engine, 2)
	errs := make(chan error, 2)
	for i := range engines {
		go func() {
			e, err := LoadWith(context.Background(), fsys, ".", LoadOptions{IndexDir: dir, Version: "test"})
			engines[i] = e
			errs <- err
		}()
	}
	for range engines {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	slots := map[string]bool{}
	for _, e := range engines {
		if s := e.LoadStats(); !s.IndexOnDisk || s.IndexErr != nil {
			t.Errorf("on disk %v, err %v", s.IndexOnDisk, s.IndexErr)
		}
		slots[e.index.Dir().Path()] = true
		answersAsFresh(t, e, fsys)
	}
	if len(slots) != 2 {
		t.Errorf("slots %v, want one each", slots)
	}
}

// TestIndexDirReloadRebuildsNewGeneration: a reload that would leave too
// many passage numbers unused rebuilds the index on disk, beside the one
// the previous engine still serves, which is removed once released.
func TestIndexDirReloadRebuildsNewGeneration(t *testing.T) {
	fsys := testCorpus(t)
	dir := t.TempDir()
	prev := loadIndexDir(t, fsys, dir, "test")
	slot := prev.index.Dir().Path()
	gens := func() []string {
		m, _ := filepath.Glob(filepath.Join(slot, "gen-*"))
		return m
	}
	before := gens()
	n := 0
	for name := range fsys {
		if n%4 != 0 { // three articles in four leave
			delete(fsys, name)
		}
		n++
	}
	next, err := LoadWith(context.Background(), fsys, ".", LoadOptions{Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if !next.index.OnDisk() || next.index.Updates() != 0 {
		t.Fatalf("on disk %v, updates %d; want a rebuild on disk", next.index.OnDisk(), next.index.Updates())
	}
	if len(gens()) != 2 {
		t.Errorf("generations %v, want the previous and the new", gens())
	}
	answersAsFresh(t, next, fsys)
	if got := flat(prev.Ask("how many migrants reached Calais?")); got == "" {
		t.Error("the previous engine no longer answers")
	}
	prev = nil
	for range 500 {
		if len(gens()) == 1 {
			break
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if g := gens(); len(g) != 1 || g[0] == before[0] {
		t.Errorf("generations %v after the previous engine was released (before: %v)", g, before)
	}
	answersAsFresh(t, next, fsys)
}

// TestManifestRefusesBadRecords: a record that is not this version's,
// altered, or that does not fit its index is refused.
func TestManifestRefusesBadRecords(t *testing.T) {
	doc := func(id string, paras ...string) *document {
		d := &document{Doc: &text.Doc{ID: id}, file: id, sum: sha256.Sum256([]byte(id))}
		for _, p := range paras {
			d.Paragraphs = append(d.Paragraphs, text.Paragraph{Text: p, Sentences: []text.Span{{Start: 0, End: len(p)}}})
		}
		return d
	}
	a, b := doc("a", "one", "two"), doc("b", "three")
	passages := append(makePassages([]*document{a}), passage{}, makePassages([]*document{b})[0])
	good := encodeManifest("v1", passages)
	total, articles, err := decodeManifest("v1", good, 3)
	if err != nil || total != 4 || len(articles) != 2 || articles[1].first != 3 || articles[0].n != 2 {
		t.Fatalf("good record: total %d, articles %+v, err %v", total, articles, err)
	}
	altered := append([]byte(nil), good...)
	altered[len(altered)-1] ^= 1
	overlapping := encodeManifest("v1", []passage{{doc: a}, {doc: b}, {doc: a}})
	tests := []struct {
		name    string
		meta    []byte
		indexed int
		want    string
	}{
		{"another version", good, 3, "another version"},
		{"altered", altered, 3, "checksum"},
		{"not a record", []byte("garbage"), 3, "no header"},
		{"another index", good, 5, "the index holds 5"},
		{"split run", overlapping, 3, "no header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			version := "v1"
			if tt.name == "another version" {
				version = "v2"
			}
			if _, _, err := decodeManifest(version, tt.meta, tt.indexed); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want one saying %q", err, tt.want)
			}
		})
	}
}
