package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

// Router turns requests into replies. It is safe for concurrent use.
type Router struct {
	engine   func() Engine
	digests  Digests
	replies  ReplyStore
	feedback FeedbackStore
	convs    ConversationStore
	obs      Observer
	log      *slog.Logger
	cache    replyCache
}

// RouterOption configures a Router.
type RouterOption func(*Router)

// WithDigests lets chat users preview digests and admins manage subscriptions.
func WithDigests(d Digests) RouterOption { return func(r *Router) { r.digests = d } }

// WithObserver records commands for metrics.
func WithObserver(o Observer) RouterOption { return func(r *Router) { r.obs = o } }

// NewRouter builds a router over the engine engine() returns at each
// request (so a reloaded corpus takes effect at once).
func NewRouter(engine func() Engine, log *slog.Logger, opts ...RouterOption) *Router {
	r := &Router{engine: engine, obs: NopObserver{}, log: log}
	for _, o := range opts {
		o(r)
	}
	return r
}

// Handle answers one request. It never panics: a panic is logged with its
// stack and the user gets a friendly error.
func (r *Router) Handle(ctx context.Context, req Request) briefings.Reply {
	rep, _, _ := r.handle(ctx, req)
	return rep
}

// handle is Handle that also returns the command as it was run (a
// follow-up question as the conversation's context read it) and, for a
// reply that depends only on the corpus and the command, its key.
func (r *Router) handle(ctx context.Context, req Request) (rep briefings.Reply, cmd Command, key AnswerKey) {
	start := time.Now()
	cmd = ParseCommand(req.Text)
	kind := cmd.Name
	if cmd.Problem != "" {
		kind = "invalid"
	}
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("command panicked", "platform", req.Platform, "command", kind, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			rep, key = briefings.ErrorReply("I hit a problem answering that. Please try again, or try /help."), AnswerKey{}
		}
		r.obs.Command(req.Platform, kind, Outcome(rep), time.Since(start))
	}()
	if cmd.Problem != "" {
		return briefings.Reply{Kind: briefings.KindError, Title: "I couldn't read that", Summary: cmd.Problem}, cmd, key
	}
	if cmd.Suggest != "" {
		return briefings.Reply{Kind: briefings.KindHelp, Title: "Did you mean " + cmd.Suggest + "?",
			Summary: fmt.Sprintf("%s is not a command I know. Send %s, or /help to see every command.", cmd.Typed, cmd.Suggest)}, cmd, key
	}
	cmd, as := r.followUp(ctx, req, cmd)
	rep, key = r.cachedDispatch(ctx, req, cmd)
	r.remember(ctx, req, cmd, rep)
	if key.Text != "" {
		key.Text += "\x00" + as
	}
	return readAs(rep, as), cmd, key
}

// cachedDispatch is dispatch through the reply cache when the engine is a
// loaded corpus (immutable) and the command's reply depends only on it.
func (r *Router) cachedDispatch(ctx context.Context, req Request, cmd Command) (briefings.Reply, AnswerKey) {
	eng, ok := r.engine().(*briefings.Engine)
	text, cacheOK := cacheable(cmd)
	if !ok || eng == nil || !cacheOK {
		return r.dispatch(ctx, req, cmd), AnswerKey{}
	}
	rep, gen, hit := r.cache.get(eng, text)
	if !hit {
		rep = r.dispatchTo(eng, cmd)
		r.cache.put(eng, text, rep)
	}
	return rep, AnswerKey{Gen: gen, Text: text}
}

// Outcome classifies a reply for metrics.
func Outcome(rep briefings.Reply) string {
	switch rep.Kind {
	case briefings.KindError:
		return "error"
	case briefings.KindNotFound:
		return "notfound"
	}
	return "ok"
}

func (r *Router) dispatch(ctx context.Context, req Request, cmd Command) briefings.Reply {
	switch cmd.Name {
	case CmdHelp:
		return HelpReply()
	case CmdDigest:
		return r.digest(ctx, req, cmd.Args)
	case CmdFeedback:
		return r.feedbackList(ctx, req)
	}
	return r.dispatchTo(r.engine(), cmd)
}

// dispatchTo answers the commands that only read the corpus.
func (r *Router) dispatchTo(eng Engine, cmd Command) briefings.Reply {
	switch cmd.Name {
	case CmdSources:
		switch year, topic, ok := parseStatsArgs(cmd.Args); {
		case !ok || topic != "":
			return usage("Which year?", "/sources lists every article; /sources YEAR those of a year, e.g. /sources 2014")
		case year != 0:
			return eng.SourcesOf(year)
		}
		return eng.Sources()
	case CmdWho:
		if cmd.Args == "" {
			return usage("Who should I brief you on?", "/who NAME, e.g. /who cazeneuve")
		}
		return eng.Who(cmd.Args)
	case CmdStats:
		year, topic, ok := parseStatsArgs(cmd.Args)
		if !ok {
			return usage("Which year?", "/stats YEAR [topic], e.g. /stats 2025; /stats alone lists the years")
		}
		return eng.Stats(year, topic)
	case CmdAsk:
		if cmd.Args == "" {
			return usage("What would you like to know?", "/ask QUESTION, e.g. /ask how many migrants were in Calais in 2014?")
		}
		return eng.Ask(cmd.Args)
	}
	return HelpReply()
}

func usage(title, how string) briefings.Reply {
	return briefings.Reply{Kind: briefings.KindHelp, Title: title, Summary: "Usage: " + how}
}

var yearArg = regexp.MustCompile(`^(1[89]\d\d|2\d\d\d)$`)

// parseStatsArgs reads "[YEAR] [topic]" in either order. No year and no
// topic means "list the years"; a topic without a year is not understood.
func parseStatsArgs(args string) (year int, topic string, ok bool) {
	var rest []string
	for _, w := range strings.Fields(args) {
		if year == 0 && yearArg.MatchString(w) {
			year, _ = strconv.Atoi(w)
			continue
		}
		rest = append(rest, w)
	}
	topic = strings.Join(rest, " ")
	if year == 0 && topic != "" {
		return 0, "", false
	}
	return year, topic, true
}

// digest handles /digest [subscribe ...|list|unsubscribe ID].
func (r *Router) digest(ctx context.Context, req Request, args string) briefings.Reply {
	sub, rest := splitWord(args)
	switch strings.ToLower(sub) {
	case "", "preview", "now":
		if r.digests == nil {
			return r.engine().Digest(briefings.DigestOptions{Spotlight: true}).Reply
		}
		rep, err := r.digests.Preview(ctx, req.Platform, req.Channel)
		if err != nil {
			return r.failed("digest preview", err)
		}
		return rep
	case "list":
		if r.digests == nil {
			return noScheduler()
		}
		subs, err := r.digests.List(ctx, req.Platform, req.Channel)
		if err != nil {
			return r.failed("digest list", err)
		}
		return listReply(subs)
	case "subscribe", "add":
		if !req.Admin {
			return refuse()
		}
		if r.digests == nil {
			return noScheduler()
		}
		spec, tz, err := ParseSchedule(rest)
		if err != nil {
			return briefings.Reply{Kind: briefings.KindError, Title: "I couldn't read that schedule", Summary: err.Error()}
		}
		s, err := r.digests.Subscribe(ctx, Subscription{
			Platform: req.Platform, Channel: req.Channel, Schedule: spec, Timezone: tz,
			WhenEmpty: "spotlight", CreatedBy: req.User,
		})
		if errors.Is(err, ErrAlreadySubscribed) {
			return briefings.Reply{Kind: briefings.KindDigest, Title: "Already subscribed",
				Summary: fmt.Sprintf("This channel is already subscribed to schedule %q (%s) as %s; nothing changed.%s /digest unsubscribe %s stops it.", s.Schedule, s.Timezone, s.ID, nextRun(s), s.ID)}
		}
		if err != nil {
			return r.failed("digest subscribe", err)
		}
		return briefings.Reply{Kind: briefings.KindDigest, Title: "Digest scheduled",
			Summary: fmt.Sprintf("This channel will get a digest on schedule %q (%s).%s Its id is %s; /digest unsubscribe %s stops it.", s.Schedule, s.Timezone, nextRun(s), s.ID, s.ID)}
	case "unsubscribe", "remove", "stop":
		if !req.Admin {
			return refuse()
		}
		if r.digests == nil {
			return noScheduler()
		}
		id := strings.TrimSpace(rest)
		if id == "" {
			return usage("Which digest?", "/digest unsubscribe ID (see /digest list)")
		}
		err := r.digests.Unsubscribe(ctx, req.Platform, req.Channel, id)
		if errors.Is(err, ErrNoSubscription) {
			return briefings.Reply{Kind: briefings.KindNotFound, Title: "No such digest", Summary: fmt.Sprintf("This channel has no digest with id %q. /digest list shows them.", id)}
		}
		if err != nil {
			return r.failed("digest unsubscribe", err)
		}
		return briefings.Reply{Kind: briefings.KindDigest, Title: "Digest stopped", Summary: fmt.Sprintf("The digest %s will not be posted any more.", id)}
	}
	return usage("What should I do with digests?", "/digest, /digest list, /digest subscribe daily 09:00 Europe/London, /digest unsubscribe ID")
}

func (r *Router) failed(op string, err error) briefings.Reply {
	var ue *UserError
	if errors.As(err, &ue) {
		return briefings.Reply{Kind: briefings.KindError, Title: "That didn't work", Summary: ue.Msg}
	}
	r.log.Error("command failed", "op", op, "err", err)
	return briefings.ErrorReply("I couldn't do that just now. Please try again in a moment.")
}

func refuse() briefings.Reply {
	return briefings.Reply{Kind: briefings.KindError, Title: "Only admins can manage digests",
		Summary: "Ask one of the bot's admins to set up or stop a digest here. /digest shows a preview."}
}

func noScheduler() briefings.Reply {
	return briefings.Reply{Kind: briefings.KindError, Title: "Scheduled digests are off",
		Summary: "This bot runs without a scheduler, so digests can only be previewed with /digest."}
}

func listReply(subs []Subscription) briefings.Reply {
	if len(subs) == 0 {
		return briefings.Reply{Kind: briefings.KindDigest, Title: "No digests here", Summary: "This channel gets no scheduled digest. An admin can add one with /digest subscribe daily 09:00 Europe/London."}
	}
	items := make([]briefings.Item, 0, len(subs))
	for _, s := range subs {
		origin := "from chat"
		if s.FromConfig {
			origin = "from the config file"
		}
		items = append(items, briefings.Item{Text: fmt.Sprintf("%s: %q in %s, %s", s.ID, s.Schedule, s.Timezone, origin)})
	}
	return briefings.Reply{Kind: briefings.KindDigest, Title: "Digests for this channel", Sections: []briefings.Section{{Heading: "Schedules", Items: items}}}
}

var clock = regexp.MustCompile(`^([01]?\d|2[0-3])[:h.]([0-5]\d)$`)

var weekdays = map[string]string{
	"sun": "0", "sunday": "0", "mon": "1", "monday": "1", "tue": "2", "tuesday": "2", "wed": "3", "wednesday": "3",
	"thu": "4", "thursday": "4", "fri": "5", "friday": "5", "sat": "6", "saturday": "6",
}

// ParseSchedule reads the schedule part of /digest subscribe: "daily 09:00
// [TZ]", "weekdays 08:30 [TZ]", "weekly mon 09:00 [TZ]", "hourly [TZ]", or a
// quoted cron spec ("0 9 * * 1" [TZ]). It returns a cron spec and a time
// zone name ("UTC" when none is given). The zone is checked here; the cron
// spec is checked by the scheduler.
func ParseSchedule(s string) (spec, tz string, err error) {
	s = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(strings.TrimSpace(s))
	if s == "" {
		return "", "", errors.New(`Say when: daily 09:00 Europe/London, weekdays 08:30 UTC, weekly mon 09:00 UTC, or a cron spec in quotes like "0 9 * * 1" UTC.`)
	}
	var rest []string
	if q := s[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return "", "", errors.New("The cron spec has no closing quote.")
		}
		spec = strings.TrimSpace(s[1 : 1+end])
		rest = strings.Fields(s[2+end:])
	} else {
		words := strings.Fields(s)
		kind := strings.ToLower(words[0])
		words = words[1:]
		at := func() (string, string, error) {
			if len(words) == 0 {
				return "", "", fmt.Errorf("Give a time for %s, like 09:00.", kind)
			}
			m := clock.FindStringSubmatch(words[0])
			if m == nil {
				return "", "", fmt.Errorf("%q is not a time of day; use HH:MM, like 09:00.", words[0])
			}
			words = words[1:]
			h, _ := strconv.Atoi(m[1])
			mi, _ := strconv.Atoi(m[2])
			return strconv.Itoa(mi), strconv.Itoa(h), nil
		}
		switch kind {
		case "daily", "weekdays":
			mi, h, err := at()
			if err != nil {
				return "", "", err
			}
			spec = mi + " " + h + " * * *"
			if kind == "weekdays" {
				spec = mi + " " + h + " * * 1-5"
			}
		case "weekly":
			if len(words) == 0 || weekdays[strings.ToLower(words[0])] == "" {
				return "", "", errors.New("Give a day for weekly, like weekly mon 09:00.")
			}
			day := weekdays[strings.ToLower(words[0])]
			words = words[1:]
			mi, h, err := at()
			if err != nil {
				return "", "", err
			}
			spec = mi + " " + h + " * * " + day
		case "hourly":
			spec = "@hourly"
		default:
			return "", "", fmt.Errorf("I don't know the schedule %q. Use daily, weekdays, weekly, hourly, or a cron spec in quotes.", words0(s))
		}
		rest = words
	}
	tz = "UTC"
	if len(rest) > 1 {
		return "", "", fmt.Errorf("I didn't understand %q after the schedule; only a time zone may follow.", strings.Join(rest, " "))
	}
	if len(rest) == 1 {
		tz = rest[0]
		if _, err := time.LoadLocation(tz); err != nil || tz == "Local" {
			return "", "", fmt.Errorf("%q is not a time zone I know; use a name like Europe/London or UTC.", tz)
		}
	}
	return spec, tz, nil
}

func words0(s string) string {
	w, _ := splitWord(s)
	return w
}
