-- PostgreSQL twin of ../0007_held_rechecks.sql: held digests are looked for again.
CREATE INDEX deliveries_held ON deliveries (next_attempt_at) WHERE state = 'held';
