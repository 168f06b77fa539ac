-- PostgreSQL twin of ../0011_not_published_is_a_fault.sql: a digest posted but not published is a fault.
DROP INDEX deliveries_faults;
CREATE INDEX deliveries_faults ON deliveries (slot_at, guild_id)
    WHERE state IN ('missed', 'dead', 'expired', 'held')
       OR (state IN ('skipped', 'cancelled') AND pause_cause IN ('failures', 'permissions', 'server_removed'))
       OR not_published IS NOT NULL;
