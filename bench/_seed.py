"""Subscribing channels in a bot's database before it starts, as `/digest subscribe` would."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.storage import Database, SubscriptionRepository


async def seed_subscriptions(
    path: Path, guild_id: int, channels: list[int], *, schedule: str, now: datetime, timezone: str = "UTC"
) -> None:
    """Subscribe `channels` to `schedule` as of `now` (one transaction each), in the database at `path`."""
    database = await Database.open(path)
    try:
        repository = SubscriptionRepository(database)
        for channel_id in channels:
            await repository.subscribe(
                guild_id=guild_id,
                channel_id=channel_id,
                schedule=schedule,
                timezone=timezone,
                source="command",
                now=now,
            )
    finally:
        await database.close()
