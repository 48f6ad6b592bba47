package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/briefbot/briefbot/internal/textdist"
)

// commandNames are the subcommands, in the order help lists them.
var commandNames = []string{"ask", "chat", "serve", "digest", "check", "healthcheck", "version", "help"}

// newFlags is a subcommand's flag set. It prints nothing itself: a flag
// problem is reported on one line by usageError, and --help prints the
// command's usage and flags in the one style every command shares.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// usageError reports a flag problem on one line (exit 2), or prints the
// usage and the flags for -h and --help (exit 0).
func usageError(stdout, stderr io.Writer, fs *flag.FlagSet, usage string, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		printHelp(stdout, fs, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "briefbot %s: %v (%s)\n", fs.Name(), err, usage)
	return exitUsage
}

// printHelp prints a command's usage line and its flags, one per line as
// --name VALUE, then what it does.
func printHelp(w io.Writer, fs *flag.FlagSet, usage string) {
	fmt.Fprintln(w, usage)
	var lines [][2]string
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		name, help := flag.UnquoteUsage(f)
		left := "--" + f.Name
		if name != "" {
			left += " " + strings.ToUpper(name)
		}
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			help += " (default " + f.DefValue + ")"
		}
		width = max(width, len(left))
		lines = append(lines, [2]string{left, help})
	})
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(w, "\nflags:")
	for _, l := range lines {
		fmt.Fprintf(w, "  %-*s  %s\n", width, l[0], l[1])
	}
}

// parseInterspersed parses flags given before, between or after the
// words of a message ("ask '/who x' --format json"); "--" ends the flags.
// It returns the message's words.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(words, rest...), nil
		}
		if len(rest) == 0 {
			return words, nil
		}
		words = append(words, rest[0])
		args = rest[1:]
	}
}

// unknownCommand names the commands there are, and the one meant when the
// name is a near miss.
func unknownCommand(stderr io.Writer, name string) int {
	hint := ""
	if s := closest(name, commandNames); s != "" {
		hint = fmt.Sprintf("; did you mean %s?", s)
	}
	fmt.Fprintf(stderr, "briefbot: unknown command %q%s (commands: %s; briefbot help shows them all)\n", name, hint, strings.Join(commandNames, ", "))
	return exitUsage
}

// closest is the name within edit distance 2 of s (1 for short names), or "".
func closest(s string, names []string) string {
	maxD := 2
	if len(s) <= 4 {
		maxD = 1
	}
	return textdist.Closest(strings.ToLower(s), names, maxD)
}

// runVersion prints the module version and the VCS revision the binary
// was built from, as the Go build info records them.
func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version")
	if err := fs.Parse(args); err != nil {
		return usageError(stdout, stderr, fs, versionUsage, err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefbot version: unexpected argument %q (%s)\n", fs.Arg(0), versionUsage)
		return exitUsage
	}
	fmt.Fprintln(stdout, versionLine())
	return exitOK
}

const versionUsage = "usage: briefbot version"

// versionLine is "briefbot VERSION (revision REV, TIME[, modified]) GOVERSION".
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "briefbot (no build information)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	line := "briefbot " + version
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		detail := "revision " + rev
		if at != "" {
			detail += ", " + at
		}
		if modified {
			detail += ", modified"
		}
		line += " (" + detail + ")"
	} else {
		line += " (no VCS revision recorded)"
	}
	return line + " " + info.GoVersion
}
