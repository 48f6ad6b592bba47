package config

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// TestLoadBounded feeds Load files that are too big or produce huge errors:
// each ends at once with a short message that names the file and the key.
func TestLoadBounded(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var unknown strings.Builder
	for i := range 30000 {
		unknown.WriteString("k" + strings.Repeat("x", 20) + string(rune('a'+i%26)) + strconv.Itoa(i) + ": 1\n")
	}
	tests := []struct {
		name    string
		path    string
		wantIn  []string
		maxLen  int
		notWant string
	}{
		{"endless device", "/dev/zero", []string{"/dev/zero is larger than 1024 KiB"}, 300, ""},
		{"file over the cap", write("big.yaml", "# "+strings.Repeat("x", MaxFileSize)+"\n"), []string{"larger than 1024 KiB"}, 400, ""},
		{"huge value", write("value.yaml", "corpus:\n  reload: \""+strings.Repeat("9h", 400000)+"\"\n"), []string{"line 2: corpus.reload:", "is not a duration"}, 400, strings.Repeat("9h", 100)},
		{"huge value in validation", write("addr.yaml", "http:\n  addr: \""+strings.Repeat("a", 500000)+"\"\n"), []string{"http.addr:", "is not host:port"}, 400, strings.Repeat("a", 100)},
		{"thousands of unknown keys", write("keys.yaml", unknown.String()), []string{"unknown key", "and 29980 more problems"}, 20 * 400, ""},
		{"a directory", dir, []string{"is a directory"}, 300, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			_, err := Load(tt.path)
			if err == nil {
				t.Fatal("Load succeeded")
			}
			msg := err.Error()
			for _, w := range tt.wantIn {
				if !strings.Contains(msg, w) {
					t.Errorf("error lacks %q: %.300s", w, msg)
				}
			}
			if n := utf8.RuneCountInString(msg); n > tt.maxLen {
				t.Errorf("error is %d characters, want at most %d: %.300s…", n, tt.maxLen, msg)
			}
			if tt.notWant != "" && strings.Contains(msg, tt.notWant) {
				t.Errorf("error repeats the whole value: %.300s…", msg)
			}
		})
	}
}

// TestLoadContextGivesUpOnABlockedRead reads a FIFO nobody writes to:
// the read blocks, and cancelling the context ends the load.
func TestLoadContextGivesUpOnABlockedRead(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "config.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := LoadContext(ctx, fifo); done <- err }()
	cancel()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "context canceled") {
			t.Fatalf("LoadContext = %v, want the cancellation", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LoadContext still blocked after its context was cancelled")
	}
	// Let the abandoned read finish.
	if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
}
