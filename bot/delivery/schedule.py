"""Digest schedules: parsing `HH:MM` or five-field cron expressions into APScheduler triggers."""

from __future__ import annotations

import re

from apscheduler.triggers.cron import CronTrigger

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
SCHEDULE_EXAMPLE = "`09:00` for daily at nine, or a cron expression such as `30 8 * * mon-fri`"


def parse_schedule(schedule: str, timezone: str) -> CronTrigger:
    """Return the CronTrigger for `schedule` in `timezone`.

    Raises ValueError, naming a valid example, when the schedule is neither `HH:MM` nor five cron fields.
    """
    text = schedule.strip()
    match = _HHMM.match(text)
    if match:
        return CronTrigger(hour=int(match.group(1)), minute=int(match.group(2)), timezone=timezone)
    if len(text.split()) != 5:
        raise ValueError(f"not a schedule; use {SCHEDULE_EXAMPLE}")
    try:
        return CronTrigger.from_crontab(text, timezone=timezone)
    except (ValueError, KeyError) as exc:
        raise ValueError(f"not a valid cron expression ({exc}); use {SCHEDULE_EXAMPLE}") from exc
