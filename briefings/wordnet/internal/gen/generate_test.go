package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"
)

// TestRegenerate checks that the committed table and licence are what the
// generator makes from WordNet's database, when the database is installed.
// The table is compared decompressed: its gzip bytes may change with the
// compressor of another Go release, its content may not. (Compression is
// the standard library's, and is left out to keep the test quick.)
func TestRegenerate(t *testing.T) {
	const dict, copyright = "/usr/share/wordnet", "/usr/share/doc/wordnet-base/copyright"
	for _, f := range append(dictFiles(dict), copyright) {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("WordNet's database is not installed (apt-get install wordnet-base): %v", err)
		}
	}
	table, licence, err := generateText(dict, copyright)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../table.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := table, gunzip(t, committed); !bytes.Equal(got, want) {
		t.Errorf("the generated table (%d bytes) differs from table.txt.gz (%d bytes): run go generate in briefings/wordnet", len(got), len(want))
	}
	notice, err := os.ReadFile("../../LICENSE-WordNet.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(licence, notice) {
		t.Errorf("the licence differs from LICENSE-WordNet.txt")
	}
	if !bytes.Contains(notice, []byte("WordNet 3.0 Copyright 2006 by Princeton University")) {
		t.Errorf("LICENSE-WordNet.txt lacks WordNet's copyright line:\n%s", notice)
	}
}

func gunzip(t *testing.T, gz []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLicenceNotice(t *testing.T) {
	debian := "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: WordNet3.0\n This software.\n .\n WordNet 3.0 Copyright.\n\nFiles: debian/*\nLicense: GPL-2+\n Other.\n"
	for _, c := range []struct{ name, in, want string }{
		{"debian copyright file", debian, "This software.\n\nWordNet 3.0 Copyright.\n"},
		{"plain licence", "WordNet Release 3.0\nlicence text\n", "WordNet Release 3.0\nlicence text\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := string(licenceNotice([]byte(c.in))); got != c.want {
				t.Errorf("licenceNotice = %q, want %q", got, c.want)
			}
		})
	}
}
