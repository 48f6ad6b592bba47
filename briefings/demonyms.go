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

// demonymOf maps each side of demonyms, as analysed terms, to the other.
var demonymOf = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 2*len(demonyms))
	for _, d := range demonyms {
		a, b := search.Terms(d[0]), search.Terms(d[1])
		if len(a) == 1 && len(b) == 1 {
			m[a[0]], m[b[0]] = b[0], a[0]
		}
	}
	return m
})

// isCountry reports the name of a country or region of demonyms, any case.
func isCountry(w string) bool {
	return countryNames()[strings.ToLower(w)]
}

var countryNames = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(demonyms))
	for _, d := range demonyms {
		m[strings.ToLower(d[0])] = true
	}
	return m
})

// isDemonym reports the adjective of a country or region of demonyms, any
// case: "British", "French".
func isDemonym(w string) bool {
	return adjectives()[strings.ToLower(w)]
}

var adjectives = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(demonyms))
	for _, d := range demonyms {
		m[strings.ToLower(d[1])] = true
	}
	return m
})
