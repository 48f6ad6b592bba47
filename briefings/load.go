package briefings

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/encoding/charmap"

	"github.com/briefbot/briefbot/briefings/curation"
	"github.com/briefbot/briefbot/briefings/people"
	"github.com/briefbot/briefbot/briefings/search"
	"github.com/briefbot/briefbot/briefings/text"
)

// MaxFileSize is the largest article file read; larger files are skipped
// with a warning that names them.
const MaxFileSize = 8 << 20

// windowSentences is how many sentences one indexed passage holds. BBC
// articles are a single long paragraph, so paragraphs are cut into windows;
// sentences inside the best windows are then scored one by one.
const windowSentences = 3

// passage is one indexed window of a paragraph.
type passage struct {
	doc         *document
	para        int
	first, last int // sentence indexes, inclusive
}

// load is LoadWith: read and parse every file in parallel, then extract
// and index at once, then merge people across articles while the
// articles' own lookups are built.
func load(ctx context.Context, fsys fs.FS, root string, o LoadOptions) (*Engine, error) {
	root = path.Clean("/" + root)[1:] // "", "./", "a/" and "/a" name "." and "a"
	if root == "" {
		root = "."
	}
	files, skipped, err := listFiles(fsys, root)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		if len(skipped) > 0 {
			return nil, fmt.Errorf("%s: no .md or .txt articles found (%s)", root, strings.Join(skipped, "; "))
		}
		return nil, fmt.Errorf("%s: no .md or .txt articles found", root)
	}
	e := &Engine{byID: make(map[string]*document, len(files)), warnings: skipped}
	docs := make([]*document, len(files))
	warns := make([]string, len(files))
	problems := make([]string, len(files))
	parsed := newParsedFiles(o.Previous)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		g.Go(func() error {
			d, warn, err := readDoc(fsys, f, parsed)
			warns[i] = warn
			if err != nil {
				// A bad file is reported and left out; the others load.
				problems[i] = err.Error() + "; not loaded"
				return nil
			}
			docs[i] = d
			return nil
		})
	}
	_ = g.Wait()
	for i, d := range docs {
		if warns[i] != "" {
			e.warnings = append(e.warnings, warns[i])
		}
		if problems[i] != "" {
			e.problems = append(e.problems, problems[i])
		}
		if d == nil {
			continue
		}
		if e.byID[d.ID] != nil {
			e.warnings = append(e.warnings, fmt.Sprintf("%s: another file has the id %q; skipped", files[i].name, d.ID))
			continue
		}
		d.ord = len(e.docs)
		e.docs = append(e.docs, d)
		e.byID[d.ID] = d
	}
	if len(e.docs) == 0 {
		return nil, fmt.Errorf("%s: no readable articles (%s)", root, strings.Join(append(e.problems, e.warnings...), "; "))
	}
	cf, err := curation.Load(fsys, root)
	if err != nil {
		return nil, err
	}
	cur := curation.NewApplier(cf)
	e.curateArticles(cur)
	e.identify(o)

	if o.DeferIndex && o.Previous == nil {
		e.passages = makePassages(e.docs)
		e.indexDeferred = true
		e.extractAll(ctx, o, !cur.File().Empty())
	} else {
		// Index while extracting: the index needs only the parsed text.
		var (
			idx    *search.Index
			idxErr error
			wg     sync.WaitGroup
		)
		wg.Add(1)
		go func() {
			defer wg.Done()
			idx, idxErr = e.buildIndex(o)
		}()
		e.extractAll(ctx, o, !cur.File().Empty())
		wg.Wait()
		if idxErr != nil {
			return nil, idxErr
		}
		e.holdIndex(idx)
	}
	e.curateExtraction(cur)
	// the articles' lookups need no people: built while people merge
	var docsBuilt sync.WaitGroup
	docsBuilt.Go(e.buildDocs)
	texts := make([]*text.Doc, len(e.docs))
	inputs := make([]people.DocInput, len(e.docs))
	for i, d := range e.docs {
		texts[i] = d.Doc
		inputs[i] = people.DocInput{DocID: d.ID, Date: d.Meta.Published, Result: d.people}
	}
	dir := people.BuildWith(texts, inputs, cur.Rules())
	if dir == nil {
		dir = &people.Directory{Local: map[people.LocalKey]string{}}
	}
	e.curatePeople(cur, dir)
	e.buildPeople(dir, dir.Lookup)
	docsBuilt.Wait()
	return e, nil
}

// buildIndex cuts the documents into passages and indexes them, updating
// the previous engine's index in place when it can, else the index kept
// in o.IndexDir, else building one in memory.
func (e *Engine) buildIndex(o LoadOptions) (*search.Index, error) {
	if idx, ok, err := e.updateIndex(o.Previous); ok {
		return idx, err
	}
	if o.IndexDir != "" && o.Previous == nil {
		if idx := e.openIndexDir(o); idx != nil {
			return idx, nil
		}
	}
	e.passages = makePassages(e.docs)
	return search.Build(passageTexts(e.passages))
}

func passageTexts(ps []passage) []string {
	texts := make([]string, len(ps))
	for i, p := range ps {
		texts[i] = p.text()
	}
	return texts
}

// searchIndex is the engine's full-text index; a load that deferred it
// builds it here, on the first answer that searches.
func (e *Engine) searchIndex() *search.Index {
	e.indexOnce.Do(func() {
		if e.indexDeferred {
			// Build fails only when the analyzer is missing, which an
			// eager load reports; here the engine answers without search.
			if idx, err := search.Build(passageTexts(e.passages)); err == nil {
				e.holdIndex(idx)
			}
		}
	})
	return e.index
}

// articleLike are extensions of files that may well be articles but are
// not read; a corpus check names them rather than skip them silently.
var articleLike = map[string]bool{
	".markdown": true, ".mdown": true, ".mkd": true, ".text": true, ".html": true, ".htm": true,
	".xhtml": true, ".rst": true, ".adoc": true, ".rtf": true, ".doc": true, ".docx": true, ".odt": true, ".pdf": true,
}

// file is one article file found under the root.
type file struct {
	name string // path in the fs
	id   string // path relative to the root, without extension
}

// listFiles lists the article files under root. A sub-directory that
// cannot be read is skipped with a warning, as an unreadable file is; only
// an unreadable root is an error.
func listFiles(fsys fs.FS, root string) (out []file, skipped []string, err error) {
	err = fs.WalkDir(fsys, root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			skipped = append(skipped, fmt.Sprintf("%s: unreadable directory (%v); skipped", p, cause(err)))
			if de != nil && de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := de.Name()
		if de.IsDir() {
			if p != root && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(path.Ext(name))
		if strings.HasPrefix(name, ".") || !de.Type().IsRegular() {
			return nil
		}
		if ext != ".md" && ext != ".txt" {
			if articleLike[ext] {
				skipped = append(skipped, fmt.Sprintf("%s: not read: articles are .md or .txt files (rename it if it is plain text or Markdown, else convert it)", p))
			}
			return nil
		}
		if strings.EqualFold(name, "README.md") {
			return nil // a corpus directory's own notes are not an article
		}
		rel := p
		if root != "." && root != "" {
			rel = strings.TrimPrefix(p, strings.TrimSuffix(root, "/")+"/")
		}
		out = append(out, file{name: p, id: strings.TrimSuffix(rel, path.Ext(rel))})
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read corpus: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, skipped, nil
}

func joinWarn(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// cause is the reason of a path error without its path, which the
// warning names already.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readDoc reads and parses one file as one document, however long its
// text (extraction is linear in it; MaxFileSize bounds it). Binary files
// are skipped with a warning; text that is not UTF-8 is read as
// Windows-1252 with a warning. A file parsed before with the same bytes is
// taken from parsed.
func readDoc(fsys fs.FS, f file, parsed parsedFiles) (*document, string, error) {
	info, err := fs.Stat(fsys, f.name)
	if err != nil {
		return nil, fmt.Sprintf("%s: unreadable (%v); skipped", f.name, err), nil
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Sprintf("%s: %.1f MB, larger than the %d MB an article may be; skipped", f.name, float64(info.Size())/(1<<20), MaxFileSize>>20), nil
	}
	raw, err := fs.ReadFile(fsys, f.name)
	if err != nil {
		return nil, fmt.Sprintf("%s: unreadable (%v); skipped", f.name, err), nil
	}
	var warn string
	sum := sha256.Sum256(raw)
	if again, warn := parsed.reuse(f.id, sum); again != nil {
		return again, warn, nil
	}
	if isBinary(raw) {
		return nil, fmt.Sprintf("%s: not a text file; skipped", f.name), nil
	}
	if !utf8.Valid(raw) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(raw)
		if err != nil {
			return nil, fmt.Sprintf("%s: not UTF-8 text; skipped", f.name), nil
		}
		raw = dec
		warn = fmt.Sprintf("%s: not UTF-8; read as Windows-1252", f.name)
	}
	td, err := text.Parse(f.id, raw)
	if err != nil {
		return nil, warn, fmt.Errorf("%s: %w", f.name, err)
	}
	for _, ig := range td.Meta.Ignored {
		warn = joinWarn(warn, f.name+": "+ig)
	}
	return &document{Doc: td, low: lowerText(td), sum: sum, file: f.id, parsedMeta: cloneMeta(td.Meta), readWarn: warn}, warn, nil
}

// lowerText is a document's paragraphs in lower case, one a line.
func lowerText(d *text.Doc) string {
	var low strings.Builder
	for _, p := range d.Paragraphs {
		low.WriteString(strings.ToLower(p.Text))
		low.WriteByte('\n')
	}
	return low.String()
}

// isBinary reports data that is not text: a NUL byte, or many control
// characters, in its first 8 KB.
func isBinary(b []byte) bool {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

func makePassages(docs []*document) []passage {
	var out []passage
	for _, d := range docs {
		for pi, p := range d.Paragraphs {
			n := len(p.Sentences)
			for s := 0; s < n; s += windowSentences {
				last := s + windowSentences - 1
				if last >= n {
					last = n - 1
				}
				out = append(out, passage{doc: d, para: pi, first: s, last: last})
			}
		}
	}
	return out
}

func (p passage) text() string {
	para := p.doc.Paragraphs[p.para]
	return para.Text[para.Sentences[p.first].Start:para.Sentences[p.last].End]
}
