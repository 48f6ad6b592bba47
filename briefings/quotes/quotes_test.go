package quotes

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/briefings/text"
)

// fakeEntity is a person or organisation a fakeResolver knows.
type fakeEntity struct {
	person bool
	gender byte
	names  []string // the phrases that resolve to it, any case
}

// fakeResolver resolves the phrases it was given, case-insensitively, and
// tells people from organisations.
type fakeResolver map[string]fakeEntity

func (f fakeResolver) Resolve(phrase string, _, _ int) (string, bool) {
	p := strings.ToLower(strings.ReplaceAll(phrase, "’", "'"))
	for key, e := range f {
		for _, n := range e.names {
			if strings.ToLower(n) == p {
				return key, true
			}
		}
	}
	return "", false
}

func (f fakeResolver) Person(key string) (bool, byte) {
	e, ok := f[key]
	return ok && e.person, e.gender
}

var _ PersonInfo = fakeResolver{}

// people of the test articles.
var testPeople = fakeResolver{
	"cazeneuve":   {person: true, gender: 'm', names: []string{"Bernard Cazeneuve", "Cazeneuve", "the minister"}},
	"brokenshire": {person: true, gender: 'm', names: []string{"James Brokenshire", "Brokenshire"}},
	"alegre":      {person: true, gender: 'm', names: []string{"Marc Alegre", "Mr Alegre", "Mr Marc", "the police chief"}},
	"starmer":     {person: true, gender: 'm', names: []string{"Keir Starmer", "Mr Starmer"}},
	"cooper":      {person: true, gender: 'f', names: []string{"Yvette Cooper", "Ms Cooper"}},
	"bouchart":    {person: true, gender: 'f', names: []string{"Natacha Bouchart", "Natasha Bouchart"}},
	"smith":       {person: true, gender: 'm', names: []string{"John Smith", "Mr Smith"}},
	"blair":       {person: true, gender: 'm', names: []string{"Tony Blair", "Mr Blair"}},
	"jones":       {person: true, gender: 'f', names: []string{"Mary Jones", "Ms Jones"}},
	"kwantes":     {person: true, gender: 'f', names: []string{"Charlotte Kwantes"}},
	"richards":    {person: true, gender: 'm', names: []string{"Andy Richards"}},
	"milburn":     {person: true, gender: 'm', names: []string{"Alan Milburn"}},
	"ruddock":     {person: true, gender: 'm', names: []string{"Mike Ruddock"}},
	"pelous":      {person: true, gender: 'm', names: []string{"Fabien Pelous"}},
	"brown":       {person: true, gender: 'm', names: []string{"Peter Brown"}},
	"green":       {person: true, gender: 'm', names: []string{"Paul Green"}},
	"bjorn":       {person: true, gender: 'm', names: []string{"Dr Bjorn", "Michael Bjorn"}},
	"iraq":        {names: []string{"Iraq"}},
	"hrw":         {names: []string{"Human Rights Watch", "HRW"}},
	"bbc":         {names: []string{"BBC", "BBC Radio 5 Live"}},
}

// wantQuote is a quote a test expects: the start of its text, its speaker
// key and how the speaker is introduced.
type wantQuote struct {
	starts, speaker, as string
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		doc  string // paragraphs separated by blank lines
		want []wantQuote
	}{
		{"said NAME after the quote",
			`"We will win the league this season," said John Smith, the manager of the club.`,
			[]wantQuote{{"We will win the league this season", "smith", "John Smith"}}},
		{"NAME said after the quote",
			`"We will win the league this season," John Smith said.`,
			[]wantQuote{{"We will win the league this season", "smith", "John Smith"}}},
		{"NAME, appositive, told after the quote",
			`"The eurozone does not look like it has a recovery," John Smith, an economist with a bank, told the newspaper.`,
			[]wantQuote{{"The eurozone does not look", "smith", "John Smith"}}},
		{"the minister said after the quote",
			`"It would be very useful to have more policemen here," the minister said.`,
			[]wantQuote{{"It would be very useful", "cazeneuve", "the minister"}}},
		{"NAME said: before the quote",
			`Mary Jones said: "The plan will not work at all."`,
			[]wantQuote{{"The plan will not work at all.", "jones", "Mary Jones"}}},
		{"NAME told OUTLET: before the quote",
			`Bernard Cazeneuve told BBC Radio 5 Live: "It would be very useful to have more policemen here."`,
			[]wantQuote{{"It would be very useful", "cazeneuve", "Bernard Cazeneuve"}}},
		{"NAME said in a statement",
			`In response, Britain's Immigration Minister James Brokenshire said in a statement: "It is for the French to maintain order and we will not be sending police to Calais."`,
			[]wantQuote{{"It is for the French", "brokenshire", "Britain's Immigration Minister James Brokenshire"}}},
		{"..., NAME said, \"Q\"",
			`Speaking on Monday, Natacha Bouchart said, "people are ready to die to enter England".`,
			[]wantQuote{{"people are ready to die", "bouchart", "Natacha Bouchart"}}},
		{"speaker line before the quoted paragraph",
			"Mr Alegre said,\n\n“Police are pelted with stones practically every night.”",
			[]wantQuote{{"Police are pelted", "alegre", "Mr Alegre"}}},
		{"role speaker line",
			"Marc Alegre spoke to reporters.\n\nThe police chief said,\n\n“Last year, two officers were almost burned to death.”",
			[]wantQuote{{"Last year, two officers", "alegre", "The police chief"}}},
		{"he after a question heading goes to the new speaker",
			"Mr Alegre said,\n\n“We are short of cars every single night.”\n\nWhat did Keir Starmer say about the deal?\n\nBritish Prime Minister Keir Starmer stated,\n\n“This ground-breaking deal is a crucial step.”\n\nHe said,\n\n“For the first time, illegal migrants will be sent back.”",
			[]wantQuote{
				{"We are short of cars", "alegre", "Mr Alegre"},
				{"This ground-breaking deal", "starmer", "British Prime Minister Keir Starmer"},
				{"For the first time", "starmer", "He"},
			}},
		{"NAME, who ..., said, with another name inside",
			"Yvette Cooper, who served as Home Secretary before Keir Starmer’s cabinet reshuffle, said,\n\n“Dangerous small boats in our Channel undermine our border security.”\n\nShe stated,\n\n“This new pilot agreement with France is extremely important.”",
			[]wantQuote{
				{"Dangerous small boats", "cooper", "Yvette Cooper"},
				{"This new pilot agreement", "cooper", "She"},
			}},
		{"participle speaker line",
			"Mr Alegre warned that funds were misused.\n\nHe highlighted recruitment issues, saying,\n\n“At the police academy, people know they will work twice as hard.”",
			[]wantQuote{{"At the police academy", "alegre", "He"}}},
		{"multi-paragraph quote",
			"He said: \"If, as she claims, the people are not asylum seekers, why not deport them?\n\n“Of course we should be aiming for a European-wide approach.\n\n\"But it is not good enough to move the border to Dover.”\n\nThe mayor did not reply.",
			[]wantQuote{{"If, as she claims, the people are not asylum seekers, why not deport them? Of course we should be aiming for a European-wide approach. But it is not good enough to move the border to Dover.", "", "He"}}},
		{"paragraphs glued into one line",
			`John Smith said his group had complained. "I'm quite shocked to see this leaflet in our town," he said. "The party has tried before to get in. "I am in no doubt they are not wanted here." A police spokeswoman confirmed it.`,
			[]wantQuote{
				{"I'm quite shocked", "smith", "he"},
				{"The party has tried before to get in. I am in no doubt they are not wanted here.", "smith", "he"},
			}},
		{"quote left open at the end of a live-blog line",
			"Bernard Cazeneuve told BBC Radio 5 Live: \"It would be very useful to have more policemen here concerning police\n\nHe said the two countries had to work together.",
			[]wantQuote{{"It would be very useful to have more policemen here concerning police", "cazeneuve", "Bernard Cazeneuve"}}},
		{"block quote signed with an en dash",
			"Minister: UK police should help in Calais\n\nHe said the two countries had to work together.\n\nWe had a hard negotiation between the two governments.\n\nWe are both involved in this problem and we have to find common solutions\n\n– Bernard Cazeneuve",
			[]wantQuote{{"We had a hard negotiation between the two governments. We are both involved", "cazeneuve", "Bernard Cazeneuve"}}},
		{"block quote after a speaker line, signed with an em dash and a title",
			"Responding to criticisms, Immigration Minister James Brokenshire said:\n\nWe are also working to deliver long term solutions.\n\nWe are increasing joint intelligence work with the French.\n\n— James Brokenshire, Immigration Minister",
			[]wantQuote{{"We are also working", "brokenshire", "James Brokenshire"}}},
		{"block quote signed with a hyphen",
			"She said:\n\nI'm not advertising UK benefits, it is the people here who advertise them.\n\n- Natacha Bouchart, Mayor of Calais",
			[]wantQuote{{"I'm not advertising", "bouchart", "Natacha Bouchart"}}},
		{"she added goes to the last named speaker",
			`“If the aim is to discourage migrants, these policies are a failure,” Mary Jones, France director at Human Rights Watch, said. French authorities “need a new approach to help people, not harass them,” she added.`,
			[]wantQuote{
				{"If the aim is to discourage", "jones", "Mary Jones"},
				{"need a new approach", "jones", "she"},
			}},
		{"according to NAME",
			`"Sales will rise by a third next year," according to John Smith.`,
			[]wantQuote{{"Sales will rise", "smith", "John Smith"}}},
		{"NAME was quoted as saying",
			`“Exiles come because that’s where the border is,” Charlotte Kwantes, national coordinator of the charity was quoted in the report as saying.`,
			[]wantQuote{{"Exiles come because", "kwantes", "Charlotte Kwantes"}}},
		{"X quoted Y as saying",
			`"The chief executive would be abandoning his duty," Reuters quoted one trader as saying.`,
			[]wantQuote{{"The chief executive", "", "one trader"}}},
		{"unnamed speaker stays unnamed",
			`“When the police arrive, we have five minutes to get out of the tent,” a Kurdish woman from Iraq told HRW.`,
			[]wantQuote{{"When the police arrive", "", "a Kurdish woman from Iraq"}}},
		{"unnamed speaker quoted as saying",
			`A volunteer worker from Britain was quoted as saying: "If this was somewhere else it would be reported in humanitarian terms."`,
			[]wantQuote{{"If this was somewhere else", "", "A volunteer worker from Britain"}}},
		{"it is no person, and a title is no quote",
			`“The authorities carry out these abusive practices every day,” it said in the report entitled “Enforced Misery: The Degrading Treatment of Migrant Children”.`,
			[]wantQuote{{"The authorities carry out", "", "it"}}},
		{"scare quotes and short phrases are ignored",
			"Calais is being ‘taken hostage’ by migrants.\n\nCazeneuve spoke of the \"hard negotiation\" between the two countries, five years after the “Jungle” camp closed.\n\nThe UK’s new “one in, one out” agreement could act as a deterrent.\n\nThe \"worst thing in politics\" was that voters got \"little snatches of policy\" from the news.",
			nil},
		{"a fragment said by a named speaker",
			`James Brokenshire, a British MP, quickly ruled out the idea, telling BBC radio that it was “a matter for the French”.`,
			[]wantQuote{{"a matter for the French", "brokenshire", "James Brokenshire"}}},
		{"the other minister's words never go to Cazeneuve",
			"Bernard Cazeneuve said British police should help.\n\nIn response, Immigration Minister James Brokenshire said in a statement: \"It is for the French to maintain order and we will not be sending police to Calais.\"",
			[]wantQuote{{"It is for the French", "brokenshire", "Immigration Minister James Brokenshire"}}},
		{"it is the organisation that spoke last",
			"Police tear down tents, Human Rights Watch said in a report.\n\n“The authorities carry out these abusive practices every day,” it said in the report.",
			[]wantQuote{{"The authorities carry out", "hrw", "it"}}},
		{"it is not a person who spoke last",
			"John Smith said the report was unfair.\n\n“The authorities carry out these abusive practices every day,” it said.",
			[]wantQuote{{"The authorities carry out", "", "it"}}},
		{"a pronoun reporting its own sentence is not the person that sentence names",
			`John Smith said the choice was clear. "How much tax do people want to pay?" Mr Blair has failed to tackle these problems, he claimed, saying he has the wrong answer. "The result is big government and higher taxes."`,
			[]wantQuote{{"How much tax", "smith", "John Smith"}, {"The result is big government", "smith", "he"}}},
		{"pronoun gender agreement",
			`Natacha Bouchart said the city was struggling. John Smith agreed with the mayor. "We cannot go on like this," she said.`,
			[]wantQuote{{"We cannot go on like this", "bouchart", "she"}}},
		{"a newly named subject takes the pronoun",
			`Mike Ruddock said his side was ready. Captain Fabien Pelous sees hope on the horizon. "I get the impression we are getting better," he said.`,
			[]wantQuote{{"I get the impression", "pelous", "he"}}},
		{"an ambiguous pronoun keeps no speaker",
			`John Smith said the deal was good. The plan was criticised by Peter Brown and Paul Green. "It will fail within the year," he said.`,
			[]wantQuote{{"It will fail", "", "he"}}},
		{"the one person named before the first speaker",
			`Certainly the press conference hosted by election co-ordinator Alan Milburn had all the hallmarks of an election event. "Welcome to the new media centre of the party," he said.`,
			[]wantQuote{{"Welcome to the new media centre", "milburn", "he"}}},
		{"quote after X said ...",
			`Andy Richards, of Swansea UAF, said the leaflet was what he had expected. "The people of Swansea will not put up with this."`,
			[]wantQuote{{"The people of Swansea", "richards", "Andy Richards"}}},
		{"a quote split by its attribution is one quote",
			`Dr Bjorn said some groups were trend-setters. "For instance," he said, "older people are using text messages much more than before."`,
			[]wantQuote{{"For instance, older people are using", "bjorn", "he"}}},
		{"an unnamed spokesman takes the next he",
			`Mr Smith said the poster was offensive. A Labour spokesman denied the campaign was anti-Semitic. "This poster is making a serious point about taxes," he said.`,
			[]wantQuote{{"This poster is making", "", "he"}}},
		{"a name in an opening clause is not the speaker",
			`Reacting to a disputed comment by club chairman John Smith, the American said: "I think it is highly insulting to take prize money away."`,
			[]wantQuote{{"I think it is highly insulting", "", "the American"}}},
		{"NAME, an appositive without its closing comma, told",
			`Late on Monday the exchange said it would lift its dividend. "There is a whiff of a sweetener in there," John Smith, an analyst at Nomura told the BBC.`,
			[]wantQuote{{"There is a whiff", "smith", "John Smith"}}},
		{"a role, then the name as an appositive",
			`Its leader, John Smith, has said he is glad to see the back of him. "He has a remarkable ability to influence people."`,
			[]wantQuote{{"He has a remarkable ability", "smith", "John Smith"}}},
		{"an attribution that cannot be read takes no speaker from elsewhere",
			`John Smith said the plan was sound. "It will work very well," Xq Yq-Zq, whatever that is, zorbled said.`,
			[]wantQuote{{"It will work very well", "", ""}}},
		{"passive said-verbs name the hearer, not the speaker",
			`John Smith was asked about the plan. "It is going very well so far," he said.`,
			[]wantQuote{{"It is going very well", "smith", "he"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := text.Parse("test", []byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			got := Extract(d, testPeople)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes, want %d:\n%s", len(got), len(tt.want), dumpQuotes(got))
			}
			for i, w := range tt.want {
				q := got[i]
				if !strings.HasPrefix(q.Text, w.starts) || q.Speaker != w.speaker || q.SpeakerAs != w.as {
					t.Errorf("quote %d = %q by %q as %q; want %q... by %q as %q", i, q.Text, q.Speaker, q.SpeakerAs, w.starts, w.speaker, w.as)
				}
				checkQuoteSpan(t, d, q)
			}
		})
	}
}

func dumpQuotes(qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("  " + q.Text + " [" + q.Speaker + " as " + q.SpeakerAs + "]\n")
	}
	return b.String()
}

// checkQuoteSpan checks that a quote's position is inside the document and
// its first words are where Start says.
func checkQuoteSpan(t *testing.T, d *text.Doc, q Quote) {
	t.Helper()
	if q.Para < 0 || q.ParaEnd < q.Para || q.ParaEnd >= len(d.Paragraphs) {
		t.Fatalf("quote paragraphs %d..%d outside 0..%d", q.Para, q.ParaEnd, len(d.Paragraphs)-1)
	}
	p := d.Paragraphs[q.Para].Text
	if q.Start < 0 || q.Start > len(p) {
		t.Fatalf("quote start %d outside paragraph of %d bytes", q.Start, len(p))
	}
	first := strings.Fields(q.Text)
	if len(first) > 0 && !strings.HasPrefix(strings.TrimLeft(p[q.Start:], " "), strings.TrimRight(first[0], ",;:")) {
		t.Errorf("quote %q does not start at byte %d of %q", q.Text, q.Start, p)
	}
}

func TestExtractMultiParagraphSpan(t *testing.T) {
	doc := "He said: \"First paragraph of the quote goes here.\n\n“Second paragraph of the same quote.”\n\nNarrative again."
	d, err := text.Parse("test", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := Extract(d, nil)
	if len(got) != 1 || got[0].Para != 0 || got[0].ParaEnd != 1 {
		t.Fatalf("got %+v, want one quote over paragraphs 0..1", got)
	}
	if want := "First paragraph of the quote goes here. Second paragraph of the same quote."; got[0].Text != want {
		t.Errorf("text %q, want %q", got[0].Text, want)
	}
}

func TestExtractEmpty(t *testing.T) {
	if got := Extract(nil, testPeople); got != nil {
		t.Errorf("Extract(nil) = %v", got)
	}
	if got := Extract(&text.Doc{}, nil); got != nil {
		t.Errorf("Extract(empty) = %v", got)
	}
}
