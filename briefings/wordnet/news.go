package wordnet

import (
	"slices"
	"strconv"
	"strings"
)

// newsParaphrases are groups of verbs and expressions that news writing
// uses for one another and that WordNet leaves unrelated, or relates too
// weakly to be searched: a reader asks "who took over from X" of an
// article that says "X was replaced by". Each member is written as lemmas.
// They are the project's own, not WordNet's.
var newsParaphrases = [][]string{
	{"replace", "succeed", "take over", "take charge"},
	{"resign", "quit", "step down", "stand down", "leave office"},
	{"come into force", "come into effect", "take effect", "kick in"},
	{"sack", "fire", "dismiss", "axe", "oust"},
	{"buy", "acquire", "purchase", "take over", "snap up"},
	{"beat", "defeat", "edge", "knock out", "see off", "overcome", "oust"},
	{"cut", "axe", "shed", "slash"},
	{"rise", "climb", "increase", "grow", "jump", "soar"},
	{"fall", "drop", "decline", "slump", "plunge", "slide"},
	{"announce", "unveil", "reveal", "launch"},
	{"criticise", "attack", "condemn", "slam"},
	{"aim", "target", "plan", "intend"},
	{"cost", "come to", "amount to", "total"},
	{"lead", "head", "run", "chair", "captain"},
	{"found", "set up", "establish", "create"},
	{"appoint", "name", "hire", "recruit"},
	{"earn", "pocket", "receive", "get"},
	{"leave", "quit", "exit", "depart", "walk out"},
	{"ban", "bar", "prohibit", "outlaw"},
	{"accuse", "charge", "allege"},
	{"sell", "offload", "dispose of"},
	{"win", "clinch"},
	{"lose", "go out"},
	{"postpone", "delay", "put off", "push back"},
	{"cancel", "scrap", "call off", "drop"},
	{"warn", "caution", "alert"},
	{"expect", "forecast", "predict", "project"},
	{"fund", "finance", "bankroll", "back", "pay for"},
	{"injure", "hurt", "rule out"},
	{"return", "send back", "deport", "remove"},
	{"close", "shut", "shut down"},
	{"agree", "approve", "back", "endorse", "give the nod"},
	{"sign", "sign up", "recruit"},
	{"investigate", "probe", "look into", "examine"},
	// Titles news shortens.
	{"prime minister", "pm", "premier"},
	{"chief executive", "ceo"},
	{"member of parliament", "mp"},
}

// maxRelated is the most terms Related gives a lemma.
const maxRelated = 24

// newsParaphraseWeight is what a news paraphrase weighs as a related term,
// in percent: a synonym's.
const newsParaphraseWeight = 50

// addNewsParaphrases relates the members of each group to one another and
// makes their expressions known to MatchPhrase.
func (t *table) addNewsParaphrases() {
	extra := map[string][]string{}
	for _, group := range newsParaphrases {
		for _, m := range group {
			if words := strings.Split(m, " "); len(words) > 1 && !t.knowsPhrase(words) {
				k := [2]string{words[0], words[1]}
				t.phrases[k] = append(t.phrases[k], phrase{words, m})
			}
			for _, o := range group {
				if o != m && !slices.Contains(extra[m], o) {
					extra[m] = append(extra[m], o)
				}
			}
		}
	}
	for m, others := range extra {
		t.related[m] = mergeTerms(t.related[m], others)
	}
}

// knowsPhrase reports an expression the table already holds.
func (t *table) knowsPhrase(words []string) bool {
	for _, p := range t.phrases[[2]string{words[0], words[1]}] {
		if slices.Equal(p.words, words) {
			return true
		}
	}
	return false
}

// mergeTerms adds words to a lemma's related terms as written, at the news
// paraphrase weight unless the table relates them more heavily, keeping
// them heaviest first.
func mergeTerms(raw string, words []string) string {
	var terms []string
	if raw != "" {
		terms = strings.Split(raw, ",")
	}
	weight := func(term string) int {
		n, _ := strconv.Atoi(term[strings.LastIndexByte(term, ':')+1:])
		return n
	}
	for _, w := range words {
		i := slices.IndexFunc(terms, func(term string) bool { return strings.HasPrefix(term, w+":") })
		if i >= 0 {
			if weight(terms[i]) >= newsParaphraseWeight {
				continue
			}
			terms = slices.Delete(terms, i, i+1)
		}
		terms = append(terms, w+":s:"+strconv.Itoa(newsParaphraseWeight))
	}
	slices.SortStableFunc(terms, func(a, b string) int { return weight(b) - weight(a) })
	return strings.Join(terms[:min(len(terms), maxRelated)], ",")
}
