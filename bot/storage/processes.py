"""The processes running on this database: one heartbeat row each (`briefbot status` reads them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.storage._time import from_db, to_db
from bot.storage.database import Database

_BEAT = """INSERT INTO process_heartbeats (identity, host, pid, backend, shards, started_at, heartbeat_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (identity) DO UPDATE SET shards = excluded.shards, heartbeat_at = excluded.heartbeat_at"""


@dataclass(frozen=True, slots=True)
class ProcessRecord:
    """One process's row: who it is, what it serves, when it started and last beat."""

    identity: str
    host: str
    pid: int
    backend: str
    shards: str
    started_at: datetime
    heartbeat_at: datetime


class ProcessTable:
    """`process_heartbeats` (schema 14)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def beat(self, process: ProcessRecord) -> None:
        """Write `process`'s row (its first beat adds it; later ones move `heartbeat_at` and `shards`)."""
        row = (
            process.identity,
            process.host,
            process.pid,
            process.backend,
            process.shards,
            to_db(process.started_at),
            to_db(process.heartbeat_at),
        )
        async with self._db.single_statement(durable=False) as connection:
            await connection.execute(_BEAT, row)

    async def leave(self, identity: str) -> None:
        """Delete the row of a process that stops cleanly."""
        async with self._db.transaction() as connection:
            await connection.execute("DELETE FROM process_heartbeats WHERE identity = ?", (identity,))

    async def forget_before(self, moment: datetime) -> int:
        """Delete rows whose last beat is before `moment` (processes long dead); returns how many."""
        async with self._db.transaction() as connection:
            return await connection.execute(
                "DELETE FROM process_heartbeats WHERE heartbeat_at < ?", (to_db(moment),)
            )

    async def all(self) -> list[ProcessRecord]:
        """Every row, the longest running first."""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                "SELECT identity, host, pid, backend, shards, started_at, heartbeat_at"
                " FROM process_heartbeats ORDER BY started_at, identity"
            )
        return [
            ProcessRecord(
                str(row["identity"]),
                str(row["host"]),
                int(row["pid"]),
                str(row["backend"]),
                str(row["shards"]),
                from_db(row["started_at"]),
                from_db(row["heartbeat_at"]),
            )
            for row in rows
        ]
