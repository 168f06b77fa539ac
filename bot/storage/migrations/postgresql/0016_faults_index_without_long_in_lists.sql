-- PostgreSQL twin of ../0016_faults_index_without_long_in_lists.sql: the partial index of faults with the
-- expression bot.storage.alerts.FAULT_ROWS now has (the same rows; SQLite's reason for the change does not
-- apply here, the expression is kept the same on both backends).
DROP INDEX deliveries_faults;
CREATE INDEX deliveries_faults ON deliveries (slot_at, guild_id)
    WHERE state IN ('missed', 'dead') OR state IN ('expired', 'held')
       OR (state IN ('skipped', 'cancelled')
           AND (pause_cause IN ('failures', 'permissions') OR pause_cause = 'server_removed'))
       OR not_published IS NOT NULL;
