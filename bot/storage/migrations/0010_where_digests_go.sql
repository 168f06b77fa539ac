-- Briefbot schema version 10: where and how a digest is posted (issue 12).
--
-- Per subscription: the kind of channel (a forum gets one post per digest), a role to ping in the message's
-- content, whether each digest opens a thread, whether it is published (announcement channels).
-- Per delivery: the thread the digest opened (a forum post is a thread whose first message, the digest,
-- has the thread's id; a thread on a message has the message's id), and the publish: when it was done, or
-- why it was not. A pending row with `message_id` set was posted; only its thread or publish remain.
ALTER TABLE subscriptions ADD COLUMN channel_kind TEXT NOT NULL DEFAULT 'text'
    CHECK (channel_kind IN ('text', 'announcement', 'forum'));
ALTER TABLE subscriptions ADD COLUMN ping_role_id INTEGER;
ALTER TABLE subscriptions ADD COLUMN open_thread INTEGER NOT NULL DEFAULT 0 CHECK (open_thread IN (0, 1));
ALTER TABLE subscriptions ADD COLUMN publish INTEGER NOT NULL DEFAULT 0 CHECK (publish IN (0, 1));
ALTER TABLE deliveries ADD COLUMN thread_id INTEGER;
ALTER TABLE deliveries ADD COLUMN published_at TEXT;
ALTER TABLE deliveries ADD COLUMN not_published TEXT;
