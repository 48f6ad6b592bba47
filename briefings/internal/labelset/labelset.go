// Package labelset reads the hand-labelled extraction set under
// briefings/testdata/extraction for the extractors' scoring tests: the
// label files and the documents their ids name.
package labelset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/briefings/text"
	"gopkg.in/yaml.v3"
)

// Root is the briefings directory as seen from an extractor package
// (briefings/people, briefings/quotes, briefings/figures).
const Root = ".."

// Load reads a label file: a map from document id to its labels.
func Load[T any](t testing.TB, path string) map[string][]T {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read labels: %v", err)
	}
	var labels map[string][]T
	if err := yaml.Unmarshal(raw, &labels); err != nil {
		t.Fatalf("parse labels %s: %v", path, err)
	}
	return labels
}

// File is the path of a label file of the shared set ("people.yaml").
func File(name string) string {
	return filepath.Join(Root, "testdata", "extraction", name)
}

// Doc parses the document a label id names: corpus/NAME is the embedded
// corpus's NAME.md, bbc/CAT/ID the copy under testdata/extraction/bbc.
func Doc(t testing.TB, id string) *text.Doc {
	t.Helper()
	var path string
	switch {
	case strings.HasPrefix(id, "corpus/"):
		path = filepath.Join(Root, "corpus", strings.TrimPrefix(id, "corpus/")+".md")
	case strings.HasPrefix(id, "bbc/"):
		path = filepath.Join(Root, "testdata", "extraction", id+".md")
	default:
		t.Fatalf("label id %q: want corpus/... or bbc/...", id)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	d, err := text.Parse(id, raw)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return d
}
