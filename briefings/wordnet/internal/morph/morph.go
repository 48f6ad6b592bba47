// Package morph finds the base form of an English word the way WordNet's
// morphy does: the exception lists for irregular forms, then the
// detachment rules of each part of speech, keeping only candidates that
// are WordNet lemmas. It is shared by the table generator (which keys
// multi-word expressions by their lemmatised words) and the run-time
// lookup, so both sides lemmatise alike.
package morph

import "strings"

// POS is a set of WordNet parts of speech.
type POS uint8

// The parts of speech, as bits of a POS set.
const (
	Noun POS = 1 << iota
	Verb
	Adj
	Adv
)

// Letters are the one-letter WordNet names of the parts of speech, in bit
// order: n, v, a, r.
const Letters = "nvar"

// ParsePOS reads a set written with Letters ("nv" is a noun and a verb);
// unknown letters are ignored ("s", a satellite adjective, is an adjective).
func ParsePOS(s string) POS {
	var p POS
	for _, c := range s {
		switch c {
		case 'n':
			p |= Noun
		case 'v':
			p |= Verb
		case 'a', 's':
			p |= Adj
		case 'r':
			p |= Adv
		}
	}
	return p
}

// String writes the set with Letters.
func (p POS) String() string {
	var b strings.Builder
	for i := 0; i < len(Letters); i++ {
		if p&(1<<i) != 0 {
			b.WriteByte(Letters[i])
		}
	}
	return b.String()
}

// Entry is what Lemma needs to know of a WordNet lemma: its parts of speech
// and how often its senses were tagged in WordNet's sense-tagged texts
// (all senses, all parts of speech), which decides between candidates.
type Entry struct {
	POS   POS
	Count int
}

// Lexicon holds WordNet's single-word lemmas and its exception lists.
type Lexicon struct {
	// Lemmas maps a lower-case lemma to its entry.
	Lemmas map[string]Entry
	// Exceptions maps an irregular inflected form to its bases.
	Exceptions map[string]Irregular
}

// Irregular is what WordNet's exception lists say of an inflected form: its
// base forms ("left" -> "leave"), and the parts of speech whose lists hold
// it, for which the detachment rules are not tried ("taxis" is listed as a
// noun, its own plural; as a verb the rules still make it "taxi").
type Irregular struct {
	POS   POS
	Bases []string
}

// rule replaces a suffix to undo an inflection of one part of speech.
type rule struct {
	pos          POS
	suffix, base string
}

// rules are morphy's detachment rules, in its order.
var rules = []rule{
	{Noun, "s", ""}, {Noun, "ses", "s"}, {Noun, "xes", "x"}, {Noun, "zes", "z"},
	{Noun, "ches", "ch"}, {Noun, "shes", "sh"}, {Noun, "men", "man"}, {Noun, "ies", "y"},
	{Verb, "s", ""}, {Verb, "ies", "y"}, {Verb, "es", "e"}, {Verb, "es", ""},
	{Verb, "ed", "e"}, {Verb, "ed", ""}, {Verb, "ing", "e"}, {Verb, "ing", ""},
	{Adj, "er", ""}, {Adj, "est", ""}, {Adj, "er", "e"}, {Adj, "est", "e"},
}

// Lemma returns the base form of a lower-case word: of its candidates (the
// bases its exception lists give, the word itself when it is a lemma, and
// the bases the detachment rules give, in that order) the one whose senses
// were tagged most often, the first on a tie. So "left" -> "leave" but
// "ground" stays "ground" (not "grind"), "called" -> "call" and "resigned"
// -> "resign", but "wales" is not "wale". A word WordNet does not know is
// returned unchanged.
func (l *Lexicon) Lemma(word string) string {
	best, bestCount := word, -1
	consider := func(cand string) {
		if e, ok := l.Lemmas[cand]; ok && e.Count > bestCount {
			best, bestCount = cand, e.Count
		}
	}
	irr := l.Exceptions[word]
	for _, b := range irr.Bases {
		consider(b)
	}
	consider(word)
	for _, r := range rules {
		if irr.POS&r.pos != 0 || !applies(r, word) {
			continue
		}
		cand := word[:len(word)-len(r.suffix)] + r.base
		if e, ok := l.Lemmas[cand]; ok && e.POS&r.pos != 0 && e.Count > bestCount {
			best, bestCount = cand, e.Count
		}
	}
	return best
}

// applies reports whether rule r may be tried on word: morphy leaves nouns
// of two letters or ending in "ss" alone ("glass" is not "glas"), and no
// rule may leave fewer than two letters.
func applies(r rule, word string) bool {
	if !strings.HasSuffix(word, r.suffix) || len(word)-len(r.suffix)+len(r.base) < 2 {
		return false
	}
	if r.pos == Noun && (len(word) <= 2 || strings.HasSuffix(word, "ss")) {
		return false
	}
	return true
}
