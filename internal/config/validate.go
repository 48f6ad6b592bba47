package config

import (
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/briefbot/briefbot/internal/schedule"
)

// Problem is one invalid or missing key.
type Problem struct {
	Key     string // the key path: "slack.signing_secret", "digests[0].timezone"
	Message string // what is wrong, for a person
	// UnsetVar names the ${NAME} environment variable the file used for
	// this key when it was not set (the value is missing because of it).
	UnsetVar string
}

func (p Problem) String() string { return p.Key + ": " + p.Message }

// ValidationError lists every problem found, each naming its key.
type ValidationError struct {
	Problems []Problem
}

// Error joins the problems on one line.
func (e *ValidationError) Error() string {
	s := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		s[i] = p.String()
	}
	return joinProblems(s)
}

var (
	snowflake = regexp.MustCompile(`^[0-9]{1,20}$`)
	digestID  = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
)

// Validate checks the configuration and returns a *ValidationError naming
// each bad key, or nil.
func (c *Config) Validate() error {
	v := validator{c: c}

	if c.HTTP.Addr != "" {
		if _, port, err := net.SplitHostPort(c.HTTP.Addr); err != nil || port == "" {
			v.add("http.addr", "%q is not host:port (e.g. 127.0.0.1:8080 or :8080)", c.HTTP.Addr)
		}
	}

	if c.Corpus.Dir != "" {
		if st, err := os.Stat(c.Corpus.Dir); err != nil {
			v.add("corpus.dir", "%s: no such directory", c.Corpus.Dir)
		} else if !st.IsDir() {
			v.add("corpus.dir", "%s is not a directory", c.Corpus.Dir)
		}
	}
	if c.Corpus.Reload < 0 {
		v.add("corpus.reload", "must not be negative")
	}

	switch c.Store.Driver {
	case "sqlite", "postgres":
	case "":
		v.add("store.driver", "required: sqlite or postgres")
	default:
		v.add("store.driver", "%q is not a store driver; use sqlite or postgres", c.Store.Driver)
	}
	if c.Store.DSN == "" {
		v.required("store.dsn", "a file path for sqlite, a postgres:// URL for postgres")
	}

	if c.Console.Enabled {
		if c.Console.Token == "" {
			v.required("console.token", "when the console is enabled")
		} else if len(c.Console.Token) < MinConsoleTokenLen {
			v.add("console.token", "too short: use at least %d random characters", MinConsoleTokenLen)
		}
		if c.HTTP.Addr == "" {
			v.add("http.addr", "required: the console is served on it")
		}
	}

	if s := c.Slack; s != nil {
		v.required2("slack.bot_token", s.BotToken, "")
		switch s.Mode {
		case SlackHTTP:
			v.required2("slack.signing_secret", s.SigningSecret, "in http mode")
			if c.HTTP.Addr == "" {
				v.add("http.addr", "required: slack runs in http mode")
			}
		case SlackSocket:
			if s.AppToken == "" {
				v.required("slack.app_token", "in socket mode")
			} else if !strings.HasPrefix(s.AppToken, "xapp-") {
				v.add("slack.app_token", "want an app-level token (xapp-...), not a bot or user token")
			}
		default:
			v.add("slack.mode", "%q is not a mode; use http or socket", s.Mode)
		}
		v.apiURL("slack.api_url", s.APIURL)
		v.ids("slack.admins", s.Admins, nil)
		v.answers("slack.answers", s.Answers)
	}

	if d := c.Discord; d != nil {
		v.required2("discord.bot_token", d.BotToken, "")
		if d.ApplicationID != "" && !snowflake.MatchString(d.ApplicationID) {
			v.add("discord.application_id", "%q is not a Discord id (digits only)", d.ApplicationID)
		}
		switch d.Mode {
		case DiscordGateway:
		case DiscordHTTP:
			v.required2("discord.application_id", d.ApplicationID, "in http mode")
			if d.PublicKey == "" {
				v.required("discord.public_key", "in http mode")
			} else if b, err := hex.DecodeString(d.PublicKey); err != nil || len(b) != 32 {
				v.add("discord.public_key", "want the application's Ed25519 public key: 64 hex digits")
			}
			if c.HTTP.Addr == "" {
				v.add("http.addr", "required: discord runs in http mode")
			}
		default:
			v.add("discord.mode", "%q is not a mode; use gateway or http", d.Mode)
		}
		v.ids("discord.guild_ids", d.GuildIDs, snowflake)
		v.apiURL("discord.api_url", d.APIURL)
		v.ids("discord.admins", d.Admins, snowflake)
		v.answers("discord.answers", d.Answers)
		if d.RequestWindow < 0 || time.Duration(d.RequestWindow) > 24*time.Hour {
			v.add("discord.request_window", "%s is not a window; use a duration from 1s to 24h (the default is 5m)", time.Duration(d.RequestWindow))
		}
	}

	seen := map[string]int{}
	for i, d := range c.Digests {
		key := func(k string) string { return fmt.Sprintf("digests[%d].%s", i, k) }
		switch {
		case d.ID == "":
			v.required(key("id"), "a name for this digest, e.g. morning-brief")
		case !digestID.MatchString(d.ID):
			v.add(key("id"), "%q: use letters, digits, '.', '_' or '-' (at most 64)", d.ID)
		default:
			if j, dup := seen[d.ID]; dup {
				v.add(key("id"), "%q is already used by digests[%d]", d.ID, j)
			}
			seen[d.ID] = i
		}
		zone := d.Timezone
		if loc, err := time.LoadLocation(d.Timezone); err != nil || d.Timezone == "Local" || loc == nil {
			v.add(key("timezone"), "unknown time zone %q; use an IANA name like Europe/London or UTC", d.Timezone)
			zone = "UTC" // judge the schedule on its own
		}
		// The scheduler's own parser: five fields, an optional leading
		// seconds field, or a descriptor, so what validates here runs there.
		if d.Schedule == "" {
			v.required(key("schedule"), `a cron spec like "0 9 * * 1-5" or a descriptor like @daily`)
		} else if _, err := schedule.Parse(d.Schedule, zone); err != nil {
			v.add(key("schedule"), "%q is not a cron schedule: %v", d.Schedule, err)
		}
		switch d.WhenEmpty {
		case WhenEmptySkip, WhenEmptySpotlight:
		default:
			v.add(key("when_empty"), "%q: use skip or spotlight", d.WhenEmpty)
		}
		if d.CatchUp < 0 {
			v.add(key("catch_up"), "must not be negative")
		}
		if d.Start != StartNow && d.Start != StartBacklog {
			v.add(key("start"), "%q: use now (the corpus as it is counts as seen) or backlog", d.Start)
		}
		if d.MaxArticles < 1 || d.MaxArticles > 20 {
			v.add(key("max_articles"), "%d: use 1 to 20 articles per digest", d.MaxArticles)
		}
		if len(d.Targets) == 0 {
			v.required(key("targets"), "at least one {platform, channel}")
		}
		for j, t := range d.Targets {
			tk := func(k string) string { return fmt.Sprintf("digests[%d].targets[%d].%s", i, j, k) }
			switch t.Platform {
			case "slack":
				if c.Slack == nil {
					v.add(tk("platform"), "slack is not configured (no slack section)")
				}
			case "discord":
				if c.Discord == nil {
					v.add(tk("platform"), "discord is not configured (no discord section)")
				} else if t.Channel != "" && !snowflake.MatchString(t.Channel) {
					v.add(tk("channel"), "%q is not a Discord channel id (digits only)", t.Channel)
				}
			case "console":
				if c.Slack != nil || c.Discord != nil {
					v.add(tk("platform"), "console runs only when no chat platform is configured")
				}
			case "":
				v.required(tk("platform"), "slack, discord or console")
			default:
				v.add(tk("platform"), "%q: use slack, discord or console", t.Platform)
			}
			if t.Channel == "" {
				v.required(tk("channel"), "the channel id to post to")
			}
		}
	}

	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

type validator struct {
	c        *Config
	problems []Problem
}

func (v *validator) add(key, format string, args ...any) {
	v.problems = append(v.problems, Problem{Key: key, Message: fmt.Sprintf(format, cutArgs(args)...)})
}

// required reports a missing value; when the file referred to an unset
// environment variable there, it says which one.
func (v *validator) required(key, why string) {
	msg := "required"
	if why != "" {
		msg += " " + why
	}
	name, ok := v.c.unset[key]
	if ok {
		msg += fmt.Sprintf(" (environment variable %s is not set)", name)
	}
	v.problems = append(v.problems, Problem{Key: key, Message: msg, UnsetVar: name})
}

func (v *validator) required2(key, value, why string) {
	if value == "" {
		v.required(key, why)
	}
}

func (v *validator) apiURL(key, raw string) {
	if raw == "" {
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add(key, "%q is not an http(s) URL", raw)
	}
}

func (v *validator) ids(key string, ids []string, pattern *regexp.Regexp) {
	for i, id := range ids {
		k := fmt.Sprintf("%s[%d]", key, i)
		switch {
		case strings.TrimSpace(id) == "":
			v.add(k, "empty id")
		case pattern != nil && !pattern.MatchString(id):
			v.add(k, "%q is not a Discord id (digits only)", id)
		}
	}
}

// answers checks a platform's answers setting.
func (v *validator) answers(key, val string) {
	if val != AnswersPrivate && val != AnswersPublic {
		v.add(key, "%q is not a choice; use private (answers only the asker sees, with a Share button) or public", val)
	}
}
