"""`briefbot migrate-db`: copy a SQLite database into PostgreSQL once, verified, so that a server moves to
several processes without a digest posted twice or lost.

Everything the schema holds is copied, table by table, as it is: subscriptions, servers removed, the ledger
with each row's state, nonce, attempts and lease, what each channel has had (`delivered_briefs`), the kept
content versions, the alerts. The ids are kept (and each identity column continues after the largest), so a
row resent on PostgreSQL carries the nonce its first send carried, and Discord (or the history search)
recognises it.

What makes it safe:
- The SQLite file's lock (bot/storage/file_lock.py) is taken for the whole copy: it refuses while a
  `briefbot run` uses the file, and no `briefbot run` can start on it until the copy is over. So every
  send lease left in the file is a stopped (or killed) process's: they are ended first, as the next
  `briefbot run` on the file would end them, and the PostgreSQL processes send those rows again at once,
  with their nonces, instead of waiting for the leases to lapse.
- Both databases are brought to this code's schema first (the SQLite file as `briefbot run` would); the two
  must then hold the same tables with the same columns.
- The target must hold nothing yet (only the rows its migrations write, such as the delivery states), unless
  `replace` is given, which empties it first.
- The copy is one PostgreSQL transaction, under the write lock every process takes: it is all there, or
  (on any error) none of it. Before it commits, each table's row count and checksum (a sum of each row's
  SHA-256, so independent of the order rows come in) are read back from both sides and compared; any
  difference rolls the whole copy back.
- Once copied, the SQLite file is marked moved (bot/storage/file_lock.py) just before the copy commits
  (the mark is taken back if the commit fails): from then on no `briefbot run` starts on it and it is not
  copied again, so its digests are sent by the PostgreSQL processes alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.storage._backend import Connection, Row, load_migrations
from bot.storage.database import DATA_ERRORS, DATABASE_ERRORS, Database, StorageError
from bot.storage.file_lock import DatabaseFileLock, mark_moved
from bot.storage.leases import SendLeases

PAGE = 2000  # rows read from SQLite and written to PostgreSQL at a time
_VERSION_TABLE = "schema_version"  # PostgreSQL's own record of its migrations, not copied
_SEEDS = re.compile(r"\bINSERT\s+INTO\s+\"?(\w+)", re.IGNORECASE)
_CHECKSUM_BITS = 2**256


class TargetNotEmpty(StorageError):
    """The PostgreSQL database already holds data; the message lists where, and how to replace it."""


class VerificationFailed(StorageError):
    """A table's copy differs from its source; nothing was kept."""


@dataclass(frozen=True, slots=True)
class TableCopy:
    """One table copied: its rows and its checksum (equal on both sides; 64 hex digits)."""

    name: str
    rows: int
    checksum: str


@dataclass(frozen=True, slots=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    order: tuple[str, ...]  # the primary key (every column when it has none): rows are paged in this order

    @property
    def listed(self) -> str:
        return ", ".join(f'"{column}"' for column in self.columns)


def seeded_tables() -> frozenset[str]:
    """The tables PostgreSQL's migrations write rows into (the delivery states, the rate budget's row): a new
    database holds those, and they are replaced by the source's."""
    return frozenset(
        table for migration in load_migrations("postgresql") for table in _SEEDS.findall(migration.sql)
    )


async def migrate(
    source: Path,
    target: str,
    *,
    replace: bool = False,
    progress: Callable[[str], None] = lambda line: None,
) -> list[TableCopy]:
    """Copy the SQLite database `source` into the PostgreSQL database at the URL `target`, verified (see the
    module's notes); each table as copied. `progress` is told what happens, a line at a time.

    Raises StorageError (the message says what to do): DatabaseInUse while a `briefbot run` holds `source`;
    TargetNotEmpty when `target` holds data and not `replace`; VerificationFailed when a copy differs;
    StorageError when either database cannot be opened or a value cannot be written.
    """
    if not source.is_file():  # noqa: ASYNC240 - one stat, before anything is opened
        raise StorageError(f"there is no SQLite database at {source} (give the file with --from)")
    with DatabaseFileLock(source):
        sqlite = await Database.open(source)
        try:
            progress(f"source: {sqlite.shown} (SQLite, schema {await sqlite.schema_version()})")
            ended = await SendLeases(sqlite).release_all()
            if ended:
                progress(f"ended {ended} send lease(s) of the stopped process: their rows are sent again")
            postgresql = await Database.open(target)
            try:
                progress(
                    f"target: {postgresql.shown} (PostgreSQL, schema {await postgresql.schema_version()})"
                )
                return await _copy(
                    sqlite,
                    postgresql,
                    replace=replace,
                    progress=progress,
                    before_commit=lambda: mark_moved(source, postgresql.shown),
                )
            finally:
                await postgresql.close()
        finally:
            await sqlite.close()


async def _copy(
    sqlite: Database,
    postgresql: Database,
    *,
    replace: bool,
    progress: Callable[[str], None],
    before_commit: Callable[[], Path],
) -> list[TableCopy]:
    tables = await _matching_tables(sqlite, postgresql)
    marker: Path | None = None
    try:
        async with postgresql.transaction() as target:
            copies = await _copy_verified(
                sqlite, target, tables, shown=postgresql.shown, replace=replace, progress=progress
            )
            marker = before_commit()  # a copy the commit keeps is marked; one it loses is not (below)
    except BaseException:
        if marker is not None:
            marker.unlink(missing_ok=True)
        raise
    progress(
        f"verified: {len(copies)} tables, {_rows(sum(copy.rows for copy in copies))}, each table's row count "
        "and checksum equal on both sides"
    )
    return copies


async def _copy_verified(
    sqlite: Database,
    target: Connection,
    tables: Sequence[_Table],
    *,
    shown: str,
    replace: bool,
    progress: Callable[[str], None],
) -> list[TableCopy]:
    """Every table copied into `target` (in its transaction) and checked against its source; raises
    VerificationFailed at the first that differs."""
    await _make_room(target, tables, replace=replace, progress=progress)
    for table in tables:
        copied = await _copy_table(sqlite, target, table)
        progress(f"  {table.name}: {_rows(copied)} copied")
    await _continue_identities(target)
    copies = []
    for table in tables:
        expected = await _summary(_pages_of(sqlite, table))
        found = await _summary(_pages_in(target, table))
        if found != expected:
            raise VerificationFailed(
                f"the copy of {table.name} differs from its source ({_rows(found[0])}, checksum "
                f"{found[1][:16]}; expected {_rows(expected[0])}, {expected[1][:16]}); nothing was kept in "
                f"{shown}"
            )
        copies.append(TableCopy(table.name, *expected))
    return copies


async def _matching_tables(sqlite: Database, postgresql: Database) -> list[_Table]:
    """The tables to copy, parents before the tables whose foreign keys point at them; raises StorageError
    when the two schemas differ (a table or a column on one side only)."""
    if await sqlite.schema_version() != await postgresql.schema_version():
        raise StorageError(
            f"the schemas differ: {sqlite.shown} is at version {await sqlite.schema_version()}, "
            f"{postgresql.shown} at {await postgresql.schema_version()}; run the same Briefbot on both"
        )
    async with postgresql.read() as target:
        rows = await target.fetch(
            # Tables only: a view (ledger_rows, migration 0022) is no data of its own.
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name != ? AND table_name IN"
            " (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_type = 'BASE TABLE') ORDER BY table_name, ordinal_position",
            (_VERSION_TABLE,),
        )
        target_columns: dict[str, list[str]] = {}
        for row in rows:
            target_columns.setdefault(row["table_name"], []).append(row["column_name"])
        references = [
            (row[0], row[1])
            for row in await target.fetch(
                "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"
            )
        ]
    async with sqlite.read() as source:
        names = [
            row["name"]
            for row in await source.fetch(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        source_columns = {}
        keys: dict[str, list[str]] = {}
        for name in names:
            info = await source.fetch(f"SELECT name, pk FROM pragma_table_info('{name}')")  # noqa: S608
            source_columns[name] = {row["name"] for row in info}
            keys[name] = [row["name"] for row in sorted(info, key=lambda row: row["pk"]) if row["pk"]]
    differences = sorted(set(target_columns) ^ set(source_columns))
    differences += [
        name
        for name in sorted(set(target_columns) & set(source_columns))
        if set(target_columns[name]) != source_columns[name]
    ]
    if differences:
        raise StorageError(
            f"the schemas differ in {', '.join(differences)} ({sqlite.shown} and {postgresql.shown}); "
            "nothing was copied"
        )
    tables = {
        name: _Table(name, tuple(columns), tuple(keys[name]) or tuple(columns))
        for name, columns in target_columns.items()
    }
    return [tables[name] for name in _parents_first(sorted(tables), references)]


def _parents_first(names: Sequence[str], references: Sequence[tuple[str, str]]) -> list[str]:
    """`names` ordered so that each table comes after the tables its foreign keys reference."""
    placed: list[str] = []

    def place(name: str, seen: frozenset[str]) -> None:
        if name in placed or name in seen:
            return
        for child, parent in references:
            if child.strip('"') == name and parent.strip('"') != name:
                place(parent.strip('"'), seen | {name})
        placed.append(name)

    for name in names:
        place(name, frozenset())
    return placed


async def _make_room(
    target: Connection, tables: Sequence[_Table], *, replace: bool, progress: Callable[[str], None]
) -> None:
    """Empty the target (children first), after checking it held nothing but its migrations' rows."""
    seeded = seeded_tables()
    held = {}
    for table in tables:
        count = int(await target.fetchval(f'SELECT count(*) FROM "{table.name}"'))  # noqa: S608 - catalog
        if count and table.name not in seeded:
            held[table.name] = count
    if held and not replace:
        listed = ", ".join(f"{name} ({_rows(count)})" for name, count in sorted(held.items()))
        raise TargetNotEmpty(
            f"the target already holds data: {listed}. Nothing was copied. Migrate into an empty database, "
            "or give --replace to delete what it holds first (stop every `briefbot run` using it before)"
        )
    if held:
        progress(f"replacing what the target held: {_rows(sum(held.values()))} in {len(held)} tables")
    for table in reversed(tables):
        await target.execute(f'DELETE FROM "{table.name}"')  # noqa: S608 - names from the catalog


async def _copy_table(sqlite: Database, target: Connection, table: _Table) -> int:
    insert = f'INSERT INTO "{table.name}" ({table.listed}) VALUES ({", ".join("?" for _ in table.columns)})'  # noqa: S608
    read_page = _pages_of(sqlite, table)
    copied = 0
    while True:
        rows = [tuple(row) for row in await read_page(copied)]
        try:
            await target.executemany(insert, rows)
        except (*DATABASE_ERRORS, *DATA_ERRORS) as exc:
            raise StorageError(
                f"a row of {table.name} (among rows {copied + 1}-{copied + len(rows)}) cannot be written to "
                f"PostgreSQL: {exc}; nothing was kept"
            ) from exc
        copied += len(rows)
        if len(rows) < PAGE:
            return copied


async def _continue_identities(target: Connection) -> None:
    """Each identity column (a ledger row's id) continues after the largest id copied, so that the next
    row recorded on PostgreSQL takes no id copied from SQLite."""
    for row in await target.fetch(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND is_identity = 'YES'"
    ):
        table, column = row["table_name"], row["column_name"]
        await target.fetchval(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'),"  # noqa: S608 - catalog
            f' coalesce(max("{column}"), 0) + 1, false) FROM "{table}"'
        )


def _rows(count: int) -> str:
    return f"{count} row" + ("" if count == 1 else "s")


def _page(table: _Table) -> str:
    """The statement reading the table's rows a page at a time (LIMIT, OFFSET), in primary key order."""
    order = ", ".join(f'"{column}"' for column in table.order)
    return f'SELECT {table.listed} FROM "{table.name}" ORDER BY {order} LIMIT ? OFFSET ?'  # noqa: S608


def _pages_of(database: Database, table: _Table) -> Callable[[int], Awaitable[list[Row]]]:
    """The table's pages in `database` (SQLite: nothing writes it while its file lock is held), each read
    on its own."""

    async def read(offset: int) -> list[Row]:
        async with database.read() as connection:
            return await connection.fetch(_page(table), (PAGE, offset))

    return read


def _pages_in(connection: Connection, table: _Table) -> Callable[[int], Awaitable[list[Row]]]:
    """The table's pages as `connection` (the copy's own transaction) sees them."""
    return lambda offset: connection.fetch(_page(table), (PAGE, offset))


async def _summary(read_page: Callable[[int], Awaitable[list[Row]]]) -> tuple[int, str]:
    """A table's row count and checksum: the sum of each row's SHA-256 over its values written the same
    way whatever the engine (an int, a float to the bit, a text, NULL), modulo 2**256, so that the order
    rows come in does not matter. Read a page at a time."""
    total = count = 0
    while True:
        rows = await read_page(count)
        for row in rows:
            canonical = json.dumps([_canonical(value) for value in row], ensure_ascii=False)
            total += int.from_bytes(hashlib.sha256(canonical.encode()).digest(), "big")
        count += len(rows)
        if len(rows) < PAGE:
            return count, f"{total % _CHECKSUM_BITS:064x}"


def _canonical(value: object) -> object:
    if isinstance(value, float):
        return ["float", value.hex()]
    if isinstance(value, bytes):
        return ["bytes", value.hex()]
    return value  # int, str, None: JSON tells them apart
