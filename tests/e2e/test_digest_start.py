"""Digests at start-up and in /digest list when something is wrong: a start that fails, a stored time zone this
host does not know, a server Discord reports unavailable. The real bot against the stand-in."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import discord.state
import pytest

from bot.app.client import Briefbot
from bot.delivery.scheduler import RecordReport
from bot.delivery.service import DigestService
from bot.storage import Database, StorageError
from tests.conftest import migrated_sqlite_file
from tests.e2e.conftest import SkippedIdentifyWaits, bot_settings, running_bot
from tests.e2e.test_digests import ask, fire_slot_and_send
from tests.helpers import FakeClock, subscribe
from tests.standin import DiscordStandIn
from tests.standin.harness import FAKE_TOKEN

SLOT_DAY = datetime(2026, 11, 26, 8, 59, 30, tzinfo=UTC)


async def test_digests_that_cannot_start_say_so_loudly_retry_and_list_no_next_slot(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    news = standin.channel_id("news")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[news], digest_schedule="09:00")
    may_start, retried = asyncio.Event(), asyncio.Event()
    attempts = 0
    real_start = DigestService.start

    async def start_failing_once(service: DigestService) -> RecordReport:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            raise StorageError("the database is locked (fixture)")
        retried.set()
        await may_start.wait()  # the retry is held here until the test has looked at /digest list
        return await real_start(service)

    monkeypatch.setattr(DigestService, "start", start_failing_once)
    with caplog.at_level(logging.INFO):
        async with running_bot(
            standin, settings, clock, wait_for_digests=False, digest_start_retry_seconds=0.01
        ) as bot:
            await asyncio.wait_for(retried.wait(), timeout=5)  # it keeps trying
            listed = await ask(standin, "digest list", {}, user="alice")
            assert f"<#{news}>" in listed and "<t:" not in listed  # no promise of a slot that will not come
            assert "not running" in listed
            may_start.set()
            await asyncio.wait_for(bot.digests_ready.wait(), timeout=5)
            assert "<t:" in await ask(standin, "digest list", {}, user="alice")
            await fire_slot_and_send(bot, clock, seconds=31)
    failures = [r for r in caplog.records if "digests are not running" in r.getMessage()]
    assert failures and all(r.levelno >= logging.ERROR for r in failures)
    assert "the database is locked (fixture)" in failures[0].getMessage()
    assert len(standin.messages[news]) == 1
    assert standin.violations == []


async def test_a_stored_zone_this_host_does_not_know_is_shown_per_channel_in_the_list(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    # tzdata changed, or the database came from another host: the zone was valid when it was stored.
    news, general = standin.channel_id("news"), standin.channel_id("general")
    database = await Database.open(tmp_path / "briefbot.sqlite3")
    await subscribe(database, news, guild_id=standin.guild_id, timezone="Mars/Olympus", now=SLOT_DAY)
    await subscribe(database, general, guild_id=standin.guild_id, now=SLOT_DAY)
    await database.close()
    clock = FakeClock(SLOT_DAY)
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        listed = await ask(standin, "digest list", {}, user="alice")
        await fire_slot_and_send(bot, clock, seconds=31)
    lines = {line.split(":")[0]: line for line in listed.splitlines()}
    assert "<t:" in lines[f"<#{general}>"]
    broken = lines[f"<#{news}>"]
    assert "`Mars/Olympus` is not a time zone I know" in broken and "<t:" not in broken
    assert "Subscribe the channel again" in broken  # what to do about it
    assert len(standin.messages[general]) == 1 and not standin.messages[news]
    assert standin.violations == []


async def test_a_server_unavailable_at_start_keeps_its_settings_channels(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    news = standin.channel_id("news")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[news])
    async with running_bot(standin, settings, clock) as bot:
        [before] = await bot.digests.list_subscriptions(guild_id=standin.guild_id)
    standin.set_guild_unavailable(on_identify="delete")  # an outage of that server while the bot restarts
    async with running_bot(standin, settings, clock) as bot:
        assert bot.get_channel(news) is None  # the cache does not know the channel
        kept = await bot.digests.list_subscriptions(guild_id=standin.guild_id)
        available = asyncio.ensure_future(bot.wait_for("guild_available", timeout=5))
        standin.set_guild_available()
        assert (await available).id == standin.guild_id
        listed = await ask(standin, "digest list", {}, user="alice")
    assert [s.channel_id for s in kept] == [news] and kept[0].guild_id == before.guild_id == standin.guild_id
    assert f"<#{news}>" in listed and "(from settings)" in listed


async def test_a_settings_channel_first_seen_while_its_server_is_unavailable_is_listed_when_it_returns(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    news = standin.channel_id("news")
    standin.set_guild_unavailable(on_identify="delete")
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[news])
    async with running_bot(standin, settings, FakeClock(SLOT_DAY)) as bot:
        assert await bot.digests.list_subscriptions(guild_id=standin.guild_id) == []  # no server known yet
        available = asyncio.ensure_future(bot.wait_for("guild_available", timeout=5))
        standin.set_guild_available()
        await available
        listed = await ask(standin, "digest list", {}, user="alice")
        [adopted] = await bot.digests.list_subscriptions(guild_id=standin.guild_id)
    assert adopted.channel_id == news and f"<#{news}>" in listed and "(from settings)" in listed


async def test_a_shard_ready_while_the_bot_stops_starts_no_digests_and_raises_no_alarm(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Ctrl-C a second after `briefbot run` (REPORT-reader16 finding 5): discord.py tells a shard ready only after
    its wait for the servers (guild_ready_timeout), so the READY of a bot stopped at once arrives while it closes.
    It started the digests against a database being closed, and logged CRITICAL "digests are not running"
    with a traceback for a normal stop; a GUILD_CREATE heard then wrote to it too ("error in event
    on_guild_available"). The stop is forced to hold while they arrive."""
    settings = bot_settings(standin, tmp_path)
    assert isinstance(settings.database, Path)
    await migrated_sqlite_file(settings.database)
    stopping, may_stop = asyncio.Event(), asyncio.Event()
    started = 0
    real_stop, real_start = DigestService.stop, DigestService.start

    async def held_stop(service: DigestService) -> None:
        stopping.set()
        await may_stop.wait()
        await real_stop(service)

    async def counted_start(service: DigestService) -> RecordReport:
        nonlocal started
        started += 1
        return await real_start(service)

    guild_created = asyncio.Event()  # the server is in the bot's cache (before the shard is told ready)
    real_parse = discord.state.ConnectionState.parse_guild_create

    def parse_guild_create(state: discord.state.ConnectionState, data: Any) -> None:
        real_parse(state, data)
        guild_created.set()

    monkeypatch.setattr(discord.state.ConnectionState, "parse_guild_create", parse_guild_create)
    monkeypatch.setattr(DigestService, "stop", held_stop)
    monkeypatch.setattr(DigestService, "start", counted_start)
    # A wait for servers far longer than the test: the shard is not ready on its own before the stop.
    bot = Briefbot(
        settings,
        guild_ready_timeout=600,
        identify_now=SkippedIdentifyWaits.now,
        identify_wait=SkippedIdentifyWaits.wait,
    )
    with caplog.at_level(logging.INFO):
        await bot.login(FAKE_TOKEN)
        connection = asyncio.create_task(bot.connect())
        await standin.wait_until_identified(timeout=10)
        await asyncio.wait_for(guild_created.wait(), timeout=10)
        guild = bot.get_guild(standin.guild_id)
        assert guild is not None
        closing = asyncio.create_task(bot.close())
        await asyncio.wait_for(stopping.wait(), timeout=10)
        # what the gateway tells while the bot closes: the shard's READY, the server's GUILD_CREATE
        bot.dispatch("shard_ready", bot.shard_ids[0])
        bot.dispatch("guild_available", guild)
        await bot.on_shard_ready(bot.shard_ids[0])
        await asyncio.sleep(0)  # a start, had it been made, would run now
        may_stop.set()
        await asyncio.wait_for(closing, timeout=30)
        await asyncio.wait_for(connection, timeout=30)
    assert started == 0 and not bot.digests_ready.is_set()
    alarms = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert alarms == [], [r.getMessage() for r in alarms]
