package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/briefings"
)

// Block Kit limits. Lengths are counted in UTF-16 code units of the text
// as sent (after escaping), which is never less than what Slack counts, so
// a rendered message always stays inside them.
const (
	// MaxBlocks is the number of blocks a message may hold.
	// https://docs.slack.dev/reference/block-kit/blocks
	MaxBlocks = 50
	// MaxSectionText is the longest text object of a section block (and
	// of a context element).
	// https://docs.slack.dev/reference/block-kit/blocks/section-block
	MaxSectionText = 3000
	// MaxHeaderText is the longest plain_text of a header block.
	// https://docs.slack.dev/reference/block-kit/blocks/header-block
	MaxHeaderText = 150
	// MaxContextElements is the number of elements a context block may hold.
	// https://docs.slack.dev/reference/block-kit/blocks/context-block
	MaxContextElements = 10
	// MaxFallbackText is the longest top-level text we send; Slack truncates
	// at 40,000 characters and advises staying under 4,000.
	// https://docs.slack.dev/reference/methods/chat.postMessage#truncating-content
	MaxFallbackText = 4000
)

// Rendering choices that keep the important parts of a long reply.
const (
	maxSourceBlocks = 4   // up to 40 cited articles; the rest are counted in the hint
	maxHeadingLen   = 200 // a section heading line
	maxSourceLabel  = 300 // a source's title inside its link
	maxSourceURL    = 2000
	maxHintTopic    = 60
	ellipsis        = "…"
)

// Message is the JSON Slack receives for one answer: the body of
// chat.postMessage (text and blocks) or of a slash command response
// (which also sets response_type). `briefbot ask --format slack` prints it.
type Message struct {
	// Text is the plain fallback used in notifications and by clients that
	// cannot show blocks. It is escaped like every other text.
	Text   string       `json:"text"`
	Blocks slack.Blocks `json:"blocks"`
	// ResponseType is "in_channel" or "ephemeral" for slash command
	// responses; empty for chat.postMessage.
	ResponseType string `json:"response_type,omitempty"`
	// ReplaceOriginal, for a response_url post after a button click, says
	// whether the message clicked is replaced (More) or a new one is
	// posted (Share, a notice). Unset elsewhere.
	ReplaceOriginal *bool `json:"replace_original,omitempty"`
}

// WriteJSON writes m as indented JSON, with & < > left as they are (the
// escaping Slack needs is already in the text): what `briefbot ask
// --format slack` prints.
func (m Message) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}

// encode is json.Marshal(m) without the detour of slack.Blocks, which
// marshals its blocks to bytes that the encoder then parses and compacts
// again: the same bytes for much less work.
func (m Message) encode() ([]byte, error) {
	return json.Marshal(messageWire{Text: m.Text, Blocks: m.Blocks.BlockSet, ResponseType: m.ResponseType, ReplaceOriginal: m.ReplaceOriginal})
}

// messageWire is Message with its blocks as a plain slice; its fields and
// tags are Message's (TestMessageEncode checks).
type messageWire struct {
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks"`
	ResponseType    string        `json:"response_type,omitempty"`
	ReplaceOriginal *bool         `json:"replace_original,omitempty"`
}

// RenderMessage renders a reply as a Block Kit message: a header with the
// title, the summary, one or more sections per reply section (items as
// bullets, the marked span in bold, the date and a citation number), then
// the numbered sources as context elements linking to the articles. Every
// text from a user or the corpus is escaped, so markup such as <!channel>
// or <@U123> shows literally and never notifies anyone. A reply too large
// for Slack is cut on rune boundaries with an ellipsis and ends with a hint
// to ask a narrower question; no Block Kit limit is ever exceeded.
func RenderMessage(r briefings.Reply) Message { return renderMessage(r, 0) }

// renderMessage renders r leaving reserve blocks free for the caller.
func renderMessage(r briefings.Reply, reserve int) Message {
	cite := make(map[string]int, len(r.Sources))
	for i, s := range r.Sources {
		if _, dup := cite[s.ID]; !dup {
			cite[s.ID] = i + 1
		}
	}

	var head []slack.Block
	title := strings.TrimSpace(r.Title)
	if title == "" {
		title = defaultTitle(r.Kind)
	}
	t, _ := fit(title, MaxHeaderText)
	head = append(head, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, t, true, false)))
	if s := strings.TrimSpace(r.Summary); s != "" {
		text, _ := fit(s, MaxSectionText)
		head = append(head, section(text))
	}

	var body []slack.Block
	cut := false
	for _, sec := range r.Sections {
		blocks, c := renderSection(sec, cite)
		body = append(body, blocks...)
		cut = cut || c
	}

	srcBlocks, hiddenSources := renderSources(r.Sources)

	// Fit the blocks: header and summary first, then the sections, then the
	// sources; one block stays free for the hint whenever anything is cut.
	fixed := len(head) + len(srcBlocks)
	if len(srcBlocks) > 0 {
		fixed++ // the divider
	}
	room := MaxBlocks - fixed - reserve
	if cut || hiddenSources > 0 || len(body) > room {
		room-- // the hint
	}
	if len(body) > room {
		body = body[:room]
		cut = true
	}

	blocks := make([]slack.Block, 0, MaxBlocks)
	blocks = append(blocks, head...)
	blocks = append(blocks, body...)
	if len(srcBlocks) > 0 {
		blocks = append(blocks, slack.NewDividerBlock())
		blocks = append(blocks, srcBlocks...)
	}
	if cut || hiddenSources > 0 {
		blocks = append(blocks, hint(title, hiddenSources))
	}
	return Message{Text: fallback(title, r), Blocks: slack.Blocks{BlockSet: blocks}}
}

func defaultTitle(k briefings.Kind) string {
	switch k {
	case briefings.KindError:
		return "Sorry, something went wrong"
	case briefings.KindNotFound:
		return "Nothing found"
	case briefings.KindHelp:
		return "What I can do"
	}
	return "Briefing"
}

func section(mrkdwn string) *slack.SectionBlock {
	return slack.NewSectionBlock(mrkdwnText(mrkdwn), nil, nil)
}

// mrkdwnText is a verbatim mrkdwn object: Slack does not auto-link channel
// names or parse mentions in it, a second guard after escaping.
func mrkdwnText(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, true)
}

// renderSection packs a section's heading and item lines into as few
// section blocks as the text limit allows. It reports whether an item had
// to be cut.
func renderSection(sec briefings.Section, cite map[string]int) ([]slack.Block, bool) {
	var (
		blocks []slack.Block
		buf    strings.Builder
		n      int // length of buf in UTF-16 units
		cut    bool
	)
	flush := func() {
		if buf.Len() > 0 {
			blocks = append(blocks, section(buf.String()))
			buf.Reset()
			n = 0
		}
	}
	add := func(line string) {
		l := textLen(line)
		if n > 0 && n+1+l > MaxSectionText {
			flush()
		}
		if n > 0 {
			buf.WriteByte('\n')
			n++
		}
		buf.WriteString(line)
		n += l
	}
	if h := strings.TrimSpace(sec.Heading); h != "" {
		eh, _ := fit(h, maxHeadingLen-2)
		if u := linkURL(sec.URL); u != "" {
			eh = "<" + u + "|" + eh + ">" // a digest's headline links to its article
		}
		add("*" + eh + "*")
	}
	for _, it := range sec.Items {
		line, c := renderItem(it, cite, MaxSectionText)
		cut = cut || c
		add(line)
	}
	flush()
	return blocks, cut
}

// renderItem renders one bullet: the text with its marked span in bold,
// then the date and the citation number, within budget UTF-16 units.
func renderItem(it briefings.Item, cite map[string]int, budget int) (string, bool) {
	const bullet = "• "
	var meta string
	if d := strings.TrimSpace(it.Date); d != "" {
		ed, _ := fit(d, 40)
		meta += " _(" + ed + ")_"
	}
	refs := ""
	for _, id := range append([]string{it.Source}, it.Also...) {
		if n, ok := cite[id]; ok && id != "" {
			refs += "[" + strconv.Itoa(n) + "]"
		}
	}
	if refs != "" {
		meta += " " + refs
	}
	avail := budget - textLen(bullet) - textLen(meta)
	text := strings.TrimSpace(it.Text)

	pre, mark, post := splitMark(text, it.Mark)
	if mark != "" {
		ep, em, epost := escape(pre), escape(mark), escape(post)
		used := textLen(ep) + textLen(em) + 2
		if used+textLen(epost) <= avail {
			return bullet + ep + "*" + em + "*" + epost + meta, false
		}
		if used+1 <= avail { // the bold span fits: cut what follows it
			rest, _ := fit(post, avail-used)
			return bullet + ep + "*" + em + "*" + rest + meta, true
		}
	}
	et, c := fit(text, avail)
	return bullet + et + meta, c
}

// splitMark finds mark in text, for bolding. Slack's bold needs a span that
// does not start or end with a space and has no asterisk inside.
func splitMark(text, mark string) (pre, m, post string) {
	mark = strings.TrimSpace(mark)
	if mark == "" || strings.ContainsAny(mark, "*\n") {
		return text, "", ""
	}
	i := strings.Index(text, mark)
	if i < 0 {
		return text, "", ""
	}
	return text[:i], mark, text[i+len(mark):]
}

// renderSources lists the cited articles as context elements, ten to a
// block, at most maxSourceBlocks blocks. It returns how many were left out.
func renderSources(srcs []briefings.Source) ([]slack.Block, int) {
	if len(srcs) == 0 {
		return nil, 0
	}
	shown := min(len(srcs), maxSourceBlocks*MaxContextElements)
	var blocks []slack.Block
	for start := 0; start < shown; start += MaxContextElements {
		end := min(start+MaxContextElements, shown)
		elems := make([]slack.MixedElement, 0, end-start)
		for i := start; i < end; i++ {
			elems = append(elems, mrkdwnText(sourceLine(i+1, srcs[i])))
		}
		blocks = append(blocks, slack.NewContextBlock("", elems...))
	}
	return blocks, len(srcs) - shown
}

// sourceLine is "[n] <url|title> · publisher · date"; the title is escaped
// and the link kept only for a plain http(s) URL.
func sourceLine(n int, s briefings.Source) string {
	title := strings.TrimSpace(s.Title)
	if title == "" {
		title = s.ID
	}
	label, _ := fit(title, maxSourceLabel)
	if u := linkURL(s.URL); u != "" {
		label = "<" + u + "|" + label + ">"
	}
	parts := []string{"[" + strconv.Itoa(n) + "] " + label}
	if p := strings.TrimSpace(s.Publisher); p != "" {
		ep, _ := fit(p, 100)
		parts = append(parts, ep)
	}
	if d := strings.TrimSpace(s.Published); d != "" {
		if s.DateInferred {
			d += " (year inferred)" // the article gives no date
		}
		ed, _ := fit(d, 40)
		parts = append(parts, ed)
	}
	return strings.Join(parts, " · ")
}

// linkURL returns u ready to sit inside <url|label>, or "" when it is not a
// plain http(s) URL that fits.
func linkURL(u string) string {
	u = strings.TrimSpace(u)
	if !(strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) {
		return ""
	}
	if strings.ContainsFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return ""
	}
	u = strings.ReplaceAll(entities.Replace(u), "|", "%7C")
	if textLen(u) > maxSourceURL {
		return ""
	}
	return u
}

// hint closes a message that was cut.
func hint(title string, hiddenSources int) slack.Block {
	topic, _ := fit(title, maxHintTopic)
	text := ellipsis + " cut to fit Slack's message limits; more in /ask " + topic
	if hiddenSources > 0 {
		text += fmt.Sprintf(" (%d more sources not shown)", hiddenSources)
	}
	return slack.NewContextBlock("", mrkdwnText("_"+text+"_"))
}

// fallback is the top-level text, read in notifications and by screen
// readers: the title and the summary, or, when there is no summary, every
// item of the first section (a list must not read as its first entry),
// cut to the limit.
func fallback(title string, r briefings.Reply) string {
	s := title
	body := strings.TrimSpace(r.Summary)
	if body == "" {
		for _, sec := range r.Sections {
			if len(sec.Items) == 0 {
				continue
			}
			lines := make([]string, 0, len(sec.Items))
			for _, it := range sec.Items {
				lines = append(lines, strings.TrimSpace(it.Text))
			}
			body = strings.Join(lines, "\n")
			break
		}
	}
	if body != "" {
		s += "\n" + body
	}
	t, _ := fit(s, MaxFallbackText)
	return t
}

// wordJoiner sits after the @ of @everyone, @here and @channel: invisible,
// but the word no longer reads as a broadcast mention anywhere.
const wordJoiner = "\u2060"

var (
	broadcast = strings.NewReplacer(
		"@everyone", "@"+wordJoiner+"everyone",
		"@here", "@"+wordJoiner+"here",
		"@channel", "@"+wordJoiner+"channel",
	)
	entities = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
)

// escape makes text from a user or the corpus inert in Slack: & < > become
// entities (so <!channel> and <@U1> show literally), and broadcast words
// are broken with an invisible word joiner.
func escape(s string) string {
	return entities.Replace(inertMentions(s))
}

// inertMentions is s as valid UTF-8 with its broadcast words broken. Most
// text has no @, and the replacer of words is the costly part of escaping.
func inertMentions(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, '@') < 0 {
		return s
	}
	return broadcast.Replace(s)
}

// fit escapes s and cuts it to at most limit UTF-16 units on a rune
// boundary (never inside an entity), ending with an ellipsis when cut.
func fit(s string, limit int) (string, bool) {
	e := escape(s)
	if textLen(e) <= limit {
		return e, false
	}
	budget := limit - textLen(ellipsis)
	var b strings.Builder
	n := 0
	for _, r := range inertMentions(s) {
		var l int
		switch r {
		case '&':
			l = len("&amp;")
		case '<', '>':
			l = len("&lt;")
		default:
			l = textLen(string(r))
		}
		if n+l > budget {
			break
		}
		b.WriteRune(r)
		n += l
	}
	return entities.Replace(strings.TrimRight(b.String(), " \n\t")) + ellipsis, true
}

// textLen counts UTF-16 code units: what Slack counts, or more.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
