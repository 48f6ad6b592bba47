package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

// The state the interactive features keep between messages lives in the
// store behind these interfaces, so a button clicked after a restart, or
// on another replica, still works. *store.Store implements all three.

// ErrNoState is returned when a saved reply or a conversation does not
// exist or has expired.
var ErrNoState = errors.New("bot: no such saved state")

// SavedReply is an answer kept so its buttons (Share, More, feedback) can
// act on it later. It holds no user id, only its hash.
type SavedReply struct {
	ID       string          // random, carried in the buttons' ids
	Platform string          // where it was asked
	Channel  string          // the channel it was asked in
	Asker    string          // UserHash of the person who asked
	Question string          // what was asked, as the router read it
	Private  bool            // answered to the asker only
	SharedBy string          // a shared copy: the user id of who shared it
	Reply    briefings.Reply // the whole answer, every page
	Created  time.Time
}

// ReplyStore keeps answers for their buttons.
type ReplyStore interface {
	// SaveReply stores r under r.ID.
	SaveReply(ctx context.Context, r SavedReply) error
	// LoadReply returns the reply saved under id, or ErrNoState.
	LoadReply(ctx context.Context, id string) (SavedReply, error)
}

// Vote is one person's feedback on one answer.
type Vote struct {
	ReplyID  string
	Platform string
	Channel  string
	UserHash string   // UserHash of the voter, never the id itself
	Question string   // what was asked
	Kind     string   // the reply's kind: who, stats, answer...
	Sources  []string // the reply's source document ids
	Value    int      // +1 (👍) or -1 (👎)
	At       time.Time
}

// FeedbackQuery selects votes for ListFeedback.
type FeedbackQuery struct {
	Value    int    // +1 or -1; 0 lists both
	Platform string // "" lists every platform
	Limit    int    // at most this many, newest first; 0 means 20
}

// FeedbackStore records votes on answers and lists them for curators.
type FeedbackStore interface {
	// RecordFeedback stores v; a second vote by the same person on the same
	// answer replaces the first. It reports whether an earlier vote with
	// another value was changed.
	RecordFeedback(ctx context.Context, v Vote) (changed bool, err error)
	// ListFeedback returns the newest votes that match q.
	ListFeedback(ctx context.Context, q FeedbackQuery) ([]Vote, error)
}

// Conversation is what a follow-up question in a DM or a thread may lean
// on: the person, year and topic the conversation was last about.
type Conversation struct {
	Person string // the full name last briefed on
	Year   int    // the year last asked about; 0 when none
	Topic  string // the last topic words
}

// ConversationStore keeps conversation context with an expiry, shared by
// every replica.
type ConversationStore interface {
	// SaveConversation stores c under key until ttl has passed.
	SaveConversation(ctx context.Context, key string, c Conversation, ttl time.Duration) error
	// LoadConversation returns the live context under key, or ErrNoState.
	LoadConversation(ctx context.Context, key string) (Conversation, error)
}

// UserHash is how a user is recorded in saved replies and votes: a hash of
// the platform and the user id, never the id itself.
func UserHash(platform, user string) string {
	sum := sha256.Sum256([]byte("briefbot user\x00" + platform + "\x00" + user))
	return hex.EncodeToString(sum[:16])
}
