package discord

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// Option and subcommand names of the registered commands.
const (
	optName     = "name"
	optYear     = "year"
	optTopic    = "topic"
	optQuestion = "question"
	optSchedule = "schedule"
	optTimezone = "timezone"
	optID       = "id"

	subPreview     = "preview"
	subList        = "list"
	subSubscribe   = "subscribe"
	subUnsubscribe = "unsubscribe"
)

// Commands returns the application commands the bot registers:
//
//	/who name                   a briefing on a person
//	/stats [year] [topic]       the figures for a year; no year lists the years
//	/ask question               a question answered from the corpus
//	/digest preview|list|subscribe schedule [timezone]|unsubscribe id
//	/sources, /feedback (admins), /help
//
// /digest uses real subcommands rather than one free-text option, so
// Discord shows each action with its own required fields. Subscribing and
// unsubscribing are checked against the admins list by the router.
func Commands() []*discordgo.ApplicationCommand {
	minYear, maxYear := 1900.0, 2100.0
	one := 1
	str := func(name, desc string, required bool, maxLen int) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name,
			Description: desc, Required: required, MinLength: &one, MaxLength: maxLen}
	}
	sub := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name,
			Description: desc, Options: opts}
	}
	return []*discordgo.ApplicationCommand{
		{Name: bot.CmdWho, Description: "Who a person is: their roles and quotes, with sources",
			Options: []*discordgo.ApplicationCommandOption{str(optName, "A name, e.g. cazeneuve", true, 100)}},
		{Name: bot.CmdStats, Description: "The figures the articles report for a year",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionInteger, Name: optYear, Description: "A year, e.g. 2025; leave out to list the years",
					MinValue: &minYear, MaxValue: maxYear},
				str(optTopic, "What is counted, e.g. crossings", false, 100),
			}},
		{Name: bot.CmdAsk, Description: "A question answered from the articles, with sources",
			Options: []*discordgo.ApplicationCommandOption{str(optQuestion, "e.g. when was the UK-France deal ratified?", true, 1000)}},
		{Name: bot.CmdDigest, Description: "This channel's digest: preview it, or manage its schedule",
			Options: []*discordgo.ApplicationCommandOption{
				sub(subPreview, "Show the digest this channel would get now"),
				sub(subList, "List this channel's digest schedules"),
				sub(subSubscribe, "Schedule a digest here (admins)",
					str(optSchedule, `daily 09:00, weekdays 08:30, weekly mon 09:00, hourly, or a cron spec`, true, 100),
					str(optTimezone, "An IANA time zone, e.g. Europe/London (default UTC)", false, 64)),
				sub(subUnsubscribe, "Stop a digest (admins)", str(optID, "The digest id, from /digest list", true, 100)),
			}},
		{Name: bot.CmdSources, Description: "The articles the bot knows",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionInteger, Name: optYear, Description: "Only the articles of a year, e.g. 2014",
					MinValue: &minYear, MaxValue: maxYear},
			}},
		{Name: bot.CmdFeedback, Description: "The latest answers voted down, with their questions (admins)"},
		{Name: bot.CmdHelp, Description: "What the bot can do"},
	}
}

// commandText turns a slash command into the text the router reads, e.g.
// "/who cazeneuve", "/stats 2025 crossings", "/digest subscribe daily 09:00 UTC".
func commandText(data discordgo.ApplicationCommandInteractionData) string {
	opts := data.Options
	switch data.Name {
	case bot.CmdWho:
		return join("/who", strOption(opts, optName))
	case bot.CmdStats:
		year := ""
		if y, ok := intOption(opts, optYear); ok {
			year = strconv.FormatInt(y, 10)
		}
		return join("/stats", year, strOption(opts, optTopic))
	case bot.CmdAsk:
		return join("/ask", strOption(opts, optQuestion))
	case bot.CmdDigest:
		var sub *discordgo.ApplicationCommandInteractionDataOption
		for _, o := range opts {
			if o != nil && o.Type == discordgo.ApplicationCommandOptionSubCommand {
				sub = o
				break
			}
		}
		if sub == nil {
			return "/digest"
		}
		switch sub.Name {
		case subList:
			return "/digest list"
		case subSubscribe:
			return join("/digest subscribe", quoteCron(strOption(sub.Options, optSchedule)), strOption(sub.Options, optTimezone))
		case subUnsubscribe:
			return join("/digest unsubscribe", strOption(sub.Options, optID))
		}
		return "/digest"
	case bot.CmdSources:
		if y, ok := intOption(opts, optYear); ok {
			return join("/sources", strconv.FormatInt(y, 10))
		}
		return "/sources"
	case bot.CmdFeedback:
		return "/feedback"
	}
	return "/help"
}

// quoteCron quotes a bare cron spec ("0 9 * * 1") so the router reads it
// as one schedule; named schedules ("daily 09:00") pass unchanged.
func quoteCron(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, `"'`) {
		return s
	}
	if c := s[0]; (c >= '0' && c <= '9') || c == '*' {
		return `"` + s + `"`
	}
	return s
}

func join(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " ")
}

func findOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range opts {
		if o != nil && o.Name == name {
			return o
		}
	}
	return nil
}

// strOption reads a string option; discordgo's StringValue panics on a
// type it does not expect, so values are read defensively here.
func strOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	o := findOption(opts, name)
	if o == nil {
		return ""
	}
	switch v := o.Value.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case json.Number:
		return v.String()
	}
	return ""
}

// intOption reads an integer option (JSON numbers decode as float64).
func intOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) (int64, bool) {
	o := findOption(opts, name)
	if o == nil {
		return 0, false
	}
	switch v := o.Value.(type) {
	case float64:
		if v != math.Trunc(v) || math.Abs(v) > 1e15 {
			return 0, false
		}
		return int64(v), true
	case json.Number:
		n, err := v.Int64()
		return n, err == nil
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		return n, err == nil
	}
	return 0, false
}

// interactionRequest maps a slash command to a router request. The user is
// Member.User in a guild and User in a DM.
func (d *Discord) interactionRequest(i *discordgo.Interaction) bot.Request {
	text := "/help"
	if data, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok {
		text = commandText(data)
	}
	req := d.request(i.ChannelID, interactionUser(i), text, i.GuildID == "")
	req.Slash, req.Private = true, d.cfg.Answers == AnswersPrivate
	return req
}
