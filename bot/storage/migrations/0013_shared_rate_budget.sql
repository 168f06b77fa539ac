-- Briefbot schema version 13: one rate budget for every process on this database (issue 13).
--
-- Discord counts its global limit (50 requests a second) per bot token, across every process using it, and
-- discord.py's own pause lives in one process. So the permits are handed out here, one row per budget
-- ('global': the bot token's REST requests; interaction callbacks and webhooks are exempt and never ask),
-- as the pacer does in memory: each permit at least 1/rate after the previous one (burst 1), never before
-- `paused_until` (a global 429 or Cloudflare's ban seen by any process pauses all of them). Times are
-- seconds since the epoch on the processes' wall clocks (one host for SQLite; NTP-synchronised hosts for
-- PostgreSQL). `granted` counts the permits handed out, from which `briefbot status` reads the send rate.
CREATE TABLE rate_budget (
    name          TEXT PRIMARY KEY,
    next_at       REAL NOT NULL,
    paused_until  REAL NOT NULL,
    granted       INTEGER NOT NULL
);
INSERT INTO rate_budget (name, next_at, paused_until, granted) VALUES ('global', 0, 0, 0);
