package people

import (
	"testing"

	"github.com/briefbot/briefbot/briefings/text"
)

// FuzzExtract feeds Extract arbitrary articles: it must not panic, and every
// mention must be a real span of its paragraph naming a known entity.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"France's Interior Minister Bernard Cazeneuve said so. Mr Cazeneuve’s aide agreed.",
		"– James Brokenshire, Immigration Minister",
		"Team: C Paterson; S Webster, A Craig. R de Marigny; KP Robertson.",
		"AT&T. Consolidation J. K. Rowling M. Mr. Dr Mrs",
		"Yvette Cooper, who served as Home Secretary and now serves as UK Foreign Secretary, said,",
		"\"Q,\" said Ian Fogg, Jupiter analyst. on May 31 in May Theresa May",
		"al-Gosaibi d'Estaing Jeroen van der Veer Martin Luther King Jnr",
		"", "Mr", "M.", "–", "A", "\x00\xff", "Ms Ms Ms Ms", ", who was", "The Mayor of ,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d, err := text.Parse("fuzz", []byte(body))
		if err != nil {
			return
		}
		r := Extract(d)
		for _, m := range r.Mentions {
			if m.Para < 0 || m.Para >= len(d.Paragraphs) {
				t.Fatalf("mention %+v: no paragraph %d", m, m.Para)
			}
			p := d.Paragraphs[m.Para].Text
			if m.Start < 0 || m.End > len(p) || m.Start >= m.End || p[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v is not a span of %q", m, p)
			}
			if r.Entity(m.Key) == nil {
				t.Fatalf("mention %+v names no entity", m)
			}
			r.Resolve(m.Text, m.Para, m.Start)
		}
		r.Resolve(body, 0, 0)
		Build([]*text.Doc{d}, []DocInput{{DocID: d.ID, Result: r}}).Lookup(body)
	})
}
