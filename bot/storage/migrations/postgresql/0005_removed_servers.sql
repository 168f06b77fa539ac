-- PostgreSQL twin of ../0005_removed_servers.sql: servers that removed the bot.
CREATE TABLE removed_servers (
    guild_id   BIGINT PRIMARY KEY,
    removed_at TEXT COLLATE "C" NOT NULL
);
