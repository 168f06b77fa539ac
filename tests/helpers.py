"""What the tests share: the injected clock, subscribing channels, the morning slot.

Fixtures live in `tests/conftest.py` (`database`, `shipped`); plain helpers live here, imported by name.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.delivery.slots import Slot, slots_between
from bot.storage import Database, Subscription, SubscriptionRepository


class FakeClock:
    """An injected wall clock: time moves only when a test says so (set `now`, or `advance`)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


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
