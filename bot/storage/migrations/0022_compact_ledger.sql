-- Briefbot schema version 22: a recorded slot in compact form. A ledger row for (channel, slot) is either FULL
-- (a row of `deliveries`, as before) or COMPACT: one `delivery_groups` row per decision of the slot (its state,
-- briefs, versions, reason, pause cause, times) and one narrow `delivery_members` row per channel in it.
-- Recording writes compact rows only (100,000 channels cost 100,000 rows of three integers, appended in
-- (group, ...) order to two B-trees, instead of 100,000 wide rows into six B-trees all over them); a compact row
-- is promoted to its full row (the same nonce, derived from the slot and channel; the same created_at) in the
-- transaction that first does anything to that channel's row alone: a claim for sending, a cancel by unsubscribe
-- or pause, a read that hands the row out (bot.storage.ledger `_promote`). A member row is deleted when
-- promoted, so every member row is a row that was never promoted: it is in its group's state.
CREATE TABLE delivery_groups (
    id              INTEGER PRIMARY KEY,
    timezone        TEXT    NOT NULL,
    slot_key        TEXT    NOT NULL,
    slot_at         TEXT    NOT NULL,
    nonce_prefix    TEXT    NOT NULL,   -- the slot's part of its nonces (bot.storage.ledger _nonce_prefix)
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'skipped', 'missed', 'expired', 'cancelled')),
    brief_ids       TEXT    NOT NULL DEFAULT '[]',
    next_attempt_at TEXT,
    reason          TEXT,
    pause_cause     TEXT,
    brief_versions  TEXT,
    updated_from    TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX delivery_groups_slot ON delivery_groups (timezone, slot_key);
CREATE INDEX delivery_groups_nonce ON delivery_groups (nonce_prefix);
CREATE INDEX delivery_groups_pending ON delivery_groups (slot_at, id) WHERE state = 'pending';

-- No foreign key to delivery_groups: on PostgreSQL it is a trigger and a query per row inserted; a group is
-- only ever deleted with its members (bot.storage.servers).
CREATE TABLE delivery_members (
    group_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    guild_id   INTEGER NOT NULL,
    PRIMARY KEY (group_id, channel_id)
) WITHOUT ROWID;
-- A group's members by server, in channel order: a claim's turn reads each server's first channels here.
CREATE INDEX delivery_members_by_guild ON delivery_members (group_id, guild_id, channel_id);

-- Every ledger row in either form, with the columns of `deliveries` (a compact row has no id until it is
-- promoted; `group_id` says which group it is in, NULL for a full row): for the readers that count and list.
CREATE VIEW ledger_rows AS
SELECT id, channel_id, guild_id, timezone, slot_key, slot_at, nonce, state, brief_ids, attempts, next_attempt_at,
    last_error, reason, message_id, sent_at, created_at, updated_at, attempt_started_at, last_attempt_at,
    pause_cause, thread_id, published_at, not_published, brief_versions, updated_from, held_checks, held_blind,
    NULL AS group_id
FROM deliveries
UNION ALL
SELECT NULL, m.channel_id, m.guild_id, g.timezone, g.slot_key, g.slot_at,
    g.nonce_prefix || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 839299365868340224 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 13537086546263552 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 218340105584896 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 3521614606208 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 56800235584 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 916132832 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 14776336 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 238328 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 3844 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 62 % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', m.channel_id / 1 % 62 + 1, 1),
    g.state, g.brief_ids, 0, g.next_attempt_at, NULL, g.reason, NULL, NULL, g.created_at, g.updated_at, NULL, NULL,
    g.pause_cause, NULL, NULL, NULL, g.brief_versions, g.updated_from, 0, 0, g.id
FROM delivery_members AS m JOIN delivery_groups AS g ON g.id = m.group_id;

-- A claim's turn orders a server's heads by slot and then channel (was: then id): an order both forms of a
-- row share (a compact row has no id until promoted, and gets one then, after the rows made before it).
DROP INDEX deliveries_pending_by_guild;
CREATE INDEX deliveries_pending_by_guild ON deliveries (guild_id, slot_at, channel_id, id, next_attempt_at, updated_at)
WHERE state = 'pending';
