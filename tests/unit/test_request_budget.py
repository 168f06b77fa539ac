"""The rate budget's hold on every request of the bot's HTTP session, through the stand-in's answers."""

from __future__ import annotations

import aiohttp
import pytest

from bot.app.request_budget import add_rate_budget
from bot.delivery.pacing import Pacer
from tests.standin import DiscordStandIn
from tests.standin.harness import pointing_discord_at


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
