package briefings

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/question"
	"github.com/briefbot/briefbot/briefings/text"
)

func TestTitleSpan(t *testing.T) {
	for _, tc := range []struct {
		name, text, named, want string
		fit                     float64
	}{
		{"called, capitalised at the start", "Called Speegle, it has the look and feel of a normal search engine.", "search engine", "Speegle", titleNamedFit},
		{"entitled, quoted", `It said in the report entitled “Enforced Misery: The Degrading Treatment of Migrant Children and Adults in Calais”, published on Thursday.`, "report calais", "Enforced Misery: The Degrading Treatment of Migrant Children and Adults in Calais", titleNamedFit},
		{"released as", "The new version of The Magic Roundabout, which will be released as Sprung! in the US, replaces the models.", "magic roundabout film", "Sprung!", titleNamedFit},
		{"after the kind of work", "DiCaprio began his movie career in horror film Critters 3, before moving onto roles in Titanic.", "leonardo dicaprio first film", "Critters 3", titleShapeFit},
		{"set off after a noun", "The technology, OMAP-Vox, is being tested by firms in Europe.", "texas instruments mobile chip", "OMAP-Vox", titleShapeFit},
		{"a quoted title", `The band's new single "Speed Of Sound" is out now.`, "coldplay", "Speed Of Sound", titleShapeFit},
		{"a quotation is no title", `He said "we will win the league this year" on Monday.`, "manager", "", 0},
		{"the question's own name is no answer", "The film, Ray, won two Oscars.", "ray", "", 0},
		{"a named title beats a quoted one", `The film "Big Fish" is called Ray in France.`, "film", "Ray", titleNamedFit},
	} {
		qu := &query{named: map[string]bool{}}
		for _, w := range strings.Fields(tc.named) {
			qu.named[w] = true
		}
		var s span
		titleSpan(qu, tc.text, &s)
		if s.mark != tc.want || s.fit != tc.fit {
			t.Errorf("%s: mark %q fit %.2f, want %q %.2f", tc.name, s.mark, s.fit, tc.want, tc.fit)
		}
	}
}

func TestListSpan(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"They are: XXX, Hellboy, Resident Evil: Apocalypse and Once Upon a Time in Mexico.", "XXX, Hellboy, Resident Evil"},
		{"Icann has given preliminary approval to two new addresses - .mobi and .jobs.", ".mobi and .jobs"},
		{"Police are facing shortages of tear gas, grenades, and vehicles amid continuous clashes with migrants.", "gas, grenades, and vehicles"},
		{"Mayors at Doncaster, Hartlepool, North Tyneside and Stoke-on-Trent are also to be elected.", "Doncaster, Hartlepool, North Tyneside and Stoke-on-Trent"},
		{"Leicester and Saracens are believed to head the list.", "Leicester and Saracens"},
		{"The minister met the mayor and left.", ""},
	} {
		var s span
		listSpan(tc.text, &s)
		if !strings.Contains(s.mark, tc.want) || (tc.want == "") != (s.mark == "") {
			t.Errorf("%q: list %q, want it to hold %q", tc.text, s.mark, tc.want)
		}
	}
}

// TestPhraseMatch checks that a sentence holds a question's word by a
// WordNet expression related to it, at a weight below the word's own.
func TestPhraseMatch(t *testing.T) {
	e := fixtureEngine(t)
	for _, tc := range []struct {
		q, sentence, word string
		held              bool
	}{
		{"who resigned as minister?", "The minister stepped down on Monday.", "resigned", true},
		{"who resigned as minister?", "The minister resigned on Monday.", "resigned", true},
		{"who resigned as minister?", "The minister stepped up on Monday.", "resigned", false},
		{"which firm did oracle buy?", "Oracle bought out its rival.", "buy", true},
		{"who resigned in may?", "The coach left office in May.", "resigned", true},
	} {
		qu := e.newQuery(question.Analyze(tc.q))
		g := -1
		for i, w := range qu.q.Words {
			if w == tc.word {
				g = i
			}
		}
		if g < 0 {
			t.Fatalf("%q: no word %q in %q", tc.q, tc.word, qu.q.Words)
		}
		score, held := qu.matchSentence(tc.sentence, e.termFreq(tc.sentence))
		if held[g] != tc.held {
			t.Errorf("%q in %q: held %v, want %v", tc.word, tc.sentence, held[g], tc.held)
		}
		if tc.held {
			own := tc.sentence
			for _, w := range []string{"stepped down", "bought out", "left office"} {
				own = strings.Replace(own, w, tc.word, 1)
			}
			if ownScore, _ := qu.matchSentence(own, e.termFreq(own)); own != tc.sentence && ownScore <= score {
				t.Errorf("%q: the expression scores %.2f, the word itself %.2f", tc.sentence, score, ownScore)
			}
		}
	}
}

func TestReasonSpan(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		fit        float64
	}{
		{"Reports suggest he left because his division was not given enough clout.", "because his division was not given enough clout", 1},
		{"He quit after a probe linked him to the visa application, his aides said.", "after a probe linked him to the visa application, his aides said", 0.5},
		{"He was ruled out due to a broken thumb.", "due to a broken thumb", 1},
		{`He said "I left because of the money" on Monday.`, "because of the money", 0.4},
		{"He has resigned after only a year in his post.", "after only a year in his post", 0.5},
		{"The club said nothing.", "", 0},
	} {
		var s span
		reasonSpan(tc.text, &s)
		if s.mark != tc.want || s.fit != tc.fit {
			t.Errorf("%q: reason %q fit %.2f, want %q %.2f", tc.text, s.mark, s.fit, tc.want, tc.fit)
		}
	}
}

func TestOrgByForm(t *testing.T) {
	d := &document{Doc: &text.Doc{}, people: &people.DocResult{}}
	for _, tc := range []struct{ text, named, want string }{
		{"Virgin Blue has been struggling to fend off pressure from rival Jetstar.", "virgin blue rival", "Jetstar"},
		{"The papers were given to the Mirror newspaper on Monday.", "paper police files", "Mirror"},
		{"The trio replace flamboyant US act Scissor Sisters at the top.", "doves album chart", "Scissor Sisters"},
		{"Shares fell on Monday.", "shares", ""},
	} {
		qu := &query{named: map[string]bool{}}
		for _, w := range strings.Fields(tc.named) {
			qu.named[w] = true
		}
		var s span
		orgByForm(qu, &scored{doc: d, text: tc.text}, &s)
		if s.mark != tc.want {
			t.Errorf("%q: organisation %q, want %q", tc.text, s.mark, tc.want)
		}
	}
}

func TestDateSpan(t *testing.T) {
	e := fixtureEngine(t)
	undated := &document{Doc: &text.Doc{}, people: &people.DocResult{}}
	of2005 := &document{Doc: &text.Doc{Meta: text.Meta{Published: text.Date{Year: 2005}}}, people: &people.DocResult{}}
	for _, tc := range []struct {
		q, text, want string
		sure          bool
		doc           *document // undated when nil
	}{
		{q: "when did the centre close?", text: "The centre closed in 2002.", want: "2002", sure: true},
		{q: "when does the pilot run until?", text: "The deal was ratified on August 5, 2025, with the pilot running until June 11, 2026.", want: "June 11, 2026", sure: true},
		// Two dates, neither nearer the question's words: the more precise
		// one is shown, but not as a sure answer.
		{q: "when did the centre close?", text: "The centre, which opened in 1999, closed on 5 November 2002 and reopened on 3 March 2003."},
		// "by" a person is no sign of what is to come; "by" a date is.
		{q: "when will the film be released?", text: "The film was turned into a spoof by John Huston in 1967."},
		{q: "when will the rules apply?", text: "The rules must be in place by 2006, the regulator said.", want: "2006", sure: true},
		{q: "from when will people have to prove it is genuine?", text: "People will have to prove it from mid-2005.", want: "mid-2005", sure: true},
		// "This year" is the article's year: another year does not answer.
		{q: "when's the final this year?", text: "Last year's final, in May 2004, drew millions; this one is on 6 February.", want: "6 February", sure: true, doc: of2005},
	} {
		d := tc.doc
		if d == nil {
			d = undated
		}
		qu := e.newQuery(question.Analyze(tc.q))
		var s span
		dateSpan(qu, &scored{doc: d, text: tc.text}, &s)
		if tc.want != "" && s.mark != tc.want || (s.fit >= sureFit) != tc.sure {
			t.Errorf("%q in %q: date %q fit %.2f, want %q sure %v", tc.q, tc.text, s.mark, s.fit, tc.want, tc.sure)
		}
	}
}

func TestPlaceSpan(t *testing.T) {
	e := fixtureEngine(t)
	d := &document{Doc: &text.Doc{}, people: &people.DocResult{}}
	for _, tc := range []struct {
		q, text, want string
	}{
		{"where is the balco lab based", "The San Francisco-based Balco laboratory is at the centre of the scandal.", "San Francisco"},
		{"where did bellamy go on loan?", "Bellamy went on loan to Celtic in January.", "Celtic"},
		// Of two places, the one after the question's own preposition.
		{"where did he move from?", "He moved to Manchester from Leeds in May.", "Leeds"},
		{"where is the firm based?", "The firm said on Monday it would grow.", ""},
		// A country's adjective is a place with its noun.
		{"where does the mayor want to move the border to", "She said the border should be moved on to British territory.", "British territory"},
	} {
		qu := e.newQuery(question.Analyze(tc.q))
		var s span
		placeSpan(qu, &scored{doc: d, text: tc.text}, &s)
		if s.mark != tc.want {
			t.Errorf("%q in %q: place %q, want %q", tc.q, tc.text, s.mark, tc.want)
		}
	}
}

// TestFigureSpanUnits checks the figures asked for by what they are: an
// age for "how old", a change for "how much did X go up".
func TestFigureSpanUnits(t *testing.T) {
	e := fixtureEngine(t)
	for _, tc := range []struct {
		q, text, want string
		sure          bool
	}{
		{"how old was jim morrison when he died", "The Doors frontman, who died aged 27 in 1971, plays a student.", "27", true},
		{"how old is susan chepkemei", "The 29-year-old Susan Chepkemei finished second in 2002.", "29", true},
		{"how old's petr cech", "Cudicini kept 24 clean sheets, but Petr Cech, 22, is first choice.", "22", true},
		{"how old is the keeper", "The keeper kept 24 clean sheets last season.", "", false},
		{"how old was jim morrison when he died", "A 40-year-old clip shows Morrison at university.", "40", false}, // the clip's age
		{"how much did exel's shares go up on tuesday", "Shares in Exel closed up 9% at 873p on Tuesday.", "9%", true},
		{"how much did exel's shares go up on tuesday", "With its shares closing Tuesday at 873p, Exel is valued at £2.6bn.", "873p", false},
		{"by how much did sales rise?", "Sales rose by 5,000 to 120,000 units.", "5,000", true},
	} {
		qu := e.newQuery(question.Analyze(tc.q))
		d := &document{Doc: &text.Doc{}, people: &people.DocResult{}, figures: figures.ExtractText(tc.text, text.Date{})}
		var s span
		e.figureSpan(qu, &scored{doc: d, text: tc.text}, &s)
		if s.mark != tc.want || (s.fit >= sureFit) != tc.sure {
			t.Errorf("%q in %q: figure %q fit %.2f, want %q sure %v", tc.q, tc.text, s.mark, s.fit, tc.want, tc.sure)
		}
	}
}

func TestTitleByForm(t *testing.T) {
	e := fixtureEngine(t)
	d := &document{Doc: &text.Doc{}, people: &people.DocResult{}}
	for _, tc := range []struct {
		q, text, want string
	}{
		{"which film will win best film at the oscars?", "The Aviator will win best film at the Oscars, critics say.", "The Aviator"},
		{"what's the name of aston martin's cheapest car?", "With a price under £80,000, the V8 Vantage is cheaper than other Aston Martin models.", "V8 Vantage"},
		{"what's the name of the new chip?", "It said in May the chip would be cheaper.", ""},
		{"what's the name of aston martin's cheapest car?", "Aston Martin has taken on Porsche's 911 with its cheapest model.", ""}, // an owner, not a name
	} {
		qu := e.newQuery(question.Analyze(tc.q))
		var s span
		e.findSpan(qu, &scored{doc: d, text: tc.text}, &s)
		if s.mark != tc.want || s.mark != "" && statable(question.Title, s) {
			t.Errorf("%q in %q: title %q fit %.2f, want %q never stated", tc.q, tc.text, s.mark, s.fit, tc.want)
		}
	}
}
