package text

import (
	"strings"
	"testing"
)

func TestParts(t *testing.T) {
	sentence := "The minister spoke at length in Calais. "
	one := strings.Repeat(sentence, 50) // 2,050 bytes, 50 sentences
	tests := []struct {
		name      string
		raw       string
		max       int
		wantParts int
	}{
		{"short article stays whole", "---\ntitle: T\n---\n" + one, 4096, 1},
		{"one long paragraph cut at sentences", "---\ntitle: T\n---\n" + one, 500, 5},
		{"paragraphs grouped", "---\ntitle: T\n---\n" + numbered(40), 300, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("dir/x", []byte(tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			parts := d.Parts(tt.max)
			if len(parts) != tt.wantParts {
				t.Fatalf("%d parts, want %d", len(parts), tt.wantParts)
			}
			var whole, again []string
			for _, p := range d.Paragraphs {
				for i := range p.Sentences {
					whole = append(whole, p.Sentence(i))
				}
			}
			for i, part := range parts {
				wantID := "dir/x"
				if i > 0 {
					wantID += "#" + string(rune('1'+i))
				}
				if part.ID != wantID {
					t.Errorf("part %d id %q, want %q", i, part.ID, wantID)
				}
				size := 0
				for _, p := range part.Paragraphs {
					size += len(p.Text)
					for i := range p.Sentences {
						again = append(again, p.Sentence(i))
					}
				}
				if len(parts) > 1 && (size > tt.max || !strings.Contains(part.Meta.Title, "(part ")) {
					t.Errorf("part %d: %d bytes (max %d), title %q", i, size, tt.max, part.Meta.Title)
				}
			}
			if strings.Join(again, "|") != strings.Join(whole, "|") {
				t.Errorf("the parts do not hold the same sentences in order")
			}
		})
	}
}

// numbered is n distinct short paragraphs of 27 or 28 bytes.
func numbered(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("Short paragraph number " + string(rune('A'+i%26)) + string(rune('a'+i/26)) + ".\n\n")
	}
	return b.String()
}

// TestFrontMatterEveryProblem: every bad value of a front matter is
// reported at once, and a key briefbot does not read is listed with the
// key probably meant.
func TestFrontMatterEveryProblem(t *testing.T) {
	tests := []struct {
		name        string
		raw         string
		wantErr     []string
		wantIgnored []string
	}{
		{"two bad values", "---\ntitle: T\npublished: 2014-13-01\nurl: ftp://x\n---\nText.\n",
			[]string{`line 3: front matter key "published"`, `line 4: front matter key "url"`}, nil},
		{"misspelt key", "---\ntitle: T\npublised: 2014-11-05\n---\nText.\n",
			nil, []string{`line 3: front matter key "publised" is not one briefbot reads (did you mean published?); ignored`}},
		{"unknown key", "---\ntitle: T\nsection: news\n---\nText.\n",
			nil, []string{`front matter key "section" is not one briefbot reads (title, publisher, published, date, url, author, tags); ignored`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, _, err := SplitFrontMatter([]byte(tt.raw))
			if len(tt.wantErr) == 0 && err != nil {
				t.Fatalf("err = %v", err)
			}
			for _, w := range tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v, want it to contain %q", err, w)
				}
			}
			if got := strings.Join(m.Ignored, "\n"); got != strings.Join(tt.wantIgnored, "\n") && !(len(tt.wantIgnored) == 1 && strings.Contains(got, tt.wantIgnored[0])) {
				t.Errorf("Ignored = %q, want %q", m.Ignored, tt.wantIgnored)
			}
		})
	}
}
