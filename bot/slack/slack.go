// Package slack is the Slack adapter of briefbot. It owns everything that
// speaks Slack: slash commands and the Events API over HTTP (with v0 request
// signing) or over Socket Mode, Block Kit rendering within Slack's limits,
// and posting through the Web API with rate-limit handling.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/retry"
	"github.com/briefbot/briefbot/briefings"
)

// Name is the platform name of Slack in requests, config and metrics.
const Name = "slack"

// The connection modes.
const (
	ModeHTTP   = "http"   // Slack calls our public URL (slash commands, Events API)
	ModeSocket = "socket" // we hold a Socket Mode connection opened with an app token
)

// Config is the slack section of the configuration.
type Config struct {
	Mode          string   // "http" (default) or "socket"
	BotToken      string   // xoxb-...; posts messages
	AppToken      string   // xapp-...; socket mode only
	SigningSecret string   // http mode only: verifies requests come from Slack
	APIURL        string   // Web API base URL override (proxies, tests); ends with "/"
	Admins        []string // user ids that may manage digest subscriptions
	// Answers is "private" (the default: a slash command's answer is
	// ephemeral, with a Share button) or "public" (posted in the channel).
	Answers string
}

// The values of Config.Answers.
const (
	AnswersPrivate = "private"
	AnswersPublic  = "public"
)

// Slack is the Slack platform. It implements bot.Platform,
// bot.HTTPPlatform and bot.Connectivity.
type Slack struct {
	cfg    Config
	h      bot.Handler
	log    *slog.Logger
	obs    bot.Observer
	api    *slack.Client
	http   *http.Client
	now    func() time.Time
	admins map[string]bool
	seen   *seenSet
	settle time.Duration // how long a slash command may take before it is answered late
	drain  time.Duration // how long Run waits for in-flight answers at shutdown
	retry  retry.Policy  // how failed calls are retried
	// slashes keeps rendered slash answers (see slashCache).
	slashes slashCache

	// base outlives single requests: late answers run under it, and Run
	// cancels it once in-flight work is drained or the drain time is up.
	base context.Context
	stop context.CancelFunc
	work bot.InFlight

	connected atomic.Bool
	botUser   atomic.Value // string: the bot's own user id, from auth.test
}

var (
	_ bot.Platform     = (*Slack)(nil)
	_ bot.HTTPPlatform = (*Slack)(nil)
	_ bot.Connectivity = (*Slack)(nil)
)

// Option changes a Slack's defaults.
type Option func(*Slack)

// WithClock sets the clock used to check request timestamps.
func WithClock(now func() time.Time) Option { return func(s *Slack) { s.now = now } }

// WithHTTPClient sets the client used for the Web API and response_url.
func WithHTTPClient(c *http.Client) Option { return func(s *Slack) { s.http = c } }

// WithInlineTimeout sets how long a slash command may take to answer
// inline; slower answers are acknowledged and sent to response_url.
// Slack waits 3 s for the acknowledgement; the default is 2 s.
func WithInlineTimeout(d time.Duration) Option { return func(s *Slack) { s.settle = d } }

// WithDrainTimeout sets how long Run waits for in-flight answers after
// its context is cancelled (default 8 s, inside the 10 s shutdown budget).
func WithDrainTimeout(d time.Duration) Option { return func(s *Slack) { s.drain = d } }

// DefaultRetry is how Web API and response_url calls are retried: four
// attempts, backing off from 250 ms, a 429 after its Retry-After.
var DefaultRetry = retry.Policy{Attempts: 4, Initial: 250 * time.Millisecond, Max: 10 * time.Second, MaxRetryAfter: time.Minute}

// WithRetry sets how failed calls are retried (tests shrink Scale).
func WithRetry(p retry.Policy) Option { return func(s *Slack) { s.retry = p } }

// New checks cfg and returns the adapter. It does not touch the network;
// Run calls auth.test and, in socket mode, connects.
func New(cfg Config, h bot.Handler, log *slog.Logger, obs bot.Observer, opts ...Option) (*Slack, error) {
	if cfg.Mode == "" {
		cfg.Mode = ModeHTTP
	}
	if cfg.Answers == "" {
		cfg.Answers = AnswersPrivate
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if h == nil {
		return nil, errors.New("slack: a handler is required")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if obs == nil {
		obs = bot.NopObserver{}
	}
	s := &Slack{
		cfg:    cfg,
		h:      h,
		log:    log.With("platform", Name),
		obs:    obs,
		http:   &http.Client{Timeout: 15 * time.Second},
		now:    time.Now,
		admins: make(map[string]bool, len(cfg.Admins)),
		seen:   newSeenSet(4096, 15*time.Minute),
		settle: 2 * time.Second,
		drain:  8 * time.Second,
		retry:  DefaultRetry,
	}
	for _, a := range cfg.Admins {
		s.admins[strings.TrimSpace(a)] = true
	}
	for _, o := range opts {
		o(s)
	}
	s.base, s.stop = context.WithCancel(context.Background())
	apiOpts := []slack.Option{slack.OptionHTTPClient(s.http)}
	if cfg.APIURL != "" {
		apiOpts = append(apiOpts, slack.OptionAPIURL(cfg.APIURL))
	}
	if cfg.AppToken != "" {
		apiOpts = append(apiOpts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	s.api = slack.New(cfg.BotToken, apiOpts...)
	s.botUser.Store("")
	return s, nil
}

func (c Config) validate() error {
	switch c.Mode {
	case ModeHTTP:
		if c.SigningSecret == "" {
			return errors.New("slack.signing_secret is required in http mode")
		}
	case ModeSocket:
		if c.AppToken == "" {
			return errors.New("slack.app_token is required in socket mode")
		}
		if !strings.HasPrefix(c.AppToken, "xapp-") {
			return errors.New("slack.app_token must be an app-level token (xapp-...)")
		}
	default:
		return fmt.Errorf("slack.mode must be %q or %q, not %q", ModeHTTP, ModeSocket, c.Mode)
	}
	if c.BotToken == "" {
		return errors.New("slack.bot_token is required")
	}
	if c.Answers != AnswersPrivate && c.Answers != AnswersPublic {
		return fmt.Errorf("slack.answers must be %q or %q, not %q", AnswersPrivate, AnswersPublic, c.Answers)
	}
	if c.APIURL != "" && !(strings.HasPrefix(c.APIURL, "http://") || strings.HasPrefix(c.APIURL, "https://")) {
		return errors.New("slack.api_url must be an http(s) URL")
	}
	if c.APIURL != "" && !strings.HasSuffix(c.APIURL, "/") {
		return errors.New(`slack.api_url must end with "/"`)
	}
	return nil
}

// Name implements bot.Platform.
func (s *Slack) Name() string { return Name }

// Connected implements bot.Connectivity. In HTTP mode it is true once
// auth.test has accepted the bot token (Slack can then be answered); in
// socket mode, while the socket is connected.
func (s *Slack) Connected() bool { return s.connected.Load() }

// Run serves until ctx is cancelled. It first calls auth.test to learn the
// bot's own user id (to ignore its own messages); a rejected token is an
// error, a network failure is retried in the background. In socket mode it
// then runs the socket client; in HTTP mode requests arrive through Routes.
// After ctx is cancelled it waits up to the drain timeout for answers in
// flight, then returns nil.
func (s *Slack) Run(ctx context.Context) error {
	if err := s.identify(ctx); err != nil {
		s.stop()
		return err
	}
	var err error
	if s.cfg.Mode == ModeSocket {
		err = s.runSocket(ctx)
	} else {
		<-ctx.Done()
	}
	s.connected.Store(false)
	s.shutdown()
	return err
}

// shutdown waits for in-flight answers, at most the drain timeout, then
// cancels whatever is left.
func (s *Slack) shutdown() {
	ctx, cancel := context.WithTimeout(context.Background(), s.drain)
	defer cancel()
	if !s.work.Wait(ctx) {
		s.log.Warn("shutdown: answers still in flight were cancelled", "in_flight", s.work.Count())
	}
	s.stop()
}

// identify runs auth.test. A token Slack rejects is fatal; other failures
// are retried in the background with backoff.
func (s *Slack) identify(ctx context.Context) error {
	try := func() (bool, error) {
		resp, err := s.api.AuthTestContext(ctx)
		if err == nil {
			s.botUser.Store(resp.UserID)
			if s.cfg.Mode == ModeHTTP {
				s.connected.Store(true)
			}
			s.log.Info("authenticated", "team", resp.TeamID, "bot_user", resp.UserID)
			return true, nil
		}
		if fatalAuth(err) {
			return false, fmt.Errorf("slack: the bot token was rejected (%w)", err)
		}
		s.obs.PlatformError(Name, "auth.test")
		s.log.Warn("auth.test failed; retrying", "err", err)
		return false, nil
	}
	ok, err := try()
	if ok || err != nil {
		return err
	}
	s.goSafe("auth.test retry", func() {
		// Transient failures are retried until the context ends, backing
		// off from one second to one minute.
		errAgain := errors.New("auth.test failed")
		p := retry.Policy{Initial: time.Second, Max: time.Minute, Scale: s.retry.Scale}
		if !retry.Sleep(ctx, p.Backoff(1)) {
			return
		}
		_, err := p.Do(ctx, func(context.Context) error {
			if ok, err := try(); ok {
				return nil
			} else if err != nil {
				return err
			}
			return errAgain
		}, func(err error) retry.Verdict { return retry.Verdict{Retry: errors.Is(err, errAgain)} }, nil)
		if err != nil && !errors.Is(err, errAgain) && ctx.Err() == nil {
			s.log.Error("giving up on auth.test", "err", err)
		}
	})
	return nil
}

// fatalAuth reports an auth.test answer that retrying cannot fix.
func fatalAuth(err error) bool {
	var se slack.SlackErrorResponse
	return errors.As(err, &se) && slices.Contains([]string{
		"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type",
	}, se.Err)
}

func (s *Slack) botUserID() string { return s.botUser.Load().(string) }

// request builds the router's request from what Slack sent.
func (s *Slack) request(channel, user, channelType, text string) bot.Request {
	return bot.Request{
		Platform: Name,
		Channel:  channel,
		User:     user,
		Text:     text,
		DM:       channelType == "im" || channelType == "directmessage" || strings.HasPrefix(channel, "D"),
		Admin:    s.admins[user],
	}
}

// goSafe runs f in a goroutine counted as in flight; a panic is logged,
// never fatal.
func (s *Slack) goSafe(what string, f func()) {
	s.work.Add()
	go func() {
		defer s.work.Done()
		defer s.recoverPanic(what)
		f()
	}()
}

func (s *Slack) recoverPanic(what string) {
	if p := recover(); p != nil {
		s.log.Error("panic recovered", "in", what, "panic", fmt.Sprint(p))
	}
}

// answer runs the handler, turning a panic into a friendly error reply.
func (s *Slack) answer(ctx context.Context, req bot.Request) (a bot.Answer) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("handler panicked", "panic", fmt.Sprint(p))
			a = bot.Answer{Reply: briefings.ErrorReply("I hit a problem answering that. Please try again, or try /help."), Pages: 1, Private: req.Slash}
		}
	}()
	return s.h.Respond(ctx, req)
}

// act runs the handler for a button click, turning a panic into a notice.
func (s *Slack) act(ctx context.Context, c bot.Click) (a bot.Action) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("handler panicked on a click", "panic", fmt.Sprint(p))
			a = bot.Action{Kind: bot.ActNotice, Notice: "I hit a problem with that button. Please try again."}
		}
	}()
	return s.h.Act(ctx, c)
}
