package bot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/textdist"
)

// MaxInput is the longest message the bot reads, in bytes (DESIGN §10).
const MaxInput = 4096

// The commands the router knows.
const (
	CmdWho     = "who"
	CmdStats   = "stats"
	CmdAsk     = "ask"
	CmdSources = "sources"
	CmdDigest  = "digest"
	CmdHelp    = "help"
	// CmdFeedback lists the latest 👎 votes (admins).
	CmdFeedback = "feedback"
)

var commands = map[string]bool{CmdWho: true, CmdStats: true, CmdAsk: true, CmdSources: true, CmdDigest: true, CmdHelp: true, CmdFeedback: true}

// commandList is commands in a fixed order, so a typo close to two of them
// is always read the same way.
var commandList = []string{CmdWho, CmdStats, CmdAsk, CmdSources, CmdDigest, CmdHelp, CmdFeedback}

// Command is a parsed message: a command name and its argument text.
type Command struct {
	Name string
	Args string
	// Problem is set when the message cannot be read at all (empty, too
	// long, binary); it is a sentence for the user.
	Problem string
	// Typed and Suggest are set when a command name was mistyped
	// ("/whoo cazeneuve"): what was typed and the command meant
	// ("/who cazeneuve"). Name is then CmdHelp.
	Typed, Suggest string
}

// mentionToken matches platform mention and link markup: Slack <!channel>,
// <!here>, <@U123>, <#C123|name>, <mailto:..|..>; Discord <@123>, <@!123>,
// <@&123>, <#123>; and plain @everyone / @here / @channel.
var mentionToken = regexp.MustCompile(`<[!@#][^<>\s]{0,80}>|(^|\s)@(everyone|here|channel)\b`)

// slackLink matches <url|label> and <url> markup, keeping the label or url.
var slackLink = regexp.MustCompile(`<((?:https?|mailto):[^|<>\s]+)(?:\|([^<>]*))?>`)

// ParseCommand reads what a user typed. It accepts "/who x", "/brief who x",
// "brief who x", "who x", "who: x", and anything else as a free question.
// Mentions and markup are removed first, so "@everyone" or "<!channel>" can
// never reach an answer.
func ParseCommand(raw string) Command {
	if len(raw) > MaxInput {
		return Command{Problem: "That message is too long for me: please keep it under 4,000 characters."}
	}
	if !utf8.ValidString(raw) || binaryish(raw) {
		return Command{Problem: "I can only read plain text. Try `/help` to see what I can do."}
	}
	s := Sanitize(raw)
	if s == "" {
		return Command{Name: CmdHelp}
	}
	slash := strings.HasPrefix(s, "/")
	s = strings.TrimPrefix(s, "/")
	name, rest := splitWord(s)
	lname := strings.ToLower(strings.TrimRight(name, ":,"))
	if lname == "brief" || lname == "briefbot" {
		if rest == "" {
			return Command{Name: CmdHelp}
		}
		slash = true // "/brief whoo x" names a command too
		name, rest = splitWord(strings.TrimPrefix(rest, "/"))
		lname = strings.ToLower(strings.TrimRight(name, ":,"))
	}
	if commands[lname] {
		if lname == CmdWho && asksAboutSomeone(rest) {
			// "who is the calais mayor?", "who replaced X?": a question
			// that starts like the command, answered as one.
			return Command{Name: CmdAsk, Args: stripEmphasis(name + " " + rest)}
		}
		if lname == CmdDigest {
			return Command{Name: lname, Args: rest}
		}
		return Command{Name: lname, Args: stripEmphasis(rest)}
	}
	if lname == "?" || lname == "commands" {
		return Command{Name: CmdHelp}
	}
	if slash {
		// A slash names a command: a near miss is a typo, not a question.
		if meant := closestCommand(lname); meant != "" {
			return Command{Name: CmdHelp, Typed: "/" + name, Suggest: strings.TrimSpace("/" + meant + " " + rest)}
		}
	}
	if q := stripEmphasis(s); q != "" {
		return Command{Name: CmdAsk, Args: q}
	}
	return Command{Name: CmdHelp}
}

// questionVerbs open a who-question rather than a name: the auxiliaries
// ("who is the mayor", "who did X replace") and reporting verbs ("who
// said ..."). Other verbs are recognised by the question mark.
var questionVerbs = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "'s": true, "did": true,
	"does": true, "do": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "can": true, "could": true, "should": true, "said": true,
	"says": true, "told": true,
}

// asksAboutSomeone reports the rest of "who ..." that reads as a question,
// not a name: it starts with a verb and goes on ("who may" stays Theresa
// May's surname), or it ends with a question mark after several words.
func asksAboutSomeone(rest string) bool {
	w := strings.Fields(strings.ToLower(rest))
	if len(w) < 2 {
		return false
	}
	return questionVerbs[w[0]] || (len(w) >= 3 && strings.HasSuffix(rest, "?"))
}

// closestCommand is the command within one edit of name (two for names
// of five letters or more; a swap of neighbouring letters is one edit),
// or "".
func closestCommand(name string) string {
	maxD := 1
	if utf8.RuneCountInString(name) >= 5 {
		maxD = 2
	}
	best, bestD := "", maxD+1
	for _, c := range commandList {
		if d := textdist.OSA([]rune(name), []rune(c), maxD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// stripEmphasis drops markdown emphasis marks (*bold*, _it_, ~del~, `code`).
func stripEmphasis(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '*' || r == '_' || r == '~' || r == '`' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// unescapeEntities undoes Slack's escaping of & < >.
var unescapeEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// Sanitize removes mention and link markup and control characters, and
// collapses white space. Markdown emphasis stays (a cron spec has stars).
func Sanitize(s string) string {
	if strings.ContainsAny(s, "<@") { // the markup the patterns remove starts so
		s = slackLink.ReplaceAllStringFunc(s, func(m string) string {
			sub := slackLink.FindStringSubmatch(m)
			if sub[2] != "" {
				return sub[2]
			}
			return sub[1]
		})
		s = mentionToken.ReplaceAllString(s, " ")
	}
	s = unescapeEntities.Replace(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '@':
			return -1 // no leftover mention can ping anyone
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			if unicode.IsSpace(r) {
				return ' '
			}
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// binaryish reports text that is mostly not text: NUL bytes or many control characters.
func binaryish(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, r := range s {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			ctrl++
		}
	}
	return ctrl > 0 && ctrl*10 > utf8.RuneCountInString(s)
}

func splitWord(s string) (string, string) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}
