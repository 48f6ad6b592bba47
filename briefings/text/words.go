package text

import (
	"strings"
	"unicode"
)

// Words splits text into lower-case words as the index's tokenizer sees
// them: letters and digits, an apostrophe inside a word kept.
func Words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '\'' || r == '’') && start >= 0)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, strings.ToLower(strings.TrimRight(s[start:i], "'’")))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(strings.TrimRight(s[start:], "'’")))
	}
	return out
}
