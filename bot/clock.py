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


DISCORD_EPOCH_MS = 1_420_070_400_000  # the first instant of 2015, UTC: where Discord's snowflakes count from


def snowflake_time(snowflake: int) -> datetime:
    """The instant a Discord snowflake (a message id) was made, by Discord's clock, to the millisecond."""
    return datetime.fromtimestamp(((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000, UTC)


def boot_monotonic() -> float:
    """Seconds on a clock no wall-clock step moves and a suspend does not stop (CLOCK_BOOTTIME where the
    host has it): bounds carried on it stay true across a suspend of the host."""
    return time.clock_gettime(time.CLOCK_BOOTTIME) if hasattr(time, "CLOCK_BOOTTIME") else time.monotonic()


_SOURCES = ("snowflake", "date")  # the first that disagrees with the wall clock is Discord's time


class ClockCheck:
    """The host's wall clock (`wall`) checked against Discord's.

    Discord's clock is read from two sources, each carried forward between readings on the `monotonic`
    clock, which an NTP step or a wrong RTC does not move:

    * the `Date` header of its answers (`observe`): at least its `Date` when it arrived, at most a second
      past it when the request left;
    * the snowflake of a message the bot's own request just created (`observe_created`): Discord made it
      after the request left and before its answer arrived. Only messages that request certainly created
      count: a message Discord returns again for a nonce it had seen (a resend) is older, and would pass
      for a clock running behind.

    Each source's readings are narrowed together, and a reading that contradicts its source's earlier ones
    (the monotonic clock stopped, or Discord's clock moved) starts that source afresh. The sources are kept
    apart, so that one that cannot be trusted (a `Date` written by a proxy in between, from the host's own
    wrong clock) never overrides the other. While the wall clock falls outside either source's bounds by
    more than `tolerance`, `now()` is Discord's time (that source's lower bound) rather than the wall's: the
    scheduler decides what is due, late or missed by it, so a brief forward jump of the wall clock records
    no slot as missed. Before anything was heard from Discord the wall clock is all there is, and is trusted.
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
        # Per source: (monotonic seconds, earliest and latest Discord time then).
        self._bounds: dict[str, tuple[float, datetime, datetime]] = {}
        self._disagreed = False

    def observe(self, discord_time: datetime, *, sent_at: float | None = None) -> None:
        """An answer from Discord arrived just now with `Date: discord_time` (whole seconds); its request left
        at `sent_at` (this check's `monotonic` seconds; default: now)."""
        arrived = self.monotonic()
        in_flight = max(0.0, arrived - (arrived if sent_at is None else sent_at))
        self._narrow("date", arrived, discord_time, discord_time + timedelta(seconds=1 + in_flight))

    def observe_created(self, message_id: int, *, sent_at: float) -> None:
        """The answer to a request that left at `sent_at` (this check's `monotonic` seconds) arrived just now
        with message `message_id`, which that request created (never a message returned again for a nonce
        Discord had already seen, which is older)."""
        arrived = self.monotonic()
        created = snowflake_time(message_id)
        self._narrow("snowflake", arrived, created, created + timedelta(seconds=max(0.0, arrived - sent_at)))

    def _narrow(self, source: str, arrived: float, earliest: datetime, latest: datetime) -> None:
        carried = self._bounds_at(source, arrived)
        if carried is not None:
            low, high = max(earliest, carried[0]), min(latest, carried[1])
            if low <= high:
                earliest, latest = low, high
        self._bounds[source] = (arrived, earliest, latest)
        self.offset()  # logs a change of agreement at once

    def _bounds_at(self, source: str, at: float) -> tuple[datetime, datetime] | None:
        known = self._bounds.get(source)
        if known is None:
            return None
        then, earliest, latest = known
        elapsed = timedelta(seconds=at - then)
        return earliest + elapsed, latest + elapsed

    def _disagreement(self) -> tuple[timedelta, datetime] | None:
        """How far the wall clock is off the first source it disagrees with, and that source's lower bound."""
        at = self.monotonic()
        wall = self._wall()
        for source in _SOURCES:
            bounds = self._bounds_at(source, at)
            if bounds is None:
                continue
            if wall > bounds[1] + self.tolerance:
                return wall - bounds[1], bounds[0]
            if wall < bounds[0] - self.tolerance:
                return wall - bounds[0], bounds[0]
        return None

    def discord_now(self) -> datetime | None:
        """Discord's time now at the earliest, as carried forward from its answers (from its own messages
        when there are any); None before any."""
        at = self.monotonic()
        for source in _SOURCES:
            bounds = self._bounds_at(source, at)
            if bounds is not None:
                return bounds[0]
        return None

    def offset(self) -> timedelta | None:
        """How far the wall clock is ahead of Discord's (negative: behind) when they disagree; else None."""
        disagreement = self._disagreement()
        offset = None if disagreement is None else disagreement[0]
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
        disagreement = self._disagreement()
        self.offset()
        return self._wall() if disagreement is None else disagreement[1]

    def problem(self) -> str | None:
        """A sentence for admins while the clocks disagree; None while they agree."""
        offset = self.offset()
        if offset is None:
            return None
        return (
            f"This bot's host clock is {describe_offset(offset)} Discord's. Digests follow Discord's clock "
            "until the two agree again, and no digest is recorded as missed meanwhile on the host clock's word."
        )
