"""SQLite's write-ahead log is checkpointed outside the writer's transactions, stays bounded, and loses nothing
when the process dies with it long or mid-checkpoint."""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage.sqlite import SqliteBackend

pytestmark = pytest.mark.sqlite_only

REPO = Path(__file__).resolve().parents[2]
ROW = 8 * 1024  # bytes of filler a row: two pages of WAL
KIB = 1024


async def _bounded(path: Path, database: Database | None = None) -> tuple[Database, SqliteBackend]:
    database = database or await Database.open(path)
    backend = database.backend
    assert isinstance(backend, SqliteBackend)
    await backend.bound_wal(checkpoint_after=64 * KIB, kept=16 * KIB, limit=256 * KIB)
    async with database.transaction() as connection:
        await connection.execute("CREATE TABLE filler (n INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    return database, backend


async def _write(database: Database, first: int, rows: int) -> None:
    async with database.transaction() as connection:
        await connection.executemany(
            "INSERT INTO filler (n, data) VALUES (?, randomblob(?))", [(first + n, ROW) for n in range(rows)]
        )


def _rows_in_the_file_alone(path: Path, copy: Path) -> int:
    """The rows the database file holds without its WAL (what checkpoints copied into it)."""
    copy.write_bytes(path.read_bytes())
    with sqlite3.connect(copy) as connection:
        return int(connection.execute("SELECT count(*) FROM filler").fetchone()[0])


async def test_the_writer_never_checkpoints_a_connection_of_its_own_does(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    database = await Database.open(path)
    try:
        async with database.read() as connection:
            # SQLite's automatic checkpoint runs inside the commit that crosses its threshold, lock held.
            assert await connection.fetchval("PRAGMA wal_autocheckpoint") == 0
        database, backend = await _bounded(path, database)
        for start in range(0, 40, 4):
            await _write(database, start, 4)
        await backend.checkpoints_done()
        assert _rows_in_the_file_alone(path, tmp_path / "copy.sqlite3") >= 8
    finally:
        await database.close()


async def test_the_wal_stays_bounded_while_writes_outpace_checkpoints(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    database, backend = await _bounded(path)
    try:
        sizes = [backend.wal.stat().st_size]
        for start in range(0, 400, 4):
            await _write(database, start, 4)
            sizes.append(backend.wal.stat().st_size)
        transaction = max(after - before for before, after in itertools.pairwise(sizes))
        # A write past the limit waits for the checkpoints and restarts the WAL: never more than one
        # transaction beyond the limit (400 rows are 3.2 MB: without checkpoints the WAL would hold them all).
        assert max(sizes) <= backend.wal_limit_bytes + transaction
        assert transaction < backend.wal_limit_bytes / 2
        async with database.read() as connection:
            assert await connection.fetchval("SELECT count(*) FROM filler") == 400
    finally:
        await database.close()


_DIES = textwrap.dedent(
    """
    import asyncio, os, sys, traceback
    from pathlib import Path
    from bot.storage import Database

    async def main() -> None:
        database = await Database.open(Path(sys.argv[1]))
        try:
            await fill(database)
        except BaseException:
            traceback.print_exc()
            os._exit(1)  # the database's threads would keep a failed run alive
        os._exit(0)  # no close, no last checkpoint: a checkpoint may be midway

    async def fill(database: Database) -> None:
        backend = database.backend
        await backend.bound_wal(checkpoint_after=64 * 1024, kept=16 * 1024, limit=256 * 1024)
        async with database.transaction() as connection:
            await connection.execute("CREATE TABLE filler (n INTEGER PRIMARY KEY, data BLOB NOT NULL)")
        for n in range(int(sys.argv[2])):
            async with database.transaction() as connection:
                await connection.execute("INSERT INTO filler (n, data) VALUES (?, randomblob(8192))", (n,))
        print(backend.wal.stat().st_size, flush=True)

    asyncio.run(main())
    """
)


async def test_nothing_committed_is_lost_when_the_process_dies_with_its_wal(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-c", _DIES, str(path), "150"],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert int(done.stdout) > 0  # it died with a WAL
    database = await Database.open(path)
    try:
        async with database.read() as connection:
            assert await connection.fetchval("SELECT count(*) FROM filler") == 150
            assert await connection.fetchval("PRAGMA integrity_check") == "ok"
    finally:
        await database.close()
