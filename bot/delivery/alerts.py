"""The absence alarm: for each slot, one message per server naming every subscribed channel that got nothing
through a fault, in the server's admin channel (`/digest alerts`).

Faults: a slot missed while the bot was not running, a digest Discord refused (given up), one not posted in
time (expired), one an earlier send may have posted that could not be checked (held), and slots skipped or
cancelled because Briefbot itself paused the channel. A member's pause and "nothing new" are not faults.

When a slot's alert is final: once none of that server's digests of the slot is pending any more (each is
sent, skipped, missed, dead, expired, held or cancelled). A pending digest is given up at the latest
DIGEST_STALE_AFTER after its slot, so every alert is decided by then (checked every ALERT_CHECK_SECONDS).
A slot whose rows were recorded in part when the bot stopped has its alert once the rest are recorded
and finished; a fault recorded after the slot's alert was recorded is not alerted again.

Exactly once, like a digest: the alert is recorded with its text before it is sent, and sent with a nonce
derived from (server, slot); an attempt whose outcome was lost is resent with the same nonce within
Discord's nonce window, and after it the admin channel's history is searched for the alert's marker first.
An alert that cannot be delivered is logged, never alerted about.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Protocol

from bot.briefs.render import defuse_mentions
from bot.clock import utc_now
from bot.delivery.history_search import (
    Found,
    HistorySearch,
    Unknown,
    held_reason,
    nonce_trusted,
    search_window,
)
from bot.delivery.pacing import Pacer
from bot.delivery.receipts import discord_time
from bot.delivery.send_failures import GiveUp, WaitOut, send_failure
from bot.delivery.sender_protocol import HistoryReader
from bot.storage.alerts import Alert, AlertRepository, Fault, FinishedSlot, alert_nonce

logger = logging.getLogger(__name__)

ALERT_CHECK_SECONDS = 30.0
LOOKBACK = timedelta(days=2)  # slots older than this are never alerted (they were decided long ago)
MESSAGE_LIMIT = 2000
REASON_SHOWN = 200  # characters of a stored reason an alert line quotes
RETRY_BASE_SECONDS = 5.0
RETRY_MAX_SECONDS = 600.0
MARKER_PREFIX = "-# Briefbot alert "  # the last line of every alert: its nonce, for the search after a crash
_MISSING = re.compile(r"I no longer have (?P<missing>.+?) in this channel")


class AlertSender(HistoryReader, Protocol):
    """What the Discord layer implements to post an alert (and to look for one posted before, by the
    markers of `history_after`'s messages: an alert's marker is its nonce)."""

    async def send_alert(self, channel_id: int, nonce: str, content: str) -> int:
        """Post `content` to `channel_id` with `nonce` (enforced) and no mention allowed; the message id.
        Raises the DeliveryErrors of bot.delivery.sender_protocol."""
        ...


def stage_and_fix(fault: Fault) -> tuple[str, str]:
    """Where the digest stopped, and what an admin can do about it, in plain words."""
    channel = f"<#{fault.channel_id}>"
    reason = defuse_mentions((fault.reason or fault.last_error or "no reason recorded")[:REASON_SHOWN])
    everything = f"View Channel, Send Messages, Embed Links and Read Message History in {channel}"
    if fault.not_published is not None:
        return (
            f"publishing: posted, but not published to the channel's followers ({defuse_mentions(fault.not_published[:REASON_SHOWN])})",
            f"Discord allows 10 publishes an hour in {channel}, members' included: publish it by hand, or"
            " publish less there",
        )
    if fault.state == "missed":
        return (
            "scheduling: the bot was not running at the slot",
            "keep the bot running; a slot missed by more than DIGEST_CATCH_UP_GRACE is not posted late",
        )
    if fault.state == "expired":
        return (
            f"sending: {reason}",
            f"check the bot's connection and token; `/digest now channel:{channel}` posts a digest now",
        )
    if fault.state == "held":
        return (
            "checking: an earlier send may have posted it, and the channel's history could not tell",
            f"give the bot Read Message History in {channel}; if the digest is not there,"
            f" `/digest now channel:{channel}` posts one",
        )
    if fault.state == "dead":
        if "briefs are no longer loaded" in reason:
            return (
                "preparing: its briefs were unloaded before it was sent",
                "none needed: the next digest has them",
            )
        if reason.startswith("404"):
            return (
                f"sending: Discord refused it ({reason})",
                f"the bot cannot find {channel}: subscribe a channel it can see",
            )
        if reason.startswith("403"):
            return (f"sending: Discord refused it ({reason})", f"give the bot {everything}")
        return (f"sending: Discord refused it ({reason})", f"see `/digest history channel:{channel}`")
    # Skipped or cancelled because Briefbot paused the channel.
    why = reason.removeprefix("subscription paused: ")
    resume = f"then `/digest resume channel:{channel}`"
    missing = _MISSING.search(why)
    if missing and fault.pause_cause == "permissions":
        # Briefbot lifts a pause for a lost permission itself once the permission is back.
        return (
            f"paused by Briefbot: {why}",
            f"give the bot {missing['missing']} in {channel}; the digests resume by themselves then",
        )
    if missing:
        return (f"paused by Briefbot: {why}", f"give the bot {missing['missing']} in {channel}, {resume}")
    return (f"paused by Briefbot: {why}", f"give the bot {everything}, {resume}")


def alert_text(slot: FinishedSlot, faults: Sequence[Fault], nonce: str) -> str:
    """The alert: a heading with the slot, one line per channel (the channel, the slot, the stage that
    stopped it, the fix), within Discord's 2,000 characters, and the marker line last."""
    when = discord_time(slot.slot_at)
    heading = f"**No digest reached {len(faults)} channel(s) for the slot of {when}.**"
    marker = f"{MARKER_PREFIX}{nonce}"
    lines = []
    for fault in faults:
        stage, fix = stage_and_fix(fault)
        lines.append(f"- <#{fault.channel_id}>, slot {when}: stopped at {stage}. Fix: {fix}.")
    room = MESSAGE_LIMIT - len(heading) - len(marker) - 2
    body = ""
    for index, line in enumerate(lines):
        rest = f"\n... and {len(lines) - index} more: see `/digest history` in each channel."
        if len(body) + 1 + len(line) + len(rest) > room:
            body += rest
            break
        body += "\n" + line
    return f"{heading}{body}\n{marker}"


class AlertDispatcher:
    """Records each finished slot's alert and sends it, paced with the digests (the same Pacer)."""

    def __init__(
        self,
        repository: AlertRepository,
        sender: AlertSender | None,
        pacer: Pacer,
        *,
        clock: Callable[[], datetime] = utc_now,
        nonce_trust_seconds: float = 120.0,
        give_up_after: timedelta = timedelta(hours=6),
        send_timeout: float = 60.0,
        interval: float = ALERT_CHECK_SECONDS,
    ) -> None:
        self.repository = repository
        self._sender = sender
        self._pacer = pacer
        self._clock = clock
        self._nonce_trust_seconds = nonce_trust_seconds
        self._give_up_after = give_up_after
        self._send_timeout = send_timeout
        self._interval = interval
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()

    def start(self) -> None:
        """Check for finished slots and send alerts every `interval` seconds (and when woken)."""
        if self._task is None and self._sender is not None:
            self._task = asyncio.create_task(self._run(), name="digest-alerts")

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        """Stop the checks, after the one in progress (a send is never cut off midway)."""
        if self._task is not None:
            async with self._lock:
                self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                await self.run_once()
            except Exception:
                logger.exception("checking for digest alerts failed; trying again in %.0fs", self._interval)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._interval)

    async def run_once(self) -> int:
        """Record the alerts of slots that have finished, then send the alerts due; returns how many were
        sent. One run at a time."""
        async with self._lock:
            now = self._clock()
            for slot in await self.repository.finished_slots(since=now - LOOKBACK):
                faults = await self.repository.faults(slot)
                if not faults:
                    continue
                nonce = _nonce_of(slot)
                if await self.repository.record(slot, alert_text(slot, faults, nonce), now=now):
                    logger.info(
                        "alert recorded for server %d, slot %s (%s): %d channel(s) got no digest",
                        slot.guild_id,
                        slot.slot_key,
                        slot.timezone,
                        len(faults),
                    )
            sent = 0
            if self._sender is None:
                return sent
            for alert in await self.repository.due(self._clock()):
                sent += await self._deliver(alert, self._sender)
            return sent

    async def _deliver(self, alert: Alert, sender: AlertSender) -> int:
        now = self._clock()
        started = alert.attempt_started_at
        if started is not None and not nonce_trusted(
            (now - started).total_seconds(), self._nonce_trust_seconds
        ):
            window = search_window(alert, now, send_timeout=self._send_timeout)
            search = HistorySearch(sender, permit=self._permit, page_timeout=self._send_timeout)
            try:
                result = await search.search(alert.channel_id, alert.nonce, window)
            except Exception as exc:  # read as a send's error: given up, or tried again later
                await self._failed(alert, exc)
                return 0
            if isinstance(result, Found):
                await self.repository.sent(alert.id, message_id=result.message_id, now=self._clock())
                return 1
            if isinstance(result, Unknown):
                reason = held_reason(result.reason)
                await self.repository.held(alert.id, reason=reason, now=self._clock())
                logger.warning("alert %d for server %d held: %s", alert.id, alert.guild_id, reason)
                return 0
        await self.repository.attempt_started(alert.id, now=now)
        await self._pacer.acquire()
        try:
            async with asyncio.timeout(self._send_timeout):
                message_id = await sender.send_alert(alert.channel_id, alert.nonce, alert.content)
        except Exception as exc:
            await self._failed(alert, exc)
            return 0
        await self.repository.sent(alert.id, message_id=message_id, now=self._clock())
        logger.info("alert %d sent to channel %d of server %d", alert.id, alert.channel_id, alert.guild_id)
        return 1

    async def _failed(self, alert: Alert, error: Exception) -> None:
        """Record what a send's (or a search's) error means, read as a digest's is
        (bot.delivery.send_failures): given up, after Discord's limit, or after a backoff."""
        failure = send_failure(error, timeout=self._send_timeout)
        if isinstance(failure, GiveUp):
            await self._undeliverable(alert, failure.reason)
        elif isinstance(failure, WaitOut):
            if failure.is_global:
                self._pacer.pause(failure.retry_after)
            await self.repository.retry(
                alert.id,
                error=failure.reason,
                next_attempt_at=self._clock() + timedelta(seconds=failure.retry_after),
                now=self._clock(),
            )
        else:
            if failure.unexpected:
                logger.warning("alert %d: unexpected error (%s)", alert.id, failure.reason, exc_info=error)
            await self._transient(alert, failure.reason)

    async def _undeliverable(self, alert: Alert, reason: str) -> None:
        # Never alerted about: the admin channel is where alerts would go.
        await self.repository.failed(alert.id, reason=reason, now=self._clock())
        logger.warning(
            "alert for server %d (slot %s %s) could not be delivered to channel %d: %s",
            alert.guild_id,
            alert.slot_key,
            alert.timezone,
            alert.channel_id,
            reason,
        )

    async def _transient(self, alert: Alert, reason: str) -> None:
        now = self._clock()
        if now - alert.slot_at > self._give_up_after:
            await self._undeliverable(alert, f"still failing after {self._give_up_after}: {reason}")
            return
        delay = min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2.0**alert.attempts)
        logger.info("alert %d failed (%s); trying again in %.0fs", alert.id, reason, delay)
        await self.repository.retry(
            alert.id, error=reason, next_attempt_at=now + timedelta(seconds=delay), now=now
        )

    async def _permit(self) -> bool:
        await self._pacer.acquire()
        return True


def _nonce_of(slot: FinishedSlot) -> str:
    return alert_nonce(slot.guild_id, slot.timezone, slot.slot_key)
