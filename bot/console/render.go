package console

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/briefings"
)

// Render formats a reply as plain text for a terminal: the title, the
// summary, each section's items with their citation number and date, then
// the numbered sources. A marked span is shown between asterisks.
func Render(r briefings.Reply) string {
	var b strings.Builder
	cite := map[string]int{}
	for i, s := range r.Sources {
		cite[s.ID] = i + 1
	}
	b.WriteString(r.Title)
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

// mark puts asterisks around the first occurrence of m in text.
func mark(text, m string) string {
	if m == "" {
		return text
	}
	i := strings.Index(text, m)
	if i < 0 {
		return text
	}
	return text[:i] + "*" + m + "*" + text[i+len(m):]
}
