-- Each article's extraction, under a key that hashes the extractor
-- version and the article, so replicas sharing the database extract an
-- article once. Rows are immutable: a key always names the same bytes.
CREATE TABLE extraction_cache (
    cache_key  TEXT PRIMARY KEY,
    body       BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX extraction_cache_created ON extraction_cache (created_at);
