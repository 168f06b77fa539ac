-- PostgreSQL twin of ../0017_shard_leases.sql (same schema version; the comments there say why): the shard
-- count fixed for the database, each live process's presence, one lease per shard, IDENTIFY spacing.
CREATE TABLE shard_config (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    shard_count  INTEGER NOT NULL CHECK (shard_count >= 1),
    fixed_at     DOUBLE PRECISION NOT NULL,
    fixed_by     TEXT COLLATE "C" NOT NULL
);
CREATE TABLE shard_members (
    owner       TEXT COLLATE "C" PRIMARY KEY,
    pinned      TEXT COLLATE "C" NOT NULL,
    expires_at  DOUBLE PRECISION NOT NULL
);
CREATE TABLE shard_leases (
    shard_id    INTEGER PRIMARY KEY,
    owner       TEXT COLLATE "C",
    token       BIGINT NOT NULL,
    claimed_at  DOUBLE PRECISION,
    expires_at  DOUBLE PRECISION
);
CREATE TABLE identify_buckets (
    bucket   INTEGER PRIMARY KEY,
    next_at  DOUBLE PRECISION NOT NULL
);
