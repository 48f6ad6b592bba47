package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	code, out, errs := runCLI(t, "", "check")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"corpus: embedded\n", "documents: 6\n", "people: ", "organisations: ", "quotes: ", "figures: "} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("http:\n  addr: \"127.0.0.1:0\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "check", "--config", good)
	if code != exitOK || !strings.Contains(out, "is valid") || !strings.Contains(out, "documents: 6") {
		t.Errorf("good config: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("htp:\n  addr: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, "", "check", "--config", bad)
	if code != exitUsage || !strings.Contains(errs, "htp") {
		t.Errorf("bad config: exit %d, stderr %q", code, errs)
	}
}

func TestDigestCommand(t *testing.T) {
	code, out, errs := runCLI(t, "", "digest", "--since", "2025-01-01")
	if code != exitOK || !strings.Contains(out, "What's new: 1 article") || !strings.Contains(out, "French police admit struggling") {
		t.Errorf("exit %d, stderr %q\n%s", code, errs, out)
	}
	code, out, _ = runCLI(t, "", "digest", "--since", "2030-01-01")
	if code != exitOK || !strings.HasPrefix(out, "Spotlight: ") {
		t.Errorf("nothing new: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{{"digest", "--since", "yesterday"}, {"digest", "extra"}, {"digest", "--format", "pdf"}} {
		if code, _, errs := runCLI(t, "", args...); code != exitUsage || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestChat(t *testing.T) {
	code, out, errs := runCLI(t, "/who cazeneuve\n\n/stats 2025\n/quit\n/help\n", "chat")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(out, "> ") {
		t.Errorf("prompted without a terminal:\n%s", out)
	}
	if !strings.Contains(out, "Figures for 2025") || strings.Contains(out, "What I can do") {
		t.Errorf("chat output:\n%s", out)
	}
	if code, _, _ := runCLI(t, "", "chat", "stray"); code != exitUsage {
		t.Errorf("stray argument: exit %d", code)
	}
}
