"""The absence alarm's storage: each server's admin channel, the faults of a slot, and the alert ledger.

An alert is recorded (with its text) before it is sent, one per (server, slot), and carries a nonce, as a
digest does: `pending` -> `sent` | `failed` (it could not be delivered: logged, never alerted about) | `held`
(an earlier send may have posted it, and the admin channel's history could not tell).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.storage._rows import Columns
from bot.storage._time import to_db
from bot.storage.database import Database
from bot.storage.subscriptions import PauseCause

AlertState = Literal["pending", "sent", "failed", "held"]
MANUAL_TIMEZONE = "manual"  # /digest now rows (bot.storage.ledger): not slots, never alerted about

# The faults an alarm names, as the partial index `deliveries_faults` declares them (the same expression, so
# that SQLite reads the index), read of both forms of ledger rows (the view `ledger_rows`, migration 0022: a
# slot's compact rows may be missed, or skipped because Briefbot paused the channel): given up, missed, expired or held rows, and slots skipped or cancelled because
# Briefbot itself paused the channel, and digests posted but not published when they were to be.
# No IN list of three or more values (see migration 0016: SQLite builds each afresh per statement run, and
# every row inserted into `deliveries` evaluates the index's expression).
FAULT_ROWS = (
    "(state IN ('missed', 'dead') OR state IN ('expired', 'held')"
    " OR (state IN ('skipped', 'cancelled')"
    " AND (pause_cause IN ('failures', 'permissions') OR pause_cause = 'server_removed'))"
    " OR not_published IS NOT NULL)"
)


@dataclass(frozen=True, slots=True)
class AlertChannel:
    """Where a server's alerts go, who chose it and since when (slots before `set_at` are not alerted)."""

    guild_id: int
    channel_id: int
    set_by: int | None
    set_at: datetime


@dataclass(frozen=True, slots=True)
class FinishedSlot:
    """A slot of a server whose digests have all reached an end state, with at least one fault among them,
    and no alert recorded yet."""

    guild_id: int
    timezone: str
    slot_key: str
    slot_at: datetime
    alert_channel_id: int


@dataclass(frozen=True, slots=True)
class Fault:
    """One channel's row of a finished slot that got it nothing through a fault."""

    channel_id: int
    state: str
    reason: str | None
    last_error: str | None
    pause_cause: PauseCause | None
    not_published: str | None = None  # posted, not published: why


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert ledger row."""

    id: int
    guild_id: int
    channel_id: int
    timezone: str
    slot_key: str
    slot_at: datetime
    nonce: str
    state: AlertState
    content: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    reason: str | None
    message_id: int | None
    sent_at: datetime | None
    attempt_started_at: datetime | None
    last_attempt_at: datetime | None
    created_at: datetime
    updated_at: datetime


_CHANNELS = Columns(AlertChannel)
_FINISHED = Columns(FinishedSlot)
_FAULTS = Columns(Fault)
_ALERTS = Columns(Alert)


def alert_nonce(guild_id: int, timezone: str, slot_key: str) -> str:
    """The alert's message nonce: 'a' and 24 hex digits of SHA-256 of (server, slot): the same alert always
    gets the same nonce (a resend is recognised), 25 characters (Discord's limit)."""
    return "a" + hashlib.sha256(f"{guild_id}|{timezone}|{slot_key}".encode()).hexdigest()[:24]


class AlertRepository:
    """Admin channels, finished slots' faults, and the alert ledger. Every write is one transaction."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # --- the admin channel ---

    async def set_channel(self, guild_id: int, channel_id: int, *, by: int | None, now: datetime) -> None:
        """Send the server's alerts to `channel_id` from now on (slots before `now` are not alerted)."""
        async with self._db.transaction() as connection:
            await connection.execute(
                "INSERT INTO alert_channels (guild_id, channel_id, set_by, set_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,"
                " set_by = excluded.set_by, set_at = CASE WHEN alert_channels.channel_id = excluded.channel_id"
                " THEN alert_channels.set_at ELSE excluded.set_at END",  # qualified: PostgreSQL refuses the bare names
                (guild_id, channel_id, by, to_db(now)),
            )

    async def clear_channel(self, guild_id: int) -> bool:
        """Stop the server's alerts; False if it had none. Alerts already recorded are still sent."""
        async with self._db.transaction() as connection:
            changed = (
                await connection.execute("DELETE FROM alert_channels WHERE guild_id = ?", (guild_id,)) > 0
            )
        return changed

    async def channel_of(self, guild_id: int) -> AlertChannel | None:
        async with self._db.read() as connection:
            row = await connection.fetchrow(
                f"SELECT {_CHANNELS.names} FROM alert_channels WHERE guild_id = ?",  # noqa: S608 - constant
                (guild_id,),
            )
        return None if row is None else _CHANNELS.read(row)

    # --- which slots are finished, and their faults ---

    async def finished_slots(self, *, since: datetime) -> list[FinishedSlot]:
        """Slots at or after `since` of servers with an admin channel (and not removed) that have a fault, no
        digest still pending in that server, and no alert yet, oldest first."""
        return await _FINISHED.fetch_all(
            self._db,
            "SELECT f.guild_id, f.timezone, f.slot_key, min(f.slot_at) AS slot_at,"  # noqa: S608 - constant
            " a.channel_id AS alert_channel_id"
            f" FROM (SELECT guild_id, timezone, slot_key, slot_at FROM ledger_rows WHERE {FAULT_ROWS}"
            " AND slot_at >= ? AND timezone != ?) AS f"
            " JOIN alert_channels AS a ON a.guild_id = f.guild_id AND f.slot_at >= a.set_at"
            " WHERE NOT EXISTS (SELECT 1 FROM removed_servers AS r WHERE r.guild_id = f.guild_id)"
            " AND NOT EXISTS (SELECT 1 FROM alerts AS x WHERE x.guild_id = f.guild_id"
            " AND x.timezone = f.timezone AND x.slot_key = f.slot_key)"
            " AND NOT EXISTS (SELECT 1 FROM ledger_rows AS p WHERE p.state = 'pending'"
            " AND p.guild_id = f.guild_id AND p.timezone = f.timezone AND p.slot_key = f.slot_key)"
            " GROUP BY f.guild_id, f.timezone, f.slot_key, a.channel_id ORDER BY slot_at, f.guild_id",
            (to_db(since), MANUAL_TIMEZONE),
        )

    async def faults(self, slot: FinishedSlot) -> list[Fault]:
        """The slot's faulted rows in that server, by channel."""
        return await _FAULTS.fetch_all(
            self._db,
            f"SELECT {_FAULTS.names} FROM ledger_rows WHERE {FAULT_ROWS} AND slot_at = ?"  # noqa: S608
            " AND guild_id = ? AND timezone = ? AND slot_key = ? ORDER BY channel_id",
            (to_db(slot.slot_at), slot.guild_id, slot.timezone, slot.slot_key),
        )

    # --- the alert ledger ---

    async def record(self, slot: FinishedSlot, content: str, *, now: datetime) -> bool:
        """Record the slot's alert with its text, to be sent; False if it had one already (idempotent)."""
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            added = (
                await connection.execute(
                    "INSERT INTO alerts (guild_id, channel_id, timezone, slot_key, slot_at, nonce, state, content,"
                    " next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (
                        slot.guild_id,
                        slot.alert_channel_id,
                        slot.timezone,
                        slot.slot_key,
                        to_db(slot.slot_at),
                        alert_nonce(slot.guild_id, slot.timezone, slot.slot_key),
                        content,
                        stamp,
                        stamp,
                        stamp,
                    ),
                )
                > 0
            )
        return added

    async def due(self, now: datetime, *, limit: int = 50) -> list[Alert]:
        """Pending alerts whose next attempt is due (or written "after" `now`: the clock was set back)."""
        stamp = to_db(now)
        return await _ALERTS.fetch_all(
            self._db,
            f"SELECT {_ALERTS.names} FROM alerts WHERE state = 'pending'"  # noqa: S608 - constant
            " AND (next_attempt_at <= ? OR updated_at > ?) ORDER BY slot_at, id LIMIT ?",
            (stamp, stamp, limit),
        )

    async def of_server(self, guild_id: int, *, limit: int = 10) -> list[Alert]:
        """The server's latest alerts, newest slot first."""
        return await _ALERTS.fetch_all(
            self._db,
            f"SELECT {_ALERTS.names} FROM alerts WHERE guild_id = ?"  # noqa: S608 - constant
            " ORDER BY slot_at DESC, id DESC LIMIT ?",
            (guild_id, limit),
        )

    async def attempt_started(self, alert_id: int, *, now: datetime) -> None:
        """Note, before each send, that a send begins (the message may exist from the first one on)."""
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            await connection.execute(
                "UPDATE alerts SET attempt_started_at = coalesce(attempt_started_at, ?), last_attempt_at = ?"
                " WHERE id = ?",
                (stamp, stamp, alert_id),
            )

    async def sent(self, alert_id: int, *, message_id: int, now: datetime) -> bool:
        return await self._settle(alert_id, "sent", None, now, message_id=message_id)

    async def failed(self, alert_id: int, *, reason: str, now: datetime) -> bool:
        return await self._settle(alert_id, "failed", reason, now)

    async def held(self, alert_id: int, *, reason: str, now: datetime) -> bool:
        return await self._settle(alert_id, "held", reason, now)

    async def retry(self, alert_id: int, *, error: str, next_attempt_at: datetime, now: datetime) -> None:
        async with self._db.transaction() as connection:
            await connection.execute(
                "UPDATE alerts SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ?"
                " WHERE id = ? AND state = 'pending'",
                (error, to_db(next_attempt_at), to_db(now), alert_id),
            )

    async def _settle(
        self,
        alert_id: int,
        state: AlertState,
        reason: str | None,
        now: datetime,
        *,
        message_id: int | None = None,
    ) -> bool:
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            changed = (
                await connection.execute(
                    "UPDATE alerts SET state = ?, reason = ?, message_id = ?, sent_at = CASE WHEN ? THEN ? END,"
                    " attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'pending'",
                    (state, reason, message_id, message_id is not None, stamp, stamp, alert_id),
                )
                > 0
            )
        return changed
