"""Discord's clock in every answer, 429s discord.py cannot retry, and the invalid-request limit."""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any

import aiohttp
import discord
import pytest

from tests.standin import DiscordStandIn
from tests.standin.harness import BareBot, run_bare_bot

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
MESSAGES = "/channels/{channel_id}/messages"


async def request(standin: DiscordStandIn, method: str, path: str, body: Any = None) -> tuple[int, Any, Any]:
    async with (
        aiohttp.ClientSession(headers={"Authorization": "Bot raw.token"}) as http,
        http.request(method, f"{standin.base_url}{path}", json=body) as response,
    ):
        return response.status, await response.text(), response.headers


def text_channel(bot: discord.Client, channel_id: int) -> discord.TextChannel:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel


# ----- Discord's clock --------------------------------------------------------------------------------


async def test_every_answer_has_a_date_from_discords_clock(standin: DiscordStandIn) -> None:
    standin.freeze_clock()
    standin.set_now(T0)
    messages = f"/channels/{standin.channel_id('general')}/messages"
    answers = [
        await request(standin, "GET", "/users/@me"),  # 200
        await request(standin, "GET", "/guilds/1/bans"),  # 404, unknown route
        await request(standin, "POST", messages, {"content": ""}),  # 400
    ]
    assert [status for status, _, _ in answers] == [200, 404, 400]
    assert {headers["Date"] for _, _, headers in answers} == {"Mon, 02 Mar 2026 09:00:00 GMT"}
    standin.advance_clock(61)  # stand-in time moves Discord's clock too
    _, _, headers = await request(standin, "GET", "/users/@me")
    assert email.utils.parsedate_to_datetime(headers["Date"]) == T0 + dt.timedelta(seconds=61)
    assert float(headers["X-RateLimit-Reset"]) == pytest.approx(
        (T0 + dt.timedelta(seconds=61)).timestamp() + float(headers["X-RateLimit-Reset-After"])
    )


async def test_discords_clock_can_disagree_with_the_hosts() -> None:
    def two_hours_behind() -> dt.datetime:  # as if the bot's host clock ran two hours ahead
        return dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)

    async with DiscordStandIn(now=two_hours_behind) as standin, run_bare_bot(standin) as bot:
        _, _, headers = await request(standin, "GET", "/users/@me")
        host_now = dt.datetime.now(dt.UTC)
        lag = host_now - email.utils.parsedate_to_datetime(headers["Date"])
        assert dt.timedelta(hours=2) - dt.timedelta(seconds=2) < lag < dt.timedelta(hours=2, seconds=2)
        sent = await text_channel(bot, standin.channel_id("general")).send("hello")
        # the snowflake (and so discord.py's created_at) follows Discord's clock, not the host's
        assert abs(sent.created_at - standin.now()) < dt.timedelta(seconds=2)
        assert host_now - sent.created_at > dt.timedelta(hours=1, minutes=59)

        standin.shift_now(3 * 3600)  # now an hour ahead of the host
        later = await text_channel(bot, standin.channel_id("general")).send("later")
        assert abs(later.created_at - (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))) < dt.timedelta(
            seconds=2
        )

        standin.shift_now(-3600)  # set back: the Date header follows, ids never go backwards
        _, _, headers = await request(standin, "GET", "/users/@me")
        assert abs(
            email.utils.parsedate_to_datetime(headers["Date"]) - dt.datetime.now(dt.UTC)
        ) < dt.timedelta(seconds=2)
        last = await text_channel(bot, standin.channel_id("general")).send("last")
        assert last.id > later.id
    assert standin.violations == []


async def test_an_injected_clock_drives_snowflakes_and_dates() -> None:
    fake = [T0]
    async with DiscordStandIn(now=lambda: fake[0]) as standin, run_bare_bot(standin) as bot:
        channel = text_channel(bot, standin.channel_id("general"))
        first = await channel.send("one")
        fake[0] = T0 + dt.timedelta(days=3)
        second = await channel.send("two")
        _, _, headers = await request(standin, "GET", "/users/@me")
    assert first.created_at == T0
    assert second.created_at == T0 + dt.timedelta(days=3)
    assert email.utils.parsedate_to_datetime(headers["Date"]) == T0 + dt.timedelta(days=3)


# ----- 429s -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("retry_after", ["date", "", None], ids=["http-date", "empty", "absent"])
async def test_cloudflare_429_reaches_the_caller_with_its_retry_after(
    standin: DiscordStandIn, bare_bot: BareBot, retry_after: str | None
) -> None:
    channel_id = standin.channel_id("digests")
    header = standin.http_date(120) if retry_after == "date" else retry_after
    standin.inject_429(retry_after=header, route=MESSAGES, channel_id=channel_id)
    channel = text_channel(bare_bot, channel_id)
    with pytest.raises(discord.HTTPException) as raised:
        await channel.send("digest")
    response = raised.value.response
    assert raised.value.status == 429
    assert "Via" not in response.headers  # why discord.py does not retry it
    assert response.headers.get("Retry-After") == header
    if retry_after == "date":
        when = email.utils.parsedate_to_datetime(header or "")
        assert abs(when - (standin.now() + dt.timedelta(seconds=120))) < dt.timedelta(seconds=2)
    assert standin.messages[channel_id] == []
    await channel.send("later")  # only one request was refused
    assert standin.counters["injected_429"] == 1


async def test_a_proxys_own_429_has_discords_json_but_no_via_and_stock_discord_py_raises_it(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    channel_id = standin.channel_id("digests")
    standin.inject_429(proxy=True, retry_after="0.25", retry_after_seconds=0.25, channel_id=channel_id)
    with pytest.raises(discord.HTTPException) as raised:
        await text_channel(bare_bot, channel_id).send("digest")
    response = raised.value.response
    assert raised.value.status == 429 and raised.value.text == "You are being rate limited."
    assert "Via" not in response.headers and response.headers["Retry-After"] == "0.25"
    assert response.headers["Content-Type"] == "application/json"
    assert standin.invalid_requests() == 0  # the proxy's answer: Discord never saw the request
    assert standin.messages[channel_id] == []


async def test_discords_own_429_is_slept_out_by_discord_py(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    channel_id = standin.channel_id("digests")
    standin.inject_429(cloudflare=False, retry_after_seconds=0.01, retry_after="1", channel_id=channel_id)
    sent = await text_channel(bare_bot, channel_id).send("digest")
    statuses = [r.status for r in standin.requests if r.route == MESSAGES]
    assert statuses == [429, 200]
    assert [m["id"] for m in standin.messages[channel_id]] == [str(sent.id)]
    assert standin.invalid_requests() == 1  # Discord's 429 counts as an invalid request


# ----- the invalid-request limit ----------------------------------------------------------------------


async def test_invalid_requests_are_counted_and_past_the_limit_the_ip_is_banned() -> None:
    async with DiscordStandIn(invalid_request_limit=5) as standin:
        standin.freeze_clock()
        news = standin.channel_id("news")
        standin.fail_channel(news, status=403, code=50001)
        messages = f"/channels/{news}/messages"
        assert (await request(standin, "GET", "/channels/999/messages"))[0] == 404  # not counted
        standin.inject_429(cloudflare=False, scope="shared", retry_after="1")
        assert (await request(standin, "GET", "/users/@me"))[0] == 429  # shared scope: not counted
        for _ in range(4):
            assert (await request(standin, "POST", messages, {"content": "x"}))[0] == 403
        assert standin.invalid_requests() == 4 and standin.violations == []
        assert (await request(standin, "POST", messages, {"content": "x"}))[0] == 403
        assert standin.invalid_requests() == 5
        assert [v.kind for v in standin.violations] == ["ban"]

        status, text, headers = await request(standin, "GET", "/users/@me")  # a valid request, banned
        assert status == 429 and text == "error code: 1015"
        assert "Via" not in headers and int(headers["Retry-After"]) == 600
        assert standin.counters["banned_requests"] == 1 and standin.invalid_requests() == 5

        standin.advance_clock(599)
        assert (await request(standin, "GET", "/users/@me"))[0] == 429
        standin.advance_clock(2)  # past ten minutes after the counted answers: the window has moved on
        assert (await request(standin, "GET", "/users/@me"))[0] == 200
        assert standin.invalid_requests() == 0
        assert standin.counters["invalid_requests"] == 5
