"""The SQLite backend: one aiosqlite connection (WAL, synchronous=FULL) under an asyncio lock, a read-only
connection beside it for peeks, and one that checkpoints the WAL outside the writer's transactions."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import aiosqlite

from bot.storage._backend import (
    Backend,
    Connection,
    Migration,
    Parameters,
    Row,
    StorageError,
    schema_mismatch,
)

logger = logging.getLogger(__name__)

# The WAL is copied back into the database file by a connection of its own, never by the writer inside a
# transaction: SQLite's automatic checkpoint runs in the commit that crosses its threshold, and held the write
# lock (and so every command and send) for 200 ms at a time while a slot was recorded (bench/record.py).
# After a commit that leaves more than CHECKPOINT_AFTER bytes of WAL, a PASSIVE checkpoint starts on that
# connection (it neither waits for nor blocks the writer and readers). The writer restarts the WAL from its
# start at its first transaction after a checkpoint copied it all, and then truncates the file to
# WAL_KEPT_BYTES (journal_size_limit), so the file's size is what was written since: a write that finds it past
# WAL_LIMIT_BYTES (writes outpacing the checkpoints) first waits, without the lock, for them to catch up.
CHECKPOINT_AFTER = 4 * 1024 * 1024  # SQLite's own default: 1,000 pages of 4 KiB
WAL_KEPT_BYTES = 1024 * 1024
WAL_LIMIT_BYTES = 32 * 1024 * 1024
# Checkpoints a write waits for at most before it goes on anyway (a long read can hold the WAL back).
_CATCH_UP_TRIES = 3


def _is_not_a_database(error: sqlite3.Error) -> bool:
    return isinstance(error, sqlite3.DatabaseError) and "not a database" in str(error)


class SqliteConnection(Connection):
    """The aiosqlite connection, held for one transaction or read. SQLite takes `?` and `:name` as written."""

    dialect = "sqlite"

    def __init__(self, raw: aiosqlite.Connection) -> None:
        self.raw = raw

    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        cursor = await self.raw.execute(sql, parameters)
        changed = cursor.rowcount
        await cursor.close()
        return max(changed, 0)

    async def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        await self.raw.executemany(sql, rows)

    async def fetch(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        return list(await self.raw.execute_fetchall(sql, parameters))


class SqliteBackend(Backend):
    """One aiosqlite connection in WAL mode with `synchronous=FULL` (NORMAL only inside a transaction
    opened with `durable=False`), schema migrated on open.

    aiosqlite runs every call on one worker thread in order, but coroutines interleave between calls: a
    transaction spanning several awaits would otherwise take in another coroutine's statements. So every use
    goes through `transaction()` (writes, `BEGIN IMMEDIATE`) or `read()`, which share one asyncio lock.

    Beside it, a second, read-only connection answers `peek_row`: what is committed right now, without
    waiting for that lock (a long transaction would hold it for seconds) or for a writer (WAL readers never
    wait). It is for the few checks that must not be delayed, such as the dispatcher's after a pacing permit.
    """

    dialect = "sqlite"

    def __init__(self, path: Path, connection: aiosqlite.Connection) -> None:
        self.path = path
        self.shown = str(path)
        self.target = path
        self._connection = connection
        self._peek: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()
        self._closed = False
        self._synchronous_normal = False  # a non-durable transaction's NORMAL is still to be put back
        self._checkpointer: aiosqlite.Connection | None = None
        self._checkpointing: asyncio.Task[bool] | None = None
        self.wal = Path(f"{path}-wal")
        self.checkpoint_after = CHECKPOINT_AFTER
        self.wal_kept_bytes = WAL_KEPT_BYTES
        self.wal_limit_bytes = WAL_LIMIT_BYTES

    @property
    def raw_connection(self) -> aiosqlite.Connection:
        """The aiosqlite connection itself (tests watch its statements)."""
        return self._connection

    @classmethod
    async def open(cls, path: Path, steps: list[Migration]) -> SqliteBackend:
        """Open (creating if missing) the database at `path` and bring its schema up to date.

        Raises StorageError, naming the file, when it is not a SQLite database, cannot be opened, or has a
        schema newer than this code knows. The connection is closed again on any failure.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the folder for the database {path}: {exc}; "
                "check DATABASE_PATH (or DATABASE_URL) and the folder's permissions"
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
                f"cannot open the database {path}: {exc}; check DATABASE_PATH (or DATABASE_URL) and the"
                " file's permissions"
            ) from exc
        database = cls(path, connection)
        try:
            await database._configure()
            await database._migrate(steps)
            await database._open_peek()
            await database._open_checkpointer()
            await database._catch_up()  # migrations may have left a long WAL
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
    async def open_read_only(cls, path: Path, latest: int) -> SqliteBackend:
        """Open the existing database at `path` to read it only: nothing is created, migrated or written.
        Raises StorageError, naming the file, when it does not exist, cannot be read, or has a schema other
        than `latest`."""
        if not await asyncio.to_thread(path.is_file):
            shown = await asyncio.to_thread(path.absolute)
            raise StorageError(
                f"there is no database at {shown}: the first `briefbot run` makes it; or check DATABASE_PATH"
                " (or DATABASE_URL, where it names the file)"
            )
        uri = await asyncio.to_thread(_read_only_uri, path)
        connection = aiosqlite.connect(uri, uri=True, isolation_level=None)
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
            version = await database.schema_version()
        except sqlite3.DatabaseError as exc:
            await connection.close()
            raise StorageError(f"{path} is not a usable SQLite database ({exc})") from exc
        if version != latest:
            await connection.close()
            raise StorageError(schema_mismatch(str(path), version, latest))
        return database

    async def _open_peek(self) -> None:
        uri = await asyncio.to_thread(_read_only_uri, self.path)
        peek = aiosqlite.connect(uri, uri=True, isolation_level=None)
        self._peek = await peek
        self._peek.row_factory = aiosqlite.Row
        await self._peek.execute("PRAGMA busy_timeout=5000")

    async def _open_checkpointer(self) -> None:
        checkpointer = aiosqlite.connect(self.path, isolation_level=None)
        self._checkpointer = await checkpointer
        # FULL: a checkpoint syncs the WAL before copying it and the database file before the WAL restarts.
        await self._checkpointer.execute("PRAGMA synchronous=FULL")

    async def _close_connections(self) -> None:
        if self._checkpointing is not None:
            await asyncio.gather(self._checkpointing, return_exceptions=True)
        if self._checkpointer is not None:
            await self._checkpointer.close()
        if self._peek is not None and self._peek is not self._connection:
            await self._peek.close()
        await self._connection.close()

    def _wal_bytes(self) -> int:
        try:
            return self.wal.stat().st_size
        except OSError:
            return 0

    def _after_commit(self) -> None:
        """Starts a checkpoint when the commit left the WAL past `checkpoint_after` and none is running."""
        if self._checkpointer is None or self._wal_bytes() <= self.checkpoint_after:
            return
        if self._checkpointing is None or self._checkpointing.done():
            self._checkpointing = asyncio.create_task(self._checkpoint())

    async def _checkpoint(self) -> bool:
        """One PASSIVE checkpoint; True when it copied the whole WAL (the next write restarts it). A failure
        (say, a full disk) is logged: the WAL then grows until a later one succeeds, nothing is lost."""
        assert self._checkpointer is not None
        try:
            async with self._checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)") as cursor:
                row = await cursor.fetchone()
        except sqlite3.Error as exc:
            logger.warning(
                "checkpoint of %s failed (%s); the write-ahead log grows until one succeeds", self.path, exc
            )
            return False
        return row is not None and row[1] == row[2]

    async def _catch_up(self) -> None:
        """Before a write: when the WAL is past `wal_limit_bytes`, wait (holding nothing) for checkpoints to
        copy it all, so that this write restarts it."""
        if self._checkpointer is None or self._wal_bytes() <= self.wal_limit_bytes:
            return
        for _ in range(_CATCH_UP_TRIES):
            # One begun before the last commit does not cover it: wait for it, then run one that does.
            await self.checkpoints_done()
            self._checkpointing = asyncio.create_task(self._checkpoint())
            if await asyncio.shield(self._checkpointing):
                return

    async def bound_wal(self, *, checkpoint_after: int, kept: int, limit: int) -> None:
        """Other bounds for the WAL than CHECKPOINT_AFTER, WAL_KEPT_BYTES and WAL_LIMIT_BYTES (tests lower them)."""
        if not kept < checkpoint_after <= limit:
            raise ValueError("the WAL bounds must be kept < checkpoint_after <= limit")
        async with self._lock:
            await self._connection.execute(f"PRAGMA journal_size_limit={kept:d}")
            self.checkpoint_after, self.wal_kept_bytes, self.wal_limit_bytes = checkpoint_after, kept, limit

    async def checkpoints_done(self) -> None:
        """Returns once no checkpoint is running (tests wait on it)."""
        while self._checkpointing is not None and not self._checkpointing.done():
            await asyncio.gather(self._checkpointing, return_exceptions=True)

    async def peek_row(self, sql: str, parameters: Parameters = ()) -> Row | None:
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
        # The writer never checkpoints (see CHECKPOINT_AFTER); when it restarts the WAL, it truncates the file.
        await self._connection.execute("PRAGMA wal_autocheckpoint=0")
        await self._connection.execute(f"PRAGMA journal_size_limit={self.wal_kept_bytes:d}")
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
    async def transaction(self, *, durable: bool = True) -> AsyncIterator[Connection]:
        """`BEGIN IMMEDIATE` under the lock; `durable=False` commits with `synchronous=NORMAL` (see
        `Database.transaction`). The connection is back at FULL before the lock is released: if putting it
        back fails, every later transaction tries again first and refuses to begin until it is. A commit
        that leaves the WAL long starts a checkpoint beside it (see CHECKPOINT_AFTER)."""
        await self._catch_up()
        async with self._lock:
            self._check_open()
            await self._restore_full()
            if not durable:
                self._synchronous_normal = True  # before the pragma: a failure midway is restored too
                await self._connection.execute("PRAGMA synchronous=NORMAL")
            committed = False
            try:
                await self._connection.execute("BEGIN IMMEDIATE")
                yield SqliteConnection(self._connection)
                await self._connection.commit()
                committed = True
                self._after_commit()
            finally:
                if not committed:
                    # Also when a cancellation stopped the wait for BEGIN (or a statement) while the connection's
                    # thread still ran it: the thread runs this rollback after it, so no transaction stays open
                    # (with none open, sqlite3's rollback does nothing).
                    await self._connection.rollback()
                await self._restore_full()

    async def _restore_full(self) -> None:
        """Put `synchronous` back to FULL after a transaction committed with NORMAL (outside any transaction,
        where SQLite allows the change)."""
        if self._synchronous_normal:
            await self._connection.execute("PRAGMA synchronous=FULL")
            self._synchronous_normal = False

    @asynccontextmanager
    async def row_transaction(self, *, durable: bool = True) -> AsyncIterator[Connection]:
        """SQLite has one writer at a time: the same as `transaction()`."""
        async with self.transaction(durable=durable) as connection:
            yield connection

    def single_statement(self, *, durable: bool = True) -> AbstractAsyncContextManager[Connection]:
        return self.row_transaction(durable=durable)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Connection]:
        async with self._lock:
            self._check_open()
            yield SqliteConnection(self._connection)

    def _check_open(self) -> None:
        if self._closed:
            raise StorageError(f"the database {self.path} is closed")

    async def close(self) -> None:
        async with self._lock:
            if self._closed:
                return
            self._closed = True
            await self._close_connections()


def _read_only_uri(path: Path) -> str:
    """The URI that opens the file at `path` read-only."""
    return f"{path.resolve().as_uri()}?mode=ro"
