"""The rate budget's hold on every request of the bot's HTTP session, through the stand-in's answers."""

from __future__ import annotations

import aiohttp
import pytest

from bot.app.request_budget import add_rate_budget
from bot.delivery.pacing import Pacer
from tests.standin import DiscordStandIn
from tests.standin.harness import FAKE_TOKEN, pointing_discord_at
from tests.unit.test_pacing import VirtualTime


@pytest.mark.parametrize("scope", ["global", "user", "shared"])
async def test_a_global_429_pauses_every_send_whatever_request_drew_it(scope: str) -> None:
    # Failed first (global): discord.py raises RateLimited, without saying global, for a 429 longer than it
    # may wait (max_ratelimit_timeout) before it reads `global`, so neither it nor the bot paused anything:
    # only the row that drew it waited, and every other send of the fan-out went on into the global limit.
    now = [1000.0]
    pacer = Pacer(45.0, clock=lambda: now[0])
    trace = aiohttp.TraceConfig()
    add_rate_budget(trace, lambda: pacer)
    async with DiscordStandIn() as standin:
        news = standin.channel_id("news")
        standin.inject_429(
            cloudflare=False, scope=scope, retry_after="120", retry_after_seconds=120.0, method="GET"
        )
        with pointing_discord_at(standin):
            async with (
                aiohttp.ClientSession(trace_configs=[trace]) as session,
                session.get(f"{standin.base_url}/channels/{news}/messages") as answer,
            ):
                assert answer.status == 429
    if scope == "global":
        assert pacer.paused_until == 1000.0 + 120.0
    else:  # one route's or one resource's limit holds that route alone
        assert pacer.paused_until == float("-inf")


class Departures:
    """The test's own trace, after the bot's: a connection that takes `connecting` seconds to open (a TCP
    and TLS handshake on a loaded machine) moves the injected clock; each request's departure is the clock
    when its headers went out."""

    def __init__(self, time: VirtualTime, connecting: float) -> None:
        self.times: list[float] = []
        self.trace = aiohttp.TraceConfig()

        async def connection_opening(*_: object) -> None:
            time.now += connecting

        async def headers_sent(*_: object) -> None:
            self.times.append(time.now)

        self.trace.on_connection_create_start.append(connection_opening)
        self.trace.on_request_headers_sent.append(headers_sent)


async def test_a_request_whose_connection_opened_too_late_for_its_permit_takes_a_new_one() -> None:
    # Failed first: the permit was checked when the request started (aiohttp's on_request_start), before
    # aiohttp opened its connection; a connection that took 0.3 s to open sent the request 0.3 s after its
    # permit, into the time of the next permit, which another request then took too: two requests in one
    # permit's time, and a stall of the connections bunched many.
    time = VirtualTime()
    pacer = Pacer(10.0, clock=time.clock, sleep=time.sleep)
    budget = aiohttp.TraceConfig()
    add_rate_budget(budget, lambda: pacer)
    departures = Departures(time, connecting=0.3)
    async with DiscordStandIn() as standin:
        news = standin.channel_id("news")
        with pointing_discord_at(standin):
            async with aiohttp.ClientSession(
                trace_configs=[budget, departures.trace], headers={"Authorization": f"Bot {FAKE_TOKEN}"}
            ) as session:
                assert await pacer.acquire() == 1000.0  # the dispatcher's permit for its send
                async with session.get(f"{standin.base_url}/channels/{news}/messages") as answer:
                    assert answer.status == 200
                # It left at 1000.3 on a permit of its own, 1000.3: the next one is a full interval later.
                assert departures.times == [pytest.approx(1000.3)]
                assert await pacer.acquire() == pytest.approx(1000.4)
                assert pacer.connected_too_late == 1
                # The next request reuses the connection at once: it leaves on the permit it was given.
                async with session.get(f"{standin.base_url}/channels/{news}/messages") as answer:
                    assert answer.status == 200
                assert departures.times[1] == pytest.approx(1000.4)
                assert pacer.connected_too_late == 1
                assert await pacer.acquire() == pytest.approx(1000.5)
