"""The database file: migrations, refusal of newer or foreign files, and the subscription repository."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.storage import Database, DeliveryLedger, StorageError, SubscriptionRepository
from bot.storage.database import Migration, load_migrations
from bot.storage.servers import RemovedServers

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def _pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


async def test_migrations_apply_and_reapply(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "briefbot.sqlite3"
    latest = load_migrations()[-1].version
    database = await Database.open(path)
    assert await database.schema_version() == latest
    await database.close()
    await database.close()  # closing twice is harmless

    reopened = await Database.open(path)  # nothing left to apply: must not fail on existing tables
    assert await reopened.schema_version() == latest
    await reopened.close()
    assert _pragma(path, "journal_mode") == "wal"
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"subscriptions", "deliveries", "delivered_briefs"} <= tables


async def test_synchronous_full_and_closed_database_refuses_use(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "db.sqlite3")
    async with database.read() as connection:
        assert await connection.fetchval("PRAGMA synchronous") == 2  # FULL
    await database.close()
    with pytest.raises(StorageError, match="closed"):
        async with database.read():
            pass


async def test_a_later_migration_is_applied_to_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    steps = load_migrations()
    await (await Database.open(path, migrations=steps)).close()
    extra = Migration(len(steps) + 1, f"{len(steps) + 1:04d}_extra.sql", "CREATE TABLE extra (x INTEGER);")
    database = await Database.open(path, migrations=[*steps, extra])
    assert await database.schema_version() == extra.version
    await database.close()


async def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    steps = load_migrations()
    broken = Migration(len(steps) + 1, "broken.sql", "CREATE TABLE half (x INTEGER); SELECT * FROM nowhere;")
    with pytest.raises(StorageError, match=r"migration broken\.sql failed"):
        await Database.open(path, migrations=[*steps, broken])
    assert _pragma(path, "user_version") == steps[-1].version
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


async def test_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    await (await Database.open(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 999")
    with pytest.raises(StorageError) as caught:
        await Database.open(path)
    message = str(caught.value)
    assert str(path) in message and "999" in message and "DATABASE_PATH" in message


async def test_garbage_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    with pytest.raises(StorageError) as caught:
        await Database.open(path)
    assert str(path) in str(caught.value) and "DATABASE_PATH" in str(caught.value)


async def test_unopenable_path_is_refused(tmp_path: Path) -> None:
    directory = tmp_path / "a-directory"
    directory.mkdir()
    with pytest.raises(StorageError, match="a-directory"):
        await Database.open(directory)


async def test_subscribe_upserts_and_lists(database: Database) -> None:
    repo = SubscriptionRepository(database)
    first = await repo.subscribe(
        guild_id=1, channel_id=10, schedule="09:00", timezone="UTC", source="settings", now=T0
    )
    assert first.active and not first.paused and first.created_at == T0 and first.recorded_through == T0
    later = T0 + timedelta(hours=1)
    changed = await repo.subscribe(
        guild_id=1,
        channel_id=10,
        schedule="30 8 * * *",
        timezone="Europe/Berlin",
        source="command",
        now=later,
    )
    assert changed.created_at == T0  # kept
    assert (changed.schedule, changed.timezone, changed.source) == (
        "30 8 * * *",
        "Europe/Berlin",
        "command",
    )
    assert changed.recorded_through == later  # a new schedule starts now: nothing back-filled
    await repo.subscribe(
        guild_id=2, channel_id=20, schedule="09:00", timezone="UTC", source="command", now=T0
    )
    assert [s.channel_id for s in await repo.list_subscriptions()] == [10, 20]
    assert [s.channel_id for s in await repo.list_subscriptions(guild_id=2)] == [20]
    with pytest.raises(ValueError):
        await repo.subscribe(
            guild_id=2,
            channel_id=20,
            schedule="09:00",
            timezone="UTC",
            source="nonsense",  # type: ignore[arg-type]
            now=T0,
        )


async def test_unsubscribe_keeps_the_row_and_resubscribe_starts_afresh(database: Database) -> None:
    repo = SubscriptionRepository(database)
    await repo.subscribe(
        guild_id=1, channel_id=10, schedule="09:00", timezone="UTC", source="command", now=T0
    )
    assert await repo.unsubscribe(10, now=T0 + timedelta(minutes=1))
    assert not await repo.unsubscribe(10, now=T0 + timedelta(minutes=2))
    assert await repo.list_subscriptions() == []
    [inactive] = await repo.list_subscriptions(include_inactive=True)
    assert not inactive.active
    back = T0 + timedelta(days=2)
    again = await repo.subscribe(
        guild_id=1, channel_id=10, schedule="09:00", timezone="UTC", source="command", now=back
    )
    assert again.active and again.recorded_through == back  # the two days away are not back-filled


async def test_pause_with_reason_and_resume_on_resubscribe(database: Database) -> None:
    repo = SubscriptionRepository(database)
    await repo.subscribe(
        guild_id=1, channel_id=10, schedule="09:00", timezone="UTC", source="command", now=T0
    )
    assert await repo.pause(10, "403 Missing Access (50001)", now=T0)
    assert not await repo.pause(10, "again", now=T0)  # already paused
    paused = await repo.get(10)
    assert paused is not None and paused.paused and not paused.deliverable
    assert paused.paused_reason == "403 Missing Access (50001)"
    assert [s.paused_reason for s in await repo.list_subscriptions()] == [
        "403 Missing Access (50001)"
    ]  # lists show it
    resumed = await repo.subscribe(
        guild_id=1,
        channel_id=10,
        schedule="09:00",
        timezone="UTC",
        source="command",
        now=T0 + timedelta(1),
    )
    assert resumed.deliverable and resumed.paused_reason is None and resumed.consecutive_failures == 0
    assert resumed.recorded_through == T0 + timedelta(1)


async def test_sync_settings(database: Database) -> None:
    repo = SubscriptionRepository(database)
    await repo.subscribe(
        guild_id=1, channel_id=30, schedule="07:00", timezone="UTC", source="command", now=T0
    )
    result = await repo.sync_settings({10: 1, 20: 1, 30: 1}, schedule="09:00", timezone="UTC", now=T0)
    assert [s.channel_id for s in result] == [10, 20]
    command = await repo.get(30)
    assert command is not None and command.schedule == "07:00"  # a command outranks the settings
    result = await repo.sync_settings({20: 1}, schedule="09:00", timezone="UTC", now=T0)
    assert [s.channel_id for s in result] == [20]
    removed = await repo.get(10)
    assert removed is not None and not removed.active


async def test_a_settings_channel_unsubscribed_by_command_stays_unsubscribed(database: Database) -> None:
    repo = SubscriptionRepository(database)
    await repo.sync_settings({10: 1, 20: 1}, schedule="09:00", timezone="UTC", now=T0)
    assert await repo.unsubscribe(10, now=T0, by_command=True)
    result = await repo.sync_settings({10: 1, 20: 1}, schedule="09:00", timezone="UTC", now=T0)  # restart
    assert [s.channel_id for s in result] == [20]
    unsubscribed = await repo.get(10)
    assert unsubscribed is not None and not unsubscribed.active


STAMP = "2026-05-01T09:00:00.000000Z"


async def test_schema_3_keeps_every_row_and_takes_states_from_a_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = await Database.open(path, migrations=load_migrations()[:2])
    async with old.transaction() as connection:
        await connection.execute(
            "INSERT INTO deliveries (id, channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
            " brief_ids, created_at, updated_at, attempt_started_at) VALUES (7, 1, 1, 'UTC', 'k', ?, 'n',"
            " 'sent', '[\"b1\"]', ?, ?, ?)",
            (STAMP,) * 4,
        )
        await connection.execute(
            "INSERT INTO delivered_briefs (channel_id, brief_id, delivery_id, delivered_at) VALUES (1, 'b1', 7, ?)",
            (STAMP,),
        )
    await old.close()
    database = await Database.open(path, migrations=load_migrations()[:3])
    try:
        assert await database.schema_version() == 3
        # Read as schema 3 has it (today's ledger reads the columns of later versions too).
        async with database.transaction() as connection:
            row = await connection.fetchrow("SELECT state, last_attempt_at FROM deliveries WHERE id = 7")
            assert tuple(row or ()) == ("sent", None)
        assert await DeliveryLedger(database).delivered_brief_ids(1) == {"b1"}
        async with database.transaction() as connection:
            await connection.execute("UPDATE deliveries SET state = 'held' WHERE id = 7")
        with pytest.raises(sqlite3.IntegrityError):
            async with database.transaction() as connection:
                await connection.execute("UPDATE deliveries SET state = 'lost' WHERE id = 7")
        with pytest.raises(sqlite3.IntegrityError):  # foreign keys are on again after migrating
            async with database.transaction() as connection:
                await connection.execute("DELETE FROM deliveries WHERE id = 7")
    finally:
        await database.close()


async def test_one_settings_channel_that_cannot_be_stored_does_not_stop_the_others(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    # 2**64 is beyond SQLite's and PostgreSQL's integers (Settings refuse it now; the repository does not
    # rely on that).
    repository = SubscriptionRepository(database)
    with caplog.at_level(logging.ERROR):
        synced = await repository.sync_settings(
            {2**64: 1, 5: 1}, schedule="09:00", timezone="UTC", now=datetime(2026, 5, 1, tzinfo=UTC)
        )
    assert [s.channel_id for s in synced] == [5]
    assert f"channel {2**64} cannot be subscribed" in caplog.text


async def test_settings_channels_whose_server_is_unknown_keep_the_stored_server(database: Database) -> None:
    now = datetime(2026, 5, 1, tzinfo=UTC)
    repository = SubscriptionRepository(database)
    await repository.sync_settings({5: 42}, schedule="09:00", timezone="UTC", now=now)
    synced = await repository.sync_settings({5: None, 6: None}, schedule="09:00", timezone="UTC", now=now)
    assert {s.channel_id: s.guild_id for s in synced} == {5: 42, 6: 0}


async def test_schema_4_knows_the_expired_state(database: Database) -> None:
    assert await database.schema_version() >= 4
    async with database.transaction() as connection:
        await connection.execute(
            "INSERT INTO deliveries (id, channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
            " created_at, updated_at) VALUES (8, 1, 1, 'UTC', 'k', ?, 'n', 'expired', ?, ?)",
            (STAMP,) * 3,
        )
    row = await DeliveryLedger(database).get(8)
    assert row is not None and row.state == "expired"


async def test_schema_6_says_briefbot_paused_what_was_paused_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = await Database.open(path, migrations=load_migrations()[:5])
    reasons = {
        1: "3 deliveries in a row failed; last: 403 Missing Access (50001)",
        2: "the bot was removed from this server",
        3: "I no longer have Send Messages in this channel",
    }
    async with old.transaction() as connection:
        for channel_id, reason in [*reasons.items(), (4, None)]:
            await connection.execute(
                "INSERT INTO subscriptions (channel_id, guild_id, schedule, timezone, source, created_at,"
                " updated_at, recorded_through, paused_at, paused_reason)"
                " VALUES (?, 1, '09:00', 'UTC', 'command', ?, ?, ?, ?, ?)",
                (channel_id, STAMP, STAMP, STAMP, STAMP if reason else None, reason),
            )
    await old.close()
    async with await Database.open(path) as database:
        listed = await SubscriptionRepository(database).list_subscriptions()
    causes = {s.channel_id: (s.pause_cause, s.paused_by, s.paused_automatically) for s in listed}
    assert causes == {
        1: ("failures", None, True),
        2: ("server_removed", None, True),
        3: ("permissions", None, True),
        4: (None, None, False),
    }


async def test_a_removed_server_is_paused_then_forgotten_unless_it_returns(database: Database) -> None:
    repository, servers = SubscriptionRepository(database), RemovedServers(database)
    for guild_id, channel_id in ((1, 10), (1, 11), (2, 20)):
        await repository.subscribe(
            guild_id=guild_id,
            channel_id=channel_id,
            schedule="09:00",
            timezone="UTC",
            source="command",
            now=T0,
        )
    assert await servers.subscribed_servers() == [1, 2]
    assert await servers.removed(1, "the bot was removed from this server", now=T0) == [10, 11]
    assert await servers.removed(1, "again", now=T0 + timedelta(hours=1)) == []  # the first mark is kept
    assert await servers.removed(2, "the bot was removed from this server", now=T0 + timedelta(days=2)) == [
        20
    ]
    assert await servers.subscribed_servers() == []
    paused = await repository.get(10)
    assert paused is not None and paused.pause_cause == "server_removed"
    assert await servers.returned(2) and not await servers.returned(2)
    assert await servers.forget_removed_before(T0 + timedelta(days=1)) == [1]
    assert [s.channel_id for s in await repository.list_subscriptions(include_inactive=True)] == [20]
    assert await servers.subscribed_servers() == [2]


async def test_a_transaction_cancelled_while_its_begin_runs_leaves_none_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # aiosqlite runs each statement in the connection's thread: a task cancelled while it awaits BEGIN stops
    # waiting, but the thread still begins the transaction. Seen at shutdown ("Safety level may not be changed
    # inside a transaction"); left open, it would refuse every later transaction on the connection.
    database = await Database.open(tmp_path / "briefbot.db")
    try:
        raw = database.backend.raw_connection
        real_execute = raw.execute

        async def cancelled_as_begin_runs(sql: str, *args: object) -> object:
            result = await real_execute(sql, *args)  # type: ignore[arg-type]
            if sql == "BEGIN IMMEDIATE":
                raise asyncio.CancelledError  # the cancellation arrives while the thread ran BEGIN
            return result

        monkeypatch.setattr(raw, "execute", cancelled_as_begin_runs)
        with pytest.raises(asyncio.CancelledError):
            async with database.transaction(durable=False):
                raise AssertionError("the block never runs")
        monkeypatch.undo()
        assert not raw.in_transaction
        async with database.transaction() as connection:
            await connection.execute("UPDATE delivery_states SET name = name")
        async with database.read() as connection:
            assert await connection.fetchval("PRAGMA synchronous") == 2  # FULL again
    finally:
        await database.close()
