"""Drains the delivery ledger: paced sends, one in flight per channel, retries, graceful stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.clock import ClockCheck, describe_duration, utc_now
from bot.delivery.heartbeat import LIVE_WITHIN
from bot.delivery.history_search import (
    DEFAULT_MARGIN,
    DEFAULT_MAX_PAGES,
    Found,
    HistorySearch,
    NotPosted,
    SearchResult,
    Unknown,
    held_reason,
    nonce_trusted,
    search_window,
)
from bot.delivery.pacing import Pacer
from bot.delivery.send_failures import GiveUp, SendFailure, TryAgain, WaitOut, send_failure
from bot.delivery.sender_protocol import ChannelGoneError, PreparesDigests, Sender
from bot.process_identity import ProcessIdentity, current_identity
from bot.storage.database import DATABASE_ERRORS
from bot.storage.leases import Lease
from bot.storage.ledger import MANUAL_TIMEZONE, Delivery, DeliveryLedger, DeliveryState
from bot.storage.subscriptions import GONE_WHILE_HELD, PostOptions, Subscription

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter for transient errors. There is no attempt limit: an outage or a bad
    token never gives a delivery up; its slot's age does (the dispatcher's `stale_after`)."""

    base_delay: float = 5.0
    max_delay: float = 600.0

    def delay(self, attempt: int, jitter: float) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based), with `jitter` in [0, 1).

        Grows as base * 2**(attempt-1), capped at max_delay, then scaled into [50%, 100%) of that so that
        channels failing together do not retry together.
        """
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** max(0, attempt - 1))
        return ceiling * (0.5 + 0.5 * jitter)


DEFAULT_STALE_AFTER = timedelta(hours=6)
# A held row's channel is looked at again after this, then after twice as long each time it still cannot
# tell, up to the cap (and at once when the bot may read that history again: `recheck_held`).
HELD_RECHECK_FIRST = timedelta(minutes=5)
HELD_RECHECK_MAX = timedelta(hours=6)
# How long a claimed row's send is this process's alone unless renewed (renewed every third of it while the
# send is in flight): after it, another process may take the row over (DIGEST_LEASE).
DEFAULT_LEASE = timedelta(seconds=30)
SILENCE_CHECK_EVERY = 1.0  # seconds between looks for silent processes' leases (one UPDATE each)
# A claim is a transaction of its own with a few statements (bot.storage.ledger `claim_due`: each server's
# first due rows, then locking them), so while sends are in flight it waits until at least this share of
# `max_in_flight` is free and claims that many at once, rather than one row for each send that finishes.
CLAIM_SHARE = 4


def _follows_up(options: PostOptions) -> bool:
    """Whether a digest posted with these options still opens a thread or is published after posting."""
    forum = options.channel_kind == "forum"
    return (options.open_thread and not forum) or (options.publish and options.channel_kind == "announcement")


def _local_date(row: Delivery, subscription: Subscription | None) -> date:
    """The slot's date where the subscription is (a forum post's and a thread's name carry it): in the
    slot's own time zone, or for a digest asked for by hand, the subscription's (UTC without one)."""
    name = row.timezone
    if name == MANUAL_TIMEZONE:
        name = subscription.timezone if subscription is not None else "UTC"
    try:
        zone: tzinfo = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    return row.slot_at.astimezone(zone).date()


Recorder = Callable[[], Awaitable[None]]
"""Writes one send's outcome to the ledger (sent, dead, retry later); may be called again if it raised."""


@dataclass(slots=True)
class _Held:
    """A row whose outcome the ledger could not take (disk full, database locked), kept in memory.

    With `record`, the send happened and only its outcome is written again later: the digest is never resent
    for it. Without, the failure came before any send and the row is simply taken again later. Either way the
    channel waits until `retry_at` (monotonic seconds): one failing write never spins into a loop.
    """

    channel_id: int
    failures: int
    retry_at: float
    record: Recorder | None


@dataclass(slots=True)
class DispatchStats:
    """Counters since the dispatcher was created."""

    sent: int = 0
    dead: int = 0
    retried: int = 0
    held: int = 0
    expired: int = 0
    rechecked: int = 0  # held rows looked for again


class _UndecidedError(Exception):
    """The look before a resend could not tell whether the digest was posted: the row is held."""

    def __init__(self, undecided: Unknown) -> None:
        super().__init__(undecided.reason)
        self.undecided = undecided


class _GivenUpError(Exception):
    """Discord refused a resend, and the channel's history shows no earlier send posted it: given up."""

    def __init__(self, failure: GiveUp) -> None:
        super().__init__(failure.reason)
        self.failure = failure


class Dispatcher:
    """Sends pending ledger rows through a `Sender`.

    Promises: permits from one `Pacer` space all sends evenly (45/s by default); at most one send per channel is
    in flight, and at most `max_in_flight` overall (enough for rate x latency); each row's outcome is written
    to the ledger before its channel's next row is taken; a row whose send is interrupted (crash, stop) stays
    pending and is sent again later with the same nonce.

    Several dispatchers (processes) may drain one ledger: each row is claimed with a lease on its channel,
    under this process's identity (`owner`), so that one channel has one send in flight across all of them
    (bot.storage.leases); the lease is renewed while its send is in flight, lasts `lease_for` unrenewed, and
    each outcome is written only while it holds: a process that stalled past its lease and was taken over
    writes nothing and sends nothing more for that row. A row of a process that died is taken over once its
    lease has expired and is sent again with the same nonce, looked for first when the nonce may be
    forgotten, as after a restart.

    Use either `start()`/`stop()` (the long-running loop) or `run_until_idle()` (one drain, e.g. in tests).
    """

    def __init__(
        self,
        ledger: DeliveryLedger,
        sender: Sender,
        *,
        rate_per_second: float = 45.0,
        max_in_flight: int = 64,
        retry: RetryPolicy | None = None,
        clock: Callable[[], datetime] = utc_now,
        pacer: Pacer | None = None,
        jitter: Callable[[], float] = random.random,
        send_timeout: float = 60.0,
        poll_interval: float = 30.0,
        batch_size: int = 200,
        progress_every: int = 500,
        nonce_trust_seconds: float = 120.0,
        monotonic: Callable[[], float] = time.monotonic,
        search_max_pages: int = DEFAULT_MAX_PAGES,
        search_margin: timedelta = DEFAULT_MARGIN,
        stale_after: timedelta = DEFAULT_STALE_AFTER,
        discord_clock: ClockCheck | None = None,
        owner: ProcessIdentity | None = None,
        lease_for: timedelta = DEFAULT_LEASE,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        silent_after: timedelta = LIVE_WITHIN,
    ) -> None:
        if lease_for <= timedelta(0):
            raise ValueError("lease_for must be positive")
        self._ledger = ledger
        # Whose the leases this dispatcher takes are (one process, one identity: see bot.process_identity).
        self.owner = str(owner or current_identity())
        self._lease_for = lease_for
        # Another process's leases are free once its heartbeat is this old (bot.delivery.heartbeat): looked
        # for at most every SILENCE_CHECK_EVERY seconds, before a claim.
        self._silent_after = silent_after
        self._silence_checked_at = float("-inf")
        self._sleep = sleep  # between renewals of the leases (injected by tests)
        self._max_in_flight = max_in_flight
        # The leases of the rows this dispatcher is sending, looking for, or holding an outcome of, by row id.
        self._leases: dict[int, Lease] = {}
        self._unreleased: list[Lease] = []  # leases a failed write could not let go: tried again each pass
        self._renewal: asyncio.Task[None] | None = None
        self._renewing = False  # the renewal is writing (it is cancelled only while it waits)
        # Shown the snowflake of each message a first send creates: Discord's clock, a second source.
        self._discord_clock = discord_clock
        # A digest not posted within this of its slot is expired instead of posted late (DIGEST_STALE_AFTER).
        self._stale_after = stale_after
        self._sender = sender
        self._pacer = pacer or Pacer(rate_per_second)
        self._retry = retry or RetryPolicy()
        self._clock = clock
        self._jitter = jitter
        self._send_timeout = send_timeout
        self._poll_interval = poll_interval
        self._batch_size = batch_size
        self._progress_every = progress_every
        # Discord keeps nonces "a few minutes" (undocumented): within this, a resend is deduplicated by it.
        self._nonce_trust_seconds = nonce_trust_seconds
        self._capacity = asyncio.Semaphore(max_in_flight)
        self._wake = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._busy_channels: set[int] = set()
        self._busy_rows: set[int] = set()
        # One pass at a time: two passes reading the ledger concurrently could each start the same row
        # (one after the other's send had finished), which would send it twice.
        self._pass_lock = asyncio.Lock()
        self._loop_task: asyncio.Task[None] | None = None
        self._stopping = False
        self.stats = DispatchStats()
        self._window_started: float | None = None
        self._outcomes = 0
        self._monotonic = monotonic
        self._held: dict[int, _Held] = {}  # by row id
        self._recording_fails = False  # alerted once per run of failures
        self._search_max_pages = search_max_pages
        self._search_margin = search_margin
        # Rows whose first attempt this process made: monotonic time then, which no wall-clock change moves.
        self._first_attempts: dict[int, float] = {}
        # Held rows whose look's outcome the database refused: how often in a row, and not again before a
        # monotonic time. (How often a held row was looked for without deciding is the row's `held_checks`.)
        self._recheck_failures: dict[int, int] = {}
        self._finished = 0  # send and look tasks finished, for run_until_idle
        self._recheck_blocked: dict[int, float] = {}

    # --- control ---

    @property
    def pacer(self) -> Pacer:
        """The pacer whose permits space this dispatcher's sends."""
        return self._pacer

    def wake(self) -> None:
        """Look for due rows now (call after recording a slot)."""
        self._wake.set()

    async def recheck_held(self, channel_ids: Sequence[int]) -> int:
        """Look for the held digests of these channels again at once (the bot may read their history
        again); returns how many rows that is."""
        count = await self._ledger.recheck_held_now(channel_ids, now=self._clock())
        if count:
            self._wake.set()
        return count

    async def start(self) -> None:
        """Start the loop that sends due rows until `stop()`. Pending rows from before a restart are due at
        once."""
        if self._loop_task is not None:
            raise RuntimeError("dispatcher already started")
        self._stopping = False
        self._loop_task = asyncio.create_task(self._run(), name="digest-dispatcher")

    async def stop(self, grace_seconds: float) -> int:
        """Stop taking rows; let sends in flight finish for up to `grace_seconds`, then cancel the rest (their
        rows stay pending, for the next start). Returns how many sends were cancelled."""
        self._stopping = True
        self._wake.set()
        if self._loop_task is not None:
            # The loop only waits (for rows, permits, capacity) and starts send tasks: cancelling it never
            # interrupts a send.
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None
        cancelled = 0
        if self._tasks:
            logger.info("waiting up to %.1fs for %d digest sends in flight", grace_seconds, len(self._tasks))
            _, unfinished = await asyncio.wait(set(self._tasks), timeout=grace_seconds)
            for task in unfinished:
                task.cancel()
            if unfinished:
                await asyncio.gather(*unfinished, return_exceptions=True)
                cancelled = len(unfinished)
                logger.warning(
                    "%d digest sends cut off at shutdown; they stay pending for the next start", cancelled
                )
        await self._end_renewal()
        # No send of this dispatcher is left: its leases (of outcomes kept in memory, or of a claim the
        # stop cut off) end, so another process takes their rows at once and sends them with their nonce.
        try:
            await self._ledger.leases.release_owner(self.owner)
        except Exception as exc:
            logger.warning(
                "could not let this process's digest send leases go at stop (%s: %s)", type(exc).__name__, exc
            )
        else:
            self._unreleased = []
        self._leases.clear()
        unwritten = sum(1 for held in self._held.values() if held.record is not None)
        if unwritten:
            logger.error(
                "%d digest outcomes could not be written before shutdown; those rows stay pending, and the "
                "next start resends them with the same nonce or finds them in the channel",
                unwritten,
            )
        return cancelled

    async def run_until_idle(self) -> None:
        """Send every row due now (and rows that become due while doing so), waiting for all sends, then
        return. Rows whose next attempt is later are left for a later call."""
        while True:
            finished = self._finished
            started = await self._dispatch_pass()
            if self._tasks:
                await asyncio.wait(set(self._tasks))
                continue
            # A task that finished during the pass may have left a row due that the pass read before (a
            # held row found not posted is pending again): one more pass then.
            if started == 0 and finished == self._finished:
                return

    # --- the loop ---

    async def _run(self) -> None:
        logger.info(
            "digest dispatcher started (process %s, leases of %s)",
            self.owner,
            describe_duration(self._lease_for),
        )
        while not self._stopping:
            self._wake.clear()
            try:
                started = await self._dispatch_pass()
            except Exception:
                # A database hiccup must not end deliveries for good: log it and try again after a pause.
                logger.exception("digest dispatcher pass failed; retrying in %.0fs", self._poll_interval)
                started = 0
            if started:
                continue
            # Too few free to claim for: a finishing send wakes the loop; nothing to look up in the database.
            timeout = await self._idle_timeout(look_up=self._free_capacity() > 0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=timeout)

    async def _idle_timeout(self, *, look_up: bool = True) -> float:
        timeout = self._poll_interval
        mono = self._monotonic()
        waits = [held.retry_at - mono for held in self._held.values() if held.retry_at > mono]
        waits += [at - mono for at in self._recheck_blocked.values() if at > mono]
        if waits:
            timeout = min(timeout, *waits)
        if not look_up:
            return timeout
        try:
            upcoming = [
                await self._ledger.next_attempt_at(),
                await self._ledger.next_held_check_at(),
                # Another process's lease that lapses may leave a row to take over then.
                await self._ledger.leases.next_expiry(other_than=self.owner),
                # And so may one whose owner's heartbeat falls silent.
                await self._ledger.leases.next_silence(
                    other_than=self.owner, silent_after=self._silent_after
                ),
            ]
        except Exception:
            return timeout
        now = self._clock()
        for next_at in upcoming:
            seconds = None if next_at is None else (next_at - now).total_seconds()
            # Due already but nothing started: every due row's channel is busy; a finishing send wakes us.
            if seconds is not None and seconds > 0:
                timeout = min(timeout, seconds)
        return timeout

    async def _dispatch_pass(self) -> int:
        """Start sends for due rows whose channel is free; returns how many were started."""
        async with self._pass_lock:
            return await self._dispatch_pass_locked()

    async def _dispatch_pass_locked(self) -> int:
        started = await self._record_held()
        await self._let_go([])
        # A channel waits while its row backs off, and until an outcome kept in memory is written.
        mono = self._monotonic()
        held_channels = {
            held.channel_id for held in self._held.values() if held.record is not None or held.retry_at > mono
        }
        # One row per channel, round-robin by server: a busy channel or a huge server gets one turn in each
        # round, so it cannot keep another server's digest waiting (permits are granted in this order). Each
        # is claimed in the read (a lease on its channel), so no process sends a row another one sends, and
        # no more are claimed than can be sent now: the rest are left to other processes too.
        await self._end_silent_leases()
        # Shielded: a stop that cancels the loop must not cut a claim's transaction in two (`stop` lets the
        # leases of a claim it cut off go).
        claimed = await asyncio.shield(
            self._ledger.claim_due(
                self._clock(), owner=self.owner, lease_for=self._lease_for, limit=self._free_capacity()
            )
        )
        started += await self._start_claimed(claimed, self._deliver, "digest-send", held_channels)
        return started + await self._start_rechecks(held_channels)

    async def _end_silent_leases(self) -> None:
        """Free the leases of processes whose heartbeat stopped (killed, their machine lost), so that this
        claim may take their rows over before the leases expire. A failure only delays that to the expiry."""
        mono = self._monotonic()
        if mono < self._silence_checked_at + SILENCE_CHECK_EVERY:
            return
        self._silence_checked_at = mono
        try:
            await self._ledger.leases.end_silent(
                now=self._clock(), silent_after=self._silent_after, me=self.owner
            )
        except Exception as exc:
            logger.warning("could not look for the leases of silent processes (%s); they expire instead", exc)

    def _free_capacity(self) -> int:
        """How many rows a claim takes now: as many as are free to send, once enough are (`CLAIM_SHARE`)."""
        free = min(self._batch_size, self._max_in_flight - len(self._busy_rows))
        least = max(1, min(self._batch_size, self._max_in_flight // CLAIM_SHARE))
        return 0 if self._busy_rows and free < least else free

    async def _start_claimed(
        self,
        claimed: Sequence[tuple[Delivery, Lease]],
        work: Callable[[Delivery], Coroutine[Any, Any, None]],
        name: str,
        held_channels: set[int],
    ) -> int:
        """Start `work` for each claimed row, in order; those this process is not to start now (stopping;
        its channel waits in memory; its last task is still finishing, the lease of which was let go just
        before this claim) are let go again. Returns how many were started."""
        started = 0
        refused: list[Lease] = []
        for index, (row, lease) in enumerate(claimed):
            if self._stopping:
                refused.extend(lease for _, lease in claimed[index:])
                break
            if (
                row.id in self._busy_rows
                or row.channel_id in self._busy_channels
                or row.channel_id in held_channels
            ):
                refused.append(lease)
                continue
            self._leases[row.id] = lease
            if not await self._start(row, work, f"{name}-{row.id}"):
                del self._leases[row.id]
                refused.extend(lease for _, lease in claimed[index:])
                break
            started += 1
        await self._let_go(refused)
        if self._leases and (self._renewal is None or self._renewal.done()):
            self._renewal = asyncio.create_task(self._renew_leases(), name="digest-lease-renewal")
        return started

    async def _start(
        self, row: Delivery, work: Callable[[Delivery], Coroutine[Any, Any, None]], name: str
    ) -> bool:
        """Claim a sending slot and the row's channel, then run `work(row)` as a task; False when stopping."""
        await self._capacity.acquire()
        if self._stopping:
            self._capacity.release()
            return False
        self._busy_rows.add(row.id)
        self._busy_channels.add(row.channel_id)
        task = asyncio.create_task(work(row), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    async def _start_rechecks(self, held_channels: set[int]) -> int:
        """Start looking again for held rows whose time has come, each when its channel is free (claimed as
        sends are)."""
        mono = self._monotonic()
        blocked = {row_id for row_id, at in self._recheck_blocked.items() if at > mono}
        claimed = await asyncio.shield(
            self._ledger.claim_held_due(
                self._clock(), owner=self.owner, lease_for=self._lease_for, limit=self._free_capacity()
            )
        )
        waiting = [lease for row, lease in claimed if row.id in blocked]
        await self._let_go(waiting)
        ready = [(row, lease) for row, lease in claimed if row.id not in blocked]
        return await self._start_claimed(ready, self._recheck, "digest-recheck", held_channels)

    # --- leases ---

    def _lease(self, row: Delivery) -> Lease | None:
        """The lease this dispatcher holds on `row`'s send, which each of its writes names."""
        return self._leases.get(row.id)

    def _written(self, row: Delivery) -> None:
        """An outcome naming the row's lease was written (or refused: taken over): the lease is over."""
        self._leases.pop(row.id, None)
        self._stop_renewal_if_idle()

    async def _end_lease(self, row: Delivery, lease: Lease | None) -> None:
        """After a row's task: let its lease go unless an outcome ended it, or an outcome still to be written
        keeps it (the channel waits for it)."""
        if lease is None or self._leases.get(row.id) is not lease:
            return
        held = self._held.get(row.id)
        if held is not None and held.record is not None:
            return
        del self._leases[row.id]
        await self._let_go([lease])
        self._stop_renewal_if_idle()

    async def _let_go(self, leases: Sequence[Lease]) -> None:
        """End these leases, and those a failed write could not end before; kept to try again if it fails."""
        pending = [*self._unreleased, *leases]
        if not pending:
            return
        try:
            await self._ledger.leases.release(pending)
        except Exception as exc:
            self._unreleased = pending
            logger.warning(
                "could not let %d digest send lease(s) go (%s: %s); tried again at the next pass",
                len(pending),
                type(exc).__name__,
                exc,
            )
        else:
            self._unreleased = []

    async def _renew_leases(self) -> None:
        """While this dispatcher holds leases, renew them every third of `lease_for`."""
        interval = self._lease_for.total_seconds() / 3
        while self._leases and not self._stopping:
            await self._sleep(interval)
            held = dict(self._leases)
            if not held or self._stopping:
                break
            self._renewing = True
            try:
                kept = await self._ledger.leases.renew(self.owner, until=self._clock() + self._lease_for)
                await self._report_lost(held, kept)
            except Exception as exc:
                logger.warning(
                    "renewing %d digest send lease(s) failed (%s: %s); tried again in %.0fs",
                    len(held),
                    type(exc).__name__,
                    exc,
                    interval,
                )
                continue
            finally:
                self._renewing = False

    async def _report_lost(self, held: dict[int, Lease], kept: set[tuple[int, int]]) -> None:
        """Log each lease of `held` that the renewal did not find because another process took it over. One
        not renewed may also have been ended by its own outcome while the renewal ran beside it (it waits
        neither for this process's database work nor for its sends): not a loss."""
        for row_id, lease in held.items():
            if (lease.delivery_id, lease.token) in kept or self._leases.get(row_id) is not lease:
                continue
            if await self._ledger.leases.taken_over(lease) and self._leases.get(row_id) is lease:
                logger.warning(
                    "delivery %d to channel %d: its lease lapsed and another process took it over; its"
                    " outcome is left to that process",
                    lease.delivery_id,
                    lease.channel_id,
                )

    def _stop_renewal_if_idle(self) -> None:
        if not self._leases and not self._renewing:
            self._stop_renewal()

    def _stop_renewal(self) -> None:
        """Cancel the renewal while it waits (never in the middle of its write: it ends by itself then)."""
        if self._renewal is not None and not self._renewal.done():
            self._renewal.cancel()
        self._renewal = None

    async def _end_renewal(self) -> None:
        """At stop: end the renewal, letting a write in progress finish."""
        renewal, self._renewal = self._renewal, None
        if renewal is None or renewal.done():
            return
        if not self._renewing:
            renewal.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewal

    async def _deliver(self, row: Delivery) -> None:
        lease = self._lease(row)
        try:
            await self._attempt(row)
        except asyncio.CancelledError:
            logger.info("send of delivery %d to channel %d cut off; left pending", row.id, row.channel_id)
            raise
        except Exception as exc:
            # Before any send (reading the row, noting the attempt): nothing was posted; take it again later.
            self._hold(row.id, row.channel_id, None, exc)
        finally:
            await self._end_lease(row, lease)
            self._busy_rows.discard(row.id)
            self._busy_channels.discard(row.channel_id)
            self._capacity.release()
            self._finished += 1
            self._wake.set()

    async def _attempt(self, row: Delivery) -> None:
        # The row was read a while ago (a batch at 45/s takes seconds): the channel may have been unsubscribed
        # or paused since, which cancels its pending rows.
        if not await self._ledger.is_pending(row.id):
            logger.info("delivery %d to channel %d was cancelled before sending", row.id, row.channel_id)
            self._held.pop(row.id, None)
            return
        record = await self._send_and_judge(row)
        if record is None:
            return  # stopping: the row stays pending for the next start
        await self._record(row, record)

    async def _send_and_judge(self, row: Delivery) -> Recorder | None:
        """Send the row (or find it posted) and return how to record what happened; None when stopping.

        A row posted already (`message_id`) only has its thread or publish left (`_follow_up`)."""
        try:
            subscription = await self._ledger.subscription_of(row.channel_id)
            options = subscription.options if subscription is not None else PostOptions()
            local_date = _local_date(row, subscription)
            if self._clock() - row.slot_at > self._stale_after:
                if row.message_id is not None:
                    return self._posted_late(row, options, row.message_id)
                return await self._too_late(row, options)
            message_id = row.message_id
            if message_id is None:
                message_id = await self._send_once(row, options, local_date)
            if message_id is None:
                return None  # stopping (the row stays pending for the next start), or cancelled meanwhile
        except _UndecidedError as exc:
            undecided = exc.undecided
            return lambda: self._record_undecided(row, undecided)
        except _GivenUpError as exc:
            given_up = exc.failure
            return lambda: self._record_dead(
                row, given_up.reason, counts_against_channel=given_up.blames_channel
            )
        except Exception as exc:
            failure = self._failure(row, exc)
            if isinstance(failure, GiveUp):
                return lambda: self._record_dead(
                    row, failure.reason, counts_against_channel=failure.blames_channel
                )
            return self._later(row, failure)
        return await self._follow_up(row, options, message_id, local_date)

    def _failure(self, row: Delivery, error: Exception, doing: str | None = None) -> SendFailure:
        """The one reading of a Sender's error (bot.delivery.send_failures), for every step of the row:
        its post, its thread (`doing`: "opening its thread"), its publish; a global limit pauses every
        send. The database's own errors are not Discord's: raised again, for `_deliver` to hold the row
        back (nothing was sent for them)."""
        if isinstance(error, DATABASE_ERRORS):
            raise error
        failure = send_failure(error, timeout=self._send_timeout, doing=doing)
        if isinstance(failure, WaitOut) and failure.is_global:
            self._pacer.pause(failure.retry_after)
        if isinstance(failure, TryAgain) and failure.unexpected:
            logger.error(
                "delivery %d to channel %d: unexpected error (%s); tried again later",
                row.id,
                row.channel_id,
                failure.reason,
                exc_info=error,
            )
        return failure

    def _later(self, row: Delivery, failure: WaitOut | TryAgain) -> Recorder:
        """How to record a step to be tried again: after Discord's limit, or after a backoff."""
        if isinstance(failure, WaitOut):
            return lambda: self._record_rate_limit(row, failure)
        return lambda: self._transient(row, failure.reason)

    async def _follow_up(
        self, row: Delivery, options: PostOptions, message_id: int, local_date: date
    ) -> Recorder | None:
        """After the digest is posted as `message_id`: open its thread and publish it, as its subscription
        asks, and say how to record the row as sent with what happened to them; None when stopping.

        The post is noted first (the row stays pending with its message id), so that a crash, a rate limit
        or an error after it repeats only what remains: a thread already opened answers 160004 and a publish
        done already 40033, both taken as done, so neither is ever made twice. A publish that Discord's
        limit holds back waits as the row's next attempt (other deliveries go on), unless the wait outlasts
        the slot's `stale_after`: then it is recorded as not published, with the reason."""
        forum = options.channel_kind == "forum"
        wants_thread = options.open_thread and not forum
        wants_publish = options.publish and options.channel_kind == "announcement"
        if not _follows_up(options):
            return lambda: self._record_sent(row, message_id, thread_id=message_id if forum else None)
        lease = self._lease(row)
        if (
            row.message_id is None
            and not await self._ledger.mark_posted(
                row.id, message_id=message_id, now=self._clock(), lease=lease
            )
            and lease is not None
            and not await self._ledger.leases.held_now(lease)
        ):
            return None  # taken over by another process, which finishes it (a cancelled row goes on)
        thread_id: int | None = None
        note: str | None = None
        try:
            if wants_thread:
                if not await self._permit(row):
                    return None
                async with asyncio.timeout(self._send_timeout):
                    thread_id = await self._sender.open_thread(
                        row.channel_id, message_id, row.brief_ids, local_date=local_date
                    )
        except Exception as exc:
            failure = self._failure(row, exc, "opening its thread")
            if not isinstance(failure, GiveUp):
                return self._later(row, failure)
            note = f"posted, but no thread opened: {failure.reason}"
        published = False
        not_published: str | None = None
        try:
            if wants_publish:
                if not await self._permit(row):
                    return None
                async with asyncio.timeout(self._send_timeout):
                    await self._sender.publish(row.channel_id, message_id)
                published = True
        except Exception as exc:
            failure = self._failure(row, exc, "publishing")
            if isinstance(failure, TryAgain):
                return self._later(row, failure)
            if isinstance(failure, GiveUp):
                not_published = failure.reason
            elif self._clock() + timedelta(seconds=failure.retry_after) <= row.slot_at + self._stale_after:
                logger.info(
                    "publishing delivery %d in channel %d waits %.0fs for Discord's publish limit",
                    row.id,
                    row.channel_id,
                    failure.retry_after,
                )
                return self._later(row, failure)
            else:
                not_published = f"Discord's publish limit ({failure.reason}) outlasts the slot's {describe_duration(self._stale_after)}"
        if not_published is not None:
            logger.warning(
                "delivery %d in channel %d not published: %s", row.id, row.channel_id, not_published
            )
        return lambda: self._record_sent(
            row,
            message_id,
            thread_id=thread_id,
            published=published,
            not_published=not_published,
            note=note,
        )

    def _posted_late(self, row: Delivery, options: PostOptions, message_id: int) -> Recorder:
        """A posted row whose thread or publish did not happen within `stale_after` of its slot: sent, and
        what was not done is recorded with the reason."""
        late = f"not done within {describe_duration(self._stale_after)} of its slot"
        cause = f" (last error: {row.last_error})" if row.last_error else ""
        not_published = (
            f"{late}{cause}" if options.publish and options.channel_kind == "announcement" else None
        )
        note = (
            f"posted, but its thread was {late}{cause}" if options.open_thread and not not_published else None
        )
        return lambda: self._record_sent(row, message_id, not_published=not_published, note=note)

    async def _record(self, row: Delivery, record: Recorder) -> None:
        """Write an outcome; if the ledger cannot take it, keep it in memory and write it again later."""
        try:
            await record()
        except Exception as exc:
            self._hold(row.id, row.channel_id, record, exc)
            return
        await self._recorded(row.id)

    async def _recorded(self, row_id: int) -> None:
        self._held.pop(row_id, None)
        if self._recording_fails:
            self._recording_fails = False
            logger.warning("recording digest outcomes works again")
        await self._progress()

    def _hold(self, row_id: int, channel_id: int, record: Recorder | None, error: Exception) -> None:
        """Back off in memory after the database refused a write for a row; alert once per run of failures."""
        previous = self._held.get(row_id)
        failures = 1 if previous is None else previous.failures + 1
        delay = self._retry.delay(failures, self._jitter())
        if previous is not None and previous.record is not None and record is None:
            record = previous.record  # the send had happened: never lose that it did
        self._held[row_id] = _Held(channel_id, failures, self._monotonic() + delay, record)
        what = "recording the outcome of" if record is not None else "preparing"
        if not self._recording_fails:
            self._recording_fails = True
            logger.error(
                "cannot write to the digest database (%s: %s): %s delivery %d failed; outcomes are kept in "
                "memory and written again with backoff, and nothing is sent twice for them",
                type(error).__name__,
                error,
                what,
                row_id,
                exc_info=error,
            )
        else:
            logger.warning(
                "%s delivery %d failed again (%s: %s); next try in %.1fs",
                what,
                row_id,
                type(error).__name__,
                error,
                delay,
            )

    async def _record_held(self) -> int:
        """Write the outcomes kept in memory whose backoff is over; returns how many were written."""
        written = 0
        now = self._monotonic()
        for row_id, held in list(self._held.items()):
            if held.record is None or held.retry_at > now or held.channel_id in self._busy_channels:
                continue
            try:
                await held.record()
            except Exception as exc:
                self._hold(row_id, held.channel_id, held.record, exc)
                continue
            written += 1
            await self._recorded(row_id)
        return written

    async def _record_sent(
        self,
        row: Delivery,
        message_id: int,
        *,
        thread_id: int | None = None,
        published: bool = False,
        not_published: str | None = None,
        note: str | None = None,
    ) -> None:
        sent = await self._ledger.mark_sent(
            row.id,
            message_id=message_id,
            now=self._clock(),
            thread_id=thread_id,
            published=published,
            not_published=not_published,
            note=note,
            lease=self._lease(row),
        )
        self._written(row)
        if sent:
            self.stats.sent += 1
        self._first_attempts.pop(row.id, None)

    async def _too_late(self, row: Delivery, options: PostOptions) -> Recorder | None:
        """The row's slot is older than `stale_after`: it is not posted now. Never attempted, it expires;
        attempted, it expires only when the channel's history shows it was not posted (found: it was sent;
        the history cannot tell: held). None when stopping or cancelled during the search."""
        late = f"not posted within {describe_duration(self._stale_after)} of its slot"
        if row.attempt_started_at is None:
            cause = f"last error: {row.last_error}" if row.last_error else "the bot was not running"
            expired = f"{late} ({cause})"
            return lambda: self._record_expired(row, expired)
        result = await self._look(row, options)
        if isinstance(result, Found):
            found = result.message_id
            logger.info(
                "late delivery %d to channel %d was posted (message %d)", row.id, row.channel_id, found
            )
            return lambda: self._record_sent(row, found)
        if isinstance(result, Unknown):
            if result.interrupted:
                return None
            undecided = result
            return lambda: self._record_undecided(row, undecided)
        cause = f"last error: {row.last_error}" if row.last_error else "its sends never reached the channel"
        expired = f"{late} (the channel's history shows it was not; {cause})"
        return lambda: self._record_expired(row, expired)

    async def _record_expired(self, row: Delivery, reason: str) -> None:
        expired = await self._ledger.mark_expired(
            row.id, reason=reason, now=self._clock(), lease=self._lease(row)
        )
        self._written(row)
        if expired:
            self.stats.expired += 1
        self._first_attempts.pop(row.id, None)

    async def _record_undecided(self, row: Delivery, undecided: Unknown) -> None:
        now = self._clock()
        await self._ledger.mark_held(
            row.id,
            reason=held_reason(undecided.reason),
            now=now,
            recheck_at=now + HELD_RECHECK_FIRST,
            blind=undecided.blind,
            lease=self._lease(row),
        )
        self._written(row)
        self._first_attempts.pop(row.id, None)
        self._recheck_failures.pop(row.id, None)
        self.stats.held += 1

    async def _recheck(self, row: Delivery) -> None:
        lease = self._lease(row)
        try:
            await self._look_again(row)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            # The database refused the outcome: the row stays held, looked for again after a backoff.
            failures = self._recheck_failures.get(row.id, 0) + 1
            self._recheck_failures[row.id] = failures
            delay = self._retry.delay(failures, self._jitter())
            self._recheck_blocked[row.id] = self._monotonic() + delay
            logger.warning(
                "looking again for held delivery %d failed (%s: %s); next try in %.1fs",
                row.id,
                type(exc).__name__,
                exc,
                delay,
            )
        finally:
            await self._end_lease(row, lease)
            self._busy_rows.discard(row.id)
            self._busy_channels.discard(row.channel_id)
            self._capacity.release()
            self._finished += 1
            self._wake.set()

    async def _look_again(self, row: Delivery) -> None:
        """Search a held row's channel again: found, it was sent; not there (the whole window read), it is
        sent now, or expired when its slot is older than `stale_after`; still undecided, it stays held and
        is looked for again after twice the last wait (at most HELD_RECHECK_MAX)."""
        self.stats.rechecked += 1
        subscription: Subscription | None = None
        options = PostOptions()
        try:
            subscription = await self._ledger.subscription_of(row.channel_id)
            options = subscription.options if subscription is not None else PostOptions()
            # Posted already (held by a cancel while its thread or publish remained): no need to look.
            result = (
                Found(row.message_id)
                if row.message_id is not None
                else await self._look(row, options, while_state="held")
            )
        except ChannelGoneError as gone:
            await self._end_held_of_gone_channel(row, gone.reason)
            return
        except Exception as exc:
            # Whatever the search met, the row stays held: it was never read as posted or not posted.
            failure = self._failure(row, exc)
            failed = (
                failure.reason if isinstance(failure, WaitOut) else f"the search failed: {failure.reason}"
            )
            result = Unknown(failed)
        now = self._clock()
        lease = self._lease(row)  # kept by release_held and mark_posted, let go by the task after them
        stopped = subscription is not None and not subscription.deliverable
        if isinstance(result, Found) and _follows_up(options) and not stopped:
            # Posted: its thread or publish remain, which the next attempt does (and only those). (Its
            # channel stopped meanwhile, it is recorded below: cancelled, its briefs had.)
            released = await self._ledger.release_held(row.id, now=now, lease=lease)
            if released == "pending":
                await self._ledger.mark_posted(row.id, message_id=result.message_id, now=now, lease=lease)
                self._wake.set()
        elif isinstance(result, Found):
            forum = options.channel_kind == "forum"
            sent = await self._ledger.mark_sent(
                row.id,
                message_id=result.message_id,
                now=now,
                thread_id=result.message_id if forum else None,
                lease=lease,
            )
            self._written(row)
            if sent:
                self.stats.sent += 1
                logger.info(
                    "held delivery %d to channel %d was posted (message %d)",
                    row.id,
                    row.channel_id,
                    result.message_id,
                )
        elif isinstance(result, NotPosted):
            if now - row.slot_at > self._stale_after and not stopped:  # (stopped: cancelled below)
                late = f"not posted within {describe_duration(self._stale_after)} of its slot"
                reason = f"{late} (held, then the channel's history shows it was not posted)"
                expired = await self._ledger.mark_expired(
                    row.id, reason=reason, now=now, held=True, lease=lease
                )
                self._written(row)
                if expired:
                    self.stats.expired += 1
            elif await self._ledger.release_held(row.id, now=now, lease=lease) == "pending":
                self._wake.set()
        else:
            if result.interrupted:
                return
            # The doubling counts on from the row's own count, which a restart does not reset.
            wait = min(HELD_RECHECK_MAX, HELD_RECHECK_FIRST * 2 ** (row.held_checks + 1))
            await self._ledger.still_held(
                row.id,
                reason=held_reason(result.reason),
                recheck_at=now + wait,
                now=now,
                blind=result.blind,
                lease=lease,
            )
            self._written(row)
        self._recheck_failures.pop(row.id, None)
        self._recheck_blocked.pop(row.id, None)

    async def _end_held_of_gone_channel(self, row: Delivery, refusal: str) -> None:
        """The held row's channel no longer exists (Discord said so to its look): whether an earlier send
        posted it can never be read now, and there is nowhere to post it; it ends, with the reason, instead
        of being looked for (a 404 each time) for ever. Never sent."""
        ended = await self._ledger.end_held(
            row.id,
            reason=f"the channel no longer exists ({refusal}); {GONE_WHILE_HELD}",
            now=self._clock(),
            lease=self._lease(row),
        )
        self._written(row)
        self._recheck_failures.pop(row.id, None)
        self._recheck_blocked.pop(row.id, None)
        if ended:
            logger.info("held delivery %d: its channel %d no longer exists; ended", row.id, row.channel_id)

    async def _record_dead(self, row: Delivery, reason: str, *, counts_against_channel: bool) -> None:
        self._first_attempts.pop(row.id, None)
        outcome = await self._ledger.mark_dead(
            row.id,
            reason=reason,
            now=self._clock(),
            counts_against_channel=counts_against_channel,
            lease=self._lease(row),
        )
        self._written(row)
        if not counts_against_channel:
            return
        self.stats.dead += 1
        if outcome is not None and outcome.paused:
            logger.warning(
                "channel %d paused after %d failed deliveries", row.channel_id, outcome.consecutive_failures
            )

    async def _record_rate_limit(self, row: Delivery, limited: WaitOut) -> None:
        now = self._clock()
        await self._ledger.mark_retry(
            row.id,
            error=limited.reason,
            next_attempt_at=now + timedelta(seconds=limited.retry_after),
            now=now,
            count_attempt=False,
            lease=self._lease(row),
        )
        self._written(row)

    async def _send_once(self, row: Delivery, options: PostOptions, local_date: date) -> int | None:
        """Send the row's digest, unless an earlier attempt already posted it; None when stopping first, or
        when the row was cancelled while it waited for its permit.

        An attempt whose answer was lost (a crash, a timeout, a 5xx after the message was stored) leaves the
        message's existence unknown. Resent with the same nonce within Discord's nonce window, Discord returns
        the original; after it, or when the time since the first attempt cannot be trusted (a wall clock set
        back), the channel's history is searched first (`look_for`). A search that cannot decide raises
        _UndecidedError: the row is held, never resent blindly. A search Discord refuses decides nothing
        either (`_look`), and neither does a resend it refuses inside the nonce window (it checks before it
        deduplicates): that row is looked for before it is given up (`_refused_resend`).

        The database work comes before the pacer's permit, so that nothing stands between the permit and the
        request: a send held back after its permit would leave together with the next ones, in a burst.
        """
        forum = options.channel_kind == "forum"
        # No send of this row ever began (each is noted first): Discord has no message for its nonce, so the
        # message (or forum post) it answers with is one this request made, by Discord's clock now. A later
        # send may be answered with the original, older message, which must never pass for Discord's time.
        first_send = row.attempt_started_at is None
        looked = False  # the channel was read in full without it just before this send
        if first_send:
            self._first_attempts[row.id] = self._monotonic()
        elif forum or not self._nonce_still_trusted(row):  # a forum post has no nonce
            result = await self._look(row, options)
            looked = True
            if isinstance(result, Found):
                logger.info(
                    "delivery %d to channel %d was already posted (message %d)",
                    row.id,
                    row.channel_id,
                    result.message_id,
                )
                return result.message_id
            if isinstance(result, Unknown):
                if result.interrupted:
                    return None
                raise _UndecidedError(result)
        if isinstance(self._sender, PreparesDigests):
            # The message's reads and rendering come before the permit too (the Discord layer's), so that
            # nothing but the request follows it.
            await self._sender.prepare_digest(row.nonce, row.brief_ids, ping_role_id=options.ping_role_id)
        await self._ledger.mark_attempt_started(row.id, now=self._clock())
        # The permit's check is the last before the request: a lease taken over since stops it there.
        if not await self._permit(row):
            if first_send and await self._ledger.state_now(row.id) == "held":
                # Cancelled while it waited (the cancel held it, its send having begun): no request of it
                # ever left, so it was not posted.
                await self._ledger.release_held(row.id, now=self._clock(), lease=self._lease(row))
            return None
        observer = self._discord_clock if first_send else None
        sent_at = observer.monotonic() if observer is not None else 0.0
        try:
            async with asyncio.timeout(self._send_timeout):
                if forum:
                    message_id = await self._sender.create_forum_post(
                        row.channel_id,
                        row.nonce,
                        row.brief_ids,
                        local_date=local_date,
                        ping_role_id=options.ping_role_id,
                    )
                else:
                    message_id = await self._sender.send_digest(
                        row.channel_id, row.nonce, row.brief_ids, ping_role_id=options.ping_role_id
                    )
        except Exception as exc:
            refused = send_failure(exc, timeout=self._send_timeout)
            if first_send or looked or not isinstance(refused, GiveUp):
                raise
            # Refused (403, 404, 400) inside the nonce window, after a send whose answer was lost: Discord
            # checks before it deduplicates, so that send may have posted it. Looked for before giving up.
            return await self._refused_resend(row, options, refused)
        if observer is not None:
            observer.observe_created(message_id, sent_at=sent_at)
        return message_id

    async def _refused_resend(self, row: Delivery, options: PostOptions, refused: GiveUp) -> int | None:
        """After Discord refused a resend of `row` (`refused`): the message an earlier send posted (Found),
        or None when stopping or cancelled meanwhile; raises _UndecidedError when the channel cannot tell,
        and `_GivenUpError` when it was read in full without the digest (given up as `refused` says)."""
        result = await self._look(row, options)
        if isinstance(result, Found):
            logger.info(
                "delivery %d to channel %d: its resend was refused (%s), but an earlier send had posted it"
                " (message %d)",
                row.id,
                row.channel_id,
                refused.reason,
                result.message_id,
            )
            return result.message_id
        if isinstance(result, NotPosted):
            raise _GivenUpError(refused)
        if result.interrupted:
            return None
        raise _UndecidedError(
            Unknown(f"Discord refused its resend ({refused.reason}); {result.reason}", blind=result.blind)
        )

    async def _look(
        self, row: Delivery, options: PostOptions, *, while_state: DeliveryState = "pending"
    ) -> SearchResult:
        """`look_for` in a channel; in a forum, `look_in_forum`. A search Discord refuses (403: the bot may
        not see the channel now; 404) cannot tell whether an earlier send posted the digest: Unknown, the
        history unread (never a refused send: the row is not given up on it). A channel that no longer
        exists (ChannelGoneError) is raised: there is nothing to post to nor to look in, ever again."""
        try:
            if options.channel_kind == "forum":
                return await self.look_in_forum(row, while_state=while_state)
            return await self.look_for(row, while_state=while_state)
        except ChannelGoneError:
            raise
        except Exception as exc:
            refused = send_failure(exc, timeout=self._send_timeout)
            if not isinstance(refused, GiveUp):
                raise
            return Unknown(f"Discord refused the search of the channel ({refused.reason})", blind=True)

    async def look_in_forum(self, row: Delivery, *, while_state: DeliveryState = "pending") -> SearchResult:
        """Search `row`'s forum for the post an earlier attempt may have made (`attempt_started_at` set):
        among the bot's posts, active and archived, made within the search window, the one whose first
        message carries the row's marker. Unknown when the forum's posts cannot be read. Raises the
        Sender's errors (and TimeoutError)."""
        first = self._first_attempts.get(row.id)
        window = search_window(
            row,
            self._clock(),
            send_timeout=self._send_timeout,
            margin=self._search_margin,
            since_first_attempt=None if first is None else self._monotonic() - first,
        )
        if not await self._permit(row, while_state=while_state):
            return Unknown("stopped before looking", interrupted=True)
        async with asyncio.timeout(self._send_timeout):
            posts = await self._sender.forum_posts_since(row.channel_id, window.after)
        if posts is None:
            return Unknown(
                "the bot may not read the forum's posts (it needs Read Message History there)", blind=True
            )
        for post in posts:
            if post.by_bot and row.nonce in post.markers:
                logger.info("delivery %d: found its forum post %d", row.id, post.id)
                return Found(post.id)
        return NotPosted(len(posts))

    def _nonce_still_trusted(self, row: Delivery) -> bool:
        """Whether a resend now is surely inside Discord's nonce window. Measured on the monotonic clock when
        this process made the first attempt; otherwise on the wall clock, where a negative time (the clock
        was set back) cannot be trusted."""
        first = self._first_attempts.get(row.id)
        if first is not None:
            elapsed = self._monotonic() - first
        else:
            assert row.attempt_started_at is not None
            elapsed = (self._clock() - row.attempt_started_at).total_seconds()
        return nonce_trusted(elapsed, self._nonce_trust_seconds)

    async def look_for(self, row: Delivery, *, while_state: DeliveryState = "pending") -> SearchResult:
        """Search `row`'s channel for its digest, which an earlier attempt may have posted (the row must have
        been attempted: `attempt_started_at` set). Each page waits for this dispatcher's pacer, and the
        search ends as Unknown(interrupted=True) when the dispatcher stops or the row leaves `while_state`
        meanwhile (cancelled, say).
        Found, NotPosted or Unknown with the reason (see bot.delivery.history_search). Raises the Sender's
        errors (and TimeoutError for a page that takes longer than the send timeout)."""
        first = self._first_attempts.get(row.id)
        window = search_window(
            row,
            self._clock(),
            send_timeout=self._send_timeout,
            margin=self._search_margin,
            since_first_attempt=None if first is None else self._monotonic() - first,
        )
        search = HistorySearch(
            self._sender,
            permit=lambda: self._permit(row, while_state=while_state),
            max_pages=self._search_max_pages,
            page_timeout=self._send_timeout,
        )
        return await search.search(row.channel_id, row.nonce, window)

    async def _permit(self, row: Delivery, *, while_state: DeliveryState = "pending") -> bool:
        """Wait for the pacer; False if the dispatcher began stopping meanwhile, or if the row was cancelled
        (unsubscribe, pause) while it waited, which under a global pause can be minutes: nothing is sent
        then. The check reads what is committed without waiting for the database's lock, and it runs at the
        end of the wait, just before the permit's time (the pacer's `prepare`): read after the permit, a
        slow answer (PostgreSQL under load) made the permit too old to use, and every such permit was lost
        to the rate."""
        still_to_send = await self._pacer.acquire(lambda: self._still_to_send(row, while_state))
        return still_to_send and not self._stopping

    async def _still_to_send(self, row: Delivery, while_state: DeliveryState) -> bool:
        lease = self._lease(row)
        if lease is None:
            state = await self._ledger.state_now(row.id)
        else:
            state, held = await self._ledger.state_under_lease_now(lease)
            if not held:
                logger.warning(
                    "delivery %d to channel %d: another process took its lease over while it waited to be"
                    " sent; not sent here",
                    row.id,
                    row.channel_id,
                )
                return False
        if while_state != "pending":
            return state == while_state
        if state != "pending":
            logger.info(
                "delivery %d to channel %d was cancelled while it waited to be sent", row.id, row.channel_id
            )
            return False
        return True

    async def _transient(self, row: Delivery, reason: str) -> None:
        # No attempt limit: an outage longer than any schedule of retries, or a 401 until the token is fixed,
        # must not give the digest up; the slot's age does (`_too_late`), and the last try before that comes
        # on time rather than after it.
        attempt = row.attempts + 1
        now = self._clock()
        delay = self._retry.delay(attempt, self._jitter())
        next_at = now + timedelta(seconds=delay)
        deadline = row.slot_at + self._stale_after
        if now < deadline < next_at:
            next_at = deadline
        logger.info(
            "delivery %d to channel %d failed (%s); attempt %d in %.1fs",
            row.id,
            row.channel_id,
            reason,
            attempt + 1,
            (next_at - now).total_seconds(),
        )
        retried = await self._ledger.mark_retry(
            row.id, error=reason, next_attempt_at=next_at, now=now, lease=self._lease(row)
        )
        self._written(row)
        if retried:
            self.stats.retried += 1

    async def _progress(self) -> None:
        # A large fan-out takes minutes at 45/s: every N outcomes, say how far it got and how fast it goes.
        now = time.monotonic()
        if self._window_started is None:
            self._window_started = now
        self._outcomes += 1
        if self._outcomes % self._progress_every:
            return
        rate = self._progress_every / max(now - self._window_started, 1e-9)
        self._window_started = now
        remaining = await self._ledger.count("pending")
        logger.info(
            "digest fan-out: %d sent, %d dead, %d retried so far; %d pending; %.1f sends/s; %s",
            self.stats.sent,
            self.stats.dead,
            self.stats.retried,
            remaining,
            rate,
            self._pacer.departures_text(),
        )
