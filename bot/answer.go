package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

// Handler is what a chat adapter hands its users' messages and button
// clicks to; *Router implements it.
type Handler interface {
	// Respond answers a request with the first page of its answer and the
	// buttons that go with it.
	Respond(ctx context.Context, req Request) Answer
	// Act carries out a button click.
	Act(ctx context.Context, c Click) Action
}

var _ Handler = (*Router)(nil)

// Answer is a reply as a chat message shows it: one page of the reply,
// whether only the asker sees it, and its buttons.
type Answer struct {
	Reply    briefings.Reply // the page shown
	ReplyID  string          // the saved reply the buttons act on; "" without buttons
	Page     int             // 0-based
	Pages    int             // 1 when the reply fits one message
	Private  bool            // only the asker sees it (slash commands only)
	Share    bool            // offer a Share button
	Feedback bool            // offer 👍 / 👎 buttons
	SharedBy string          // a shared copy: the user id of who shared it
	// Key, when not zero, names the answer's content: an adapter may keep
	// its rendering under it. Answers with buttons have none.
	Key AnswerKey
}

// The verbs of button ids.
const (
	VerbShare = "share"
	VerbMore  = "more"
	VerbUp    = "up"
	VerbDown  = "down"
)

// idPrefix starts every button id the bot makes, with a version.
const idPrefix = "bb1"

// Button is one button under an answer. ID is the platform's action or
// custom id: "bb1.VERB.REPLYID.PAGE", at most 60 bytes.
type Button struct {
	ID      string
	Label   string
	Primary bool
}

// Buttons lists the answer's buttons in the order they are shown.
func (a Answer) Buttons() []Button {
	if a.ReplyID == "" {
		return nil
	}
	id := func(verb string, page int) string {
		return idPrefix + "." + verb + "." + a.ReplyID + "." + strconv.Itoa(page)
	}
	var bs []Button
	if a.Page+1 < a.Pages {
		bs = append(bs, Button{ID: id(VerbMore, a.Page+1), Label: fmt.Sprintf("More (%d of %d)", a.Page+2, a.Pages)})
	}
	if a.Share {
		bs = append(bs, Button{ID: id(VerbShare, a.Page), Label: "Share", Primary: true})
	}
	if a.Feedback {
		bs = append(bs, Button{ID: id(VerbUp, a.Page), Label: "👍"}, Button{ID: id(VerbDown, a.Page), Label: "👎"})
	}
	return bs
}

// Click is a button pressed by a user.
type Click struct {
	Platform string
	Channel  string // where the button's message is
	User     string // who pressed it
	ID       string // the button's id, as the platform sent it back
}

// ActionKind says what an adapter does with an Action.
type ActionKind int

// The kinds of Action.
const (
	// ActNotice answers the clicker privately with Action.Notice.
	ActNotice ActionKind = iota
	// ActReplace replaces the clicked message with Action.Answer.
	ActReplace
	// ActPost posts Action.Answer in the channel for everyone.
	ActPost
)

// Action is what a click does.
type Action struct {
	Kind   ActionKind
	Answer Answer
	Notice string
}

// ConversationTTL is how long follow-up questions can lean on a
// conversation's last person, year or topic.
const ConversationTTL = 30 * time.Minute

// WithReplies keeps answers in rs so their buttons work (across restarts
// and replicas); without it answers have no buttons and are not paged.
func WithReplies(rs ReplyStore) RouterOption { return func(r *Router) { r.replies = rs } }

// WithFeedback records 👍 / 👎 votes in fs and enables /feedback.
func WithFeedback(fs FeedbackStore) RouterOption { return func(r *Router) { r.feedback = fs } }

// personal reports replies only the asker should see, whatever the
// platform's answers setting: help, errors (admins only included) and
// nothing found.
func personal(k briefings.Kind) bool {
	return k == briefings.KindHelp || k == briefings.KindError || k == briefings.KindNotFound
}

// votable reports replies worth a 👍 / 👎: answers from the corpus.
func votable(k briefings.Kind) bool {
	return k == briefings.KindWho || k == briefings.KindStats || k == briefings.KindAnswer
}

// Respond implements Handler: it answers req, pages the reply, and saves
// it when it has buttons.
func (r *Router) Respond(ctx context.Context, req Request) Answer {
	rep, cmd, key := r.handle(ctx, req) // cmd: a follow-up as it was read
	a := Answer{Reply: rep, Pages: 1}
	a.Private = req.Slash && (req.Private || personal(rep.Kind) || cmd.Name == CmdFeedback)
	if key.Text != "" && a.Private {
		key.Text += "\x00private"
	}
	if r.replies == nil || personal(rep.Kind) {
		a.Key = key
		return a
	}
	pages := Paginate(rep)
	a.Pages = len(pages)
	a.Share = a.Private && cmd.Name != CmdFeedback && cmd.Name != CmdDigest
	a.Feedback = r.feedback != nil && votable(rep.Kind) && cmd.Name != CmdFeedback
	if a.Pages == 1 && !a.Share && !a.Feedback {
		a.Key = key
		return a
	}
	id, err := newReplyID()
	if err == nil {
		err = r.replies.SaveReply(ctx, SavedReply{ID: id, Platform: req.Platform, Channel: req.Channel,
			Asker: UserHash(req.Platform, req.User), Question: cmd.Name + " " + cmd.Args, Private: a.Private, Reply: rep})
	}
	if err != nil {
		r.log.Error("saving an answer for its buttons failed; sent without buttons", "err", err)
		return Answer{Reply: rep, Pages: 1, Private: a.Private}
	}
	a.ReplyID, a.Reply = id, pages[0]
	return a
}

// Act implements Handler. A button id that is malformed, unknown, expired,
// from another channel, or on someone else's private answer changes
// nothing and gets a polite private notice.
func (r *Router) Act(ctx context.Context, c Click) Action {
	verb, id, page, ok := parseButtonID(c.ID)
	if !ok || r.replies == nil {
		return notice("I don't recognise that button. Ask again, or try /help.")
	}
	saved, err := r.replies.LoadReply(ctx, id)
	if err != nil {
		if err != ErrNoState {
			r.log.Error("loading an answer for a button failed", "err", err)
			return notice("I couldn't do that just now. Please try again in a moment.")
		}
		return notice("That answer has expired. Please ask again.")
	}
	if saved.Platform != c.Platform || saved.Channel != c.Channel || (saved.Private && saved.Asker != UserHash(c.Platform, c.User)) {
		r.log.Warn("a button click did not match its answer", "platform", c.Platform, "verb", verb)
		return notice("That button isn't for you. Ask your own question with /ask, or try /help.")
	}
	pages := Paginate(saved.Reply)
	if page >= len(pages) {
		return notice("That page no longer exists. Please ask again.")
	}
	a := Answer{Reply: pages[page], ReplyID: saved.ID, Page: page, Pages: len(pages), Private: saved.Private,
		Share: saved.Private, Feedback: r.feedback != nil && votable(saved.Reply.Kind), SharedBy: saved.SharedBy}
	switch verb {
	case VerbMore:
		return Action{Kind: ActReplace, Answer: a}
	case VerbShare:
		if !saved.Private {
			return notice("This answer is already in the channel.")
		}
		shared := saved
		shared.Private, shared.SharedBy, shared.Created = false, c.User, time.Time{}
		if shared.ID, err = newReplyID(); err == nil {
			err = r.replies.SaveReply(ctx, shared)
		}
		if err != nil {
			r.log.Error("saving a shared answer failed", "err", err)
			return notice("I couldn't share that just now. Please try again in a moment.")
		}
		a.ReplyID, a.Private, a.Share, a.SharedBy = shared.ID, false, false, c.User
		return Action{Kind: ActPost, Answer: a}
	case VerbUp, VerbDown:
		return r.vote(ctx, c, saved, verb)
	}
	return notice("I don't recognise that button. Ask again, or try /help.")
}

func (r *Router) vote(ctx context.Context, c Click, saved SavedReply, verb string) Action {
	if r.feedback == nil {
		return notice("Feedback is not recorded here.")
	}
	v := Vote{ReplyID: saved.ID, Platform: c.Platform, Channel: c.Channel, UserHash: UserHash(c.Platform, c.User),
		Question: saved.Question, Kind: string(saved.Reply.Kind), Value: 1}
	if verb == VerbDown {
		v.Value = -1
	}
	for _, s := range saved.Reply.Sources {
		v.Sources = append(v.Sources, s.ID)
	}
	changed, err := r.feedback.RecordFeedback(ctx, v)
	if err != nil {
		r.log.Error("recording feedback failed", "err", err)
		return notice("I couldn't record that just now. Please try again in a moment.")
	}
	r.obs.Feedback(c.Platform, verb)
	switch {
	case changed && v.Value > 0:
		return notice("Changed to 👍. Thanks!")
	case changed:
		return notice("Changed to 👎. Thanks: a curator will look at this answer.")
	case v.Value > 0:
		return notice("Thanks for the 👍!")
	}
	return notice("Thanks for the 👎: a curator will look at this answer.")
}

func notice(s string) Action { return Action{Kind: ActNotice, Notice: s} }

// parseButtonID reads "bb1.VERB.REPLYID.PAGE".
func parseButtonID(s string) (verb, id string, page int, ok bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 4 || parts[0] != idPrefix || !validReplyID(parts[2]) {
		return "", "", 0, false
	}
	page, err := strconv.Atoi(parts[3])
	if err != nil || page < 0 || page > 10000 {
		return "", "", 0, false
	}
	switch parts[1] {
	case VerbShare, VerbMore, VerbUp, VerbDown:
		return parts[1], parts[2], page, true
	}
	return "", "", 0, false
}

// newReplyID is 128 random bits in hex: unguessable, so an id cannot be
// forged to reach someone else's answer.
func newReplyID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("reply id: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

func validReplyID(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// ReplyFunc adapts a function that answers with a plain reply to a
// Handler: one page, no buttons, private as a slash command's answer would
// be. Tests and simple front ends use it.
type ReplyFunc func(ctx context.Context, req Request) briefings.Reply

// Respond implements Handler.
func (f ReplyFunc) Respond(ctx context.Context, req Request) Answer {
	rep := f(ctx, req)
	return Answer{Reply: rep, Pages: 1, Private: req.Slash && (req.Private || personal(rep.Kind))}
}

// Act implements Handler: a ReplyFunc makes no buttons, so every click is
// refused politely.
func (f ReplyFunc) Act(context.Context, Click) Action {
	return notice("I don't recognise that button. Ask again, or try /help.")
}
