"""Admins racing the digests, forced deterministically: /digest unsubscribe landing while a slot is being
recorded, and while its digest waits for its pacing permit. The real bot against the stand-in."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.delivery.pacing import Pacer
from bot.storage import Subscription, SubscriptionRepository
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digests import ask
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn

SLOT_DAY = datetime(2026, 11, 26, 8, 59, 30, tzinfo=UTC)


async def test_an_unsubscribe_landing_while_the_slot_is_recorded_gets_no_digest(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, general = standin.channel_id("news"), standin.channel_id("general")
    clock = FakeClock(SLOT_DAY)
    answers: list[str] = []
    read_subscriptions = SubscriptionRepository.deliverable_in

    async def admin_unsubscribes_after_the_read(
        repository: SubscriptionRepository, schedule: str, timezone: str, *, paused_too: bool = False
    ) -> list[Subscription]:
        members = await read_subscriptions(repository, schedule, timezone, paused_too=paused_too)
        if not answers:  # the scheduler has read who is subscribed; the slot is not recorded yet
            answers.append(await ask(standin, "digest unsubscribe", {"channel": news}, user="alice"))
        return members

    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        for channel in (news, general):
            assert (await ask(standin, "digest subscribe", {"channel": channel}, user="alice")).startswith(
                "Subscribed."
            )
        monkeypatch.setattr(SubscriptionRepository, "deliverable_in", admin_unsubscribes_after_the_read)
        clock.advance(seconds=31)
        await bot.digests.scheduler.tick()
        await bot.digests.dispatcher.run_until_idle()
        news_history = await bot.digests.history(news)
    assert answers and "no more digests" in answers[0]
    assert news_history == [] and not standin.messages[news]
    assert len(standin.messages[general]) == 1
    assert standin.violations == []


async def test_an_unsubscribe_while_the_digest_waits_for_its_permit_gets_no_digest(
    standin: DiscordStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news = standin.channel_id("news")
    clock = FakeClock(SLOT_DAY)
    waiting, go = asyncio.Event(), asyncio.Event()
    real_acquire = Pacer.acquire

    async def permit_when_the_test_says(
        pacer: Pacer, prepare: Callable[[], Awaitable[Any]] | None = None
    ) -> Any:
        waiting.set()
        await go.wait()
        return await (real_acquire(pacer) if prepare is None else real_acquire(pacer, prepare))

    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        assert (await ask(standin, "digest subscribe", {"channel": news}, user="alice")).startswith(
            "Subscribed."
        )
        monkeypatch.setattr(Pacer, "acquire", permit_when_the_test_says)
        clock.advance(seconds=31)
        await bot.digests.scheduler.tick()  # records the slot and wakes the dispatcher
        await asyncio.wait_for(waiting.wait(), timeout=5)  # its send was checked and waits for a permit
        answer = await ask(standin, "digest unsubscribe", {"channel": news}, user="alice")
        go.set()
        await bot.digests.dispatcher.run_until_idle()
        [row] = await bot.digests.history(news)
    assert "no more digests" in answer
    assert row.state == "cancelled" and row.message_id is None
    assert not standin.messages[news]
    assert standin.violations == []
