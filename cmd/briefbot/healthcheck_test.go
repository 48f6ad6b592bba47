package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHealthcheck(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte("ok\n"))
	}))
	defer up.Close()
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusServiceUnavailable)
	}))
	defer down.Close()

	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	// The probe reads http.addr only: missing secrets do not matter.
	os.WriteFile(cfg, []byte("http: {addr: \""+strings.TrimPrefix(up.URL, "http://")+"\"}\nslack:\n  bot_token: ${NOT_SET}\n"), 0o600)
	wildcard := filepath.Join(dir, "w.yaml")
	os.WriteFile(wildcard, []byte("http: {addr: \":"+up.URL[strings.LastIndex(up.URL, ":")+1:]+"\"}\n"), 0o600)
	off := filepath.Join(dir, "off.yaml")
	os.WriteFile(off, []byte("http: {addr: \"\"}\n"), 0o600)

	tests := []struct {
		name string
		args []string
		want int
	}{
		{"url up", []string{"--url", up.URL + "/healthz"}, exitOK},
		{"url down", []string{"--url", down.URL + "/healthz"}, exitFail},
		{"from config", []string{"--config", cfg}, exitOK},
		{"wildcard address probed on loopback", []string{"--config", wildcard}, exitOK},
		{"http off", []string{"--config", off}, exitUsage},
		{"nothing listening", []string{"--url", "http://127.0.0.1:1/healthz"}, exitFail},
		{"bad flag", []string{"--nope"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(context.Background(), append([]string{"healthcheck"}, tt.args...), nil, &out, &errb); got != tt.want {
				t.Errorf("exit %d, want %d; stderr %s", got, tt.want, errb.String())
			}
		})
	}
}
