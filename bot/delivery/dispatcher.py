"""Drains the delivery ledger: paced sends, one in flight per channel, retries, graceful stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import utc_now
from bot.delivery.pacing import Pacer
from bot.delivery.sender_protocol import (
    NothingToSendError,
    PermanentDeliveryError,
    RateLimitedError,
    Sender,
    TransientDeliveryError,
)
from bot.storage.ledger import Delivery, DeliveryLedger

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter for transient errors, and the attempt limit."""

    # About 25-50 minutes of retries (jittered) before a delivery is given up: longer than most outages.
    max_attempts: int = 12
    base_delay: float = 5.0
    max_delay: float = 600.0

    def delay(self, attempt: int, jitter: float) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based), with `jitter` in [0, 1).

        Grows as base * 2**(attempt-1), capped at max_delay, then scaled into [50%, 100%) of that so that
        channels failing together do not retry together.
        """
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** max(0, attempt - 1))
        return ceiling * (0.5 + 0.5 * jitter)


@dataclass(slots=True)
class DispatchStats:
    """Counters since the dispatcher was created."""

    sent: int = 0
    dead: int = 0
    retried: int = 0


class Dispatcher:
    """Sends pending ledger rows through a `Sender`.

    Promises: permits from one `Pacer` space all sends evenly (45/s by default); at most one send per channel is
    in flight, and at most `max_in_flight` overall (enough for rate x latency); each row's outcome is written
    to the ledger before its channel's next row is taken; a row whose send is interrupted (crash, stop) stays
    pending and is sent again later with the same nonce.

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
    ) -> None:
        self._ledger = ledger
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

    # --- control ---

    def wake(self) -> None:
        """Look for due rows now (call after recording a slot)."""
        self._wake.set()

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
        return cancelled

    async def run_until_idle(self) -> None:
        """Send every row due now (and rows that become due while doing so), waiting for all sends, then
        return. Rows whose next attempt is later are left for a later call."""
        while True:
            started = await self._dispatch_pass()
            if self._tasks:
                await asyncio.wait(set(self._tasks))
                continue
            if started == 0:
                return

    # --- the loop ---

    async def _run(self) -> None:
        logger.info("digest dispatcher started")
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
            timeout = await self._idle_timeout()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=timeout)

    async def _idle_timeout(self) -> float:
        try:
            next_at = await self._ledger.next_attempt_at()
        except Exception:
            return self._poll_interval
        if next_at is None:
            return self._poll_interval
        seconds = (next_at - self._clock()).total_seconds()
        # Due already but nothing started: every due row's channel is busy; a finishing send wakes us.
        return self._poll_interval if seconds <= 0 else min(seconds, self._poll_interval)

    async def _dispatch_pass(self) -> int:
        """Start sends for due rows whose channel is free; returns how many were started."""
        async with self._pass_lock:
            return await self._dispatch_pass_locked()

    async def _dispatch_pass_locked(self) -> int:
        # A send in flight now may finish while we read, leaving a stale 'pending' copy of its row in the
        # result: rows in flight when the read began are skipped even if they have finished since.
        in_flight_before = set(self._busy_rows)
        rows = await self._ledger.due(self._clock(), limit=self._batch_size + len(in_flight_before))
        started = 0
        for row in rows:
            if self._stopping:
                break
            if (
                row.id in in_flight_before
                or row.id in self._busy_rows
                or row.channel_id in self._busy_channels
            ):
                continue
            await self._capacity.acquire()
            if self._stopping:
                self._capacity.release()
                break
            self._busy_rows.add(row.id)
            self._busy_channels.add(row.channel_id)
            task = asyncio.create_task(self._deliver(row), name=f"digest-send-{row.id}")
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            started += 1
        return started

    async def _deliver(self, row: Delivery) -> None:
        try:
            await self._attempt(row)
        except asyncio.CancelledError:
            logger.info("send of delivery %d to channel %d cut off; left pending", row.id, row.channel_id)
            raise
        except Exception:
            logger.exception("recording the outcome of delivery %d failed; it stays pending", row.id)
        finally:
            self._busy_rows.discard(row.id)
            self._busy_channels.discard(row.channel_id)
            self._capacity.release()
            self._wake.set()

    async def _attempt(self, row: Delivery) -> None:
        # The row was read a while ago (a batch at 45/s takes seconds): the channel may have been unsubscribed
        # or paused since, which cancels its pending rows.
        if not await self._ledger.is_pending(row.id):
            logger.info("delivery %d to channel %d was cancelled before sending", row.id, row.channel_id)
            return
        try:
            message_id = await self._send_once(row)
            if message_id is None:
                return  # stopping: the row stays pending for the next start
        except NothingToSendError as exc:
            await self._ledger.mark_dead(
                row.id, reason=exc.reason, now=self._clock(), counts_against_channel=False
            )
        except PermanentDeliveryError as exc:
            outcome = await self._ledger.mark_dead(row.id, reason=exc.reason, now=self._clock())
            self.stats.dead += 1
            if outcome is not None and outcome.paused:
                logger.warning(
                    "channel %d paused after %d failed deliveries",
                    row.channel_id,
                    outcome.consecutive_failures,
                )
        except RateLimitedError as exc:
            if exc.is_global:
                self._pacer.pause(exc.retry_after)
            now = self._clock()
            await self._ledger.mark_retry(
                row.id,
                error=exc.reason,
                next_attempt_at=now + timedelta(seconds=exc.retry_after),
                now=now,
                count_attempt=False,
            )
        except TimeoutError:
            await self._transient(row, f"timed out after {self._send_timeout:g}s")
        except TransientDeliveryError as exc:
            await self._transient(row, exc.reason)
        except Exception as exc:
            logger.exception("unexpected error sending delivery %d to channel %d", row.id, row.channel_id)
            await self._transient(row, f"{type(exc).__name__}: {exc}")
        else:
            await self._ledger.mark_sent(row.id, message_id=message_id, now=self._clock())
            self.stats.sent += 1
        await self._progress()

    async def _send_once(self, row: Delivery) -> int | None:
        """Send the row's digest, unless an earlier attempt already posted it; None when stopping first.

        An attempt whose answer was lost (a crash, a timeout, a 5xx after the message was stored) leaves the
        message's existence unknown. Resent with the same nonce within Discord's nonce window, Discord returns
        the original; later, the channel's recent messages are looked at first.

        The database work comes before the pacer's permit, so that nothing stands between the permit and the
        request: a send held back after its permit would leave together with the next ones, in a burst.
        """
        started = row.attempt_started_at
        if started is None:
            await self._ledger.mark_attempt_started(row.id, now=self._clock())
        elif (self._clock() - started).total_seconds() > self._nonce_trust_seconds:
            after = await self._ledger.last_message_id(row.channel_id)
            if not await self._permit():
                return None
            async with asyncio.timeout(self._send_timeout):
                found = await self._sender.find_posted_digest(row.channel_id, row.brief_ids, after)
            if found is not None:
                logger.info(
                    "delivery %d to channel %d was already posted (message %d)", row.id, row.channel_id, found
                )
                return found
        if not await self._permit():
            return None
        async with asyncio.timeout(self._send_timeout):
            return await self._sender.send_digest(row.channel_id, row.nonce, row.brief_ids)

    async def _permit(self) -> bool:
        """Wait for the pacer; False if the dispatcher began stopping meanwhile (nothing is sent then)."""
        await self._pacer.acquire()
        return not self._stopping

    async def _transient(self, row: Delivery, reason: str) -> None:
        attempt = row.attempts + 1
        now = self._clock()
        if attempt >= self._retry.max_attempts:
            await self._ledger.mark_dead(
                row.id,
                reason=f"gave up after {attempt} attempts: {reason}",
                now=now,
                counts_against_channel=False,
            )
            self.stats.dead += 1
            return
        delay = self._retry.delay(attempt, self._jitter())
        logger.info(
            "delivery %d to channel %d failed (%s); attempt %d of %d again in %.1fs",
            row.id,
            row.channel_id,
            reason,
            attempt + 1,
            self._retry.max_attempts,
            delay,
        )
        await self._ledger.mark_retry(
            row.id, error=reason, next_attempt_at=now + timedelta(seconds=delay), now=now
        )
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
            "digest fan-out: %d sent, %d dead, %d retried so far; %d pending; %.1f sends/s",
            self.stats.sent,
            self.stats.dead,
            self.stats.retried,
            remaining,
            rate,
        )
