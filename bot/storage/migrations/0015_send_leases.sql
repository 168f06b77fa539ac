-- Briefbot schema version 15: leases on digest sends, so that several processes can share one database.
--
-- A process sends a digest row only while it holds the lease of the row's channel: one row per channel that
-- ever had a send, whose `delivery_id` is the row being sent (NULL: no send in flight), `owner` the process
-- (bot.process_identity: host:pid:suffix) and `expires_at` when the lease ends unless it is renewed (its
-- owner renews it while the send is in flight). The primary key makes "one send in flight per channel" the
-- database's rule, across processes. `token` grows by one at every claim and is never reset (the row is
-- kept when the lease ends): each write of a send's outcome names the token it was claimed with and is
-- refused when the lease has been taken over since, so a process that stalled past its lease cannot record
-- over the process that took the row over.
CREATE TABLE send_leases (
    channel_id INTEGER PRIMARY KEY,
    delivery_id INTEGER,
    owner TEXT,
    token INTEGER NOT NULL,
    claimed_at TEXT,
    expires_at TEXT
);
-- The leases a process holds (renewed together, shown by `briefbot status`).
CREATE INDEX send_leases_by_owner ON send_leases (owner) WHERE owner IS NOT NULL;
