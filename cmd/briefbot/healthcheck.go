package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/briefbot/briefbot/internal/config"
)

const healthcheckUsage = "usage: briefbot healthcheck [--config FILE] [--url URL] [--timeout DURATION]"

// runHealthcheck is `briefbot healthcheck [--config FILE] [--url URL]`:
// it asks a running `briefbot serve` for /healthz and exits 0 when the
// answer is 200, 1 otherwise. Container images without a shell or curl
// (distroless) use it as their HEALTHCHECK. Without --url it finds the
// server from http.addr in the config (and BRIEFBOT_HTTP_ADDR).
func runHealthcheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("healthcheck")
	configPath := fs.String("config", "", "configuration `FILE` whose http.addr to probe")
	target := fs.String("url", "", "`URL` to probe instead (e.g. http://127.0.0.1:8080/readyz)")
	timeout := fs.Duration("timeout", 3*time.Second, "give up after this long (a `DURATION` like 3s)")
	if err := fs.Parse(args); err != nil {
		return usageError(stdout, stderr, fs, healthcheckUsage, err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefbot healthcheck: unexpected argument %q (%s)\n", fs.Arg(0), healthcheckUsage)
		return exitUsage
	}
	u := *target
	if u == "" {
		var err error
		if u, err = healthURL(*configPath); err != nil {
			fmt.Fprintf(stderr, "briefbot healthcheck: %v\n", err)
			return exitUsage
		}
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		fmt.Fprintf(stderr, "briefbot healthcheck: %v\n", err)
		return exitUsage
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintf(stderr, "briefbot healthcheck: %v\n", err)
		return exitFail
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "briefbot healthcheck: %s: %s %s\n", u, resp.Status, body)
		return exitFail
	}
	fmt.Fprintf(stdout, "%s: %s", u, body)
	return exitOK
}

// healthURL is /healthz on the address serve listens on: http.addr from the
// file (without validating the rest: the probe needs no secrets) or the
// defaults, after BRIEFBOT_HTTP_ADDR. A wildcard host is probed on loopback.
func healthURL(path string) (string, error) {
	var data []byte
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return "", err
		}
	}
	cfg, err := config.Decode(data, os.LookupEnv)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if cfg.HTTP.Addr == "" {
		return "", errors.New("http.addr is empty: the HTTP server is off, nothing to probe")
	}
	host, port, err := net.SplitHostPort(cfg.HTTP.Addr)
	if err != nil {
		return "", fmt.Errorf("http.addr: %w", err)
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}
