package people

import (
	"sort"
	"strings"
	"testing"
)

func TestBuildWithRules(t *testing.T) {
	doc := func(id string, names ...string) DocInput {
		r := &DocResult{}
		for i, n := range names {
			r.Entities = append(r.Entities, &Entity{Key: id + string(rune('a'+i)), Name: n, Kind: Person})
		}
		return DocInput{DocID: id, Result: r}
	}
	inputs := []DocInput{doc("d1", "Natacha Bouchart"), doc("d2", "Natasha Bouchart"), doc("d3", "Natalie Bouchart"), doc("d4", "John Reid", "John Reed")}
	tests := []struct {
		name  string
		rules Rules
		want  string // profiles: name and articles, sorted
	}{
		{"no rules", Rules{}, "John Reed d4|John Reid d4|Natacha Bouchart d1 d2|Natalie Bouchart d3"},
		{"same, shown under the first name", Rules{Same: [][]string{{"N. Bouchart", "Natalie Bouchart", "Natasha Bouchart"}}},
			"John Reed d4|John Reid d4|N. Bouchart d1 d2 d3"},
		{"apart beats a spelling variant", Rules{Apart: [][2]string{{"Natacha Bouchart", "Natasha Bouchart"}}},
			"John Reed d4|John Reid d4|Natacha Bouchart d1|Natalie Bouchart d3|Natasha Bouchart d2"},
		{"apart beats same", Rules{Same: [][]string{{"Natacha Bouchart", "Natalie Bouchart"}}, Apart: [][2]string{{"Natalie Bouchart", "Natacha Bouchart"}}},
			"John Reed d4|John Reid d4|Natacha Bouchart d1 d2|Natalie Bouchart d3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := BuildWith(nil, inputs, tt.rules)
			var got []string
			for _, p := range d.Profiles {
				got = append(got, p.Name+" "+strings.Join(p.DocIDs, " "))
			}
			sort.Strings(got)
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("profiles\n got %s\nwant %s", g, tt.want)
			}
		})
	}
}
