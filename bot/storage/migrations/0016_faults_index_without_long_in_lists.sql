-- Briefbot schema version 16: the partial index of faults says the same with no IN list of three or more
-- values. SQLite evaluates such a list through a temporary index it builds afresh each time a statement runs,
-- and every row inserted into `deliveries` evaluates this index's WHERE clause: recording 100,000 rows one
-- statement execution each built 200,000 temporary indexes (half the CPU of inserting them, measured with
-- callgrind: 71,000 instructions a row against 38,000 without). Lists of up to two values are compared
-- directly. Same rows in the index; the expression is bot.storage.alerts.FAULT_ROWS, kept the same.
DROP INDEX deliveries_faults;
CREATE INDEX deliveries_faults ON deliveries (slot_at, guild_id)
    WHERE state IN ('missed', 'dead') OR state IN ('expired', 'held')
       OR (state IN ('skipped', 'cancelled')
           AND (pause_cause IN ('failures', 'permissions') OR pause_cause = 'server_removed'))
       OR not_published IS NOT NULL;
