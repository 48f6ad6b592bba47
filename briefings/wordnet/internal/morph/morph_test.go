package morph

import "testing"

func TestLemma(t *testing.T) {
	lex := &Lexicon{
		Lemmas: map[string]Entry{
			"leave": {Verb | Noun, 400}, "left": {Adj | Noun, 80},
			"grind": {Verb, 10}, "ground": {Noun | Verb, 110},
			"call": {Verb | Noun, 270}, "called": {Adj, 40},
			"taxi": {Verb | Noun, 7}, "taxis": {Noun, 0},
			"glass": {Noun, 30}, "wales": {Noun, 0}, "wale": {Noun, 0},
			"box": {Noun | Verb, 20}, "church": {Noun, 40}, "lorry": {Noun, 1},
			"woman": {Noun, 90}, "make": {Verb, 900}, "big": {Adj, 50},
			"ha": {Noun, 0}, "us": {Noun, 0},
		},
		Exceptions: map[string]Irregular{
			"left":   {Verb, []string{"leave"}},
			"ground": {Verb, []string{"grind"}},
			"taxis":  {Noun, []string{"taxis"}},
			"made":   {Verb, []string{"make"}},
			"bigger": {Adj, []string{"big"}},
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
		{"as", "as"},           // too short for any rule
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
