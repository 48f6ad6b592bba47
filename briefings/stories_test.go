package briefings

import (
	"strings"
	"testing"
)

func TestStoriesBBC(t *testing.T) {
	e := bbc(t)
	n, docs := len(e.stories), 0
	for _, s := range e.stories {
		docs += len(s.docs)
	}
	t.Logf("%d stories of %d articles among %d", n, docs, len(e.docs))
	for i, s := range e.stories {
		if i%max(1, n/20) != 0 {
			continue
		}
		t.Logf("story %s", s.id())
		for _, d := range s.docs {
			t.Logf("   %s | %s | %s", d.ID, d.Meta.Published, strings.TrimSpace(d.Meta.Title))
		}
	}
}
