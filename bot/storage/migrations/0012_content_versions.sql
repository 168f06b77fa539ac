-- Briefbot schema version 12: content versions, updated digests and followed tags (issue 11, items 2 and 3).
--
-- A digest row keeps the content version of each brief it carries (`brief_versions`, a JSON object of brief
-- id to version) and, for a brief carried as *updated*, the version the channel had (`updated_from`), so it
-- posts what it recorded whatever the library holds by then. `brief_versions` keeps each such version
-- serialised (what its check proved included), so a restart after the brief's file changed can still show
-- it; a version is kept while a pending or held row carries it or says what changed since it, or while it
-- is the version some channel last had (the next update is told against it), and deleted after.
--
-- What each channel had keeps its version (`delivered_briefs.version`). Rows written before this version
-- have none: NULL counts as current, and the first start after the upgrade records the version loaded
-- then for them (and for pending rows), so upgrading re-posts nothing.
ALTER TABLE deliveries ADD COLUMN brief_versions TEXT;
ALTER TABLE deliveries ADD COLUMN updated_from TEXT;
ALTER TABLE delivered_briefs ADD COLUMN version TEXT;
CREATE INDEX delivered_briefs_version ON delivered_briefs (brief_id, version);
CREATE INDEX delivered_briefs_unversioned ON delivered_briefs (brief_id) WHERE version IS NULL;

CREATE TABLE brief_versions (
    brief_id    TEXT NOT NULL,
    version     TEXT NOT NULL,
    snapshot    TEXT NOT NULL,   -- bot.briefs.versions.snapshot: the brief and its proof, as JSON
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (brief_id, version)
);

-- The tags a subscription follows, as a JSON array; NULL: every brief.
ALTER TABLE subscriptions ADD COLUMN tags TEXT;
