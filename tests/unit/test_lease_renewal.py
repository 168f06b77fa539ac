"""A dispatcher's lease renewal against its own outcome writes: a lease its own outcome ended is not one that
another process took over."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from bot.delivery.dispatcher import Dispatcher
from bot.storage import Database, DeliveryLedger
from tests.helpers import FakeClock
from tests.unit.test_dispatcher import T0, FakeDiscord, _record, fast_pacer


async def test_a_lease_ended_by_its_own_outcome_during_a_renewal_is_not_reported_taken_over(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    # The renewal runs beside the sends (it must not wait behind their database work), so it may run
    # after an outcome's commit ended a lease and before the send's task has heard back from that commit:
    # the lease is not among those renewed, yet it was never lost.
    await _record(database, [1])
    ledger = DeliveryLedger(database)
    committed, answer = asyncio.Event(), asyncio.Event()
    mark_sent = ledger.mark_sent

    async def commit_then_wait(*args: Any, **kwargs: Any) -> bool:
        sent = await mark_sent(*args, **kwargs)
        committed.set()  # the row is sent and its lease ended in the database...
        await answer.wait()  # ...but the task writing it has not resumed yet
        return sent

    ledger.mark_sent = commit_then_wait  # type: ignore[method-assign]
    renewals: list[asyncio.Event] = []
    waiting_again = asyncio.Event()

    async def between_renewals(seconds: float) -> None:
        tick = asyncio.Event()
        renewals.append(tick)
        if len(renewals) > 1:
            waiting_again.set()
        await tick.wait()

    dispatcher = Dispatcher(
        ledger, FakeDiscord(), pacer=fast_pacer(), clock=FakeClock(T0), sleep=between_renewals
    )
    with caplog.at_level(logging.WARNING, logger="bot.delivery.dispatcher"):
        sending = asyncio.create_task(dispatcher.run_until_idle())
        await asyncio.wait_for(committed.wait(), timeout=5)
        assert len(renewals) == 1
        renewals[0].set()  # the renewal comes now
        await asyncio.wait_for(waiting_again.wait(), timeout=5)  # it waits for the next: this one is done
        answer.set()
        await asyncio.wait_for(sending, timeout=5)
    assert await ledger.count("sent") == 1
    assert [r.getMessage() for r in caplog.records if "took it over" in r.getMessage()] == []
