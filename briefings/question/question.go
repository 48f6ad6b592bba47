// Package question analyses a free question as a person types it: what
// kind of answer it asks for (a person, a date, a number of something, a
// reason ...), the tense it asks in, the year it names, whether it asks
// about the whole corpus, and the words that say what it is about. It
// knows nothing of the corpus: the engine resolves the words to people
// and passages.
package question

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/briefings/internal/lazyre"
)

// Type is the kind of answer a question asks for.
type Type int

// The answer types.
const (
	// Any is a question whose answer is a passage, not a span of it.
	Any Type = iota
	// Person asks "who": a person, or an organisation acting as one.
	Person
	// Organisation asks "which company, club, band ...".
	Organisation
	// Date asks "when" (see Question.Future for its tense).
	Date
	// Number asks "how many" (see Question.Unit for what is counted).
	Number
	// Money asks "how much did it cost, pay, raise ...".
	Money
	// Percentage asks "what share, by what percentage".
	Percentage
	// Place asks "where", "in which city".
	Place
	// Reason asks "why", "what caused".
	Reason
	// Title asks for the name of a thing: "what is the film called".
	Title
	// List asks for several things: "which countries", "name the ...".
	List
)

var typeNames = [...]string{"any", "person", "organisation", "date", "number", "money", "percentage", "place", "reason", "title", "list"}

// String is the type's name, as tests and logs print it.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "type(" + strconv.Itoa(int(t)) + ")"
}

// Scope says whether a question asks about one thing or about the corpus.
type Scope int

// The scopes.
const (
	// Specific asks about one thing.
	Specific Scope = iota
	// Overview asks for a summary: "summarise", "what happened in 2021".
	Overview
	// Latest asks what is new: "what's new", "any news".
	Latest
)

// DurationUnit is the Unit of "how long": a number of days, weeks,
// months or years.
const DurationUnit = "duration"

// AgeUnit is the Unit of "how old": a person's age in years.
const AgeUnit = "age"

// ChangeUnit is the Unit of a question for how much something rose or
// fell ("by how much did sales rise"): a change, most often a percentage.
const ChangeUnit = "change"

// changeRe finds a question for how much something rose or fell, not the
// level it reached ("what did it rise to").
var changeRe = lazyre.New(`\b(?:by\s+how\s+much|how\s+much)\b.*\b(?:go(?:ne)?\s+(?:up|down)|went\s+(?:up|down)|rise|rose|risen|fall|fell|fallen|drop|dropped|increase|increased|grow|grew|grown|climb|climbed|jump|jumped|gain|gained|slip|slipped|decline|declined|shrink|shrank|up|down)(?:\s+by)?(?:\s+(?:on|in|this|last|since|over|against|after|between)\b.*)?$`)

// Question is what the analysis found.
type Question struct {
	// Text is the question as asked, trimmed.
	Text string
	// Type is the kind of answer asked for.
	Type Type
	// Unit is the noun a number counts ("pages" in "how many pages"), lower
	// case as typed; empty when none is named.
	Unit string
	// Future is set when the question asks about what will happen ("when
	// will", "is due to"); Past when it asks about what happened.
	Future, Past bool
	// Verb is the verb of a question about who did something ("who
	// directed the film": "directed"), lower case; empty for other forms.
	Verb string
	// Year is the year the question names, 0 when none.
	Year int
	// Scope says whether the question asks about the whole corpus.
	Scope Scope
	// Words are the words that say what the question is about, in order,
	// as typed: the question words, auxiliaries and the year are dropped.
	Words []string
}

var (
	yearRe = lazyre.New(`\b(19[5-9]\d|20\d\d)\b`)

	overviewRe = lazyre.New(`^(?:(?:can|could)\s+you\s+|please\s+)?(?:summari[sz]e|sum\s+up|give\s+(?:me\s+)?(?:a|an)\s+(?:summary|overview|recap|rundown)|(?:a\s+|an\s+)?(?:summary|overview|recap|rundown)|what\s+(?:has\s+)?happened|what\s+went\s+on|what\s+(?:was|were)\s+the\s+(?:main\s+|big\s+|key\s+)?(?:stories|events|news|headlines)|what\s+(?:is|are)\s+the\s+(?:corpus|articles)\s+about|what\s+do\s+the\s+articles\s+cover)\b(.*)$`)
	// overviewRest is what may follow an overview request: a year, the
	// corpus, a span of time; anything else makes it a specific question
	// ("what happened to the deal").
	overviewRest = lazyre.New(`^(?:\s*(?:in|during|of|for|over|so\s+far|this|the|corpus|articles|news|stories|story|year|everything|it|all|please|me|us|briefly|\d{4}))*\s*$`)
	latestRe     = lazyre.New(`^(?:what(?:'s|\s+is)\s+(?:new|the\s+latest|happening)|any\s+(?:news|updates?)|(?:the\s+)?latest(?:\s+news)?|what\s+are\s+the\s+latest\s+(?:news|stories|articles)|anything\s+new|news)(?:\s+(?:today|this\s+week|lately|recently))?$`)

	reasonRe  = lazyre.New(`^(?:why|how\s+come)\b|\bfor\s+what\s+reason\b|\bwhat\s+(?:is|was|were|are)\s+the\s+(?:main\s+)?(?:reasons?|causes?|cause|explanation)\b|\bwhat\s+(?:caused|causes|led\s+to|leads\s+to|prompted|dragged|drove|pushed|triggered|sparked|explains|lay\s+behind|is\s+behind|was\s+behind)\b|\breason\s+(?:for|why|behind)\b`)
	dateRe    = lazyre.New(`^(?:when|since\s+when|by\s+when|until\s+when|till\s+when)\b|\b(?:what|which)\s+(?:date|day|year|month|time|week)\b|\bhow\s+long\s+ago\b|\bin\s+what\s+year\b|\bwhen\b`)
	moneyRe   = lazyre.New(`\bhow\s+much\b.*\b(?:pay|paid|pays|cost|costs|costing|worth|spend|spent|spends|raise|raised|fine|fined|sell|sold|price|priced|earn|earned|earns|owe|owed|owes|invest|invested|fund|funding|contribute|contributed|bid|charge|charged|value|valued|lose|lost|make|made|profit|profits|revenue|sales|budget|compensation|damages|deal|fee|fees|salary|wage|wages|bonus|award|awarded|give|gave|get|got|receive|received)\b|\bwhat\s+(?:is|was|were|are)\s+the\s+(?:price|cost|fee|bill|fine|budget|salary|value)\b|\bhow\s+much\s+money\b|^what\s+(?:did|does|do|will|would|could)\s+.*\b(?:cost|come\s+to|amount\s+to|fetch|sell\s+for|go\s+for)(?:\s+in\s+\d{4})?(?:,|$)`)
	percentRe = lazyre.New(`\b(?:what|which)\s+(?:percentage|percent|proportion|share|fraction|stake|holding)\b|\bhow\s+(?:big|large)\s+(?:a\s+)?(?:stake|holding|share)\b|\bby\s+what\s+(?:percentage|percent)\b|\bhow\s+many\s+per\s*cent\b|\bwhat\s+(?:is|was|were|are)\s+the\s+(?:[\w-]+\s+)?(?:growth|interest|inflation|unemployment|jobless|tax|turnout)\s+rate\b`)
	numberRe  = lazyre.New(`\bhow\s+(?:many|much|big|large|long|far|old|tall|high|often|fast|heavy)\b|\b(?:what|which)\s+(?:number|amount|sum|total|figure|score|scoreline|rate|level|size|tally|count|margin)\b|\bwhat\s+(?:is|was|were|are)\s+the\s+(?:number|amount|sum|total|figure|score|scoreline|rate|size|tally|count|margin|age)\b|\bwhat\s+(?:did|does|do|has|have|will|would)\b.*\b(?:rise|rose|fall|fell|drop|dropped|climb|climbed|slip|slipped|grow|grew|increase|increased|decrease|decreased|jump|jumped|reach|reached|shrink|shrank)\s+to\b|\bby\s+how\s+much\b`)
	placeRe   = lazyre.New(`^where\b|\b(?:in|at|to|from)\s+(?:which|what)\s+(?:country|city|town|place|venue|stadium|ground|region|state|county|village|hospital|prison|court|capital)\b|^(?:which|what)\s+(?:country|city|town|place|venue|stadium|region|state|county|village|capital)\b|\bwhere\b|^what\s+(?:is|was)\s+the\s+capital\s+of\b`)
	titleRe   = lazyre.New(`\b(?:is|was|are|were|be)\s+(?:it|they|[\w'-]+(?:\s+[\w'-]+){0,8})\s+(?:called|named|titled|entitled|dubbed|known\s+as)(?:\s+(?:in|on|at|by|for|outside)\s+.*)?\s*$|^what\s+(?:is|was|are|were)\s+.*\b(?:film|movie|book|album|song|single|novel|play|show|series|game|programme|report)\s*$|\bwhat\s+(?:is|was|are|were)\s+(?:the\s+)?(?:name|title)\s+of\b|\bwhat(?:'s|\s+is|\s+was)\s+(?:its|his|her|their)\s+(?:name|title)\b|^(?:which|what)\s+(?:film|movie|book|album|song|single|show|programme|series|game|novel|play|track|drama|comedy|documentary)\b`)
	orgRe     = lazyre.New(`^(?:which|what)\s+(?:company|firm|group|bank|club|team|side|band|airline|carrier|broadcaster|network|channel|newspaper|paper|party|union|retailer|supermarket|brewer|manufacturer|maker|organisation|organization|agency|body|charity|studio|label|publisher|operator|business|chain|website|site|insurer|investor|buyer|bidder|rival)\b|\b(?:which|what)\s+(?:company|firm|bank|club|team|band|airline|party|union|retailer|organisation|organization|agency|studio|label)\b`)
	personRe  = lazyre.New(`^(?:who|whom|whose)\b|\b(?:who|whom)\b|^(?:which|what)\s+(?:minister|official|person|politician|mayor|leader|chief|player|actor|actress|singer|star|manager|boss|coach|director|chairman|executive|president|secretary|man|woman|judge|author|writer|presenter|footballer|striker|captain|member|mp|peer|lord|candidate|winner|referee|chancellor|spokesman|spokeswoman)\b|^name\s+the\s+(?:person|man|woman|player|minister)\b`)
	listRe    = lazyre.New(`^(?:which|what)\s+(?:countries|companies|firms|players|films|people|teams|clubs|nations|cities|measures|products|songs|bands|banks|members|artists|acts|names|groups|states|steps|changes|areas|sectors|services|books|games|albums|shows|awards|categories|things|issues|problems|reasons|options)\b|^(?:list|name)\s+(?:the|all|some)\b|^what\s+are\s+the\b`)
	futureRe  = lazyre.New(`\b(?:will|shall|won't|is\s+going\s+to|are\s+going\s+to|going\s+to|gonna|due|set\s+to|is\s+expected|are\s+expected|expected\s+to|is\s+supposed|are\s+supposed|supposed\s+to|is\s+set\s+to|are\s+set\s+to|is\s+planned|are\s+planned|planned\s+for|scheduled|upcoming|next)\b`)
	pastRe    = lazyre.New(`\b(?:did|was|were|had|has|have|ago|last|previous|previously|former|formerly|used\s+to)\b`)
	// unitSkip are words between "how many" and the counted noun.
	unitSkip = map[string]bool{"more": true, "new": true, "extra": true, "additional": true, "fewer": true, "less": true, "other": true, "different": true, "separate": true, "of": true, "the": true, "times": false}
)

// stopWords are dropped from Words: they say what kind of answer is
// wanted, or glue the question together, not what it is about.
var stopWords = set(`what which who whom whose when where why how many much does did do doing done is are was were
be been being will would can could should shall might must tell me about please say know you your
the a an of in on at to for by with from into onto as there this that these those it its it's they them their
then than so and or but if i we us our my any some did has have had going gonna supposed
let explain describe give show find kind sort type name named called actually really exactly
long ago since ever yet still just also get got`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Analyze reads a question.
func Analyze(text string) Question {
	q := Question{Text: strings.TrimSpace(text)}
	low := normalize(q.Text)
	if m := yearRe().FindString(low); m != "" {
		q.Year, _ = strconv.Atoi(m)
	}
	switch {
	case latestRe().MatchString(low):
		q.Scope = Latest
	case isOverview(low):
		q.Scope = Overview
	}
	q.Type = answerType(low)
	if q.Type == Number {
		q.Unit = unitOf(low)
		if strings.Contains(low, "how long") {
			q.Unit = DurationUnit
		}
		if strings.Contains(low, "how old") {
			q.Unit = AgeUnit
		}
		if q.Unit == "" && changeRe().MatchString(low) {
			q.Unit = ChangeUnit
		}
	}
	if q.Type == Person || q.Type == Organisation {
		q.Verb = verbOf(low)
	}
	q.Future = futureRe().MatchString(low)
	q.Past = !q.Future && pastRe().MatchString(low)
	q.Words = contentWords(q.Text)
	return q
}

func isOverview(low string) bool {
	m := overviewRe().FindStringSubmatch(low)
	return m != nil && overviewRest().MatchString(m[1])
}

// answerType decides the type, the most specific reading first: "how
// much did it cost" is money before it is a number, "which company" an
// organisation before a who.
func answerType(low string) Type {
	switch {
	case reasonRe().MatchString(low):
		return Reason
	case strings.Contains(low, "how long ago"):
		return Date
	case percentRe().MatchString(low):
		return Percentage
	case strings.Contains(low, "by how much") || changeRe().MatchString(low):
		return Number // a change: "how much did profits go up"
	case moneyRe().MatchString(low):
		return Money
	case numberRe().MatchString(low) && !strings.HasPrefix(low, "where") && !strings.HasPrefix(low, "when"):
		return Number
	case strings.HasPrefix(low, "when") || strings.HasPrefix(low, "since when") || strings.HasPrefix(low, "by when"):
		return Date
	case strings.HasPrefix(low, "where"):
		return Place
	case titleRe().MatchString(low):
		return Title
	case orgRe().MatchString(low):
		return Organisation
	case personRe().MatchString(low):
		return Person
	case dateRe().MatchString(low):
		return Date
	case placeRe().MatchString(low):
		return Place
	case listRe().MatchString(low):
		return List
	}
	return headType(low)
}

// maxHeadWords is how many words after "which" may name the kind of
// thing asked for ("which uk agency", "what american football team").
const maxHeadWords = 3

// headType reads the kind of thing a which-question asks for past the
// words that qualify it: "which immigration minister" asks for a person,
// "which uk agency" an organisation, "which pop stars" (a plural) a list.
func headType(low string) Type {
	f := strings.Fields(low)
	if len(f) < 2 || f[0] != "which" && f[0] != "what" {
		return Any
	}
	for i, w := range f[1:min(len(f), 1+maxHeadWords)] {
		if stopWords[w] {
			return Any
		}
		switch head := "which " + w; {
		case orgRe().MatchString(head):
			return Organisation
		case personRe().MatchString(head):
			return Person
		case placeNouns[w]:
			return Place
		case thingNouns[w]:
			return Title
		case listRe().MatchString(head) || plural(w) && (i > 0 || f[0] == "which"):
			// "what happens": after "what", a word ending in s is a verb.
			return List
		}
	}
	return Any
}

// placeNouns are kinds of place a which-question may ask for: "what
// stretch of coast", "which port".
var placeNouns = set(`stretch area port street coast coastline island district border river road airport station
neighbourhood neighborhood suburb province estate site camp beach harbour harbor bay`)

// thingNouns are kinds of named thing a which-question may ask for, whose
// answer is a name: "which tournament", "what operating system".
var thingNouns = set(`tournament award prize event competition race ship boat car vehicle product phone handset model
system software technology chip processor brand console device gadget plane aircraft drug vaccine scheme project
programme program campaign exhibition festival contest trophy title operation`)

// plural reports a noun in the plural by its ending: "stars", "domains",
// not "business" or "campus".
func plural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// unitOf is the noun after "how many" ("how many pages"), skipping
// words that do not name what is counted ("how many more people"); of
// two nouns the second, when plural ("how many factory jobs": jobs).
func unitOf(low string) string {
	i := strings.Index(low, "how many ")
	if i < 0 {
		return ""
	}
	unit := ""
	for _, w := range strings.Fields(low[i+len("how many "):]) {
		w = strings.Trim(w, `?!.,;:"'`)
		if w == "" || unitSkip[w] {
			continue
		}
		if stopWords[w] {
			return unit // "how many did they sell": nothing named
		}
		if unit == "" {
			unit = w
			continue
		}
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			return w
		}
		return unit
	}
	return unit
}

// whoVerb finds the verb of "who replaced ...", "who will coach ...",
// "which company bought ...".
var whoVerb = lazyre.New(`^(?:who|(?:which|what)\s+\w+)\s+(?:(?:will|would|has|have|had|is\s+going\s+to|was\s+going\s+to|could|can|might|should|is\s+set\s+to|is\s+due\s+to)\s+)?([a-z]+)`)

// verbOf is the verb a who-question asks about, when the subject is what
// it asks for; empty for "who is ...", "who did X replace".
func verbOf(low string) string {
	m := whoVerb().FindStringSubmatch(low)
	if m == nil {
		return ""
	}
	// "who did redknapp replace": a do-form asks for the object, and the
	// word after it is the subject, not the verb.
	switch v := m[1]; v {
	case "is", "was", "are", "were", "been":
		// "who is captaining ireland": the verb follows, as a present
		// participle. "who was named" asks for whom it was done to, and
		// "who is the chancellor" for a role: no verb of a doer.
		rest := strings.Fields(low[len(m[0]):])
		if len(rest) > 0 && strings.HasSuffix(rest[0], "ing") && len(rest[0]) > 4 {
			return rest[0]
		}
		return ""
	case "be", "the", "a", "an", "of", "in", "on", "at", "to", "did", "does", "do", "'s", "s":
		return ""
	default:
		return v
	}
}

// normalize lower-cases a question, straightens its quotes and opens its
// contractions, and drops the closing punctuation.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	for _, c := range [][2]string{{"who's", "who is"}, {"what's", "what is"}, {"when's", "when is"}, {"where's", "where is"},
		{"how's", "how is"}, {"why's", "why is"}, {"whats ", "what is "}, {"whos ", "who is "}} {
		s = strings.ReplaceAll(s, c[0], c[1])
	}
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, "?!. ")
}

// contentWords are the question's words less its question words and
// glue, as typed; a year is kept out (it narrows, it is not a word).
func contentWords(s string) []string {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`?!,;:()[]"“”`, r)
	})
	var out []string
	for i, w := range words {
		w = strings.Trim(w, `'‘’.`)
		lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		lw = strings.TrimSuffix(lw, "'s")
		if lw == "us" && i > 0 && strings.EqualFold(words[i-1], "the") {
			out = append(out, "US") // "the us jobless rate": the country, not the pronoun
			continue
		}
		if lw == "" || stopWords[lw] || yearRe().MatchString(lw) && len(lw) == 4 {
			continue
		}
		out = append(out, w)
	}
	return out
}
