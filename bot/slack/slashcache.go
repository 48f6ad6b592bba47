package slack

// This file keeps the JSON of slash command answers whose content the
// router names (bot.Answer.Key), so a command asked again in the same
// corpus generation is answered without rendering and encoding it again.

import (
	"sync"

	"github.com/briefbot/briefbot/bot"
)

// maxSlashCacheBytes bounds the JSON kept; past it the cache starts again
// empty.
const maxSlashCacheBytes = 8 << 20

// slashAnswer is a slash command's answer rendered, and its JSON; json is
// nil when it could not be encoded.
type slashAnswer struct {
	m    Message
	json []byte
}

// slashCache holds the rendered answers of one corpus generation. What it
// returns is shared: nothing may change it in place.
type slashCache struct {
	mu      sync.Mutex
	gen     uint64
	size    int
	answers map[string]slashAnswer
}

// render renders a and encodes it, or takes both from the cache.
func (c *slashCache) render(a bot.Answer) slashAnswer {
	if a.Key.Text == "" {
		return encodeSlash(slashMessage(a))
	}
	c.mu.Lock()
	if a.Key.Gen != c.gen {
		c.gen, c.size, c.answers = a.Key.Gen, 0, nil
	}
	got, ok := c.answers[a.Key.Text]
	c.mu.Unlock()
	if ok {
		return got
	}
	got = encodeSlash(slashMessage(a))
	if got.json == nil {
		return got
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if a.Key.Gen != c.gen {
		return got // a newer generation came while rendering
	}
	if c.answers == nil || c.size+len(got.json) > maxSlashCacheBytes {
		c.size, c.answers = 0, make(map[string]slashAnswer)
	}
	c.answers[a.Key.Text] = got
	c.size += len(got.json)
	return got
}

func encodeSlash(m Message) slashAnswer {
	b, err := m.encode()
	if err != nil {
		return slashAnswer{m: m}
	}
	return slashAnswer{m: m, json: b}
}
