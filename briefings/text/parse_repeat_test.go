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
