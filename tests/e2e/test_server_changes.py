"""Listening to Discord: a server that removes the bot, a deleted channel, a permission taken away stop the
digests that can no longer be delivered at once, with the reason, instead of sending into refusals."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app.client import Briefbot
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.helpers import SEND_MESSAGES, acted_on, digests_to, subscribed
from tests.e2e.test_digests import SLOT_DAY, ask, fire_slot_and_send, posts
from tests.e2e.test_history_search import bot_messages
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn

PUBLIC_THREAD = 11


def posts_to(standin: DiscordStandIn, channel_id: int) -> int:
    return len(posts(standin, channel_id))


async def test_a_deleted_channel_is_unsubscribed_at_once(standin: DiscordStandIn, tmp_path: Path) -> None:
    async with digests_to(standin, tmp_path, "news", "general") as (bot, clock, [news, general]):
        await acted_on(bot, "channel_delete", lambda: standin.delete_channel(news))
        await fire_slot_and_send(bot, clock, seconds=31)
        assert posts_to(standin, news) == 0  # no send into Unknown Channel
        assert posts_to(standin, general) == 1
        assert [s.channel_id for s in await bot.digests.list_subscriptions()] == [general]


@pytest.mark.parametrize("change", ["channel overwrite", "@everyone role", "bot's roles"])
async def test_a_permission_taken_away_pauses_the_channel_with_the_reason(
    standin: DiscordStandIn, tmp_path: Path, change: str
) -> None:
    async with digests_to(standin, tmp_path, "news", "general") as (bot, clock, [news, general]):
        await take_away(standin, bot, news, change)
        [paused] = [s for s in await bot.digests.list_subscriptions() if s.channel_id == news]
        assert (
            paused.paused
            and paused.paused_reason == "I no longer have Send Messages, Embed Links in this channel"
        )
        listed = await ask(standin, "digest list", {}, user="bob")
        assert "**paused** by Briefbot <t:" in listed
        assert ": I no longer have Send Messages, Embed Links in this channel." in listed
        await fire_slot_and_send(bot, clock, seconds=31)
        assert posts_to(standin, news) == 0  # nothing sent into a refusal
        if change != "@everyone role":
            assert posts_to(standin, general) == 1
    assert standin.invalid_requests() == 0


async def test_a_server_that_removes_the_bot_stops_at_once_and_is_forgotten_after_the_retention(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    other = standin.add_guild("Other Server")
    news, theirs = standin.channel_id("news"), standin.channel_id("news", guild_id=other)
    settings = bot_settings(standin, tmp_path, removed_server_retention=timedelta(days=7))
    async with running_bot(standin, settings, clock) as bot:
        await subscribed(bot, standin, news)
        await subscribed(bot, standin, theirs, guild_id=other)
        await acted_on(bot, "guild_remove", lambda: standin.remove_bot(guild_id=other))
        await fire_slot_and_send(bot, clock, seconds=31)
        assert posts_to(standin, theirs) == 0 and posts_to(standin, news) == 1
        [paused] = await bot.digests.list_subscriptions(other)
        assert paused.paused_reason == "the bot was removed from this server"

        clock.advance(days=6, hours=23)
        assert await bot.digests.forget_removed_servers() == []  # kept within the retention
        clock.advance(hours=1)
        assert await bot.digests.forget_removed_servers() == [other]
        assert await bot.digests.subscriptions.list_subscriptions(guild_id=other, include_inactive=True) == []
        assert await bot.digests.history(theirs) == []
        assert [s.channel_id for s in await bot.digests.list_subscriptions()] == [news]
        assert len(await bot.digests.history(news)) == 1  # the server that kept the bot keeps its data
    assert standin.violations == []


async def test_a_server_that_adds_the_bot_back_within_the_retention_keeps_its_data(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    other = standin.add_guild("Other Server")
    theirs = standin.channel_id("news", guild_id=other)
    settings = bot_settings(standin, tmp_path, removed_server_retention=timedelta(days=7))
    async with running_bot(standin, settings, clock) as bot:
        await subscribed(bot, standin, theirs, guild_id=other)
        await acted_on(bot, "guild_remove", lambda: standin.remove_bot(guild_id=other))
        clock.advance(days=3)
        await acted_on(bot, "guild_join", lambda: standin.add_bot(guild_id=other))
        clock.advance(days=30)
        assert await bot.digests.forget_removed_servers() == []
        [kept] = await bot.digests.list_subscriptions(other)
        assert kept.paused_reason == "the bot was removed from this server"  # until subscribed again
    assert standin.violations == []


async def take_away(
    standin: DiscordStandIn, bot: Briefbot, news: int, change: str
) -> Callable[[], Awaitable[None]]:
    """Take Send Messages away from the bot in `news` by `change` (the bot has acted on it); returns how to
    give it back (and wait until the bot has acted on that)."""
    if change == "channel overwrite":
        await acted_on(
            bot, "channel_update", lambda: standin.set_overwrite(news, member=standin.me, deny=SEND_MESSAGES)
        )

        async def give_back() -> None:
            await acted_on(bot, "channel_update", lambda: standin.set_overwrite(news, member=standin.me))

    elif change == "@everyone role":
        # The bot's only grant of Send Messages is @everyone's; taken away in news by a role overwrite
        # first would be a channel change, so here it goes server-wide.
        before = standin.permissions(news)
        await acted_on(
            bot, "role_update", lambda: standin.update_role("@everyone", permissions=before & ~SEND_MESSAGES)
        )

        async def give_back() -> None:
            await acted_on(bot, "role_update", lambda: standin.update_role("@everyone", permissions=before))

    else:
        muted = standin.add_role("muted")
        standin.set_overwrite(news, role=muted, deny=SEND_MESSAGES)
        await acted_on(bot, "member_update", lambda: standin.set_member_roles(standin.me, [muted]))

        async def give_back() -> None:
            await acted_on(bot, "member_update", lambda: standin.set_member_roles(standin.me, []))

    return give_back


@pytest.mark.parametrize("change", ["channel overwrite", "@everyone role", "bot's roles"])
async def test_a_channel_paused_for_a_lost_permission_resumes_when_it_comes_back(
    standin: DiscordStandIn, tmp_path: Path, change: str
) -> None:
    async with digests_to(standin, tmp_path, "news") as (bot, clock, [news]):
        give_back = await take_away(standin, bot, news, change)
        [paused] = await bot.digests.list_subscriptions()
        assert paused.paused and paused.pause_cause == "permissions"
        await give_back()
        [resumed] = await bot.digests.list_subscriptions()
        assert not resumed.paused and resumed.paused_reason is None
        await fire_slot_and_send(bot, clock, seconds=31)
        assert posts_to(standin, news) == 1


async def test_a_pause_by_an_admin_is_not_lifted_by_a_permission_change(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    async with digests_to(standin, tmp_path, "news") as (bot, clock, [news]):
        assert await bot.digests.pause(news, "a quiet week", by=standin.add_user("carol"))
        give_back = await take_away(standin, bot, news, "channel overwrite")
        await give_back()
        [still] = await bot.digests.list_subscriptions()
        assert still.paused and still.pause_cause == "member" and still.paused_reason == "a quiet week"
        await fire_slot_and_send(bot, clock, seconds=31)
        assert posts_to(standin, news) == 0


async def test_a_permission_given_back_while_the_bot_was_down_resumes_the_channel_at_start(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    news = standin.channel_id("news")
    settings = bot_settings(standin, tmp_path)
    async with running_bot(standin, settings, clock) as bot:
        await subscribed(bot, standin, news)
        await take_away(standin, bot, news, "channel overwrite")
    standin.set_overwrite(news, member=standin.me)
    async with running_bot(standin, settings, clock) as bot:
        [resumed] = await bot.digests.list_subscriptions()
        assert not resumed.paused
        await fire_slot_and_send(bot, clock, seconds=31)
        assert posts_to(standin, news) == 1
    assert standin.violations == []


async def subscribed_thread(bot: Briefbot, standin: DiscordStandIn, parent: int, name: str) -> int:
    created = asyncio.ensure_future(bot.wait_for("thread_create", timeout=5))
    thread = standin.new_thread(standin.channels[parent], name, owner=standin.me, type=PUBLIC_THREAD)
    await created
    await subscribed(bot, standin, thread.id)
    return thread.id


async def test_a_deleted_thread_is_unsubscribed_and_its_pending_digest_cancelled(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    news = standin.channel_id("news")
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        thread = await subscribed_thread(bot, standin, news, "daily-digest")
        standin.fail_channel(thread, status=503, code=0, message="Service Unavailable")
        await fire_slot_and_send(bot, clock, seconds=31)  # its digest waits for a retry
        [waiting] = await bot.digests.history(thread)
        assert waiting.state == "pending"
        await acted_on(bot, "thread_delete", lambda: standin.delete_channel(thread))  # THREAD_DELETE
        standin.clear_failure(thread)
        clock.advance(hours=1)
        await bot.digests.dispatcher.run_until_idle()
        [cancelled] = await bot.digests.history(thread)
        assert await bot.digests.list_subscriptions() == []
    assert cancelled.state == "cancelled" and cancelled.reason == "the thread was deleted"
    assert posts_to(standin, thread) == 1  # the one refused before the deletion; none after it
    assert standin.violations == []


async def test_a_thread_archived_and_locked_pauses_and_resumes_once_unlocked(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    news = standin.channel_id("news")
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        thread = await subscribed_thread(bot, standin, news, "daily-digest")
        # Archived only: a post unarchives it.
        await acted_on(bot, "thread_update", lambda: standin.archive_thread(thread))
        [still] = await bot.digests.list_subscriptions()
        assert not still.paused
        # Locked too: the bot may not unlock it (no Manage Threads).
        await acted_on(bot, "thread_update", lambda: standin.archive_thread(thread, locked=True))
        [paused] = await bot.digests.list_subscriptions()
        assert paused.paused and paused.pause_cause == "permissions"
        assert paused.paused_reason is not None and "locked" in paused.paused_reason
        await fire_slot_and_send(bot, clock, seconds=31)
        assert posts_to(standin, thread) == 0  # nothing sent into "Thread is archived"
        await acted_on(bot, "thread_update", lambda: standin.unarchive_thread(thread))
        [resumed] = await bot.digests.list_subscriptions()
        assert not resumed.paused
        await fire_slot_and_send(bot, clock, days=1)
        assert posts_to(standin, thread) == 1
    assert standin.invalid_requests() == 0
    assert standin.violations == []


async def test_a_server_that_removed_the_bot_while_it_was_down_is_paused_at_start(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    other = standin.add_guild("Other Server")
    news, theirs = standin.channel_id("news"), standin.channel_id("news", guild_id=other)
    settings = bot_settings(standin, tmp_path)
    async with running_bot(standin, settings, clock) as bot:
        await subscribed(bot, standin, news)
        await subscribed(bot, standin, theirs, guild_id=other)
    standin.remove_bot(guild_id=other)  # no connection: the GUILD_DELETE reaches nobody
    clock.advance(minutes=30)  # the slot passed while the bot was down: the catch-up must skip theirs
    async with running_bot(standin, settings, clock) as bot:
        await bot.digests.dispatcher.run_until_idle()
        [paused] = await bot.digests.list_subscriptions(other)
        [kept] = await bot.digests.list_subscriptions(standin.guild_id)
        [skipped] = await bot.digests.history(theirs)
    assert paused.paused and paused.pause_cause == "server_removed"
    assert paused.paused_reason == "the bot was removed from this server"
    assert not kept.paused and posts_to(standin, news) == 1
    assert skipped.state == "skipped" and posts_to(standin, theirs) == 0
    assert standin.violations == []


@pytest.mark.parametrize("on_identify", ["delete", "create", "silent"])
async def test_a_server_unavailable_at_start_is_not_taken_for_a_removal(
    standin: DiscordStandIn, tmp_path: Path, on_identify: str
) -> None:
    clock = FakeClock(SLOT_DAY)
    other = standin.add_guild("Other Server")
    theirs = standin.channel_id("news", guild_id=other)
    settings = bot_settings(standin, tmp_path)
    async with running_bot(standin, settings, clock) as bot:
        await subscribed(bot, standin, theirs, guild_id=other)
    standin.set_guild_unavailable(other, on_identify=on_identify)  # an outage, as the bot starts
    async with running_bot(standin, settings, clock) as bot:
        [still] = await bot.digests.list_subscriptions(other)
        assert not still.paused
        standin.set_guild_available(other)
        await fire_slot_and_send(bot, clock, seconds=31)
    assert posts_to(standin, theirs) == 1
    assert standin.violations == []


async def test_a_server_that_removes_the_bot_just_after_a_send_whose_answer_was_lost_gets_no_repeat(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    # Failed first: the removal cancelled the row outright though its send had been stored, so once the
    # server added the bot back and subscribed again, the next slot posted the same briefs a second time.
    clock = FakeClock(SLOT_DAY)
    other = standin.add_guild("Other Server")
    theirs = standin.channel_id("news", guild_id=other)
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        await subscribed(bot, standin, theirs, guild_id=other)
        standin.store_then_fail(theirs, times=1, status=503)
        await fire_slot_and_send(bot, clock, seconds=31)  # stored; the bot saw a 503 (retried in seconds)
        [original] = bot_messages(standin, theirs)
        await acted_on(bot, "guild_remove", lambda: standin.remove_bot(guild_id=other))
        [removed] = await bot.digests.history(theirs)
        assert removed.state == "held"  # its send had begun: looked for before its briefs are let go
        await acted_on(bot, "guild_join", lambda: standin.add_bot(guild_id=other))
        await bot.digests.dispatcher.run_until_idle()
        await subscribed(bot, standin, theirs, guild_id=other)
        clock.advance(days=1)
        await fire_slot_and_send(bot, clock)
        next_day, found = await bot.digests.history(theirs)
    assert bot_messages(standin, theirs) == [original]
    assert found.state == "cancelled" and found.message_id == int(original["id"])
    assert (next_day.state, next_day.reason) == ("skipped", "nothing new since the last digest")
    assert standin.violations == []
