package curation

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/briefings/text"
)

func TestParse(t *testing.T) {
	src := `# corrections
people:
  - name: Natacha Bouchart
    aliases: [Natasha Bouchart]
    never_merge: Nathalie Bouchard
    add_roles:
      - {title: Senator, date: 2014-09, past: true, source: a1}
    remove_roles:
      - {title: Calais mayor, date: 2015}
    correct_roles:
      - {title: Mayor of Calais, to: Mayor, date: 2016}
  - name: Nike
    kind: organisation
quotes:
  - {article: a1, text: "nothing left", speaker: Natacha Bouchart}
  - {article: a2, text: abandoned, hide: true}
figures:
  - {article: a1, value: "3,000", sentence: in the camp, year: 2014, counts: camp residents}
  - {article: a2, value: "1,200", hide: true}
articles:
  - {id: a2, date: 2016-05-01, title: New title, digest: pin}
  - {id: a3, digest: exclude}
`
	f, err := Parse("curation.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &File{
		Name: "curation.yaml",
		People: []Person{
			{Line: 3, Name: "Natacha Bouchart", Aliases: []string{"Natasha Bouchart"}, NeverMerge: []string{"Nathalie Bouchard"},
				AddRoles:     []Role{{Line: 7, Title: "Senator", Date: text.Date{Year: 2014, Month: 9}, Past: true, Source: "a1"}},
				RemoveRoles:  []Role{{Line: 9, Title: "Calais mayor", Date: text.Date{Year: 2015}}},
				CorrectRoles: []RoleFix{{Line: 11, Title: "Mayor of Calais", To: "Mayor", Date: text.Date{Year: 2016}}}},
			{Line: 12, Name: "Nike", Kind: "organisation"},
		},
		Quotes: []Quote{
			{Line: 15, Article: "a1", Text: "nothing left", Speaker: "Natacha Bouchart"},
			{Line: 16, Article: "a2", Text: "abandoned", Hide: true},
		},
		Figures: []Figure{
			{Line: 18, Article: "a1", Value: "3,000", Sentence: "in the camp", Year: 2014, Counts: "camp residents"},
			{Line: 19, Article: "a2", Value: "1,200", Hide: true},
		},
		Articles: []Article{
			{Line: 21, ID: "a2", Date: text.Date{Year: 2016, Month: 5, Day: 1}, Title: "New title", Digest: DigestPin},
			{Line: 22, ID: "a3", Digest: DigestExclude},
		},
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("Parse:\n got %+v\nwant %+v", f, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"not yaml", "people: [\n", "curation.yaml: line 1: not valid YAML"},
		{"not a mapping", "- a\n", "curation.yaml: line 1: want a mapping"},
		{"unknown top key", "persons: []\n", "curation.yaml: line 1: persons: unknown key"},
		{"unknown entry key", "people:\n  - name: X\n    alias: [Y]\n", "curation.yaml: line 3: people[0].alias: unknown key"},
		{"person without name", "people:\n  - aliases: [Y]\n", "curation.yaml: line 2: people[0].name: missing"},
		{"person asks nothing", "people:\n  - name: X\n", "curation.yaml: line 2: people[0]: asks for nothing"},
		{"bad kind", "people:\n  - name: X\n    kind: firm\n", "curation.yaml: line 3: people[0].kind: want person or organisation"},
		{"role without date", "people:\n  - name: X\n    add_roles:\n      - title: Mayor\n", "curation.yaml: line 4: people[0].add_roles[0].date: missing"},
		{"bad role date", "people:\n  - name: X\n    add_roles:\n      - {title: Mayor, date: 2014-13}\n", "curation.yaml: line 4: people[0].add_roles[0].date: date \"2014-13\" is not a real date"},
		{"correct asks nothing", "people:\n  - name: X\n    correct_roles:\n      - {title: Mayor}\n", "curation.yaml: line 4: people[0].correct_roles[0]: give the corrected title"},
		{"quote both", "quotes:\n  - {article: a, text: b, speaker: C, hide: true}\n", "curation.yaml: line 2: quotes[0]: give a speaker or hide: true, not both"},
		{"quote nothing", "quotes:\n  - {article: a, text: b}\n", "curation.yaml: line 2: quotes[0]: asks for nothing"},
		{"quote no text", "quotes:\n  - {article: a, hide: true}\n", "curation.yaml: line 2: quotes[0].text: missing"},
		{"hide not bool", "quotes:\n  - {article: a, text: b, hide: yes please}\n", "curation.yaml: line 2: quotes[0].hide: want true or false"},
		{"figure bad year", "figures:\n  - {article: a, value: '1', year: last}\n", "curation.yaml: line 2: figures[0].year: want a year"},
		{"figure hide and year", "figures:\n  - {article: a, value: '1', year: 2014, hide: true}\n", "curation.yaml: line 2: figures[0]: a hidden figure needs no year"},
		{"figure no value", "figures:\n  - {article: a, hide: true}\n", "curation.yaml: line 2: figures[0].value: missing"},
		{"article bad digest", "articles:\n  - {id: a, digest: always}\n", "curation.yaml: line 2: articles[0].digest: want exclude or pin"},
		{"article nothing", "articles:\n  - id: a\n", "curation.yaml: line 2: articles[0]: asks for nothing"},
		{"key twice", "quotes: []\nquotes: []\n", "curation.yaml: line 2: quotes: given twice"},
		{"list wanted", "quotes: {article: a}\n", "curation.yaml: line 1: quotes: want a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("curation.yaml", []byte(tt.src))
			var ce *Error
			if err == nil || !errors.As(err, &ce) {
				t.Fatalf("Parse = %v, want an *Error", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Parse error\n got %q\nwant prefix %q", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	f, err := Load(fstest.MapFS{"c/a.md": {Data: []byte("A.")}}, "c")
	if err != nil || !f.Empty() {
		t.Errorf("Load without a file = %+v, %v; want an empty file", f, err)
	}
	f, err = Load(fstest.MapFS{"c/curation.yaml": {Data: []byte("articles:\n  - {id: a, digest: pin}\n")}}, "c")
	if err != nil || len(f.Articles) != 1 {
		t.Errorf("Load = %+v, %v; want one article entry", f, err)
	}
	if _, err := Load(fstest.MapFS{"curation.yaml": {Data: []byte("articles: 3\n")}}, "."); err == nil || !strings.HasPrefix(err.Error(), "curation.yaml: line 1: articles:") {
		t.Errorf("Load of a bad file = %v", err)
	}
}
