package text

import (
	"errors"
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name     string
		raw      string
		meta     Meta
		body     string
		had      bool
		errLine  int
		errMatch string
	}{
		{name: "none", raw: "Title\n\nBody.", body: "Title\n\nBody."},
		{name: "full", raw: "---\ntitle: \"T: x\"\npublisher: P\npublished: 2014-11-05\nurl: https://x.example/a\nauthor: A\ntags: [a, b]\nextra: ignored\n---\nBody.\n",
			meta: Meta{Title: "T: x", Publisher: "P", Published: Date{2014, 11, 5}, URL: "https://x.example/a", Author: "A", Tags: []string{"a", "b"}}, body: "Body.\n", had: true},
		{name: "month date, tags as text", raw: "---\npublished: 2025-09\ntags: a, b\n---\n", meta: Meta{Published: Date{2025, 9, 0}, Tags: []string{"a", "b"}}, had: true},
		{name: "crlf and bom", raw: "\ufeff---\r\ntitle: T\r\n---\r\nBody.", meta: Meta{Title: "T"}, body: "Body.", had: true},
		{name: "empty block", raw: "---\n---\nBody.", body: "Body.", had: true},
		{name: "bad date", raw: "---\ntitle: T\npublished: 2014-02-30\n---\n", had: true, errLine: 3, errMatch: "not a real date"},
		{name: "bad url", raw: "---\nurl: www.x.com\n---\n", had: true, errLine: 2, errMatch: "http"},
		{name: "list title", raw: "---\ntitle: [a, b]\n---\n", had: true, errLine: 2, errMatch: "single value"},
		{name: "unclosed", raw: "---\ntitle: T\nBody.", errLine: 1, errMatch: "no closing"},
		{name: "not a map", raw: "---\n- a\n- b\n---\n", had: true, errLine: 2, errMatch: "key: value"},
		{name: "bad yaml", raw: "---\ntitle: \"open\n---\n", had: true, errMatch: "front matter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, body, had, err := SplitFrontMatter([]byte(tc.raw))
			if tc.errMatch != "" {
				var fe *FrontMatterError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.errMatch) || (tc.errLine != 0 && fe.Line != tc.errLine) {
					t.Fatalf("err = %v, want line %d %q", err, tc.errLine, tc.errMatch)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if had != tc.had || body != tc.body || m.Title != tc.meta.Title || m.Publisher != tc.meta.Publisher ||
				m.Published != tc.meta.Published || m.URL != tc.meta.URL || m.Author != tc.meta.Author ||
				strings.Join(m.Tags, "|") != strings.Join(tc.meta.Tags, "|") {
				t.Errorf("got %+v %q %v", m, body, had)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"2014": "2014", "2014-09": "2014-09", "2024-02-29": "2024-02-29", " 2025-09-01 ": "2025-09-01"} {
		d, err := ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, in := range []string{"", "14", "2014-9", "2023-02-29", "2014-00", "2014/09/01", "2014-09-01-01", "0999"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"Mr Alegre said it. Then he left.", []string{"Mr Alegre said it.", "Then he left."}},
		{"Mr. Smith met Dr. Jones. It went well.", []string{"Mr. Smith met Dr. Jones.", "It went well."}},
		{"George W. Bush spoke. He left.", []string{"George W. Bush spoke.", "He left."}},
		{"It rose 3.5 per cent. Prices fell.", []string{"It rose 3.5 per cent.", "Prices fell."}},
		{`"It is hard," he said. "Very hard." She agreed.`, []string{`"It is hard," he said.`, `"Very hard."`, "She agreed."}},
		{"the U.S. economy grew. Jobs rose.", []string{"the U.S. economy grew.", "Jobs rose."}},
		{"Wait... what? Yes.", []string{"Wait... what?", "Yes."}},
		{"lower case after stop. continues", []string{"lower case after stop. continues"}},
		{"The pilot runs until June 11, 2026. Under it, 50 return.", []string{"The pilot runs until June 11, 2026.", "Under it, 50 return."}},
	} {
		var got []string
		for _, s := range SplitSentences(tc.in) {
			got = append(got, tc.in[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("SplitSentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestClean(t *testing.T) {
	raw := "Skip to main content\nHeadline here\nCredit: Gareth Fuller/PA\n\nFirst line of a sentence that\ncontinues here.\n\nShare this article\n\nSecond paragraph.\n\nJane Doe\n\nJane Doe is a journalist at the Paper covering politics.\nShe lives in Leeds.\n\n(FRANCE 24 with AFP)\n\nDaily newsletterReceive news\n\nPage not found\n"
	got := Clean(raw)
	want := []string{"Headline here", "First line of a sentence that continues here.", "Second paragraph."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Clean = %q, want %q", got, want)
	}
}

func TestParse(t *testing.T) {
	raw := "Calais migrants rise\n\nCalais migrants rise\n\nThe number rose in 2014. It fell in 2015 and 2014 again.\n"
	d, err := Parse("x/y", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "x/y" || d.Meta.Title != "Calais migrants rise" || len(d.Paragraphs) != 2 {
		t.Errorf("doc = %+v", d)
	}
	if d.Meta.Published != (Date{Year: 2014}) || !d.Meta.DateInferred {
		t.Errorf("inferred date = %v %v", d.Meta.Published, d.Meta.DateInferred)
	}
	long := strings.Repeat("word ", 60)
	d, _ = Parse("z", []byte(long))
	if r := []rune(d.Meta.Title); len(r) > MaxTitle+1 || !strings.HasSuffix(d.Meta.Title, "…") {
		t.Errorf("title not cut: %q", d.Meta.Title)
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\npublished: 2014-11-05\n---\nBody",
		"---\ntags: [a, b]\n---\n",
		"---\n---\n",
		"---\ntitle: \"x\n",
		"no front matter",
		"\ufeff---\r\nurl: https://x\r\n---\r\n",
		"---\n: : :\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, body, had, err := SplitFrontMatter(raw)
		if err != nil {
			var fe *FrontMatterError
			if !errors.As(err, &fe) || fe.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if !had && m.Title != "" {
			t.Fatalf("meta without front matter: %+v", m)
		}
		if len(body) > len(raw) {
			t.Fatalf("body longer than input")
		}
		if !m.Published.IsZero() {
			if _, err := ParseDate(m.Published.String()); err != nil {
				t.Fatalf("accepted date %v does not parse back: %v", m.Published, err)
			}
		}
		// Parsing the whole article never fails where the front matter did not.
		if _, err := Parse("f", raw); err != nil {
			t.Fatalf("Parse: %v", err)
		}
	})
}

func TestFrontMatterYAMLErrorLine(t *testing.T) {
	_, _, _, err := SplitFrontMatter([]byte("---\ntitle: T\npublisher: [unclosed\n---\n"))
	var fe *FrontMatterError
	if !errors.As(err, &fe) || fe.Line < 2 || strings.Contains(err.Error(), "yaml: line") {
		t.Errorf("err = %v", err)
	}
}

func TestInferYear(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Arrivals rose in 2025 and in 2024. In 2025 they peaked.", 2025},
		{"The camp has stood since authorities closed the centre in 2002.", 0},
		{"Ministers want the cards by 2012. The bill was published in 2004.", 2004},
		{"London bids for the 2012 Olympics. The vote came in 2005.", 2005},
		{"The target for 2050 was set in 2004, and 2050 is far off.", 2004},
		{"Nothing dated here.", 0},
	} {
		d, err := Parse("x", []byte("Title\n\n"+tc.text))
		if err != nil {
			t.Fatal(err)
		}
		if d.Meta.Published.Year != tc.want || d.Meta.DateInferred != (tc.want != 0) {
			t.Errorf("%q: year %d inferred=%v, want %d", tc.text, d.Meta.Published.Year, d.Meta.DateInferred, tc.want)
		}
	}
}

func TestYearsIn(t *testing.T) {
	s := "In 2014, 1999 and 1950s; not 20145, x2014, 1949 or 2100; (2025) and 2001."
	var got []string
	for _, i := range yearsIn(s) {
		got = append(got, s[i:i+4])
	}
	if strings.Join(got, ",") != "2014,1999,2025,2001" {
		t.Errorf("yearsIn = %v", got)
	}
}

func TestInferYearSkipsRanges(t *testing.T) {
	for _, text := range []string{
		"The 2007-2013 budget and the 2007–13 deal were agreed in 2005.",
		"The 2004/05 season ended in 2005.",
	} {
		d, _ := Parse("x", []byte("T\n\n"+text))
		if d.Meta.Published.Year != 2005 {
			t.Errorf("%q: year %d, want 2005", text, d.Meta.Published.Year)
		}
	}
}

func TestInFullDate(t *testing.T) {
	long := strings.Repeat("Filler words without a date. ", 40)
	tests := []struct {
		text string
		want bool
	}{
		{"The talks opened on 20 September 2014 in Calais.", true},
		{"The talks opened on 20th September, 2014 in Calais.", true},
		{"The talks opened on August 5, 2014 in Calais.", true},
		{long + "On 3rd March 2014, far into a long paragraph.", true},
		{"20 September 2014", true},
		{"The talks opened in September 2014.", false},
		{"The talks opened on 20 September 2013, not 2014.", false},
		{"Room 120 September 2014 is no date.", false},
		{"On 20 September 20145 nothing happened.", false},
		{"August 5 2014 lacks its comma.", false},
	}
	for _, tt := range tests {
		if got := inFullDate([]Paragraph{{Text: tt.text}}, 2014); got != tt.want {
			t.Errorf("inFullDate(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestNormalizeSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Plain words, one space apart.", "Plain words, one space apart."},
		{"two  spaces", "two spaces"},
		{" around ", "around"},
		{"a\ttab", "a tab"},
		{"a\u00a0no-break space", "a no-break space"},
		{"a con\x01trol", "a control"},
		{"soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"},
		{"café  au lait", "café au lait"},
	}
	for _, tt := range tests {
		if got := normalizeSpace(tt.in); got != tt.want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
