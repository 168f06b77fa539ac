-- Briefbot schema version 7: held digests are looked for again. A held row's `next_attempt_at` is when its
-- channel's history is searched again (periodically, with backoff; at once when the bot may read that
-- history again); this index finds the few held rows among all deliveries without reading the others.
CREATE INDEX deliveries_held ON deliveries (next_attempt_at) WHERE state = 'held';
