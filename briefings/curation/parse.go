package curation

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefbot/briefbot/briefings/text"
)

// Parse reads a curation file. Unknown keys, wrong types, bad dates and
// entries that ask for nothing are errors naming the line and the key.
func Parse(name string, data []byte) (*File, error) {
	f := &File{Name: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			line = yamlErrLine(err)
		}
		return nil, &Error{File: name, Line: line, Err: fmt.Errorf("not valid YAML: %w", err)}
	}
	if len(doc.Content) == 0 {
		return f, nil // an empty file
	}
	p := parser{file: name}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, p.fail(root, "", "want a mapping with people, quotes, figures and articles")
	}
	err := p.mapping(root, "", map[string]func(*yaml.Node, string) error{
		"people": func(n *yaml.Node, k string) error {
			return p.list(n, k, func(n *yaml.Node, k string) error { return p.person(f, n, k) })
		},
		"quotes": func(n *yaml.Node, k string) error {
			return p.list(n, k, func(n *yaml.Node, k string) error { return p.quote(f, n, k) })
		},
		"figures": func(n *yaml.Node, k string) error {
			return p.list(n, k, func(n *yaml.Node, k string) error { return p.figure(f, n, k) })
		},
		"articles": func(n *yaml.Node, k string) error {
			return p.list(n, k, func(n *yaml.Node, k string) error { return p.article(f, n, k) })
		},
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// yamlErrLine reads the line from a yaml.v3 syntax error ("yaml: line 3: ...").
func yamlErrLine(err error) int {
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		s = s[i+5:]
		if j := strings.IndexByte(s, ':'); j > 0 {
			if n, err := strconv.Atoi(s[:j]); err == nil {
				return n
			}
		}
	}
	return 0
}

type parser struct{ file string }

func (p parser) fail(n *yaml.Node, key, format string, args ...any) error {
	return &Error{File: p.file, Line: n.Line, Key: key, Err: fmt.Errorf(format, args...)}
}

// mapping calls the field's function for each key of n; an unknown key is an error.
func (p parser) mapping(n *yaml.Node, key string, fields map[string]func(*yaml.Node, string) error) error {
	if n.Kind != yaml.MappingNode {
		return p.fail(n, key, "want a mapping")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		path := k.Value
		if key != "" {
			path = key + "." + k.Value
		}
		fn, ok := fields[k.Value]
		if !ok {
			return p.fail(k, path, "unknown key")
		}
		if seen[k.Value] {
			return p.fail(k, path, "given twice")
		}
		seen[k.Value] = true
		if err := fn(v, path); err != nil {
			return err
		}
	}
	return nil
}

// list calls item for each element of a sequence (null is an empty list).
func (p parser) list(n *yaml.Node, key string, item func(*yaml.Node, string) error) error {
	if n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return p.fail(n, key, "want a list")
	}
	for i, c := range n.Content {
		if err := item(c, fmt.Sprintf("%s[%d]", key, i)); err != nil {
			return err
		}
	}
	return nil
}

func (p parser) str(dst *string) func(*yaml.Node, string) error {
	return func(n *yaml.Node, key string) error {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return p.fail(n, key, "want text")
		}
		*dst = strings.TrimSpace(n.Value)
		if *dst == "" {
			return p.fail(n, key, "empty")
		}
		return nil
	}
}

func (p parser) strs(dst *[]string) func(*yaml.Node, string) error {
	return func(n *yaml.Node, key string) error {
		if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			var s string
			if err := p.str(&s)(n, key); err != nil {
				return err
			}
			*dst = append(*dst, s)
			return nil
		}
		return p.list(n, key, func(n *yaml.Node, key string) error {
			var s string
			if err := p.str(&s)(n, key); err != nil {
				return err
			}
			*dst = append(*dst, s)
			return nil
		})
	}
}

func (p parser) boolean(dst *bool) func(*yaml.Node, string) error {
	return func(n *yaml.Node, key string) error {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return p.fail(n, key, "want true or false")
		}
		*dst = n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
		return nil
	}
}

func (p parser) date(dst *text.Date) func(*yaml.Node, string) error {
	return func(n *yaml.Node, key string) error {
		if n.Kind != yaml.ScalarNode {
			return p.fail(n, key, "want a date, YYYY-MM-DD, YYYY-MM or YYYY")
		}
		d, err := text.ParseDate(n.Value)
		if err != nil {
			return p.fail(n, key, "%w", err)
		}
		*dst = d
		return nil
	}
}

func (p parser) year(dst *int) func(*yaml.Node, string) error {
	return func(n *yaml.Node, key string) error {
		y, err := strconv.Atoi(strings.TrimSpace(n.Value))
		if n.Kind != yaml.ScalarNode || err != nil || y < 1000 || y > 9999 {
			return p.fail(n, key, "want a year such as 2024")
		}
		*dst = y
		return nil
	}
}

func (p parser) oneOf(dst *string, allowed ...string) func(*yaml.Node, string) error {
	return func(n *yaml.Node, key string) error {
		var s string
		if err := p.str(&s)(n, key); err != nil {
			return err
		}
		for _, a := range allowed {
			if s == a {
				*dst = s
				return nil
			}
		}
		return p.fail(n, key, "want %s", strings.Join(allowed, " or "))
	}
}

func (p parser) person(f *File, n *yaml.Node, key string) error {
	e := Person{Line: n.Line}
	err := p.mapping(n, key, map[string]func(*yaml.Node, string) error{
		"name":        p.str(&e.Name),
		"aliases":     p.strs(&e.Aliases),
		"kind":        p.oneOf(&e.Kind, "person", "organisation"),
		"never_merge": p.strs(&e.NeverMerge),
		"add_roles": func(n *yaml.Node, k string) error {
			return p.list(n, k, func(n *yaml.Node, k string) error {
				r, err := p.role(n, k, true)
				e.AddRoles = append(e.AddRoles, r)
				return err
			})
		},
		"remove_roles": func(n *yaml.Node, k string) error {
			return p.list(n, k, func(n *yaml.Node, k string) error {
				r, err := p.role(n, k, false)
				e.RemoveRoles = append(e.RemoveRoles, r)
				return err
			})
		},
		"correct_roles": func(n *yaml.Node, k string) error {
			return p.list(n, k, func(n *yaml.Node, k string) error {
				r := RoleFix{Line: n.Line}
				err := p.mapping(n, k, map[string]func(*yaml.Node, string) error{
					"title": p.str(&r.Title), "to": p.str(&r.To), "date": p.date(&r.Date),
				})
				switch {
				case err != nil:
					return err
				case r.Title == "":
					return p.fail(n, k+".title", "missing: the role to correct")
				case r.To == "" && r.Date.IsZero():
					return p.fail(n, k, "give the corrected title (to) or date")
				}
				e.CorrectRoles = append(e.CorrectRoles, r)
				return nil
			})
		},
	})
	switch {
	case err != nil:
		return err
	case e.Name == "":
		return p.fail(n, key+".name", "missing: the person's name as the corpus gives it")
	case len(e.Aliases)+len(e.NeverMerge)+len(e.AddRoles)+len(e.RemoveRoles)+len(e.CorrectRoles) == 0 && e.Kind == "":
		return p.fail(n, key, "asks for nothing: give aliases, kind, never_merge or roles to add, remove or correct")
	}
	f.People = append(f.People, e)
	return nil
}

// role reads a role to add (a title and a date are required) or to remove.
func (p parser) role(n *yaml.Node, key string, add bool) (Role, error) {
	r := Role{Line: n.Line}
	fields := map[string]func(*yaml.Node, string) error{
		"title": p.str(&r.Title), "date": p.date(&r.Date), "source": p.str(&r.Source),
	}
	if add {
		fields["past"] = p.boolean(&r.Past)
	}
	if err := p.mapping(n, key, fields); err != nil {
		return r, err
	}
	if r.Title == "" {
		return r, p.fail(n, key+".title", "missing")
	}
	if add && r.Date.IsZero() {
		return r, p.fail(n, key+".date", "missing: a role is dated (YYYY-MM-DD, YYYY-MM or YYYY)")
	}
	return r, nil
}

func (p parser) quote(f *File, n *yaml.Node, key string) error {
	q := Quote{Line: n.Line}
	err := p.mapping(n, key, map[string]func(*yaml.Node, string) error{
		"article": p.str(&q.Article), "text": p.str(&q.Text), "speaker": p.str(&q.Speaker), "hide": p.boolean(&q.Hide),
	})
	switch {
	case err != nil:
		return err
	case q.Article == "":
		return p.fail(n, key+".article", "missing: the article's id")
	case q.Text == "":
		return p.fail(n, key+".text", "missing: words of the quote")
	case q.Speaker == "" && !q.Hide:
		return p.fail(n, key, "asks for nothing: give a speaker or hide: true")
	case q.Speaker != "" && q.Hide:
		return p.fail(n, key, "give a speaker or hide: true, not both")
	}
	f.Quotes = append(f.Quotes, q)
	return nil
}

func (p parser) figure(f *File, n *yaml.Node, key string) error {
	g := Figure{Line: n.Line}
	err := p.mapping(n, key, map[string]func(*yaml.Node, string) error{
		"article": p.str(&g.Article), "value": p.str(&g.Value), "sentence": p.str(&g.Sentence),
		"year": p.year(&g.Year), "counts": p.str(&g.Counts), "hide": p.boolean(&g.Hide),
	})
	switch {
	case err != nil:
		return err
	case g.Article == "":
		return p.fail(n, key+".article", "missing: the article's id")
	case g.Value == "":
		return p.fail(n, key+".value", "missing: the figure as written, such as 1,097")
	case g.Year == 0 && g.Counts == "" && !g.Hide:
		return p.fail(n, key, "asks for nothing: give year, counts or hide: true")
	case g.Hide && (g.Year != 0 || g.Counts != ""):
		return p.fail(n, key, "a hidden figure needs no year or counts")
	}
	f.Figures = append(f.Figures, g)
	return nil
}

func (p parser) article(f *File, n *yaml.Node, key string) error {
	a := Article{Line: n.Line}
	err := p.mapping(n, key, map[string]func(*yaml.Node, string) error{
		"id": p.str(&a.ID), "date": p.date(&a.Date), "title": p.str(&a.Title),
		"digest": p.oneOf(&a.Digest, DigestExclude, DigestPin),
	})
	switch {
	case err != nil:
		return err
	case a.ID == "":
		return p.fail(n, key+".id", "missing: the article's id (its path without extension)")
	case a.Date.IsZero() && a.Title == "" && a.Digest == "":
		return p.fail(n, key, "asks for nothing: give date, title or digest")
	}
	f.Articles = append(f.Articles, a)
	return nil
}
