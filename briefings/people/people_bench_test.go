package people

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/briefings/text"
)

// benchDocs is the BBC corpus when present, else the embedded corpus.
func benchDocs(b *testing.B) []*text.Doc {
	b.Helper()
	if _, err := os.Stat(bbcDir); err == nil {
		return loadDir(b, bbcDir)
	}
	docs := loadDir(b, filepath.Join("..", "corpus"))
	if len(docs) == 0 {
		b.Skip("no documents")
	}
	return docs
}

// BenchmarkExtract measures Extract per article.
func BenchmarkExtract(b *testing.B) {
	docs := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		Extract(docs[i%len(docs)])
		i++
	}
}

// BenchmarkBuild measures Build over the BBC corpus's extractions, once
// (x1) and with every article ten times under other ids (x10).
func BenchmarkBuild(b *testing.B) {
	docs := loadDir(b, bbcDir)
	ins := make([]DocInput, len(docs))
	for i, d := range docs {
		ins[i] = DocInput{DocID: d.ID, Date: d.Meta.Published, Result: Extract(d)}
	}
	for _, copies := range []int{1, 10} {
		all, allDocs := replicate(docs, ins, copies)
		b.Run(fmt.Sprintf("x%d", copies), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Build(allDocs, all)
			}
		})
	}
}

// replicate repeats the articles n times under new ids.
func replicate(docs []*text.Doc, ins []DocInput, n int) ([]DocInput, []*text.Doc) {
	var outIns []DocInput
	var outDocs []*text.Doc
	for c := 0; c < n; c++ {
		for i, in := range ins {
			d := *docs[i]
			d.ID = fmt.Sprintf("%s~%d", d.ID, c)
			in.DocID = d.ID
			outIns = append(outIns, in)
			outDocs = append(outDocs, &d)
		}
	}
	return outIns, outDocs
}

// BenchmarkLookup measures name lookups over the directory of the BBC
// corpus (x1) and of ten copies of it (x10).
func BenchmarkLookup(b *testing.B) {
	docs := loadDir(b, bbcDir)
	ins := make([]DocInput, len(docs))
	for i, d := range docs {
		ins[i] = DocInput{DocID: d.ID, Date: d.Meta.Published, Result: Extract(d)}
	}
	queries := []struct{ name, q string }{
		{"exact", "david blunkett"},
		{"surname", "blunkett"},
		{"ambiguous", "brown"},
		{"fuzzy", "david blunket"},
		{"fuzzy-surname", "blunkit"},
		{"unknown", "zebedee quartermaine"},
	}
	for _, copies := range []int{1, 10} {
		all, allDocs := replicate(docs, ins, copies)
		dir := Build(allDocs, all)
		for _, q := range queries {
			b.Run(fmt.Sprintf("x%d/%s", copies, q.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					dir.Lookup(q.q)
				}
			})
		}
	}
}
