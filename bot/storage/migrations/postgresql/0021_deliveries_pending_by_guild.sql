-- PostgreSQL twin of ../0021_deliveries_pending_by_guild.sql: pending rows found by server.
CREATE INDEX deliveries_pending_by_guild ON deliveries (guild_id, slot_at, id, channel_id, next_attempt_at, updated_at)
WHERE state = 'pending';
