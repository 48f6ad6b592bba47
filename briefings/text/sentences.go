package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period but do not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "mt": true, "gen": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"vs": true, "etc": true, "no": true, "nos": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "m": true, "mme": true, "rev": true, "hon": true, "approx": true,
	"fig": true, "est": true, "cf": true, "e.g": true, "i.e": true, "u.s": true, "u.k": true,
	"a.m": true, "p.m": true, "ph.d": true, "plc": true,
}

const closers = "\"'”’)]"

// SplitSentences returns the sentence spans of a paragraph. A sentence ends
// at . ! ? or … (plus any closing quotes or brackets) followed by space and
// a capital, a digit or an opening quote; abbreviations and initials do not
// end sentences.
func SplitSentences(p string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(p); {
		r, w := utf8.DecodeRuneInString(p[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += w
			continue
		}
		j := i + w
		for j < len(p) && strings.ContainsRune(".!?…", rune(p[j])) {
			j++
		}
		for j < len(p) {
			c, cw := utf8.DecodeRuneInString(p[j:])
			if !strings.ContainsRune(closers, c) {
				break
			}
			j += cw
		}
		if j >= len(p) {
			break
		}
		c, _ := utf8.DecodeRuneInString(p[j:])
		if !unicode.IsSpace(c) {
			i = j
			continue
		}
		k := j
		for k < len(p) {
			c, cw := utf8.DecodeRuneInString(p[k:])
			if !unicode.IsSpace(c) {
				break
			}
			k += cw
		}
		if k >= len(p) {
			break
		}
		next, _ := utf8.DecodeRuneInString(p[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"'“‘([£$€•–-", next)) {
			i = j
			continue
		}
		if r == '.' && isAbbreviation(p[start:i]) {
			i = j
			continue
		}
		out = append(out, trimSpan(p, start, j))
		start = k
		i = k
	}
	if s := trimSpan(p, start, len(p)); s.End > s.Start {
		out = append(out, s)
	}
	return out
}

// isAbbreviation looks at the word before a period.
func isAbbreviation(before string) bool {
	k := len(before)
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(before[:k])
		if unicode.IsSpace(r) || strings.ContainsRune("(\"“‘'", r) {
			break
		}
		k -= w
	}
	word := before[k:]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true // an initial: "George W. Bush"
	}
	return abbreviations[strings.ToLower(word)]
}

func trimSpan(p string, a, b int) Span {
	for a < b {
		r, w := utf8.DecodeRuneInString(p[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += w
	}
	for b > a {
		r, w := utf8.DecodeLastRuneInString(p[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= w
	}
	return Span{a, b}
}
