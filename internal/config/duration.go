package config

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Duration is a time.Duration written as a Go duration string ("30s",
// "1h30m"); a bare 0 is accepted too. (yaml.v3 rejects a plain 0 for a
// time.Duration, and "reload: 0" must mean off.)
type Duration time.Duration

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// String formats d like time.Duration.
func (d Duration) String() string { return time.Duration(d).String() }

// UnmarshalYAML implements yaml.Unmarshaler.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return typeError(n, "want a duration like 30s, 5m or 1h")
	}
	s := strings.TrimSpace(n.Value)
	if s == "" || s == "0" || n.Tag == "!!null" {
		*d = 0
		return nil
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return typeError(n, fmt.Sprintf("%q is not a duration; use a Go duration like 30s, 5m or 1h", cutValue(n.Value)))
	}
	if v < 0 {
		return typeError(n, fmt.Sprintf("%q is negative", n.Value))
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML implements yaml.Marshaler.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// typeError reports a bad value the way yaml.v3 reports its own, so that
// decode errors are gathered and named by key in one place.
func typeError(n *yaml.Node, msg string) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", n.Line, msg)}}
}
