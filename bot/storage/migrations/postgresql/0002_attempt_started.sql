-- PostgreSQL twin of ../0002_attempt_started.sql: when a delivery's first send began.
ALTER TABLE deliveries ADD COLUMN attempt_started_at TEXT COLLATE "C";
