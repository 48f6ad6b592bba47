package morph

import "testing"

// entry makes an Entry with the counts given for its parts of speech in
// order (one count for all of them when only one is given).
func entry(pos POS, counts ...int) Entry {
	e := Entry{POS: pos}
	k := 0
	for i := range e.Counts {
		if pos&(1<<i) != 0 && k < len(counts) {
			e.Counts[i] = counts[k]
			if len(counts) > 1 {
				k++
			}
		}
	}
	return e
}

func TestLemma(t *testing.T) {
	lex := &Lexicon{
		Lemmas: map[string]Entry{
			"leave": entry(Verb|Noun, 400), "left": entry(Adj|Noun, 80),
			"grind": entry(Verb, 10), "ground": entry(Noun|Verb, 110),
			"call": entry(Verb|Noun, 270), "called": entry(Adj, 40),
			"taxi": entry(Verb|Noun, 7), "taxis": entry(Noun, 0),
			"glass": entry(Noun, 30), "wales": entry(Noun, 0), "wale": entry(Noun, 0),
			"box": entry(Noun|Verb, 20), "church": entry(Noun, 40), "lorry": entry(Noun, 1),
			"woman": entry(Noun, 90), "make": entry(Verb, 900), "big": entry(Adj, 50),
			"ha": entry(Noun, 0), "us": entry(Noun, 0),
			"james": {POS: Noun, Proper: true}, "jam": entry(Noun|Verb, 3, 5),
			"plane": entry(Noun|Verb, 10, 0), "plan": entry(Noun|Verb, 20, 50),
			"fix": entry(Noun|Verb, 2, 20), "go": entry(Verb, 800),
			"scare": entry(Noun|Verb, 1, 5), "scar": entry(Noun|Verb, 20, 1),
			"led": {POS: Noun, Proper: true}, "lead": entry(Noun|Verb, 20, 200),
			"nh":   {POS: Noun, Proper: true},
			"rape": entry(Noun|Verb, 1, 1), "rap": entry(Noun|Verb, 5, 5), "walk": entry(Noun|Verb, 10, 50),
		},
		Exceptions: map[string]Irregular{
			"left":   {Verb, []string{"leave"}},
			"ground": {Verb, []string{"grind"}},
			"taxis":  {Noun, []string{"taxis"}},
			"made":   {Verb, []string{"make"}},
			"bigger": {Adj, []string{"big"}},
			"led":    {Verb, []string{"lead"}},
		},
	}
	for _, c := range []struct{ word, want string }{
		{"left", "leave"},      // an irregular base, more frequent than the word
		{"ground", "ground"},   // the word, more frequent than its irregular base
		{"called", "call"},     // a regular base, more frequent than the word
		{"wales", "wales"},     // a lemma not displaced by an equally rare base
		{"taxis", "taxi"},      // a noun exception does not stop the verb rules
		{"glass", "glass"},     // nouns in -ss keep their s
		{"boxes", "box"},       // -xes
		{"churches", "church"}, // -ches
		{"lorries", "lorry"},   // -ies
		{"women", "woman"},     // -men
		{"made", "make"},       // exception only
		{"bigger", "big"},      // adjective exception
		{"calling", "call"},    // -ing
		{"as", "as"},
		{"james", "james"},  // a proper name, not "jam" + "es"
		{"planes", "plane"}, // a verb takes "es" only after a sibilant or o
		{"fixes", "fix"},    // as here
		{"goes", "go"},      // and here
		{"scared", "scare"}, // counted as verbs: "scar" is mostly a noun           // too short for any rule
		{"unknown", "unknown"},
	} {
		t.Run(c.word, func(t *testing.T) {
			if got := lex.Lemma(c.word); got != c.want {
				t.Errorf("Lemma(%q) = %q, want %q", c.word, got, c.want)
			}
		})
	}
}

func TestPOS(t *testing.T) {
	for _, s := range []string{"", "n", "nv", "nvar", "ar"} {
		if got := ParsePOS(s).String(); got != s {
			t.Errorf("ParsePOS(%q).String() = %q", s, got)
		}
	}
	if ParsePOS("s") != Adj {
		t.Error("a satellite is not read as an adjective")
	}
}
