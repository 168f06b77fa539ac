"""The wall clock every part is given by default; tests inject their own. And the wall clock checked against
Discord's, so that a wrong host clock cannot decide that digests were missed."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

logger = logging.getLogger(__name__)

CLOCK_TOLERANCE = timedelta(minutes=1)


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def describe_duration(length: timedelta) -> str:
    """`3 years 12 days`, `2 h 5 min`, `6 h`: a length of time for logs and admins (two units at most)."""
    seconds = abs(length.total_seconds())
    if seconds >= 60:
        seconds = round(seconds / 60) * 60  # Date headers tell whole seconds: minutes are what is known
    units = (("years", 365 * 86400), ("days", 86400), ("h", 3600), ("min", 60), ("s", 1))
    parts: list[str] = []
    for name, size in units:
        if seconds >= size and len(parts) < 2:
            count, seconds = divmod(seconds, size)
            parts.append(f"{int(count)} {name}")
    return " ".join(parts) or "0 s"


def describe_offset(offset: timedelta) -> str:
    """`3 years 12 days ahead of`, `2 h 5 min behind`: how far a clock is off, for logs and admins."""
    return f"{describe_duration(offset)} {'ahead of' if offset > timedelta(0) else 'behind'}"


class ClockCheck:
    """The host's wall clock (`wall`) checked against Discord's.

    Discord's clock is read from the `Date` header of its answers (`observe`) and carried forward between
    answers on the `monotonic` clock, which an NTP step or a wrong RTC does not move. An answer bounds
    Discord's time: at least its `Date` when it arrived, at most a second past it when the request left; the
    bounds of successive answers are narrowed together. While the wall clock falls outside them by more
    than `tolerance`, `now()` is Discord's time (its lower bound) rather than the wall's: the scheduler
    decides what is due, late or missed by it, so a brief forward jump of the wall clock records no slot as
    missed. Before anything was heard from Discord the wall clock is all there is, and is trusted.
    """

    def __init__(
        self,
        wall: Callable[[], datetime] = utc_now,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        tolerance: timedelta = CLOCK_TOLERANCE,
    ) -> None:
        self._wall = wall
        self.monotonic = monotonic
        self.tolerance = tolerance
        # (monotonic seconds, earliest and latest Discord time then): None before any answer.
        self._bounds: tuple[float, datetime, datetime] | None = None
        self._disagreed = False

    def observe(self, discord_time: datetime, *, sent_at: float | None = None) -> None:
        """An answer from Discord arrived just now with `Date: discord_time` (whole seconds); its request left
        at `sent_at` (this check's `monotonic` seconds; default: now)."""
        arrived = self.monotonic()
        earliest = discord_time
        latest = discord_time + timedelta(
            seconds=1 + max(0.0, arrived - (arrived if sent_at is None else sent_at))
        )
        carried = self._bounds_at(arrived)
        if carried is not None:
            # Narrow with what earlier answers say, unless they contradict this one (the monotonic clock
            # stopped in a suspend, or Discord's clock moved): then this answer alone counts.
            low, high = max(earliest, carried[0]), min(latest, carried[1])
            if low <= high:
                earliest, latest = low, high
        self._bounds = (arrived, earliest, latest)
        self.offset()  # logs a change of agreement at once

    def _bounds_at(self, at: float) -> tuple[datetime, datetime] | None:
        if self._bounds is None:
            return None
        then, earliest, latest = self._bounds
        elapsed = timedelta(seconds=at - then)
        return earliest + elapsed, latest + elapsed

    def discord_now(self) -> datetime | None:
        """Discord's time now at the earliest, as carried forward from its answers; None before any."""
        bounds = self._bounds_at(self.monotonic())
        return None if bounds is None else bounds[0]

    def offset(self) -> timedelta | None:
        """How far the wall clock is ahead of Discord's (negative: behind) when they disagree; else None."""
        bounds = self._bounds_at(self.monotonic())
        offset: timedelta | None = None
        if bounds is not None:
            wall = self._wall()
            if wall > bounds[1] + self.tolerance:
                offset = wall - bounds[1]
            elif wall < bounds[0] - self.tolerance:
                offset = wall - bounds[0]
        if (offset is not None) != self._disagreed:
            self._disagreed = offset is not None
            if offset is not None:
                logger.warning(
                    "this host's clock is %s Discord's: digests follow Discord's clock, and no slot is recorded "
                    "as missed on the host clock's word, until the two agree again",
                    describe_offset(offset),
                )
            else:
                logger.warning("this host's clock agrees with Discord's again")
        return offset

    def now(self) -> datetime:
        """The time to decide by: the wall clock while it agrees with Discord's, else Discord's."""
        if self.offset() is None:
            return self._wall()
        discord = self.discord_now()
        assert discord is not None  # an offset was measured against it
        return discord

    def problem(self) -> str | None:
        """A sentence for admins while the clocks disagree; None while they agree."""
        offset = self.offset()
        if offset is None:
            return None
        return (
            f"This bot's host clock is {describe_offset(offset)} Discord's. Digests follow Discord's clock "
            "until the two agree again, and no digest is recorded as missed meanwhile on the host clock's word."
        )
