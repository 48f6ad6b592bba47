package quotes

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/text"
)

// bbcCorpus is the BBC News corpus beside the repository (DESIGN.md §11).
const bbcCorpus = "../../../shared/corpora/bbc"

// BenchmarkExtract times Extract over every article of the BBC corpus, with
// the people already extracted (their cost is people's).
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(bbcCorpus, "*", "*.md"))
	if len(files) == 0 {
		b.Skipf("BBC corpus not found at %s", bbcCorpus)
	}
	type input struct {
		doc *text.Doc
		res *people.DocResult
	}
	var docs []input
	var size int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, err := text.Parse(f, raw)
		if err != nil {
			continue
		}
		size += int64(len(raw))
		docs = append(docs, input{d, people.Extract(d)})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	var quotes int
	for i := 0; i < b.N; i++ {
		quotes = 0
		for _, in := range docs {
			quotes += len(Extract(in.doc, in.res))
		}
	}
	b.ReportMetric(float64(quotes), "quotes/op")
	b.ReportMetric(float64(len(docs)), "docs/op")
}
