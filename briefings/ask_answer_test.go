package briefings

import (
	"testing"

	"github.com/briefbot/briefbot/briefings/question"
)

func TestStatable(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    question.Type
		s    span
		want bool
	}{
		{"a person", question.Person, span{answer: "Steve Wigley", fit: 0.8}, true},
		{"no answer", question.Person, span{}, false},
		{"a reason needs its passage", question.Reason, span{answer: "because of the storms", fit: 1}, false},
		{"a list needs its passage", question.List, span{answer: "France", fit: 1}, false},
		{"a passage", question.Any, span{answer: "x", fit: 1}, false},
		{"a title named as one", question.Title, span{answer: "Baikal", fit: titleNamedFit}, true},
		{"a quoted title may be a slogan", question.Title, span{answer: "Fair Play For All", fit: titleShapeFit}, false},
	} {
		if got := statable(tc.t, tc.s); got != tc.want {
			t.Errorf("%s: statable = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRivals(t *testing.T) {
	held := func(gs ...bool) []bool { return gs }
	ch := func(answer string, score, fit float64, h []bool) *choice {
		return &choice{score: score, span: span{answer: answer, fit: fit, held: h}}
	}
	lead := ch("Dean Goldfine", 10, 0.9, held(true, true, false))
	for _, tc := range []struct {
		name  string
		other []*choice
		want  int
	}{
		{"alone", nil, 0},
		{"a rival as good", []*choice{ch("Brad Gilbert", 9, 0.9, held(true, true, false))}, 1},
		{"a rival that says more", []*choice{ch("Brad Gilbert", 9, 0.9, held(true, true, true))}, 1},
		{"a rival that says less", []*choice{ch("Brad Gilbert", 9, 0.9, held(true, false, true))}, 0},
		{"a rival far below", []*choice{ch("Brad Gilbert", 7, 0.9, held(true, true, false))}, 0},
		{"a rival that fits badly", []*choice{ch("Brad Gilbert", 9, 0.3, held(true, true, false))}, 0},
		{"a rival, but a passage agrees first", []*choice{ch("Goldfine", 9.5, 0.9, held(true, false, false)), ch("Brad Gilbert", 9, 0.9, held(true, true, false))}, 0},
		{"a rival, then a passage agrees", []*choice{ch("Brad Gilbert", 9, 0.9, held(true, true, false)), ch("Goldfine", 5, 0.9, held(true, false, false))}, 0},
		{"two rivals", []*choice{ch("Brad Gilbert", 9, 0.9, held(true, true, false)), ch("Gilbert", 8.5, 0.9, held(true, true, false)), ch("Tony Roche", 8.5, 0.9, held(true, true, false))}, 2},
		{"sentences with no answer", []*choice{ch("", 9.9, 0, held(true, true, true))}, 0},
	} {
		if got := rivals(append([]*choice{lead}, tc.other...), nil); got != tc.want {
			t.Errorf("%s: rivals = %d, want %d", tc.name, got, tc.want)
		}
	}
	// A rival that speaks of the subject by pronoun, without its name,
	// says as much: the first word group names the subject.
	rival := ch("Brad Gilbert", 9, 0.9, held(false, true, false))
	if rivals([]*choice{lead, rival}, held(true, false, false)) != 1 {
		t.Error("a rival without the subject's name is no rival")
	}
	if rivals([]*choice{lead, rival}, nil) != 0 {
		t.Error("a passage without a word the lead holds is a rival when no word names")
	}
}

func TestSameAnswer(t *testing.T) {
	for _, tc := range []struct {
		a, b span
		want bool
	}{
		{span{answer: "Andy Roddick"}, span{answer: "Roddick"}, true},
		{span{answer: "Roddick"}, span{answer: "Nalbandian"}, false},
		{span{answer: "150", value: 150}, span{answer: "1,150", value: 1150}, false},
		{span{answer: "£4m", value: 4e6, unit: "£"}, span{answer: "£4 million", value: 4e6, unit: "£"}, true},
		{span{answer: ""}, span{answer: "x"}, false},
	} {
		if got := sameAnswer(tc.a, tc.b); got != tc.want {
			t.Errorf("sameAnswer(%q, %q) = %v, want %v", tc.a.answer, tc.b.answer, got, tc.want)
		}
	}
}
