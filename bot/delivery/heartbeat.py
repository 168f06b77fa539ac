"""This process's heartbeat in the database, and what `briefbot status` reads back from every process's."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.clock import utc_now
from bot.process_identity import ProcessIdentity
from bot.storage import Database
from bot.storage.processes import ProcessRecord, ProcessTable
from bot.storage.rate_budget import RateBudgetStore

log = logging.getLogger(__name__)

BEAT_EVERY = timedelta(seconds=5)
# Three beats missed: the process is gone (killed, its machine lost). Its digest send leases are then free
# (bot.storage.leases `end_silent`) rather than when they expire: with the default lease of 30 s, a row of a
# SIGKILLed process is sent again 15-20 s after the kill, not 30-40 s. A process merely stalled that long
# loses rows it was sending, and the fencing token keeps it from writing their outcomes.
LIVE_WITHIN = 3 * BEAT_EVERY
FORGET_AFTER = timedelta(days=1)  # rows of processes gone this long are deleted at the next start


def backend_of(database: Database) -> str:
    """`sqlite` or `postgresql`: the engine behind `database`."""
    return str(getattr(database, "dialect", "sqlite"))


class Heartbeat:
    """Writes this process's row at start and every BEAT_EVERY; deletes it on a clean stop. A beat that
    fails is logged and tried again at the next: the heartbeat only informs (`briefbot status`)."""

    def __init__(
        self,
        database: Database,
        identity: ProcessIdentity,
        *,
        shards: Callable[[], str] = lambda: "all (unsharded)",
        clock: Callable[[], datetime] = utc_now,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_live: Callable[[int], None] | None = None,
    ) -> None:
        """`on_live` is told, after each beat, how many processes (this one included) beat within
        LIVE_WITHIN: the share of the rate a process keeps to if it has to pace alone."""
        self._table = ProcessTable(database)
        self._on_live = on_live
        self._identity = identity
        self._backend = backend_of(database)
        self._shards = shards
        self._clock = clock
        self._sleep = sleep
        self._started_at = clock()
        self._task: asyncio.Task[None] | None = None
        self._extra: set[asyncio.Task[None]] = set()

    def record(self) -> ProcessRecord:
        identity = self._identity
        return ProcessRecord(
            str(identity),
            identity.host,
            identity.pid,
            self._backend,
            self._shards(),
            self._started_at,
            self._clock(),
        )

    async def start(self) -> None:
        """Beat once now (raises the database's error), forget processes gone for a day, then keep beating."""
        await self._beat()
        forgotten = await self._table.forget_before(self._clock() - FORGET_AFTER)
        if forgotten:
            log.info("forgot %d process(es) whose last heartbeat is over a day old", forgotten)
        self._task = asyncio.create_task(self._beat_on(), name="process-heartbeat")

    def beat_soon(self) -> None:
        """Beat now, in the background, besides the regular beats (what the process serves changed)."""
        if self._task is None:
            return
        task = asyncio.create_task(self._beat_once(), name="process-heartbeat-now")
        self._extra.add(task)
        task.add_done_callback(self._extra.discard)

    async def _beat(self) -> None:
        record = self.record()
        await self._table.beat(record)
        if self._on_live is not None:
            records = await self._table.all()
            self._on_live(sum(1 for r in records if record.heartbeat_at - r.heartbeat_at <= LIVE_WITHIN))

    async def _beat_once(self) -> None:
        try:
            await self._beat()
        except Exception as exc:
            log.warning("the process heartbeat could not be written (%s); trying again", exc)

    async def _beat_on(self) -> None:
        while True:
            await self._sleep(BEAT_EVERY.total_seconds())
            try:
                await self._beat()
            except Exception as exc:
                log.warning("the process heartbeat could not be written (%s); trying again", exc)

    async def stop(self) -> None:
        """Stop beating and delete this process's row (a failure is logged: the row then ages out)."""
        for extra in list(self._extra):
            extra.cancel()
        await asyncio.gather(*self._extra, return_exceptions=True)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        try:
            await self._table.leave(str(self._identity))
        except Exception as exc:
            log.warning("the process heartbeat row could not be deleted (%s); it ages out", exc)


@dataclass(frozen=True, slots=True)
class ProcessStatus:
    record: ProcessRecord
    live: bool
    claimed: int  # rows this process holds a send lease on now (0 where leases do not exist)


@dataclass(frozen=True, slots=True)
class ClusterStatus:
    """What `briefbot status` prints."""

    backend: str
    processes: list[ProcessStatus]
    deliveries: dict[str, int]  # rows by state
    sends_in_window: int  # permits the shared budget granted during `window`
    window: float  # seconds
    budget_paused_for: float  # seconds left of a shared pause (0: none)
    at: datetime


async def cluster_status(
    database: Database,
    *,
    now: Callable[[], datetime] = utc_now,
    window: float = 1.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    wall: Callable[[], float] | None = None,
) -> ClusterStatus:
    """Read every process's heartbeat, its leases, the ledger's counts and the shared send rate (the
    permits granted over `window` seconds, measured now)."""
    budget = RateBudgetStore(database)
    before = await budget.state()
    await sleep(window)
    after = await budget.state()
    at = now()
    claimed = await _claimed_by_owner(database, at)
    processes = [
        ProcessStatus(record, at - record.heartbeat_at <= LIVE_WITHIN, claimed.get(record.identity, 0))
        for record in await ProcessTable(database).all()
    ]
    async with database.read() as connection:
        rows = await connection.fetch(
            "SELECT state, count(*) AS n FROM ledger_rows GROUP BY state ORDER BY state"
        )
    wall_now = wall() if wall is not None else at.timestamp()
    return ClusterStatus(
        backend=backend_of(database),
        processes=processes,
        deliveries={str(row["state"]): int(row["n"]) for row in rows},
        sends_in_window=after.granted - before.granted,
        window=window,
        budget_paused_for=max(0.0, after.paused_until - wall_now),
        at=at,
    )


async def _claimed_by_owner(database: Database, at: datetime) -> Counter[str]:
    """Send leases in force by owner (schema of issue 13's leases; none before they exist)."""
    from bot.storage import DeliveryLedger

    leases: Any = getattr(DeliveryLedger(database), "leases", None)
    if leases is None:
        return Counter()
    return Counter(
        lease.owner
        for lease in await leases.live()
        if lease.delivery_id is not None and lease.expires_at > at
    )


def status_lines(status: ClusterStatus, *, rate_limit: float) -> list[str]:
    """`briefbot status` as lines of text."""
    live = [p for p in status.processes if p.live]
    gone = [p for p in status.processes if not p.live]
    lines = [
        f"database: {status.backend}; {len(live)} live process(es), as of {status.at:%Y-%m-%d %H:%M:%S} UTC"
    ]
    for process in live + gone:
        record = process.record
        age = (status.at - record.heartbeat_at).total_seconds()
        state = "live" if process.live else f"GONE (no heartbeat for {age:.0f}s)"
        lines.append(
            f"  {record.identity}  {state}; shards {record.shards}; {process.claimed} row(s) claimed;"
            f" up since {record.started_at:%Y-%m-%d %H:%M:%S} UTC, last beat {age:.0f}s ago"
        )
    rate = status.sends_in_window / status.window if status.window > 0 else 0.0
    paused = f"; paused for {status.budget_paused_for:.0f}s more" if status.budget_paused_for > 0 else ""
    lines.append(
        f"shared send rate: {rate:.1f} requests/s over the last {status.window:g}s (limit {rate_limit:g}/s){paused}"
    )
    counts = status.deliveries
    lines.append(
        f"digests: {counts.get('pending', 0)} pending, {counts.get('held', 0)} held, "
        f"{counts.get('expired', 0)} expired, {counts.get('sent', 0)} sent"
        + "".join(
            f", {n} {state}"
            for state, n in counts.items()
            if state not in ("pending", "held", "expired", "sent")
        )
    )
    return lines
