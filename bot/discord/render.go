package discord

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/briefings"
)

// Discord's message limits. A renderer that breaks one gets its message
// rejected with a 400, so every limit is enforced here and checked by
// CheckLimits.
//
// Embed limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
// Content and embed count: https://discord.com/developers/docs/resources/message#create-message-jsonform-params
const (
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxEmbedFields      = 25
	MaxFieldName        = 256
	MaxFieldValue       = 1024
	MaxFooterText       = 2048
	MaxAuthorName       = 256
	// MaxEmbedTotal is the sum of every title, description, field name,
	// field value, footer text and author name across all embeds of a message.
	MaxEmbedTotal = 6000
	MaxEmbeds     = 10
	MaxContent    = 2000
)

// Embed colours by reply kind.
var kindColor = map[briefings.Kind]int{
	briefings.KindWho:      0x3498DB,
	briefings.KindStats:    0x2ECC71,
	briefings.KindAnswer:   0x1ABC9C,
	briefings.KindDigest:   0x9B59B6,
	briefings.KindSources:  0x95A5A6,
	briefings.KindHelp:     0x5865F2,
	briefings.KindNotFound: 0xF1C40F,
	briefings.KindError:    0xE74C3C,
}

// Message is what the bot sends Discord for one reply: the body of a
// channel message, the data of an interaction response, or an edit of the
// original response. Its JSON is what `briefbot ask --format discord`
// prints; the REST bodies carry the same content, embeds and
// allowed_mentions (discordgo adds its own defaults such as "tts": false).
type Message struct {
	Content string                    `json:"content,omitempty"`
	Embeds  []*discordgo.MessageEmbed `json:"embeds"`
	// AllowedMentions is never nil and its Parse list is empty, not nil:
	// Discord reads a missing or null allowed_mentions as "parse everything".
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	// Components holds the answer's buttons (More, Share, 👍 👎).
	Components []discordgo.MessageComponent `json:"components,omitempty"`
	// Flags is 64 (ephemeral) for an answer only the asker sees.
	Flags discordgo.MessageFlags `json:"flags,omitempty"`
}

// noMentions is a fresh allowed_mentions that lets nothing ping: it
// serialises as {"parse":[],"replied_user":false}.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// send is the message as a channel post.
func (m Message) send() *discordgo.MessageSend {
	return &discordgo.MessageSend{Content: m.Content, Embeds: m.Embeds, Components: m.Components, AllowedMentions: noMentions()}
}

// response is the message as an inline interaction response (type 4).
func (m Message) response() *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: m.data(),
	}
}

// data is the message as interaction response data.
func (m Message) data() *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: m.Content, Embeds: m.Embeds, Components: m.Components,
		Flags: m.Flags, AllowedMentions: noMentions()}
}

// edit is the message as an edit of a deferred interaction's original response.
func (m Message) edit() *discordgo.WebhookEdit {
	embeds := m.Embeds
	components := m.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	e := &discordgo.WebhookEdit{Embeds: &embeds, Components: &components, AllowedMentions: noMentions()}
	if m.Content != "" {
		c := m.Content
		e.Content = &c
	}
	return e
}

// CheckLimits reports the first Discord limit the message breaks, or nil.
// It also insists that allowed_mentions parses nothing.
func (m Message) CheckLimits() error {
	if n := charCount(m.Content); n > MaxContent {
		return fmt.Errorf("content has %d characters, over %d", n, MaxContent)
	}
	if len(m.Embeds) > MaxEmbeds {
		return fmt.Errorf("%d embeds, over %d", len(m.Embeds), MaxEmbeds)
	}
	if m.Content == "" && len(m.Embeds) == 0 {
		return errors.New("message is empty")
	}
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 ||
		len(m.AllowedMentions.Users) != 0 || len(m.AllowedMentions.Roles) != 0 || m.AllowedMentions.RepliedUser {
		return errors.New("allowed_mentions must be {\"parse\":[]}")
	}
	if len(m.Components) > MaxActionRows {
		return fmt.Errorf("%d action rows, over %d", len(m.Components), MaxActionRows)
	}
	for _, c := range m.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok || len(row.Components) == 0 || len(row.Components) > MaxButtonsPerRow {
			return errors.New("a component is not an action row of 1 to 5 buttons")
		}
		for _, b := range row.Components {
			btn, ok := b.(discordgo.Button)
			if !ok || btn.CustomID == "" || len(btn.CustomID) > MaxCustomID || btn.Label == "" || charCount(btn.Label) > MaxButtonLabel {
				return fmt.Errorf("button %+v breaks a limit", b)
			}
		}
	}
	total := 0
	for i, e := range m.Embeds {
		check := []struct {
			what string
			s    string
			max  int
		}{{"title", e.Title, MaxEmbedTitle}, {"description", e.Description, MaxEmbedDescription}}
		if e.Footer != nil {
			check = append(check, struct {
				what string
				s    string
				max  int
			}{"footer", e.Footer.Text, MaxFooterText})
		}
		if e.Author != nil {
			check = append(check, struct {
				what string
				s    string
				max  int
			}{"author", e.Author.Name, MaxAuthorName})
		}
		if len(e.Fields) > MaxEmbedFields {
			return fmt.Errorf("embed %d has %d fields, over %d", i, len(e.Fields), MaxEmbedFields)
		}
		for j, f := range e.Fields {
			if f.Name == "" || f.Value == "" {
				return fmt.Errorf("embed %d field %d has an empty name or value", i, j)
			}
			check = append(check,
				struct {
					what string
					s    string
					max  int
				}{fmt.Sprintf("field %d name", j), f.Name, MaxFieldName},
				struct {
					what string
					s    string
					max  int
				}{fmt.Sprintf("field %d value", j), f.Value, MaxFieldValue})
		}
		for _, c := range check {
			n := charCount(c.s)
			if n > c.max {
				return fmt.Errorf("embed %d %s has %d characters, over %d", i, c.what, n, c.max)
			}
			if !utf8.ValidString(c.s) {
				return fmt.Errorf("embed %d %s is not valid UTF-8", i, c.what)
			}
			total += n
		}
	}
	if total > MaxEmbedTotal {
		return fmt.Errorf("embeds hold %d characters, over %d", total, MaxEmbedTotal)
	}
	return nil
}

// charCount measures text the way the limits are enforced. Discord's docs
// say "characters" without defining them; UTF-16 code units are never
// fewer than code points, so a text within the limit by this count is
// within it by either reading.
func charCount(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r) // an invalid byte reads as U+FFFD: 1
	}
	return n
}

const ellipsis = "…"

// fit returns s cut on a rune boundary, with an ellipsis, so that it holds
// at most max characters; ok is false when it had to cut. A backslash
// left dangling before the ellipsis is dropped so no escape is broken.
func fit(s string, max int) (out string, ok bool) {
	if charCount(s) <= max {
		return s, true
	}
	if max < 1 {
		return "", false
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		w := utf16.RuneLen(r)
		if n+w > max-1 {
			break
		}
		b.WriteRune(r)
		n += w
	}
	out = strings.TrimRightFunc(b.String(), unicode.IsSpace)
	if trailingBackslashes(out)%2 == 1 {
		out = out[:len(out)-1]
	}
	return out + ellipsis, false
}

func trailingBackslashes(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n
}

// massMention matches the words that ping a whole server or channel.
var massMention = regexp.MustCompile(`(?i)@(everyone|here)`)

// neutralise makes @everyone and @here inert by putting a zero-width space
// after the @. allowed_mentions already stops them pinging; this keeps the
// text harmless if it is ever copied elsewhere.
func neutralise(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	return massMention.ReplaceAllString(s, "@\u200b$1")
}

// escape makes corpus or user text safe inside Discord markdown: mass
// mentions are neutralised, markdown and mention markup (<@123>, <#1>,
// <t:1>) are backslash-escaped, and line-leading headings, lists and
// quotes are escaped. Discord treats a backslash before any punctuation as
// an escape, so the text reads the same.
func escape(s string) string {
	s = neutralise(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	lineStart := true
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '<', '>', '[', ']':
			b.WriteByte('\\')
		case '#', '-', '+':
			if lineStart {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		switch {
		case r == '\n':
			lineStart = true
		case r == ' ' || r == '\t':
		default:
			lineStart = false
		}
	}
	return b.String()
}

// oneLine collapses all white space, newlines included, to single spaces
// and drops control characters.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cleanText keeps line breaks (a summary may have paragraphs) but drops
// other control characters and trims each line.
func cleanText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	out := lines[:0]
	for _, l := range lines {
		l = oneLine(l)
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// linkURL returns u fit for a markdown link target, or "" when it is not
// an http(s) URL. Characters that would end the link early are escaped.
func linkURL(u string) string {
	u = strings.TrimSpace(u)
	lu := strings.ToLower(u)
	if !strings.HasPrefix(lu, "https://") && !strings.HasPrefix(lu, "http://") {
		return ""
	}
	if strings.ContainsFunc(u, unicode.IsControl) || len(u) > 512 {
		return ""
	}
	return urlEscaper.Replace(u)
}

// urlEscaper percent-encodes what would end a markdown link target early.
var urlEscaper = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "[", "%5B", "]", "%5D")

var defaultTitles = map[briefings.Kind]string{
	briefings.KindWho:      "Briefing",
	briefings.KindStats:    "Figures",
	briefings.KindAnswer:   "Answer",
	briefings.KindDigest:   "Digest",
	briefings.KindSources:  "Sources",
	briefings.KindHelp:     "Help",
	briefings.KindNotFound: "Not found",
	briefings.KindError:    "Sorry, something went wrong",
}

// continued names the second and later fields of a section split over
// several fields.
const continued = " (continued)"

// emptyName is a field name for a section without a heading: Discord
// rejects empty field names.
const emptyName = "\u200b"

// RenderMessage renders a reply as one Discord embed: the title, the
// summary as description, each section as fields (split over several
// fields when long), then the numbered sources as markdown links. An item
// shows its marked span in bold, its date, and its source's number. The
// message never breaks a Discord limit: what does not fit is cut on a rune
// boundary with an ellipsis or left out, and the footer then says so and
// points to /ask. allowed_mentions is always {"parse":[]}.
func RenderMessage(r briefings.Reply) Message {
	m := Message{Embeds: []*discordgo.MessageEmbed{renderEmbed(r)}, AllowedMentions: noMentions()}
	if err := m.CheckLimits(); err != nil {
		// Unreachable by construction; never send a message Discord rejects.
		m.Embeds = []*discordgo.MessageEmbed{{
			Type: discordgo.EmbedTypeRich, Color: kindColor[briefings.KindError],
			Title:       "That answer is too long for Discord",
			Description: "Try a narrower question with /ask, /who NAME or /stats YEAR TOPIC.",
		}}
	}
	return m
}

func renderEmbed(r briefings.Reply) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: kindColor[r.Kind]}
	if e.Color == 0 {
		e.Color = kindColor[briefings.KindAnswer]
	}
	cut := false
	title := oneLine(r.Title)
	if title == "" {
		title = defaultTitles[r.Kind]
		if title == "" {
			title = "briefbot"
		}
	}
	var ok bool
	e.Title, ok = fit(escape(title), MaxEmbedTitle)
	cut = cut || !ok

	normalFooter := ""
	if len(r.Sources) > 0 {
		normalFooter = "Numbers in brackets cite the sources listed below."
	}
	cutFooter := shortenedFooter(r, title)
	reserve := max(charCount(normalFooter), charCount(cutFooter))
	budget := MaxEmbedTotal - charCount(e.Title) - reserve

	if s := cleanText(r.Summary); s != "" {
		e.Description, ok = fit(escape(s), min(MaxEmbedDescription, budget))
		cut = cut || !ok
		budget -= charCount(e.Description)
	}

	cite := map[string]int{}
	for i, s := range r.Sources {
		if _, dup := cite[s.ID]; !dup && s.ID != "" {
			cite[s.ID] = i + 1
		}
	}
	srcLines := make([]string, len(r.Sources)) // formatted on demand: a corpus may have thousands
	srcLine := func(i int) string {
		if srcLines[i] == "" {
			srcLines[i] = sourceLine(i+1, r.Sources[i])
		}
		return srcLines[i]
	}
	itemBudget := budget
	slots := MaxEmbedFields
	if len(srcLines) > 0 {
		slots--
		need := len("Sources")
		for i := 0; i < len(srcLines) && need < budget/2; i++ {
			need += charCount(srcLine(i)) + 1
		}
		itemBudget -= min(need, budget/2)
	}

	// Sections: pack item lines into fields, in order, until the budget,
	// the field slots or the items run out.
	shown := map[int]bool{} // citation numbers of items shown
	p := packer{budget: itemBudget, slots: slots}
sections:
	for _, sec := range r.Sections {
		name := oneLine(sec.Heading)
		if name == "" {
			name = emptyName
		} else {
			name, _ = fit(escape(name), MaxFieldName-charCount(continued))
		}
		p.start(name)
		// A field name cannot hold a link: a digest's headline links to
		// its article on the field's first line.
		if u := linkURL(sec.URL); u != "" && !p.add("[Read the article]("+u+")") {
			cut = true
			break sections
		}
		for _, it := range sec.Items {
			line, ok := itemLine(it, cite)
			cut = cut || !ok
			if line == "" {
				continue
			}
			if !p.add(line) {
				cut = true
				break sections
			}
			for _, id := range append([]string{it.Source}, it.Also...) {
				if n, ok := cite[id]; ok {
					shown[n] = true
				}
			}
		}
		if p.dropped {
			cut = true
			break
		}
	}
	e.Fields = p.fields
	budget -= p.used

	// Sources: those cited by shown items first, then the rest, as many
	// as fit, listed in citation order.
	if len(srcLines) > 0 {
		order := make([]int, 0, len(srcLines))
		for i := range srcLines {
			if shown[i+1] {
				order = append(order, i)
			}
		}
		for i := range srcLines {
			if !shown[i+1] {
				order = append(order, i)
			}
		}
		slots := MaxEmbedFields - len(e.Fields)
		var chosen []int
		var fields []*discordgo.MessageEmbedField
		used, misses, skips := 0, 0, 0
		for _, i := range order {
			if charCount(srcLine(i))+1 > budget-used {
				// Cannot fit whatever the packing. After a long run of
				// these the embed is full: stop looking.
				if skips++; skips >= 32 {
					break
				}
				continue
			}
			skips = 0
			try := append(append(make([]int, 0, len(chosen)+1), chosen...), i)
			sort.Ints(try)
			f, u, ok := packSources(srcLine, try, budget, slots)
			if !ok {
				// It fits by length but not by field breaks; a few such
				// misses mean the embed is full.
				if misses++; misses >= 4 {
					break
				}
				continue
			}
			chosen, fields, used = try, f, u
		}
		if len(chosen) < len(srcLines) {
			cut = true
		}
		e.Fields = append(e.Fields, fields...)
	}

	footer := normalFooter
	if cut {
		footer = cutFooter
	}
	if footer != "" {
		footer, _ = fit(footer, MaxFooterText)
		e.Footer = &discordgo.MessageEmbedFooter{Text: footer}
	}
	return e
}

// shortenedFooter is the footer of a reply that had to be cut: it says so
// and points to /ask (footers do not render markdown, so only mass
// mentions are neutralised).
func shortenedFooter(r briefings.Reply, title string) string {
	hint := "a narrower question"
	switch r.Kind {
	case briefings.KindWho, briefings.KindAnswer, briefings.KindStats:
		if t, _ := fit(title, 80); t != "" {
			hint = t
		}
	}
	return neutralise("Shortened to fit Discord: more in /ask " + hint)
}

// itemLine formats one item as a bullet: its text with the marked span in
// bold, then its date and citation number. A text too long for one field
// value is cut (ok false).
func itemLine(it briefings.Item, cite map[string]int) (line string, ok bool) {
	text := oneLine(it.Text)
	if text == "" {
		return "", true
	}
	suffix := ""
	if d := oneLine(it.Date); d != "" {
		suffix += " (" + escape(d) + ")"
	}
	refs := ""
	for _, id := range append([]string{it.Source}, it.Also...) {
		if n, has := cite[id]; has {
			refs += "[" + strconv.Itoa(n) + "]"
		}
	}
	if refs != "" {
		suffix += " " + refs
	}
	mark := oneLine(it.Mark)
	runes := utf8.RuneCountInString(text)
	ok = true
	for k := runes; k > 0; {
		body := text
		if k < runes {
			body = string([]rune(text)[:k])
			body = strings.TrimRightFunc(body, unicode.IsSpace) + ellipsis
			ok = false
		}
		line = "• " + markBold(body, mark) + suffix
		over := charCount(line) - MaxFieldValue
		if over <= 0 {
			return line, ok
		}
		k -= max(over/2, 1) // escaping may double a character; converge in a few rounds
	}
	return "", false
}

// markBold escapes text and puts the first occurrence of mark in bold.
func markBold(text, mark string) string {
	if mark == "" {
		return escape(text)
	}
	i := strings.Index(text, mark)
	if i < 0 {
		return escape(text)
	}
	return escape(text[:i]) + "**" + escape(mark) + "**" + escape(text[i+len(mark):])
}

// sourceLine formats source number n as "**[n]** [title](url) · publisher · date".
func sourceLine(n int, s briefings.Source) string {
	num := "**[" + strconv.Itoa(n) + "]** "
	title := oneLine(s.Title)
	if title == "" {
		title = oneLine(s.ID)
	}
	if title == "" {
		title = "untitled"
	}
	title, _ = fit(escape(title), 200)
	ref := title
	if u := linkURL(s.URL); u != "" {
		ref = "[" + title + "](" + u + ")"
	}
	parts := []string{num + ref}
	if p := oneLine(s.Publisher); p != "" {
		p, _ = fit(escape(p), 100)
		parts = append(parts, p)
	}
	if d := oneLine(s.Published); d != "" {
		if s.DateInferred {
			d += " (year inferred)" // the article gives no date
		}
		d, _ = fit(escape(d), 40)
		parts = append(parts, d)
	}
	line := strings.Join(parts, " · ")
	if charCount(line) > MaxFieldValue { // an absurd URL: drop the link
		line, _ = fit(num+title, MaxFieldValue)
	}
	return line
}

// packSources packs the chosen source lines into "Sources" fields; ok is
// false when they do not fit the budget or the field slots.
func packSources(line func(int) string, chosen []int, budget, slots int) ([]*discordgo.MessageEmbedField, int, bool) {
	p := packer{budget: budget, slots: slots}
	p.start("Sources")
	for _, i := range chosen {
		if !p.add(line(i)) {
			return nil, 0, false
		}
	}
	return p.fields, p.used, true
}

// packer fills embed fields with lines, opening a "(continued)" field when
// one is full, within a character budget and a number of field slots.
type packer struct {
	budget, slots int
	used          int
	fields        []*discordgo.MessageEmbedField
	name          string // the current section's field name
	open          bool   // the last field belongs to the current section
	openLen       int    // characters in the last field's value
	dropped       bool   // a line did not fit
}

// start begins a section: its first line opens a new field.
func (p *packer) start(name string) {
	p.name = name
	p.open = false
}

// add appends one line (at most MaxFieldValue characters); false when it
// does not fit, and nothing more should be added.
func (p *packer) add(line string) bool {
	n := charCount(line)
	if p.open {
		f := p.fields[len(p.fields)-1]
		if p.openLen+1+n <= MaxFieldValue {
			if p.used+1+n > p.budget {
				p.dropped = true
				return false
			}
			f.Value += "\n" + line
			p.openLen += 1 + n
			p.used += 1 + n
			return true
		}
	}
	name := p.name
	if p.open && name != emptyName {
		name += continued
	}
	cost := charCount(name) + n
	if len(p.fields) >= p.slots || p.used+cost > p.budget || n > MaxFieldValue {
		p.dropped = true
		return false
	}
	p.fields = append(p.fields, &discordgo.MessageEmbedField{Name: name, Value: line})
	p.used += cost
	p.open = true
	p.openLen = n
	return true
}
