package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// MarkFeedbackFixed records that a curator dealt with the votes on an
// answer (corrected the corpus, or judged the answer right). Marking it
// again keeps the first time.
func (s *Store) MarkFeedbackFixed(ctx context.Context, replyID string) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO feedback_fixed (reply_id, fixed_at) VALUES (?, ?) ON CONFLICT (reply_id) DO NOTHING`),
		replyID, ms(s.now()))
	if err != nil {
		return fmt.Errorf("store: mark feedback fixed: %w", err)
	}
	return nil
}

// FeedbackFixed returns when each of the answers was marked fixed; an
// answer not marked is absent.
func (s *Store) FeedbackFixed(ctx context.Context, replyIDs []string) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	for start := 0; start < len(replyIDs); start += 500 {
		part := replyIDs[start:min(start+500, len(replyIDs))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(part)), ", ")
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT reply_id, fixed_at FROM feedback_fixed WHERE reply_id IN (`+marks+`)`), args...)
		if err != nil {
			return nil, fmt.Errorf("store: feedback fixed: %w", err)
		}
		for rows.Next() {
			var id string
			var at int64
			if err := rows.Scan(&id, &at); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: feedback fixed: %w", err)
			}
			out[id] = fromMS(at)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: feedback fixed: %w", err)
		}
	}
	return out, nil
}
