"""The PostgreSQL backend: an asyncpg pool, the same promises as the SQLite file.

- In this process, transactions and reads take turns under one asyncio lock, in the order asked, as on
  SQLite's one connection: the process's coroutines interleave the same way on either backend.
- Write transactions (`transaction()`) are serialised across processes too, by a transaction-level advisory
  lock taken first: like SQLite's `BEGIN IMMEDIATE`, a transaction that reads and then writes (recording a
  slot: "no row yet, so insert one") sees every earlier one committed and is never interleaved with another
  writer, whichever process it runs in.
- Row transactions (`row_transaction()`: claims, a send's outcome, lease renewals, the rate budget) take
  neither that lock nor this process's turn: they run concurrently, in this process and across processes,
  each correct by the locks of the rows it touches (`SELECT ... FOR UPDATE [SKIP LOCKED]`, `UPDATE ... WHERE`
  on the row's own columns, `ON CONFLICT`), taken in one order (a delivery's row, then its channel's lease;
  leases by channel id) so that they never deadlock one another. They run beside `transaction()`s too,
  which never depend on being alone against them (see bot.storage.ledger's claims).
- A read runs in a read-only REPEATABLE READ transaction: one snapshot for all its statements, never a
  half-committed transaction, without waiting for other processes' writers.
- `peek_row` reads on a connection of its own (outside the pool, as SQLite's read-only peek connection),
  what is committed now, without waiting for any transaction; peeks are answered in the order asked.
- `durable=False` commits with `SET LOCAL synchronous_commit = off`: a crash of the server may undo the
  transaction (whole), never part of it, as SQLite's NORMAL in WAL mode.
- Migrations run under a session advisory lock, so two processes starting at once migrate once; the schema
  version is the one row of `schema_version`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from bot.database_url import masked
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

# Advisory lock keys (64-bit, any fixed values): one for migrating, one taken by every write transaction.
MIGRATION_LOCK = 0x62726965_666D6967  # "briefmig"
WRITE_LOCK = 0x62726965_66777274  # "briefwrt"
POOL_SIZE = 10
# Row transactions this process runs at once: the rest of the pool is kept for its one turn (reads and
# transactions), its peeks' connection and single statements (lease renewals, the rate budget, heartbeats),
# which must never queue for a connection behind a burst of sends' outcomes (a lease renewed late lapses).
ROW_TRANSACTIONS = POOL_SIZE - 4

_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " single BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (single), version INTEGER NOT NULL);"
    " INSERT INTO schema_version (single, version) VALUES (TRUE, 0) ON CONFLICT DO NOTHING;"
)

# Placeholders to number: `?`, or `:name`; quoted text, quoted names, comments and `::` casts are kept.
_PLACEHOLDER = re.compile(r"""('(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|::)|(\?)|(?<![\w:]):([A-Za-z_]\w*)""")


@functools.lru_cache(maxsize=1024)
def numbered(sql: str) -> tuple[str, tuple[str, ...]]:
    """`sql` with its `?` placeholders numbered `$1, $2, ...` in order, or its `:name` ones numbered by first
    appearance (the names in that order are returned, to arrange a mapping's values)."""
    names: list[str] = []
    count = 0

    def number(match: re.Match[str]) -> str:
        nonlocal count
        kept, question, name = match.groups()
        if kept is not None:
            return kept
        if question is not None:
            count += 1
            return f"${count}"
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    text = _PLACEHOLDER.sub(number, sql)
    if count and names:
        raise ValueError("a statement takes `?` or `:name` placeholders, not both")
    return text, tuple(names)


def _arguments(sql: str, parameters: Parameters) -> tuple[str, list[object]]:
    text, names = numbered(sql)
    if isinstance(parameters, Mapping):
        return text, [parameters[name] for name in names]
    return text, list(parameters)


def _changed(status: str) -> int:
    """Rows changed, from a command tag such as `UPDATE 3` or `INSERT 0 5`."""
    last = status.rpartition(" ")[2]
    return int(last) if last.isdigit() and not status.startswith("SELECT") else 0


class PostgresConnection(Connection):
    """A pool connection held for one transaction or read."""

    dialect = "postgresql"

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        text, arguments = _arguments(sql, parameters)
        return _changed(str(await self.raw.execute(text, *arguments)))

    async def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        batch = list(rows)
        if batch:
            await self.raw.executemany(numbered(sql)[0], batch)

    async def fetch(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        text, arguments = _arguments(sql, parameters)
        return list(await self.raw.fetch(text, *arguments))


class PostgresBackend(Backend):
    """The database on a PostgreSQL server, through an asyncpg pool (see the module's notes)."""

    dialect = "postgresql"

    def __init__(self, url: str, pool: Any) -> None:
        self.shown = masked(url)
        self.target = url
        self._pool = pool
        self._peek: Any = None  # connected on first use
        self._peek_lock = asyncio.Lock()
        self._lock = asyncio.Lock()
        self._rows = asyncio.Semaphore(ROW_TRANSACTIONS)
        self._closed = False

    @classmethod
    async def open(cls, url: str, steps: list[Migration], *, read_only: bool = False) -> PostgresBackend:
        """Connect to the server at `url` and bring the schema up to date (`read_only`: only check that it
        is up to date, and never write). Raises StorageError, naming the URL without its password."""
        shown = masked(url)
        settings = {"default_transaction_read_only": "on"} if read_only else {}
        try:
            pool = await asyncpg.create_pool(
                url,
                min_size=1,
                max_size=POOL_SIZE,
                server_settings={"application_name": "briefbot", **settings},
            )
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as exc:
            raise StorageError(
                f"cannot connect to the PostgreSQL database {shown}: {_without(exc, url)}; check DATABASE_URL "
                "and that the server is running"
            ) from None
        database = cls(url, pool)
        try:
            if read_only:
                version, latest = await database.schema_version(), (steps[-1].version if steps else 0)
                if version != latest:
                    raise StorageError(schema_mismatch(shown, version, latest))
            else:
                await database._migrate(steps)
        except asyncpg.PostgresError as exc:
            await pool.close()
            raise StorageError(f"the PostgreSQL database {shown} cannot be used: {exc}") from exc
        except BaseException:
            await pool.close()
            raise
        return database

    async def schema_version(self) -> int:
        """The version the one row of `schema_version` holds (0 before the first migration)."""
        async with self._pool.acquire() as raw:
            if await raw.fetchval("SELECT to_regclass('schema_version') IS NULL"):
                return 0
            return int(await raw.fetchval("SELECT version FROM schema_version"))

    async def _migrate(self, steps: list[Migration]) -> None:
        latest = steps[-1].version if steps else 0
        if await self.schema_version() == latest:
            return  # the usual start: up to date, no lock to wait for
        async with self._pool.acquire() as raw:
            # Held until every step is applied: a second process starting now waits here, then finds none
            # left to apply.
            await raw.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
            try:
                await raw.execute(_VERSION_TABLE)
                current = int(await raw.fetchval("SELECT version FROM schema_version"))
                if current > latest:
                    raise StorageError(
                        f"the database {self.shown} has schema version {current}, newer than this Briefbot "
                        f"knows (up to {latest}); run the newer Briefbot that wrote it, or set DATABASE_URL "
                        "to another database"
                    )
                for step in steps:
                    if step.version <= current:
                        continue
                    logger.info("migrating %s to schema version %d (%s)", self.shown, step.version, step.name)
                    try:
                        async with raw.transaction():
                            await raw.execute(step.sql)
                            await raw.execute("UPDATE schema_version SET version = $1", step.version)
                    except asyncpg.PostgresError as exc:
                        raise StorageError(
                            f"migration {step.name} failed on {self.shown} ({exc}); the database was left at "
                            f"schema version {current}. Restore a backup or report the bug"
                        ) from exc
                    current = step.version
            finally:
                await raw.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)

    @asynccontextmanager
    async def transaction(self, *, durable: bool = True) -> AsyncIterator[Connection]:
        async with self._lock:
            self._check_open()
            async with self._pool.acquire() as raw, raw.transaction():
                if not durable:
                    await raw.execute("SET LOCAL synchronous_commit = off")
                await raw.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
                yield PostgresConnection(raw)

    @asynccontextmanager
    async def row_transaction(self, *, durable: bool = True) -> AsyncIterator[Connection]:
        # Neither the write lock nor this process's turn: the rows' own locks order it (see the module's notes).
        async with self._rows, self.single_statement(durable=durable) as connection:
            yield connection

    @asynccontextmanager
    async def single_statement(self, *, durable: bool = True) -> AsyncIterator[Connection]:
        self._check_open()
        async with self._pool.acquire() as raw, raw.transaction():
            if not durable:
                await raw.execute("SET LOCAL synchronous_commit = off")
            yield PostgresConnection(raw)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Connection]:
        async with self._lock:
            self._check_open()
            async with (
                self._pool.acquire() as raw,
                raw.transaction(isolation="repeatable_read", readonly=True),
            ):
                yield PostgresConnection(raw)

    async def peek_row(self, sql: str, parameters: Parameters = ()) -> Row | None:
        self._check_open()
        text, arguments = _arguments(sql, parameters)
        async with self._peek_lock:
            self._check_open()
            if self._peek is None:
                self._peek = await self._pool.acquire()  # kept until close: the peeks' own connection
            row: Row | None = await self._peek.fetchrow(text, *arguments)
            return row

    def _check_open(self) -> None:
        if self._closed:
            raise StorageError(f"the database {self.shown} is closed")

    async def close(self) -> None:
        async with self._lock:
            if self._closed:
                return
            self._closed = True
            async with self._peek_lock:
                if self._peek is not None:
                    await self._pool.release(self._peek)
            await self._pool.close()


def _without(error: BaseException, url: str) -> str:
    """The error's text, with the URL (which holds the password) shown masked if it quotes it."""
    return str(error).replace(url, masked(url)) or type(error).__name__
