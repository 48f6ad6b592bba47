package slack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/golden"
)

var cazeneuve = briefings.Source{ID: "2014/cazeneuve-calais", Title: "Cazeneuve & May agree on Calais <security> plan", Publisher: "The Guardian", Published: "2014-09-20", URL: "https://www.theguardian.com/uk-news/2014/sep/20/calais?a=1&b=2"}

// cazeneuveITV reports the same story as cazeneuve.
var cazeneuveITV = briefings.Source{ID: "2014/itv-calais", Title: "UK and France agree Calais measures", Publisher: "ITV News", Published: "2014-09-20", Story: cazeneuve.ID}

func sampleReplies() map[string]briefings.Reply {
	long := strings.Repeat("The minister said the crossings would stop; ", 120)
	var many []briefings.Item
	var srcs []briefings.Source
	for i := range 400 {
		id := fmt.Sprintf("doc-%03d", i%60)
		many = append(many, briefings.Item{Text: fmt.Sprintf("Item %d: %s", i, long[:200+i%300]), Mark: "minister", Source: id, Date: "2015-08-01"})
	}
	for i := range 60 {
		srcs = append(srcs, briefings.Source{ID: fmt.Sprintf("doc-%03d", i), Title: fmt.Sprintf("Article %d", i), Publisher: "BBC", Published: "2015", URL: fmt.Sprintf("https://www.bbc.co.uk/news/%d", i)})
	}
	return map[string]briefings.Reply{
		"who": {
			Kind: briefings.KindWho, Title: "Bernard Cazeneuve",
			Summary: "France's Interior Minister (2014), later Prime Minister.",
			Sections: []briefings.Section{
				{Heading: "Roles", Items: []briefings.Item{{Text: "France's Interior Minister", Source: cazeneuve.ID, Date: "2014-09-20"}}},
				{Heading: "Quotes", Items: []briefings.Item{{Text: `"We will not let Calais become a dead end," said Cazeneuve.`, Mark: "We will not let Calais become a dead end", Source: cazeneuve.ID, Also: []string{cazeneuveITV.ID}, Date: "2014-09-20"}}},
			},
			Sources: []briefings.Source{cazeneuve, cazeneuveITV},
		},
		"stats": {
			Kind: briefings.KindStats, Title: "Figures for 2025",
			Sections: []briefings.Section{{Heading: "People crossing the Channel in small boats", Items: []briefings.Item{
				{Text: "More than 1,097 people crossed on Saturday, a record for a single day.", Mark: "1,097", Source: "2025/record", Date: "2025-05-31"},
				{Text: "Sources disagree: 2,300 vs 2,500 migrants in Calais.", Source: "missing-source"},
			}}},
			Sources: []briefings.Source{{ID: "2025/record", Title: "Record crossings", Publisher: "BBC", Published: "2025-06-01", URL: "https://www.bbc.co.uk/news/record"}},
		},
		"answer": {
			Kind: briefings.KindAnswer, Title: "When was the UK-France deal ratified?",
			Sections: []briefings.Section{{Heading: "From the articles", Items: []briefings.Item{
				{Text: "The treaty was ratified on 6 August 2025, officials said.", Mark: "6 August 2025", Source: "2025/treaty", Date: "2025-08-07"},
			}}},
			Sources: []briefings.Source{{ID: "2025/treaty", Title: "One in, one out", Publisher: "Reuters", Published: "2025-08-07", URL: "javascript:alert(1)"}},
		},
		"notfound": {Kind: briefings.KindNotFound, Title: "I found no one called \"Smith\"", Summary: "The corpus covers the Calais crossings, 2014–2025. Try /sources."},
		"error":    briefings.ErrorReply("I hit a problem answering that. Please try again, or try /help."),
		"help":     bot.HelpReply(),
		"digest": {
			Kind: briefings.KindDigest, Title: "What's new: 3 articles",
			Summary: "3 articles not posted here before. They tell 2 stories: a story several outlets report is summarised once, with its outlets.",
			Sections: []briefings.Section{
				{Heading: "Record crossings (BBC and Reuters)", URL: "https://www.bbc.co.uk/news/record",
					Story: &briefings.StoryRef{ID: "2025/record", Articles: []string{"2025/record", "2025/record-reuters"}, Outlets: []string{"BBC", "Reuters"}},
					Items: []briefings.Item{
						{Text: "More than 1,097 people crossed on Saturday.", Mark: "1,097", Source: "2025/record"},
						{Text: "Figure: 1,097 people (2025)", Mark: "1,097", Source: "2025/record", Also: []string{"2025/record-reuters"}},
						{Text: "Figure: 19 boats (2025)", Mark: "19", Source: "2025/record"},
						{Text: "Figure: 21 boats (2025)", Mark: "21", Source: "2025/record-reuters"},
						{Text: "Sources disagree: Boats: 19 (BBC) vs 21 (Reuters)"},
					}},
				{Heading: "One in, one out", Items: []briefings.Item{{Text: "The pilot scheme starts this month.", Source: "2025/treaty"}}},
			},
			Sources: []briefings.Source{
				{ID: "2025/record", Title: "Record crossings", Publisher: "BBC", Published: "2025-06-01", URL: "https://www.bbc.co.uk/news/record", Story: "2025/record"},
				{ID: "2025/record-reuters", Title: "Record day for Channel crossings", Publisher: "Reuters", Published: "2025-06-01", Story: "2025/record"},
				{ID: "2025/treaty", Title: "One in, one out | the deal", Publisher: "Reuters", Published: "2025-08-07", URL: "https://example.com/a|b"},
			},
		},
		"injection": {
			Kind: briefings.KindAnswer, Title: "<!channel> @everyone",
			Summary:  "Hey <!channel> and <!here|here> and @everyone and @here, ping <@U1> in <#C1|general> & <https://evil.example|click>",
			Sections: []briefings.Section{{Heading: "<@U2>", Items: []briefings.Item{{Text: "say <!subteam^S1> @channel", Mark: "<!subteam^S1>"}}}},
			Sources:  []briefings.Source{{ID: "x", Title: "<!channel>", Publisher: "@everyone", URL: "https://example.com/?q=<!channel>"}},
		},
		"oversized": {
			Kind: briefings.KindAnswer, Title: strings.Repeat("Very long title ", 20),
			Summary: strings.Repeat("é🙂&", 2000), Sections: []briefings.Section{{Heading: "Everything", Items: many}}, Sources: srcs,
		},
	}
}

func TestRenderGolden(t *testing.T) {
	for name, r := range sampleReplies() {
		t.Run(name, func(t *testing.T) {
			m := RenderMessage(r)
			checkLimits(t, m)
			var buf bytes.Buffer
			if err := m.WriteJSON(&buf); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden.Check(t, filepath.Join("testdata", name+".golden.json"), got)
			// What is printed must read back as the same blocks.
			var back Message
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			if len(back.Blocks.BlockSet) != len(m.Blocks.BlockSet) {
				t.Fatalf("round trip: %d blocks, want %d", len(back.Blocks.BlockSet), len(m.Blocks.BlockSet))
			}
		})
	}
}

// texts lists every text object of m with the limit it must respect.
func texts(m Message) (out []struct {
	s     string
	limit int
}) {
	add := func(s string, l int) {
		out = append(out, struct {
			s     string
			limit int
		}{s, l})
	}
	add(m.Text, MaxFallbackText)
	for _, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			add(b.Text.Text, MaxHeaderText)
		case *slack.SectionBlock:
			add(b.Text.Text, MaxSectionText)
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				add(e.(*slack.TextBlockObject).Text, MaxSectionText)
			}
		}
	}
	return out
}

// checkLimits fails if m breaks any Block Kit limit.
func checkLimits(t *testing.T, m Message) {
	t.Helper()
	if n := len(m.Blocks.BlockSet); n == 0 || n > MaxBlocks {
		t.Fatalf("%d blocks", n)
	}
	if m.Text == "" {
		t.Fatal("no fallback text")
	}
	for _, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			if b.Text.Type != slack.PlainTextType {
				t.Fatalf("header type %s", b.Text.Type)
			}
		case *slack.SectionBlock:
			if !b.Text.Verbatim {
				t.Fatal("section text not verbatim")
			}
		case *slack.ContextBlock:
			if n := len(b.ContextElements.Elements); n == 0 || n > MaxContextElements {
				t.Fatalf("context block with %d elements", n)
			}
		case *slack.DividerBlock:
		case *slack.ActionBlock:
			if n := len(b.Elements.ElementSet); n == 0 || n > MaxActionElements {
				t.Fatalf("actions block with %d elements", n)
			}
			for _, e := range b.Elements.ElementSet {
				btn := e.(*slack.ButtonBlockElement)
				if len(btn.ActionID) > MaxActionID || textLen(btn.Text.Text) > MaxButtonText || btn.Text.Type != slack.PlainTextType {
					t.Fatalf("button %+v breaks a limit", btn)
				}
			}
		default:
			t.Fatalf("unexpected block %T", b)
		}
	}
	for _, x := range texts(m) {
		if x.s == "" {
			t.Fatal("empty text object")
		}
		if !utf8.ValidString(x.s) {
			t.Fatalf("invalid UTF-8: %.80q", x.s)
		}
		if n := textLen(x.s); n > x.limit {
			t.Fatalf("text of %d units over the limit %d: %.80q", n, x.limit, x.s)
		}
	}
}

func TestMentionInjectionNeutralised(t *testing.T) {
	m := RenderMessage(sampleReplies()["injection"])
	raw, _ := json.Marshal(m)
	for _, x := range texts(m) {
		s := x.s
		// Slack markup only starts with a raw "<"; the one link allowed is
		// the source link, which starts with "<https://".
		for i := strings.Index(s, "<"); i >= 0; i = strings.Index(s, "<") {
			if !strings.HasPrefix(s[i:], "<https://example.com/?q=&lt;!channel&gt;|") {
				t.Errorf("raw markup in %q", x.s)
				break
			}
			s = s[i+1:]
		}
		for _, word := range []string{"@everyone", "@here", "@channel"} {
			if strings.Contains(x.s, word) {
				t.Errorf("%s left intact in %q", word, x.s)
			}
		}
	}
	for _, want := range []string{`&lt;!channel&gt;`, `&lt;@U1&gt;`, `&lt;!here|here&gt;`, `&amp;`, `&lt;#C1|general&gt;`, "@\u2060everyone"} {
		if !strings.Contains(m.Blocks.BlockSet[1].(*slack.SectionBlock).Text.Text+m.Text, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	for _, bad := range []string{`"link_names"`, `"parse"`} {
		if strings.Contains(string(raw), bad) {
			t.Errorf("message sends %s", bad)
		}
	}
}

// TestRenderNeverBreaksLimits renders replies of many sizes and shapes.
func TestRenderNeverBreaksLimits(t *testing.T) {
	pieces := []string{"a", "é", "🙂", "&", "<", ">", " ", "@everyone ", "中文", "\n"}
	for size := 0; size < 9000; size = size*3/2 + 7 {
		for p, piece := range pieces {
			t.Run(fmt.Sprintf("%d/%d", size, p), func(t *testing.T) {
				text := strings.Repeat(piece, size) + "end"
				var items []briefings.Item
				for i := range size % 97 {
					items = append(items, briefings.Item{Text: text[:min(len(text), i*31)] + "x", Mark: piece, Source: fmt.Sprint(i % 13), Date: "2020"})
				}
				var srcs []briefings.Source
				for i := range size % 61 {
					srcs = append(srcs, briefings.Source{ID: fmt.Sprint(i), Title: text, Publisher: text, Published: text, URL: "https://x.test/" + text})
				}
				r := briefings.Reply{Kind: briefings.KindAnswer, Title: text, Summary: text,
					Sections: []briefings.Section{{Heading: text, Items: items}, {Heading: "b", Items: []briefings.Item{{Text: text, Mark: "end"}}}},
					Sources:  srcs}
				checkLimits(t, RenderMessage(r))
			})
		}
	}
}

func TestRenderCutEndsWithHint(t *testing.T) {
	m := RenderMessage(sampleReplies()["oversized"])
	if len(m.Blocks.BlockSet) != MaxBlocks {
		t.Fatalf("%d blocks, want all %d used", len(m.Blocks.BlockSet), MaxBlocks)
	}
	last, ok := m.Blocks.BlockSet[MaxBlocks-1].(*slack.ContextBlock)
	if !ok {
		t.Fatalf("last block is %T", m.Blocks.BlockSet[MaxBlocks-1])
	}
	text := last.ContextElements.Elements[0].(*slack.TextBlockObject).Text
	if !strings.Contains(text, "more in /ask") || !strings.Contains(text, "20 more sources") {
		t.Fatalf("hint %q", text)
	}
	summary := m.Blocks.BlockSet[1].(*slack.SectionBlock).Text.Text
	if !strings.HasSuffix(summary, ellipsis) {
		t.Fatalf("cut summary does not end with an ellipsis: %q", summary[len(summary)-20:])
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
		cut   bool
	}{
		{"short", 10, "short", false},
		{"a & b", 9, "a &amp; b", false},
		{"a & b", 8, "a &amp;…", true},
		{"a & b", 7, "a…", true},
		{"<<<<", 9, "&lt;&lt;…", true},
		{"🙂🙂🙂", 5, "🙂🙂…", true},
		{"🙂🙂🙂", 4, "🙂…", true},
		{"héllo wörld", 6, "héllo…", true},
		{"@everyone", 20, "@\u2060everyone", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, cut := fit(tt.in, tt.limit)
			if got != tt.want || cut != tt.cut {
				t.Fatalf("fit(%q, %d) = %q, %v; want %q, %v", tt.in, tt.limit, got, cut, tt.want, tt.cut)
			}
		})
	}
}

// TestFallbackListsEveryItem checks the notification text of a reply made
// only of a list (/digest list): it names every entry, not the first.
func TestFallbackListsEveryItem(t *testing.T) {
	tests := []struct {
		name  string
		items []string
	}{
		{"one", []string{"d-aaaaaa: \"0 9 * * *\" in UTC"}},
		{"three", []string{"d-aaaaaa: \"0 9 * * *\" in UTC", "morning: \"0 8 * * 1-5\" in Europe/London", "d-cccccc: \"@hourly\" in Asia/Tokyo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var items []briefings.Item
			for _, s := range tt.items {
				items = append(items, briefings.Item{Text: s})
			}
			msg := RenderMessage(briefings.Reply{Kind: briefings.KindDigest, Title: "Digests for this channel",
				Sections: []briefings.Section{{Heading: "Schedules", Items: items}}})
			for _, s := range tt.items {
				id, _, _ := strings.Cut(s, ":")
				if !strings.Contains(msg.Text, id) {
					t.Errorf("text %q does not name %s", msg.Text, id)
				}
			}
		})
	}
}

// Message.encode gives the bytes json.Marshal gives, for every sample
// reply and every top-level field set.
func TestMessageEncode(t *testing.T) {
	if w, m := reflect.TypeFor[messageWire](), reflect.TypeFor[Message](); w.NumField() != m.NumField() {
		t.Fatalf("messageWire has %d fields, Message %d", w.NumField(), m.NumField())
	}
	yes := true
	for name, r := range sampleReplies() {
		for _, m := range []Message{RenderMessage(r), {Text: name, ResponseType: responseEphemeral, ReplaceOriginal: &yes}} {
			got, err := m.encode()
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: encode gives\n%s\njson.Marshal\n%s", name, got, want)
			}
		}
	}
}
