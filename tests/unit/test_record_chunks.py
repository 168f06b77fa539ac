"""Recording a slot set-based, in chunks: the contents rule decides every channel as it would alone, each chunk
commits on its own (a crash between chunks loses nothing and doubles nothing), and each chunk re-reads its
subscriptions inside its own transaction."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.delivery.contents import WhenNothingNew, contents_rule, digest_contents
from bot.storage import Database, DeliveryLedger, SubscriptionRepository
from bot.storage._time import from_db, to_db
from bot.storage.ledger import MISSED_REASON, make_nonce
from tests.helpers import nine_utc_slot, subscribe

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
POOL = [f"b{n}" for n in range(8, 0, -1)]  # newest first
RULE = contents_rule(max_briefs=2, when_nothing_new="skip")
SHARED = [frozenset(), frozenset(POOL[2:5])]


def transactions_with(database: Database, before: Callable[[int], Any]) -> list[int]:
    """Wraps the database's transactions: `before(n)` runs as the n-th one (1-based) is about to begin (an
    awaitable it returns is awaited; an exception it raises stands for a crash there). Transactions begun
    from inside `before` are not counted. Returns the list of counted transaction numbers, kept up to date."""
    original = database.transaction
    counted: list[int] = []
    inside = False

    @contextlib.asynccontextmanager
    async def wrapped(**options: Any) -> AsyncIterator[Any]:
        nonlocal inside
        if not inside:
            counted.append(len(counted) + 1)
            inside = True
            try:
                step = before(counted[-1])
                if asyncio.iscoroutine(step):
                    await step
            finally:
                inside = False
        async with original(**options) as connection:
            yield connection

    database.transaction = wrapped  # type: ignore[method-assign]
    return counted


@dataclass(frozen=True)
class Channel:
    delivered: frozenset[str]
    held: frozenset[str]  # by a pending row of an earlier slot
    fate: str  # what happens after the scheduler read it: "stays", "paused", "unsubscribed", "recorded"


channels_strategy = st.lists(
    st.builds(
        Channel,
        # Often one of a few shared states, as most channels of a slot are (the ledger asks the rule once
        # per state), otherwise any.
        delivered=st.one_of(st.sampled_from(SHARED), st.frozensets(st.sampled_from(POOL))),
        held=st.one_of(st.sampled_from(SHARED), st.frozensets(st.sampled_from(POOL))),
        fate=st.sampled_from(["stays", "stays", "stays", "paused", "unsubscribed", "recorded"]),
    ),
    min_size=1,
    max_size=7,
)


async def _world(path: Path | str, channels: list[Channel], empty_it: str | None = None) -> Database:
    """The channels subscribed (ids 1..n), each with its delivered briefs and a pending row holding others.
    `path`: a SQLite file, or a PostgreSQL database emptied first by `empty_it`."""
    database = await Database.open(path)
    if empty_it is not None:
        async with database.transaction() as connection:
            await connection.execute(empty_it)
    await subscribe(database, *range(1, len(channels) + 1), now=T0, guild_id=7)
    stamp = to_db(T0)
    async with database.transaction() as connection:
        for channel_id, channel in enumerate(channels, start=1):
            for kind, briefs, state in (
                ("sent", channel.delivered, "sent"),
                ("held", channel.held, "pending"),
            ):
                if not briefs:
                    continue
                delivery_id = await connection.fetchval(
                    "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
                    " brief_ids, next_attempt_at, created_at, updated_at)"
                    " VALUES (?, 7, 'UTC', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    (
                        channel_id,
                        f"2026-04-30T{kind}",
                        stamp,
                        f"{kind}{channel_id}",
                        state,
                        json.dumps(sorted(briefs)),
                        stamp if state == "pending" else None,
                        stamp,
                        stamp,
                    ),
                )
                if state == "sent":
                    await connection.executemany(
                        "INSERT INTO delivered_briefs (channel_id, brief_id, delivery_id, delivered_at)"
                        " VALUES (?, ?, ?, ?)",
                        [(channel_id, brief, delivery_id, stamp) for brief in briefs],
                    )
    return database


@dataclass(frozen=True)
class Case:
    channels: list[Channel]
    available: list[str]  # newest first, as the library gives them
    chunk: int
    max_briefs: int
    when_nothing_new: WhenNothingNew
    missed: bool


cases = st.builds(
    Case,
    channels=channels_strategy,
    available=st.lists(st.sampled_from(POOL), max_size=8, unique=True).map(
        lambda ids: sorted(ids, key=POOL.index)
    ),
    chunk=st.integers(1, 4),
    max_briefs=st.integers(1, 3),
    when_nothing_new=st.sampled_from(["skip", "repeat-latest"]),
    missed=st.booleans(),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases)
def test_every_channel_gets_what_the_rule_decides_for_it_alone(case: Case) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_check_rule(Path(folder), case))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases)
def test_on_postgresql_every_channel_gets_what_the_rule_decides_for_it_alone(
    postgres_server: Any, case: Case
) -> None:
    """The same as on SQLite: the PostgreSQL statements (the chunk's ids as an array, the available briefs as
    one jsonb object) give every channel the row the rule decides for it alone."""
    url, empty_it = asyncio.run(postgres_server.shared_database())
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_check_rule(Path(folder), case, target=(url, empty_it)))


async def _check_rule(folder: Path, case: Case, target: tuple[str, str] | None = None) -> None:
    channels, available, missed = case.channels, case.available, case.missed
    max_briefs, when_nothing_new = case.max_briefs, case.when_nothing_new
    if target is None:
        database = await _world(folder / "briefbot.sqlite3", channels)
    else:
        database = await _world(target[0], channels, target[1])
    try:
        ledger = DeliveryLedger(database, record_chunk=case.chunk)
        repository = SubscriptionRepository(database)
        slot = nine_utc_slot()
        rule = contents_rule(max_briefs=max_briefs, when_nothing_new=when_nothing_new)
        read_before = await repository.deliverable_in("09:00", "UTC")  # what the scheduler read
        for channel_id, channel in enumerate(channels, start=1):
            if channel.fate == "paused":
                await repository.pause(channel_id, "three failures", now=T0)
            elif channel.fate == "unsubscribed":
                await repository.unsubscribe(channel_id, now=T0)
            elif channel.fate == "recorded":
                [alone] = [s for s in read_before if s.channel_id == channel_id]
                await ledger.record_slot(slot, [alone], available_brief_ids=["first"], choose=rule, now=T0)

        record = await ledger.record_slot(
            slot, read_before, available_brief_ids=available, choose=rule, now=T0, missed=missed
        )

        rows = {row.channel_id: row for row in await _slot_rows(ledger, len(channels))}
        for channel_id, channel in enumerate(channels, start=1):
            row = rows.get(channel_id)
            if channel.fate == "unsubscribed":
                assert row is None and channel_id in record.dropped
                continue
            assert row is not None
            if channel.fate == "recorded":
                assert channel_id in record.already and row.brief_ids == ("first",)
                continue
            if channel.fate == "paused":
                assert (row.state, row.reason) == ("skipped", "subscription paused: three failures")
                assert channel_id in record.skipped
                continue
            if missed:
                assert (row.state, row.reason, row.brief_ids) == ("missed", MISSED_REASON, ())
                assert channel_id in record.missed
                continue
            # The held row of a paused channel was cancelled, but this channel's is still pending.
            expected = digest_contents(
                available,
                dict.fromkeys(channel.delivered),
                channel.held,
                max_briefs=max_briefs,
                when_nothing_new=when_nothing_new,
            )
            assert row.brief_ids == expected.brief_ids
            if expected.brief_ids:
                assert row.state == "pending" and channel_id in record.pending
            else:
                assert (row.state, row.reason) == ("skipped", expected.skip_reason)
                assert channel_id in record.skipped
    finally:
        await database.close()


async def _slot_rows(ledger: DeliveryLedger, count: int) -> list[Any]:
    rows = []
    for channel_id in range(1, count + 1):
        rows += [
            row for row in await ledger.history(channel_id, limit=10) if row.slot_key == nine_utc_slot().key
        ]
    return rows


async def test_each_chunk_is_one_transaction(database: Database) -> None:
    subscriptions = await subscribe(database, *range(1, 8), now=T0)
    counted = transactions_with(database, lambda n: None)
    ledger = DeliveryLedger(database, record_chunk=3)
    record = await ledger.record_slot(
        nine_utc_slot(), subscriptions, available_brief_ids=POOL, choose=RULE, now=T0
    )
    assert counted == [1, 2, 3]  # 3 + 3 + 1
    assert sorted(record.pending) == list(range(1, 8))


async def test_a_crash_between_chunks_leaves_the_rest_to_the_next_recording(database: Database) -> None:
    subscriptions = await subscribe(database, *range(1, 6), now=T0)
    repository = SubscriptionRepository(database)
    ledger = DeliveryLedger(database, record_chunk=2)
    slot = nine_utc_slot()

    def crash_at_the_third(n: int) -> None:
        if n == 3:
            raise OSError("disk full")

    transactions_with(database, crash_at_the_third)
    with pytest.raises(OSError, match="disk full"):
        await ledger.record_slot(slot, subscriptions, available_brief_ids=POOL, choose=RULE, now=T0)
    assert await ledger.count("pending") == 4  # the first two chunks are committed
    marks = {s.channel_id: s.recorded_through for s in await repository.deliverable_in("09:00", "UTC")}
    assert marks == {1: slot.at, 2: slot.at, 3: slot.at, 4: slot.at, 5: T0}  # only their own channels

    again = DeliveryLedger(database, record_chunk=2)
    transactions_with(database, lambda n: None)
    record = await again.record_slot(slot, subscriptions, available_brief_ids=POOL, choose=RULE, now=T0)
    assert record.pending == [5] and sorted(record.already) == [1, 2, 3, 4]
    assert await ledger.count("pending") == 5


async def test_a_later_chunk_sees_an_unsubscribe_or_pause_made_after_the_first_committed(
    database: Database,
) -> None:
    subscriptions = await subscribe(database, *range(1, 7), now=T0)
    repository = SubscriptionRepository(database)
    ledger = DeliveryLedger(database, record_chunk=2)

    async def admins_act_after_the_first_chunk(n: int) -> None:
        if n == 2:
            await repository.unsubscribe(6, now=T0)
            await repository.pause(5, "Missing Access", now=T0)
            await repository.pause(1, "too late: its row is in", now=T0)

    transactions_with(database, admins_act_after_the_first_chunk)
    record = await ledger.record_slot(
        nine_utc_slot(), subscriptions, available_brief_ids=POOL, choose=RULE, now=T0
    )
    assert record.dropped == [6]
    assert record.skipped == [5]
    assert sorted(record.pending) == [1, 2, 3, 4]  # 1 was recorded before; the pause then cancelled its row
    [paused_row] = await ledger.history(5)
    assert paused_row.reason == "subscription paused: Missing Access"
    [first_row] = await ledger.history(1)
    assert first_row.state == "cancelled"


async def test_record_chunk_below_one_is_refused(database: Database) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        DeliveryLedger(database, record_chunk=0)


def test_stored_instants_read_back_exactly_and_nothing_else_is_read() -> None:
    moment = datetime(2026, 11, 1, 1, 30, 0, 123456, tzinfo=UTC)
    assert from_db(to_db(moment)) == moment and from_db(to_db(moment)).tzinfo is UTC
    assert from_db(to_db(moment + timedelta(microseconds=1))) == moment + timedelta(microseconds=1)
    for text in (
        "2026-11-01T01:30:00Z",
        "2026-11-01 01:30:00.123456Z",
        "2026-11-01T01:30:00.123456+00:00",
        "",
    ):
        with pytest.raises(ValueError):
            from_db(text)


def test_one_slots_nonces_are_25_characters_distinct_and_sorted_as_the_channels_are() -> None:
    channels = [1, 61, 62, 63, 10**17, 1577258110060462087, 2**63 - 1]
    nonces = [make_nonce("UTC", "2026-05-01T09:00", channel) for channel in channels]
    assert all(len(nonce) == 25 for nonce in nonces) and nonces == sorted(set(nonces))
    assert make_nonce("UTC", "2026-05-02T09:00", 62) != make_nonce("UTC", "2026-05-01T09:00", 62)
    assert make_nonce("manual", "2026-05-01T09:00", 62) != make_nonce("UTC", "2026-05-01T09:00", 62)
    with pytest.raises(ValueError, match="snowflake"):
        make_nonce("UTC", "2026-05-01T09:00", 62**11)


async def test_rows_recorded_in_bulk_carry_each_channels_own_nonce(database: Database) -> None:
    """The database (either backend) computes the nonces of a chunk's rows: they are `make_nonce`'s, down to the snowflake's limits."""
    channels = [0, 1, 61, 62, 3843, 3844, 62**4, 10**17, 1577258110060462087, 2**63 - 1]
    subscriptions = await subscribe(database, *channels, now=T0)
    await DeliveryLedger(database, record_chunk=4).record_slot(
        nine_utc_slot(), subscriptions, available_brief_ids=POOL, choose=RULE, now=T0
    )
    async with database.read() as connection:
        rows = await connection.fetch("SELECT channel_id, nonce FROM ledger_rows ORDER BY channel_id")
    assert [(row[0], row[1]) for row in rows] == [
        (channel, make_nonce("UTC", "2026-05-01T09:00", channel)) for channel in channels
    ]


async def test_a_slot_with_nothing_new_logs_one_line_not_one_per_channel(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    subscriptions = await subscribe(database, *range(1, 16), now=T0)
    ledger = DeliveryLedger(database, record_chunk=4)
    with caplog.at_level(logging.INFO, logger="bot.storage.ledger"):
        record = await ledger.record_slot(
            nine_utc_slot(), subscriptions, available_brief_ids=[], choose=RULE, now=T0
        )
    assert len(record.skipped) == 15
    [line] = [r.getMessage() for r in caplog.records if r.name == "bot.storage.ledger"]
    assert (
        line
        == "slot 2026-05-01T09:00 (UTC): 15 channel(s) skipped, nothing to send (1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 5 more)"
    )


async def test_the_rule_is_asked_once_per_distinct_state_of_a_slot_and_its_answer_is_each_channels(
    database: Database,
) -> None:
    subscriptions = await subscribe(database, *range(1, 7), now=T0)
    stamp = to_db(T0)
    async with database.transaction() as connection:  # channels 1-3 have had b8; 4-6 nothing
        for channel_id in (1, 2, 3):
            delivery_id = await connection.fetchval(
                "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
                " brief_ids, created_at, updated_at) VALUES (?, 1, 'UTC', '2026-04-30T09:00', ?, ?, 'sent',"
                " '[\"b8\"]', ?, ?) RETURNING id",
                (channel_id, stamp, f"sent{channel_id}", stamp, stamp),
            )
            await connection.execute(
                "INSERT INTO delivered_briefs (channel_id, brief_id, delivery_id, delivered_at)"
                " VALUES (?, 'b8', ?, ?)",
                (channel_id, delivery_id, stamp),
            )
    asked: list[tuple[frozenset[str], frozenset[str]]] = []

    def counting_rule(available: Any, delivered: Any, reserved: Any, follows: Any) -> Any:
        asked.append((frozenset(delivered), frozenset(reserved)))
        return RULE(available, delivered, reserved, follows)

    ledger = DeliveryLedger(database, record_chunk=2)
    record = await ledger.record_slot(
        nine_utc_slot(), subscriptions, available_brief_ids=POOL, choose=counting_rule, now=T0
    )
    # Two states among six channels in three chunks: two questions, not six (nor one per state per chunk).
    assert sorted(asked, key=lambda state: sorted(state[0])) == [
        (frozenset(), frozenset()),
        (frozenset({"b8"}), frozenset()),
    ]
    assert sorted(record.pending) == [1, 2, 3, 4, 5, 6]
    briefs = {
        row.channel_id: row.brief_ids
        for c in range(1, 7)
        for row in await ledger.history(c)
        if row.slot_key == nine_utc_slot().key
    }
    assert {c: briefs[c] for c in (1, 2, 3)} == dict.fromkeys((1, 2, 3), ("b7", "b6"))
    assert {c: briefs[c] for c in (4, 5, 6)} == dict.fromkeys((4, 5, 6), ("b8", "b7"))
