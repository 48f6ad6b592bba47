package briefings

import (
	"strings"
	"sync"

	"github.com/briefbot/briefbot/briefings/search"
)

// demonyms pairs countries and regions with their adjectives.
var demonyms = [][2]string{
	{"France", "French"}, {"Britain", "British"}, {"UK", "British"}, {"England", "English"},
	{"Scotland", "Scottish"}, {"Wales", "Welsh"}, {"Ireland", "Irish"}, {"Spain", "Spanish"},
	{"Germany", "German"}, {"Italy", "Italian"}, {"China", "Chinese"}, {"Japan", "Japanese"},
	{"Russia", "Russian"}, {"America", "American"}, {"US", "American"}, {"India", "Indian"},
	{"Canada", "Canadian"}, {"Australia", "Australian"}, {"Netherlands", "Dutch"},
	{"Holland", "Dutch"}, {"Belgium", "Belgian"}, {"Greece", "Greek"}, {"Turkey", "Turkish"},
	{"Poland", "Polish"}, {"Sweden", "Swedish"}, {"Norway", "Norwegian"}, {"Denmark", "Danish"},
	{"Portugal", "Portuguese"}, {"Brazil", "Brazilian"}, {"Mexico", "Mexican"},
	{"Israel", "Israeli"}, {"Iran", "Iranian"}, {"Iraq", "Iraqi"}, {"Pakistan", "Pakistani"},
	{"Afghanistan", "Afghan"}, {"Egypt", "Egyptian"}, {"Europe", "European"},
	{"Africa", "African"}, {"Switzerland", "Swiss"}, {"Austria", "Austrian"},
	{"Korea", "Korean"}, {"Ukraine", "Ukrainian"}, {"Syria", "Syrian"}, {"Nigeria", "Nigerian"},
	{"Argentina", "Argentine"}, {"Chile", "Chilean"}, {"Kenya", "Kenyan"}, {"Zimbabwe", "Zimbabwean"},
}

// demonymIndex is demonyms looked up three ways.
type demonymIndex struct {
	other      map[string]string // each side, as an analysed term, to the other
	countries  map[string]bool   // countries and regions, lower case
	adjectives map[string]bool   // their adjectives, lower case
}

var demonymsIndexed = sync.OnceValue(func() demonymIndex {
	ix := demonymIndex{other: map[string]string{}, countries: map[string]bool{}, adjectives: map[string]bool{}}
	for _, d := range demonyms {
		if a, b := search.Terms(d[0]), search.Terms(d[1]); len(a) == 1 && len(b) == 1 {
			ix.other[a[0]], ix.other[b[0]] = b[0], a[0]
		}
		ix.countries[strings.ToLower(d[0])] = true
		ix.adjectives[strings.ToLower(d[1])] = true
	}
	return ix
})

// demonymOf maps each side of demonyms, as an analysed term, to the other.
func demonymOf() map[string]string { return demonymsIndexed().other }

// isCountry reports the name of a country or region of demonyms, any case.
func isCountry(w string) bool { return demonymsIndexed().countries[strings.ToLower(w)] }

// isDemonym reports the adjective of a country or region of demonyms, any
// case: "British", "French".
func isDemonym(w string) bool { return demonymsIndexed().adjectives[strings.ToLower(w)] }
