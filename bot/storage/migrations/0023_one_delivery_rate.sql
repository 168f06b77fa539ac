-- Briefbot schema version 23: the processes of one database pace at one rate. Each spaces the shared permits
-- (`rate_budget`) by its own DELIVERY_RATE_PER_SECOND, and Discord counts its global limit per token: a process
-- at 450 beside one at 45 would take ten permits to the other's one, together far past the limit. A process
-- writes its rate in its presence when it joins; one whose rate differs from a live process's is refused at its
-- start. NULL: a presence written before this version (no rate known, none compared).
ALTER TABLE shard_members ADD COLUMN rate_per_second REAL;
