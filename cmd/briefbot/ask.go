package main

import (
	"context"
	"fmt"
	"io"
)

// runAsk is a placeholder until the subcommand is built.
func runAsk(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot ask: not built yet")
	return exitFail
}
