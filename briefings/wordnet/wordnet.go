package wordnet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Relation says how a related term is related to a lemma.
type Relation uint8

// The relations Related gives.
const (
	// Synonym: the two words share a sense both commonly have ("buy",
	// "purchase"; "quit", "resign").
	Synonym Relation = iota + 1
	// Derived: WordNet links the two words as derivationally related forms
	// ("resign", "resignation").
	Derived
	// Pertainym: one word pertains to the other ("irregularly",
	// "irregular"; "national", "nation").
	Pertainym
	// Narrower: the term is a more specific word for the lemma's sense (a
	// hyponym or troponym: "call" -> "entitle", "taxi" -> "minicab"),
	// taken only from senses with few of them. A question tends to use the
	// general word and an article the specific one; the other way round
	// (broader terms) was measured to rank the right sentence lower.
	Narrower
)

// String names the relation.
func (r Relation) String() string {
	switch r {
	case Synonym:
		return "synonym"
	case Derived:
		return "derived"
	case Pertainym:
		return "pertainym"
	case Narrower:
		return "narrower"
	}
	return "unknown"
}

// Term is a word or multi-word expression related to a lemma, with the
// weight a query should give it relative to the lemma itself (1). The
// weight grows with the chance, estimated from WordNet's sense-tagged
// counts, that the words mean the senses that relate them, up to 0.6 for
// derived forms and pertainyms, 0.5 for synonyms and 0.4 for narrower
// terms; terms whose chance is under 4% are left out.
type Term struct {
	Word   string
	Rel    Relation
	Weight float64
}

// MaxPhraseWords is the length, in words, of the longest expression
// MatchPhrase recognises.
const MaxPhraseWords = 4

// Load reads the embedded table now rather than on first use, and reports
// whether it could be read. Callers that want the cost paid at start-up, or
// the failure logged, call it once; the lookups work without it. After a
// failure every lookup behaves as if WordNet knew no word.
func Load() error {
	return get().err
}

// Lemma returns the lower-case base form of a word: the exception lists
// for irregular forms ("left" -> "leave", "bought" -> "buy", "took" ->
// "take"), then WordNet's detachment rules for nouns, verbs and adjectives
// ("mobiles" -> "mobile", "resigned" -> "resign"), preferring the more
// frequent lemma where there is a choice ("ground" stays "ground"). A
// possessive ending is dropped ("minister's" -> "minister"). A word
// WordNet does not know is returned lower-cased. Adverbs are their own
// lemma ("irregularly"); Related links them to their adjective.
func Lemma(word string) string {
	word = lower(word)
	word = strings.TrimSuffix(word, "'s")
	word = strings.TrimSuffix(word, "\u2019s")
	if strings.HasSuffix(word, "s'") {
		word = word[:len(word)-1]
	}
	t := get()
	if t.err != nil || word == "" {
		return word
	}
	return t.lex.Lemma(word)
}

// Common reports a word WordNet knows in a sense that is not a proper
// name, in any of its forms: "cotton", "some" and "cities" are common;
// "taylor" (a proper name only) and "fearne" (unknown) are not.
func Common(word string) bool {
	t := get()
	if t.err != nil {
		return false
	}
	e, ok := t.lex.Lemmas[Lemma(word)]
	return ok && !e.Proper
}

// Inflections returns the irregular forms of a lemma that WordNet's
// exception lists give and that Lemma maps back to it, sorted: "buy" ->
// "bought"; "take" -> "taken", "took"; "child" -> "children". A form that
// is more often a word of its own is left out ("ground" is not given for
// "grind"). Regular forms ("resigned") are not listed: a stemmer or Lemma
// finds them. It returns nil when there are none. Each call returns a new
// slice.
func Inflections(lemma string) []string {
	t := get()
	if t.err != nil {
		return nil
	}
	return append([]string(nil), t.inflections[lemma]...)
}

// Related returns the terms WordNet relates to a lemma (a Lemma result or
// a MatchPhrase expression), heaviest first, at most 24: synonyms, derived
// forms, pertainyms and narrower terms, without stop words, proper names
// or expressions of more than three words. It returns nil for a word
// WordNet relates to none. Each call returns a new slice.
func Related(lemma string) []Term {
	t := get()
	if t.err != nil {
		return nil
	}
	raw, ok := t.related[lemma]
	if !ok {
		return nil
	}
	terms, err := parseTerms(raw)
	if err != nil {
		return nil // the embedded table's terms are all checked by its tests
	}
	return terms
}

// MatchPhrase reports the longest WordNet multi-word expression that
// starts at tokens[i], where tokens are lemmas (Lemma results, in order):
// the expression as WordNet writes it, with single spaces ("come into
// force" is not in WordNet; "take effect" is), and the number of tokens it
// spans. It returns "", 0 when none starts there.
func MatchPhrase(tokens []string, i int) (phrase string, n int) {
	t := get()
	if t.err != nil || i < 0 || i+1 >= len(tokens) {
		return "", 0
	}
	for _, p := range t.phrases[[2]string{tokens[i], tokens[i+1]}] {
		if i+len(p.words) <= len(tokens) && equal(p.words[2:], tokens[i+2:i+len(p.words)]) {
			return p.lemma, len(p.words)
		}
	}
	return "", 0
}

func equal(a, b []string) bool {
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// lower lower-cases a word without allocating when it has no upper case.
func lower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsUpper(r) {
			return strings.ToLower(s)
		}
		i += n
	}
	return s
}
