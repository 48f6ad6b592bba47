package briefings

import (
	"sort"
	"strings"

	"github.com/briefbot/briefbot/briefings/people"
)

// This file is the engine's read-only view of what it extracted, for a
// curator: every person, role, quote, figure and highlight with the
// article and sentence it comes from.

// PersonEntry is one person or organisation in a list.
type PersonEntry struct {
	ID           string
	Name         string
	Organisation bool
	Mentions     int
	Articles     int
	Summary      string
}

// PersonView is what the engine knows of one person, with evidence.
type PersonView struct {
	PersonEntry
	Aliases []string
	Roles   []RoleView
	Quotes  []QuoteView
	Related []PersonEntry // named in the same articles, most often first
	DocIDs  []string      // the articles that mention them, oldest first
}

// RoleView is one dated role and the sentence that states it.
type RoleView struct {
	Title    string
	Past     bool
	Date     string
	DocID    string // "" for a role a curator added without a source
	Evidence string
	Curated  bool
}

// QuoteView is one quote and where it stands.
type QuoteView struct {
	Text    string
	DocID   string
	Date    string
	Para    int
	Speaker string // how the article introduces the speaker
	Curated bool
}

// FigureView is one figure with its sentence.
type FigureView struct {
	DocID    string
	Date     string // the article's date
	Value    string // as written
	Number   float64
	Unit     string
	Counts   string // what it counts; "" when unknown
	Measure  string // Counts normalised, for grouping
	Year     int    // 0 when unknown
	Sentence string
	Curated  bool
}

// Highlight is an extracted span of an article's paragraph.
type Highlight struct {
	Para       int
	Start, End int    // byte offsets in the paragraph's text
	Kind       string // "person", "organisation", "quote", "figure", "year"
	Label      string // the profile's name, the speaker, the year
}

// ArticleView is an article's text with what was extracted from it.
type ArticleView struct {
	ID, Title, Publisher, URL, Date string
	DateInferred                    bool
	Curated                         bool   // a curator set its date or title
	Digest                          string // a curator's digest choice, or ""
	Paragraphs                      []string
	Highlights                      []Highlight
}

// ArticleEntry is one article in a list.
type ArticleEntry struct {
	ID, Title, Date             string
	People, Quotes, FigureCount int
}

// PeopleList lists the people and organisations whose names hold every
// word of query (all when empty), most mentioned first.
func (e *Engine) PeopleList(query string) []PersonEntry {
	words := strings.Fields(people.FoldName(query))
	var out []PersonEntry
	for _, p := range e.ranked {
		if len(words) > 0 && !namesHold(p, words) {
			continue
		}
		out = append(out, p.entry())
	}
	return out
}

func namesHold(p *profile, words []string) bool {
	hay := people.FoldName(p.Name + " " + strings.Join(p.Aliases, " "))
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func (p *profile) entry() PersonEntry {
	return PersonEntry{ID: p.ID, Name: p.Name, Organisation: p.Kind == people.Organisation, Mentions: p.Mentions, Articles: len(p.DocIDs), Summary: p.summary}
}

// Person returns what the engine knows of the profile with the id.
func (e *Engine) Person(id string) (PersonView, bool) {
	p := e.profiles[id]
	if p == nil {
		return PersonView{}, false
	}
	v := PersonView{PersonEntry: p.entry(), Aliases: append([]string(nil), p.Aliases...)}
	for _, r := range p.roles {
		v.Roles = append(v.Roles, RoleView{Title: r.String(), Past: r.Past, Date: r.Date.String(), DocID: r.DocID, Evidence: r.Evidence, Curated: r.Curated})
	}
	for _, q := range p.quotes {
		qt := q.doc.quotes[q.i]
		v.Quotes = append(v.Quotes, QuoteView{Text: qt.Text, DocID: q.doc.ID, Date: q.doc.Meta.Published.String(), Para: qt.Para, Speaker: qt.SpeakerAs, Curated: qt.Curated})
	}
	for _, r := range p.related {
		v.Related = append(v.Related, r.p.entry())
	}
	for _, d := range p.docs {
		v.DocIDs = append(v.DocIDs, d.ID)
	}
	return v, true
}

// Figures lists every figure of the corpus, by year (unknown last) and
// then by article date.
func (e *Engine) Figures() []FigureView {
	var out []FigureView
	for _, d := range e.byDate {
		for i := range d.figures {
			f := figRef{doc: d, i: i}
			fg := f.fig()
			out = append(out, FigureView{DocID: d.ID, Date: d.Meta.Published.String(), Value: fg.Text, Number: fg.Value, Unit: fg.Unit,
				Counts: fg.Counts, Measure: measureKey(fg.Counts), Year: fg.Year, Sentence: f.sentence(), Curated: fg.Curated})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Year, out[j].Year
		if (a == 0) != (b == 0) {
			return b == 0
		}
		return a < b
	})
	return out
}

// Articles lists the articles, newest first.
func (e *Engine) Articles() []ArticleEntry {
	out := make([]ArticleEntry, 0, len(e.byDate))
	for i := len(e.byDate) - 1; i >= 0; i-- {
		d := e.byDate[i]
		out = append(out, ArticleEntry{ID: d.ID, Title: d.Meta.Title, Date: d.Meta.Published.String(),
			People: len(d.named()), Quotes: len(d.quotes), FigureCount: len(d.figures)})
	}
	return out
}

// Article returns an article's text and what was extracted from it.
func (e *Engine) Article(id string) (ArticleView, bool) {
	d := e.byID[id]
	if d == nil {
		return ArticleView{}, false
	}
	v := ArticleView{ID: d.ID, Title: d.Meta.Title, Publisher: d.Meta.Publisher, URL: d.Meta.URL, Date: d.Meta.Published.String(),
		DateInferred: d.Meta.DateInferred, Curated: d.curated, Digest: d.digest}
	for _, p := range d.Paragraphs {
		v.Paragraphs = append(v.Paragraphs, p.Text)
	}
	inPara := func(para, start, end int) bool {
		return para >= 0 && para < len(d.Paragraphs) && start >= 0 && start < end && end <= len(d.Paragraphs[para].Text)
	}
	for _, m := range d.people.Mentions {
		kind, label := "person", m.Text
		if p := d.profileAt[m.Key]; p != nil {
			label = p.Name
			if p.Kind == people.Organisation {
				kind = "organisation"
			}
		}
		if inPara(m.Para, m.Start, m.End) {
			v.Highlights = append(v.Highlights, Highlight{Para: m.Para, Start: m.Start, End: m.End, Kind: kind, Label: label})
		}
	}
	for _, q := range d.quotes {
		end := q.Start + len(q.Text)
		if q.Para >= 0 && q.Para < len(d.Paragraphs) {
			end = min(end, len(d.Paragraphs[q.Para].Text))
		}
		label := q.SpeakerAs
		if p := d.profileAt[q.Speaker]; p != nil {
			label = p.Name
		}
		if inPara(q.Para, q.Start, end) {
			v.Highlights = append(v.Highlights, Highlight{Para: q.Para, Start: q.Start, End: end, Kind: "quote", Label: label})
		}
	}
	for _, f := range d.figures {
		if inPara(f.Para, f.Start, f.End) {
			label := f.Counts
			if f.Year != 0 {
				label = strings.TrimSpace(label + " " + itoa(f.Year))
			}
			v.Highlights = append(v.Highlights, Highlight{Para: f.Para, Start: f.Start, End: f.End, Kind: "figure", Label: label})
		}
	}
	for pi, p := range d.Paragraphs {
		for _, span := range yearSpans(p.Text) {
			v.Highlights = append(v.Highlights, Highlight{Para: pi, Start: span[0], End: span[1], Kind: "year", Label: p.Text[span[0]:span[1]]})
		}
	}
	return v, true
}

// yearSpans finds the four-digit years 1900-2099 standing alone in s.
func yearSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] != '1' || s[i+1] != '9') && (s[i] != '2' || s[i+1] != '0') {
			continue
		}
		if !isDigitByte(s[i+2]) || !isDigitByte(s[i+3]) {
			continue
		}
		if (i > 0 && (isDigitByte(s[i-1]) || s[i-1] == ',' || s[i-1] == '.')) || (i+4 < len(s) && isDigitByte(s[i+4])) {
			continue
		}
		out = append(out, [2]int{i, i + 4})
		i += 3
	}
	return out
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// Years lists the years the corpus's figures refer to, ascending.
func (e *Engine) Years() []int {
	out := make([]int, 0, len(e.years))
	for _, y := range e.years {
		out = append(out, y.year)
	}
	return out
}
