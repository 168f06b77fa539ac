-- Briefbot schema version 2: when a delivery's first send began. A row still pending with this set may
-- have been posted (the bot died, or Discord answered 5xx, after the message was stored). Within Discord's
-- nonce window a resend returns the original; after it, the channel is looked at before sending again.
ALTER TABLE deliveries ADD COLUMN attempt_started_at TEXT;
