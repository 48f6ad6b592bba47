package discord

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/briefings"
)

func newPoster(t *testing.T, obs *countingObserver, opts ...Option) (*Discord, *fakeDiscord) {
	t.Helper()
	f := newFakeDiscord(t)
	opts = append([]Option{WithRetry(testRetry(3, time.Millisecond))}, opts...)
	d, err := New(Config{BotToken: "tok", APIURL: f.apiURL()}, &recorder{}, quietLogger(), obs, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return d, f
}

func TestPostRetries(t *testing.T) {
	reply := briefings.Reply{Kind: briefings.KindDigest, Title: "Digest", Summary: "Two new articles."}
	tests := []struct {
		name        string
		fail        []int
		opts        []Option
		wantErr     bool
		wantCalls   int
		wantLimited int
		wantErrors  int
	}{
		{name: "ok", wantCalls: 1},
		{name: "429 retried after Retry-After", fail: []int{429}, wantCalls: 2, wantLimited: 1},
		{name: "two 429s", fail: []int{429, 429}, wantCalls: 3, wantLimited: 2},
		{name: "5xx retried with backoff", fail: []int{500, 503}, wantCalls: 3},
		{name: "5xx until attempts run out", fail: []int{500, 500, 500, 500}, wantErr: true, wantCalls: 3, wantErrors: 1},
		{name: "4xx not retried", fail: []int{403}, wantErr: true, wantCalls: 1, wantErrors: 1},
		{name: "Retry-After over the cap fails at once", fail: []int{429}, opts: []Option{WithRetry(withCap(testRetry(3, time.Millisecond), time.Millisecond))},
			wantErr: true, wantCalls: 1, wantLimited: 1, wantErrors: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs := newCountingObserver()
			d, f := newPoster(t, obs, tt.opts...)
			f.failWith("post", tt.fail...)
			err := d.Post(context.Background(), "chan1", reply)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Post error = %v, want error %v", err, tt.wantErr)
			}
			calls := f.callsOf("post")
			if len(calls) != tt.wantCalls {
				t.Errorf("%d POSTs, want %d", len(calls), tt.wantCalls)
			}
			for _, c := range calls {
				if c.Path != "/api/v9/channels/chan1/messages" {
					t.Errorf("posted to %s", c.Path)
				}
				assertNoMentions(t, decodeBody(t, c.Body))
			}
			limited, errs := obs.counts()
			if limited != tt.wantLimited {
				t.Errorf("RateLimited recorded %d times, want %d", limited, tt.wantLimited)
			}
			if errs["post"] != tt.wantErrors {
				t.Errorf("PlatformError(post) recorded %d times, want %d", errs["post"], tt.wantErrors)
			}
		})
	}
}

func TestPostErrorsNeverShowURLs(t *testing.T) {
	// A dead server: the transport error names the URL, which for
	// interaction edits carries a token. The returned error must not.
	d, err := New(Config{BotToken: "tok", APIURL: "http://127.0.0.1:1/api/v9/"}, &recorder{}, quietLogger(), nil, WithRetry(testRetry(1, time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	err = d.Post(context.Background(), "secret-channel", briefings.Reply{Kind: briefings.KindHelp, Title: "x"})
	if err == nil || strings.Contains(err.Error(), "secret-channel") || strings.Contains(err.Error(), "http://") {
		t.Errorf("error %v", err)
	}
}

func TestPostStopsWhenContextEnds(t *testing.T) {
	obs := newCountingObserver()
	d, f := newPoster(t, obs, WithRetry(testRetry(10, time.Hour)))
	f.failWith("post", 500, 500)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := d.Post(ctx, "c", briefings.Reply{Kind: briefings.KindHelp, Title: "x"}); err == nil {
		t.Fatal("Post succeeded against a failing server")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Post took %v after its context ended", took)
	}
}

func TestPostNeedsChannel(t *testing.T) {
	d, f := newPoster(t, newCountingObserver())
	if err := d.Post(context.Background(), " ", briefings.Reply{Title: "x"}); err == nil {
		t.Error("Post to an empty channel succeeded")
	}
	if n := len(f.callsOf("post")); n != 0 {
		t.Errorf("%d calls for an empty channel", n)
	}
}

func TestRESTTransport(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.Host+" "+r.URL.RequestURI())
		if strings.Contains(r.URL.Path, "limited") {
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	defer srv.Close()
	to, _ := url.Parse(srv.URL + "/proxy/api/v9/")
	obs := newCountingObserver()
	tr := newRESTTransport(nil, to, obs)
	client := &http.Client{Transport: tr}

	req, _ := http.NewRequest("GET", discordgo.EndpointAPI+"channels/1/messages?limit=2", nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if req.URL.Host != "discord.com" {
		t.Errorf("the caller's request was modified: %s", req.URL)
	}
	resp, err = client.Get(discordgo.EndpointAPI + "limited")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	host := strings.TrimPrefix(srv.URL, "http://")
	want := []string{"GET " + host + " /proxy/api/v9/channels/1/messages?limit=2", "GET " + host + " /proxy/api/v9/limited"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("server saw\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if limited, _ := obs.counts(); limited != 1 {
		t.Errorf("429s counted %d, want 1", limited)
	}
}

func TestNewValidates(t *testing.T) {
	key := strings.Repeat("ab", 32)
	tests := []struct {
		name string
		cfg  Config
		want string // substring of the error, "" for success
	}{
		{"gateway minimal", Config{BotToken: "t"}, ""},
		{"token with prefix", Config{BotToken: "Bot t"}, ""},
		{"http full", Config{Mode: "http", BotToken: "t", ApplicationID: "1", PublicKey: key}, ""},
		{"bad mode", Config{Mode: "socket", BotToken: "t"}, "discord.mode"},
		{"no token", Config{}, "discord.bot_token"},
		{"http without app id", Config{Mode: "http", BotToken: "t", PublicKey: key}, "discord.application_id"},
		{"http without key", Config{Mode: "http", BotToken: "t", ApplicationID: "1"}, "discord.public_key"},
		{"http short key", Config{Mode: "http", BotToken: "t", ApplicationID: "1", PublicKey: "abcd"}, "discord.public_key"},
		{"bad api url", Config{BotToken: "t", APIURL: "ftp://x/"}, "discord.api_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg, &recorder{}, nil, nil)
			if tt.want == "" && err != nil {
				t.Fatalf("New: %v", err)
			}
			if tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("New error %v, want one naming %s", err, tt.want)
			}
		})
	}
}
