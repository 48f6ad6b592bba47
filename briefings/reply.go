// Package briefings is the briefing engine: it loads a corpus of news
// articles, extracts people, roles, quotes and figures, indexes the text,
// and answers with a neutral Reply that chat adapters render. It knows
// nothing of chat platforms.
package briefings

// Kind says what a Reply answers.
type Kind string

// The kinds of Reply; their string values are part of the JSON contract.
const (
	KindWho      Kind = "who"
	KindStats    Kind = "stats"
	KindAnswer   Kind = "answer"
	KindDigest   Kind = "digest"
	KindSources  Kind = "sources"
	KindHelp     Kind = "help"
	KindNotFound Kind = "notfound"
	KindError    Kind = "error"
)

// Reply is the engine's platform-neutral answer. Its JSON form is a public
// contract (briefbot ask --format json).
type Reply struct {
	Kind     Kind      `json:"kind"`
	Title    string    `json:"title"`
	Summary  string    `json:"summary,omitempty"`
	Sections []Section `json:"sections,omitempty"`
	Sources  []Source  `json:"sources,omitempty"`
	// Confident is set on an answer whose summary states the answer (the
	// lead, shown in bold): what was asked for was found, of the type the
	// question asks for, with strong evidence. An answer without it only
	// shows the closest passages.
	Confident bool `json:"confident,omitempty"`
}

// Section is a headed list of items ("Roles", "Quotes", "Figures" ...).
type Section struct {
	Heading string `json:"heading"`
	// URL is the article a heading names (a digest's headline), if any.
	URL string `json:"url,omitempty"`
	// Story is set on a section that tells one story several articles
	// report (a digest's story): which articles, from which outlets.
	Story *StoryRef `json:"story,omitempty"`
	Items []Item    `json:"items"`
}

// StoryRef names a story: one event that several articles report.
type StoryRef struct {
	// ID names the story: the id of its first article in the corpus.
	ID string `json:"id"`
	// Articles are the ids of the articles the section draws on, lead
	// report first (see Reply.Sources).
	Articles []string `json:"articles"`
	// Outlets are their publishers, each once, in the order of Articles.
	Outlets []string `json:"outlets"`
}

// Item is one line of a section: a quote, a figure with its sentence, a role.
type Item struct {
	Text string `json:"text"`
	// Mark is a substring of Text to emphasise: the answer span of a
	// question, the value of a figure. Empty when nothing is marked.
	Mark string `json:"mark,omitempty"`
	// Source is the id of the document the text comes from (see Reply.Sources).
	Source string `json:"source,omitempty"`
	// Also lists further documents that carry the same text: one story
	// reported by several outlets, cited once with all its sources.
	Also []string `json:"also,omitempty"`
	// Date is the date the item refers to or was published, YYYY[-MM[-DD]].
	Date string `json:"date,omitempty"`
	// Curated is set when a curator added or corrected the item (its role,
	// speaker, year or what it counts), so renderers may say so.
	Curated bool `json:"curated,omitempty"`
}

// Source names a cited document.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	// DateInferred is set when the article gives no date and Published is
	// a year inferred from its text.
	DateInferred bool `json:"date_inferred,omitempty"`
	// Curated is set when a curator set the article's date or title.
	Curated bool `json:"curated,omitempty"`
	// Story is the id of the story the article tells with other articles
	// of the corpus (see StoryRef); empty when no other reports it.
	Story string `json:"story,omitempty"`
}

// ErrorReply is the friendly reply for a failure whose cause is logged elsewhere.
func ErrorReply(msg string) Reply {
	return Reply{Kind: KindError, Title: "Sorry, something went wrong", Summary: msg}
}
