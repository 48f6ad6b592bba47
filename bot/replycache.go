package bot

// This file keeps the engine's replies to the commands whose answer
// depends only on the corpus (/who, /stats, /sources, /ask), per engine:
// a loaded engine never changes, and a reload brings a new one, which
// empties the cache. A repeated command is then a map lookup, and the
// adapters can keep its rendering too (see Answer.Key).

import (
	"sync"

	"github.com/briefbot/briefbot/briefings"
)

// maxCachedReplies bounds the replies kept for one engine; past it the
// cache starts again empty, which keeps it cheap and its memory bounded
// whatever users type.
const maxCachedReplies = 1024

// AnswerKey names an answer's content for caching its rendering: two
// answers with the same non-zero key are the same. Gen changes with every
// corpus reload.
type AnswerKey struct {
	Gen  uint64
	Text string
}

// replyCache holds the replies of the engine being served.
type replyCache struct {
	mu      sync.Mutex
	eng     *briefings.Engine
	gen     uint64
	replies map[string]briefings.Reply
}

// cacheable is the key of a command whose reply depends only on the
// engine and the command; ok is false for the others (digests depend on
// the time and on what was posted, feedback on the store).
func cacheable(cmd Command) (key string, ok bool) {
	switch cmd.Name {
	case CmdWho, CmdStats, CmdSources, CmdAsk:
		return cmd.Name + " " + cmd.Args, true
	}
	return "", false
}

// get returns eng's reply under key, and the generation of eng.
func (c *replyCache) get(eng *briefings.Engine, key string) (briefings.Reply, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.switchTo(eng)
	rep, ok := c.replies[key]
	return rep, c.gen, ok
}

// put keeps eng's reply under key. Replies are shared by every request
// that asks the same: nothing may change one in place.
func (c *replyCache) put(eng *briefings.Engine, key string, rep briefings.Reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if eng != c.eng {
		return // answered by an engine a reload has replaced
	}
	if len(c.replies) >= maxCachedReplies {
		clear(c.replies)
	}
	c.replies[key] = rep
}

func (c *replyCache) switchTo(eng *briefings.Engine) {
	if eng == c.eng {
		return
	}
	c.eng, c.gen = eng, c.gen+1
	c.replies = make(map[string]briefings.Reply)
}
