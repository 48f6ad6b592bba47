package bot

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/briefings"
)

// WithConversations lets follow-up questions in a DM or a thread lean on
// the conversation's last person, year and topic, kept in cs for
// ConversationTTL.
func WithConversations(cs ConversationStore) RouterOption { return func(r *Router) { r.convs = cs } }

// Follow-up forms: a bare year ("and 2021?"), "and X?" / "what about X?",
// and a pronoun standing for the last person.
var (
	followYear  = regexp.MustCompile(`(?i)^(?:and|what about|how about)?\s*(?:in\s+)?(1[89]\d\d|2\d\d\d)\s*\??$`)
	followAbout = regexp.MustCompile(`(?i)^(?:and|what about|how about)\s+(.+?)\s*\??$`)
	pronoun     = regexp.MustCompile(`(?i)\b(he|she|him|his|her|hers)\b`)
	leadingAnd  = regexp.MustCompile(`(?i)^and\s+`)
	anyYear     = regexp.MustCompile(`\b(1[89]\d\d|2\d\d\d)\b`)
)

// conversationKey names a conversation: a DM, or a thread in a channel.
// Other messages have no conversation.
func conversationKey(req Request) string {
	if !req.DM && req.Thread == "" {
		return ""
	}
	return req.Platform + "/" + req.Channel + "/" + req.Thread
}

// followUp reads a question in the light of the conversation's context.
// It returns the command to run and what it was read as ("Bernard
// Cazeneuve", "2021"), or the command unchanged and "" when it is not a
// follow-up or the context has expired.
func (r *Router) followUp(ctx context.Context, req Request, cmd Command) (Command, string) {
	key := conversationKey(req)
	if r.convs == nil || key == "" || cmd.Name != CmdAsk || cmd.Args == "" {
		return cmd, ""
	}
	c, err := r.convs.LoadConversation(ctx, key)
	if err != nil {
		if err != ErrNoState {
			r.log.Error("loading conversation context failed", "err", err)
		}
		return cmd, ""
	}
	q := cmd.Args
	if m := followYear.FindStringSubmatch(q); m != nil {
		year := m[1]
		switch {
		case c.Person == "" && c.Year != 0:
			return Command{Name: CmdStats, Args: strings.TrimSpace(year + " " + c.Topic)}, year
		case c.Person != "":
			return Command{Name: CmdAsk, Args: "what did " + c.Person + " say in " + year + "?"}, c.Person + ", " + year
		}
		return cmd, ""
	}
	if c.Person != "" && pronoun.MatchString(q) && !namesPerson(q, c.Person) {
		q = pronoun.ReplaceAllStringFunc(leadingAnd.ReplaceAllString(q, ""), func(w string) string {
			switch strings.ToLower(w) {
			case "his", "hers":
				return c.Person + "'s"
			case "her":
				return c.Person + "'s" // "her role" far more often than "ask her"
			}
			return c.Person
		})
		return Command{Name: CmdAsk, Args: q}, c.Person
	}
	if m := followAbout.FindStringSubmatch(q); m != nil && !anyYear.MatchString(m[1]) {
		topic := strings.TrimSpace(m[1])
		switch {
		case c.Person != "" && !namesPerson(topic, c.Person):
			return Command{Name: CmdAsk, Args: "what did " + c.Person + " say about " + topic + "?"}, c.Person
		case c.Person == "" && c.Year != 0:
			return Command{Name: CmdStats, Args: strconv.Itoa(c.Year) + " " + topic}, strconv.Itoa(c.Year)
		}
	}
	return cmd, ""
}

// namesPerson reports whether q already names the person (any part of
// the name but initials).
func namesPerson(q, person string) bool {
	lq := strings.ToLower(q)
	for _, w := range strings.Fields(strings.ToLower(person)) {
		if len(w) > 2 && strings.Contains(lq, w) {
			return true
		}
	}
	return false
}

// remember updates the conversation's context after an answer: a briefing
// on a person makes them the last person; explicit figures for a year make
// that the last year and topic. A new /who or /stats replaces the context.
func (r *Router) remember(ctx context.Context, req Request, cmd Command, rep briefings.Reply) {
	key := conversationKey(req)
	if r.convs == nil || key == "" {
		return
	}
	var c Conversation
	switch {
	case rep.Kind == briefings.KindWho && strings.TrimSpace(rep.Title) != "":
		c.Person = strings.TrimSpace(rep.Title)
		if m := anyYear.FindString(cmd.Args); m != "" && cmd.Name == CmdAsk {
			c.Year, _ = strconv.Atoi(m)
		}
	case cmd.Name == CmdStats && !personal(rep.Kind):
		year, topic, _ := parseStatsArgs(cmd.Args)
		if year == 0 {
			return
		}
		c.Year, c.Topic = year, topic
	default:
		return
	}
	if err := r.convs.SaveConversation(ctx, key, c, ConversationTTL); err != nil {
		r.log.Error("saving conversation context failed", "err", err)
	}
}

// readAs tells the user how a follow-up was read.
func readAs(rep briefings.Reply, as string) briefings.Reply {
	if as == "" {
		return rep
	}
	lead := fmt.Sprintf("About %s:", as)
	if s := strings.TrimSpace(rep.Summary); s != "" {
		lead += "\n" + s
	}
	rep.Summary = lead
	return rep
}
