package main

import (
	"context"
	"fmt"
	"io"
)

// runDigest is a placeholder until the subcommand is built.
func runDigest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot digest: not built yet")
	return exitFail
}
