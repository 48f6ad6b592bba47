package slack

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// sign returns the v0 signature Slack would send for body at ts.
func sign(secret, ts string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// Slack's published example:
// https://docs.slack.dev/authentication/verifying-requests-from-slack/
const (
	exampleBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	exampleTS   = "1531420618"
	exampleSig  = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func TestVerifySignature(t *testing.T) {
	at := time.Unix(1531420618, 0)
	tests := []struct {
		name   string
		secret string
		ts     string
		sig    string
		body   string
		now    time.Time
		want   error
	}{
		{"slack example", testSecret, exampleTS, exampleSig, exampleBody, at, nil},
		{"4m59s later", testSecret, exampleTS, exampleSig, exampleBody, at.Add(4*time.Minute + 59*time.Second), nil},
		{"clock behind by 4m", testSecret, exampleTS, exampleSig, exampleBody, at.Add(-4 * time.Minute), nil},
		{"stale by 5m01s", testSecret, exampleTS, exampleSig, exampleBody, at.Add(5*time.Minute + time.Second), errStale},
		{"from the future", testSecret, exampleTS, exampleSig, exampleBody, at.Add(-6 * time.Minute), errStale},
		{"tampered body", testSecret, exampleTS, exampleSig, exampleBody + "&admin=1", at, errBadSignature},
		{"one bit of signature", testSecret, exampleTS, exampleSig[:len(exampleSig)-1] + "2", exampleBody, at, errBadSignature},
		{"wrong secret", "another-secret", exampleTS, exampleSig, exampleBody, at, errBadSignature},
		{"timestamp changed with it", testSecret, "1531420619", exampleSig, exampleBody, at, errBadSignature},
		{"v1 scheme", testSecret, exampleTS, "v1=" + exampleSig[3:], exampleBody, at, errBadSignature},
		{"not hex", testSecret, exampleTS, "v0=" + string(make([]byte, 64)), exampleBody, at, errBadSignature},
		{"short", testSecret, exampleTS, exampleSig[:20], exampleBody, at, errBadSignature},
		{"missing signature", testSecret, exampleTS, "", exampleBody, at, errNoSignature},
		{"missing timestamp", testSecret, "", exampleSig, exampleBody, at, errNoSignature},
		{"timestamp not a number", testSecret, "yesterday", exampleSig, exampleBody, at, errStale},
		{"fresh self-signed", testSecret, "1531420700", sign(testSecret, "1531420700", []byte("a=b")), "a=b", at, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.ts != "" {
				h.Set("X-Slack-Request-Timestamp", tt.ts)
			}
			if tt.sig != "" {
				h.Set("X-Slack-Signature", tt.sig)
			}
			err := verifySignature(tt.secret, h, []byte(tt.body), tt.now)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
	if got := sign(testSecret, exampleTS, []byte(exampleBody)); got != exampleSig {
		t.Fatalf("sign: %s", got)
	}
}

func TestSignatureOverHTTP(t *testing.T) {
	h := newHarness(t, &recorder{})
	ts := strconv.FormatInt(testNow.Unix(), 10)
	body := h.commandForm("/who", "cazeneuve", "C1", "U1")
	tests := []struct {
		name   string
		path   string
		mutate func(r *http.Request)
		want   int
	}{
		{"commands: valid", CommandsPath, func(*http.Request) {}, http.StatusOK},
		{"commands: no signature", CommandsPath, func(r *http.Request) { r.Header.Del("X-Slack-Signature") }, http.StatusUnauthorized},
		{"commands: stale", CommandsPath, func(r *http.Request) {
			old := strconv.FormatInt(testNow.Add(-10*time.Minute).Unix(), 10)
			r.Header.Set("X-Slack-Request-Timestamp", old)
			r.Header.Set("X-Slack-Signature", sign(testSecret, old, []byte(body)))
		}, http.StatusUnauthorized},
		{"commands: bad signature", CommandsPath, func(r *http.Request) { r.Header.Set("X-Slack-Signature", sign("nope", ts, []byte(body))) }, http.StatusUnauthorized},
		{"events: bad signature", EventsPath, func(r *http.Request) { r.Header.Set("X-Slack-Signature", sign("nope", ts, []byte(body))) }, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := signed(tt.path, "application/x-www-form-urlencoded", body)
			tt.mutate(r)
			if w := h.do(r); w.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.want, w.Body)
			}
		})
	}
}
