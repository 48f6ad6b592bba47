package briefings

// This file keeps the search index on disk between starts (see
// LoadOptions.IndexDir): the index records, with every change, which
// article each passage number came from (its file and the hash of the
// file's bytes), so a start opens it and deletes and adds only the
// passages of articles that changed since, as a reload does in memory.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/briefbot/briefbot/briefings/search"
)

// indexSchema is the version of the passage manifest (see
// encodeManifest). The build's identity is part of the version too: text
// parsed by other code may cut other passages.
const indexSchema = "1"

// manifestMagic starts every manifest; one without it is foreign.
const manifestMagic = "briefbot-index\n"

// errBadManifest is returned for a manifest that is foreign, damaged or
// does not fit the index it is stored in; the index is rebuilt.
var errBadManifest = errors.New("the index's passage record is not valid")

// indexVersion names the code that cut an index's passages.
func indexVersion(o LoadOptions) string {
	v := o.Version
	if v == "" {
		v = ExtractorVersion()
	}
	return "index" + indexSchema + "/" + v
}

// indexedArticle is the run of passage numbers one article's passages hold.
type indexedArticle struct {
	file  string
	sum   [sha256.Size]byte
	first int
	n     int
}

// encodeManifest describes passages (holes included) for the index they
// are numbered in: the magic, the version, the payload's SHA-256, then the
// number of passage numbers used and each article's run of them. It
// returns nil when an article's passages are not one run, which no load
// makes; an index stored with nil meta is rebuilt at the next start.
func encodeManifest(version string, passages []passage) []byte {
	var payload []byte
	payload = binary.AppendUvarint(payload, uint64(len(passages)))
	seen := map[*document]bool{}
	for i := 0; i < len(passages); {
		d := passages[i].doc
		if d == nil {
			i++
			continue
		}
		if seen[d] {
			return nil
		}
		seen[d] = true
		j := i
		for j < len(passages) && passages[j].doc == d {
			j++
		}
		payload = binary.AppendUvarint(payload, uint64(len(d.file)))
		payload = append(payload, d.file...)
		payload = append(payload, d.sum[:]...)
		payload = binary.AppendUvarint(payload, uint64(i))
		payload = binary.AppendUvarint(payload, uint64(j-i))
		i = j
	}
	sum := sha256.Sum256(payload)
	var b bytes.Buffer
	b.WriteString(manifestMagic)
	b.WriteString(version)
	b.WriteByte('\n')
	b.WriteString(hex.EncodeToString(sum[:]))
	b.WriteByte('\n')
	b.Write(payload)
	return b.Bytes()
}

// decodeManifest reads a manifest written by this version for an index of
// indexed passages: the runs must lie inside the numbers used, not
// overlap, and hold indexed passages between them.
func decodeManifest(version string, meta []byte, indexed int) (total int, articles []indexedArticle, err error) {
	rest, ok := bytes.CutPrefix(meta, []byte(manifestMagic))
	if !ok {
		return 0, nil, fmt.Errorf("%w: no header", errBadManifest)
	}
	gotVersion, rest, ok := bytes.Cut(rest, []byte{'\n'})
	if !ok || string(gotVersion) != version {
		return 0, nil, fmt.Errorf("%w: written by another version (%.60s)", errBadManifest, gotVersion)
	}
	gotSum, payload, ok := bytes.Cut(rest, []byte{'\n'})
	sum := sha256.Sum256(payload)
	if !ok || string(gotSum) != hex.EncodeToString(sum[:]) {
		return 0, nil, fmt.Errorf("%w: checksum mismatch", errBadManifest)
	}
	bad := fmt.Errorf("%w: malformed", errBadManifest)
	uvarint := func() (int, bool) {
		v, n := binary.Uvarint(payload)
		if n <= 0 || v > 1<<40 {
			return 0, false
		}
		payload = payload[n:]
		return int(v), true
	}
	total, ok = uvarint()
	if !ok || total > indexed*(maxHoleShare+1)+1 {
		return 0, nil, bad
	}
	used := make([]bool, total)
	count := 0
	for len(payload) > 0 {
		var a indexedArticle
		n, ok := uvarint()
		if !ok || n > len(payload) {
			return 0, nil, bad
		}
		a.file = string(payload[:n])
		payload = payload[n:]
		if len(payload) < sha256.Size {
			return 0, nil, bad
		}
		copy(a.sum[:], payload)
		payload = payload[sha256.Size:]
		var ok1, ok2 bool
		a.first, ok1 = uvarint()
		a.n, ok2 = uvarint()
		if !ok1 || !ok2 || a.n == 0 || a.first+a.n > total {
			return 0, nil, bad
		}
		for i := a.first; i < a.first+a.n; i++ {
			if used[i] {
				return 0, nil, bad
			}
			used[i] = true
		}
		count += a.n
		articles = append(articles, a)
	}
	if count != indexed {
		return 0, nil, fmt.Errorf("%w: it names %d passages, the index holds %d", errBadManifest, count, indexed)
	}
	return total, articles, nil
}

// openIndexDir gives e the index kept under o.IndexDir, brought up to
// date with e's articles, or a new one built there when none is kept or
// the one kept cannot be trusted. It returns nil when no index can be
// kept there at all; e.stats.IndexErr says why, and the caller builds in
// memory.
func (e *Engine) openIndexDir(o LoadOptions) *search.Index {
	version := indexVersion(o)
	e.indexVersion = version
	dir, err := search.LockDir(o.IndexDir)
	if err != nil {
		e.stats.IndexErr = err
		return nil
	}
	kept, meta, err := dir.Open()
	if err == nil {
		idx, err := e.updateKept(kept, meta, version)
		if err == nil {
			e.stats.IndexOnDisk = true
			return idx
		}
		e.stats.IndexErr = fmt.Errorf("index kept in %s rebuilt: %w", dir.Path(), err)
		defer kept.Close() // after the build: the slot stays held
	} else if !errors.Is(err, search.ErrNoIndex) {
		e.stats.IndexErr = fmt.Errorf("index kept in %s rebuilt: %w", dir.Path(), err)
	}
	e.passages = makePassages(e.docs)
	idx, err := dir.Build(passageTexts(e.passages), encodeManifest(version, e.passages))
	if err != nil {
		dir.Release()
		e.stats.IndexErr = fmt.Errorf("search index built in memory: %w", err)
		return nil
	}
	e.stats.IndexOnDisk = true
	return idx
}

// updateKept gives e the passages of the kept index and the index with
// the passages of the articles that changed since deleted and added. It
// fails when the manifest cannot be trusted, or when so many numbers
// would go unused that a rebuild is due.
func (e *Engine) updateKept(kept *search.Index, meta []byte, version string) (*search.Index, error) {
	total, articles, err := decodeManifest(version, meta, kept.Len())
	if err != nil {
		return nil, err
	}
	byFile := make(map[parsedFile]*document, len(e.docs))
	for _, d := range e.docs {
		byFile[parsedFile{d.file, d.sum}] = d
	}
	passages := make([]passage, total)
	var del []int
	reused := map[*document]bool{}
	for _, a := range articles {
		d := byFile[parsedFile{a.file, a.sum}]
		var ps []passage
		if d != nil && !reused[d] {
			ps = makePassages([]*document{d})
		}
		if len(ps) != a.n {
			// gone, changed, or cut otherwise: its numbers are freed
			for i := a.first; i < a.first+a.n; i++ {
				del = append(del, i)
			}
			continue
		}
		reused[d] = true
		copy(passages[a.first:], ps)
	}
	var added []*document
	for _, d := range e.docs {
		if !reused[d] {
			added = append(added, d)
		}
	}
	fresh := makePassages(added)
	holes := total
	for _, a := range articles {
		holes -= a.n
	}
	holes += len(del)
	if holes*maxHoleShare > total+len(fresh) {
		return nil, fmt.Errorf("%d of %d passage numbers unused", holes, total+len(fresh))
	}
	passages = append(passages, fresh...)
	e.stats.IndexReused = len(reused)
	if len(del) == 0 && len(fresh) == 0 {
		e.passages = passages
		return kept, nil
	}
	idx, err := kept.Update(del, passageTexts(fresh), total, encodeManifest(version, passages))
	if err != nil {
		return nil, err
	}
	kept.Close() // its storage stays open for idx
	e.passages = passages
	return idx, nil
}
