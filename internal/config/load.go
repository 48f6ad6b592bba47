package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/internal/textdist"

	"gopkg.in/yaml.v3"
)

// LookupFunc reads an environment variable; os.LookupEnv is one.
type LookupFunc func(name string) (string, bool)

// Environment variables that override the file (after ${NAME} expansion),
// so a container can move the store or corpus without editing the file.
const (
	EnvHTTPAddr    = "BRIEFBOT_HTTP_ADDR"
	EnvCorpusDir   = "BRIEFBOT_CORPUS_DIR"
	EnvStoreDriver = "BRIEFBOT_STORE_DRIVER"
	EnvStoreDSN    = "BRIEFBOT_STORE_DSN"
)

// Option changes how Load treats the file.
type Option func(*loadOptions)

type loadOptions struct{ allowUnset bool }

// AllowUnsetEnv accepts a file whose required values are missing only
// because the ${NAME} variables they name are not set in this
// environment (briefbot check on a machine without the secrets). The
// names are listed by Config.UnsetEnv.
func AllowUnsetEnv() Option { return func(o *loadOptions) { o.allowUnset = true } }

// Load reads the configuration file at path with the process environment
// and validates it. Every error names the file and the key, on one line.
// An empty path means no file: the defaults (and environment overrides).
func Load(path string, opts ...Option) (*Config, error) {
	return LoadContext(context.Background(), path, opts...)
}

// LoadContext is Load that gives up when ctx is done (a signal while a
// read blocks). A file larger than MaxFileSize is refused.
func LoadContext(ctx context.Context, path string, opts ...Option) (*Config, error) {
	var o loadOptions
	for _, opt := range opts {
		opt(&o)
	}
	var data []byte
	name := "defaults"
	if path != "" {
		var err error
		if data, err = readCapped(ctx, path); err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		name = path
	}
	c, err := Decode(data, os.LookupEnv)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := c.Validate(); err != nil {
		var ve *ValidationError
		if o.allowUnset && errors.As(err, &ve) {
			err = ve.withoutUnset()
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return c, nil
}

// withoutUnset drops the problems caused by unset variables; nil if none
// is left.
func (e *ValidationError) withoutUnset() error {
	var keep []Problem
	for _, p := range e.Problems {
		if p.UnsetVar == "" {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	return &ValidationError{Problems: keep}
}

// UnsetEnv lists, sorted and once each, the ${NAME} variables the file
// used that were not set (or empty) in the environment, leaving out those
// of keys the chosen modes do not read (the app token in Slack http mode).
func (c *Config) UnsetEnv() []string {
	seen := map[string]bool{}
	var names []string
	for key, n := range c.unset {
		if c.unused(key) {
			continue
		}
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// unused reports whether the chosen modes ignore the key.
func (c *Config) unused(key string) bool {
	switch key {
	case "slack.app_token":
		return c.Slack == nil || c.Slack.Mode != SlackSocket
	case "slack.signing_secret":
		return c.Slack == nil || c.Slack.Mode != SlackHTTP
	case "discord.public_key":
		return c.Discord == nil || c.Discord.Mode != DiscordHTTP
	case "console.token":
		return !c.Console.Enabled
	}
	return false
}

// Decode builds a configuration: defaults, then the YAML document in data
// (unknown keys rejected; ${NAME} in values expanded through env; a missing
// variable expands to empty), then the BRIEFBOT_* overrides from env. It
// does not call Validate. Empty data yields the defaults.
func Decode(data []byte, env LookupFunc) (*Config, error) {
	if env == nil {
		env = func(string) (string, bool) { return "", false }
	}
	c := Default()
	c.unset = map[string]string{}
	c.lines = map[string]int{}

	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, cleanYAMLError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, errors.New("the file holds more than one YAML document (a second ---); keep one")
	}
	if len(doc.Content) > 0 {
		root := doc.Content[0]
		w := walker{env: env, cfg: c, byLine: map[int]string{}}
		w.walk(root, reflect.TypeOf(*c), "")
		if len(w.errs) > 0 {
			return nil, joinLines(w.errs)
		}
		if err := root.Decode(c); err != nil {
			return nil, w.nameTypeError(err)
		}
	}
	c.override(env)
	c.applyDefaults()
	return c, nil
}

func (c *Config) override(env LookupFunc) {
	set := func(name string, dst *string) {
		if v, ok := env(name); ok && v != "" {
			*dst = v
		}
	}
	set(EnvHTTPAddr, &c.HTTP.Addr)
	set(EnvCorpusDir, &c.Corpus.Dir)
	set(EnvStoreDriver, &c.Store.Driver)
	set(EnvStoreDSN, &c.Store.DSN)
}

// varRef matches ${NAME}.
var varRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// walker checks the node tree against the Config type before decoding:
// every mapping key must be a field (the strict check, with the full key
// path rather than yaml.v3's "field x not found in type y"), and ${NAME}
// references in scalar values are expanded in place. Expanding the parsed
// values, not the raw text, means a secret holding ": " or "#" can never
// change the document's structure.
type walker struct {
	env    LookupFunc
	cfg    *Config
	errs   []string
	byLine map[int]string      // line -> key path, to name yaml.v3's type errors
	active map[*yaml.Node]bool // nodes being walked: an alias or merge back into one is a cycle
}

var unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

func (w *walker) walk(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if w.active[n] {
		w.errs = append(w.errs, fmt.Sprintf("line %d: %s: an alias refers to the value that contains it", n.Line, show(path)))
		return
	}
	if w.active == nil {
		w.active = map[*yaml.Node]bool{}
	}
	w.active[n] = true
	defer delete(w.active, n)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if path != "" {
		w.byLine[n.Line] = path
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		w.expand(n, path)
		// Decode it here, where its key path is known: on a flow mapping
		// ("{reload: soon, dir: x}") several keys share a line, so an error
		// named by line alone could blame the wrong key.
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			w.errs = append(w.errs, namedErrors(err, n.Line, path)...)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			if !isNull(n) {
				w.errs = append(w.errs, fmt.Sprintf("line %d: %s: want a mapping of keys (%s)", n.Line, show(path), strings.Join(keysOf(t), ", ")))
			}
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "<<" { // merge key: its mappings have the same fields
				if v.Kind == yaml.SequenceNode {
					for _, m := range v.Content {
						w.walk(m, t, path)
					}
				} else {
					w.walk(v, t, path)
				}
				continue
			}
			f, ok := fieldByKey(t, k.Value)
			kp := join(path, k.Value)
			if !ok {
				msg := fmt.Sprintf("line %d: %s: unknown key", k.Line, kp)
				if s := suggest(k.Value, keysOf(t)); s != "" {
					msg += fmt.Sprintf(" (did you mean %s?)", s)
				} else {
					msg += fmt.Sprintf(" (known keys: %s)", strings.Join(keysOf(t), ", "))
				}
				w.errs = append(w.errs, msg)
				continue
			}
			w.cfg.lines[kp] = k.Line
			w.byLine[k.Line] = kp
			w.walk(v, f.Type, kp)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			if !isNull(n) {
				w.errs = append(w.errs, fmt.Sprintf("line %d: %s: want a list", n.Line, show(path)))
			}
			return
		}
		for i, item := range n.Content {
			w.walk(item, t.Elem(), path+"["+strconv.Itoa(i)+"]")
		}
	default:
		if n.Kind != yaml.ScalarNode {
			w.errs = append(w.errs, fmt.Sprintf("line %d: %s: want a single value, not a list or mapping", n.Line, show(path)))
			return
		}
		w.expand(n, path)
	}
}

// expand replaces ${NAME} in a scalar value from the environment.
func (w *walker) expand(n *yaml.Node, path string) {
	if n.Kind != yaml.ScalarNode || !strings.Contains(n.Value, "${") {
		return
	}
	n.Value = varRef.ReplaceAllStringFunc(n.Value, func(ref string) string {
		name := ref[2 : len(ref)-1]
		v, ok := w.env(name)
		if !ok || v == "" {
			w.cfg.unset[path] = name
		}
		return v
	})
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		n.Tag = "" // a plain scalar's type is resolved again from its new text
	}
}

var yamlLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// nameTypeError rewrites yaml.v3's "line N: cannot unmarshal ..." errors
// to name the key on that line.
func (w *walker) nameTypeError(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return cleanYAMLError(err)
	}
	out := make([]string, 0, len(te.Errors))
	for _, e := range te.Errors {
		if m := yamlLine.FindStringSubmatch(e); m != nil {
			line, _ := strconv.Atoi(m[1])
			if p, ok := w.byLine[line]; ok {
				e = fmt.Sprintf("line %d: %s: %s", line, p, m[2])
			}
		}
		out = append(out, e)
	}
	return joinLines(out)
}

// cleanYAMLError drops yaml.v3's "yaml: " prefix and newlines so the
// message stays on one line.
func cleanYAMLError(err error) error {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	s = strings.ReplaceAll(strings.TrimPrefix(s, "unmarshal errors:\n  "), "\n  ", "; ")
	return errors.New(s)
}

func joinLines(msgs []string) error { return errors.New(joinProblems(msgs)) }

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || (n.Style == 0 && (n.Value == "" || n.Value == "~" || n.Value == "null")))
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func show(path string) string {
	if path == "" {
		return "the file"
	}
	return path
}

// fieldByKey finds the struct field whose yaml tag is key.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.IsExported() && yamlKey(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func yamlKey(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

func keysOf(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() && yamlKey(f) != "-" {
			keys = append(keys, yamlKey(f))
		}
	}
	sort.Strings(keys)
	return keys
}

// suggest returns the known key closest to a misspelt one, if close.
func suggest(key string, known []string) string {
	return textdist.Closest(strings.ToLower(key), known, 2)
}

// lineMsg splits yaml.v3's "line N: message".
var lineMsg = regexp.MustCompile(`^line (\d+): (.*)$`)

// namedErrors words a value's decode errors as "line N: key.path: message".
func namedErrors(err error, line int, path string) []string {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	out := make([]string, 0, len(msgs))
	for _, m := range msgs {
		l, msg := strconv.Itoa(line), m
		if sub := lineMsg.FindStringSubmatch(m); sub != nil {
			l, msg = sub[1], sub[2]
		}
		out = append(out, fmt.Sprintf("line %s: %s: %s", l, show(path), msg))
	}
	return out
}
