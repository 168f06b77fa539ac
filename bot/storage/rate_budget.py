"""The shared rate budget's row: permits reserved with one atomic statement, readable by every process."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Database

GLOBAL = "global"  # the bot token's REST requests under Discord's global limit

# The permit's time is the latest of next_at, paused_until and now; the row moves `span` past it. One
# statement, so the read and the write are one atomic step on either engine (SQLite's write lock,
# PostgreSQL's row lock); CASE rather than SQLite's two-argument MAX or PostgreSQL's GREATEST, which only one
# of them knows.
_RESERVE = """UPDATE rate_budget SET
    next_at = (CASE WHEN next_at >= paused_until AND next_at >= ? THEN next_at
                    WHEN paused_until >= ? THEN paused_until ELSE ? END) + ?,
    granted = granted + ?
WHERE name = ? RETURNING next_at - ? AS granted_at"""
_PAUSE = """UPDATE rate_budget SET paused_until = CASE WHEN paused_until > ? THEN paused_until ELSE ? END
WHERE name = ?"""
_RESET = """UPDATE rate_budget
SET next_at = ?, paused_until = CASE WHEN paused_until > ? THEN ? ELSE paused_until END WHERE name = ?"""


@dataclass(frozen=True, slots=True)
class BudgetState:
    """What the row says now (`briefbot status`)."""

    next_at: float
    paused_until: float
    granted: int


class RateBudgetStore:
    """The `rate_budget` row named `name` (see migration 0013). Times are epoch seconds."""

    def __init__(self, database: Database, name: str = GLOBAL) -> None:
        self._database = database
        self._name = name

    async def reserve(self, now: float, interval: float, count: int = 1) -> float:
        """Reserve the next `count` permits and return the first one's time: the latest of `now`, the end of
        the permits reserved before (each `interval` long) and the end of any pause; the others follow it
        `interval` apart. No permit is ever reserved twice, in any process."""
        if count < 1:
            raise ValueError("count must be at least 1")
        span = interval * count
        # Not durable: a counter lost with a power cut costs nothing, and an fsync per request would cost
        # every send a disk flush. One statement on its own: on PostgreSQL it does not wait for the write lock
        # other processes' transactions hold (a slot's recording can hold it for seconds).
        async with self._database.single_statement(durable=False) as connection:
            row = await connection.fetchrow(_RESERVE, (now, now, now, span, count, self._name, span))
        if row is None:
            raise LookupError(f"no rate budget named {self._name!r}")
        return float(row["granted_at"])

    async def pause_until(self, until: float) -> None:
        """Grant nothing before `until` (never shortens a pause)."""
        async with self._database.single_statement(durable=False) as connection:
            await connection.execute(_PAUSE, (until, until, self._name))

    async def reset(self, now: float) -> None:
        """Forget permits reserved ahead of `now` and pauses past it (after the wall clock was set back)."""
        async with self._database.single_statement(durable=False) as connection:
            await connection.execute(_RESET, (now, now, now, self._name))

    async def state(self) -> BudgetState:
        async with self._database.read() as connection:
            row = await connection.fetchrow(
                "SELECT next_at, paused_until, granted FROM rate_budget WHERE name = ?", (self._name,)
            )
        if row is None:
            raise LookupError(f"no rate budget named {self._name!r}")
        return BudgetState(float(row["next_at"]), float(row["paused_until"]), int(row["granted"]))
