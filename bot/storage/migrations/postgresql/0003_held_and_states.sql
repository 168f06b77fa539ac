-- PostgreSQL twin of ../0003_held_and_states.sql: the 'held' state, a table of states, and when the latest
-- send began. PostgreSQL changes the constraint in place; SQLite had to rebuild the table.
CREATE TABLE delivery_states (name TEXT COLLATE "C" PRIMARY KEY);
INSERT INTO delivery_states (name)
VALUES ('pending'), ('sent'), ('dead'), ('skipped'), ('missed'), ('cancelled'), ('held');

ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_fkey FOREIGN KEY (state) REFERENCES delivery_states (name);
ALTER TABLE deliveries ADD COLUMN last_attempt_at TEXT COLLATE "C";
