-- Briefbot schema version 7: pending and held rows found by channel; one index by channel fewer to write.
--
-- deliveries_pending_by_channel holds only pending rows (the few not yet sent), by channel and then slot: each
-- channel's oldest pending row is the first entry of its run, which the dispatcher's round-robin reads,
-- and recording a slot finds the briefs a channel's pending rows hold without reading its whole history.
--
-- deliveries_channel_history duplicated the UNIQUE (channel_id, timezone, slot_key) index as a second index
-- by channel that every new row must enter in the middle (a channel's rows interleave with every other
-- channel's). The unique index already finds a channel's rows for /digest history, which sorts that
-- channel's rows alone; recording 100,000 channels wrote a fifth less without it (bench/record.py).
DROP INDEX deliveries_channel_history;
CREATE INDEX deliveries_pending_by_channel ON deliveries (channel_id, slot_at, id) WHERE state = 'pending';
-- Held rows (rare) by channel too: recording reads the briefs they reserve. No recorded row is held, so
-- recording never writes this index.
CREATE INDEX deliveries_held_by_channel ON deliveries (channel_id) WHERE state = 'held';
