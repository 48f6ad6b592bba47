package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// sqliteParams are applied to every connection: WAL so readers do not block
// the writer, a busy timeout so processes sharing the file wait for each
// other instead of failing, and IMMEDIATE transactions so a transaction
// takes the write lock when it begins (no deadlock when two processes
// upgrade read transactions at once).
var sqliteParams = []string{
	"_pragma=busy_timeout(10000)",
	"_pragma=journal_mode(WAL)",
	"_pragma=synchronous(NORMAL)",
	"_pragma=foreign_keys(1)",
	"_txlock=immediate",
}

// OpenSQLite opens (creating if needed) the SQLite database at path and
// applies the migrations. path may also be a "file:" URI; its own query
// parameters are kept. The store uses a single connection, so writes from
// this process are serialised; other processes sharing the file wait on
// the busy timeout.
func OpenSQLite(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, fmt.Errorf("store: sqlite needs a file path")
	}
	db, err := sql.Open("sqlite", sqliteDSN(path))
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return open(ctx, db, DriverSQLite, opts)
}

func sqliteDSN(path string) string {
	dsn := path
	if !strings.HasPrefix(dsn, "file:") {
		dsn = "file:" + (&url.URL{Path: path}).EscapedPath()
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + strings.Join(sqliteParams, "&")
}

// pingUntilFree connects, retrying while SQLite reports the file busy.
// Switching a new file to WAL takes an exclusive lock that SQLite does not
// wait for through the busy timeout, so processes (or tests) opening the
// same new file at once can see SQLITE_BUSY on connect; the switch is
// finished within milliseconds by whoever won, so a short retry succeeds.
func pingUntilFree(ctx context.Context, db *sql.DB) error {
	const limit = 10 * time.Second
	wait := 5 * time.Millisecond
	deadline := time.Now().Add(limit)
	for {
		err := db.PingContext(ctx)
		if err == nil || !sqliteBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (after %v)", err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 200*time.Millisecond)
	}
}

// sqliteBusy reports whether err is SQLite's SQLITE_BUSY (or an extended
// code of it).
func sqliteBusy(err error) bool {
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == sqliteBusyCode
}

// sqliteBusyCode is SQLITE_BUSY, the primary result code for a locked file.
const sqliteBusyCode = 5
