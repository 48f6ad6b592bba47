// Package config owns briefbot's configuration: the schema of the YAML file
// (DESIGN §8), its defaults, strict decoding with ${NAME} expansion from the
// environment, environment overrides, and Validate with errors that name
// the offending key. It never prints a secret: String and LogValue redact.
package config

import (
	"strings"
	"time"
)

// Config is the whole configuration of `briefbot serve`. A platform section
// that is absent (nil) is off.
type Config struct {
	HTTP    HTTP     `yaml:"http"`
	Corpus  Corpus   `yaml:"corpus"`
	Store   Store    `yaml:"store"`
	Slack   *Slack   `yaml:"slack"`
	Discord *Discord `yaml:"discord"`
	Digests []Digest `yaml:"digests"`
	Console Console  `yaml:"console"`

	// unset records, by key path, the ${NAME} variables that were not set
	// in the environment, so Validate can say which one to export.
	unset map[string]string
	// lines records, by key path, the line of the key in the file.
	lines map[string]int
}

// HTTP configures the HTTP server: health, readiness, metrics, and the
// Slack and Discord HTTP endpoints.
type HTTP struct {
	// Addr is the listen address, host:port. Empty turns the server off
	// (not allowed when a platform runs in HTTP mode).
	Addr string `yaml:"addr"`
}

// Corpus says where the articles come from.
type Corpus struct {
	// Dir is the corpus directory; empty means the embedded corpus.
	Dir string `yaml:"dir"`
	// Reload is how often to look for changed files; 0 disables.
	Reload Duration `yaml:"reload"`
	// IndexDir keeps the search index between starts; empty: beside the
	// SQLite file (see SearchIndexDir).
	IndexDir string `yaml:"index_dir"`
}

// SearchIndexDir is where the search index of the corpus directory is
// kept between starts, so a start indexes only what changed: IndexDir
// when set, else beside the SQLite file ("briefbot.db.index"). It is ""
// (the index is built in memory at each start) for the embedded corpus,
// and for PostgreSQL or an in-memory SQLite database without IndexDir.
func (c *Config) SearchIndexDir() string {
	switch {
	case c.Corpus.Dir == "":
		return ""
	case c.Corpus.IndexDir != "":
		return c.Corpus.IndexDir
	case c.Store.Driver != "sqlite":
		return ""
	}
	path := strings.TrimPrefix(c.Store.DSN, "file:")
	path, _, _ = strings.Cut(path, "?")
	if path == "" || path == ":memory:" || strings.Contains(c.Store.DSN, "mode=memory") {
		return ""
	}
	return path + ".index"
}

// Console configures the curator console served under /console/ on
// http.addr.
type Console struct {
	Enabled bool `yaml:"enabled"`
	// Token is exchanged for a session cookie at /console/login, or sent
	// as "Authorization: Bearer TOKEN" by scripts.
	Token string `yaml:"token" secret:"true"`
}

// MinConsoleTokenLen is the shortest console token accepted: the token is
// the only thing between the network and the curation file.
const MinConsoleTokenLen = 16

// Store configures persistent state (digest claims, subscriptions).
type Store struct {
	// Driver is "sqlite" or "postgres".
	Driver string `yaml:"driver"`
	// DSN is a file path (sqlite) or a postgres:// URL. It may hold a
	// password, so it is redacted when printed.
	DSN string `yaml:"dsn" secret:"dsn"`
}

// Slack modes.
const (
	SlackHTTP   = "http"
	SlackSocket = "socket"
)

// Slack configures the Slack adapter.
type Slack struct {
	Mode          string   `yaml:"mode"` // "http" (default) or "socket"
	BotToken      string   `yaml:"bot_token" secret:"true"`
	AppToken      string   `yaml:"app_token" secret:"true"`      // socket mode
	SigningSecret string   `yaml:"signing_secret" secret:"true"` // http mode
	APIURL        string   `yaml:"api_url"`                      // Web API base URL override; ends with /
	Admins        []string `yaml:"admins"`                       // user ids that may manage digests
	Answers       string   `yaml:"answers"`                      // "private" (default) or "public"
}

// Discord modes.
const (
	DiscordGateway = "gateway"
	DiscordHTTP    = "http"
)

// Discord configures the Discord adapter.
type Discord struct {
	Mode          string   `yaml:"mode"` // "gateway" (default) or "http"
	BotToken      string   `yaml:"bot_token" secret:"true"`
	ApplicationID string   `yaml:"application_id"`
	PublicKey     string   `yaml:"public_key"` // http mode: Ed25519 public key, hex
	GuildIDs      []string `yaml:"guild_ids"`  // register commands here; empty: globally
	APIURL        string   `yaml:"api_url"`    // REST base URL override; ends with /
	Admins        []string `yaml:"admins"`     // user ids that may manage digests
	Answers       string   `yaml:"answers"`    // "private" (default) or "public"
	// RequestWindow (http mode) is how far a signed interaction's timestamp
	// may be from the server's clock; older or later ones are refused as
	// replays. 0 means 5 minutes.
	RequestWindow Duration `yaml:"request_window"`
}

// Who sees a slash command's answer first.
const (
	AnswersPrivate = "private" // the asker, who may Share it in the channel
	AnswersPublic  = "public"  // everyone in the channel
)

// When a digest has nothing new.
const (
	WhenEmptySkip      = "skip"
	WhenEmptySpotlight = "spotlight"
)

// Digest is a scheduled digest defined in the config file.
type Digest struct {
	ID        string   `yaml:"id"`
	Schedule  string   `yaml:"schedule"`   // cron, optional seconds field, or a descriptor
	Timezone  string   `yaml:"timezone"`   // IANA name; default UTC
	Targets   []Target `yaml:"targets"`    // where to post
	WhenEmpty string   `yaml:"when_empty"` // "skip" or "spotlight" (default)
	CatchUp   Duration `yaml:"catch_up"`   // post a missed run on start if this recent; 0: never
	// Start is "now" (default: the articles already in the corpus count as
	// seen, and the first digest is an overview) or "backlog" (the first
	// digests work through every article).
	Start string `yaml:"start"`
	// MaxArticles is the most stories one digest summarises (default 5),
	// an article alone or several outlets' reports of one event; the rest
	// follow in the next one.
	MaxArticles int `yaml:"max_articles"`
	// ThreadReplies opens a thread under each digest for questions.
	ThreadReplies bool `yaml:"thread_replies"`
}

// Where a new digest starts.
const (
	StartNow     = "now"
	StartBacklog = "backlog"
)

// DefaultMaxArticles is a digest's article limit when max_articles is unset.
const DefaultMaxArticles = 5

// Target is one channel a digest is posted to.
type Target struct {
	Platform string `yaml:"platform"` // "slack", "discord" or "console"
	Channel  string `yaml:"channel"`
}

// Default returns the configuration used for keys the file leaves out.
func Default() *Config {
	return &Config{
		HTTP:   HTTP{Addr: "127.0.0.1:8080"},
		Corpus: Corpus{Reload: Duration(30 * time.Second)},
		Store:  Store{Driver: "sqlite", DSN: "briefbot.db"},
	}
}

// Platforms lists the configured chat platforms, in a fixed order.
func (c *Config) Platforms() []string {
	var p []string
	if c.Slack != nil {
		p = append(p, "slack")
	}
	if c.Discord != nil {
		p = append(p, "discord")
	}
	return p
}

// applyDefaults fills the defaults that depend on which sections exist.
func (c *Config) applyDefaults() {
	if c.Slack != nil {
		if c.Slack.Mode == "" {
			c.Slack.Mode = SlackHTTP
		}
		if c.Slack.Answers == "" {
			c.Slack.Answers = AnswersPrivate
		}
		c.Slack.APIURL = withSlash(c.Slack.APIURL)
	}
	if c.Discord != nil {
		if c.Discord.Mode == "" {
			c.Discord.Mode = DiscordGateway
		}
		if c.Discord.Answers == "" {
			c.Discord.Answers = AnswersPrivate
		}
		c.Discord.APIURL = withSlash(c.Discord.APIURL)
	}
	for i := range c.Digests {
		d := &c.Digests[i]
		if d.Timezone == "" {
			d.Timezone = "UTC"
		}
		if d.WhenEmpty == "" {
			d.WhenEmpty = WhenEmptySpotlight
		}
		if d.Start == "" {
			d.Start = StartNow
		}
		if d.MaxArticles == 0 {
			d.MaxArticles = DefaultMaxArticles
		}
	}
}

// withSlash ends a base URL with "/", as slack-go and the Discord endpoint
// paths expect, so "http://host/api" and "http://host/api/" mean the same.
func withSlash(u string) string {
	if u != "" && !strings.HasSuffix(u, "/") {
		return u + "/"
	}
	return u
}
