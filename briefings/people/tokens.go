package people

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/text"
)

// token is a word or a punctuation mark of a paragraph.
type token struct {
	start, end int    // byte span in the paragraph (a possessive 's is not part of it)
	text       string // the word as written, without a trailing dot or possessive
	word       bool   // letters or digits; otherwise one punctuation rune
	upper      bool   // starts with an upper-case letter
	allCaps    bool   // two or more letters, all upper-case ("HRW", "BBC")
	dot        bool   // an abbreviation or initial that swallowed its period ("M.", "Mr.", "J.")
	poss       bool   // followed by a possessive 's or ' ("Cazeneuve’s", "News'")
	sentStart  bool   // the first word of its sentence, or of a quotation or heading part
	lower      string // text in lower case
}

// isApostrophe reports the two apostrophes news text uses.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits a paragraph into tokens, marking sentence starts from the
// paragraph's sentence spans.
func tokenize(p text.Paragraph) []token {
	s := p.Text
	toks := make([]token, 0, len(s)/5+4)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{start: i, end: i + w, text: s[i : i+w], lower: s[i : i+w]})
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			c, cw := utf8.DecodeRuneInString(s[j:])
			if isWordRune(c) {
				j += cw
				continue
			}
			// An inner apostrophe or hyphen joins letters ("O'Brien",
			// "Schulte-Strathaus"), but not a possessive 's.
			if (isApostrophe(c) || c == '-' || c == '‐') && j+cw < len(s) {
				n, _ := utf8.DecodeRuneInString(s[j+cw:])
				if isWordRune(n) && !(isApostrophe(c) && isPossessiveS(s, j+cw)) {
					j += cw
					continue
				}
			}
			break
		}
		t := token{start: i, end: j, text: s[i:j], word: true}
		t.upper = unicode.IsUpper(r) || prefixedName(t.text)
		t.allCaps = isAllCaps(t.text)
		end := j
		if j < len(s) {
			c, cw := utf8.DecodeRuneInString(s[j:])
			switch {
			case isApostrophe(c) && isPossessiveS(s, j+cw):
				t.poss = true
				end = j + cw + 1
			case isApostrophe(c) && strings.HasSuffix(t.text, "s") && t.upper && (j+cw == len(s) || !isWordRune(firstRune(s[j+cw:]))):
				t.poss = true // plural possessive: "ITV News' editor"
				end = j + cw
			case c == '.' && takesDot(t.text):
				t.dot = true
				end = j + 1
			}
		}
		t.lower = lowerWord(t.text, t.upper)
		toks = append(toks, t)
		i = end
	}
	markSentenceStarts(toks, p)
	return toks
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isPossessiveS reports whether s[i:] is the "s" of a possessive 's.
func isPossessiveS(s string, i int) bool {
	if i >= len(s) || s[i] != 's' {
		return false
	}
	if i+1 == len(s) {
		return true
	}
	return !isWordRune(firstRune(s[i+1:]))
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// takesDot reports whether a word before a period is an abbreviation or an
// initial whose period belongs to it.
func takesDot(w string) bool {
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(w)) {
		return true
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "prof", "st", "mme", "mlle", "rev", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "jr", "sr":
		return true
	}
	return false
}

// markSentenceStarts flags the first word of each sentence, and the first
// word after an opening quote, a colon, a dash or a bullet.
func markSentenceStarts(toks []token, p text.Paragraph) {
	next := 0 // the next sentence start to reach
	fresh := true
	for i := range toks {
		t := &toks[i]
		for next < len(p.Sentences) && p.Sentences[next].Start < t.start {
			next++
		}
		if next < len(p.Sentences) && p.Sentences[next].Start == t.start {
			fresh = true
		}
		if !t.word {
			switch t.text {
			case "\"", "“", "‘", ":", "–", "—", "•", "(", "[", "|", "?", "!":
				fresh = true
			case "'":
				if i+1 < len(toks) && toks[i+1].start == t.end {
					fresh = true
				}
			}
			continue
		}
		t.sentStart = fresh
		fresh = false
	}
}

// prefixedName reports a name that starts with a lower-case particle
// joined to a capitalised word: "al-Gosaibi", "el-Baradei", "d'Estaing".
func prefixedName(w string) bool {
	i := strings.IndexAny(w, "-'’")
	if i <= 0 || i > 3 {
		return false
	}
	switch w[:i] {
	case "al", "el", "ad", "ar", "as", "ash", "at", "az", "d", "l", "o", "ibn", "bin", "ben", "abu":
	default:
		return false
	}
	_, w1 := utf8.DecodeRuneInString(w[i:])
	return i+w1 < len(w) && unicode.IsUpper(firstRune(w[i+w1:]))
}

// lowerWord lower-cases a word, without allocating for one already in
// lower case.
func lowerWord(w string, upper bool) string {
	if !upper {
		ascii := true
		for i := 0; i < len(w); i++ {
			if c := w[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
				ascii = false
				break
			}
		}
		if ascii {
			return w
		}
	}
	return strings.ToLower(w)
}
