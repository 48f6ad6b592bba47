package main

import (
	"context"
	"fmt"
	"io"

	"github.com/briefbot/briefbot/internal/config"
)

const checkUsage = "usage: briefbot check [--corpus DIR] [--config FILE]"

// runCheck validates the configuration file (when given) and the corpus,
// and prints what the corpus holds. Without --corpus the configured
// corpus directory is checked, else the embedded corpus.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check")
	corpusDir := fs.String("corpus", "", "`DIR` of .md/.txt articles (default: the configured or the embedded corpus)")
	cfgPath := fs.String("config", "", "configuration `FILE` to validate")
	if err := fs.Parse(args); err != nil {
		return usageError(stdout, stderr, fs, checkUsage, err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefbot check: unexpected argument %q (%s)\n", fs.Arg(0), checkUsage)
		return exitUsage
	}
	dir := *corpusDir
	if *cfgPath != "" {
		// Secrets may live only in the deployment's environment: a value
		// missing because its ${NAME} is unset here is reported, not fatal.
		cfg, err := config.LoadContext(ctx, *cfgPath, config.AllowUnsetEnv())
		if err != nil {
			fmt.Fprintf(stderr, "briefbot check: %v\n", err)
			return exitUsage // as serve does: a bad config is the caller's to fix
		}
		fmt.Fprintf(stdout, "config: %s is valid\n", *cfgPath)
		for _, name := range cfg.UnsetEnv() {
			fmt.Fprintf(stdout, "config: ${%s} is not set here\n", name)
		}
		if dir == "" {
			dir = cfg.Corpus.Dir
		}
	}
	eng, err := loadBriefingEngine(dir, cliLogger(stderr))
	if err != nil {
		fmt.Fprintf(stderr, "briefbot check: %v\n", err)
		return exitFail
	}
	name := dir
	if name == "" {
		name = "embedded"
	}
	c := eng.Counts()
	fmt.Fprintf(stdout, "corpus: %s\n", name)
	fmt.Fprintf(stdout, "documents: %d\npeople: %d\norganisations: %d\nquotes: %d\nfigures: %d\n",
		c.Documents, c.People, c.Organisations, c.Quotes, c.Figures)
	for _, w := range eng.Warnings() {
		fmt.Fprintf(stdout, "warning: %s\n", w)
	}
	// Every problem in every file at once, so a curator fixes them in one go.
	problems := eng.Problems()
	for _, p := range problems {
		fmt.Fprintf(stdout, "problem: %s\n", p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "briefbot check: %d %s not loaded (see the problems above); serve would run without %s\n",
			len(problems), pluralWord(len(problems), "file", "files"), pluralWord(len(problems), "it", "them"))
		return exitFail
	}
	return exitOK
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
