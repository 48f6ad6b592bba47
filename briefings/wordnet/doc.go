// Package wordnet is the engine's lexical bridge between the words of a
// question and the words of the corpus, built from WordNet 3.0: base forms
// (Lemma: "left" -> "leave", "bought" -> "buy") and irregular forms
// (Inflections: "buy" -> "bought"), related terms (Related: synonyms,
// derived forms, pertainyms and narrower terms of a word's likely senses,
// weighted below the word itself), and multi-word expressions (MatchPhrase:
// "take effect", "step down", "mobile phone").
//
// WordNet leaves apart some verbs that news writing uses for one another
// ("take over" and "replace", "kick in" and "come into force"); a short
// list of the project's own (news.go) relates them at a synonym's weight.
//
// The data is a table generated from WordNet's database files by
// internal/gen and embedded in the binary (table.txt.gz); it is read once,
// on first use, so a process that never asks pays nothing at start-up.
// Every lookup after that is a map lookup (Related then reads the few terms
// it returns). The table is licensed under the WordNet 3.0 licence, in
// LICENSE-WordNet.txt beside it.
//
// To regenerate the table, install WordNet's database (Debian: apt-get
// install wordnet-base) and run go generate in this directory.
package wordnet

//go:generate go run ./internal/gen -dict /usr/share/wordnet -copyright /usr/share/doc/wordnet-base/copyright -out table.txt.gz -licence LICENSE-WordNet.txt
