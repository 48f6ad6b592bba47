package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

func envOf(m map[string]string) LookupFunc {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

const good = `
http:
  addr: "127.0.0.1:0"
corpus:
  reload: 0
store:
  driver: sqlite
  dsn: /tmp/x.db
slack:
  mode: http
  bot_token: ${SLACK_BOT_TOKEN}
  signing_secret: "${SLACK_SIGNING_SECRET}"
  api_url: http://127.0.0.1:9/api
  admins: [U1]
digests:
  - id: every-two
    schedule: "*/2 * * * * *"
    targets: [{platform: slack, channel: C1}]
    catch_up: 90s
`

func TestDecodeAndValidate(t *testing.T) {
	secrets := map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s3cret: #not yaml"}
	tests := []struct {
		name    string
		yaml    string
		env     map[string]string
		wantErr string // substring of the decode or validate error; "" for none
		check   func(t *testing.T, c *Config)
	}{
		{name: "good", yaml: good, env: secrets, check: func(t *testing.T, c *Config) {
			if c.Slack == nil || c.Slack.BotToken != "xoxb-1" || c.Slack.SigningSecret != "s3cret: #not yaml" {
				t.Errorf("secrets not expanded: %+v", c.Slack)
			}
			if c.Slack.APIURL != "http://127.0.0.1:9/api/" {
				t.Errorf("api_url = %q, want a trailing slash", c.Slack.APIURL)
			}
			if c.Corpus.Reload != 0 || c.Digests[0].CatchUp.Std() != 90*time.Second {
				t.Errorf("durations: reload %v catch_up %v", c.Corpus.Reload, c.Digests[0].CatchUp)
			}
			if d := c.Digests[0]; d.Timezone != "UTC" || d.WhenEmpty != WhenEmptySpotlight {
				t.Errorf("digest defaults: %+v", d)
			}
			if c.Discord != nil {
				t.Error("absent discord section should be off")
			}
		}},
		{name: "bad duration in a flow mapping names its key", yaml: "corpus: {reload: soon, dir: \"\"}\n", wantErr: "corpus.reload: \"soon\" is not a duration"},
		{name: "bad catch_up in a flow digest names its key", yaml: "digests:\n  - {id: d, schedule: \"@hourly\", catch_up: soon, targets: [{platform: slack, channel: C1}]}\n", wantErr: "digests[0].catch_up: \"soon\" is not a duration"},
		{name: "empty file is the defaults", yaml: "", check: func(t *testing.T, c *Config) {
			if c.HTTP.Addr != "127.0.0.1:8080" || c.Store.Driver != "sqlite" || c.Corpus.Reload.Std() != 30*time.Second || c.Slack != nil {
				t.Errorf("defaults: %+v", c)
			}
		}},
		{name: "unknown top key", yaml: "http:\n  addr: :1\nslak:\n  mode: http\n", wantErr: "line 3: slak: unknown key (did you mean slack?)"},
		{name: "unknown nested key", yaml: good + "    colour: red\n", env: secrets, wantErr: "line 20: digests[0].colour: unknown key"},
		{name: "misspelt secret key", yaml: "slack:\n  sigining_secret: x\n", wantErr: "slack.sigining_secret: unknown key (did you mean signing_secret?)"},
		{name: "bad duration", yaml: "corpus:\n  reload: 3O s\n", wantErr: `line 2: corpus.reload: "3O s" is not a duration`},
		{name: "negative duration", yaml: "corpus:\n  reload: -1s\n", wantErr: "corpus.reload"},
		{name: "list for a string", yaml: "store:\n  dsn: [a, b]\n", wantErr: "line 2: store.dsn: want a single value"},
		{name: "bad zone", yaml: strings.Replace(good, "catch_up: 90s", "catch_up: 90s\n    timezone: Europe/Lodnon", 1), env: secrets,
			wantErr: `digests[0].timezone: unknown time zone "Europe/Lodnon"`},
		{name: "bad cron", yaml: strings.Replace(good, `"*/2 * * * * *"`, `"61 * * * *"`, 1), env: secrets, wantErr: `digests[0].schedule: "61 * * * *" is not a cron schedule`},
		{name: "descriptor", yaml: strings.Replace(good, `"*/2 * * * * *"`, `"@every 1h"`, 1), env: secrets},
		{name: "missing secret in http mode", yaml: good, env: map[string]string{"SLACK_BOT_TOKEN": "x"},
			wantErr: "slack.signing_secret: required in http mode (environment variable SLACK_SIGNING_SECRET is not set)"},
		{name: "socket mode needs app token", yaml: "slack:\n  mode: socket\n  bot_token: x\n", wantErr: "slack.app_token: required in socket mode"},
		{name: "socket mode needs an app-level token", yaml: "slack:\n  mode: socket\n  bot_token: x\n  app_token: xoxb-1\n", wantErr: "slack.app_token: want an app-level token (xapp-...)"},
		{name: "bad slack mode", yaml: "slack:\n  mode: rtm\n  bot_token: x\n", wantErr: `slack.mode: "rtm" is not a mode`},
		{name: "discord http mode", yaml: "discord:\n  mode: http\n  bot_token: x\n  public_key: abc\n", wantErr: "discord.application_id: required in http mode; discord.public_key: want the application's Ed25519 public key"},
		{name: "discord ids are digits", yaml: "discord:\n  bot_token: x\n  admins: [alice]\n", wantErr: `discord.admins[0]: "alice" is not a Discord id`},
		{name: "unquoted big discord id stays exact", yaml: "discord:\n  bot_token: x\n  application_id: 112233445566778899\n", check: func(t *testing.T, c *Config) {
			if c.Discord.ApplicationID != "112233445566778899" {
				t.Errorf("application_id = %q", c.Discord.ApplicationID)
			}
		}},
		{name: "target platform not configured", yaml: "digests:\n  - {id: d, schedule: '@daily', targets: [{platform: discord, channel: '1'}]}\n", wantErr: "digests[0].targets[0].platform: discord is not configured"},
		{name: "console without token", yaml: "console: {enabled: true}\n", wantErr: "console.token: required when the console is enabled"},
		{name: "console short token", yaml: "console: {enabled: true, token: abc}\n", wantErr: "console.token: too short"},
		{name: "duplicate digest ids", yaml: "digests:\n  - {id: d, schedule: '@daily', targets: [{platform: console, channel: console}]}\n  - {id: d, schedule: '@daily', targets: [{platform: console, channel: console}]}\n", wantErr: `digests[1].id: "d" is already used by digests[0]`},
		{name: "bad when_empty", yaml: "digests:\n  - {id: d, schedule: '@daily', when_empty: never, targets: [{platform: console, channel: console}]}\n", wantErr: `digests[0].when_empty: "never"`},
		{name: "bad store driver", yaml: "store:\n  driver: mysql\n", wantErr: `store.driver: "mysql" is not a store driver`},
		{name: "bad http addr", yaml: "http:\n  addr: localhost\n", wantErr: `http.addr: "localhost" is not host:port`},
		{name: "http mode needs an address", yaml: "http:\n  addr: ''\nslack:\n  bot_token: x\n  signing_secret: y\n", wantErr: "http.addr: required: slack runs in http mode"},
		{name: "missing corpus dir", yaml: "corpus:\n  dir: /no/such/dir\n", wantErr: "corpus.dir: /no/such/dir: no such directory"},
		{name: "two documents", yaml: "http: {}\n---\nhttp: {}\n", wantErr: "more than one YAML document"},
		{name: "syntax error", yaml: "http:\n  addr: [\n", wantErr: "line"},
		{name: "env override", yaml: good, env: map[string]string{"SLACK_BOT_TOKEN": "x", "SLACK_SIGNING_SECRET": "y", EnvStoreDSN: "/data/b.db", EnvHTTPAddr: ":9999"}, check: func(t *testing.T, c *Config) {
			if c.Store.DSN != "/data/b.db" || c.HTTP.Addr != ":9999" {
				t.Errorf("overrides not applied: %+v %+v", c.Store, c.HTTP)
			}
		}},
		{name: "expansion cannot inject keys", yaml: "store:\n  dsn: ${DSN}\n", env: map[string]string{"DSN": "x\nslack: {}"}, check: func(t *testing.T, c *Config) {
			if c.Slack != nil || c.Store.DSN != "x\nslack: {}" {
				t.Errorf("expanded value changed the structure: %+v", c)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode([]byte(tt.yaml), envOf(tt.env))
			if err == nil {
				err = c.Validate()
			}
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if tt.check != nil {
					tt.check(t, c)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestLoadNamesFile(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(f, []byte("http:\n  adr: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(f)
	if err == nil || !strings.HasPrefix(err.Error(), f+": line 2: http.adr: unknown key") {
		t.Fatalf("err = %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Fatal("missing file accepted")
	}
}

func TestAllowUnsetEnv(t *testing.T) {
	for _, k := range []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_BOT_TOKEN"} {
		t.Setenv(k, "")
	}
	raw, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	on := filepath.Join(dir, "on.yaml")
	os.WriteFile(on, []byte(uncomment(string(raw))), 0o600)
	if _, err := Load(on); err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN is not set") {
		t.Fatalf("strict load: err = %v", err)
	}
	c, err := Load(on, AllowUnsetEnv())
	if err != nil {
		t.Fatalf("lenient load: %v", err)
	}
	want := []string{"BRIEFBOT_CONSOLE_TOKEN", "DISCORD_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"}
	if got := c.UnsetEnv(); !reflect.DeepEqual(got, want) {
		t.Errorf("UnsetEnv = %v, want %v", got, want)
	}
	// Problems not caused by unset variables still fail.
	f := filepath.Join(dir, "c.yaml")
	os.WriteFile(f, []byte("slack:\n  bot_token: ${SLACK_BOT_TOKEN}\n  mode: rtm\n"), 0o600)
	if _, err := Load(f, AllowUnsetEnv()); err == nil || strings.Contains(err.Error(), "bot_token") || !strings.Contains(err.Error(), "slack.mode") {
		t.Fatalf("lenient load of a bad mode: err = %v", err)
	}
}

// TestExampleInStep keeps config.example.yaml and the Config schema in
// step: the example loads and validates with the secrets set, and every
// key of the schema appears in it (and no other, which Decode checks).
// uncomment turns on the example's commented-out sections: a block starts
// at a line like "#slack:" and runs to the next empty line; each of its
// lines loses its leading "#".
func uncomment(text string) string {
	lines := strings.Split(text, "\n")
	in := false
	for i, l := range lines {
		switch {
		case l == "":
			in = false
		case commentedKey.MatchString(l):
			in = true
		}
		if in {
			lines[i] = strings.TrimPrefix(l, "#")
		}
	}
	return strings.Join(lines, "\n")
}

var commentedKey = regexp.MustCompile(`^#[a-z_]+:\s*$`)

// TestExampleStartsWithoutTokens loads config.example.yaml as shipped, in
// an environment without a single token: it is valid and turns no chat
// platform on (serve then answers on the console).
func TestExampleStartsWithoutTokens(t *testing.T) {
	for _, name := range []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_BOT_TOKEN"} {
		t.Setenv(name, "")
	}
	c, err := Load("../../config.example.yaml")
	if err != nil {
		t.Fatalf("the example as shipped does not load without tokens: %v", err)
	}
	if p := c.Platforms(); len(p) != 0 || len(c.Digests) != 0 {
		t.Fatalf("the example turns on %v and %d digests; want none until filled in", p, len(c.Digests))
	}
	if unset := c.UnsetEnv(); len(unset) != 0 {
		t.Errorf("UnsetEnv = %v, want none: no section that uses them is on", unset)
	}
}

// TestUnsetEnvOnlyForTheChosenModes turns the example's sections on with
// no tokens set: only the variables the chosen modes read are reported.
func TestUnsetEnvOnlyForTheChosenModes(t *testing.T) {
	data, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	on := uncomment(string(data))
	tests := []struct {
		name, from, to string
		want           []string
	}{
		{"slack http, discord gateway", "", "", []string{"BRIEFBOT_CONSOLE_TOKEN", "DISCORD_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"}},
		{"slack socket", "  mode: http\n", "  mode: socket\n", []string{"BRIEFBOT_CONSOLE_TOKEN", "DISCORD_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := on
			if tt.from != "" {
				text = strings.Replace(text, tt.from, tt.to, 1)
			}
			c, err := Decode([]byte(text), func(string) (string, bool) { return "", false })
			if err != nil {
				t.Fatal(err)
			}
			if got := c.UnsetEnv(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("UnsetEnv = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestExampleInStep(t *testing.T) {
	env := map[string]string{"SLACK_BOT_TOKEN": "xoxb-dummy", "SLACK_APP_TOKEN": "xapp-dummy", "SLACK_SIGNING_SECRET": "dummy", "DISCORD_BOT_TOKEN": "dummy", "BRIEFBOT_CONSOLE_TOKEN": "0123456789abcdef"}
	raw, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data := []byte(uncomment(string(raw)))
	c, err := Decode(data, func(n string) (string, bool) { v, ok := env[n]; return v, ok })
	if err == nil {
		err = c.Validate()
	}
	if err != nil {
		t.Fatalf("example with its sections turned on does not load: %v", err)
	}
	if c.Slack == nil || c.Discord == nil || len(c.Digests) == 0 || len(c.Digests[0].Targets) == 0 {
		t.Fatal("example should show every section")
	}

	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	collectKeys(doc.Content[0], "", have)
	var missing []string
	for _, k := range schemaKeys(reflect.TypeOf(Config{}), "") {
		if !have[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("config.example.yaml lacks keys: %v", missing)
	}
}

// schemaKeys lists every yaml key path of t; list elements are written [].
func schemaKeys(t reflect.Type, prefix string) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		if t.Kind() == reflect.Slice {
			prefix += "[]"
		}
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == reflect.TypeOf(time.Time{}) {
		return nil
	}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		k := join(prefix, yamlKey(f))
		keys = append(keys, k)
		keys = append(keys, schemaKeys(f.Type, k)...)
	}
	return keys
}

func collectKeys(n *yaml.Node, prefix string, into map[string]bool) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := join(prefix, n.Content[i].Value)
			into[k] = true
			collectKeys(n.Content[i+1], k, into)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			collectKeys(c, prefix+"[]", into)
		}
	}
}

func TestRedaction(t *testing.T) {
	c, err := Decode([]byte(good+"discord:\n  bot_token: disc-secret\n"), envOf(map[string]string{"SLACK_BOT_TOKEN": "xoxb-secret", "SLACK_SIGNING_SECRET": "sign-secret"}))
	if err != nil {
		t.Fatal(err)
	}
	c.Store = Store{Driver: "postgres", DSN: "postgres://bot:pw-secret@db:5432/b"}
	s := c.String()
	for _, secret := range []string{"xoxb-secret", "sign-secret", "disc-secret", "pw-secret"} {
		if strings.Contains(s, secret) {
			t.Errorf("String leaks %q:\n%s", secret, s)
		}
	}
	if !strings.Contains(s, Mask) || !strings.Contains(s, "db:5432") {
		t.Errorf("String lost the shape:\n%s", s)
	}
	if c.Slack.BotToken != "xoxb-secret" {
		t.Error("Redacted changed the original")
	}
	if got := RedactDSN("host=db password=hunter2 user=x"); strings.Contains(got, "hunter2") {
		t.Errorf("RedactDSN = %q", got)
	}
	var ve *ValidationError
	if err := (&Config{}).Validate(); !errors.As(err, &ve) || len(ve.Problems) == 0 {
		t.Errorf("Validate of an empty Config = %v", err)
	}
}

func TestAliases(t *testing.T) {
	tests := []struct {
		name, yaml, wantErr string
	}{
		{"merge", "base: &b {addr: ':1'}\n", "base: unknown key"},
		{"self merge", "http: &x {<<: *x}\n", "refers to the value that contains it"},
		{"merge list", "store: {<<: [{driver: sqlite}, {dsn: a.db}]}\n", ""},
		{"alias scalar", "store: {driver: &d sqlite, dsn: *d}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := Decode([]byte(tt.yaml), nil); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Decode did not return")
			}
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestSearchIndexDir(t *testing.T) {
	tests := []struct {
		name   string
		corpus Corpus
		driver string
		dsn    string
		want   string
	}{
		{"embedded corpus", Corpus{}, "sqlite", "/data/briefbot.db", ""},
		{"beside the sqlite file", Corpus{Dir: "/corpus"}, "sqlite", "/data/briefbot.db", "/data/briefbot.db.index"},
		{"sqlite URI", Corpus{Dir: "/corpus"}, "sqlite", "file:/data/b.db?_busy=1", "/data/b.db.index"},
		{"in-memory sqlite", Corpus{Dir: "/corpus"}, "sqlite", "file::memory:?cache=shared", ""},
		{"postgres", Corpus{Dir: "/corpus"}, "postgres", "postgres://db/b", ""},
		{"set", Corpus{Dir: "/corpus", IndexDir: "/var/index"}, "postgres", "postgres://db/b", "/var/index"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Config{Corpus: tt.corpus, Store: Store{Driver: tt.driver, DSN: tt.dsn}}
			if got := c.SearchIndexDir(); got != tt.want {
				t.Errorf("SearchIndexDir = %q, want %q", got, tt.want)
			}
		})
	}
}
