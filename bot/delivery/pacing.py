"""Smooth pacing of requests under Discord's global limit: evenly spaced, never in bursts, and across every
process on one database when the permits come from the shared rate budget.

One rule for every REST request of the bot token: a permit at least 1/rate after the previous one. The
dispatcher and the alerts take a permit before each send (after their database work, so that nothing stands
between the permit and the request), and the HTTP layer asks for one before every other attempt: discord.py's
own retries, a thread or a publish after a message, a command's requests (`acquire_for_request`, from the
client's aiohttp trace). The permit a sender took is handed to its own next request, in its own task (a
context variable), so a send is counted once, not twice. The permit's age is checked again once aiohttp has
the request's connection (`depart`), the last step before its bytes leave: a connection opened too slowly
for the permit costs the request a new one, so no request leaves more than LATE_MARGIN after its permit.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar, cast, overload

logger = logging.getLogger(__name__)

T = TypeVar("T")

# A clock set back (or a pause read from a host whose clock runs far ahead) could leave the shared budget's
# next permit hours away; no honest queue of permits or pause is longer than this.
MOST_AHEAD_SECONDS = 3600.0 + 60.0
SHARED_BUDGET_TIMEOUT = 5.0  # seconds a permit may wait for the database before this process paces alone
# At most this much of the rate's permits (in seconds' worth) one process reserves at a time while it has
# several callers waiting: fewer database writes under load, and no more than this held ahead by one process.
BATCH_SECONDS = 0.2
MOST_ANSWER_DELAY = 0.5  # seconds: reservations are made at most this far ahead for the database's delay
# A permit is good for a request leaving at most this long after its time. A request sent later (its task
# woke late from a stalled loop, a database read or discord.py's bucket wait stood between the permit and
# the request, or its connection took that long to open) would be counted in a second that other permits
# already fill: it takes a new permit instead.
# So every request leaves within LATE_MARGIN of a permit of its own, permits 1/rate apart, and any second
# at Discord holds at most rate * (1 + LATE_MARGIN + jitter) + 1 requests, jitter being the spread of the
# network's delay: at 45/s, 50 ms here leaves Discord's 50 room for about 40 ms of it.
LATE_MARGIN = 0.05
LATE_LOG_EVERY = 100  # permits replaced for lateness between two log lines
# A caller's last work before its request (the dispatcher's read of the row's state) runs while its permit is
# still ahead, started this long before the permit's time: about as long as that work took lately (a decaying
# maximum of its durations, times PREPARE_LEAD_FACTOR), within these bounds. Done after the permit, a read
# slower than LATE_MARGIN (PostgreSQL under load) cost the permit it was granted, and the rate with it.
PREPARE_LEAD_MIN = 0.01
PREPARE_LEAD_MAX = 1.0
PREPARE_LEAD_FACTOR = 1.5
PREPARE_LEAD_DECAY = 0.9


@dataclass
class _Permit:
    at: float
    used: bool = False


# The permit the current task took with `acquire()` and has not yet spent on a request.
_unspent: contextvars.ContextVar[_Permit | None] = contextvars.ContextVar("unspent_permit", default=None)


class Pacer:
    """Grants at most `rate` permits per second, spaced at least 1/rate apart (burst 1), with a global pause.

    discord.py does not pace under the global limit of 50 requests/s, and bursts draw 429s; permits spaced
    evenly at 45/s drew none. `clock` (monotonic seconds) and `sleep` are injectable so tests can check the
    spacing without real time passing.
    """

    def __init__(
        self,
        rate_per_second: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        self.rate_per_second = rate_per_second
        self.interval = 1.0 / rate_per_second
        self._clock = clock
        self._sleep = sleep
        self._next_at = float("-inf")  # earliest time the next permit may be granted
        self._paused_until = float("-inf")
        # Permits not used because their request would have left too late: the task woke late (a stalled
        # loop), or work between `acquire()` and the request took too long.
        self.woke_late = 0
        self.held_too_long = 0
        self.prepared_too_late = 0  # the preparation outlasted its lead: it ended past the permit's margin
        self.connected_too_late = 0  # the request's connection was ready too late for its permit
        # The latest a request left after its permit since `departures_text` last said it (seconds).
        self._latest_departure = 0.0
        self._departures = 0
        self._prepare_lead = PREPARE_LEAD_MIN

    @overload
    async def acquire(self) -> float: ...

    @overload
    async def acquire(self, prepare: Callable[[], Awaitable[T]]) -> T: ...

    async def acquire(self, prepare: Callable[[], Awaitable[T]] | None = None) -> float | T:
        """Wait for a permit; the caller's next request (in this task) spends it instead of asking for
        another. Without `prepare`, return the (clock) time the permit was granted for.

        Permits are granted in call order, each at least `interval` after the previous one and not before a
        pause ends; a pause that starts while a caller waits moves that caller past it.

        `prepare`, the caller's last work before its request, runs during the wait, shortly before the
        permit's time (about as long before it as that work took lately), so that it does not stand between
        the permit and the request; when the permit is lost (a pause, a late wake) it runs again before the
        next one, so what it reads is never older than the wait's end by more than the lead. With `prepare`,
        return what its last run returned: the answer for the permit granted.
        """
        granted, prepared = await self._wait_for_permit(prepare)
        _unspent.set(_Permit(granted))
        return granted if prepare is None else cast(T, prepared)

    async def acquire_for_request(self) -> float:
        """Before an HTTP attempt: spend the permit this task took with `acquire()`, or wait for one (also
        when that permit is more than LATE_MARGIN old: the work between them took too long). Returns the
        permit's time, for `depart`."""
        permit = _unspent.get()
        if permit is not None and not permit.used:
            permit.used = True
            if self._clock() - permit.at <= LATE_MARGIN:
                return permit.at
            self.held_too_long += 1
            self._log_late()
        at, _ = await self._wait_for_permit(None)
        return at

    async def depart(self, permit_at: float) -> float:
        """The request's connection is ready and its bytes leave next (nothing awaits between this and the
        write): the permit it leaves on, `permit_at` while it is at most LATE_MARGIN old, otherwise a new
        one waited for (opening the connection took too long: a TCP or TLS handshake, a loop stalled
        meanwhile). Returns that permit's time."""
        late = self._clock() - permit_at
        if late > LATE_MARGIN:
            self.connected_too_late += 1
            self._log_late()
            permit_at, _ = await self._wait_for_permit(None)
            late = self._clock() - permit_at
        self._departures += 1
        self._latest_departure = max(self._latest_departure, late)
        return permit_at

    def departures_text(self) -> str:
        """How the requests left since this was last asked, for the fan-out's progress line."""
        text = (
            f"{self._departures} requests left at most {self._latest_departure * 1000:.0f} ms after their"
            f" permits; permits replaced so far: {self.woke_late} woken late, {self.prepared_too_late} prepared"
            f" too late, {self.held_too_long} held too long, {self.connected_too_late} connected too late"
        )
        self._departures, self._latest_departure = 0, 0.0
        return text

    async def _wait_for_permit(self, prepare: Callable[[], Awaitable[T]] | None) -> tuple[float, T | None]:
        """The permit's time and, with `prepare`, what its last run (for that permit) returned."""
        prepared: T | None = None
        read_at: float | None = None  # when the last preparation started: what it read is that old
        while True:
            at = await self._reserve(self._clock())
            if prepare is not None and (read_at is None or at - read_at > self._prepare_lead):
                read_at = self._prepare_started(at)
                prepared = await self._prepare_before(at, prepare)
                if self._clock() - at > LATE_MARGIN:
                    # The preparation outlasted its lead: this permit is gone; the lead has grown since.
                    self.prepared_too_late += 1
                    self._log_late()
                    continue
            # Measured again after the reservation, which may have waited for the database meanwhile.
            wait = at - self._clock()
            if wait > 0:
                await self._sleep(wait)
            if at < self._paused_until:
                continue
            if self._clock() - at <= LATE_MARGIN:
                return at, prepared
            # Woke too late for this permit (a stalled loop): never sent late, take another.
            self.woke_late += 1
            self._log_late()

    def _prepare_started(self, at: float) -> float:
        """When the preparation for the permit `at` starts: its lead before it, or now if that is past."""
        return max(self._clock(), at - self._prepare_lead)

    async def _prepare_before(self, at: float, prepare: Callable[[], Awaitable[T]]) -> T:
        early = at - self._prepare_lead - self._clock()
        if early > 0:
            await self._sleep(early)
        started = self._clock()
        prepared = await prepare()
        took = max(0.0, self._clock() - started)
        lead = max(took * PREPARE_LEAD_FACTOR, self._prepare_lead * PREPARE_LEAD_DECAY)
        self._prepare_lead = min(PREPARE_LEAD_MAX, max(PREPARE_LEAD_MIN, lead))
        return prepared

    def _log_late(self) -> None:
        replaced = self.woke_late + self.prepared_too_late + self.held_too_long + self.connected_too_late
        if replaced % LATE_LOG_EVERY == 1:
            logger.info(
                "permits replaced so far, their requests unable to leave within %.0f ms of them: %d woken"
                " late (a stalled loop), %d whose preparation ended too late, %d held too long between the"
                " permit and its request, %d whose connection was ready too late",
                LATE_MARGIN * 1000,
                self.woke_late,
                self.prepared_too_late,
                self.held_too_long,
                self.connected_too_late,
            )

    async def _reserve(self, now: float) -> float:
        at = max(now, self._next_at, self._paused_until)
        # Reserve before sleeping so that concurrent callers queue up one interval apart.
        self._next_at = at + self.interval
        return at

    def pause(self, seconds: float) -> None:
        """Grant nothing for `seconds` from now (e.g. a global 429's retry_after); never shortens a pause."""
        until = self._clock() + max(0.0, seconds)
        if until > self._paused_until:
            logger.warning("pausing all deliveries for %.3fs (rate limited)", seconds)
            self._paused_until = until

    @property
    def paused_until(self) -> float:
        return self._paused_until

    def processes_live(self, count: int) -> None:
        """How many processes share the rate; this pacer paces one process alone, so it changes nothing
        (SharedPacer keeps to its share when the database is gone)."""


class PermitStore(Protocol):
    """Where the shared permits are kept (bot.storage.rate_budget.RateBudgetStore)."""

    async def reserve(self, now: float, interval: float, count: int = 1) -> float: ...
    async def pause_until(self, until: float) -> None: ...
    async def reset(self, now: float) -> None: ...


class SharedPacer(Pacer):
    """The pacer's rule with its permits reserved in the database: every process on it together keeps to
    `rate` (Discord counts the global limit per token, across processes), and a pause one process sees
    (a global 429, Cloudflare's ban) pauses them all.

    Times are the wall clock's (`clock`, epoch seconds), the one clock processes share. When the database
    cannot answer within SHARED_BUDGET_TIMEOUT (or fails), this process paces alone, in memory, and says so:
    a request is never refused because the budget could not be read. Alone, it keeps to its share of the
    rate, the rate divided by the processes the heartbeat last found alive (`processes_live`): a database
    lost to all of them at once leaves them together at the rate, not at that many times it.

    With several callers waiting, one database write reserves a few consecutive permits (one per caller, at
    most BATCH_SECONDS' worth), handed out here in order; a reserved permit whose time passed unused is
    dropped, never sent late (late, it could fall on another process's permit).
    """

    def __init__(
        self,
        store: PermitStore,
        rate_per_second: float,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        super().__init__(rate_per_second, clock=clock, sleep=sleep)
        self._store = store
        self._alone_since: float | None = None
        self._pauses: set[asyncio.Task[None]] = set()
        self._reserved: collections.deque[float] = collections.deque()  # permits of this process, in order
        self._refill = asyncio.Lock()
        self._waiting = 0
        self._most_at_once = max(1, int(rate_per_second * BATCH_SECONDS))
        self._answer_delay = 0.0  # seconds the database took to answer the last reservation
        self._processes = 1  # live processes on the database, this one included, as last counted

    def processes_live(self, count: int) -> None:
        """How many processes (this one included) the heartbeat found alive on the database."""
        self._processes = max(1, count)

    async def _reserve(self, now: float) -> float:
        self._waiting += 1
        try:
            async with self._refill:
                now = self._clock()
                floor = max(now, self._paused_until)
                while self._reserved and self._reserved[0] < floor:
                    self._reserved.popleft()  # its time passed unused (or falls in a pause): never late
                if not self._reserved:
                    count = min(self._waiting, self._most_at_once)
                    # Asked for when the answer is expected (the last answer's delay): a permit granted for
                    # the moment of asking would be late by the time a loaded database answers.
                    asked = self._clock()
                    first, spacing = await self._reserve_shared(now + self._answer_delay, count)
                    self._answer_delay = min(max(self._clock() - asked, 0.0), MOST_ANSWER_DELAY)
                    self._reserved.extend(first + index * spacing for index in range(count))
                return self._reserved.popleft()
        finally:
            self._waiting -= 1

    async def _reserve_shared(self, now: float, count: int) -> tuple[float, float]:
        """The first of `count` permits, and the time between them."""
        try:
            async with asyncio.timeout(SHARED_BUDGET_TIMEOUT):
                at = await self._store.reserve(now, self.interval, count)
                if at - now > MOST_AHEAD_SECONDS:
                    logger.warning(
                        "the shared rate budget's next permit is %.0fs ahead (a clock set back?): reset",
                        at - now,
                    )
                    await self._store.reset(now)
                    at = await self._store.reserve(now, self.interval, count)
        except Exception as exc:  # the database closed, locked or gone: pace alone rather than stop
            spacing = self.interval * self._processes  # this process's share of the rate
            if self._alone_since is None:
                logger.warning(
                    "the shared rate budget cannot be used (%s): pacing this process alone, at 1/%d of the"
                    " rate (the processes last found alive)",
                    exc,
                    self._processes,
                )
                self._alone_since = now
            at = max(now, self._next_at, self._paused_until)
            self._next_at = at + spacing * count
            return at, spacing
        if self._alone_since is not None:
            logger.info("the shared rate budget answers again")
            self._alone_since = None
        self._next_at = max(self._next_at, at + self.interval * count)  # for a fallback that may follow
        return at, self.interval

    def pause(self, seconds: float) -> None:
        super().pause(seconds)
        task = asyncio.get_running_loop().create_task(self._share_pause(self._paused_until))
        self._pauses.add(task)
        task.add_done_callback(self._pauses.discard)

    async def _share_pause(self, until: float) -> None:
        try:
            await self._store.pause_until(until)
        except Exception as exc:
            logger.warning("could not share a pause with the other processes (%s)", exc)
