package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/text"
)

// event is one place the narrative says someone speaks: a said-verb and its
// subject ("Mr Alegre said", "said Ian Fogg", "according to Mr Cable"), or
// a block quote's signature line.
type event struct {
	at        pos // the verb (or the signature line)
	verbEnd   int // byte offset past the verb
	sentStart int // start of the verb's sentence in its paragraph
	sentEnd   int
	verb      string
	quoteVerb bool // the verb can introduce a quotation ("said", not "denied")
	ph        phrase
	// filled in by resolve
	who speaker
}

// speaker is whom an event or a quote is given to.
type speaker struct {
	key    string // the Resolver's key; "" when unknown or unnamed
	as     string // the phrase as written
	gender byte
	person bool // a person (named or not), not an organisation
	known  bool // some speaker, named or not, was found
	end    pos  // the end of the sentence that names them
}

// paraInfo is a paragraph's tokens and the byte ranges inside quotes.
type paraInfo struct {
	toks   []tok
	masked []bool // per token: inside a quote span
	sents  []text.Span
}

// introWords open a sentence with a clause that is not its subject.
var introWords = set("in", "on", "at", "after", "before", "as", "when", "while", "during",
	"following", "despite", "since", "although", "though", "if", "with", "without", "for",
	"from", "by", "under", "over", "last", "earlier", "later", "however", "meanwhile",
	"speaking", "asked", "reacting", "responding", "addressing", "agreeing", "having",
	"among", "amid", "according", "unlike", "like", "once", "finally", "first", "firstly",
	"secondly", "instead", "outside", "inside", "there", "here", "today", "yesterday",
	"this", "next", "to", "until", "because", "given", "faced", "in", "back", "elsewhere")

// conjunctions open a sentence without a clause of their own: "But he said".
var conjunctions = set("but", "and", "yet", "so", "also", "still", "then", "now", "or", "nor")

func buildParaInfo(d *text.Doc, spans []span) []paraInfo {
	infos := make([]paraInfo, len(d.Paragraphs))
	for pi, p := range d.Paragraphs {
		infos[pi].toks = tokenize(p.Text, 0, len(p.Text))
		infos[pi].masked = make([]bool, len(infos[pi].toks))
		infos[pi].sents = p.Sentences
		if len(p.Sentences) == 0 && p.Text != "" {
			infos[pi].sents = text.SplitSentences(p.Text)
		}
	}
	for _, s := range spans {
		for pi := s.open.para; pi <= s.close.para; pi++ {
			from, to := 0, len(d.Paragraphs[pi].Text)
			if pi == s.open.para {
				from = s.open.off
			}
			if pi == s.close.para {
				to = s.after
			}
			maskRange(&infos[pi], from, to)
		}
	}
	return infos
}

// maskRange masks the tokens within [from, to); tokens are in order, so
// only those are visited.
func maskRange(in *paraInfo, from, to int) {
	lo := sort.Search(len(in.toks), func(i int) bool { return in.toks[i].start >= from })
	for i := lo; i < len(in.toks) && in.toks[i].start < to; i++ {
		if in.toks[i].end <= to {
			in.masked[i] = true
		}
	}
}

// sentenceOf returns the bounds of the sentence holding byte offset off
// (or, in the space between two sentences, of the one before it).
func (in *paraInfo) sentenceOf(off int) (int, int) {
	i := sort.Search(len(in.sents), func(i int) bool { return in.sents[i].Start > off })
	if i == 0 {
		return 0, 0
	}
	return in.sents[i-1].Start, in.sents[i-1].End
}

// lowBound is the first token of the unmasked stretch of vi's sentence
// that ends at vi: a subject never reaches into a quote or the previous
// sentence.
func (in *paraInfo) lowBound(vi, sentStart int) int {
	lo := vi
	for lo > 0 && !in.masked[lo-1] && in.toks[lo-1].start >= sentStart {
		lo--
	}
	return lo
}

// highBound is the end of the unmasked stretch after vi in its sentence.
func (in *paraInfo) highBound(vi, sentEnd int) int {
	hi := vi + 1
	for hi < len(in.toks) && !in.masked[hi] && in.toks[hi].end <= sentEnd {
		hi++
	}
	return hi
}

// findEvents finds the said-verbs outside quotes and their subjects.
func findEvents(d *text.Doc, infos []paraInfo) []event {
	var out []event
	for pi := range infos {
		in := &infos[pi]
		src := d.Paragraphs[pi].Text
		for vi, t := range in.toks {
			if !t.word || in.masked[vi] {
				continue
			}
			l := t.lower()
			according := l == "according" && vi+1 < len(in.toks) && in.toks[vi+1].lower() == "to"
			if !saidVerbs[l] && !participles[l] && !according {
				continue
			}
			ss, se := in.sentenceOf(t.start)
			lo := in.lowBound(vi, ss)
			hi := in.highBound(vi, se)
			ev := event{at: pos{pi, t.start}, verbEnd: t.end, sentStart: ss, sentEnd: se, verb: l, quoteVerb: quoteVerbs[l]}
			var ok bool
			switch {
			case according:
				ev.verbEnd = in.toks[vi+1].end
				ev.quoteVerb = true
				ev.ph, ok = phraseAfter(src, pi, in.toks, vi+2, hi)
			default:
				ev.ph, ok = subjectOf(src, pi, in.toks, lo, vi, hi)
			}
			if !ok {
				// A said-verb whose speaker cannot be read still marks the
				// quote next to it as attributed, to no one we know.
				ev.ph = phrase{para: pi, off: t.start}
			}
			out = append(out, ev)
		}
	}
	return out
}

// phraseAfter reads a speaker phrase that follows a verb: "said Ian Fogg,
// Jupiter analyst", "according to Mr Cable".
func phraseAfter(src string, pi int, toks []tok, lo, hi int) (phrase, bool) {
	s, e := chunkForward(toks, lo, hi)
	if s != lo || e <= s {
		return phrase{}, false
	}
	ph := classify(pi, src, toks, s, e)
	return ph, ph.kind != phraseNone
}

// subjectOf finds who speaks for the said-verb toks[vi], looking no further
// back than lo nor further ahead than hi.
func subjectOf(src string, pi int, toks []tok, lo, vi, hi int) (phrase, bool) {
	l := toks[vi].lower()
	// "Reuters quoted one trader as saying", "X was quoted in the report as saying".
	if l == "saying" && vi-1 >= lo && toks[vi-1].lower() == "as" {
		for q := vi - 2; q >= lo && q >= vi-10; q-- {
			if toks[q].lower() != "quoted" {
				continue
			}
			if q-1 >= lo && passiveWords[toks[q-1].lower()] {
				return subjectBefore(src, pi, toks, lo, q-1)
			}
			s, e := chunkForward(toks, q+1, vi-1)
			if s != q+1 || e <= s {
				return phrase{}, false
			}
			ph := classify(pi, src, toks, s, e)
			return ph, ph.kind != phraseNone
		}
	}
	if participles[l] || (vi-1 >= lo && toks[vi-1].lower() == "to") {
		return clauseSubject(src, pi, toks, lo, vi)
	}
	// "..., said Ian Fogg, Jupiter analyst." / "..., says a report."
	left := vi - 1
	for left >= lo && betweenWords[toks[left].lower()] && toks[left].word {
		left--
	}
	if left >= lo && !toks[left].isPunct(",") {
		return subjectBefore(src, pi, toks, lo, vi)
	}
	if left >= lo {
		if ph, ok := subjectBefore(src, pi, toks, lo, vi); ok {
			return ph, true
		}
	}
	if l == "told" || l == "tells" || l == "tell" {
		return phrase{}, false // told takes its hearer after it, never its speaker
	}
	if s, e := chunkForward(toks, vi+1, hi); s == vi+1 && e > s && (e >= hi || !toks[e].word) {
		ph := classify(pi, src, toks, s, e)
		if ph.kind == phraseRole && e < hi && toks[e].isPunct(",") {
			// "said EEF chief economist, Steve Radley."
			if s2, e2 := chunkForward(toks, e+1, hi); s2 == e+1 && e2 > s2 && (e2 >= hi || !toks[e2].word) {
				if name := classify(pi, src, toks, s2, e2); name.kind == phraseName {
					return name, true
				}
			}
		}
		if ph.kind != phraseNone {
			return ph, true
		}
	}
	return phrase{}, false
}

// subjectBefore finds the subject that ends right before toks[vi], over
// auxiliaries and adverbs, appositives ("X, head of Y, said") and relative
// clauses ("X, who ..., said").
func subjectBefore(src string, pi int, toks []tok, lo, vi int) (phrase, bool) {
	j := vi - 1
	for j >= lo && toks[j].word && betweenWords[toks[j].lower()] {
		j--
	}
	if j < lo {
		return phrase{}, false
	}
	if toks[j].word && passiveWords[toks[j].lower()] {
		return phrase{}, false // "he was asked": the subject is the hearer
	}
	if toks[j].isPunct(")") {
		// "A joint statement (reproduced below) said": skip the aside.
		for j >= lo && !toks[j].isPunct("(") {
			j--
		}
		j--
		if j < lo {
			return phrase{}, false
		}
	}
	pick := func(a, b int) (phrase, bool) {
		s := chunkBack(toks, a, b)
		if s >= b {
			return phrase{}, false
		}
		ph := classify(pi, src, toks, s, b)
		return ph, ph.kind != phraseNone
	}
	if toks[j].isPunct(",") {
		// "X, head of Y, said": the subject is before the appositive.
		k := lastPunct(toks, lo, j, ",")
		if k < 0 {
			return pick(lo, j)
		}
		pre, ok := pick(lo, k)
		if ok && pre.kind == phraseName {
			return pre, true
		}
		// "Its leader, Roger Knapman, has said": the name is the appositive.
		if app, ok2 := pick(k+1, j); ok2 && app.kind == phraseName && chunkBack(toks, k+1, j) == k+1 {
			return app, true
		}
		if ok {
			return pre, true
		}
		return pick(k+1, j)
	}
	// "X, who is facing MPs said" / "X, national coordinator of Y was quoted".
	if c := lastPunct(toks, lo, j+1, ","); c >= 0 && c+1 <= j {
		head := toks[c+1]
		hl := head.lower()
		if hl == "who" || hl == "which" {
			return pick(lo, c)
		}
		appositive := head.word && !pronouns[hl] && (!head.capital() || isPossessive(hl) || determiners[hl])
		if appositive {
			// "David Hanson, Labour's shadow immigration minister has said":
			// a role after the name; but "X, France's minister Y suggested"
			// names its own subject.
			own, ok := pick(c+1, j+1)
			if !ok || own.kind != phraseName {
				// Only a name that makes up the whole stretch before the
				// comma: not "Reacting to a comment by X, the American said".
				seg := lastPunct(toks, lo, c, ",") + 1
				if seg < lo {
					seg = lo
				}
				for seg < c && !toks[seg].word {
					seg++
				}
				if ph, ok := pick(lo, c); ok && ph.kind == phraseName && chunkBack(toks, lo, c) == seg {
					return ph, true
				}
			}
		}
	}
	return pick(lo, j+1)
}

// clauseSubject finds the subject of the main clause a participle or an
// infinitive hangs on: "Mr Botin greeted the media, saying", "He is
// expected to say".
func clauseSubject(src string, pi int, toks []tok, lo, vi int) (phrase, bool) {
	start := lo
	if start < vi && toks[start].word {
		first := toks[start].lower()
		switch {
		case conjunctions[first]:
			start++
		case introWords[first] || strings.HasSuffix(first, "ing"):
			c := firstPunct(toks, start, vi, ",")
			if c < 0 {
				return phrase{}, false
			}
			start = c + 1
		}
	}
	// The subject ends before the clause's first verb-like word; words
	// before it that no phrase takes ("Work and pensions minister X")
	// belong to it.
	s, e := chunkForward(toks, start, vi)
	if e <= s {
		return phrase{}, false
	}
	ph := classify(pi, src, toks, s, e)
	return ph, ph.kind != phraseNone
}

func lastPunct(toks []tok, lo, hi int, c string) int {
	for i := hi - 1; i >= lo; i-- {
		if toks[i].isPunct(c) {
			return i
		}
	}
	return -1
}

func firstPunct(toks []tok, lo, hi int, c string) int {
	for i := lo; i < hi; i++ {
		if toks[i].isPunct(c) {
			return i
		}
	}
	return -1
}

// isHeading reports whether a paragraph reads as a headline or subheading:
// short and without the punctuation that ends a sentence or leads into a
// quote. Questions count ("What did X say about Y?").
func isHeading(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && first != '£' && first != '$' && first != '€' {
		return false
	}
	if len(p) > 400 {
		return false
	}
	n := len(strings.Fields(p))
	last, _ := utf8.DecodeLastRuneInString(p)
	if n > 20 || (n > 14 && last != '?') {
		return false
	}
	if strings.ContainsRune(".:;,\"”!…", last) {
		return false
	}
	// A line that speaks in the first person outside quotes is someone's
	// words (a block quote's last line), not a headline.
	quoted := false
	for _, f := range strings.Fields(p) {
		if strings.HasPrefix(f, "'") || strings.HasPrefix(f, "‘") {
			quoted = true
		}
		w := strings.ToLower(strings.ReplaceAll(strings.Trim(f, "'‘’,.:;!?()"), "’", "'"))
		if !quoted && firstPerson[w] {
			return false
		}
		if strings.HasSuffix(f, "'") || strings.HasSuffix(f, "’") {
			quoted = false
		}
	}
	return true
}

var firstPerson = set("i", "we", "our", "us", "my", "me", "i'm", "we're", "we've", "i've", "we'd", "i'd")

// signature reads a block quote's closing line, "– Name, Title" (en dash,
// em dash or hyphen), and returns where the name starts and ends.
func signature(p string) (int, int, bool) {
	r, w := utf8.DecodeRuneInString(p)
	if r != '–' && r != '—' && r != '-' {
		return 0, 0, false
	}
	rest := strings.TrimLeft(p[w:], " ")
	start := len(p) - len(rest)
	if rest == "" || len(strings.Fields(rest)) > 14 {
		return 0, 0, false
	}
	first, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(first) || strings.ContainsAny(rest, "\"“”!?") {
		return 0, 0, false
	}
	if strings.HasSuffix(rest, ".") && len(strings.Fields(rest)) > 6 {
		return 0, 0, false
	}
	end := len(p)
	if i := strings.IndexByte(rest, ','); i >= 0 {
		end = start + i
	}
	return start, end, true
}

func sortEvents(evs []event) {
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].at.before(evs[j].at) })
}
