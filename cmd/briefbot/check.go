package main

import (
	"context"
	"fmt"
	"io"
)

// runCheck is a placeholder until the subcommand is built.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot check: not built yet")
	return exitFail
}
