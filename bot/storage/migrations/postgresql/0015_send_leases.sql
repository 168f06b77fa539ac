-- PostgreSQL twin of ../0015_send_leases.sql (same schema version; the comments there say why): one row per
-- channel that ever had a digest send, its lease (who sends to it now, until when) and its fencing token.
CREATE TABLE send_leases (
    channel_id  BIGINT PRIMARY KEY,
    delivery_id BIGINT,
    owner       TEXT COLLATE "C",
    token       BIGINT NOT NULL,
    claimed_at  TEXT COLLATE "C",
    expires_at  TEXT COLLATE "C"
);
CREATE INDEX send_leases_by_owner ON send_leases (owner) WHERE owner IS NOT NULL;
