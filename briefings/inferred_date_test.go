package briefings

import (
	"testing"
	"testing/fstest"
)

// A year guessed from the years an undated article names is given in the
// sources, marked as inferred, but never printed beside its items; a year
// that stands in a full date of the text is.
func TestInferredDatesInAnswers(t *testing.T) {
	fsys := fstest.MapFS{
		"weak.txt":   {Data: []byte("Cards plan pressed\n\nHome Secretary Charles Clarke said the cards would be ready by the time of the 2012 games. \"We will press on,\" Mr Clarke said. Plans were first made in 2012 and revised in 2012.\n")},
		"strong.txt": {Data: []byte("Deal signed\n\nThe deal was signed on August 5, 2025. \"It is a good deal,\" Home Secretary Jane Roe said.\n")},
	}
	e, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		who      string
		wantDate string
	}{
		{"charles clarke", ""},
		{"jane roe", "2025"},
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
			if len(r.Sources) != 1 || !r.Sources[0].DateInferred || r.Sources[0].Published == "" {
				t.Errorf("sources = %+v, want one with an inferred year", r.Sources)
			}
		})
	}
}
