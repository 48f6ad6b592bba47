package config

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
)

// MaxFileSize is the largest configuration file read. A real one is a few
// KB; the cap keeps a wrong path (a device, a log, a disk image) from
// filling memory.
const MaxFileSize = 1 << 20

// Limits on what an error repeats back, so a huge or garbled file gives a
// readable message: each problem names its key and cuts the value.
const (
	maxValueRunes   = 60  // a value quoted in a message
	maxMessageRunes = 300 // one problem
	maxProblems     = 20  // problems listed; the rest are counted
)

// readCapped reads at most MaxFileSize bytes of path. It returns when ctx
// is done even if the read blocks (a FIFO, a stalled network file system):
// the read is left to finish on its own.
func readCapped(ctx context.Context, path string) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := readFile(path)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("reading %s: %w", path, context.Cause(ctx))
	}
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a directory, not a configuration file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s is larger than %d KiB; a configuration file is a few KB (is this the right file?)", path, MaxFileSize>>10)
	}
	return data, nil
}

// cutValue shortens a value quoted in a message.
func cutValue(s string) string { return cutRunes(s, maxValueRunes) }

func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}

// cutArgs shortens the string arguments of a message.
func cutArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			a = cutValue(s)
		}
		out[i] = a
	}
	return out
}

// joinProblems puts messages on one line: each cut to maxMessageRunes
// (they start with the line and key, so the key is kept), at most
// maxProblems of them, then how many more there are.
func joinProblems(msgs []string) string {
	n := min(len(msgs), maxProblems)
	out := make([]string, 0, n+1)
	for _, m := range msgs[:n] {
		out = append(out, cutRunes(m, maxMessageRunes))
	}
	if more := len(msgs) - n; more > 0 {
		out = append(out, fmt.Sprintf("and %d more problems", more))
	}
	return strings.Join(out, "; ")
}
