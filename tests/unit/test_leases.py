"""Several processes on one ledger: each opens its own Database on the same file (as each process would), and
records, claims and writes outcomes through it. The sends themselves are in tests/e2e/test_digest_leases.py."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.delivery.contents import contents_rule
from bot.storage import Database, DeliveryLedger
from bot.storage import ledger as ledger_module
from bot.storage._time import to_db
from bot.storage.ledger import make_nonce
from bot.storage.postgresql import POOL_SIZE, ROW_TRANSACTIONS
from tests.conftest import BACKENDS
from tests.helpers import nine_utc_slot, subscribe
from tests.postgres import PostgresServer

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)
RULE = contents_rule(max_briefs=3, when_nothing_new="repeat-latest")


@pytest.fixture(params=BACKENDS)
async def two(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[DeliveryLedger, DeliveryLedger]]:
    """Two processes' ledgers on one SQLite file, or on one PostgreSQL database (two connections, as two
    processes have)."""
    if request.param == "sqlite":
        target: Path | str = tmp_path / "shared.sqlite3"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        target, empty_it = await server.shared_database()
        async with await Database.open(target) as emptied, emptied.transaction() as connection:
            await connection.execute(empty_it)
    async with await Database.open(target) as first, await Database.open(target) as second:
        yield DeliveryLedger(first), DeliveryLedger(second)


async def _record(ledger: DeliveryLedger, channels: range, *, key: str = "2026-05-01T09:00") -> None:
    """Pending rows of slot `key` for `channels`, as recording a slot leaves them (written directly: what is
    tested here is what comes after)."""
    stamp = to_db(T0)
    async with ledger._db.transaction() as connection:
        await connection.executemany(
            "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state, brief_ids,"
            " next_attempt_at, created_at, updated_at) VALUES (?, 1, 'UTC', ?, ?, ?, 'pending', '[\"b1\"]', ?, ?, ?)",
            [(c, key, stamp, make_nonce("UTC", key, c), stamp, stamp, stamp) for c in channels],
        )


async def test_two_processes_recording_one_slot_make_one_row_per_channel(
    two: tuple[DeliveryLedger, DeliveryLedger],
) -> None:
    first, second = two
    first.record_chunk = second.record_chunk = 7  # chunks of each interleave with the other's
    channels = range(1, 51)
    subscriptions = await subscribe(first._db, *channels, now=T0)
    both = await asyncio.gather(
        *(
            ledger.record_slot(
                nine_utc_slot(), subscriptions, available_brief_ids=["b1"], choose=RULE, now=T0
            )
            for ledger in two
        )
    )
    assert await first.count("pending") == 50
    assert sorted(both[0].pending + both[1].pending) == list(channels)  # each recorded by one of them
    assert sorted(both[0].already + both[1].already) == list(channels)  # and found there by the other
    again = await second.record_slot(
        nine_utc_slot(), subscriptions, available_brief_ids=["b1"], choose=RULE, now=T0
    )
    assert again.pending == [] and sorted(again.already) == list(channels)


async def test_two_processes_claim_different_channels_and_a_channel_once(
    two: tuple[DeliveryLedger, DeliveryLedger],
) -> None:
    first, second = two
    await _record(first, range(1, 11))
    await _record(first, range(1, 2), key="now 2026-05-01T09:00:00.000000")  # channel 1 has two rows due
    a = await first.claim_due(T0, owner="a", lease_for=LEASE, limit=4)
    b = await second.claim_due(T0, owner="b", lease_for=LEASE, limit=100)
    a_channels = [row.channel_id for row, _ in a]
    b_channels = [row.channel_id for row, _ in b]
    assert len(a_channels) == 4 and 1 in a_channels
    assert sorted(a_channels + b_channels) == list(range(1, 11))  # each channel once: not channel 1's 2nd row
    assert all(lease.token == 1 and lease.delivery_id == row.id for row, lease in a + b)
    assert await second.claim_due(T0, owner="b", lease_for=LEASE) == []  # every channel has a send in flight
    assert await first.claim_due(T0, owner="c", lease_for=LEASE) == []


async def test_a_lease_taken_over_refuses_the_stalled_owners_outcome(
    two: tuple[DeliveryLedger, DeliveryLedger], caplog: pytest.LogCaptureFixture
) -> None:
    first, second = two
    await _record(first, range(1, 2))
    [(row, stalled)] = await first.claim_due(T0, owner="a", lease_for=LEASE)
    assert await second.claim_due(T0 + LEASE - timedelta(seconds=1), owner="b", lease_for=LEASE) == []
    later = T0 + LEASE + timedelta(seconds=1)
    [(again, taken)] = await second.claim_due(later, owner="b", lease_for=LEASE)
    assert again.id == row.id and again.nonce == row.nonce and taken.token == stalled.token + 1
    with caplog.at_level(logging.WARNING, logger="bot.storage.leases"):
        assert not await first.mark_sent(row.id, message_id=77, now=later, lease=stalled)
        assert not await first.mark_retry(row.id, error="x", next_attempt_at=later, now=later, lease=stalled)
        assert await first.mark_dead(row.id, reason="x", now=later, lease=stalled) is None
        assert not await first.mark_held(row.id, reason="x", now=later, lease=stalled)
        assert not await first.mark_posted(row.id, message_id=77, now=later, lease=stalled)
    refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refused) == 5 and all("token now 2, held by b" in message for message in refused)
    still = await first.get(row.id)
    assert still is not None and still.state == "pending" and still.message_id is None  # nothing written
    assert await second.mark_sent(row.id, message_id=78, now=later, lease=taken)
    sent = await first.get(row.id)
    assert sent is not None and sent.state == "sent" and sent.message_id == 78
    assert await first.leases.live() == []  # the outcome ended the lease


async def test_a_renewed_lease_is_not_taken_over_and_a_process_never_takes_its_own(
    two: tuple[DeliveryLedger, DeliveryLedger],
) -> None:
    first, second = two
    await _record(first, range(1, 2))
    [(row, lease)] = await first.claim_due(T0, owner="a", lease_for=LEASE)
    assert await first.leases.renew("a", until=T0 + timedelta(seconds=50)) == {(row.id, lease.token)}
    assert await second.claim_due(T0 + timedelta(seconds=40), owner="b", lease_for=LEASE) == []
    # Its own clock moved on an hour: the owner still does not claim the row its send has in flight.
    assert await first.claim_due(T0 + timedelta(hours=1), owner="a", lease_for=LEASE) == []
    [(_, taken)] = await second.claim_due(T0 + timedelta(seconds=51), owner="b", lease_for=LEASE)
    assert await first.leases.renew("a", until=T0 + timedelta(minutes=5)) == set()  # lost: nothing renewed
    assert not await first.leases.held_now(lease) and await second.leases.held_now(taken)
    assert await first.leases.release([lease]) == 0  # letting a lost lease go leaves the new owner's
    [live] = await first.leases.live()
    assert (live.owner, live.token, live.delivery_id) == ("b", 2, row.id)
    assert await first.leases.next_expiry(other_than="a") == T0 + timedelta(seconds=81)


async def test_held_rows_are_claimed_one_channel_at_a_time_too(
    two: tuple[DeliveryLedger, DeliveryLedger],
) -> None:
    first, second = two
    await _record(first, range(1, 3))
    for row in await first.due(T0):
        assert await first.mark_held(row.id, reason="unknown", now=T0)
    [(held, lease)] = await first.claim_held_due(T0, owner="a", lease_for=LEASE, limit=1)
    [(other, _)] = await second.claim_held_due(T0, owner="b", lease_for=LEASE)
    assert other.channel_id != held.channel_id
    assert await first.release_held(held.id, now=T0, lease=lease) == "pending"
    assert await second.claim_due(T0, owner="b", lease_for=LEASE) == []  # "a" still looks at channel
    assert await first.leases.release([lease]) == 1
    [(pending, _)] = await second.claim_due(T0, owner="b", lease_for=LEASE)
    assert pending.id == held.id


async def test_renewing_waits_neither_behind_this_process_queue_nor_another_process_writing(
    postgres_server: PostgresServer,
) -> None:
    # A process sending 64 rows queues their reads and outcome writes on its connection turn, and every
    # other process's write takes the write lock: a renewal waiting behind them lets its leases lapse while
    # their sends are in flight (seen with 3 processes at a 3 s lease), and another process sends them again.
    url, empty_it = await postgres_server.shared_database()
    async with await Database.open(url) as first, await Database.open(url) as second:
        async with first.transaction() as connection:
            await connection.execute(empty_it)
        ledger = DeliveryLedger(first)
        await _record(ledger, range(1, 2))
        [(row, lease)] = await ledger.claim_due(T0, owner="a", lease_for=LEASE)
        busy, done = [asyncio.Event(), asyncio.Event()], asyncio.Event()

        async def hold(database: Database, *, write: bool) -> None:
            async with database.transaction() if write else database.read():
                busy[write].set()
                await done.wait()

        holders = [
            asyncio.create_task(hold(second, write=True)),  # another process writing
            asyncio.create_task(hold(first, write=False)),  # this process's queue, taken by a long turn
        ]
        try:
            await asyncio.gather(*(held.wait() for held in busy))
            renewed = await asyncio.wait_for(ledger.leases.renew("a", until=T0 + 2 * LEASE), timeout=5)
        finally:
            done.set()
            await asyncio.gather(*holders)
        assert renewed == {(row.id, lease.token)}
        [live] = await ledger.leases.live()
        assert live.expires_at == T0 + 2 * LEASE


async def test_a_slot_recorded_by_another_process_since_is_found_there_not_dropped(
    two: tuple[DeliveryLedger, DeliveryLedger], caplog: pytest.LogCaptureFixture
) -> None:
    # Each process reads the subscriptions, then records: one that read them before another process
    # recorded the slot and moved `recorded_through` on to its clock (as the scheduler does after a slot)
    # found every channel "unsubscribed or rescheduled meanwhile; no digest for them", though each had its row.
    first, second = two
    channels = range(1, 11)
    subscriptions = await subscribe(first._db, *channels, now=T0)
    recorded = await first.record_slot(
        nine_utc_slot(), subscriptions, available_brief_ids=["b1"], choose=RULE, now=T0
    )
    await first.advance_recorded_through(channels, T0 + timedelta(minutes=1))
    with caplog.at_level(logging.INFO, logger="bot.storage.ledger"):
        again = await second.record_slot(
            nine_utc_slot(), subscriptions, available_brief_ids=["b1"], choose=RULE, now=T0
        )
    assert sorted(recorded.pending) == list(channels) and await second.count("pending") == 10
    assert again.dropped == [] and sorted(again.already) == list(channels)
    assert not [r for r in caplog.records if "unsubscribed or rescheduled" in r.getMessage()]


# ----- PostgreSQL: claims, outcomes and renewals of different rows run at once, with no write lock ---------
# Every interleaving below is forced: one process's claim or outcome is stopped inside its transaction (its
# rows locked, nothing committed) while the other process works; a step that would wait for it is bounded
# by WAIT (a hang, not a timing: it fails when the other process waits at all for the stopped transaction).

WAIT = 10.0


@pytest.fixture
async def pg_two(postgres_server: PostgresServer) -> AsyncIterator[tuple[DeliveryLedger, DeliveryLedger]]:
    """Two processes' ledgers on one PostgreSQL database (two pools, as two processes have)."""
    url, empty_it = await postgres_server.shared_database()
    async with await Database.open(url) as first, await Database.open(url) as second:
        async with first.transaction() as connection:
            await connection.execute(empty_it)
        yield DeliveryLedger(first), DeliveryLedger(second)


class _Stop:
    """Stops the ledger's call of `name` (bot.storage.ledger's `take` or `fence`) made for `owner`, inside
    its transaction: before `take` (the claim's rows are locked, no lease taken yet) or after `fence` (the
    outcome's row and lease are locked, nothing committed), until `go` is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str, owner: str) -> None:
        real = getattr(ledger_module, name)
        self.reached, self.go = asyncio.Event(), asyncio.Event()

        async def stopped(*args: object, **kwargs: object) -> object:
            lease = args[1] if name == "fence" else None
            mine = kwargs.get("owner") == owner or getattr(lease, "owner", None) == owner
            if mine and name == "take":
                self.reached.set()
                await self.go.wait()
            result = await real(*args, **kwargs)
            if mine and name == "fence":
                self.reached.set()
                await self.go.wait()
            return result

        monkeypatch.setattr(ledger_module, name, stopped)


async def _waiting_on_a_lock(database: Database) -> None:
    """Until some connection of the test's database waits for a row lock (what another transaction holds)."""
    while True:
        row = await database.peek_row(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock'"
        )
        if row is not None and int(row["n"]) > 0:
            return
        await asyncio.sleep(0.01)


async def test_a_claim_outcome_and_renewal_never_wait_for_another_process_claim_in_progress(
    pg_two: tuple[DeliveryLedger, DeliveryLedger], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every write transaction took one database-wide advisory lock: a claim in one process held up every
    # claim, outcome and (but for renewals) lease write of every other process, and this process's reads.
    first, second = pg_two
    await _record(first, range(1, 11))
    stop = _Stop(monkeypatch, "take", owner="a")
    a = asyncio.create_task(first.claim_due(T0, owner="a", lease_for=LEASE, limit=4))
    try:
        await asyncio.wait_for(stop.reached.wait(), WAIT)  # "a" holds its 4 rows, its claim not committed
        b = await asyncio.wait_for(second.claim_due(T0, owner="b", lease_for=LEASE, limit=4), WAIT)
        assert len(b) == 4  # not the 4 "a" is claiming: the next ones along (its limit is met)
        [(row, lease), *_] = b
        await asyncio.wait_for(second.mark_attempt_started(row.id, now=T0), WAIT)
        assert await asyncio.wait_for(second.mark_sent(row.id, message_id=5, now=T0, lease=lease), WAIT)
        renewed = await asyncio.wait_for(second.leases.renew("b", until=T0 + 2 * LEASE), WAIT)
        assert renewed == {(other.id, taken.token) for other, taken in b[1:]}
        assert await asyncio.wait_for(second.leases.release([taken for _, taken in b[1:2]]), WAIT) == 1
    finally:
        stop.go.set()
    claimed = await a
    a_channels = {row.channel_id for row, _ in claimed}
    b_channels = {row.channel_id for row, _ in b}
    assert len(a_channels) == 4 and not a_channels & b_channels
    sent = await first.get(row.id)
    assert sent is not None and sent.state == "sent" and sent.message_id == 5


async def test_a_claim_taking_a_lapsed_lease_over_passes_the_row_whose_outcome_is_being_written(
    pg_two: tuple[DeliveryLedger, DeliveryLedger], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "a" stalled past its lease and writes the sent row now, while "b" claims: under the write lock one
    # waited for the other. Now "b" passes over the row "a" has locked, at once, and never sends it again.
    first, second = pg_two
    await _record(first, range(1, 3))
    [(row, stalled), (other, let_go)] = await first.claim_due(T0, owner="a", lease_for=LEASE)
    assert await first.leases.release([let_go]) == 1
    later = T0 + LEASE + timedelta(seconds=1)
    stop = _Stop(monkeypatch, "fence", owner="a")
    writing = asyncio.create_task(first.mark_sent(row.id, message_id=77, now=later, lease=stalled))
    try:
        await asyncio.wait_for(stop.reached.wait(), WAIT)  # its lease ended, the row not yet written sent
        claimed = await asyncio.wait_for(second.claim_due(later, owner="b", lease_for=LEASE), WAIT)
        assert [taken.channel_id for taken, _ in claimed] == [other.channel_id]
    finally:
        stop.go.set()
    assert await writing
    assert await second.claim_due(later, owner="c", lease_for=LEASE) == []
    sent = await second.get(row.id)
    assert sent is not None and sent.state == "sent" and sent.message_id == 77


async def test_an_outcome_waits_for_a_claim_taking_its_lapsed_lease_over_and_is_refused_not_deadlocked(
    pg_two: tuple[DeliveryLedger, DeliveryLedger], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "b"'s claim has locked the row (its lease not yet taken) when "a", whose lease lapsed, writes the row's
    # outcome: "a" locks the row before the lease, in the claim's order, so it waits for "b" and then finds
    # the lease taken over (locking the lease first deadlocked: each waited for the other's row).
    first, second = pg_two
    await _record(first, range(1, 2))
    [(row, stalled)] = await first.claim_due(T0, owner="a", lease_for=LEASE)
    later = T0 + LEASE + timedelta(seconds=1)
    stop = _Stop(monkeypatch, "take", owner="b")
    claim = asyncio.create_task(second.claim_due(later, owner="b", lease_for=LEASE))
    await asyncio.wait_for(stop.reached.wait(), WAIT)
    writing = asyncio.create_task(first.mark_sent(row.id, message_id=77, now=later, lease=stalled))
    await asyncio.wait_for(_waiting_on_a_lock(second._db), WAIT)  # "a" waits for the row "b" holds
    stop.go.set()
    [(again, taken)] = await asyncio.wait_for(claim, WAIT)
    assert not await asyncio.wait_for(writing, WAIT)  # refused: the row is "b"'s to send, with its nonce
    assert again.id == row.id and taken.token == stalled.token + 1
    pending = await first.get(row.id)
    assert pending is not None and pending.state == "pending" and pending.message_id is None


async def test_a_renewal_never_waits_for_a_connection_behind_a_burst_of_outcomes(
    pg_two: tuple[DeliveryLedger, DeliveryLedger],
) -> None:
    # Outcomes are row transactions, run at once: as many as the pool has connections (64 sends finishing)
    # left a lease renewal queued for one, and at a short lease the leases lapsed (cluster tests).
    first, _ = pg_two
    await _record(first, range(1, 2))
    [(row, lease)] = await first.claim_due(T0, owner="a", lease_for=LEASE)
    taken, done = asyncio.Event(), asyncio.Event()
    holding = 0

    async def hold() -> None:
        nonlocal holding
        async with first._db.row_transaction():
            holding += 1
            if holding == ROW_TRANSACTIONS:
                taken.set()
            await done.wait()

    burst = [asyncio.create_task(hold()) for _ in range(POOL_SIZE)]  # each asks for a connection at once
    try:
        await asyncio.wait_for(taken.wait(), WAIT)
        renewed = await asyncio.wait_for(first.leases.renew("a", until=T0 + 2 * LEASE), WAIT)
    finally:
        done.set()
        await asyncio.gather(*burst)
    assert renewed == {(row.id, lease.token)} and holding == POOL_SIZE


async def _beat(ledger: DeliveryLedger, identity: str, at: datetime) -> None:
    """`identity`'s heartbeat row, last written at `at` (as bot.delivery.heartbeat writes it)."""
    from bot.storage.processes import ProcessRecord, ProcessTable

    await ProcessTable(ledger._db).beat(ProcessRecord(identity, "host", 1, "test", "all", T0, at))


async def test_a_lease_of_a_process_whose_heartbeat_stopped_is_taken_over_before_it_expires(
    two: tuple[DeliveryLedger, DeliveryLedger], caplog: pytest.LogCaptureFixture
) -> None:
    first, second = two
    silent_after = timedelta(seconds=15)
    await _record(first, range(1, 4))
    await _beat(first, "a", T0)
    await _beat(first, "b", T0)
    claimed = await first.claim_due(T0, owner="a", lease_for=LEASE)  # a 30 s lease on each of 3 rows
    [(row, stalled), *_] = claimed
    await _beat(second, "b", T0 + timedelta(seconds=16))  # b beats on; a's heartbeat stopped at T0
    early = T0 + timedelta(seconds=10)  # a beat 10 s ago: alive, its leases hold
    assert await second.leases.end_silent(now=early, silent_after=silent_after, me="b") == 0
    assert await second.claim_due(early, owner="b", lease_for=LEASE) == []
    later = T0 + timedelta(seconds=16)  # silent for 16 s: gone (SIGKILL), its leases free at 14 s to go
    assert await second.leases.next_silence(other_than="b", silent_after=silent_after) == T0 + silent_after
    assert await first.leases.end_silent(now=later, silent_after=silent_after, me="a") == 0  # never its own
    assert await second.leases.end_silent(now=later, silent_after=silent_after, me="b") == 3
    taken = await second.claim_due(later, owner="b", lease_for=LEASE)
    assert sorted(r.id for r, _ in taken) == sorted(r.id for r, _ in claimed)
    [again] = [lease for r, lease in taken if r.id == row.id]
    assert again.token == stalled.token + 1
    # Stalled, not dead after all: the fencing token keeps it from recording over the process that took over.
    with caplog.at_level(logging.WARNING, logger="bot.storage.leases"):
        assert not await first.mark_sent(row.id, message_id=77, now=later, lease=stalled)
    assert await first.leases.renew("a", until=later + LEASE) == set()
    assert await second.mark_sent(row.id, message_id=78, now=later, lease=again)


async def test_a_silent_owner_that_beats_again_before_the_takeover_keeps_its_leases_and_one_without_a_row_waits(
    two: tuple[DeliveryLedger, DeliveryLedger],
) -> None:
    first, second = two
    silent_after = timedelta(seconds=15)
    await _record(first, range(1, 3))
    await _beat(first, "a", T0)
    [(_, kept), (_, unlisted)] = await first.claim_due(T0, owner="a", lease_for=LEASE, limit=2)
    async with first._db.transaction() as connection:  # the second row's owner never wrote a heartbeat
        await connection.execute(
            "UPDATE send_leases SET owner = 'x' WHERE channel_id = ?", (unlisted.channel_id,)
        )
    await _beat(first, "a", T0 + timedelta(seconds=20))  # late (a stalled loop), but alive: it renews
    assert await first.leases.renew("a", until=T0 + timedelta(seconds=50)) == {(kept.delivery_id, 1)}
    later = T0 + timedelta(seconds=25)
    assert await second.leases.end_silent(now=later, silent_after=silent_after, me="b") == 0
    assert await second.claim_due(later, owner="b", lease_for=LEASE) == []
    # Without a heartbeat row nothing says the owner is gone: its lease holds until it expires.
    [(row, lease)] = await second.claim_due(T0 + LEASE, owner="b", lease_for=LEASE)
    assert row.channel_id == unlisted.channel_id and lease.token == unlisted.token + 1
    assert kept.token == 1
