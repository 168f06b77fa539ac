-- Briefbot schema version 21: pending rows found by server, oldest slot first, with what a claim in turn
-- checks of each (its channel, whether it is due). A claim reads each server's first few channels' rows here
-- instead of ranking every due row of every server (bot.storage.ledger `due_in_turn`).
CREATE INDEX deliveries_pending_by_guild ON deliveries (guild_id, slot_at, id, channel_id, next_attempt_at, updated_at)
WHERE state = 'pending';
