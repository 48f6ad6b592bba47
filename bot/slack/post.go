package slack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot/retry"

	"github.com/briefbot/briefbot/briefings"
)

// Post implements bot.Platform: it renders the reply and sends it to the
// channel with chat.postMessage (digests, late answers).
func (s *Slack) Post(ctx context.Context, channel string, reply briefings.Reply) error {
	return s.postMessage(ctx, channel, "", RenderMessage(reply))
}

// postMessage sends m with chat.postMessage, in the thread threadTS when
// set. Link unfurling is off (a briefing cites many articles) and neither
// link_names nor parse is ever sent.
func (s *Slack) postMessage(ctx context.Context, channel, threadTS string, m Message) error {
	_, err := s.postMessageTS(ctx, channel, threadTS, m)
	return err
}

// PostWithThread posts a digest and opens a thread under it whose first
// reply is opener, so people can ask about the digest there (a mention in
// that thread is answered in it). Once the digest is posted it reports
// success even if the opener fails: a retry would post the digest twice.
func (s *Slack) PostWithThread(ctx context.Context, channel string, reply briefings.Reply, opener string) error {
	ts, err := s.postMessageTS(ctx, channel, "", RenderMessage(reply))
	if err != nil || ts == "" {
		return err
	}
	o, _ := fit(opener, MaxSectionText)
	m := Message{Text: o, Blocks: slack.Blocks{BlockSet: []slack.Block{section(o)}}}
	if err := s.postMessage(ctx, channel, ts, m); err != nil {
		s.log.Warn("opening the thread under a digest failed", "err", err)
	}
	return nil
}

// postMessageTS is postMessage that also returns the message's ts.
func (s *Slack) postMessageTS(ctx context.Context, channel, threadTS string, m Message) (string, error) {
	opts := []slack.MsgOption{
		slack.MsgOptionText(m.Text, false), // already escaped by RenderMessage
		slack.MsgOptionBlocks(m.Blocks.BlockSet...),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	var ts string
	err := s.withRetry(ctx, "chat.postMessage", func(ctx context.Context) error {
		var err error
		_, ts, err = s.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

// respond posts m as JSON to a slash command's response_url.
func (s *Slack) respond(ctx context.Context, responseURL string, m Message) error {
	u, err := url.Parse(responseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("bad response_url")
	}
	body, err := m.encode()
	if err != nil {
		return err
	}
	return s.withRetry(ctx, "response_url", func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, responseURL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
		resp, err := s.http.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		switch {
		case resp.StatusCode == http.StatusTooManyRequests:
			secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			return &slack.RateLimitedError{RetryAfter: time.Duration(secs) * time.Second}
		case resp.StatusCode != http.StatusOK:
			return slack.StatusCodeError{Code: resp.StatusCode, Status: resp.Status}
		}
		return nil
	})
}

// withRetry calls call with the adapter's retry policy: a 429 after its
// Retry-After, a transient failure with backoff. A failure that is given
// up on is recorded and logged (the cause, never the message).
func (s *Slack) withRetry(ctx context.Context, op string, call func(context.Context) error) error {
	attempts, err := s.retry.Do(ctx, call, s.classify, func(attempt int, wait time.Duration, err error) {
		s.log.Warn("slack call failed; retrying", "op", op, "attempt", attempt, "wait", wait, "err", err)
	})
	if err != nil {
		s.obs.PlatformError(Name, op)
		s.log.Error("slack call failed", "op", op, "attempts", attempts, "err", err)
	}
	return err
}

// classify says whether a failed call is worth retrying, and after how
// long when Slack said (429 Retry-After, at least a second).
func (s *Slack) classify(err error) retry.Verdict {
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		s.obs.RateLimited(Name)
		return retry.Verdict{Retry: true, After: max(rl.RetryAfter, time.Second)}
	}
	return retry.Verdict{Retry: transient(err)}
}

// transient reports failures worth retrying: 5xx, network errors, and
// Slack's own "try again" errors.
func transient(err error) bool {
	var sc slack.StatusCodeError
	if errors.As(err, &sc) {
		return sc.Retryable()
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		switch se.Err {
		case "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited":
			return true
		}
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}
