"""The one database: opening it (an embedded SQLite file, or a PostgreSQL server), migrating it, and
serialised access to it through one connection API, whichever engine holds it.

Repositories write their SQL once with `?` (or `:name`) placeholders and read rows by column name
(`bot.storage._backend.Connection`); they branch on `connection.dialect` only where the engines' SQL must
differ. Each engine has its own migrations with the same numbers and names: bot/storage/migrations/ for
SQLite, bot/storage/migrations/postgresql/ for PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import asyncpg

from bot.database_url import is_postgresql_url
from bot.storage._backend import (
    Backend,
    Connection,
    Dialect,
    Migration,
    Parameters,
    Row,
    StorageError,
    load_migrations,
)
from bot.storage.postgresql import PostgresBackend
from bot.storage.sqlite import SqliteBackend

__all__ = [
    "DATABASE_ERRORS",
    "DATA_ERRORS",
    "INTEGRITY_ERRORS",
    "Connection",
    "Database",
    "Dialect",
    "Migration",
    "Row",
    "StorageError",
    "load_migrations",
]

INTEGRITY_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.IntegrityError,
    asyncpg.IntegrityConstraintViolationError,
)
"""A constraint refused a row (a CHECK, a UNIQUE, a foreign key), whichever engine."""
DATA_ERRORS: tuple[type[Exception], ...] = (OverflowError, asyncpg.DataError)
"""A value the database cannot hold (an integer beyond 64 bits), whichever engine."""
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, asyncpg.PostgresError, asyncpg.InterfaceError)
"""The database failed (as opposed to the caller's data or Discord), whichever engine."""


class Database:
    """The database, on either backend. Every use goes through `transaction()` (writes) or `read()`; the
    few checks that must not wait for a transaction in progress use `peek_row`."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    @property
    def dialect(self) -> Dialect:
        return self._backend.dialect

    @property
    def backend(self) -> Backend:
        return self._backend

    @property
    def shown(self) -> str:
        """What names the database in messages: its file, or its URL without the password."""
        return self._backend.shown

    @property
    def target(self) -> Path | str:
        """Where it is, as `open` takes it: the SQLite file, or the PostgreSQL URL (with its password: never
        log it; `shown` is for that)."""
        return self._backend.target

    @classmethod
    async def open(cls, target: Path | str, *, migrations: list[Migration] | None = None) -> Database:
        """Open the database at `target`, a SQLite file (created if missing) or a `postgresql://` URL, and
        bring its schema up to date with `migrations` (by default the packaged ones of its engine).

        Raises StorageError, naming the database, when it cannot be opened or reached, is not a database
        of its engine, or has a schema newer than this code knows. Nothing stays open on any failure.
        """
        if is_postgresql_url(target):
            url = str(target)
            steps = load_migrations("postgresql") if migrations is None else migrations
            return cls(await PostgresBackend.open(url, steps))
        steps = load_migrations("sqlite") if migrations is None else migrations
        return cls(await SqliteBackend.open(Path(target), steps))

    @classmethod
    async def open_read_only(cls, target: Path | str) -> Database:
        """Open the existing database at `target` to read it only (`briefbot preview digest`): nothing is
        created, migrated or written. Raises StorageError, naming the database, when it does not exist,
        cannot be read, or has a schema other than this code's (run `briefbot run` once to bring it up to
        date)."""
        if is_postgresql_url(target):
            return cls(await PostgresBackend.open(str(target), load_migrations("postgresql"), read_only=True))
        latest = len(load_migrations("sqlite"))
        return cls(await SqliteBackend.open_read_only(Path(target), latest))

    @asynccontextmanager
    async def transaction(self, *, durable: bool = True) -> AsyncIterator[Connection]:
        """Hold a connection for one write transaction: committed if the block completes, rolled back if it
        raises. Write transactions are serialised (SQLite's `BEGIN IMMEDIATE`; on PostgreSQL an advisory
        lock every writer takes first, in every process): one sees every earlier one whole.

        `durable=False` commits without waiting for the disk (SQLite's `synchronous=NORMAL`, PostgreSQL's
        `synchronous_commit = off`): the commit survives a crash of the process, but a power loss or an OS
        crash may undo it (and nothing after it; never part of it). Only for writes whose loss is made good
        on its own, such as recording a chunk of a slot (bot.storage.ledger). The next durable commit makes
        it durable too.
        """
        async with self._backend.transaction(durable=durable) as connection:
            yield connection

    @asynccontextmanager
    async def row_transaction(self, *, durable: bool = True) -> AsyncIterator[Connection]:
        """Hold a connection for one write transaction whose correctness rests on the locks of the rows it
        touches, not on being the only writer: it writes rows by their own columns (`UPDATE ... WHERE id = ?
        AND state = 'pending'`, a lease's token), locks what it reads before writing on it (`SELECT ... FOR
        UPDATE`, `SKIP LOCKED` for claims) and inserts with `ON CONFLICT`. On SQLite it is a `transaction()`
        (one writer at a time anyway); on PostgreSQL a transaction of its own on a pool connection that takes
        neither the write lock nor this process's turn, so that claims, outcomes and renewals of different
        rows run at once, in this process and in others, and never wait behind a long write such as a slot's
        recording. Rows are locked in one order (a delivery, then its channel's lease; leases by channel id)
        so that two never deadlock. `durable` as for `transaction()`."""
        async with self._backend.row_transaction(durable=durable) as connection:
            yield connection

    def single_statement(self, *, durable: bool = True) -> AbstractAsyncContextManager[Connection]:
        """A `row_transaction` of one write statement (or a few) atomic by itself (an `UPDATE ... RETURNING`
        of one row, say) that must never wait: a lease's renewal, the rate budget. On PostgreSQL it does not
        count among the row transactions this process runs at once (a burst of sends' outcomes): a
        connection of the pool is kept for it."""
        return self._backend.single_statement(durable=durable)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Connection]:
        """Hold a connection for reads outside any other coroutine's transaction: they see no transaction
        half done."""
        async with self._backend.read() as connection:
            yield connection

    async def peek_row(self, sql: str, parameters: Parameters = ()) -> Row | None:
        """The first row `sql` (a SELECT) gives on what is committed now, read on a connection of its own
        without waiting for any transaction; None when it gives none."""
        return await self._backend.peek_row(sql, parameters)

    async def schema_version(self) -> int:
        """The last migration applied."""
        return await self._backend.schema_version()

    async def close(self) -> None:
        """Close the database's connections (waiting for a running transaction to finish). Safe to call more
        than once."""
        await self._backend.close()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
