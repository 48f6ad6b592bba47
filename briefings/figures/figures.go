// Package figures finds the figures an article reports: the value, what it
// counts, its change, and the year it refers to.
package figures

import "github.com/briefbot/briefbot/briefings/text"

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
}

// Extract finds the figures of an article; relative years ("this year",
// "last week") resolve against d.Meta.Published.
func Extract(d *text.Doc) []Figure {
	return nil
}
