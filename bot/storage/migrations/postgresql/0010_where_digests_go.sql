-- PostgreSQL twin of ../0010_where_digests_go.sql: where and how a digest is posted.
ALTER TABLE subscriptions ADD COLUMN channel_kind TEXT COLLATE "C" NOT NULL DEFAULT 'text'
    CHECK (channel_kind IN ('text', 'announcement', 'forum'));
ALTER TABLE subscriptions ADD COLUMN ping_role_id BIGINT;
ALTER TABLE subscriptions ADD COLUMN open_thread INTEGER NOT NULL DEFAULT 0 CHECK (open_thread IN (0, 1));
ALTER TABLE subscriptions ADD COLUMN publish INTEGER NOT NULL DEFAULT 0 CHECK (publish IN (0, 1));
ALTER TABLE deliveries ADD COLUMN thread_id BIGINT;
ALTER TABLE deliveries ADD COLUMN published_at TEXT COLLATE "C";
ALTER TABLE deliveries ADD COLUMN not_published TEXT COLLATE "C";
