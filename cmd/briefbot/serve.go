package main

import (
	"context"
	"fmt"
	"io"
)

// runServe is a placeholder until the subcommand is built.
func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot serve: not built yet")
	return exitFail
}
