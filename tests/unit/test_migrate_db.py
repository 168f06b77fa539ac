"""`briefbot migrate-db`: a SQLite database copied into a real PostgreSQL once, verified; refused while a
`briefbot run` holds the file, into a target that holds data (unless --replace), and rolled back whole
when a copy differs from its source."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.app.runner import run_bot
from bot.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, main
from bot.delivery.contents import contents_rule
from bot.settings import Settings
from bot.storage import Database, DeliveryLedger, SubscriptionRepository, migrate_db
from bot.storage.alerts import AlertRepository, FinishedSlot
from bot.storage.file_lock import DatabaseFileLock, DatabaseInUse, DatabaseMoved
from bot.storage.migrate_db import TargetNotEmpty, VerificationFailed, migrate
from bot.storage.servers import RemovedServers
from bot.storage.shards import ShardStore
from tests.helpers import nine_utc_slot, subscribe
from tests.postgres import PostgresServer

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
NINE = nine_utc_slot()
_ALL_TABLES = (
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename != 'schema_version'"
    " ORDER BY tablename"
)


@pytest.fixture
async def target(postgres_server: PostgresServer) -> AsyncIterator[str]:
    """A PostgreSQL database with no schema yet (migrate-db brings it up to date)."""
    url = await postgres_server.fresh_database(migrated=False)
    yield url
    await postgres_server.drop_database(url)


async def _a_server_in_use(path: Path) -> None:
    """A SQLite database as a running server leaves it: subscriptions, a slot partly sent (one row sent,
    one held, one in flight under a lease), what channels have had, content versions, a removed server,
    an admin channel and an alert, its shards."""
    async with await Database.open(path) as database:
        ledger = DeliveryLedger(database)
        subs = await subscribe(database, 10, 20, 30, 40, now=T0)
        await subscribe(database, 90, now=T0, guild_id=9)
        await ledger.record_slot(
            NINE,
            subs,
            available_brief_ids=["b2", "b1"],
            choose=contents_rule(
                max_briefs=3, when_nothing_new="skip", versions={"b2": "3-aa", "b1": "3-bb"}
            ),
            now=T0,
            snapshot_of=lambda brief_id, version: f'{{"brief": "{brief_id}@{version}", "note": "ünïcode"}}',
        )
        rows = {row.channel_id: row for row in await ledger.due(NINE.at)}
        await ledger.mark_attempt_started(rows[10].id, now=NINE.at)
        await ledger.mark_sent(rows[10].id, message_id=1_234_567_890_123_456_789, now=NINE.at)
        await ledger.mark_held(rows[20].id, reason="history unreadable", now=NINE.at)
        claimed = await ledger.claim_due(NINE.at, owner="process-sqlite", lease_for=timedelta(seconds=30))
        assert 30 in {row.channel_id for row, _ in claimed}
        await RemovedServers(database).removed(9, "the bot was removed", now=NINE.at)
        alerts = AlertRepository(database)
        await alerts.set_channel(1, 500, by=7, now=T0)
        await alerts.record(
            FinishedSlot(1, "UTC", NINE.key, NINE.at, 500), "TEST FIXTURE: faults", now=NINE.at
        )
        await SubscriptionRepository(database).pause(40, "missing access", now=T0)
        # A later slot of the removed server's channel, skipped for its pause: a compact row, left so.
        ninety = await SubscriptionRepository(database).get(90)
        assert ninety is not None
        await ledger.record_slot(
            nine_utc_slot(2),
            [ninety],
            available_brief_ids=["b2"],
            choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
            now=NINE.at,
        )
        # Its shards: the count it fixed, its presence and leases, its last IDENTIFY's turn.
        shards, at = ShardStore(database), NINE.at.timestamp()
        await shards.fix_count("process-sqlite", wanted=None, recommended=2, now=at, until=at + 20)
        await shards.claim("process-sqlite", count=2, now=at, until=at + 20)
        await shards.reserve_identify(0, now=at, window=5.5)


async def _everything(database: Database) -> dict[str, list[tuple[object, ...]]]:
    async with database.read() as connection:
        names = [
            row[0]
            for row in await connection.fetch(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                if connection.dialect == "sqlite"
                else _ALL_TABLES
            )
        ]
        return {  # each row as its columns by name, sorted: the engines may order columns differently
            name: sorted(
                (
                    tuple(sorted((key, row[key]) for key in row.keys()))  # noqa: SIM118 - a row iterates values
                    for row in await connection.fetch(f'SELECT * FROM "{name}"')  # noqa: S608
                ),
                key=repr,
            )
            for name in names
        }


async def test_every_table_is_copied_verified_and_ids_continue_after_the_copied(
    tmp_path: Path, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "briefbot.sqlite3"
    await _a_server_in_use(source)
    monkeypatch.setattr(migrate_db, "PAGE", 3)  # tables of several pages, copied and summed page by page
    said: list[str] = []
    copies = await migrate(source, target, progress=said.append)

    async with await Database.open(source) as sqlite, await Database.open(target) as postgresql:
        before, after = await _everything(sqlite), await _everything(postgresql)
        assert set(after) == set(before) and {copy.name for copy in copies} == set(before)
        for name, rows in before.items():
            assert after[name] == rows, name
        copied = {copy.name: copy.rows for copy in copies}
        assert copied["deliveries"] == 4 and copied["alerts"] == 1 and copied["delivered_briefs"] == 2
        assert copied["delivery_members"] == 1 and copied["delivery_groups"] == 1  # the first slot's retired
        empty = {name for name, rows in copied.items() if rows == 0}
        assert empty == {"process_heartbeats"}, empty  # every table a running server fills is exercised
        # The ledger reads the same on PostgreSQL: states, nonces, the lease, and a new row's id is new.
        ledger = DeliveryLedger(postgresql)
        assert [d.state for d in await ledger.history(20)] == ["held"]
        [sent] = await ledger.history(10)
        [first_sent] = await DeliveryLedger(sqlite).history(10)
        assert sent.message_id == 1_234_567_890_123_456_789 and sent.nonce == first_sent.nonce
        # The compact row too: the same skipped row, nonce and reason, read (and promoted) on each side.
        [skipped_pg] = await ledger.history(90)
        [skipped_sqlite] = await DeliveryLedger(sqlite).history(90)
        assert skipped_pg.state == "skipped" and skipped_pg.pause_cause == "server_removed"
        assert (skipped_pg.nonce, skipped_pg.reason) == (skipped_sqlite.nonce, skipped_sqlite.reason)
        # The stopped SQLite process's lease on channel 30 ended: its row is sent again at once, fenced
        # by a token past the one the copied lease had.
        claimed = {
            row.channel_id: lease
            for row, lease in await ledger.claim_due(
                NINE.at, owner="process-pg", lease_for=timedelta(seconds=30)
            )
        }
        [copied_lease] = [dict(row) for row in before["send_leases"] if dict(row)["channel_id"] == 30]
        assert claimed[30].token > copied_lease["token"]
        ten = await SubscriptionRepository(postgresql).get(10)
        assert ten is not None
        await ledger.record_slot(
            nine_utc_slot(2),
            [ten],
            available_brief_ids=["b3"],
            choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
            now=nine_utc_slot(2).at,
        )
        [new, _] = await ledger.history(10)
        assert new.id > max(dict(row)["id"] for row in before["deliveries"])
    assert said[0].startswith("source: ") and said[2].startswith("target: postgresql://")
    assert said[1] == "ended 2 send lease(s) of the stopped process: their rows are sent again"
    assert "  deliveries: 4 rows copied" in said
    assert said[-1].startswith("verified: ")


async def test_refused_while_a_briefbot_run_holds_the_file(tmp_path: Path, target: str) -> None:
    source = tmp_path / "briefbot.sqlite3"
    await _a_server_in_use(source)
    with DatabaseFileLock(source), pytest.raises(DatabaseInUse, match="in use by another Briefbot"):
        await migrate(source, target)
    connection = await asyncpg.connect(target)
    try:
        assert await connection.fetchval("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0
    finally:
        await connection.close()


async def test_a_target_holding_data_is_refused_unless_replaced(tmp_path: Path, target: str) -> None:
    source = tmp_path / "briefbot.sqlite3"
    await _a_server_in_use(source)
    async with await Database.open(target) as postgresql:
        await subscribe(postgresql, 777, now=T0)
    with pytest.raises(TargetNotEmpty, match=r"subscriptions \(1 row\).*--replace"):
        await migrate(source, target)
    copies = await migrate(source, target, replace=True)
    async with await Database.open(target) as postgresql:
        assert await SubscriptionRepository(postgresql).get(777) is None
        assert {copy.name: copy.rows for copy in copies}["subscriptions"] == 5


async def test_a_copy_that_differs_from_its_source_is_rolled_back_whole(tmp_path: Path, target: str) -> None:
    source = tmp_path / "briefbot.sqlite3"
    await _a_server_in_use(source)
    async with await Database.open(target):
        pass
    connection = await asyncpg.connect(target)
    try:  # a target that changes what it is given (a trigger someone left there)
        await connection.execute(
            "CREATE FUNCTION shout() RETURNS trigger AS $$ BEGIN NEW.reason := upper(NEW.reason); RETURN NEW;"
            " END $$ LANGUAGE plpgsql;"
            " CREATE TRIGGER shout BEFORE INSERT ON deliveries FOR EACH ROW EXECUTE FUNCTION shout()"
        )
        with pytest.raises(VerificationFailed, match="the copy of deliveries differs"):
            await migrate(source, target)
        assert await connection.fetchval("SELECT count(*) FROM deliveries") == 0
        assert await connection.fetchval("SELECT count(*) FROM subscriptions") == 0
    finally:
        await connection.close()


async def test_a_moved_sqlite_file_can_no_longer_run_a_bot_nor_be_copied_again(
    tmp_path: Path, target: str, postgres_server: PostgresServer, caplog: pytest.LogCaptureFixture
) -> None:
    # Failed first: once copied, the SQLite file still started `briefbot run` (a process left on the old
    # settings, a service restarted by hand), which then posted every digest the PostgreSQL processes post,
    # and it could be copied into a second PostgreSQL database (two clusters sending the same digests).
    source = tmp_path / "briefbot.sqlite3"
    await _a_server_in_use(source)
    await migrate(source, target.replace("postgres@", "postgres:hunter2@"))
    with pytest.raises(DatabaseMoved) as refused:
        DatabaseFileLock(source).acquire()
    said = str(refused.value)
    assert "was moved into postgresql://postgres:***@" in said and "hunter2" not in said
    assert "DATABASE_URL" in said and f"{source.name}.moved" in said  # what to set, and how to go back
    settings = Settings(_env_file=None, discord_token="x.y.z", database_path=source)  # type: ignore[call-arg]
    with caplog.at_level(logging.ERROR, logger="bot.app.runner"):
        assert await run_bot(settings) == 1
    # (Refused as moved, not as in use: the refusal above let go of the lock.)
    assert any("was moved into postgresql://" in r.getMessage() for r in caplog.records)
    other = await postgres_server.fresh_database(migrated=False)
    try:
        with pytest.raises(DatabaseMoved):
            await migrate(source, other)
        connection = await asyncpg.connect(other)
        try:
            assert (
                await connection.fetchval("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0
            )
        finally:
            await connection.close()
    finally:
        await postgres_server.drop_database(other)


async def test_a_copy_refused_or_rolled_back_leaves_the_sqlite_file_usable(
    tmp_path: Path, target: str
) -> None:
    source = tmp_path / "briefbot.sqlite3"
    await _a_server_in_use(source)
    async with await Database.open(target) as postgresql:
        await subscribe(postgresql, 777, now=T0)
    with pytest.raises(TargetNotEmpty):
        await migrate(source, target)
    with DatabaseFileLock(source):  # not moved: no marker
        pass
    connection = await asyncpg.connect(target)
    try:
        await connection.execute("DELETE FROM subscriptions")
        await connection.execute(
            "CREATE FUNCTION shout() RETURNS trigger AS $$ BEGIN NEW.reason := upper(NEW.reason); RETURN NEW;"
            " END $$ LANGUAGE plpgsql;"
            " CREATE TRIGGER shout BEFORE INSERT ON deliveries FOR EACH ROW EXECUTE FUNCTION shout()"
        )
    finally:
        await connection.close()
    with pytest.raises(VerificationFailed):
        await migrate(source, target)
    with DatabaseFileLock(source):
        pass
    assert not (tmp_path / "briefbot.sqlite3.moved").exists()


def test_the_command_says_what_it_did_and_exits_by_outcome(
    tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "briefbot.sqlite3"
    asyncio.run(_a_server_in_use(source))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DATABASE_PATH", str(source))
    with_password = target.replace("postgres@", "postgres:hunter2@")
    assert main(["migrate-db", "--to", str(tmp_path / "other.sqlite3")]) == EXIT_USAGE
    assert "--to takes a postgresql:// URL" in capsys.readouterr().err

    assert main(["migrate-db", "--to", with_password]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "deliveries: 4 rows copied" in out and "verified: " in out and "DATABASE_URL" in out
    assert "hunter2" not in out + err

    assert main(["migrate-db", "--to", with_password]) == EXIT_ERRORS  # once: the file was moved
    out, err = capsys.readouterr()
    assert "was moved into" in err and "hunter2" not in out + err
    (tmp_path / "briefbot.sqlite3.moved").unlink()  # going back, by hand: the target holds data now
    assert main(["migrate-db", "--to", with_password]) == EXIT_ERRORS
    out, err = capsys.readouterr()
    assert "already holds data" in err and "hunter2" not in out + err
    assert (
        main(["migrate-db", "--from", str(tmp_path / "none.sqlite3"), "--to", with_password]) == EXIT_ERRORS
    )
    assert "there is no SQLite database" in capsys.readouterr().err
