package figures

import "strings"

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// month returns the month a capitalised word names, or 0. "May" only
// counts where a date or a time word is around it, so that Theresa May
// and the verb "may" are not months.
func month(toks []token, k int) int {
	if k < 0 || k >= len(toks) || !toks[k].capitalised() {
		return 0
	}
	m := months[toks[k].lower()]
	if m == 5 {
		nextNum := k+1 < len(toks) && toks[k+1].kind == kNum
		prevNum := k > 0 && toks[k-1].kind == kNum
		prevTime := k > 0 && toks[k-1].is("in", "on", "last", "next", "this", "early", "late", "mid", "since", "from", "until", "of", "by", "end")
		if !nextNum && !prevNum && !prevTime {
			return 0
		}
	}
	return m
}

var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// timeUnits after a count make it a duration or an age, not a figure.
var timeUnits = set("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
	"fortnight", "fortnights", "month", "months", "year", "years", "decade", "decades", "century", "centuries",
	"night", "nights", "season", "seasons", "term", "terms", "millennia", "yrs", "hrs", "mins", "secs")

// timeZones and clock words after a number make it a time of day.
var clockWords = set("am", "pm", "gmt", "bst", "cet", "cest", "est", "edt", "pst", "pdt", "utc", "et", "pt", "hrs", "hgmt", "o’clock", "o'clock")

// labelWords directly before a number make it a label, not a quantity:
// "section 4", "Article 50", "No 10", "page 7", "number one".
var labelWords = set("section", "sections", "article", "articles", "clause", "clauses", "chapter", "chapters",
	"page", "pages", "paragraph", "paragraphs", "para", "rule", "rules", "part", "schedule", "annex", "appendix",
	"table", "figure", "fig", "no", "nos", "number", "item", "vol", "volume", "issue", "edition", "episode",
	"series", "phase", "tier", "grade", "class", "room", "flight", "route", "bus", "platform", "gate", "junction",
	"exit", "ward", "district", "zone", "block", "unit", "version", "step", "level", "ranked", "rank", "top",
	"seed", "seeded", "aged", "age", "ages", "question", "verse", "line", "lines", "act",
	"stage", "highway", "interstate", "motorway", "road", "street", "avenue", "channel", "radio", "model",
	"chart", "category", "division", "league", "size", "shirt", "row", "seat", "terminal", "amendment", "resolution",
	"opus", "op", "track", "disc", "day", "week", "round", "game", "match", "lap", "hole", "year", "years",
	"minute")

// determiners before a number word make it a reference to things already
// named ("the two ministers"), not a reported figure.
var determiners = set("the", "these", "those", "its", "his", "her", "their", "our", "your", "my", "both", "all",
	"every", "other", "another", "whose", "which", "first", "last", "next", "top", "previous", "remaining", "same")

// notCounted after a number word shows that no noun follows it.
var notCounted = set("of", "or", "and", "to", "against", "in", "on", "at", "for", "with", "by", "from", "than",
	"more", "less", "times", "are", "were", "was", "is", "be", "been", "being", "have", "has", "had", "will",
	"would", "can", "could", "should", "may", "might", "must", "shall", "do", "does", "did", "who", "which",
	"that", "the", "a", "an", "it", "they", "he", "she", "we", "you", "i", "each", "apiece", "per", "after",
	"before", "ago", "later", "earlier", "into", "out", "up", "down", "over", "under", "about", "as", "so",
	"but", "if", "when", "while", "because", "though", "also", "too", "again", "either", "both", "all", "say",
	"said", "says", "went", "get", "got", "go", "goes", "make", "made", "play", "played", "plays", "take",
	"took", "won", "lost", "came", "come", "here", "there", "then", "now", "not", "no", "just", "only", "away",
	"off", "back", "ahead", "behind", "apart", "together", "alone", "left", "remain", "remained", "remaining",
	"days", "years", "months", "weeks", "hours", "minutes", "seconds", "this", "those", "these", "what",
	"where", "how", "why", "whom", "whose", "among", "between", "within", "without", "across", "through")

// function words end a counted noun phrase.
var phraseStop = set("of", "or", "and", "to", "against", "in", "on", "at", "for", "with", "by", "from", "than",
	"are", "were", "was", "is", "be", "been", "being", "have", "has", "had", "will", "would", "can", "could",
	"should", "may", "might", "must", "shall", "do", "does", "did", "who", "which", "that", "the", "a", "an",
	"it", "they", "he", "she", "we", "you", "i", "each", "apiece", "per", "after", "before", "ago", "last",
	"this", "next", "into", "out", "up", "down", "over", "under", "about", "as", "so", "but", "if", "when",
	"while", "because", "though", "also", "too", "again", "said", "says", "say", "told", "now", "not", "no",
	"just", "only", "since", "until", "during", "between", "across", "around", "near", "within", "without",
	"through", "where", "whose", "whom", "there", "here", "then", "than", "those", "these", "its", "their",
	"his", "her", "our", "your", "my", "worth", "valued", "according", "including", "compared", "against",
	"currently", "already", "still", "yet", "even", "almost", "nearly", "every", "all", "some", "any", "more",
	"less", "most", "least", "like", "via", "per", "toward", "towards", "onto", "upon", "off", "away", "back",
	"got", "get", "gets", "went", "go", "goes", "come", "came", "remain", "remained", "remains", "live",
	"lived", "lives", "living", "arrived", "attempted", "tried", "trying", "want", "wanted", "wants", "face",
	"faced", "faces", "mostly", "mainly", "largely", "worldwide", "apiece", "annually", "daily", "weekly", "monthly",
	"yearly", "today", "tomorrow", "recently", "previously", "altogether", "overall",
	// common irregular past tenses, which end a noun phrase as "-ed" does
	"lost", "won", "made", "took", "gave", "paid", "left", "held", "kept", "met", "ran", "saw", "sent", "spent",
	"sold", "bought", "brought", "built", "fell", "rose", "grew", "began", "became", "chose", "fled", "found",
	"fought", "gone", "knew", "led", "meant", "put", "read", "rode", "set", "stood", "struck", "swam", "taught",
	"thought", "threw", "wrote", "drove", "ate", "flew", "hit", "cut", "quit", "shut")

// linkVerbs join a measure to its value: "Enforced returns rose to 8,590".
var linkVerbs = set("reached", "reach", "reaches", "rose", "rise", "rises", "risen", "fell", "fall", "falls",
	"fallen", "totalled", "totaled", "totals", "total", "stood", "stands", "hit", "hits", "exceeds", "exceeded",
	"exceed", "was", "were", "is", "are", "numbered", "number", "numbers", "topped", "tops", "passed",
	"passes", "grew", "grow", "grows", "dropped", "drops", "climbed", "climbs", "increased", "decreased",
	"amounted", "amounts", "jumped", "jumps", "soared", "slumped", "surged", "declined", "doubled", "be",
	"been", "remain", "remains", "remained", "estimated", "put", "estimate")

// linkFillers may sit between a link verb and the value: "rose to", "now exceeds", "stood at".
var linkFillers = set("to", "at", "by", "now", "already", "currently", "still", "just", "almost", "nearly", "some", "about", "around")

// changeWords name a change: "a 36% increase".
var changeWords = set("increase", "increases", "rise", "rises", "fall", "falls", "decrease", "decreases", "drop",
	"drops", "cut", "cuts", "jump", "jumps", "growth", "gain", "gains", "decline", "declines", "reduction",
	"reductions", "hike", "hikes", "surge", "slump", "climb", "leap", "boost", "uplift", "improvement", "increment")

// changeLead before a percentage makes it a change: "up 38%", "rose 18%".
var changeLead = set("up", "down", "rose", "fell", "rise", "fall", "rising", "falling", "increased", "decreased",
	"grew", "jumped", "dropped", "climbed", "slipped", "gained", "lost", "surged", "slumped", "declined", "by")

// moneyVerbs name what a sum is when no noun says it: "pledged £12 million".
var moneyVerbs = map[string]string{
	"pledged": "pledge", "pledge": "pledge", "pledges": "pledge", "promised": "pledge",
	"contribute": "contribution", "contributes": "contribution", "contributed": "contribution", "contributing": "contribution",
	"spend": "spending", "spent": "spending", "spends": "spending", "spending": "spending",
	"pay": "payment", "paid": "payment", "pays": "payment", "paying": "payment",
	"raise": "funds raised", "raised": "funds raised", "raising": "funds raised",
	"cost": "cost", "costs": "cost", "costing": "cost",
	"invest": "investment", "invested": "investment", "investing": "investment",
	"save": "savings", "saved": "savings", "saving": "savings",
	"worth": "value", "valued": "value",
	"fined": "fine", "fine": "fine", "earn": "earnings", "earned": "earnings", "earns": "earnings",
	"lost": "loss", "lose": "loss", "made": "earnings", "make": "earnings", "sold": "sale", "bought": "purchase",
	"borrow": "borrowing", "borrowed": "borrowing", "lent": "loan", "lend": "loan", "funding": "funding",
	"fund": "funding", "funded": "funding", "allocated": "allocation", "awarded": "award",
}

// islandStarts open a relative clause; a year inside one dates that clause only.
var islandStarts = set("who", "which", "where", "whose", "whom", "when")

// softBounds after a comma start a new clause of the same sentence.
var softBounds = set("and", "but", "while", "whereas", "although", "though", "yet")

// lowerWord is the lower-case word without a possessive ending.
func lowerWord(t token) string {
	w := t.low
	if strings.HasSuffix(w, "s") {
		w = strings.TrimSuffix(w, "'s")
		w = strings.TrimSuffix(w, "’s")
	}
	return w
}

// timeLabels are label words ("year 9", "week 3", "day 4") that name a time
// after relativeTime: "this year 1,097 people crossed" is a count.
var timeLabels = set("year", "years", "week", "day", "round", "game", "match")

// relativeTime are the words that make a following label word a time phrase.
var relativeTime = set("this", "last", "next", "past", "previous", "same", "that", "every", "each", "first", "second",
	"third", "final", "opening", "whole", "entire")
