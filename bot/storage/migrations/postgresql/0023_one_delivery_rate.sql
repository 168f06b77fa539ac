-- PostgreSQL twin of ../0023_one_delivery_rate.sql: the processes of one database pace at one rate.
ALTER TABLE shard_members ADD COLUMN rate_per_second DOUBLE PRECISION;
