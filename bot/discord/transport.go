package discord

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// restTransport is the RoundTripper of the session's HTTP client. It
// redirects the REST API to Config.APIURL and counts 429s.
//
// Why a transport and not discordgo's Endpoint* variables: those are
// package-level strings and closures computed from EndpointAPI at init, so
// redirecting them means reassigning every one the adapter uses, which is
// global state shared by every session in the process (and by parallel
// tests). Rewriting the URL prefix on the way out changes one client only
// and covers every REST call discordgo makes, including GET /gateway,
// whose answer tells the session where to dial the websocket.
type restTransport struct {
	base     http.RoundTripper
	from     string   // discordgo's REST base, "https://discord.com/api/v9/"
	to       *url.URL // the override; nil keeps the real API
	obs      bot.Observer
	platform string
}

func newRESTTransport(base http.RoundTripper, apiURL *url.URL, obs bot.Observer) *restTransport {
	if base == nil {
		base = http.DefaultTransport
	}
	return &restTransport{base: base, from: discordgo.EndpointAPI, to: apiURL, obs: obs, platform: Name}
}

// RoundTrip implements http.RoundTripper.
func (t *restTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.to != nil {
		if s := req.URL.String(); strings.HasPrefix(s, t.from) {
			u, err := url.Parse(t.to.String() + strings.TrimPrefix(s, t.from))
			if err != nil {
				return nil, err
			}
			req = req.Clone(req.Context()) // a RoundTripper must not modify the caller's request
			req.URL = u
			req.Host = ""
		}
	}
	resp, err := t.base.RoundTrip(req)
	if err == nil && resp.StatusCode == http.StatusNotFound && req.Method == http.MethodGet &&
		strings.HasSuffix(req.URL.Path, "/gateway") && req.URL.RawQuery == "" {
		// discordgo v0.29 asks GET /gateway for the websocket URL; Discord
		// documents GET /gateway/bot for bots, and its answer has the same
		// "url" field. A proxy or fake serving only the latter still works.
		resp.Body.Close()
		bot := req.Clone(req.Context())
		bot.URL.Path += "/bot"
		resp, err = t.base.RoundTrip(bot)
	}
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		t.obs.RateLimited(t.platform)
	}
	return resp, err
}
