package briefings

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/briefings/corpus"
)

// bigArticle is an article of about n bytes: the articles of the BBC test
// corpus (the embedded corpus when it is absent), front matter dropped,
// one after another; one line when oneLine is set (a scraped page with its
// newlines lost).
func bigArticle(tb testing.TB, n int, oneLine bool) []byte {
	tb.Helper()
	var src fs.FS = corpus.FS
	if _, err := os.Stat(bbcDir); err == nil {
		src = os.DirFS(bbcDir)
	}
	var body bytes.Buffer
	err := fs.WalkDir(src, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || body.Len() > n {
			return err
		}
		raw, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(raw, []byte("---\n")) {
			if end := bytes.Index(raw[4:], []byte("\n---\n")); end >= 0 {
				raw = raw[4+end+5:]
			}
		}
		body.Write(raw)
		body.WriteString("\n\n")
		return nil
	})
	if err != nil || body.Len() == 0 {
		tb.Fatalf("read the embedded corpus: %v", err)
	}
	out := make([]byte, 0, n+body.Len())
	out = append(out, "---\ntitle: A very large article\npublished: 2024-05-01\n---\n"...)
	for len(out) < n {
		out = append(out, body.Bytes()...)
	}
	out = out[:n]
	if oneLine {
		out = bytes.Join(bytes.Fields(out[bytes.Index(out, []byte("\n---\n"))+5:]), []byte(" "))
		out = append([]byte("---\ntitle: A very large article\npublished: 2024-05-01\n---\n"), out...)
	}
	return out
}

// BenchmarkLoadLargeArticle loads one article of 1, 4 and 8 MB, as prose
// and as a single line. Loading is linear in the text: the time per MB
// stays flat as the size grows.
func BenchmarkLoadLargeArticle(b *testing.B) {
	for _, mb := range []int{1, 4, 8} {
		for _, oneLine := range []bool{false, true} {
			shape := "prose"
			if oneLine {
				shape = "one-line"
			}
			b.Run(fmt.Sprintf("%dMB-%s", mb, shape), func(b *testing.B) {
				data := bigArticle(b, mb*1000*1000, oneLine)
				fsys := fstest.MapFS{"big.md": {Data: data}}
				b.SetBytes(int64(len(data)))
				b.ResetTimer()
				for range b.N {
					if _, err := Load(fsys, "."); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
