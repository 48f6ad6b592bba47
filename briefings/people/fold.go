package people

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/textdist"

	"golang.org/x/text/unicode/norm"
)

// fold lower-cases a name, strips accents ("Gérald" -> "gerald"), turns
// hyphens, apostrophes and dots into spaces or nothing, and collapses space.
func fold(s string) string {
	if f, ok := foldASCII(s); ok {
		return f
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case r == '\'' || r == '’' || r == '.':
			continue
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// foldASCII is fold for ASCII text without allocation when nothing
// changes; ok is false when s holds other runes.
func foldASCII(s string) (string, bool) {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i+1] != ' ':
		default:
			clean = false
		}
	}
	if clean {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, c)
			space = false
		case c == '\'' || c == '.':
		default:
			if !space {
				b = append(b, ' ')
				space = true
			}
		}
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b), true
}

// letterMask is a 64-bit set of the letters of s: two strings within edit
// distance d differ in at most 2d bits, a cheap filter before Levenshtein.
func letterMask(s string) uint64 {
	var m uint64
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			m |= 1 << (r - 'a')
		case r >= '0' && r <= '9':
			m |= 1 << (26 + r - '0')
		case r == ' ':
			m |= 1 << 36
		default:
			m |= 1 << (37 + uint(r)%27)
		}
	}
	return m
}

// slug turns a name into an id: "Gérald Darmanin" -> "gerald-darmanin".
func slug(name string) string {
	f := fold(name)
	if f == "" {
		return "x"
	}
	return strings.ReplaceAll(f, " ", "-")
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// misspelt reports a surname written with one slip: one letter wrong,
// missing or extra in a name of six letters or more ("Daveport" for
// "Davenport"), or two letters after the first swapped in one of five or
// more ("Kudja" for "Kujda").
func misspelt(name, written string) bool {
	if runeLen(name) >= 6 && runeLen(written) >= 6 && textdist.Levenshtein(name, written, 1) == 1 {
		return true
	}
	a, b := []rune(name), []rune(written)
	if len(a) != len(b) || len(a) < 5 || a[0] != b[0] {
		return false
	}
	for i := 1; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i] != a[i+1] && string(a[i+2:]) == string(b[i+2:])
		}
	}
	return false
}
