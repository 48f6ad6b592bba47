package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// ReplyRetention is how long an answer's buttons keep working; older saved
// replies are removed as new ones are saved.
const ReplyRetention = 14 * 24 * time.Hour

var (
	_ bot.ReplyStore        = (*Store)(nil)
	_ bot.FeedbackStore     = (*Store)(nil)
	_ bot.ConversationStore = (*Store)(nil)
)

// SaveReply implements bot.ReplyStore. Saving an id again replaces the
// reply; replies older than ReplyRetention are removed.
func (s *Store) SaveReply(ctx context.Context, r bot.SavedReply) error {
	body, err := json.Marshal(r.Reply)
	if err != nil {
		return fmt.Errorf("store: save reply: %w", err)
	}
	if r.Created.IsZero() {
		r.Created = s.now()
	}
	private := 0
	if r.Private {
		private = 1
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM saved_replies WHERE created_at < ?`), ms(s.now().Add(-ReplyRetention))); err != nil {
			return fmt.Errorf("store: prune replies: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO saved_replies (id, platform, channel, asker, question, private, shared_by, reply, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, channel = excluded.channel, asker = excluded.asker,
				question = excluded.question, private = excluded.private, shared_by = excluded.shared_by, reply = excluded.reply, created_at = excluded.created_at`),
			r.ID, r.Platform, r.Channel, r.Asker, r.Question, private, r.SharedBy, string(body), ms(r.Created)); err != nil {
			return fmt.Errorf("store: save reply: %w", err)
		}
		return nil
	})
}

// LoadReply implements bot.ReplyStore.
func (s *Store) LoadReply(ctx context.Context, id string) (bot.SavedReply, error) {
	var r bot.SavedReply
	var private int
	var body string
	var created int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, platform, channel, asker, question, private, shared_by, reply, created_at
		FROM saved_replies WHERE id = ? AND created_at >= ?`), id, ms(s.now().Add(-ReplyRetention))).
		Scan(&r.ID, &r.Platform, &r.Channel, &r.Asker, &r.Question, &private, &r.SharedBy, &body, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return bot.SavedReply{}, bot.ErrNoState
	}
	if err != nil {
		return bot.SavedReply{}, fmt.Errorf("store: load reply: %w", err)
	}
	if err := json.Unmarshal([]byte(body), &r.Reply); err != nil {
		return bot.SavedReply{}, fmt.Errorf("store: load reply %s: %w", id, err)
	}
	r.Private, r.Created = private != 0, fromMS(created)
	return r, nil
}

// RecordFeedback implements bot.FeedbackStore.
func (s *Store) RecordFeedback(ctx context.Context, v bot.Vote) (bool, error) {
	if v.Value != 1 && v.Value != -1 {
		return false, fmt.Errorf("store: record feedback: vote %d is not +1 or -1", v.Value)
	}
	if v.At.IsZero() {
		v.At = s.now()
	}
	changed := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var old int
		err := tx.QueryRowContext(ctx, s.q(`SELECT vote FROM feedback WHERE reply_id = ? AND user_hash = ?`), v.ReplyID, v.UserHash).Scan(&old)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("store: record feedback: %w", err)
		default:
			changed = old != v.Value
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO feedback (reply_id, user_hash, platform, channel, question, kind, sources, vote, voted_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (reply_id, user_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`),
			v.ReplyID, v.UserHash, v.Platform, v.Channel, v.Question, v.Kind, strings.Join(v.Sources, "\n"), v.Value, ms(v.At))
		if err != nil {
			return fmt.Errorf("store: record feedback: %w", err)
		}
		return nil
	})
	return changed, err
}

// ListFeedback implements bot.FeedbackStore: the newest votes first.
func (s *Store) ListFeedback(ctx context.Context, q bot.FeedbackQuery) ([]bot.Vote, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	query := `SELECT reply_id, user_hash, platform, channel, question, kind, sources, vote, voted_at FROM feedback WHERE 1 = 1`
	var args []any
	if q.Value != 0 {
		query += ` AND vote = ?`
		args = append(args, q.Value)
	}
	if q.Platform != "" {
		query += ` AND platform = ?`
		args = append(args, q.Platform)
	}
	query += ` ORDER BY voted_at DESC, reply_id LIMIT ?`
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: list feedback: %w", err)
	}
	defer rows.Close()
	var out []bot.Vote
	for rows.Next() {
		var v bot.Vote
		var sources string
		var at int64
		if err := rows.Scan(&v.ReplyID, &v.UserHash, &v.Platform, &v.Channel, &v.Question, &v.Kind, &sources, &v.Value, &at); err != nil {
			return nil, fmt.Errorf("store: list feedback: %w", err)
		}
		if sources != "" {
			v.Sources = strings.Split(sources, "\n")
		}
		v.At = fromMS(at)
		out = append(out, v)
	}
	return out, rows.Err()
}

// SaveConversation implements bot.ConversationStore; expired contexts are
// removed as new ones are saved.
func (s *Store) SaveConversation(ctx context.Context, key string, c bot.Conversation, ttl time.Duration) error {
	now := s.now()
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM conversations WHERE expires_at < ?`), ms(now)); err != nil {
			return fmt.Errorf("store: prune conversations: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO conversations (conv_key, person, year, topic, expires_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (conv_key) DO UPDATE SET person = excluded.person, year = excluded.year, topic = excluded.topic, expires_at = excluded.expires_at`),
			key, c.Person, c.Year, c.Topic, ms(now.Add(ttl))); err != nil {
			return fmt.Errorf("store: save conversation: %w", err)
		}
		return nil
	})
}

// LoadConversation implements bot.ConversationStore.
func (s *Store) LoadConversation(ctx context.Context, key string) (bot.Conversation, error) {
	var c bot.Conversation
	err := s.db.QueryRowContext(ctx, s.q(`SELECT person, year, topic FROM conversations WHERE conv_key = ? AND expires_at > ?`),
		key, ms(s.now())).Scan(&c.Person, &c.Year, &c.Topic)
	if errors.Is(err, sql.ErrNoRows) {
		return bot.Conversation{}, bot.ErrNoState
	}
	if err != nil {
		return bot.Conversation{}, fmt.Errorf("store: load conversation: %w", err)
	}
	return c, nil
}
