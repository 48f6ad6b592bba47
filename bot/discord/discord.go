// Package discord is the Discord adapter. It serves Discord either over a
// gateway session (a websocket; slash commands, direct messages and
// @mentions arrive as events) or as an HTTP interactions endpoint (Discord
// POSTs signed slash commands to POST /discord/interactions). In both modes
// it registers the bot's application commands, turns what users send into
// bot.Requests, and renders replies as embeds within Discord's limits
// (RenderMessage). Every message it sends carries allowed_mentions with an
// empty parse list, so nothing it says can ping anyone.
//
// # Answering commands
//
// A slash command must be acknowledged within 3 seconds. The adapter races
// the answer against an inline timeout (DefaultInlineTimeout, 1.5 s, well
// inside the window): an answer ready in time is sent inline (response
// type 4, one call); otherwise the command is deferred (type 5, Discord
// shows "thinking…") and the original response is edited with the answer
// when it is ready (PATCH /webhooks/{app}/{token}/messages/@original).
// Either way the user gets exactly one answer, and a slow corpus can never
// make an interaction fail.
//
// # Guild messages
//
// The session asks for the Guilds, GuildMessages and DirectMessages
// intents, not the privileged MESSAGE_CONTENT intent. Discord still
// delivers the content of direct messages and of messages that @mention
// the bot, which are the only messages the adapter answers; in guilds,
// slash commands are the main way in.
//
// # REST and rate limits
//
// All REST calls go through the session's HTTP client, whose transport
// redirects them to Config.APIURL when it is set (see restTransport) and
// counts 429s. discordgo's own 429 loop sleeps without a context and
// retries forever, so it is turned off: each call is retried here after
// Retry-After (429) or with bounded exponential backoff (network errors,
// 5xx), and a call that finally fails is recorded as a platform error.
package discord

import (
	"cmp"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/retry"
	"github.com/briefbot/briefbot/briefings"
)

// Name is the adapter's platform name.
const Name = "discord"

// Modes of Config.Mode.
const (
	ModeGateway = "gateway"
	ModeHTTP    = "http"
)

// Defaults of the options.
const (
	// DefaultInlineTimeout is how long a slash command's answer may take
	// to be sent inline before the command is deferred.
	DefaultInlineTimeout = 1500 * time.Millisecond
	// DefaultDrainTimeout bounds how long Run waits, once stopped, for
	// in-flight answers to be sent.
	DefaultDrainTimeout = 8 * time.Second
)

// DefaultRetry is how REST calls are retried: five attempts, backing off
// from 500 ms to 10 s with jitter, a 429 after its Retry-After up to 30 s
// (a longer one fails the call, and is recorded, instead). Gateway
// connections back off the same way, until the bot stops.
var DefaultRetry = retry.Policy{Attempts: 5, Initial: 500 * time.Millisecond, Max: 10 * time.Second,
	MaxRetryAfter: 30 * time.Second, Jitter: true}

const (
	answerTimeout = 60 * time.Second // one answer and its sending
	restTimeout   = 20 * time.Second // one REST request
)

// Intents is what the gateway session subscribes to: guilds, guild messages
// and direct messages. MESSAGE_CONTENT (privileged) is not needed: Discord
// sends the content of DMs and of messages that mention the bot.
const Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// Config is the discord section of the configuration.
type Config struct {
	Mode          string   // "gateway" (default) or "http"
	BotToken      string   // the bot token, with or without the "Bot " prefix
	ApplicationID string   // required in http mode; in gateway mode READY supplies it
	PublicKey     string   // http mode: the application's Ed25519 public key, hex
	GuildIDs      []string // register commands in these guilds; empty: globally
	APIURL        string   // REST base override, e.g. http://127.0.0.1:9000/api/v9/
	Admins        []string // user ids that may manage digest subscriptions
	// Answers is "private" (the default: a slash command's answer is
	// ephemeral, flag 64, with a Share button) or "public".
	Answers string
	// RequestWindow is how far a signed interaction's timestamp may be
	// from our clock in http mode; 0 means DefaultRequestWindow.
	RequestWindow time.Duration
}

// The values of Config.Answers.
const (
	AnswersPrivate = "private"
	AnswersPublic  = "public"
)

// Option tunes a Discord adapter.
type Option func(*Discord)

// WithInlineTimeout sets how long an answer may take before a slash
// command is deferred; 0 or less always defers.
func WithInlineTimeout(d time.Duration) Option { return func(x *Discord) { x.inlineBudget = d } }

// WithRetry sets how failed REST calls and gateway connections are retried.
func WithRetry(p retry.Policy) Option { return func(x *Discord) { x.retry = p } }

// WithClock sets the clock that checks interaction timestamps (tests).
func WithClock(now func() time.Time) Option { return func(x *Discord) { x.now = now } }

// WithDrainTimeout bounds how long Run waits for in-flight answers on stop.
func WithDrainTimeout(d time.Duration) Option { return func(x *Discord) { x.drainTimeout = d } }

// Discord is the Discord platform adapter.
type Discord struct {
	cfg       Config
	h         bot.Handler
	log       *slog.Logger
	obs       bot.Observer
	s         *discordgo.Session
	publicKey ed25519.PublicKey
	admins    map[string]bool
	window    time.Duration    // accepted timestamp skew of an interaction
	now       func() time.Time // clock for timestamps

	inlineBudget time.Duration
	retry        retry.Policy
	drainTimeout time.Duration

	mu         sync.Mutex
	botID      string // the bot's user id, from READY
	appID      string // cfg.ApplicationID, or READY's application id
	registered bool   // commands registered since start

	connected atomic.Bool
	readyc    chan struct{} // READY seen: register commands
	work      bot.InFlight  // in-flight answers
	hard      context.Context
	hardStop  context.CancelFunc // aborts in-flight work once draining times out
}

var (
	_ bot.Platform     = (*Discord)(nil)
	_ bot.HTTPPlatform = (*Discord)(nil)
	_ bot.Connectivity = (*Discord)(nil)
)

// New checks cfg and builds the adapter. Nothing touches the network until
// Run or Post.
func New(cfg Config, h bot.Handler, log *slog.Logger, obs bot.Observer, opts ...Option) (*Discord, error) {
	if h == nil {
		return nil, errors.New("discord: no handler")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if obs == nil {
		obs = bot.NopObserver{}
	}
	switch cfg.Mode {
	case "":
		cfg.Mode = ModeGateway
	case ModeGateway, ModeHTTP:
	default:
		return nil, fmt.Errorf("discord.mode: %q is not gateway or http", cfg.Mode)
	}
	switch cfg.Answers {
	case "":
		cfg.Answers = AnswersPrivate
	case AnswersPrivate, AnswersPublic:
	default:
		return nil, fmt.Errorf("discord.answers: %q is not private or public", cfg.Answers)
	}
	token := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(cfg.BotToken), "Bot "))
	if token == "" {
		return nil, errors.New("discord.bot_token: required")
	}
	d := &Discord{
		cfg: cfg, h: h, log: log.With("platform", Name), obs: obs,
		admins:       map[string]bool{},
		inlineBudget: DefaultInlineTimeout,
		retry:        DefaultRetry,
		drainTimeout: DefaultDrainTimeout,
		appID:        strings.TrimSpace(cfg.ApplicationID),
		readyc:       make(chan struct{}, 1),
		window:       cfg.RequestWindow,
		now:          time.Now,
	}
	if d.window <= 0 {
		d.window = DefaultRequestWindow
	}
	for _, a := range cfg.Admins {
		if a = strings.TrimSpace(a); a != "" {
			d.admins[a] = true
		}
	}
	if cfg.Mode == ModeHTTP {
		if d.appID == "" {
			return nil, errors.New("discord.application_id: required in http mode")
		}
		key, err := hex.DecodeString(strings.TrimSpace(cfg.PublicKey))
		if err != nil || len(key) != ed25519.PublicKeySize {
			return nil, errors.New("discord.public_key: required in http mode, 64 hex digits (the application's Ed25519 public key)")
		}
		d.publicKey = ed25519.PublicKey(key)
	}
	var api *url.URL
	if cfg.APIURL != "" {
		u, err := url.Parse(cfg.APIURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("discord.api_url: %q is not an http(s) URL", cfg.APIURL)
		}
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		api = u
	}
	for _, o := range opts {
		o(d)
	}

	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	s.Client = &http.Client{Timeout: restTimeout, Transport: newRESTTransport(nil, api, obs)}
	s.ShouldRetryOnRateLimit = false // retried in call, with a context and a bound
	s.StateEnabled = false           // the adapter keeps what it needs (bot id) itself
	s.Identify.Intents = Intents
	s.AddHandler(d.onConnect)
	s.AddHandler(d.onDisconnect)
	s.AddHandler(d.onReady)
	s.AddHandler(d.onMessage)
	s.AddHandler(d.onInteraction)
	d.s = s
	d.hard, d.hardStop = context.WithCancel(context.Background())
	return d, nil
}

// Name implements bot.Platform.
func (d *Discord) Name() string { return Name }

// Connected implements bot.Connectivity: in gateway mode, the session is
// connected; in http mode, Run is serving.
func (d *Discord) Connected() bool { return d.connected.Load() }

// Run serves until ctx is cancelled. In gateway mode it opens the session
// (retrying transient failures) and registers the commands on READY; in
// http mode it registers the commands over REST, and interactions arrive
// through Routes. On stop it waits, up to the drain timeout, for answers
// in flight.
func (d *Discord) Run(ctx context.Context) error {
	if d.cfg.Mode == ModeHTTP {
		d.connected.Store(true)
		go d.registerLoop(ctx, true)
		<-ctx.Done()
		d.connected.Store(false)
		d.drain()
		return nil
	}
	if err := d.open(ctx); err != nil {
		return err
	}
	go d.registerLoop(ctx, false) // READY's signal waits in readyc
	<-ctx.Done()
	if err := d.s.Close(); err != nil {
		d.log.Warn("closing the gateway session", "err", err)
	}
	d.connected.Store(false)
	d.drain()
	return nil
}

// open connects the gateway session, retrying with the adapter's backoff
// until ctx ends; an authentication or intents refusal is final.
func (d *Discord) open(ctx context.Context) error {
	p := d.retry
	p.Attempts, p.MaxRetryAfter = 0, 0 // until the bot stops
	_, err := p.Do(ctx, func(context.Context) error { return d.s.Open() },
		func(err error) retry.Verdict { return retry.Verdict{Retry: !fatalGatewayError(err)} },
		func(attempt int, wait time.Duration, err error) {
			d.obs.PlatformError(Name, "connect")
			d.log.Warn("gateway connect failed; retrying", "attempt", attempt, "wait", wait, "err", redact(err))
		})
	switch {
	case err == nil:
		d.log.Info("gateway session open")
		return nil
	case ctx.Err() != nil:
		return nil
	}
	d.obs.PlatformError(Name, "connect")
	return fmt.Errorf("discord gateway: %s", redact(err))
}

// fatalGatewayError reports gateway close codes that retrying cannot fix:
// 4004 authentication failed, 4010-4014 bad shard, API version or intents.
// https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
func fatalGatewayError(err error) bool {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004, 4010, 4011, 4012, 4013, 4014:
			return true
		}
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && (re.Response.StatusCode == http.StatusUnauthorized || re.Response.StatusCode == http.StatusForbidden) {
		return true
	}
	return errors.Is(err, discordgo.ErrUnauthorized)
}

// registerLoop registers the commands: at once in http mode, on each READY
// in gateway mode until it has succeeded once.
func (d *Discord) registerLoop(ctx context.Context, now bool) {
	defer d.recoverPanic("register commands")
	if now {
		d.register(ctx)
		return
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-d.readyc:
			d.mu.Lock()
			done := d.registered
			d.mu.Unlock()
			if !done {
				d.register(ctx)
			}
		}
	}
}

// register overwrites the application's commands, globally or in each of
// cfg.GuildIDs, so the registered set is exactly Commands().
func (d *Discord) register(ctx context.Context) {
	app := d.applicationID()
	if app == "" {
		d.log.Error("cannot register commands: no application id (set discord.application_id)")
		return
	}
	guilds := d.cfg.GuildIDs
	if len(guilds) == 0 {
		guilds = []string{""}
	}
	cmds := Commands()
	for _, g := range guilds {
		g = strings.TrimSpace(g)
		err := d.call(ctx, "register", func(o ...discordgo.RequestOption) error {
			_, err := d.s.ApplicationCommandBulkOverwrite(app, g, cmds, o...)
			return err
		})
		if err != nil {
			d.log.Error("registering commands failed", "guild", g, "err", err)
			return
		}
	}
	d.mu.Lock()
	d.registered = true
	d.mu.Unlock()
	d.log.Info("commands registered", "commands", len(cmds), "guilds", len(d.cfg.GuildIDs))
}

func (d *Discord) applicationID() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.appID
}

func (d *Discord) selfID() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.botID
}

// drain waits for in-flight answers, then aborts what is left.
func (d *Discord) drain() {
	ctx, cancel := context.WithTimeout(context.Background(), d.drainTimeout)
	defer cancel()
	if !d.work.Wait(ctx) {
		d.log.Warn("stopped before every answer was sent", "in_flight", d.work.Count())
	}
	d.hardStop()
}

// Post implements bot.Platform: it sends a reply to a channel, retrying
// 429s after Retry-After and other failures with backoff.
func (d *Discord) Post(ctx context.Context, channel string, reply briefings.Reply) error {
	channel = strings.TrimSpace(channel)
	if channel == "" {
		return errors.New("discord post: no channel id")
	}
	return d.send(ctx, channel, RenderMessage(reply))
}

// send posts msg to a channel, with retries.
func (d *Discord) send(ctx context.Context, channel string, msg Message) error {
	_, err := d.sendMessage(ctx, channel, msg)
	return err
}

// sendMessage posts msg to a channel, with retries, and returns it.
func (d *Discord) sendMessage(ctx context.Context, channel string, msg Message) (*discordgo.Message, error) {
	var sent *discordgo.Message
	err := d.call(ctx, "post", func(o ...discordgo.RequestOption) error {
		var err error
		sent, err = d.s.ChannelMessageSendComplex(channel, msg.send(), o...)
		return err
	})
	return sent, err
}

// digestThreadName names the thread opened under a digest.
const digestThreadName = "Questions about this digest"

// PostWithThread posts a digest and opens a thread under it whose first
// message is opener, so people can ask about the digest there. Once the
// digest is posted it reports success even if the thread fails: a retry
// would post the digest twice.
func (d *Discord) PostWithThread(ctx context.Context, channel string, reply briefings.Reply, opener string) error {
	sent, err := d.sendMessage(ctx, strings.TrimSpace(channel), RenderMessage(reply))
	if err != nil || sent == nil || sent.ID == "" {
		return err
	}
	var th *discordgo.Channel
	err = d.call(ctx, "thread", func(o ...discordgo.RequestOption) error {
		var err error
		th, err = d.s.MessageThreadStartComplex(cmp.Or(sent.ChannelID, channel), sent.ID, &discordgo.ThreadStart{Name: digestThreadName, AutoArchiveDuration: 1440}, o...)
		return err
	})
	if err != nil || th == nil {
		d.log.Warn("opening the thread under a digest failed", "err", err)
		return nil
	}
	text, _ := fit(escape(opener), MaxContent)
	if err := d.send(ctx, th.ID, Message{Content: text, AllowedMentions: noMentions()}); err != nil {
		d.log.Warn("posting in the thread under a digest failed", "err", err)
	}
	return nil
}

// call runs one REST call with the adapter's retry policy: after
// Retry-After on a 429 (up to the policy's cap), with backoff on network
// errors and 5xx, not at all on other 4xx. A call that finally fails is
// recorded. The error returned never holds a URL (interaction URLs carry
// tokens).
func (d *Discord) call(ctx context.Context, op string, f func(...discordgo.RequestOption) error) error {
	_, err := d.retry.Do(ctx, func(ctx context.Context) error {
		return f(discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
	}, classify, func(attempt int, wait time.Duration, err error) {
		d.log.Warn("discord call failed; retrying", "op", op, "attempt", attempt, "wait", wait, "err", redact(err))
	})
	if err == nil {
		return nil
	}
	d.obs.PlatformError(Name, op)
	return fmt.Errorf("discord %s: %s", op, redact(err))
}

// classify says whether a failed REST call is worth retrying, and after
// how long when Discord said (a 429's Retry-After).
func classify(err error) retry.Verdict {
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		if rl.TooManyRequests == nil {
			return retry.Verdict{Retry: true}
		}
		return retry.Verdict{Retry: true, After: max(rl.RetryAfter, time.Millisecond)}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return retry.Verdict{}
	}
	if errors.Is(err, discordgo.ErrJSONUnmarshal) {
		return retry.Verdict{} // the call succeeded; only its answer was odd: never send twice
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		c := re.Response.StatusCode
		return retry.Verdict{Retry: c >= 500 || c == http.StatusRequestTimeout}
	}
	return retry.Verdict{Retry: true} // network
}

// redact describes err without any URL: a url.Error names the request URL,
// and interaction and webhook URLs carry tokens.
func redact(err error) string {
	if err == nil {
		return ""
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Op + " request: " + redact(ue.Err)
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		msg := re.Response.Status
		if re.Message != nil && re.Message.Message != "" {
			msg += ": " + re.Message.Message
		}
		return "HTTP " + msg
	}
	return err.Error()
}

// answer runs the handler, turning a panic into a friendly error reply.
func (d *Discord) answer(ctx context.Context, req bot.Request) (a bot.Answer) {
	defer func() {
		if p := recover(); p != nil {
			d.log.Error("handler panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			a = bot.Answer{Reply: briefings.ErrorReply("I hit a problem answering that. Please try again, or try /help."), Pages: 1, Private: req.Slash}
		}
	}()
	return d.h.Respond(ctx, req)
}

// act runs the handler for a button click, turning a panic into a notice.
func (d *Discord) act(ctx context.Context, c bot.Click) (a bot.Action) {
	defer func() {
		if p := recover(); p != nil {
			d.log.Error("handler panicked on a click", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			a = bot.Action{Kind: bot.ActNotice, Notice: "I hit a problem with that button. Please try again."}
		}
	}()
	return d.h.Act(ctx, c)
}

// race starts the answer and waits for it up to the inline budget. It
// returns the answer, or a channel that will deliver it late.
func (d *Discord) race(ctx context.Context, req bot.Request) (bot.Answer, <-chan bot.Answer) {
	done := make(chan bot.Answer, 1)
	go func() { done <- d.answer(ctx, req) }()
	if d.inlineBudget <= 0 {
		return bot.Answer{}, done
	}
	t := time.NewTimer(d.inlineBudget)
	defer t.Stop()
	select {
	case a := <-done:
		return a, nil
	case <-t.C:
		return bot.Answer{}, done
	}
}

// answerContext bounds one answer and its sending. It outlives the event
// or HTTP request that started it, and ends when draining gives up.
func (d *Discord) answerContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(d.hard, answerTimeout)
}

// recoverPanic logs a panic in one of the adapter's goroutines so that one
// bad event never takes the process down.
func (d *Discord) recoverPanic(where string) {
	if p := recover(); p != nil {
		d.log.Error("recovered from a panic", "in", where, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
	}
}

// request builds the router request for a user in a channel.
func (d *Discord) request(channel, user, text string, dm bool) bot.Request {
	return bot.Request{Platform: Name, Channel: channel, User: user, Text: text, DM: dm, Admin: user != "" && d.admins[user]}
}
