-- Briefbot schema version 1: subscriptions, the delivery ledger (outbox) and what each channel has received.
-- Timestamps are UTC text in the fixed form YYYY-MM-DDTHH:MM:SS.ffffffZ, so text order is time order.

CREATE TABLE subscriptions (
    channel_id           INTEGER PRIMARY KEY,
    guild_id             INTEGER NOT NULL,
    schedule             TEXT    NOT NULL,
    timezone             TEXT    NOT NULL,
    source               TEXT    NOT NULL CHECK (source IN ('settings', 'command')),
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- Slots at or before this instant have been dealt with (recorded, skipped or missed).
    recorded_through     TEXT    NOT NULL,
    paused_at            TEXT,
    paused_reason        TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    channel_id      INTEGER NOT NULL,
    guild_id        INTEGER NOT NULL,
    timezone        TEXT    NOT NULL,
    slot_key        TEXT    NOT NULL,   -- local wall-clock time, e.g. 2026-11-01T01:30
    slot_at         TEXT    NOT NULL,   -- the slot's instant (zoneinfo fold=0 reading), UTC
    nonce           TEXT    NOT NULL UNIQUE CHECK (length(nonce) <= 25),
    state           TEXT    NOT NULL
                    CHECK (state IN ('pending', 'sent', 'dead', 'skipped', 'missed', 'cancelled')),
    brief_ids       TEXT    NOT NULL DEFAULT '[]',   -- JSON array, newest first
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    reason          TEXT,
    message_id      INTEGER,
    sent_at         TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (channel_id, timezone, slot_key)
);

CREATE INDEX deliveries_pending ON deliveries (next_attempt_at, slot_at, id) WHERE state = 'pending';
CREATE INDEX deliveries_channel_history ON deliveries (channel_id, slot_at DESC, id DESC);

CREATE TABLE delivered_briefs (
    channel_id   INTEGER NOT NULL,
    brief_id     TEXT    NOT NULL,
    delivery_id  INTEGER NOT NULL REFERENCES deliveries (id),
    delivered_at TEXT    NOT NULL,
    PRIMARY KEY (channel_id, brief_id)
) WITHOUT ROWID;
