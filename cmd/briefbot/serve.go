package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/console"
	"github.com/briefbot/briefbot/bot/discord"
	"github.com/briefbot/briefbot/bot/slack"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/briefings/wordnet"
	"github.com/briefbot/briefbot/internal/config"
	"github.com/briefbot/briefbot/internal/httpserver"
	"github.com/briefbot/briefbot/internal/metrics"
	"github.com/briefbot/briefbot/internal/reload"
	"github.com/briefbot/briefbot/internal/schedule"
	"github.com/briefbot/briefbot/internal/store"
)

// Shutdown budget (DESIGN §9: close within 10 s of SIGINT/SIGTERM). The
// platforms drain in-flight answers and the HTTP server its requests
// within drainTimeout; whatever still runs at shutdownTimeout is
// abandoned and serve exits with an error.
const (
	drainTimeout    = 8 * time.Second
	shutdownTimeout = 9500 * time.Millisecond
	storeOpenTime   = 20 * time.Second
)

// EnvLogLevel sets the default of --log-level (containers).
const EnvLogLevel = "BRIEFBOT_LOG_LEVEL"

// onListen, when set (tests), is told the HTTP server's bound address.
var onListen func(net.Addr)

const serveUsage = "usage: briefbot serve [--config FILE] [--log-level debug|info|warn|error]"

// runServe is `briefbot serve [--config FILE] [--log-level LEVEL]`.
func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("serve")
	configPath := fs.String("config", "", "configuration `FILE` (see config.example.yaml); none: defaults, console only")
	defLevel := os.Getenv(EnvLogLevel)
	if defLevel == "" {
		defLevel = "info"
	}
	levelName := fs.String("log-level", defLevel, "log `LEVEL`: debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return usageError(stdout, stderr, fs, serveUsage, err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefbot serve: unexpected argument %q (%s)\n", fs.Arg(0), serveUsage)
		return exitUsage
	}
	level, err := parseLevel(*levelName)
	if err != nil {
		fmt.Fprintf(stderr, "briefbot serve: %v\n", err)
		return exitUsage
	}
	cfg, err := config.LoadContext(ctx, *configPath)
	if err != nil {
		fmt.Fprintf(stderr, "briefbot serve: %v\n", err)
		return exitUsage
	}
	logOut := &switchWriter{w: stderr}
	log := newLoggerAs(logOut, isTTY(stderr), level)
	if err := serve(ctx, cfg, log, logOut, stdin, stdout); err != nil {
		var ce *configError
		if errors.As(err, &ce) {
			// A value the config check let through but a component
			// refused: still a configuration error, reported the same way.
			fmt.Fprintf(stderr, "briefbot serve: %s: %v\n", configName(*configPath), ce.err)
			return exitUsage
		}
		log.Error("briefbot stopped", "err", err)
		return exitFail
	}
	return exitOK
}

// configError is a configuration value a component refused at start-up.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

func configName(path string) string {
	if path == "" {
		return "defaults"
	}
	return path
}

// serve runs every configured component until ctx is cancelled (or the
// interactive console is closed), then shuts down within the budget. The
// log writes through logOut, which an interactive console moves above its
// prompt.
func serve(ctx context.Context, cfg *config.Config, log *slog.Logger, logOut *switchWriter, stdin io.Reader, stdout io.Writer) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	m := metrics.New()
	log.Info("starting briefbot", "config", cfg)

	// Store first: it holds the extraction cache the corpus load reads.
	octx, cancel := context.WithTimeout(ctx, storeOpenTime)
	st, err := store.Open(octx, cfg.Store.Driver, cfg.Store.DSN)
	cancel()
	if err != nil {
		return fmt.Errorf("store (%s %s): %w", cfg.Store.Driver, config.RedactDSN(cfg.Store.DSN), err)
	}
	defer st.Close()

	// Corpus: the poller's fingerprint is taken before the first load, so
	// a file changed during that load is picked up at the first poll.
	holder := reload.NewHolder(nil)
	var poller *reload.Poller
	if cfg.Corpus.Dir != "" && cfg.Corpus.Reload > 0 {
		poller = reload.NewPoller(cfg.Corpus.Dir, cfg.Corpus.Reload.Std(), holder, reload.Options{Log: log, Observer: m, Cache: st})
	}
	start := time.Now()
	engine, err := loadCachedEngine(ctx, cfg.Corpus.Dir, cfg.SearchIndexDir(), st, log)
	if err != nil {
		return err
	}
	holder.Swap(engine)
	counts := engine.Counts()
	m.CorpusDocuments(counts.Documents)
	log.Info("corpus loaded", "dir", corpusName(cfg.Corpus.Dir), "documents", counts.Documents,
		"people", counts.People, "quotes", counts.Quotes, "figures", counts.Figures, "took", time.Since(start).Round(time.Millisecond))
	// The word table free questions read is loaded now rather than by
	// the first question, which would wait for it; a failure is logged.
	if err := wordnet.Load(); err != nil {
		log.Warn("free questions will match words only as written", "err", err)
	}

	// Platforms, scheduler and router depend on one another: the platforms
	// hand requests to the router, the router manages digests through the
	// scheduler, and the scheduler posts through the platforms. The
	// platforms get a forwarder to the router built last.
	fwd := &forwarder{}
	platforms, err := buildPlatforms(cfg, fwd, log, m)
	if err != nil {
		return &configError{err}
	}
	interactive := false
	if len(platforms) == 0 {
		interactive = isTTY(stdin)
		opts, out, ed := consoleSetup(stdin, stdout, interactive)
		if ed != nil {
			defer ed.Close()
			before := logOut.w
			logOut.Set(ed.Stderr())
			defer logOut.Set(before)
		}
		platforms = append(platforms, console.New(stdin, out, fwd, interactive, opts...))
		log.Info("no chat platform configured: talking on the console", "interactive", interactive)
	}
	names := make([]string, len(platforms))
	posters := make(map[string]schedule.Poster, len(platforms))
	for i, p := range platforms {
		names[i] = p.Name()
		posters[p.Name()] = p
	}
	m.Init(names...)
	sched, err := schedule.New(schedule.Config{
		Digests:     scheduleDigests(cfg.Digests),
		Store:       st,
		Engine:      func() schedule.Engine { return holder.Current() },
		Platforms:   posters,
		Logger:      log,
		Observer:    m,
		StopTimeout: drainTimeout,
	})
	if err != nil {
		return &configError{fmt.Errorf("digests: %w", err)}
	}
	for _, d := range cfg.Digests {
		for _, t := range d.Targets {
			m.InitDigest(d.ID, t.Platform)
		}
	}
	m.CorpusProblems(func() int {
		if e := holder.Current(); e != nil {
			return len(e.Problems())
		}
		return 0
	})
	fwd.router = bot.NewRouter(holder.Engine, log, bot.WithObserver(m), bot.WithDigests(sched),
		bot.WithReplies(st), bot.WithFeedback(st), bot.WithConversations(st))

	// HTTP: listen now, so a busy port fails start-up, not later.
	var srv *httpserver.Server
	if cfg.HTTP.Addr != "" {
		checks := []httpserver.Check{
			{Name: "corpus", Fn: func(context.Context) error {
				if holder.Current() == nil {
					return httpserver.ErrNoCorpus
				}
				return nil
			}, Note: func() string { return corpusNote(holder.Current()) }},
			httpserver.PingCheck("store", st.Ping),
		}
		var hp []bot.HTTPPlatform
		for _, p := range platforms {
			checks = append(checks, httpserver.PlatformCheck(p))
			if h, ok := p.(bot.HTTPPlatform); ok {
				hp = append(hp, h)
			}
		}
		var apps []httpserver.App
		if cfg.Console.Enabled {
			cons, err := newConsole(cfg, holder, st, log, m)
			if err != nil {
				return err
			}
			apps = append(apps, cons)
		}
		srv = httpserver.New(httpserver.Options{Addr: cfg.HTTP.Addr, Log: log, Metrics: m.Handler(), Checks: checks, Platforms: hp, Apps: apps})
		if err := srv.Listen(); err != nil {
			return err
		}
		log.Info("http listening", "addr", srv.Addr().String())
		if onListen != nil {
			onListen(srv.Addr())
		}
	}

	g, gctx := errgroup.WithContext(ctx)
	for _, p := range platforms {
		g.Go(func() error {
			err := p.Run(gctx)
			if err != nil {
				return fmt.Errorf("%s: %w", p.Name(), err)
			}
			if p.Name() == console.Name {
				if interactive {
					stop() // the person at the terminal closed the console
				} else {
					log.Info("console input ended; still serving until interrupted")
				}
			}
			return nil
		})
	}
	if srv != nil {
		g.Go(func() error { return srv.Serve(gctx, drainTimeout) })
	}
	g.Go(func() error { return sched.Run(gctx) })
	if poller != nil {
		g.Go(func() error { return poller.Run(gctx) })
	}
	log.Info("briefbot ready", "platforms", names)

	done := make(chan error, 1)
	go func() { done <- g.Wait() }()
	select {
	case err := <-done:
		return finish(ctx, err, log)
	case <-gctx.Done():
	}
	log.Info("shutting down: finishing answers and posts in flight")
	select {
	case err := <-done:
		return finish(ctx, err, log)
	case <-time.After(shutdownTimeout):
		return errors.New("shutdown took too long; abandoning work still in flight")
	}
}

// finish reports how the components ended: a component's error is the
// cause, unless the stop was asked for.
func finish(ctx context.Context, err error, log *slog.Logger) error {
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	log.Info("briefbot stopped")
	return nil
}

func corpusName(dir string) string {
	if dir == "" {
		return "(embedded)"
	}
	return dir
}

// forwarder hands requests to the router, which is built after the
// platforms (it needs the scheduler, which needs the platforms).
type forwarder struct{ router *bot.Router }

// Handle implements the console's Handler.
func (f *forwarder) Handle(ctx context.Context, req bot.Request) briefings.Reply {
	return f.router.Handle(ctx, req)
}

// Respond implements bot.Handler.
func (f *forwarder) Respond(ctx context.Context, req bot.Request) bot.Answer {
	return f.router.Respond(ctx, req)
}

// Act implements bot.Handler.
func (f *forwarder) Act(ctx context.Context, c bot.Click) bot.Action { return f.router.Act(ctx, c) }

// scheduleDigests converts the config's digests for the scheduler.
func scheduleDigests(ds []config.Digest) []schedule.Digest {
	out := make([]schedule.Digest, 0, len(ds))
	for _, d := range ds {
		sd := schedule.Digest{ID: d.ID, Schedule: d.Schedule, Timezone: d.Timezone, WhenEmpty: d.WhenEmpty, CatchUp: d.CatchUp.Std(),
			Start: d.Start, MaxArticles: d.MaxArticles, ThreadReplies: d.ThreadReplies}
		for _, t := range d.Targets {
			sd.Targets = append(sd.Targets, schedule.Target{Platform: t.Platform, Channel: t.Channel})
		}
		out = append(out, sd)
	}
	return out
}

// buildPlatforms makes the configured chat adapters.
func buildPlatforms(cfg *config.Config, router *forwarder, log *slog.Logger, obs bot.Observer) ([]bot.Platform, error) {
	var ps []bot.Platform
	if s := cfg.Slack; s != nil {
		p, err := slack.New(slack.Config{
			Mode: s.Mode, BotToken: s.BotToken, AppToken: s.AppToken, SigningSecret: s.SigningSecret,
			APIURL: s.APIURL, Admins: s.Admins, Answers: s.Answers,
		}, router, log, obs, slack.WithDrainTimeout(drainTimeout))
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	if d := cfg.Discord; d != nil {
		p, err := discord.New(discord.Config{
			Mode: d.Mode, BotToken: d.BotToken, ApplicationID: d.ApplicationID, PublicKey: d.PublicKey,
			GuildIDs: d.GuildIDs, APIURL: d.APIURL, Admins: d.Admins, Answers: d.Answers,
			RequestWindow: time.Duration(d.RequestWindow),
		}, router, log, obs, discord.WithDrainTimeout(drainTimeout))
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, nil
}
