package config

import (
	"log/slog"
	"net/url"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// Mask stands in for a secret that is set.
const Mask = "[redacted]"

// Redacted returns a deep copy of c with every secret replaced: tokens and
// signing secrets become [redacted], and a DSN keeps its shape but loses
// its password. Fields tagged secret:"true" are redacted, so a new secret
// field only needs the tag.
func (c *Config) Redacted() *Config {
	out := *c
	out.unset, out.lines = nil, nil
	out.Digests = append([]Digest(nil), c.Digests...)
	if c.Slack != nil {
		s := *c.Slack
		out.Slack = &s
	}
	if c.Discord != nil {
		d := *c.Discord
		out.Discord = &d
	}
	redact(reflect.ValueOf(&out).Elem())
	return &out
}

func redact(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			redact(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			fv := v.Field(i)
			switch f.Tag.Get("secret") {
			case "true":
				if fv.String() != "" {
					fv.SetString(Mask)
				}
			case "dsn":
				fv.SetString(RedactDSN(fv.String()))
			default:
				redact(fv)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			redact(v.Index(i))
		}
	}
}

// RedactDSN hides the password of a URL-form DSN and any password=
// setting of a key=value DSN; a plain file path is returned as is.
func RedactDSN(dsn string) string {
	if strings.Contains(dsn, "://") {
		if u, err := url.Parse(dsn); err == nil {
			return u.Redacted()
		}
		return Mask
	}
	if strings.Contains(dsn, "password=") {
		fields := strings.Fields(dsn)
		for i, f := range fields {
			if strings.HasPrefix(f, "password=") {
				fields[i] = "password=" + Mask
			}
		}
		return strings.Join(fields, " ")
	}
	return dsn
}

// String renders the configuration as YAML with secrets redacted.
func (c *Config) String() string {
	b, err := yaml.Marshal(c.Redacted())
	if err != nil {
		return "config: " + err.Error()
	}
	return string(b)
}

// LogValue implements slog.LogValuer: what an operator needs to know at
// start-up, without secrets.
func (c *Config) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("http_addr", c.HTTP.Addr),
		slog.String("corpus_dir", c.Corpus.Dir),
		slog.String("corpus_reload", c.Corpus.Reload.String()),
		slog.String("search_index_dir", c.SearchIndexDir()),
		slog.String("store_driver", c.Store.Driver),
		slog.String("store_dsn", RedactDSN(c.Store.DSN)),
		slog.Int("digests", len(c.Digests)),
	}
	if c.Slack != nil {
		attrs = append(attrs, slog.String("slack_mode", c.Slack.Mode))
	}
	if c.Discord != nil {
		attrs = append(attrs, slog.String("discord_mode", c.Discord.Mode))
	}
	return slog.GroupValue(attrs...)
}
