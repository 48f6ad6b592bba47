// Package bot is the chat-agnostic core: it parses what a user typed,
// routes it to the briefing engine or the digest manager, enforces access
// rules, and defines the Platform interface the chat adapters implement.
package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

// Engine is the part of the briefing engine the router uses.
// *briefings.Engine implements it.
type Engine interface {
	Who(name string) briefings.Reply
	Stats(year int, topic string) briefings.Reply
	Ask(question string) briefings.Reply
	Sources() briefings.Reply
	SourcesOf(year int) briefings.Reply
	Digest(opts briefings.DigestOptions) briefings.Digest
}

var _ Engine = (*briefings.Engine)(nil)

// Request is one message or command a user sent, as an adapter saw it.
type Request struct {
	Platform string // "slack", "discord", "console"
	Channel  string // where to answer; for a DM the DM channel
	User     string // the platform's user id (never logged with the text)
	Text     string // what the user typed: "/who cazeneuve", "who cazeneuve", a question
	DM       bool   // sent as a direct message
	Admin    bool   // the adapter found User in its admins list
	// Slash is set for a slash command, whose answer the platform can show
	// to the asker only; Private asks for that (the platform's answers
	// setting). Help, errors and admin replies are private either way.
	Slash   bool
	Private bool
	// Thread is the platform's id of the thread the message is in, if any;
	// a follow-up question in a DM or a thread reads its context.
	Thread string
}

// Platform is a chat adapter: it takes requests from users to the Router
// and posts replies and digests to channels.
type Platform interface {
	// Name is the platform's config name: "slack", "discord", "console".
	Name() string
	// Run serves until ctx is cancelled, then returns nil once in-flight
	// answers are sent, or an error if the platform cannot serve.
	Run(ctx context.Context) error
	// Post sends a reply to a channel (a digest, a late answer).
	Post(ctx context.Context, channel string, reply briefings.Reply) error
}

// HTTPPlatform is a Platform that also takes HTTP requests (Slack HTTP
// mode, Discord interactions); the server mounts its routes.
type HTTPPlatform interface {
	Platform
	Routes(mux *http.ServeMux)
}

// Connectivity is implemented by platforms that hold a connection
// (gateway, socket); /readyz reports it.
type Connectivity interface {
	Connected() bool
}

// Observer records what the bot does, for metrics. Implementations must be
// safe for concurrent use; NopObserver does nothing.
type Observer interface {
	// Command records one answered command: its kind ("who", "stats",
	// "ask", ...), its outcome ("ok", "notfound", "rejected", "error").
	Command(platform, kind, outcome string, took time.Duration)
	// PlatformError records a failed call to a platform API.
	PlatformError(platform, op string)
	// RateLimited records a 429 from a platform.
	RateLimited(platform string)
	// Feedback records a 👍 ("up") or 👎 ("down") on an answer.
	Feedback(platform, vote string)
	// Refused records a request an adapter refused before routing it, by
	// one of the Refused* reasons.
	Refused(platform, reason string)
}

// Why an adapter refused an HTTP request (the reason label of the metric).
const (
	RefusedTooLarge     = "too_large"     // the body passed the size cap
	RefusedUnreadable   = "unreadable"    // the body could not be read
	RefusedNoSignature  = "no_signature"  // a signature or timestamp header is missing
	RefusedStale        = "stale"         // the timestamp is outside the accepted window
	RefusedBadSignature = "bad_signature" // the signature does not match
	RefusedMalformed    = "malformed"     // signed, but not a payload the endpoint reads
	RefusedUnsupported  = "unsupported"   // signed and readable, but a kind the endpoint does not serve
)

// NopObserver is an Observer that records nothing.
type NopObserver struct{}

// Command implements Observer.
func (NopObserver) Command(string, string, string, time.Duration) {}

// PlatformError implements Observer.
func (NopObserver) PlatformError(string, string) {}

// RateLimited implements Observer.
func (NopObserver) RateLimited(string) {}

// Feedback implements Observer.
func (NopObserver) Feedback(string, string) {}

// Refused implements Observer.
func (NopObserver) Refused(string, string) {}

// Subscription is a scheduled digest for one channel.
type Subscription struct {
	ID         string    `json:"id"`
	Platform   string    `json:"platform"`
	Channel    string    `json:"channel"`
	Schedule   string    `json:"schedule"`   // cron spec (optional seconds) or descriptor
	Timezone   string    `json:"timezone"`   // IANA name, "UTC" by default
	WhenEmpty  string    `json:"when_empty"` // "skip" or "spotlight"
	CreatedBy  string    `json:"created_by,omitempty"`
	Created    time.Time `json:"created"`
	FromConfig bool      `json:"from_config,omitempty"` // defined in the config file, not from chat
	// Next is the next run, in the digest's time zone; zero when unknown.
	Next time.Time `json:"next,omitempty"`
}

// nextRun says when a subscription next runs, in its own time zone.
func nextRun(s Subscription) string {
	if s.Next.IsZero() {
		return ""
	}
	return fmt.Sprintf(" The next one comes %s.", s.Next.Format("Monday 2 January 2006 at 15:04 MST"))
}

// Digests manages scheduled digests from chat. The scheduler implements it.
type Digests interface {
	// Preview is the digest the channel would get now.
	Preview(ctx context.Context, platform, channel string) (briefings.Reply, error)
	// Subscribe validates and stores a subscription and schedules it at
	// once. Subscribing again to the same schedule and time zone changes
	// nothing: it returns the existing subscription and ErrAlreadySubscribed.
	Subscribe(ctx context.Context, s Subscription) (Subscription, error)
	// List returns the channel's subscriptions (config and chat ones).
	List(ctx context.Context, platform, channel string) ([]Subscription, error)
	// Unsubscribe removes a chat subscription of the channel; ErrNoSubscription if none.
	Unsubscribe(ctx context.Context, platform, channel, id string) error
}

// ErrAlreadySubscribed is returned by Digests.Subscribe, with the existing
// subscription, when the channel already has the same schedule and time zone.
var ErrAlreadySubscribed = errors.New("already subscribed")

// ErrNoSubscription is returned by Digests.Unsubscribe for an unknown id.
var ErrNoSubscription = errors.New("no such subscription")

// UserError is an error whose message is written for the user (a bad
// schedule, a bad time zone); other errors are logged and hidden.
type UserError struct{ Msg string }

func (e *UserError) Error() string { return e.Msg }
