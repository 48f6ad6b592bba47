package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An article without front matter often runs its headline into its first
// sentence on one line ("Macy's owner buys rival for $11bn US retail giant
// Federated ..."). gluedHeadline finds where the headline ends: before a
// capitalised word that starts a sentence rather than continuing a name.

// Limits of a glued headline, in words.
const (
	minHeadlineWords = 3
	maxHeadlineWords = 14
	// typicalHeadlineWords is where the length prior is flat.
	typicalHeadlineWords = 6
	// minHeadlineScore is the evidence a boundary needs; below it the
	// first line stays whole.
	minHeadlineScore = 1.8
)

// sentenceOpeners are words that, capitalised after another word, start a
// sentence rather than continue a headline.
var sentenceOpeners = wordSet("the a an it its he she they this these those there in on at for after before " +
	"when while as more some many most several one two three four five six seven eight nine ten " +
	"shares plans talks officials police prices sales profits")

// headlineEnds are words no headline ends in.
var headlineEnds = wordSet("the a an of to for and or in on at with by from as its his her their is are was were " +
	"has have be will would could should than that which who")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// gluedHeadline returns the headline at the start of the first paragraph
// when it is glued to the first sentence, and false when no boundary is
// likely enough.
func gluedHeadline(paras []Paragraph) (string, bool) {
	if len(paras) == 0 {
		return "", false
	}
	p := paras[0]
	first := p.Text
	if len(p.Sentences) > 0 {
		first = p.Text[p.Sentences[0].Start:p.Sentences[0].End]
	}
	words := fieldSpans(first)
	if len(words) < minHeadlineWords+4 || !endsSentence(p.Text) {
		// a line this short, or one without a full stop, is a headline on
		// its own (or no headline at all)
		return "", false
	}
	asked := newWordFilter()
	for k := minHeadlineWords; k <= maxHeadlineWords && k < len(words)-3; k++ {
		asked.add(bare(first[words[k][0]:words[k][1]]))
	}
	lower, caps := askedUsage(paras, asked)
	best := -1
	for k := minHeadlineWords; k <= maxHeadlineWords && k < len(words)-3; k++ {
		w, prev := first[words[k][0]:words[k][1]], first[words[k-1][0]:words[k-1][1]]
		if !startsSentence(w) || strings.ContainsAny(prev[len(prev)-1:], ".!?:;,") {
			continue
		}
		lw, lp := bare(w), bare(prev)
		if headlineEnds[lp] || lp == "" {
			continue // "... for the", "UK rebate 'unjustified' - Chirac": no headline ends so
		}
		score := -0.3 * float64(abs(k-typicalHeadlineWords))
		opener := sentenceOpeners[lw] || lower[lw]
		switch {
		case sentenceOpeners[lw]:
			score += 3
		case lower[lw]:
			score += 2 // a common word, capitalised to open a sentence
		}
		prevUpper := isUpperStart(prev)
		if !prevUpper && !unicode.IsDigit(rune(prev[0])) {
			score += 1.5 // a headline's last word, then a capital
		}
		if prevUpper && !opener {
			score -= 2 // inside a run of capitals: more likely one name
		}
		if prevUpper && caps[lp+" "+lw] > 1 {
			score -= 3 // a name the article writes again: "Borussia Dortmund"
		}
		for j := 0; j < k; j++ {
			if bare(first[words[j][0]:words[j][1]]) == lw && !lower[lw] {
				score += 2 // the text names again what the headline named: "Turkey ... Turkey has agreed"
				break
			}
		}
		if prevUpper && renamed(first, words, k) {
			// a headline ending in a capitalised word lacks the usual sign
			// (a lower-case word, then a capital); a name the sentence
			// restates from it is the sign instead
			score += 3.5
		}
		// a short run of capitals, then a lower-case word: a name and its
		// verb ("Conchita Martinez won", "Japanese brewers are")
		run := k
		for run < len(words) && run-k < 4 && isUpperStart(first[words[run][0]:words[run][1]]) {
			run++
		}
		if run < len(words) && run-k <= 3 && !startsSentence(first[words[run][0]:words[run][1]]) {
			score++
		}
		if score >= minHeadlineScore {
			// the first likely boundary: a later one is more often a name
			// inside the first sentence ("Irish rock band U2 are ...")
			best = k
			break
		}
	}
	if best < 0 {
		return "", false
	}
	return strings.TrimSpace(first[:words[best-1][1]]), true
}

// maxDescriptorWords is how many words may stand before a name the first
// sentence restates from the headline: "French president Jacques Chirac",
// "New York band Scissor Sisters".
const maxDescriptorWords = 3

// renamed reports whether the sentence that would start at word k opens
// by naming again, after a short descriptor, a capitalised word of the
// headline before k: "UK rebate 'unjustified' - Chirac | French president
// Jacques Chirac has called ...".
func renamed(first string, words [][2]int, k int) bool {
	for j := k + 1; j < len(words) && j <= k+maxDescriptorWords; j++ {
		s := first[words[j][0]:words[j][1]]
		if !isUpperStart(s) {
			continue
		}
		b := bare(s)
		if len(b) < 3 || sentenceOpeners[b] {
			continue
		}
		for _, w := range words[:k] {
			if h := first[w[0]:w[1]]; isUpperStart(h) && bare(h) == b {
				return true
			}
		}
	}
	return false
}

// endsSentence reports text that ends as a sentence does.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"”’')")
	return s != "" && strings.ContainsAny(s[len(s)-1:], ".!?")
}

// fieldSpans returns the byte spans of the space-separated words of s.
func fieldSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// bare is a word in lower case without the punctuation around it or a
// possessive.
func bare(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	return strings.ToLower(w)
}

func isUpperStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// startsSentence reports a word that can open a sentence: a capital, a
// digit, a quotation mark or a currency sign before one.
func startsSentence(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r) || unicode.IsDigit(r):
		return true
	case strings.ContainsRune(`"“‘'£$€`, r) && n < len(w):
		r2, _ := utf8.DecodeRuneInString(w[n:])
		return unicode.IsUpper(r2) || unicode.IsDigit(r2)
	}
	return false
}

// wordFilter is the bare words a headline boundary may fall before: the
// only words askedUsage is asked about, so it skips the others, most by
// their first letter alone.
type wordFilter struct {
	words  map[string]bool
	starts map[rune]bool
}

func newWordFilter() wordFilter {
	return wordFilter{words: map[string]bool{}, starts: map[rune]bool{}}
}

func (f wordFilter) add(w string) {
	if r, _ := utf8.DecodeRuneInString(w); w != "" {
		f.words[w] = true
		f.starts[r] = true
	}
}

// askedUsage reads, in one pass over the article's words, the asked words
// it writes in lower case somewhere (lower), and how often it writes each
// pair of capitalised words side by side (the names it uses) whose second
// word is asked (caps).
func askedUsage(paras []Paragraph, asked wordFilter) (lower map[string]bool, caps map[string]int) {
	lower, caps = map[string]bool{}, map[string]int{}
	for _, p := range paras {
		prev := ""
		for f := range strings.FieldsSeq(p.Text) {
			r, _ := utf8.DecodeRuneInString(f)
			// a word starting with a lower-case letter is bare from it on
			if unicode.IsLower(r) && asked.starts[r] {
				if b := bare(f); asked.words[b] {
					lower[b] = true
				}
			}
			if prev != "" && unicode.IsUpper(r) && asked.starts[unicode.ToLower(r)] && isUpperStart(prev) {
				if b := bare(f); asked.words[b] {
					caps[bare(prev)+" "+b]++
				}
			}
			prev = f
		}
	}
	return lower, caps
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
