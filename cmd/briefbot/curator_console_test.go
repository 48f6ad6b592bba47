package main

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeCuratorConsole(t *testing.T) {
	const token = "curator-console-token-0123"
	t.Setenv("BRIEFBOT_CONSOLE_TOKEN", token)
	corpusDir := t.TempDir()
	article := "---\ntitle: Mayor speaks\npublished: 2015-03-04\n---\n" +
		"Calais mayor Natacha Bouchart said the camp must close. \"We cannot accept this situation any longer,\" said Ms Bouchart.\n"
	if err := os.WriteFile(filepath.Join(corpusDir, "a.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	addr, stop, _, stderr := startServe(t, `
http: {addr: "127.0.0.1:0"}
store: {dsn: "$DIR/briefbot.db"}
corpus: {dir: "`+corpusDir+`", reload: 0s}
console: {enabled: true, token: "${BRIEFBOT_CONSOLE_TOKEN}"}
`, strings.NewReader(""))
	base := "http://" + addr
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	do := func(method, path string, form url.Values, bearer string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(form.Encode()))
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := do("GET", "/console/people/natacha-bouchart", nil, ""); code != http.StatusSeeOther {
		t.Errorf("without a session: %d, want a redirect to the login", code)
	}
	if code, body := do("GET", "/console/people/natacha-bouchart", nil, token); code != http.StatusOK || !strings.Contains(body, "cannot accept") {
		t.Fatalf("with the bearer: %d\n%s", code, body)
	}
	hide := url.Values{"article": {"a"}, "text": {"cannot accept this situation"}, "action": {"hide"}, "back": {"/console/people/natacha-bouchart"}}
	if code, _ := do("POST", "/console/actions/quote", hide, token); code != http.StatusSeeOther {
		t.Fatalf("hide: %d", code)
	}
	if _, body := do("GET", "/console/people/natacha-bouchart", nil, token); strings.Contains(body, "cannot accept") {
		t.Error("the served corpus still has the hidden quote")
	}
	data, err := os.ReadFile(filepath.Join(corpusDir, "curation.yaml"))
	if err != nil || !strings.Contains(string(data), "hide: true") {
		t.Errorf("curation.yaml (%v):\n%s", err, data)
	}
	if code := stop(); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if strings.Contains(stderr.String(), token) {
		t.Error("the console token was logged")
	}
}

func TestServeConsoleNeedsAToken(t *testing.T) {
	t.Setenv("BRIEFBOT_CONSOLE_TOKEN", "")
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("store: {dsn: \""+dir+"/b.db\"}\nconsole: {enabled: true, token: \"${BRIEFBOT_CONSOLE_TOKEN}\"}\n"), 0o600)
	var out, errb strings.Builder
	if code := run(t.Context(), []string{"serve", "--config", cfg}, strings.NewReader(""), &out, &errb); code != exitUsage ||
		!strings.Contains(errb.String(), "console.token: required when the console is enabled (environment variable BRIEFBOT_CONSOLE_TOKEN is not set)") {
		t.Errorf("exit %d:\n%s", code, errb.String())
	}
}

func TestCheckCuration(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: A\npublished: 2015\n---\nCalais mayor Natacha Bouchart spoke.\n"), 0o644)
	tests := []struct {
		name, curation string
		code           int
		stdout, stderr string
	}{
		{"unmatched entry is a warning", "articles:\n  - {id: gone, title: T}\n", exitOK,
			`warning: curation.yaml: line 2: articles[0] matches nothing: no article has the id "gone"`, ""},
		{"bad entry names file, line and key", "quotes:\n  - {article: a, text: b, hide: maybe}\n", exitFail,
			"", "curation.yaml: line 2: quotes[0].hide: want true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.WriteFile(filepath.Join(dir, "curation.yaml"), []byte(tt.curation), 0o644)
			code, out, errs := runCLI(t, "", "check", "--corpus", dir)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errs)
			}
		})
	}
}
