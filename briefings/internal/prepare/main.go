// Command prepare writes the extractions of the embedded corpus that
// briefings.Default reads instead of extracting at start-up. It is run by
// go generate in the briefings package after a change to an extractor or
// to the embedded corpus.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/briefings/corpus"
)

func main() {
	out := flag.String("out", "", "write the extractions to `FILE`")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: prepare -out FILE")
		os.Exit(2)
	}
	data, err := briefings.PrepareExtractions(corpus.FS, ".")
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "prepare:", err)
		os.Exit(1)
	}
}
