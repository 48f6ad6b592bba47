package people

import "github.com/briefbot/briefbot/briefings/text"

// extractor holds the state of one article's extraction.
type extractor struct {
	doc        *text.Doc
	paras      []*paragraph
	cands      []*cand
	orgs       []*cand
	given      wordSet // first names learnt from this article's confident names
	ents       []*Entity
	byFull     map[string]*Entity
	lowerWords wordSet          // words the article writes in lower case, built when first needed
	spoken     wordSet          // single capitalised words a speech verb goes with: "said Kujda"
	people     personIndex      // the persons of ents, by the words of their names
	alone      map[string]uint8 // how words stand alone as a capitalised chain (usedAlone), built when first needed
	shortNames wordSet          // one-word names given alone (shortSurname), built when first needed
	factsOf    map[*Entity]*personFacts
}

type position struct{ para, off int }

func (p position) before(q position) bool {
	return p.para < q.para || (p.para == q.para && p.off < q.off)
}

func newExtractor(d *text.Doc) *extractor {
	x := &extractor{doc: d, given: wordSet{}, spoken: wordSet{}, byFull: map[string]*Entity{}, factsOf: map[*Entity]*personFacts{}}
	for i, p := range d.Paragraphs {
		x.paras = append(x.paras, newParagraph(i, p))
	}
	return x
}

func (x *extractor) isGiven(t token) bool {
	return t.word && t.upper && !t.allCaps && (givenNames[t.lower] || x.given[t.lower])
}

// run is the whole pipeline for one article.
func (x *extractor) run() *DocResult {
	for _, pp := range x.paras {
		for _, ch := range chains(pp.toks) {
			x.scan(pp, ch.i, ch.j)
		}
	}
	for _, pp := range x.paras {
		x.scanLists(pp)
	}
	x.buildEntities()
	x.dropWorks()
	for _, pp := range x.paras {
		for _, ch := range chains(pp.toks) {
			x.scanKnown(pp, ch.i, ch.j)
		}
	}
	x.linkShort()
	x.dropWorks()
	for _, pp := range x.paras {
		for _, ch := range chains(pp.toks) {
			x.scanOrg(pp, ch.i, ch.j)
		}
	}
	return x.result()
}

// candPos is where a candidate stands.
func candPos(c *cand) position { return position{c.para.idx, c.start()} }
