package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"

	"golang.org/x/term"

	"github.com/briefbot/briefbot/bot/console"
)

// parseLevel reads a --log-level value.
func parseLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug, nil
	case "info", "":
		return slog.LevelInfo, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return 0, fmt.Errorf("--log-level %q: want debug, info, warn or error", s)
}

// newLogger logs to w: text for a person at a terminal, JSON lines for a
// log collector otherwise. In JSON a duration is a number of milliseconds
// under its key with "_ms" added ("took_ms": 12.5), not slog's
// nanoseconds; in text it reads as a duration (took=12.5ms).
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return newLoggerAs(w, isTTY(w), level)
}

// newLoggerAs is newLogger for a writer that stands for a terminal (tty)
// or not.
func newLoggerAs(w io.Writer, tty bool, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if tty {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	opts.ReplaceAttr = durationsInMS
	return slog.New(slog.NewJSONHandler(w, opts))
}

// durationsInMS rewrites a duration attribute as milliseconds.
func durationsInMS(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() != slog.KindDuration {
		return a
	}
	return slog.Float64(a.Key+"_ms", float64(a.Value.Duration().Microseconds())/1000)
}

// isTTY reports whether v is a terminal: a character device other
// than /dev/null (a service's stdin usually is /dev/null). Standard
// library only; a serial line or another device would count too.
func isTTY(v any) bool {
	f, ok := v.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

// terminalStyle is how replies look on w: bold and wrapped to its width
// when it is a terminal, plain when it is a file or a pipe.
func terminalStyle(w any) console.Style {
	f, ok := w.(*os.File)
	if !ok || !isTTY(f) {
		return console.Style{}
	}
	st := console.Style{Bold: true}
	if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 20 {
		st.Width = cols
	}
	return st
}

// switchWriter is a writer whose target can change while loggers hold it:
// serve's log moves above the console's prompt once a line editor runs.
type switchWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *switchWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// Set sends later writes to w.
func (s *switchWriter) Set(w io.Writer) {
	s.mu.Lock()
	s.w = w
	s.mu.Unlock()
}
