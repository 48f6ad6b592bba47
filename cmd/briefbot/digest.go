package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

const digestUsage = "usage: briefbot digest [--corpus DIR] [--since YYYY-MM-DD] [--format text|json|slack|discord]"

// runDigest prints the digest that would be posted now: the articles
// published since --since (all of them without it), or the spotlight of
// the day when none is new.
func runDigest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("digest")
	corpusDir := fs.String("corpus", "", "`DIR` of .md/.txt articles (default: the embedded corpus)")
	since := fs.String("since", "", "only articles published on or after this `DATE` (YYYY-MM-DD)")
	format := fs.String("format", formatText, "output `FORMAT`: text, json, slack or discord")
	if err := fs.Parse(args); err != nil {
		return usageError(stdout, stderr, fs, digestUsage, err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefbot digest: unexpected argument %q (%s)\n", fs.Arg(0), digestUsage)
		return exitUsage
	}
	if err := checkFormat(*format); err != nil {
		fmt.Fprintf(stderr, "briefbot digest: %v\n", err)
		return exitUsage
	}
	opts := briefings.DigestOptions{Spotlight: true}
	if *since != "" {
		t, err := time.Parse(time.DateOnly, *since)
		if err != nil {
			fmt.Fprintf(stderr, "briefbot digest: --since %q is not a date; use YYYY-MM-DD\n", *since)
			return exitUsage
		}
		opts.Since = t
	}
	eng, err := loadBriefingEngine(*corpusDir, cliLogger(stderr))
	if err != nil {
		fmt.Fprintf(stderr, "briefbot digest: %v\n", err)
		return exitFail
	}
	d := eng.Digest(opts)
	if err := writeReply(stdout, *format, d.Reply); err != nil {
		fmt.Fprintf(stderr, "briefbot digest: %v\n", err)
		return exitFail
	}
	return exitOK
}
