-- Times are Unix milliseconds (UTC) so both databases compare them the same way.

CREATE TABLE subscriptions (
    id          TEXT PRIMARY KEY,
    platform    TEXT NOT NULL,
    channel     TEXT NOT NULL,
    schedule    TEXT NOT NULL,
    timezone    TEXT NOT NULL,
    when_empty  TEXT NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL
);
CREATE INDEX subscriptions_target ON subscriptions (platform, channel);

-- One row per digest slot: the claim that makes a slot post exactly once.
CREATE TABLE digest_runs (
    digest_id   TEXT NOT NULL,
    slot        BIGINT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'failed')),
    claimed_by  TEXT NOT NULL,
    claimed_at  BIGINT NOT NULL,
    lease_until BIGINT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 1,
    last_error  TEXT NOT NULL DEFAULT '',
    finished_at BIGINT,
    PRIMARY KEY (digest_id, slot)
);
CREATE INDEX digest_runs_stale ON digest_runs (state, lease_until);

-- A slot's delivery to one target; a run taken over after a crash skips
-- the targets already delivered.
CREATE TABLE digest_deliveries (
    digest_id    TEXT NOT NULL,
    slot         BIGINT NOT NULL,
    platform     TEXT NOT NULL,
    channel      TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('posted', 'empty')),
    documents    INTEGER NOT NULL,
    delivered_at BIGINT NOT NULL,
    PRIMARY KEY (digest_id, slot, platform, channel)
);

-- Documents already posted to a target (platform + channel).
CREATE TABLE seen_documents (
    platform TEXT NOT NULL,
    channel  TEXT NOT NULL,
    doc_id   TEXT NOT NULL,
    seen_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, channel, doc_id)
);

CREATE TABLE failed_posts (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    digest_id TEXT NOT NULL,
    slot      BIGINT NOT NULL,
    platform  TEXT NOT NULL,
    channel   TEXT NOT NULL,
    error     TEXT NOT NULL,
    attempts  INTEGER NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX failed_posts_digest ON failed_posts (digest_id, slot);
