package people

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// englishText is a sorted list of common English words in lower case, one a
// line (see english/README.md).
//
//go:embed english/words.txt
var englishText string

var (
	englishOnce  sync.Once
	englishWords []string
)

// isEnglishWord reports whether a lower-case word is a common English word:
// "division", "rescue", "worlds", but not "staunton" or "ceplak". A
// capitalised word that is not one is more likely a name.
func isEnglishWord(lower string) bool {
	englishOnce.Do(func() {
		englishWords = strings.Split(strings.TrimSpace(englishText), "\n")
	})
	i := sort.SearchStrings(englishWords, lower)
	return i < len(englishWords) && englishWords[i] == lower
}

// allEnglish reports whether every word of tokens [a, b) is a common English
// word and none a known first name: "Joy Division", "Calendar Girls" are
// things, "Boy George" may be a person.
func (x *extractor) allEnglish(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if !isEnglishWord(toks[k].lower) || x.isGiven(toks[k]) {
			return false
		}
	}
	return true
}

// isCompound reports a word made of two common words of three letters or
// more: "matchwinner", "playmaker".
func isCompound(lower string) bool {
	for i := 3; i+3 <= len(lower); i++ {
		if isEnglishWord(lower[:i]) && isEnglishWord(lower[i:]) {
			return true
		}
	}
	return false
}
