package briefings

import (
	"math"
	"strings"
	"unicode"
)

// sentenceRanker is the reference the free-question measures compare the
// engine with: the one sentence of the corpus that ranks first by BM25 over
// the question's words, with no question analysis, taken as the answer.
// Question logic that does not beat it adds nothing.
type sentenceRanker struct {
	sents    []string
	lens     []int
	avgLen   float64
	postings map[string][]posting
}

type posting struct{ sent, tf int }

// BM25 parameters of the reference (the usual defaults).
const (
	referenceK1 = 1.2
	referenceB  = 0.75
)

// referenceStop are words too common to rank by, question words included.
var referenceStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of to in on at by for from with as is are was were be been
		being it its this that these those there their they them he she his her him we our you your i me my do does did
		doing done has have had having will would shall should can could may might must not no so than then too very
		what which who whom whose when where why how many much s t re ve ll d about into over after before up out
		any all some such own same just also now get got going`) {
		referenceStop[w] = true
	}
}

// referenceTokens lower-cases a text into its words, without the common ones.
func referenceTokens(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !referenceStop[w] {
			out = append(out, w)
		}
	}
	return out
}

func newSentenceRanker(e *Engine) *sentenceRanker {
	r := &sentenceRanker{postings: map[string][]posting{}}
	total := 0
	for _, d := range e.docs {
		for _, p := range d.Paragraphs {
			for i := range p.Sentences {
				s := p.Sentence(i)
				toks := referenceTokens(s)
				tf := map[string]int{}
				for _, t := range toks {
					tf[t]++
				}
				for t, n := range tf {
					r.postings[t] = append(r.postings[t], posting{len(r.sents), n})
				}
				r.sents = append(r.sents, s)
				r.lens = append(r.lens, len(toks))
				total += len(toks)
			}
		}
	}
	r.avgLen = float64(total) / float64(max(1, len(r.sents)))
	return r
}

// top is the best sentence for a question, "" when no word matches.
func (r *sentenceRanker) top(q string) string {
	n := float64(len(r.sents))
	scores := map[int]float64{}
	seen := map[string]bool{}
	for _, t := range referenceTokens(q) {
		ps := r.postings[t]
		if seen[t] || len(ps) == 0 {
			continue
		}
		seen[t] = true
		df := float64(len(ps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for _, p := range ps {
			f := float64(p.tf)
			scores[p.sent] += idf * f * (referenceK1 + 1) / (f + referenceK1*(1-referenceB+referenceB*float64(r.lens[p.sent])/r.avgLen))
		}
	}
	best, bestScore := -1, 0.0
	for id, s := range scores {
		if s > bestScore || (s == bestScore && id < best) {
			best, bestScore = id, s
		}
	}
	if best < 0 {
		return ""
	}
	return r.sents[best]
}
