"""Where and how digests are posted (issue 12): a role pinged, forum posts, threads on digests, publishing in
announcement channels; each exactly once, through the real bot against the stand-in."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.app.client import Briefbot
from bot.storage import Delivery
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digests import SLOT_DAY, ask, fire_slot, fire_slot_and_send, posts
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn
from tests.standin.server import CROSSPOST, FORUM_POST, MESSAGE_THREAD

MESSAGE_POST = "POST /channels/{channel_id}/messages"

MENTION_EVERYONE = 1 << 17


async def subscribe(standin: DiscordStandIn, channel: int, **options: Any) -> str:
    return await ask(
        standin,
        "digest subscribe",
        {"channel": channel, "schedule": "09:00", "timezone": "UTC", **options},
        "alice",
    )


async def first_digest(
    standin: DiscordStandIn, tmp_path: Path, channel: int, **options: Any
) -> tuple[str, Delivery]:
    """Run the bot, subscribe `channel` with `options` at 09:00 UTC and send that slot's digest: the
    subscription's answer and the channel's delivery."""
    clock = FakeClock(SLOT_DAY)
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        answer = await subscribe(standin, channel, **options)
        await fire_slot_and_send(bot, clock, seconds=31)
        [delivery] = await bot.digests.history(channel)
    return answer, delivery


async def test_a_digest_pings_exactly_the_role_it_was_subscribed_with(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_text_channel("pinged")
    readers = standin.add_role("readers", mentionable=True)
    others = standin.add_role("others", mentionable=True)
    carol = standin.add_user("carol", roles=[readers])
    dave = standin.add_user("dave", roles=[others])
    answer, _ = await first_digest(standin, tmp_path, channel, ping=readers)
    assert answer.startswith("Subscribed.") and "pings" in answer and str(readers) in answer
    [body] = posts(standin, channel)
    # In the content, first (a mention inside an embed never pings); the digest's receipt follows.
    assert body["content"].split("\n")[0] == f"<@&{readers}>" and "Digest for <t:" in body["content"]
    assert body["allowed_mentions"] == {"parse": [], "roles": [readers]}
    [message] = standin.messages[channel]
    pinged = standin.pinged(message)
    assert pinged.role_ids == [readers] and not pinged.everyone and pinged.users == []
    assert carol in pinged.notified and dave not in pinged.notified
    assert standin.violations == []


async def test_a_role_the_bot_could_not_ping_and_everyone_are_refused_by_name(
    briefbot: Briefbot, standin: DiscordStandIn
) -> None:
    news = standin.channel_id("news")
    quiet = standin.add_role("quiet", mentionable=False)
    await overwrite(briefbot, standin, news, deny=MENTION_EVERYONE)
    assert not news_permissions(briefbot, news).mention_everyone
    refused = await subscribe(standin, news, ping=quiet)
    assert "not mentionable" in refused and "Mention Everyone" in refused and str(quiet) in refused
    refused = await subscribe(standin, news, ping="@everyone")
    assert "never pings everyone in the server" in refused
    assert await briefbot.digests.list_subscriptions(standin.guild_id) == []
    # With Mention Everyone the bot can ping a role that is not mentionable.
    await overwrite(briefbot, standin, news, allow=MENTION_EVERYONE)
    assert (await subscribe(standin, news, ping=quiet)).startswith("Subscribed.")
    [subscription] = await briefbot.digests.list_subscriptions(standin.guild_id)
    assert subscription.ping_role_id == quiet


async def overwrite(bot: Briefbot, standin: DiscordStandIn, channel_id: int, **bits: int) -> None:
    """Set the bot's overwrite in the channel and wait until the bot has seen it."""
    seen = asyncio.ensure_future(
        bot.wait_for("guild_channel_update", check=lambda _, after: after.id == channel_id, timeout=5)
    )
    await asyncio.sleep(0)
    standin.set_overwrite(channel_id, member=standin.me, **bits)
    await seen


def news_permissions(bot: Briefbot, channel_id: int) -> discord.Permissions:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel.permissions_for(channel.guild.me)


LEAD = "Israel sends Defense Min. official to US-led conference on Ukraine aid"
TITLE = f"Digest: {LEAD}"


def forum_posts(standin: DiscordStandIn, forum: int) -> list[dict[str, Any]]:
    return [
        r.json
        for r in standin.requests
        if r.method == "POST" and r.path.endswith(f"/channels/{forum}/threads")
    ]


async def test_a_thread_opens_on_each_digest_named_by_its_lead_headline_and_date(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_text_channel("discussed")
    answer, delivery = await first_digest(standin, tmp_path, channel, thread=True)
    assert "opens a thread" in answer
    [message] = standin.messages[channel]
    [thread] = standin.threads(channel)
    assert thread.id == int(message["id"]) == delivery.thread_id == delivery.message_id
    assert thread.name.startswith("Israel sends Defense Min.") and thread.name.endswith(" · 2026-11-26")
    assert len(thread.name) <= 100 and delivery.state == "sent" and delivery.reason is None
    assert standin.violations == []


async def test_a_forum_gets_one_post_per_digest_the_digest_its_first_message(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    forum = standin.add_forum_channel("news-forum")
    readers = standin.add_role("readers", mentionable=True)
    carol = standin.add_user("carol", roles=[readers])
    clock = FakeClock(SLOT_DAY)
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        answer = await subscribe(standin, forum, ping=readers, timezone="Pacific/Kiritimati")  # UTC+14
        assert "a forum post each" in answer
        assert "already" in await subscribe(standin, forum, thread=True)  # a post is a thread already
        await subscribe(standin, forum, ping=readers, timezone="Pacific/Kiritimati")
        await fire_slot_and_send(bot, clock, hours=10, seconds=31)  # 09:00 on the 27th in Kiritimati
        [delivery] = await bot.digests.history(forum)
    [post] = standin.threads(forum)
    assert post.name == f"{LEAD} · 2026-11-27" and delivery.message_id == delivery.thread_id == post.id
    [first] = standin.messages[post.id]
    assert int(first["id"]) == post.id and first["content"].startswith(f"<@&{readers}>\n")
    assert first["embeds"][0]["title"] == TITLE
    assert carol in standin.pinged(first).notified
    [body] = forum_posts(standin, forum)
    assert body["message"]["allowed_mentions"] == {"parse": [], "roles": [readers]}
    assert standin.violations == []


async def test_publishing_is_only_for_announcement_channels_and_within_the_publish_limit(
    briefbot: Briefbot, standin: DiscordStandIn
) -> None:
    news = standin.channel_id("news")
    announcements = standin.add_announcement_channel("announcements")
    assert "Only an announcement channel" in await subscribe(standin, news, publish=True)
    refused = await subscribe(standin, announcements, publish=True, schedule="*/5 * * * *")
    assert "at most 10 messages an hour" in refused and "12 digests within an hour" in refused
    assert await briefbot.digests.list_subscriptions(standin.guild_id) == []
    answer = await subscribe(standin, announcements, publish=True, schedule="*/6 * * * *")
    assert answer.startswith("Subscribed.") and "published" in answer


async def test_an_announcement_digest_is_published_once_and_the_ledger_says_so(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    announcements = standin.add_announcement_channel("announcements")
    clock = FakeClock(SLOT_DAY)
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        await subscribe(standin, announcements, publish=True, thread=True)
        await fire_slot_and_send(bot, clock, seconds=31)
        [delivery] = await bot.digests.history(announcements)
        history = await ask(standin, "digest history", {"channel": announcements}, "alice")
    [message] = standin.messages[announcements]
    [publish] = standin.publishes
    assert (
        publish.message_id == int(message["id"]) == delivery.message_id and publish.user_id == standin.me.id
    )
    assert delivery.state == "sent" and delivery.published_at is not None and delivery.not_published is None
    assert [t.id for t in standin.threads(announcements)] == [delivery.message_id]
    assert "**sent**" in history and "published" in history
    assert standin.violations == []


async def retry_after_backoff(bot: Briefbot, clock: FakeClock) -> None:
    """Let the row's backoff pass (at most its first delay, 5 s) and send what is due."""
    clock.advance(seconds=6)
    await bot.digests.dispatcher.run_until_idle()


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_a_forum_post_answered_5xx_after_it_was_made_is_not_made_again(
    standin: DiscordStandIn, tmp_path: Path, status: int
) -> None:
    # discord.py repeats a request answered 500/502/504 by itself, and a forum post has no nonce: one
    # ForumChannel.create_thread call would make two posts here.
    forum = standin.add_forum_channel("news-forum")
    clock = FakeClock(SLOT_DAY)
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        await subscribe(standin, forum)
        standin.fail_after_applying(FORUM_POST, channel_id=forum, status=status)
        await fire_slot_and_send(bot, clock, seconds=31)
        [delivery] = await bot.digests.history(forum)
        assert delivery.state == "pending" and str(status) in (delivery.last_error or "")
        assert standin.thread_count(forum) == 1
        await retry_after_backoff(bot, clock)  # it looks for the post before making another
        [delivery] = await bot.digests.history(forum)
    [post] = standin.threads(forum)
    assert delivery.state == "sent" and delivery.message_id == delivery.thread_id == post.id
    assert len(forum_posts(standin, forum)) == 1
    assert standin.counters["applied_then_failed"] == 1 and standin.violations == []


@pytest.mark.parametrize("archived", [False, True])
async def test_a_crash_between_a_forum_post_and_its_ledger_write_leaves_one_post(
    standin: DiscordStandIn, tmp_path: Path, archived: bool
) -> None:
    forum = standin.add_forum_channel("news-forum")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, shutdown_grace_seconds=0)
    standin.fail_after_applying(FORUM_POST, channel_id=forum, status="timeout")
    async with running_bot(standin, settings, clock) as bot:
        await subscribe(standin, forum)
        await fire_slot(bot, clock, seconds=31)
        await standin.wait_for(lambda: standin.hanging, timeout=10)
    # The bot is gone (its send cut off) with the post made and no answer: nothing recorded it.
    [post] = standin.threads(forum)
    if archived:  # a post archived meanwhile is still found
        standin.archive_thread(post.id)
    async with running_bot(standin, settings, clock) as bot:
        await bot.digests.dispatcher.run_until_idle()
        [delivery] = await bot.digests.history(forum)
    # The one request to create it is the one still held; the restarted bot made none.
    assert (
        standin.hanging == [("POST", f"/api/v10/channels/{forum}/threads")]
        and forum_posts(standin, forum) == []
    )
    standin.release_hanging()
    assert standin.thread_count(forum) == 1
    assert delivery.state == "sent" and delivery.message_id == post.id
    looked = [r.path for r in standin.requests if r.method == "GET" and "threads" in r.path]
    assert any("archived" in path for path in looked) and any("active" in path for path in looked)
    assert standin.violations == []


@pytest.mark.parametrize("hang_on", ["message", "thread", "publish"])
async def test_a_crash_after_posting_leaves_one_message_one_thread_and_one_publish(
    standin: DiscordStandIn, tmp_path: Path, hang_on: str
) -> None:
    # Killed while the message, its thread or its publish was on its way (each made on Discord's side, no
    # answer): the next start finishes the rest, and makes none of them twice.
    channel = standin.add_announcement_channel("announcements")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, shutdown_grace_seconds=0)
    route = {"message": MESSAGE_POST, "thread": MESSAGE_THREAD, "publish": CROSSPOST}[hang_on]
    standin.fail_after_applying(route, channel_id=channel, status="timeout")
    async with running_bot(standin, settings, clock) as bot:
        await subscribe(standin, channel, publish=True, thread=True)
        await fire_slot(bot, clock, seconds=31)
        await standin.wait_for(lambda: standin.hanging, timeout=10)
    async with running_bot(standin, settings, clock) as bot:
        await bot.digests.dispatcher.run_until_idle()
        [delivery] = await bot.digests.history(channel)
    standin.release_hanging()
    [message] = standin.messages[channel]
    assert [p.message_id for p in standin.publishes] == [int(message["id"])]
    assert [t.id for t in standin.threads(channel)] == [int(message["id"])]
    assert delivery.state == "sent" and delivery.message_id == int(message["id"])
    assert delivery.published_at is not None and delivery.thread_id == delivery.message_id
    assert standin.counters["duplicates"] == 0 and standin.violations == []


async def test_a_publish_held_by_the_limit_waits_without_holding_other_digests(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_announcement_channel("announcements")
    other = standin.add_text_channel("plain")
    clock = FakeClock(SLOT_DAY)
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        await subscribe(standin, channel, publish=True)
        await subscribe(standin, other)
        for i in range(10):  # members used the channel's hour of publishes
            assert (
                standin.publish_as("owner", standin.post_message(channel, f"news {i}", author="owner")) == 200
            )
        await fire_slot_and_send(bot, clock, seconds=31)
        [waiting] = await bot.digests.history(channel)
        [plain] = await bot.digests.history(other)
        assert plain.state == "sent"  # the other channel's digest did not wait
        assert waiting.state == "pending" and waiting.message_id is not None and waiting.published_at is None
        assert "429" in (waiting.last_error or "")
        assert waiting.next_attempt_at is not None and waiting.next_attempt_at > clock() + timedelta(
            minutes=30
        )
        standin.advance_clock(3600)
        clock.advance(hours=1)
        await bot.digests.dispatcher.run_until_idle()
        [published] = await bot.digests.history(channel)
    assert published.state == "sent" and published.published_at is not None
    assert [p.message_id for p in standin.publishes if p.user_id == standin.me.id] == [published.message_id]
    assert len(standin.messages[channel]) == 11 and standin.violations == []


async def test_a_publish_the_limit_holds_past_the_slots_time_is_recorded_as_not_published(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_announcement_channel("announcements")
    admins = standin.add_text_channel("admins")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_stale_after=timedelta(minutes=30))
    async with running_bot(standin, settings, clock) as bot:
        await bot.digests.alerts.stop()  # the test runs the alarm's check itself
        await ask(standin, "digest alerts", {"channel": admins}, user="alice")
        await subscribe(standin, channel, publish=True)
        for i in range(10):
            standin.publish_as("owner", standin.post_message(channel, f"news {i}", author="owner"))
        await fire_slot_and_send(bot, clock, seconds=31)
        [delivery] = await bot.digests.history(channel)
        history = await ask(standin, "digest history", {"channel": channel}, "alice")
        assert await bot.digests.alerts.run_once() == 1  # reported in the admins' channel
    [alert] = posts(standin, admins)
    assert f"<#{channel}>" in alert["content"] and "not published" in alert["content"]
    assert delivery.state == "sent" and delivery.published_at is None
    assert delivery.not_published is not None and "publish limit" in delivery.not_published
    assert "**not published**" in history
    assert [p for p in standin.publishes if p.user_id == standin.me.id] == []
    assert standin.violations == []
