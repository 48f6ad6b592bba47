package text

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedYears are the publication years of the raw seed articles, known
// from where they were collected.
var seedYears = map[string]int{
	"000_d4d57f0f7fc901fd.txt": 2025,
	"001_0f59b8bdf1ee5fa5.txt": 2014,
	"002_e2d441578c61b003.txt": 2014,
	"003_bd1ad776a86b5c50.txt": 2014,
	"004_512a55a57601a28e.txt": 2014,
}

// TestInferredYearPrecision measures how often a year guessed from an
// undated text and shown to readers (DateSure) is right: on the BBC
// articles (all published in 2004 or 2005) and on the raw seeds. It fails
// when that precision drops below 0.95.
func TestInferredYearPrecision(t *testing.T) {
	type tally struct{ guessed, sure, right, rightAll int }
	run := func(root string, right func(path string, year int) (bool, bool)) tally {
		var s tally
		if _, err := os.Stat(root); err != nil {
			t.Skipf("%s absent", root)
		}
		err := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil || de.IsDir() || strings.EqualFold(de.Name(), "README.md") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			d, err := Parse(p, b)
			if err != nil || !d.Meta.DateInferred {
				return err
			}
			ok, known := right(p, d.Meta.Published.Year)
			if !known {
				return nil
			}
			s.guessed++
			if ok {
				s.rightAll++
			}
			if d.Meta.DateSure {
				s.sure++
				if ok {
					s.right++
				} else {
					t.Logf("%s: shown year %d is wrong", p, d.Meta.Published.Year)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	bbc := run("../../../shared/corpora/bbc", func(_ string, y int) (bool, bool) { return y == 2004 || y == 2005, true })
	seeds := run("../../../shared/seeds", func(p string, y int) (bool, bool) {
		want, ok := seedYears[filepath.Base(p)]
		return y == want, ok
	})
	for _, c := range []struct {
		name string
		s    tally
	}{{"bbc", bbc}, {"seeds", seeds}} {
		t.Logf("%s: %d guessed, right %d (%.2f); %d shown, right %d (%.2f)", c.name, c.s.guessed, c.s.rightAll,
			float64(c.s.rightAll)/float64(max(1, c.s.guessed)), c.s.sure, c.s.right, float64(c.s.right)/float64(max(1, c.s.sure)))
	}
	all := bbc.sure + seeds.sure
	if p := float64(bbc.right+seeds.right) / float64(max(1, all)); all > 0 && p < 0.95 {
		t.Errorf("shown inferred years are right %.2f of the time, want at least 0.95", p)
	}
}
