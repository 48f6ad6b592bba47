package figures

import (
	"fmt"
	"strconv"
	"strings"
)

// Quantity is a parsed value: a number, or a range, and its unit.
type Quantity struct {
	Value float64 // the number, or the low end of a range
	High  float64 // the high end of a range, else equal to Value
	Unit  string  // "" (a count), "%", "pp" (percentage points), "GBP", "EUR", "USD", ...
}

// ParseValue reads a value as written in news copy: "1,097", "£12 million",
// "€5m", "15 million euros", "36%", "50 per cent", "5p", "two million",
// "between 1,500 and 2,000", "1,500-2,000", "up to 10,000". A qualifier in
// front ("up to", "around", "more than") is allowed and ignored; anything
// else around the value is an error.
func ParseValue(s string) (Quantity, error) {
	toks := tokenize(s)
	i := skipQualifier(toks, 0)
	between := i > 0 && toks[i-1].is("between")
	if i >= len(toks) {
		return Quantity{}, fmt.Errorf("value %q: no number", s)
	}
	v, ok := scanValue(toks, i, between, false, nil)
	if !ok {
		return Quantity{}, fmt.Errorf("value %q: not a number", s)
	}
	end := v.end
	if end < len(toks) && toks[end].punct(".") && end == len(toks)-1 {
		end++
	}
	if end != len(toks) {
		return Quantity{}, fmt.Errorf("value %q: unexpected %q after the number", s, toks[end].s)
	}
	return Quantity{Value: v.lo.n, High: v.hi.n, Unit: v.lo.unit}, nil
}

// amount is one number as written, with its unit.
type amount struct {
	n          float64
	unit       string
	start, end int  // token span [start, end)
	money      bool // a currency symbol or word
	percent    bool // "%", "per cent", "percentage points"
	scaled     bool // a multiplier: "m", "bn", "million"
	words      bool // spelled out: "two", "five million"
	metreRisk  bool // a bare "m" that may be metres: "100m"
	hasNumeral bool
}

// value is an amount or a range of two, plus currency conversions in
// brackets after it.
type value struct {
	lo, hi      amount
	end         int // first token after the value and its conversions
	spanEnd     int // last token of the text span + 1 (conversions included when they follow at once)
	conversions []string
}

var currencySymbols = map[string]string{"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR"}

// dollar prefixes glued to "$": "US$5m".
var dollarPrefixes = map[string]string{"us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD", "r": "BRL"}

var currencyWords = map[string]string{
	"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
	"sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
	"franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
	"lira": "TRY", "lire": "ITL", "kroner": "DKK", "kronor": "SEK", "krona": "SEK", "rand": "ZAR",
	"peso": "MXN", "pesos": "MXN", "dinar": "DINAR", "dinars": "DINAR", "riyal": "SAR", "riyals": "SAR",
	"dirham": "AED", "dirhams": "AED", "shekel": "ILS", "shekels": "ILS", "baht": "THB", "ringgit": "MYR",
	"zloty": "PLN", "zlotys": "PLN", "naira": "NGN", "cedi": "GHS", "cedis": "GHS",
}

// scales after a number; glued abbreviations ("12m", "£11bn") and words.
var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
	"trillion": 1e12, "trillions": 1e12,
}

var scaleAbbrevs = map[string]float64{"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// metreContext follows "100m" when it means metres, not millions.
var metreContext = map[string]bool{
	"race": true, "sprint": true, "hurdles": true, "freestyle": true, "relay": true, "butterfly": true,
	"backstroke": true, "breaststroke": true, "medley": true, "final": true, "high": true, "long": true,
	"tall": true, "deep": true, "wide": true, "away": true, "fall": true, "drop": true, "below": true,
	"above": true, "from": true, "record": true, "title": true, "gold": true, "silver": true, "bronze": true,
}

// raceDistances are metres when written "1500m" without a currency.
var raceDistances = map[float64]bool{50: true, 60: true, 100: true, 110: true, 200: true, 400: true, 800: true,
	1000: true, 1500: true, 3000: true, 5000: true, 10000: true}

// countNouns after "100m" make it millions of something.
var countNouns = set("people", "viewers", "users", "customers", "subscribers", "visitors", "listeners", "votes",
	"voters", "copies", "units", "shares", "barrels", "tonnes", "jobs", "homes", "households", "passengers",
	"members", "downloads", "players", "readers", "fans", "tickets", "cars", "phones", "euros", "dollars", "pounds")

// scanAmount reads one amount at toks[i].
func scanAmount(toks []token, i int) (amount, bool) {
	a := amount{start: i}
	j := i
	if j < len(toks) && toks[j].kind == kPunct {
		if u, ok := currencySymbols[toks[j].s]; ok {
			a.unit, a.money = u, true
			j++
		}
	} else if j+1 < len(toks) && toks[j].kind == kWord && toks[j+1].s == "$" && toks[j+1].glued {
		if u, ok := dollarPrefixes[toks[j].lower()]; ok && toks[j].s != strings.ToLower(toks[j].s) {
			a.unit, a.money = u, true
			j += 2
		}
	}
	if j >= len(toks) {
		return a, false
	}
	switch {
	case toks[j].kind == kNum:
		if a.money && !toks[j].glued && j > i && toks[j].start-toks[j-1].end > 1 {
			return a, false
		}
		n, err := strconv.ParseFloat(strings.ReplaceAll(toks[j].s, ",", ""), 64)
		if err != nil {
			return a, false
		}
		a.n, a.hasNumeral = n, true
		j++
	case toks[j].kind == kWord:
		n, next, scaled, ok := scanNumberWords(toks, j)
		if !ok {
			return a, false
		}
		a.n, a.words, a.scaled = n, true, scaled
		j = next
	default:
		return a, false
	}
	// a multiplier after digits: "12m", "£11bn", "5.2 million"
	if a.hasNumeral && j < len(toks) && toks[j].kind == kWord {
		w := toks[j].lower()
		if s, ok := scaleAbbrevs[w]; ok && toks[j].glued {
			a.n *= s
			a.scaled = true
			a.metreRisk = w == "m"
			j++
		} else if s, ok := scaleWords[w]; ok {
			a.n *= s
			a.scaled = true
			j++
		}
	}
	// a unit after the number
	if j < len(toks) {
		t := toks[j]
		switch {
		case t.punct("%"):
			a.unit, a.percent = "%", true
			j++
		case t.is("percent", "pc") && (t.s != "pc" || t.glued):
			a.unit, a.percent = "%", true
			j++
		case t.is("per") && j+1 < len(toks) && toks[j+1].is("cent"):
			a.unit, a.percent = "%", true
			j += 2
		case t.is("percentage") && j+1 < len(toks) && toks[j+1].is("point", "points"):
			a.unit, a.percent = "pp", true
			j += 2
		case !a.money && t.is("pence") || !a.money && t.s == "p" && t.glued && a.hasNumeral && !a.scaled:
			a.n /= 100
			a.unit, a.money = "GBP", true
			j++
		case !a.money && t.is("cents"):
			a.n /= 100
			a.unit, a.money = "USD", true
			j++
		case !a.money && t.kind == kWord:
			if u, ok := currencyWords[t.lower()]; ok {
				a.unit, a.money = u, true
				j++
				if u == "GBP" && j < len(toks) && toks[j].is("sterling") {
					j++
				}
			}
		}
	}
	if a.metreRisk && !a.money {
		// "the 1500m", "100m freestyle": metres, not millions
		if j < len(toks) && toks[j].kind == kWord && metreContext[toks[j].lower()] || raceDistances[a.n/1e6] && !(j < len(toks) && countNouns[toks[j].lower()]) {
			return a, false
		}
	}
	a.end = j
	return a, true
}

// scanNumberWords reads spelled-out numbers: "two", "twenty-five", "a
// hundred", "two hundred and fifty", "five million", "a dozen".
func scanNumberWords(toks []token, i int) (n float64, next int, scaled, ok bool) {
	j := i
	w := toks[j].lower()
	article := false
	switch {
	case w == "a" || w == "an":
		n, article = 1, true
		j++
	case tens[w] > 0:
		n = tens[w]
		j++
		if j+1 < len(toks) && toks[j].punct("-") && toks[j].glued && toks[j+1].glued {
			if u, ok := smallNumbers[toks[j+1].lower()]; ok && u > 0 && u < 10 {
				n += u
				j += 2
			}
		}
	default:
		v, ok := smallNumbers[w]
		if !ok {
			return 0, i, false, false
		}
		n = v
		j++
	}
	if j < len(toks) && toks[j].is("dozen") {
		return n * 12, j + 1, true, true
	}
	if j < len(toks) && toks[j].is("hundred") {
		n *= 100
		scaled = true
		j++
		if j+1 < len(toks) && toks[j].is("and") {
			if v, ok := smallNumbers[toks[j+1].lower()]; ok && v > 0 {
				n += v
				j += 2
			} else if v, ok := tens[toks[j+1].lower()]; ok {
				n += v
				j += 2
			}
		}
	}
	if j < len(toks) && toks[j].kind == kWord {
		if s, ok := scaleWords[toks[j].lower()]; ok && !strings.HasSuffix(toks[j].lower(), "s") {
			n *= s
			scaled = true
			j++
		}
	}
	if article && !scaled {
		return 0, i, false, false
	}
	return n, j, scaled, true
}

// scanValue reads an amount and, when one follows, the other end of a range
// ("1,500-2,000", "10 to 15 million", "between 1,500 and 2,000" when
// between is set) and currency conversions in brackets. afterFrom says the
// value follows "from", where "X to Y" is a change, not a range; stop, when
// set, marks tokens (years, days) that cannot close a range.
func scanValue(toks []token, i int, between, afterFrom bool, stop func(int) bool) (value, bool) {
	lo, ok := scanAmount(toks, i)
	if !ok {
		return value{}, false
	}
	v := value{lo: lo, hi: lo, end: lo.end, spanEnd: lo.end}
	j := lo.end
	if j+1 < len(toks) {
		t := toks[j]
		isRange := (t.punct("-–") && (t.glued || !toks[j+1].glued)) ||
			(t.is("to") && !afterFrom) || (t.is("and") && between)
		if isRange && !(lo.words && t.kind == kPunct) && (stop == nil || !stop(j+1) && !stop(j+2)) {
			if hi, ok := scanAmount(toks, j+1); ok && hi.words == lo.words {
				if joinRange(&lo, &hi) {
					v.lo, v.hi, v.end, v.spanEnd = lo, hi, hi.end, hi.end
				}
			}
		}
	}
	if v.lo.money {
		v.scanConversions(toks)
	}
	return v, true
}

// joinRange checks that hi can close a range opened by lo, carrying a unit
// or multiplier written once ("10 to 15 million euros", "2-3%") over to lo.
func joinRange(lo, hi *amount) bool {
	if lo.unit == "" && hi.unit != "" {
		if lo.money {
			return false
		}
		lo.unit, lo.money, lo.percent = hi.unit, hi.money, hi.percent
	}
	if lo.unit != hi.unit && hi.unit != "" {
		return false
	}
	if hi.unit == "" {
		if lo.money || lo.percent {
			hi.unit, hi.money, hi.percent = lo.unit, lo.money, lo.percent
		}
	}
	if !lo.scaled && hi.scaled && lo.n > 0 {
		for _, s := range []float64{1e3, 1e6, 1e9, 1e12} {
			if lo.n*s <= hi.n && lo.n*s*1000 > hi.n {
				lo.n *= s
				break
			}
		}
	}
	return hi.n > lo.n
}

// scanConversions attaches "(15 million euros, $19 million)" to money: at
// once after the value, or after one or two words ("€5 million funding
// (£4m)"), in which case the text span stays on the value.
func (v *value) scanConversions(toks []token) {
	j := v.end
	skipped := 0
	for skipped < 2 && j < len(toks) && toks[j].kind == kWord && toks[j].s == toks[j].lower() && !toks[j].is("and", "or", "to", "of", "in", "on", "at", "for", "a", "an", "the") {
		j++
		skipped++
	}
	if j >= len(toks) || !toks[j].punct("(") {
		return
	}
	var convs []string
	k := j + 1
	for k < len(toks) {
		a, ok := scanAmount(toks, k)
		if !ok || !a.money {
			return
		}
		convs = append(convs, spanText(toks, a.start, a.end))
		k = a.end
		if k < len(toks) && (toks[k].punct(",;/") || toks[k].is("or")) {
			k++
			continue
		}
		break
	}
	if k >= len(toks) || !toks[k].punct(")") || len(convs) == 0 {
		return
	}
	v.conversions = convs
	v.end = k + 1
	if skipped == 0 {
		v.spanEnd = k + 1
	}
}

// spanText is the raw text of the tokens [a, b), as joined by the tokenizer's source.
func spanText(toks []token, a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		if k > a && !toks[k].glued {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[k].s)
	}
	return sb.String()
}

// qualifiers come before a value and say how exact it is.
var qualifiers = [][]string{
	{"up", "to"}, {"more", "than"}, {"less", "than"}, {"fewer", "than"}, {"at", "least"}, {"at", "most"},
	{"no", "more", "than"}, {"as", "many", "as"}, {"as", "much", "as"}, {"as", "high", "as"}, {"as", "low", "as"},
	{"in", "excess", "of"}, {"upwards", "of"}, {"an", "estimated"}, {"close", "to"}, {"nearly"}, {"almost"},
	{"around"}, {"about"}, {"some"}, {"approximately"}, {"approx"}, {"roughly"}, {"over"}, {"under"},
	{"between"}, {"exceeds"}, {"exceeded"}, {"estimated"}, {"barely"}, {"only"}, {"just"}, {"nearly"},
	{"circa"}, {"below"}, {"above"}, {"exactly"}, {"precisely"},
}

// skipQualifier returns the index after a qualifier starting at i, or i.
func skipQualifier(toks []token, i int) int {
	for _, q := range qualifiers {
		if i+len(q) > len(toks) {
			continue
		}
		match := true
		for k, w := range q {
			if !toks[i+k].is(w) {
				match = false
				break
			}
		}
		if match {
			return i + len(q)
		}
	}
	return i
}

// qualifierBefore returns the qualifier that ends just before token i, as
// written in lower case ("up to", "more than"), or "".
func qualifierBefore(toks []token, i int) string {
	best := ""
	for _, q := range qualifiers {
		s := i - len(q)
		if s < 0 {
			continue
		}
		match := true
		for k, w := range q {
			if !toks[s+k].is(w) {
				match = false
				break
			}
		}
		if match && len(q) > len(strings.Fields(best)) {
			best = strings.Join(q, " ")
		}
	}
	return best
}
