-- PostgreSQL twin of ../0013_shared_rate_budget.sql: one rate budget for every process on this database.
CREATE TABLE rate_budget (
    name          TEXT COLLATE "C" PRIMARY KEY,
    next_at       DOUBLE PRECISION NOT NULL,
    paused_until  DOUBLE PRECISION NOT NULL,
    granted       BIGINT NOT NULL
);
INSERT INTO rate_budget (name, next_at, paused_until, granted) VALUES ('global', 0, 0, 0);
