-- Briefbot schema version 6: who paused a subscription, and why in kind.
--
-- `pause_cause` says what paused it: 'member' (/digest pause; `paused_by` is the member's user id), or Briefbot
-- itself: 'failures' (deliveries in a row refused), 'permissions' (the bot lost a permission it needs) or
-- 'server_removed' (the bot was removed from the server); `paused_by` is NULL then. An automatic pause may be
-- lifted automatically when its cause goes away; a member's pause only by /digest resume (or subscribing again).
-- Deliveries skipped or cancelled because of a pause carry the pause's cause too, so that an alarm can tell a
-- deliberate pause (not a fault) from an automatic one (a fault) after the pause itself has ended.
ALTER TABLE subscriptions ADD COLUMN paused_by INTEGER;
ALTER TABLE subscriptions ADD COLUMN pause_cause TEXT;
ALTER TABLE deliveries ADD COLUMN pause_cause TEXT;
-- Every pause before this version was automatic; the reasons they were written with tell which.
UPDATE subscriptions SET pause_cause = CASE
    WHEN paused_reason LIKE '% deliveries in a row failed;%' THEN 'failures'
    WHEN paused_reason = 'the bot was removed from this server' THEN 'server_removed'
    ELSE 'permissions' END
WHERE paused_at IS NOT NULL;
