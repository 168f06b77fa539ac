"""Servers that removed the bot: their subscriptions paused at once, their data deleted after a period."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.storage._time import to_db
from bot.storage.database import Database
from bot.storage.subscriptions import pause_in

logger = logging.getLogger(__name__)


class RemovedServers:
    """Marks servers the bot was removed from, and forgets them once their retention has passed."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def removed(self, guild_id: int, reason: str, *, now: datetime) -> list[int]:
        """Pause every deliverable subscription of the server with `reason` (their pending deliveries are
        cancelled) and mark it removed as of `now`; a server already marked keeps its first mark. Returns
        the channels paused."""
        async with self._db.transaction() as connection:
            channels = [
                int(row[0])
                for row in await connection.fetch(
                    "SELECT channel_id FROM subscriptions WHERE guild_id = ? AND active = 1"
                    " AND paused_at IS NULL ORDER BY channel_id",
                    (guild_id,),
                )
            ]
            for channel_id in channels:
                await pause_in(connection, channel_id, reason, now, cause="server_removed")
            await connection.execute(
                "INSERT INTO removed_servers (guild_id, removed_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (guild_id, to_db(now)),
            )
        return channels

    async def subscribed_servers(self) -> list[int]:
        """The servers with an active subscription that are not marked removed (0, a server not known yet,
        excluded)."""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                "SELECT DISTINCT guild_id FROM subscriptions WHERE active = 1 AND guild_id != 0"
                " AND guild_id NOT IN (SELECT guild_id FROM removed_servers) ORDER BY guild_id"
            )
        return [int(row[0]) for row in rows]

    async def returned(self, guild_id: int) -> bool:
        """The bot is in the server again: its data is kept. False if it was not marked removed."""
        async with self._db.transaction() as connection:
            changed = await connection.execute("DELETE FROM removed_servers WHERE guild_id = ?", (guild_id,))
        return changed > 0

    async def forget_removed_before(self, cutoff: datetime) -> list[int]:
        """Delete everything stored about servers removed at or before `cutoff`; returns their ids."""
        async with self._db.transaction() as connection:
            guilds = [
                int(row[0])
                for row in await connection.fetch(
                    "SELECT guild_id FROM removed_servers WHERE removed_at <= ? ORDER BY guild_id",
                    (to_db(cutoff),),
                )
            ]
            for guild_id in guilds:
                channels = "SELECT channel_id FROM subscriptions WHERE guild_id = ?"
                await connection.execute(
                    f"DELETE FROM delivered_briefs WHERE channel_id IN ({channels})"  # noqa: S608 - constant
                    " OR delivery_id IN (SELECT id FROM deliveries WHERE guild_id = ?)",
                    (guild_id, guild_id),
                )
                await connection.execute("DELETE FROM deliveries WHERE guild_id = ?", (guild_id,))
                # Its compact rows: each group's members of the server (a range of delivery_members_by_guild).
                await connection.execute(
                    "DELETE FROM delivery_members WHERE group_id IN (SELECT id FROM delivery_groups)"
                    " AND guild_id = ?",
                    (guild_id,),
                )
                await connection.execute("DELETE FROM subscriptions WHERE guild_id = ?", (guild_id,))
                await connection.execute("DELETE FROM removed_servers WHERE guild_id = ?", (guild_id,))
                logger.info("forgot server %d: it removed the bot on or before %s", guild_id, cutoff)
        return guilds
