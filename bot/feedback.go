package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/briefings"
)

// feedbackList answers /feedback for an admin: the latest 👎 votes with the
// questions they were given on, so a curator sees what to fix.
func (r *Router) feedbackList(ctx context.Context, req Request) briefings.Reply {
	if !req.Admin {
		return briefings.Reply{Kind: briefings.KindError, Title: "Only admins can read feedback",
			Summary: "Votes on answers are for the bot's admins and curators."}
	}
	if r.feedback == nil {
		return briefings.Reply{Kind: briefings.KindError, Title: "Feedback is off", Summary: "This bot runs without a store for votes."}
	}
	votes, err := r.feedback.ListFeedback(ctx, FeedbackQuery{Value: -1, Limit: 20})
	if err != nil {
		return r.failed("feedback list", err)
	}
	if len(votes) == 0 {
		return briefings.Reply{Kind: briefings.KindAnswer, Title: "No 👎 yet", Summary: "Nobody has voted an answer down."}
	}
	items := make([]briefings.Item, 0, len(votes))
	for _, v := range votes {
		text := fmt.Sprintf("%s (a %s reply on %s", strings.TrimSpace(v.Question), v.Kind, v.Platform)
		if n := len(v.Sources); n > 0 {
			text += fmt.Sprintf(", citing %s", strings.Join(v.Sources[:min(n, 3)], ", "))
			if n > 3 {
				text += fmt.Sprintf(" and %d more", n-3)
			}
		}
		text += ")"
		items = append(items, briefings.Item{Text: text, Date: v.At.UTC().Format("2006-01-02 15:04 UTC")})
	}
	return briefings.Reply{Kind: briefings.KindAnswer, Title: "Latest 👎 feedback",
		Summary:  fmt.Sprintf("The %d most recent answers voted down, newest first.", len(votes)),
		Sections: []briefings.Section{{Heading: "Questions", Items: items}}}
}
