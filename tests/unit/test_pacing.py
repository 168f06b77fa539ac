"""The pacer's spacing and pause, checked on an injected clock: no real time passes."""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Awaitable
from itertools import pairwise

import pytest

from bot.delivery.pacing import LATE_MARGIN, Pacer


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
    # Sleeping at once, on one loop's time (VirtualTime would add their sleeps up, waking each too late).
    time = StallingLoop(1000.0, stalls=[])
    pacer = Pacer(50.0, clock=time.clock, sleep=time.sleep)
    granted: list[float] = []

    async def take() -> None:
        granted.append(await pacer.acquire())

    await time.run([take() for _ in range(20)])
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


class StallingLoop:
    """An event loop's time for callers running at once: each sleep ends at its own deadline, in deadline
    order, except that nothing runs during a stall (a garbage-collector pause, a machine too busy to run the
    process): every sleep due in it ends together when it ends, as on a real loop.

    `run` drives the callers: it lets them run until each waits on a sleep, then moves the time to the
    earliest deadline (or to a stall's end) and wakes that sleeper. No real time passes."""

    def __init__(self, start: float, stalls: list[tuple[float, float]]) -> None:
        self.now = start
        self._stalls = stalls
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = 0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._seq += 1
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), self._seq, future))
        await future

    async def _settle(self) -> None:
        for _ in range(20):
            await asyncio.sleep(0)

    async def run(self, callers: list[Awaitable[None]]) -> None:
        tasks = [asyncio.ensure_future(caller) for caller in callers]
        await self._settle()
        while not all(task.done() for task in tasks):
            wake, _, future = heapq.heappop(self._sleepers)
            for start, end in self._stalls:
                if start <= wake < end:
                    wake = end
            self.now = max(self.now, wake)
            future.set_result(None)
            await self._settle()
        await asyncio.gather(*tasks)


def most_in_any_second(times: list[float]) -> int:
    times = sorted(times)
    most, low = 0, 0
    for high, at in enumerate(times):
        while times[low] <= at - 1.0:
            low += 1
        most = max(most, high - low + 1)
    return most


async def test_a_stall_after_the_permits_were_granted_does_not_bunch_the_requests_into_one_second() -> None:
    # 45/s, and the loop stalls 0.5 s while callers sleep towards their permits: on waking, every one of them
    # whose permit fell in the stall would send at once, on top of the next second's 45.
    time = StallingLoop(1000.0, stalls=[(1001.0, 1001.5)])
    pacer = Pacer(45.0, clock=time.clock, sleep=time.sleep)
    sent: list[float] = []

    async def send() -> None:
        await pacer.acquire()
        await pacer.acquire_for_request()  # the send's request spends the permit
        sent.append(time.clock())  # when the request leaves

    await time.run([send() for _ in range(200)])
    assert len(sent) == 200
    # Each request leaves within LATE_MARGIN of a permit of its own, permits 1/45 s apart: so any second
    # holds at most 45 * (1 + LATE_MARGIN) + 1 of them, leaving Discord's 50 room for 20-50 ms of jitter.
    assert most_in_any_second(sent) <= int(45 * (1 + LATE_MARGIN)) + 1


async def test_connections_slow_to_open_for_some_requests_do_not_bunch_them_into_one_second() -> None:
    # 45/s; the first 30 requests each wait 0.5 s for a new connection (TCP and TLS handshakes) while the later
    # ones reuse connections at once: checked only when they started, the 30 would leave on top of the next
    # half second's permits (over 60 in one second). Checked again once the connection is ready (`depart`), each
    # leaves within LATE_MARGIN of a permit of its own.
    time = StallingLoop(1000.0, stalls=[])
    pacer = Pacer(45.0, clock=time.clock, sleep=time.sleep)
    sent: list[float] = []

    async def send(index: int) -> None:
        await pacer.acquire()
        at = await pacer.acquire_for_request()
        if index < 30:
            await time.sleep(0.5)  # aiohttp opening the connection
        permit = await pacer.depart(at)
        assert time.clock() - permit <= LATE_MARGIN
        sent.append(time.clock())

    await time.run([send(index) for index in range(200)])
    assert len(sent) == 200
    assert pacer.connected_too_late == 30
    assert most_in_any_second(sent) <= int(45 * (1 + LATE_MARGIN)) + 1


async def test_a_permit_held_too_long_before_its_request_is_replaced_by_a_new_one() -> None:
    time = VirtualTime()
    pacer = Pacer(10.0, clock=time.clock, sleep=time.sleep)
    await pacer.acquire()  # the dispatcher's permit for a send, at 1000
    time.now += 0.5  # then a slow read of the row's state (or discord.py waiting on a bucket)
    await pacer.acquire_for_request()  # the request leaves at 1000.5
    # Sent on the permit of 1000, it would be counted in a second that other permits fill: it took the
    # permit of 1000.5 instead, so the next one is a full interval later.
    assert await pacer.acquire() == pytest.approx(1000.6)


async def test_a_permit_spent_on_time_is_not_replaced() -> None:
    time = VirtualTime()
    pacer = Pacer(10.0, clock=time.clock, sleep=time.sleep)
    await pacer.acquire()
    time.now += LATE_MARGIN / 2
    await pacer.acquire_for_request()
    assert time.sleeps == []  # spent at once: no second permit taken


async def test_a_slow_preparation_runs_before_the_permit_and_costs_no_permit() -> None:
    # The dispatcher reads its row's state before each request; read after the permit, a read slower than
    # LATE_MARGIN (PostgreSQL under load) made the permit too old: replaced, and lost to the rate. Run as the
    # permit's preparation, it ends before the permit's time once the pacer has seen how long it takes.
    read_for = 0.12  # each read takes 120 ms, more than LATE_MARGIN and more than the first lead

    async def batch(pacer: Pacer, time: StallingLoop, *, prepared: bool) -> list[float]:
        sent: list[float] = []

        async def read_state() -> None:
            await time.sleep(read_for)

        async def send() -> None:
            if prepared:
                await pacer.acquire(read_state)
            else:  # the order before: the read between the permit and the request
                await pacer.acquire()
                await read_state()
            await pacer.acquire_for_request()
            sent.append(time.clock())

        await time.run([send() for _ in range(30)])
        return sent

    time = StallingLoop(1000.0, stalls=[])
    after_the_permit = Pacer(10.0, clock=time.clock, sleep=time.sleep)
    await batch(after_the_permit, time, prepared=False)
    await batch(after_the_permit, time, prepared=False)
    assert after_the_permit.held_too_long == 60  # every permit lost

    time = StallingLoop(1000.0, stalls=[])
    pacer = Pacer(10.0, clock=time.clock, sleep=time.sleep)
    await batch(pacer, time, prepared=True)  # the first concurrent callers learn the read's duration
    learning = pacer.held_too_long + pacer.woke_late + pacer.prepared_too_late
    sent = await batch(pacer, time, prepared=True)
    assert (
        pacer.held_too_long + pacer.woke_late + pacer.prepared_too_late == learning
    )  # none lost once learnt
    assert sent[-1] - sent[0] == pytest.approx(29 / 10, abs=LATE_MARGIN)  # every permit used
    assert most_in_any_second(sent) <= int(10 * (1 + LATE_MARGIN)) + 1


async def test_the_preparation_runs_again_when_its_permit_is_lost_to_a_pause() -> None:
    time = VirtualTime()
    pacer = Pacer(1.0, clock=time.clock, sleep=time.sleep)
    await pacer.acquire()  # at 1000; the next permit is due at 1001
    reads: list[float] = []

    async def read_state() -> float:
        reads.append(time.clock())
        if len(reads) == 1:
            pacer.pause(5.0)  # a global 429 arrives while the row is read
        return reads[-1]

    answer = await pacer.acquire(read_state)
    granted = time.clock()  # acquire returns at its permit's time
    assert granted >= reads[0] + 5.0
    assert len(reads) == 2 and reads[-1] <= granted  # read again after the pause, before its permit
    assert answer == reads[-1]  # the answer returned is the read made for the permit granted, not the first


async def test_without_a_preparation_the_permit_s_time_is_returned() -> None:
    time = VirtualTime()
    pacer = Pacer(2.0, clock=time.clock, sleep=time.sleep)
    assert [await pacer.acquire() for _ in range(3)] == [1000.0, 1000.5, 1001.0]


async def test_a_preparation_that_outlasted_its_permit_is_not_run_again_for_the_next_one_right_after() -> (
    None
):
    # Failed first: a read that came back too late for its permit was made again for the next permit, due
    # at once: on a loaded database every lost permit cost a second read, which loaded it more (a fan-out at
    # load 14-16 lost 483 permits of 1,500 sends this way in one process). The read just made is as fresh for
    # the next permit as a new one would be: not older than the preparation's lead at that permit.
    time = VirtualTime()
    pacer = Pacer(10.0, clock=time.clock, sleep=time.sleep)
    reads: list[float] = []

    async def read_state() -> float:
        reads.append(time.clock())
        if len(reads) == 1:
            time.now += 0.2  # a slow read: past its permit's margin
        return reads[-1]

    answer = await pacer.acquire(read_state)
    assert pacer.prepared_too_late == 1  # the permit of 1000.0 is lost
    assert time.clock() == pytest.approx(1000.2)  # the next permit, at once
    assert reads == [1000.0] and answer == 1000.0  # and the read made for the lost one serves it
    # A permit further away than the read's freshness (the lead it learnt) gets a read of its own.
    time.now += 5.0
    await pacer.acquire(read_state)
    assert len(reads) == 2
