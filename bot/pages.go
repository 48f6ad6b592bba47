package bot

import (
	"strings"

	"github.com/briefbot/briefbot/briefings"
)

// Page sizes. A page holds at most pageItems items and about pageChars
// characters of item text, which keeps it well inside both Slack's and
// Discord's message limits (Discord's 6,000 characters per message is the
// tighter one), so a renderer never has to cut it.
const (
	pageItems = 12
	pageChars = 3000
)

// Paginate splits a reply into pages a chat message can hold. The first
// page keeps the summary; every page keeps the title and the headings of
// the sections it continues, and lists only the sources its items cite
// (sources no item cites stay on the first page). A reply that fits is one
// page, unchanged.
func Paginate(r briefings.Reply) []briefings.Reply {
	total, chars := 0, 0
	for _, s := range r.Sections {
		total += len(s.Items)
		for _, it := range s.Items {
			chars += len(it.Text)
		}
	}
	if total <= pageItems && chars <= pageChars {
		return []briefings.Reply{r}
	}
	var pages []briefings.Reply
	cur := briefings.Reply{Kind: r.Kind, Title: r.Title, Summary: r.Summary}
	n, size := 0, len(r.Summary)
	flush := func() {
		pages = append(pages, cur)
		cur = briefings.Reply{Kind: r.Kind, Title: r.Title}
		n, size = 0, 0
	}
	for _, sec := range r.Sections {
		open := false
		for _, it := range sec.Items {
			l := len(it.Text) + len(it.Mark)
			if n > 0 && (n >= pageItems || size+l > pageChars) {
				flush()
				open = false
			}
			if !open {
				cur.Sections = append(cur.Sections, briefings.Section{Heading: sec.Heading, URL: sec.URL})
				open = true
			}
			last := &cur.Sections[len(cur.Sections)-1]
			last.Items = append(last.Items, it)
			n++
			size += l
		}
		if len(sec.Items) == 0 && strings.TrimSpace(sec.Heading) != "" {
			cur.Sections = append(cur.Sections, sec)
		}
	}
	if n > 0 || len(pages) == 0 {
		flush()
	}
	// Each page cites its own sources; uncited ones stay on the first.
	cited := map[string]bool{}
	for i := range pages {
		want := map[string]bool{}
		for _, s := range pages[i].Sections {
			for _, it := range s.Items {
				want[it.Source] = true
				cited[it.Source] = true
			}
		}
		for _, src := range r.Sources {
			if want[src.ID] {
				pages[i].Sources = append(pages[i].Sources, src)
			}
		}
	}
	var rest []briefings.Source
	for _, src := range r.Sources {
		if !cited[src.ID] {
			rest = append(rest, src)
		}
	}
	pages[0].Sources = append(pages[0].Sources, rest...)
	return pages
}
