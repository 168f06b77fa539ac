-- Briefbot schema version 14: which processes are running on this database (issue 13, `briefbot status`).
--
-- Each `briefbot run` writes its row at start (its identity `host:pid:suffix`, the backend, its shards) and
-- beats every few seconds; a clean stop deletes it. A row whose last beat is older than a few beats is a
-- process that died (SIGKILL, a lost machine): `briefbot status` shows it as gone, and the next start of any
-- process deletes rows gone for a day. Instants are UTC text, as everywhere.
CREATE TABLE process_heartbeats (
    identity      TEXT PRIMARY KEY,
    host          TEXT NOT NULL,
    pid           INTEGER NOT NULL,
    backend       TEXT NOT NULL,
    shards        TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    heartbeat_at  TEXT NOT NULL
);
