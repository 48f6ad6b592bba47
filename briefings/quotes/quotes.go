// Package quotes finds direct quotations in an article and attributes them
// to their speakers. Quote spans are found over paragraphs before sentence
// splitting, so multi-sentence and multi-paragraph quotes stay whole.
//
// A quotation is a double-quoted passage ("straight" or “curly”), or a
// block of unquoted paragraphs closed by a signature line ("– Name,
// Title"). Scare quotes, titles and short phrases inside the writer's own
// sentence are not quotations. Speakers are found from the attribution
// patterns of news writing ("Q," said X; X said: "Q"; a speaker line
// before a quoted paragraph; a pronoun for the last speaker) and named
// through a Resolver; when in doubt a quote keeps no speaker.
package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/text"
)

// Resolver maps a speaker phrase seen at (para, off) ("Mr Alegre", "the
// police chief") to a doc-local entity key. *people.DocResult implements it.
type Resolver interface {
	Resolve(phrase string, para, off int) (key string, ok bool)
}

// PersonInfo is an optional extension of a Resolver: it tells people from
// organisations and gives a person's gender ('m', 'f' or 0), so that he and
// she are only resolved to a person of the matching gender. Extract reads
// the same facts from a *people.DocResult's entities.
type PersonInfo interface {
	Person(key string) (isPerson bool, gender byte)
}

// Quote is one direct quotation.
type Quote struct {
	Text      string // the quoted words, without the quotation marks
	Para      int    // first paragraph of the quote
	ParaEnd   int    // last paragraph (== Para for a one-paragraph quote)
	Start     int    // byte offset of the quoted words in paragraph Para
	Speaker   string // doc-local entity key (a person, or an organisation named as the speaker); "" for an unnamed or unknown speaker
	SpeakerAs string // how the speaker is introduced: "Mr Alegre", "he", "a Kurdish woman from Iraq"
	// Block is set for a block quote: unquoted paragraphs closed by a
	// signature line ("– Name, Title").
	Block bool
	// Curated is set when a curator reassigned the quote.
	Curated bool
}

// minWords is the shortest quoted passage that is a quotation on its own;
// shorter ones ("hard negotiation", “Jungle”) only count when a said-verb
// introduces them as a whole utterance.
const minWords = 4

// Extract finds the quotes of an article and their speakers.
func Extract(d *text.Doc, r Resolver) []Quote {
	if d == nil || len(d.Paragraphs) == 0 {
		return nil
	}
	if r == nil {
		r = noResolver{}
	}
	x := &extractor{d: d, r: r, info: personInfoOf(r), genders: map[string]byte{}}
	return x.run()
}

type noResolver struct{}

func (noResolver) Resolve(string, int, int) (string, bool) { return "", false }

// entityInfo reads PersonInfo from the entities of a people.DocResult.
type entityInfo map[string]*people.Entity

func (m entityInfo) Person(key string) (bool, byte) {
	e, ok := m[key]
	if !ok {
		return false, 0
	}
	return e.Kind == people.Person, e.Gender
}

func personInfoOf(r Resolver) PersonInfo {
	switch v := r.(type) {
	case PersonInfo:
		return v
	case *people.DocResult:
		if v == nil {
			return nil
		}
		m := make(entityInfo, len(v.Entities))
		for _, e := range v.Entities {
			if e != nil {
				m[e.Key] = e
			}
		}
		return m
	}
	return nil
}

type extractor struct {
	d       *text.Doc
	r       Resolver
	info    PersonInfo
	genders map[string]byte // learnt from he/she resolved to a key
	// subjects caches the sentence subjects of paragraphs.
	subjects map[int][]text.Span

	spans    []span
	infos    []paraInfo
	headings []bool
	events   []event
	blocks   []block
}

// block is a block quote: paragraphs first..last closed by the signature
// line at sig.
type block struct {
	first, last int
	sig         int // index of the signature event in events
}

func (x *extractor) run() []Quote {
	x.spans = findSpans(x.d)
	x.infos = buildParaInfo(x.d, x.spans)
	x.findHeadings()
	x.events = findEvents(x.d, x.infos)
	x.findBlocks()
	sortEvents(x.events)
	x.resolveEvents()
	return x.quotes()
}

func (x *extractor) findHeadings() {
	x.headings = make([]bool, len(x.d.Paragraphs))
	inside := make([]bool, len(x.d.Paragraphs)) // continues a quote from above
	for _, s := range x.spans {
		for pi := s.open.para + 1; pi <= s.close.para; pi++ {
			inside[pi] = true
		}
	}
	for pi, p := range x.d.Paragraphs {
		if inside[pi] || strings.HasPrefix(p.Text, "•") {
			continue
		}
		if _, _, ok := signature(p.Text); ok {
			continue
		}
		x.headings[pi] = isHeading(p.Text)
	}
}

// findBlocks finds signature lines and the unquoted paragraphs above them
// that they sign, back to a heading, a speaker line, a quote or a
// paragraph of narrative.
func (x *extractor) findBlocks() {
	narrative := make([]bool, len(x.d.Paragraphs))
	for _, ev := range x.events {
		if ev.ph.kind != phraseOther && ev.ph.kind != phraseNone {
			narrative[ev.at.para] = true
		}
	}
	for pi, p := range x.d.Paragraphs {
		a, b, ok := signature(p.Text)
		if !ok || pi == 0 {
			continue
		}
		in := &x.infos[pi]
		lo, hi := -1, -1
		for i, t := range in.toks {
			if t.start >= a && t.end <= b {
				if lo < 0 {
					lo = i
				}
				hi = i + 1
			}
		}
		if lo < 0 {
			continue
		}
		ph := classify(pi, p.Text, in.toks, lo, hi)
		if ph.kind != phraseName && ph.kind != phraseRole {
			continue
		}
		first := pi
		for k := pi - 1; k >= 0 && pi-k <= 8; k-- {
			t := strings.TrimSpace(x.d.Paragraphs[k].Text)
			if x.headings[k] || narrative[k] || hasMasked(&x.infos[k]) || strings.ContainsAny(t, "\"“”") ||
				strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",") {
				break
			}
			if _, _, sig := signature(t); sig {
				break
			}
			first = k
		}
		if first == pi {
			continue
		}
		x.events = append(x.events, event{at: pos{pi, 0}, verbEnd: len(p.Text), sentEnd: len(p.Text), verb: "—", quoteVerb: true, ph: ph})
		x.blocks = append(x.blocks, block{first: first, last: pi - 1, sig: -1})
		for k := first; k < pi; k++ {
			maskRange(&x.infos[k], 0, len(x.d.Paragraphs[k].Text))
		}
	}
	if len(x.blocks) == 0 {
		return
	}
	// Speech inside a block is the speaker's, not the narrative's.
	kept := x.events[:0]
	for _, ev := range x.events {
		if !x.inBlock(ev.at.para) {
			kept = append(kept, ev)
		}
	}
	x.events = kept
}

func (x *extractor) inBlock(pi int) bool {
	for _, b := range x.blocks {
		if pi >= b.first && pi <= b.last {
			return true
		}
	}
	return false
}

func hasMasked(in *paraInfo) bool {
	for _, m := range in.masked {
		if m {
			return true
		}
	}
	return false
}

// resolveEvents names the speaker of every event in reading order, keeping
// the history he and she are resolved against; a heading starts afresh.
func (x *extractor) resolveEvents() {
	var hist []speaker
	reset := pos{0, 0}
	next := 0
	for i := range x.events {
		ev := &x.events[i]
		for ; next < len(x.headings) && next <= ev.at.para; next++ {
			if x.headings[next] {
				hist, reset = nil, pos{next, 0}
			}
		}
		ev.who = x.resolvePhrase(ev.ph, hist, reset, x.reportedBefore(ev))
		if ev.verb == "—" {
			for bi := range x.blocks {
				if x.blocks[bi].last == ev.at.para-1 {
					x.blocks[bi].sig = i
				}
			}
		}
		if ev.who.known {
			h := ev.who
			h.end = pos{ev.at.para, max(ev.sentEnd, ev.verbEnd)}
			hist = append(hist, h)
		}
	}
}

// reportedBefore returns, for a pronoun that reports the words before it
// in its own sentence ("Mr Blair has failed, he claimed, saying ..."),
// where that sentence starts: the people it names are what is reported,
// not who reports it. Otherwise it returns the pronoun's own position.
func (x *extractor) reportedBefore(ev *event) pos {
	at := pos{ev.ph.para, ev.ph.off}
	if ev.ph.kind != phrasePronoun || ev.at.para != ev.ph.para || ev.ph.off <= ev.sentStart {
		return at
	}
	src := x.d.Paragraphs[ev.ph.para].Text
	before := strings.TrimRight(src[ev.sentStart:ev.ph.off], " ")
	after := strings.TrimLeft(src[min(ev.verbEnd, len(src)):], " ")
	if !strings.HasSuffix(before, ",") || after == "" || !strings.ContainsRune(",.;", rune(after[0])) {
		return at
	}
	return pos{ev.ph.para, ev.sentStart}
}

// resolvePhrase names the speaker a phrase stands for; cut is where the
// people a pronoun may stand for stop being named (see reportedBefore).
func (x *extractor) resolvePhrase(ph phrase, hist []speaker, reset, cut pos) speaker {
	sp := speaker{as: ph.text, gender: ph.gender}
	switch ph.kind {
	case phraseName, phraseRole:
		for _, n := range ph.names {
			if key, ok := x.r.Resolve(n, ph.para, ph.nameOff); ok && key != "" {
				sp.key, sp.known, sp.person = key, true, true
				if x.info != nil {
					isPerson, g := x.info.Person(key)
					sp.person = isPerson
					if g != 0 {
						sp.gender = g
					}
				}
				if g := x.genders[key]; sp.gender == 0 {
					sp.gender = g
				}
				return sp
			}
		}
		if ph.kind == phraseName {
			// A name the Resolver does not know: someone, but not someone
			// the quote can be given to.
			sp.known, sp.person = true, ph.lookAlike
		}
		// An unresolved role ("the American") refers back to someone
		// already named; it leaves the history as it is.
		return sp
	case phrasePronoun:
		got := x.pronoun(ph, hist, reset, cut)
		got.as = ph.text
		return got
	case phraseOther:
		sp.known = true
		if strings.EqualFold(ph.text, "it") {
			return x.itSpeaker(ph, hist)
		}
		return sp
	case phraseUnnamed:
		sp.known, sp.person = true, unnamedPerson(ph.text)
		return sp
	}
	return sp
}

// unnamedPerson reports whether an unnamed speaker phrase names a person
// ("a Labour spokesman") rather than a thing ("a report", "the statement").
func unnamedPerson(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	for i := len(ws) - 1; i >= 0; i-- {
		w := strings.Trim(ws[i], ".,'’")
		if w == "of" || w == "from" || w == "at" || w == "for" || w == "in" || w == "with" {
			ws = ws[:i]
		}
	}
	if len(ws) == 0 {
		return false
	}
	head := strings.Trim(ws[len(ws)-1], ".,'’")
	return personNouns[head] || femaleNouns[head] || maleNouns[head]
}

// personNouns are the heads of unnamed speaker phrases that are people.
var personNouns = set("spokesman", "spokeswoman", "spokesperson", "woman", "man", "trader", "worker",
	"volunteer", "official", "officer", "minister", "source", "resident", "student", "analyst",
	"economist", "expert", "executive", "director", "manager", "member", "campaigner", "activist",
	"witness", "friend", "neighbour", "neighbor", "fan", "player", "coach", "teacher", "doctor",
	"nurse", "lawyer", "diplomat", "aide", "adviser", "advisor", "insider", "migrant", "refugee",
	"mother", "father", "person", "journalist", "reporter", "colleague", "mp", "politician",
	"leader", "owner", "boss", "chief", "researcher", "officials", "spokesmen", "people", "critics",
	"researchers", "analysts", "sources", "residents", "experts", "traders", "workers", "volunteers")

// pronoun resolves he or she to the last speaker of the section who may
// be meant (a person, of a compatible gender, among the last three) unless
// someone else has been named since; when that someone is the one person
// named since, as the subject of a sentence ("Captain X was ecstatic. "Q,"
// he said."), it is them. When nobody has spoken yet, it is the one person
// the section has named, if there is exactly one.
func (x *extractor) pronoun(ph phrase, hist []speaker, reset, at pos) speaker {
	seen := 0
	for i := len(hist) - 1; i >= 0 && seen < 3; i-- {
		h := hist[i]
		if !h.person {
			continue
		}
		seen++
		g := h.gender
		if g == 0 && h.key != "" {
			g = x.genders[h.key]
		}
		if g != 0 && ph.gender != 0 && g != ph.gender {
			continue
		}
		others := x.personsMentioned(h.end, at, ph.gender, h.key)
		switch {
		case len(others) == 1 && others[0].subject && others[0].key[0] != '?':
			return speaker{key: others[0].key, known: true, person: true, gender: ph.gender}
		case len(others) > 0:
			return speaker{as: ph.text}
		}
		if h.key != "" && g == 0 && ph.gender != 0 {
			x.genders[h.key] = ph.gender
		}
		return h
	}
	for _, h := range hist {
		if h.person {
			return speaker{as: ph.text} // someone spoke, but not someone he or she can be
		}
	}
	named := x.personsMentioned(reset, at, ph.gender, "")
	if len(named) != 1 || named[0].key[0] == '?' {
		return speaker{as: ph.text}
	}
	return speaker{key: named[0].key, known: true, person: true, gender: ph.gender}
}

// itSpeaker resolves "it" to the organisation that spoke last ("...,
// Human Rights Watch said in a report." then "“Q,” it said in the
// report"): the last speaker that is no person, among the last three,
// when the articles name it; a report or a statement stays unnamed.
func (x *extractor) itSpeaker(ph phrase, hist []speaker) speaker {
	unnamed := speaker{as: ph.text, known: true}
	seen := 0
	for i := len(hist) - 1; i >= 0 && seen < 3; i-- {
		h := hist[i]
		seen++
		if h.person {
			continue
		}
		if h.key == "" {
			return unnamed
		}
		return speaker{key: h.key, as: ph.text, known: true}
	}
	return unnamed
}

// mention is a person named in the narrative. An unresolved name that looks
// like a person's has a key starting with "?".
type mention struct {
	key     string
	subject bool // the name is its sentence's subject
}

// personsMentioned lists the distinct people named from from to to
// (outside quotes) whose gender does not contradict g, but not skip.
func (x *extractor) personsMentioned(from, to pos, g byte, skip string) []mention {
	var out []mention
	seen := map[string]bool{skip: true}
	for pi := from.para; pi <= to.para && pi < len(x.infos); pi++ {
		in := &x.infos[pi]
		src := x.d.Paragraphs[pi].Text
		subjects := x.sentenceSubjects(pi)
		i := 0
		if pi == from.para {
			i = tokenAt(in.toks, from.off)
		}
		for i < len(in.toks) {
			t := in.toks[i]
			if pi == to.para && t.start >= to.off {
				break
			}
			if (pi == from.para && t.start < from.off) || in.masked[i] || !t.capital() {
				i++
				continue
			}
			j := i
			for j < len(in.toks) && !in.masked[j] && in.toks[j].capital() && !(pi == to.para && in.toks[j].start >= to.off) {
				j++
			}
			if ns, ok := nameRun(in.toks, i, j); ok && !ns.org {
				ph := namePhrase(phrase{para: pi, off: in.toks[ns.lo].start}, src, in.toks, ns)
				key, person, kg := "", ph.lookAlike, ph.gender
				for _, n := range ph.names {
					if k, ok := x.r.Resolve(n, pi, ph.nameOff); ok && k != "" {
						key = k
						if x.info != nil {
							person, kg = x.info.Person(k)
						}
						break
					}
				}
				if key == "" && ph.lookAlike && x.info == nil {
					// Without entity facts an unknown two-word name may be
					// a person: it makes a pronoun ambiguous.
					key = "?" + ph.names[0]
				}
				if kg == 0 && key != "" {
					kg = x.genders[key]
				}
				if key != "" && person && !seen[key] && (kg == 0 || g == 0 || kg == g) {
					seen[key] = true
					// subjects are in order and apart: only the last
					// that starts at or before the name can hold it.
					k := sort.Search(len(subjects), func(k int) bool { return subjects[k].Start > ph.nameOff })
					m := mention{key: key, subject: k > 0 && ph.nameOff < subjects[k-1].End}
					out = append(out, m)
				}
			}
			i = j
		}
	}
	return out
}

// sentenceSubjects are the byte spans of the subjects of a paragraph's
// sentences.
func (x *extractor) sentenceSubjects(pi int) []text.Span {
	if x.subjects == nil {
		x.subjects = make(map[int][]text.Span)
	}
	if got, ok := x.subjects[pi]; ok {
		return got
	}
	got := x.subjectsOf(pi, &x.infos[pi])
	x.subjects[pi] = got
	return got
}

func (x *extractor) subjectsOf(pi int, in *paraInfo) []text.Span {
	src := x.d.Paragraphs[pi].Text
	var out []text.Span
	for _, s := range in.sents {
		lo := tokenAt(in.toks, s.Start)
		hi := tokenAt(in.toks, s.End)
		if lo >= hi || in.masked[lo] {
			continue
		}
		if ph, ok := clauseSubject(src, pi, in.toks, lo, hi); ok {
			out = append(out, text.Span{Start: ph.off, End: ph.off + len(ph.text)})
		}
	}
	return out
}

// attrKind tells how a quote was attributed.
type attrKind int

const (
	attrNone     attrKind = iota
	attrAfter             // "Q," said X / "Q," X said
	attrLeadIn            // X said: "Q" in the same sentence
	attrLine              // a speaker line before the quoted paragraph
	attrContinue          // follows a quote of the same speaker
	attrPrevious          // the sentence before says X said ...
	attrBlock             // signed block quote
)

// cand is a quote being built.
type cand struct {
	q      Quote
	sp     span
	kind   attrKind
	who    speaker
	attrTo pos    // end of the attribution clause, for continuations
	ev     *event // the said-verb that attributes it, if any
}

func (x *extractor) quotes() []Quote {
	var cands []cand
	for _, b := range x.blocks {
		if b.sig < 0 {
			continue
		}
		var parts []string
		for k := b.first; k <= b.last; k++ {
			parts = append(parts, x.d.Paragraphs[k].Text)
		}
		ev := x.events[b.sig]
		c := cand{kind: attrBlock, who: ev.who}
		c.q = Quote{Text: cleanQuoteText(strings.Join(parts, " ")), Para: b.first, ParaEnd: b.last, Block: true}
		c.sp = span{open: pos{b.first, 0}, close: pos{b.last, len(x.d.Paragraphs[b.last].Text)}, after: len(x.d.Paragraphs[b.last].Text)}
		c.attrTo = pos{b.last + 1, len(x.d.Paragraphs[b.last+1].Text)}
		cands = append(cands, c)
	}
	var prev *cand
	var spanCands []cand
	for _, s := range x.spans {
		c, ok := x.spanQuote(s, prev)
		if !ok {
			continue
		}
		if prev != nil && splitQuote(prev, &c) {
			// "For instance," he said, "older people ...": one quote.
			prev.q.Text = cleanQuoteText(prev.q.Text + ", " + c.q.Text)
			prev.q.ParaEnd = c.q.ParaEnd
			prev.sp.close, prev.sp.after = c.sp.close, c.sp.after
			prev.attrTo = c.attrTo
			continue
		}
		spanCands = append(spanCands, c)
		prev = &spanCands[len(spanCands)-1]
	}
	cands = append(cands, spanCands...)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].sp.open.before(cands[j].sp.open) })
	out := make([]Quote, 0, len(cands))
	for _, c := range cands {
		q := c.q
		q.SpeakerAs = c.who.as
		q.Speaker = c.who.key
		out = append(out, q)
	}
	return out
}

// splitQuote reports whether c goes on the sentence prev left open around
// its attribution: "For instance," he said, "older people ...".
func splitQuote(prev, c *cand) bool {
	if prev.kind != attrAfter || c.kind != attrLeadIn || prev.ev == nil || prev.ev != c.ev {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c.q.Text)
	return unicode.IsLower(r)
}

// spanQuote decides whether a quoted span is a quotation and finds its
// speaker. prev is the last quotation kept before it.
func (x *extractor) spanQuote(s span, prev *cand) (cand, bool) {
	txt := spanText(x.d, s)
	words := countWords(txt)
	if words == 0 {
		return cand{}, false
	}
	open := &x.infos[s.open.para]
	oi := tokenAt(open.toks, s.open.off)
	ss, _ := open.sentenceOf(s.open.off)
	var before *tok // the word or mark right before the opening mark, in its sentence
	if oi > 0 && !open.masked[oi-1] && open.toks[oi-1].start >= ss {
		before = &open.toks[oi-1]
	}
	inline := before != nil && (before.word || before.isPunct("(") || before.isPunct("–") || before.isPunct("-"))
	if before != nil && before.word && titleTrigger[before.lower()] {
		return cand{}, false
	}
	if isTitleCase(txt) {
		return cand{}, false
	}
	closeIn := &x.infos[s.close.para]
	var next *tok // first token after the closing mark
	if ci := tokenAt(closeIn.toks, s.after); s.closed && ci < len(closeIn.toks) && !closeIn.masked[ci] {
		next = &closeIn.toks[ci]
	}
	endsClause := strings.HasSuffix(strings.TrimSpace(txt), ",") || endsSentence(txt)
	rawEnd := lastRuneBefore(x.d.Paragraphs[s.close.para].Text, s.close.off)
	if rawEnd == ',' || rawEnd == '.' || rawEnd == '?' || rawEnd == '!' || rawEnd == '…' {
		endsClause = true
	}
	c := cand{sp: s}
	c.q = Quote{Text: txt, Para: s.open.para, ParaEnd: s.close.para, Start: s.textStart}
	c.kind, c.who, c.attrTo, c.ev = x.attribute(s, before, rawEnd, prev)
	if next != nil && next.word && !next.capital() && !endsClause && c.kind != attrAfter {
		return cand{}, false // the writer's sentence goes on: a phrase, not a quotation
	}
	if words < minWords {
		whole := !inline && (c.kind == attrAfter || c.kind == attrLine ||
			(c.kind == attrLeadIn && before != nil && (before.isPunct(":") || before.isPunct(","))))
		if !whole {
			return cand{}, false
		}
	}
	return c, true
}

// attribute finds the speaker of a quoted span by the patterns of news
// writing, the most direct first.
func (x *extractor) attribute(s span, before *tok, rawEnd rune, prev *cand) (attrKind, speaker, pos, *event) {
	closeEnd := pos{s.close.para, s.after}
	// "Q," said X. / "Q," X said. / "Q," X, head of Y, told Z.
	if s.closed {
		ev, ok, blocked := x.afterEvent(s, rawEnd)
		if ok {
			return attrAfter, ev.who, pos{ev.at.para, ev.sentEnd}, ev
		}
		if blocked {
			return attrNone, speaker{}, closeEnd, nil
		}
	}
	// X said: "Q" / X told Y that it was "Q".
	if before != nil {
		if ev, ok := x.leadInEvent(s); ok {
			return attrLeadIn, ev.who, closeEnd, ev
		}
		return attrNone, speaker{}, closeEnd, nil
	}
	// A speaker line: "Mr Alegre said," then the quoted paragraph.
	if s.open.off == 0 && s.open.para > 0 {
		pp := s.open.para - 1
		t := strings.TrimSpace(x.d.Paragraphs[pp].Text)
		if !x.headings[pp] && (strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",")) {
			if ev, ok := x.lastEvent(pp, len(t)+1); ok && ev.quoteVerb {
				return attrLine, ev.who, closeEnd, ev
			}
			return attrNone, speaker{}, closeEnd, nil
		}
	}
	// A quote that follows one of the same speaker: "Q1," he said. "Q2."
	if prev != nil && x.follows(prev, s.open) {
		return attrContinue, prev.who, closeEnd, nil
	}
	// X said Y. "Q."
	if ev, ok := x.previousSentenceEvent(s.open); ok {
		return attrPrevious, ev.who, closeEnd, ev
	}
	return attrNone, speaker{}, closeEnd, nil
}

// afterEvent finds a said-verb in the clause right after the closing mark.
// blocked is set when that clause is an attribution whose speaker could not
// be read: the quote then takes no speaker from elsewhere.
func (x *extractor) afterEvent(s span, rawEnd rune) (ev *event, ok, blocked bool) {
	in := &x.infos[s.close.para]
	ci := tokenAt(in.toks, s.after)
	if ci >= len(in.toks) || in.masked[ci] {
		return nil, false, false
	}
	first := in.toks[ci]
	comma := rawEnd == ','
	if first.isPunct(",") || first.isPunct("–") || first.isPunct("—") {
		comma = comma || first.isPunct(",")
		ci++
		if ci >= len(in.toks) || in.masked[ci] {
			return nil, false, false
		}
		first = in.toks[ci]
	}
	if !first.word {
		return nil, false, false
	}
	if first.capital() && rawEnd == '.' {
		return nil, false, false // a new sentence, not an attribution
	}
	limit := ci + 24
	for k := ci; k < len(in.toks) && k < limit; k++ {
		t := in.toks[k]
		if in.masked[k] || (!t.word && strings.ContainsAny(t.s, ".!?;")) {
			break
		}
		if ev := x.eventAt(pos{s.close.para, t.start}); ev != nil {
			if !ev.quoteVerb || !x.opensAttribution(in, ci, k, ev) {
				return nil, false, comma && ev.quoteVerb
			}
			if first.capital() && (rawEnd == '?' || rawEnd == '!') && k-ci > 3 {
				return nil, false, false
			}
			return ev, true, false
		}
	}
	return nil, false, false
}

// opensAttribution reports whether the clause from token ci to the
// said-verb at token k is the quote's attribution: it starts with the verb
// or with the speaker phrase ("said X", "X, head of Y, said"), or it is
// "X quoted Y as saying".
func (x *extractor) opensAttribution(in *paraInfo, ci, k int, ev *event) bool {
	first := in.toks[ci]
	if ci == k || first.start == ev.ph.off || first.start == ev.ph.nameOff {
		return true
	}
	if ev.verb != "saying" {
		return false
	}
	for j := ci; j < k; j++ {
		if in.toks[j].lower() == "quoted" {
			return true
		}
	}
	return false
}

// leadInEvent finds the said-verb before the opening mark in its sentence.
func (x *extractor) leadInEvent(s span) (*event, bool) {
	in := &x.infos[s.open.para]
	ss, _ := in.sentenceOf(s.open.off)
	oi := tokenAt(in.toks, s.open.off)
	for k := oi - 1; k >= 0 && !in.masked[k] && in.toks[k].start >= ss; k-- {
		if ev := x.eventAt(pos{s.open.para, in.toks[k].start}); ev != nil {
			if ev.quoteVerb {
				return ev, true
			}
			return nil, false
		}
	}
	return nil, false
}

// lastEvent is the last event of paragraph pi before offset off.
func (x *extractor) lastEvent(pi, off int) (*event, bool) {
	i := sort.Search(len(x.events), func(i int) bool { return !x.events[i].at.before(pos{pi, off}) })
	if i > 0 && x.events[i-1].at.para == pi {
		return &x.events[i-1], true
	}
	return nil, false
}

// eventAt is the event whose verb starts at p.
func (x *extractor) eventAt(p pos) *event {
	i := sort.Search(len(x.events), func(i int) bool { return !x.events[i].at.before(p) })
	if i < len(x.events) && x.events[i].at == p {
		return &x.events[i]
	}
	return nil
}

// follows reports whether a quote opening at at comes right after prev and
// its attribution, with no other words between.
func (x *extractor) follows(prev *cand, at pos) bool {
	from := pos{prev.sp.close.para, prev.sp.after}
	if prev.attrTo.before(from) {
		prev.attrTo = from
	}
	for pi := from.para; pi <= at.para; pi++ {
		if pi > from.para && x.headings[pi] {
			return false
		}
		if pi < prev.attrTo.para {
			continue // all before what is attributed already
		}
		in := &x.infos[pi]
		k := 0
		if pi == prev.attrTo.para {
			k = tokenAt(in.toks, prev.attrTo.off)
		}
		for _, t := range in.toks[k:] {
			if pi == at.para && t.start >= at.off {
				break
			}
			if t.word {
				return false
			}
		}
	}
	return at.para-from.para <= 1
}

// previousSentenceEvent finds "X said ..." in the sentence right before a
// quote that opens a sentence.
func (x *extractor) previousSentenceEvent(at pos) (*event, bool) {
	in := &x.infos[at.para]
	ss, _ := in.sentenceOf(at.off)
	pi, end := at.para, ss
	if ss == 0 || at.off == 0 {
		if at.para == 0 || x.headings[at.para-1] {
			return nil, false
		}
		pi = at.para - 1
		end = len(x.d.Paragraphs[pi].Text)
	}
	pin := &x.infos[pi]
	ps, _ := pin.sentenceOf(max(end-1, 0))
	for i := range x.events {
		ev := &x.events[i]
		if ev.at.para == pi && ev.at.off >= ps && ev.at.off < end && ev.verb != "—" && ev.ph.kind != phraseNone {
			if !saidVerbs[ev.verb] && !participles[ev.verb] {
				return nil, false
			}
			return ev, true
		}
	}
	return nil, false
}

// tokenAt is the index of the first token starting at or after off.
func tokenAt(toks []tok, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].start >= off })
}

func lastRuneBefore(s string, off int) rune {
	t := strings.TrimRight(s[:min(off, len(s))], " ")
	r, _ := utf8.DecodeLastRuneInString(t)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// countWords counts the words of s, as tokenize reads them.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isWordRune(r) || (in && strings.ContainsRune("'’-&.", r))
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// isTitleCase reports whether a quoted phrase reads as a title ("Enforced
// Misery: The Degrading Treatment of Migrant Children"): most words
// capitalised, and no sentence inside.
func isTitleCase(s string) bool {
	toks := tokenize(s, 0, len(s))
	var words, caps, small int
	for _, t := range toks {
		if !t.word {
			continue
		}
		words++
		switch {
		case t.capital():
			caps++
		case smallTitleWords[t.lower()]:
			small++
		}
	}
	if words < 2 || caps < 2 || endsSentence(s) {
		return false
	}
	return caps+small == words && float64(caps) >= 0.6*float64(words-small)
}
