package figures

import "strings"

// nounPhrase reads up to four words from token j that can name what a
// figure counts: "migrant crossings", "anti-social behaviour orders".
func (p *para) nounPhrase(j int) string {
	toks := p.toks
	var words []string
	for j < len(toks) && len(words) < 4 {
		t := toks[j]
		lw := lowerWord(t)
		if t.kind != kWord || phraseStop[lw] || (len(words) > 0 && (t.capitalised() || timeUnits[lw] || strings.HasSuffix(lw, "ed"))) ||
			// "migrants seeking asylum": a participle after a plural noun
			(len(words) > 0 && strings.HasSuffix(lw, "ing") && strings.HasSuffix(words[len(words)-1], "s")) {
			break
		}
		w := lw
		j++
		// join hyphenated words: "night-shift", "anti-social"
		for j+1 < len(toks) && toks[j].punct("-") && toks[j].glued && toks[j+1].glued && toks[j+1].kind == kWord {
			w += "-" + lowerWord(toks[j+1])
			j += 2
		}
		words = append(words, w)
		if lw != t.lower() {
			break // a possessive ends the phrase
		}
	}
	return strings.Join(words, " ")
}

// phraseBefore reads up to four words ending at token j, backwards.
func (p *para) phraseBefore(j int) string {
	toks := p.toks
	var words []string
	for j >= 0 && len(words) < 4 && p.sent[j] == p.sent[min(j+1, len(toks)-1)] {
		t := toks[j]
		if t.punct("-") && t.glued && j > 0 && toks[j-1].kind == kWord && len(words) > 0 {
			words[len(words)-1] = lowerWord(toks[j-1]) + "-" + words[len(words)-1]
			j -= 2
			continue
		}
		if t.kind != kWord || phraseStop[lowerWord(t)] || months[t.lower()] > 0 && t.capitalised() {
			break
		}
		if t.is("s") && t.glued && j > 0 && toks[j-1].punct("'’") {
			break // the possessive of "2003's imbalance": its owner is not what is counted
		}
		words = append(words, lowerWord(t))
		j--
	}
	for a, b := 0, len(words)-1; a < b; a, b = a+1, b-1 {
		words[a], words[b] = words[b], words[a]
	}
	return strings.Join(words, " ")
}

// skipArticles moves past "the", "all", "its" ... at j.
func (p *para) skipArticles(j int) int {
	for j < len(p.toks) && p.toks[j].is("the", "a", "an", "all", "its", "their", "his", "her", "our", "total", "those", "these") {
		j++
	}
	return j
}

// counts names what the figure at tokens [start, end) counts.
func (p *para) counts(start, end int, lo amount) string {
	toks := p.toks
	if end < len(toks) && toks[end].punct(")") {
		end++
	}
	next := ""
	if end < len(toks) {
		next = lowerWord(toks[end])
	}
	switch {
	case lo.percent:
		if next == "of" {
			j := p.skipArticles(end + 1)
			if p.word(j) == "number" && p.word(j+1) == "of" {
				j = p.skipArticles(j + 2)
			}
			return p.nounPhrase(j)
		}
		if changeWords[next] {
			if p.word(end+1) == "in" {
				j := p.skipArticles(end + 2)
				if p.word(j) == "number" && p.word(j+1) == "of" {
					j = p.skipArticles(j + 2)
				}
				if np := p.nounPhrase(j); np != "" {
					return singularChange(next) + " in " + np
				}
			}
			return singularChange(next)
		}
		return ""
	case lo.money:
		if np := p.nounPhrase(end); np != "" {
			return np
		}
		if next == "of" {
			if np := p.nounPhrase(p.skipArticles(end + 1)); np != "" {
				return np
			}
		}
		if start >= 2 && toks[start-1].is("of") {
			if np := p.phraseBefore(start - 2); np != "" {
				return np
			}
		}
		for j := start - 1; j >= 0 && j >= start-3 && p.sent[j] == p.sent[start]; j-- {
			if s, ok := moneyVerbs[p.word(j)]; ok {
				return s
			}
		}
		return ""
	}
	if np := p.nounPhrase(end); np != "" {
		return np
	}
	if next == "of" {
		if np := p.nounPhrase(p.skipArticles(end + 1)); np != "" {
			return np
		}
	}
	// "the number of migrants ... at between 1,500 and 2,000"
	for j := start - 1; j > 0 && p.sent[j] == p.sent[start]; j-- {
		if toks[j].is("of") && toks[j-1].is("number", "numbers") {
			if np := p.nounPhrase(p.skipArticles(j + 1)); np != "" {
				return np
			}
		}
	}
	// "Enforced returns rose to 8,590", "The total now exceeds 30,000"
	j := start - 1
	if q := qualifierBefore(toks, start); q != "" {
		if q == "exceeds" || q == "exceeded" {
			j = start - 1 // the qualifier is the verb
		} else {
			j = start - 1 - len(strings.Fields(q))
		}
	}
	for j >= 0 && toks[j].kind == kWord && linkFillers[toks[j].lower()] {
		j--
	}
	if j >= 0 && toks[j].kind == kWord && linkVerbs[toks[j].lower()] {
		j--
		for j >= 0 && toks[j].kind == kWord && linkFillers[toks[j].lower()] {
			j--
		}
		if j >= 0 {
			return p.phraseBefore(j)
		}
	}
	return ""
}

func singularChange(w string) string {
	if strings.HasSuffix(w, "ses") {
		return strings.TrimSuffix(w, "s")
	}
	return strings.TrimSuffix(w, "s")
}

// changePhrase returns the change a percentage at tokens [start, end)
// states, as written ("a 36% increase from last year", "up 38% from last
// year"), or "".
func (p *para) changePhrase(start, end int) string {
	toks := p.toks
	s := -1
	switch {
	case start > 0 && toks[start-1].is("a", "an") && end < len(toks) && changeWords[toks[end].lower()]:
		s = start - 1
	case start > 0 && changeLead[p.word(start-1)] && p.word(start-1) != "by":
		s = start - 1
	case start > 1 && p.word(start-1) == "by" && changeLead[p.word(start-2)]:
		s = start - 2
	}
	if s < 0 {
		return ""
	}
	e := end
	for e < len(toks) && e-end < 8 && p.sent[e] == p.sent[start] && !toks[e].punct(",;.:()") && !(toks[e].is("and", "but", "while", "with", "as", "because", "after", "according", "which", "when") && e > end) {
		e++
	}
	return p.text[toks[s].start:toks[e-1].end]
}
