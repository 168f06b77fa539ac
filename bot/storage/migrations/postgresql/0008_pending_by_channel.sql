-- PostgreSQL twin of ../0008_pending_by_channel.sql: pending and held rows found by channel.
DROP INDEX deliveries_channel_history;
CREATE INDEX deliveries_pending_by_channel ON deliveries (channel_id, slot_at, id, guild_id, next_attempt_at, updated_at)
WHERE state = 'pending';
CREATE INDEX deliveries_held_by_channel ON deliveries (channel_id) WHERE state = 'held';
