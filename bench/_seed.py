"""Subscribing channels in a bot's database before it starts, as `/digest subscribe` would."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.storage import Database
from tests.helpers import subscribe


async def seed_subscriptions(
    path: Path, guild_id: int, channels: list[int], *, schedule: str, now: datetime, timezone: str = "UTC"
) -> None:
    """Subscribe `channels` to `schedule` as of `now` (one transaction each), in the database at `path`."""
    database = await Database.open(path)
    try:
        await subscribe(database, *channels, guild_id=guild_id, schedule=schedule, timezone=timezone, now=now)
    finally:
        await database.close()
