package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// InteractionsPath is where Discord POSTs interactions in http mode (the
// application's Interactions Endpoint URL).
const InteractionsPath = "/discord/interactions"

// MaxInteractionBody is the largest interaction body read. Slash command
// payloads are a few KB; the cap bounds the work an unsigned request can cause.
const MaxInteractionBody = 256 << 10

// DefaultRequestWindow is how far an interaction's timestamp may be from
// our clock, as for Slack: an older (or later) signed request is refused as
// a possible replay. Config.RequestWindow widens it.
const DefaultRequestWindow = 5 * time.Minute

// Headers of a signed interaction.
// https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
const (
	headerSignature = "X-Signature-Ed25519"
	headerTimestamp = "X-Signature-Timestamp"
)

// Routes implements bot.HTTPPlatform: in http mode it mounts
// POST /discord/interactions; in gateway mode, where interactions arrive
// over the websocket, it mounts nothing.
func (d *Discord) Routes(mux *http.ServeMux) {
	if d.cfg.Mode != ModeHTTP {
		return
	}
	mux.HandleFunc("POST "+InteractionsPath, d.serveInteraction)
}

// VerifySignature reports whether sigHex is the Ed25519 signature, by key,
// of timestamp followed by body, as Discord signs interactions.
func VerifySignature(key ed25519.PublicKey, sigHex, timestamp string, body []byte) bool {
	if len(key) != ed25519.PublicKeySize || timestamp == "" {
		return false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return ed25519.Verify(key, msg, sig)
}

// serveInteraction verifies and answers one interaction. PING gets PONG; a
// slash command gets its answer inline, or a deferral followed by an edit
// of the original response once the answer is ready.
func (d *Discord) serveInteraction(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxInteractionBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			d.refuse(w, http.StatusRequestEntityTooLarge, bot.RefusedTooLarge, "request body too large")
			return
		}
		d.refuse(w, http.StatusBadRequest, bot.RefusedUnreadable, "cannot read request body")
		return
	}
	sig, ts := r.Header.Get(headerSignature), r.Header.Get(headerTimestamp)
	switch {
	case sig == "" || ts == "":
		d.refuse(w, http.StatusUnauthorized, bot.RefusedNoSignature, "invalid request signature")
		return
	case !VerifySignature(d.publicKey, sig, ts, body):
		d.refuse(w, http.StatusUnauthorized, bot.RefusedBadSignature, "invalid request signature")
		return
	case !d.fresh(ts):
		d.refuse(w, http.StatusUnauthorized, bot.RefusedStale, "request timestamp outside the accepted window")
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		d.refuse(w, http.StatusBadRequest, bot.RefusedMalformed, "malformed interaction")
		return
	}
	switch i.Type {
	case discordgo.InteractionPing:
		writeJSON(w, discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	case discordgo.InteractionApplicationCommand:
	case discordgo.InteractionMessageComponent:
		click, ok := componentClick(&i)
		if !ok {
			d.refuse(w, http.StatusBadRequest, bot.RefusedMalformed, "malformed component interaction")
			return
		}
		d.work.Add()
		defer d.work.Done()
		ctx, cancel := d.answerContext()
		defer cancel()
		writeJSON(w, actionResponse(d.act(ctx, click)))
		return
	default:
		d.refuse(w, http.StatusBadRequest, bot.RefusedUnsupported, "unsupported interaction type")
		return
	}
	if i.AppID == "" {
		i.AppID = d.applicationID()
	}

	d.work.Add()
	ctx, cancel := d.answerContext() // outlives this request: a deferred answer is sent later
	req := d.interactionRequest(&i)
	a, late := d.race(ctx, req)
	if late == nil {
		cancel()
		d.work.Done()
		writeJSON(w, RenderAnswer(a).response())
		return
	}
	writeJSON(w, deferral(req))
	_ = http.NewResponseController(w).Flush() // the deferral reaches Discord before the edit
	go func() {
		defer d.work.Done()
		defer cancel()
		defer d.recoverPanic("deferred interaction")
		select {
		case a := <-late:
			d.editOriginal(ctx, &i, a)
		case <-ctx.Done():
			d.log.Error("a deferred answer was not ready in time")
		}
	}()
}

// fresh reports whether a signed timestamp (Unix seconds) is within the
// request window of our clock. The signature covers the timestamp, so a
// replayed request cannot move it.
func (d *Discord) fresh(ts string) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	skew := d.now().Sub(time.Unix(sec, 0))
	return skew <= d.window && skew >= -d.window
}

// refuse answers a refused request with status and a short message, logs
// the reason at debug (never the body) and counts it.
func (d *Discord) refuse(w http.ResponseWriter, status int, reason, msg string) {
	d.log.Debug("interaction refused", "reason", reason, "status", status)
	d.obs.Refused(Name, reason)
	http.Error(w, msg, status)
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}
