-- Briefbot schema version 9: the absence alarm.
--
-- alert_channels: the admin channel of each server that asked for alerts (/digest alerts channel:...).
-- alerts: the alert ledger, one row per (server, slot), recorded with its text before it is sent and sent with
-- its nonce, like a digest: 'pending' -> 'sent' (message_id) | 'failed' (could not be delivered: logged, never
-- alerted about) | 'held' (an earlier send may have posted it and the admin channel's history could not tell).
CREATE TABLE alert_channels (
    guild_id   INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    set_by     INTEGER,
    set_at     TEXT    NOT NULL   -- slots before this are never alerted about
);

CREATE TABLE alerts (
    id                 INTEGER PRIMARY KEY,
    guild_id           INTEGER NOT NULL,
    channel_id         INTEGER NOT NULL,   -- the admin channel it goes to
    timezone           TEXT    NOT NULL,
    slot_key           TEXT    NOT NULL,
    slot_at            TEXT    NOT NULL,
    nonce              TEXT    NOT NULL UNIQUE CHECK (length(nonce) <= 25),
    state              TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'held')),
    content            TEXT    NOT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    TEXT,
    last_error         TEXT,
    reason             TEXT,
    message_id         INTEGER,
    sent_at            TEXT,
    attempt_started_at TEXT,
    last_attempt_at    TEXT,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    UNIQUE (guild_id, timezone, slot_key)
);
CREATE INDEX alerts_pending ON alerts (next_attempt_at) WHERE state = 'pending';

-- The rows an alarm may name: only they enter this index (a sent or "nothing new" row never does), so
-- finding a slot's faults reads faults, not every delivery.
CREATE INDEX deliveries_faults ON deliveries (slot_at, guild_id)
    WHERE state IN ('missed', 'dead', 'expired', 'held')
       OR (state IN ('skipped', 'cancelled') AND pause_cause IN ('failures', 'permissions', 'server_removed'));
