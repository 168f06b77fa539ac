"""A recorded digest is posted within DIGEST_STALE_AFTER of its slot, or expired with its reason: never late."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_clock import daily_digests
from tests.e2e.test_digests import SLOT_DAY, ask, fire_slot_and_send
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn


async def test_a_digest_kept_back_by_an_outage_and_a_week_off_expires_instead_of_being_posted(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_text_channel("outage")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], shutdown_grace_seconds=0)
    async with running_bot(standin, settings, clock) as bot:
        standin.fail_channel(channel, status=503, code=0, message="Service Unavailable")
        await fire_slot_and_send(bot, clock, seconds=31)  # the send began; Discord answered 503
        [row] = await bot.digests.history(channel)
        assert row.state == "pending" and row.attempt_started_at is not None
    standin.clear_failure(channel)
    clock.advance(days=7, hours=-3)  # the bot comes back a week later, three hours before that day's slot
    async with running_bot(standin, settings, clock) as bot:
        await bot.digests.dispatcher.run_until_idle()
        history = await ask(standin, "digest history", {"channel": channel}, user="alice")
        rows = await bot.digests.history(channel, limit=20)
    assert standin.messages[channel] == []  # not posted a week late
    [first] = [row for row in rows if row.slot_key == "2026-11-26T09:00"]
    assert first.state == "expired" and first.reason is not None
    assert first.reason.startswith(
        "not posted within 6 h of its slot (the channel's history shows it was not"
    )
    assert "503 Service Unavailable" in first.reason
    assert "2026-11-26T09:00 UTC: **expired**; not posted within 6 h of its slot" in history
    looked = [
        r for r in standin.requests if r.method == "GET" and r.path.endswith(f"/channels/{channel}/messages")
    ]
    assert looked  # it was attempted, so the channel was searched before it was given up
    assert standin.violations == []


async def test_a_rejected_token_holds_every_send_back_instead_of_spending_invalid_requests(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    # 401 is the token's fault, not the channel's: every send waits (a global pause) rather than each
    # channel retrying on its own, which at scale spends Discord's 10,000 invalid requests per 10 minutes.
    async with daily_digests(standin, tmp_path, "unauthorized") as (bot, clock, channel):
        standin.fail_channel(channel, status=401, code=0, message="401: Unauthorized")
        await fire_slot_and_send(bot, clock, seconds=31)
        [row] = await bot.digests.history(channel)
    assert row.state == "pending" and row.attempts == 0 and row.last_error == "401 401: Unauthorized"
    assert row.next_attempt_at == clock.now + timedelta(seconds=60)  # everything waits a minute, then tries
    assert standin.violations == []
