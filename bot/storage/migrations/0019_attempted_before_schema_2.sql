-- Briefbot schema version 19: pending rows retried before schema 2 are marked attempted.
-- A row retried before schema 2 (which noted when a delivery's first send began) came out of that migration
-- as never attempted: after Discord's nonce window it would be resent without looking, though its first send
-- may have posted it. Such a row (pending, attempts counted, no first attempt noted; since schema 2 every
-- counted attempt is noted first, so no later row is one) is marked attempted from its creation (no send of
-- it came earlier) to its last update (its last retry noted, after its last send): it is looked for first.
UPDATE deliveries SET attempt_started_at = created_at, last_attempt_at = updated_at
WHERE state = 'pending' AND attempts > 0 AND attempt_started_at IS NULL;
