package briefings

// This file holds the extraction of the embedded corpus prepared when the
// code is generated, so a process serving that corpus starts without
// running the extractors. TestPreparedExtractionsAreFresh fails when the
// prepared data no longer equals what the extractors find.

//go:generate go run ./internal/prepare -out corpus/extractions.dat

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"sync"

	"github.com/briefbot/briefbot/briefings/corpus"
)

// preparedVersion stands for the extractor version in the keys of prepared
// extractions. Unlike ExtractorVersion it does not change with the build:
// the freshness test, not the key, ties the data to the extractors.
const preparedVersion = "prepared/schema" + extractionSchema

// PrepareExtractions extracts every article of the corpus under root in
// fsys and returns the extractions as Default reads them: cache entries
// (see encodeExtraction) in corpus order, each followed by a newline.
func PrepareExtractions(fsys fs.FS, root string) ([]byte, error) {
	e, err := Load(fsys, root)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	for _, d := range e.docs {
		if !d.extracted {
			return nil, fmt.Errorf("%s: extraction failed: %v", d.ID, e.warnings)
		}
		blob, err := encodeExtraction(extractionKey(preparedVersion, d.Doc, d.sum), d.x)
		if err != nil {
			return nil, err
		}
		out.Write(blob)
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

// preparedCache is a read-only ExtractionCache over prepared extractions.
type preparedCache map[string][]byte

var _ ExtractionCache = preparedCache(nil)

func (c preparedCache) GetExtractions(_ context.Context, keys []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(keys))
	for _, k := range keys {
		if blob, ok := c[k]; ok {
			out[k] = blob
		}
	}
	return out, nil
}

func (preparedCache) PutExtractions(context.Context, map[string][]byte) error { return nil }

// parsePrepared splits PrepareExtractions' output into its entries. An
// entry is four lines: the magic, the key, the checksum and the JSON
// payload (which holds no raw newline). Entries are checked when read,
// like any cache entry, so a damaged one is extracted again.
func parsePrepared(data []byte) (preparedCache, error) {
	c := preparedCache{}
	magic := []byte(blobMagic)
	for len(data) > 0 {
		if !bytes.HasPrefix(data, magic) {
			return nil, fmt.Errorf("%w: prepared entry %d has no header", errBadBlob, len(c)+1)
		}
		end := len(magic)
		for range 3 { // key, checksum, payload
			i := bytes.IndexByte(data[end:], '\n')
			if i < 0 {
				return nil, fmt.Errorf("%w: prepared entry %d is truncated", errBadBlob, len(c)+1)
			}
			end += i + 1
		}
		blob := data[:end-1]
		key, _, _ := bytes.Cut(blob[len(magic):], []byte{'\n'})
		c[string(key)] = blob
		data = data[end:]
	}
	return c, nil
}

// embeddedPrepared is the embedded corpus's prepared extractions; empty
// when they cannot be read, so the corpus is extracted at load instead.
var embeddedPrepared = sync.OnceValue(func() preparedCache {
	c, err := parsePrepared(corpus.Extractions)
	if err != nil {
		return preparedCache{}
	}
	return c
})
