package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/text"
)

// FuzzExtract checks that Extract never panics and that every quote it
// returns lies inside the document.
func FuzzExtract(f *testing.F) {
	for _, seed := range []string{
		`"We will win," said John Smith. "Next year too.`,
		"Mr Alegre said,\n\n“Police are pelted with stones.”\n\nHe stated,\n\n\"Every night",
		"We had a hard negotiation\n\n– Bernard Cazeneuve",
		"\"\n\n\"\n\n“”“\"",
		`He said: "A. "B. "C," he added, "d`,
		"– \n\n-\n\n—",
		`“Q,” it said in the report entitled “Enforced Misery”.`,
		"\"x\" \"y\" \"z\" , said , said said said",
		"according to\n\nquoted as saying\n\n, who said,",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		d, err := text.Parse("fuzz", []byte(body))
		if err != nil {
			return
		}
		for _, q := range Extract(d, testPeople) {
			if q.Para < 0 || q.ParaEnd < q.Para || q.ParaEnd >= len(d.Paragraphs) {
				t.Fatalf("quote paragraphs %d..%d outside 0..%d", q.Para, q.ParaEnd, len(d.Paragraphs)-1)
			}
			if p := d.Paragraphs[q.Para].Text; q.Start < 0 || q.Start > len(p) {
				t.Fatalf("quote start %d outside paragraph of %d bytes", q.Start, len(p))
			}
			if strings.TrimSpace(q.Text) == "" || !utf8.ValidString(q.Text) {
				t.Fatalf("quote text %q", q.Text)
			}
			if q.Speaker != "" && testPeople[q.Speaker].names == nil {
				t.Fatalf("speaker %q is no entity", q.Speaker)
			}
		}
	})
}
