package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/golden"
)

var (
	srcBBC = briefings.Source{ID: "bbc/2014-calais", Title: "Calais migrants: UK and France sign deal", Publisher: "BBC News",
		Published: "2014-09-20", URL: "https://www.bbc.co.uk/news/uk-29291473"}
	srcGuardian = briefings.Source{ID: "guardian/2025-deal", Title: "UK-France 'one in, one out' deal [explained]", Publisher: "The Guardian",
		Published: "2025-08-06", URL: "https://www.theguardian.com/uk-news/2025/aug/06/one_in_one_out (deal)"}
	srcITV = briefings.Source{ID: "itv/2014-calais", Title: "UK and France agree Calais measures", Publisher: "ITV News",
		Published: "2014-09-20", Story: srcBBC.ID}
)

func goldenReplies() map[string]briefings.Reply {
	long := strings.Repeat("The prefecture said the camp held more people than ever before, and that numbers would rise. ", 80)
	var many []briefings.Item
	var srcs []briefings.Source
	for i := range 60 {
		id := fmt.Sprintf("doc/%02d", i)
		srcs = append(srcs, briefings.Source{ID: id, Title: fmt.Sprintf("Article %d about Calais *crossings*", i),
			Publisher: "Publisher", Published: "2015-01-02", URL: "https://example.org/" + id})
		many = append(many, briefings.Item{Text: fmt.Sprintf("Figure %d: %d people crossed in small boats, officials said.", i, 1000+i*37),
			Mark: fmt.Sprint(1000 + i*37), Source: id, Date: "2015"})
	}
	return map[string]briefings.Reply{
		"who": {Kind: briefings.KindWho, Title: "Bernard Cazeneuve",
			Summary: "France's Interior Minister (2014), later Prime Minister.",
			Sections: []briefings.Section{
				{Heading: "Roles", Items: []briefings.Item{
					{Text: "France's Interior Minister", Source: srcBBC.ID, Date: "2014-09-20"},
				}},
				{Heading: "Quotes", Items: []briefings.Item{
					{Text: `"We must act together on the *smugglers* and their networks," said Bernard Cazeneuve.`, Source: srcBBC.ID, Also: []string{srcITV.ID}, Date: "2014-09-20"},
				}},
			},
			Sources: []briefings.Source{srcBBC, srcITV}},
		"stats": {Kind: briefings.KindStats, Title: "Figures for 2025",
			Summary: "Sources disagree on migrants in Calais: 2,300 vs 2,500.",
			Sections: []briefings.Section{
				{Heading: "Small-boat crossings", Items: []briefings.Item{
					{Text: "More than 25,000 people crossed the Channel in small boats in the first seven months of this year.", Mark: "25,000", Source: srcGuardian.ID, Date: "2025"},
				}},
				{Heading: "Migrants in Calais", Items: []briefings.Item{
					{Text: "About 2,300 migrants are in Calais.", Mark: "2,300", Source: srcBBC.ID, Date: "2014"},
					{Text: "Some 2,500 migrants live in the camps.", Mark: "2,500", Source: srcGuardian.ID, Date: "2025"},
				}},
			},
			Sources: []briefings.Source{srcBBC, srcGuardian}},
		"answer": {Kind: briefings.KindAnswer, Title: "When was the UK-France deal ratified?",
			Sections: []briefings.Section{{Heading: "From the articles", Items: []briefings.Item{
				{Text: "The treaty was ratified on 4 August 2025 and took effect two days later.", Mark: "4 August 2025", Source: srcGuardian.ID, Date: "2025-08-06"},
			}}},
			Sources: []briefings.Source{srcGuardian}},
		"notfound": {Kind: briefings.KindNotFound, Title: `I found no one called "cazenuve_x"`,
			Summary: "The corpus covers the Calais and Channel crossings, 2014-2025. Try /sources."},
		"error": briefings.ErrorReply("I couldn't do that just now. Please try again in a moment."),
		"help":  bot.HelpReply(),
		"digest": {Kind: briefings.KindDigest, Title: "What's new: 3 articles",
			Summary: "3 articles not posted here before. They tell 2 stories: a story several outlets report is summarised once, with its outlets.",
			Sections: []briefings.Section{
				{Heading: srcBBC.Title + " (BBC News and ITV News)", URL: srcBBC.URL,
					Story: &briefings.StoryRef{ID: srcBBC.ID, Articles: []string{srcBBC.ID, srcITV.ID}, Outlets: []string{"BBC News", "ITV News"}},
					Items: []briefings.Item{
						{Text: "The UK and France signed a deal to secure the port of Calais.", Source: srcBBC.ID, Date: srcBBC.Published},
						{Text: "Figure: £12 million pledge (2014)", Mark: "£12 million", Source: srcBBC.ID, Also: []string{srcITV.ID}},
						{Text: "Figure: 2,300 migrants (2014)", Mark: "2,300", Source: srcBBC.ID},
						{Text: "Figure: 2,500 migrants (2014)", Mark: "2,500", Source: srcITV.ID},
						{Text: "Sources disagree: Migrants: 2,300 (BBC News) vs 2,500 (ITV News)"},
						{Text: "People: Bernard Cazeneuve (Interior Minister); Theresa May (Home Secretary)", Source: srcBBC.ID, Also: []string{srcITV.ID}},
					}},
				{Heading: srcGuardian.Title, Items: []briefings.Item{{Text: "The 'one in, one out' pilot began on 6 August.", Source: srcGuardian.ID, Date: srcGuardian.Published}}},
			},
			Sources: []briefings.Source{srcBBC, srcITV, srcGuardian}},
		"oversized": {Kind: briefings.KindStats, Title: strings.Repeat("Figures ", 50), Summary: long,
			Sections: []briefings.Section{{Heading: "Crossings", Items: many}, {Heading: "More", Items: many}},
			Sources:  srcs},
	}
}

func TestRenderGolden(t *testing.T) {
	for name, r := range goldenReplies() {
		t.Run(name, func(t *testing.T) {
			m := RenderMessage(r)
			if err := m.CheckLimits(); err != nil {
				t.Fatalf("limits: %v", err)
			}
			got, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, filepath.Join("testdata", name+".json"), got)
		})
	}
}

func TestRenderDetails(t *testing.T) {
	replies := goldenReplies()
	embed := func(name string) *discordgo.MessageEmbed { return RenderMessage(replies[name]).Embeds[0] }

	t.Run("mark is bold and the source is cited", func(t *testing.T) {
		e := embed("stats")
		if v := e.Fields[0].Value; v != "• More than **25,000** people crossed the Channel in small boats in the first seven months of this year. (2025) [2]" {
			t.Errorf("item %q", v)
		}
		last := e.Fields[len(e.Fields)-1]
		if last.Name != "Sources" || !strings.HasPrefix(last.Value, "**[1]** [Calais migrants: UK and France sign deal](https://www.bbc.co.uk/news/uk-29291473) · BBC News · 2014-09-20\n**[2]** ") {
			t.Errorf("sources field %+v", last)
		}
	})
	t.Run("link text and url cannot break the link", func(t *testing.T) {
		v := embed("stats").Fields[2].Value
		want := `**[2]** [UK-France 'one in, one out' deal \[explained\]](https://www.theguardian.com/uk-news/2025/aug/06/one_in_one_out%20%28deal%29)`
		if !strings.Contains(v, "\n"+want+" · The Guardian · 2025-08-06") {
			t.Errorf("source lines %q, want a line starting %q", v, want)
		}
	})
	t.Run("corpus markdown is escaped", func(t *testing.T) {
		if v := embed("who").Fields[1].Value; !strings.Contains(v, `\*smugglers\*`) {
			t.Errorf("quote %q", v)
		}
		if title := embed("notfound").Title; title != `I found no one called "cazenuve\_x"` {
			t.Errorf("title %q", title)
		}
	})
	t.Run("oversized is cut with a hint", func(t *testing.T) {
		e := embed("oversized")
		if e.Footer == nil || !strings.HasPrefix(e.Footer.Text, "Shortened to fit Discord: more in /ask ") {
			t.Errorf("footer %+v", e.Footer)
		}
		if !strings.HasSuffix(e.Title, ellipsis) || !strings.HasSuffix(e.Description, ellipsis) {
			t.Errorf("title or description not cut with an ellipsis")
		}
	})
	t.Run("a reply that fits is not marked as cut", func(t *testing.T) {
		for _, name := range []string{"who", "stats", "answer", "digest", "help", "error"} {
			if f := embed(name).Footer; f != nil && strings.Contains(f.Text, "Shortened") {
				t.Errorf("%s marked as shortened", name)
			}
		}
	})
}

func TestAllowedMentionsSerialiseAsEmptyList(t *testing.T) {
	m := RenderMessage(briefings.Reply{Kind: briefings.KindHelp, Title: "x"})
	bodies := map[string]any{"message": m, "post": m.send(), "response": m.response(), "edit": m.edit()}
	for name, v := range bodies {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(`"allowed_mentions":{"parse":[],"replied_user":false}`)) {
			t.Errorf("%s body lacks an empty parse list: %s", name, b)
		}
	}
}

// mentionLike finds anything Discord could read as a mention: a raw
// @everyone/@here, or <@…>, <@&…>, <#…> not escaped with a backslash.
var mentionLike = regexp.MustCompile(`(?i)@(everyone|here)|(^|[^\\])<[@#]`)

func TestMentionInjectionNeutralised(t *testing.T) {
	evil := "@everyone @here <@123> <@!123> <@&456> <#789> @EVERYONE"
	r := briefings.Reply{Kind: briefings.KindAnswer, Title: evil, Summary: evil,
		Sections: []briefings.Section{{Heading: evil, Items: []briefings.Item{{Text: evil, Mark: "<@123>", Source: "s", Date: evil}}}},
		Sources:  []briefings.Source{{ID: "s", Title: evil, Publisher: evil, Published: evil, URL: "https://x.org/@everyone"}},
	}
	for _, k := range []briefings.Kind{briefings.KindAnswer, briefings.KindWho, briefings.KindDigest} {
		r.Kind = k
		m := RenderMessage(r)
		if err := m.CheckLimits(); err != nil {
			t.Fatal(err)
		}
		e := m.Embeds[0]
		texts := map[string]string{"title": e.Title, "description": e.Description}
		for i, f := range e.Fields {
			texts[fmt.Sprintf("field %d name", i)] = f.Name
			// the source URL may hold an @: it is a link target, not text
			texts[fmt.Sprintf("field %d value", i)] = strings.ReplaceAll(f.Value, "(https://x.org/@everyone)", "")
		}
		if e.Footer != nil {
			texts["footer"] = e.Footer.Text
		}
		for where, s := range texts {
			if loc := mentionLike.FindStringIndex(s); loc != nil {
				t.Errorf("%s: %s holds a live mention at %d: %q", k, where, loc[0], s)
			}
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"*bold* _it_ ~~del~~ `code` ||spoiler||", `\*bold\* \_it\_ \~\~del\~\~ \` + "`code\\`" + ` \|\|spoiler\|\|`},
		{"# heading\n- list\n> quote", "\\# heading\n\\- list\n\\> quote"},
		{"mid-word # and - stay", "mid-word # and - stay"},
		{`back\slash`, `back\\slash`},
		{"[link](https://evil)", `\[link\](https://evil)`},
		{"@everyone and @here", "@\u200beveryone and @\u200bhere"},
		{"<@123> <#9> <t:1:R>", `\<@123\> \<#9\> \<t:1:R\>`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := escape(tt.in); got != tt.want {
				t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
		ok   bool
	}{
		{"short", 10, "short", true},
		{"exactly10!", 10, "exactly10!", true},
		{"eleven chars", 10, "eleven ch…", false},
		{"héllo wörld", 6, "héllo…", false},
		{"😀😀😀😀", 5, "😀😀…", false},   // each emoji is two UTF-16 units
		{`ab\*cd`, 4, "ab…", false}, // never leave half an escape
		{"abc", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := fit(tt.in, tt.max)
			if got != tt.want || ok != tt.ok {
				t.Errorf("fit(%q, %d) = %q, %v; want %q, %v", tt.in, tt.max, got, ok, tt.want, tt.ok)
			}
			if charCount(got) > tt.max || !utf8.ValidString(got) {
				t.Errorf("fit(%q, %d) = %q breaks the limit or UTF-8", tt.in, tt.max, got)
			}
		})
	}
}

// TestOversizedNeverBreaksALimit renders replies of many shapes and sizes,
// including text that escaping doubles and characters that count twice,
// and checks every limit.
func TestOversizedNeverBreaksALimit(t *testing.T) {
	alphabets := []string{
		"abcdefghij klmnop ",
		"*_~`|<>[]# ",          // every character escaped: doubles in length
		"é€😀🇫🇷 漢字 ",            // multibyte; emoji count as two
		"@everyone @here <@1>", // mention markup
	}
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(n int) string {
		a := []rune(alphabets[rng.IntN(len(alphabets))])
		var b strings.Builder
		for range n {
			b.WriteRune(a[rng.IntN(len(a))])
		}
		return b.String()
	}
	sizes := []int{0, 1, 10, 100, 255, 256, 257, 1000, 1023, 1024, 1025, 2047, 2048, 4095, 4096, 4097, 6000, 6001, 20000}
	for _, size := range sizes {
		for round := range 4 {
			r := briefings.Reply{Kind: briefings.KindAnswer, Title: text(size), Summary: text(size)}
			for s := range 1 + size%40 {
				sec := briefings.Section{Heading: text(size % 300)}
				for i := range 1 + (size+s)%30 {
					it := briefings.Item{Text: text(size/(i+1) + 1), Source: fmt.Sprint("d", (i+s)%50), Date: text(5)}
					if round%2 == 0 && len(it.Text) > 3 {
						it.Mark = string([]rune(it.Text)[1:3])
					}
					sec.Items = append(sec.Items, it)
				}
				r.Sections = append(r.Sections, sec)
			}
			for i := range size % 70 {
				r.Sources = append(r.Sources, briefings.Source{ID: fmt.Sprint("d", i), Title: text(size%500 + 1),
					Publisher: text(size % 120), Published: "2025-01-01", URL: "https://example.org/" + strings.Repeat("p", size%900)})
			}
			t.Run(fmt.Sprintf("size %d round %d", size, round), func(t *testing.T) {
				m := RenderMessage(r)
				if err := m.CheckLimits(); err != nil {
					t.Fatalf("limit broken: %v", err)
				}
				e := m.Embeds[0]
				if e.Title == "That answer is too long for Discord" {
					t.Fatalf("fell back to the safety message")
				}
				for _, f := range e.Fields {
					if !utf8.ValidString(f.Value) || strings.Contains(f.Value, "\\"+ellipsis) && !strings.Contains(f.Value, "\\\\"+ellipsis) {
						t.Errorf("field value cut inside an escape: %q", f.Value)
					}
				}
			})
		}
	}
}

func TestCheckLimitsCatchesViolations(t *testing.T) {
	ok := func() Message {
		return RenderMessage(briefings.Reply{Kind: briefings.KindHelp, Title: "t", Summary: "s"})
	}
	tests := []struct {
		name    string
		breakIt func(*Message)
	}{
		{"content", func(m *Message) { m.Content = strings.Repeat("a", MaxContent+1) }},
		{"title", func(m *Message) { m.Embeds[0].Title = strings.Repeat("a", MaxEmbedTitle+1) }},
		{"description", func(m *Message) { m.Embeds[0].Description = strings.Repeat("a", MaxEmbedDescription+1) }},
		{"emoji count twice", func(m *Message) { m.Embeds[0].Title = strings.Repeat("😀", MaxEmbedTitle/2+1) }},
		{"field value", func(m *Message) {
			m.Embeds[0].Fields = []*discordgo.MessageEmbedField{{Name: "n", Value: strings.Repeat("a", MaxFieldValue+1)}}
		}},
		{"empty field", func(m *Message) { m.Embeds[0].Fields = []*discordgo.MessageEmbedField{{Name: "n"}} }},
		{"fields", func(m *Message) {
			for range MaxEmbedFields + 1 {
				m.Embeds[0].Fields = append(m.Embeds[0].Fields, &discordgo.MessageEmbedField{Name: "n", Value: "v"})
			}
		}},
		{"footer", func(m *Message) {
			m.Embeds[0].Footer = &discordgo.MessageEmbedFooter{Text: strings.Repeat("a", MaxFooterText+1)}
		}},
		{"total", func(m *Message) {
			for range 2 {
				m.Embeds = append(m.Embeds, &discordgo.MessageEmbed{Description: strings.Repeat("a", 3000)})
			}
		}},
		{"embeds", func(m *Message) {
			for range MaxEmbeds {
				m.Embeds = append(m.Embeds, &discordgo.MessageEmbed{Title: "x"})
			}
		}},
		{"null parse", func(m *Message) { m.AllowedMentions.Parse = nil }},
		{"parse everyone", func(m *Message) {
			m.AllowedMentions.Parse = []discordgo.AllowedMentionType{discordgo.AllowedMentionTypeEveryone}
		}},
		{"no allowed_mentions", func(m *Message) { m.AllowedMentions = nil }},
	}
	if err := ok().CheckLimits(); err != nil {
		t.Fatalf("a small message fails: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ok()
			tt.breakIt(&m)
			if err := m.CheckLimits(); err == nil {
				t.Error("CheckLimits passed a message that breaks a limit")
			}
		})
	}
}

func TestCommandText(t *testing.T) {
	str := func(name, v string) *discordgo.ApplicationCommandInteractionDataOption {
		return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: v}
	}
	num := func(name string, v any) *discordgo.ApplicationCommandInteractionDataOption {
		return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: v}
	}
	sub := func(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
		return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
	}
	type opts = []*discordgo.ApplicationCommandInteractionDataOption
	tests := []struct {
		name string
		opts opts
		want string
	}{
		{"who", opts{str("name", "cazeneuve")}, "/who cazeneuve"},
		{"who", nil, "/who"},
		{"stats", opts{num("year", 2025.0), str("topic", "crossings")}, "/stats 2025 crossings"},
		{"stats", opts{num("year", 2014.0)}, "/stats 2014"},
		{"stats", nil, "/stats"},
		{"stats", opts{num("year", 20.5)}, "/stats"},
		{"stats", opts{str("year", "2025")}, "/stats 2025"}, // wrong type: read, not panic
		{"ask", opts{str("question", "when was the deal ratified?")}, "/ask when was the deal ratified?"},
		{"digest", nil, "/digest"},
		{"digest", opts{sub("preview")}, "/digest"},
		{"digest", opts{sub("list")}, "/digest list"},
		{"digest", opts{sub("subscribe", str("schedule", "daily 09:00"), str("timezone", "Europe/London"))}, "/digest subscribe daily 09:00 Europe/London"},
		{"digest", opts{sub("subscribe", str("schedule", "0 9 * * 1"))}, `/digest subscribe "0 9 * * 1"`},
		{"digest", opts{sub("unsubscribe", str("id", "d-42"))}, "/digest unsubscribe d-42"},
		{"sources", nil, "/sources"},
		{"sources", opts{num("year", 2014.0)}, "/sources 2014"},
		{"feedback", nil, "/feedback"},
		{"help", nil, "/help"},
		{"unknown", nil, "/help"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := commandText(discordgo.ApplicationCommandInteractionData{Name: tt.name, Options: tt.opts})
			if got != tt.want {
				t.Errorf("commandText(%s) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestCommandsAreValid(t *testing.T) {
	name := regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)
	cmds := Commands()
	if len(cmds) != 7 {
		t.Fatalf("%d commands", len(cmds))
	}
	var check func(string, []*discordgo.ApplicationCommandOption)
	check = func(where string, opts []*discordgo.ApplicationCommandOption) {
		if len(opts) > 25 {
			t.Errorf("%s: %d options", where, len(opts))
		}
		requiredDone := false
		for _, o := range opts {
			if !name.MatchString(o.Name) || o.Description == "" || len(o.Description) > 100 {
				t.Errorf("%s: option %q name or description invalid", where, o.Name)
			}
			if !o.Required {
				requiredDone = true
			} else if requiredDone {
				t.Errorf("%s: required option %q after an optional one", where, o.Name)
			}
			check(where+" "+o.Name, o.Options)
		}
	}
	for _, c := range cmds {
		if !name.MatchString(c.Name) || c.Description == "" || len(c.Description) > 100 {
			t.Errorf("command %q name or description invalid", c.Name)
		}
		check(c.Name, c.Options)
	}
}

// BenchmarkRenderSources renders a /sources reply over the whole BBC corpus
// (2,125 articles): far more than fits, so the source selection does the
// most work it can.
func BenchmarkRenderSources(b *testing.B) {
	r := briefings.Reply{Kind: briefings.KindSources, Title: "Sources"}
	for i := range 2125 {
		r.Sources = append(r.Sources, briefings.Source{ID: fmt.Sprint("bbc/", i), Title: fmt.Sprintf("BBC article number %d on the Channel", i),
			Publisher: "BBC News", Published: "2020-01-02", URL: fmt.Sprintf("https://www.bbc.co.uk/news/uk-%d", 50000000+i)})
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := RenderMessage(r).CheckLimits(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderWho(b *testing.B) {
	r := goldenReplies()["who"]
	b.ReportAllocs()
	for b.Loop() {
		RenderMessage(r)
	}
}
