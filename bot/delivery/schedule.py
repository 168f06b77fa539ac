"""Digest schedules: parsing `HH:MM` or five-field cron expressions, and the slots they name.

What a slot is: one per local wall-clock time the schedule names (a `30 1 * * *` schedule has one slot per
local date), identified by that LOCAL naive time ("2026-11-01T01:30") together with the time zone. Its
instant is zoneinfo's fold=0 reading of the wall-clock time. So on the spring change a nonexistent 02:30 is
the instant 03:30 daylight time, and on the autumn change the ambiguous 01:30 is the first (daylight) 01:30,
once.

APScheduler's CronTrigger fires on both autumn 01:30s and, asked afresh inside a spring gap, skips a day; so
the ledger is keyed by slot, and catch-up uses our own enumeration (`slots_between`), never the trigger's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
SCHEDULE_EXAMPLE = "`09:00` for daily at nine, or a cron expression such as `30 8 * * mon-fri`"
SLOT_KEY_FORMAT = "%Y-%m-%dT%H:%M"
_DATE_FIELDS = ("year", "month", "day", "week", "day_of_week")


def parse_schedule(schedule: str, timezone: str) -> CronTrigger:
    """Return the CronTrigger for `schedule` in `timezone`.

    Raises ValueError, naming a valid example, when the schedule is neither `HH:MM` nor five cron fields.
    """
    text = schedule.strip()
    match = _HHMM.match(text)
    if match:
        return CronTrigger(hour=int(match.group(1)), minute=int(match.group(2)), timezone=timezone)
    fields = text.split()
    if len(fields) != 5:
        raise ValueError(f"not a schedule; use {SCHEDULE_EXAMPLE}")
    minute, hour, day, month, weekday = fields
    if day != "*" and weekday != "*":
        # Classic cron fires when EITHER matches; APScheduler only when both do. Refuse rather than guess.
        raise ValueError(
            f"restrict the day of the month or the day of the week, not both; use {SCHEDULE_EXAMPLE}"
        )
    try:
        return CronTrigger(
            minute=minute,
            hour=hour,
            day=day,
            month=month,
            day_of_week=cron_weekdays(weekday),
            timezone=timezone,
        )
    except (ValueError, KeyError) as exc:
        raise ValueError(f"not a valid cron expression ({exc}); use {SCHEDULE_EXAMPLE}") from exc


_WEEKDAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # classic cron: 0 (and 7) is Sunday
_WEEKDAY_ITEM = re.compile(r"^(?:(\*)|([a-z0-9]+)(?:-([a-z0-9]+))?)(?:/(\d+))?$")


def _weekday_number(token: str) -> int:
    if token.isdigit() and 0 <= int(token) <= 7:
        return int(token) % 7
    if token in _WEEKDAY_NAMES:
        return _WEEKDAY_NAMES.index(token)
    raise ValueError(f"unknown day of the week {token!r}")


def cron_weekdays(field: str) -> str:
    """A classic cron day-of-week field (0 or 7 = Sunday, `1-5`, `mon-fri`, `*/2`) as APScheduler 3 names.

    APScheduler 3 reads the numbers with 0 = Monday, so `0 9 * * 0` would post on Mondays: the field is
    expanded into the days it means and written with names, which both read alike.
    """
    text = field.strip().lower()
    if text == "*":
        return "*"
    days: set[int] = set()
    for item in text.split(","):
        match = _WEEKDAY_ITEM.match(item)
        if match is None:
            raise ValueError(f"unknown day of the week {item!r}")
        star, first, last, step = match.groups()
        if star:
            span = list(range(7))
        else:
            start = _weekday_number(first)
            end = _weekday_number(last) if last else (6 if step else start)
            if last == "7":
                end = 7  # `1-7` runs Monday to Sunday
            if end < start:
                raise ValueError(f"day-of-week range {item!r} runs backwards")
            span = list(range(start, end + 1))
        days.update(day % 7 for day in span[:: int(step) if step else 1])
    return ",".join(_WEEKDAY_NAMES[day] for day in sorted(days))


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


def slot_instant(local: datetime, timezone: str) -> datetime:
    """The UTC instant of naive local time `local` in `timezone`, read with fold=0.

    fold=0 is the earlier of two readings of an ambiguous time and, for a time inside a gap, the offset from
    before the change (02:30 in a 02:00->03:00 gap becomes 03:30 daylight time).
    """
    return local.replace(tzinfo=ZoneInfo(timezone), fold=0).astimezone(UTC)


def slot_for_local(local: datetime, timezone: str) -> Slot:
    """The slot for naive local time `local` (seconds and below are dropped)."""
    local = local.replace(second=0, microsecond=0, tzinfo=None, fold=0)
    return Slot(at=slot_instant(local, timezone), key=local.strftime(SLOT_KEY_FORMAT), timezone=timezone)


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

    def matches(self, local: datetime) -> bool:
        return local.hour in self.hours and local.minute in self.minutes and self.matches_date(local.date())


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
    if not _field_matches(trigger, "second", base) or any(
        _field_matches(trigger, "second", base.replace(second=s)) for s in range(1, 60)
    ):
        raise ValueError(f"schedule {schedule!r} must fire at second 0 only")
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
    another named time is not a second slot. Raises ValueError for an invalid schedule.
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
        slot = slot_for_local(local, timezone)
        if not start_utc < slot.at <= end_utc:
            continue
        # Two slots never share an instant: a nonexistent time (02:00 in a 02:00->03:00 gap) that reads as
        # a time the schedule names anyway (03:00) is that slot, not a second digest at the same moment.
        other = by_instant.get(slot.at)
        if other is None or not _exists(other.local, zone):
            by_instant[slot.at] = slot
    # Sorted by instant: local order differs where a gap makes e.g. 02:30 (=03:30) come after 03:15.
    return sorted(by_instant.values())


def _exists(local: datetime, zone: ZoneInfo) -> bool:
    """Whether naive `local` is a wall-clock time that happens in `zone` (not inside a DST gap)."""
    aware = local.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == local


def schedule_matches(schedule: str, timezone: str, local: datetime) -> bool:
    """Whether naive local wall-clock time `local` (to the minute) is one the schedule names."""
    compiled = _compile(schedule.strip(), timezone)
    return local.second == 0 and local.microsecond == 0 and compiled.matches(local.replace(tzinfo=None))


def slot_for_fire_time(schedule: str, timezone: str, fire_time: datetime) -> Slot:
    """Map one of APScheduler's fire times for `schedule` onto its slot.

    A fire time's slot is the one named by its local wall-clock reading, whichever fold (so the two autumn
    01:30 fires give one slot). APScheduler hands out a gap time as the nonexistent wall time itself
    (02:30-05:00); if it has been normalised (03:30-04:00, e.g. by a job store), the slot whose instant it is
    is used instead.
    Raises ValueError if the fire time is no slot of the schedule.
    """
    if fire_time.tzinfo is None:
        raise ValueError("fire_time must be aware")
    zone = ZoneInfo(timezone)
    local = fire_time if fire_time.tzinfo is zone else fire_time.astimezone(zone)
    naive = local.replace(tzinfo=None, fold=0)
    if schedule_matches(schedule, timezone, naive):
        return slot_for_local(naive, timezone)
    instant = fire_time.astimezone(UTC)
    for slot in slots_between(schedule, timezone, instant - timedelta(seconds=1), instant):
        if slot.at == instant:
            return slot
    raise ValueError(f"{fire_time.isoformat()} is not a slot of {schedule!r} in {timezone}")
