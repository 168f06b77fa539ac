-- Briefbot schema version 3: the 'held' state, a table of states, and when the latest send began.
--
-- 'held': a digest whose first send may have landed, and a look at the channel's history could not tell
-- (the bot may not read it, or the search hit its bound before covering the window). It is never resent on
-- its own, and is shown by /digest history with the reason.
--
-- States are rows of delivery_states (a foreign key), not a CHECK list: a later state is one INSERT, with
-- no rebuild of this table. The table is rebuilt once here to drop the CHECK; the runner applies
-- migrations with foreign keys off and checks them before committing (SQLite's documented procedure).
CREATE TABLE delivery_states (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO delivery_states (name)
VALUES ('pending'), ('sent'), ('dead'), ('skipped'), ('missed'), ('cancelled'), ('held');

CREATE TABLE deliveries_v3 (
    id                 INTEGER PRIMARY KEY,
    channel_id         INTEGER NOT NULL,
    guild_id           INTEGER NOT NULL,
    timezone           TEXT    NOT NULL,
    slot_key           TEXT    NOT NULL,
    slot_at            TEXT    NOT NULL,
    nonce              TEXT    NOT NULL UNIQUE CHECK (length(nonce) <= 25),
    state              TEXT    NOT NULL REFERENCES delivery_states (name),
    brief_ids          TEXT    NOT NULL DEFAULT '[]',
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    TEXT,
    last_error         TEXT,
    reason             TEXT,
    message_id         INTEGER,
    sent_at            TEXT,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    attempt_started_at TEXT,   -- when the first send began: the message may exist from then on
    last_attempt_at    TEXT,   -- when the latest send began: a message, if any, was made before it ended
    UNIQUE (channel_id, timezone, slot_key)
);
INSERT INTO deliveries_v3 (id, channel_id, guild_id, timezone, slot_key, slot_at, nonce, state, brief_ids,
    attempts, next_attempt_at, last_error, reason, message_id, sent_at, created_at, updated_at,
    attempt_started_at, last_attempt_at)
SELECT id, channel_id, guild_id, timezone, slot_key, slot_at, nonce, state, brief_ids, attempts,
    next_attempt_at, last_error, reason, message_id, sent_at, created_at, updated_at, attempt_started_at, NULL
FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v3 RENAME TO deliveries;
CREATE INDEX deliveries_pending ON deliveries (next_attempt_at, slot_at, id) WHERE state = 'pending';
CREATE INDEX deliveries_channel_history ON deliveries (channel_id, slot_at DESC, id DESC);
