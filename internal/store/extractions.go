package store

// This file implements the engine's extraction cache (one row per article
// extraction) on both databases.

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/briefbot/briefbot/briefings"
)

var _ briefings.ExtractionPruner = (*Store)(nil)

// extractionRows bounds the rows of one statement: SQLite allows 32,766
// parameters, PostgreSQL 65,535; three per row stays well inside both.
const extractionRows = 500

// GetExtractions implements briefings.ExtractionCache.
func (s *Store) GetExtractions(ctx context.Context, keys []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(keys))
	for start := 0; start < len(keys); start += extractionRows {
		part := keys[start:min(start+extractionRows, len(keys))]
		args := make([]any, len(part))
		for i, k := range part {
			args[i] = k
		}
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT cache_key, body FROM extraction_cache WHERE cache_key IN (`+placeholders(len(part))+`)`), args...)
		if err != nil {
			return nil, fmt.Errorf("store: read extractions: %w", err)
		}
		for rows.Next() {
			var k string
			var body []byte
			if err := rows.Scan(&k, &body); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: read extractions: %w", err)
			}
			out[k] = body
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: read extractions: %w", err)
		}
	}
	return out, nil
}

// PutExtractions implements briefings.ExtractionCache. Each batch is one
// transaction of multi-row inserts that leave existing keys alone, so
// replicas filling the cache at once neither fail nor duplicate a row, and
// a row is written whole or not at all.
func (s *Store) PutExtractions(ctx context.Context, entries map[string][]byte) error {
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	// one order for every writer, so concurrent batches lock rows in the
	// same order and cannot deadlock
	sort.Strings(keys)
	now := ms(s.now())
	for start := 0; start < len(keys); start += extractionRows {
		part := keys[start:min(start+extractionRows, len(keys))]
		args := make([]any, 0, 3*len(part))
		for _, k := range part {
			args = append(args, k, entries[k], now)
		}
		err := s.tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO extraction_cache (cache_key, body, created_at) VALUES `+
				rowPlaceholders(len(part), 3)+` ON CONFLICT (cache_key) DO NOTHING`), args...)
			return err
		})
		if err != nil {
			return fmt.Errorf("store: write extractions: %w", err)
		}
	}
	return nil
}

// PruneExtractions implements briefings.ExtractionPruner: it removes the
// rows written before cutoff whose key is not in keep, in one transaction,
// and reports how many. The keys to keep go through a temporary table, so
// a corpus of any size is one DELETE whatever the databases' parameter
// limits.
func (s *Store) PruneExtractions(ctx context.Context, keep []string, cutoff time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TEMPORARY TABLE extraction_keep (cache_key TEXT PRIMARY KEY)`); err != nil {
			return err
		}
		// dropped in the transaction: a pooled connection must not keep it
		defer tx.ExecContext(ctx, `DROP TABLE extraction_keep`)
		for start := 0; start < len(keep); start += extractionRows {
			part := keep[start:min(start+extractionRows, len(keep))]
			args := make([]any, len(part))
			for i, k := range part {
				args[i] = k
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO extraction_keep (cache_key) VALUES `+rowPlaceholders(len(part), 1)+` ON CONFLICT (cache_key) DO NOTHING`), args...); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM extraction_cache WHERE created_at < ? AND cache_key NOT IN (SELECT cache_key FROM extraction_keep)`), ms(cutoff))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: prune extractions: %w", err)
	}
	return n, nil
}

// placeholders is "?, ?, ..." n times.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// rowPlaceholders is "(?, ?, ?), (?, ?, ?)" for n rows of width values.
func rowPlaceholders(n, width int) string {
	row := "(" + placeholders(width) + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}
