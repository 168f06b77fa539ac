"""The shared rate budget's row: permits reserved with one atomic statement, readable by every process.

The row's times are on the database's clock, the one clock every process on it shares: processes on other
hosts may have wall clocks that disagree (by milliseconds with NTP, by seconds or more without), and a
permit kept by one host's clock would be sent together with another host's neighbouring permits. Each
statement also reads the database's clock; from those answers the store keeps how far its own clock is
from the database's (the answer of the shortest round trip lately, NTP's rule: its error is at most half
that round trip) and translates every time it writes or reads. A distance within that error is no
distance: it is left at zero (one host, or clocks in agreement), so times pass through unchanged.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.storage._backend import Dialect, Parameters, Row
from bot.storage.database import Database

GLOBAL = "global"  # the bot token's REST requests under Discord's global limit
CLOCK_SAMPLES = 16  # answers the clock distance is chosen from (the one of the shortest round trip)
CLOCK_RESOLUTION = 0.001  # seconds: SQLite's clock reads milliseconds
# The database's clock, epoch seconds, as each engine reads it.
_DATABASE_NOW: dict[Dialect, str] = {
    "sqlite": "((julianday('now') - 2440587.5) * 86400.0)",
    "postgresql": "extract(epoch from clock_timestamp())::float8",
}

# The permit's time is the latest of next_at, paused_until and now; the row moves `span` past it. One
# statement, so the read and the write are one atomic step on either engine (SQLite's write lock,
# PostgreSQL's row lock); CASE rather than SQLite's two-argument MAX or PostgreSQL's GREATEST, which only one
# of them knows.
_RESERVE = """UPDATE rate_budget SET
    next_at = (CASE WHEN next_at >= paused_until AND next_at >= ? THEN next_at
                    WHEN paused_until >= ? THEN paused_until ELSE ? END) + ?,
    granted = granted + ?
WHERE name = ? RETURNING next_at - ? AS granted_at, {now} AS database_now"""
_PAUSE = """UPDATE rate_budget SET paused_until = CASE WHEN paused_until > ? THEN paused_until ELSE ? END
WHERE name = ? RETURNING {now} AS database_now"""
_RESET = """UPDATE rate_budget
SET next_at = ?, paused_until = CASE WHEN paused_until > ? THEN ? ELSE paused_until END WHERE name = ?
RETURNING {now} AS database_now"""
_STATE = "SELECT next_at, paused_until, granted, {now} AS database_now FROM rate_budget WHERE name = ?"


class ClockDistance:
    """How far the database's clock is ahead of this process's (`clock`), from answers that carry the
    database's time: the answer of the shortest round trip among the last CLOCK_SAMPLES, its own clock
    read halfway through that trip. Zero until the first answer, and while it is within its error."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._samples: collections.deque[tuple[float, float]] = collections.deque(maxlen=CLOCK_SAMPLES)
        self.seconds = 0.0

    @property
    def known(self) -> bool:
        return bool(self._samples)

    def answered(self, sent: float, received: float, database_now: float) -> None:
        round_trip = max(0.0, received - sent)
        distance = database_now - (sent + received) / 2
        if self._samples:
            best_trip, best = min(self._samples)
            if abs(distance - best) > (round_trip + best_trip) / 2 + CLOCK_RESOLUTION:
                # Farther from the best answer than both answers' errors allow: a clock was stepped (this
                # host's, or the database's) since it; the older answers describe a clock that is gone.
                self._samples.clear()
        self._samples.append((round_trip, distance))
        round_trip, distance = min(self._samples)
        self.seconds = distance if abs(distance) > round_trip / 2 + CLOCK_RESOLUTION else 0.0


@dataclass(frozen=True, slots=True)
class BudgetState:
    """What the row says now (`briefbot status`)."""

    next_at: float
    paused_until: float
    granted: int


class RateBudgetStore:
    """The `rate_budget` row named `name` (see migration 0013). Times are epoch seconds."""

    def __init__(
        self, database: Database, name: str = GLOBAL, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._database = database
        self._name = name
        self.clock_distance = ClockDistance(clock)
        now = _DATABASE_NOW[database.dialect]
        self._reserve_sql = _RESERVE.format(now=now)
        self._pause_sql = _PAUSE.format(now=now)
        self._reset_sql = _RESET.format(now=now)
        self._state_sql = _STATE.format(now=now)

    async def _write(self, sql: str, parameters: Parameters) -> Row | None:
        """One statement that returns the database's time; the clock distance learns from its answer."""
        # Not durable: a counter lost with a power cut costs nothing, and an fsync per request would cost
        # every send a disk flush. One statement on its own: on PostgreSQL it does not wait for the write lock
        # other processes' transactions hold (a slot's recording can hold it for seconds).
        async with self._database.single_statement(durable=False) as connection:
            sent = self.clock_distance.clock()
            row = await connection.fetchrow(sql, parameters)
            received = self.clock_distance.clock()
        if row is not None:
            self.clock_distance.answered(sent, received, float(row["database_now"]))
        return row

    async def reserve(self, now: float, interval: float, count: int = 1) -> float:
        """Reserve the next `count` permits and return the first one's time: the latest of `now`, the end of
        the permits reserved before (each `interval` long) and the end of any pause; the others follow it
        `interval` apart. No permit is ever reserved twice, in any process."""
        if count < 1:
            raise ValueError("count must be at least 1")
        span = interval * count
        if not self.clock_distance.known:
            await self.state()  # the first reservation already on the database's clock
        at = now + self.clock_distance.seconds  # on the database's clock
        row = await self._write(self._reserve_sql, (at, at, at, span, count, self._name, span))
        if row is None:
            raise LookupError(f"no rate budget named {self._name!r}")
        return float(row["granted_at"]) - self.clock_distance.seconds

    async def pause_until(self, until: float) -> None:
        """Grant nothing before `until` (never shortens a pause)."""
        if not self.clock_distance.known:
            await self.state()
        at = until + self.clock_distance.seconds
        await self._write(self._pause_sql, (at, at, self._name))

    async def reset(self, now: float) -> None:
        """Forget permits reserved ahead of `now` and pauses past it (after the wall clock was set back)."""
        if not self.clock_distance.known:
            await self.state()
        at = now + self.clock_distance.seconds
        await self._write(self._reset_sql, (at, at, at, self._name))

    async def state(self) -> BudgetState:
        """The row now, its times on this process's clock."""
        async with self._database.read() as connection:
            sent = self.clock_distance.clock()
            row = await connection.fetchrow(self._state_sql, (self._name,))
            received = self.clock_distance.clock()
        if row is None:
            raise LookupError(f"no rate budget named {self._name!r}")
        self.clock_distance.answered(sent, received, float(row["database_now"]))
        distance = self.clock_distance.seconds
        return BudgetState(
            float(row["next_at"]) - distance, float(row["paused_until"]) - distance, int(row["granted"])
        )
