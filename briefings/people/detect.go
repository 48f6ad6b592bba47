package people

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/text"
)

// evidence says why a capitalised sequence was taken for a person.
type evidence uint16

const (
	evHonorific  evidence = 1 << iota // "Mr Alegre", "M. Bernard Cazeneuve"
	evTitle                           // "Interior Minister Bernard Cazeneuve", "Calais mayor X"
	evGiven                           // a known first name: "Yvette Cooper"
	evInitial                         // "S Webster" in a team sheet
	evApposition                      // "X, head of the central bank"
	evSpeech                          // "X said", "said X"
	evSignature                       // "– James Brokenshire, Immigration Minister"
	evKnown                           // a name or alias of a person the article already names
	evContext                         // words around it only a person has: "his co-star X", "X is technology correspondent"
	evList                            // listed with people: "Cate Blanchett, Leonardo DiCaprio and Keanu Reeves"
)

// strong evidence overrides the doubts about a surname that is also a
// place, a street or a party ("Denzel Washington said").
const strongEvidence = evHonorific | evTitle | evApposition | evSpeech | evSignature | evContext

// paragraph is one paragraph with its tokens.
type paragraph struct {
	idx       int
	p         text.Paragraph
	toks      []token
	heading   bool // a headline or sub-heading: no final punctuation, or a short question
	signature bool // a block-quote signature: "– Name, Title"
	used      []bool
}

// cand is a name found in a paragraph, before it is linked to an entity.
type cand struct {
	para     *paragraph
	hon      int // token index of the honorific, or -1
	i, j     int // name tokens [i, j)
	kind     Kind
	ev       evidence
	gender   byte
	roles    []Role
	entity   *Entity
	fullName bool // two or more name tokens that are not initials
	after    int  // the token after the name and any suffix title ("MP"); 0 until set
	work     bool // the name stands as the title of a work or a character here
}

func (c *cand) start() int {
	if c.hon >= 0 {
		return c.para.toks[c.hon].start
	}
	return c.para.toks[c.i].start
}

func (c *cand) end() int { return c.para.toks[c.j-1].end }

// surface is the mention as written, honorific included, possessive not.
func (c *cand) surface() string { return c.para.p.Text[c.start():c.end()] }

// name is the name without the honorific.
func (c *cand) name() string { return c.para.p.Text[c.para.toks[c.i].start:c.end()] }

// nameTokens are the folded words of the name.
func (c *cand) nameTokens() []string {
	out := make([]string, 0, c.j-c.i)
	for _, t := range c.para.toks[c.i:c.j] {
		out = append(out, fold(t.text))
	}
	return out
}

func newParagraph(idx int, p text.Paragraph) *paragraph {
	toks := tokenize(p)
	pp := &paragraph{idx: idx, p: p, toks: toks, used: make([]bool, len(toks))}
	t := strings.TrimSpace(p.Text)
	last, _ := utf8.DecodeLastRuneInString(t)
	n := len(strings.Fields(t))
	switch {
	case strings.ContainsRune(".!\"”’'):;,…]", last):
	case n <= 25:
		pp.heading = true
	}
	if last == '?' && n <= 20 && !strings.ContainsAny(t, "\"“”") {
		pp.heading = true
	}
	if len(toks) > 0 && !toks[0].word && strings.ContainsRune("–—-", firstRune(toks[0].text)) && n <= 16 {
		pp.signature = true
		pp.heading = false
	}
	return pp
}

// chain is a run [i, j) of capitalised tokens, with lower-case name
// particles allowed inside ("David dal Maso").
type chain struct{ i, j int }

func chains(toks []token) []chain {
	var out []chain
	for i := 0; i < len(toks); {
		if !toks[i].word || !toks[i].upper {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j-1].poss {
			t := toks[j]
			if !t.word {
				break
			}
			if t.upper {
				j++
				continue
			}
			if nameParticles[t.lower] {
				k := j
				for k < len(toks) && toks[k].word && nameParticles[toks[k].lower] && !toks[k].upper {
					k++
				}
				if k < len(toks) && k-j <= 2 && toks[k].word && toks[k].upper {
					j = k
					continue
				}
			}
			break
		}
		out = append(out, chain{i, j})
		i = j
	}
	return out
}

// Word classes used by the detector.

func isStop(t token) bool  { return stopWords[t.lower] }
func isMonth(t token) bool { return months[t.lower] }
func isDay(t token) bool   { return days[t.lower] }
func isPlace(t token) bool { return places[t.lower] }
func isDemonym(t token) bool {
	return demonyms[t.lower] || demonyms[strings.TrimSuffix(t.lower, "s")]
}
func isOrgWord(t token) bool { return orgWords[t.lower] }

// isTitleHead reports a title head: "minister", "MP", "CEO", and in lower
// case an occupation ("star", "sprinter").
func isTitleHead(t token) bool {
	return titleHeads[t.lower] || (!t.upper && occupationHeads[t.lower]) || titleHeads[sharedTitle(t.lower)]
}

// titleSharers are the prefixes that make a title shared or second:
// "co-chairman", "vice-president", "deputy-leader".
var titleSharers = []string{"co-", "vice-", "deputy-", "joint-", "acting-"}

// sharedTitle returns the title after a sharing prefix ("co-chairman" ->
// "chairman"), or "".
func sharedTitle(w string) string {
	for _, p := range titleSharers {
		if strings.HasPrefix(w, p) {
			return w[len(p):]
		}
	}
	return ""
}

// isInitial reports a token that is one or two capital letters, like the
// "S" of "S Webster" or the "KP" of "KP Robertson".
func isInitial(t token) bool {
	if !t.word {
		return false
	}
	n := utf8.RuneCountInString(t.text)
	if n == 1 {
		return unicode.IsUpper(firstRune(t.text))
	}
	return n == 2 && t.allCaps && !acronymsNotOrgs[t.lower] && !strings.ContainsAny(t.text, "0123456789")
}

// isAcronym reports an all-capitals abbreviation that names an organisation.
func isAcronym(t token) bool {
	if !t.allCaps || acronymsNotOrgs[t.lower] || utf8.RuneCountInString(t.text) > 6 {
		return false
	}
	for _, r := range t.text {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return utf8.RuneCountInString(t.text) >= 2
}

// nameLike reports whether t can be part of a person's name other than its
// first word: a capitalised word that is not a function word, a month or
// day on its own, an organisation word, a title or an acronym.
func nameLike(t token) bool {
	if !t.word || !t.upper || isStop(t) || isDay(t) || isHonorific(t) {
		return false
	}
	if t.allCaps && utf8.RuneCountInString(t.text) > 2 || nameSuffixes[t.lower] {
		return false
	}
	for _, r := range t.text {
		if unicode.IsDigit(r) {
			return false
		}
	}
	return !isTitleHead(t) && !orgStrong[t.lower]
}

// orgStrong are organisation words that are never surnames.
var orgStrong = words(`committee ministry office agency union party council commission association
	federation bank corporation ltd inc plc company co corp club university college school institute
	foundation fund society department authority board court parliament assembly government police
	service services network airlines airways holdings industries systems technologies studios
	observers hospital museum cup championship championships league festival awards award stadium
	tunnel programme programmes program scheme bill act coalition alliance bureau organisation
	organization institution charity limited llc gmbh plc congress senate cabinet republic kingdom
	embassy consulate tribunal academy laboratory partnership group watch news radio tv television
	times telegraph express guardian mail journal herald tribune gazette magazine review observer
	post daily weekly press force unit index report outlook research fc afc rfc united rovers council's
	nations states advisors advisers associates management capital securities investments
	partners brands pharma`)

// doubtfulSurname reports a surname (token k) that is more often a place, a
// street, a party or a common noun: it needs more than a known first name.
// A month after a first name is a surname ("Theresa May") unless a day
// number follows it.
func doubtfulSurname(toks []token, k int) bool {
	t := toks[k]
	if isMonth(t) {
		return k+1 < len(toks) && isNumber(toks[k+1].text)
	}
	return isPlace(t) || isDemonym(t) || isOrgWord(t)
}

// preNameTitles may stand before a surname alone: "President Bush",
// "Chancellor Brown", "Prince Charles".
var preNameTitles = words(`president chancellor king queen prince princess pope senator governor judge
	mayor coach captain inspector detective sergeant constable bishop archbishop cardinal rabbi imam
	ambassador general colonel lieutenant admiral marshal emperor empress sultan sheikh emir chairman
	commissioner secretary minister premier-elect president-elect justice`)

// surnameTitles are titles that are also common surnames: "Carole King",
// "John Major".
var surnameTitles = words(`king major bishop marshal marshall dean judge prince butler constable
	chancellor general knight earl duke baron`)

// nameSuffixes follow a name: "Martin Luther King Jnr".
var nameSuffixes = words(`jr jnr snr sr ii iii iv`)

// inFreeRuns calls fn on each maximal run of tokens [a, b) of which none is
// used yet, left to right; a run is looked at only after fn has seen the
// runs before it (fn may mark tokens used).
func inFreeRuns(pp *paragraph, a, b int, fn func(a, b int)) {
	for k := a; k < b; k++ {
		if pp.used[k] {
			inFreeRuns(pp, a, k, fn)
			for k < b && pp.used[k] {
				k++
			}
			inFreeRuns(pp, k, b, fn)
			return
		}
	}
	fn(a, b)
}
