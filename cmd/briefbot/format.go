package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/briefbot/briefbot/bot/console"
	"github.com/briefbot/briefbot/bot/discord"
	"github.com/briefbot/briefbot/bot/slack"
	"github.com/briefbot/briefbot/briefings"
)

// The output formats of ask and digest.
const (
	formatText    = "text"
	formatJSON    = "json"
	formatSlack   = "slack"
	formatDiscord = "discord"
)

// checkFormat reports an unknown --format value.
func checkFormat(f string) error {
	switch f {
	case formatText, formatJSON, formatSlack, formatDiscord:
		return nil
	}
	return fmt.Errorf("unknown --format %q (want text, json, slack or discord)", f)
}

// writeReply prints a reply: console text, the Reply JSON (the public
// contract), or the Slack or Discord message JSON a platform would get.
func writeReply(w io.Writer, format string, r briefings.Reply) error {
	switch format {
	case formatJSON:
		return writeJSON(w, r)
	case formatSlack:
		return slack.RenderMessage(r).WriteJSON(w)
	case formatDiscord:
		return writeJSON(w, discord.RenderMessage(r))
	}
	_, err := io.WriteString(w, console.RenderStyle(r, terminalStyle(w)))
	return err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
