package figures

// dater picks the year of each figure of a paragraph from its time cues.
type dater struct {
	p      *para
	cues   []cue
	cal    calendar
	island []int // relative clause id of each token, 0 outside one
	own    []int // per sentence: the cue that dates the sentence itself, or -1
}

func newDater(p *para, cues []cue, cal calendar) *dater {
	d := &dater{p: p, cues: cues, cal: cal, island: p.islands()}
	d.own = make([]int, max(p.spans, 1))
	for s := range d.own {
		d.own[s] = -1
	}
	for k, c := range cues {
		if c.compare || c.possessive || d.island[c.start] != 0 || (c.weak && c.year == 0) || c.sent >= len(d.own) {
			continue
		}
		d.own[c.sent] = k // the last one wins: the time the sentence ends in
	}
	return d
}

// islands marks relative clauses (", who ...", ", which ...") up to the
// next comma, semicolon or the end of the sentence.
func (p *para) islands() []int {
	out := make([]int, len(p.toks))
	id := 0
	for k := 0; k+1 < len(p.toks); k++ {
		if !p.toks[k].punct(",") || !islandStarts[p.word(k+1)] {
			continue
		}
		id++
		for j := k + 1; j < len(p.toks) && p.sent[j] == p.sent[k] && !p.toks[j].punct(",;"); j++ {
			out[j] = id
		}
	}
	return out
}

// bounds counts clause boundaries between tokens a and b: soft ones (",
// and", ", but") and hard ones (";").
func (p *para) bounds(a, b int) (soft, hard int) {
	if a > b {
		a, b = b, a
	}
	depth := 0 // a semicolon in brackets separates conversions: "(£227bn;331bn euros)"
	for j := a + 1; j < b; j++ {
		t := p.toks[j]
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth = max(0, depth-1)
		case t.punct(";") && depth == 0:
			hard++
		case t.punct(",") && softBounds[p.word(j+1)]:
			soft++
		case t.punct("–—") || (t.punct("-") && !t.glued):
			soft++
		}
	}
	return soft, hard
}

// date returns the year of the figure at tokens [start, end), the first
// year of its period, and how the year was found.
func (d *dater) date(start, end int) (year, since int, how string) {
	p := d.p
	sent := p.sent[start]
	if c, ok := d.owner(start); ok {
		return d.resolve(c)
	}
	if c, ok := d.whenClause(start); ok {
		return d.resolve(c)
	}
	best, bestCost := -1, 1<<30
	for k, c := range d.cues {
		if c.sent != sent || c.compare || c.possessive {
			continue // a possessive year dates only its own noun phrase (see owner)
		}
		if isl := d.island[c.start]; isl != 0 && isl != d.island[start] {
			continue
		}
		var dist, a, b int
		switch {
		case c.end <= start:
			dist, a, b = start-c.end, c.end-1, start
		case c.start >= end:
			dist, a, b = c.start-end, end-1, c.start
		default:
			dist, a, b = 0, start, start
		}
		soft, hard := p.bounds(a, b)
		if hard > 0 || (c.kind == cueUndated && p.hasComma(a, b)) {
			continue // "at its peak" dates only its own clause
		}
		cost := dist + 30*soft
		if cost < bestCost {
			best, bestCost = k, cost
		}
	}
	if best >= 0 && !(d.cues[best].weak && d.cues[best].year == 0) {
		return d.resolve(d.cues[best])
	}
	if best < 0 || d.cues[best].weak {
		// a sentence with no time of its own continues the one before,
		// unless it speaks of the future and that one of the past
		if sent > 0 && sent-1 < len(d.own) && d.own[sent-1] >= 0 {
			y, s, h := d.resolve(d.cues[d.own[sent-1]])
			past := d.cal.known && y != 0 && y < d.cal.date.Year
			if (y != 0 || best < 0) && !(past && p.future(sent)) {
				return y, s, h
			}
		}
	}
	if best >= 0 {
		return d.resolve(d.cues[best])
	}
	if d.cal.known {
		return d.cal.date.Year, 0, "published"
	}
	return 0, 0, ""
}

// maxOwnedWords is how far a possessive year reaches into its noun phrase:
// "2003's imbalance of $496.5bn".
const maxOwnedWords = 3

// owner returns the possessive year that opens the noun phrase the figure
// at token start stands in: "2003's 9.1%", "2003's imbalance of $496.5bn".
// Only words may come between them.
func (d *dater) owner(start int) (cue, bool) {
	for _, c := range d.cues {
		if !c.possessive || c.end > start || c.sent != d.p.sent[start] {
			continue
		}
		words := 0
		ok := true
		for j := c.end; j < start; j++ {
			t := d.p.toks[j]
			if t.kind != kWord && !(currencySymbols[t.s] != "" && j == start-1) {
				ok = false
				break
			}
			words++
		}
		if ok && words <= maxOwnedWords {
			return c, true
		}
	}
	return cue{}, false
}

// whenClause returns the time a "when" clause the figure at token start
// stands in is about, as a point: "since April 2004 when it reached a
// peak of 13.1%", "compared to 2004's Super Bowl weekend when the total
// was $73.4m". The clause opens after the time phrase, or after a noun
// phrase of a few words that follows it, and runs to the figure with no
// comma or semicolon between.
func (d *dater) whenClause(start int) (cue, bool) {
	p := d.p
	for i := len(d.cues) - 1; i >= 0; i-- {
		c := d.cues[i]
		if c.end > start || c.sent != p.sent[start] || c.year == 0 || c.kind == cueUndated || c.kind == cuePeriod {
			continue
		}
		j := c.end
		for n := 0; n < maxOwnedWords && j < start && p.toks[j].kind == kWord && !p.toks[j].is("when"); n++ {
			j++
		}
		if j >= start || !p.toks[j].is("when") {
			continue
		}
		clause := true
		for k := j + 1; k < start; k++ {
			if p.toks[k].punct(",;") {
				clause = false
				break
			}
		}
		if !clause {
			continue
		}
		c.kind, c.from, c.compare = cuePoint, 0, false
		if c.how == "" {
			c.how = "explicit"
		}
		return c, true
	}
	return cue{}, false
}

// resolve turns a cue into a year, a period start and how it was found.
func (d *dater) resolve(c cue) (year, since int, how string) {
	switch c.kind {
	case cueUndated:
		return 0, 0, ""
	case cuePeriod:
		return c.year, c.from, "explicit"
	case cueSince:
		if c.from == 0 {
			return d.cal.year(), 0, nonEmpty(d.cal.year(), "relative")
		}
		return d.cal.year(), c.from, nonEmpty(d.cal.year(), "relative")
	}
	if c.year == 0 {
		return 0, 0, ""
	}
	return c.year, 0, c.how
}

func nonEmpty(year int, how string) string {
	if year == 0 {
		return ""
	}
	return how
}

// hasComma reports whether a comma lies between tokens a and b.
func (p *para) hasComma(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for j := a + 1; j < b; j++ {
		if p.toks[j].punct(",") {
			return true
		}
	}
	return false
}

// future reports whether sentence s speaks of the future ("will", "shall").
func (p *para) future(s int) bool {
	if s >= len(p.sStart) {
		return false
	}
	for j := p.sStart[s]; j < len(p.toks) && p.sent[j] == s; j++ {
		if p.toks[j].is("will", "shall", "won't") || p.toks[j].is("ll") && p.toks[j].glued {
			return true
		}
	}
	return false
}
