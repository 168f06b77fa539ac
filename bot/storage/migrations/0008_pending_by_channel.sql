-- Briefbot schema version 8: pending and held rows found by channel; one index by channel fewer to write.
--
-- deliveries_pending_by_channel holds only pending rows (the few not yet sent), by channel and then slot, with
-- the columns the dispatcher's round-robin reads (server, when due): it finds each channel's oldest due row
-- from the index alone, without a sort of every due row or a visit to each row; recording a slot finds the
-- briefs a channel's pending rows hold without reading its whole history. A slot's rows are recorded in
-- channel order, so they are appended to it.
--
-- deliveries_channel_history duplicated the UNIQUE (channel_id, timezone, slot_key) index as a second index
-- by channel that every new row must enter in the middle (a channel's rows interleave with every other
-- channel's). The unique index already finds a channel's rows for /digest history, which sorts that
-- channel's rows alone; recording 100,000 channels wrote a fifth less without it (bench/record.py).
DROP INDEX deliveries_channel_history;
CREATE INDEX deliveries_pending_by_channel ON deliveries (channel_id, slot_at, id, guild_id, next_attempt_at, updated_at)
WHERE state = 'pending';
-- Held rows (rare) by channel too: recording reads the briefs they reserve. No recorded row is held, so
-- recording never writes this index.
CREATE INDEX deliveries_held_by_channel ON deliveries (channel_id) WHERE state = 'held';
