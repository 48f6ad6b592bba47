-- Answers kept for their buttons (Share, More, feedback). asker is a hash
-- of the platform and user id, never the id itself; shared_by is the user
-- id of whoever shared the answer in the channel, shown there by name.
CREATE TABLE saved_replies (
    id         TEXT PRIMARY KEY,
    platform   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    asker      TEXT NOT NULL,
    question   TEXT NOT NULL,
    private    INTEGER NOT NULL,
    shared_by  TEXT NOT NULL DEFAULT '',
    reply      TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX saved_replies_created ON saved_replies (created_at);

-- One vote per person per answer; a second click replaces the first.
CREATE TABLE feedback (
    reply_id   TEXT NOT NULL,
    user_hash  TEXT NOT NULL,
    platform   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    question   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    sources    TEXT NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at   BIGINT NOT NULL,
    PRIMARY KEY (reply_id, user_hash)
);
CREATE INDEX feedback_voted ON feedback (voted_at);

-- Conversation context of a DM or a thread, for follow-up questions.
CREATE TABLE conversations (
    conv_key   TEXT PRIMARY KEY,
    person     TEXT NOT NULL,
    year       INTEGER NOT NULL,
    topic      TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX conversations_expiry ON conversations (expires_at);
