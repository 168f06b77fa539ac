"""When digests are due: APScheduler wakes us at slot times; our own slot enumeration decides what is due.

APScheduler 3.11 is only an alarm clock here. Its traps (next run time stored before the job runs, slots
missed while down silently dropped, 1 s misfire grace, the DST double fire and skipped day) cannot lose or
double a digest, because:

- the job only records the due slots' ledger rows (idempotently) and wakes the dispatcher; sending happens in
  the dispatcher, which shutdown does not cancel;
- what is due is computed by `slots_between` from each subscription's `recorded_through` mark to now, at start,
  on every fire, and on a watchdog tick (every 30 s), which also notices a wall-clock jump;
- slots older than the catch-up grace are recorded as 'missed' (and logged), never sent late.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import utc_now
from bot.delivery.contents import DigestContents, contents_rule
from bot.delivery.slots import Slot, slots_between
from bot.delivery.versions import Offer, as_offer
from bot.schedule import WATCHDOG_SECONDS, ScheduleError, WhenNothingNew, parse_schedule
from bot.storage.ledger import ChooseContents, DeliveryLedger
from bot.storage.subscriptions import SubscriptionRepository

logger = logging.getLogger(__name__)

BriefIdSource = Callable[[], Offer | Sequence[str]]
"""Returns the briefs available now (bot.delivery.versions.Offer: ids newest first, versions and tags), or
only their ids, newest first (then no versions are known)."""

JOB_PREFIX = "digest"
MAX_MISSED_ROWS = 50  # per schedule group and catch-up: after a long outage, log the rest instead


@dataclass(slots=True)
class RecordReport:
    """What one `record_due_slots` call did: (slot key, timezone, channel id) per outcome."""

    pending: list[tuple[str, str, int]] = field(default_factory=list)
    skipped: list[tuple[str, str, int]] = field(default_factory=list)
    missed: list[tuple[str, str, int]] = field(default_factory=list)
    missed_unrecorded: int = 0  # missed slots beyond MAX_MISSED_ROWS, only logged

    def add(self, slot: Slot, outcome: str, channel_ids: Sequence[int]) -> None:
        target: list[tuple[str, str, int]] = getattr(self, outcome)
        target.extend((slot.key, slot.timezone, channel_id) for channel_id in channel_ids)


def job_id(schedule: str, timezone: str) -> str:
    """The APScheduler job id for one (schedule, timezone) group of subscriptions."""
    return f"{JOB_PREFIX}|{timezone}|{schedule}"


class DigestScheduler:
    """Records digest slots as they come due, for every active, unpaused subscription.

    One CronTrigger job per distinct (schedule, timezone), each in its own zone (5,000 channels on one
    schedule are one job and one ledger transaction per slot, not 5,000 jobs).
    """

    def __init__(
        self,
        subscriptions: SubscriptionRepository,
        ledger: DeliveryLedger,
        *,
        brief_ids: BriefIdSource,
        on_recorded: Callable[[], None] = lambda: None,
        max_briefs: int = 3,
        when_nothing_new: WhenNothingNew = "skip",
        catch_up_grace: timedelta = timedelta(hours=1),
        clock: Callable[[], datetime] = utc_now,
        watchdog_seconds: float = WATCHDOG_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if catch_up_grace.total_seconds() <= watchdog_seconds:
            # Every slot the watchdog noticed would be "missed": Settings refuse such a grace already.
            raise ValueError(
                f"catch_up_grace ({catch_up_grace}) must be longer than the watchdog period ({watchdog_seconds}s)"
            )
        self._subscriptions = subscriptions
        self._ledger = ledger
        self._brief_ids = brief_ids
        self._on_recorded = on_recorded
        self.max_briefs = max_briefs
        self.when_nothing_new: WhenNothingNew = when_nothing_new
        self.catch_up_grace = catch_up_grace
        self._clock = clock
        self._monotonic = monotonic
        self._watchdog_seconds = watchdog_seconds
        self._lock = asyncio.Lock()
        self._scheduler: AsyncIOScheduler | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._last_tick: tuple[float, datetime] | None = None
        self._reported_unusable: set[tuple[str, str]] = set()

    # --- lifecycle ---

    async def start(self) -> RecordReport:
        """Catch up (record what came due while down), then start the cron jobs and the watchdog.

        Returns the catch-up report. Call inside the running event loop.
        """
        if self._scheduler is not None:
            raise RuntimeError("digest scheduler already started")
        report = await self.record_due_slots()
        self._scheduler = AsyncIOScheduler(
            timezone=UTC,
            job_defaults={
                # Run however late: a stalled loop must not drop the wake-up (it records nothing twice).
                "misfire_grace_time": None,
                # Several missed runs become one: one run records every due slot anyway.
                "coalesce": True,
                "max_instances": 1,
            },
        )
        self._scheduler.start()
        try:
            await self.refresh()
        except BaseException:
            await self.shutdown()  # so that start() can be called again
            raise
        self._last_tick = (self._monotonic(), self._clock())
        self._watchdog = asyncio.create_task(self._watch(), name="digest-watchdog")
        return report

    async def shutdown(self) -> None:
        """Stop recording new slots. Sends already in the dispatcher are not touched (stop it separately)."""
        if self._watchdog is not None:
            self._watchdog.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watchdog
            self._watchdog = None
        if self._scheduler is not None:
            if self._scheduler.running:
                self._scheduler.shutdown(wait=False)
                # AsyncIOScheduler shuts down in a callback on the loop: let it run before returning.
                await asyncio.sleep(0)
            self._scheduler = None

    async def refresh(self) -> None:
        """Make the cron jobs match the current subscriptions (call after subscribe/unsubscribe).

        Jobs that already exist are kept, so their next fire time is not recomputed.
        """
        if self._scheduler is None:
            return
        wanted = {
            job_id(group.schedule, group.timezone): (group.schedule, group.timezone)
            for group in await self._subscriptions.schedule_groups()
        }
        existing = {job.id for job in self._scheduler.get_jobs() if job.id.startswith(f"{JOB_PREFIX}|")}
        for stale in existing - wanted.keys():
            self._scheduler.remove_job(stale)
        for new in wanted.keys() - existing:
            schedule, timezone = wanted[new]
            try:
                trigger = parse_schedule(schedule, timezone)
            except ScheduleError as exc:
                await self._unusable(schedule, timezone, exc)
                continue
            self._scheduler.add_job(
                self._on_fire, trigger, id=new, name=new, args=(schedule, timezone), replace_existing=True
            )
            logger.info("digest schedule %r (%s) added", schedule, timezone)

    async def _unusable(self, schedule: str, timezone: str, error: ScheduleError) -> None:
        """A stored schedule or zone this host cannot use (tzdata changed, a database from another host): an
        error of its own subscriptions, which /digest list shows; logged once, not every tick."""
        if (schedule, timezone) in self._reported_unusable:
            return
        self._reported_unusable.add((schedule, timezone))
        channels = [s.channel_id for s in await self._subscriptions.deliverable_in(schedule, timezone)]
        logger.error(
            "no digests for %d channel(s) on %r in %s until they subscribe again: %s (channels: %s)",
            len(channels),
            schedule,
            timezone,
            error,
            ", ".join(map(str, channels[:10])) + (" ..." if len(channels) > 10 else ""),
        )

    def scheduled_jobs(self) -> list[tuple[str, Any]]:
        """(job id, CronTrigger) of the digest jobs, for inspection."""
        if self._scheduler is None:
            return []
        return [(job.id, job.trigger) for job in self._scheduler.get_jobs()]

    # --- what is due ---

    @property
    def choose_contents(self) -> ChooseContents[DigestContents]:
        """Which briefs a scheduled digest carries (`digest_contents` with this scheduler's settings), the
        briefs on offer now bound."""
        return self.rule_for(self.offer())

    def offer(self) -> Offer:
        """The briefs available now."""
        return as_offer(self._brief_ids())

    def rule_for(self, offer: Offer) -> ChooseContents[DigestContents]:
        """`digest_contents` with this scheduler's settings and `offer`'s versions and tags."""
        return contents_rule(
            max_briefs=self.max_briefs,
            when_nothing_new=self.when_nothing_new,
            versions=offer.versions,
            tags=offer.tags,
        )

    async def record_due_slots(self, now: datetime | None = None) -> RecordReport:
        """Record every slot that has come due, up to `now` (default: the clock), for deliverable subscriptions.

        For each subscription, slots after its `recorded_through` mark (set at subscription, so nothing
        before it is back-filled) up to `now` are taken from our own `slots_between`. Slots within
        `catch_up_grace` get pending (or skipped) rows; older ones 'missed' rows and a warning. Idempotent:
        calling it again, or concurrently, records nothing twice. Wakes the dispatcher after each chunk of a slot
        that recorded pending rows (`on_recorded`), so the first channels' digests go out while the rest are
        recorded.
        """
        async with self._lock:
            now = self._clock() if now is None else now
            report = RecordReport()
            offer: Offer | None = None
            # Every 30 s on the event loop: only groups with a slot due read their subscriptions.
            for group in await self._subscriptions.schedule_groups():
                schedule, timezone, start = group.schedule, group.timezone, group.earliest_recorded_through
                if start >= now:
                    continue
                try:
                    slots = slots_between(schedule, timezone, start, now)
                except ScheduleError as exc:
                    await self._unusable(schedule, timezone, exc)
                    continue
                self._reported_unusable.discard((schedule, timezone))
                if not slots:
                    continue
                members = await self._subscriptions.deliverable_in(schedule, timezone, paused_too=True)
                late = [slot for slot in slots if now - slot.at > self.catch_up_grace]
                if len(late) > MAX_MISSED_ROWS:
                    dropped = late[:-MAX_MISSED_ROWS]
                    report.missed_unrecorded += len(dropped) * len(members)
                    logger.warning(
                        "%d slots of %r (%s) from %s to %s passed while the bot was down; not recorded",
                        len(dropped),
                        schedule,
                        timezone,
                        dropped[0].key,
                        dropped[-1].key,
                    )
                    skip = {slot.key for slot in dropped}
                    slots = [slot for slot in slots if slot.key not in skip]
                for slot in slots:
                    eligible = [member for member in members if member.recorded_through < slot.at]
                    if not eligible:
                        continue
                    missed = now - slot.at > self.catch_up_grace
                    if missed:
                        record = await self._ledger.record_slot(
                            slot,
                            eligible,
                            available_brief_ids=(),
                            choose=self.choose_contents,
                            now=now,
                            missed=True,
                        )
                        if record.missed:
                            logger.warning(
                                "slot %s (%s) of %r missed for %d channels: %s late, beyond the catch-up "
                                "grace of %s",
                                slot.key,
                                timezone,
                                schedule,
                                len(record.missed),
                                now - slot.at,
                                self.catch_up_grace,
                            )
                        report.add(slot, "missed", record.missed)
                        report.add(slot, "skipped", record.skipped)  # paused meanwhile
                        continue
                    if offer is None:
                        offer = self.offer()
                    record = await self._ledger.record_slot(
                        slot,
                        eligible,
                        available_brief_ids=offer.ids,
                        choose=self.rule_for(offer),
                        now=now,
                        on_pending=self._on_recorded,  # after each chunk: sending starts with the first
                        snapshot_of=offer.snapshot_of,
                    )
                    if record.pending:
                        logger.info(
                            "slot %s (%s) of %r recorded for %d channels (%d skipped)",
                            slot.key,
                            timezone,
                            schedule,
                            len(record.pending),
                            len(record.skipped),
                        )
                    report.add(slot, "pending", record.pending)
                    report.add(slot, "skipped", record.skipped)
                await self._ledger.advance_recorded_through([member.channel_id for member in members], now)
        return report

    # --- triggers ---

    async def _on_fire(self, schedule: str, timezone: str) -> None:
        # The fire time itself is not trusted (double fire in autumn, skipped day in spring): the enumeration
        # decides, so a duplicate fire records nothing new.
        logger.debug("digest schedule %r (%s) fired", schedule, timezone)
        try:
            await self.record_due_slots()
        except Exception:
            logger.exception(
                "recording digest slots for %r (%s) failed; the watchdog retries", schedule, timezone
            )

    async def tick(self) -> RecordReport:
        """One watchdog tick: notice wall-clock jumps, record due slots, and resync the jobs."""
        mono, wall = self._monotonic(), self._clock()
        if self._last_tick is not None:
            mono_before, wall_before = self._last_tick
            drift = (wall - wall_before).total_seconds() - (mono - mono_before)
            if abs(drift) > 5:
                logger.warning("wall clock jumped by %+.0fs; re-checking due digests", drift)
                if self._scheduler is not None and self._scheduler.running:
                    self._scheduler.wakeup()  # recompute APScheduler's timer from the new wall time
        self._last_tick = (mono, wall)
        report = await self.record_due_slots(wall)
        await self.refresh()
        return report

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(self._watchdog_seconds)
            try:
                await self.tick()
            except Exception:
                logger.exception("digest watchdog tick failed")
