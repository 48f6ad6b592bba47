package main

import (
	"math"
	"sort"
	"strings"
)

// functionWords are never given as related terms nor looked up, and an
// expression made only of them ("at all") is not kept.
var functionWords = set(`a about above after again against all also am an and any are as at because been before
being below between both but by can could did does doing down during each even ever few for from further got had
has having he her here hers him his how i if in into is it its just may me might more most much must my no nor not
now of off on once one only or other our out over own same shall she should so some such than that the their them
then there these they this those through to too under until up upon us very was we well were what when where which
while who whom why will with would yet you your`)

// lightVerbs pair with nearly anything, so they are never given as related
// terms; but they make phrasal verbs ("take over", "give up").
var lightVerbs = set("be do get give go have make put set take")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Tuning of the related terms. The chance that a word means one of its
// senses is estimated from WordNet's tagged counts with add-one smoothing.
// Two synonyms are scored by the lesser of the chances that each means the
// sense they share (both must plausibly mean it: "chief" is often a "head"
// of something, but "head" is seldom a chief); so is a narrower term (a
// hyponym of one of the word's senses). A derived form or pertainym is
// scored by the chance that the word means one of the senses WordNet links
// to it (the other word shares its stem, and so the meaning of that link:
// "fire" gives "firing" in its common senses but "fiery" only in a rare
// one). Pairs scoring under minScore are dropped; a term's weight grows
// with the square root of its score up to its relation's ceiling, reached
// at fullScore. The ceilings put derived forms above synonyms, synonyms
// above narrower terms, and all below the word itself (1). Measured with a
// plain BM25 sentence ranker on paraphrased questions, weights half as
// high or half as high again ranked the right sentence lower.
const (
	minScore         = 0.04 // quit~resign 0.077, fire~sack 0.048 pass; take~aim 0.001 does not
	fullScore        = 0.5
	synonymWeight    = 0.5
	derivedWeight    = 0.6
	narrowerWeight   = 0.4
	maxNarrowerTerms = 12 // per lemma, so that they do not crowd out synonyms
	maxNarrower      = 30 // a sense with more narrower words is too general to expand ("move")
	maxTerms         = 24 // per lemma, the heaviest kept
	maxTermWords     = 3  // a related term of more words is too specific to help
	maxPhrase        = 4  // words in a multi-word expression
	maxWordLen       = 24
)

// term is a related term as written in the table.
type term struct {
	word   string
	rel    byte // s synonym, d derived form, p pertainym, n narrower
	weight int  // percent
	score  float64
}

// senseProbs gives, for each sense of a lemma, the chance that the lemma
// means it: (tagged count + 1) / (total + number of senses).
func senseProbs(d *db, l string) map[synsetID]float64 {
	senses := d.senses[l]
	total := 0
	for _, s := range senses {
		total += s.count
	}
	p := make(map[synsetID]float64, len(senses))
	for _, s := range senses {
		p[s.id] += float64(s.count+1) / float64(total+len(senses))
	}
	return p
}

// related computes each common lemma's related terms: synonyms (members of
// a synset it shares), derived forms ("+" pointers), pertainyms ("\"
// pointers) and narrower terms ("~" pointers, hyponyms), scored as the
// constants above say.
func related(d *db) map[string][]term {
	probs := map[string]map[synsetID]float64{}
	prob := func(l string) map[synsetID]float64 {
		if p, ok := probs[l]; ok {
			return p
		}
		p := senseProbs(d, l)
		probs[l] = p
		return p
	}
	usable := func(l string) bool {
		return plain(l) && !functionWords[l] && !lightVerbs[l] && len(strings.Fields(l)) <= maxPhrase && common(d, l)
	}
	type pair struct {
		a, b string
		rel  byte
	}
	// lexical[a->b] sums the chance of a's senses that point to b.
	lexical := map[pair]float64{}
	synonyms := map[pair]float64{}
	// narrower[a->b] is the best score of b as a narrower term of a.
	narrower := map[pair]float64{}
	for _, a := range sortedKeys(d.senses) {
		if !usable(a) {
			continue
		}
		pa := prob(a)
		for _, s := range d.senses[a] {
			ss := d.synsets[s.id]
			self := 0
			for i, w := range ss.words {
				if w.lemma == a {
					self = i + 1
				}
				if w.lemma == a || w.proper {
					continue
				}
				if sc := math.Min(pa[s.id], prob(w.lemma)[s.id]); sc > synonyms[pair{a, w.lemma, 's'}] {
					synonyms[pair{a, w.lemma, 's'}] = sc
				}
			}
			hyponyms := 0
			for _, p := range ss.pointers {
				if p.symbol == "~" {
					hyponyms += len(d.synsets[p.target].words)
				}
			}
			for _, p := range ss.pointers {
				if p.src == 0 && p.symbol == "~" && hyponyms <= maxNarrower {
					for _, w := range d.synsets[p.target].words {
						if w.proper {
							continue
						}
						k := pair{a, w.lemma, 'n'}
						if sc := math.Min(pa[s.id], prob(w.lemma)[p.target]); sc > narrower[k] {
							narrower[k] = sc
						}
					}
				}
				if p.src != self || (p.symbol != "+" && p.symbol != `\`) {
					continue
				}
				t := d.synsets[p.target]
				if t == nil || p.dst < 1 || p.dst > len(t.words) || t.words[p.dst-1].proper {
					continue
				}
				rel := byte('d')
				if p.symbol == `\` {
					rel = 'p'
				}
				lexical[pair{a, t.words[p.dst-1].lemma, rel}] += pa[s.id]
			}
		}
	}
	out := map[string][]term{}
	eligible := func(k pair, score float64) bool {
		return k.a != k.b && score >= minScore && usable(k.b) && len(strings.Fields(k.b)) <= maxTermWords && len(k.b) <= maxWordLen
	}
	add := func(k pair, score float64, weight float64) {
		if !eligible(k, score) {
			return
		}
		w := int(math.Round(100 * weight))
		for i, t := range out[k.a] {
			if t.word == k.b {
				if w > t.weight || w == t.weight && k.rel < t.rel {
					out[k.a][i] = term{k.b, k.rel, w, score}
				}
				return
			}
		}
		out[k.a] = append(out[k.a], term{k.b, k.rel, w, score})
	}
	weight := func(score, ceiling float64) float64 {
		return ceiling * math.Sqrt(math.Min(score, fullScore)/fullScore)
	}
	for k, sc := range synonyms {
		add(k, sc, weight(sc, synonymWeight))
	}
	for k, sc := range lexical {
		add(k, sc, weight(sc, derivedWeight))
	}
	// Narrower terms come last: a word related in another way keeps that
	// relation, and only the heaviest few are kept.
	narrowerOf := map[string][]term{}
	for k, sc := range narrower {
		if !eligible(k, sc) {
			continue
		}
		narrowerOf[k.a] = append(narrowerOf[k.a], term{k.b, 'n', int(math.Round(100 * weight(sc, narrowerWeight))), sc})
	}
	for a, terms := range narrowerOf {
		sortTerms(terms)
		kept := 0
		for _, t := range terms {
			if kept == maxNarrowerTerms {
				break
			}
			if !hasTerm(out[a], t.word) {
				out[a] = append(out[a], t)
				kept++
			}
		}
	}
	for a, terms := range out {
		sortTerms(terms)
		if len(terms) > maxTerms {
			terms = terms[:maxTerms]
		}
		out[a] = terms
	}
	return out
}

func hasTerm(terms []term, word string) bool {
	for _, t := range terms {
		if t.word == word {
			return true
		}
	}
	return false
}

// sortTerms orders terms heaviest first.
func sortTerms(terms []term) {
	sort.Slice(terms, func(i, j int) bool {
		if terms[i].weight != terms[j].weight {
			return terms[i].weight > terms[j].weight
		}
		// Single words first: text more often says "fire" than
		// "give the axe".
		if wi, wj := strings.Count(terms[i].word, " "), strings.Count(terms[j].word, " "); wi != wj {
			return wi < wj
		}
		if terms[i].score != terms[j].score {
			return terms[i].score > terms[j].score
		}
		return terms[i].word < terms[j].word
	})
}
