package briefings

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A surname shared only by one full name answers with that person; the
// person's own short name is never a related person; a name close to no
// one gets no suggestion but who the corpus knows best.
func TestWhoNames(t *testing.T) {
	md := func(body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\npublisher: Wire\npublished: 2005-01-10\n---\n" + body)}
	}
	e, err := Load(fstest.MapFS{
		"c/a.md": md("East Midlands MEP Robert Kilroy-Silk said he wanted to change politics. Party leader Roger Knapman said he was sorry to see him go.\n"),
		"c/b.md": md("Kilroy-Silk said the party had lost its way. Roger Knapman disagreed.\n"),
		"c/c.md": md("Robert Kilroy-Silk launched a new party on Wednesday, said Roger Knapman.\n"),
		"c/d.md": md("Teacher Angela Smith said the school would open on Monday.\n"),
	}, "c")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ask      string
		kind     Kind
		has, not []string
	}{
		{ask: "kilroy-silk", kind: KindWho, has: []string{"Robert Kilroy-Silk", "Roger Knapman"}, not: []string{"Several people", "\nKilroy-Silk |"}},
		{ask: "angela merkel", kind: KindNotFound, has: []string{"The people it mentions most"}, not: []string{"Did you mean"}},
		{ask: "roger knapmann", kind: KindWho, has: []string{"Roger Knapman"}},
	}
	for _, tc := range tests {
		t.Run(tc.ask, func(t *testing.T) {
			r := e.Who(tc.ask)
			got := flat(r)
			if r.Kind != tc.kind {
				t.Errorf("kind %s, want %s:\n%s", r.Kind, tc.kind, got)
			}
			checkHolds(t, got, tc.has, tc.not)
			if rel := section(r, "Related people"); rel != nil {
				for _, it := range rel.Items {
					if strings.HasPrefix(it.Text, "Kilroy-Silk") {
						t.Errorf("the person's own surname is a related person: %q", it.Text)
					}
				}
			}
		})
	}
}

// One quote reported by several outlets (cut with an ellipsis, spelt with
// a hyphen, or in full) is one item: the fullest report, citing them all.
func TestWhoQuoteFromSeveralOutlets(t *testing.T) {
	md := func(pub, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\npublisher: " + pub + "\npublished: 2014-11-05\n---\n" + body)}
	}
	e, err := Load(fstest.MapFS{
		"c/a.md": md("One", "Interior Minister Jean Dupont said: \"It would be useful to have more policemen here... to explain to the migrants that crossing is impossible.\"\n"),
		"c/b.md": md("Two", "\"It would be useful to have more policemen here and to find a common system, to explain to the migrants that crossing is impossible,\" Interior Minister Jean Dupont said.\n"),
		"c/c.md": md("Three", "Interior Minister Jean Dupont said: \"We want more co-operation on this point.\" He also said: \"We want more cooperation on this point.\"\n"),
	}, "c")
	if err != nil {
		t.Fatal(err)
	}
	r := e.Who("jean dupont")
	sec := section(r, "Quotes")
	if sec == nil {
		t.Fatalf("no quotes:\n%s", flat(r))
	}
	if len(sec.Items) != 2 {
		t.Fatalf("%d quote items, want 2:\n%s", len(sec.Items), flat(r))
	}
	full := sec.Items[0]
	if !strings.Contains(full.Text, "common system") || len(full.Also) != 1 {
		t.Errorf("first quote = %+v, want the full report citing both outlets", full)
	}
}
