package people

import (
	"strings"
	"testing"
)

// TestPeopleWithUnknownFirstNames covers names whose first names no list
// holds: found by the list they stand in, the words around them, or how
// the article goes on to name them.
func TestPeopleWithUnknownFirstNames(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // the people, in order of first mention
	}{
		{
			name: "a list with known names",
			body: "Guests including Tarquin Vellacott, Leonardo Marsh, Ottoline Brisk and Richard Okoro are expected.",
			want: []string{"Tarquin Vellacott", "Leonardo Marsh", "Ottoline Brisk", "Richard Okoro"},
		},
		{
			name: "a list with works after the names",
			body: "Nominees include Zorawar Pennick for Lanterns, Ilse Varga for House of Quiet Rooms and UK star Kate Dunmore.",
			want: []string{"Zorawar Pennick", "Ilse Varga", "Kate Dunmore"},
		},
		{
			name: "a list of things is not made people",
			body: "It is up against Eternal Summer of the Quiet Mind, Finding Paradise, Calendar Girls and Joy Division, with Helen Marsh.",
			want: []string{"Helen Marsh"},
		},
		{
			name: "an occupation before the name",
			body: "Ballymena sprinter Orrin Brizzell will defend his title.",
			want: []string{"Orrin Brizzell"},
		},
		{
			name: "a relative",
			body: "His co-star Anouk Delacroix-Varga was also nominated.",
			want: []string{"Anouk Delacroix-Varga"},
		},
		{
			name: "a title after is",
			body: "Tamsin Orrell is technology correspondent for The Wire.",
			want: []string{"Tamsin Orrell"},
		},
		{
			name: "two initials",
			body: "There is an interview with JK Pemberthwaite in the extras.",
			want: []string{"JK Pemberthwaite"},
		},
		{
			name: "a common word glued to the name by a headline",
			body: "Smith urged to race at Worlds Jolka Ceplakova has urged Britain's Kelly Smith to race on. Ceplakova said it was good for the sport.",
			want: []string{"Kelly Smith", "Jolka Ceplakova"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := personNames(Extract(parse(t, "t", tc.body)))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("people = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWorksAndCharacters covers names used as the titles of works, of
// series and of parts played: they are not people, and a person named
// beside them still is.
func TestWorksAndCharacters(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"a series", "This third Harry Potter film is darker. The first Potter film was bright.", nil},
		{"a franchise before a part in it", "Former James Bond star Pierce Brosnan will attend.", []string{"Pierce Brosnan"}},
		{"a title after a kind of work", "It is up against British film Vera Drake, which has 11 nominations.", nil},
		{"a character played", "Daniel Radcliffe stars as Harry Potter again.", []string{"Daniel Radcliffe"}},
		{"a person's film is still theirs", "It is the ninth Jim Carrey film to make $100m, starring Jim Carrey again.", []string{"Jim Carrey"}},
		{"a maker credited", "The film is an adaptation of the novel by Dan Brown.", []string{"Dan Brown"}},
		{"an opponent is no character", "Andy Roddick will play Cyril Saulnier in the final.", []string{"Andy Roddick", "Cyril Saulnier"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := personNames(Extract(parse(t, "t", tc.body)))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("people = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSharedSurnames covers a surname that several people of the article
// share: it names the one the article's usage points to, or no one.
func TestSharedSurnames(t *testing.T) {
	tests := []struct {
		name, body string
		phrase     string // resolved at the end of the article
		want       string // the person it names; "" for no one
		mention    string // the person the phrase's last mention is keyed to; "" for no mention
	}{
		{
			name:    "a knight is not Mr",
			body:    "Sir Ian Blair said the threat was real. Later Tony Blair defended his plans. Sir Ian told a meeting it would be unwise. But Mr Blair insisted.",
			phrase:  "Mr Blair",
			want:    "Tony Blair",
			mention: "Tony Blair",
		},
		{
			name:    "two people named before",
			body:    "Tony Blair spoke first. Leo Blair spoke next. Then Mr Blair left.",
			phrase:  "Mr Blair",
			want:    "",
			mention: "",
		},
		{
			name:    "a surname alone",
			body:    "Mauro Bergamasco scored. \"I missed,\" said Mirco Bergamasco. Bergamasco was booked.",
			phrase:  "Bergamasco",
			want:    "",
			mention: "",
		},
		{
			name:    "only one named so far",
			body:    "Jarek Kujda formed the band. \"It is noise,\" said Kujda. Malgorzata Kujda, his sister, agreed.",
			phrase:  "Kujda",
			want:    "",
			mention: "Jarek Kujda",
		},
		{
			name:    "the honorific's gender",
			body:    "Tony Blair arrived with Mrs Cherie Blair. Mrs Blair said she was glad.",
			phrase:  "Mrs Blair",
			want:    "Cherie Blair",
			mention: "Cherie Blair",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parse(t, "t", tc.body)
			r := Extract(d)
			var last *Mention
			for i, m := range r.Mentions {
				if e := r.Entity(m.Key); e != nil && e.Kind == Person && surfaceKey(m.Text) == surfaceKey(tc.phrase) {
					last = &r.Mentions[i]
				}
			}
			switch {
			case tc.mention == "" && last != nil:
				t.Errorf("%q is keyed to %q, want no mention", last.Text, r.Entity(last.Key).Name)
			case tc.mention != "" && last == nil:
				t.Errorf("no mention %q, want one keyed to %q; mentions %+v", tc.phrase, tc.mention, r.Mentions)
			case tc.mention != "" && r.Entity(last.Key).Name != tc.mention:
				t.Errorf("%q is keyed to %q, want %q", last.Text, r.Entity(last.Key).Name, tc.mention)
			}
			p := len(d.Paragraphs) - 1
			key, ok := r.Resolve(tc.phrase, p, len(d.Paragraphs[p].Text))
			switch {
			case tc.want == "" && ok:
				t.Errorf("Resolve(%q) = %q, want no answer", tc.phrase, r.Entity(key).Name)
			case tc.want != "" && (!ok || r.Entity(key).Name != tc.want):
				t.Errorf("Resolve(%q) = %q, %v; want %q", tc.phrase, key, ok, tc.want)
			}
		})
	}
}

// TestAliasesBeyondSurnames covers first names and slips: a knight's first
// name, a first name in a possessive, two letters swapped.
func TestAliasesBeyondSurnames(t *testing.T) {
	tests := []struct {
		name, body, person string
		mentions           []string
	}{
		{"Sir and a first name", "Sir Ian Blair spoke. Sir Ian said more. Sir Ian left.", "Ian Blair", []string{"Sir Ian Blair", "Sir Ian", "Sir Ian"}},
		{"a first name in a possessive", "\"We improvise,\" said Jarek Kujda. Kujda formed the band. Malgorzata Kujda, Jarek's younger sister, plays too.", "Jarek Kujda", []string{"Jarek Kujda", "Kujda", "Jarek"}},
		{"two letters swapped", "Jarek Kujda formed the band. \"It is fun,\" said Kujda. Kudja also sings.", "Jarek Kujda", []string{"Jarek Kujda", "Kujda", "Kudja"}},
		{"an origin word", "Alex Bogdanovic was picked. The Yugoslavian-born Bogdanovic is ranked 190th.", "Alex Bogdanovic", []string{"Alex Bogdanovic", "Bogdanovic"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Extract(parse(t, "t", tc.body))
			e := entityNamed(r, tc.person)
			if e == nil {
				t.Fatalf("no entity %q; people: %v", tc.person, personNames(r))
			}
			got := mentionTexts(r, e.Key)
			if strings.Join(got, "|") != strings.Join(tc.mentions, "|") {
				t.Errorf("mentions = %q, want %q", got, tc.mentions)
			}
		})
	}
}

// TestMarkupEntities checks that undecoded HTML entities, which the BBC
// text carries ("Jos&#233; Manuel Barroso"), neither crash the extractor
// nor hide the name: the text package decodes them, so the full name is found.
func TestMarkupEntities(t *testing.T) {
	for _, body := range []string{
		"Commission president Jos&#233; Manuel Barroso said the plan would work.",
		"&amp; &#; &#x; &#12345678901234567890; &lt;Mr&gt; Smith &nbsp;said",
		"Fran&ccedil;ois Hollande&#39;s party and Ang&#233;lique Kidjo's album",
	} {
		r := Extract(parse(t, "t", body))
		for _, m := range r.Mentions {
			if r.Entity(m.Key) == nil {
				t.Fatalf("mention %+v names no entity", m)
			}
		}
	}
	r := Extract(parse(t, "t", "Commission president Jos&#233; Manuel Barroso said the plan would work."))
	if e := entityNamed(r, "José Manuel Barroso"); e == nil {
		t.Errorf("people = %q, want José Manuel Barroso among them", personNames(r))
	}
}
