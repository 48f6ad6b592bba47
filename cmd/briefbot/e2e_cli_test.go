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
	time.Sleep(300 * time.Millisecond) // let it block in the read
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
