package text

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/internal/lazyre"
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
		if seen[p] && repeatable(p) {
			continue // a headline repeated above its photo, a caption twice
		}
		seen[p] = true
		d.Paragraphs = append(d.Paragraphs, Paragraph{Text: p, Sentences: SplitSentences(p)})
	}
	if d.Meta.Title == "" && len(d.Paragraphs) > 0 {
		d.Meta.Title = cut(d.Paragraphs[0].Text, MaxTitle)
		if h, ok := gluedHeadline(d.Paragraphs); ok {
			d.Meta.Title = cut(h, MaxTitle)
		}
	}
	if d.Meta.Published.IsZero() {
		if y, sure := inferYear(d.Paragraphs); y != 0 {
			d.Meta.Published = Date{Year: y}
			d.Meta.DateInferred = true
			d.Meta.DateAnchored = inFullDate(d.Paragraphs, y)
			d.Meta.DateSure = sure
		}
	}
	return d, nil
}

// repeatable reports whether a paragraph seen twice is page furniture (a
// headline above its photo, a caption) rather than text that recurs: a
// speaker line ("He said,") or a block-quote signature ("– Name, Title")
// may rightly stand several times in one article.
func repeatable(p string) bool {
	if strings.HasSuffix(p, ",") || strings.HasSuffix(p, ":") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(p); r == '–' || r == '—' || r == '-' {
		return false
	}
	return len(strings.Fields(p)) >= 3
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

// yearsIn returns the offsets of the years (1950 to 2099) standing alone
// as words in s. A byte scan: regexp word boundaries are slow on the long
// paragraphs of some corpora.
func yearsIn(s string) []int {
	var out []int
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if c != '1' && c != '2' {
			continue
		}
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		if !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) || (i+4 < len(s) && isWordByte(s[i+4])) {
			continue
		}
		if (c == '1' && s[i+1] == '9' && s[i+2] >= '5') || (c == '2' && s[i+1] == '0') {
			out = append(out, i)
		}
		i += 3
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// isWordByte is a regexp \w byte; bytes of multi-byte runes count as word
// characters too, which only errs toward not seeing a year.
func isWordByte(b byte) bool {
	return isDigit(b) || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b >= 0x80
}

// Words around a year that make it a plan, a deadline, a coming event or
// a past starting point ("by 2012", "until 2026", "the 2012 Olympics",
// "since the centre closed in 2002"): such a year bounds when an article
// was published but does not tell it.
var (
	plannedBefore = map[string]bool{"by": true, "until": true, "till": true, "before": true}
	eventAfter    = map[string]bool{"olympics": true, "olympic": true, "games": true, "world": true, "paralympics": true}
)

// maxSinceReach is how far back (in bytes, within the sentence) a "since"
// governs a year.
const maxSinceReach = 160

// datesArticle reports whether the year at p[i:j] may tell when the
// article was published.
func datesArticle(p string, i, j int) bool {
	// A year in a range ("2007-2013", "2004/05", "2007 to 2013") names a
	// period, not a moment.
	for _, dash := range []string{"-", "/", "–"} {
		if strings.HasPrefix(p[j:], dash) && j+len(dash) < len(p) && isDigit(p[j+len(dash)]) {
			return false
		}
		if k := i - len(dash); k >= 1 && p[k:i] == dash && isDigit(p[k-1]) {
			return false
		}
	}
	before := p[:i]
	if k := strings.LastIndexAny(before, ".;!?"); k >= 0 {
		before = before[k+1:]
	}
	if len(before) > maxSinceReach {
		before = before[len(before)-maxSinceReach:]
	}
	words := strings.Fields(strings.ToLower(before))
	if n := len(words); n > 0 && plannedBefore[strings.Trim(words[n-1], ",(")] {
		return false
	}
	for _, w := range words {
		if strings.Trim(w, ",(") == "since" {
			return false
		}
	}
	after := strings.Fields(strings.ToLower(p[j:min(len(p), j+24)]))
	return len(after) == 0 || !eventAfter[strings.Trim(after[0], ",.;:'’s")]
}

const monthNames = `(?:January|February|March|April|May|June|July|August|September|October|November|December)`

// dateBefore matches what stands before the year of a full date, up to
// the year: "20 September " of "20 September 2014", "August 5, " of
// "August 5, 2025".
var dateBefore = lazyre.New(`\b(?:\d{1,2}(?:st|nd|rd|th)? ` + monthNames + `,? |` + monthNames + ` \d{1,2}(?:st|nd|rd|th)?, )$`)

// dateReach is how many bytes before a year dateBefore is tried on: far
// more than the longest day and month, so a match never starts at the
// window's edge, where a word boundary cannot be told.
const dateReach = 48

// inFullDate reports whether year y stands in a full calendar date of the
// text. Only the bytes just before each of its years are matched: a
// pattern run over a whole paragraph costs more than the rest of parsing
// on corpora written as one long paragraph per article.
func inFullDate(paras []Paragraph, y int) bool {
	ys := strconv.Itoa(y)
	for _, p := range paras {
		for _, i := range yearsIn(p.Text) {
			if p.Text[i:i+4] == ys && dateBefore().MatchString(p.Text[max(0, i-dateReach):i]) {
				return true
			}
		}
	}
	return false
}

// Evidence a guessed year must have to be shown (sure): the text names it
// at least sureMentions times, and sureMargin times more than any other
// year. Measured on news articles of known date, a year named fewer times
// is the publication year well under 95% of the time (most articles name
// past years more than their own); this one nearly always.
const (
	sureMentions = 6
	sureMargin   = 2
)

// inferYear guesses the year of an undated article: the year it names most
// often, the later one on a tie. Years after the current one, and years of
// plans, coming events or starting points, are left out (see datesArticle).
// sure reports evidence strong enough to show the guess to a reader.
func inferYear(paras []Paragraph) (year int, sure bool) {
	count := map[int]int{}
	now := time.Now().Year()
	for _, p := range paras {
		for _, i := range yearsIn(p.Text) {
			y, _ := strconv.Atoi(p.Text[i : i+4])
			if y <= now && datesArticle(p.Text, i, i+4) {
				count[y]++
			}
		}
	}
	if len(count) == 0 {
		return 0, false
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
	top, next := count[years[0]], 0
	if len(years) > 1 {
		next = count[years[1]]
	}
	return years[0], top >= sureMentions && top-next >= sureMargin
}
