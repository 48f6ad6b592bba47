package curation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAdd(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := Add(path, HideQuote("a1", "nothing left"), SetKind("Nike", "organisation")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append([]byte("# kept comment\n"), mustRead(t, path)...), 0o644); err != nil {
		t.Fatal(err)
	}
	edits := []Edit{
		CorrectFigure("a1", "3,000", "", 2014, "camp residents"),
		HideFigure("a2", "1,200", "small boats"),
		RemoveRole("Natacha Bouchart", "Calais mayor", "2015", ""),
		MergeAliases("Natacha Bouchart", "Natasha Bouchart"),
		ReassignQuote("a1", "cannot accept", "Natacha Bouchart"),
		ArticleDigest("a3", DigestPin),
		CorrectRole("Natacha Bouchart", "Mayor of Calais", "Mayor", "2016"),
		AddRole("Natacha Bouchart", "Senator", "2014-09", true, "a1"),
		ArticleMeta("a4", "2015-03", "A title"),
	}
	if err := Add(path, edits...); err != nil {
		t.Fatal(err)
	}
	data := mustRead(t, path)
	if !strings.HasPrefix(string(data), "# kept comment") {
		t.Errorf("the comment is lost:\n%s", data)
	}
	f, err := Parse(FileName, data)
	if err != nil {
		t.Fatalf("the edited file does not parse: %v\n%s", err, data)
	}
	if len(f.Quotes) != 2 || !f.Quotes[0].Hide || f.Quotes[1].Speaker != "Natacha Bouchart" {
		t.Errorf("quotes = %+v", f.Quotes)
	}
	if len(f.Figures) != 2 || f.Figures[0].Year != 2014 || f.Figures[0].Counts != "camp residents" || !f.Figures[1].Hide || f.Figures[1].Sentence != "small boats" {
		t.Errorf("figures = %+v", f.Figures)
	}
	if len(f.People) != 5 || f.People[0].Kind != "organisation" || f.People[1].RemoveRoles[0].Title != "Calais mayor" || f.People[2].Aliases[0] != "Natasha Bouchart" {
		t.Errorf("people = %+v", f.People)
	}
	if fix := f.People[3].CorrectRoles; len(fix) != 1 || fix[0].To != "Mayor" || fix[0].Date.Year != 2016 {
		t.Errorf("corrected role = %+v", fix)
	}
	if add := f.People[4].AddRoles; len(add) != 1 || add[0].Title != "Senator" || !add[0].Past || add[0].Source != "a1" || add[0].Date.Month != 9 {
		t.Errorf("added role = %+v", add)
	}
	if len(f.Articles) != 2 || f.Articles[0].Digest != DigestPin || f.Articles[1].Title != "A title" || f.Articles[1].Date.Month != 3 {
		t.Errorf("articles = %+v", f.Articles)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestAddRefusesABrokenResult(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte("quotes: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Add(path, CorrectFigure("a1", "3,000", "", 0, "")); err == nil {
		t.Fatal("an edit that asks for nothing was written")
	}
	if got := string(mustRead(t, path)); got != "quotes: []\n" {
		t.Errorf("the file changed: %q", got)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
