package curation

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Edit is one entry to add to a curation file: the list it goes in
// ("people", "quotes", "figures" or "articles") and its keys in order.
type Edit struct {
	List   string
	Fields []Field
}

// Field is one key of an Edit; Value is a string, an int, a bool or a
// []string.
type Field struct {
	Key   string
	Value any
}

// HideQuote hides the quote of article that holds words.
func HideQuote(article, words string) Edit {
	return Edit{"quotes", []Field{{"article", article}, {"text", words}, {"hide", true}}}
}

// ReassignQuote gives the quote of article that holds words to speaker.
func ReassignQuote(article, words, speaker string) Edit {
	return Edit{"quotes", []Field{{"article", article}, {"text", words}, {"speaker", speaker}}}
}

// HideFigure hides the figure written value in article (sentence: words
// of its sentence, or "").
func HideFigure(article, value, sentence string) Edit {
	return Edit{"figures", withOptional([]Field{{"article", article}, {"value", value}}, Field{"sentence", sentence}, Field{"hide", true})}
}

// CorrectFigure sets a figure's year (0 keeps it) and what it counts ("" keeps it).
func CorrectFigure(article, value, sentence string, year int, counts string) Edit {
	f := withOptional([]Field{{"article", article}, {"value", value}}, Field{"sentence", sentence})
	if year != 0 {
		f = append(f, Field{"year", year})
	}
	return Edit{"figures", withOptional(f, Field{"counts", counts})}
}

// RemoveRole removes a person's role with the title, stated on date in
// source (either may be "").
func RemoveRole(person, title, date, source string) Edit {
	role := withOptional([]Field{{"title", title}}, Field{"date", date}, Field{"source", source})
	return Edit{"people", []Field{{"name", person}, {"remove_roles", []map[string]any{fieldMap(role)}}}}
}

// CorrectRole renames a person's role with the title to to, or redates it
// (either may be "").
func CorrectRole(person, title, to, date string) Edit {
	fix := withOptional([]Field{{"title", title}}, Field{"to", to}, Field{"date", date})
	return Edit{"people", []Field{{"name", person}, {"correct_roles", []map[string]any{fieldMap(fix)}}}}
}

// AddRole gives a person a role held on date (YYYY[-MM[-DD]]), stated in
// source ("" for none).
func AddRole(person, title, date string, past bool, source string) Edit {
	role := withOptional([]Field{{"title", title}, {"date", date}}, Field{"source", source})
	if past {
		role = append(role, Field{"past", true})
	}
	return Edit{"people", []Field{{"name", person}, {"add_roles", []map[string]any{fieldMap(role)}}}}
}

// ArticleMeta sets an article's date (YYYY[-MM[-DD]]) and title; "" keeps
// either.
func ArticleMeta(id, date, title string) Edit {
	return Edit{"articles", withOptional([]Field{{"id", id}}, Field{"date", date}, Field{"title", title})}
}

// SetKind marks a name as a "person" or an "organisation".
func SetKind(person, kind string) Edit {
	return Edit{"people", []Field{{"name", person}, {"kind", kind}}}
}

// MergeAliases makes aliases other names of person.
func MergeAliases(person string, aliases ...string) Edit {
	return Edit{"people", []Field{{"name", person}, {"aliases", aliases}}}
}

// ArticleDigest excludes an article from digests or pins it to the next one.
func ArticleDigest(id, choice string) Edit {
	return Edit{"articles", []Field{{"id", id}, {"digest", choice}}}
}

func withOptional(f []Field, opt ...Field) []Field {
	for _, o := range opt {
		if s, ok := o.Value.(string); ok && s == "" {
			continue
		}
		f = append(f, o)
	}
	return f
}

func fieldMap(f []Field) map[string]any {
	m := make(map[string]any, len(f))
	for _, x := range f {
		m[x.Key] = x.Value
	}
	return m
}

// Add appends the edits to the curation file at path (created when
// missing), keeping its comments, and replaces the file atomically: the
// new content is written to a temporary file in the same directory, then
// renamed over it. The result is parsed first, so a bad edit leaves the
// file as it was.
func Add(path string, edits ...Edit) error {
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read %s: %w", FileName, err)
	}
	out, err := appendEdits(data, edits)
	if err != nil {
		return err
	}
	if _, err := Parse(FileName, out); err != nil {
		return fmt.Errorf("edit would break %s: %w", FileName, err)
	}
	return writeAtomic(path, out)
}

// appendEdits adds the edits to a curation file's YAML.
func appendEdits(data []byte, edits []Edit) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s is not valid YAML: %w", FileName, err)
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: want a mapping at the top", FileName)
	}
	for _, e := range edits {
		list := listNode(root, e.List)
		entry := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
		for _, f := range e.Fields {
			v, err := valueNode(f.Value)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", e.List, f.Key, err)
			}
			if v.Kind != yaml.ScalarNode {
				entry.Style = 0 // nested lists read better in block style
			}
			entry.Content = append(entry.Content, scalar(f.Key), v)
		}
		list.Content = append(list.Content, entry)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("write %s: %w", FileName, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("write %s: %w", FileName, err)
	}
	return buf.Bytes(), nil
}

// listNode returns the sequence under key in root, adding it when absent
// (or null).
func listNode(root *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			v := root.Content[i+1]
			if v.Kind != yaml.SequenceNode {
				*v = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			}
			v.Style = 0
			return v
		}
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	root.Content = append(root.Content, scalar(key), seq)
	return seq
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func valueNode(v any) (*yaml.Node, error) {
	switch x := v.(type) {
	case string:
		return scalar(x), nil
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(x)}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(x)}, nil
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, s := range x {
			n.Content = append(n.Content, scalar(s))
		}
		return n, nil
	case []map[string]any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, m := range x {
			var item yaml.Node
			if err := item.Encode(m); err != nil {
				return nil, err
			}
			item.Style = yaml.FlowStyle
			n.Content = append(n.Content, &item)
		}
		return n, nil
	}
	return nil, fmt.Errorf("unsupported value %T", v)
}

// writeAtomic replaces path with data through a temporary file and a rename.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+FileName+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", FileName, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", FileName, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", FileName, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", FileName, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", FileName, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", FileName, err)
	}
	return nil
}
