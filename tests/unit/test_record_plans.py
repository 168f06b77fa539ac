"""Recording a slot reads only each chunk's own rows: every statement it runs is planned as index lookups of the
chunk's channels, never a scan of every subscription or every row of the slot (which made recording grow with
the square of the subscriptions: on PostgreSQL, 100,000 took about 20 s). Checked on the plans the database
itself gives (EXPLAIN) for the statements as the ledger ran them, on a database with statistics, as a server
that has run for a while has them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.delivery.contents import contents_rule
from bot.storage import Database, DeliveryLedger, SubscriptionRepository
from bot.storage.database import INTEGRITY_ERRORS
from tests.helpers import nine_utc_slot

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
CHANNELS = 1000
CHUNK = 100
POOL = [f"b{n}" for n in range(8, 0, -1)]  # newest first
TABLES = ("subscriptions", "deliveries", "delivered_briefs", "delivery_members")


async def _seed(database: Database) -> None:
    """`CHANNELS` subscriptions in ten servers, each channel with yesterday's digest sent (two briefs), written
    in bulk; then the statistics the planner uses."""
    made, yesterday = "2026-04-30T08:00:00.000000Z", "2026-04-30T09:00:00.000000Z"
    channels = range(1, CHANNELS + 1)
    async with database.transaction() as connection:
        await connection.executemany(
            "INSERT INTO subscriptions (channel_id, guild_id, schedule, timezone, source, created_at,"
            " updated_at, active, recorded_through) VALUES (?, ?, '09:00', 'UTC', 'command', ?, ?, 1, ?)",
            [(c, 1 + c % 10, made, made, made) for c in channels],
        )
        await connection.executemany(
            "INSERT INTO deliveries (id, channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
            " brief_ids, message_id, sent_at, created_at, updated_at)"
            " VALUES (?, ?, ?, 'UTC', '2026-04-30T09:00', ?, ?, 'sent', ?, ?, ?, ?, ?)",
            [
                (c, c, 1 + c % 10, yesterday, f"y{c}", json.dumps(POOL[2:4]), c, yesterday, made, made)
                for c in channels
            ],
        )
        await connection.executemany(
            "INSERT INTO delivered_briefs (channel_id, brief_id, delivery_id, delivered_at) VALUES (?, ?, ?, ?)",
            [(c, brief, c, yesterday) for c in channels for brief in POOL[2:4]],
        )
        if connection.dialect == "postgresql":
            await connection.execute(
                "SELECT setval(pg_get_serial_sequence('deliveries', 'id'), (SELECT max(id) FROM deliveries))"
            )
    async with database.transaction() as connection:
        await connection.execute("ANALYZE")


@contextmanager
def statements_run(database: Database, connection_type: type[Any]) -> Iterator[list[tuple[str, Any]]]:
    """Every (sql, parameters) run through `fetch` and `execute` of the backend's connections meanwhile."""
    seen: list[tuple[str, Any]] = []
    originals = {name: getattr(connection_type, name) for name in ("fetch", "execute")}

    def watching(original: Any) -> Any:
        async def run(self: Any, sql: str, parameters: Any = ()) -> Any:
            seen.append((sql, parameters))
            return await original(self, sql, parameters)

        return run

    for name, original in originals.items():
        setattr(connection_type, name, watching(original))
    try:
        yield seen
    finally:
        for name, original in originals.items():
            setattr(connection_type, name, original)


def _postgresql_scans(plan: Any) -> list[str]:
    """Nodes of a JSON plan that read a whole table of ours: a sequential scan, or a subplan hashed over all
    its rows (an EXISTS PostgreSQL turned into a hash of every row of the slot)."""
    found: list[str] = []
    if isinstance(plan, dict):
        relation = plan.get("Relation Name")
        if plan.get("Node Type") == "Seq Scan" and relation in TABLES:
            found.append(f"Seq Scan on {relation}")
        if str(plan.get("Subplan Name", "")).startswith("hashed") and relation in TABLES:
            found.append(f"{plan['Subplan Name']} over {relation}")
        for value in plan.values():
            found += _postgresql_scans(value)
    elif isinstance(plan, list):
        for value in plan:
            found += _postgresql_scans(value)
    return found


def _sqlite_scans(sql: str, details: list[str]) -> list[str]:
    """Steps of a SQLite query plan that walk a whole table (or a whole index of it) of ours.

    One is left out: an insert into `deliveries` shows a scan of `delivered_briefs`, the child table of its
    foreign key (no index on `delivery_id`). SQLite plans it to clear deferred violations a new parent row
    resolves, and skips it when there are none (`OP_FkIfZero`): the keys are immediate, so there never are."""
    parent_insert = sql.lstrip().startswith("INSERT INTO deliveries")
    return [
        d
        for d in details
        if re.match(r"SCAN (subscriptions|deliveries|delivered_briefs|delivery_members|[sdbphmq]|e2)\b", d)
        and not (parent_insert and d == "SCAN delivered_briefs")
    ]


async def test_each_statement_of_a_recording_reads_only_its_chunks_rows(database: Database) -> None:
    await _seed(database)
    ledger = DeliveryLedger(database, record_chunk=CHUNK)
    subscriptions = await SubscriptionRepository(database).deliverable_in("09:00", "UTC")
    async with database.read() as connection:
        connection_type = type(connection)
    with statements_run(database, connection_type) as seen:
        record = await ledger.record_slot(
            nine_utc_slot(),
            subscriptions,
            available_brief_ids=POOL,
            choose=contents_rule(max_briefs=2, when_nothing_new="skip"),
            now=T0,
        )
    assert len(record.pending) == CHANNELS
    recording = [
        (sql, parameters)
        for sql, parameters in seen
        if re.match(r"\s*(SELECT|INSERT|UPDATE)\b", sql) and any(table in sql for table in TABLES)
    ]
    assert len({sql for sql, _ in recording}) >= 3  # the read, the insert, the watermark
    problems: dict[str, list[str]] = {}
    async with database.read() as connection:
        if connection.dialect == "postgresql":
            await connection.execute("SET LOCAL enable_seqscan = off")  # as each chunk runs them
        for sql, parameters in {sql: (sql, parameters) for sql, parameters in recording}.values():
            if connection.dialect == "postgresql":
                [row] = await connection.fetch(f"EXPLAIN (FORMAT JSON) {sql}", parameters)
                plan = row[0] if not isinstance(row[0], str) else json.loads(row[0])
                scans = _postgresql_scans(plan)
            else:
                rows = await connection.fetch(f"EXPLAIN QUERY PLAN {sql}", parameters)
                scans = _sqlite_scans(sql, [str(row[3]) for row in rows])
            if scans:
                problems[sql[:70]] = scans
    assert problems == {}


async def _whole_table_reads(database: Database, seen: list[tuple[str, Any]]) -> dict[str, list[str]]:
    """The statements among `seen` (selects, inserts, updates, deletes of our tables) whose plan reads a whole
    table of ours, with those steps."""
    problems: dict[str, list[str]] = {}
    wanted = [
        (sql, parameters)
        for sql, parameters in seen
        if re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", sql) and any(table in sql for table in TABLES)
    ]
    async with database.read() as connection:
        for sql, parameters in {sql: (sql, parameters) for sql, parameters in wanted}.values():
            if connection.dialect == "postgresql":
                [row] = await connection.fetch(f"EXPLAIN (FORMAT JSON) {sql}", parameters)
                plan = row[0] if not isinstance(row[0], str) else json.loads(row[0])
                scans = _postgresql_scans(plan)
            else:
                rows = await connection.fetch(f"EXPLAIN QUERY PLAN {sql}", parameters)
                scans = _sqlite_scans(sql, [str(row[3]) for row in rows])
            if scans:
                problems[sql[:90]] = scans
    return problems


async def test_what_touches_one_channel_of_a_compact_slot_reads_only_that_channels_rows(
    database: Database,
) -> None:
    """After a slot is recorded compact (1,000 member rows), an unsubscribe, a pause, a channel's history,
    /digest now and the dispatcher's claims read the members they need by key, never every member of the
    slot. Failed first on 44102e1: the unsubscribe, pause and history looked a channel's compact rows up by
    scanning every member of every group (`SCAN m USING COVERING INDEX delivery_members_by_guild`)."""
    await _seed(database)
    ledger = DeliveryLedger(database, record_chunk=CHUNK)
    subscriptions = await SubscriptionRepository(database).deliverable_in("09:00", "UTC")
    await ledger.record_slot(
        nine_utc_slot(),
        subscriptions,
        available_brief_ids=POOL,
        choose=contents_rule(max_briefs=2, when_nothing_new="skip"),
        now=T0,
    )
    async with database.transaction() as connection:
        await connection.execute("ANALYZE")
        connection_type = type(connection)
    repository = SubscriptionRepository(database)
    with statements_run(database, connection_type) as seen:
        assert await repository.unsubscribe(7, now=T0)
        assert await repository.pause(8, "TEST FIXTURE: paused", now=T0)
        assert [row.state for row in await ledger.history(9)][:1] == ["pending"]
        await ledger.record_manual(
            channel_id=10,
            guild_id=1,
            available_brief_ids=POOL,
            choose=contents_rule(max_briefs=2, when_nothing_new="skip"),
            now=T0,
        )
        claimed = await ledger.claim_due(
            nine_utc_slot().at, owner="me", lease_for=timedelta(seconds=30), limit=20
        )
        assert len(claimed) == 20
    assert await _whole_table_reads(database, seen) == {}


async def test_a_rows_state_is_one_of_the_known_states_on_either_engine(database: Database) -> None:
    """Schema 20 checks a state on PostgreSQL with a CHECK instead of the foreign key's per-row trigger: every
    name in delivery_states is accepted, and no other."""
    async with database.read() as connection:
        names = sorted(str(row[0]) for row in await connection.fetch("SELECT name FROM delivery_states"))
    assert names == sorted(["pending", "sent", "dead", "skipped", "missed", "cancelled", "held", "expired"])
    stamp = "2026-05-01T09:00:00.000000Z"
    insert = (
        "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state, created_at,"
        " updated_at) VALUES (?, 1, 'UTC', ?, ?, ?, ?, ?, ?)"
    )
    for number, name in enumerate(names, start=1):
        async with database.transaction() as connection:
            await connection.execute(insert, (number, name, stamp, f"n{number}", name, stamp, stamp))
    with pytest.raises(INTEGRITY_ERRORS):
        async with database.transaction() as connection:
            await connection.execute(insert, (99, "posted", stamp, "n99", "posted", stamp, stamp))
