package briefings

import (
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/internal/textdist"

	"golang.org/x/text/unicode/norm"

	"github.com/briefbot/briefbot/briefings/people"
)

// guardLookup wraps a directory lookup so that a name found only by
// fuzzy matching is a typo of the person's name, not another name: every
// word asked must be one of the person's words, or that word with a slip
// small for its length ("cazenueve", "blunket", "natasha"). A longer or
// shorter name ("marcus" for Marc, "johnson" for John) is a different
// name: the person is suggested instead ("Did you mean Marc Alegre?").
func guardLookup(lookup func(string) people.Match) func(string) people.Match {
	return func(name string) people.Match {
		m := lookup(name)
		if m.Found == nil || nameFits(name, m.Found) {
			return m
		}
		sugg := []*people.Profile{m.Found}
		for _, s := range m.Suggestions {
			if s != m.Found {
				sugg = append(sugg, s)
			}
		}
		return people.Match{Suggestions: sugg}
	}
}

// askedTitles are words a user may put before a name that no name holds.
var askedTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true, "lord": true,
	"lady": true, "prof": true, "professor": true, "the": true, "mx": true,
}

// nameFits reports whether every word of the asked name is a word of the
// profile's name or aliases, an initial of one, or a small slip of one.
func nameFits(asked string, p *people.Profile) bool {
	var own []string
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		own = append(own, nameWords(n)...)
	}
	if len(own) == 0 {
		return true // nothing to compare with: trust the directory
	}
	words := nameWords(asked)
	checked := 0
	for _, w := range words {
		if askedTitles[w] {
			continue
		}
		checked++
		if !wordFits(w, own) {
			return false
		}
	}
	return checked > 0 || len(words) == 0
}

// wordFits reports whether w is one of the words, an initial of one, or
// a slip of one: one edit in a word of four to six letters, two in a
// longer word, none in a shorter one; never a word cut short or run on by
// two letters or more, which is another name.
func wordFits(w string, own []string) bool {
	rw := []rune(w)
	for _, o := range own {
		if o == w {
			return true
		}
		ro := []rune(o)
		if len(rw) == 1 && len(ro) > 0 && ro[0] == rw[0] {
			return true // an initial: "b cazeneuve"
		}
		if d := len(ro) - len(rw); (d >= 2 || d <= -2) && (strings.HasPrefix(o, w) || strings.HasPrefix(w, o)) {
			continue
		}
		n := min(len(rw), len(ro))
		allowed := 0
		switch {
		case n >= 7:
			allowed = 2
		case n >= 4:
			allowed = 1
		}
		if allowed > 0 && textdist.OSA(rw, ro, allowed) <= allowed {
			return true
		}
	}
	return false
}

// nameWords are the words of a name, lower case, accents and dots dropped:
// "Mr. Bernard Cazeneuve's" is [mr bernard cazeneuve].
func nameWords(s string) []string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	out := strings.Fields(b.String())
	for i, w := range out {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		out[i] = strings.Trim(w, "'’-")
	}
	return out
}
