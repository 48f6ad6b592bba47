package text

import "strconv"

// Parts cuts a document longer than max bytes of text into parts of at
// most about max bytes each, at paragraph boundaries, and cuts a paragraph
// longer than max at sentence boundaries first. Each part is a Doc of its
// own: the first keeps the document's id, the next are "ID#2", "ID#3", ...,
// and each keeps the metadata, its title marked with the part's number.
//
// Work on an article grows faster than its length (every name is matched
// against the others), which is harmless for an article but not for a file
// of several megabytes (a dump of many articles, a page whose newlines were
// lost); in parts of bounded size the work is linear in the file's length.
// A document within max is returned as it is.
func (d *Doc) Parts(max int) []*Doc {
	total := 0
	for _, p := range d.Paragraphs {
		total += len(p.Text)
	}
	if total <= max || max <= 0 {
		return []*Doc{d}
	}
	var paras []Paragraph
	for _, p := range d.Paragraphs {
		paras = append(paras, p.pieces(max)...)
	}
	var parts []*Doc
	size := 0
	for _, p := range paras {
		if len(parts) == 0 || (size > 0 && size+len(p.Text) > max) {
			parts = append(parts, &Doc{ID: d.ID, Meta: d.Meta})
			size = 0
		}
		last := parts[len(parts)-1]
		last.Paragraphs = append(last.Paragraphs, p)
		size += len(p.Text)
	}
	n := strconv.Itoa(len(parts))
	for i, p := range parts {
		num := strconv.Itoa(i + 1)
		if i > 0 {
			p.ID = d.ID + "#" + num
		}
		p.Meta.Tags = append([]string(nil), d.Meta.Tags...)
		p.Meta.Title = d.Meta.Title + " (part " + num + " of " + n + ")"
	}
	return parts
}

// pieces cuts a paragraph longer than max at sentence boundaries into
// paragraphs of at most about max bytes (a single longer sentence stays
// whole).
func (p Paragraph) pieces(max int) []Paragraph {
	if len(p.Text) <= max || len(p.Sentences) < 2 {
		return []Paragraph{p}
	}
	var out []Paragraph
	first := 0
	flush := func(last int) {
		start, end := p.Sentences[first].Start, p.Sentences[last].End
		spans := make([]Span, 0, last-first+1)
		for _, s := range p.Sentences[first : last+1] {
			spans = append(spans, Span{Start: s.Start - start, End: s.End - start})
		}
		out = append(out, Paragraph{Text: p.Text[start:end], Sentences: spans})
	}
	for i := 1; i < len(p.Sentences); i++ {
		if p.Sentences[i].End-p.Sentences[first].Start > max {
			flush(i - 1)
			first = i
		}
	}
	flush(len(p.Sentences) - 1)
	return out
}
