package bot

import "github.com/briefbot/briefbot/briefings"

// HelpReply lists what the bot can do.
func HelpReply() briefings.Reply {
	return briefings.Reply{
		Kind:    briefings.KindHelp,
		Title:   "What I can do",
		Summary: "I brief you from a curated corpus of news articles. Every answer quotes the articles and names its sources.",
		Sections: []briefings.Section{
			{Heading: "Commands", Items: []briefings.Item{
				{Text: "/who NAME: who a person is, their roles and their quotes (e.g. /who cazeneuve)"},
				{Text: "/stats YEAR [topic]: the figures reported for a year (e.g. /stats 2025); /stats alone lists the years"},
				{Text: "/ask QUESTION: a question answered from the articles"},
				{Text: "/sources [YEAR]: the articles I know, or those of a year"},
				{Text: "/digest: a preview of this channel's digest"},
				{Text: "/help: this message"},
			}},
			{Heading: "Digests and feedback (admins)", Items: []briefings.Item{
				{Text: "/digest subscribe daily 09:00 Europe/London"},
				{Text: "/digest subscribe weekdays 08:30 UTC, or weekly mon 09:00 Europe/Paris"},
				{Text: "/digest subscribe \"0 9 * * 1\" UTC (a cron spec)"},
				{Text: "/digest list, /digest unsubscribe ID"},
				{Text: "/feedback: the latest 👎 votes on answers, with their questions"},
			}},
			{Heading: "Other ways to ask", Items: []briefings.Item{
				{Text: "Where /who is taken by another app: /brief who cazeneuve"},
				{Text: "In a direct message or a mention: who cazeneuve, stats 2025, or any question"},
			}},
		},
	}
}
