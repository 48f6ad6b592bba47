package people

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/briefings/text"
)

// parse builds a Doc from an article body (paragraphs separated by blank lines).
func parse(t *testing.T, id, body string) *text.Doc {
	t.Helper()
	d, err := text.Parse(id, []byte(body))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return d
}

// entityNamed returns the person of r with that name, or nil.
func entityNamed(r *DocResult, name string) *Entity {
	for _, e := range r.Entities {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// personNames lists r's people in order of first mention.
func personNames(r *DocResult) []string {
	var out []string
	for _, e := range r.Entities {
		if e.Kind == Person {
			out = append(out, e.Name)
		}
	}
	return out
}

func TestAliasesWithinAnArticle(t *testing.T) {
	tests := []struct {
		name, body string
		person     string   // the one person the article names
		mentions   []string // every mention of them, as written
		gender     byte
	}{
		{
			name:     "honorific surname and first name",
			body:     "Regional police chief Pierre Lemaire says officers are overwhelmed.\n\nMr Lemaire said,\n\n\"We are short of cars.\"\n\nMr Pierre added that training was poor.",
			person:   "Pierre Lemaire",
			mentions: []string{"Pierre Lemaire", "Mr Lemaire", "Mr Pierre"},
			gender:   'm',
		},
		{
			name:     "surname and possessive",
			body:     "Finance Minister Olga Tereshchenko presented the budget on Monday. Tereshchenko’s plan cuts taxes. Critics said Tereshchenko had gone too far.",
			person:   "Olga Tereshchenko",
			mentions: []string{"Olga Tereshchenko", "Tereshchenko", "Tereshchenko"},
		},
		{
			name:     "spelling variant one edit away",
			body:     "Mayor Natalia Verhoeven spoke first. Natalia Verhoeven said the town was full. Later Natalya Verhoeven told reporters she was tired.",
			person:   "Natalia Verhoeven",
			mentions: []string{"Natalia Verhoeven", "Natalia Verhoeven", "Natalya Verhoeven"},
			gender:   'f',
		},
		{
			name:     "initial and surname in a team sheet",
			body:     "Coach Brian Ashworth has recalled Thomas Whitcombe at centre.\n\nTeam: P Grayling; T Whitcombe, R Osei.",
			person:   "Thomas Whitcombe",
			mentions: []string{"Thomas Whitcombe", "T Whitcombe"},
		},
		{
			name:     "misspelt surname",
			body:     "World number one Lindsey Hargreaves won again. \"It was hard,\" said Hargreeves.",
			person:   "Lindsey Hargreaves",
			mentions: []string{"Lindsey Hargreaves", "Hargreeves"},
		},
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
			if tc.gender != 0 && e.Gender != tc.gender {
				t.Errorf("gender = %q, want %q", e.Gender, tc.gender)
			}
		})
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		body, person, title, qualifier string
		past                           bool
	}{
		{"France's Interior Minister Bernard Cazeneuve welcomed the idea.", "Bernard Cazeneuve", "Interior Minister", "France", false},
		{"In a sign of tension, Calais mayor Natacha Bouchart appeared before MPs.", "Natacha Bouchart", "Calais mayor", "", false},
		{"The situation is untenable, Joan Pridmore, Labour's shadow housing minister has said.", "Joan Pridmore", "shadow housing minister", "Labour", false},
		{"Shadow immigration minister David Hanson has said France must act.", "David Hanson", "Shadow immigration minister", "", false},
		{"Arthur Penhaligon, a conservative British MP, quickly ruled it out.", "Arthur Penhaligon", "conservative British MP", "", false},
		{"In response, Britain's Immigration and Security Minister James Brokenshire said no.", "James Brokenshire", "Immigration and Security Minister", "Britain", false},
		{"\"It is a failure,\" Benedicte Jeannerod, France director at Human Rights Watch, said.", "Benedicte Jeannerod", "France director at Human Rights Watch", "", false},
		{"\"They come because the border is here,\" Ines Okafor, national coordinator of the Harbour Aid charity was quoted as saying.", "Ines Okafor", "national coordinator of the Harbour Aid charity", "", false},
		{"British Prime Minister Keir Starmer stated the deal was important.", "Keir Starmer", "Prime Minister", "British", false},
		{"Chancellor Gordon Brown said the economy was strong.", "Gordon Brown", "Chancellor", "", false},
		{"Tory leader Michael Howard attacked the plan.", "Michael Howard", "Tory leader", "", false},
		{"MPs criticised Home Secretary Charles Clarke for the rules.", "Charles Clarke", "Home Secretary", "", false},
		{"Leaked documents suggest ex-Home Secretary David Blunkett opposed it.", "David Blunkett", "Home Secretary", "", true},
		{"The shares rose, said Sureyya Serdengecti, head of the Turkish Central Bank.", "Sureyya Serdengecti", "head of the Turkish Central Bank", "", false},
		{"\"It is funny money,\" shop owner Hayriye Evren told reporters.", "Hayriye Evren", "shop owner", "", false},
		{"Santander is led by Emilio Botin, the chairman of the bank, who denies it.", "Emilio Botin", "chairman of the bank", "", false},
		{"Mr Corcostegui, a former CEO at Santander, also asked the court.", "Corcostegui", "CEO at Santander", "", true},
		{"Paul Boateng MP, Labour's Chief Secretary to the Treasury, said the sums did not add up.", "Paul Boateng", "Chief Secretary to the Treasury", "Labour", false},
		{"We will not send police.\n\n– James Brokenshire, Immigration Minister", "James Brokenshire", "Immigration Minister", "", false},
		{"We would like to talk.\n\n– Calais mayor Natacha Bouchart", "Natacha Bouchart", "Calais mayor", "", false},
		{"Joint declaration by M. Bernard Cazeneuve, Minister of the Interior, and Mrs Theresa May, Home Secretary of the United Kingdom [1]", "Theresa May", "Home Secretary of the United Kingdom", "", false},
		{"Joint declaration by M. Bernard Cazeneuve, Minister of the Interior, and Mrs Theresa May, Home Secretary of the United Kingdom [1]", "Bernard Cazeneuve", "Minister of the Interior", "", false},
		{"The mayor of Calais Natacha Bouchart is appearing before the committee.", "Natacha Bouchart", "mayor of Calais", "", false},
		{"Along with Work and Pensions Secretary Alan Johnson and Minister for Work Jane Kennedy, he went on.", "Jane Kennedy", "Minister for Work", "", false},
		{"Along with Work and Pensions Secretary Alan Johnson and Minister for Work Jane Kennedy, he went on.", "Alan Johnson", "Work and Pensions Secretary", "", false},
		{"ITV News' International Affairs Editor Rageh Omaar reports from Calais:", "Rageh Omaar", "International Affairs Editor", "ITV News", false},
	}
	for _, tc := range tests {
		t.Run(tc.person+"/"+tc.title, func(t *testing.T) {
			r := Extract(parse(t, "t", tc.body))
			e := entityNamed(r, tc.person)
			if e == nil {
				t.Fatalf("no entity %q; people: %v", tc.person, personNames(r))
			}
			for _, role := range e.Roles {
				if role.Title == tc.title && role.Qualifier == tc.qualifier && role.Past == tc.past {
					return
				}
			}
			t.Errorf("roles = %+v, want %q (%q) past=%v", e.Roles, tc.title, tc.qualifier, tc.past)
		})
	}
}

func TestPastAndCurrentRoles(t *testing.T) {
	body := "Yvette Cooper, who served as Home Secretary at the time of the deal and now serves as UK Foreign Secretary following the reshuffle, said it mattered."
	e := entityNamed(Extract(parse(t, "t", body)), "Yvette Cooper")
	if e == nil {
		t.Fatal("Yvette Cooper not found")
	}
	want := []Role{{Title: "Home Secretary", Past: true}, {Title: "Foreign Secretary", Qualifier: "UK"}}
	if len(e.Roles) != len(want) {
		t.Fatalf("roles = %+v, want %+v", e.Roles, want)
	}
	for i, w := range want {
		g := e.Roles[i]
		if g.Title != w.Title || g.Qualifier != w.Qualifier || g.Past != w.Past {
			t.Errorf("role %d = %+v, want %+v", i, g, w)
		}
	}
	if got := e.Roles[1].String(); got != "Foreign Secretary (UK)" {
		t.Errorf("String() = %q", got)
	}
}

func TestMonthMayIsNobody(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // the people, in order
		mentions   int      // mentions of people in all
	}{
		{"a date", "The Channel saw 1,097 crossings last week, close to the record 1,195 on May 31.", nil, 0},
		{"in May", "In May, crossings rose. They fell in June and rose again by May.", nil, 0},
		{"May at a sentence start", "May was the busiest month. Numbers doubled in May 2024.", nil, 0},
		{"the person and the month", "Home Secretary Theresa May met him on 5 May. Mrs May said in May that talks would go on.", []string{"Theresa May"}, 2},
		{"a friend called May", "I have met my friend Theresa May many times.", []string{"Theresa May"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Extract(parse(t, "t", tc.body))
			got := personNames(r)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("people = %q, want %q", got, tc.want)
			}
			if n := len(personMentions(r)); n != tc.mentions {
				t.Errorf("%d person mentions, want %d: %+v", n, tc.mentions, r.Mentions)
			}
		})
	}
}

func TestNotPeople(t *testing.T) {
	tests := []struct{ name, body string }{
		{"headline", "Labour: Situation in Calais is 'completely untenable'\n\nThe situation is bad."},
		{"places and organisations", "Human Rights Watch said French Police in Calais and Dunkirk acted. The Home Office and the National Crime Agency agreed."},
		{"streets and companies", "The building on George Street is empty. Shares in Wells Fargo and Morgan Stanley rose, the Sunday Express reported."},
		{"an article, not an initial", "A Kurdish woman from Iraq told HRW the police came. I Know What You Did is a film."},
		{"titles without a name", "Office of the Deputy Prime Minister figures came out. Premier Rugby and General Electric agreed."},
		{"a lone word after a lower-case title", "Telecoms regulator Ofcom said prices fell. Market leader Nintendo disagreed."},
		{"bands", "Green Day, the Foo Fighters and Keane are among the acts, with Scots favourites Travis."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := personNames(Extract(parse(t, "t", tc.body))); len(got) != 0 {
				t.Errorf("found people %q", got)
			}
		})
	}
}

func TestOrganisations(t *testing.T) {
	r := Extract(parse(t, "t", "Human Rights Watch (HRW) published a report. Police harass NGOs, according to HRW. The Home Office did not reply."))
	hrw := entityNamed(r, "Human Rights Watch")
	if hrw == nil || hrw.Kind != Organisation {
		t.Fatalf("Human Rights Watch not an organisation: %+v", r.Entities)
	}
	if !slices.Contains(hrw.Aliases, "HRW") {
		t.Errorf("aliases = %q, want HRW", hrw.Aliases)
	}
	if e := entityNamed(r, "Home Office"); e == nil || e.Kind != Organisation {
		t.Errorf("Home Office not found as an organisation")
	}
}

func TestResolve(t *testing.T) {
	body := strings.Join([]string{
		"France's interior minister Bernard Cazeneuve spoke on Wednesday.",               // 0
		"Shadow immigration minister David Hanson has said France must act.",             // 1
		"The Labour MP said immigration was a problem.",                                  // 2
		"French police chief Marc Alegre says officers face violence.",                   // 3
		"The police chief said, \"We are short of cars.\"",                               // 4
		"Mr Marc added that funds were misused. Cazeneuve’s comments came later.",        // 5
		"The mayor of the town was not named. The minister said more police would come.", // 6
	}, "\n\n")
	r := Extract(parse(t, "t", body))
	key := func(name string) string {
		if e := entityNamed(r, name); e != nil {
			return e.Key
		}
		t.Fatalf("no %s", name)
		return ""
	}
	tests := []struct {
		phrase    string
		para, off int
		want      string // entity name; "" for no answer
	}{
		{"Mr Marc", 5, 0, "Marc Alegre"},
		{"Alegre", 5, 0, "Marc Alegre"},
		{"Cazeneuve’s", 5, 40, "Bernard Cazeneuve"},
		{"Bernard Cazeneuve", 0, 0, "Bernard Cazeneuve"},
		{"the police chief", 4, 0, "Marc Alegre"},
		{"The Labour MP", 2, 0, "David Hanson"},
		{"the minister", 2, 0, "David Hanson"},
		{"the minister", 1, 0, "Bernard Cazeneuve"},
		{"the interior minister", 6, 40, "Bernard Cazeneuve"},
		{"the mayor", 6, 0, ""},
		{"he", 5, 0, ""},
		{"a Kurdish woman from Iraq", 5, 0, ""},
		{"Mrs Alegre", 5, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.phrase, func(t *testing.T) {
			got, ok := r.Resolve(tc.phrase, tc.para, tc.off)
			switch {
			case tc.want == "" && ok:
				t.Errorf("Resolve = %q, want no answer", got)
			case tc.want != "" && (!ok || got != key(tc.want)):
				t.Errorf("Resolve = %q, %v; want %q", got, ok, key(tc.want))
			}
		})
	}
}

// mentionTexts lists, in order, how the article names the entity key.
func mentionTexts(r *DocResult, key string) []string {
	var got []string
	for _, m := range r.Mentions {
		if m.Key == key {
			got = append(got, m.Text)
		}
	}
	return got
}

// A surname that is also a title or a common word ("King", "Major",
// "Rice") is kept when a first name or a title makes the name a person's,
// and a shared title ("co-chairman") is a title.
func TestNamesThatAreWords(t *testing.T) {
	tests := []struct {
		text, name, role string
	}{
		{"Bank of England governor Mervyn King has warned against reading too much into the data.", "Mervyn King", "Bank of England governor"},
		{"No politician should make the mistake that John Major and his colleagues made in 1992.", "John Major", ""},
		{"Also due to attend are US Secretary of State Condoleezza Rice and others.", "Condoleezza Rice", "Secretary of State"},
		{"Tory co-chairman Liam Fox said Labour's plans showed Mr Blair was worried.", "Liam Fox", "Tory co-chairman"},
		{"Labour vice-chairman Jane Doe said the party was ready.", "Jane Doe", "Labour vice-chairman"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Extract(parse(t, "x", tc.text))
			e := entityNamed(r, tc.name)
			if e == nil {
				t.Fatalf("%q not found; people: %q", tc.name, personNames(r))
			}
			if tc.role == "" {
				return
			}
			for _, ro := range e.Roles {
				if ro.Title == tc.role {
					return
				}
			}
			t.Errorf("%s roles = %+v, want %q", tc.name, e.Roles, tc.role)
		})
	}
}

func TestShortFormOf(t *testing.T) {
	tests := []struct {
		short, full string
		want        bool
	}{
		{"Kilroy-Silk", "Robert Kilroy-Silk", true},
		{"Mr Kilroy-Silk", "Robert Kilroy-Silk", true},
		{"R Kilroy-Silk", "Robert Kilroy-Silk", true},
		{"Juan Carlos", "Juan Carlos Ferrero", true},
		{"Blair", "Tony Blair", true},
		{"Cherie Blair", "Tony Blair", false},
		{"Brown", "Gordon Brown", true},
		{"Browne", "Gordon Brown", false},
		{"Tony Blair", "Tony Blair", false},
		{"Robert Kilroy-Silk", "Kilroy-Silk", false},
	}
	for _, tc := range tests {
		t.Run(tc.short+"/"+tc.full, func(t *testing.T) {
			if got := ShortFormOf(tc.short, tc.full); got != tc.want {
				t.Errorf("ShortFormOf(%q, %q) = %v, want %v", tc.short, tc.full, got, tc.want)
			}
		})
	}
}
