package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `briefbot serve --config FILE` with the config text and
// returns the HTTP address, a stop function that cancels the context and
// returns the exit code, and the captured stdout and stderr.
func startServe(t *testing.T, cfgText string, stdin io.Reader) (addr string, stop func() int, stdout, stderr *syncBuffer) {
	t.Helper()
	dir := t.TempDir()
	cfgText = strings.ReplaceAll(cfgText, "$DIR", dir)
	f := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(f, []byte(cfgText), 0o600); err != nil {
		t.Fatal(err)
	}
	addrc := make(chan net.Addr, 1)
	onListen = func(a net.Addr) { addrc <- a }
	t.Cleanup(func() { onListen = nil })

	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", "--config", f, "--log-level", "debug"}, stdin, stdout, stderr)
	}()
	select {
	case a := <-addrc:
		addr = a.String()
	case c := <-code:
		cancel()
		t.Fatalf("serve exited %d before listening:\n%s", c, stderr)
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatalf("serve did not listen:\n%s", stderr)
	}
	stopped := false
	stop = func() int {
		t.Helper()
		if stopped {
			t.Fatal("stopped twice")
		}
		stopped = true
		cancel()
		select {
		case c := <-code:
			return c
		case <-time.After(10 * time.Second):
			t.Fatalf("serve did not stop within 10 s:\n%s", stderr)
		}
		return -1
	}
	t.Cleanup(func() {
		if !stopped {
			stop()
		}
	})
	return addr, stop, stdout, stderr
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls GET u until it answers want, or fails after a deadline.
func waitFor(t *testing.T, u string, want int) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := get(t, u)
		if code == want {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s = %d %s, want %d", u, code, body, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeConsole(t *testing.T) {
	in, inw := io.Pipe() // stays open: not a terminal, so serve runs until stopped
	defer inw.Close()
	addr, stop, stdout, stderr := startServe(t, `
http: {addr: "127.0.0.1:0"}
store: {dsn: "$DIR/briefbot.db"}
`, in)
	base := "http://" + addr
	if code, body := get(t, base+"/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz = %d %q", code, body)
	}
	body := waitFor(t, base+"/readyz", 200)
	for _, want := range []string{`"corpus":"ok"`, `"store":"ok"`, `"console":"ok"`} {
		if !strings.Contains(body, want) {
			t.Errorf("/readyz body %s lacks %s", body, want)
		}
	}

	// A line on the console is answered on stdout and counted.
	fmt.Fprintln(inw, "/help")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(stdout.String(), "/who") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(stdout.String(), "/who") {
		t.Errorf("console did not answer /help: %q", stdout.String())
	}
	_, metricsText := get(t, base+"/metrics")
	for _, want := range []string{
		`briefbot_commands_total{kind="help",outcome="ok",platform="console"} 1`,
		"briefbot_corpus_documents", "briefbot_corpus_reloads_total", "briefbot_answer_duration_seconds",
	} {
		if !strings.Contains(metricsText, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}

	start := time.Now()
	if code := stop(); code != exitOK {
		t.Fatalf("exit %d after cancel, want 0:\n%s", code, stderr)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("shutdown took %v", took)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("still serving after exit")
	}
	if !strings.Contains(stderr.String(), `"msg":"briefbot stopped"`) {
		t.Errorf("logs are not JSON or lack the stop line:\n%s", stderr)
	}
}

// fakeSlack is a Slack Web API that accepts auth.test and records
// chat.postMessage calls.
func fakeSlack(t *testing.T) (*httptest.Server, *syncBuffer) {
	posted := &syncBuffer{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/api/auth.test":
			io.WriteString(w, `{"ok":true,"url":"https://t.slack.com/","team":"T","user":"briefbot","team_id":"T1","user_id":"UBOT"}`)
		case "/api/chat.postMessage":
			fmt.Fprintf(posted, "%s %s\n", r.Form.Get("channel"), r.Form.Get("blocks"))
			io.WriteString(w, `{"ok":true,"channel":"C1","ts":"1.1"}`)
		default:
			io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, posted
}

func slackSign(secret, ts, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

func TestServeSlackHTTP(t *testing.T) {
	api, posted := fakeSlack(t)
	t.Setenv("TEST_SLACK_SECRET", "8f742231b10e8888abcd99yyyzzz85a5")
	addr, stop, _, stderr := startServe(t, `
http: {addr: "127.0.0.1:0"}
store: {dsn: "$DIR/briefbot.db"}
slack:
  mode: http
  bot_token: xoxb-test-token
  signing_secret: ${TEST_SLACK_SECRET}
  api_url: `+api.URL+`/api/
digests:
  - id: every-second
    schedule: "* * * * * *"
    when_empty: spotlight
    targets:
      - {platform: slack, channel: C42}
`, strings.NewReader(""))
	base := "http://" + addr
	body := waitFor(t, base+"/readyz", 200)
	if !strings.Contains(body, `"slack":"ok"`) {
		t.Errorf("/readyz = %s", body)
	}

	form := url.Values{"command": {"/help"}, "text": {""}, "user_id": {"U1"}, "channel_id": {"C1"}, "response_url": {api.URL + "/response"}}.Encode()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest("POST", base+"/slack/commands", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", slackSign("8f742231b10e8888abcd99yyyzzz85a5", ts, form))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(answer), "who") {
		t.Errorf("slash command = %d %s", resp.StatusCode, answer)
	}

	// A bad signature is refused.
	req, _ = http.NewRequest("POST", base+"/slack/commands", strings.NewReader(form))
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0=00")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("bad signature = %d, want 401", resp.StatusCode)
	}

	// The scheduler posts the digest through the Slack Web API, and counts it.
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(posted.String(), "C42 ") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(posted.String(), "C42 ") {
		t.Errorf("no digest posted to C42; posts: %q", posted.String())
	}
	_, metricsText := get(t, base+"/metrics")
	if !strings.Contains(metricsText, `briefbot_digests_posted_total{digest="every-second",platform="slack"}`) {
		t.Error("/metrics lacks the digest counter")
	}

	if code := stop(); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, secret := range []string{"xoxb-test-token", "8f742231b10e8888abcd99yyyzzz85a5"} {
		if strings.Contains(stderr.String(), secret) {
			t.Errorf("logs leak a secret %q", secret)
		}
	}
}

func TestServeUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("slack:\n  mode: http\n  bot_token: x\n"), 0o600)
	unknown := filepath.Join(dir, "unknown.yaml")
	os.WriteFile(unknown, []byte("htp:\n  addr: :1\n"), 0o600)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing secret", []string{"--config", bad}, "slack.signing_secret: required in http mode"},
		{"unknown key", []string{"--config", unknown}, "htp: unknown key"},
		{"missing file", []string{"--config", filepath.Join(dir, "nope.yaml")}, "nope.yaml"},
		{"bad flag", []string{"--nope"}, "flag provided but not defined"},
		{"bad level", []string{"--log-level", "loud"}, `--log-level "loud"`},
		{"extra argument", []string{"now"}, `unexpected argument "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), append([]string{"serve"}, tt.args...), strings.NewReader(""), &out, &errb)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(errb.String(), tt.want) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.want)
			}
		})
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	f := filepath.Join(dir, "c.yaml")
	os.WriteFile(f, []byte(fmt.Sprintf("http: {addr: %q}\nstore: {dsn: %q}\n", ln.Addr().String(), filepath.Join(dir, "b.db"))), 0o600)
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"serve", "--config", f}, strings.NewReader(""), &out, &errb); code != exitFail {
		t.Fatalf("exit %d, want %d:\n%s", code, exitFail, errb.String())
	}
	if !strings.Contains(errb.String(), "listen on") {
		t.Errorf("stderr lacks the cause:\n%s", errb.String())
	}
}

func TestServeReloadsCorpus(t *testing.T) {
	corpusDir := t.TempDir()
	article := "---\ntitle: %s\npublisher: Example News\npublished: 2014-11-05\n---\nBernard Cazeneuve, France's Interior Minister, met officials in Calais.\n"
	if err := os.WriteFile(filepath.Join(corpusDir, "a.md"), []byte(fmt.Sprintf(article, "First")), 0o644); err != nil {
		t.Fatal(err)
	}
	addr, stop, _, stderr := startServe(t, `
http: {addr: "127.0.0.1:0"}
store: {dsn: "$DIR/briefbot.db"}
corpus: {dir: "`+corpusDir+`", reload: 20ms}
`, strings.NewReader(""))
	base := "http://" + addr
	if _, m := get(t, base+"/metrics"); !strings.Contains(m, "briefbot_corpus_documents 1\n") {
		t.Fatalf("documents gauge before reload:\n%s", grepLines(m, "corpus"))
	}
	if err := os.WriteFile(filepath.Join(corpusDir, "b.md"), []byte(fmt.Sprintf(article, "Second")), 0o644); err != nil {
		t.Fatal(err)
	}
	waitMetric(t, base, "briefbot_corpus_documents 2\n")
	waitMetric(t, base, `briefbot_corpus_reloads_total{result="ok"} 1`+"\n")

	// A broken file is left out and counted; the two good ones stay served.
	if err := os.WriteFile(filepath.Join(corpusDir, "c.md"), []byte("---\npublished: someday\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitMetric(t, base, "briefbot_corpus_files_not_loaded 1\n")
	if _, m := get(t, base+"/metrics"); !strings.Contains(m, "briefbot_corpus_documents 2\n") {
		t.Errorf("the good files are not served:\n%s", grepLines(m, "corpus"))
	}
	// A corpus with nothing readable left keeps the loaded one.
	for _, f := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(corpusDir, f), []byte("---\npublished: someday\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitMetric(t, base, `briefbot_corpus_reloads_total{result="error"} 1`+"\n")
	if _, m := get(t, base+"/metrics"); !strings.Contains(m, "briefbot_corpus_documents 2\n") {
		t.Errorf("a broken corpus replaced the loaded one:\n%s", grepLines(m, "corpus"))
	}
	if code := stop(); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if !strings.Contains(stderr.String(), "did not load; keeping the loaded corpus") || !strings.Contains(stderr.String(), "corpus file not loaded") {
		t.Error("the bad file or the failed reload was not logged")
	}
}

func TestServeNotReadyWhileSlackUnreachable(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusBadGateway)
	}))
	defer api.Close()
	addr, stop, _, stderr := startServe(t, `
http: {addr: "127.0.0.1:0"}
store: {dsn: "$DIR/briefbot.db"}
slack:
  bot_token: xoxb-x
  signing_secret: s
  api_url: `+api.URL+`/api/
`, strings.NewReader(""))
	body := waitFor(t, "http://"+addr+"/readyz", http.StatusServiceUnavailable)
	if !strings.Contains(body, `"slack":"not connected"`) || !strings.Contains(body, `"failed":["slack"]`) {
		t.Errorf("/readyz = %s", body)
	}
	if code, _ := get(t, "http://"+addr+"/healthz"); code != 200 {
		t.Errorf("/healthz = %d while not ready, want 200", code)
	}
	if code := stop(); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
}

func waitMetric(t *testing.T, base, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, m := get(t, base+"/metrics")
		if strings.Contains(m, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("/metrics never showed %q:\n%s", want, grepLines(m, "corpus"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestServeDiscordInteractions(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	rest := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "[]") // command registration
	}))
	defer rest.Close()
	t.Setenv("TEST_DISCORD_TOKEN", "discord-secret-token")
	addr, stop, _, stderr := startServe(t, `
http: {addr: "127.0.0.1:0"}
store: {dsn: "$DIR/briefbot.db"}
discord:
  mode: http
  bot_token: ${TEST_DISCORD_TOKEN}
  application_id: "1234"
  public_key: "`+hex.EncodeToString(pub)+`"
  api_url: `+rest.URL+`/api/v10/
`, strings.NewReader(""))
	base := "http://" + addr
	waitFor(t, base+"/readyz", 200)

	post := func(body string, sign bool) (int, string) {
		t.Helper()
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequest("POST", base+"/discord/interactions", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-Timestamp", ts)
		sig := ed25519.Sign(priv, []byte(ts+body))
		if !sign {
			sig[0] ^= 1
		}
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := post(`{"type":1}`, true); code != 200 || !strings.Contains(body, `"type":1`) {
		t.Errorf("PING = %d %s, want PONG", code, body)
	}
	if code, _ := post(`{"type":1}`, false); code != http.StatusUnauthorized {
		t.Errorf("badly signed PING = %d, want 401", code)
	}
	if code := stop(); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if strings.Contains(stderr.String(), "discord-secret-token") {
		t.Error("logs leak the Discord token")
	}
}
