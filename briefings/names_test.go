package briefings

import (
	"testing"

	"github.com/briefbot/briefbot/briefings/people"
)

func TestGuardLookup(t *testing.T) {
	alegre := &people.Profile{ID: "a", Name: "Marc Alegre", Aliases: []string{"Mr Alegre"}}
	caz := &people.Profile{ID: "c", Name: "Bernard Cazeneuve"}
	bouchart := &people.Profile{ID: "b", Name: "Natacha Bouchart"}
	found := map[string]*people.Profile{
		"marcus": alegre, "marc": alegre, "mr alegre": alegre, "alegr": alegre, "marcus alegre": alegre,
		"cazenueve": caz, "b cazeneuve": caz, "cazen": caz, "natasha bouchart": bouchart, "bouchard": bouchart,
	}
	guarded := guardLookup(func(name string) people.Match { return people.Match{Found: found[name]} })
	for _, tc := range []struct {
		name    string
		want    *people.Profile // nil: suggested, not found
		suggest *people.Profile
	}{
		{"marc", alegre, nil},
		{"mr alegre", alegre, nil},
		{"alegr", alegre, nil}, // one letter dropped from a six-letter word
		{"cazenueve", caz, nil},
		{"b cazeneuve", caz, nil},
		{"natasha bouchart", bouchart, nil},
		{"bouchard", bouchart, nil},
		{"marcus", nil, alegre},        // a longer name is another name
		{"marcus alegre", nil, alegre}, // every word must fit
		{"cazen", nil, caz},            // a name cut short
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := guarded(tc.name)
			if m.Found != tc.want {
				t.Fatalf("found %v, want %v", m.Found, tc.want)
			}
			if tc.suggest != nil && (len(m.Suggestions) == 0 || m.Suggestions[0] != tc.suggest) {
				t.Errorf("suggestions %v, want %s first", m.Suggestions, tc.suggest.Name)
			}
		})
	}
}

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
