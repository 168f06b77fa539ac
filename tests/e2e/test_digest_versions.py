"""A digest shows the version of each brief it recorded, and a brief changed since a channel had it comes
again marked *updated* (issue 11, items 2 and 3): the real bot, a real SQLite file, the stand-in.

The library is the fixture library of tests/data/updates (original texts, TEST FIXTURE, NOT NEWS).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.app.client import Briefbot
from bot.delivery.preview import preview_digest, preview_text
from bot.settings import Settings
from bot.storage.database import Database, load_migrations
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_commands import embeds_text
from tests.e2e.test_digests import ask, fire_slot_and_send, posts
from tests.e2e.test_process import briefbot, finished
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn
from tests.updates_fixture import LIBRARY_CHANGES, LIBRARY_ID, ROAD_ID, edit_library_brief, updates_library

SLOT_DAY = datetime(2026, 11, 26, 8, 59, 30, tzinfo=UTC)
ORIGINAL_ONLY = "Head Librarian Ada Quill said the reading room now holds twice as many chairs."
EDITED_ONLY = "Ben Orrin"


@dataclass(frozen=True)
class Updates:
    """A bot's set-up on the updates library: its briefs and seeds folders (copies in the test's folder), the
    clock 30 s before the 09:00 UTC slot, and the settings."""

    briefs: Path
    seeds: Path
    clock: FakeClock
    settings: Settings


def updates_bot(
    standin: DiscordStandIn, tmp_path: Path, *brief_ids: str, channel: int | None = None, **overrides: Any
) -> Updates:
    """The set-up with the library of `brief_ids` (default both) and `overrides` of the settings; with
    `channel`, the settings subscribe it at 09:00 UTC (DIGEST_CHANNEL_IDS)."""
    briefs, seeds = updates_library(tmp_path / "updates", *brief_ids)
    if channel is not None:
        overrides |= {"digest_channel_ids": [channel], "digest_schedule": "09:00"}
    settings = bot_settings(standin, tmp_path, briefs_dir=briefs, seeds_dir=seeds, **overrides)
    return Updates(briefs, seeds, FakeClock(SLOT_DAY), settings)


def kept_versions(tmp_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(tmp_path / "briefbot.sqlite3") as connection:
        return list(connection.execute("SELECT brief_id, version FROM brief_versions ORDER BY recorded_at"))


def news_bot(standin: DiscordStandIn, tmp_path: Path, *brief_ids: str) -> tuple[int, Updates]:
    """A channel "news", subscribed by the settings at 09:00 UTC, and the set-up (`updates_bot`)."""
    channel = standin.add_text_channel("news")
    return channel, updates_bot(standin, tmp_path, *brief_ids, channel=channel)


async def recorded_while_unavailable(
    bot: Briefbot, standin: DiscordStandIn, clock: FakeClock, channel: int
) -> None:
    """The first slot's digest for `channel` is recorded while Discord answers 503 there (until the test
    clears it): it waits to be tried again."""
    standin.fail_channel(channel, status=503, code=0, message="Service Unavailable")
    await fire_slot_and_send(bot, clock, seconds=31)
    [waiting] = await bot.digests.history(channel)
    assert waiting.state == "pending" and waiting.last_error


async def test_a_digest_recorded_before_a_reload_posts_the_version_it_recorded_then_the_update(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel, setup = news_bot(standin, tmp_path, LIBRARY_ID)
    clock = setup.clock
    async with running_bot(standin, setup.settings, clock) as bot:
        await recorded_while_unavailable(bot, standin, clock, channel)
        recorded = bot.library.version(LIBRARY_ID)

        edit_library_brief(setup.briefs)
        reloaded = await bot.reloader.reload("test")
        assert reloaded.changed == [LIBRARY_ID] and bot.library.version(LIBRARY_ID) != recorded

        del standin.channel_failures[channel]
        await fire_slot_and_send(bot, clock, minutes=10)  # the retry posts what was recorded
        [first] = standin.messages[channel]
        text = embeds_text(first)
        assert "\nDigest: Lakeside town reopens its library" in text and ORIGINAL_ONLY in text
        assert "1 person ·" in text and EDITED_ONLY not in text and "Updated" not in text

        # The channel had the first version: the next slot brings the edit, marked, with what changed,
        # as /digest preview shows beforehand.
        preview = await standin.invoke_command("digest preview", {"channel": channel}, user="bob")
        await standin.wait_for(lambda: preview.followups, timeout=5)
        assert f"*Updated* since it was posted here: {LIBRARY_CHANGES}." in embeds_text(preview.followups[0])
        await fire_slot_and_send(bot, clock, days=1)
        [_, second] = standin.messages[channel]
        text = embeds_text(second)
        assert "Updated: Lakeside town reopens its library" in text
        assert f"*Updated* since it was posted here: {LIBRARY_CHANGES}." in text
        assert "2 people ·" in text and ORIGINAL_ONLY not in text

        # Nothing changed since: the day after has nothing new (never a silent repeat).
        await fire_slot_and_send(bot, clock, days=1)
        assert len(standin.messages[channel]) == 2
        assert [d.state for d in await bot.digests.history(channel)] == ["skipped", "sent", "sent"]
        # No row needs the first version any more; the memory let it go too.
        await bot.digests.versions.prune()
        assert kept_versions(tmp_path) == [(LIBRARY_ID, bot.library.version(LIBRARY_ID))]
        assert not bot.digests.versions.retired
    assert standin.violations == []


async def test_a_bot_closed_while_tidying_after_a_reload_stops_the_tidying_before_its_database_closes(
    standin: DiscordStandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = updates_bot(standin, tmp_path, LIBRARY_ID)
    async with running_bot(standin, setup.settings) as bot:
        database, versions = bot.digests.database, bot.digests.versions
        close, prune = database.close, versions.prune
        closing = asyncio.Event()

        async def close_database() -> None:
            closing.set()
            await close()

        async def prune_while_closing() -> None:  # the reload's tidying, still under way when the bot closes
            await closing.wait()
            await prune()

        monkeypatch.setattr(database, "close", close_database)
        monkeypatch.setattr(versions, "prune", prune_while_closing)
        edit_library_brief(setup.briefs)
        await bot.reloader.reload("test")
    # Only tidying (what is not deleted now is deleted after the next reload or start): stopped, not run
    # against a closed database.
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []
    assert standin.violations == []


async def test_a_digest_recorded_before_a_restart_posts_its_version_though_the_file_changed_meanwhile(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel, setup = news_bot(standin, tmp_path, LIBRARY_ID)
    clock = setup.clock
    async with running_bot(standin, setup.settings, clock) as bot:
        await recorded_while_unavailable(bot, standin, clock, channel)

    edit_library_brief(setup.briefs)  # while the bot is stopped
    del standin.channel_failures[channel]
    clock.advance(minutes=10)
    async with running_bot(standin, setup.settings, clock) as bot:
        await bot.digests.dispatcher.run_until_idle()
        [first] = standin.messages[channel]
        text = embeds_text(first)
        assert ORIGINAL_ONLY in text and EDITED_ONLY not in text and "Updated" not in text
        await fire_slot_and_send(bot, clock, days=1)
        [_, second] = standin.messages[channel]
        assert f"*Updated* since it was posted here: {LIBRARY_CHANGES}." in embeds_text(second)
    assert standin.violations == []


async def written_before_versions(standin: DiscordStandIn, tmp_path: Path, channel: int) -> None:
    """A database written before versions were kept (schema 5): `channel` has had the library brief."""
    before = await Database.open(tmp_path / "briefbot.sqlite3", migrations=load_migrations()[:5])
    stamp = "2026-11-25T09:00:00.000000Z"
    async with before.transaction() as connection:
        await connection.execute(
            "INSERT INTO subscriptions (channel_id, guild_id, schedule, timezone, source, created_at,"
            " updated_at, recorded_through) VALUES (?, ?, '09:00', 'UTC', 'settings', ?, ?, ?)",
            (channel, standin.guild_id, stamp, stamp, stamp),
        )
        await connection.execute(
            "INSERT INTO deliveries (id, channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
            " brief_ids, created_at, updated_at, message_id, sent_at)"
            " VALUES (1, ?, ?, 'UTC', '2026-11-25T09:00', ?, 'dolder', 'sent', ?, ?, ?, 1, ?)",
            (channel, standin.guild_id, stamp, f'["{LIBRARY_ID}"]', stamp, stamp, stamp),
        )
        await connection.execute(
            "INSERT INTO delivered_briefs (channel_id, brief_id, delivery_id, delivered_at) VALUES (?, ?, 1, ?)",
            (channel, LIBRARY_ID, stamp),
        )
    await before.close()


async def test_upgrading_reposts_nothing_and_a_later_change_comes_as_an_update(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel, setup = news_bot(standin, tmp_path, LIBRARY_ID)
    clock = setup.clock
    await written_before_versions(standin, tmp_path, channel)
    async with running_bot(standin, setup.settings, clock) as bot:
        await fire_slot_and_send(bot, clock, seconds=31)
        assert posts(standin, channel) == []  # what the channel had counts as current
        [skipped, _] = await bot.digests.history(channel)
        assert (skipped.state, skipped.reason) == ("skipped", "nothing new since the last digest")

        edit_library_brief(setup.briefs)
        await bot.reloader.reload("test")
        await fire_slot_and_send(bot, clock, days=1)
        [update] = posts(standin, channel)
        assert f"*Updated* since it was posted here: {LIBRARY_CHANGES}." in embeds_text(update)
    assert standin.violations == []


async def test_a_brief_missing_at_the_first_start_after_upgrading_comes_back_as_an_update(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    # The channel had the library brief before versions were kept; the first start after the upgrade finds
    # it missing. It comes back, changed, at a later start: the bot never saw what the channel had, so it is
    # posted again as an update (what changed cannot be told), not counted as current.
    channel, setup = news_bot(standin, tmp_path, ROAD_ID)
    clock = setup.clock
    await written_before_versions(standin, tmp_path, channel)
    async with running_bot(standin, setup.settings, clock) as bot:
        await fire_slot_and_send(bot, clock, seconds=31)
        [road] = posts(standin, channel)
        assert "Quarry road" in embeds_text(road) and "Lakeside" not in embeds_text(road)
    edit_library_brief(setup.briefs)  # back, as edited, while the bot is stopped
    async with running_bot(standin, setup.settings, clock) as bot:
        await fire_slot_and_send(bot, clock, days=1)
        [_, update] = posts(standin, channel)
    text = embeds_text(update)
    assert "Updated: Lakeside town reopens its library" in text
    assert "*Updated* since it was posted here: what changed can no longer be told." in text
    assert "Quarry road" not in text and standin.violations == []


async def test_a_channel_following_tags_gets_only_briefs_carrying_one(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    roads, everything = standin.add_text_channel("roads"), standin.add_text_channel("everything")
    setup = updates_bot(standin, tmp_path)  # the library brief and the road brief
    clock = setup.clock
    async with running_bot(standin, setup.settings, clock) as bot:
        subscribed = await ask(
            standin,
            "digest subscribe",
            {"channel": roads, "schedule": "09:00", "tags": "Roads, sport"},
            user="alice",
        )
        assert "only tags `roads`, `sport`" in subscribed and "No brief carries `sport` yet." in subscribed
        await ask(standin, "digest subscribe", {"channel": everything, "schedule": "09:00"}, user="alice")
        listed = await ask(standin, "digest list", {}, user="bob")
        assert f"<#{roads}>: `09:00` UTC · only tags `roads`, `sport`" in listed
        await fire_slot_and_send(bot, clock, seconds=31)
        [only_roads] = standin.messages[roads]
        assert "Digest: Quarry road to close" in embeds_text(only_roads)
        assert "Lakeside" not in embeds_text(only_roads)
        [both] = standin.messages[everything]
        assert "Quarry road" in embeds_text(both) and "Lakeside" in embeds_text(both)

        # Following every brief again: the one it had not had comes at the next slot.
        await ask(standin, "digest subscribe", {"channel": roads, "schedule": "09:00"}, user="alice")
        await fire_slot_and_send(bot, clock, days=1)
        [_, rest] = standin.messages[roads]
        assert "Digest: Lakeside town reopens its library" in embeds_text(rest)
        assert "Quarry road" not in embeds_text(rest)
    assert standin.violations == []


async def test_preview_digest_shows_what_a_channel_would_get_now_reading_the_database_only(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_text_channel("news")
    setup = updates_bot(standin, tmp_path, digest_max_briefs=1)
    clock = setup.clock
    async with running_bot(standin, setup.settings, clock) as bot:
        await ask(standin, "digest subscribe", {"channel": channel, "schedule": "09:00"}, user="alice")
        await fire_slot_and_send(bot, clock, seconds=31)  # the road brief (newest), capped at one
        await fire_slot_and_send(bot, clock, days=1)  # then the library brief
    [road, library] = standin.messages[channel]
    assert "Quarry road" in embeds_text(road) and "Lakeside" in embeds_text(library)
    edit_library_brief(setup.briefs)
    database = tmp_path / "briefbot.sqlite3"
    before = database.read_bytes()
    env = {
        "BRIEFS_DIR": str(setup.briefs),
        "SEEDS_DIR": str(setup.seeds),
        "DATABASE_PATH": str(database),
        "DIGEST_MAX_BRIEFS": "1",
    }
    code, output = await finished(await briefbot(tmp_path, "preview", "digest", f"channel={channel}", **env))
    assert code == 0, output
    assert output.startswith(
        f"Channel {channel} (`09:00` UTC) would get 1 brief now (at most 1), new first, then updated:\n"
        f"  1. {LIBRARY_ID} (updated)\n     what changed: {LIBRARY_CHANGES}\n"
    )
    assert "## Updated: Lakeside town reopens its library" in output and "Quarry road" not in output

    code, fresh = await finished(await briefbot(tmp_path, "preview", "digest", **env))
    assert code == 0 and fresh.startswith("A channel subscribed now would get 1 brief now (at most 1)")
    assert "  1. fixture-quarry-road (new)" in fresh
    assert database.read_bytes() == before  # read, never written

    code, missing = await finished(
        await briefbot(tmp_path, "preview", "digest", "channel:1", **{**env, "DATABASE_PATH": "none.sqlite3"})
    )
    assert code == 1 and "there is no database at" in missing and "Traceback" not in missing
    assert "first `briefbot run` makes it" in missing  # a fresh set-up has none yet (REPORT-reader16 5)


async def test_preview_digest_shows_the_message_the_send_carries_its_text_line_included(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    # The role ping and the receipt (which slot, since when) are the message's content: the preview of the
    # channel's next digest, taken at its slot, is what the stand-in then receives for that subscription.
    channel = standin.add_text_channel("news")
    readers = standin.add_role("readers", mentionable=True)
    setup = updates_bot(standin, tmp_path, digest_max_briefs=1)
    clock = setup.clock
    async with running_bot(standin, setup.settings, clock) as bot:
        options = {"channel": channel, "schedule": "09:00", "ping": readers}
        await ask(standin, "digest subscribe", options, user="alice")
        await fire_slot_and_send(bot, clock, seconds=31)  # the road brief: the window starts there
        clock.advance(days=1, seconds=-1)  # the next slot, to the second
        preview = await preview_digest(
            bot.library,
            database_path=tmp_path / "briefbot.sqlite3",
            channel_id=channel,
            max_briefs=1,
            when_nothing_new="skip",
            now=clock(),
        )
        await fire_slot_and_send(bot, clock, seconds=1)
    [_, body] = posts(standin, channel)
    assert preview.message is not None
    assert preview.message.content == body["content"]
    assert body["content"].startswith(f"<@&{readers}>\nDigest for <t:") and "covering <t:" in body["content"]
    assert [discord.Embed.from_dict(e.to_dict()).to_dict() for e in preview.message.embeds] == body["embeds"]
    printed = preview_text(preview)
    assert f"\n\n{body['content']}\n## Digest: Lakeside town reopens its library" in printed
    assert standin.violations == []
