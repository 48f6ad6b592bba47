package bot

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{
		"/who cazeneuve", "/brief who cazeneuve", "who: x", "stats 2025", "/stats", "/digest subscribe daily 09:00 UTC",
		"<!channel> /who x", "@everyone who is the mayor?", "<@U123|bob> hi", "<https://x.example|link>", "",
		"\x00\x01binary", "*who* _x_", "/brief", "?", strings.Repeat("a", MaxInput+1), "who \u202ex\u200b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := ParseCommand(raw)
		if c.Problem != "" {
			if c.Name != "" || c.Args != "" {
				t.Fatalf("problem with a command: %+v", c)
			}
			return
		}
		if !commands[c.Name] {
			t.Fatalf("unknown command %q from %q", c.Name, raw)
		}
		if !utf8.ValidString(c.Args) {
			t.Fatalf("invalid UTF-8 args %q", c.Args)
		}
		if strings.Contains(c.Args, "@") || mentionToken.MatchString(c.Args) {
			t.Fatalf("mention markup survived: %q from %q", c.Args, raw)
		}
		for _, r := range c.Args {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("control character %U in args %q", r, c.Args)
			}
		}
		if c.Args != strings.TrimSpace(c.Args) || strings.Contains(c.Args, "  ") {
			t.Fatalf("args not collapsed: %q", c.Args)
		}
		// Parsing is stable: the parsed form of a command reads back the same.
		if c.Name != CmdAsk && c.Name != CmdHelp {
			again := ParseCommand("/" + c.Name + " " + c.Args)
			if again.Name != c.Name || (c.Name != CmdDigest && again.Args != c.Args) {
				t.Fatalf("reparse of %+v gave %+v", c, again)
			}
		}
	})
}
