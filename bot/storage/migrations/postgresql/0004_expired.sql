-- PostgreSQL twin of ../0004_expired.sql: the 'expired' state.
INSERT INTO delivery_states (name) VALUES ('expired');
