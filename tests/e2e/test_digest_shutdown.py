"""Shutting down mid fan-out: the sends in flight finish within the grace, as the service that renders them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.storage import Database, DeliveryLedger
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digests import SLOT_DAY, fire_slot
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn


async def test_sends_waiting_for_a_permit_at_shutdown_still_render_their_digest(
    standin: DiscordStandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # close() let go of the digest service before the sends in flight had finished: each one still waiting
    # for its permit then failed to render ("the digest service opens in setup_hook"), with a traceback,
    # an attempt counted, and (its permit handed to no one) discord.py's retries unpaced.
    channels = [standin.add_text_channel(f"digest-{i}") for i in range(12)]
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(
        standin,
        tmp_path,
        digest_channel_ids=channels,
        digest_schedule="09:00",
        delivery_rate_per_second=8,
        shutdown_grace_seconds=10,
    )
    async with running_bot(standin, settings, clock) as bot:
        service = bot.digests
        granted = asyncio.Event()
        acquire, shutdown = service.pacer.acquire, service.scheduler.shutdown

        async def acquire_and_tell(prepare: Callable[[], Awaitable[Any]] | None = None) -> Any:
            answer = await (acquire() if prepare is None else acquire(prepare))
            granted.set()  # this send is past the permit's stopping check: it is in flight
            return answer

        async def shutdown_once_a_send_got_its_permit() -> None:
            granted.clear()
            await granted.wait()  # the interleaving: a send starts while the service is stopping
            await shutdown()

        service.pacer.acquire = acquire_and_tell  # type: ignore[method-assign]
        service.scheduler.shutdown = shutdown_once_a_send_got_its_permit  # type: ignore[method-assign]
        await fire_slot(bot, clock, seconds=60)
        await standin.wait_for(lambda: len(standin.message_counts()) >= 2, timeout=10)
        with caplog.at_level(logging.INFO, logger="bot.delivery.dispatcher"):
            await bot.close()  # SIGTERM's shutdown
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert not [r for r in caplog.records if "failed" in r.getMessage()]
    posted = standin.message_counts()
    assert set(posted.values()) == {1}
    # What was posted is recorded sent; the rest is pending for the next start, with no attempt counted.
    async with await Database.open(settings.database) as database:
        ledger = DeliveryLedger(database)
        assert await ledger.count("sent") == len(posted)
        rows = await ledger.due(SLOT_DAY + timedelta(hours=1))
    assert len(rows) == len(channels) - len(posted) and all(row.attempts == 0 for row in rows)
