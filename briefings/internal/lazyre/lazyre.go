// Package lazyre compiles a regular expression on first use, so a process
// pays at start-up only for the patterns its work needs: answering /who
// never compiles the patterns that analyse a free question.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr when first called and returns
// the same compiled expression from then on. Like regexp.MustCompile it
// panics when expr does not compile, on that first call.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
