-- Briefbot schema version 5: servers that removed the bot. Their subscriptions are paused at once; their data
-- (subscriptions, deliveries, what each channel received) is deleted REMOVED_SERVER_RETENTION after
-- `removed_at`, unless the bot is added back first.
CREATE TABLE removed_servers (
    guild_id   INTEGER PRIMARY KEY,
    removed_at TEXT    NOT NULL
);
