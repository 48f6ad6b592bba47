// Package quotes finds direct quotations in an article and attributes them
// to their speakers. Quote spans are found over paragraphs before sentence
// splitting, so multi-sentence and multi-paragraph quotes stay whole.
package quotes

import "github.com/briefbot/briefbot/briefings/text"

// Resolver maps a speaker phrase seen at (para, off) ("Mr Alegre", "the
// police chief") to a doc-local entity key. *people.DocResult implements it.
type Resolver interface {
	Resolve(phrase string, para, off int) (key string, ok bool)
}

// Quote is one direct quotation.
type Quote struct {
	Text      string // the quoted words, without the quotation marks
	Para      int    // first paragraph of the quote
	ParaEnd   int    // last paragraph (== Para for a one-paragraph quote)
	Start     int    // byte offset of the quote in paragraph Para
	Speaker   string // doc-local entity key; "" for an unnamed or unknown speaker
	SpeakerAs string // how the speaker is introduced: "Mr Alegre", "he", "a Kurdish woman from Iraq"
}

// Extract finds the quotes of an article and their speakers.
func Extract(d *text.Doc, r Resolver) []Quote {
	return nil
}
