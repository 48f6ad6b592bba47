package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one word or punctuation mark of a paragraph.
type tok struct {
	s          string
	low        string // s in lower case with curly apostrophes made straight
	start, end int    // byte span in the paragraph
	word       bool
}

// lower is the token in lower case with curly apostrophes made straight.
func (t tok) lower() string { return t.low }

func lowerWord(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "’", "'"))
}

// capital reports whether a word starts with an upper-case letter.
func (t tok) capital() bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	return t.word && unicode.IsUpper(r)
}

// isPunct reports whether the token is the punctuation mark c.
func (t tok) isPunct(c string) bool { return !t.word && t.s == c }

// tokenize splits s[from:to] into words and punctuation marks. Apostrophes,
// hyphens, ampersands and periods inside a word stay in it ("Schulte-Strathaus",
// "Cazeneuve’s", "U.S").
func tokenize(s string, from, to int) []tok {
	out := make([]tok, 0, (to-from)/4+1)
	i := from
	for i < to {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case isWordRune(r):
			j := i + w
			for j < to {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += w2
					continue
				}
				if strings.ContainsRune("'’-&.", r2) && j+w2 < to {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if isWordRune(r3) {
						j += w2
						continue
					}
				}
				break
			}
			out = append(out, tok{s: s[i:j], low: lowerWord(s[i:j]), start: i, end: j, word: true})
			i = j
		default:
			out = append(out, tok{s: s[i : i+w], low: s[i : i+w], start: i, end: i + w})
			i += w
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// saidVerbs are the verbs that report speech, in every form Extract reads
// as a finite verb. Participles are in participles.
var saidVerbs = set(
	"said", "says", "say", "told", "tells", "tell", "added", "adds", "add",
	"stated", "states", "warned", "warns", "explained", "explains",
	"argued", "argues", "insisted", "insists", "claimed", "claim",
	"asked", "asks", "replied", "replies", "continued", "noted", "notes",
	"wrote", "writes", "urged", "urges", "acknowledged", "acknowledges",
	"highlighted", "admitted", "admits", "stressed", "stresses", "declared",
	"announced", "confirmed", "confirms", "denied", "denies", "revealed",
	"suggested", "suggests", "commented", "remarked", "observed", "conceded",
	"recalled", "predicted", "responded", "answered", "emphasised",
	"emphasized", "maintained", "maintains", "complained", "joked",
	"cautioned", "vowed", "agreed", "reported", "reports", "concluded",
	"criticised", "criticized", "dismissed", "accused", "countered",
	"thundered", "quipped", "boasted", "mused", "pleaded", "proclaimed",
	"announces", "believes", "believed", "explain", "thinks", "reckons",
)

// participles are the -ing forms: "..., saying: "Q"". Their subject is the
// subject of the sentence's main clause.
var participles = set(
	"saying", "adding", "telling", "insisting", "warning", "explaining",
	"arguing", "noting", "claiming", "stating", "stressing", "asking",
	"urging", "acknowledging", "admitting", "writing", "replying",
	"declaring", "confirming", "denying", "suggesting", "commenting",
	"emphasising", "emphasizing", "announcing", "predicting", "conceding",
	"complaining", "joking", "cautioning", "vowing", "accusing",
)

// quoteVerbs are the said-verbs that can introduce or close a quotation of
// the speaker's words; the reporting-only ones (denied, dismissed,
// criticised, believes, reported ...) only name who is speaking.
var quoteVerbs = set(
	"said", "says", "say", "told", "tells", "tell", "added", "adds", "add",
	"stated", "states", "warned", "warns", "explained", "explains",
	"argued", "argues", "insisted", "insists", "claimed", "asked", "asks",
	"replied", "replies", "continued", "noted", "notes", "wrote", "writes",
	"urged", "urges", "acknowledged", "acknowledges", "highlighted",
	"admitted", "admits", "stressed", "declared", "announced", "confirmed",
	"revealed", "suggested", "commented", "remarked", "observed",
	"conceded", "recalled", "predicted", "responded", "answered",
	"emphasised", "emphasized", "maintained", "complained", "joked",
	"cautioned", "vowed", "agreed", "concluded", "countered", "thundered",
	"quipped", "boasted", "mused", "pleaded", "proclaimed", "denied",
	"saying", "adding", "telling", "insisting", "warning", "explaining",
	"arguing", "noting", "claiming", "stating", "stressing", "asking",
	"urging", "acknowledging", "admitting", "writing", "replying",
	"declaring", "confirming", "suggesting", "commenting", "emphasising",
	"emphasizing", "announcing", "predicting", "conceding", "complaining",
	"joking", "cautioning", "vowing", "denying", "thinks", "reckons", "believes",
)

// auxiliaries and adverbs that sit between a subject and its said-verb.
var betweenWords = set(
	"has", "have", "had", "will", "would", "could", "should", "may", "might",
	"must", "shall", "can", "did", "does", "do", "also", "then", "later", "again",
	"previously", "quickly", "recently", "repeatedly", "once", "often",
	"today", "yesterday", "tonight", "earlier", "further", "simply", "just",
	"always", "never", "still", "even", "already", "now", "reportedly",
	"publicly", "privately", "only", "once", "famously", "angrily", "firmly",
	"openly", "frankly", "flatly", "bluntly", "clearly", "strongly",
	"not", "however", "too", "last", "this", "week", "month", "year",
	"on", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "morning", "afternoon", "evening", "night",
)

// passiveWords before a said-verb make the subject the hearer ("he was asked").
var passiveWords = set("was", "were", "been", "being", "is", "are", "be", "get", "got")

// boundaryWords end a subject phrase when walking back from its verb.
var boundaryWords = set(
	"that", "and", "but", "while", "whilst", "when", "as", "after", "before",
	"because", "if", "so", "where", "although", "though", "since", "until",
	"whether", "than", "then", "or", "nor", "yet", "to", "by", "with",
	"about", "into", "over", "under", "without", "against", "during",
	"which", "who", "whom", "whose", "what", "why", "how",
)

// phraseJoiners may sit inside a speaker phrase: "head of the central bank",
// "a woman from Iraq", "Minister for Work".
var phraseJoiners = set("of", "from", "at", "for", "in", "and", "the", "de", "du", "la", "le", "van", "von", "der", "da", "dos", "al", "bin", "y")

// determiners open a noun phrase.
var determiners = set("the", "a", "an", "one", "another", "his", "her", "its", "their", "our", "my", "your", "this", "that", "some", "several", "two", "three", "many", "most", "each", "every", "no")

// indefinites open a phrase that names nobody: "a Kurdish woman from Iraq".
var indefinites = set("a", "an", "one", "another", "some", "several", "two", "three", "four", "many", "most", "each", "every", "no", "any", "other", "others", "someone", "somebody", "sources", "critics", "officials", "analysts", "experts", "residents", "people")

// pronouns a speaker can be named by.
var pronouns = set("he", "she", "it", "they", "we", "i", "you")

// honorifics precede a name and tell its gender when they can.
var honorifics = map[string]byte{
	"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f',
	"miss": 'f', "sir": 'm', "lord": 'm', "lady": 'f', "dame": 'f',
	"dr": 0, "dr.": 0, "prof": 0, "professor": 0, "m": 'm', "mme": 'f',
	"mlle": 'f', "madame": 'f', "monsieur": 'm', "rev": 0, "father": 'm',
	"sister": 'f', "brother": 'm', "king": 'm', "queen": 'f', "prince": 'm',
	"princess": 'f', "baroness": 'f', "baron": 'm',
}

// postNominals follow a name: "Paul Boateng MP".
var postNominals = set("mp", "mep", "msp", "qc", "kc", "jr", "sr", "obe", "mbe", "cbe", "phd", "am", "td")

// titleWords are the lower-case words a speaker phrase may hold: roles and
// the nouns around them ("Calais mayor Natacha Bouchart", "shop owner X").
var titleWords = set(
	"mayor", "minister", "secretary", "chief", "president", "chairman",
	"chairwoman", "chair", "director", "spokesman", "spokeswoman",
	"spokesperson", "leader", "chancellor", "coach", "captain", "manager",
	"executive", "officer", "commissioner", "governor", "senator",
	"ambassador", "candidate", "economist", "analyst", "owner", "head",
	"editor", "correspondent", "official", "general", "prime", "foreign",
	"home", "interior", "immigration", "shadow", "deputy", "former", "police",
	"union", "party", "shop", "club", "group", "team", "bank", "national",
	"coordinator", "co-ordinator", "founder", "boss", "player", "champion",
	"striker", "midfielder", "defender", "goalkeeper", "star", "singer",
	"actor", "actress", "producer", "writer", "author", "professor",
	"doctor", "lawyer", "judge", "prosecutor", "campaigner", "activist",
	"expert", "researcher", "worker", "volunteer", "resident", "student",
	"teacher", "trader", "member", "councillor", "commander", "sergeant",
	"inspector", "superintendent", "constable", "vice", "senior", "junior",
	"assistant", "acting", "interim", "new", "outgoing", "incoming",
	"opposition", "conservative", "labour", "liberal", "democrat",
	"republican", "tory", "election", "campaign", "policy", "finance",
	"justice", "defence", "defense", "health", "education", "transport",
	"environment", "trade", "culture", "treasury", "economic", "political",
	"security", "border", "force", "forces", "army", "military", "world",
	"number", "chief's", "fellow", "top", "veteran", "woman", "man", "mother",
	"father", "wife", "husband", "daughter", "son", "girl", "boy", "lady",
	"gentleman", "spokesmen", "spokeswomen", "representative", "agent",
	"consultant", "partner", "ceo", "md", "cfo", "cto", "presenter", "host",
	"organiser", "organizer", "promoter", "referee", "umpire", "skipper",
	"midfield", "forward", "winger", "batsman", "bowler", "driver",
	"rider", "runner", "swimmer", "boxer", "golfer", "journalist",
	"reporter", "columnist", "commentator", "pundit", "broadcaster",
	"co-founder", "cofounder", "investor", "banker", "broker", "dealer",
	"strategist", "adviser", "advisor", "aide", "envoy", "diplomat",
	"delegate", "lawmaker", "legislator", "mp", "peer", "chairperson",
	"business", "industry", "airline", "company", "firm", "agency",
	"council", "committee", "association", "federation", "league",
	"festival", "music", "film", "tv", "television", "radio", "record",
	"label", "studio", "band", "organisers", "organizers", "officials",
	"general's", "leader's", "party's", "government's", "state", "county",
	"city", "town", "district", "regional", "local", "british", "french",
	"american",
)

// femaleNouns and maleNouns tell the gender of an unnamed speaker.
var femaleNouns = set("woman", "spokeswoman", "mother", "wife", "daughter", "girl", "lady", "chairwoman", "actress", "sister", "grandmother", "businesswoman", "policewoman", "congresswoman")
var maleNouns = set("man", "spokesman", "father", "husband", "son", "boy", "gentleman", "chairman", "brother", "grandfather", "businessman", "policeman", "congressman")

// titleTrigger words before a quoted phrase mark it as a name or title, not
// someone's words: "the report entitled “Enforced Misery”".
var titleTrigger = set("entitled", "titled", "called", "named", "dubbed", "headlined", "labelled", "labeled", "nicknamed", "so-called", "term", "word", "words", "phrase", "slogan", "motto", "banner", "headline", "caption", "tagline", "hashtag")

// smallTitleWords may stay lower case in a title: "Enforced Misery: The
// Degrading Treatment of Migrant Children".
var smallTitleWords = set("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs", "de", "la", "le", "is")
