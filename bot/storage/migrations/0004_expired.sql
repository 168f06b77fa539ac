-- Briefbot schema version 4: the 'expired' state. A recorded digest not posted within DIGEST_STALE_AFTER of
-- its slot (an outage, a bad token, a bot stopped for days) is given up as 'expired' with its reason instead
-- of being posted late; one whose first send may have landed only after a search of the channel found
-- nothing. An outage never counts against the channel.
INSERT INTO delivery_states (name) VALUES ('expired');
