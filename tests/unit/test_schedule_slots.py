"""Slots across a whole year and both DST changes, against an independent zoneinfo computation, and how
APScheduler's fire times map onto them."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.delivery.slots import SLOT_KEY_FORMAT, next_slot, slots_between
from bot.schedule import parse_schedule

ZONES = ["Europe/Berlin", "America/New_York"]
# (schedule, local hour, local minute): daily schedules, one slot per local date
DAILY = [("30 1 * * *", 1, 30), ("30 2 * * *", 2, 30), ("0 9 * * *", 9, 0), ("02:30", 2, 30), ("09:00", 9, 0)]
AUTUMN = {"Europe/Berlin": date(2026, 10, 25), "America/New_York": date(2026, 11, 1)}
SPRING = {"Europe/Berlin": date(2026, 3, 29), "America/New_York": date(2026, 3, 8)}


def _year_bounds(zone: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(zone)
    return (
        datetime(2026, 1, 1, tzinfo=tz).astimezone(UTC) - timedelta(microseconds=1),
        datetime(2027, 1, 1, tzinfo=tz).astimezone(UTC) - timedelta(microseconds=1),
    )


def _independent(zone: str, hour: int, minute: int) -> dict[str, datetime]:
    """One local wall-clock time per local date of 2026, read with fold=0 (zoneinfo's default)."""
    tz = ZoneInfo(zone)
    expected: dict[str, datetime] = {}
    day = date(2026, 1, 1)
    while day.year == 2026:
        local = datetime.combine(day, time(hour, minute), tzinfo=tz)
        expected[f"{day.isoformat()}T{hour:02d}:{minute:02d}"] = local.astimezone(UTC)
        day += timedelta(days=1)
    return expected


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize(("schedule", "hour", "minute"), DAILY)
def test_a_year_of_slots_matches_zoneinfo(zone: str, schedule: str, hour: int, minute: int) -> None:
    start, end = _year_bounds(zone)
    slots = slots_between(schedule, zone, start, end)
    expected = _independent(zone, hour, minute)
    assert len(slots) == 365  # one per local date, DST days included
    assert {slot.key: slot.at for slot in slots} == expected
    assert [slot.at for slot in slots] == sorted(slot.at for slot in slots)
    assert {slot.timezone for slot in slots} == {zone}


def test_dst_days_named_explicitly() -> None:
    def at(schedule: str, zone: str, day: date) -> datetime:
        [slot] = [s for s in slots_between(schedule, zone, *_year_bounds(zone)) if s.local.date() == day]
        return slot.at

    ny, berlin = "America/New_York", "Europe/Berlin"
    # Spring: 02:30 does not exist; it is read as 03:30 daylight time.
    assert at("30 2 * * *", ny, SPRING[ny]) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert at("30 2 * * *", berlin, SPRING[berlin]) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    # Autumn: the ambiguous time is the first (daylight) one, and only once.
    assert at("30 1 * * *", ny, AUTUMN[ny]) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    assert at("30 2 * * *", berlin, AUTUMN[berlin]) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def _fire_key(fire: datetime) -> str:
    """The slot key an APScheduler fire time names: its local wall-clock reading, whichever fold (a fire in
    a spring gap is handed out as the nonexistent wall time itself)."""
    return fire.strftime(SLOT_KEY_FORMAT)


def _fire_times(schedule: str, zone: str, start: datetime, end: datetime) -> list[datetime]:
    """APScheduler's fire times, each stepped from the previous one as the scheduler does."""
    trigger = parse_schedule(schedule, zone)
    fires: list[datetime] = []
    previous: datetime | None = None
    now = start
    while True:
        fire = trigger.get_next_fire_time(previous, now)
        if fire is None or fire > end:
            return fires
        fires.append(fire)
        previous = now = fire


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize(("schedule", "hour", "minute"), DAILY)
def test_apscheduler_fire_times_map_onto_exactly_our_slots(
    zone: str, schedule: str, hour: int, minute: int
) -> None:
    start, end = _year_bounds(zone)
    ours = {slot.key for slot in slots_between(schedule, zone, start, end)}
    fires = _fire_times(schedule, zone, start, end)
    keys = [_fire_key(fire) for fire in fires]
    assert set(keys) == ours
    doubled = {key for key, count in Counter(keys).items() if count > 1}
    # The trap: a time inside the autumn overlap fires twice; both fires are one slot.
    autumn_overlap = (zone == "America/New_York" and hour == 1) or (zone == "Europe/Berlin" and hour == 2)
    if autumn_overlap:
        assert doubled == {f"{AUTUMN[zone].isoformat()}T{hour:02d}:{minute:02d}"}
    else:
        assert doubled == set()


def test_fresh_trigger_inside_the_spring_gap_skips_the_day_but_our_enumeration_does_not() -> None:
    zone = "America/New_York"
    tz = ZoneInfo(zone)
    restart = datetime(2026, 3, 8, 3, 29, tzinfo=tz)  # EDT, just before the 02:30 slot's instant (03:30 EDT)
    fresh = parse_schedule("30 2 * * *", zone).get_next_fire_time(None, restart)
    assert fresh.date() == date(2026, 3, 9)  # APScheduler 3.11 trap documented in DISCORD-NOTES
    [slot] = slots_between(
        "30 2 * * *", zone, restart.astimezone(UTC), restart.astimezone(UTC) + timedelta(hours=1)
    )
    assert slot.key == "2026-03-08T02:30" and slot.at == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)


def test_slots_between_bounds_are_exclusive_inclusive() -> None:
    nine = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    assert [s.key for s in slots_between("09:00", "UTC", nine - timedelta(seconds=1), nine)] == [
        "2026-05-01T09:00"
    ]
    assert slots_between("09:00", "UTC", nine, nine + timedelta(hours=1)) == []
    assert slots_between("09:00", "UTC", nine, nine) == []
    with pytest.raises(ValueError):
        slots_between("09:00", "UTC", datetime(2026, 1, 1), nine)  # noqa: DTZ001 - a naive bound is refused


def test_weekday_and_multi_time_cron_agree_with_apscheduler() -> None:
    # APScheduler 3.x reads weekday 0 as Monday; our enumeration uses the trigger's own fields, so it agrees.
    zone = "Europe/Berlin"
    start, end = _year_bounds(zone)
    for schedule in ("30 8 * * mon-fri", "*/30 1-3 * * *", "15 6 1 * *", "0 12 last * *"):
        fires = _fire_times(schedule, zone, start, end)
        ours = slots_between(schedule, zone, start, end)
        assert {slot.key for slot in ours} == {_fire_key(f) for f in fires}, schedule
    monday_slots = slots_between("0 0 * * 1", zone, start, end)  # classic cron: 1 is Monday
    assert all(slot.local.weekday() == 0 for slot in monday_slots) and len(monday_slots) == 52


@pytest.mark.parametrize(
    ("zone", "skipped"), [("Europe/Berlin", "2026-03-30"), ("America/New_York", "2026-03-09")]
)
@pytest.mark.parametrize("schedule", ["0 0 * * *", "0 0 * * 1"])
def test_apscheduler_stepping_skips_midnight_after_the_spring_change(
    zone: str, skipped: str, schedule: str
) -> None:
    # A trap beyond DISCORD-NOTES: stepping from midnight on the change day adds 24 h in UTC, lands at 01:00
    # the next day and moves on a day (a week for the weekly one). Our enumeration has the slot, and the
    # scheduler's watchdog records it from there (see test_schedule_scheduler).
    start, end = _year_bounds(zone)
    fired = {_fire_key(f) for f in _fire_times(schedule, zone, start, end)}
    ours = {slot.key for slot in slots_between(schedule, zone, start, end)}
    assert fired < ours
    if schedule == "0 0 * * *" or date.fromisoformat(skipped).weekday() == 0:
        assert ours - fired == {f"{skipped}T00:00"}


def test_invalid_schedules() -> None:
    with pytest.raises(ValueError, match="09:00"):
        slots_between(
            "nine o'clock", "UTC", datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC)
        )


def test_a_nonexistent_time_that_reads_as_another_named_time_is_one_slot() -> None:
    zone = "Europe/Berlin"  # 2026-03-29: 02:00 -> 03:00
    start = datetime(2026, 3, 29, 0, 0, tzinfo=UTC)
    slots = slots_between("0 2,3 * * *", zone, start, start + timedelta(hours=6))
    assert [slot.key for slot in slots] == ["2026-03-29T03:00"]  # 02:00 would be 03:00 too: one digest
    assert [slot.key for slot in slots_between("30 2 * * *", zone, start, start + timedelta(hours=6))] == [
        "2026-03-29T02:30"  # alone, the nonexistent time is its own slot (at 03:30)
    ]


@pytest.mark.parametrize(
    ("field", "weekdays"),  # Python's weekday(): Monday is 0, Sunday 6
    [
        ("0", {6}),
        ("7", {6}),
        ("1-5", {0, 1, 2, 3, 4}),
        ("mon-fri", {0, 1, 2, 3, 4}),
        ("*/3", {6, 2, 5}),
        ("6,0", {5, 6}),
        ("7-7", {6}),  # Sunday to Sunday: it fired every day
        ("5-7", {4, 5, 6}),
        ("sat-7", {5, 6}),
        ("0-7", {0, 1, 2, 3, 4, 5, 6}),
    ],
)
def test_day_of_week_reads_as_classic_cron(field: str, weekdays: set[int]) -> None:
    # APScheduler 3 alone would read 0 as Monday; a crontab user means Sunday.
    start = datetime(2026, 1, 1, tzinfo=UTC)
    slots = slots_between(f"0 9 * * {field}", "Europe/Berlin", start, start + timedelta(days=28))
    assert {slot.local.weekday() for slot in slots} == weekdays
    assert len(slots) == 4 * len(weekdays)


def test_day_of_month_and_day_of_week_together_are_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        parse_schedule("0 9 1 * mon", "UTC")


@pytest.mark.parametrize(
    ("schedule", "zone", "after", "expected"),
    [
        # 29 February: the next one is over a year away, and across 2100 (no leap day) eight years.
        ("0 0 29 2 *", "UTC", datetime(2026, 11, 26, 9, tzinfo=UTC), datetime(2028, 2, 29, tzinfo=UTC)),
        ("0 0 29 2 *", "UTC", datetime(2096, 3, 1, tzinfo=UTC), datetime(2104, 2, 29, tzinfo=UTC)),
        (
            "30 6 29 2 *",
            "Europe/Berlin",
            datetime(2027, 1, 1, tzinfo=UTC),
            datetime(2028, 2, 29, 5, 30, tzinfo=UTC),
        ),
        (
            "* * * * *",
            "UTC",
            datetime(2026, 11, 26, 9, 0, 30, tzinfo=UTC),
            datetime(2026, 11, 26, 9, 1, tzinfo=UTC),
        ),
        # Inside the spring gap, asked afresh: the trigger alone would answer the next day.
        (
            "30 2 * * *",
            "Europe/Berlin",
            datetime(2026, 3, 29, 0, 45, tzinfo=UTC),
            datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        ),
    ],
)
def test_next_slot_is_the_real_one_however_far(
    schedule: str, zone: str, after: datetime, expected: datetime
) -> None:
    slot = next_slot(schedule, zone, after)
    assert slot is not None and slot.at == expected
    [first] = slots_between(schedule, zone, after, expected)
    assert first == slot


def test_a_schedule_that_never_comes_has_no_next_slot() -> None:
    # Refused when typed; one stored before that was refused says so instead of failing.
    assert next_slot("0 0 31 2 *", "UTC", datetime(2026, 11, 26, tzinfo=UTC)) is None
