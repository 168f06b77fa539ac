"""The one SQLite database: opening it, migrating it, and serialised access to its connection."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import aiosqlite

logger = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[A-Za-z0-9_]+\.sql$")


class StorageError(Exception):
    """The database cannot be used; the message names the file and what to do about it."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: `version` is the `PRAGMA user_version` the database has after it."""

    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """Return the packaged migrations (bot/storage/migrations/NNNN_*.sql) in order.

    Raises RuntimeError if the numbering has gaps or duplicates: that is a packaging bug, not a user error.
    """
    folder = resources.files("bot.storage").joinpath("migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda migration: migration.version)
    expected = list(range(1, len(found) + 1))
    if [migration.version for migration in found] != expected:
        raise RuntimeError(f"migrations must be numbered 0001.. without gaps: {[m.name for m in found]}")
    return found


def _is_not_a_database(error: sqlite3.Error) -> bool:
    return isinstance(error, sqlite3.DatabaseError) and "not a database" in str(error)


class Database:
    """One aiosqlite connection in WAL mode with `synchronous=FULL` (NORMAL only inside a transaction
    opened with `durable=False`), schema migrated on open.

    aiosqlite runs every call on one worker thread in order, but coroutines interleave between calls: a
    transaction spanning several awaits would otherwise take in another coroutine's statements. So every use
    goes through `transaction()` (writes, `BEGIN IMMEDIATE`) or `read()`, which share one asyncio lock.

    Beside it, a second, read-only connection answers `peek_row`: what is committed right now, without
    waiting for that lock (a long transaction would hold it for seconds) or for a writer (WAL readers never
    wait). It is for the few checks that must not be delayed, such as the dispatcher's after a pacing permit.
    """

    def __init__(self, path: Path, connection: aiosqlite.Connection) -> None:
        self.path = path
        self._connection = connection
        self._peek: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()
        self._closed = False
        self._synchronous_normal = False  # a non-durable transaction's NORMAL is still to be put back

    @classmethod
    async def open(cls, path: Path | str, *, migrations: list[Migration] | None = None) -> Database:
        """Open (creating if missing) the database at `path` and bring its schema up to date.

        Raises StorageError, naming the file, when it is not a SQLite database, cannot be opened, or has a
        schema newer than this code knows. The connection is closed again on any failure.
        """
        path = Path(path)
        steps = load_migrations() if migrations is None else migrations
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the folder for the database {path}: {exc}; "
                "check DATABASE_PATH and the folder's permissions"
            ) from exc
        connection = aiosqlite.connect(path, isolation_level=None)
        try:
            await connection
        except sqlite3.Error as exc:
            # aiosqlite stops its worker thread after a failed connect but does not wait for it; the thread
            # then reports to the event loop, which may be closed by then. Wait for it to end.
            worker = getattr(connection, "_thread", None)
            if isinstance(worker, threading.Thread) and worker.is_alive():
                await asyncio.to_thread(worker.join, 5.0)
            raise StorageError(
                f"cannot open the database {path}: {exc}; check DATABASE_PATH and the file's permissions"
            ) from exc
        database = cls(path, connection)
        try:
            await database._configure()
            await database._migrate(steps)
            await database._open_peek()
        except sqlite3.DatabaseError as exc:
            await database._close_connections()
            raise StorageError(
                f"{path} is not a usable SQLite database ({exc}); move the file aside (or restore it from a "
                "backup) or set DATABASE_PATH to another file"
            ) from exc
        except BaseException:
            await database._close_connections()
            raise
        return database

    @classmethod
    async def open_read_only(cls, path: Path | str) -> Database:
        """Open the existing database at `path` to read it only (`briefbot preview digest`): nothing is
        created, migrated or written. Raises StorageError, naming the file, when it does not exist, cannot
        be read, or has a schema other than this code's (run `briefbot run` once to bring it up to date)."""
        path = Path(path)
        if not path.is_file():
            raise StorageError(f"there is no database at {path.absolute()}; check DATABASE_PATH")
        connection = aiosqlite.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            await connection
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open the database {path} to read it: {exc}") from exc
        database = cls(path, connection)
        database._peek = connection
        try:
            connection.row_factory = aiosqlite.Row
            await connection.execute("PRAGMA query_only=ON")
            await connection.execute("PRAGMA busy_timeout=5000")
            version, latest = await database.schema_version(), len(load_migrations())
        except sqlite3.DatabaseError as exc:
            await connection.close()
            raise StorageError(f"{path} is not a usable SQLite database ({exc})") from exc
        if version != latest:
            await connection.close()
            older = "an older" if version < latest else "a newer"
            raise StorageError(
                f"the database {path} has schema version {version}, written by {older} Briefbot than this "
                f"one (schema {latest}); start this Briefbot's `briefbot run` once to bring it up to date"
                if version < latest
                else f"the database {path} has schema version {version}, written by {older} Briefbot "
                f"(this one knows up to {latest})"
            )
        return database

    async def _open_peek(self) -> None:
        peek = aiosqlite.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        self._peek = await peek
        self._peek.row_factory = aiosqlite.Row
        await self._peek.execute("PRAGMA busy_timeout=5000")

    async def _close_connections(self) -> None:
        if self._peek is not None and self._peek is not self._connection:
            await self._peek.close()
        await self._connection.close()

    async def peek_row(self, sql: str, parameters: tuple[object, ...] = ()) -> sqlite3.Row | None:
        """The first row `sql` (a SELECT) gives on what is committed now, read on the read-only connection
        without waiting for any transaction; None when it gives none."""
        self._check_open()
        assert self._peek is not None  # opened with the database
        rows = list(await self._peek.execute_fetchall(sql, parameters))
        return rows[0] if rows else None

    async def _configure(self) -> None:
        self._connection.row_factory = aiosqlite.Row  # rows are read by column name
        async with self._connection.execute("PRAGMA journal_mode=WAL") as cursor:
            row = await cursor.fetchone()
        mode = None if row is None else str(row["journal_mode"])
        if mode is None or mode.lower() != "wal":
            logger.warning("database %s did not switch to WAL mode (got %r)", self.path, mode)
        # FULL: every commit is durable. A 'sent' row lost on power failure would mean a duplicate post.
        # `transaction(durable=False)` lowers it to NORMAL for one transaction, and puts it back.
        await self._connection.execute("PRAGMA synchronous=FULL")
        await self._connection.execute("PRAGMA foreign_keys=ON")
        # Sorts (the dispatcher's round-robin over every due row) in memory, not in temporary files.
        await self._connection.execute("PRAGMA temp_store=MEMORY")
        await self._connection.execute("PRAGMA cache_size=-65536")
        await self._connection.execute("PRAGMA busy_timeout=5000")

    async def schema_version(self) -> int:
        """The database's `PRAGMA user_version`, i.e. the last migration applied."""
        async with self._connection.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row["user_version"]) if row else 0

    async def _migrate(self, steps: list[Migration]) -> None:
        current = await self.schema_version()
        latest = steps[-1].version if steps else 0
        if current > latest:
            raise StorageError(
                f"the database {self.path} has schema version {current}, newer than this Briefbot knows "
                f"(up to {latest}); run the newer Briefbot that wrote it, or set DATABASE_PATH to another "
                "file"
            )
        pending = [step for step in steps if step.version > current]
        if not pending:
            return
        # Foreign keys off while migrating (it cannot change inside a transaction): a step may rebuild a
        # table that others reference, as SQLite documents for schema changes; each step checks them before
        # it commits.
        await self._connection.execute("PRAGMA foreign_keys=OFF")
        try:
            for step in pending:
                await self._apply(step, current)
                current = step.version
        finally:
            await self._connection.execute("PRAGMA foreign_keys=ON")

    async def _apply(self, step: Migration, current: int) -> None:
        logger.info("migrating %s to schema version %d (%s)", self.path, step.version, step.name)
        # executescript commits any open transaction first and then runs the script as written, so the
        # transaction (including the version bump, which SQLite stores transactionally) is opened in the
        # script and committed here, once the foreign keys are found intact.
        script = f"BEGIN IMMEDIATE;\n{step.sql}\n;PRAGMA user_version = {step.version:d};\n"
        try:
            await self._connection.executescript(script)
            async with self._connection.execute("PRAGMA foreign_key_check") as cursor:
                broken = list(await cursor.fetchall())
            if broken:
                raise sqlite3.IntegrityError(f"foreign keys broken by the migration: {len(broken)} row(s)")
            await self._connection.commit()
        except BaseException as exc:
            if self._connection.in_transaction:
                await self._connection.rollback()
            if isinstance(exc, sqlite3.Error) and not _is_not_a_database(exc):
                raise StorageError(
                    f"migration {step.name} failed on {self.path} ({exc}); the database was left at schema "
                    f"version {current}. Restore a backup or report the bug"
                ) from exc
            raise

    @asynccontextmanager
    async def transaction(self, *, durable: bool = True) -> AsyncIterator[aiosqlite.Connection]:
        """Hold the connection for one write transaction (`BEGIN IMMEDIATE`): committed if the block
        completes, rolled back if it raises.

        `durable=False` commits it with `synchronous=NORMAL` instead of FULL, without waiting for the disk:
        in WAL mode the commit survives a crash of the process, but a power loss or an OS crash may undo it
        (and nothing after it; never part of it). Only for writes whose loss is made good on its own, such as
        recording a chunk of a slot (bot.storage.ledger). The next durable commit, being later in the same
        write-ahead log, makes it durable too. The connection is back at FULL before the lock is released:
        if putting it back fails, every later transaction tries again first and refuses to begin until it
        is.
        """
        async with self._lock:
            self._check_open()
            await self._restore_full()
            if not durable:
                self._synchronous_normal = True  # before the pragma: a failure midway is restored too
                await self._connection.execute("PRAGMA synchronous=NORMAL")
            try:
                await self._connection.execute("BEGIN IMMEDIATE")
                try:
                    yield self._connection
                except BaseException:
                    await self._connection.rollback()
                    raise
                else:
                    await self._connection.commit()
            finally:
                await self._restore_full()

    async def _restore_full(self) -> None:
        """Put `synchronous` back to FULL after a transaction committed with NORMAL (outside any transaction,
        where SQLite allows the change)."""
        if self._synchronous_normal:
            await self._connection.execute("PRAGMA synchronous=FULL")
            self._synchronous_normal = False

    @asynccontextmanager
    async def read(self) -> AsyncIterator[aiosqlite.Connection]:
        """Hold the connection for reads outside any other coroutine's transaction."""
        async with self._lock:
            self._check_open()
            yield self._connection

    def _check_open(self) -> None:
        if self._closed:
            raise StorageError(f"the database {self.path} is closed")

    async def close(self) -> None:
        """Close the connection and stop its worker thread (which would otherwise keep the process alive).

        Waits for a running transaction to finish. Safe to call more than once.
        """
        async with self._lock:
            if self._closed:
                return
            self._closed = True
            await self._close_connections()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
