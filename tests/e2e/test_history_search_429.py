"""A 429 without `Via` met by the look before a resend (discord.py's `channel.history`): with a REST proxy in
front (DISCORD_API_BASE_URL) it is the proxy's own, waited out and the page read again; without one it is
Cloudflare's ban on the IP, which discord.py raises at once: the bot must then stop sending (the shared
pause every process on the database waits out), decide nothing about the row and give it up for nothing.

Verification of AUDIT-9 F7, through the real bot and the stand-in: each test loses the first send's answer
(the message is stored, the bot sees a 503), restarts after Discord's nonce window, and meets the 429 on the
search (or on a held row's recheck).
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import client
from bot.app.client import Briefbot
from bot.storage.rate_budget import RateBudgetStore
from tests.e2e.conftest import running_bot
from tests.e2e.lost_send import bot_messages, one_channel, slot_row
from tests.e2e.test_held_recheck import a_held_digest, held_now
from tests.standin import DiscordStandIn

MESSAGES = "/channels/{channel_id}/messages"


def without_a_proxy(standin: DiscordStandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in plays Discord itself: DISCORD_API_BASE_URL unset, Discord's address is the stand-in's."""
    monkeypatch.setattr(client, "DISCORD_API_BASE", standin.base_url)
    monkeypatch.setattr(client, "DISCORD_GATEWAY", standin.gateway_url)


def pages(standin: DiscordStandIn, channel: int) -> list[int]:
    """The statuses of the history pages asked of `channel`, in order."""
    return [
        r.status
        for r in standin.requests
        if r.route == MESSAGES and r.method == "GET" and str(channel) in r.path
    ]


async def shared_pause_left(bot: Briefbot) -> float:
    """Seconds (epoch clock, the one the processes share) until the shared rate budget grants again."""
    return (await RateBudgetStore(bot.digests.database).state()).paused_until - time.time()


async def test_behind_a_proxy_its_own_429_on_the_search_is_waited_out_and_the_lost_digest_found(
    tmp_path: Path,
) -> None:
    async with one_channel(tmp_path, "proxied") as scene:
        standin, channel = scene.standin, scene.channel
        assert scene.settings.discord_api_base_url  # the stand-in is the proxy here
        await scene.lost_first_send()
        [original] = bot_messages(standin, channel)
        standin.inject_429(
            2, proxy=True, retry_after="0.05", retry_after_seconds=0.05, method="GET", channel_id=channel
        )
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            row = await slot_row(bot, channel)
            left = await shared_pause_left(bot)
        assert pages(standin, channel) == [429, 429, 200]  # the same page asked again after the proxy's wait
        assert row.state == "sent" and row.message_id == int(original["id"])
        assert bot_messages(standin, channel) == [original]
        assert left < 0  # a proxy's queue is no ban: nothing paused
        assert standin.violations == []


@pytest.mark.parametrize("cloudflare", [True, False], ids=["cloudflare-page", "json-without-via"])
async def test_without_a_proxy_a_429_without_via_on_the_search_pauses_every_send_and_decides_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cloudflare: bool
) -> None:
    async with one_channel(tmp_path, "banned", discord_api_base_url=None, shutdown_grace_seconds=0) as scene:
        standin, clock, channel = scene.standin, scene.clock, scene.channel
        without_a_proxy(standin, monkeypatch)
        lost = await scene.lost_first_send()
        standin.inject_429(
            retry_after="30",
            cloudflare=cloudflare,
            proxy=not cloudflare,
            retry_after_seconds=30.0,
            method="GET",
            channel_id=channel,
        )
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            row = await slot_row(bot, channel)
            left = await shared_pause_left(bot)
            asked = len(standin.requests)
            clock.advance(seconds=10)  # inside the pause: the row's next attempt is not due, nothing is asked
            await bot.digests.dispatcher.run_until_idle()
            asked_later = len(standin.requests)
        assert pages(standin, channel) == [429]  # never asked again into the ban
        assert asked_later == asked
        assert (row.state, row.attempts) == ("pending", lost.attempts)  # a ban is no failed attempt
        assert row.last_error is not None and row.last_error.startswith("429")
        assert row.next_attempt_at == clock.now - timedelta(seconds=10) + timedelta(seconds=30)
        assert 20 < left <= 30  # every process waits it out (the shared budget), not this row alone
        assert len(bot_messages(standin, channel)) == 1
        assert standin.violations == []


async def test_without_a_proxy_cloudflares_429_on_a_held_rows_recheck_keeps_it_held_and_pauses_every_send(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with a_held_digest(tmp_path, posted=True, shutdown_grace_seconds=0) as (
        standin,
        clock,
        channel,
        held_by,
    ):
        without_a_proxy(standin, monkeypatch)
        settings = held_by.model_copy(update={"discord_api_base_url": None})
        async with running_bot(standin, settings, clock) as bot:
            held = await held_now(bot, channel)
            standin.inject_429(retry_after="", cloudflare=True, method="GET", channel_id=channel)
            clock.advance(minutes=6)  # the first recheck is due
            row = await held_now(bot, channel)
            left = await shared_pause_left(bot)
        assert pages(standin, channel)[-1] == 429
        assert row.held_checks == held.held_checks + 1 and row.message_id is None
        assert row.reason is not None and "429" in row.reason
        assert 50 < left <= 60  # Cloudflare's ban named no wait: the safe pause, shared
        assert len(bot_messages(standin, channel)) == 1
        assert standin.violations == []
