package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/briefings/text"
)

// pos is a byte position in a document: paragraph index and offset.
type pos struct{ para, off int }

func (p pos) before(q pos) bool {
	return p.para < q.para || (p.para == q.para && p.off < q.off)
}

// span is one double-quoted stretch of text, possibly over several
// paragraphs. open is the opening mark, close the closing mark (or the end
// of the paragraph the quote was left open in).
type span struct {
	open      pos // the opening mark
	textStart int // offset in open.para just past the opening mark
	close     pos // the closing mark, or the end of the last paragraph when unclosed
	after     int // offset in close.para just past the closing mark
	closed    bool
	// inner holds the opening marks of continuation paragraphs ("A. "B."),
	// dropped from the text.
	inner []markAt
}

type markAt struct {
	at    pos
	width int
}

// markKind tells how a quotation mark can be read.
type markKind int

const (
	markOpen markKind = iota
	markClose
	markEither
)

type mark struct {
	off, width int
	kind       markKind
}

// scanMarks finds the double quotation marks of a paragraph and reads each
// as an opener, a closer or either, from the characters around it.
func scanMarks(p string) []mark {
	var out []mark
	for i := 0; i < len(p); {
		r, w := utf8.DecodeRuneInString(p[i:])
		switch r {
		case '“', '„':
			out = append(out, mark{i, w, markOpen})
		case '”':
			out = append(out, mark{i, w, markClose})
		case '"':
			out = append(out, mark{i, w, straightKind(p, i, w)})
		}
		i += w
	}
	return out
}

// straightKind reads a straight " by its neighbours: space before and a
// word after opens, a word or punctuation before and space after closes.
func straightKind(p string, i, w int) markKind {
	prevOpen := i == 0
	if !prevOpen {
		r, _ := utf8.DecodeLastRuneInString(p[:i])
		prevOpen = unicode.IsSpace(r) || strings.ContainsRune("([{—–-/", r)
	}
	nextClose := i+w >= len(p)
	if !nextClose {
		r, _ := utf8.DecodeRuneInString(p[i+w:])
		nextClose = unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}—–", r)
	}
	switch {
	case prevOpen && !nextClose:
		return markOpen
	case !prevOpen && nextClose:
		return markClose
	}
	return markEither
}

// startsWithOpener reports whether a paragraph opens with a quotation mark,
// the newspaper sign that a quote left open goes on.
func startsWithOpener(p string) (int, bool) {
	r, w := utf8.DecodeRuneInString(p)
	if r == '“' || r == '„' || (r == '"' && straightKind(p, 0, w) != markClose) {
		return w, true
	}
	return 0, false
}

// endsSentence reports whether s, trimmed, ends like a finished sentence:
// the sign that an opener met inside an open quote starts a new quoted
// paragraph ("A. "B.") rather than closing the quote.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// findSpans finds the double-quoted spans of a document over its
// paragraphs. A quote left open at the end of a paragraph goes on when the
// next paragraph opens with a quotation mark, and ends with its paragraph
// otherwise; an opener met inside an open quote right after a finished
// sentence starts another quoted paragraph of the same quote (paragraphs
// glued into one line).
func findSpans(d *text.Doc) []span {
	var out []span
	var cur *span
	finish := func(at pos, after int, closed bool) {
		cur.close, cur.after, cur.closed = at, after, closed
		out = append(out, *cur)
		cur = nil
	}
	for pi, para := range d.Paragraphs {
		p := para.Text
		marks := scanMarks(p)
		if cur != nil { // left open by the previous paragraph
			if w, ok := startsWithOpener(p); ok {
				cur.inner = append(cur.inner, markAt{pos{pi, 0}, w})
				marks = marks[1:]
			} else {
				prev := len(d.Paragraphs[pi-1].Text)
				finish(pos{pi - 1, prev}, prev, false)
			}
		}
		for _, m := range marks {
			switch {
			case cur == nil:
				if m.kind != markClose {
					cur = &span{open: pos{pi, m.off}, textStart: m.off + m.width}
				}
			case m.kind != markOpen:
				finish(pos{pi, m.off}, m.off+m.width, true)
			case endsSentence(p[:m.off]) && (cur.open.para != pi || m.off > cur.textStart):
				cur.inner = append(cur.inner, markAt{pos{pi, m.off}, m.width})
			default:
				// An opener in the middle of an open quote's sentence: the
				// writer used the wrong mark to close it.
				finish(pos{pi, m.off}, m.off+m.width, true)
			}
		}
	}
	if cur != nil {
		last := len(d.Paragraphs) - 1
		n := len(d.Paragraphs[last].Text)
		finish(pos{last, n}, n, false)
	}
	return out
}

// spanText is the quoted text of s without its quotation marks, with
// paragraphs joined by one space and white space normalised.
func spanText(d *text.Doc, s span) string {
	var b strings.Builder
	for pi := s.open.para; pi <= s.close.para; pi++ {
		p := d.Paragraphs[pi].Text
		from, to := 0, len(p)
		if pi == s.open.para {
			from = s.textStart
		}
		if pi == s.close.para {
			to = s.close.off
		}
		if from > to {
			from = to
		}
		seg := p[from:to]
		// Drop the inner opening marks of this paragraph, last first so
		// the offsets stay right.
		for k := len(s.inner) - 1; k >= 0; k-- {
			m := s.inner[k]
			if m.at.para != pi || m.at.off < from || m.at.off+m.width > to {
				continue
			}
			a := m.at.off - from
			seg = seg[:a] + " " + seg[a+m.width:]
		}
		b.WriteString(seg)
		b.WriteByte(' ')
	}
	return cleanQuoteText(b.String())
}

// cleanQuoteText normalises white space and drops the punctuation that
// belongs to the sentence around the quote ("Q," he said).
func cleanQuoteText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ",;: ")
	return strings.TrimSpace(s)
}
