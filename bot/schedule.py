"""What a digest schedule and its time zone are: read here once, for settings, commands and the scheduler.

A schedule is `HH:MM` (daily at that local time) or five classic cron fields (minute hour day month
day-of-week, where 0 and 7 are Sunday); a time zone is an IANA name this host's zoneinfo knows. Every
problem with either is a `ScheduleError`, whose text is a short sentence for whoever typed the value (a
member in Discord, an operator in `.env`) and which says, in `field`, which of the two is wrong.

Settings use the pydantic types `DigestSchedule` and `TimeZoneName`, the digests cog a Transformer over
`checked_schedule` and `checked_timezone`, the scheduler and the slot enumeration `parse_schedule`. Nothing
here touches delivery, storage or Discord, so settings can import it without loading them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger
from pydantic import AfterValidator

from bot.clock import utc_now

WATCHDOG_SECONDS = 30.0
"""How often the scheduler looks for due slots besides its cron jobs (and notices wall-clock jumps)."""
MIN_CATCH_UP_GRACE = timedelta(minutes=2)
"""The least catch-up grace: four watchdog periods. A slot is recorded a moment after it by its cron job, or up to
a period later by the watchdog (longer while the event loop stalls); a grace shorter than that records slots
as missed that were never late."""

SCHEDULE_EXAMPLE = "`09:00` for daily at nine, or a cron expression such as `30 8 * * mon-fri`"
TIMEZONE_EXAMPLE = "an IANA time zone such as `Europe/Berlin`, `America/New_York` or `UTC`"

ScheduleField = Literal["schedule", "timezone"]
# What a slot does for a channel that has had every brief: post nothing, or the newest brief again.
WhenNothingNew = Literal["skip", "repeat-latest"]

# How far ahead a schedule must name a slot: 29 February comes back within 8 years, even across 2100, so only
# a schedule that never comes (`0 0 31 2 *`) has none.
SLOT_HORIZON = timedelta(days=8 * 366)

_SHOWN_LENGTH = 100  # a value is echoed in the error; a pasted essay is not
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_WEEKDAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # classic cron: 0 (and 7) is Sunday
_WEEKDAY_ITEM = re.compile(r"^(?:(\*)|([a-z0-9]+)(?:-([a-z0-9]+))?)(?:/(\d+))?$")


class ScheduleError(ValueError):
    """A schedule or time zone that cannot be used.

    `str()` is one or two short sentences naming the value and a valid example; `field` is which of the
    two was wrong, `value` what was given. A library's own complaint, if any, is the `__cause__`.
    """

    def __init__(self, field: ScheduleField, value: str, hint: str | None = None) -> None:
        self.field: ScheduleField = field
        self.value = value
        shown = value if len(value) <= _SHOWN_LENGTH else value[: _SHOWN_LENGTH - 1] + "…"
        subject = f"`{shown}`" if shown else "Nothing"
        if field == "timezone":
            sentence = f"{subject} is not a time zone I know. Use {TIMEZONE_EXAMPLE}."
        else:
            problem = f": {hint}" if hint else ""
            sentence = f"{subject} is not a schedule I understand{problem}. Use {SCHEDULE_EXAMPLE}."
        super().__init__(sentence)


def checked_timezone(name: str) -> str:
    """The IANA time zone `name` names, without surrounding spaces.

    Raises ScheduleError (field "timezone") for a name zoneinfo does not know on this host, including
    names that are not keys at all (`../etc`, `Europe//Berlin`).
    """
    key = name.strip()
    _zone(key)
    return key


def _zone(key: str) -> ZoneInfo:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        # ZoneInfoNotFoundError is a KeyError: callers catch one ValueError instead.
        raise ScheduleError("timezone", key) from exc


def parse_schedule(schedule: str, timezone: str = "UTC") -> CronTrigger:
    """The CronTrigger for `schedule` in `timezone` (a key as checked_timezone returns it), firing at second 0.

    Raises ScheduleError: field "timezone" when zoneinfo does not know the zone (checked first, so a bad
    zone is never blamed on the schedule), field "schedule" when the schedule is neither `HH:MM` nor five
    cron fields APScheduler accepts, or restricts both the day of the month and the day of the week.
    """
    return _trigger(schedule, timezone, end_date=None)


def first_fire_within_horizon(schedule: str, timezone: str, after: datetime) -> datetime | None:
    """The first instant after `after` (aware) at which the schedule's trigger fires, if within SLOT_HORIZON.

    APScheduler alone searches up to the year 9999 for a schedule that never comes; bounded, it stops after
    SLOT_HORIZON. Raises ScheduleError as parse_schedule does.
    """
    trigger = _trigger(schedule, timezone, end_date=after + SLOT_HORIZON)
    fire: datetime | None = trigger.get_next_fire_time(None, after)
    return fire


def _trigger(schedule: str, timezone: str, end_date: datetime | None) -> CronTrigger:
    _zone(timezone)
    text = schedule.strip()
    match = _HHMM.match(text)
    if match:
        return CronTrigger(
            hour=int(match.group(1)), minute=int(match.group(2)), timezone=timezone, end_date=end_date
        )
    fields = text.split()
    if len(fields) != 5:
        raise ScheduleError("schedule", text)
    minute, hour, day, month, weekday = fields
    if day != "*" and weekday != "*":
        # Classic cron fires when EITHER matches; APScheduler only when both do. Refuse rather than guess.
        raise ScheduleError(
            "schedule", text, "restrict the day of the month or the day of the week, not both"
        )
    try:
        weekdays = _cron_weekdays(weekday)
    except ValueError as exc:
        raise ScheduleError("schedule", text, str(exc)) from exc
    try:
        return CronTrigger(
            minute=minute,
            hour=hour,
            day=day,
            month=month,
            day_of_week=weekdays,
            timezone=timezone,
            end_date=end_date,
        )
    except ValueError as exc:
        raise ScheduleError("schedule", text) from exc


def checked_schedule(schedule: str) -> str:
    """`schedule` without surrounding spaces, once it reads as a schedule in any zone and names a slot within
    SLOT_HORIZON of now.

    Raises ScheduleError (field "schedule") as parse_schedule does, and for a schedule that never comes.
    """
    text = schedule.strip()
    if first_fire_within_horizon(text, "UTC", utc_now()) is None:
        raise ScheduleError("schedule", text, "it never comes (no such day in the next 8 years)")
    return text


DigestSchedule = Annotated[str, AfterValidator(checked_schedule)]
"""A pydantic field holding a schedule, checked and stripped; invalid values fail with ScheduleError's text."""

TimeZoneName = Annotated[str, AfterValidator(checked_timezone)]
"""A pydantic field holding an IANA time zone name, checked and stripped."""


def _weekday_number(token: str) -> int:
    if token.isdigit() and 0 <= int(token) <= 7:
        return int(token)  # 7 stays 7 (Sunday after Saturday) so that `5-7` and `7-7` read as ranges
    if token in _WEEKDAY_NAMES:
        return _WEEKDAY_NAMES.index(token)
    raise ValueError(f"unknown day of the week {token!r}")


def _cron_weekdays(field: str) -> str:
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
            end = _weekday_number(last) if last else (max(6, start) if step else start)
            if end < start:
                raise ValueError(f"day-of-week range {item!r} runs backwards")
            span = list(range(start, end + 1))
        if step and int(step) == 0:
            raise ValueError(f"day-of-week step {item!r} is zero")
        days.update(day % 7 for day in span[:: int(step) if step else 1])
    return ",".join(_WEEKDAY_NAMES[day] for day in sorted(days))
