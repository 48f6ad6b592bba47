package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/briefings/wordnet/internal/morph"
)

// posFiles names WordNet's database files by part of speech, in the order
// senses are listed.
var posFiles = []struct {
	letter byte
	pos    morph.POS
	name   string
}{
	{'n', morph.Noun, "noun"}, {'v', morph.Verb, "verb"}, {'a', morph.Adj, "adj"}, {'r', morph.Adv, "adv"},
}

// synsetID names a synset: its part of speech (satellites count as
// adjectives) and its byte offset in that part's data file.
type synsetID struct {
	pos    byte
	offset int
}

// word is one member of a synset, lower-cased with spaces for WordNet's
// underscores; proper says WordNet writes it with a capital.
type word struct {
	lemma  string
	proper bool
}

// pointer is a lexical relation from one member of a synset to one member
// of another (derivation, pertainym). Members are numbered from 1.
type pointer struct {
	symbol   string
	target   synsetID
	src, dst int
}

// synset is a set of synonyms and the lexical pointers leaving it.
type synset struct {
	words    []word
	pointers []pointer
}

// sense is one meaning of a lemma: its synset and how often it was tagged.
type sense struct {
	id    synsetID
	count int
}

// db is the part of a WordNet database the table is built from.
type db struct {
	synsets    map[synsetID]*synset
	senses     map[string][]sense // lemma -> senses, nouns first, each part in frequency order
	pos        map[string]morph.POS
	exceptions map[string]morph.Irregular
	common     map[string]bool // memo of common()
}

// readDB reads WordNet's index.*, data.*, *.exc and cntlist.rev from dir.
func readDB(dir string) (*db, error) {
	d := &db{
		synsets:    map[synsetID]*synset{},
		senses:     map[string][]sense{},
		pos:        map[string]morph.POS{},
		exceptions: map[string]morph.Irregular{},
		common:     map[string]bool{},
	}
	counts, err := readCounts(filepath.Join(dir, "cntlist.rev"))
	if err != nil {
		return nil, err
	}
	for _, pf := range posFiles {
		if err := d.readData(filepath.Join(dir, "data."+pf.name), pf.letter); err != nil {
			return nil, err
		}
		if err := d.readIndex(filepath.Join(dir, "index."+pf.name), pf.letter, pf.pos, counts); err != nil {
			return nil, err
		}
		if err := d.readExceptions(filepath.Join(dir, pf.name+".exc"), pf.pos); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// eachLine calls fn with the fields of every line of a database file that
// is not part of its licence header (those lines start with a space).
func eachLine(path string, fn func(line string, fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("wordnet database: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if err := fn(line, strings.Fields(line)); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

// senseKey names a lemma's n-th sense in one part of speech.
type senseKey struct {
	lemma string
	pos   byte
	n     int
}

// readCounts reads cntlist.rev: "lemma%ss_type:... sense_number tag_count".
func readCounts(path string) (map[senseKey]int, error) {
	counts := map[senseKey]int{}
	ssType := map[byte]byte{'1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a'}
	err := eachLine(path, func(_ string, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields, got %d", len(f))
		}
		lemma, rest, ok := strings.Cut(f[0], "%")
		if !ok || rest == "" {
			return fmt.Errorf("bad sense key %q", f[0])
		}
		n, err1 := strconv.Atoi(f[1])
		c, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad numbers in %q", strings.Join(f, " "))
		}
		counts[senseKey{strings.ReplaceAll(lemma, "_", " "), ssType[rest[0]], n}] += c
		return nil
	})
	return counts, err
}

// readIndex reads index.POS: "lemma pos synset_cnt p_cnt ptr... sense_cnt
// tagsense_cnt offset...", offsets in frequency order.
func (d *db) readIndex(path string, letter byte, pos morph.POS, counts map[senseKey]int) error {
	return eachLine(path, func(_ string, f []string) error {
		if len(f) < 6 {
			return fmt.Errorf("short index line")
		}
		lemma := strings.ReplaceAll(f[0], "_", " ")
		nsyn, err1 := strconv.Atoi(f[2])
		nptr, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || len(f) != 6+nptr+nsyn {
			return fmt.Errorf("bad index line for %q", f[0])
		}
		d.pos[lemma] |= pos
		for i, off := range f[6+nptr:] {
			o, err := strconv.Atoi(off)
			if err != nil {
				return fmt.Errorf("bad offset %q", off)
			}
			id := synsetID{letter, o}
			if d.synsets[id] == nil {
				return fmt.Errorf("%q names missing synset %d", f[0], o)
			}
			d.senses[lemma] = append(d.senses[lemma], sense{id, counts[senseKey{lemma, letter, i + 1}]})
		}
		return nil
	})
}

// readData reads data.POS: "offset lex_filenum ss_type w_cnt(hex) [word
// lex_id]... p_cnt [symbol offset pos src/dst(hex)]... | gloss".
func (d *db) readData(path string, letter byte) error {
	return eachLine(path, func(line string, f []string) error {
		if i := strings.Index(line, " | "); i >= 0 {
			f = strings.Fields(line[:i])
		}
		if len(f) < 5 {
			return fmt.Errorf("short data line")
		}
		off, err := strconv.Atoi(f[0])
		if err != nil {
			return fmt.Errorf("bad offset %q", f[0])
		}
		nw, err := strconv.ParseInt(f[3], 16, 0)
		if err != nil || len(f) < 5+2*int(nw) {
			return fmt.Errorf("bad word count at %d", off)
		}
		s := &synset{}
		for i := 0; i < int(nw); i++ {
			w := f[4+2*i]
			if j := strings.IndexByte(w, '('); j > 0 { // adjective markers: (a), (p), (ip)
				w = w[:j]
			}
			s.words = append(s.words, word{
				lemma:  strings.ToLower(strings.ReplaceAll(w, "_", " ")),
				proper: strings.ToLower(w) != w,
			})
		}
		p := 4 + 2*int(nw)
		np, err := strconv.Atoi(f[p])
		if err != nil || len(f) < p+1+4*np {
			return fmt.Errorf("bad pointer count at %d", off)
		}
		for i := 0; i < np; i++ {
			q := f[p+1+4*i : p+5+4*i]
			to, err1 := strconv.Atoi(q[1])
			st, err2 := strconv.ParseUint(q[3], 16, 16)
			if err1 != nil || err2 != nil || len(q[2]) != 1 {
				return fmt.Errorf("bad pointer at %d", off)
			}
			tpos := q[2][0]
			if tpos == 's' {
				tpos = 'a'
			}
			s.pointers = append(s.pointers, pointer{q[0], synsetID{tpos, to}, int(st >> 8), int(st & 0xff)})
		}
		d.synsets[synsetID{letter, off}] = s
		return nil
	})
}

// readExceptions reads POS.exc: "inflected base...".
func (d *db) readExceptions(path string, pos morph.POS) error {
	return eachLine(path, func(_ string, f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("exception without a base")
		}
		form := strings.ReplaceAll(f[0], "_", " ")
		irr := d.exceptions[form]
		irr.POS |= pos
		for _, b := range f[1:] {
			b = strings.ReplaceAll(b, "_", " ")
			if !slices.Contains(irr.Bases, b) {
				irr.Bases = append(irr.Bases, b)
			}
		}
		d.exceptions[form] = irr
		return nil
	})
}
