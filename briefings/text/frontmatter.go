package text

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
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

// SplitFrontMatter separates an optional YAML front matter block (between
// two "---" lines at the very top) from the body. It returns the metadata,
// the body, and whether a block was present. Unknown keys are ignored; a
// bad value of a known key is a *FrontMatterError.
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
var yamlLine = regexp.MustCompile(`line (\d+): `)

func parseMeta(block string) (Meta, error) {
	var m Meta
	if strings.TrimSpace(block) == "" {
		return m, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(block), &root); err != nil {
		line := 2
		if sm := yamlLine.FindStringSubmatch(err.Error()); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			line = n + 1 // +1 for the opening --- line
		}
		return m, &FrontMatterError{Line: line, Err: errors.New(strings.TrimPrefix(yamlLine.ReplaceAllString(err.Error(), ""), "yaml: "))}
	}
	if len(root.Content) == 0 {
		return m, nil
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return m, &FrontMatterError{Line: doc.Line + 1, Err: fmt.Errorf("want key: value pairs")}
	}
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
						return m, bad(fmt.Errorf("want a list of words"))
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
		}
		if err != nil {
			return m, err
		}
	}
	return m, nil
}
