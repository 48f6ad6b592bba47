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
// read from, in part order.
type parsedFiles map[parsedFile][]*document

func newParsedFiles(prev *Engine) parsedFiles {
	if prev == nil {
		return nil
	}
	out := make(parsedFiles, len(prev.docs))
	for _, d := range prev.docs {
		k := parsedFile{d.file, d.sum}
		out[k] = append(out[k], d)
	}
	return out
}

// reuse returns new documents for the file's parts as parsed before, with
// their metadata as read (before curation), and the warning reading gave;
// nil when the file was not read before with these bytes.
func (pf parsedFiles) reuse(id string, sum [sha256.Size]byte) ([]*document, string) {
	old := pf[parsedFile{id, sum}]
	if len(old) == 0 {
		return nil, ""
	}
	out := make([]*document, len(old))
	for i, d := range old {
		meta := cloneMeta(d.parsedMeta)
		// paragraphs are never changed once parsed, so they are shared
		out[i] = &document{Doc: &text.Doc{ID: d.ID, Meta: meta, Paragraphs: d.Paragraphs},
			sum: sum, file: id, parsedMeta: d.parsedMeta, readWarn: d.readWarn}
	}
	return out, old[0].readWarn
}

// cloneMeta copies m, so that curating one document's metadata cannot
// change another's.
func cloneMeta(m text.Meta) text.Meta {
	m.Tags = slices.Clone(m.Tags) // nil stays nil: the metadata is hashed
	m.Ignored = slices.Clone(m.Ignored)
	return m
}
