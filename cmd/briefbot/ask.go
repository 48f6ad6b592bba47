package main

import (
	"context"
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
	fs := newFlags("ask")
	corpusDir := fs.String("corpus", "", "`DIR` of .md/.txt articles (default: the embedded corpus)")
	format := fs.String("format", formatText, "output `FORMAT`: text, json, slack or discord")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError(stdout, stderr, fs, askUsage, err)
	}
	if err := checkFormat(*format); err != nil {
		fmt.Fprintf(stderr, "briefbot ask: %v\n", err)
		return exitUsage
	}
	msg := strings.TrimSpace(strings.Join(words, " "))
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
