#!/usr/bin/env bash
# Start-up time of the whole briefbot process against a Go hello-world,
# both built here with the same toolchain. Each binary runs N times; the
# medians of CPU time (user + system) and wall time are printed, with the
# ratio to the hello-world. CPU time is the budget's measure: wall time
# depends on what else the machine runs.
#
#   scripts/startup.sh [N] [briefbot ask arguments...]
#   default: N=21, ask "/who cazeneuve" with the embedded corpus
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n=${1:-21}
shift || true
[ $# -gt 0 ] || set -- ask "/who cazeneuve"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/briefbot" ./cmd/briefbot
mkdir "$tmp/hello"
cat >"$tmp/hello/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello, world") }
GO
(cd "$tmp/hello" && GO111MODULE=off go build -o "$tmp/hello-world" main.go)

# times BIN ARGS... prints "cpu_ms wall_ms" for each of n runs.
times_of() {
	local TIMEFORMAT='%R %U %S'
	for _ in $(seq "$n"); do
		{ time "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%.1f %.1f\n", ($2+$3)*1000, $1*1000}'
	done
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

"$tmp/briefbot" "$@" >/dev/null # fail early, and warm the page cache
times_of "$tmp/hello-world" >"$tmp/hello.txt"
times_of "$tmp/briefbot" "$@" >"$tmp/briefbot.txt"

hc=$(cut -d' ' -f1 "$tmp/hello.txt" | median)
hw=$(cut -d' ' -f2 "$tmp/hello.txt" | median)
bc=$(cut -d' ' -f1 "$tmp/briefbot.txt" | median)
bw=$(cut -d' ' -f2 "$tmp/briefbot.txt" | median)
printf 'runs: %d each; median CPU (user+sys) and wall, ms\n' "$n"
printf '%-40s cpu %7.1f  wall %7.1f\n' "hello-world" "$hc" "$hw"
printf '%-40s cpu %7.1f  wall %7.1f\n' "briefbot $*" "$bc" "$bw"
awk -v b="$bc" -v h="$hc" 'BEGIN {printf "ratio (CPU): %.1fx hello-world\n", (h > 0 ? b/h : 0)}'
