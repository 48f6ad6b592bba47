package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// e2eRun runs the binary with args and env (nil: e2eEnv()), waits up to
// within, and returns its exit code (-1 when it had to be killed), stdout
// and stderr.
func e2eRun(t *testing.T, within time.Duration, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(e2eBinary(t), args...)
	if env == nil {
		env = e2eEnv()
	}
	cmd.Env = env
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
		return cmd.ProcessState.ExitCode(), out.String(), errs.String()
	case <-time.After(within):
		cmd.Process.Kill()
		<-done
		return -1, out.String(), errs.String()
	}
}

// TestE2ECheckBoundedConfig: an endless or oversized config file ends
// check at once with a short, clear error and exit 2.
func TestE2ECheckBoundedConfig(t *testing.T) {
	e2eBinary(t)
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, []byte("http:\n  addr: \""+strings.Repeat("x", 3<<20)+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", big} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			start := time.Now()
			code, _, errs := e2eRun(t, 10*time.Second, nil, "check", "--config", path)
			if code != exitUsage || !strings.Contains(errs, "larger than 1024 KiB") {
				t.Fatalf("exit %d after %v, stderr %.300q", code, time.Since(start), errs)
			}
			if len(errs) > 400 {
				t.Errorf("error is %d bytes: %.300q", len(errs), errs)
			}
		})
	}
}

// TestE2ECheckConfigSignal: SIGTERM while check waits on a config file
// that never ends (a FIFO nobody writes) stops it at once.
func TestE2ECheckConfigSignal(t *testing.T) {
	bin := e2eBinary(t)
	fifo := filepath.Join(t.TempDir(), "config.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	cmd := exec.Command(bin, "check", "--config", fifo)
	cmd.Env = e2eEnv()
	var errs bytes.Buffer
	cmd.Stderr = &errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	// A FIFO opens for writing without blocking only once a reader has
	// it open: then check is reading its config, past its signal set-up.
	// The write end stays open so that the read blocks until the signal.
	writer := openFIFOWriter(t, fifo, done)
	defer writer.Close()
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatal("check ignored SIGTERM while reading its config")
	}
	if code := cmd.ProcessState.ExitCode(); code == 0 || !strings.Contains(errs.String(), "config") {
		t.Errorf("exit %d, stderr %q", code, errs.String())
	}
}

// openFIFOWriter opens the FIFO's write end as soon as a reader holds it,
// polling briefly; it fails the test if the process exits first.
func openFIFOWriter(t *testing.T, fifo string, exited <-chan struct{}) *os.File {
	t.Helper()
	for {
		f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err == nil {
			return f
		}
		select {
		case <-exited:
			t.Fatalf("check exited before reading its config: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// TestE2EExampleConfig checks config.example.yaml copied as is, with no
// token in the environment: check finds it valid and asks for no variable,
// and serve starts (on the console, since no platform is on).
func TestE2EExampleConfig(t *testing.T) {
	e2eBinary(t)
	dir := t.TempDir()
	raw, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	addr := e2eFreeAddr(t)
	text := strings.Replace(string(raw), `addr: "127.0.0.1:8080"`, `addr: "`+addr+`"`, 1)
	text = strings.Replace(text, `dsn: "briefbot.db"`, `dsn: "`+filepath.Join(dir, "briefbot.db")+`"`, 1)
	cfg := e2eWriteConfig(t, dir, "config.yaml", text)
	var env []string
	for _, kv := range e2eEnv() {
		if !strings.HasPrefix(kv, "SLACK_") && !strings.HasPrefix(kv, "DISCORD_") {
			env = append(env, kv)
		}
	}
	code, out, errs := e2eRun(t, 30*time.Second, env, "check", "--config", cfg)
	if code != exitOK || !strings.Contains(out, "is valid") || strings.Contains(out, "is not set") {
		t.Fatalf("check: exit %d\n%s\n%s", code, out, errs)
	}
	p := e2eStart(t, "serve", cfg, addr, env)
	if code, _ := p.stop(syscall.SIGTERM, 10*time.Second); code != 0 {
		t.Errorf("serve with the example exited %d\n%s", code, p.tail(20))
	}
}

// TestE2ECLI runs the command line as a newcomer would: typos, flags after
// the message, version, help and unknown commands.
func TestE2ECLI(t *testing.T) {
	e2eBinary(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string // in stdout
		wantErr  []string // in stderr
		notOut   []string
	}{
		{"typo in a command", []string{"ask", "/whoo cazeneuve"}, exitOK, []string{"Did you mean /who cazeneuve?"}, nil, []string{"couldn't find"}},
		{"flags after the message", []string{"ask", "/who cazeneuve", "--format", "json"}, exitOK, []string{`"kind": "who"`, `"title": "Bernard Cazeneuve"`}, nil, []string{"--format"}},
		{"-- ends the flags", []string{"ask", "--format", "json", "--", "/who", "--format"}, exitOK, []string{`"kind": "notfound"`}, nil, nil},
		{"unknown flag after the message", []string{"ask", "/who cazeneuve", "--colour"}, exitUsage, nil, []string{"flag provided but not defined: -colour", "usage: briefbot ask"}, nil},
		{"sources of a year", []string{"ask", "/sources 2014"}, exitOK, []string{"Sources from 2014", "4 articles from 2014, of 6 articles"}, nil, []string{"2021", "2025-09"}},
		{"digest since a day with nothing new", []string{"digest", "--since", "2030-01-01"}, exitOK, []string{"Nothing was published on or after 2030-01-01"}, nil, []string{"since the last digest"}},
		{"version", []string{"version"}, exitOK, []string{"briefbot ", " go1."}, nil, nil},
		{"--version", []string{"--version"}, exitOK, []string{"briefbot "}, nil, nil},
		{"unknown command", []string{"frobnicate"}, exitUsage, nil, []string{`unknown command "frobnicate"`, "ask, chat, serve, digest, check, healthcheck, version, help"}, nil},
		{"misspelt command", []string{"chekc"}, exitUsage, nil, []string{"did you mean check?"}, nil},
		{"help", []string{"help"}, exitOK, []string{"healthcheck", "version", "--help"}, nil, nil},
	}
	for _, cmd := range []string{"ask", "chat", "serve", "digest", "check", "healthcheck", "version"} {
		tests = append(tests, struct {
			name     string
			args     []string
			wantCode int
			wantOut  []string
			wantErr  []string
			notOut   []string
		}{cmd + " --help", []string{cmd, "--help"}, exitOK, []string{"usage: briefbot " + cmd}, nil, nil})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := e2eRun(t, 60*time.Second, nil, tt.args...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d\nstdout: %.500s\nstderr: %.500s", code, tt.wantCode, out, errs)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%.800s", w, out)
				}
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%.800s", w, errs)
				}
			}
			for _, w := range tt.notOut {
				if strings.Contains(out, w) {
					t.Errorf("stdout has %q:\n%.800s", w, out)
				}
			}
		})
	}
}

// TestE2EHelpStyle: every command's --help has the same shape: the usage
// line, then its flags as --name VALUE, one a line.
func TestE2EHelpStyle(t *testing.T) {
	e2eBinary(t)
	for _, cmd := range []string{"ask", "chat", "serve", "digest", "check", "healthcheck"} {
		t.Run(cmd, func(t *testing.T) {
			_, out, _ := e2eRun(t, 30*time.Second, nil, cmd, "-h")
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) < 4 || !strings.HasPrefix(lines[0], "usage: briefbot "+cmd) || lines[1] != "" || lines[2] != "flags:" {
				t.Fatalf("help of %s:\n%s", cmd, out)
			}
			for _, l := range lines[3:] {
				if !strings.HasPrefix(l, "  --") {
					t.Errorf("flag line %q is not \"  --name ...\"", l)
				}
			}
		})
	}
}

// e2eCuratorCorpus is a corpus a curator is still fixing: two good
// articles, one with a misspelt key, two with bad values, and files that
// are not read.
func e2eCuratorCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"good.md":        "---\ntitle: Calais port closed\npublished: 2020-01-02\n---\nThe port of Calais was closed on Thursday, the mayor said.\n",
		"typo.md":        "---\ntitle: Ferries resume\npublised: 2020-01-03\n---\nFerries resumed on Friday.\n",
		"bad.md":         "---\ntitle: Bad date\npublished: 2014-13-01\nurl: ftp://x\n---\nText.\n",
		"sub/worse.md":   "---\ntitle: Bad tags\ntags: {a: b}\n---\nText.\n",
		"page.html":      "<p>An article</p>",
		"notes.markdown": "An article in Markdown.",
	}
	writeFiles(t, dir, files)
	return dir
}

// TestE2ECorpusCheck: check lists every problem of every file at once and
// exits 1; serve loads the good files and reports the bad ones in its log,
// its metrics and /readyz.
func TestE2ECorpusCheck(t *testing.T) {
	e2eBinary(t)
	corpusDir := e2eCuratorCorpus(t)
	code, out, errs := e2eRun(t, 60*time.Second, nil, "check", "--corpus", corpusDir)
	if code != exitFail {
		t.Errorf("check exit %d, want 1", code)
	}
	for _, want := range []string{
		"documents: 2\n",
		`problem: bad.md: line 3: front matter key "published"`,
		`line 4: front matter key "url": want an http(s) URL; not loaded`,
		`problem: sub/worse.md: line 3: front matter key "tags"`,
		`warning: typo.md: line 3: front matter key "publised" is not one briefbot reads (did you mean published?); ignored`,
		"warning: page.html: not read",
		"warning: notes.markdown: not read",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "2 files not loaded") {
		t.Errorf("stderr: %q", errs)
	}

	dir := t.TempDir()
	addr := e2eFreeAddr(t)
	cfg := e2eWriteConfig(t, dir, "c.yaml", "http:\n  addr: \""+addr+"\"\ncorpus:\n  dir: \""+corpusDir+"\"\n  reload: 0\nstore:\n  dsn: \""+filepath.Join(dir, "b.db")+"\"\n")
	p := e2eStart(t, "serve", cfg, addr, e2eEnv())
	_, ready := e2eGet(t, p.base()+"/readyz")
	if !strings.Contains(ready, `"notes"`) || !strings.Contains(ready, "2 files not loaded") || !strings.Contains(ready, "bad.md") {
		t.Errorf("/readyz: %s", ready)
	}
	_, metrics := e2eGet(t, p.base()+"/metrics")
	if !strings.Contains(metrics, "briefbot_corpus_files_not_loaded 2") || !strings.Contains(metrics, "briefbot_corpus_documents 2") {
		t.Errorf("metrics lack the corpus counts")
	}
	if logs := p.tail(200); !strings.Contains(logs, "corpus file not loaded") || !strings.Contains(logs, "bad.md") {
		t.Errorf("log does not name the files left out:\n%s", logs)
	}
}
