package briefings

import (
	"testing"

	"github.com/briefbot/briefbot/briefings/people"
)

func TestNamedOthers(t *testing.T) {
	ps := []*people.Profile{
		{Name: "Blair", Mentions: 9}, {Name: "M Blair", Mentions: 5}, {Name: "Cherie Blair", Mentions: 3},
		{Name: "Ian Blair", Mentions: 4}, {Name: "Blair Foundation", Kind: people.Organisation, Mentions: 1},
	}
	got := namedOthers(ps)
	want := []string{"Ian Blair", "Cherie Blair", "Blair Foundation"}
	if len(got) != len(want) {
		t.Fatalf("got %d names, want %v", len(got), want)
	}
	for i, w := range want {
		if got[i].Name != w {
			t.Errorf("%d: %s, want %s", i, got[i].Name, w)
		}
	}
}

func TestTitleLike(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  bool
	}{
		{"home secretary", true}, {"chancellor of the exchequer", true}, {"chancellor chancellor", false},
		{"to set out what major technology companies think people", false}, {"prime minister", true},
	} {
		if got := titleLike(tc.title); got != tc.want {
			t.Errorf("titleLike(%q) = %v, want %v", tc.title, got, tc.want)
		}
	}
}

func TestStatement(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"British Prime Minister Keir Starmer stated,", false},
		{"Mr Alegre said:", false},
		{"What did Keir Starmer say about the UK-France migration deal?", false},
		{"Calais mayor Natacha Bouchart appeared before a committee.", true},
	} {
		if got := statement(tc.s); got != tc.want {
			t.Errorf("statement(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
