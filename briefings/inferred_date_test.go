package briefings

import (
	"testing"
	"testing/fstest"
)

// A year guessed from the years an undated article names is shown only
// when the evidence is strong (the text names it far more than any other
// year): then the sources give it, marked as inferred, and items carry it
// when it also stands in a full date. A weaker guess leaves the article
// undated.
func TestInferredDatesInAnswers(t *testing.T) {
	fsys := fstest.MapFS{
		"weak.txt":     {Data: []byte("Cards plan pressed\n\nHome Secretary Charles Clarke said the cards would be ready by the time of the 2012 games. \"We will press on,\" Mr Clarke said. Plans were first made in 2012 and revised in 2012.\n")},
		"anchored.txt": {Data: []byte("Deal signed\n\nThe deal was signed on August 5, 2025. \"It is a good deal,\" Home Secretary Jane Roe said.\n")},
		"sure.txt": {Data: []byte("Pact sealed\n\nThe pact was sealed on March 3, 2025. \"It is a fair pact,\" Interior Minister Paul Doe said. " +
			"Crossings in 2025 rose. Budgets for 2025 grew. Talks in 2025 went well. Ferries in 2025 were full. Trade in 2025 held up.\n")},
	}
	e, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		who        string
		wantDate   string // beside items
		wantSource string // in the sources list
	}{
		{"charles clarke", "", ""},
		{"jane roe", "", ""},
		{"paul doe", "2025", "2025"},
	}
	for _, tt := range tests {
		t.Run(tt.who, func(t *testing.T) {
			r := e.Who(tt.who)
			if r.Kind != KindWho {
				t.Fatalf("Who(%q) = %s %q", tt.who, r.Kind, r.Title)
			}
			items := 0
			for _, sec := range r.Sections {
				for _, it := range sec.Items {
					if it.Source != "" {
						items++
						if it.Date != tt.wantDate {
							t.Errorf("%s item %q dated %q, want %q", sec.Heading, it.Text, it.Date, tt.wantDate)
						}
					}
				}
			}
			if items == 0 {
				t.Fatal("no cited items")
			}
			if len(r.Sources) != 1 || r.Sources[0].Published != tt.wantSource || r.Sources[0].DateInferred != (tt.wantSource != "") {
				t.Errorf("sources = %+v, want one dated %q", r.Sources, tt.wantSource)
			}
		})
	}
}
