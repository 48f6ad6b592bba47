// Package text owns the reading of one article: front matter, cleaning of
// page furniture, paragraphs and sentences. It knows nothing of people,
// quotes or figures; the extractors build on the Doc it returns.
package text

import (
	"fmt"
	"strconv"
	"strings"
)

// Date is a publication date known to the year, the month or the day.
// Zero fields are unknown; the zero Date is an unknown date.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether nothing of the date is known.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as YYYY, YYYY-MM or YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before orders dates, unknown parts sorting first.
func (d Date) Before(o Date) bool {
	if d.Year != o.Year {
		return d.Year < o.Year
	}
	if d.Month != o.Month {
		return d.Month < o.Month
	}
	return d.Day < o.Day
}

// ParseDate reads YYYY-MM-DD, YYYY-MM or YYYY.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	if len(parts) > 3 || s == "" {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	var n [3]int
	widths := [3]int{4, 2, 2}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) != widths[i] {
			return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if d.Year < 1000 || (len(parts) > 1 && (d.Month < 1 || d.Month > 12)) || (len(parts) > 2 && (d.Day < 1 || d.Day > daysIn(d.Year, d.Month))) {
		return Date{}, fmt.Errorf("date %q is not a real date", s)
	}
	return d, nil
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Meta is what the front matter (or the text itself) says about an article.
type Meta struct {
	Title     string
	Publisher string
	Published Date
	URL       string
	Author    string
	Tags      []string
	// DateInferred is set when Published was guessed from the text rather
	// than given in front matter; answers say so.
	DateInferred bool
	// Ignored lists the front-matter keys that were not read, each as
	// "line N: front matter key ... (did you mean ...?); ignored".
	Ignored []string
	// DateAnchored is set with DateInferred when the guessed year stands
	// in a full calendar date of the text ("20 September 2014", "August 5,
	// 2025"), so "this year" can be read against it with some confidence.
	DateAnchored bool
	// DateSure is set with DateInferred when the text names the guessed
	// year so much more than any other that the guess is right nearly
	// always (see inferYear); only such a guess is shown to readers.
	DateSure bool
}

// Doc is one parsed article.
type Doc struct {
	ID         string // path without extension, slash-separated
	Meta       Meta
	Paragraphs []Paragraph
}

// Paragraph is a block of text with its sentences as byte spans of Text.
type Paragraph struct {
	Text      string
	Sentences []Span
}

// Span is a half-open byte range [Start, End) in a paragraph's Text.
type Span struct {
	Start, End int
}

// Sentence returns the text of sentence i of the paragraph.
func (p Paragraph) Sentence(i int) string {
	s := p.Sentences[i]
	return p.Text[s.Start:s.End]
}

// SentenceAt returns the index of the sentence holding byte offset off, or -1.
func (p Paragraph) SentenceAt(off int) int {
	for i, s := range p.Sentences {
		if off >= s.Start && off < s.End {
			return i
		}
	}
	return -1
}
