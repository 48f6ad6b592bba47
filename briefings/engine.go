package briefings

import (
	"io/fs"
	"time"
)

// Engine answers questions from one loaded corpus. It is immutable once
// built and safe for concurrent use; a reload builds a new Engine.
type Engine struct {
}

// Counts is what a loaded corpus holds (briefbot check).
type Counts struct {
	Documents, People, Organisations, Quotes, Figures int
}

// Load builds an engine from every .md and .txt file under root in fsys.
func Load(fsys fs.FS, root string) (*Engine, error) {
	return &Engine{}, nil
}

// Who briefs on a person or organisation.
func (e *Engine) Who(name string) Reply {
	return Reply{Kind: KindNotFound, Title: "Not built yet"}
}

// Stats lists the figures the corpus reports for a year, optionally on a
// topic; year 0 lists the years covered.
func (e *Engine) Stats(year int, topic string) Reply {
	return Reply{Kind: KindNotFound, Title: "Not built yet"}
}

// Ask answers a free question.
func (e *Engine) Ask(question string) Reply {
	return Reply{Kind: KindNotFound, Title: "Not built yet"}
}

// Sources lists the documents of the corpus.
func (e *Engine) Sources() Reply {
	return Reply{Kind: KindSources, Title: "Sources"}
}

// DigestOptions selects what a digest covers.
type DigestOptions struct {
	// Since keeps documents published on or after this day; zero keeps all.
	Since time.Time
	// Seen reports documents already posted to the target; nil: none.
	Seen func(docID string) bool
	// Spotlight asks for a spotlight reply when nothing is new.
	Spotlight bool
	// Limit caps the documents summarised; 0 means a sensible default.
	Limit int
}

// Digest is a digest reply and the documents it covers.
type Digest struct {
	Reply  Reply
	DocIDs []string // the new documents covered (empty for a spotlight)
	Empty  bool     // nothing new (Reply is a spotlight, or empty when not asked for one)
}

// Digest summarises documents new to a target.
func (e *Engine) Digest(opts DigestOptions) Digest {
	return Digest{Empty: true}
}

// Counts reports what the corpus holds.
func (e *Engine) Counts() Counts { return Counts{} }
