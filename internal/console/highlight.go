package console

import (
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/briefings"
)

// paragraph is an article's paragraph cut into runs of text that carry the
// same highlights.
type paragraph struct {
	Runs []run
}

// run is a stretch of text and the kinds of extraction that cover it.
type run struct {
	Text   string
	Class  string // "hl-person hl-quote": one class per kind, "" for plain text
	Labels string // what was extracted, for the title attribute
}

// highlight cuts each paragraph at every highlight's edges, so nested and
// overlapping spans (a person inside a quote) render as flat runs.
func highlight(v briefings.ArticleView) []paragraph {
	byPara := map[int][]briefings.Highlight{}
	for _, h := range v.Highlights {
		byPara[h.Para] = append(byPara[h.Para], h)
	}
	out := make([]paragraph, len(v.Paragraphs))
	for pi, text := range v.Paragraphs {
		hs := byPara[pi]
		cuts := []int{0, len(text)}
		for _, h := range hs {
			cuts = append(cuts, h.Start, h.End)
		}
		sort.Ints(cuts)
		for i := 0; i+1 < len(cuts); i++ {
			a, b := cuts[i], cuts[i+1]
			if a == b {
				continue
			}
			var classes, labels []string
			for _, h := range hs {
				if h.Start <= a && b <= h.End {
					cl := "hl-" + h.Kind
					if !slices.Contains(classes, cl) {
						classes = append(classes, cl)
					}
					if l := h.Kind + ": " + h.Label; h.Label != "" && !slices.Contains(labels, l) {
						labels = append(labels, l)
					}
				}
			}
			sort.Strings(classes)
			out[pi].Runs = append(out[pi].Runs, run{Text: text[a:b], Class: strings.Join(classes, " "), Labels: strings.Join(labels, "; ")})
		}
	}
	return out
}
