package briefings

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// failingDirFS is a MapFS whose directory bad cannot be listed, as a
// directory without read permission.
type failingDirFS struct {
	fstest.MapFS
	bad string
}

func (f failingDirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

func (f failingDirFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

// TestLoadSkipsWhatItCannotRead: an unreadable sub-directory and a file
// over the size cap are skipped with a warning that names them; the rest
// of the corpus loads.
func TestLoadSkipsWhatItCannotRead(t *testing.T) {
	fsys := failingDirFS{MapFS: fstest.MapFS{
		"c/a.md":          {Data: []byte("Alpha text about boats in 2020.\n")},
		"c/locked/b.md":   {Data: []byte("Beta text.\n")},
		"c/sub/c.md":      {Data: []byte("Gamma text about ferries in 2019.\n")},
		"c/sub/huge.txt":  {Data: []byte(strings.Repeat("Word ", MaxFileSize/5+1))},
		"c/locked2/d.txt": {Data: []byte("Delta.\n")},
	}, bad: "c/locked"}
	e, err := Load(fsys, "c")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := docIDs(e); got != "a,locked2/d,sub/c" {
		t.Errorf("ids = %s, want a,locked2/d,sub/c", got)
	}
	w := strings.Join(e.Warnings(), "\n")
	for _, want := range []string{"c/locked: unreadable directory (permission denied); skipped", "c/sub/huge.txt: 8.0 MB, larger than the 8 MB an article may be; skipped"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
	if _, err := Load(failingDirFS{MapFS: fsys.MapFS, bad: "c"}, "c"); err == nil || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("an unreadable root: err = %v, want a permission error", err)
	}
}

// TestLoadVeryLongArticleWhole reads a file far longer than an article
// (a scrape with its newlines lost) as one article, its people found to
// its end.
func TestLoadVeryLongArticleWhole(t *testing.T) {
	const size = 300 << 10
	long := bigArticle(t, size, true)
	fsys := fstest.MapFS{"c/long.md": {Data: long}, "c/short.md": {Data: []byte("A short article about Calais in 2015.\n")}}
	e, err := Load(fsys, "c")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range e.docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, ","); got != "long,short" {
		t.Fatalf("ids = %s, want long,short", got)
	}
	d := e.byID["long"]
	if d.Meta.Title != "A very large article" || len(docText(d)) < size-(1<<10) {
		t.Errorf("title %q, %d bytes of text; want the whole article", d.Meta.Title, len(docText(d)))
	}
	last := 0
	for _, m := range d.people.Mentions {
		last = max(last, m.Start)
	}
	if last < size*9/10 {
		t.Errorf("the last person named at byte %d of %d", last, size)
	}
	if w := strings.Join(e.Warnings(), "\n"); strings.Contains(w, "long.md") {
		t.Errorf("warnings = %s", w)
	}
}

// TestLoadReportsBadFilesAndServesTheRest: a file with bad front-matter
// values is left out with every problem in it, a misspelt key and an
// article-like file that is not read are warned about, and the rest of
// the corpus loads.
func TestLoadReportsBadFilesAndServesTheRest(t *testing.T) {
	fsys := fstest.MapFS{
		"c/good.md":        {Data: []byte("---\ntitle: Good\npublished: 2020-01-02\n---\nAlpha text about boats.\n")},
		"c/typo.md":        {Data: []byte("---\ntitle: Typo\npublised: 2020-01-02\n---\nBeta text.\n")},
		"c/bad.md":         {Data: []byte("---\ntitle: Bad\npublished: 2014-13-01\nurl: ftp://x\n---\nText.\n")},
		"c/sub/worse.md":   {Data: []byte("---\ntitle: [unclosed\n---\nText.\n")},
		"c/page.html":      {Data: []byte("<p>An article</p>")},
		"c/notes.markdown": {Data: []byte("An article in Markdown.")},
		"c/photo.jpg":      {Data: []byte("\xff\xd8")},
	}
	e, err := Load(fsys, "c")
	if err != nil {
		t.Fatal(err)
	}
	if got := docIDs(e); got != "good,typo" {
		t.Errorf("ids = %s, want good,typo", got)
	}
	problems := strings.Join(e.Problems(), "\n")
	for _, want := range []string{
		`c/bad.md: line 3: front matter key "published": date "2014-13-01" is not a real date; line 4: front matter key "url": want an http(s) URL; not loaded`,
		"c/sub/worse.md: line 2:",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems lack %q:\n%s", want, problems)
		}
	}
	warnings := strings.Join(e.Warnings(), "\n")
	for _, want := range []string{"c/typo.md: line 3: front matter key \"publised\" is not one briefbot reads (did you mean published?); ignored",
		"c/page.html: not read: articles are .md or .txt files", "c/notes.markdown: not read"} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack %q:\n%s", want, warnings)
		}
	}
	if strings.Contains(warnings, "photo.jpg") {
		t.Errorf("a picture is warned about:\n%s", warnings)
	}
}
