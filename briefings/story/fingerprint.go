// Package story finds the articles that report one event: it fingerprints
// each article's text by its hashed word shingles and groups articles
// whose fingerprints overlap, helped by the people they name and their
// dates. It knows nothing of the engine; the engine feeds it what it
// extracted from each article.
package story

import (
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
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

// Fingerprint is the set of an article's shingle hashes, ascending, at
// most maxShingles of them.
type Fingerprint []uint32

// Of fingerprints the sentences of an article. Shingles never cross a
// sentence boundary, so two articles that put the same sentences in
// another order still match.
func Of(sentences []string) Fingerprint {
	var all []uint32
	h := fnv.New32a()
	for _, s := range sentences {
		w := text.Words(s)
		for i := 0; i+shingleWords <= len(w); i++ {
			h.Reset()
			for _, x := range w[i : i+shingleWords] {
				h.Write([]byte(x))
				h.Write([]byte{0})
			}
			all = append(all, h.Sum32())
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	if len(all) > maxShingles {
		all = all[:maxShingles]
	}
	return Fingerprint(slices.Clip(all))
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
