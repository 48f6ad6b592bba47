package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/golden"
)

// runCLI runs the binary's entry point and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// writeFiles writes each file's text under dir, creating its folders.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkGolden compares got with testdata/name (go test -update rewrites it).
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got))
}

// The golden answers over the embedded corpus: what a chat user reads
// (text) and the public JSON contract.
var askGolden = []struct{ name, msg string }{
	{"who-cazeneuve", "/who cazeneuve"},
	{"who-natasha-bouchart", "/who natasha bouchart"},
	{"who-typo-cazenueve", "/who cazenueve"},
	{"who-unknown", "/who nobody-at-all"},
	{"stats-2025", "/stats 2025"},
	{"stats-2014", "/stats 2014"},
	{"stats-years", "/stats"},
	{"question-fund", "how much will the UK contribute each year?"},
	{"question-ratified", "when was the UK-France deal ratified?"},
	{"sources", "/sources"},
	{"help", "/help"},
	{"digest", "/digest"},
}

func TestAskGolden(t *testing.T) {
	for _, tc := range askGolden {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "ask", tc.msg)
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			checkGolden(t, "ask/"+tc.name+".txt", out)

			code, out, errs = runCLI(t, "", "ask", "--format", "json", tc.msg)
			if code != exitOK || errs != "" {
				t.Fatalf("json: exit %d, stderr %q", code, errs)
			}
			var r briefings.Reply
			if err := json.Unmarshal([]byte(out), &r); err != nil || r.Kind == "" || r.Title == "" {
				t.Fatalf("json reply %q: %v", out, err)
			}
			checkGolden(t, "ask/"+tc.name+".json", out)
		})
	}
}

func TestAskForms(t *testing.T) {
	// The slash, subcommand and plain forms answer alike, and several
	// arguments make one message.
	_, want, _ := runCLI(t, "", "ask", "/who cazeneuve")
	for _, args := range [][]string{
		{"ask", "/brief", "who", "cazeneuve"},
		{"ask", "who", "cazeneuve"},
		{"ask", "--corpus=", "who: cazeneuve"},
	} {
		code, got, errs := runCLI(t, "", args...)
		if code != exitOK || got != want {
			t.Errorf("%q: exit %d, stderr %q, output differs:\n%s", args, code, errs, got)
		}
	}
}

func TestAskPlatformFormats(t *testing.T) {
	for _, f := range []string{"slack", "discord"} {
		t.Run(f, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "ask", "--format", f, "/stats 2025")
			if code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(out), &m); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			key := map[string]string{"slack": "blocks", "discord": "embeds"}[f]
			if _, ok := m[key]; !ok {
				t.Errorf("no %q in %s", key, out)
			}
		})
	}
}

func TestAskUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no message", []string{"ask"}, exitUsage, "no message"},
		{"blank message", []string{"ask", "  "}, exitUsage, "no message"},
		{"unknown flag", []string{"ask", "--colour", "red", "hi"}, exitUsage, "flag provided but not defined"},
		{"bad format", []string{"ask", "--format", "xml", "hi"}, exitUsage, "unknown --format"},
		{"missing corpus", []string{"ask", "--corpus", "testdata/no-such-dir", "hi"}, exitFail, "no-such-dir"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.err) || out != "" {
				t.Errorf("exit %d (want %d), stdout %q, stderr %q (want %q)", code, tc.code, out, errs, tc.err)
			}
			if n := strings.Count(strings.TrimSpace(errs), "\n"); n > 0 {
				t.Errorf("usage error is not one line: %q", errs)
			}
		})
	}
}

func TestAskNotFoundExitsZero(t *testing.T) {
	code, out, _ := runCLI(t, "", "ask", "--format", "json", "/who nobody-at-all")
	var r briefings.Reply
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if code != exitOK || r.Kind != briefings.KindNotFound {
		t.Errorf("exit %d kind %q", code, r.Kind)
	}
}

func TestAskCorpusDir(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/lighthouse.md": "---\ntitle: Lighthouse reopens\npublisher: Coast News\npublished: 2023-04-02\n---\nThe old lighthouse at Dunmore reopened to visitors on Sunday after a two-year restoration.\n",
		"notes.bin":       "\x00\x01\x02binary",
	})
	code, out, errs := runCLI(t, "", "ask", "--corpus", dir, "/sources")
	if code != exitOK || !strings.Contains(out, "Lighthouse reopens · Coast News · 2023-04-02") {
		t.Fatalf("exit %d stderr %q\n%s", code, errs, out)
	}
	code, out, _ = runCLI(t, "", "ask", "--corpus", dir, "when did the lighthouse reopen?")
	if code != exitOK || !strings.Contains(out, "reopened to visitors") {
		t.Errorf("exit %d\n%s", code, out)
	}
	writeFiles(t, dir, map[string]string{"bad.md": "---\ntitle: x\npublished: last tuesday\n---\nText.\n"})
	// A file with a bad value is left out and named; the others answer.
	code, out, errs = runCLI(t, "", "ask", "--corpus", dir, "/sources")
	if code != exitOK || !strings.Contains(errs, "bad.md: line 3") || !strings.Contains(out, "Lighthouse reopens") {
		t.Errorf("bad front matter: exit %d, stderr %q\n%s", code, errs, out)
	}
}
