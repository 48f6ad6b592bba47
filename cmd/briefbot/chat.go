package main

import (
	"context"
	"fmt"
	"io"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/console"
)

const chatUsage = "usage: briefbot chat [--corpus DIR]"

// runChat runs the console adapter: each line of stdin is a message, each
// answer is printed as text. It prompts only when stdin is a terminal.
func runChat(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("chat")
	corpusDir := fs.String("corpus", "", "`DIR` of .md/.txt articles (default: the embedded corpus)")
	if err := fs.Parse(args); err != nil {
		return usageError(stdout, stderr, fs, chatUsage, err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefbot chat: unexpected argument %q (%s)\n", fs.Arg(0), chatUsage)
		return exitUsage
	}
	log := cliLogger(stderr)
	eng, err := loadBriefingEngine(*corpusDir, log)
	if err != nil {
		fmt.Fprintf(stderr, "briefbot chat: %v\n", err)
		return exitFail
	}
	interactive := isTTY(stdin)
	if interactive {
		c := eng.Counts()
		fmt.Fprintf(stdout, "briefbot: %d articles, %d people, %d quotes, %d figures. Type /help, or /quit to leave.\n",
			c.Documents, c.People, c.Quotes, c.Figures)
	}
	opts, out, ed := consoleSetup(stdin, stdout, interactive)
	if ed != nil {
		defer ed.Close()
		log = cliLogger(ed.Stderr())
	}
	router := bot.NewRouter(func() bot.Engine { return eng }, log)
	if err := console.New(stdin, out, router, interactive, opts...).Run(ctx); err != nil {
		fmt.Fprintf(stderr, "briefbot chat: %v\n", err)
		return exitFail
	}
	return exitOK
}
