// Package storetest opens isolated stores for tests: a fresh SQLite file, or
// a fresh PostgreSQL schema (dropped at cleanup) when
// BRIEFBOT_TEST_POSTGRES_DSN is set.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/store"
)

// PostgresEnv names the environment variable holding the test PostgreSQL DSN.
const PostgresEnv = "BRIEFBOT_TEST_POSTGRES_DSN"

// Opener opens another handle on the same database, as a second process would.
type Opener func(t testing.TB, opts ...store.Option) *store.Store

// SQLite returns an Opener for a fresh SQLite file in a temporary directory.
func SQLite(t testing.TB) Opener {
	t.Helper()
	path := filepath.Join(t.TempDir(), "briefbot.db")
	return func(t testing.TB, opts ...store.Option) *store.Store {
		t.Helper()
		return mustOpen(t, store.DriverSQLite, path, opts)
	}
}

// Postgres returns an Opener for a fresh schema in the database named by
// BRIEFBOT_TEST_POSTGRES_DSN, dropped when the test ends; it skips the test
// when the variable is unset.
func Postgres(t testing.TB) Opener {
	t.Helper()
	dsn := PostgresDSN(t)
	return func(t testing.TB, opts ...store.Option) *store.Store {
		t.Helper()
		return mustOpen(t, store.DriverPostgres, dsn, opts)
	}
}

// RequirePostgres skips the test when BRIEFBOT_TEST_POSTGRES_DSN is unset.
func RequirePostgres(t testing.TB) {
	t.Helper()
	if os.Getenv(PostgresEnv) == "" {
		t.Skipf("PostgreSQL tests skipped: set %s (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)", PostgresEnv)
	}
}

// PostgresDSN creates a fresh schema and returns a DSN whose search_path
// selects it; it skips the test when BRIEFBOT_TEST_POSTGRES_DSN is unset.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	RequirePostgres(t)
	base := os.Getenv(PostgresEnv)
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema := "briefbot_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", PostgresEnv, err)
	}
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		db.Close()
		t.Fatalf("create test schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
		db.Close()
	})
	return withSearchPath(base, schema)
}

func withSearchPath(dsn, schema string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return strings.TrimSpace(dsn) + " search_path=" + schema
}

func mustOpen(t testing.TB, driver, dsn string, opts []store.Option) *store.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := store.Open(ctx, driver, dsn, opts...)
	if err != nil {
		t.Fatalf("open %s store: %v", driver, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
