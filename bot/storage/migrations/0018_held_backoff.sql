-- Briefbot schema version 18: a held digest's backoff survives a restart. `held_checks` counts the looks at a
-- held row's channel that could not decide since the row was held (each next look waits twice as long, from
-- HELD_RECHECK_FIRST up to HELD_RECHECK_MAX); it lived in the process's memory, so a restart began the doubling
-- again. `held_blind` (0/1) says the last look could not read the history at all (no Read Message History, or
-- the bot could not tell whether it may): the one case in which the bot finding it may read that history (a
-- permission given back, or found back when a server is seen at start) is worth a look at once. Other held
-- rows (too many messages to read, an unmarked digest, a search that failed) keep their time, so a restart, or
-- a loop of them, does not search them again each time.
ALTER TABLE deliveries ADD COLUMN held_checks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN held_blind INTEGER NOT NULL DEFAULT 0;
-- Rows held before this version were looked at again at once on such an event, whatever held them: still so.
UPDATE deliveries SET held_blind = 1 WHERE state = 'held';
