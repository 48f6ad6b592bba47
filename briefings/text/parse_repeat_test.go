package text

import "testing"

func TestParseKeepsRepeatedSpeakerLinesAndDropsRepeatedHeadlines(t *testing.T) {
	raw := "Police struggle to stop the crossings\n\nPolice struggle to stop the crossings\n\nMr Alegre said,\n\n“One.”\n\nMr Alegre said,\n\n“Two.”\n\nWe will act.\n\n– Jane Doe, Mayor\n\nWe will not.\n\n– Jane Doe, Mayor\n\nJos&#233; Manuel Barroso spoke &amp; left.\n"
	d, err := Parse("x", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, p.Text)
	}
	want := []string{"Police struggle to stop the crossings", "Mr Alegre said,", "“One.”", "Mr Alegre said,", "“Two.”",
		"We will act.", "– Jane Doe, Mayor", "We will not.", "– Jane Doe, Mayor", "José Manuel Barroso spoke & left."}
	if len(got) != len(want) {
		t.Fatalf("paragraphs = %q\nwant %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestInferredDateAnchoredByAFullDate(t *testing.T) {
	tests := []struct {
		body         string
		year         int
		wantAnchored bool
	}{
		{"The deal was ratified on August 5, 2025. It runs into 2025.", 2025, true},
		{"Paris, 20 September 2014\n\nThe ministers met in 2014.", 2014, true},
		{"Sales rose in 2004 and again in 2004.", 2004, false},
		{"No year at all.", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			d, err := Parse("x", []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if d.Meta.Published.Year != tt.year || d.Meta.DateAnchored != tt.wantAnchored {
				t.Errorf("year %d anchored %v, want %d %v", d.Meta.Published.Year, d.Meta.DateAnchored, tt.year, tt.wantAnchored)
			}
		})
	}
}
