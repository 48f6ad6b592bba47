// Command briefbot is a chat bot that briefs a team from a corpus of news
// articles, on Slack, Discord or the console. See README.md.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	_ "time/tzdata" // digests name IANA zones; a static image has no zoneinfo
)

func main() {
	collectLessForOneShot(os.Args[1:])
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// oneShotMemoryLimit is the heap at which a one-shot command collects
// garbage after all (see collectLessForOneShot).
const oneShotMemoryLimit = 256 << 20

// collectLessForOneShot turns the garbage collector off for ask and digest
// over the embedded corpus: such a run allocates a few megabytes and
// exits, and a collection would cost it more CPU than it frees. A memory
// limit stays as the backstop. A corpus directory may be large, so with
// --corpus (or GOGC or GOMEMLIMIT set) nothing changes.
func collectLessForOneShot(args []string) {
	if len(args) == 0 || (args[0] != "ask" && args[0] != "digest") || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	for _, a := range args[1:] {
		if name := strings.TrimLeft(a, "-"); name != a && (name == "corpus" || strings.HasPrefix(name, "corpus=")) {
			return
		}
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(oneShotMemoryLimit)
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usageText = `usage: briefbot COMMAND [flags]

commands:
  ask [--corpus DIR] [--format text|json|slack|discord] MESSAGE   answer one message
  chat [--corpus DIR]                                            interactive console
  serve [--config FILE]                                          run the configured platforms, scheduler and HTTP
  digest [--corpus DIR] [--since DATE] [--format ...]            print the digest that would be posted now
  check [--corpus DIR] [--config FILE]                           validate and print what the corpus holds
  healthcheck [--config FILE] [--url URL]                        probe a running serve's /healthz (container HEALTHCHECK)
  version                                                        print the version and VCS revision of this build
  help                                                           print this

briefbot COMMAND --help shows a command's flags. Flags may also follow the
message of ask: briefbot ask "/who cazeneuve" --format json
`

// run is main without the process: it takes the arguments and streams and
// returns the exit code, so tests can drive every subcommand.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ask":
		return runAsk(ctx, rest, stdout, stderr)
	case "chat":
		return runChat(ctx, rest, stdin, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdin, stdout, stderr)
	case "digest":
		return runDigest(ctx, rest, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "healthcheck":
		return runHealthcheck(ctx, rest, stdout, stderr)
	case "version", "--version":
		return runVersion(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usageText)
		return exitOK
	}
	return unknownCommand(stderr, cmd)
}
