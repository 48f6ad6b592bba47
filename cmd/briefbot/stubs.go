package main

// Placeholders for subcommands being built; each moves to its own file.

import (
	"context"
	"fmt"
	"io"
)

func runAsk(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot ask: not built yet")
	return exitFail
}

func runChat(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot chat: not built yet")
	return exitFail
}

func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot serve: not built yet")
	return exitFail
}

func runDigest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot digest: not built yet")
	return exitFail
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefbot check: not built yet")
	return exitFail
}
