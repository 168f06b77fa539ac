-- Briefbot schema version 17: shards shared between the processes of one database (issue 13).
--
-- `shard_config` holds the one shard count every process runs (SHARD_COUNT, or Discord's recommendation from
-- GET /gateway/bot), fixed by the first process: a later process follows it, and one asking for another
-- count is refused while any other process is live. `shard_members` is each running process's presence
-- (its identity, host:pid:suffix, the shards pinned to it by SHARD_IDS as a JSON list, and until when it
-- counts as live unless renewed): the live ones share the shards fairly. `shard_leases` has one row per shard
-- that was ever claimed: who runs it now (`owner`, NULL: nobody) until `expires_at` unless renewed; `token`
-- grows by one at every claim and is never reset. A process closes its shards before its lease can expire,
-- and others claim a shard only after it has, so that no shard has two sessions at once.
-- `identify_buckets` spaces IDENTIFYs across processes: one per max_concurrency bucket (shard_id %
-- max_concurrency) every 5 seconds; `next_at` is when the bucket's next IDENTIFY may go.
-- Times are seconds since the epoch on the processes' wall clocks (NTP-synchronised hosts), as in
-- `rate_budget` (schema 13).
CREATE TABLE shard_config (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    shard_count  INTEGER NOT NULL CHECK (shard_count >= 1),
    fixed_at     REAL NOT NULL,
    fixed_by     TEXT NOT NULL
);
CREATE TABLE shard_members (
    owner       TEXT PRIMARY KEY,
    pinned      TEXT NOT NULL,
    expires_at  REAL NOT NULL
);
CREATE TABLE shard_leases (
    shard_id    INTEGER PRIMARY KEY,
    owner       TEXT,
    token       INTEGER NOT NULL,
    claimed_at  REAL,
    expires_at  REAL
);
CREATE TABLE identify_buckets (
    bucket   INTEGER PRIMARY KEY,
    next_at  REAL NOT NULL
);
