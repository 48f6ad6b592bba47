package main

// End-to-end tests: they build the real briefbot binary once, run
// `briefbot serve --config FILE` as separate processes against fake Slack
// and Discord servers living in the test process, and drive them over HTTP
// and signals the way a workspace and an operator would. Every e2e test is
// named TestE2E... (run them alone with -run E2E) and skips under -short.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/briefings/corpus"
)

// e2eBin is the binary under test, built at most once per test run.
var e2eBin struct {
	once sync.Once
	dir  string
	path string
	err  error
	took time.Duration
}

func TestMain(m *testing.M) {
	code := m.Run()
	if e2eBin.dir != "" {
		os.RemoveAll(e2eBin.dir)
	}
	os.Exit(code)
}

// e2eBinary skips under -short, else builds the binary (once) and returns
// its path. It is built without -race even when the tests run with it:
// what is under test is the program's behaviour from outside.
func e2eBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	e2eBin.once.Do(func() {
		start := time.Now()
		dir, err := os.MkdirTemp("", "briefbot-e2e-")
		if err != nil {
			e2eBin.err = err
			return
		}
		e2eBin.dir = dir
		e2eBin.path = filepath.Join(dir, "briefbot")
		cmd := exec.Command("go", "build", "-o", e2eBin.path, ".")
		out, err := cmd.CombinedOutput()
		if err != nil {
			e2eBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
		e2eBin.took = time.Since(start)
	})
	if e2eBin.err != nil {
		t.Fatalf("cannot build briefbot: %v", e2eBin.err)
	}
	return e2eBin.path
}

// e2eEnv is the environment of a serve process: this one's, without the
// BRIEFBOT_ overrides a developer may have set (they would silently replace
// the config the test wrote), plus extra.
func e2eEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "BRIEFBOT_HTTP_ADDR", "BRIEFBOT_CORPUS_DIR", "BRIEFBOT_STORE_DRIVER", "BRIEFBOT_STORE_DSN", EnvLogLevel:
			continue
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}

// e2eFreeAddr returns a loopback address with a port that was free a moment
// ago. serve needs a fixed http.addr in its config (a restarted process
// must come back on the same one), so the port is chosen here.
func e2eFreeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// e2eWriteConfig writes a config file into dir and returns its path.
func e2eWriteConfig(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// e2eCorpus makes a corpus directory for corpus.dir: the embedded corpus
// when embedded is set, plus the articles of each testdata/e2e directory
// named in extra.
func e2eCorpus(t *testing.T, embedded bool, extra ...string) string {
	t.Helper()
	dir := t.TempDir()
	if embedded {
		if err := os.CopyFS(dir, corpus.FS); err != nil {
			t.Fatalf("copy the embedded corpus: %v", err)
		}
	}
	for _, x := range extra {
		if err := e2eAddArticles(dir, x); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// e2eAddArticles copies the articles of testdata/e2e/<from> into dir.
func e2eAddArticles(dir, from string) error {
	src := filepath.Join("testdata", "e2e", from)
	files, err := filepath.Glob(filepath.Join(src, "*.md"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no articles in %s (%v)", src, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// e2eLog is a goroutine-safe buffer for a process's stderr.
type e2eLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *e2eLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *e2eLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// e2eProc is one running `briefbot serve`.
type e2eProc struct {
	name    string
	cfg     string
	addr    string
	env     []string
	secrets []string // redacted from anything printed

	cmd    *exec.Cmd
	stderr *e2eLog
	done   chan struct{}
	err    error // Wait's result, once done is closed
}

// e2eSlackYAML is a serve config's slack: section in HTTP mode, its secrets
// read from the environment e2eStartSlack sets and its API calls sent to
// apiURL; extra lines (such as "admins: [U0ADMIN]") are added to it.
func e2eSlackYAML(apiURL string, extra ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "slack:\n  mode: http\n  bot_token: ${E2E_SLACK_BOT_TOKEN}\n  signing_secret: ${E2E_SLACK_SIGNING_SECRET}\n  api_url: %q\n", apiURL)
	for _, l := range extra {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

// e2eStartSlack starts serve with the Slack secrets e2eSlackYAML reads in
// its environment (and watched for in its output).
func e2eStartSlack(t *testing.T, name, cfg, addr string) *e2eProc {
	t.Helper()
	env := e2eEnv("E2E_SLACK_BOT_TOKEN="+e2eSlackToken, "E2E_SLACK_SIGNING_SECRET="+e2eSlackSecret)
	return e2eStart(t, name, cfg, addr, env, e2eSlackToken, e2eSlackSecret)
}

// e2eDiscordYAML is a serve config's discord: section in HTTP interactions
// mode, its bot token read from the environment e2eStartDiscord sets, its
// requests verified with pub and its API calls sent to apiURL.
func e2eDiscordYAML(appID string, pub ed25519.PublicKey, apiURL string) string {
	return fmt.Sprintf("discord:\n  mode: http\n  bot_token: ${E2E_DISCORD_TOKEN}\n  application_id: %q\n  public_key: %q\n  api_url: %q\n",
		appID, hex.EncodeToString(pub), apiURL)
}

// e2eStartDiscord starts serve with the Discord token e2eDiscordYAML reads
// in its environment (and watched for in its output).
func e2eStartDiscord(t *testing.T, name, cfg, addr string) *e2eProc {
	t.Helper()
	return e2eStart(t, name, cfg, addr, e2eEnv("E2E_DISCORD_TOKEN="+e2eDiscordTok), e2eDiscordTok)
}

// e2eStart runs `briefbot serve --config cfg` (its http.addr is addr) and
// waits until /readyz answers 200. The process is killed when the test
// ends if it still runs.
func e2eStart(t *testing.T, name, cfg, addr string, env []string, secrets ...string) *e2eProc {
	t.Helper()
	p := &e2eProc{name: name, cfg: cfg, addr: addr, env: env, secrets: secrets}
	p.launch(t)
	return p
}

func (p *e2eProc) launch(t *testing.T) {
	t.Helper()
	bin := e2eBinary(t)
	p.cmd = exec.Command(bin, "serve", "--config", p.cfg, "--log-level", "debug")
	p.cmd.Env = p.env
	p.cmd.Stdin = nil // /dev/null: a platform is configured, so no console
	if p.stderr == nil {
		p.stderr = &e2eLog{}
	} else {
		// A restart: keep what the previous process logged.
		fmt.Fprintf(p.stderr, "=== %s restarted ===\n", p.name)
	}
	p.cmd.Stdout = p.stderr
	p.cmd.Stderr = p.stderr
	p.done = make(chan struct{})
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("%s: start: %v", p.name, err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		if p.running() {
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	p.waitReady(t, 30*time.Second)
}

// restart starts the process again with the same config and environment.
func (p *e2eProc) restart(t *testing.T) {
	t.Helper()
	if p.running() {
		t.Fatalf("%s: restart while still running", p.name)
	}
	p.launch(t)
}

func (p *e2eProc) base() string { return "http://" + p.addr }

func (p *e2eProc) pid() int { return p.cmd.Process.Pid }

func (p *e2eProc) running() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// waitReady polls /readyz until it answers 200.
func (p *e2eProc) waitReady(t *testing.T, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	last := "no answer"
	for time.Now().Before(deadline) {
		if !p.running() {
			t.Fatalf("%s exited before it was ready (%v)\n%s", p.name, p.err, p.tail(40))
		}
		resp, err := http.Get(p.base() + "/readyz")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
			last = fmt.Sprintf("%d %s", resp.StatusCode, b)
		} else {
			last = err.Error()
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("%s not ready within %v (last /readyz: %s)\n%s", p.name, within, last, p.tail(40))
}

// stop sends sig and waits up to within for the process to exit; it
// returns the exit code (-1 if it had to be killed) and how long it took.
func (p *e2eProc) stop(sig os.Signal, within time.Duration) (int, time.Duration) {
	start := time.Now()
	if err := p.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return -1, 0
	}
	code := p.wait(within)
	return code, time.Since(start)
}

// wait waits up to within for the process to exit and returns its exit
// code, or kills it and returns -1.
func (p *e2eProc) wait(within time.Duration) int {
	select {
	case <-p.done:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(within):
		p.cmd.Process.Kill()
		<-p.done
		return -1
	}
}

// kill ends the process with SIGKILL, as a crash would.
func (p *e2eProc) kill() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// tail is the end of the process's log, secrets redacted, for failure
// messages.
func (p *e2eProc) tail(n int) string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(p.stderr.String()))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	out := strings.Join(lines, "\n")
	for _, s := range p.secrets {
		if s != "" {
			out = strings.ReplaceAll(out, s, "[secret]")
		}
	}
	return fmt.Sprintf("--- %s stderr (last %d lines) ---\n%s\n--- end %s ---", p.name, len(lines), out, p.name)
}

// e2eTails joins the log tails of several processes.
func e2eTails(ps ...*e2eProc) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.tail(30))
		b.WriteByte('\n')
	}
	return b.String()
}

// e2eDo sends a request and returns the status and body; a transport error
// fails the test.
func e2eDo(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(req.Context(), 10*time.Second)
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// e2eGet is e2eDo for a GET.
func e2eGet(t *testing.T, u string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	return e2eDo(t, req)
}

// e2eEventually polls cond every 20 ms until it holds or within passes.
func e2eEventually(within time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}
