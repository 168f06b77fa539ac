-- PostgreSQL twin of ../0006_who_paused.sql: who paused a subscription, and why in kind.
ALTER TABLE subscriptions ADD COLUMN paused_by BIGINT;
ALTER TABLE subscriptions ADD COLUMN pause_cause TEXT COLLATE "C";
ALTER TABLE deliveries ADD COLUMN pause_cause TEXT COLLATE "C";
UPDATE subscriptions SET pause_cause = CASE
    WHEN paused_reason LIKE '% deliveries in a row failed;%' THEN 'failures'
    WHEN paused_reason = 'the bot was removed from this server' THEN 'server_removed'
    ELSE 'permissions' END
WHERE paused_at IS NOT NULL;
