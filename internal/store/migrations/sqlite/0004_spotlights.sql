-- Articles spotlighted to a target (platform + channel) in the current
-- round: a spotlight picks another until every article has had its turn.
CREATE TABLE spotlights (
    platform       TEXT NOT NULL,
    channel        TEXT NOT NULL,
    doc_id         TEXT NOT NULL,
    spotlighted_at BIGINT NOT NULL,
    PRIMARY KEY (platform, channel, doc_id)
);
