package briefings

// This file lets a reload take an unchanged file's parsed text from the
// engine it replaces instead of parsing it again.

import (
	"crypto/sha256"
	"slices"

	"github.com/briefbot/briefbot/briefings/text"
)

// parsedFile names a file's contents: its id and the hash of its bytes.
type parsedFile struct {
	id  string
	sum [sha256.Size]byte
}

// parsedFiles are the previous engine's documents by the file they were
// read from.
type parsedFiles map[parsedFile]*document

func newParsedFiles(prev *Engine) parsedFiles {
	if prev == nil {
		return nil
	}
	out := make(parsedFiles, len(prev.docs))
	for _, d := range prev.docs {
		out[parsedFile{d.file, d.sum}] = d
	}
	return out
}

// reuse returns a new document for the file as parsed before, with its
// metadata as read (before curation), and the warning reading gave; nil
// when the file was not read before with these bytes.
func (pf parsedFiles) reuse(id string, sum [sha256.Size]byte) (*document, string) {
	d := pf[parsedFile{id, sum}]
	if d == nil {
		return nil, ""
	}
	meta := cloneMeta(d.parsedMeta)
	// paragraphs are never changed once parsed, so they and their
	// lower-case text are shared
	return &document{Doc: &text.Doc{ID: d.ID, Meta: meta, Paragraphs: d.Paragraphs},
		low: d.low, sum: sum, file: id, parsedMeta: d.parsedMeta, readWarn: d.readWarn}, d.readWarn
}

// cloneMeta copies m, so that curating one document's metadata cannot
// change another's.
func cloneMeta(m text.Meta) text.Meta {
	m.Tags = slices.Clone(m.Tags) // nil stays nil: the metadata is hashed
	m.Ignored = slices.Clone(m.Ignored)
	return m
}
