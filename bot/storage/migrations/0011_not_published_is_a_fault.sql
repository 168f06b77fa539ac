-- Briefbot schema version 11: a digest posted but not published (announcement channels, `publish:true`) is a
-- fault the absence alarm names, like one not posted: its followers got nothing. The partial index of faults
-- is made again with that row kind (the expression is bot.storage.alerts.FAULT_ROWS, kept the same).
DROP INDEX deliveries_faults;
CREATE INDEX deliveries_faults ON deliveries (slot_at, guild_id)
    WHERE state IN ('missed', 'dead', 'expired', 'held')
       OR (state IN ('skipped', 'cancelled') AND pause_cause IN ('failures', 'permissions', 'server_removed'))
       OR not_published IS NOT NULL;
