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

// Entry is what Lemma needs to know of a WordNet lemma: its parts of
// speech, how often its senses of each were tagged in WordNet's
// sense-tagged texts (which decides between candidates), and whether
// WordNet knows it only as a proper name.
type Entry struct {
	POS POS
	// Counts holds the tagged counts by part of speech, in Letters order.
	Counts [4]int
	// Proper is set when every sense is a proper name ("james", "kent"):
	// such a word is a name, not an inflected form ("jam", "ken").
	Proper bool
}

// Count sums the tagged counts of the parts of speech in p.
func (e Entry) Count(p POS) int {
	n := 0
	for i := range e.Counts {
		if p&(1<<i) != 0 {
			n += e.Counts[i]
		}
	}
	return n
}

// all is every part of speech.
const all = Noun | Verb | Adj | Adv

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
// were tagged most often in the part of speech that makes it a candidate,
// the first on a tie. So "left" -> "leave" but "ground" stays "ground"
// (not "grind"), "called" -> "call" and "resigned" -> "resign", but
// "wales" is not "wale". A name (a word WordNet knows only as a proper
// name) is never a base made by the rules ("nhs" is not "nh"), and stays as
// it is unless an exception list makes it a form of a word tagged in that
// use ("led" -> "lead", but "james" is not "jam"). A word WordNet does not
// know is returned unchanged.
func (l *Lexicon) Lemma(word string) string {
	self, isLemma := l.Lemmas[word]
	best, bestCount := word, -1
	if isLemma && self.Proper {
		bestCount = 0
	}
	consider := func(cand string, pos POS) {
		if e, ok := l.Lemmas[cand]; ok && !e.Proper && e.POS&pos != 0 && e.Count(pos) > bestCount {
			best, bestCount = cand, e.Count(pos)
		}
	}
	irr := l.Exceptions[word]
	for _, b := range irr.Bases {
		consider(b, irr.POS)
	}
	if isLemma && self.Proper {
		return best
	}
	consider(word, all)
	for _, r := range rules {
		if irr.POS&r.pos == 0 && applies(r, word) && !(r.pos == Verb && r.suffix == "ed" && r.base == "" && l.isVerb(word[:len(word)-1])) {
			consider(word[:len(word)-len(r.suffix)]+r.base, r.pos)
		}
	}
	return best
}

// isVerb reports whether a lemma is a verb. When a past form ends in
// "ed" and both its stem with an e and its bare stem are verbs, the past is
// the e verb's: the bare stem would have doubled its consonant ("raped" is
// from "rape", "rapped" from "rap").
func (l *Lexicon) isVerb(w string) bool {
	e, ok := l.Lemmas[w]
	return ok && e.POS&Verb != 0
}

// applies reports whether rule r may be tried on word: morphy leaves nouns
// of two letters or ending in "ss" alone ("glass" is not "glas"); no rule
// may leave fewer than two letters; and a verb takes "es" only after s, x,
// z, ch, sh or o ("fixes", "goes"), so "planes" is not "plan" + "es".
func applies(r rule, word string) bool {
	if !strings.HasSuffix(word, r.suffix) || len(word)-len(r.suffix)+len(r.base) < 2 {
		return false
	}
	if r.pos == Noun && (len(word) <= 2 || strings.HasSuffix(word, "ss")) {
		return false
	}
	if r.pos == Verb && r.suffix == "es" && r.base == "" {
		stem := word[:len(word)-2]
		return strings.HasSuffix(stem, "s") || strings.HasSuffix(stem, "x") || strings.HasSuffix(stem, "z") ||
			strings.HasSuffix(stem, "ch") || strings.HasSuffix(stem, "sh") || strings.HasSuffix(stem, "o")
	}
	return true
}
