package wordnet

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/briefings/wordnet/internal/morph"
)

// tableGz is the generated table: see internal/gen for its format.
//
//go:embed table.txt.gz
var tableGz []byte

// table is the loaded form of the embedded table.
type table struct {
	lex     morph.Lexicon
	related map[string]string      // lemma -> its terms as written, read by Related
	phrases map[[2]string][]phrase // by first two words, longest first
	// inflections maps a lemma to its irregular forms, sorted: the forms
	// the exception lists give it whose own Lemma is that lemma.
	inflections map[string][]string
	err         error
}

// phrase is a multi-word expression: its lemmatised words and its name.
type phrase struct {
	words []string
	lemma string
}

var (
	once   sync.Once
	loaded *table
)

// get returns the table, reading it on first use.
func get() *table {
	once.Do(func() {
		t, err := parse(tableGz)
		if err != nil {
			t = &table{err: fmt.Errorf("reading the WordNet table: %w", err)}
		}
		loaded = t
	})
	return loaded
}

// parse reads a gzip'd table. Its strings share the one decompressed text.
func parse(gz []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	// The gzip trailer gives the text's size (mod 2^32): read it into one
	// buffer that becomes the string, without a copy.
	var b strings.Builder
	if len(gz) >= 4 {
		b.Grow(min(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])), 64<<20))
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return nil, err
	}
	text := b.String()
	t := &table{
		lex:     morph.Lexicon{Lemmas: make(map[string]morph.Entry, 90000), Exceptions: make(map[string]morph.Irregular, 6000)},
		related: make(map[string]string, 80000),
		phrases: make(map[[2]string][]phrase, 40000),
	}
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := t.add(line); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
	}
	t.inflections = make(map[string][]string, len(t.lex.Exceptions))
	for f, irr := range t.lex.Exceptions {
		if b := t.lex.Lemma(f); b != f && slices.Contains(irr.Bases, b) {
			t.inflections[b] = append(t.inflections[b], f)
		}
	}
	for _, fs := range t.inflections {
		sort.Strings(fs)
	}
	t.addNewsParaphrases()
	for _, ps := range t.phrases {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	return t, nil
}

// add reads one line of the table.
func (t *table) add(line string) error {
	kind, rest, _ := strings.Cut(line, "\t")
	f1, rest, ok1 := strings.Cut(rest, "\t")
	f2, f3, ok2 := strings.Cut(rest, "\t")
	if !ok1 || ok2 != (kind == "L" || kind == "X") || strings.Contains(f3, "\t") {
		return fmt.Errorf("a %q line with the wrong number of fields", kind)
	}
	switch kind {
	case "L":
		e, err := parseEntry(f2, f3)
		if err != nil {
			return fmt.Errorf("lemma %q: %w", f1, err)
		}
		t.lex.Lemmas[f1] = e
	case "X":
		t.lex.Exceptions[f1] = morph.Irregular{POS: morph.ParsePOS(f2), Bases: strings.Split(f3, " ")}
	case "P":
		words := strings.Split(f1, " ")
		if len(words) < 2 {
			return fmt.Errorf("expression %q of one word", f1)
		}
		k := [2]string{words[0], words[1]}
		t.phrases[k] = append(t.phrases[k], phrase{words, rest})
	case "R":
		// Read on lookup: parsing a quarter of a million terms here
		// would make loading a third slower and the table 12 MB larger.
		if rest == "" {
			return fmt.Errorf("no terms related to %q", f1)
		}
		t.related[f1] = rest
	default:
		return fmt.Errorf("unknown line kind %q", kind)
	}
	return nil
}

// parseEntry reads a lemma's parts of speech ("nv", "*n" for a proper
// name) and its counts ("12,3" for those parts in order; empty for none).
func parseEntry(pos, counts string) (morph.Entry, error) {
	e := morph.Entry{POS: morph.ParsePOS(pos), Proper: strings.HasPrefix(pos, "*")}
	if counts == "" {
		return e, nil
	}
	for i := 0; i < len(morph.Letters); i++ {
		if e.POS&(1<<i) == 0 {
			continue
		}
		c, rest, _ := strings.Cut(counts, ",")
		n, err := strconv.Atoi(c)
		if err != nil {
			return e, fmt.Errorf("bad counts %q", counts)
		}
		e.Counts[i], counts = n, rest
	}
	if counts != "" {
		return e, fmt.Errorf("more counts than parts of speech")
	}
	return e, nil
}

// parseTerms reads a lemma's related terms: "term:rel:weight%" joined by
// commas.
func parseTerms(s string) ([]Term, error) {
	terms := make([]Term, 0, strings.Count(s, ",")+1)
	for p := range strings.SplitSeq(s, ",") {
		t, err := parseTerm(p)
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
	}
	return terms, nil
}

// parseTerm reads "word:rel:weight%", rel being s, d, p or n.
func parseTerm(s string) (Term, error) {
	w, rest, ok1 := strings.Cut(s, ":")
	r, pct, ok2 := strings.Cut(rest, ":")
	if !ok1 || !ok2 || len(r) != 1 {
		return Term{}, fmt.Errorf("bad term %q", s)
	}
	var rel Relation
	switch r[0] {
	case 's':
		rel = Synonym
	case 'd':
		rel = Derived
	case 'p':
		rel = Pertainym
	case 'n':
		rel = Narrower
	default:
		return Term{}, fmt.Errorf("bad relation in %q", s)
	}
	n, err := strconv.Atoi(pct)
	if err != nil || n <= 0 || n >= 100 {
		return Term{}, fmt.Errorf("bad weight in %q", s)
	}
	return Term{Word: w, Rel: rel, Weight: float64(n) / 100}, nil
}
