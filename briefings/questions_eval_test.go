package briefings

import (
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/briefbot/briefbot/briefings/corpus"
)

// Floors of the free-question measures, from the measured baseline (see
// testdata/questions/README.md). A change that drops a measure below its
// floor fails; raise a floor when the engine does better.
const (
	// Share of answerable questions whose answer proper holds an accepted
	// answer, per corpus and half.
	floorRightBBCTune         = 0.66 // 59 of 89
	floorRightBBCHoldout      = 0.52 // 48 of 91
	floorRightEmbeddedTune    = 0.80 // 17 of 21
	floorRightEmbeddedHoldout = 0.44 // 8 of 18
	floorRightBBCFresh        = 0.57 // 50 of 87
	floorRightEmbeddedFresh   = 0.56 // 13 of 23
	floorRightBBCFresh2       = 0.55 // 48 of 87
	floorRightEmbeddedFresh2  = 0.52 // 12 of 23
	floorRightBBCTune2        = 0.81 // 82 of 100
	floorRightBBCTune3        = 0.75 // 76 of 100
	floorRightBBCTune4        = 0.79 // 80 of 100
	floorRightEmbeddedTune4   = 0.87 // 14 of 16
	// Share of bold lead answers that are right, per half, over both
	// corpora (the goal is 0.95).
	floorBoldPrecisionTune    = 0.95 // 11 of 11
	floorBoldPrecisionHoldout = 0.80 // 4 of 5
	floorBoldPrecisionFresh   = 0.95 // 6 of 6
	floorBoldPrecisionFresh2  = 0.95 // 6 of 6
	floorBoldPrecisionTune2   = 0.95 // 14 of 14
	floorBoldPrecisionTune3   = 0.95 // 24 of 24
	floorBoldPrecisionTune4   = 0.95 // 24 of 24
	// Most unanswerable questions that may get a bold lead, per half.
	ceilNullBoldTune    = 1 // of 9 (0 measured)
	ceilNullBoldHoldout = 2 // of 10 (0 measured)
	ceilNullBoldFresh   = 1 // of 10 (0 measured)
	ceilNullBoldFresh2  = 1 // of 10 (0 measured)
	ceilNullBoldTune2   = 0 // it has no unanswerable questions
	ceilNullBoldTune3   = 1 // of 15 (0 measured)
	ceilNullBoldTune4   = 1 // of 15 (0 measured)
)

var (
	questionsVerbose = flag.Bool("questions.verbose", false, "print each question of a tuning half (tune, tune2, tune3, tune4) that is not answered right, with the reply")
	questionsHoldout = flag.Bool("questions.holdout", false, "print the untouched halves' tables (holdout, fresh, fresh2), and with -questions.verbose their failures (to report, never to tune on)")
	questionsOnly    = flag.String("questions.only", "", "answer only the questions whose id starts with this (e.g. bbc-sport-); floors are not checked; a prefix of an untouched half's own ids (fresh2-) prints that half's table, not its failures")
	questionsFold    = flag.String("questions.fold", "", "answer only the questions of one fold of two, split by a hash of the id: \"a\" or \"b\" (develop on one, measure on the other); floors are not checked")
	questionsBold    = flag.Bool("questions.bold", false, "with -questions.verbose, print every bold answer of the tuning halves (tune, tune2, tune3, tune4), right or wrong")
)

// inFold reports a question of the fold asked for by -questions.fold: a
// split by a hash of the id that no choice of questions can bias.
func inFold(id string) bool {
	if *questionsFold == "" {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	fold := "a"
	if h.Sum32()%2 == 1 {
		fold = "b"
	}
	return fold == *questionsFold
}

const questionsDir = "testdata/questions"

// questionHalves are the parts of the set. Only tune, tune2, tune3 and tune4
// may be tuned on; the others are untouched, so their results are shown only on
// request.
var questionHalves = []string{"tune", "holdout", "fresh", "fresh2", "tune2", "tune3", "tune4"}

func untouchedHalf(half string) bool {
	return half != "tune" && half != "tune2" && half != "tune3" && half != "tune4"
}

// halfIDPrefix is the prefix that a half's ids alone start with. The tune
// and holdout halves were dealt from one pool and share their id forms, so
// they have none.
var halfIDPrefix = map[string]string{"fresh": "fresh-", "fresh2": "fresh2-", "tune2": "tune2-", "tune3": "tune3-", "tune4": "tune4-"}

// tableShown reports whether a half's table of measures is printed: always
// for a tuning half (tune, tune2, tune3, tune4); for an untouched half with
// -questions.holdout, or when -questions.only selects within that half by
// its own id prefix, so that its aggregate can be read without its
// failures.
func tableShown(half string) bool {
	if !untouchedHalf(half) || *questionsHoldout {
		return true
	}
	prefix := halfIDPrefix[half]
	return prefix != "" && strings.HasPrefix(*questionsOnly, prefix)
}

// failuresShown reports whether -questions.verbose may print a half's
// failures: an untouched half's only with -questions.holdout.
func failuresShown(half string) bool { return !untouchedHalf(half) || *questionsHoldout }

// questionTypes are the answer types a question may ask for.
var questionTypes = []string{"person", "organisation", "date", "future_date", "number", "money", "percentage", "place", "reason", "title", "list"}

// questionTraits say where the answer sits when it is not plainly in the
// sentence that shares the question's words.
var questionTraits = []string{"next", "pronoun", "description", "colon"}

// labelled is one question of the set, with its label.
type labelled struct {
	ID     string   `yaml:"id"`
	Corpus string   `yaml:"corpus"`
	Q      string   `yaml:"q"`
	Type   string   `yaml:"type"`
	Answer []string `yaml:"answer"` // accepted strings, any of them; nil: not answerable
	Doc    string   `yaml:"doc"`
	// Sentence holds the answer, verbatim from the article (whitespace
	// collapsed).
	Sentence string   `yaml:"sentence"`
	Not      []string `yaml:"not"` // must not be the bold lead answer
	Trait    string   `yaml:"trait"`
}

func loadQuestions(t *testing.T, half string) []labelled {
	t.Helper()
	data, err := os.ReadFile(path.Join(questionsDir, half+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var set struct {
		Questions []labelled `yaml:"questions"`
	}
	if err := dec.Decode(&set); err != nil {
		t.Fatalf("%s.yaml: %v", half, err)
	}
	return set.Questions
}

var (
	bbcOnce   sync.Once
	bbcEngine *Engine
	bbcErr    error
)

// loadBBC loads the BBC corpus once per test binary.
func loadBBC(t *testing.T) *Engine {
	t.Helper()
	needDir(t, bbcDir)
	bbcOnce.Do(func() { bbcEngine, bbcErr = Load(os.DirFS(bbcDir), ".") })
	if bbcErr != nil {
		t.Fatal(bbcErr)
	}
	return bbcEngine
}

var (
	thousands = regexp.MustCompile(`(\d),(\d{3})\b`)
	emphasis  = regexp.MustCompile("[*_`]")
	spaces    = regexp.MustCompile(`[\s\x{00a0}]+`)
	folds     = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-", "\u00a0", " ")
)

// normAnswer folds a text as the answer-quality script does before a
// containment check: case, curly quotes and dashes, thousands separators,
// emphasis marks and runs of white space.
func normAnswer(s string) string {
	s = folds.Replace(strings.ToLower(s))
	for {
		t := thousands.ReplaceAllString(s, "$1$2")
		if t == s {
			break
		}
		s = t
	}
	s = emphasis.ReplaceAllString(s, "")
	return spaces.ReplaceAllString(s, " ")
}

// holdsAny reports whether text holds one of the wanted strings.
func holdsAny(text string, want []string) bool {
	n := normAnswer(text)
	for _, w := range want {
		if strings.Contains(n, normAnswer(w)) {
			return true
		}
	}
	return false
}

// boldLead is the engine's confident answer in a reply: the answer its
// summary states when the reply is Confident ("X, according to ...", "X
// (role), the latest holder ..."), cut before the source and the other
// figures or holders it adds; or the person a who-briefing is about. ok is
// false for closest passages, quotes and refusals.
func boldLead(r Reply) (span string, ok bool) {
	switch r.Kind {
	case KindWho:
		return r.Title, true
	case KindAnswer:
		if !r.Confident {
			return "", false
		}
		span = r.Summary
		for _, tail := range []string{", according to ", ", the latest holder", " Also reported:", " Earlier:"} {
			if i := strings.Index(span, tail); i >= 0 {
				span = span[:i]
			}
		}
		return span, true
	}
	return "", false
}

// answerProper is what a reader takes as the answer: the summary when it
// is a bold lead, else the summary and the first item (the rule of the
// answer-quality script's lead key). A refusal answers nothing.
func answerProper(r Reply) string {
	switch r.Kind {
	case KindNotFound, KindError:
		return ""
	case KindWho:
		return r.Title + " " + r.Summary
	}
	if _, ok := boldLead(r); ok {
		return r.Summary
	}
	if len(r.Sections) > 0 && len(r.Sections[0].Items) > 0 {
		return r.Summary + " " + r.Sections[0].Items[0].Text
	}
	return r.Summary
}

// outcome is how the engine did on one question.
type outcome struct {
	q          labelled
	r          Reply
	right      bool // answerable, and the answer proper holds an accepted answer
	bold       bool
	boldRight  bool // the bold lead holds an accepted answer and no excluded entity
	refused    bool // answerable, and refused
	answerable bool
	reference  bool // answerable, and the reference's top sentence holds an accepted answer
}

func judge(q labelled, r Reply) outcome {
	o := outcome{q: q, r: r, answerable: q.Answer != nil}
	span, bold := boldLead(r)
	o.bold = bold
	if o.answerable {
		o.right = holdsAny(answerProper(r), q.Answer)
		o.refused = r.Kind == KindNotFound
		o.boldRight = bold && holdsAny(span, q.Answer) && !holdsAny(span, q.Not)
		if bold && !o.boldRight {
			o.right = false // a wrong bold answer above the right sentence is still wrong
		}
	}
	return o
}

// tally counts outcomes.
type tally struct {
	n, answerable, right, bold, boldRight, refused, nullBold, reference int
}

func (t *tally) add(o outcome) {
	t.n++
	if o.answerable {
		t.answerable++
	} else if o.bold {
		t.nullBold++
	}
	if o.right {
		t.right++
	}
	if o.bold {
		t.bold++
	}
	if o.boldRight {
		t.boldRight++
	}
	if o.refused {
		t.refused++
	}
	if o.reference {
		t.reference++
	}
}

func (t tally) rightShare() float64 { return share(t.right, t.answerable) }

// precision is the share of bold leads that are right; a bold lead on an
// unanswerable question is wrong.
func (t tally) precision() float64 { return share(t.boldRight, t.bold) }

func share(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (t tally) row(name string) string {
	return fmt.Sprintf("%-22s %4d %5d %5d %5.2f %5d %5d %5.2f %5d %5d %5d %5.2f", name, t.n, t.answerable, t.right, t.rightShare(),
		t.bold, t.boldRight, t.precision(), t.refused, t.nullBold, t.reference, share(t.reference, t.answerable))
}

// tallyHeader names the columns of a row: questions, answerable ones,
// answered right and the share, bold leads, right bold leads and their
// precision, refusals of answerable questions, unanswerable questions with
// a bold lead, and the plain BM25 reference's right answers and share.
const tallyHeader = "                          n  answ right share  bold b-ok  prec  refd nullB  bm25 share"

// TestQuestionSetWellFormed checks the labels: known fields and types,
// unique ids and questions, and each sentence verbatim in its article,
// holding an accepted answer.
func TestQuestionSetWellFormed(t *testing.T) {
	ids, qs := map[string]string{}, map[string]string{}
	bodies := map[string]string{}
	_, bbcErr := os.Stat(bbcDir)
	for _, half := range questionHalves {
		for _, q := range loadQuestions(t, half) {
			if prev, ok := ids[q.ID]; ok || q.ID == "" {
				t.Errorf("%s: id %q empty or already in %s", half, q.ID, prev)
			}
			ids[q.ID] = half
			if prev, ok := qs[strings.ToLower(q.Q)]; ok {
				t.Errorf("%s: question %q repeats %s", q.ID, q.Q, prev)
			}
			qs[strings.ToLower(q.Q)] = q.ID
			if !slices.Contains(questionTypes, q.Type) || (q.Trait != "" && !slices.Contains(questionTraits, q.Trait)) {
				t.Errorf("%s: type %q or trait %q unknown", q.ID, q.Type, q.Trait)
			}
			if q.Corpus != "bbc" && q.Corpus != "embedded" {
				t.Errorf("%s: corpus %q", q.ID, q.Corpus)
			}
			if q.Answer == nil {
				if q.Doc != "" || q.Sentence != "" {
					t.Errorf("%s: an unanswerable question has a doc or sentence", q.ID)
				}
				continue
			}
			if q.Doc == "" || q.Sentence == "" || len(q.Answer) == 0 {
				t.Errorf("%s: answerable but no doc, sentence or answer", q.ID)
				continue
			}
			if !holdsAny(q.Sentence, q.Answer) {
				t.Errorf("%s: sentence holds none of %q", q.ID, q.Answer)
			}
			if q.Corpus == "bbc" && bbcErr != nil {
				continue // verbatim check needs the corpus
			}
			key := q.Corpus + ":" + q.Doc
			body, ok := bodies[key]
			if !ok {
				body = articleText(t, q.Corpus, q.Doc)
				bodies[key] = body
			}
			if !strings.Contains(body, spaces.ReplaceAllString(strings.TrimSpace(q.Sentence), " ")) {
				t.Errorf("%s: sentence not verbatim in %s: %q", q.ID, q.Doc, q.Sentence)
			}
		}
	}
	if bbcErr != nil {
		t.Logf("%s is absent: BBC sentences not checked against their articles", bbcDir)
	}
}

// articleText is an article's text after its front matter, white space
// collapsed; "" when it cannot be read.
func articleText(t *testing.T, corpusName, doc string) string {
	t.Helper()
	var data []byte
	var err error
	if corpusName == "embedded" {
		data, err = fs.ReadFile(corpus.FS, doc+".md")
	} else {
		data, err = os.ReadFile(path.Join(bbcDir, doc+".md"))
	}
	if err != nil {
		t.Errorf("%s: %v", doc, err)
		return ""
	}
	s := string(data)
	if strings.HasPrefix(s, "---\n") {
		if end := strings.Index(s[4:], "\n---\n"); end >= 0 {
			s = s[4+end+5:]
		}
	}
	return spaces.ReplaceAllString(strings.TrimSpace(s), " ")
}

// TestQuestionSet answers every half of the set and checks the measures
// against their floors. go test -run TestQuestionSet -v prints the tables
// of the tuning halves, tune, tune2, tune3 and tune4 (-questions.holdout adds the
// untouched halves'; -questions.only=fresh2- prints that half's table
// alone); -questions.verbose prints the tuning halves' failures, and the
// untouched halves' only with -questions.holdout.
func TestQuestionSet(t *testing.T) {
	emb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rankers := map[*Engine]*sentenceRanker{emb: newSentenceRanker(emb)}
	var bbc *Engine
	fi, err := os.Stat(bbcDir)
	haveBBC := err == nil && fi.IsDir()
	if !haveBBC {
		t.Logf("%s is absent: the BBC questions are skipped", bbcDir)
	}
	floors := map[string]struct {
		rightBBC, rightEmbedded, precision float64
		nullBold                           int
	}{
		"tune":    {floorRightBBCTune, floorRightEmbeddedTune, floorBoldPrecisionTune, ceilNullBoldTune},
		"holdout": {floorRightBBCHoldout, floorRightEmbeddedHoldout, floorBoldPrecisionHoldout, ceilNullBoldHoldout},
		"fresh":   {floorRightBBCFresh, floorRightEmbeddedFresh, floorBoldPrecisionFresh, ceilNullBoldFresh},
		"fresh2":  {floorRightBBCFresh2, floorRightEmbeddedFresh2, floorBoldPrecisionFresh2, ceilNullBoldFresh2},
		"tune2":   {floorRightBBCTune2, 0, floorBoldPrecisionTune2, ceilNullBoldTune2}, // BBC questions only
		"tune3":   {floorRightBBCTune3, 0, floorBoldPrecisionTune3, ceilNullBoldTune3}, // BBC questions only
		"tune4":   {floorRightBBCTune4, floorRightEmbeddedTune4, floorBoldPrecisionTune4, ceilNullBoldTune4},
	}
	for _, half := range questionHalves {
		t.Run(half, func(t *testing.T) {
			var all tally
			byCorpus, byType, byTrait := map[string]*tally{}, map[string]*tally{}, map[string]*tally{}
			var failed, bolds []outcome
			for _, q := range loadQuestions(t, half) {
				if !strings.HasPrefix(q.ID, *questionsOnly) || !inFold(q.ID) {
					continue
				}
				e := emb
				if q.Corpus == "bbc" {
					if !haveBBC {
						continue
					}
					if bbc == nil { // loaded on first use: -questions.only may need none
						bbc = loadBBC(t)
						rankers[bbc] = newSentenceRanker(bbc)
					}
					e = bbc
				}
				o := judge(q, e.Ask(q.Q))
				o.reference = o.answerable && holdsAny(rankers[e].top(q.Q), q.Answer)
				all.add(o)
				for _, g := range []struct {
					m map[string]*tally
					k string
				}{{byCorpus, q.Corpus}, {byType, q.Type}, {byTrait, q.Trait}} {
					if g.k == "" {
						continue
					}
					if g.m[g.k] == nil {
						g.m[g.k] = &tally{}
					}
					g.m[g.k].add(o)
				}
				if o.bold {
					bolds = append(bolds, o)
				}
				if (o.answerable && !o.right) || (!o.answerable && o.bold) {
					failed = append(failed, o)
				}
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s half\n%s\n%s\n", half, tallyHeader, all.row("all"))
			for _, group := range []struct {
				prefix string
				m      map[string]*tally
				order  []string
			}{{"corpus ", byCorpus, []string{"bbc", "embedded"}}, {"", byType, questionTypes}, {"trait ", byTrait, questionTraits}} {
				for _, k := range group.order {
					if tl := group.m[k]; tl != nil {
						b.WriteString(tl.row(group.prefix+k) + "\n")
					}
				}
			}
			if tableShown(half) {
				t.Log(b.String())
			}
			if *questionsVerbose && failuresShown(half) {
				for _, o := range failed {
					t.Log(describeFailure(o))
				}
			}
			if *questionsVerbose && *questionsBold && !untouchedHalf(half) {
				for _, o := range bolds {
					span, _ := boldLead(o.r)
					verdict := "right"
					if !o.boldRight {
						verdict = "WRONG"
					}
					t.Logf("bold %s %s [%s] %q: %q", verdict, o.q.ID, o.q.Type, o.q.Q, span)
				}
			}
			if *questionsOnly != "" || *questionsFold != "" {
				return // a part of the set says nothing about the floors
			}
			f := floors[half]
			if c := byCorpus["bbc"]; c != nil && c.rightShare() < f.rightBBC {
				t.Errorf("bbc: %.2f answered right, floor %.2f", c.rightShare(), f.rightBBC)
			}
			if c := byCorpus["embedded"]; c != nil && c.rightShare() < f.rightEmbedded {
				t.Errorf("embedded: %.2f answered right, floor %.2f", c.rightShare(), f.rightEmbedded)
			}
			if all.bold > 0 && all.precision() < f.precision {
				t.Errorf("bold precision %.2f, floor %.2f", all.precision(), f.precision)
			}
			if all.nullBold > f.nullBold {
				t.Errorf("%d unanswerable questions got a bold answer, at most %d", all.nullBold, f.nullBold)
			}
		})
	}
}

// describeFailure prints a question that was not answered right, with the
// reply, for debugging on a tuning half.
func describeFailure(o outcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s", o.q.ID, o.q.Type)
	if o.q.Trait != "" {
		b.WriteString(", " + o.q.Trait)
	}
	fmt.Fprintf(&b, "] %q\n", o.q.Q)
	if o.answerable {
		fmt.Fprintf(&b, "  want %q in %s: %s\n", o.q.Answer, o.q.Doc, o.q.Sentence)
	} else {
		b.WriteString("  want no bold answer (not answerable)\n")
	}
	if span, ok := boldLead(o.r); ok {
		fmt.Fprintf(&b, "  bold %q\n", span)
	}
	fmt.Fprintf(&b, "  got  %s: %s\n", o.r.Kind, o.r.Summary)
	for i, it := range firstItems(o.r, 3) {
		fmt.Fprintf(&b, "  %d.   %s [%s]\n", i+1, clip(it.Text, 300), it.Source)
	}
	return b.String()
}

func firstItems(r Reply, n int) []Item {
	var out []Item
	for _, s := range r.Sections {
		for _, it := range s.Items {
			if len(out) == n {
				return out
			}
			out = append(out, it)
		}
	}
	return out
}

// TestTableShown pins which halves' tables and failures the flags print:
// an untouched half's failures never without -questions.holdout.
func TestTableShown(t *testing.T) {
	defer func(only string, holdout bool) { *questionsOnly, *questionsHoldout = only, holdout }(*questionsOnly, *questionsHoldout)
	for _, tc := range []struct {
		only            string
		holdout         bool
		half            string
		table, failures bool
	}{
		{"", false, "tune", true, true},
		{"", false, "holdout", false, false},
		{"", false, "fresh2", false, false},
		{"", true, "fresh2", true, true},
		{"fresh2-", false, "fresh2", true, false},
		{"fresh2-bbc-tech-", false, "fresh2", true, false},
		{"fresh2-", false, "fresh", false, false},
		{"fresh-", false, "fresh", true, false},
		{"fresh-", false, "fresh2", false, false},
		{"bbc-", false, "holdout", false, false},
		{"bbc-", false, "tune", true, true},
		{"", false, "tune2", true, true},
		{"tune2-", false, "tune2", true, true},
		{"tune2-", false, "tune", true, true},
		{"", false, "tune3", true, true},
		{"tune3-", false, "tune3", true, true},
		{"tune3-", false, "holdout", false, false},
		{"", false, "tune4", true, true},
		{"tune4-", false, "tune4", true, true},
		{"tune4-", false, "fresh2", false, false},
	} {
		*questionsOnly, *questionsHoldout = tc.only, tc.holdout
		if got, gotF := tableShown(tc.half), failuresShown(tc.half); got != tc.table || gotF != tc.failures {
			t.Errorf("only %q holdout %v, %s: table %v failures %v, want %v %v", tc.only, tc.holdout, tc.half, got, gotF, tc.table, tc.failures)
		}
	}
}

// TestBoldLead pins the reading of a reply that the measures rest on.
func TestBoldLead(t *testing.T) {
	item := func(text, mark string) []Section {
		return []Section{{Heading: "From the articles", Items: []Item{{Text: text, Mark: mark}}}}
	}
	for _, tc := range []struct {
		name     string
		r        Reply
		bold     string
		ok       bool
		proper   string
		want     []string
		not      []string
		right    bool
		boldGood bool
	}{
		{"bold right", Reply{Kind: KindAnswer, Confident: true, Summary: "146,000, according to BBC News. Also reported: 133,000.", Sections: item("US firms added only 146,000 jobs.", "146,000")},
			"146,000", true, "146,000, according to BBC News. Also reported: 133,000.", []string{"146000"}, nil, true, true},
		{"bold names the question's own subject", Reply{Kind: KindAnswer, Confident: true, Summary: "Lleyton Hewitt, according to BBC News.", Sections: item("Lleyton Hewitt beat David Nalbandian.", "Lleyton Hewitt")},
			"Lleyton Hewitt", true, "Lleyton Hewitt, according to BBC News.", []string{"Nalbandian"}, []string{"Hewitt"}, false, false},
		{"closest passage holds it", Reply{Kind: KindAnswer, Summary: "No sure answer; the closest passages follow.", Sections: item("Hewitt beat David Nalbandian.", "Nalbandian")},
			"", false, "No sure answer; the closest passages follow. Hewitt beat David Nalbandian.", []string{"Nalbandian"}, nil, true, false},
		{"refusal", Reply{Kind: KindNotFound, Summary: "The corpus holds 6 articles on Nalbandian."},
			"", false, "", []string{"Nalbandian"}, nil, false, false},
		{"latest holder of a role", Reply{Kind: KindAnswer, Confident: true, Summary: "Gerald Darmanin (Interior Minister, 2021), the latest holder the articles name. Earlier: Bernard Cazeneuve (2014).", Sections: item("Interior Minister Gerald Darmanin ordered the eviction.", "Gerald Darmanin")},
			"Gerald Darmanin (Interior Minister, 2021)", true, "Gerald Darmanin (Interior Minister, 2021), the latest holder the articles name. Earlier: Bernard Cazeneuve (2014).", []string{"Darmanin"}, []string{"Cazeneuve"}, true, true},
		{"who briefing", Reply{Kind: KindWho, Title: "Cathy Jamieson", Summary: "Scotland's justice minister."},
			"Cathy Jamieson", true, "Cathy Jamieson Scotland's justice minister.", []string{"Jamieson"}, nil, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			span, ok := boldLead(tc.r)
			if span != tc.bold || ok != tc.ok {
				t.Errorf("boldLead = %q, %v; want %q, %v", span, ok, tc.bold, tc.ok)
			}
			if got := answerProper(tc.r); got != tc.proper {
				t.Errorf("answerProper = %q, want %q", got, tc.proper)
			}
			o := judge(labelled{Answer: tc.want, Not: tc.not}, tc.r)
			if o.right != tc.right || o.boldRight != tc.boldGood {
				t.Errorf("right, boldRight = %v, %v; want %v, %v", o.right, o.boldRight, tc.right, tc.boldGood)
			}
		})
	}
}

func TestNormAnswer(t *testing.T) {
	for in, want := range map[string]string{
		"1,234,567 People":        "1234567 people",
		"£4.3bn":                  "£4.3bn",
		"Mr Alegre’s  *remarks*":  "mr alegre's remarks",
		"12-13 March – 2,000":     "12-13 march - 2000",
		"a 1,50 ratio, 2005, 300": "a 1,50 ratio, 2005, 300",
	} {
		if got := normAnswer(in); got != want {
			t.Errorf("normAnswer(%q) = %q, want %q", in, got, want)
		}
	}
}
