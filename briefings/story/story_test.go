package story

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// day is a date as grouping counts it.
func day(s string) int {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return int(t.Unix() / 86400)
}

func article(text, date string, people ...string) Article {
	a := Article{Fingerprint: Of(strings.Split(text, ". ")), People: people}
	if date != "" {
		a.Day, a.Dated = day(date), true
	}
	return a
}

const (
	quote = `"It would be very useful to have more policemen here and we try to find a way of being in a common system," he said`
	// Two reports of one visit in their own words around one quote.
	wireReport = `France's interior minister welcomed the idea of British police patrolling the port of Calais. ` + quote + `. ` +
		`Some 2,300 migrants have arrived in the area in recent weeks. The minister met the mayor on Wednesday`
	localReport = `The UK should send its own officials across the Channel, the minister suggested on a visit to the town. ` + quote + `. ` +
		`He denied he was referring to officers. Local charities say the camps are overflowing`
	// The same people two months earlier, on another matter.
	septemberDeal = `The two governments agreed joint measures to secure the port with fences and cameras. ` +
		`The Home Secretary and the minister signed the agreement in London. A fund of twelve million pounds will pay for it`
	// A short item on an unrelated subject.
	markets = `Shares in the insurer fell sharply after it reported a loss for the last three months of the year. ` +
		`Analysts had expected a small profit and a rise in premiums from its brokerage unit`
	marketsEdited = `Shares in the insurer fell sharply after it reported a loss for the last three months of the year. ` +
		`Analysts had expected a small profit and a rise in premiums from its brokerage unit. The chief executive declined to comment`
)

func TestGroup(t *testing.T) {
	for _, tc := range []struct {
		name string
		arts []Article
		want [][]int
	}{
		{"same event in other words, same day, a quote and a person in common",
			[]Article{article(wireReport, "2014-11-05", "cazeneuve", "may"), article(localReport, "2014-11-05", "cazeneuve")},
			[][]int{{0, 1}}},
		{"same event reported a day later",
			[]Article{article(wireReport, "2014-11-05", "cazeneuve"), article(localReport, "2014-11-06", "cazeneuve")},
			[][]int{{0, 1}}},
		{"a shared quote but no person in common",
			[]Article{article(wireReport, "2014-11-05", "cazeneuve"), article(localReport, "2014-11-05", "bouchart")},
			nil},
		{"same people, another event two months apart",
			[]Article{article(wireReport, "2014-11-05", "cazeneuve", "may"), article(septemberDeal, "2014-09-04", "cazeneuve", "may")},
			nil},
		{"same quote and people, weeks apart",
			[]Article{article(wireReport, "2014-11-05", "cazeneuve"), article(localReport, "2014-11-25", "cazeneuve")},
			nil},
		{"undated near-identical texts",
			[]Article{article(markets, ""), article(marketsEdited, "")},
			[][]int{{0, 1}}},
		{"one dated, one undated near copy",
			[]Article{article(markets, "2005-01-20"), article(marketsEdited, "")},
			[][]int{{0, 1}}},
		{"undated reports sharing only a quote",
			[]Article{article(wireReport, "", "cazeneuve"), article(localReport, "", "cazeneuve")},
			nil},
		{"near copies dated a year apart",
			[]Article{article(markets, "2005-01-20"), article(marketsEdited, "2006-01-20")},
			nil},
		{"exact copies and an unrelated article",
			[]Article{article(markets, ""), article(septemberDeal, "2014-09-04"), article(markets, ""), article(markets, "")},
			[][]int{{0, 2, 3}}},
		{"two stories",
			[]Article{article(markets, ""), article(wireReport, "2014-11-05", "cazeneuve"), article(marketsEdited, ""), article(localReport, "2014-11-05", "cazeneuve")},
			[][]int{{0, 2}, {1, 3}}},
		{"too little text to fingerprint",
			[]Article{article("Calais.", ""), article("Calais.", "")},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Group(tc.arts); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Group = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestGroupStockPhrase(t *testing.T) {
	// A sentence that many articles of a day carry (a byline, a
	// disclaimer) links none of them.
	stock := `This article was produced with the support of the press association news service`
	var arts []Article
	for i := range maxBucket + 5 {
		body := strings.Repeat("word"+string(rune('a'+i%26))+string(rune('a'+i/26))+" ", 30)
		arts = append(arts, article(stock+". "+body, "2020-01-01", "someone"))
	}
	if got := Group(arts); len(got) != 0 {
		t.Errorf("a stock sentence grouped %d stories: %v", len(got), got)
	}
}

func TestFingerprint(t *testing.T) {
	for _, tc := range []struct {
		name       string
		a, b       []string
		wantShared bool
	}{
		{"case, spacing and quote marks aside", []string{"He said: “We are ready to act now.”"}, []string{`he said "we are  ready to act now"`}, true},
		{"sentences reordered", []string{"One two three four five six.", "Seven eight nine ten eleven."}, []string{"Seven eight nine ten eleven.", "One two three four five six."}, true},
		{"no shingle across sentences", []string{"One two three.", "Four five six."}, []string{"One two three four five six."}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := Of(tc.a), Of(tc.b)
			n := 0
			for _, h := range a {
				for _, g := range b {
					if h == g {
						n++
					}
				}
			}
			if (n > 0) != tc.wantShared || (tc.wantShared && !reflect.DeepEqual(a, b)) {
				t.Errorf("fingerprints %v and %v share %d", a, b, n)
			}
		})
	}
	long := make([]string, 200)
	for i := range long {
		long[i] = fmt.Sprintf("w%d w%d w%d w%d w%d w%d w%d w%d", 8*i, 8*i+1, 8*i+2, 8*i+3, 8*i+4, 8*i+5, 8*i+6, 8*i+7)
	}
	if f := Of(long); len(f) != maxShingles {
		t.Errorf("long article: %d shingles, want the %d smallest", len(f), maxShingles)
	}
}

func TestFingerprintJSON(t *testing.T) {
	f := Of([]string{"The minister welcomed the idea of police patrols in the port."})
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var got Fingerprint
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("round trip: %v, want %v", got, f)
	}
	for _, bad := range []string{`"AAE="`, `"AgAAAAEAAAA="`, `12`} {
		if err := json.Unmarshal([]byte(bad), &got); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// BenchmarkGroup groups 21,250 articles shaped like BBC x10: 2,125 texts
// copied ten times, each text's shingles mostly its own and some from
// stock phrases many texts share.
func BenchmarkGroup(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	stock := make([]uint32, 5000)
	for i := range stock {
		stock[i] = rng.Uint32()
	}
	var arts []Article
	for range 2125 {
		f := make(Fingerprint, 0, maxShingles)
		for range maxShingles - 20 {
			f = append(f, rng.Uint32())
		}
		for range 20 {
			f = append(f, stock[rng.IntN(len(stock))])
		}
		slices.Sort(f)
		f = slices.Compact(f)
		for range 10 {
			arts = append(arts, Article{Fingerprint: f})
		}
	}
	var n int
	for b.Loop() {
		n = len(Group(arts))
	}
	if n != 2125 {
		b.Fatalf("%d stories, want the 2,125 texts", n)
	}
}
