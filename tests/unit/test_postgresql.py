"""The PostgreSQL backend's own promises, on the session's real PostgreSQL 15 server: placeholders written
once, one schema-version sequence with SQL per dialect, migrating once when two processes start together,
writers serialised across processes, peeks and reads that never wait, durability lowered per transaction, and
a URL's password never shown."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime

import asyncpg
import pytest

from bot.storage import Database, StorageError, SubscriptionRepository
from bot.storage.database import Migration, load_migrations
from bot.storage.postgresql import MIGRATION_LOCK, WRITE_LOCK, numbered
from tests.helpers import subscribe
from tests.postgres import PostgresServer

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def test_placeholders_are_numbered_outside_quotes_comments_and_casts() -> None:
    assert numbered("SELECT * FROM t WHERE a = ? AND b IN (?, ?)") == (
        "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)",
        (),
    )
    assert numbered("SELECT '?', \"?\", x::text, ? -- why?\n, ?") == (
        "SELECT '?', \"?\", x::text, $1 -- why?\n, $2",
        (),
    )
    assert numbered("WHERE a <= :now OR b > :now LIMIT :limit") == (
        "WHERE a <= $1 OR b > $1 LIMIT $2",
        ("now", "limit"),
    )
    with pytest.raises(ValueError, match="not both"):
        numbered("WHERE a = ? AND b = :b")


def test_each_sqlite_migration_has_its_postgresql_twin() -> None:
    sqlite, postgresql = load_migrations("sqlite"), load_migrations("postgresql")
    assert [(m.version, m.name) for m in postgresql] == [(m.version, m.name) for m in sqlite]


@pytest.fixture
async def empty_url(postgres_server: PostgresServer) -> AsyncIterator[str]:
    """A database with no schema at all."""
    url = await postgres_server.fresh_database(migrated=False)
    yield url
    await postgres_server.drop_database(url)


async def _waiting_for_lock(url: str, key: int) -> bool:
    """Whether some session waits for advisory lock `key` (held by another)."""
    connection = await asyncpg.connect(url)
    try:
        return bool(
            await connection.fetchval(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND ((classid::bigint << 32) | objid::bigint) = $1)",
                key,
            )
        )
    finally:
        await connection.close()


async def _until(condition: Callable[[], Awaitable[bool]], what: str) -> None:
    """Wait for an observable state of the server (a session waiting on a lock), looked at every 10 ms."""
    for _ in range(1000):
        if await condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"never happened: {what}")


async def test_two_processes_starting_at_once_migrate_once(empty_url: str) -> None:
    latest = load_migrations("postgresql")[-1].version
    holder = await asyncpg.connect(empty_url)  # a third process migrating right now
    await holder.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
    first = asyncio.create_task(Database.open(empty_url))
    second = asyncio.create_task(Database.open(empty_url))
    await _until(lambda: _waiting_for_lock(empty_url, MIGRATION_LOCK), "a start waits for the migration lock")
    assert not first.done() and not second.done()
    await holder.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
    await holder.close()
    databases = await asyncio.gather(first, second)  # one migrated, the other found nothing left to do
    try:
        assert [await d.schema_version() for d in databases] == [latest, latest]
        await SubscriptionRepository(databases[0]).list_subscriptions()
    finally:
        for database in databases:
            await database.close()


async def test_a_failing_migration_leaves_the_previous_version(empty_url: str) -> None:
    steps = load_migrations("postgresql")
    broken = Migration(len(steps) + 1, "broken.sql", "CREATE TABLE half (x INTEGER); SELECT * FROM nowhere;")
    with pytest.raises(StorageError, match=r"migration broken\.sql failed") as caught:
        await Database.open(empty_url, migrations=[*steps, broken])
    assert f"left at schema version {steps[-1].version}" in str(caught.value)
    async with await Database.open(empty_url, migrations=steps) as database:
        assert await database.schema_version() == steps[-1].version
        async with database.read() as connection:
            assert await connection.fetchval("SELECT to_regclass('half')") is None


async def test_a_newer_database_is_refused(empty_url: str) -> None:
    await (await Database.open(empty_url)).close()
    connection = await asyncpg.connect(empty_url)
    await connection.execute("UPDATE schema_version SET version = 999")
    await connection.close()
    with pytest.raises(StorageError, match="999"):
        await Database.open(empty_url)
    with pytest.raises(StorageError, match="newer"):
        await Database.open_read_only(empty_url)


async def test_write_transactions_are_serialised_across_processes(postgres_url: str) -> None:
    # Two processes on one database: the second's transaction begins only once the first's has committed,
    # as SQLite's BEGIN IMMEDIATE, so "no row yet, so insert one" holds across processes.
    one, other = await Database.open(postgres_url), await Database.open(postgres_url)
    try:
        entered = asyncio.Event()

        async def second() -> int:
            async with other.transaction() as connection:
                entered.set()
                return int(await connection.fetchval("SELECT count(*) FROM subscriptions"))

        async with one.transaction() as connection:
            await connection.execute(
                "INSERT INTO subscriptions (channel_id, guild_id, schedule, timezone, source, created_at,"
                " updated_at, recorded_through) VALUES (1, 1, '09:00', 'UTC', 'command', 'x', 'x', 'x')"
            )
            waiting = asyncio.create_task(second())
            await _until(lambda: _waiting_for_lock(postgres_url, WRITE_LOCK), "the second writer waits")
            assert not entered.is_set()
        assert await waiting == 1  # it saw the first one's row
    finally:
        await one.close()
        await other.close()


async def test_reads_and_peeks_see_what_is_committed_without_waiting(postgres_url: str) -> None:
    # One process holds a write transaction open; a peek in it, and a read in another process, see what
    # was committed before it, at once.
    database, other = await Database.open(postgres_url), await Database.open(postgres_url)
    try:
        [subscription] = await subscribe(database, 5, now=T0)
        async with database.transaction() as connection:
            await connection.execute("UPDATE subscriptions SET schedule = 'changed' WHERE channel_id = 5")
            peeked = await database.peek_row("SELECT schedule FROM subscriptions WHERE channel_id = ?", (5,))
            read = await SubscriptionRepository(other).get(5)
        assert peeked is not None and peeked["schedule"] == subscription.schedule
        assert read is not None and read.schedule == subscription.schedule
        after = await SubscriptionRepository(other).get(5)
        assert after is not None and after.schedule == "changed"
    finally:
        await database.close()
        await other.close()


async def test_durable_false_lowers_synchronous_commit_for_that_transaction_only(postgres_url: str) -> None:
    async with await Database.open(postgres_url) as database:
        async with database.transaction(durable=False) as connection:
            assert await connection.fetchval("SHOW synchronous_commit") == "off"
        async with database.transaction() as connection:
            assert await connection.fetchval("SHOW synchronous_commit") == "on"


async def test_read_only_opening_writes_nothing(postgres_url: str) -> None:
    async with await Database.open_read_only(postgres_url) as database:
        with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
            async with database.transaction() as connection:
                await connection.execute("DELETE FROM subscriptions")


async def test_an_unreachable_server_is_refused_without_showing_the_password(
    postgres_server: PostgresServer,
) -> None:
    url = f"postgresql://briefbot:hunter2@127.0.0.1:{postgres_server.port}/no_such_database"
    with pytest.raises(StorageError) as caught:
        await Database.open(url)
    message = str(caught.value)
    assert "hunter2" not in message and "briefbot:***@" in message and "DATABASE_URL" in message
