package console

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/briefings"
)

// Style says how a terminal shows replies.
type Style struct {
	// Bold shows the title and a marked span in bold (ANSI); without it
	// they are plain text, with no markup marks (output piped to a file or
	// a program).
	Bold bool
	// Width wraps lines at word boundaries to this many columns, items
	// and sources with a hanging indent; 0 does not wrap.
	Width int
}

// Bold marks, kept as private-use runes (zero width) until the lines are
// wrapped, then turned into ANSI codes or dropped.
const (
	boldOn  = '\uE000'
	boldOff = '\uE001'
)

// Render formats a reply as plain text: no bold, no wrapping.
func Render(r briefings.Reply) string { return RenderStyle(r, Style{}) }

// RenderStyle formats a reply for a terminal: the title, the summary, each
// section's items with their citation number and date, then the numbered
// sources.
func RenderStyle(r briefings.Reply, st Style) string {
	raw := render(r)
	var out strings.Builder
	for _, line := range strings.SplitAfter(raw, "\n") {
		nl := strings.HasSuffix(line, "\n")
		line = strings.TrimSuffix(line, "\n")
		if st.Width > 0 {
			line = wrap(line, st.Width)
		}
		out.WriteString(line)
		if nl {
			out.WriteByte('\n')
		}
	}
	on, off := "", ""
	if st.Bold {
		on, off = "\x1b[1m", "\x1b[0m"
	}
	return strings.NewReplacer(string(boldOn), on, string(boldOff), off).Replace(out.String())
}

func render(r briefings.Reply) string {
	var b strings.Builder
	cite := map[string]int{}
	for i, s := range r.Sources {
		cite[s.ID] = i + 1
	}
	b.WriteString(string(boldOn) + r.Title + string(boldOff))
	b.WriteByte('\n')
	if r.Summary != "" {
		b.WriteString(r.Summary)
		b.WriteByte('\n')
	}
	for _, sec := range r.Sections {
		b.WriteString("\n" + sec.Heading + "\n")
		for _, it := range sec.Items {
			b.WriteString("  • " + mark(it.Text, it.Mark))
			var tail []string
			if it.Date != "" {
				tail = append(tail, it.Date)
			}
			refs := ""
			for _, id := range append([]string{it.Source}, it.Also...) {
				if n, ok := cite[id]; ok {
					refs += fmt.Sprintf("[%d]", n)
				}
			}
			if refs != "" {
				tail = append(tail, refs)
			}
			if len(tail) > 0 {
				b.WriteString(" (" + strings.Join(tail, " ") + ")")
			}
			b.WriteByte('\n')
		}
	}
	if len(r.Sources) > 0 {
		b.WriteString("\nSources\n")
		for i, s := range r.Sources {
			parts := []string{s.Title}
			if s.Publisher != "" {
				parts = append(parts, s.Publisher)
			}
			if s.Published != "" && s.DateInferred {
				parts = append(parts, s.Published+" (year inferred from the text)")
			} else if s.Published != "" {
				parts = append(parts, s.Published)
			}
			if s.URL != "" {
				parts = append(parts, s.URL)
			}
			fmt.Fprintf(&b, "  [%d] %s\n", i+1, strings.Join(parts, " · "))
		}
	}
	return b.String()
}

// mark sets the first occurrence of m in text in bold.
func mark(text, m string) string {
	if m == "" {
		return text
	}
	i := strings.Index(text, m)
	if i < 0 {
		return text
	}
	return text[:i] + string(boldOn) + m + string(boldOff) + text[i+len(m):]
}

// wrap breaks a line at spaces so no piece is wider than width columns.
// The pieces after the first are indented under the text of a bullet
// ("  • ") or a source ("  [1] "), else under the line's own indent. A
// word longer than the width stays whole.
func wrap(line string, width int) string {
	if visible(line) <= width {
		return line
	}
	indent := hangingIndent(line)
	if indent >= width/2 {
		indent = 0
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	col := 0
	lead := len(line) - len(strings.TrimLeft(line, " "))
	b.WriteString(line[:lead])
	col = lead
	first := true
	for _, w := range strings.Fields(line[lead:]) {
		n := visible(w)
		switch {
		case first:
			first = false
		case col+1+n > width:
			b.WriteString("\n" + pad)
			col = indent
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// hangingIndent is the column where the text of a bullet or source line
// starts.
func hangingIndent(line string) int {
	lead := len(line) - len(strings.TrimLeft(line, " "))
	rest := line[lead:]
	switch {
	case strings.HasPrefix(rest, "• "):
		return lead + 2
	case strings.HasPrefix(rest, "["):
		if i := strings.Index(rest, "] "); i > 0 && i < 6 {
			return lead + i + 2
		}
	}
	return lead
}

// visible counts the columns a string takes: runes, less the bold marks.
func visible(s string) int {
	n := 0
	for _, r := range s {
		if r != boldOn && r != boldOff {
			n++
		}
	}
	return n
}
