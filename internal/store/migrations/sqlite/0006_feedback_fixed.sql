-- Answers whose thumbs-down a curator marked as fixed in the console.
CREATE TABLE feedback_fixed (
    reply_id TEXT PRIMARY KEY,
    fixed_at BIGINT NOT NULL
);
