"""The host's wall clock against Discord's: a clock stepped ahead must not decide that digests were missed."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.app.client import Briefbot
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digests import SLOT_DAY, ask, fire_slot_and_send
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn

YEARS_AHEAD = 3 * 365


@contextlib.asynccontextmanager
async def daily_digests(
    standin: DiscordStandIn, tmp_path: Path, name: str, **overrides: Any
) -> AsyncIterator[tuple[Briefbot, FakeClock, int]]:
    """The bot with one channel on a 09:00 UTC digest, half a minute before the slot. Discord's clock follows
    the FakeClock's true time; its wall clock may be stepped (`jump`)."""
    channel = standin.add_text_channel(name)
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], **overrides)
    async with running_bot(standin, settings, clock) as bot:
        yield bot, clock, channel


async def test_a_wall_clock_stepped_years_ahead_records_no_slot_as_missed(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    every_morning = {"digest_when_nothing_new": "repeat-latest"}
    async with daily_digests(standin, tmp_path, "clocked", **every_morning) as (bot, clock, channel):
        await fire_slot_and_send(bot, clock, seconds=31)
        assert len(standin.messages[channel]) == 1

        clock.jump(days=YEARS_AHEAD)  # an NTP step, a wrong RTC: the wall clock alone runs years ahead
        report = await bot.digests.scheduler.tick()
        assert (report.missed, report.missed_unrecorded, report.pending) == ([], 0, [])
        listed = await ask(standin, "digest list", {}, user="alice")
        history = await ask(standin, "digest history", {"channel": channel}, user="alice")
        assert "host clock is 3 years" in listed and "ahead of Discord's" in listed
        assert "ahead of Discord's" in history and "**missed**" not in history

        clock.jump(days=-YEARS_AHEAD)  # corrected: the two agree again
        await fire_slot_and_send(bot, clock, days=1)  # the next morning's digest is posted as usual
        await standin.wait_for(lambda: len(standin.messages[channel]) == 2, timeout=10)
        listed = await ask(standin, "digest list", {}, user="alice")
        states = [delivery.state for delivery in await bot.digests.history(channel)]
    assert states == ["sent", "sent"]
    assert "Clock" not in listed
    assert standin.violations == []


async def test_a_wall_clock_behind_discord_keeps_digests_on_discord_time(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    async with daily_digests(standin, tmp_path, "late-clock") as (bot, clock, channel):
        clock.jump(hours=-2)  # the wall clock is set two hours back
        await fire_slot_and_send(bot, clock, seconds=31)  # 09:00:01 by Discord's clock, 07:00 by the wall
        await standin.wait_for(lambda: len(standin.messages[channel]) == 1, timeout=10)
        listed = await ask(standin, "digest list", {}, user="alice")
    assert "2 h" in listed and "behind Discord's" in listed


async def test_the_bots_own_new_messages_tell_discords_time_when_a_proxy_dates_answers_by_the_host(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    every_morning = {"digest_when_nothing_new": "repeat-latest"}
    async with daily_digests(standin, tmp_path, "proxied", **every_morning) as (bot, clock, channel):
        standin.proxy_date = clock  # a REST proxy on the bot's host dates every answer by the host's clock
        await fire_slot_and_send(bot, clock, seconds=31)  # a new message: its snowflake is Discord's time
        assert len(standin.messages[channel]) == 1

        clock.jump(days=YEARS_AHEAD)  # the host's clock, and so the proxy's Date headers, run years ahead
        listed = await ask(standin, "digest list", {}, user="alice")
        report = await bot.digests.scheduler.tick()
        assert (report.missed, report.missed_unrecorded, report.pending) == ([], 0, [])
        assert "host clock is 3 years" in listed and "ahead of Discord's" in listed

        clock.jump(days=-YEARS_AHEAD)
        await ask(standin, "digest list", {}, user="alice")  # an answer dated by the corrected clock
        listed = await ask(standin, "digest list", {}, user="alice")
    assert "Clock" not in listed
    assert standin.violations == []


async def test_a_digest_discord_returns_again_for_its_nonce_is_not_taken_for_discords_time(
    tmp_path: Path,
) -> None:
    clock = FakeClock(SLOT_DAY)
    async with DiscordStandIn(now=clock) as standin:  # Discord keeps nonces for ten minutes here
        channel = standin.add_text_channel("resent")
        settings = bot_settings(
            standin, tmp_path, digest_channel_ids=[channel], digest_nonce_trust=timedelta(minutes=9)
        )
        async with running_bot(standin, settings, clock) as bot:
            standin.store_then_fail(channel, times=1, status=503)  # posted; the bot sees only a 503
            await fire_slot_and_send(bot, clock, seconds=31)
            clock.advance(minutes=5)
            # Resent with the same nonce: Discord answers with the original message, five minutes old.
            await bot.digests.dispatcher.run_until_idle()
            [row] = await bot.digests.history(channel)
            problem = bot.clock_check.problem()
            listed = await ask(standin, "digest list", {}, user="alice")
        assert row.state == "sent" and standin.counters["nonce_replays"] == 1
        assert len(standin.messages[channel]) == 1
        assert problem is None and "Clock" not in listed
        assert standin.violations == []
