package wordnet_test

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/briefings/wordnet"
)

func ExampleLemma() {
	for _, w := range []string{"left", "bought", "mobiles", "resigned", "ground"} {
		fmt.Println(w, "->", wordnet.Lemma(w))
	}
	// Output:
	// left -> leave
	// bought -> buy
	// mobiles -> mobile
	// resigned -> resign
	// ground -> ground
}

func ExampleRelated() {
	for _, t := range wordnet.Related("resign")[:3] {
		fmt.Printf("%s %s %.2f\n", t.Word, t.Rel, t.Weight)
	}
	// Output:
	// resignation derived 0.60
	// vacate synonym 0.50
	// quit synonym 0.50
}

// A question's words expanded for retrieval: each word's base form, the
// expressions its words make, and their related terms below their own
// weight.
func ExampleMatchPhrase() {
	words := strings.Fields("when did the minister step down")
	lemmas := make([]string, len(words))
	for i, w := range words {
		lemmas[i] = wordnet.Lemma(w)
	}
	for i := range lemmas {
		if phrase, n := wordnet.MatchPhrase(lemmas, i); n > 0 {
			fmt.Printf("%q spans %d words\n", phrase, n)
			for _, t := range wordnet.Related(phrase) {
				if t.Rel == wordnet.Synonym && !strings.Contains(t.Word, " ") {
					fmt.Printf("~ %s %.2f\n", t.Word, t.Weight)
				}
			}
		}
	}
	// Output:
	// "step down" spans 2 words
	// ~ resign 0.50
	// ~ quit 0.50
	// ~ de-escalate 0.41
	// ~ weaken 0.26
}
