package figures

import (
	"math"
	"testing"
)

func TestParseValue(t *testing.T) {
	tests := []struct {
		in   string
		want Quantity
	}{
		{"1,097", Quantity{1097, 1097, ""}},
		{"1,500,000", Quantity{1.5e6, 1.5e6, ""}},
		{"5.2 million", Quantity{5.2e6, 5.2e6, ""}},
		{"0.8%", Quantity{0.8, 0.8, "%"}},
		{"36%", Quantity{36, 36, "%"}},
		{"50 percent", Quantity{50, 50, "%"}},
		{"50 per cent", Quantity{50, 50, "%"}},
		{"5pc", Quantity{5, 5, "%"}},
		{"0.25 percentage points", Quantity{0.25, 0.25, "pp"}},
		{"zero per cent", Quantity{0, 0, "%"}},
		{"£12 million", Quantity{12e6, 12e6, "GBP"}},
		{"£12m", Quantity{12e6, 12e6, "GBP"}},
		{"£4m", Quantity{4e6, 4e6, "GBP"}},
		{"€5 million", Quantity{5e6, 5e6, "EUR"}},
		{"$19 million", Quantity{19e6, 19e6, "USD"}},
		{"US$19m", Quantity{19e6, 19e6, "USD"}},
		{"15 million euros", Quantity{15e6, 15e6, "EUR"}},
		{"160m euros", Quantity{160e6, 160e6, "EUR"}},
		{"£11bn", Quantity{11e9, 11e9, "GBP"}},
		{"$1.2 billion", Quantity{1.2e9, 1.2e9, "USD"}},
		{"£22 billions", Quantity{22e9, 22e9, "GBP"}},
		{"5p", Quantity{0.05, 0.05, "GBP"}},
		{"605 pence", Quantity{6.05, 6.05, "GBP"}},
		{"10 billion lira", Quantity{10e9, 10e9, "TRY"}},
		{"£36", Quantity{36, 36, "GBP"}},
		{"two", Quantity{2, 2, ""}},
		{"Fifty", Quantity{50, 50, ""}},
		{"twenty-five", Quantity{25, 25, ""}},
		{"two million", Quantity{2e6, 2e6, ""}},
		{"five million lira", Quantity{5e6, 5e6, "TRY"}},
		{"a million", Quantity{1e6, 1e6, ""}},
		{"a dozen", Quantity{12, 12, ""}},
		{"two hundred and fifty", Quantity{250, 250, ""}},
		{"between 1,500 and 2,000", Quantity{1500, 2000, ""}},
		{"1,500-2,000", Quantity{1500, 2000, ""}},
		{"1,500–2,000", Quantity{1500, 2000, ""}},
		{"1,500 to 2,000", Quantity{1500, 2000, ""}},
		{"10 to 15 million", Quantity{10e6, 15e6, ""}},
		{"2-3%", Quantity{2, 3, "%"}},
		{"£4m-£5m", Quantity{4e6, 5e6, "GBP"}},
		{"up to 10,000", Quantity{10000, 10000, ""}},
		{"around 2,500", Quantity{2500, 2500, ""}},
		{"more than 400", Quantity{400, 400, ""}},
		{"£12 million (15 million euros, $19 million)", Quantity{12e6, 12e6, "GBP"}},
		{"160m euros ($208m; £111m)", Quantity{160e6, 160e6, "EUR"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseValue(tt.in)
			if err != nil {
				t.Fatalf("ParseValue(%q): %v", tt.in, err)
			}
			if !sameQuantity(got, tt.want) {
				t.Errorf("ParseValue(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseValueErrors(t *testing.T) {
	for _, in := range []string{"", "   ", "abc", "£", "12 apples", "one two three four", "1,500 and 2,000 and 3", "(12)"} {
		t.Run(in, func(t *testing.T) {
			if q, err := ParseValue(in); err == nil {
				t.Errorf("ParseValue(%q) = %+v, want an error", in, q)
			}
		})
	}
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"1,097", "£12 million (15 million euros, $19 million)", "between 1,500 and 2,000",
		"1,500-2,000", "50 per cent", "two hundred and fifty", "US$5m", "5p", "9,999,999,999,999,999,999", "1e9", "-5", "£.5", "twenty-", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseValue(s)
		if err != nil {
			return
		}
		if math.IsNaN(q.Value) || math.IsNaN(q.High) || q.Value < 0 {
			t.Fatalf("ParseValue(%q) = %+v", s, q)
		}
		if q.High < q.Value {
			t.Fatalf("ParseValue(%q) = %+v: high below value", s, q)
		}
	})
}
