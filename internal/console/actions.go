package console

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/briefings/curation"
	"github.com/briefbot/briefbot/briefings/text"
)

// maxField bounds a form value: a quote's words or a sentence.
const maxField = 4000

// form reads the trimmed form values named, failing on a missing or
// oversized one.
func form(r *http.Request, names ...string) (map[string]string, string) {
	out := make(map[string]string, len(names))
	for _, n := range names {
		v := strings.TrimSpace(r.PostFormValue(n))
		if len(v) > maxField {
			return nil, "The field " + n + " is too long."
		}
		out[n] = v
	}
	return out, ""
}

func (c *Console) quoteAction(w http.ResponseWriter, r *http.Request, a auth) {
	f, bad := form(r, "article", "text", "action", "speaker")
	var edit curation.Edit
	switch {
	case bad != "":
	case f["article"] == "" || f["text"] == "":
		bad = "Say which quote: its article and its words."
	case f["action"] == "hide":
		edit = curation.HideQuote(f["article"], f["text"])
	case f["action"] == "reassign" && f["speaker"] != "":
		edit = curation.ReassignQuote(f["article"], f["text"], f["speaker"])
	case f["action"] == "reassign":
		bad = "Give the speaker's name to reassign the quote to."
	default:
		bad = "Choose hide or reassign."
	}
	c.apply(w, r, a, edit, bad, "Quote corrected.")
}

func (c *Console) figureAction(w http.ResponseWriter, r *http.Request, a auth) {
	f, bad := form(r, "article", "value", "sentence", "action", "year", "counts")
	var edit curation.Edit
	year := 0
	if bad == "" && f["year"] != "" {
		y, err := strconv.Atoi(f["year"])
		if err != nil || y < 1000 || y > 9999 {
			bad = "The year must be a year such as 2024."
		}
		year = y
	}
	switch {
	case bad != "":
	case f["article"] == "" || f["value"] == "":
		bad = "Say which figure: its article and its value."
	case f["action"] == "hide":
		edit = curation.HideFigure(f["article"], f["value"], f["sentence"])
	case f["action"] == "correct" && (year != 0 || f["counts"] != ""):
		edit = curation.CorrectFigure(f["article"], f["value"], f["sentence"], year, f["counts"])
	case f["action"] == "correct":
		bad = "Give the right year or what the figure counts."
	default:
		bad = "Choose hide or correct."
	}
	c.apply(w, r, a, edit, bad, "Figure corrected.")
}

func (c *Console) personAction(w http.ResponseWriter, r *http.Request, a auth) {
	f, bad := form(r, "name", "action", "alias", "title", "date", "source", "to", "past")
	if bad == "" && f["date"] != "" {
		bad = checkDate(f["date"])
	}
	var edit curation.Edit
	switch {
	case bad != "":
	case f["name"] == "":
		bad = "Say whose entry to correct."
	case f["action"] == "organisation" || f["action"] == "person":
		edit = curation.SetKind(f["name"], f["action"])
	case f["action"] == "alias" && f["alias"] != "":
		edit = curation.MergeAliases(f["name"], f["alias"])
	case f["action"] == "never-merge" && f["alias"] != "":
		edit = curation.Edit{List: "people", Fields: []curation.Field{{Key: "name", Value: f["name"]}, {Key: "never_merge", Value: []string{f["alias"]}}}}
	case f["action"] == "remove-role" && f["title"] != "":
		edit = curation.RemoveRole(f["name"], f["title"], f["date"], f["source"])
	case f["action"] == "correct-role" && f["title"] != "" && (f["to"] != "" || f["date"] != ""):
		edit = curation.CorrectRole(f["name"], f["title"], f["to"], f["date"])
	case f["action"] == "add-role" && f["title"] != "" && f["date"] != "":
		edit = curation.AddRole(f["name"], f["title"], f["date"], f["past"] != "", f["source"])
	case f["action"] == "add-role":
		bad = "A role to add needs a title and the date it was held (YYYY, YYYY-MM or YYYY-MM-DD)."
	default:
		bad = "That correction needs more: a name to merge or keep apart, or a role's title."
	}
	c.apply(w, r, a, edit, bad, "Correction saved.")
}

func (c *Console) articleAction(w http.ResponseWriter, r *http.Request, a auth) {
	f, bad := form(r, "id", "digest", "date", "title")
	if bad == "" && f["date"] != "" {
		bad = checkDate(f["date"])
	}
	if e := c.engine(); e != nil {
		// the form shows the current date and title: keep only what changed
		if v, ok := e.Article(f["id"]); ok {
			if f["title"] == v.Title {
				f["title"] = ""
			}
			if f["date"] == v.Date && !v.DateInferred {
				f["date"] = ""
			}
		}
	}
	var edit curation.Edit
	switch {
	case bad != "":
	case f["id"] == "":
		bad = "Say which article."
	case f["digest"] == curation.DigestExclude || f["digest"] == curation.DigestPin:
		edit = curation.ArticleDigest(f["id"], f["digest"])
	case f["digest"] != "":
		bad = "Choose exclude or pin."
	case f["date"] != "" || f["title"] != "":
		edit = curation.ArticleMeta(f["id"], f["date"], f["title"])
	default:
		bad = "Nothing to change: give another date or title, or a digest choice."
	}
	c.apply(w, r, a, edit, bad, "Article corrected.")
}

// feedbackAction marks the votes on an answer as fixed.
func (c *Console) feedbackAction(w http.ResponseWriter, r *http.Request, a auth) {
	id := strings.TrimSpace(r.PostFormValue("reply"))
	if c.Fixed == nil || id == "" || len(id) > 200 {
		c.render(w, r, http.StatusBadRequest, "message", a, page{Title: "Not marked", Error: "Say which answer to mark as fixed."})
		return
	}
	if err := c.Fixed.MarkFeedbackFixed(r.Context(), id); err != nil {
		c.log.Error("console: feedback not marked fixed", "err", err)
		c.render(w, r, http.StatusInternalServerError, "message", a, page{Title: "Not marked", Error: "The mark could not be saved; the cause is in the server's log."})
		return
	}
	http.Redirect(w, r, prefix+"feedback?done=Marked+as+fixed.", http.StatusSeeOther)
}

// checkDate says what is wrong with a date typed in a form, or "".
func checkDate(s string) string {
	if _, err := text.ParseDate(s); err != nil {
		return "The date must be YYYY, YYYY-MM or YYYY-MM-DD (" + err.Error() + ")."
	}
	return ""
}

// apply writes the edit to the curation file, reloads the corpus and sends
// the browser back to the page it came from.
func (c *Console) apply(w http.ResponseWriter, r *http.Request, a auth, edit curation.Edit, bad, done string) {
	p := page{Title: "Correction not saved"}
	switch {
	case bad != "":
		p.Error = bad
		c.render(w, r, http.StatusBadRequest, "message", a, p)
		return
	case c.CurationFile == "":
		p.Error = "Corrections need a corpus directory (corpus.dir): the built-in corpus cannot be changed."
		c.render(w, r, http.StatusConflict, "message", a, p)
		return
	}
	if err := curation.Add(c.CurationFile, edit); err != nil {
		c.log.Error("console: correction not written", "err", err)
		p.Error = "The correction could not be written to " + curation.FileName + "; the cause is in the server's log."
		c.render(w, r, http.StatusInternalServerError, "message", a, p)
		return
	}
	c.log.Info("console: correction written", "list", edit.List)
	if c.Reload != nil {
		if err := c.Reload(); err != nil {
			c.log.Error("console: corpus did not reload after a correction", "err", err)
			p.Title, p.Error = "Saved, not applied", "The correction was saved, but the corpus did not reload; the cause is in the server's log."
			c.render(w, r, http.StatusInternalServerError, "message", a, p)
			return
		}
	}
	back := r.PostFormValue("back")
	if !strings.HasPrefix(back, prefix) || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n") {
		back = prefix
	}
	u, err := url.Parse(back)
	if err != nil || u.Host != "" || u.Scheme != "" {
		u = &url.URL{Path: prefix}
	}
	q := u.Query()
	q.Set("done", done)
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}
