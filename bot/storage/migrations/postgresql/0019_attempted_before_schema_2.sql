-- PostgreSQL twin of ../0019_attempted_before_schema_2.sql: a row retried before schema 2 noted first
-- attempts is marked attempted (from its creation to its last update), so it is looked for before a resend.
UPDATE deliveries SET attempt_started_at = created_at, last_attempt_at = updated_at
WHERE state = 'pending' AND attempts > 0 AND attempt_started_at IS NULL;
