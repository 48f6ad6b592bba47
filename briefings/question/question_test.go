package question

import (
	"strings"
	"testing"
)

// typeCases are question forms, one a line: the expected type, then the
// question. Lines may add "|unit" for a number's counted noun.
const typeCases = `
person|who did redknapp replace at southampton?
person|Who replaced Max Jones at UK Athletics?
person|who's going to follow ann grant as high commissioner?
person|who is the french interior minister?
person|who was the previous chancellor?
person|whom did the club sign?
person|whose idea was the pilot scheme?
person|which minister announced the deal?
person|which player scored the winner
person|who bought commodore
person|who won best actress at the spirit awards?
person|who will coach the northern side?
person|who runs the ietf
person|and who took over after him?
person|the deal was signed by who?
person|which actress won the award
person|which immigration minister talked to the bbc about the deal?
person|which mp resigned
person|name the person who leaked the budget
organisation|which company bought peoplesoft?
organisation|which firm is buying the brand
organisation|what company did oracle take over?
organisation|which club did bellamy join on loan?
organisation|which bank is the biggest in the uk
organisation|which band won best british group?
organisation|what airline cut its fares
organisation|which party won the election
organisation|which team won the six nations
organisation|what american football team does malcolm glazer own
organisation|which uk agency is sending an officer to paris?
date|when did commodore go bankrupt?
date|when was the uk-france deal ratified?
date|when will top-up fees in england actually start?
date|when do BT's business customers get the faster broadband?
date|when is the law supposed to take effect?
date|what date is the election?
date|what year did the commodore 64 come out?
date|since when has he been in charge
date|by when must the report be published
date|on what day will the game be played
date|when's the next election
date|which year was the company founded
date|in what year did the festival start
date|what month did sales fall
date|how long ago did the war end
date|when exactly did redknapp quit?
number|how many staff has barclays got?|staff
number|how many pages is the report?|pages
number|how old is susan chepkemei|age
number|how much did the shares go up on tuesday|change
percentage|what stake in leeds united has ken bates bought?
percentage|how big a stake does the fund hold
number|by how much did sales rise?|change
number|how much does the brewer think its profits will go up this year|change
number|how old was jim morrison when he died|age
number|how many people a week cross?|people
number|how many returns a week is the pilot scheme aiming for?|returns
number|how many more people will be hired?|people
number|how many jobs will go|jobs
number|how many factory jobs went last year|jobs
number|how many migrant crossings were there|crossings
number|how many people a week cross the channel|people
number|how many grammys did ray charles get?|grammys
number|how many awards did sideways win?|awards
number|how many did they sell
number|what was the score when england lost to france?
number|what did the ifo index drop to in february?
number|what did the shares fall to
number|how many times has he won|times
number|how old is redknapp?
number|how long is the contract?
number|how big is the deficit
number|what is the number of migrants in calais
number|what was the total
number|by how much did sales grow?
number|how many countries does barclays operate in?|countries
number|how many goals did he score last season|goals
number|how often do the trains run
number|what rate did the bank set
number|what is the size of the workforce
money|how much did oracle pay to buy peoplesoft?
money|how much will the UK contribute each year?
money|how much did the new stadium cost?
money|how much is the commodore deal worth?
money|how much was he fined
money|how much money did the film make?
money|what is the price of the new console
money|how much did the company lose last year?
money|how much profit did the bank make
money|how much will the tickets cost
money|how much did they raise for charity
money|how much was the takeover worth
money|what was the cost of the project
money|how much does the government spend on defence?
percentage|what percentage of voters backed the plan?
percentage|what share of the market does google have
percentage|what proportion of homes have broadband
percentage|by what percentage did profits rise
percentage|what was the growth rate in 2004?
percentage|what is the unemployment rate
percentage|what's the us jobless rate down to?
place|where is kasabian from?
place|where did bellamy go on loan?
place|where will the match be played?
place|in which city is the festival held?
place|which country won the most medals
place|where was the ceremony
place|where does the summit take place
place|in what country was he born
place|which town did the band come from
place|at which stadium will the final be played
reason|why did the two top fannie mae execs quit?
reason|why did amit yoran walk away from the cyber security job?
reason|what dragged heineken's net income down in 2004?
reason|how come the shares fell?
reason|what caused the crash
reason|what was the reason for the delay
reason|what led to the strike
reason|for what reason was he sacked
reason|why is the deal controversial
reason|why did hodgson blame himself
reason|what prompted the inquiry
reason|what is behind the rise in prices
reason|what's the reason behind the price rise
reason|what triggered the sell-off
title|what is the film called?
title|what is the new search engine called?
title|what is the name of the report
title|what was the title of his book
title|which film won best picture?
title|which album won the award
title|what's its name
title|what is the red cross book in angola called
title|what was the show called
title|what's the human rights watch report on calais called?
title|what's the magic roundabout film going to be called in the states
title|what was leonardo dicaprio's first film
title|what is his latest album
title|which tournament is she coming back at
title|what operating system does the virus go after
title|which award did the film win
place|what stretch of coast would the units cover
place|what is the capital of peru
money|what did the insurance claims come to in 2004, according to the insurer
money|what will the new stadium cost
any|which part of the deal upset them
any|what does the report recommend
list|which countries are excluded?
list|what are the main changes
list|list the measures in the deal
list|name the countries on the list
list|which companies are bidding?
list|which players were dropped
list|which pop stars do voices in the film?
list|which new web domains has icann given the nod to?
list|which airports is the judicial review about?
list|which places are electing mayors in may?
any|what does the pilot scheme exclude?
any|what did the report find
any|what happened to the deal
any|what is the pilot scheme
any|tell me about the strike
any|is the deal legal
any|does the scheme work
any|what do critics say about the scheme
any|what will happen to the migrants
any|what is VoIP
any|what did he promise
any|what happens next
any|what did the minister announce
`

func TestAnswerType(t *testing.T) {
	for _, line := range strings.Split(strings.TrimSpace(typeCases), "\n") {
		f := strings.Split(line, "|")
		want, q := f[0], f[1]
		t.Run(q, func(t *testing.T) {
			got := Analyze(q)
			if got.Type.String() != want {
				t.Errorf("type %s, want %s", got.Type, want)
			}
			if len(f) > 2 && got.Unit != f[2] {
				t.Errorf("unit %q, want %q", got.Unit, f[2])
			}
		})
	}
}

func TestScope(t *testing.T) {
	cases := []struct {
		q    string
		want Scope
		year int
	}{
		{"what happened in 2021?", Overview, 2021},
		{"What happened in 2014", Overview, 2014},
		{"summarise", Overview, 0},
		{"summarize the corpus", Overview, 0},
		{"summarise 2025 please", Overview, 2025},
		{"give me a summary", Overview, 0},
		{"can you summarise the articles?", Overview, 0},
		{"an overview of 2004", Overview, 2004},
		{"what were the main stories in 2005?", Overview, 2005},
		{"what happened this year", Overview, 0},
		{"what's new?", Latest, 0},
		{"what is new", Latest, 0},
		{"any news?", Latest, 0},
		{"what's the latest", Latest, 0},
		{"latest news", Latest, 0},
		{"anything new today?", Latest, 0},
		{"what happened to the deal?", Specific, 0},
		{"what happened at the summit in 2014?", Specific, 2014},
		{"what's new about the scheme", Specific, 0},
		{"summarise what cazeneuve said", Specific, 0},
		{"who won in 2004?", Specific, 2004},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			got := Analyze(c.q)
			if got.Scope != c.want || got.Year != c.year {
				t.Errorf("scope %d year %d, want %d %d", got.Scope, got.Year, c.want, c.year)
			}
		})
	}
}

func TestTense(t *testing.T) {
	cases := []struct {
		q            string
		future, past bool
	}{
		{"when will top-up fees start?", true, false},
		{"when is the law supposed to take effect?", true, false},
		{"when is the vote due?", true, false},
		{"when are the fees set to rise", true, false},
		{"when is the next election", true, false},
		{"when did commodore go bankrupt?", false, true},
		{"when was the deal ratified?", false, true},
		{"when has he spoken", false, true},
		{"when do customers get faster broadband?", false, false},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			got := Analyze(c.q)
			if got.Future != c.future || got.Past != c.past {
				t.Errorf("future %v past %v, want %v %v", got.Future, got.Past, c.future, c.past)
			}
		})
	}
}

func TestWords(t *testing.T) {
	cases := []struct{ q, want string }{
		{"who did redknapp replace at southampton?", "redknapp replace southampton"},
		{"How many staff has Barclays got?", "staff Barclays"},
		{"what dragged heineken's net income down in 2004?", "dragged heineken's net income down"},
		{"when is Theresa May due to speak?", "Theresa May due speak"},
		{"what's the UK-France deal?", "UK-France deal"},
		{"what's the us jobless rate down to?", "US jobless rate down"},
		{"tell us about the deal", "deal"},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			if got := strings.Join(Analyze(c.q).Words, " "); got != c.want {
				t.Errorf("words %q, want %q", got, c.want)
			}
		})
	}
}

// TestVerb checks the verb a who-question asks about: the subject's verb
// when the answer is the subject, none when the answer is the object.
func TestVerb(t *testing.T) {
	for _, tc := range []struct{ q, verb string }{
		{"who replaced max jones at uk athletics?", "replaced"},
		{"who will coach the northern side?", "coach"},
		{"which company bought peoplesoft?", "bought"},
		{"who is going to follow ann grant?", "follow"},
		{"who did redknapp replace at southampton?", ""},
		{"whom did the club sign?", ""},
		{"which club did bellamy join on loan?", ""},
		{"who is the french interior minister?", ""},
		{"who's captaining ireland at murrayfield?", "captaining"},
		{"who was named player of the year", ""},
	} {
		if got := Analyze(tc.q).Verb; got != tc.verb {
			t.Errorf("%q: verb %q, want %q", tc.q, got, tc.verb)
		}
	}
}
