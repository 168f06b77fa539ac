"""The shared rate budget: two processes' pacers (two Database objects on one SQLite file) keep one rate."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from itertools import pairwise
from pathlib import Path

import pytest

from bot.delivery.pacing import LATE_MARGIN, SharedPacer
from bot.storage import Database
from bot.storage.rate_budget import RateBudgetStore
from tests.conftest import BACKENDS
from tests.postgres import PostgresServer

START = 1_780_000_000.0  # epoch seconds


class WallTime:
    """A wall clock whose sleep advances it (and yields, as a real sleep would): no real time passes.

    `frozen`: sleeps only yield. For callers running at once, whose sleeps would otherwise move the time of
    all of them (a sleeper would send the others' permits into the past); the permits granted are then
    exactly those reserved, which is what the spacing checks read."""

    def __init__(self, *, frozen: bool = False) -> None:
        self.now = START
        self.frozen = frozen

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        if not self.frozen:
            self.now += seconds
        await asyncio.sleep(0)


@pytest.fixture(params=BACKENDS)
async def two_processes(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[Database, Database]]:
    """Two processes' databases on one SQLite file, or on one PostgreSQL database."""
    if request.param == "sqlite":
        first = await Database.open(tmp_path / "briefbot.sqlite3")
        second = await Database.open(tmp_path / "briefbot.sqlite3")
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url, empty_it = await server.shared_database()
        first = await Database.open(url)
        async with first.transaction() as connection:
            await connection.execute(empty_it)
        second = await Database.open(url)
    yield first, second
    await first.close()
    await second.close()


async def test_two_processes_together_keep_one_rate_and_every_permit_is_counted(
    two_processes: tuple[Database, Database],
) -> None:
    time = WallTime(frozen=True)
    pacers = [
        SharedPacer(RateBudgetStore(database), 45.0, clock=time.clock, sleep=time.sleep)
        for database in two_processes
    ]

    async def take(pacer: SharedPacer, count: int) -> list[float]:
        return [await pacer.acquire() for _ in range(count)]

    first, second = await asyncio.gather(take(pacers[0], 60), take(pacers[1], 60))
    granted = sorted(first + second)
    assert len(set(granted)) == 120  # never one permit twice, in either process
    assert all(gap >= 1 / 45 - 1e-6 for gap in (b - a for a, b in pairwise(granted)))  # burst 1
    assert granted[-1] - granted[0] == pytest.approx(119 / 45, abs=1e-4)  # and no slower than the rate
    state = await RateBudgetStore(two_processes[1]).state()
    assert state.granted == 120


async def test_a_pause_one_process_sees_pauses_the_other(two_processes: tuple[Database, Database]) -> None:
    time = WallTime()
    first, second = (
        SharedPacer(RateBudgetStore(database), 45.0, clock=time.clock, sleep=time.sleep)
        for database in two_processes
    )
    assert await second.acquire() == START
    first.pause(30.0)  # a global 429 seen by the first process
    await asyncio.gather(*first._pauses)
    assert await second.acquire() == START + 30.0


async def test_a_send_spends_its_own_permit_and_every_other_attempt_takes_one(
    two_processes: tuple[Database, Database],
) -> None:
    time = WallTime()
    store = RateBudgetStore(two_processes[0])
    pacer = SharedPacer(store, 45.0, clock=time.clock, sleep=time.sleep)

    async def send_with_one_retry() -> None:
        await pacer.acquire()  # the dispatcher's permit before its send
        await pacer.acquire_for_request()  # the send's request: spends it
        await pacer.acquire_for_request()  # discord.py's retry after a 429: a permit of its own

    await send_with_one_retry()
    assert (await store.state()).granted == 2
    await pacer.acquire_for_request()  # a request of another task (a command's): a permit of its own
    assert (await store.state()).granted == 3


async def test_without_its_database_a_process_paces_alone_rather_than_stop(tmp_path: Path) -> None:
    time = WallTime()
    database = await Database.open(tmp_path / "briefbot.sqlite3")
    pacer = SharedPacer(RateBudgetStore(database), 10.0, clock=time.clock, sleep=time.sleep)
    await pacer.acquire()
    await database.close()  # as at shutdown, with sends still finishing
    granted = [await pacer.acquire() for _ in range(3)]
    assert [round(b - a, 6) for a, b in pairwise([START, *granted])] == [0.1, 0.1, 0.1]


async def test_a_busy_process_reserves_a_few_permits_at_once_and_never_sends_one_late(
    two_processes: tuple[Database, Database],
) -> None:
    class CountedStore(RateBudgetStore):
        writes = 0

        async def reserve(self, now: float, interval: float, count: int = 1) -> float:
            CountedStore.writes += 1
            return await super().reserve(now, interval, count)

    time = WallTime(frozen=True)
    store = CountedStore(two_processes[0])
    busy = SharedPacer(store, 50.0, clock=time.clock, sleep=time.sleep)
    other = SharedPacer(RateBudgetStore(two_processes[1]), 50.0, clock=time.clock, sleep=time.sleep)
    granted = await asyncio.gather(*(busy.acquire() for _ in range(30)), *(other.acquire() for _ in range(5)))
    assert len(set(granted)) == 35
    assert all(b - a >= 1 / 50 - 1e-6 for a, b in pairwise(sorted(granted)))
    assert (await store.state()).granted == 35 + len(busy._reserved)  # the rest are held, unused as yet
    assert len(busy._reserved) < 50 * 0.2
    assert CountedStore.writes <= 30 / 5  # batches of up to 10 (0.2 s at 50/s) while callers queue
    time.now += 10.0  # the busy process falls idle: what it held has passed, and is dropped, not sent late
    assert await busy.acquire() == pytest.approx(time.now)


async def test_on_postgresql_a_permit_never_waits_for_another_processs_write_transaction(
    postgres_url: str,
) -> None:
    # PostgreSQL only: SQLite has one writer at a time, and a permit waits for it (its transactions are short).
    first, second = await Database.open(postgres_url), await Database.open(postgres_url)
    holding, release = asyncio.Event(), asyncio.Event()

    async def recording_a_slot() -> None:  # another process's long write transaction
        async with second.transaction():
            holding.set()
            await release.wait()

    holder = asyncio.create_task(recording_a_slot())
    await holding.wait()
    try:
        granted = await asyncio.wait_for(RateBudgetStore(first).reserve(START, 1 / 45), timeout=10)
    finally:
        release.set()
        await holder
        await first.close()
        await second.close()
    assert granted == START


async def test_a_slow_database_answer_leaves_the_permit_still_usable_when_it_comes(
    two_processes: tuple[Database, Database],
) -> None:
    time = WallTime()

    class SlowStore(RateBudgetStore):
        """Each reservation's answer comes 0.2 s after it was asked (a loaded database)."""

        async def reserve(self, now: float, interval: float, count: int = 1) -> float:
            granted = await super().reserve(now, interval, count)
            time.now += 0.2
            return granted

    pacer = SharedPacer(SlowStore(two_processes[0]), 45.0, clock=time.clock, sleep=time.sleep)
    for _ in range(5):
        time.now += 10.0  # idle between sends: each permit is the first in line
        at = await asyncio.wait_for(pacer.acquire(), timeout=10)
        assert 0 <= time.now - at <= LATE_MARGIN  # its request leaves on time
    # Reserved for when the answer would come: after the first, none had to be replaced.
    assert pacer.woke_late <= 1


async def test_processes_whose_clocks_disagree_still_space_their_permits_on_one_timeline(
    two_processes: tuple[Database, Database],
) -> None:
    # Failed first: each process reserved with its own wall clock's `now` and slept until the permit by
    # it, so two hosts whose clocks disagree by 2,000 s spaced their permits an interval and 2,000 s apart
    # in true time (the first host's next_at pushed the other's permits far ahead), and two hosts 0.1 s
    # apart would have sent 0.1 s of each other's permits together. Now each process measures how far its clock is from the
    # database's (with every reservation) and reserves and sleeps on the database's timeline.
    ahead, behind = 1000.0, -1000.0
    stores = [
        RateBudgetStore(two_processes[0], clock=lambda: time.time() + ahead),
        RateBudgetStore(two_processes[1], clock=lambda: time.time() + behind),
    ]
    for store, skew in zip(stores, (ahead, behind), strict=True):
        await store.reserve(time.time() + skew, 0.001)  # each learns its clock's distance from the database's
    # An interval far longer than the time between the two calls: the second permit is the first's next.
    first = await stores[0].reserve(time.time() + ahead, 30.0) - ahead  # in true time
    second = await stores[1].reserve(time.time() + behind, 30.0) - behind
    # One interval apart in true time; the tolerance is for the estimate's error (half a round trip).
    assert second - first == pytest.approx(30.0, abs=0.25)
    assert first == pytest.approx(time.time(), abs=1.5)
    # A pause one process shares is the same moment for the other.
    await stores[0].pause_until(time.time() + ahead + 30.0)
    state = await RateBudgetStore(two_processes[1], clock=lambda: time.time() + behind).state()
    assert state.paused_until - behind == pytest.approx(time.time() + 30.0, abs=1.5)


async def test_without_its_database_one_of_several_processes_paces_alone_at_its_share_of_the_rate(
    tmp_path: Path,
) -> None:
    # Failed first (no `processes_live` on 4c07dac: a process pacing alone took the whole rate): with the
    # database gone for all of them, three processes each pacing alone at 10/s sent 30/s together.
    time = WallTime()
    database = await Database.open(tmp_path / "briefbot.sqlite3")
    pacer = SharedPacer(RateBudgetStore(database), 10.0, clock=time.clock, sleep=time.sleep)
    pacer.processes_live(3)  # as the heartbeat last counted them
    await pacer.acquire()
    await database.close()
    granted = [await pacer.acquire() for _ in range(3)]
    assert [round(b - a, 6) for a, b in pairwise([START, *granted])] == [0.1, 0.3, 0.3]
    pacer.processes_live(0)  # never less than its own share of one
    later = [await pacer.acquire() for _ in range(2)]
    assert [round(b - a, 6) for a, b in pairwise([granted[-1], *later])] == [0.3, 0.1]


def test_a_clock_stepped_since_the_best_answer_is_followed_at_once() -> None:
    # Failed first: the distance stayed the one of the shortest round trip among the last 16 answers, so
    # after this host's clock was stepped an hour the process kept reading the database's times by the old
    # distance until 16 more answers had come: its permits an hour off by its own clock meanwhile.
    from bot.storage.rate_budget import ClockDistance

    local = [1000.0]
    distance = ClockDistance(lambda: local[0])
    distance.answered(1000.000, 1000.002, 5000.001)  # the database 4,000 s ahead, a 2 ms round trip
    assert distance.seconds == pytest.approx(4000.0)
    distance.answered(1000.100, 1000.150, 5000.130)  # a slower answer: the best one still decides
    assert distance.seconds == pytest.approx(4000.0)
    distance.answered(4600.200, 4600.240, 5000.420)  # the host's clock stepped an hour ahead
    assert distance.seconds == pytest.approx(400.2)
    distance.answered(4600.300, 4600.302, 5000.301)  # and answers after it agree with the new one
    assert distance.seconds == pytest.approx(400.0)
    same_host = ClockDistance(lambda: local[0])
    same_host.answered(1000.000, 1000.010, 1000.004)  # within the error of its round trip: no distance
    assert same_host.seconds == 0.0
