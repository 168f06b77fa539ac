"""Recording writes compact rows (migration 0022): one group per decision of a slot and one narrow member row
per channel, nothing wide per subscription; a compact row is promoted to its full row when something is done
to it alone. Promotion is invisible: the same operations give the same answers whether every row is promoted
at once after recording (the former, all-full ledger) or left compact until touched. On both backends."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.delivery.contents import contents_rule
from bot.storage import Database, DeliveryLedger, SubscriptionRepository
from bot.storage._compact import promote_channels
from bot.storage._time import to_db
from bot.storage.alerts import AlertRepository
from bot.storage.ledger import CLAIM_WINDOW_SPARE, Delivery, make_nonce
from tests.conftest import BACKENDS, migrated_sqlite_file
from tests.helpers import nine_utc_slot, subscribe
from tests.unit.test_turn_equivalence import FORMER_CLAIMABLE, FORMER_DUE_IN_TURN, OWNER

T0 = datetime(2026, 4, 30, 12, 0, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> Iterator[tuple[str, str | None]]:
    """("sqlite", None) (a new file per example), or the session's shared PostgreSQL database and the
    statements that empty it (run before each example)."""
    if request.param == "sqlite":
        yield ("sqlite", None)
        return
    server = request.getfixturevalue("postgres_server")
    url, empty_it = asyncio.run(server.shared_database())
    yield (url, empty_it)


RULE = contents_rule(max_briefs=3, when_nothing_new="skip")


async def _count(database: Database, table: str) -> int:
    async with database.read() as connection:
        return int(await connection.fetchval(f"SELECT count(*) FROM {table}"))  # noqa: S608 - a constant


async def test_recording_a_slot_writes_no_wide_row_per_subscription(database: Database) -> None:
    """Failed first on main (5ee2e5b): 40 rows in `deliveries` for 40 subscriptions, pending or skipped."""
    channels = list(range(1, 41))
    subscriptions = await subscribe(database, *channels, now=T0)
    ledger = DeliveryLedger(database, record_chunk=7)
    record = await ledger.record_slot(
        nine_utc_slot(1), subscriptions, available_brief_ids=["b1"], choose=RULE, now=T0
    )
    assert sorted(record.pending) == channels
    assert await _count(database, "deliveries") == 0
    # The quiet day: nothing new for any channel (each has b1 pending): skipped, compact too.
    record = await ledger.record_slot(
        nine_utc_slot(2), subscriptions, available_brief_ids=["b1"], choose=RULE, now=T0
    )
    assert sorted(record.skipped) == channels
    assert await _count(database, "deliveries") == 0
    assert await _count(database, "delivery_members") == 80
    assert await _count(database, "delivery_groups") == 2  # one decision a slot, whatever the chunks
    # Read as rows all the same: counted, due, each with the nonce of its slot and channel.
    assert await ledger.count("pending") == 40 and await ledger.count("skipped") == 40
    due = await ledger.due(T0, limit=100)
    assert [row.channel_id for row in due] == channels
    slot = nine_utc_slot(1)
    assert all(row.nonce == make_nonce(slot.timezone, slot.key, row.channel_id) for row in due)
    assert all(row.created_at == T0 and row.brief_ids == ("b1",) for row in due)
    assert await _count(database, "deliveries") == 40  # handed out, promoted; the skipped stay compact
    assert await _count(database, "delivery_members") == 40


async def test_a_second_recorder_adds_nothing_to_a_compact_slot(database: Database) -> None:
    subscriptions = await subscribe(database, 1, 2, 3, now=T0)
    ledger = DeliveryLedger(database, record_chunk=2)
    await ledger.record_slot(nine_utc_slot(1), subscriptions, available_brief_ids=["b1"], choose=RULE, now=T0)
    [first] = await ledger.due(T0, limit=1)  # one promoted, two left compact
    again = await ledger.record_slot(
        nine_utc_slot(1), subscriptions, available_brief_ids=["b2", "b1"], choose=RULE, now=T0
    )
    assert sorted(again.already) == [1, 2, 3] and not again.pending and not again.skipped
    assert await ledger.count("pending") == 3
    assert first.channel_id == 1


async def test_the_reserved_briefs_of_compact_rows_keep_the_next_slot_from_repeating_them(
    database: Database,
) -> None:
    [sub] = await subscribe(database, 5, now=T0)
    ledger = DeliveryLedger(database)
    await ledger.record_slot(nine_utc_slot(1), [sub], available_brief_ids=["b1"], choose=RULE, now=T0)
    second = await ledger.record_slot(
        nine_utc_slot(2), [sub], available_brief_ids=["b2", "b1"], choose=RULE, now=T0
    )
    assert second.pending == [5]
    [one, two] = await ledger.due(T0, limit=10)
    assert (one.brief_ids, two.brief_ids) == (("b1",), ("b2",))
    # `/digest now` sees the compact rows' reservations too.
    assert (
        await ledger.record_manual(
            channel_id=5, guild_id=1, available_brief_ids=["b2", "b1"], choose=RULE, now=T0
        )
        is None
    )


async def test_unsubscribe_and_pause_cancel_compact_pending_rows(database: Database) -> None:
    subscriptions = await subscribe(database, 1, 2, 3, now=T0)
    ledger = DeliveryLedger(database)
    repository = SubscriptionRepository(database)
    await ledger.record_slot(nine_utc_slot(1), subscriptions, available_brief_ids=["b1"], choose=RULE, now=T0)
    assert await repository.unsubscribe(1, now=T0)
    assert await repository.pause(2, "TEST FIXTURE: a member asked", now=T0)
    [left] = await ledger.due(T0, limit=10)
    assert left.channel_id == 3
    [one] = await ledger.history(1)
    [two] = await ledger.history(2)
    assert (one.state, two.state) == ("cancelled", "cancelled")
    assert (one.pause_cause, two.pause_cause) == (None, "permissions")  # the repository's default cause


async def test_window_and_recorded_content_read_a_compact_row_by_its_nonce(database: Database) -> None:
    subscriptions = await subscribe(database, 10**17 + 5, now=T0)
    ledger = DeliveryLedger(database)
    slot = nine_utc_slot(1)
    await ledger.record_slot(
        slot,
        subscriptions,
        available_brief_ids=["b1"],
        choose=contents_rule(max_briefs=3, when_nothing_new="skip", versions={"b1": "v7"}),
        now=T0,
    )
    nonce = make_nonce(slot.timezone, slot.key, 10**17 + 5)
    window = await ledger.window(nonce)
    content = await ledger.recorded_content(nonce)
    assert window is not None and window.slot_at == slot.at and window.since is None
    assert content is not None and content.versions == {"b1": "v7"}
    assert await ledger.window(make_nonce(slot.timezone, slot.key, 10**17 + 6)) is None
    assert await _count(database, "deliveries") == 0  # read, not promoted


async def test_missed_and_paused_compact_rows_are_faults_of_their_slot(database: Database) -> None:
    subscriptions = await subscribe(database, 1, 2, now=T0)
    ledger = DeliveryLedger(database)
    alerts = AlertRepository(database)
    await alerts.set_channel(1, 500, by=7, now=T0)
    await SubscriptionRepository(database).pause(2, "TEST FIXTURE: refused", now=T0, cause="permissions")
    subscriptions = [s for c in (1, 2) if (s := await SubscriptionRepository(database).get(c)) is not None]
    await ledger.record_slot(
        nine_utc_slot(1), subscriptions, available_brief_ids=[], choose=RULE, now=T0, missed=True
    )
    [finished] = await alerts.finished_slots(since=T0 - timedelta(days=1))
    faults = await alerts.faults(finished)
    assert [(f.channel_id, f.state) for f in faults] == [(1, "missed"), (2, "skipped")]


# --- promotion is invisible -------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    kind: str  # "record", "claim", "send", "unsubscribe", "pause", "history", "manual"
    number: int


steps = st.lists(
    st.builds(
        Step,
        kind=st.sampled_from(
            ["record", "record", "claim", "send", "unsubscribe", "pause", "history", "manual"]
        ),
        number=st.integers(1, 6),
    ),
    min_size=1,
    max_size=14,
)
LIBRARY = [f"b{n}" for n in range(9, 0, -1)]


def _shown(row: Delivery) -> tuple[Any, ...]:
    """A row as a reader sees it, without its id (the two ledgers number their rows apart)."""
    return (
        row.channel_id,
        row.guild_id,
        row.slot_key,
        row.nonce,
        row.state,
        row.brief_ids,
        row.reason,
        row.pause_cause,
        row.next_attempt_at,
        row.created_at,
        row.message_id,
    )


async def _run(database: Database, plan: list[Step], *, eager: bool) -> list[Any]:
    """`plan` on `database`; `eager`: every row promoted at once after each recording (the former ledger)."""
    ledger = DeliveryLedger(database, record_chunk=3)
    repository = SubscriptionRepository(database)
    channels = list(range(1, 7))
    for channel in channels:
        await subscribe(database, channel, now=T0, guild_id=100 + channel % 3)
    seen: list[Any] = []
    day, claimed = 0, []
    for step in plan:
        now = datetime(2026, 5, 1 + day, 9, 0, tzinfo=UTC)
        if step.kind == "record":
            day += 1
            slot = nine_utc_slot(day)
            active = [s for s in [await repository.get(c) for c in channels] if s is not None and s.active]
            record = await ledger.record_slot(
                slot, active, available_brief_ids=LIBRARY[: step.number + day], choose=RULE, now=slot.at
            )
            seen.append(("record", sorted(record.pending), sorted(record.skipped), sorted(record.dropped)))
            if eager:
                async with database.transaction() as connection:
                    await promote_channels(connection, channels)
        elif step.kind == "claim":
            got = await ledger.claim_due(now, owner=OWNER, lease_for=timedelta(seconds=30), limit=step.number)
            claimed += got
            seen.append(("claim", [_shown(row) for row, _ in got]))
        elif step.kind == "send" and claimed:
            row, lease = claimed.pop(0)
            seen.append(
                ("send", await ledger.mark_sent(row.id, message_id=step.number, now=now, lease=lease))
            )
        elif step.kind == "unsubscribe":
            seen.append(("unsubscribe", await repository.unsubscribe(step.number, now=now)))
        elif step.kind == "pause":
            seen.append(("pause", await repository.pause(step.number, "TEST FIXTURE: paused", now=now)))
        elif step.kind == "history":
            seen.append(("history", [_shown(row) for row in await ledger.history(step.number)]))
        elif step.kind == "manual":
            made = await ledger.record_manual(
                channel_id=step.number,
                guild_id=1,
                available_brief_ids=LIBRARY,
                choose=RULE,
                now=now + timedelta(seconds=len(seen)),  # two at one instant would share a nonce
            )
            seen.append(("manual", None if made is None else made.brief_ids))
        seen.append(
            (
                {state: await ledger.count(state) for state in ("pending", "skipped", "cancelled", "sent")},
                await ledger.next_attempt_at(),
            )
        )
    for channel in channels:
        seen.append(("end", channel, [_shown(row) for row in await ledger.history(channel, limit=50)]))
    return seen


async def _both(target: tuple[str, str | None], plan: list[Step]) -> None:
    url, empty_it = target
    results = []
    for eager in (True, False):
        with tempfile.TemporaryDirectory() as folder:
            if url == "sqlite":
                path = Path(folder) / "briefbot.sqlite3"
                await migrated_sqlite_file(path)
                database = await Database.open(path)
            else:
                database = await Database.open(url)
                async with database.transaction() as connection:
                    assert empty_it is not None
                    await connection.execute(empty_it)
            try:
                results.append(await _run(database, plan, eager=eager))
            finally:
                await database.close()
    assert results[1] == results[0]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_compact_rows_read_and_change_as_full_rows_would(
    backend: tuple[str, str | None],
    plan: list[Step],
) -> None:
    asyncio.run(_both(backend, plan))


@pytest.mark.parametrize("limit", [1, 4, 9])
def test_the_turn_over_compact_rows_is_the_turn_over_the_same_rows_full(
    backend: tuple[str, str | None],
    limit: int,
) -> None:
    """Three servers' channels recorded compact over two slots beside full rows (a /digest now, a retry):
    `due_in_turn` and `claim_due` take, in order, the rows the former query takes of the same rows, all full
    (promoted in (slot, channel) order, after the rows that were full)."""
    asyncio.run(_turn_check(backend, limit))


async def _turn_check(target: tuple[str, str | None], limit: int) -> None:
    url, empty_it = target
    keys: list[list[tuple[int, str]]] = []
    for form in ("full", "compact", "compact-claim", "full-claim"):
        with tempfile.TemporaryDirectory() as folder:
            if url == "sqlite":
                path = Path(folder) / "briefbot.sqlite3"
                await migrated_sqlite_file(path)
                database = await Database.open(path)
            else:
                database = await Database.open(url)
                async with database.transaction() as connection:
                    assert empty_it is not None
                    await connection.execute(empty_it)
            try:
                ledger = DeliveryLedger(database, record_chunk=4)
                subs = []
                for channel in range(1, 13):
                    subs += await subscribe(database, channel, now=T0, guild_id=100 + channel % 3)
                await ledger.record_manual(
                    channel_id=7, guild_id=101, available_brief_ids=["b0"], choose=RULE, now=T0
                )
                for day in (1, 2):
                    slot = nine_utc_slot(day)
                    await ledger.record_slot(
                        slot, subs[day - 1 :], available_brief_ids=LIBRARY[: 2 + day], choose=RULE, now=T0
                    )
                    if form.startswith("full"):
                        async with database.transaction() as connection:
                            await promote_channels(connection, range(1, 13))
                now = datetime(2026, 5, 3, tzinfo=UTC)
                if form == "full":
                    async with database.read() as connection:
                        rows = await connection.fetch(FORMER_DUE_IN_TURN, {"now": to_db(now), "limit": limit})
                    keys.append([(int(r["channel_id"]), str(r["slot_key"])) for r in rows])
                elif form == "full-claim":
                    async with database.read() as connection:
                        rows = await connection.fetch(
                            FORMER_CLAIMABLE,
                            {
                                "now": to_db(now),
                                "owner": OWNER,
                                "limit": limit,
                                "window": limit + CLAIM_WINDOW_SPARE,
                            },
                        )
                    keys.append([(int(r["channel_id"]), str(r["slot_key"])) for r in rows])
                elif form == "compact":
                    taken = await ledger.due_in_turn(now, limit=limit)
                    keys.append([(row.channel_id, row.slot_key) for row in taken])
                else:
                    got = await ledger.claim_due(
                        now, owner=OWNER, lease_for=timedelta(seconds=30), limit=limit
                    )
                    keys.append([(row.channel_id, row.slot_key) for row, _ in got])
            finally:
                await database.close()
    full, compact, compact_claim, full_claim = keys
    assert compact == full and compact_claim == full_claim
    assert len(full) == limit
