"""The pacer's spacing and pause, checked on an injected clock: no real time passes."""

from __future__ import annotations

import asyncio
from itertools import pairwise

import pytest

from bot.delivery.pacing import Pacer


class VirtualTime:
    """A monotonic clock whose sleep advances it (and yields once, as a real sleep would)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


async def test_permits_are_evenly_spaced_at_the_rate() -> None:
    time = VirtualTime()
    pacer = Pacer(45.0, clock=time.clock, sleep=time.sleep)
    granted = [await pacer.acquire() for _ in range(200)]
    gaps = [b - a for a, b in pairwise(granted)]
    assert granted[0] == 1000.0  # the first permit is immediate
    assert all(gap == pytest.approx(1 / 45) for gap in gaps)  # burst 1: never two at once
    assert granted[-1] - granted[0] == pytest.approx(199 / 45)


async def test_no_burst_after_idling() -> None:
    time = VirtualTime()
    pacer = Pacer(10.0, clock=time.clock, sleep=time.sleep)
    await pacer.acquire()
    time.now += 60  # a minute idle earns no credit for a burst
    first = await pacer.acquire()
    second = await pacer.acquire()
    assert second - first == pytest.approx(0.1)


async def test_concurrent_callers_queue_one_interval_apart() -> None:
    time = VirtualTime()
    pacer = Pacer(50.0, clock=time.clock, sleep=time.sleep)
    granted = await asyncio.gather(*(pacer.acquire() for _ in range(20)))
    assert sorted(granted) == pytest.approx([1000.0 + i / 50 for i in range(20)])


async def test_pause_holds_every_permit_until_it_ends() -> None:
    time = VirtualTime()
    pacer = Pacer(45.0, clock=time.clock, sleep=time.sleep)
    await pacer.acquire()
    pacer.pause(2.5)
    pacer.pause(1.0)  # a shorter pause never shortens the current one
    granted = await pacer.acquire()
    assert granted == pytest.approx(1002.5)
    assert await pacer.acquire() == pytest.approx(1002.5 + 1 / 45)


async def test_a_pause_arriving_while_waiting_moves_the_waiter() -> None:
    time = VirtualTime()
    pacer = Pacer(1.0, clock=time.clock, sleep=time.sleep)
    await pacer.acquire()  # at 1000; the next permit is due at 1001

    waiter = asyncio.create_task(pacer.acquire())
    await asyncio.sleep(0)  # the waiter reserves 1001 and sleeps; the virtual clock is now 1001
    assert time.now == pytest.approx(1001.0)
    pacer.pause(5.0)  # a 429 arrives before the waiter resumes: nothing until 1006
    assert await waiter == pytest.approx(1006.0)


def test_rate_must_be_positive() -> None:
    with pytest.raises(ValueError):
        Pacer(0)
