package briefings

// This file holds the per-article extraction unit: what the extractors
// find in one article, its key, its serialised form for the extraction
// cache, and a deep copy so a reload can reuse an unchanged article's
// extraction without sharing what curation later edits in place.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/briefbot/briefbot/briefings/figures"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/quotes"
	"github.com/briefbot/briefbot/briefings/story"
	"github.com/briefbot/briefbot/briefings/text"
)

// extraction is what the extractors find in one article, before curation.
type extraction struct {
	People  *people.DocResult `json:"p"`
	Quotes  []quotes.Quote    `json:"q,omitempty"`
	Figures []figures.Figure  `json:"f,omitempty"`
	// Shingles fingerprint the text, to find the articles that report
	// the same story.
	Shingles story.Fingerprint `json:"s,omitempty"`
}

// extract runs the extractors over one article. It panics when an
// extractor does; the caller recovers.
func extractDoc(d *text.Doc, stage *string) extraction {
	*stage = "people"
	x := extraction{People: people.Extract(d)}
	if x.People == nil {
		x.People = &people.DocResult{}
	}
	*stage = "quote"
	x.Quotes = quotes.Extract(d, x.People)
	*stage = "figure"
	x.Figures = figures.Extract(d)
	*stage = "story"
	x.Shingles = story.Of(sentences(d))
	return x
}

// sentences lists the sentences of an article in reading order.
func sentences(d *text.Doc) []string {
	var out []string
	for _, p := range d.Paragraphs {
		for i := range p.Sentences {
			out = append(out, p.Sentence(i))
		}
	}
	return out
}

// extractionKey names an article's extraction in the cache: a hash of the
// extractor version, the article's id, the hash of its file and its
// metadata as curated (a curated date changes what "last year" means), so
// a changed article, a changed date or a changed extractor misses.
func extractionKey(version string, d *text.Doc, sum [sha256.Size]byte) string {
	meta, _ := json.Marshal(d.Meta) // plain struct: cannot fail
	h := sha256.New()
	for _, part := range [][]byte{[]byte(version), []byte(d.ID), sum[:], meta} {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(part)))
		h.Write(n[:])
		h.Write(part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// blobMagic starts every serialised extraction; a row without it is
// foreign.
const blobMagic = "briefbot-extraction\n"

// errBadBlob is returned for a cache entry that is foreign, truncated,
// corrupt or written for another key; it is rebuilt, never trusted.
var errBadBlob = errors.New("extraction cache entry is not valid")

// encodeExtraction serialises x for the cache entry key: the magic, the
// key, the payload's SHA-256 and the JSON payload. The key inside the
// blob makes an entry stored under the wrong key detectable, and the
// checksum a truncated or altered one.
func encodeExtraction(key string, x extraction) ([]byte, error) {
	payload, err := json.Marshal(x)
	if err != nil {
		return nil, fmt.Errorf("encode extraction: %w", err)
	}
	sum := sha256.Sum256(payload)
	var b bytes.Buffer
	b.Grow(len(blobMagic) + len(key) + 2*sha256.Size + 2 + len(payload))
	b.WriteString(blobMagic)
	b.WriteString(key)
	b.WriteByte('\n')
	b.WriteString(hex.EncodeToString(sum[:]))
	b.WriteByte('\n')
	b.Write(payload)
	return b.Bytes(), nil
}

// decodeExtraction reads a cache entry for key and checks it against the
// article it belongs to: every paragraph, sentence and byte offset must
// fall inside d, so an entry that passed the checksum but describes other
// text cannot make an answer cut a sentence out of range.
func decodeExtraction(key string, blob []byte, d *text.Doc) (extraction, error) {
	var x extraction
	rest, ok := bytes.CutPrefix(blob, []byte(blobMagic))
	if !ok {
		return x, fmt.Errorf("%w: no header", errBadBlob)
	}
	gotKey, rest, ok := bytes.Cut(rest, []byte{'\n'})
	if !ok || string(gotKey) != key {
		return x, fmt.Errorf("%w: written for another key", errBadBlob)
	}
	gotSum, payload, ok := bytes.Cut(rest, []byte{'\n'})
	sum := sha256.Sum256(payload)
	if !ok || string(gotSum) != hex.EncodeToString(sum[:]) {
		return x, fmt.Errorf("%w: checksum mismatch (truncated or altered)", errBadBlob)
	}
	if err := json.Unmarshal(payload, &x); err != nil {
		return extraction{}, fmt.Errorf("%w: %v", errBadBlob, err)
	}
	if x.People == nil {
		return extraction{}, fmt.Errorf("%w: no people result", errBadBlob)
	}
	if err := x.fits(d); err != nil {
		return extraction{}, fmt.Errorf("%w: %v", errBadBlob, err)
	}
	x.People.Entity("") // build the lookup tables now, before sharing
	return x, nil
}

// fits checks that every position x names lies inside d.
func (x extraction) fits(d *text.Doc) error {
	span := func(para, start, end int) bool {
		return para >= 0 && para < len(d.Paragraphs) && start >= 0 && start <= end && end <= len(d.Paragraphs[para].Text)
	}
	sent := func(para, s int) bool {
		return para >= 0 && para < len(d.Paragraphs) && s >= 0 && s < len(d.Paragraphs[para].Sentences)
	}
	for _, m := range x.People.Mentions {
		if !span(m.Para, m.Start, m.End) {
			return fmt.Errorf("mention %q out of range", m.Text)
		}
	}
	for _, e := range x.People.Entities {
		if e == nil {
			return errors.New("empty entity")
		}
		for _, r := range e.Roles {
			if !sent(r.Para, r.Sent) {
				return fmt.Errorf("role %q out of range", r.Title)
			}
		}
	}
	for _, q := range x.Quotes {
		if !span(q.Para, q.Start, q.Start) || q.ParaEnd < q.Para || q.ParaEnd >= len(d.Paragraphs) {
			return errors.New("quote out of range")
		}
	}
	for _, f := range x.Figures {
		if !span(f.Para, f.Start, f.End) || !sent(f.Para, f.Sent) {
			return fmt.Errorf("figure %q out of range", f.Text)
		}
	}
	return nil
}

// clone returns a deep copy of x, so that curation, which edits an
// extraction in place, never reaches the copy another engine serves.
func (x extraction) clone() extraction {
	out := extraction{People: &people.DocResult{}}
	if x.People != nil {
		out.People.Mentions = append([]people.Mention(nil), x.People.Mentions...)
		out.People.Entities = make([]*people.Entity, len(x.People.Entities))
		for i, e := range x.People.Entities {
			c := *e
			c.Aliases = append([]string(nil), e.Aliases...)
			c.Roles = append([]people.Role(nil), e.Roles...)
			out.People.Entities[i] = &c
		}
		out.People.Entity("")
	}
	out.Quotes = append([]quotes.Quote(nil), x.Quotes...)
	out.Figures = make([]figures.Figure, len(x.Figures))
	for i, f := range x.Figures {
		f.Conversions = append([]string(nil), f.Conversions...)
		out.Figures[i] = f
	}
	if len(x.Figures) == 0 {
		out.Figures = nil
	}
	if len(x.Quotes) == 0 {
		out.Quotes = nil
	}
	out.Shingles = x.Shingles // never edited: shared
	return out
}
