"""REST requests of the real bot: a REST proxy's own 429s (DISCORD_API_BASE_URL) are waits; every attempt takes
one permit of the shared rate budget, interactions none."""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord
import pytest

from bot.app import client
from tests.e2e.conftest import bot_settings, running_bot
from tests.standin import DiscordStandIn

MESSAGES = "/channels/{channel_id}/messages"
CALLBACK = "/interactions/{interaction_id}/{interaction_token}/callback"
FOLLOWUP = "/webhooks/{webhook_id}/{webhook_token}"


async def test_a_proxys_own_429s_are_waited_out_and_the_request_made_again_unless_it_waits_too_long(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_text_channel("news")
    async with running_bot(standin, bot_settings(standin, tmp_path)) as bot:
        standin.inject_429(2, proxy=True, retry_after="0.05", retry_after_seconds=0.05, channel_id=channel)
        sent = await bot.get_partial_messageable(channel).send("TEST FIXTURE, NOT NEWS")
        statuses = [r.status for r in standin.requests if r.route == MESSAGES and r.method == "POST"]
        assert statuses == [429, 429, 200]
        assert [m["id"] for m in standin.messages[channel]] == [str(sent.id)]
        # A wait past what discord.py may hold a request (max_ratelimit_timeout) raises at once, as
        # discord.py does for Discord's own 429s: the dispatcher then waits it out as the row's next attempt.
        standin.inject_429(proxy=True, retry_after="3600", retry_after_seconds=3600, channel_id=channel)
        with pytest.raises(discord.RateLimited) as raised:
            await bot.get_partial_messageable(channel).send("TEST FIXTURE, NOT NEWS")
        assert raised.value.retry_after == 3600
    assert len(standin.messages[channel]) == 1
    assert standin.violations == []


async def test_a_proxys_own_429s_on_an_interaction_answer_and_its_followup_are_waited_out(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    # A slash command's answer goes through discord.py's webhook adapter (its own request loop), not
    # HTTPClient.request: its callback (the deferral) and its followup each get a proxy's 429 first.
    async with running_bot(standin, bot_settings(standin, tmp_path)) as bot:
        for route in (CALLBACK, FOLLOWUP):
            standin.inject_429(proxy=True, retry_after="0.05", retry_after_seconds=0.05, route=route)
        interaction = await standin.invoke_command("digest list", {})
        await standin.wait_for(lambda: interaction.followups, timeout=10)
        assert bot.is_ready()
    for route in (CALLBACK, FOLLOWUP):
        assert [r.status for r in standin.requests if r.route == route] == [429, 200]
    [followup] = [call.body for call in standin.followups if call.interaction_id == interaction.id]
    assert "digest" in followup["content"].casefold()
    assert standin.violations == []


async def test_without_a_proxy_a_429_without_via_stays_a_ban_signal(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stand-in plays Discord itself here: DISCORD_API_BASE_URL unset, Discord's address is the stand-in's.
    monkeypatch.setattr(client, "DISCORD_API_BASE", standin.base_url)
    monkeypatch.setattr(client, "DISCORD_GATEWAY", standin.gateway_url)
    channel = standin.add_text_channel("news")
    settings = bot_settings(standin, tmp_path, discord_api_base_url=None)
    async with running_bot(standin, settings) as bot:
        standin.inject_429(proxy=True, retry_after="0.05", retry_after_seconds=0.05, channel_id=channel)
        with pytest.raises(discord.HTTPException) as raised:
            await bot.get_partial_messageable(channel).send("TEST FIXTURE, NOT NEWS")
    assert raised.value.status == 429
    assert [r.status for r in standin.requests if r.route == MESSAGES] == [429]  # never retried


def counted(standin: DiscordStandIn) -> int:
    """REST requests the stand-in saw that count against the bot token's global limit."""
    return sum(
        1
        for r in standin.requests
        if r.route is not None and not r.route.startswith(("/interactions/", "/webhooks/"))
    )


async def test_every_rest_attempt_takes_a_permit_of_the_shared_budget_and_interactions_none(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.delivery import pacing
    from bot.storage.rate_budget import RateBudgetStore

    # One permit reserved per permit taken, none replaced for lateness: the permits granted are then
    # exactly the attempts that took one, however loaded the machine (seen at load 13: 4 granted for 2).
    monkeypatch.setattr(pacing, "BATCH_SECONDS", 0.0)
    monkeypatch.setattr(pacing, "LATE_MARGIN", float("inf"))
    channel = standin.add_text_channel("news")
    async with running_bot(standin, bot_settings(standin, tmp_path)) as bot:
        budget = RateBudgetStore(bot.digests.database)
        granted, requests = (await budget.state()).granted, counted(standin)
        # Discord's own 429, which discord.py sleeps out and retries: two attempts, two permits.
        standin.inject_429(cloudflare=False, retry_after="1", retry_after_seconds=0.01, channel_id=channel)
        await bot.get_partial_messageable(channel).send("TEST FIXTURE, NOT NEWS")
        assert (await budget.state()).granted - granted == counted(standin) - requests == 2
        # A slash command's answer (the interaction callback and its followups) is exempt: no permit.
        calls = len(standin.requests)
        interaction = await standin.invoke_command("who", {"name": "lapid"})
        await standin.wait_for_callback(interaction, timeout=10)
        assert any(r.route and r.route.startswith("/interactions/") for r in standin.requests[calls:])
        assert (await budget.state()).granted - granted == counted(standin) - requests
    assert standin.violations == []


async def test_a_digest_send_spends_the_dispatchers_permit_and_is_counted_once(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.delivery import pacing
    from bot.storage.rate_budget import RateBudgetStore
    from tests.e2e.test_digests import SLOT_DAY, fire_slot_and_send
    from tests.helpers import FakeClock

    # One permit reserved per permit taken: with several callers waiting the pacer reserves a few at once and
    # drops one whose time passed unused (never sent late), which a loaded machine makes happen and which
    # would count a permit no request took (seen: 5 granted for 4 sends). The count is then the permits taken.
    monkeypatch.setattr(pacing, "BATCH_SECONDS", 0.0)
    # Nor one replaced for lateness, which a loaded machine makes happen too (seen at load 10: 5 for 4).
    monkeypatch.setattr(pacing, "LATE_MARGIN", float("inf"))
    channels = [standin.add_text_channel(f"digest-{i}") for i in range(4)]
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        budget = RateBudgetStore(bot.digests.database)
        granted, requests = (await budget.state()).granted, counted(standin)
        await fire_slot_and_send(bot, clock, seconds=31)
        assert standin.message_counts() == {c: 1 for c in channels}
        # One permit per request: the dispatcher's permit is the send's own, not a second one.
        assert (await budget.state()).granted - granted == counted(standin) - requests == len(channels)
    assert standin.violations == []


async def test_every_rest_request_from_the_first_one_at_login_takes_a_permit(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Failed first: discord.py's login (GET /users/@me, GET /oauth2/applications/@me) and the shard count's
    # GET /gateway/bot went out before the database, and so the shared rate budget, was open: three requests
    # of every start that Discord counts and no permit did. A process restarted mid fan-out put them on top
    # of a second the other processes' permits already filled (bench/cluster.py: 50 and 52 in one second).
    from bot.delivery import pacing
    from bot.storage.rate_budget import RateBudgetStore

    # One permit reserved per permit taken, and none replaced for lateness on a loaded machine: the count of
    # permits granted is then exactly the count of requests that took one.
    monkeypatch.setattr(pacing, "BATCH_SECONDS", 0.0)
    monkeypatch.setattr(pacing, "LATE_MARGIN", float("inf"))
    async with running_bot(standin, bot_settings(standin, tmp_path)) as bot:
        assert counted(standin) >= 4  # login (2), the gateway's address, the command sync
        assert (await RateBudgetStore(bot.digests.database).state()).granted == counted(standin)
    assert standin.violations == []


async def test_no_database_read_stands_between_a_digest_sends_permit_and_its_request(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Failed first: the Discord layer read the digest's recorded versions and its window (two database reads)
    # and rendered the message after the dispatcher's permit, before the request: on a loaded database those
    # reads outlasted LATE_MARGIN and the permit was replaced (one SQLite process, 8,000 channels at load
    # 4-9: 1,176 permits held too long and 289 woken late for 5,001 sends, 26-31 sends/s for 45).
    from collections.abc import Callable
    from typing import Any

    from tests.e2e.test_digests import SLOT_DAY, fire_slot_and_send
    from tests.helpers import FakeClock

    channels = [standin.add_text_channel(f"digest-{i}") for i in range(3)]
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        pacer, database = bot.digests.pacer, bot.digests.database
        holding: set[asyncio.Task[Any]] = set()  # tasks between their permit and their request
        reads_while_holding: list[str] = []

        def task() -> asyncio.Task[Any]:
            current = asyncio.current_task()
            assert current is not None
            return current

        def watched(read: Callable[..., Any], name: str) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                if task() in holding:
                    reads_while_holding.append(f"{name}{args[:1]}")
                return read(*args, **kwargs)

            return call

        acquire, for_request = pacer.acquire, pacer.acquire_for_request

        async def acquired(*args: Any, **kwargs: Any) -> Any:
            granted = await acquire(*args, **kwargs)
            holding.add(task())
            return granted

        async def spent() -> float:
            holding.discard(task())
            return await for_request()

        monkeypatch.setattr(pacer, "acquire", acquired)
        monkeypatch.setattr(pacer, "acquire_for_request", spent)
        for name in ("peek_row", "read", "transaction", "single_statement"):
            monkeypatch.setattr(database, name, watched(getattr(database, name), name))
        # Nor the message's rendering into discord.py's embeds and its buttons (CPU a loaded machine
        # stretches past the permit's margin: one SQLite process at load 10-12 replaced 505 permits held
        # too long for 5,019 sends with the database reads already ahead of the permit).
        from bot.app import discord_sender

        for name in ("to_embeds", "digest_view"):
            monkeypatch.setattr(discord_sender, name, watched(getattr(discord_sender, name), name))
        await fire_slot_and_send(bot, clock, seconds=31)
        assert standin.message_counts() == {c: 1 for c in channels}
    assert reads_while_holding == []
    assert standin.violations == []
