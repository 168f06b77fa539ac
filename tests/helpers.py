"""What the tests share: the injected clock, subscribing channels, the morning slot.

Fixtures live in `tests/conftest.py` (`database`, `shipped`); plain helpers live here, imported by name.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.delivery.slots import Slot, slots_between
from bot.storage import Database, Subscription, SubscriptionRepository


class FakeClock:
    """An injected wall clock: time moves only when a test says so (set `now`, or `advance`).

    `advance` moves time itself: the wall clock, `monotonic()` and `true_now()` alike. `jump` (or setting
    `now`) moves the wall clock only, as an NTP step or a wrong RTC does; `true_now()` is then what Discord's
    clock reads, and `monotonic()` what the host's monotonic clock does.
    """

    def __init__(self, start: datetime) -> None:
        self.now = start
        self._start = start
        self._elapsed = 0.0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        step = timedelta(**delta)
        self.now += step
        self._elapsed += step.total_seconds()
        return self.now

    def jump(self, **delta: float) -> datetime:
        """The wall clock alone is stepped by `delta` (negative: back); time itself does not move."""
        self.now += timedelta(**delta)
        return self.now

    def monotonic(self) -> float:
        """Seconds of time that passed (by `advance`), as a monotonic clock counts them."""
        return self._elapsed

    def true_now(self) -> datetime:
        """The real time: the start plus what `advance` moved, whatever the wall clock was stepped to."""
        return self._start + timedelta(seconds=self._elapsed)


async def subscribe(
    database: Database,
    *channels: int,
    now: datetime,
    guild_id: int = 1,
    schedule: str = "09:00",
    timezone: str = "UTC",
) -> list[Subscription]:
    """Subscribe `channels` as `/digest subscribe` does (one transaction each), as of `now`."""
    repository = SubscriptionRepository(database)
    return [
        await repository.subscribe(
            guild_id=guild_id,
            channel_id=channel_id,
            schedule=schedule,
            timezone=timezone,
            source="command",
            now=now,
        )
        for channel_id in channels
    ]


def nine_utc_slot(day: int = 1) -> Slot:
    """The 09:00 UTC slot of `day` May 2026, the month the unit tests' clocks start in."""
    nine = datetime(2026, 5, day, 9, 0, tzinfo=UTC)
    [slot] = slots_between("09:00", "UTC", nine - timedelta(minutes=1), nine)
    return slot
