package quotes

import (
	"strings"
)

// phraseKind tells how a speaker is named.
type phraseKind int

const (
	phraseNone    phraseKind = iota
	phraseName               // a proper name: "Mr Alegre", "Natacha Bouchart"
	phraseRole               // a definite description: "the minister", "the police chief"
	phrasePronoun            // he or she
	phraseOther              // it, they, we, I, you: no person
	phraseUnnamed            // an indefinite or generic phrase: "a Kurdish woman from Iraq"
)

// phrase is a speaker phrase as written, with the names to try on the
// Resolver, most specific first.
type phrase struct {
	kind phraseKind
	text string // as written
	para int
	off  int // byte offset of text in the paragraph
	// nameOff is where the name candidates start (the Resolver's offset).
	nameOff int
	names   []string // candidates for the Resolver (name or role phrases)
	gender  byte     // from an honorific or a noun: 'm', 'f' or 0
	// lookAlike is set for a name of two or more capitalised words (or an
	// honorific and a name): a person even when the Resolver does not know it.
	lookAlike bool
}

// chunkBack walks back from toks[hi-1] (not below lo) over the words a
// speaker phrase is made of and returns the start of the phrase, or hi when
// there is none.
func chunkBack(toks []tok, lo, hi int) int {
	i := hi - 1
	start := hi
	for ; i >= lo && hi-i <= 14; i-- {
		t := toks[i]
		if !t.word {
			break
		}
		l := t.lower()
		switch {
		case start == hi && pronouns[l]:
			return i
		case l == "one" && i-1 >= lo && toks[i-1].lower() == "number":
			start = i // "world number one Lindsay Davenport"
		case determiners[l]:
			return i
		case phraseJoiners[l] && !(l == "the"):
			// A joiner stays inside the phrase only between two phrase words
			// ("head of the central bank", "a woman from Iraq").
			if i-1 < lo || !toks[i-1].word {
				return start
			}
			prev := toks[i-1]
			pl := prev.lower()
			if !(prev.capital() || titleWords[pl] || determiners[pl] || isPossessive(pl)) {
				if start < hi && personNouns[pl] {
					// "researchers from Leeds University": a generic head.
					return i - 1
				}
				return start
			}
			start = i
		case t.capital() && !saidVerbs[l] && !participles[l]:
			if boundaryWords[l] || betweenWords[l] {
				if start == hi {
					return hi
				}
				return start // "But Smith said": the conjunction is not the phrase
			}
			start = i
		case titleWords[l] || isPossessive(l) || isAgeWord(l):
			start = i
		default:
			return start
		}
	}
	return start
}

func isPossessive(l string) bool {
	return strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "s'")
}

// isAgeWord matches "22-year-old" and plain numbers in a speaker phrase.
func isAgeWord(l string) bool {
	return strings.HasSuffix(l, "-year-old") || strings.HasSuffix(l, "-years-old")
}

// chunkForward is chunkBack for a clause's subject: it finds the first
// verb-like word after lo and returns the phrase that ends before it.
func chunkForward(toks []tok, lo, hi int) (int, int) {
	if lo >= hi {
		return hi, hi
	}
	if l := toks[lo].lower(); toks[lo].word && pronouns[l] {
		return lo, lo + 1
	}
	end := lo
	for end < hi && end-lo < 14 {
		t := toks[end]
		if !t.word {
			break
		}
		l := t.lower()
		if end > lo && !t.capital() && isVerbLike(l) {
			break
		}
		end++
	}
	s := chunkBack(toks, lo, end)
	if s >= end {
		return hi, hi
	}
	return s, end
}

// irregularPast are verbs a subject may stand before, not ending in -ed.
var irregularPast = set("spoke", "went", "came", "made", "took", "gave", "met", "held", "left", "sent",
	"put", "set", "began", "wrote", "told", "said", "ran", "saw", "won", "lost", "brought", "thought",
	"felt", "kept", "paid", "led", "stood", "sat", "hit", "cut", "got", "found", "became", "sought",
	"fought", "struck", "threw", "drew", "broke", "chose", "rose", "fell", "knew", "grew", "showed")

// isVerbLike reports whether a lower-case word after a subject is likely
// its verb.
func isVerbLike(l string) bool {
	switch {
	case saidVerbs[l], participles[l], betweenWords[l], passiveWords[l], irregularPast[l]:
		return true
	case boundaryWords[l] && l != "and":
		return true
	case titleWords[l]:
		return false
	case strings.HasSuffix(l, "ed"), strings.HasSuffix(l, "es"):
		return true
	}
	return false
}

// classify turns toks[lo:hi] (a chunk found by chunkBack) into a phrase.
func classify(para int, src string, toks []tok, lo, hi int) phrase {
	if lo >= hi {
		return phrase{}
	}
	// Drop sentence-initial conjunctions and adverbs: "But Smith", "And the minister".
	for lo < hi && toks[lo].capital() && (boundaryWords[toks[lo].lower()] || betweenWords[toks[lo].lower()]) && hi-lo > 1 {
		lo++
	}
	ph := phrase{para: para, off: toks[lo].start, text: src[toks[lo].start:toks[hi-1].end]}
	first := toks[lo].lower()
	switch {
	case hi-lo == 1 && (first == "he" || first == "she"):
		ph.kind = phrasePronoun
		if first == "she" {
			ph.gender = 'f'
		} else {
			ph.gender = 'm'
		}
		return ph
	case hi-lo == 1 && pronouns[first]:
		ph.kind = phraseOther
		return ph
	case indefinites[first] || (!toks[lo].capital() && !determiners[first] && !titleWords[first] && !isPossessive(first)):
		ph.kind = phraseUnnamed
		ph.gender = nounGender(toks[lo:hi])
		return ph
	case !toks[lo].capital() && !determiners[first]:
		// "shadow immigration minister", "police chief": a role without
		// an article, or one that ends in a name: "shop owner Hayriye Evren".
	}
	// The head is what comes before a preposition ("the head of the bank",
	// "Andy Richards of Swansea UAF"), unless the head holds no name and a
	// name follows ("Minister for Work Jane Kennedy").
	headEnd := hi
	for i := lo + 1; i < hi; i++ {
		if l := toks[i].lower(); l == "of" || l == "from" || l == "at" || l == "for" || l == "in" || l == "with" {
			headEnd = i
			break
		}
	}
	definite := first == "the" || first == "this" || first == "that" || first == "his" || first == "her" || first == "their" || first == "its"
	if name, ok := nameRun(toks, lo, headEnd); ok {
		return namePhrase(ph, src, toks, name)
	}
	if headEnd < hi && !definite {
		if name, ok := nameRun(toks, headEnd+1, hi); ok {
			return namePhrase(ph, src, toks, name)
		}
	}
	ph.kind = phraseRole
	ph.gender = nounGender(toks[lo:hi])
	ph.names = []string{ph.text}
	ph.nameOff = ph.off
	if definite && first != "the" {
		ph.kind = phraseUnnamed // "his spokesman": someone not named
		return ph
	}
	if headEnd == hi && !definite && isPossessive(first) && hi-lo > 1 {
		// "France's interior minister": try without the possessive too.
		ph.names = append(ph.names, "the "+src[toks[lo+1].start:toks[hi-1].end])
	}
	return ph
}

// nameSpan is a run of name tokens [lo, hi) and whether an honorific opens it.
type nameSpan struct {
	lo, hi    int
	honorific byte
	hasHon    bool
	org       bool
}

// calendarWords are capitalised but name no one.
var calendarWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "christmas", "easter", "today", "yesterday")

// orgHeads end the names of organisations.
var orgHeads = set("office", "ministry", "department", "party", "council", "committee", "commission",
	"union", "bank", "association", "police", "court", "agency", "government", "company", "group",
	"university", "club", "federation", "league", "watch", "institute", "foundation", "trust",
	"service", "services", "authority", "board", "network", "organisation", "organization",
	"society", "centre", "center", "corporation", "inc", "ltd", "plc", "airlines", "airways",
	"news", "times", "post", "guardian", "telegraph", "express", "mail", "herald", "journal")

// nameRun finds the proper name that ends the head toks[lo:hi]: the
// capitalised words after the last role word, without post-nominals.
func nameRun(toks []tok, lo, hi int) (nameSpan, bool) {
	for hi > lo && postNominals[strings.Trim(toks[hi-1].lower(), ".")] {
		hi--
	}
	end := hi
	i := end - 1
	for ; i >= lo; i-- {
		t := toks[i]
		l := t.lower()
		if _, ok := honorifics[strings.TrimSuffix(l, ".")]; ok && t.capital() && i < end-1 {
			break
		}
		particle := (l == "de" || l == "van" || l == "von" || l == "der" || l == "da" || l == "dos" || l == "du" || l == "al" || l == "bin" || l == "la" || l == "le") && i > lo && i < end-1
		if !(t.capital() || particle) || titleWords[l] || isPossessive(l) || determiners[l] || boundaryWords[l] {
			break
		}
	}
	start := i + 1
	if start < end && orgHeads[toks[end-1].lower()] {
		// "the Home Office", "Swansea Bay Race Equality Council": an
		// organisation's name keeps its capitalised role words.
		for start > lo && toks[start-1].capital() && !determiners[toks[start-1].lower()] && !isPossessive(toks[start-1].lower()) {
			start--
		}
		return nameSpan{lo: start, hi: end, org: true}, true
	}
	if start >= end {
		return nameSpan{}, false
	}
	calendar := true
	for k := start; k < end; k++ {
		calendar = calendar && calendarWords[toks[k].lower()]
	}
	if calendar && start > lo {
		if _, ok := honorifics[strings.TrimSuffix(toks[start-1].lower(), ".")]; ok && toks[start-1].capital() {
			calendar = false // "Mrs May"
		}
	}
	if calendar {
		return nameSpan{}, false // "On Monday", "In May": dates, not names
	}
	ns := nameSpan{lo: start, hi: end}
	if start > lo {
		if g, ok := honorifics[strings.TrimSuffix(toks[start-1].lower(), ".")]; ok && toks[start-1].capital() {
			ns.lo, ns.honorific, ns.hasHon = start-1, g, true
		}
	}
	// A lone nationality or capitalised common word after an article is a
	// role, not a name: "the American".
	if ns.hi-ns.lo == 1 && start > lo && determiners[toks[start-1].lower()] {
		return nameSpan{}, false
	}
	return ns, true
}

// namePhrase fills a name phrase's candidates: the full name, then shorter
// tails of it ("Work Jane Kennedy" -> "Jane Kennedy"), a lone surname only
// after an honorific.
func namePhrase(ph phrase, src string, toks []tok, ns nameSpan) phrase {
	ph.kind = phraseName
	ph.gender = ns.honorific
	words := ns.hi - ns.lo
	ph.lookAlike = words >= 2 && !ns.org
	if ns.org {
		ph.names = append(ph.names, src[toks[ns.lo].start:toks[ns.hi-1].end])
		ph.nameOff = toks[ns.lo].start
		return ph
	}
	ph.names = append(ph.names, src[toks[ns.lo].start:toks[ns.hi-1].end])
	if ns.hasHon && words == 2 {
		ph.names = append(ph.names, toks[ns.hi-1].s)
	}
	for k := ns.lo + 1; ns.hi-k >= 2; k++ {
		if k == ns.lo+1 && ns.hasHon {
			continue
		}
		ph.names = append(ph.names, src[toks[k].start:toks[ns.hi-1].end])
	}
	ph.nameOff = toks[ns.lo].start
	return ph
}

// nounGender reads the gender of an unnamed speaker from its nouns.
func nounGender(toks []tok) byte {
	for _, t := range toks {
		l := t.lower()
		switch {
		case femaleNouns[l]:
			return 'f'
		case maleNouns[l]:
			return 'm'
		}
	}
	return 0
}
