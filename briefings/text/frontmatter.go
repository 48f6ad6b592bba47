package text

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefbot/briefbot/briefings/internal/lazyre"
	"github.com/briefbot/briefbot/internal/textdist"
)

// FrontMatterError names the line of a bad front-matter value.
type FrontMatterError struct {
	Line int // 1-based line in the file
	Key  string
	Err  error
}

func (e *FrontMatterError) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("line %d: front matter: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("line %d: front matter key %q: %v", e.Line, e.Key, e.Err)
}

func (e *FrontMatterError) Unwrap() error { return e.Err }

// FrontMatterErrors lists every bad value of one front matter, so a
// curator fixes them all at once; errors.As finds each *FrontMatterError.
type FrontMatterErrors []*FrontMatterError

func (e FrontMatterErrors) Error() string {
	s := make([]string, len(e))
	for i, fe := range e {
		s[i] = fe.Error()
	}
	return strings.Join(s, "; ")
}

// Unwrap returns each problem.
func (e FrontMatterErrors) Unwrap() []error {
	out := make([]error, len(e))
	for i, fe := range e {
		out[i] = fe
	}
	return out
}

// frontMatterKeys are the keys read; others are ignored, and reported.
var frontMatterKeys = []string{"title", "publisher", "published", "date", "url", "author", "tags"}

// SplitFrontMatter separates an optional YAML front matter block (between
// two "---" lines at the very top) from the body. It returns the metadata,
// the body, and whether a block was present. Unknown keys are ignored (and
// listed in Meta.Ignored); a bad value of a known key is a
// *FrontMatterError, or FrontMatterErrors when there are several.
func SplitFrontMatter(raw []byte) (Meta, string, bool, error) {
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	s := strings.ReplaceAll(string(raw), "\r\n", "\n")
	if !strings.HasPrefix(s, "---\n") {
		return Meta{}, s, false, nil
	}
	// The block ends at the first line that is exactly "---" (trailing
	// spaces allowed).
	rest := s[4:]
	off := 0
	end := -1
	for off <= len(rest) {
		line := rest[off:]
		next := len(rest)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
			next = off + i + 1
		}
		if strings.TrimRight(line, " \t") == "---" {
			end = off
			off = next
			break
		}
		if next == len(rest) {
			break
		}
		off = next
	}
	if end < 0 {
		return Meta{}, s, false, &FrontMatterError{Line: 1, Err: fmt.Errorf("opening --- has no closing --- line")}
	}
	block := rest[:end]
	if off > len(rest) {
		off = len(rest)
	}
	rest = rest[off:]
	m, err := parseMeta(block)
	return m, rest, true, err
}

// yamlLine finds the line number in a yaml.v3 error ("yaml: line 2: ...").
var yamlLine = lazyre.New(`line (\d+): `)

func parseMeta(block string) (Meta, error) {
	var m Meta
	if strings.TrimSpace(block) == "" {
		return m, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(block), &root); err != nil {
		line := 2
		if sm := yamlLine().FindStringSubmatch(err.Error()); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			line = n + 1 // +1 for the opening --- line
		}
		return m, &FrontMatterError{Line: line, Err: errors.New(strings.TrimPrefix(yamlLine().ReplaceAllString(err.Error(), ""), "yaml: "))}
	}
	if len(root.Content) == 0 {
		return m, nil
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return m, &FrontMatterError{Line: doc.Line + 1, Err: fmt.Errorf("want key: value pairs")}
	}
	var errs FrontMatterErrors
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		line := v.Line + 1 // +1 for the opening --- line
		bad := func(err error) error { return &FrontMatterError{Line: line, Key: k.Value, Err: err} }
		scalar := func() (string, error) {
			if v.Kind != yaml.ScalarNode {
				return "", bad(fmt.Errorf("want a single value"))
			}
			return strings.TrimSpace(v.Value), nil
		}
		var err error
		switch strings.ToLower(k.Value) {
		case "title":
			m.Title, err = scalar()
		case "publisher":
			m.Publisher, err = scalar()
		case "url":
			m.URL, err = scalar()
			if err == nil && m.URL != "" && !strings.HasPrefix(m.URL, "http://") && !strings.HasPrefix(m.URL, "https://") {
				err = bad(fmt.Errorf("want an http(s) URL"))
			}
		case "author":
			m.Author, err = scalar()
		case "published", "date":
			var s string
			if s, err = scalar(); err == nil && s != "" {
				if m.Published, err = ParseDate(s); err != nil {
					err = bad(err)
				}
			}
		case "tags":
			switch v.Kind {
			case yaml.SequenceNode:
				for _, t := range v.Content {
					if t.Kind != yaml.ScalarNode {
						err = bad(fmt.Errorf("want a list of words"))
						break
					}
					m.Tags = append(m.Tags, t.Value)
				}
			case yaml.ScalarNode:
				for _, t := range strings.Split(v.Value, ",") {
					if t = strings.TrimSpace(t); t != "" {
						m.Tags = append(m.Tags, t)
					}
				}
			default:
				err = bad(fmt.Errorf("want a list of words"))
			}
		default:
			m.Ignored = append(m.Ignored, ignoredKey(k))
		}
		var fe *FrontMatterError
		if errors.As(err, &fe) {
			errs = append(errs, fe)
		}
	}
	switch len(errs) {
	case 0:
		return m, nil
	case 1:
		return m, errs[0]
	}
	return m, errs
}

// ignoredKey says that a front-matter key is not read, and which one was
// probably meant.
func ignoredKey(k *yaml.Node) string {
	msg := fmt.Sprintf("line %d: front matter key %q is not one briefbot reads", k.Line+1, k.Value)
	best, bestD := "", 3
	for _, known := range frontMatterKeys {
		if d := textdist.OSA([]rune(strings.ToLower(k.Value)), []rune(known), bestD-1); d < bestD {
			best, bestD = known, d
		}
	}
	if best != "" {
		return msg + fmt.Sprintf(" (did you mean %s?); ignored", best)
	}
	return msg + " (" + strings.Join(frontMatterKeys, ", ") + "); ignored"
}
