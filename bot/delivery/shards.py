"""Which gateway shards this process runs, decided with the other processes through the database.

The coordinator claims shards (bot.storage.shards: leases, a fair share, pins), renews its leases every quarter
of SHARD_LEASE, and tells the Discord layer (a `ShardRunner`) which shards to start and stop. Its promise:
no shard has two live sessions. Another process claims a shard only once its lease has expired in the
database; this process closes every shard whose lease it has not renewed within two thirds of the lease,
counted on its monotonic clock from the moment the last successful renewal began (the lease in the database
runs at least a whole lease from then). So the shards close a third of a lease before anyone may claim them
(the margin covers the closing, a stalled event loop and the hosts' clocks, which must agree that closely).
A renewal that fails (the database unreachable, say) is retried at the next tick; the watchdog closes the
shards when the deadline passes, whatever the renewal is doing.

IDENTIFY goes through `IdentifyGate`: one per max_concurrency bucket every 5 seconds across all processes,
reserved in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import timedelta
from typing import Any, Protocol, TypeVar

from bot.storage.shards import Claimed, ShardStore

log = logging.getLogger(__name__)
_T = TypeVar("_T")

IDENTIFY_WINDOW = 5.0  # seconds: Discord allows one IDENTIFY per max_concurrency bucket in each
# A turn is reserved before its IDENTIFY is sent: turns are this much further apart, and a turn reached later
# than this after its time (a slow database) is given up for the next one, so that the IDENTIFYs themselves
# stay IDENTIFY_WINDOW apart.
IDENTIFY_MARGIN = 0.5
RENEWALS_PER_LEASE = 4  # a lease is renewed every quarter of its length
HOLD_FRACTION = 2 / 3  # shards close this far into a lease not renewed: a third of it before it expires


class ShardRunner(Protocol):
    """The Discord side: starts and stops shards of the running client."""

    async def start_shards(self, shard_ids: Sequence[int]) -> None:
        """Begin running these shards (connecting them goes on in the background)."""

    async def stop_shards(self, shard_ids: Sequence[int]) -> None:
        """Close these shards' sessions; returns once they are closed."""


class ShardNotHeld(asyncio.CancelledError):
    """An IDENTIFY of a shard whose lease this process no longer holds: it must not be sent. A cancellation,
    so that discord.py abandons the connection instead of retrying it or ending the client."""


def shards_text(shard_ids: Sequence[int], count: int | None) -> str:
    """`0,1 of 4`, `none of 4`: what the log and `briefbot status` show."""
    if count is None:
        return "not yet known"
    return f"{','.join(map(str, sorted(shard_ids))) or 'none'} of {count}"


class ShardCoordinator:
    """This process's share of the shards (see the module's docstring)."""

    def __init__(
        self,
        store: ShardStore,
        owner: str,
        *,
        count: int,
        lease: timedelta,
        pinned: Sequence[int] | None = None,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        on_change: Callable[[], None] = lambda: None,
    ) -> None:
        self._store = store
        self.owner = owner
        self.count = count
        self._lease = lease.total_seconds()
        self._pinned = list(pinned or [])
        self._wall = wall
        self._monotonic = monotonic
        self._on_change = on_change
        self._runner: ShardRunner | None = None
        self.held: dict[int, int] = {}  # shard id -> lease token, while this process runs it
        self._deadline = math.inf  # monotonic: the held shards close at this instant unless renewed
        self._renewed = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._closing = False
        self._calls: set[asyncio.Task[Any]] = set()  # database calls under way

    @property
    def closing(self) -> bool:
        return self._closing

    @property
    def tick(self) -> float:
        return self._lease / RENEWALS_PER_LEASE

    def holds(self, shard_id: int) -> bool:
        """Whether this process may run `shard_id` now: it holds its lease, renewed recently enough."""
        return not self._closing and shard_id in self.held and self._monotonic() < self._deadline

    async def start(self) -> list[int]:
        """The first claim, before the client connects, and from then on the renewals (and later claims):
        returns the shards claimed (maybe none), which `attach` starts."""
        started = self._monotonic()
        claimed = await self._store.claim(
            self.owner,
            count=self.count,
            pinned=self._pinned,
            held=(),
            now=self._wall(),
            until=self._wall() + self._lease,
        )
        self._take(claimed, started)
        self._loop_task = asyncio.create_task(self._keep(), name="shard-leases")
        self._watchdog = asyncio.create_task(self._watch(), name="shard-lease-watchdog")
        return sorted(self.held)

    async def attach(self, runner: ShardRunner) -> None:
        """The client connects: start the shards held now through `runner`, and later changes too."""
        self._runner = runner
        if self.held:
            await runner.start_shards(sorted(self.held))

    async def close(self) -> None:
        """Stop claiming and renewing (the client closes the shards, then calls `leave`)."""
        self._closing = True
        for task in (self._loop_task, self._watchdog):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._loop_task = self._watchdog = None
        if self._calls:  # a database call cut off by the cancellation: let it end before the database does
            await asyncio.wait(set(self._calls), timeout=max(self.tick, 1.0))

    async def leave(self) -> None:
        """After this process's shards are closed: let every lease go, so others take them at once."""
        self.held.clear()
        try:
            released = await self._bounded(self._store.leave(self.owner), within=max(self.tick, 1.0))
        except Exception as exc:  # they expire instead
            log.warning("the shard leases could not be let go (%s); they expire in %gs", exc, self._lease)
            return
        if released:
            log.info("let go of %d shard lease(s) on stopping", released)

    # ----- the loop ------------------------------------------------------------------------------------

    async def _keep(self) -> None:
        failed = False
        while True:
            if failed:
                await asyncio.sleep(self.tick / 4)  # soon again: the deadline allows two tries at most
            else:
                await self._sleep_until_next()
            try:
                await self._renew_and_claim()
                failed = False
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failed = True
                log.warning(
                    "shard leases not renewed (%s): trying again; shard(s) %s close in %.1fs unless renewed",
                    str(exc) or type(exc).__name__,
                    shards_text(list(self.held), self.count),
                    max(0.0, self._deadline - self._monotonic()),
                )

    async def _sleep_until_next(self) -> None:
        """A tick, or sooner when another process's lease expires (to take it over at once)."""
        delay = self.tick
        try:
            first = await self._bounded(self._store.next_expiry(other_than=self.owner))
        except asyncio.CancelledError:
            raise
        except Exception:
            first = None
        if first is not None and not self._pinned:
            delay = min(delay, max(0.0, first - self._wall()) + 0.05)
        await asyncio.sleep(delay)

    async def _renew_and_claim(self) -> None:
        started = self._monotonic()
        running = sorted(self.held)
        still = await self._bounded(self._store.renew(self.owner, running, until=self._wall() + self._lease))
        lost = [shard for shard in running if shard not in still and shard in self.held]
        if lost:
            # Taken over: this process's lease had expired (a long stall). Close at once.
            log.warning("shard lease(s) %s were taken over by another process: closing them", lost)
            await self._stop(lost)
        if self.held or running:
            self._extend(started)
        # New leases are written after `started`: their deadline is counted from it too (never later than
        # the renewed ones').
        claimed = await self._bounded(
            self._store.claim(
                self.owner,
                count=self.count,
                pinned=self._pinned,
                held=sorted(self.held),
                now=self._wall(),
                until=self._wall() + self._lease,
            )
        )
        fresh = self._take(claimed, started)
        if fresh and self._runner is not None:  # before `attach`, it starts them with the rest
            await self._runner.start_shards(fresh)
        give_up = [shard for shard in claimed.give_up if shard in self.held]
        if give_up:
            log.info(
                "shard %s given up (fair share %d of %d live process(es))",
                ",".join(map(str, give_up)),
                claimed.share,
                claimed.live,
            )
            await self._stop(give_up)
            await self._bounded(self._store.release(self.owner, give_up))

    async def _bounded(self, call: Coroutine[Any, Any, _T], within: float | None = None) -> _T:
        """A database call waited for at most a tick (TimeoutError: the next tick tries again). The call
        itself is never cancelled midway (a transaction cut off between its statements could leave the
        connection inside it): it finishes in the background, and `close` waits for it."""
        task = asyncio.ensure_future(call)
        self._calls.add(task)
        task.add_done_callback(self._calls.discard)
        return await asyncio.wait_for(asyncio.shield(task), timeout=self.tick if within is None else within)

    def _take(self, claimed: Claimed, started: float) -> list[int]:
        fresh = sorted(claimed.tokens)
        for shard in fresh:
            self.held[shard] = claimed.tokens[shard]
            previous = claimed.taken_from.get(shard)
            if previous is not None:
                log.info(
                    "shard %d taken over from %s (its lease expired; token %d)",
                    shard,
                    previous,
                    claimed.tokens[shard],
                )
            else:
                log.info(
                    "shard %d claimed (token %d, %d live process(es), fair share %d)",
                    shard,
                    claimed.tokens[shard],
                    claimed.live,
                    claimed.share,
                )
        for shard, holder in claimed.waiting_for.items():
            log.info("shard %d is pinned here (SHARD_IDS) but held by %s: waiting for it", shard, holder)
        if fresh:
            self._extend(started)
            self._on_change()
        return fresh

    def _extend(self, started: float) -> None:
        """The leases were written at or after `started`: the shards may run until two thirds of a lease
        after it."""
        self._deadline = started + self._lease * HOLD_FRACTION
        self._renewed.set()

    async def _stop(self, shard_ids: Sequence[int]) -> None:
        for shard in shard_ids:
            self.held.pop(shard, None)
        if not self.held:
            self._deadline = math.inf
        self._on_change()
        if self._runner is not None:
            await self._runner.stop_shards(shard_ids)

    async def _watch(self) -> None:
        """Close every held shard when the deadline passes without a renewal."""
        while True:
            self._renewed.clear()
            left = self._deadline - self._monotonic()
            if left > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._renewed.wait(), timeout=None if math.isinf(left) else left)
                continue
            lapsed = sorted(self.held)
            if not lapsed:
                self._deadline = math.inf
                continue
            log.warning(
                "shard lease(s) %s not renewed for %.1fs: closing them before the lease expires",
                ",".join(map(str, lapsed)),
                self._lease * HOLD_FRACTION,
            )
            await self._stop(lapsed)
            with contextlib.suppress(Exception):
                await self._bounded(self._store.release(self.owner, lapsed))


class IdentifyGate:
    """One IDENTIFY per max_concurrency bucket every IDENTIFY_WINDOW seconds, across every process of the
    database: each reserves its turn in `identify_buckets`, then waits for it."""

    def __init__(
        self,
        store: ShardStore,
        *,
        max_concurrency: int = 1,
        window: float = IDENTIFY_WINDOW,
        now: Callable[[], float] = time.time,
        wait: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._store = store
        self._calls: set[asyncio.Task[float]] = set()
        self.max_concurrency = max(1, max_concurrency)
        self._window = window
        self._now = now
        self._wait = wait or self._sleep_until

    async def _sleep_until(self, at: float) -> None:
        await asyncio.sleep(max(0.0, at - self._now()))

    async def turn(self, shard_id: int, *, still_held: Callable[[], bool]) -> None:
        """Wait for `shard_id`'s turn to IDENTIFY; ShardNotHeld when its lease went meanwhile. A database
        that cannot be reached is asked again (discord.py would end the client on an error here)."""
        bucket = shard_id % self.max_concurrency
        delay = 1.0
        while True:
            if not still_held():
                raise ShardNotHeld(f"shard {shard_id}: its lease is no longer held here")
            try:
                # Shielded: a launch cancelled meanwhile must not cut the database's statement off midway.
                reserving = asyncio.ensure_future(
                    self._store.reserve_identify(
                        bucket, now=self._now(), window=self._window + IDENTIFY_MARGIN
                    )
                )
                self._calls.add(reserving)
                reserving.add_done_callback(self._calls.discard)
                at = await asyncio.shield(reserving)
            except Exception as exc:
                log.warning(
                    "shard %d: its IDENTIFY turn could not be reserved (%s); asking again", shard_id, exc
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, IDENTIFY_WINDOW)
                continue
            ahead = at - self._now()
            if ahead < -IDENTIFY_MARGIN:
                continue  # the turn came and went while it was being reserved: the next one
            if ahead > 0.001:
                log.info("shard %d waits %.1fs for its IDENTIFY turn (bucket %d)", shard_id, ahead, bucket)
            await self._wait(at)
            late = self._now() - at
            if late > IDENTIFY_MARGIN:
                # A starved event loop woke us after our turn: the next process's turn is one window after
                # this one's, so sending now would come less than Discord's 5 s before it. Take a new turn.
                log.warning(
                    "shard %d: woke %.1fs after its IDENTIFY turn; taking the next one", shard_id, late
                )
                continue
            break
        if not still_held():
            raise ShardNotHeld(f"shard {shard_id}: its lease was lost while it waited to IDENTIFY")
