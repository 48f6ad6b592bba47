package figures

import (
	"strconv"
	"strings"
	"sync"
)

// para is one paragraph under analysis.
type para struct {
	text   string
	toks   []token
	sent   []int  // sentence index of each token
	first  []bool // the token opens its sentence
	year   []bool // the token is a year ("2018", "1986")
	day    []bool // the token is a day of a month ("May 31", "20 September")
	spans  int    // number of sentences
	sStart []int  // first token of each sentence
}

func newPara(text string, sents []spanLike) *para {
	p := paraPool.Get().(*para)
	p.text = text
	p.toks = tokenizeInto(p.toks, text)
	n := len(p.toks)
	p.sent = resize(p.sent, n)
	p.first = resizeBool(p.first, n)
	p.year = resizeBool(p.year, n)
	p.day = resizeBool(p.day, n)
	p.spans = len(sents)
	p.sStart = resize(p.sStart, len(sents))
	si := 0
	for k := range p.sStart {
		p.sStart[k] = n
	}
	for k, t := range p.toks {
		for si+1 < len(sents) && t.start >= sents[si+1].start {
			si++
		}
		p.sent[k] = si
		if si < len(sents) && p.sStart[si] == n {
			p.sStart[si] = k
			p.first[k] = true
		}
	}
	for k := range p.toks {
		p.year[k] = p.isYear(k)
	}
	for k := range p.toks {
		p.day[k] = !p.year[k] && p.isDay(k)
	}
	return p
}

// paraPool keeps the token buffers of paragraphs for reuse: figures keep
// only substrings of the paragraph text, never the tokens.
var paraPool = sync.Pool{New: func() any { return new(para) }}

// release returns p to the pool.
func (p *para) release() {
	p.text = ""
	clear(p.toks)
	paraPool.Put(p)
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// spanLike is a sentence span; text.Span converts to it.
type spanLike struct{ start, end int }

// opensSentence reports whether token k starts its sentence, after any
// opening quotes or brackets.
func (p *para) opensSentence(k int) bool {
	for j := k - 1; j >= 0; j-- {
		if p.sent[j] != p.sent[k] {
			return true
		}
		if !p.toks[j].punct("\"'“‘(['•–-*:") {
			return false
		}
	}
	return true
}

func (p *para) word(k int) string {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != kWord {
		return ""
	}
	return p.toks[k].lower()
}

// isYear: four digits from 1000 to 2100 that are not money, a percentage
// or a count with a multiplier; before 1900 only in a time phrase ("in 1850").
// clockAt reports whether the four-digit number at k is a 24-hour clock
// time: followed by a clock word, or the first of a pair of such times
// joined by "and", "to" or a dash.
func (p *para) clockAt(k int) bool {
	clockAfter := func(j int) bool {
		return j+1 < len(p.toks) && p.toks[j+1].kind == kWord && clockWords[p.toks[j+1].lower()]
	}
	if clockAfter(k) {
		return true
	}
	if k+2 < len(p.toks) && p.toks[k+2].kind == kNum && len(p.toks[k+2].s) == 4 {
		if j := p.toks[k+1]; j.lower() == "and" || j.lower() == "to" || j.punct("-–") {
			return clockAfter(k + 2)
		}
	}
	return false
}

func (p *para) isYear(k int) bool {
	t := p.toks[k]
	if t.kind != kNum || len(t.s) != 4 || !allDigits(t.s) {
		return false
	}
	y, _ := strconv.Atoi(t.s)
	if y < 1000 || y > 2100 {
		return false
	}
	if t.glued && k > 0 && (currencySymbols[p.toks[k-1].s] != "" || p.toks[k-1].kind == kWord) {
		return false
	}
	if p.clockAt(k) {
		return false // "1400 GMT", "between 2000 and 2100 GMT": times, not years
	}
	if k+1 < len(p.toks) {
		n := p.toks[k+1]
		w := n.lower()
		if n.punct("%") || w == "per" || w == "percent" || scaleWords[w] > 0 || currencyWords[w] != "" ||
			(n.glued && n.kind == kWord && scaleAbbrevs[w] > 0) {
			return false
		}
	}
	prev := p.word(k - 1)
	if y >= 1900 {
		// "more than 2000 people": a count written without a separator
		if k > 0 && qualifierBefore(p.toks, k) != "" && prev != "between" && prev != "over" && prev != "under" &&
			k+1 < len(p.toks) && p.toks[k+1].kind == kWord && !p.toks[k+1].capitalised() && !p.toks[k+1].glued {
			return false
		}
		return true
	}
	switch prev {
	case "in", "since", "by", "from", "until", "till", "to", "of", "before", "after", "between", "and",
		"circa", "c", "early", "late", "mid", "year", "ad", "bc", "spring", "summer", "autumn", "winter":
		return true
	}
	return month(p.toks, k-1) > 0
}

// isDay: 1 to 31 beside a month name ("May 31", "20 September", "9 and 10 July").
func (p *para) isDay(k int) bool {
	t := p.toks[k]
	if t.kind != kNum || len(t.s) > 2 || !allDigits(t.s) {
		return false
	}
	d, _ := strconv.Atoi(t.s)
	if d < 1 || d > 31 {
		return false
	}
	if month(p.toks, k-1) > 0 || month(p.toks, k+1) > 0 {
		return true
	}
	// "the 5th of May" is an ordinal, dropped elsewhere; "9 and 10 July", "9-10 July"
	if k+2 < len(p.toks) && (p.toks[k+1].is("and", "to", "or") || p.toks[k+1].punct("-–")) && p.toks[k+2].kind == kNum &&
		len(p.toks[k+2].s) <= 2 && month(p.toks, k+3) > 0 {
		return true
	}
	// "May 30 and 31"
	if k >= 2 && (p.toks[k-1].is("and", "to", "or") || p.toks[k-1].punct("-–")) && p.toks[k-2].kind == kNum && month(p.toks, k-3) > 0 {
		return true
	}
	return false
}

// chunkHas reports whether the run of glued tokens around k holds one of
// the runes in set: URLs, e-mail addresses, codes and clock times.
func (p *para) chunkHas(k int, set string) bool {
	a, b := k, k
	for a > 0 && p.toks[a].glued {
		a--
	}
	for b+1 < len(p.toks) && p.toks[b+1].glued {
		b++
	}
	for j := a; j <= b; j++ {
		t := p.toks[j]
		if t.kind == kPunct && strings.Contains(set, t.s) {
			// a clock time or a ratio: "10:30"; a colon after a word ("Mayor:") is fine
			if (t.s == ":" || t.s == ".") && !(j > a && j < b && p.toks[j-1].kind == kNum && p.toks[j+1].kind == kNum) {
				continue
			}
			return true
		}
		if t.kind == kWord && (t.is("http", "https", "www")) {
			return true
		}
	}
	return false
}

// rejectReason says why the value v found at token i is not a figure, or "".
func (p *para) rejectReason(i int, v value) string {
	toks := p.toks
	lo := v.lo
	num := lo.start
	for num < lo.end && toks[num].kind != kNum && !(toks[num].kind == kWord && (smallNumbers[toks[num].lower()] > 0 || tens[toks[num].lower()] > 0 || toks[num].is("zero", "a", "an"))) {
		num++
	}
	if num >= len(toks) {
		return "no number"
	}
	nt := toks[num]
	plain := !lo.money && !lo.percent
	end := v.end
	if v.hi.end > end {
		end = v.hi.end
	}
	var next token
	hasNext := end < len(toks)
	if hasNext {
		next = toks[end]
	}
	prevWord := p.word(i - 1)

	if nt.kind == kNum {
		if p.chunkHas(num, "/@_\\#=&×:+.") {
			return "code, address or clock time"
		}
		if nt.glued && num > 0 && toks[num-1].kind == kWord && num == lo.start {
			return "code" // "G8", "BBC1"
		}
		if nt.glued && num > 1 && toks[num-1].punct("-") && toks[num-2].kind == kWord && toks[num-1].glued {
			return "code" // "COVID-19", "mid-2000"
		}
		if num > 0 && toks[num-1].punct("-–") && toks[num-1].glued && num > 1 && toks[num-2].kind == kNum {
			return "second half of a pair" // "6-3" that is not a range
		}
		if len(nt.s) > 1 && nt.s[0] == '0' && !strings.HasPrefix(nt.s, "0.") {
			return "phone number or code"
		}
	}
	if hasNext && next.glued && next.kind == kWord {
		return "code, ordinal or decade" // "3G", "31st", "1980s", "5pm"
	}
	if hasNext && next.glued && next.punct("'’") && end+1 < len(toks) && toks[end+1].is("s") {
		return "decade"
	}
	if hasNext && next.punct("-") && next.glued && end+1 < len(toks) && toks[end+1].glued {
		after := toks[end+1]
		if after.kind == kNum && plain {
			return "score or code" // "6-3": not a rising range
		}
		if after.kind == kWord && plain && !after.is("strong") {
			return "attribute" // "75-page report", "22-year-old"
		}
	}
	if hasNext && next.kind == kWord && clockWords[next.lower()] {
		return "clock time"
	}
	if hasNext && next.is("a") && end+2 < len(toks) && toks[end+1].punct(".") && toks[end+2].is("m") {
		return "clock time"
	}
	// a list number opening a paragraph ("1. Firstly"), a footnote mark ("[1]")
	if i == 0 && hasNext && next.punct(".)") && plain {
		return "list number"
	}
	if i > 0 && toks[i-1].punct("[") && hasNext && next.punct("]") {
		return "footnote"
	}
	if plain || lo.words {
		if labelWords[prevWord] && !(timeLabels[prevWord] && relativeTime[p.word(i-2)]) || (prevWord == "" && i > 1 && toks[i-1].punct(".") && p.word(i-2) == "no") {
			return "label or rank"
		}
		if hasNext && next.is("in") && end+2 < len(toks) && toks[end+1].is("the") && toks[end+2].is("world", "rankings", "table", "charts", "chart", "standings", "league") {
			return "rank"
		}
		if hasNext && next.is("seed", "seeds") {
			return "rank"
		}
	}
	if plain {
		// a name or model number: "Radio 5 Live", "Utopia 56", "FTSE 100"
		if i > 0 && toks[i-1].capitalised() && !nt.glued && month(toks, i-1) == 0 && qualifierBefore(toks, i) == "" &&
			!phraseStop[lowerWord(toks[i-1])] && !determiners[lowerWord(toks[i-1])] && !toks[i-1].is("I") {
			return "name"
		}
		// a duration or an age: "five minutes", "26 years ago", "two or three months", "12 year-old"
		if hasNext && next.kind == kWord && timeUnits[lowerWord(next)] {
			compound := end+2 < len(toks) && toks[end+1].punct("-") && toks[end+1].glued && toks[end+2].glued
			if !compound || toks[end+2].is("old") { // "two night-shift officers" is a count
				return "duration"
			}
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if p.word(j) == "age" || p.word(j) == "aged" || p.word(j) == "ages" {
				return "age" // "a retirement age of 65", "voting age to 16"
			}
		}
		// a multiplier or a fraction: "10 times faster", "two thirds"
		if hasNext && next.is("times") && end+1 < len(toks) && (toks[end+1].is("more", "less", "as", "the", "over") || strings.HasSuffix(toks[end+1].lower(), "er")) {
			return "multiplier"
		}
		if hasNext && next.is("third", "thirds", "quarter", "quarters", "halves", "fifths", "tenths", "fifth", "tenth") {
			return "fraction"
		}
		// a reference in brackets: "South Africa (5)"
		if i > 0 && toks[i-1].punct("(") && hasNext && next.punct(")") {
			return "reference"
		}
		// a name, an address or a ranked list entry: "50 Cent", "10 Downing Street", "3 Lleyton Hewitt"
		if nt.kind == kNum && hasNext && next.capitalised() && month(toks, end) == 0 &&
			(lowerWord(next) != next.lower() || !strings.HasSuffix(next.s, "s") && next.s != strings.ToUpper(next.s)) {
			return "name"
		}
		// a year of the era: "190 AD", "44 B.C."
		if hasNext && (next.is("AD", "BC", "BCE", "CE") || (next.is("A", "B") && end+2 < len(toks) && toks[end+1].punct(".") && toks[end+2].is("D", "C"))) {
			return "year"
		}
		if hasNext && next.punct("'’") && end+1 < len(toks) && timeUnits[toks[end+1].lower()] {
			return "duration"
		}
		if hasNext && next.is("or", "to", "and") && end+1 < len(toks) {
			if a, ok := scanAmount(toks, end+1); ok && a.end < len(toks) && toks[a.end].kind == kWord && timeUnits[toks[a.end].lower()] {
				return "duration"
			}
		}
		// "John Smith, 34, said": an age between commas after a name
		if nt.kind == kNum && lo.n <= 120 && i >= 2 && toks[i-1].punct(",") && toks[i-2].kind == kWord && hasNext && next.punct(",") {
			return "age"
		}
		// a score: "won 2-1", "a 3-0 win", "6-4 3-6 6-3"
		if v.hi.end > v.lo.end && lo.n < 100 && v.hi.n < 100 {
			if (i > 0 && toks[i-1].kind == kNum) || (hasNext && next.kind == kNum && end+1 < len(toks) && toks[end+1].punct("-")) {
				return "score"
			}
			if p.word(i-1) == "won" || p.word(i-1) == "lost" || p.word(i-1) == "drew" || p.word(i-1) == "beat" ||
				(hasNext && next.is("win", "victory", "defeat", "loss", "draw", "lead", "scoreline", "thrashing", "triumph")) {
				return "score"
			}
		}
	}
	if lo.words && !lo.scaled && plain {
		w := toks[num]
		switch {
		case lo.n == 1:
			return "one"
		case lo.n == 0:
			return "zero"
		case determiners[prevWord] || i > 0 && toks[i-1].kind == kWord && lowerWord(toks[i-1]) != toks[i-1].lower():
			return "reference" // "the two ministers", "the world's two biggest banks"
		case !hasNext || next.kind != kWord:
			return "bare number word"
		case notCounted[next.lower()] || timeUnits[next.lower()] && !(end+1 < len(toks) && toks[end+1].punct("-") && toks[end+1].glued):
			return "bare number word"
		case w.capitalised() && next.capitalised():
			return "name" // "Five Live", "Six Nations"
		}
	}
	if lo.words && !lo.scaled && !plain && lo.n == 1 && !lo.percent {
		return "one"
	}
	return ""
}
