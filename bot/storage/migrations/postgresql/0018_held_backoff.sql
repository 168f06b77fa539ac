-- PostgreSQL twin of ../0018_held_backoff.sql: a held digest's backoff survives a restart.
ALTER TABLE deliveries ADD COLUMN held_checks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN held_blind INTEGER NOT NULL DEFAULT 0;
UPDATE deliveries SET held_blind = 1 WHERE state = 'held';
