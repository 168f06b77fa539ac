"""DigestScheduler: recording due slots with our own enumeration; catch-up, missed slots, DST, the jobs."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.delivery.scheduler import DigestScheduler, job_id
from bot.schedule import MIN_CATCH_UP_GRACE, WATCHDOG_SECONDS
from bot.storage import Database, DeliveryLedger, Subscription, SubscriptionRepository
from tests.helpers import FakeClock, subscribe
from tests.unit.test_record_chunks import transactions_with

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


class Harness:
    def __init__(self, database: Database, clock: FakeClock) -> None:
        self.database = database
        self.clock = clock
        self.subscriptions = SubscriptionRepository(database)
        self.ledger = DeliveryLedger(database)
        self.briefs = ["b2", "b1"]
        self.wakes = 0
        self.mono = 0.0

    def scheduler(self, **options: object) -> DigestScheduler:
        def wake() -> None:
            self.wakes += 1

        return DigestScheduler(
            self.subscriptions,
            self.ledger,
            brief_ids=lambda: self.briefs,
            on_recorded=wake,
            clock=self.clock,
            monotonic=lambda: self.mono,
            **options,  # type: ignore[arg-type]
        )

    async def subscribe(self, channel_id: int, schedule: str = "09:00", timezone: str = "UTC") -> None:
        await subscribe(self.database, channel_id, schedule=schedule, timezone=timezone, now=self.clock())

    async def states(self, channel_id: int) -> list[tuple[str, str]]:
        return [
            (row.slot_key, row.state) for row in reversed(await self.ledger.history(channel_id, limit=100))
        ]


@pytest.fixture
def harness(database: Database) -> Harness:
    return Harness(database, FakeClock(T0))


async def test_nothing_before_the_subscription_is_back_filled(harness: Harness) -> None:
    harness.clock.now = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)  # 09:00 today has passed already
    await harness.subscribe(1)
    report = await harness.scheduler().record_due_slots()
    assert report.pending == [] and report.missed == []
    harness.clock.now = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
    report = await harness.scheduler().record_due_slots()
    assert report.pending == [("2026-05-02T09:00", "UTC", 1)]
    assert harness.wakes == 1


async def test_catch_up_within_grace_is_recorded_once_older_is_missed(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await harness.subscribe(1)
    await harness.subscribe(2)
    # The bot was down from before 09:00 on May 1 until 09:40 on May 3: May 1 and 2 are beyond the hour.
    harness.clock.now = datetime(2026, 5, 3, 9, 40, tzinfo=UTC)
    scheduler = harness.scheduler(catch_up_grace=timedelta(hours=1))
    with caplog.at_level(logging.WARNING):
        report = await scheduler.record_due_slots()
    assert sorted(report.pending) == [("2026-05-03T09:00", "UTC", 1), ("2026-05-03T09:00", "UTC", 2)]
    assert len(report.missed) == 4
    assert "missed for 2 channels" in caplog.text
    assert await harness.states(1) == [
        ("2026-05-01T09:00", "missed"),
        ("2026-05-02T09:00", "missed"),
        ("2026-05-03T09:00", "pending"),
    ]
    # Again (a second start, a watchdog tick, a duplicate fire): nothing new.
    again = await harness.scheduler().record_due_slots()
    assert again.pending == [] and again.missed == []
    assert len(await harness.ledger.due(harness.clock.now)) == 2


async def test_the_grace_boundary(harness: Harness) -> None:
    await harness.subscribe(1)
    harness.clock.now = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)  # exactly one hour late: still delivered
    report = await harness.scheduler().record_due_slots()
    assert report.pending == [("2026-05-01T09:00", "UTC", 1)]


async def test_a_long_outage_records_a_bounded_number_of_missed_rows(harness: Harness) -> None:
    await harness.subscribe(1, schedule="*/5 * * * *")
    harness.clock.now = T0 + timedelta(days=2)
    report = await harness.scheduler().record_due_slots()
    # 576 slots in two days: the 13 within the hour's grace are recorded for sending (or skipped once the
    # briefs run out); of the 563 older ones, the latest 50 are recorded as missed, the rest only logged.
    assert len(report.pending) + len(report.skipped) == 13
    assert len(report.missed) == 50 and report.missed_unrecorded == 513
    assert report.missed[-1][0] == "2026-05-03T06:55"


async def test_paused_and_unsubscribed_channels_get_nothing(harness: Harness) -> None:
    await harness.subscribe(1)
    await harness.subscribe(2)
    await harness.subscribe(3)
    await harness.subscriptions.pause(2, "403 Missing Access (50001)", now=T0)
    await harness.subscriptions.unsubscribe(3, now=T0)
    harness.clock.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    report = await harness.scheduler().record_due_slots()
    assert report.pending == [("2026-05-01T09:00", "UTC", 1)]
    # The paused one keeps its slot, as skipped with the pause's reason.
    assert report.skipped == [("2026-05-01T09:00", "UTC", 2)]
    [skipped] = await harness.ledger.history(2)
    assert skipped.reason == "subscription paused: 403 Missing Access (50001)"
    assert await harness.ledger.history(3) == []


async def test_nothing_new_is_skipped_and_logged(harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    await harness.subscribe(1)
    harness.briefs = []
    harness.clock.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    with caplog.at_level(logging.INFO):
        report = await harness.scheduler().record_due_slots()
    assert report.skipped == [("2026-05-01T09:00", "UTC", 1)] and harness.wakes == 0
    assert "skipped" in caplog.text


async def test_autumn_double_fire_records_one_digest(harness: Harness) -> None:
    zone = ZoneInfo("America/New_York")
    harness.clock.now = datetime(2026, 10, 31, 12, 0, tzinfo=zone)
    await harness.subscribe(1, schedule="30 1 * * *", timezone="America/New_York")
    scheduler = harness.scheduler()
    for fire in (
        datetime(2026, 11, 1, 1, 30, tzinfo=zone),
        datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=zone),
    ):
        harness.clock.now = fire
        await scheduler._on_fire("30 1 * * *", "America/New_York")
    assert await harness.states(1) == [("2026-11-01T01:30", "pending")]


async def test_spring_gap_slot_is_recorded_by_the_watchdog_after_a_restart(harness: Harness) -> None:
    zone = ZoneInfo("America/New_York")
    harness.clock.now = datetime(2026, 3, 7, 12, 0, tzinfo=zone)
    await harness.subscribe(1, schedule="30 2 * * *", timezone="America/New_York")
    harness.clock.now = datetime(2026, 3, 8, 3, 29, tzinfo=zone)  # restart a minute before 03:30 EDT
    scheduler = harness.scheduler()
    assert (await scheduler.record_due_slots()).pending == []
    harness.clock.now = datetime(2026, 3, 8, 3, 30, 20, tzinfo=zone)  # the next watchdog tick
    harness.mono += 80
    report = await scheduler.tick()
    assert report.pending == [("2026-03-08T02:30", "America/New_York", 1)]


async def test_midnight_after_the_spring_change_that_apscheduler_skips_is_recorded(harness: Harness) -> None:
    zone = ZoneInfo("Europe/Berlin")
    harness.clock.now = datetime(2026, 3, 28, 12, 0, tzinfo=zone)
    await harness.subscribe(1, schedule="0 0 * * *", timezone="Europe/Berlin")
    scheduler = harness.scheduler()
    for hours in range(0, 72):  # three days of watchdog ticks, hourly here for brevity
        harness.clock.now = datetime(2026, 3, 28, 12, 0, tzinfo=zone).astimezone(UTC) + timedelta(hours=hours)
        await scheduler.record_due_slots()
    assert [key for key, _ in await harness.states(1)] == [
        "2026-03-29T00:00",
        "2026-03-30T00:00",  # the one APScheduler's stepping skips
        "2026-03-31T00:00",
    ]


async def test_wall_clock_jump_is_noticed_by_the_tick(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await harness.subscribe(1)
    scheduler = harness.scheduler()
    await scheduler.start()
    try:
        harness.clock.now = T0 + timedelta(hours=1, minutes=5)  # the wall clock leaps; monotonic: 30 s
        harness.mono += 30
        with caplog.at_level(logging.WARNING):
            report = await scheduler.tick()
        assert "wall clock jumped" in caplog.text
        assert report.pending == [("2026-05-01T09:00", "UTC", 1)]
    finally:
        await scheduler.shutdown()


async def test_start_catches_up_then_runs_one_job_per_schedule_and_zone(harness: Harness) -> None:
    await harness.subscribe(1)
    await harness.subscribe(2)
    await harness.subscribe(3, schedule="30 1 * * *", timezone="America/New_York")
    harness.clock.now = datetime(2026, 5, 1, 9, 10, tzinfo=UTC)
    scheduler = harness.scheduler()
    report = await scheduler.start()
    try:
        assert sorted(report.pending) == [("2026-05-01T09:00", "UTC", 1), ("2026-05-01T09:00", "UTC", 2)]
        jobs = dict(scheduler.scheduled_jobs())
        assert set(jobs) == {job_id("09:00", "UTC"), job_id("30 1 * * *", "America/New_York")}
        assert str(jobs[job_id("30 1 * * *", "America/New_York")].timezone) == "America/New_York"
        assert scheduler._scheduler is not None
        job = scheduler._scheduler.get_job(job_id("09:00", "UTC"))
        assert job.misfire_grace_time is None and job.coalesce is True

        await harness.subscriptions.unsubscribe(3, now=harness.clock.now)
        await scheduler.refresh()
        assert {name for name, _ in scheduler.scheduled_jobs()} == {job_id("09:00", "UTC")}

        # A fire records through our enumeration; the second fire finds nothing new.
        harness.clock.now = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
        await job.func(*job.args)
        await job.func(*job.args)
        assert [key for key, _ in await harness.states(1)] == ["2026-05-01T09:00", "2026-05-02T09:00"]
    finally:
        await scheduler.shutdown()
    assert scheduler.scheduled_jobs() == []
    await scheduler.shutdown()  # twice is harmless


async def test_a_stored_zone_this_host_does_not_know_stops_only_its_own_schedule(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    # A zone can be stored and later be unknown (tzdata changed, a database moved between hosts). It used to
    # escape as zoneinfo's KeyError from the job refresh and stop the whole scheduler from starting.
    await harness.subscribe(1, timezone="Mars/Olympus")
    await harness.subscribe(2)
    harness.clock.now = datetime(2026, 5, 1, 9, 10, tzinfo=UTC)
    scheduler = harness.scheduler()
    with caplog.at_level(logging.ERROR):
        report = await scheduler.start()
    try:
        assert report.pending == [("2026-05-01T09:00", "UTC", 2)]
        assert [name for name, _ in scheduler.scheduled_jobs()] == [job_id("09:00", "UTC")]
        assert "`Mars/Olympus` is not a time zone I know" in caplog.text
    finally:
        await scheduler.shutdown()


class RacingSubscriptions(SubscriptionRepository):
    """Runs `after_read` right after the scheduler has read a group's subscriptions and before it records the
    slot: the moment an admin's unsubscribe or pause can land in the race."""

    def __init__(self, database: Database, after_read: Callable[[], Awaitable[None]]) -> None:
        super().__init__(database)
        self._after_read = after_read

    async def deliverable_in(
        self, schedule: str, timezone: str, *, paused_too: bool = False
    ) -> list[Subscription]:
        members = await super().deliverable_in(schedule, timezone, paused_too=paused_too)
        await self._after_read()
        return members


async def test_an_unsubscribe_or_pause_landing_while_a_slot_is_recorded_is_honoured(harness: Harness) -> None:
    for channel_id in (1, 2, 3, 4):
        await harness.subscribe(channel_id)

    async def admins_act() -> None:
        await harness.subscriptions.unsubscribe(1, now=harness.clock(), by_command=True)
        await harness.subscriptions.pause(2, "403 Missing Access (50001)", now=harness.clock())
        # Unsubscribed and subscribed again at once, on another schedule: this slot is no longer its slot.
        await harness.subscriptions.unsubscribe(3, now=harness.clock())
        await subscribe(harness.database, 3, schedule="18:00", now=harness.clock())

    harness.clock.now = datetime(2026, 5, 1, 9, 0, 10, tzinfo=UTC)
    scheduler = DigestScheduler(
        RacingSubscriptions(harness.database, admins_act),
        harness.ledger,
        brief_ids=lambda: harness.briefs,
        clock=harness.clock,
    )
    report = await scheduler.record_due_slots()
    assert report.pending == [("2026-05-01T09:00", "UTC", 4)]
    assert report.skipped == [("2026-05-01T09:00", "UTC", 2)]
    assert await harness.ledger.history(1) == [] and await harness.ledger.history(3) == []
    [paused] = await harness.ledger.history(2)
    assert paused.state == "skipped" and paused.reason == "subscription paused: 403 Missing Access (50001)"
    assert await harness.ledger.count("pending") == 1


def test_a_grace_within_the_watchdog_period_is_refused(harness: Harness) -> None:
    # A grace of 0 recorded every slot as missed: the watchdog sees a slot up to one period after it.
    for grace in (timedelta(0), timedelta(seconds=30)):
        with pytest.raises(ValueError, match="longer than the watchdog period"):
            harness.scheduler(catch_up_grace=grace)
    harness.scheduler(catch_up_grace=MIN_CATCH_UP_GRACE)


async def test_a_slot_the_watchdog_notices_a_period_late_is_sent_with_the_least_grace(
    harness: Harness,
) -> None:
    await harness.subscribe(1)
    harness.clock.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC) + timedelta(seconds=WATCHDOG_SECONDS + 1)
    report = await harness.scheduler(catch_up_grace=MIN_CATCH_UP_GRACE).record_due_slots()
    assert report.pending == [("2026-05-01T09:00", "UTC", 1)] and report.missed == []


async def test_an_unknown_stored_zone_is_logged_once_naming_its_channels(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await harness.subscribe(7, timezone="Mars/Olympus")
    harness.clock.now = datetime(2026, 5, 1, 9, 10, tzinfo=UTC)
    scheduler = harness.scheduler()
    with caplog.at_level(logging.ERROR):
        await scheduler.start()
        try:
            for _ in range(3):
                harness.clock.advance(seconds=WATCHDOG_SECONDS)
                await scheduler.tick()
        finally:
            await scheduler.shutdown()
    [logged] = [r for r in caplog.records if "Mars/Olympus" in r.getMessage()]
    assert "1 channel(s)" in logged.getMessage() and "channels: 7" in logged.getMessage()


async def test_the_dispatcher_is_woken_by_the_first_chunk_and_sees_its_rows_before_the_last_commits(
    harness: Harness,
) -> None:
    for channel_id in range(1, 6):
        await harness.subscribe(channel_id)
    harness.ledger.record_chunk = 2
    harness.clock.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    seen: list[tuple[int, list[int]]] = []  # (wakes so far, due channels) as chunks 2 and 3 begin

    async def before(n: int) -> None:
        if n in (2, 3):  # recording transactions 2 and 3: chunks 2 and 3 of the slot
            due = await harness.ledger.due_in_turn(harness.clock())
            seen.append((harness.wakes, sorted(row.channel_id for row in due)))

    transactions_with(harness.database, before)
    report = await harness.scheduler().record_due_slots()
    assert len(report.pending) == 5
    assert seen == [(1, [1, 2]), (2, [1, 2, 3, 4])]
    assert harness.wakes == 3  # once per chunk that recorded pending rows
