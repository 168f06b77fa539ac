-- PostgreSQL twin of ../0014_process_heartbeats.sql: which processes are running on this database.
CREATE TABLE process_heartbeats (
    identity      TEXT COLLATE "C" PRIMARY KEY,
    host          TEXT COLLATE "C" NOT NULL,
    pid           INTEGER NOT NULL,
    backend       TEXT COLLATE "C" NOT NULL,
    shards        TEXT COLLATE "C" NOT NULL,
    started_at    TEXT COLLATE "C" NOT NULL,
    heartbeat_at  TEXT COLLATE "C" NOT NULL
);
