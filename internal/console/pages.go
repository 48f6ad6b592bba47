package console

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/briefings"
	"github.com/briefbot/briefbot/internal/store"
)

// maxListed bounds the rows of a list page; a search narrows it.
const maxListed = 200

func (c *Console) noCorpus(w http.ResponseWriter, r *http.Request, a auth) bool {
	if c.engine() != nil {
		return false
	}
	c.render(w, r, http.StatusServiceUnavailable, "overview", a, page{Title: "Overview", Error: "The corpus is still loading; try again in a moment."})
	return true
}

type overviewData struct {
	Counts    briefings.Counts
	Years     []int
	Warnings  []string
	Unmatched []string
}

func (c *Console) overview(w http.ResponseWriter, r *http.Request, a auth) {
	if c.noCorpus(w, r, a) {
		return
	}
	e := c.engine()
	d := overviewData{Counts: e.Counts(), Years: e.Years()}
	for _, u := range e.Unmatched() {
		d.Unmatched = append(d.Unmatched, u.String())
	}
	for _, w := range e.Warnings() {
		if !strings.Contains(w, " matches nothing: ") {
			d.Warnings = append(d.Warnings, w)
		}
	}
	c.render(w, r, http.StatusOK, "overview", a, page{Title: "Overview", Nav: "overview", Data: d})
}

type peopleData struct {
	Query  string
	People []briefings.PersonEntry
	More   int
}

func (c *Console) people(w http.ResponseWriter, r *http.Request, a auth) {
	if c.noCorpus(w, r, a) {
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	list := c.engine().PeopleList(q)
	d := peopleData{Query: q, People: list}
	if len(list) > maxListed {
		d.People, d.More = list[:maxListed], len(list)-maxListed
	}
	c.render(w, r, http.StatusOK, "people", a, page{Title: "People", Nav: "people", Data: d})
}

func (c *Console) person(w http.ResponseWriter, r *http.Request, a auth) {
	if c.noCorpus(w, r, a) {
		return
	}
	p, ok := c.engine().Person(r.PathValue("id"))
	if !ok {
		c.render(w, r, http.StatusNotFound, "people", a, page{Title: "People", Nav: "people", Error: "Nobody has that id now; the corpus may have been reloaded.", Data: peopleData{}})
		return
	}
	c.render(w, r, http.StatusOK, "person", a, page{Title: p.Name, Nav: "people", Data: p})
}

type figuresData struct {
	Year     int
	Measure  string
	Years    []int
	Charts   []chart
	Figures  []briefings.FigureView
	More     int
	Measures []string // the most common measures, for the filter
}

func (c *Console) figures(w http.ResponseWriter, r *http.Request, a auth) {
	if c.noCorpus(w, r, a) {
		return
	}
	e := c.engine()
	all := e.Figures()
	d := figuresData{Years: e.Years(), Measure: strings.TrimSpace(r.URL.Query().Get("measure"))}
	d.Year, _ = strconv.Atoi(r.URL.Query().Get("year"))
	want := strings.ToLower(d.Measure)
	var shown []briefings.FigureView
	counts := map[string]int{}
	for _, f := range all {
		if f.Measure != "" {
			counts[f.Counts]++
		}
		if d.Year != 0 && f.Year != d.Year {
			continue
		}
		if want != "" && !strings.Contains(strings.ToLower(f.Counts), want) {
			continue
		}
		shown = append(shown, f)
	}
	d.Charts = charts(shown, 6)
	d.Figures = shown
	if len(shown) > maxListed {
		d.Figures, d.More = shown[:maxListed], len(shown)-maxListed
	}
	for m := range counts {
		d.Measures = append(d.Measures, m)
	}
	sort.Slice(d.Measures, func(i, j int) bool {
		if counts[d.Measures[i]] != counts[d.Measures[j]] {
			return counts[d.Measures[i]] > counts[d.Measures[j]]
		}
		return d.Measures[i] < d.Measures[j]
	})
	if len(d.Measures) > 30 {
		d.Measures = d.Measures[:30]
	}
	c.render(w, r, http.StatusOK, "figures", a, page{Title: "Figures", Nav: "figures", Data: d})
}

type articlesData struct {
	Query    string
	Articles []briefings.ArticleEntry
	More     int
}

func (c *Console) articles(w http.ResponseWriter, r *http.Request, a auth) {
	if c.noCorpus(w, r, a) {
		return
	}
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	var list []briefings.ArticleEntry
	for _, art := range c.engine().Articles() {
		if q == "" || strings.Contains(strings.ToLower(art.Title+" "+art.ID), q) {
			list = append(list, art)
		}
	}
	d := articlesData{Query: q, Articles: list}
	if len(list) > maxListed {
		d.Articles, d.More = list[:maxListed], len(list)-maxListed
	}
	c.render(w, r, http.StatusOK, "articles", a, page{Title: "Articles", Nav: "articles", Data: d})
}

type articleData struct {
	briefings.ArticleView
	Paras []paragraph
}

func (c *Console) article(w http.ResponseWriter, r *http.Request, a auth) {
	if c.noCorpus(w, r, a) {
		return
	}
	v, ok := c.engine().Article(r.PathValue("id"))
	if !ok {
		c.render(w, r, http.StatusNotFound, "articles", a, page{Title: "Articles", Nav: "articles", Error: "No article has that id.", Data: articlesData{}})
		return
	}
	c.render(w, r, http.StatusOK, "article", a, page{Title: v.Title, Nav: "articles", Data: articleData{ArticleView: v, Paras: highlight(v)}})
}

// vote is a 👎 with the answer it was given on.
type vote struct {
	bot.Vote
	Reply *briefings.Reply
	Fixed time.Time // when a curator marked it fixed; zero when not
}

type feedbackData struct {
	Enabled bool
	CanFix  bool
	All     bool // fixed votes are listed too
	Votes   []vote
	Hidden  int // fixed votes left out
}

func (c *Console) feedback(w http.ResponseWriter, r *http.Request, a auth) {
	d := feedbackData{Enabled: c.Feedback != nil, CanFix: c.Fixed != nil, All: r.URL.Query().Get("all") != ""}
	p := page{Title: "Feedback", Nav: "feedback", Data: &d}
	if c.Feedback != nil {
		votes, err := c.Feedback.ListFeedback(r.Context(), bot.FeedbackQuery{Value: -1, Limit: 50})
		if err != nil {
			c.log.Error("console: feedback unreadable", "err", err)
			p.Error = "The feedback could not be read from the store; the cause is in the server's log."
		}
		fixed := c.fixedMarks(r, votes)
		for _, v := range votes {
			vv := vote{Vote: v, Fixed: fixed[v.ReplyID]}
			if !vv.Fixed.IsZero() && !d.All {
				d.Hidden++
				continue
			}
			if c.Replies != nil {
				if saved, err := c.Replies.LoadReply(r.Context(), v.ReplyID); err == nil {
					vv.Reply = &saved.Reply
				}
			}
			d.Votes = append(d.Votes, vv)
		}
	}
	c.render(w, r, http.StatusOK, "feedback", a, p)
}

// fixedMarks reads which of the votes' answers were marked fixed.
func (c *Console) fixedMarks(r *http.Request, votes []bot.Vote) map[string]time.Time {
	if c.Fixed == nil || len(votes) == 0 {
		return nil
	}
	ids := make([]string, len(votes))
	for i, v := range votes {
		ids[i] = v.ReplyID
	}
	fixed, err := c.Fixed.FeedbackFixed(r.Context(), ids)
	if err != nil {
		c.log.Error("console: fixed marks unreadable", "err", err)
		return nil
	}
	return fixed
}

// digestRow is one scheduled digest with its next runs and history.
type digestRow struct {
	ID, Schedule, Timezone, Source string
	Targets                        []string
	Next                           []string // next run times, in the digest's zone
	Runs                           []store.Run
	Failed                         []store.FailedPost
	Problem                        string
}

func (c *Console) digests(w http.ResponseWriter, r *http.Request, a auth) {
	var rows []digestRow
	for _, d := range c.ConfigDigests {
		rows = append(rows, digestRow{ID: d.ID, Schedule: d.Schedule, Timezone: d.Timezone, Targets: d.Targets, Source: "configuration"})
	}
	p := page{Title: "Digests", Nav: "digests"}
	if c.Digests != nil {
		subs, err := c.Digests.Subscriptions(r.Context())
		if err != nil {
			c.log.Error("console: subscriptions unreadable", "err", err)
			p.Error = "The subscriptions could not be read from the store; the cause is in the server's log."
		}
		for _, s := range subs {
			rows = append(rows, digestRow{ID: s.ID, Schedule: s.Schedule, Timezone: s.Timezone, Targets: []string{s.Platform + " " + s.Channel},
				Source: "chat, by " + s.CreatedBy})
		}
	}
	now := c.now()
	for i := range rows {
		d := &rows[i]
		d.Next, d.Problem = nextRuns(d.Schedule, d.Timezone, now, 3)
		if c.Digests == nil {
			continue
		}
		runs, err := c.Digests.Runs(r.Context(), d.ID)
		if err != nil {
			c.log.Error("console: runs unreadable", "digest", d.ID, "err", err)
		}
		if len(runs) > 5 {
			runs = runs[len(runs)-5:]
		}
		for j := len(runs) - 1; j >= 0; j-- { // newest first
			d.Runs = append(d.Runs, runs[j])
		}
		failed, err := c.Digests.FailedPosts(r.Context(), d.ID)
		if err != nil {
			c.log.Error("console: failed posts unreadable", "digest", d.ID, "err", err)
		}
		if len(failed) > 5 {
			failed = failed[len(failed)-5:]
		}
		d.Failed = failed
	}
	p.Data = rows
	c.render(w, r, http.StatusOK, "digests", a, p)
}

var cronParser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// nextRuns lists a schedule's next n run times in its zone.
func nextRuns(spec, zone string, now time.Time, n int) ([]string, string) {
	loc := time.UTC
	if zone != "" {
		l, err := time.LoadLocation(zone)
		if err != nil {
			return nil, "unknown time zone " + zone
		}
		loc = l
	}
	s, err := cronParser.Parse(spec)
	if err != nil {
		return nil, "schedule does not parse: " + err.Error()
	}
	var out []string
	t := now.In(loc)
	for range n {
		t = s.Next(t)
		if t.IsZero() {
			break
		}
		out = append(out, t.Format("Mon 2 Jan 2006 15:04 MST"))
	}
	return out, ""
}
