-- PostgreSQL twin of ../0012_content_versions.sql: content versions, updated digests and followed tags.
ALTER TABLE deliveries ADD COLUMN brief_versions TEXT COLLATE "C";
ALTER TABLE deliveries ADD COLUMN updated_from TEXT COLLATE "C";
ALTER TABLE delivered_briefs ADD COLUMN version TEXT COLLATE "C";
CREATE INDEX delivered_briefs_version ON delivered_briefs (brief_id, version);
CREATE INDEX delivered_briefs_unversioned ON delivered_briefs (brief_id) WHERE version IS NULL;

CREATE TABLE brief_versions (
    brief_id    TEXT COLLATE "C" NOT NULL,
    version     TEXT COLLATE "C" NOT NULL,
    snapshot    TEXT COLLATE "C" NOT NULL,
    recorded_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (brief_id, version)
);

ALTER TABLE subscriptions ADD COLUMN tags TEXT COLLATE "C";
