package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the class of a token.
type kind uint8

const (
	kWord  kind = iota // letters, with inner apostrophes: "don't", "Cazeneuve’s"
	kNum               // digits, with thousands separators and a decimal part: "1,097", "5.2"
	kPunct             // any other single rune: "%", "£", "-", "(", ","
)

// token is a word, a number or a punctuation rune with its byte span in the
// paragraph. glued says that no space separates it from the token before.
type token struct {
	s          string
	low        string // s in lower case, for words
	start, end int
	kind       kind
	glued      bool
}

func (t token) is(words ...string) bool {
	if t.kind != kWord {
		return false
	}
	for _, w := range words {
		if t.low == w || len(t.low) == len(w) && strings.EqualFold(t.s, w) {
			return true
		}
	}
	return false
}

func (t token) lower() string { return t.low }

// toLower lowers a word, without allocating when it is lower-case ASCII already.
func toLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// capitalised reports whether a word starts with an upper-case letter.
func (t token) capitalised() bool {
	if t.kind != kWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.s)
	return unicode.IsUpper(r)
}

func (t token) punct(set string) bool {
	return t.kind == kPunct && strings.Contains(set, t.s)
}

// tokenize splits a paragraph into tokens. Numbers keep "1,097" and "5.2"
// whole; a comma or point not followed by the right digits ends the number.
func tokenize(p string) []token { return tokenizeInto(nil, p) }

// tokenizeInto appends the tokens of p to toks[:0], reusing its memory.
func tokenizeInto(toks []token, p string) []token {
	toks = toks[:0]
	if cap(toks) == 0 {
		toks = make([]token, 0, len(p)/5+1)
	}
	glued := false
	for i := 0; i < len(p); {
		r, w := rune(p[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(p[i:])
		}
		switch {
		case r == ' ' || r == '\n' || r == '\t':
			glued = false
			i++
			continue
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			j := i + 1
			for j < len(p) && (p[j] >= 'a' && p[j] <= 'z' || p[j] >= 'A' && p[j] <= 'Z') {
				j++
			}
			if j < len(p) && p[j] >= utf8.RuneSelf || j < len(p) && p[j] == '\'' {
				j = scanWord(p, i, 1)
			}
			toks = append(toks, token{s: p[i:j], low: toLower(p[i:j]), start: i, end: j, kind: kWord, glued: glued})
			i = j
		case unicode.IsSpace(r):
			glued = false
			i += w
			continue
		case r >= '0' && r <= '9':
			j := scanNumber(p, i)
			toks = append(toks, token{s: p[i:j], start: i, end: j, kind: kNum, glued: glued})
			i = j
		case unicode.IsLetter(r):
			j := scanWord(p, i, w)
			toks = append(toks, token{s: p[i:j], low: toLower(p[i:j]), start: i, end: j, kind: kWord, glued: glued})
			i = j
		default:
			toks = append(toks, token{s: p[i : i+w], start: i, end: i + w, kind: kPunct, glued: glued})
			i += w
		}
		glued = true
	}
	return toks
}

// scanNumber returns the end of the number starting at i: digits, groups of
// three after commas ("1,097" but not "1,2"), and one decimal part.
func scanNumber(p string, i int) int {
	j := i
	for j < len(p) && isDigit(p[j]) {
		j++
	}
	for j+4 <= len(p) && p[j] == ',' && allDigits(p[j+1:j+4]) && (j+4 == len(p) || !isDigit(p[j+4])) {
		j += 4
	}
	if j+1 < len(p) && p[j] == '.' && isDigit(p[j+1]) {
		j++
		for j < len(p) && isDigit(p[j]) {
			j++
		}
	}
	return j
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// scanWord returns the end of the word whose first w bytes start at i:
// letters and marks, with an apostrophe kept between letters ("don't").
func scanWord(p string, i, w int) int {
	j := i + w
	for j < len(p) {
		r2, w2 := utf8.DecodeRuneInString(p[j:])
		if unicode.IsLetter(r2) || unicode.IsMark(r2) {
			j += w2
			continue
		}
		if (r2 == '\'' || r2 == '’') && j+w2 < len(p) {
			r3, _ := utf8.DecodeRuneInString(p[j+w2:])
			if unicode.IsLetter(r3) {
				j += w2
				continue
			}
		}
		break
	}
	return j
}
