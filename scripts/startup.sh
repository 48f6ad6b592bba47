#!/usr/bin/env bash
# Start-up of the whole process: builds briefbot and a Go hello-world, runs
# `briefbot ask "/who cazeneuve"` (embedded corpus) and the hello-world N
# times each, alternately, and prints the median CPU time (user + system)
# of one run of each and their ratio (BenchmarkStartup in cmd/briefbot).
# CPU time is the measure: wall time depends on what else the machine runs.
#
#   scripts/startup.sh [N]     (default N=31)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec go test -run '^$' -bench '^BenchmarkStartup$' -benchtime "${1:-31}x" -count 1 ./cmd/briefbot
