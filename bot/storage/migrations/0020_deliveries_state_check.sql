-- Briefbot schema version 20: nothing changes on SQLite (see postgresql/0020_deliveries_state_check.sql).
-- SQLite checks a row's state against delivery_states with one lookup in that table's primary key, part of
-- the insert's own work; a CHECK instead would need the table rebuilt for every new state (0003's reason).
SELECT 1;
