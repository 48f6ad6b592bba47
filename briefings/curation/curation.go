// Package curation reads a curator's corrections to what the engine
// extracted (curation.yaml in the corpus directory) and applies them to the
// extracted knowledge: people merged, kept apart, marked as organisations,
// roles added, corrected or removed; quotes reassigned or hidden; figures'
// years and measures corrected or hidden; article dates and titles set,
// articles kept out of digests or pinned to the next one. An entry that
// matches nothing is reported, never silently ignored.
package curation

import (
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/briefbot/briefbot/briefings/text"
)

// FileName is the curation file's name in the corpus directory.
const FileName = "curation.yaml"

// File is a parsed curation file.
type File struct {
	Name     string // as named in messages: "curation.yaml"
	People   []Person
	Quotes   []Quote
	Figures  []Figure
	Articles []Article
}

// Person corrects one person or organisation, named as the corpus names it.
type Person struct {
	Line int
	Name string
	// Aliases are other names of the same person, merged into one profile
	// shown under Name ("Natasha Bouchart" for "Natacha Bouchart").
	Aliases []string
	// Kind is "person" or "organisation" when the extractor got it wrong
	// ("Nike" is not a person); "" leaves it.
	Kind string
	// NeverMerge names people who are never this one, however alike.
	NeverMerge   []string
	AddRoles     []Role
	RemoveRoles  []Role
	CorrectRoles []RoleFix
}

// Role is a role to add, or to remove (Date and Source then narrow which).
type Role struct {
	Line   int
	Title  string
	Date   text.Date
	Past   bool
	Source string // the id of the article that states it; may be empty
}

// RoleFix corrects a role's title or date; every role with Title is fixed.
type RoleFix struct {
	Line  int
	Title string
	To    string    // the new title; "" keeps it
	Date  text.Date // the new date; zero keeps it
}

// Quote reassigns a quote to a speaker or hides it. Text is words of the
// quote, enough to tell it from the article's other quotes.
type Quote struct {
	Line    int
	Article string
	Text    string
	Speaker string
	Hide    bool
}

// Figure corrects or hides a figure: Value is the figure as written
// ("1,097"), Sentence optional words of its sentence when the article
// states the same value twice.
type Figure struct {
	Line     int
	Article  string
	Value    string
	Sentence string
	Year     int
	Counts   string
	Hide     bool
}

// Digest choices of an Article.
const (
	DigestExclude = "exclude" // never in a digest nor a spotlight
	DigestPin     = "pin"     // leads the next digest of every target, once
)

// Article sets a document's missing date or title, or its digest choice.
type Article struct {
	Line   int
	ID     string
	Date   text.Date
	Title  string
	Digest string // "", DigestExclude or DigestPin
}

// Empty reports a file with no entries.
func (f *File) Empty() bool {
	return f == nil || len(f.People)+len(f.Quotes)+len(f.Figures)+len(f.Articles) == 0
}

// Load reads root/curation.yaml from fsys; a corpus without one has an
// empty File. A bad entry is an *Error naming the file, line and key.
func Load(fsys fs.FS, root string) (*File, error) {
	name := path.Join(root, FileName)
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return &File{Name: FileName}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", FileName, err)
	}
	return Parse(FileName, data)
}

// Error is a bad entry of a curation file.
type Error struct {
	File string
	Line int
	Key  string // the entry's path: "quotes[2].speaker"
	Err  error
}

func (e *Error) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s: line %d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: line %d: %s: %v", e.File, e.Line, e.Key, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
