package figures

import (
	"testing"

	"github.com/briefbot/briefbot/briefings/text"
)

// An undated article's guessed year dates "this year" only when the guess
// rests on a full date of the text.
func TestInferredPublicationYear(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		wantYear int
	}{
		{"anchored", "The pact was signed on August 5, 2025.\n\nSome 1,097 people crossed so far this year.", 2025},
		{"unanchored", "Profits fell in 2004.\n\nSome 1,097 people crossed so far this year.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := text.Parse("x", []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			var got *Figure
			for _, f := range Extract(d) {
				if f.Text == "1,097" {
					got = &f
				}
			}
			if got == nil {
				t.Fatal("1,097 not found")
			}
			if got.Year != tt.wantYear {
				t.Errorf("year %d (%s), want %d", got.Year, got.YearFrom, tt.wantYear)
			}
		})
	}
}

func TestClockTimesAreNotYears(t *testing.T) {
	for _, body := range []string{
		"Almost 60% of viewers watched between 2000 and 2100 GMT.",
		"Almost 60% of viewers watched from 1900 to 2000 BST.",
		"Almost 60% of viewers watched at 2030 GMT.",
	} {
		for _, f := range ExtractText(body, text.Date{}) {
			if f.Year != 0 {
				t.Errorf("%q: %s has year %d (%s), want none", body, f.Text, f.Year, f.YearFrom)
			}
		}
	}
}
