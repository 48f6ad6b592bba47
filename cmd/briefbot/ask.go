package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

const askUsage = "usage: briefbot ask [--corpus DIR] [--format text|json|slack|discord] MESSAGE"

// runAsk answers one message the way the bot would in chat: /who, /stats,
// /sources, /help, /digest or a free question. A "not found" answer is
// still an answer: exit 0.
func runAsk(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	corpusDir := fs.String("corpus", "", "corpus directory (default: the embedded corpus)")
	format := fs.String("format", formatText, "output format: text, json, slack or discord")
	if err := fs.Parse(args); err != nil {
		return usageError(stdout, stderr, "ask", askUsage, err)
	}
	if err := checkFormat(*format); err != nil {
		fmt.Fprintf(stderr, "briefbot ask: %v\n", err)
		return exitUsage
	}
	msg := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if msg == "" {
		fmt.Fprintf(stderr, "briefbot ask: no message (%s)\n", askUsage)
		return exitUsage
	}
	log := cliLogger(stderr)
	eng, err := loadBriefingEngine(*corpusDir, log)
	if err != nil {
		fmt.Fprintf(stderr, "briefbot ask: %v\n", err)
		return exitFail
	}
	router := bot.NewRouter(func() bot.Engine { return eng }, log)
	rep := router.Handle(ctx, bot.Request{Platform: "cli", Channel: "cli", User: "cli", Text: msg, DM: true})
	if err := writeReply(stdout, *format, rep); err != nil {
		fmt.Fprintf(stderr, "briefbot ask: %v\n", err)
		return exitFail
	}
	return exitOK
}

// usageError reports a flag problem on one line (exit 2), or prints the
// usage for -h (exit 0).
func usageError(stdout, stderr io.Writer, cmd, usage string, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "briefbot %s: %v (%s)\n", cmd, err, usage)
	return exitUsage
}
