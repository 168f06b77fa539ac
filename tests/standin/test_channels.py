"""Channel types, forum posts, threads, publishing and role pings, through the real discord.py client.

What issue 12 (digests in forums, threads and announcement channels) depends on, as Discord documents it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

import aiohttp
import discord
import pytest

from tests.standin import DiscordStandIn
from tests.standin.harness import BareBot, run_bare_bot
from tests.standin.rest import CROSSPOSTED, HAS_THREAD
from tests.standin.server import CROSSPOST, FORUM_POST, MESSAGE_THREAD
from tests.standin.world import (
    CREATE_PUBLIC_THREADS,
    MANAGE_MESSAGES,
    MENTION_EVERYONE,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
)

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
FLAGS = ("view_channel", "send_messages", "send_messages_in_threads", "embed_links", "mention_everyone")


async def raw(
    standin: DiscordStandIn,
    method: str,
    path: str,
    body: Any = None,
    *,
    query: dict[str, str] | None = None,
) -> tuple[int, Any, Any]:
    """A request as any HTTP client would make it (no discord.py retries or local buckets)."""
    async with (
        aiohttp.ClientSession(headers={"Authorization": "Bot raw.token"}) as http,
        http.request(method, f"{standin.base_url}{path}", json=body, params=query) as response,
    ):
        text = await response.text()
        data = await response.json(content_type=None) if text and text[0] in "[{" else text
        return response.status, data, response.headers


def forum_channel(bot: discord.Client, channel_id: int) -> discord.ForumChannel:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.ForumChannel)
    return channel


def text_channel(bot: discord.Client, channel_id: int) -> discord.TextChannel:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel


async def changed(bot: discord.Client, event: str, change: Any) -> None:
    """Applies ``change`` and waits until discord.py has processed the gateway event it causes."""
    seen = asyncio.ensure_future(bot.wait_for(event, timeout=5))
    change()
    await seen


def violations(standin: DiscordStandIn, kind: str) -> list[str]:
    return [v.detail for v in standin.violations if v.kind == kind]


# ----- channel types ------------------------------------------------------------------------------


async def test_channel_types_as_discord_models_them(standin: DiscordStandIn) -> None:
    announcements = standin.add_announcement_channel("announcements")
    forum_id = standin.add_forum_channel("briefs", tags=("daily", "weekly"), require_tag=True)
    open_post = standin.post_in_forum(forum_id, "open", "a post", tags=("daily",))
    closed_post = standin.post_in_forum(forum_id, "closed", "a post", tags=("weekly",))
    standin.archive_thread(closed_post.id)
    async with run_bare_bot(standin) as bot:
        # GUILD_CREATE: channels in `channels`, active threads in `threads`.
        guild = bot.get_guild(standin.guild_id)
        assert guild is not None and [t.id for t in guild.threads] == [open_post.id]
        thread = guild.get_thread(open_post.id)
        assert (
            thread is not None
            and thread.parent_id == forum_id
            and [t.name for t in thread.applied_tags] == ["daily"]
        )
        assert text_channel(bot, standin.channel_id("news")).type is discord.ChannelType.text
        news = text_channel(bot, announcements)
        assert news.type is discord.ChannelType.news and news.is_news()
        forum = forum_channel(bot, forum_id)
        assert [t.name for t in forum.available_tags] == ["daily", "weekly"]
        assert forum.flags.require_tag and forum.default_layout is discord.ForumLayoutType.not_set
        assert forum.default_auto_archive_duration == 1440

        # Made while connected: CHANNEL_CREATE; REST answers with the same type and fields.
        created = asyncio.ensure_future(bot.wait_for("guild_channel_create", timeout=5))
        later = standin.add_forum_channel("later")
        assert isinstance(await created, discord.ForumChannel)
        fetched = await bot.fetch_channel(later)
        assert isinstance(fetched, discord.ForumChannel) and list(fetched.available_tags) == []
        assert isinstance(await bot.fetch_channel(announcements), discord.TextChannel)
        listed = await bot.get_guild(standin.guild_id).fetch_channels()  # type: ignore[union-attr]
        assert {c.id for c in listed if isinstance(c, discord.ForumChannel)} == {forum_id, later}
    with pytest.raises(ValueError):
        standin.add_channel("voice", type=2)
    # Every answer on these routes matches the spec's response schemas (else a `standin` violation).
    assert standin.violations == []


# ----- forum posts ---------------------------------------------------------------------------------


async def test_a_forum_post_is_a_thread_with_its_first_message(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    forum = await add_forum(bare_bot, standin, "briefs", tags=("daily",))
    forum_id = forum.id
    created = asyncio.ensure_future(bare_bot.wait_for("thread_create", timeout=5))
    post = await forum.create_thread(
        name="Lead headline · 2 March",
        content="Today's digest",
        embed=discord.Embed(title="Digest", description="slot 2026-03-02 [marker:abc]"),
        applied_tags=[forum.available_tags[0]],
    )
    thread, message = post.thread, post.message
    assert (await created).id == thread.id
    assert (
        thread.id == message.id
        and thread.parent_id == forum_id
        and thread.type is discord.ChannelType.public_thread
    )
    assert message.channel.id == thread.id and message.embeds[0].title == "Digest"
    assert [t.name for t in thread.applied_tags] == ["daily"]
    assert standin.requests[-1].status == 201 and standin.requests[-1].query == {"use_nested_fields": "1"}
    assert standin.thread_count(forum_id) == 1
    assert standin.thread_count(forum_id, marker="[marker:abc]") == 1
    assert standin.thread_count(forum_id, marker="[marker:other]") == 0
    assert standin.messages[thread.id][0]["content"] == "Today's digest"
    assert thread.message_count == 0  # "not including the initial message"
    assert (await thread.fetch_message(message.id)).content == "Today's digest"

    # No nonce for forum posts: the same request twice is two posts.
    again = await forum.create_thread(name="Lead headline · 2 March", content="Today's digest")
    assert again.thread.id != thread.id and standin.thread_count(forum_id, marker="Lead headline") == 2

    # A forum holds posts, not messages.
    status, body, _ = await raw(standin, "POST", f"/channels/{forum_id}/messages", {"content": "x"})
    assert (status, body["code"]) == (400, 50008)
    assert standin.violations == []


async def test_forum_post_rules(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    forum = await add_forum(bare_bot, standin, "briefs", tags=("daily",), require_tag=True)
    forum_id = forum.id
    daily = forum.available_tags[0]

    with pytest.raises(discord.HTTPException) as raised:  # a title over 100 characters
        await forum.create_thread(name="x" * 101, content="digest", applied_tags=[daily])
    assert (raised.value.status, raised.value.code) == (400, 50035)
    assert len(violations(standin, "openapi")) == 1
    standin.violations.clear()

    with pytest.raises(discord.HTTPException) as raised:  # REQUIRE_TAG
        await forum.create_thread(name="digest", content="digest")
    assert (raised.value.status, raised.value.code) == (400, 40067)
    with pytest.raises(discord.HTTPException) as raised:  # content over 2,000 characters
        await forum.create_thread(name="digest", content="x" * 2001, applied_tags=[daily])
    assert raised.value.code == 50035 and violations(standin, "limit")
    standin.violations.clear()
    with pytest.raises(discord.HTTPException) as raised:  # an empty first message
        await forum.create_thread(name="digest", applied_tags=[daily])
    assert raised.value.code == 50006

    # Create Posts is Send Messages in a forum.
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(forum_id, member=standin.me, deny=SEND_MESSAGES),
    )
    with pytest.raises(discord.Forbidden) as forbidden:
        await forum.create_thread(name="digest", content="digest", applied_tags=[daily])
    assert forbidden.value.code == 50013
    assert standin.thread_count(forum_id) == 0

    # A forum post's body sent to another kind of channel: Discord ignores `message` (a violation here).
    text = standin.channel_id("news")
    post = {"name": "digest", "type": 11, "message": {"content": "digest"}}
    status, body, _ = await raw(standin, "POST", f"/channels/{text}/threads", post)
    assert status == 201 and body["type"] == 11 and "message" not in body
    assert standin.messages.get(int(body["id"]), []) == []
    assert len(violations(standin, "protocol")) == 1
    status, body, _ = await raw(standin, "POST", f"/channels/{body['id']}/threads", post)  # a thread
    assert (status, body["code"]) == (400, 50024)


# ----- thread lists and archiving -------------------------------------------------------------------


async def test_active_and_archived_threads_page_as_discord_does(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    standin.freeze_clock()
    standin.set_now(T0)
    forum = await add_forum(bare_bot, standin, "briefs")
    forum_id = forum.id
    guild = forum.guild
    mine = await forum.create_thread(name="digest [slot:1]", content="mine")
    theirs = standin.post_in_forum(forum_id, "a member's post", "chat")
    # 120 archived posts, each archived a second after the previous one.
    archived = []
    for i in range(120):
        post = standin.post_in_forum(forum_id, f"old {i}", "old [slot:old]")
        standin.advance_clock(1)
        standin.archive_thread(post.id)
        archived.append(post.id)

    active = await guild.active_threads()
    assert [t.id for t in active] == sorted([mine.thread.id, theirs.id], reverse=True)
    members = {t.id: [m.id for m in t.members] for t in active}  # the bot's own memberships
    assert members == {mine.thread.id: [standin.me.id], theirs.id: []}

    # discord.py pages with `before` = the last thread's archive_timestamp: 100, then 20, newest first.
    found = [t.id async for t in forum.archived_threads(limit=None)]
    assert found == archived[::-1]
    pages = [r for r in standin.requests if r.route == "/channels/{channel_id}/threads/archived/public"]
    assert [r.query.get("before") is None for r in pages] == [True, False]
    first_page = await raw(
        standin, "GET", f"/channels/{forum_id}/threads/archived/public", query={"limit": "100"}
    )
    assert first_page[1]["has_more"] is True and len(first_page[1]["threads"]) == 100
    last = first_page[1]["threads"][-1]["thread_metadata"]["archive_timestamp"]
    rest = await raw(
        standin,
        "GET",
        f"/channels/{forum_id}/threads/archived/public",
        query={"before": last, "limit": "100"},
    )
    assert rest[1]["has_more"] is False and len(rest[1]["threads"]) == 20

    for limit in ("1", "101", "x"):  # the spec's 2-100
        status, body, _ = await raw(
            standin, "GET", f"/channels/{forum_id}/threads/archived/public", query={"limit": limit}
        )
        assert (status, body["code"]) == (400, 50035)
    status, _, _ = await raw(
        standin, "GET", f"/channels/{forum_id}/threads/archived/public", query={"before": "soon"}
    )
    assert status == 400
    assert len(violations(standin, "query")) == 4
    standin.violations.clear()

    # Auto-archive after `auto_archive_duration` minutes without a message (Discord's clock).
    standin.advance_clock(24 * 3600 + 1)
    assert {t.id for t in await guild.active_threads()} == set()
    archived_now = [t async for t in forum.archived_threads(limit=2)]
    assert {t.id for t in archived_now} == {mine.thread.id, theirs.id}
    assert bare_bot.get_channel(mine.thread.id) is None  # THREAD_UPDATE: discord.py dropped it

    # A message in an archived (unlocked) thread unarchives it.
    unarchived = asyncio.ensure_future(bare_bot.wait_for("raw_thread_update", timeout=5))
    await mine.thread.send("still here")
    await unarchived
    assert [t.id for t in await guild.active_threads()] == [mine.thread.id]

    # A locked archived thread refuses messages; the list needs Read Message History.
    standin.archive_thread(mine.thread.id, locked=True)
    with pytest.raises(discord.HTTPException) as raised:
        await mine.thread.send("locked")
    assert raised.value.code == 50083
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(forum_id, member=standin.me, deny=READ_MESSAGE_HISTORY),
    )
    with pytest.raises(discord.Forbidden) as forbidden:
        _ = [t async for t in forum.archived_threads()]
    assert forbidden.value.code == 50013
    assert standin.violations == []


# ----- threads on messages ----------------------------------------------------------------------------


async def test_a_thread_on_a_message(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    announcements = (await add_announcements(bare_bot, standin)).id
    channel = text_channel(bare_bot, standin.channel_id("digests"))
    digest = await channel.send("Today's digest")
    thread = await digest.create_thread(name="Lead headline · 2 March")
    assert thread.id == digest.id and thread.type is discord.ChannelType.public_thread
    assert thread.parent_id == channel.id
    assert standin.message_index[digest.id]["flags"] & HAS_THREAD
    assert (await channel.fetch_message(digest.id)).thread is not None
    with pytest.raises(discord.HTTPException) as raised:  # a second thread on the same message
        await digest.create_thread(name="again")
    assert (raised.value.status, raised.value.code) == (400, 160004)
    await thread.send("discussion")
    assert standin.messages[thread.id][0]["content"] == "discussion"
    standin.archive_thread(thread.id)
    starter = (await channel.fetch_message(digest.id)).thread
    assert starter is not None and starter.archived
    standin.unarchive_thread(thread.id)

    news = await text_channel(bare_bot, announcements).send("news")
    news_thread = await news.create_thread(name="talk")
    assert news_thread.type is discord.ChannelType.news_thread

    with pytest.raises(discord.HTTPException) as raised:  # the name is 1-100 characters
        await (await channel.send("another")).create_thread(name="x" * 101)
    assert raised.value.code == 50035 and violations(standin, "openapi")
    standin.violations.clear()

    # A thread's permissions are its parent's, discord.py agrees; Send Messages in Threads to post.
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel.id, member=standin.me, deny=SEND_MESSAGES_IN_THREADS),
    )
    me = channel.guild.me
    ours = discord.Permissions(standin.permissions(thread.id))
    assert {f: getattr(thread.permissions_for(me), f) for f in FLAGS} == {f: getattr(ours, f) for f in FLAGS}
    assert not ours.send_messages_in_threads and not ours.embed_links
    with pytest.raises(discord.Forbidden):
        await thread.send("no")
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel.id, member=standin.me, deny=CREATE_PUBLIC_THREADS),
    )
    with pytest.raises(discord.Forbidden) as forbidden:
        await (await channel.send("one more")).create_thread(name="denied")
    assert forbidden.value.code == 50013
    # Only text and announcement channels take threads on messages.
    status, body, _ = await raw(
        standin,
        "POST",
        f"/channels/{thread.id}/messages/{standin.messages[thread.id][0]['id']}/threads",
        {"name": "t"},
    )
    assert (status, body["code"]) == (400, 50024)
    assert standin.violations == []


# ----- publishing ----------------------------------------------------------------------------------------


async def test_publishing_in_an_announcement_channel(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel = await add_announcements(bare_bot, standin)
    announcements = channel.id
    digest = await channel.send("Today's digest")
    updated = asyncio.ensure_future(bare_bot.wait_for("raw_message_edit", timeout=5))
    await digest.publish()
    assert (await updated).data["flags"] & CROSSPOSTED
    assert (await channel.fetch_message(digest.id)).flags.crossposted
    assert [(p.message_id, p.user_id) for p in standin.publishes] == [(digest.id, standin.me.id)]
    with pytest.raises(discord.HTTPException) as raised:  # published once
        await digest.publish()
    assert (raised.value.status, raised.value.code) == (400, 40033)

    # Someone else's message needs Manage Messages.
    theirs = standin.post_message(announcements, "a member's news")
    message = await channel.fetch_message(int(theirs["id"]))
    with pytest.raises(discord.Forbidden) as forbidden:
        await message.publish()
    assert forbidden.value.code == 50013
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(announcements, member=standin.me, allow=MANAGE_MESSAGES),
    )
    await message.publish()

    # One's own needs Send Messages; only announcement channels publish.
    mine = await channel.send("mine")
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(announcements, member=standin.me, deny=SEND_MESSAGES),
    )
    with pytest.raises(discord.Forbidden):
        await mine.publish()
    plain = await text_channel(bare_bot, standin.channel_id("news")).send("not news")
    with pytest.raises(discord.HTTPException) as raised:
        await plain.publish()
    assert (raised.value.status, raised.value.code) == (400, 50024)
    assert standin.publish_as("bob", int(theirs["id"])) == 400  # his own, already published
    alices = standin.post_message(announcements, "alice's news", author="alice")
    assert standin.publish_as("bob", alices) == 403  # bob lacks Manage Messages
    assert len(standin.publishes) == 2 and standin.violations == []


async def test_ten_publishes_per_hour_per_channel_shared_by_everyone(standin: DiscordStandIn) -> None:
    standin.freeze_clock()
    announcements = standin.add_announcement_channel("announcements")
    posted = standin.post_messages(announcements, 12, author=standin.alice)
    standin.set_member_roles("alice", ["admin"])
    standin.set_overwrite(announcements, member="alice", allow=MANAGE_MESSAGES)
    assert [standin.publish_as("alice", m) for m in posted[:10]] == [200] * 10
    assert standin.publish_as("alice", posted[10]) == 429

    async with run_bare_bot(standin) as bot:
        bot.http.max_ratelimit_timeout = 30.0  # raise instead of sleeping out an hour
        channel = text_channel(bot, announcements)
        digest = await channel.send("Today's digest")
        with pytest.raises(discord.RateLimited) as limited:  # the bot's first publish: the channel's 11th
            await digest.publish()
        assert limited.value.retry_after > 3500
        status, body, headers = await raw(
            standin, "POST", f"/channels/{announcements}/messages/{digest.id}/crosspost"
        )
        assert status == 429 and body["global"] is False and body["retry_after"] > 3500
        assert headers["X-RateLimit-Scope"] == "shared" and headers["X-RateLimit-Limit"] == "10"
        assert headers["X-RateLimit-Remaining"] == "0" and headers["Via"]
        assert standin.invalid_requests() == 0  # shared 429s are not counted against the bot

        standin.advance_clock(3600)  # a new hour
        status, body, headers = await raw(
            standin, "POST", f"/channels/{announcements}/messages/{digest.id}/crosspost"
        )
        assert status == 200 and body["flags"] & CROSSPOSTED and headers["X-RateLimit-Remaining"] == "9"
        assert standin.counters["shared_429"] == 2
    assert standin.violations == []


# ----- role mentions -----------------------------------------------------------------------------------


async def test_a_role_pings_only_if_mentionable_or_the_sender_may_mention_everyone(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    channel = text_channel(bare_bot, standin.channel_id("digests"))
    created = asyncio.ensure_future(bare_bot.wait_for("guild_role_create", timeout=5))
    news_role = standin.add_role("news", mentionable=False)
    assert not (await created).mentionable
    standin.set_member_roles("bob", [news_role])
    other = standin.role_id("admin")
    only_news = discord.AllowedMentions(everyone=False, users=False, roles=[discord.Object(news_role)])
    text = f"<@&{news_role}> <@&{other}> today's digest"

    # With Mention Everyone (the default @everyone has it) any role pings, as allowed_mentions limits.
    sent = await channel.send(text, allowed_mentions=only_news)
    assert [r.id for r in sent.role_mentions] == [news_role]
    assert standin.pinged(sent.id).role_ids == [news_role]
    assert standin.pinged(sent.id).notified == {standin.bob.id}

    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel.id, member=standin.me, deny=MENTION_EVERYONE),
    )
    held = await channel.send(text, allowed_mentions=only_news)
    assert held.role_mentions == [] and standin.pinged(held.id).notified == frozenset()
    await changed(bare_bot, "guild_role_update", lambda: standin.update_role(news_role, mentionable=True))
    assert channel.guild.get_role(news_role).mentionable  # type: ignore[union-attr]
    pinged = await channel.send(text, allowed_mentions=only_news)
    assert standin.pinged(pinged.id).role_ids == [news_role] and standin.pinged(pinged.id).notified == {
        standin.bob.id
    }
    inside_embed = await channel.send(embed=discord.Embed(description=text), allowed_mentions=only_news)
    assert standin.pinged(inside_embed.id).role_ids == []  # a mention inside an embed never pings

    # A forum post's first message pings the same way.
    forum = await add_forum(bare_bot, standin, "briefs")
    post = await forum.create_thread(name="digest", content=text, allowed_mentions=only_news)
    assert [r.id for r in post.message.role_mentions] == [news_role]
    assert standin.pinged(post.message.id).notified == {standin.bob.id}

    # "parse" and a list of the same kind are mutually exclusive: a 400.
    both = {"content": text, "allowed_mentions": {"parse": ["roles"], "roles": [str(news_role)]}}
    status, body, _ = await raw(standin, "POST", f"/channels/{channel.id}/messages", both)
    assert (status, body["code"]) == (400, 50035) and len(violations(standin, "limit")) == 1


# ----- faults after the request was applied -------------------------------------------------------------


async def test_a_forum_post_answered_500_after_it_was_made_is_made_twice_by_discord_py_retry(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    forum = await add_forum(bare_bot, standin, "briefs")
    forum_id = forum.id
    standin.fail_after_applying(FORUM_POST, channel_id=forum_id, status=500)
    post = await forum.create_thread(name="digest [slot:7]", content="digest")  # discord.py retried once
    assert standin.thread_count(forum_id, marker="[slot:7]") == 2
    assert [r.status for r in standin.requests if r.route == "/channels/{channel_id}/threads"] == [500, 201]
    assert standin.counters["applied_then_failed"] == 1 and post.thread.id == max(
        t.id for t in standin.threads(forum_id)
    )


@pytest.mark.parametrize("status", [502, 504])
async def test_forum_post_and_thread_answered_5xx_after_they_were_made(
    standin: DiscordStandIn, status: int
) -> None:
    forum_id = standin.add_forum_channel("briefs")
    standin.fail_after_applying(FORUM_POST, status=status)
    post = {"name": "digest [slot:8]", "message": {"content": "digest"}}
    answer, body, headers = await raw(standin, "POST", f"/channels/{forum_id}/threads", post)
    assert answer == status and "Via" not in headers  # Cloudflare's page, not Discord's JSON
    assert standin.thread_count(forum_id, marker="[slot:8]") == 1

    channel = standin.channel_id("digests")
    message = standin.post_message(channel, "digest", author=standin.me)
    standin.fail_after_applying(MESSAGE_THREAD, channel_id=channel, status=status)
    path = f"/channels/{channel}/messages/{message['id']}/threads"
    assert (await raw(standin, "POST", path, {"name": "digest"}))[0] == status
    answer, body, _ = await raw(standin, "POST", path, {"name": "digest"})  # what a retry meets
    assert (answer, body["code"]) == (400, 160004) and standin.thread_count(channel) == 1


async def test_a_forum_post_that_times_out_was_still_made(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    forum = await add_forum(bare_bot, standin, "briefs")
    forum_id = forum.id
    standin.fail_after_applying(FORUM_POST, status="timeout")
    attempt = asyncio.ensure_future(forum.create_thread(name="digest [slot:9]", content="digest"))
    await standin.wait_for(lambda: standin.hanging)
    assert standin.thread_count(forum_id, marker="[slot:9]") == 1  # made, never answered
    assert not attempt.done()
    attempt.cancel()  # the bot gives up on its own deadline
    with pytest.raises(asyncio.CancelledError):
        await attempt
    standin.release_hanging()
    # The post is findable where a bot would look for it.
    active = await forum.guild.active_threads()
    assert [t.name for t in active] == ["digest [slot:9]"]


async def test_a_publish_answered_502_after_it_was_applied(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    channel = await add_announcements(bare_bot, standin)
    announcements = channel.id
    digest = await channel.send("Today's digest")
    standin.fail_after_applying(CROSSPOST, channel_id=announcements, status=502)
    with pytest.raises(discord.HTTPException) as raised:  # discord.py's retry meets "already crossposted"
        await digest.publish()
    assert (raised.value.status, raised.value.code) == (400, 40033)
    assert len(standin.publishes) == 1 and standin.message_index[digest.id]["flags"] & CROSSPOSTED


async def added(bot: discord.Client, make: Callable[[], int]) -> discord.abc.GuildChannel:
    """Makes a channel and waits until discord.py has it (CHANNEL_CREATE)."""
    seen = asyncio.ensure_future(bot.wait_for("guild_channel_create", timeout=5))
    channel_id = make()
    channel: discord.abc.GuildChannel = await seen
    assert channel.id == channel_id
    return channel


async def add_forum(
    bot: discord.Client, standin: DiscordStandIn, name: str, **options: Any
) -> discord.ForumChannel:
    forum = await added(bot, lambda: standin.add_forum_channel(name, **options))
    assert isinstance(forum, discord.ForumChannel)
    return forum


async def add_announcements(bot: discord.Client, standin: DiscordStandIn) -> discord.TextChannel:
    channel = await added(bot, lambda: standin.add_announcement_channel("announcements"))
    assert isinstance(channel, discord.TextChannel) and channel.is_news()
    return channel
