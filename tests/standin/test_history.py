"""Channel history as Discord documents it, proven through discord.py 2.7's ``history()`` where it pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import aiohttp
import discord
import pytest

from tests.standin import DiscordStandIn
from tests.standin.harness import BareBot

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


async def get_json(standin: DiscordStandIn, path: str, **query: Any) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession(headers={"Authorization": "Bot raw.token"}) as http,
        http.get(f"{standin.base_url}{path}", params={k: str(v) for k, v in query.items()}) as response,
    ):
        return response.status, await response.json(content_type=None)


def ids(messages: list[dict[str, Any]]) -> list[int]:
    return [int(m["id"]) for m in messages]


def text_channel(bot: discord.Client, channel_id: int) -> discord.TextChannel:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel


def history_requests(standin: DiscordStandIn) -> list[dict[str, str]]:
    return [
        r.query
        for r in standin.requests
        if r.method == "GET" and r.route == "/channels/{channel_id}/messages"
    ]


async def test_posted_messages_carry_their_time_in_id_and_timestamp(standin: DiscordStandIn) -> None:
    channel = standin.channel_id("general")
    posted = standin.post_messages(channel, 3, at=T0, every=90)
    for i, message in enumerate(posted):
        sent_at = T0 + dt.timedelta(seconds=90 * i)
        assert discord.utils.snowflake_time(int(message["id"])) == sent_at
        assert dt.datetime.fromisoformat(message["timestamp"]) == sent_at
    assert standin.messages[channel] == posted  # kept in id order
    # Messages "sent" earlier than ones already there still sort by id (time) in the channel.
    earlier = standin.post_message(channel, "late but older", at=T0 - dt.timedelta(minutes=1))
    assert standin.messages[channel][0] is earlier
    assert standin.channels[channel].last_message_id == int(posted[-1]["id"])


async def test_default_page_is_the_newest_fifty_newest_first(standin: DiscordStandIn) -> None:
    channel = standin.channel_id("general")
    posted = ids(standin.post_messages(channel, 120, at=T0))
    status, page = await get_json(standin, f"/channels/{channel}/messages")
    assert status == 200
    assert ids(page) == posted[::-1][:50]
    status, page = await get_json(standin, f"/channels/{channel}/messages", limit=100)
    assert ids(page) == posted[::-1][:100]
    assert standin.violations == []


async def test_before_after_and_around(standin: DiscordStandIn) -> None:
    channel = standin.channel_id("general")
    posted = ids(standin.post_messages(channel, 30, at=T0))
    path = f"/channels/{channel}/messages"
    # before: the newest `limit` older than the anchor, newest first
    assert ids((await get_json(standin, path, before=posted[20], limit=5))[1]) == posted[15:20][::-1]
    # after: the oldest `limit` newer than the anchor, still newest first
    assert ids((await get_json(standin, path, after=posted[3], limit=5))[1]) == posted[4:9][::-1]
    # after a snowflake made from a time, not a message id
    after_t = discord.utils.time_snowflake(T0 + dt.timedelta(seconds=26), high=True)
    assert ids((await get_json(standin, path, after=after_t))[1]) == posted[27:][::-1]
    # around an existing message: limit // 2 each side and the message itself (odd limit: exactly limit)
    assert ids((await get_json(standin, path, around=posted[10], limit=5))[1]) == posted[8:13][::-1]
    # an even limit gives limit + 1 around an existing message (discord.py documents this quirk)
    assert len((await get_json(standin, path, around=posted[10], limit=6))[1]) == 7
    # around a time between messages: limit // 2 each side
    between = discord.utils.time_snowflake(T0 + dt.timedelta(seconds=10.5))
    assert ids((await get_json(standin, path, around=between, limit=4))[1]) == posted[9:13][::-1]
    # before the first / after the last: nothing
    assert (await get_json(standin, path, before=posted[0]))[1] == []
    assert (await get_json(standin, path, after=posted[-1]))[1] == []
    assert standin.violations == []


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"limit": 0}, "NUMBER_TYPE_MIN"),
        ({"limit": 101}, "NUMBER_TYPE_MAX"),
        ({"limit": "ten"}, "NUMBER_TYPE_COERCE"),
        ({"before": "abc"}, "NUMBER_TYPE_COERCE"),
    ],
)
async def test_bad_query_is_refused_like_discord(
    standin: DiscordStandIn, query: dict[str, Any], code: str
) -> None:
    status, body = await get_json(standin, f"/channels/{standin.channel_id('general')}/messages", **query)
    assert (status, body["code"]) == (400, 50035)
    (field,) = query
    assert body["errors"][field]["_errors"][0]["code"] == code
    assert {v.kind for v in standin.violations} == {"query"}


async def test_before_after_around_are_mutually_exclusive(standin: DiscordStandIn) -> None:
    status, body = await get_json(
        standin, f"/channels/{standin.channel_id('general')}/messages", before=2**40, after=2**39
    )
    assert (status, body["code"]) == (400, 50035)
    assert [v.kind for v in standin.violations] == ["query"]
    assert "mutually exclusive" in standin.violations[0].detail


async def test_discord_py_pages_oldest_first_from_a_time(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel_id = standin.channel_id("general")
    posted = ids(standin.post_messages(channel_id, 250, at=T0, every=2))
    channel = text_channel(bare_bot, channel_id)
    since = T0 + dt.timedelta(seconds=20)  # messages 0..10 are at or before it
    found = [m.id async for m in channel.history(after=since, oldest_first=True, limit=None)]
    assert found == posted[11:]
    # discord.py asks after=<snowflake of the time>, then after=<newest id of each page> (Discord's pages
    # are newest first, so that is data[0]), and stops at the first page shorter than 100.
    queries = history_requests(standin)
    assert [q["limit"] for q in queries] == ["100", "100", "100"]
    assert int(queries[0]["after"]) == discord.utils.time_snowflake(since, high=True)
    assert [int(q["after"]) for q in queries[1:]] == [posted[110], posted[210]]
    assert standin.violations == []


async def test_discord_py_newest_first_only_sees_the_newest_limit(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    # The trap of issue 9 item 1: limit=50 newest first never reaches an older message.
    channel_id = standin.channel_id("general")
    ours = standin.post_message(channel_id, "digest", author=standin.me, at=T0)
    standin.post_messages(channel_id, 60, at=T0 + dt.timedelta(seconds=1))
    channel = text_channel(bare_bot, channel_id)
    newest = [
        m.id async for m in channel.history(limit=50, after=T0 - dt.timedelta(seconds=1), oldest_first=False)
    ]
    assert int(ours["id"]) not in newest and len(newest) == 50
    oldest_first = [m async for m in channel.history(after=T0 - dt.timedelta(seconds=1), limit=None)]
    assert oldest_first[0].id == int(ours["id"]) and oldest_first[0].author.id == standin.me.id
    assert len(oldest_first) == 61


async def test_discord_py_pages_backwards_and_around(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel_id = standin.channel_id("general")
    posted = ids(standin.post_messages(channel_id, 130, at=T0))
    channel = text_channel(bare_bot, channel_id)
    assert [m.id async for m in channel.history(limit=None)] == posted[::-1]
    assert [int(q.get("before", 0)) for q in history_requests(standin)] == [0, posted[30]]
    around = [m.id async for m in channel.history(around=discord.Object(posted[64]), limit=11)]
    assert around == posted[59:70][::-1]
    assert standin.violations == []
