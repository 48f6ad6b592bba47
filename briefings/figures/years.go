package figures

import (
	"strconv"
	"time"

	"github.com/briefbot/briefbot/briefings/text"
)

// cueKind says how a time phrase dates the figures near it.
type cueKind uint8

const (
	cuePoint   cueKind = iota // "in 2003", "this year", "last week": the figure's time
	cueSince                  // "since 2018", "since last summer": a period up to the publication
	cuePeriod                 // "between 2018 and March 2025": a closed period
	cueUndated                // "at its peak", "in the past": a time the text does not date
)

// cue is a time phrase in a paragraph.
type cue struct {
	start, end int // token span
	sent       int
	kind       cueKind
	year       int    // the year meant; 0 when it cannot be told
	from       int    // first year of a period
	how        string // "explicit" or "relative"
	weak       bool   // a month or day without a year: defers to the sentence before when undated
	compare    bool   // a baseline the figure is compared with ("up 38% from last year")
	yearish    bool   // names a year (not a week or a day); only such cues are baselines after "on" or "over"
	possessive bool   // "2003's": dates the figure of the noun phrase it opens, even in a comparison
}

// calendar resolves relative time phrases against a publication date.
type calendar struct {
	date  text.Date
	known bool // the date was given, not guessed from the text
}

func (c calendar) year() int {
	if !c.known {
		return 0
	}
	return c.date.Year
}

// days resolves a day offset ("yesterday" -1, "last week" -7).
func (c calendar) days(n int) int {
	if !c.known {
		return 0
	}
	if c.date.Day == 0 {
		if c.date.Month == 1 && n <= -28 {
			return c.date.Year - 1
		}
		return c.date.Year
	}
	return time.Date(c.date.Year, time.Month(c.date.Month), c.date.Day, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n).Year()
}

// months resolves a month offset ("last month" -1, "next month" +1).
func (c calendar) months(n int) int {
	if !c.known {
		return 0
	}
	if c.date.Month == 0 {
		return c.date.Year + n/12
	}
	return time.Date(c.date.Year, time.Month(c.date.Month)+time.Month(n), 1, 12, 0, 0, 0, time.UTC).Year()
}

// namedMonth resolves a month named without a year: dir -1 for "last
// November", +1 for "next March", 0 for "in September" or "May 31" (the
// latest such month up to the publication).
func (c calendar) namedMonth(m, dir int) int {
	if !c.known {
		return 0
	}
	y, pm := c.date.Year, c.date.Month
	if pm == 0 {
		switch {
		case dir < 0 && m >= 6:
			return y - 1
		case dir > 0 && m <= 6:
			return y + 1
		}
		return y
	}
	switch {
	case dir < 0 && m >= pm:
		return y - 1
	case dir > 0 && m <= pm:
		return y + 1
	case dir == 0 && m > pm:
		return y - 1
	}
	return y
}

var seasons = set("summer", "spring", "autumn", "fall", "winter")

// cueStarts are the words a relative time phrase can start with.
var cueStarts = set("this", "last", "next", "past", "previous", "recent", "the", "a", "at", "in", "yesterday",
	"today", "tonight", "currently", "presently", "nowadays", "now", "so", "to", "on")

// findCues lists the time phrases of a paragraph.
func (p *para) findCues(cal calendar) []cue {
	toks := p.toks
	var cues []cue
	add := func(c cue) {
		c.sent = p.sent[c.start]
		cues = append(cues, c)
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if p.year[k] {
			y, _ := strconv.Atoi(t.s)
			possessive := false
			if k+1 < len(toks) && toks[k+1].glued && (toks[k+1].is("s") || toks[k+1].punct("'’")) {
				if !p.possessiveYear(k, y) {
					continue // a decade: "the 1980s", "the mid 1990's"
				}
				possessive = true
			}
			if possessive {
				// "2003's 9.1%", "the previous record - 2003's imbalance of
				// $496.5bn": the year owns the noun phrase that follows it.
				add(p.classify(cue{start: k, end: k + 3, kind: cuePoint, year: y, how: "explicit", yearish: true, possessive: true}))
				k += 2
				continue
			}
			if y2, end, ok := p.periodEnd(k, y); ok {
				c := cue{start: k, end: end, kind: cuePeriod, year: y2, from: y, how: "explicit", yearish: true}
				add(c)
				k = end - 1
				continue
			}
			c := cue{start: k, end: k + 1, kind: cuePoint, year: y, how: "explicit", yearish: true}
			// the month or day before the year belongs to it: "March 2025", "August 5, 2025"
			s := k
			for s > 0 && (p.day[s-1] || month(toks, s-1) > 0 || toks[s-1].punct(",")) && k-s < 3 {
				s--
			}
			for s < k && toks[s].punct(",") {
				s++
			}
			c.start = s
			add(p.classify(c))
			continue
		}
		if m := month(toks, k); m > 0 {
			if p.monthHasYear(k) {
				continue
			}
			dir, s := 0, k
			if w := p.word(k - 1); w == "last" || w == "next" || w == "this" {
				s = k - 1
				if w == "last" {
					dir = -1
				} else if w == "next" {
					dir = 1
				}
			}
			e := k + 1
			for e < len(toks) && p.day[e] {
				e++
			}
			c := cue{start: s, end: e, kind: cuePoint, year: cal.namedMonth(m, dir), how: "relative", weak: dir == 0}
			add(p.classify(c))
			continue
		}
		if t.kind != kWord && t.kind != kNum {
			continue
		}
		if c, ok := p.relativeCue(k, cal); ok {
			add(p.classify(c))
			k = c.end - 1
		}
	}
	p.resolveAnchors(cues, cal)
	return cues
}

// possessiveYear reports whether the year at k followed by "'s" is a
// possessive ("2003's 9.1%") rather than a decade ("the 1980's", "the mid
// 1990's"): a year ending in 0 after the, early, mid or late is a decade.
func (p *para) possessiveYear(k, y int) bool {
	toks := p.toks
	if k+2 >= len(toks) || !toks[k+1].punct("'’") || !toks[k+2].glued || !toks[k+2].is("s") {
		return false
	}
	if y%10 == 0 {
		switch p.word(k - 1) {
		case "the", "early", "mid", "late", "mid-":
			return false
		}
	}
	return true
}

// periodEnd reads "between 2018 and (March) 2025", "from 2018 to 2020",
// "2014-15" or "2004/05" after the year at k.
func (p *para) periodEnd(k, y int) (int, int, bool) {
	toks := p.toks
	prev := p.word(k - 1)
	j := k + 1
	if j >= len(toks) {
		return 0, 0, false
	}
	if (prev == "between" && toks[j].is("and")) || (prev == "from" && toks[j].is("to", "until", "till", "through")) {
		j++
		for j < len(toks) && (month(toks, j) > 0 || p.day[j] || toks[j].punct(",")) && j-k < 6 {
			j++
		}
		if j < len(toks) && p.year[j] {
			y2, _ := strconv.Atoi(toks[j].s)
			if y2 >= y {
				return y2, j + 1, true
			}
		}
		return 0, 0, false
	}
	if toks[j].punct("-–/") && toks[j].glued && j+1 < len(toks) && toks[j+1].glued && toks[j+1].kind == kNum && allDigits(toks[j+1].s) {
		s := toks[j+1].s
		y2, _ := strconv.Atoi(s)
		if len(s) == 2 {
			y2 += y / 100 * 100
			if y2 < y {
				y2 += 100
			}
		}
		if len(s) == 2 || len(s) == 4 {
			if y2 > y && y2-y < 100 {
				return y2, j + 2, true
			}
		}
	}
	return 0, 0, false
}

// monthHasYear reports whether a year follows the month at k ("March 2025",
// "August 5, 2025", "December of last year").
func (p *para) monthHasYear(k int) bool {
	toks := p.toks
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		if p.year[j] {
			return true
		}
		if !(p.day[j] || toks[j].punct(",")) {
			break
		}
	}
	if k+2 < len(toks) && toks[k+1].is("of") && toks[k+2].is("last", "this", "next") {
		return true
	}
	return false
}

// relativeCue matches a relative time phrase starting at token k.
func (p *para) relativeCue(k int, cal calendar) (cue, bool) {
	toks := p.toks
	w := lowerWord(toks[k])
	if !cueStarts[w] && !weekdays[w] && !(k+2 < len(toks) && toks[k+2].low == "ago" || k+3 < len(toks) && toks[k+3].low == "ago") {
		return cue{}, false
	}
	at := func(j int) string { return lowerWord2(toks, j) }
	rel := func(end, year int) (cue, bool) {
		return cue{start: k, end: end, kind: cuePoint, year: year, how: "relative"}, true
	}
	switch w {
	case "this", "last", "next", "past", "previous", "recent":
		return p.relativeAfter(k, w, cal)
	case "the", "a":
		// "the previous year", "a year earlier", "the year before", "the current year"
		switch {
		case (at(k+1) == "previous" || at(k+1) == "prior" || at(k+1) == "preceding") && at(k+2) == "year":
			c, ok := rel(k+3, -1)
			c.yearish = true
			return c, ok
		case at(k+1) == "year" && (at(k+2) == "before" || at(k+2) == "earlier"):
			c, ok := rel(k+3, -1)
			c.yearish = true
			return c, ok
		case at(k+1) == "current" && (at(k+2) == "year" || at(k+3) == "year"):
			e := k + 3
			if at(k+2) != "year" {
				e = k + 4
			}
			c, ok := rel(e, cal.year())
			c.yearish = true
			return c, ok
		case w == "a" && at(k+1) == "year" && at(k+2) == "ago":
			return rel(k+3, cal.days(-365))
		}
	case "at":
		if (at(k+1) == "its" || at(k+1) == "their" || at(k+1) == "the") && (at(k+2) == "peak" || at(k+2) == "height") {
			return cue{start: k, end: k + 3, kind: cueUndated}, true
		}
		if at(k+1) == "present" || (at(k+1) == "the" && at(k+2) == "moment") {
			e := k + 2
			if at(k+1) == "the" {
				e = k + 3
			}
			return rel(e, cal.year())
		}
	case "in":
		if at(k+1) == "the" && at(k+2) == "past" && !timeUnits[at(k+3)] && at(k+3) != "few" && at(k+3) != "several" && toks[min(k+3, len(toks)-1)].kind != kNum {
			return cue{start: k, end: k + 3, kind: cueUndated}, true
		}
	case "yesterday", "today", "tonight":
		off := 0
		if w == "yesterday" {
			off = -1
		}
		return rel(k+1, cal.days(off))
	case "currently", "presently", "nowadays", "now":
		if w == "now" && k+1 < len(toks) && toks[k+1].punct("-") && toks[k+1].glued {
			return cue{}, false // "now-defunct"
		}
		return rel(k+1, cal.year())
	case "so":
		if at(k+1) == "far" {
			return rel(k+2, cal.year())
		}
	case "to":
		if at(k+1) == "date" {
			return rel(k+2, cal.year())
		}
	case "on":
		if weekdays[at(k+1)] {
			return rel(k+2, cal.days(0))
		}
	}
	if weekdays[w] && toks[k].capitalised() {
		return rel(k+1, cal.days(0))
	}
	// "26 years ago", "three months ago"
	if a, ok := scanAmount(toks, k); ok && !a.money && !a.percent && a.end+1 < len(toks) && at(a.end+1) == "ago" {
		unit := at(a.end)
		n := int(a.n)
		switch unit {
		case "year", "years":
			if cal.known {
				return rel(a.end+2, cal.date.Year-n)
			}
			return rel(a.end+2, 0)
		case "month", "months":
			return rel(a.end+2, cal.months(-n))
		case "week", "weeks":
			return rel(a.end+2, cal.days(-7*n))
		case "day", "days":
			return rel(a.end+2, cal.days(-n))
		}
	}
	return cue{}, false
}

// relativeAfter reads "this year", "last week", "next month", "last
// financial year", "in recent weeks", "the past 12 months" from k.
func (p *para) relativeAfter(k int, w string, cal calendar) (cue, bool) {
	toks := p.toks
	at := func(j int) string { return lowerWord2(toks, j) }
	j := k + 1
	if at(j) == "financial" || at(j) == "fiscal" || at(j) == "calendar" || at(j) == "full" || at(j) == "tax" {
		j++
	}
	unit := at(j)
	c := cue{start: k, end: j + 1, kind: cuePoint, how: "relative"}
	y := cal.year()
	switch w {
	case "this":
		switch {
		case unit == "year" || seasons[unit] || unit == "season":
			c.year, c.yearish = y, unit == "year"
		case unit == "month" || unit == "week" || unit == "weekend" || unit == "morning" || unit == "afternoon" || unit == "evening":
			c.year = cal.days(0)
		default:
			return cue{}, false
		}
	case "last":
		switch {
		case unit == "year" || unit == "season":
			c.year, c.yearish = cal.months(-12), true
			if !cal.known {
				c.year = 0
			}
		case seasons[unit]:
			c.year = y - 1
			if !cal.known {
				c.year = 0
			}
		case unit == "week" || unit == "weekend":
			c.year = cal.days(-7)
		case unit == "night":
			c.year = cal.days(-1)
		case unit == "month":
			c.year = cal.months(-1)
		case weekdays[unit]:
			c.year = cal.days(-7)
		default:
			return p.pastPeriod(k, cal)
		}
	case "next":
		switch {
		case unit == "year" || unit == "season" || seasons[unit]:
			c.year = y + 1
			if !cal.known {
				c.year = 0
			}
		case unit == "week" || unit == "weekend":
			c.year = cal.days(7)
		case unit == "month":
			c.year = cal.months(1)
		default:
			return cue{}, false
		}
	case "past", "previous", "recent":
		return p.pastPeriod(k, cal)
	}
	return c, true
}

// pastPeriod reads "the past year", "recent weeks", "the last 12 months",
// "the previous four years": periods up to the publication.
func (p *para) pastPeriod(k int, cal calendar) (cue, bool) {
	toks := p.toks
	at := func(j int) string { return lowerWord2(toks, j) }
	j := k + 1
	if a, ok := scanAmount(toks, j); ok && !a.money && !a.percent {
		j = a.end
	} else if at(j) == "few" || at(j) == "several" || at(j) == "couple" {
		j++
		if at(j) == "of" {
			j++
		}
	}
	if !timeUnits[at(j)] {
		return cue{}, false
	}
	// "the last three months of 2004": the year that follows dates it
	if at(j+1) == "of" && j+2 < len(toks) && p.year[j+2] {
		return cue{}, false
	}
	return cue{start: k, end: j + 1, kind: cuePoint, year: cal.year(), how: "relative"}, true
}

func lowerWord2(toks []token, j int) string {
	if j < 0 || j >= len(toks) || toks[j].kind != kWord {
		return ""
	}
	return lowerWord(toks[j])
}

// classify marks a cue as a period start ("since 2018") or a baseline of a
// comparison ("up 38% from last year", "50 percent over the figure for
// the whole of 2020").
func (p *para) classify(c cue) cue {
	toks := p.toks
	c.sent = p.sent[c.start]
	for j, n := c.start-1, 0; j >= 0 && n < 6 && p.sent[j] == c.sent; j, n = j-1, n+1 {
		if toks[j].kind != kWord {
			break
		}
		if toks[j].is("since") {
			c.kind, c.from = cueSince, c.year
			return c
		}
	}
	for j, n := c.start-1, 0; j >= 0 && n < 8 && p.sent[j] == c.sent; j, n = j-1, n+1 {
		t := toks[j]
		if t.kind != kWord {
			break
		}
		switch lowerWord(t) {
		case "than", "compared", "versus", "vs", "against":
			c.compare = true
			return c
		case "from", "on", "over":
			if (t.is("on") || t.is("over")) && !c.yearish {
				return c
			}
			if p.changeBefore(j) {
				c.compare = true
			}
			return c
		case "the", "a", "an", "figure", "figures", "level", "levels", "same", "period", "whole", "of", "for",
			"in", "total", "number", "time", "corresponding", "comparable", "average", "with", "to", "recorded",
			"seen", "its", "their", "that", "those", "record":
			continue
		}
		break
	}
	return c
}

// changeBefore reports whether a change is stated in the few tokens before
// k: "increase of 50 percent over", "up 38% from".
func (p *para) changeBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-6 && p.sent[j] == p.sent[k]; j-- {
		t := p.toks[j]
		w := lowerWord(t)
		if t.punct("%") || w == "percent" || w == "cent" || changeWords[w] || changeLead[w] ||
			w == "higher" || w == "lower" || w == "more" || w == "less" || w == "fewer" || w == "double" ||
			w == "doubled" || w == "tripled" || w == "times" || w == "up" || w == "down" {
			return true
		}
	}
	return false
}

// resolveAnchors dates "the previous year" and "a year earlier" from the
// explicit year of their sentence, else from the publication.
func (p *para) resolveAnchors(cues []cue, cal calendar) {
	for i := range cues {
		if cues[i].year != -1 {
			continue
		}
		cues[i].year = 0
		if cal.known {
			cues[i].year = cal.date.Year - 1
		}
		for _, o := range cues {
			if o.sent == cues[i].sent && o.how == "explicit" && !o.compare {
				cues[i].year = o.year - 1
				cues[i].how = "explicit"
				break
			}
		}
	}
}
