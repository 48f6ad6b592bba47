package briefings

// This file defines the extraction cache the engine reads and fills at
// load (the store implements it), and the extractor version its keys
// carry.

import (
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"time"
)

// ExtractionCache keeps each article's extraction under an opaque key (a
// hash of the extractor version and the article), so a start or a reload
// extracts only what no process extracted before. Entries are immutable:
// a key always names the same bytes, so two writers of one key agree.
// The engine checks every entry it reads and extracts again when one is
// not valid; the cache needs to be reachable, not trusted.
type ExtractionCache interface {
	// GetExtractions returns the entries stored under keys; a key that
	// is not stored is absent from the map.
	GetExtractions(ctx context.Context, keys []string) (map[string][]byte, error)
	// PutExtractions stores entries; a key stored already is left as it is.
	PutExtractions(ctx context.Context, entries map[string][]byte) error
}

// ExtractionPruner is an ExtractionCache that can forget entries: those of
// articles that changed or left the corpus, and of other extractor
// versions, which no load will ask for again.
type ExtractionPruner interface {
	ExtractionCache
	// PruneExtractions removes the entries written before cutoff whose
	// key is not in keep and reports how many.
	PruneExtractions(ctx context.Context, keep []string, cutoff time.Time) (int64, error)
}

// extractionSchema is the version of the serialised extraction (see
// encodeExtraction). Change it when the form of the stored data changes;
// changes to extraction code are covered by ExtractorVersion's build part.
const extractionSchema = "2"

// ExtractorVersion names the extraction code of this binary; it is part of
// every cache key, so a binary with other extraction code never reads this
// one's entries. It is the schema version and the build's identity, the
// first known of:
//   - the VCS revision the binary was built from, when the work tree was
//     clean: replicas built from one commit share their cache, even when
//     built on different machines;
//   - the Go build ID of the executable, which changes with any change to
//     the code linked into it;
//   - the SHA-256 of the executable file.
//
// Deriving it from the build, not from a constant kept by hand, means a
// change to an extractor cannot be forgotten; the price is that any
// change to the binary starts a fresh cache.
func ExtractorVersion() string { return extractorVersion() }

var extractorVersion = sync.OnceValue(func() string {
	return "schema" + extractionSchema + "/" + buildIdentity()
})

func buildIdentity() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev string
		modified := true
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified, _ = strconv.ParseBool(s.Value)
			}
		}
		if rev != "" && !modified {
			return "vcs:" + rev + "/" + bi.GoVersion
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "unknown:" + strconv.Itoa(os.Getpid()) // never matches another process
	}
	if id := goBuildID(exe); id != "" {
		return "buildid:" + id
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown:" + strconv.Itoa(os.Getpid())
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown:" + strconv.Itoa(os.Getpid())
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// goBuildID reads the Go build ID note of an ELF executable; "" when it
// has none.
func goBuildID(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	data, err := s.Data()
	if err != nil || len(data) < 16 {
		return ""
	}
	// An ELF note: name size, description size, type, then the name
	// ("Go\0\0") and the description (the build ID), each 4-byte aligned.
	nameSize := f.ByteOrder.Uint32(data[0:4])
	descSize := f.ByteOrder.Uint32(data[4:8])
	start := 12 + (uint64(nameSize)+3)&^3
	end := start + uint64(descSize)
	if end > uint64(len(data)) {
		return ""
	}
	return string(data[start:end])
}
