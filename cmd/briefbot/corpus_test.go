package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadCachedEngineLogsWhereTheIndexIs: the log says whether the
// search index is kept on disk, and why not when it cannot be.
func TestLoadCachedEngineLogsWhereTheIndexIs(t *testing.T) {
	corpus := t.TempDir()
	article := "---\ntitle: Ferries\npublished: 2014-11-05\n---\nThe ferry left Calais on Tuesday, the port said.\n"
	if err := os.WriteFile(filepath.Join(corpus, "ferries.md"), []byte(article), 0o600); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(t.TempDir(), "plain-file")
	if err := os.WriteFile(plain, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, indexDir, want string
	}{
		{"kept", filepath.Join(t.TempDir(), "index"), "search index kept on disk"},
		{"unwritable", filepath.Join(plain, "index"), "search index not kept on disk; built in memory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			log := slog.New(slog.NewTextHandler(&out, nil))
			e, err := loadCachedEngine(context.Background(), corpus, tt.indexDir, nil, log)
			if err != nil {
				t.Fatal(err)
			}
			if e.Counts().Documents != 1 {
				t.Errorf("%d documents, want 1", e.Counts().Documents)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("log does not say %q:\n%s", tt.want, out.String())
			}
		})
	}
}
