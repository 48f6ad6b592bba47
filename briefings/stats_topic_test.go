package briefings

import (
	"strings"
	"testing"
	"testing/fstest"
)

func topicEngine(t *testing.T) *Engine {
	t.Helper()
	md := func(title, pub, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\npublisher: " + pub + "\npublished: 2005-02-01\n---\n" + body)}
	}
	e, err := Load(fstest.MapFS{
		"c/fed.md":    md("Fed raises rates", "Wire", "The Federal Reserve said spending rose 4% in 2004.\n\nThe Federation of Small Businesses counted 12,000 members in 2004.\n"),
		"c/tennis.md": md("Federer's year", "Wire", "Roger Federer earned $5m in prize money in 2004.\n"),
		"c/ebay.md":   md("Online auctions boom", "Wire", "For 2004 as a whole, eBay's earnings were $778.2m.\n"),
		"c/latam.md": md("Latin America sees strong growth", "Wire", "Latin America's economies grew fast last year, officials said.\n\n"+
			"The bank said regional exports reached $445.1bn in 2004.\n\nElsewhere, the weather was mild.\n"),
		"c/one.md":      md("Downloads soar", "Paper One", "Sales of music downloads rose 900% in 2004, the industry said.\n"),
		"c/two.md":      md("Download sales up tenfold", "Paper Two", "Sales of music downloads rose 900% in 2004, the industry said.\n"),
		"c/industry.md": md("Steel output", "Wire", "Industrial output grew 7% in 2004.\n"),
	}, "c")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestStatsTopics(t *testing.T) {
	e := topicEngine(t)
	tests := []struct {
		topic    string
		has, not []string
		heading  string // a section the figure must stand under
	}{
		{topic: "federer", has: []string{"$5m"}, not: []string{"4%", "12,000"}},
		{topic: "ebay", has: []string{"$778.2m"}},
		{topic: "latin america", has: []string{"$445.1bn"}, heading: "In articles on “latin america” (named in the headline or lead)"},
		{topic: "industry", has: []string{"900%"}, not: []string{"7%"}},
		{topic: "download", has: []string{"900%"}},
	}
	for _, tc := range tests {
		t.Run(tc.topic, func(t *testing.T) {
			r := e.Stats(2004, tc.topic)
			got := flat(r)
			checkHolds(t, got, tc.has, tc.not)
			if tc.heading != "" && section(r, tc.heading) == nil {
				t.Errorf("no section %q in\n%s", tc.heading, got)
			}
		})
	}
}

// The same sentence in two articles is one item citing both.
func TestStatsSameSentenceOnce(t *testing.T) {
	r := topicEngine(t).Stats(2004, "downloads")
	var items []Item
	for _, s := range r.Sections {
		for _, it := range s.Items {
			if strings.Contains(it.Text, "900%") {
				items = append(items, it)
			}
		}
	}
	if len(items) != 1 {
		t.Fatalf("the sentence is shown %d times:\n%s", len(items), flat(r))
	}
	if got := append([]string{items[0].Source}, items[0].Also...); len(got) != 2 || got[0] == got[1] {
		t.Errorf("sources of the sentence = %v, want both articles", got)
	}
	if len(r.Sources) != 2 {
		t.Errorf("sources = %+v, want both articles", r.Sources)
	}
}

// A figure over a period is listed under the year the period starts and
// the year it ends.
func TestStatsPeriodFigureUnderBothYears(t *testing.T) {
	e, err := Load(fstest.MapFS{"c/a.md": {Data: []byte("---\npublished: 2005-01-10\n---\nCouncils have spent £3bn on asylum since 1997, the report said.\n")}}, "c")
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{1997, 2005} {
		if got := flat(e.Stats(year, "")); !strings.Contains(got, "£3bn") {
			t.Errorf("/stats %d misses £3bn:\n%s", year, got)
		}
	}
	if got := flat(e.Stats(2001, "")); strings.Contains(got, "£3bn") {
		t.Errorf("/stats 2001 lists £3bn:\n%s", got)
	}
}
