package text

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxTitle is the longest title taken from an article's first line, in runes.
const MaxTitle = 120

// Parse reads one article: front matter, cleaned paragraphs and sentences.
// id is the document id (its path without extension).
func Parse(id string, raw []byte) (*Doc, error) {
	meta, body, _, err := SplitFrontMatter(raw)
	if err != nil {
		return nil, err
	}
	d := &Doc{ID: id, Meta: meta}
	seen := map[string]bool{}
	for _, p := range Clean(body) {
		if seen[p] {
			continue // a headline repeated above its photo, a caption twice
		}
		seen[p] = true
		d.Paragraphs = append(d.Paragraphs, Paragraph{Text: p, Sentences: SplitSentences(p)})
	}
	if d.Meta.Title == "" && len(d.Paragraphs) > 0 {
		d.Meta.Title = cut(d.Paragraphs[0].Text, MaxTitle)
	}
	if d.Meta.Published.IsZero() {
		if y := inferYear(d.Paragraphs); y != 0 {
			d.Meta.Published = Date{Year: y}
			d.Meta.DateInferred = true
		}
	}
	return d, nil
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return strings.TrimRight(string(r)[:i], " ,;:-") + "…"
	}
	return string(r) + "…"
}

var yearRe = regexp.MustCompile(`\b(19[5-9]\d|20\d\d)\b`)

// plannedYear matches years that name a plan, a deadline or a coming event
// ("by 2012", "until 2026", "the 2012 Olympics"), or a past starting point
// ("since authorities closed the centre in 2002"): they bound when an
// article was published but do not tell it.
var plannedYear = regexp.MustCompile(`(?i)(?:\bsince\b[^.;]{0,140}?\b(?:19|20)\d\d\b)|(?:\b(?:by|until|till|before|deadline of|target of)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b)|(?:\b(?:19|20)\d\d\s+(?:olympics?|olympic\s+games|games|world\s+cup|paralympics?)\b)`)

// inferYear guesses the year of an undated article: the year it names most
// often, the later one on a tie. Years after the current one are plans and
// targets ("by 2050"), never the year an article was published.
func inferYear(paras []Paragraph) int {
	count := map[int]int{}
	now := time.Now().Year()
	for _, p := range paras {
		for _, m := range yearRe.FindAllString(plannedYear.ReplaceAllString(p.Text, " "), -1) {
			y, _ := strconv.Atoi(m)
			if y <= now {
				count[y]++
			}
		}
	}
	if len(count) == 0 {
		return 0
	}
	years := make([]int, 0, len(count))
	for y := range count {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool {
		if count[years[i]] != count[years[j]] {
			return count[years[i]] > count[years[j]]
		}
		return years[i] > years[j]
	})
	return years[0]
}
