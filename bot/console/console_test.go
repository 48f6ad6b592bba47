package console

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/golden"
)

// checkGolden compares got with testdata/name (go test -update rewrites it).
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got))
}

func sampleReply() briefings.Reply {
	return briefings.Reply{
		Kind:    briefings.KindWho,
		Title:   "Bernard Cazeneuve",
		Summary: "Interior Minister of France (2014).",
		Sections: []briefings.Section{
			{Heading: "Quotes", Items: []briefings.Item{
				{Text: "“It would be very useful to have more policemen here.”", Source: "a", Also: []string{"c"}, Date: "2014-11-05"},
			}},
			{Heading: "Figures", Items: []briefings.Item{
				{Text: "French authorities struggle with up to 2,300 migrants.", Mark: "2,300", Source: "b"},
				{Text: "An item with no source."},
			}},
		},
		Sources: []briefings.Source{
			{ID: "a", Title: "France wants British police in Calais", Publisher: "France 24", Published: "2014-11-05", URL: "https://example.com/a"},
			{ID: "b", Title: "UK should send back-up to Calais", Published: "2020", DateInferred: true},
			{ID: "c", Title: "French minister says UK police should help in Calais", Publisher: "ITV News", Published: "2014-11-05", Story: "a"},
		},
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		name  string
		reply briefings.Reply
	}{
		{"who.txt", sampleReply()},
		{"digest.txt", sampleDigest()},
		{"help.txt", bot.HelpReply()},
		{"error.txt", briefings.ErrorReply("Please try again.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkGolden(t, tt.name, Render(tt.reply)) })
	}
}

// sampleDigest is a digest of one story two outlets report and one
// article alone.
func sampleDigest() briefings.Reply {
	return briefings.Reply{
		Kind:    briefings.KindDigest,
		Title:   "What's new: 3 articles",
		Summary: "3 articles not posted here before. They tell 2 stories: a story several outlets report is summarised once, with its outlets.",
		Sections: []briefings.Section{
			{Heading: "France wants British police in Calais (France 24 and ITV News)", URL: "https://example.com/a",
				Story: &briefings.StoryRef{ID: "a", Articles: []string{"a", "c"}, Outlets: []string{"France 24", "ITV News"}},
				Items: []briefings.Item{
					{Text: "France’s Interior Minister welcomed the idea of British police in Calais.", Source: "a", Date: "2014-11-05"},
					{Text: "Figure: £12 million pledge (2014)", Mark: "£12 million", Source: "a", Also: []string{"c"}},
					{Text: "Figure: 2,300 migrants (2014)", Mark: "2,300", Source: "a"},
					{Text: "Figure: 2,500 migrants (2014)", Mark: "2,500", Source: "c"},
					{Text: "Sources disagree: Migrants: 2,300 (France 24) vs 2,500 (ITV News)"},
				}},
			{Heading: "UK should send back-up to Calais", Items: []briefings.Item{{Text: "The UK should send its own officials to Calais.", Source: "b"}}},
		},
		Sources: []briefings.Source{
			{ID: "a", Title: "France wants British police in Calais", Publisher: "France 24", Published: "2014-11-05", URL: "https://example.com/a", Story: "a"},
			{ID: "c", Title: "French minister says UK police should help in Calais", Publisher: "ITV News", Published: "2014-11-05", Story: "a"},
			{ID: "b", Title: "UK should send back-up to Calais", Published: "2020", DateInferred: true},
		},
	}
}

type echo struct{ reqs []bot.Request }

func (e *echo) Handle(_ context.Context, r bot.Request) briefings.Reply {
	e.reqs = append(e.reqs, r)
	return briefings.Reply{Kind: briefings.KindAnswer, Title: "echo " + r.Text}
}

func TestRunAnswersEachLineAndStopsAtQuit(t *testing.T) {
	h := &echo{}
	var out strings.Builder
	c := New(strings.NewReader("/who x\n\n  \nstats 2025\n/quit\n/never\n"), &out, h, false)
	if err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(h.reqs) != 2 {
		t.Fatalf("handled %d requests, want 2: %+v", len(h.reqs), h.reqs)
	}
	if r := h.reqs[0]; r.Platform != Name || !r.Admin || !r.DM || r.Text != "/who x" {
		t.Errorf("request = %+v", r)
	}
	if got := out.String(); !strings.Contains(got, "echo /who x") || !strings.Contains(got, "echo stats 2025") {
		t.Errorf("output = %q", got)
	}
}

func TestPostPrintsDigest(t *testing.T) {
	var out strings.Builder
	c := New(strings.NewReader(""), &out, &echo{}, false)
	if err := c.Post(context.Background(), Channel, briefings.Reply{Kind: briefings.KindDigest, Title: "Morning digest"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Morning digest") {
		t.Errorf("output = %q", out.String())
	}
}

// An item carried by several articles cites each of them.
func TestRenderCitesEverySource(t *testing.T) {
	r := briefings.Reply{Kind: briefings.KindStats, Title: "Figures for 2004",
		Sections: []briefings.Section{{Heading: "Sales", Items: []briefings.Item{{Text: "Sales rose 900% in 2004.", Source: "a", Also: []string{"c"}}}}},
		Sources:  []briefings.Source{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}, {ID: "c", Title: "C"}}}
	if got := Render(r); !strings.Contains(got, "([1][3])") {
		t.Errorf("citations missing:\n%s", got)
	}
}

// TestRenderStyle: on a terminal a marked span and the title are bold and
// long lines wrap at word boundaries under their bullet; piped, the text
// is plain with no markup marks.
func TestRenderStyle(t *testing.T) {
	r := briefings.Reply{Kind: briefings.KindStats, Title: "Figures for 2015",
		Sections: []briefings.Section{{Heading: "Figures", Items: []briefings.Item{{
			Text: "French authorities struggle with up to 2,300 migrants living in makeshift camps around the port of Calais.", Mark: "2,300", Source: "a"}}}},
		Sources: []briefings.Source{{ID: "a", Title: "A rather long title for an article about the port", Publisher: "Example News", Published: "2015-07-01"}}}
	tests := []struct {
		name    string
		style   Style
		want    []string
		notWant []string
		width   int
	}{
		{"piped", Style{}, []string{"up to 2,300 migrants", "Figures for 2015\n"}, []string{"*", "\x1b["}, 0},
		{"terminal", Style{Bold: true, Width: 40}, []string{"\x1b[1mFigures for 2015\x1b[0m", "\x1b[1m2,300\x1b[0m", "\n    "}, []string{"*2,300*"}, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RenderStyle(r, tt.style)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("has %q:\n%s", w, got)
				}
			}
			if tt.width == 0 {
				return
			}
			plain := strings.NewReplacer("\x1b[1m", "", "\x1b[0m", "").Replace(got)
			for _, line := range strings.Split(plain, "\n") {
				if n := utf8.RuneCountInString(line); n > tt.width {
					t.Errorf("line of %d columns, over %d: %q", n, tt.width, line)
				}
				if strings.HasSuffix(line, " ") {
					t.Errorf("line ends in a space: %q", line)
				}
			}
			if !strings.Contains(plain, "living in makeshift") && !strings.Contains(plain, "makeshift camps") {
				t.Errorf("words were cut:\n%s", plain)
			}
		})
	}
}

// lineSource is a LineReader fed from a list, as a line editor would be
// by a person typing; then io.EOF (Ctrl-D).
type lineSource struct{ lines []string }

func (l *lineSource) Readline() (string, error) {
	if len(l.lines) == 0 {
		return "", io.EOF
	}
	line := l.lines[0]
	l.lines = l.lines[1:]
	return line, nil
}

// TestRunWithLineReader reads through a line editor: each edited line is
// a message, the console prints no prompt of its own, and the end of input
// ends the session.
func TestRunWithLineReader(t *testing.T) {
	e := &echo{}
	var out strings.Builder
	c := New(strings.NewReader("never read\n"), &out, e, true, WithLineReader(&lineSource{lines: []string{"/who cazeneuve", "", "/stats 2025"}}))
	if err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(e.reqs) != 2 || e.reqs[0].Text != "/who cazeneuve" || e.reqs[1].Text != "/stats 2025" {
		t.Fatalf("requests = %+v", e.reqs)
	}
	if strings.Contains(out.String(), "> ") {
		t.Errorf("the console drew a prompt over the line editor's:\n%s", out.String())
	}
}
