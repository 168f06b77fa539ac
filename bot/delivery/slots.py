"""The slots a digest schedule names (the schedule itself is read by bot.schedule).

What a slot is: one per local wall-clock time the schedule names (a `30 1 * * *` schedule has one slot per
local date), identified by that LOCAL naive time ("2026-11-01T01:30") together with the time zone. Its
instant is zoneinfo's fold=0 reading of the wall-clock time. So on the spring change a nonexistent 02:30 is
the instant 03:30 daylight time, and on the autumn change the ambiguous 01:30 is the first (daylight) 01:30,
once.

APScheduler's CronTrigger fires on both autumn 01:30s and, asked afresh inside a spring gap, skips a day; so
the ledger is keyed by slot, and catch-up uses our own enumeration (`slots_between`), never the trigger's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from bot.schedule import first_fire_within_horizon, parse_schedule

SLOT_KEY_FORMAT = "%Y-%m-%dT%H:%M"
_DATE_FIELDS = ("year", "month", "day", "week", "day_of_week")


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    """One scheduled local wall-clock time. Ordered by instant.

    `key` is the local naive time as text (`2026-11-01T01:30`), unique per (timezone, key); `at` is the
    instant (aware, UTC) of zoneinfo's fold=0 reading of it.
    """

    at: datetime
    key: str
    timezone: str

    @property
    def local(self) -> datetime:
        """The naive local wall-clock time the slot names."""
        # Naive on purpose: a wall-clock reading in `timezone`, not an instant (that is `at`).
        return datetime.strptime(self.key, SLOT_KEY_FORMAT)  # noqa: DTZ007


def _slot_for_local(local: datetime, timezone: str) -> Slot:
    """The slot for naive local time `local`, its instant read with fold=0.

    fold=0 is the earlier of two readings of an ambiguous time and, for a time inside a gap, the offset from
    before the change (02:30 in a 02:00->03:00 gap becomes 03:30 daylight time).
    """
    at = local.replace(tzinfo=ZoneInfo(timezone), fold=0).astimezone(UTC)
    return Slot(at=at, key=local.strftime(SLOT_KEY_FORMAT), timezone=timezone)


@dataclass(frozen=True, slots=True)
class _CompiledSchedule:
    trigger: CronTrigger
    hours: tuple[int, ...]
    minutes: tuple[int, ...]

    def matches_date(self, day: date) -> bool:
        # The trigger's own fields decide, so APScheduler's readings of cron (weekday 0 is Monday in 3.x,
        # `last`, `1st mon`...) are exactly the ones both the trigger and our enumeration use.
        probe = datetime.combine(day, time())
        return all(_field_matches(self.trigger, name, probe) for name in _DATE_FIELDS)


def _field(trigger: CronTrigger, name: str) -> object:
    for field in trigger.fields:
        if field.name == name:
            return field
    raise KeyError(name)  # pragma: no cover - CronTrigger always has all eight fields


def _field_matches(trigger: CronTrigger, name: str, probe: datetime) -> bool:
    field = _field(trigger, name)
    value: int = field.get_value(probe)  # type: ignore[attr-defined]
    # get_next_value is the smallest allowed value >= the current one: equal means the current one is allowed.
    next_value: int | None = field.get_next_value(probe)  # type: ignore[attr-defined]
    return next_value == value


@lru_cache(maxsize=256)
def _compile(schedule: str, timezone: str) -> _CompiledSchedule:
    trigger = parse_schedule(schedule, timezone)
    # A naive local probe: the cron fields are read as wall-clock values in the schedule's own zone.
    base = datetime(2000, 1, 1)  # noqa: DTZ001
    hours = tuple(h for h in range(24) if _field_matches(trigger, "hour", base.replace(hour=h)))
    minutes = tuple(m for m in range(60) if _field_matches(trigger, "minute", base.replace(minute=m)))
    return _CompiledSchedule(trigger, hours, minutes)


def _local_times(compiled: _CompiledSchedule, first_day: date, last_day: date) -> Iterator[datetime]:
    day = first_day
    while day <= last_day:
        if compiled.matches_date(day):
            for hour in compiled.hours:
                for minute in compiled.minutes:
                    yield datetime.combine(day, time(hour, minute))
        day += timedelta(days=1)


def slots_between(schedule: str, timezone: str, start_utc: datetime, end_utc: datetime) -> list[Slot]:
    """Every slot of `schedule` in `timezone` whose instant is in (start_utc, end_utc], in time order.

    Both bounds must be aware. Each local wall-clock time the schedule names yields exactly one slot, also on
    days of a DST change (see the module docstring), except that a nonexistent time whose instant is that of
    another named time is not a second slot. Raises bot.schedule.ScheduleError for a schedule or time zone
    that cannot be used, ValueError for naive bounds.
    """
    if start_utc.tzinfo is None or end_utc.tzinfo is None:
        raise ValueError("slots_between needs aware datetimes")
    if end_utc <= start_utc:
        return []
    compiled = _compile(schedule.strip(), timezone)
    zone = ZoneInfo(timezone)
    # A day either side: local dates near the bounds can hold instants inside the range (offsets up to ±14 h).
    first_day = start_utc.astimezone(zone).date() - timedelta(days=1)
    last_day = end_utc.astimezone(zone).date() + timedelta(days=1)
    by_instant: dict[datetime, Slot] = {}
    for local in _local_times(compiled, first_day, last_day):
        slot = _slot_for_local(local, timezone)
        if not start_utc < slot.at <= end_utc:
            continue
        # Two slots never share an instant: a nonexistent time (02:00 in a 02:00->03:00 gap) that reads as
        # a time the schedule names anyway (03:00) is that slot, not a second digest at the same moment.
        other = by_instant.get(slot.at)
        if other is None or not _exists(other.local, zone):
            by_instant[slot.at] = slot
    # Sorted by instant: local order differs where a gap makes e.g. 02:30 (=03:30) come after 03:15.
    return sorted(by_instant.values())


def next_slot(schedule: str, timezone: str, after: datetime) -> Slot | None:
    """The first slot of `schedule` in `timezone` after `after` (aware), however far, within bot.schedule's
    SLOT_HORIZON (8 years); None for a schedule that never comes.

    The trigger finds the day quickly; the slot is our own enumeration's (the trigger, asked inside a spring
    gap, answers a day late, which the enumeration from `after` corrects).
    """
    fire = first_fire_within_horizon(schedule.strip(), timezone, after)
    if fire is None:
        return None
    upcoming = slots_between(schedule, timezone, after, fire.astimezone(UTC) + timedelta(days=1))
    return upcoming[0] if upcoming else None


def _exists(local: datetime, zone: ZoneInfo) -> bool:
    """Whether naive `local` is a wall-clock time that happens in `zone` (not inside a DST gap)."""
    aware = local.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == local


def _most_within_an_hour(instants: list[float]) -> int:
    """The most of sorted `instants` (seconds) within any 60 minutes."""
    most, first = 0, 0
    for last, instant in enumerate(instants):
        while instant - instants[first] >= 3600:
            first += 1
        most = max(most, last - first + 1)
    return most


def busiest_hour(schedule: str, timezone: str, after: datetime, *, days: int = 366) -> int:
    """The most slots of `schedule` in `timezone` within any 60 minutes during the `days` after `after`
    (a year: every weekday, month day and DST change comes).

    Every day the schedule names has the same wall-clock times, so the busiest hour is found among one day's
    times, two days' when two named days follow each other (an hour across midnight), and the real instants
    around each DST change (where a spring gap brings times closer). Raises like slots_between."""
    compiled = _compile(schedule.strip(), timezone)
    zone = ZoneInfo(timezone)
    times = [hour * 3600.0 + minute * 60.0 for hour in compiled.hours for minute in compiled.minutes]
    first_day = after.astimezone(zone).date()
    named = [
        day for offset in range(days + 1) if compiled.matches_date(day := first_day + timedelta(days=offset))
    ]
    if not named or not times:
        return 0
    most = _most_within_an_hour(times)
    named_days = set(named)
    if any(day + timedelta(days=1) in named_days for day in named):
        most = max(most, _most_within_an_hour(times + [t + 86400.0 for t in times]))
    for day in named:
        start = datetime.combine(day, time(), zone)
        end = datetime.combine(day + timedelta(days=2), time(), zone)
        if start.utcoffset() != end.utcoffset():  # a DST change within the day or the next
            instants = slots_between(schedule, timezone, start.astimezone(UTC), end.astimezone(UTC))
            most = max(most, _most_within_an_hour([slot.at.timestamp() for slot in instants]))
    return most
