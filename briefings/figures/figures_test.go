package figures

import (
	"fmt"
	"github.com/briefbot/briefbot/briefings/internal/labelset"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/text"
)

// want is what a test expects of one figure; empty fields are not checked.
type want struct {
	text      string
	value     float64
	high      float64 // 0: equal to value
	unit      string
	qualifier string
	counts    string
	change    string
	year      int
	since     int
	convs     int
}

var (
	pub2025 = text.Date{Year: 2025, Month: 9}
	pub2021 = text.Date{Year: 2021, Month: 10, Day: 7}
	pub2014 = text.Date{Year: 2014, Month: 11, Day: 5}
)

// checkSpans asserts that every figure's span holds its text.
func checkSpans(t *testing.T, d *text.Doc, figs []Figure) {
	t.Helper()
	for _, f := range figs {
		if f.Para < 0 || f.Para >= len(d.Paragraphs) {
			t.Fatalf("figure %q: paragraph %d of %d", f.Text, f.Para, len(d.Paragraphs))
		}
		p := d.Paragraphs[f.Para].Text
		if f.Start < 0 || f.End > len(p) || f.Start >= f.End {
			t.Fatalf("figure %q: span [%d,%d) in %d bytes", f.Text, f.Start, f.End, len(p))
		}
		if p[f.Start:f.End] != f.Text {
			t.Fatalf("figure span %q, text %q", p[f.Start:f.End], f.Text)
		}
		if f.High < f.Value {
			t.Fatalf("figure %q: high %v below value %v", f.Text, f.High, f.Value)
		}
	}
}

func runForms(t *testing.T, tests []struct {
	name string
	in   string
	pub  text.Date
	want []want
}) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &text.Doc{Meta: text.Meta{Published: tt.pub}, Paragraphs: []text.Paragraph{{Text: tt.in, Sentences: text.SplitSentences(tt.in)}}}
			figs := Extract(d)
			checkSpans(t, d, figs)
			if len(figs) != len(tt.want) {
				t.Fatalf("%q: got %d figures %s, want %d", tt.in, len(figs), describe(figs), len(tt.want))
			}
			for k, w := range tt.want {
				f := figs[k]
				high := w.high
				if high == 0 {
					high = w.value
				}
				if w.text != "" && f.Text != w.text {
					t.Errorf("figure %d text %q, want %q", k, f.Text, w.text)
				}
				if !sameQuantity(Quantity{f.Value, f.High, f.Unit}, Quantity{w.value, high, w.unit}) {
					t.Errorf("figure %q = %v..%v %q, want %v..%v %q", f.Text, f.Value, f.High, f.Unit, w.value, high, w.unit)
				}
				if w.qualifier != "" && f.Qualifier != w.qualifier {
					t.Errorf("figure %q qualifier %q, want %q", f.Text, f.Qualifier, w.qualifier)
				}
				if w.counts != "" && f.Counts != w.counts {
					t.Errorf("figure %q counts %q, want %q", f.Text, f.Counts, w.counts)
				}
				if w.change != "" && f.Change != w.change {
					t.Errorf("figure %q change %q, want %q", f.Text, f.Change, w.change)
				}
				if f.Year != w.year {
					t.Errorf("figure %q year %d (%s), want %d", f.Text, f.Year, f.YearFrom, w.year)
				}
				if f.Since != w.since {
					t.Errorf("figure %q since %d, want %d", f.Text, f.Since, w.since)
				}
				if len(f.Conversions) != w.convs {
					t.Errorf("figure %q conversions %q, want %d", f.Text, f.Conversions, w.convs)
				}
			}
		})
	}
}

func describe(figs []Figure) string {
	var parts []string
	for _, f := range figs {
		parts = append(parts, fmt.Sprintf("%q(%d)", f.Text, f.Year))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestExtractValueForms(t *testing.T) {
	runForms(t, []struct {
		name string
		in   string
		pub  text.Date
		want []want
	}{
		{"thousands separator", "The Channel saw 1,097 migrant crossings last week in 17 boats.", pub2025,
			[]want{{text: "1,097", value: 1097, counts: "migrant crossings", year: 2025}, {text: "17", value: 17, counts: "boats", year: 2025}}},
		{"decimal with multiplier", "Unemployment rose to a high of 5.2 million.", pub2025,
			[]want{{text: "5.2 million", value: 5.2e6, year: 2025}}},
		{"percent sign", "Only 7% of buyers wanted it.", pub2021,
			[]want{{text: "7%", value: 7, unit: "%", qualifier: "only", counts: "buyers", year: 2021}}},
		{"percent word", "Prices rose by 50 percent.", pub2021, []want{{text: "50 percent", value: 50, unit: "%", year: 2021}}},
		{"per cent", "Numbers increased by 50 per cent in the past year.", pub2014, []want{{text: "50 per cent", value: 50, unit: "%", year: 2014}}},
		{"money forms", "It gave £4m, then €5 million, $19 million, 15 million euros, £11bn, $1.2 billion and 5p.", pub2014, []want{
			{text: "£4m", value: 4e6, unit: "GBP", year: 2014}, {text: "€5 million", value: 5e6, unit: "EUR", year: 2014},
			{text: "$19 million", value: 19e6, unit: "USD", year: 2014}, {text: "15 million euros", value: 15e6, unit: "EUR", year: 2014},
			{text: "£11bn", value: 11e9, unit: "GBP", year: 2014}, {text: "$1.2 billion", value: 1.2e9, unit: "USD", year: 2014},
			{text: "5p", value: 0.05, unit: "GBP", year: 2014}}},
		{"conversion in brackets", "The government has pledged £12 million (15 million euros, $19 million) over three years.", pub2014,
			[]want{{text: "£12 million (15 million euros, $19 million)", value: 12e6, unit: "GBP", counts: "pledge", year: 2014, convs: 2}}},
		{"conversion after a word", "A British contribution of €5 million funding (£4m) per year.", pub2014,
			[]want{{text: "€5 million", value: 5e6, unit: "EUR", year: 2014, convs: 1}}},
		{"semicolon conversions", "He approved the payment of 160m euros ($208m; £111m) to two former executives.", text.Date{},
			[]want{{text: "160m euros ($208m; £111m)", value: 160e6, unit: "EUR", counts: "payment", convs: 2}, {text: "two", value: 2, counts: "former executives"}}},
		{"range with between", "NGOs estimate the number of migrants currently living around Calais at between 1,500 and 2,000.", pub2021,
			[]want{{text: "1,500 and 2,000", value: 1500, high: 2000, qualifier: "between", counts: "migrants", year: 2021}}},
		{"range with a dash", "Some 1,500-2,000 people live there.", pub2021, []want{{text: "1,500-2,000", value: 1500, high: 2000, counts: "people", year: 2021}}},
		{"range with to", "Between 1,500 to 2,000 people live there.", pub2021, []want{{text: "1,500 to 2,000", value: 1500, high: 2000, year: 2021}}},
		{"range with a shared multiplier", "It will cost 10 to 15 million euros.", pub2021, []want{{text: "10 to 15 million euros", value: 10e6, high: 15e6, unit: "EUR", year: 2021}}},
		{"from-to is a change", "The IMF cut its forecast from 1.8% to 0.8%.", pub2021,
			[]want{{text: "1.8%", value: 1.8, unit: "%", year: 2021}, {text: "0.8%", value: 0.8, unit: "%", year: 2021}}},
		{"qualifiers", "There are around 2,500 migrants, some 2,500 say others, approximately 2,000 say police, and up to 10,000 at the peak.", pub2014, []want{
			{value: 2500, qualifier: "around", counts: "migrants", year: 2014}, {value: 2500, qualifier: "some", year: 2014},
			{value: 2000, qualifier: "approximately", year: 2014}, {value: 10000, qualifier: "up to", year: 0}}},
		{"exceeds with a change", "The total now exceeds 30,000, a 36% increase from last year and the highest since the first arrivals in 2018.", pub2025, []want{
			{text: "30,000", value: 30000, qualifier: "exceeds", counts: "total", change: "a 36% increase from last year", year: 2025},
			{text: "36%", value: 36, unit: "%", year: 2025}}},
		{"up from last year", "Small boat crossings accounted for 43,000 arrivals, 88% of irregular entries, up 38% from last year.", pub2025, []want{
			{text: "43,000", value: 43000, counts: "arrivals", change: "up 38% from last year", year: 2025},
			{text: "88%", value: 88, unit: "%", counts: "irregular entries", year: 2025},
			{text: "38%", value: 38, unit: "%", year: 2025}}},
		{"subject of a link verb", "Enforced returns rose to 8,590, a 22% increase.", pub2025, []want{
			{text: "8,590", value: 8590, counts: "enforced returns", change: "a 22% increase", year: 2025},
			{text: "22%", value: 22, unit: "%", counts: "increase in enforced returns", year: 2025}}},
		{"number words", "Last year, two night-shift officers were surrounded. Fifty new areas will be named.", pub2025, []want{
			{text: "two", value: 2, counts: "night-shift officers", year: 2024}, {text: "Fifty", value: 50, counts: "new areas", year: 2025}}},
		{"number word with a multiplier", "In 2001 two million people lost their jobs.", text.Date{}, []want{{text: "two million", value: 2e6, counts: "people", year: 2001}}},
		{"bare and definite number words", "Two against 60. The two ministers agree. It is one in, one out. Men play five.", pub2025,
			[]want{{text: "60", value: 60, year: 2025}}},
	})
}

func TestExtractNotFigures(t *testing.T) {
	for _, in := range []string{
		"It happened in 2018.",
		"The record was set on May 31.",
		"The deal was ratified on August 5, 2025, with the pilot running until June 11, 2026.",
		"Paris, 20 September 2014",
		"The fair runs over the weekend of 9 and 10 July.",
		"Kick-off is at 10:30 and the show starts at 1400 GMT, or 7pm.",
		"1. Firstly, the ministers agree.",
		"Source of English text: UK Home Office [1]",
		"Under section 4 and Article 50 of the treaty.",
		"Call 020 7946 0958 for details.",
		"We got some 4×4 vehicles that can go on the beach.",
		"He told BBC Radio 5 Live and Channel 4 News.",
		"Charlotte Kwantes of the Utopia 56 charity spoke to the G8.",
		"The 22-year-old student read the 75-page report.",
		"It came five years after the demolition; we have five minutes to leave.",
		"He is world number one and slipped to 64 in the world.",
		"The Calais camps closed in the 1980s.",
		"Visit www.example.com/2014/11/05 for more.",
		"Both executives helped orchestrate the merger in 1999.",
		"He won 6-4 3-6 6-3.",
		"The veteran film-maker, 68, won the prize.",
		"Thousands of migrants and dozens of officers were there.",
		"It was the 12th annual festival; she came second.",
	} {
		t.Run(in, func(t *testing.T) {
			figs := ExtractText(in, pub2025)
			if len(figs) != 0 {
				t.Errorf("%q: got %s, want no figures", in, describe(figs))
			}
		})
	}
}

// TestExtractYears resolves each relative phrase against a year-only, a
// year-month and a full publication date.
func TestExtractYears(t *testing.T) {
	dates := []text.Date{{Year: 2021}, {Year: 2021, Month: 1}, {Year: 2021, Month: 1, Day: 1}}
	tests := []struct {
		phrase string
		want   [3]int // per date above
		since  int
	}{
		{"this year", [3]int{2021, 2021, 2021}, 0},
		{"so far this year", [3]int{2021, 2021, 2021}, 0},
		{"in the first eight months of this year", [3]int{2021, 2021, 2021}, 0},
		{"last year", [3]int{2020, 2020, 2020}, 0},
		{"last week", [3]int{2021, 2021, 2020}, 0},
		{"this month", [3]int{2021, 2021, 2021}, 0},
		{"last month", [3]int{2021, 2020, 2020}, 0},
		{"yesterday", [3]int{2021, 2021, 2020}, 0},
		{"in recent weeks", [3]int{2021, 2021, 2021}, 0},
		{"in recent months", [3]int{2021, 2021, 2021}, 0},
		{"currently", [3]int{2021, 2021, 2021}, 0},
		{"now", [3]int{2021, 2021, 2021}, 0},
		{"in the past year", [3]int{2021, 2021, 2021}, 0},
		{"next year", [3]int{2022, 2022, 2022}, 0},
		{"last summer", [3]int{2020, 2020, 2020}, 0},
		{"in September", [3]int{2021, 2020, 2020}, 0},
		{"last November", [3]int{2020, 2020, 2020}, 0},
		{"two years ago", [3]int{2019, 2019, 2019}, 0},
		{"in 2003", [3]int{2003, 2003, 2003}, 0},
		{"by 2015", [3]int{2015, 2015, 2015}, 0},
		{"at the end of 2003", [3]int{2003, 2003, 2003}, 0},
		{"between 2018 and March 2025", [3]int{2025, 2025, 2025}, 2018},
	}
	for _, tt := range tests {
		for k, date := range dates {
			t.Run(tt.phrase+"/"+date.String(), func(t *testing.T) {
				in := "Officials counted 4,200 migrants " + tt.phrase + "."
				figs := ExtractText(in, date)
				if len(figs) != 1 {
					t.Fatalf("%q: got %s", in, describe(figs))
				}
				if figs[0].Year != tt.want[k] || figs[0].Since != tt.since {
					t.Errorf("%q published %s: year %d since %d (%s), want %d since %d", in, date, figs[0].Year, figs[0].Since, figs[0].YearFrom, tt.want[k], tt.since)
				}
			})
		}
	}
}

// A time phrase just before the number ("So far this year 1,097 ...")
// dates the figure; it is no label ("year 9"), and without a publication
// date the figure stays, with no year.
func TestExtractTimePhraseBeforeNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		pub  text.Date
		text string
		year int
	}{
		{"So far this year 1,097 people crossed.", text.Date{}, "1,097", 0},
		{"So far this year 1,097 people crossed.", pub2025, "1,097", 2025},
		{"Last week 400 migrants were moved.", pub2021, "400", 2021},
		{"Last year 15,400 people attempted the crossing.", pub2021, "15,400", 2020},
	} {
		t.Run(tc.in+"/"+tc.pub.String(), func(t *testing.T) {
			figs := ExtractText(tc.in, tc.pub)
			if len(figs) != 1 || figs[0].Text != tc.text || figs[0].Year != tc.year {
				t.Fatalf("got %s, want %s of %d", describe(figs), tc.text, tc.year)
			}
		})
	}
	// A label stays a label.
	if figs := ExtractText("Pupils in year 9 sat the test.", pub2025); len(figs) != 0 {
		t.Errorf("year 9: got %s", describe(figs))
	}
}

func TestExtractYearsInContext(t *testing.T) {
	runForms(t, []struct {
		name string
		in   string
		pub  text.Date
		want []want
	}{
		{"comparison year is not the figure's year",
			"A total of 15,400 people attempted to cross the Channel in the first eight months of this year, an increase of 50 percent over the figure for the whole of 2020, according to coast guard statistics.",
			pub2021, []want{{text: "15,400", value: 15400, counts: "people", year: 2021}, {text: "50 percent", value: 50, unit: "%", year: 2021}}},
		{"explicit years per clause",
			"In 2019, the firm reported a 12% rise in sales to £2.1bn, and it expects similar gains in 2020, forecasting that sales would rise 9% to £2.3bn.",
			text.Date{}, []want{{value: 12, unit: "%", year: 2019}, {value: 2.1e9, unit: "GBP", year: 2019}, {value: 9, unit: "%", year: 2020}, {value: 2.3e9, unit: "GBP", year: 2020}}},
		{"the previous year", "Profits halved in 2004 to $200m from $500m the previous year.", text.Date{},
			[]want{{value: 200e6, unit: "USD", year: 2004}, {value: 500e6, unit: "USD", year: 2003}}},
		{"a relative clause keeps its year", "Two shareholders filed a complaint about the payments to the executives, who stepped down in 2001.", text.Date{},
			[]want{{text: "Two", value: 2, counts: "shareholders", year: 0}}},
		{"a sentence continues the one before", "The economy collapsed in 2001. Turkey accepted an $18bn loan.", text.Date{},
			[]want{{value: 18e9, unit: "USD", counts: "loan", year: 2001}}},
		{"since last summer", "Since last summer, we have returned over 30,000 people.", pub2025,
			[]want{{value: 30000, qualifier: "over", counts: "people", year: 2025, since: 2024}}},
		{"at its peak", "The camp housed up to 10,000 people at its peak.", pub2021, []want{{value: 10000, qualifier: "up to", year: 0}}},
		{"a date without its year", "Crossings reached 1,097 last week, close to the record 1,195 on May 31.", pub2025,
			[]want{{value: 1097, year: 2025}, {value: 1195, year: 2025}}},
		{"no time said", "There are around 2,500 migrants in Calais.", pub2014, []want{{value: 2500, year: 2014}}},
		{"unknown date", "There are around 2,500 migrants in Calais this year.", text.Date{}, []want{{value: 2500, year: 0}}},
	})
}

func TestExtractInferredDate(t *testing.T) {
	d := &text.Doc{Meta: text.Meta{Published: text.Date{Year: 2002}, DateInferred: true}}
	in := "Officials counted 2,300 migrants this year, up from 1,200 in 2001."
	d.Paragraphs = []text.Paragraph{{Text: in, Sentences: text.SplitSentences(in)}}
	figs := Extract(d)
	if len(figs) != 2 || figs[0].Year != 0 || figs[1].Year != 2001 {
		t.Fatalf("got %s, want 2,300 undated and 1,200 in 2001", describe(figs))
	}
}

// TestExtractCorpusChecks holds the figures the briefing answers rely on.
func TestExtractCorpusChecks(t *testing.T) {
	tests := []struct {
		id    string
		value string
		year  int
	}{
		{"corpus/2025-09-parliamentnews-french-police-channel-migrants", "1,097", 2025},
		{"corpus/2025-09-parliamentnews-french-police-channel-migrants", "30,000", 2025},
		{"corpus/2025-09-parliamentnews-french-police-channel-migrants", "36%", 2025},
		{"corpus/2025-09-parliamentnews-french-police-channel-migrants", "43,000", 2025},
		{"corpus/2025-09-parliamentnews-french-police-channel-migrants", "1,195", 2025},
		{"corpus/2014-11-05-france24-british-police-calais", "2,300", 2014},
		{"corpus/2014-11-05-thelocal-uk-should-send-back-up-to-calais", "2,300", 2014},
		{"corpus/2014-11-05-itv-french-minister-uk-police-calais", "2,500", 2014},
		{"corpus/2021-10-07-thelocal-french-police-cause-misery", "15,400", 2021},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.value, func(t *testing.T) {
			d := labelset.Doc(t, tt.id)
			figs := Extract(d)
			checkSpans(t, d, figs)
			found := false
			for _, f := range figs {
				if f.Text == tt.value || strings.HasPrefix(f.Text, tt.value+" ") {
					found = true
					if f.Year != tt.year {
						t.Errorf("%s: %s year %d, want %d", tt.id, tt.value, f.Year, tt.year)
					}
				}
			}
			if !found {
				t.Errorf("%s: no figure %s in %s", tt.id, tt.value, describe(figs))
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The total now exceeds 30,000, a 36% increase from last year and the highest since the first arrivals in 2018.",
		"£12 million (15 million euros, $19 million) over three years",
		"between 1,500 and 2,000, 1,500-2,000 or 1,500 to 2,000",
		"---\npublished: 2021-10\n---\nLast year, two officers. Two against 60.",
		"1. Firstly [1] 4×4 G8 020 7946 0958 10:30 May 31 9 and 10 July",
		"£", "(£4m", "between 2018 and", "the previous year", "last", "1,", "5.", "twenty-", "a million",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := text.Parse("fuzz", []byte(s))
		if err != nil {
			return
		}
		figs := Extract(d)
		checkSpans(t, d, figs)
		for _, g := range figs {
			if !utf8.ValidString(s) {
				continue
			}
			if !utf8.ValidString(g.Text) {
				t.Fatalf("figure text %q is not valid UTF-8", g.Text)
			}
		}
	})
}

// bbcDir is the BBC corpus beside the repository.
const bbcDir = "../../../shared/corpora/bbc"

func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.md"))
	if len(files) == 0 {
		b.Skipf("no BBC corpus at %s", bbcDir)
	}
	var docs []*text.Doc
	var size int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, err := text.Parse(f, raw)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(raw))
		docs = append(docs, d)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for _, d := range docs {
			n += len(Extract(d))
		}
	}
	b.ReportMetric(float64(n), "figures/op")
	b.ReportMetric(float64(len(docs)), "docs/op")
}

// A possessive year dates the noun phrase it opens, also after "above" or
// "than"; a decade is no year, and a possessive year a figure is compared
// with dates nothing before it. A semicolon between conversions in
// brackets does not cut a figure from its year.
func TestExtractPossessiveYears(t *testing.T) {
	tests := []struct {
		in   string
		want map[string]int // figure text -> year
	}{
		{"The economy grew 9.5% during 2004, faster than predicted and well above 2003's 9.1%.", map[string]int{"9.5%": 2004, "9.1%": 2003}},
		{"The deficit was 24.4% above the previous record - 2003's imbalance of $496.5bn.", map[string]int{"24.4%": 0, "$496.5bn": 2003}},
		{"Profits compared unfavourably with 2003's 784m euro figure.", map[string]int{"784m euro": 2003}},
		{"The airline posted a loss of $761m, lower than 2003's $1.2bn loss.", map[string]int{"$761m": 0, "$1.2bn": 2003}},
		{"Sales rose 5% on 2003's figures.", map[string]int{"5%": 0}},
		{"Prices rose 20% in the 1980's.", map[string]int{"20%": 0}},
		{"The bank said regional exports reached $445.1bn (£227bn;331bn euros) in 2004.", map[string]int{"$445.1bn (£227bn;331bn euros)": 2004}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			figs := ExtractText(tc.in, text.Date{})
			got := map[string]int{}
			for _, f := range figs {
				got[f.Text] = f.Year
			}
			for text, year := range tc.want {
				y, ok := got[text]
				if !ok || y != year {
					t.Errorf("%s: year %d (found %v), want %d; all: %s", text, y, ok, year, describe(figs))
				}
			}
		})
	}
}

// A "when" clause after a time phrase is about that time, even after
// "since" or in a comparison; a comma ends the clause.
func TestExtractWhenClauseYears(t *testing.T) {
	tests := []struct {
		in        string
		want      map[string]int // figure text -> year
		wantSince map[string]int // figure text -> first year of its period
	}{
		{"The rate has been falling since April 2004 when it reached a peak of 13.1%.", map[string]int{"13.1%": 2004}, map[string]int{"13.1%": 0}},
		{"The films grossed $91m, compared to 2004's Super Bowl weekend when the total was $73.4m.", map[string]int{"$73.4m": 2004}, nil},
		{"Sales were strong in 2003 when the firm sold 5,000 cars.", map[string]int{"5,000": 2003}, nil},
		{"Councils have spent £3bn on asylum since 1997.", map[string]int{"£3bn": 0}, map[string]int{"£3bn": 1997}},
		{"Prices have risen since 2001 when the euro came in, by 12% a year.", map[string]int{"12%": 0}, map[string]int{"12%": 2001}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			figs := ExtractText(tc.in, text.Date{})
			year, since := map[string]int{}, map[string]int{}
			found := map[string]bool{}
			for _, f := range figs {
				year[f.Text], since[f.Text], found[f.Text] = f.Year, f.Since, true
			}
			for s, y := range tc.want {
				if !found[s] || year[s] != y {
					t.Errorf("%s: year %d (found %v), want %d; all: %s", s, year[s], found[s], y, describe(figs))
				}
			}
			for s, y := range tc.wantSince {
				if since[s] != y {
					t.Errorf("%s: since %d, want %d", s, since[s], y)
				}
			}
		})
	}
}
