"""What every database backend offers the repositories: one connection API, whatever the engine.

SQL is written once with `?` placeholders (or `:name` ones with a mapping of parameters); a backend whose
engine numbers them (PostgreSQL's `$1`) translates. Rows are read by column name (or position). Where the two
dialects must differ (a function SQLite has and PostgreSQL lacks), the module branches on `dialect`, and
only there.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Protocol

Dialect = Literal["sqlite", "postgresql"]
Parameters = Sequence[object] | Mapping[str, object]

_MIGRATION_NAME = re.compile(r"^(\d{4})_[A-Za-z0-9_]+\.sql$")


class StorageError(Exception):
    """The database cannot be used; the message names it (a file, or a URL without its password) and what
    to do about it."""


class Row(Protocol):
    """A result row: columns by name or by position; iterating gives the values in column order."""

    def __getitem__(self, key: int | str, /) -> Any: ...
    def __iter__(self) -> Any: ...
    def __len__(self) -> int: ...


class Connection(ABC):
    """A connection held for one transaction or one read (see `Database.transaction` and `Database.read`)."""

    dialect: Dialect

    @abstractmethod
    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        """Run one statement; returns how many rows it changed (inserted, updated or deleted)."""

    @abstractmethod
    async def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        """Run one statement once per parameter row."""

    @abstractmethod
    async def fetch(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        """Every row the statement gives (a SELECT, or a write with RETURNING)."""

    async def fetchrow(self, sql: str, parameters: Parameters = ()) -> Row | None:
        """The first row the statement gives, or None."""
        rows = await self.fetch(sql, parameters)
        return rows[0] if rows else None

    async def fetchval(self, sql: str, parameters: Parameters = ()) -> Any:
        """The first column of the first row, or None when there is no row."""
        row = await self.fetchrow(sql, parameters)
        return None if row is None else row[0]


class Backend(ABC):
    """One engine's side of `bot.storage.database.Database`."""

    dialect: Dialect
    shown: str  # what names the database in messages: a file, or a URL without its password
    target: Path | str  # the file, or the URL as given (with its password)

    @abstractmethod
    def transaction(self, *, durable: bool) -> AbstractAsyncContextManager[Connection]: ...

    @abstractmethod
    def row_transaction(self, *, durable: bool) -> AbstractAsyncContextManager[Connection]: ...

    @abstractmethod
    def single_statement(self, *, durable: bool) -> AbstractAsyncContextManager[Connection]: ...

    @abstractmethod
    def read(self) -> AbstractAsyncContextManager[Connection]: ...

    @abstractmethod
    async def peek_row(self, sql: str, parameters: Parameters) -> Row | None: ...

    @abstractmethod
    async def schema_version(self) -> int: ...

    @abstractmethod
    async def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: `version` is the schema version the database has after it."""

    version: int
    name: str
    sql: str


def load_migrations(dialect: Dialect = "sqlite") -> list[Migration]:
    """Return the packaged migrations of `dialect` in order: bot/storage/migrations/NNNN_*.sql for SQLite,
    bot/storage/migrations/postgresql/NNNN_*.sql (the same numbers and names) for PostgreSQL.

    Raises RuntimeError if the numbering has gaps or duplicates: that is a packaging bug, not a user error.
    """
    folder = resources.files("bot.storage").joinpath("migrations")
    if dialect == "postgresql":
        folder = folder.joinpath("postgresql")
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


def schema_mismatch(shown: str, version: int, latest: int) -> str:
    """Why a database read without migrating cannot be read: it has no schema yet, or one older or newer than
    this code's."""
    if version == 0:
        return (
            f"the database {shown} holds no Briefbot schema yet (no `briefbot run` has used it); start"
            " `briefbot run` on it once to create it"
        )
    if version < latest:
        return (
            f"the database {shown} has schema version {version}, written by an older Briefbot than this "
            f"one (schema {latest}); start this Briefbot's `briefbot run` once to bring it up to date"
        )
    return (
        f"the database {shown} has schema version {version}, written by a newer Briefbot "
        f"(this one knows up to {latest})"
    )
