package main

import (
	"context"
	"fmt"
	"io"
)

// runChat is a placeholder until the subcommand is built.
func runChat(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot chat: not built yet")
	return exitFail
}
