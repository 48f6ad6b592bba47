package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var ferries = []string{"the ferry left calais", "the train left paris", "a ferry crossed the channel"}

func buildIn(t *testing.T, root string, passages []string, meta string) (*Dir, *Index) {
	t.Helper()
	d, err := LockDir(root)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := d.Build(passages, []byte(meta))
	if err != nil {
		t.Fatal(err)
	}
	return d, ix
}

func hitIDs(t *testing.T, ix *Index, q string) []int {
	t.Helper()
	hits, err := ix.Search(context.Background(), Terms(q), 10)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// TestDirKeepsIndexBetweenOpens: an index built in a Dir, updated, and
// closed is opened again with its passages, its update and the meta of
// the update, and finds what the same index in memory updated the same
// way finds.
func TestDirKeepsIndexBetweenOpens(t *testing.T) {
	root := t.TempDir()
	_, ix := buildIn(t, root, ferries, "v1")
	up, err := ix.Update([]int{1}, []string{"the night ferry to dover"}, 3, []byte("v2"))
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	up.Close()
	if n := OpenIndexes(); n != 0 {
		t.Fatalf("%d indexes open after closing both", n)
	}

	d, err := LockDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if d.Path() != filepath.Join(root, "slot-0") {
		t.Errorf("reopened in %s, want the slot released by the first", d.Path())
	}
	again, meta, err := d.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if string(meta) != "v2" || again.Len() != 3 || !again.OnDisk() {
		t.Errorf("meta %q, %d passages, on disk %v; want v2, 3, true", meta, again.Len(), again.OnDisk())
	}
	mem, err := build(t, ferries...).Update([]int{1}, []string{"the night ferry to dover"}, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Scores may differ in the last digits: bleve's BM25 length norm
	// counts the terms of deleted passages until their segment is merged,
	// which one on disk may have done.
	for _, q := range []string{"ferry", "train paris", "dover night"} {
		got, want := hitIDs(t, again, q), hitIDs(t, mem, q)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: on disk %v, in memory %v", q, got, want)
		}
	}
}

// TestDirRefusesWhatItCannotTrust: a slot with no index, an index whose
// last change did not finish, a damaged segment file and a damaged root
// file are each refused, and the slot is left empty for a rebuild.
func TestDirRefusesWhatItCannotTrust(t *testing.T) {
	damage := func(t *testing.T, gen string, suffix string) {
		t.Helper()
		var hit bool
		filepath.WalkDir(gen, func(p string, de os.DirEntry, err error) error {
			if err == nil && !de.IsDir() && strings.HasSuffix(p, suffix) {
				data, _ := os.ReadFile(p)
				data[len(data)/2] ^= 0xff
				os.WriteFile(p, data, 0o600)
				hit = true
			}
			return nil
		})
		if !hit {
			t.Fatalf("no %s file under %s", suffix, gen)
		}
	}
	tests := []struct {
		name  string
		spoil func(t *testing.T, gen string)
		want  string
	}{
		{"empty slot", nil, ErrNoIndex.Error()},
		{"unfinished change", func(t *testing.T, gen string) {}, "no passages recorded"},
		{"damaged segment", func(t *testing.T, gen string) { damage(t, gen, ".zap") }, "checksum"},
		{"damaged root", func(t *testing.T, gen string) {
			os.WriteFile(filepath.Join(gen, "store", "root.bolt"), []byte("not a bolt file"), 0o600)
		}, "open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if tt.spoil != nil {
				meta := "v1"
				if tt.name == "unfinished change" {
					meta = ""
				}
				d, ix := buildIn(t, root, ferries, meta)
				gen := ix.storage.gen.path
				ix.Close()
				if !d.released {
					t.Fatal("the slot stayed locked after its only index closed")
				}
				tt.spoil(t, gen)
			}
			d, err := LockDir(root)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Release()
			ix, _, err := d.Open()
			if err == nil {
				ix.Close()
				t.Fatal("opened")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if gens := d.generations(); len(gens) != 0 {
				t.Errorf("generations %v left behind", gens)
			}
			if tt.spoil == nil && !errors.Is(err, ErrNoIndex) {
				t.Errorf("error %v is not ErrNoIndex", err)
			}
		})
	}
}

// TestDirSlotsPerProcess: a second holder of the root gets a slot of its
// own while the first is held, and the first slot again once released.
func TestDirSlotsPerProcess(t *testing.T) {
	root := t.TempDir()
	a, err := LockDir(root)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LockDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if a.Path() == b.Path() {
		t.Fatalf("both hold %s", a.Path())
	}
	a.Release()
	c, err := LockDir(root)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	defer b.Release()
	if c.Path() != a.Path() {
		t.Errorf("got %s, want the released %s", c.Path(), a.Path())
	}
	var held []*Dir
	defer func() {
		for _, d := range held {
			d.Release()
		}
	}()
	for range dirSlots - 2 {
		d, err := LockDir(root)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, d)
	}
	if _, err := LockDir(root); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("every slot held: err %v", err)
	}
}

// TestDirRebuildKeepsOldUntilClosed: a second build in the slot leaves
// the first generation searchable until it is closed, then removes it;
// opening the slot again finds the second.
func TestDirRebuildKeepsOldUntilClosed(t *testing.T) {
	root := t.TempDir()
	d, first := buildIn(t, root, ferries, "v1")
	second, err := d.Build([]string{"a bus to rome"}, []byte("v2"))
	if err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(t, first, "ferry"); len(got) != 2 {
		t.Errorf("the first generation finds %v for ferry, want 2 passages", got)
	}
	oldPath := first.storage.gen.path
	first.Close()
	if _, err := os.Stat(oldPath); !os.IsNotExist(err) {
		t.Errorf("the replaced generation is still there: %v", err)
	}
	second.Close()
	d, err = LockDir(root)
	if err != nil {
		t.Fatal(err)
	}
	ix, meta, err := d.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if string(meta) != "v2" || ix.Len() != 1 {
		t.Errorf("meta %q, %d passages; want v2 and 1", meta, ix.Len())
	}
}

// TestDirUnwritable: a root that cannot be created is an error, not a
// panic, so the caller builds in memory.
func TestDirUnwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LockDir(filepath.Join(file, "index")); err == nil {
		t.Error("locked a slot under a plain file")
	}
}
