// Package figures finds the figures an article reports: the value, what it
// counts, its change, and the year it refers to.
//
// A figure is a quantity in digits, a percentage, a sum of money, a range
// or a spelled-out count ("two night-shift officers"). Years, dates, times,
// durations, ages, ranks, list and footnote numbers, and numbers inside
// names ("Radio 5 Live", "G8") are not figures. The year of a figure comes
// from the time phrases of its sentence (an explicit year, "this year",
// "last week" resolved against the publication date), else from the
// sentence before it in the paragraph, else the publication year.
package figures

import (
	"strings"

	"github.com/briefbot/briefbot/briefings/text"
)

// Figure is one reported number.
type Figure struct {
	Text   string  // the value as written: "1,097", "£12 million (€15 million, $19 million)", "1,500 and 2,000"
	Value  float64 // the value (the low end of a range)
	High   float64 // the high end of a range, else equal to Value
	Unit   string  // "" (a count), "%", "GBP", "EUR", "USD" ...
	Counts string  // what is counted: "migrant crossings", "small boat arrivals"
	Change string  // a change stated with it: "a 36% increase from last year"
	Year   int     // the year it refers to; 0 when unknown
	// YearFrom says how Year was found: "explicit", "relative" ("last
	// year" against the publication date) or "published".
	YearFrom string
	Para     int // paragraph index
	Sent     int // sentence index in the paragraph
	Start    int // byte span of Text in the paragraph
	End      int

	// Qualifier is how exact the value is, as written in front of it:
	// "up to", "around", "some", "more than", "between" ...; "" when exact.
	Qualifier string
	// Since is the first year of a period the figure covers ("between 2018
	// and March 2025": 2018; "since last summer": the year before
	// publication); 0 when it refers to one year.
	Since int
	// Conversions are the same sum in other currencies, as written in
	// brackets after it: ["15 million euros", "$19 million"].
	Conversions []string
	// Curated is set when a curator corrected the year or what is counted.
	Curated bool
}

// Range reports whether the figure is a range of two values.
func (f Figure) Range() bool { return f.High != f.Value }

// Extract finds the figures of an article; relative years ("this year",
// "last week") resolve against d.Meta.Published. A date guessed from the
// text (d.Meta.DateInferred) is trusted only when the year stands in a full
// date of the text (d.Meta.DateAnchored); otherwise only explicit years
// date a figure. Answers say when a year rests on a guessed date.
func Extract(d *text.Doc) []Figure {
	if d == nil {
		return nil
	}
	cal := calendar{date: d.Meta.Published, known: !d.Meta.Published.IsZero() && (!d.Meta.DateInferred || d.Meta.DateAnchored)}
	var out []Figure
	for i, pg := range d.Paragraphs {
		out = append(out, extractParagraph(i, pg, cal)...)
	}
	return out
}

// ExtractText finds the figures of one paragraph of text published on date
// (zero when unknown); a convenience for callers without a Doc.
func ExtractText(paragraph string, published text.Date) []Figure {
	d := &text.Doc{Meta: text.Meta{Published: published}, Paragraphs: []text.Paragraph{{Text: paragraph, Sentences: text.SplitSentences(paragraph)}}}
	return Extract(d)
}

func extractParagraph(pi int, pg text.Paragraph, cal calendar) []Figure {
	spans := make([]spanLike, 0, len(pg.Sentences))
	for _, s := range pg.Sentences {
		if s.Start >= 0 && s.End <= len(pg.Text) && s.Start <= s.End {
			spans = append(spans, spanLike{s.Start, s.End})
		}
	}
	if len(spans) == 0 {
		spans = []spanLike{{0, len(pg.Text)}}
	}
	p := newPara(pg.Text, spans)
	defer p.release()
	if len(p.toks) == 0 {
		return nil
	}
	d := newDater(p, p.findCues(cal), cal)
	var figs []Figure
	var tokStart []int
	for i := 0; i < len(p.toks); i++ {
		if !p.canStart(i) {
			continue
		}
		q := qualifierBefore(p.toks, i)
		prev := p.word(i - 1 - len(strings.Fields(q)))
		// after "from" or a change ("rose $1.64 to $47.10"), "X to Y" is a move, not a range
		change := prev == "from" || p.word(i-1) == "from" || changeLead[prev] || changeLead[p.word(i-1)]
		v, ok := scanValue(p.toks, i, q == "between", change, p.cannotStart)
		if !ok {
			continue
		}
		if reason := p.rejectReason(i, v); reason != "" {
			i = max(i, v.lo.end-1)
			if reason == "phone number or code" {
				// the rest of the number: "020 7946 0958"
				for i+1 < len(p.toks) && p.toks[i+1].kind == kNum && !p.toks[i+1].glued {
					i++
				}
			}
			if v.hi.end > v.lo.end && reason != "name" {
				i = v.hi.end - 1
			}
			continue
		}
		last := p.toks[v.spanEnd-1]
		f := Figure{
			Text:        pg.Text[p.toks[i].start:last.end],
			Value:       v.lo.n,
			High:        v.hi.n,
			Unit:        v.lo.unit,
			Para:        pi,
			Sent:        p.sent[i],
			Start:       p.toks[i].start,
			End:         last.end,
			Qualifier:   q,
			Conversions: v.conversions,
		}
		if f.Unit == "" {
			f.Unit = v.hi.unit
		}
		valueEnd := v.lo.end
		if v.hi.end > valueEnd {
			valueEnd = v.hi.end
		}
		f.Counts = p.counts(i, v.end, v.lo)
		f.Year, f.Since, f.YearFrom = d.date(i, valueEnd)
		if v.lo.percent {
			if ch := p.changePhrase(i, valueEnd); ch != "" {
				attachChange(p, figs, tokStart, &f, ch)
			}
		}
		if f.Counts == "" && f.Unit == "" {
			// "1,097 migrant crossings ..., close to the record 1,195": the
			// sentence's first count names the measure
			for k := range figs {
				if figs[k].Para == f.Para && figs[k].Sent == f.Sent && i-tokStart[k] <= 20 && figs[k].Unit == "" && figs[k].Counts != "" {
					f.Counts = figs[k].Counts
					break
				}
			}
		}
		figs = append(figs, f)
		tokStart = append(tokStart, i)
		i = v.end - 1
	}
	return figs
}

// attachChange records a percentage change on the figure it qualifies, the
// nearest one before it in the sentence, and names what the percentage
// counts after it.
func attachChange(p *para, figs []Figure, tokStart []int, f *Figure, phrase string) {
	for k := len(figs) - 1; k >= 0; k-- {
		if figs[k].Sent != f.Sent {
			break
		}
		if figs[k].Unit == "%" {
			continue
		}
		if figs[k].Change == "" {
			figs[k].Change = phrase
		}
		if f.Counts == "" || !strings.Contains(f.Counts, " in ") {
			what := figs[k].Counts
			if what == "" {
				what = "total"
			}
			head := f.Counts
			if head == "" {
				head = "change"
			}
			f.Counts = head + " in " + what
		}
		return
	}
	if f.Counts == "" {
		f.Counts = "change"
	}
}

// canStart reports whether a value may begin at token i.
func (p *para) canStart(i int) bool {
	t := p.toks[i]
	switch t.kind {
	case kNum:
		return !p.year[i] && !p.day[i]
	case kPunct:
		return currencySymbols[t.s] != "" && i+1 < len(p.toks) && p.toks[i+1].kind == kNum && !p.year[i+1] && !p.day[i+1] ||
			currencySymbols[t.s] != "" && i+1 < len(p.toks) && p.toks[i+1].kind == kNum && p.toks[i+1].glued
	case kWord:
		w := t.lower()
		if dollarPrefixes[w] != "" && i+1 < len(p.toks) && p.toks[i+1].s == "$" && p.toks[i+1].glued {
			return true
		}
		if smallNumbers[w] > 0 || tens[w] > 0 || w == "zero" {
			// the word must stand alone: not "twenty" inside "twenty-first"
			return !(i > 0 && p.toks[i-1].punct("-") && t.glued)
		}
		if (w == "a" || w == "an") && i+1 < len(p.toks) {
			n := p.toks[i+1].lower()
			return n == "hundred" || n == "thousand" || n == "million" || n == "billion" || n == "trillion" || n == "dozen"
		}
	}
	return false
}

// cannotStart reports whether token k cannot be the second value of a range
// (a year or a day: "5 to 2005", "from 3 to 10 May").
func (p *para) cannotStart(k int) bool {
	return k < len(p.toks) && (p.year[k] || p.day[k])
}
