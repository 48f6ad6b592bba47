// Package story finds the articles that report one event: it fingerprints
// each article's text by its hashed word shingles and groups articles
// whose fingerprints overlap, helped by the people they name and their
// dates. It knows nothing of the engine; the engine feeds it what it
// extracted from each article.
package story

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"slices"

	"github.com/briefbot/briefbot/briefings/text"
)

// Fingerprinting.
const (
	// shingleWords is the length of a shingle: five words in a row are
	// rare enough to mark a shared passage, short enough to survive an
	// outlet's light edits around it.
	shingleWords = 5
	// maxShingles bounds a fingerprint. The smallest hashes are kept (a
	// bottom-k sketch): the same choice in every article, so a passage two
	// long articles share is still seen in both sketches.
	maxShingles = 400
)

var errBadFingerprint = errors.New("story: fingerprint is not a sorted list of 32-bit hashes")

// Fingerprint is the set of an article's shingle hashes, ascending, at
// most maxShingles of them.
type Fingerprint []uint32

// Of fingerprints the sentences of an article. Shingles never cross a
// sentence boundary, so two articles that put the same sentences in
// another order still match.
func Of(sentences []string) Fingerprint {
	var all, words []uint32
	for _, s := range sentences {
		words = words[:0]
		for _, w := range text.Words(s) {
			words = append(words, fnv32(fnvOffset32, w))
		}
		for i := 0; i+shingleWords <= len(words); i++ {
			h := uint32(fnvOffset32)
			for _, w := range words[i : i+shingleWords] {
				h = (h ^ w) * fnvPrime32
			}
			all = append(all, h)
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	if len(all) > maxShingles {
		all = all[:maxShingles]
	}
	return Fingerprint(slices.Clip(all))
}

// FNV-1a's 32-bit constants: words are hashed once, then each run of
// shingleWords word hashes into a shingle.
const (
	fnvOffset32 = 2166136261
	fnvPrime32  = 16777619
)

// fnv32 continues an FNV-1a hash h over the bytes of s.
func fnv32(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime32
	}
	return h
}

// MarshalJSON writes the hashes as base64 of their little-endian bytes: a
// fingerprint is stored with every cached extraction, and a list of
// decimal numbers would be three times its size.
func (f Fingerprint) MarshalJSON() ([]byte, error) {
	b := make([]byte, 4*len(f))
	for i, h := range f {
		binary.LittleEndian.PutUint32(b[4*i:], h)
	}
	return json.Marshal(b)
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (f *Fingerprint) UnmarshalJSON(data []byte) error {
	var b []byte
	if err := json.Unmarshal(data, &b); err != nil {
		return err
	}
	if len(b)%4 != 0 {
		return errBadFingerprint
	}
	out := make(Fingerprint, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	if !slices.IsSorted(out) {
		return errBadFingerprint
	}
	*f = out
	return nil
}
