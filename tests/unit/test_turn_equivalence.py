"""The turn read per server (each server's first few heads) gives exactly the rows the former query gave by
ranking every due row: the same rows in the same order for `due_in_turn`, and the same rows claimed by
`claim_due`, over generated sets of pending, sent, backing-off and clock-set-back rows in several servers,
with leases in force, lapsed, and the claimer's own. On both backends. The former query is kept here as the
reference."""

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

from bot.storage import Database, DeliveryLedger
from bot.storage._rows import Columns
from bot.storage._time import to_db
from bot.storage.ledger import CLAIM_WINDOW_SPARE, Delivery
from tests.conftest import BACKENDS, migrated_sqlite_file

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
OWNER = "me"
_NAMES = Columns(Delivery).names
_SENDING = (
    "EXISTS (SELECT 1 FROM send_leases AS l WHERE l.channel_id = p.channel_id AND l.delivery_id IS NOT NULL"
    " AND (l.expires_at > :now OR l.owner = :owner))"
)


def _former_turn(heads_also: str = "", still: str = "", *, window: str = ":limit", last: str = "") -> str:
    """The query of bot.storage.ledger before the turn was read per server (main at 0dc51df), verbatim but
    for the order of one server's heads of one slot: by channel, then id (was: by id), since compact rows
    (migration 0022) have no id until promoted."""
    return (
        "WITH heads AS (SELECT id, guild_id, slot_at, channel_id FROM deliveries AS p"  # noqa: S608 - constant columns
        " WHERE state = 'pending' AND (next_attempt_at <= :now OR updated_at > :now)"
        f"{heads_also}"
        " AND NOT EXISTS (SELECT 1 FROM deliveries AS q WHERE q.channel_id = p.channel_id"
        " AND q.state = 'pending' AND (q.slot_at < p.slot_at OR (q.slot_at = p.slot_at AND q.id < p.id))"
        " AND (q.next_attempt_at <= :now OR q.updated_at > :now))),"
        " ranked AS (SELECT id, slot_at, channel_id,"
        " row_number() OVER (PARTITION BY guild_id ORDER BY slot_at, channel_id, id) AS in_guild FROM heads),"
        " taken AS (SELECT id AS taken_id, slot_at AS taken_at, channel_id AS taken_channel, in_guild FROM ranked"
        f" ORDER BY in_guild, slot_at, channel_id, id LIMIT {window})"
        f" SELECT {_NAMES} FROM taken JOIN deliveries ON deliveries.id = taken.taken_id"
        f"{still} ORDER BY in_guild, taken_at, taken_channel, taken_id{last}"
    )


FORMER_DUE_IN_TURN = _former_turn()
FORMER_CLAIMABLE = _former_turn(
    f" AND NOT {_SENDING}",
    " WHERE deliveries.state = 'pending'"
    " AND (deliveries.next_attempt_at <= :now OR deliveries.updated_at > :now)",
    window=":window",
    last=" LIMIT :limit",
)


@dataclass(frozen=True)
class Row:
    channel: int
    day: int  # of the slot, in May
    when: str  # "due", "later" (backing off), "set back" (written after now: the clock went back)
    state: str


@dataclass(frozen=True)
class Case:
    servers: list[int]  # per channel 1..n
    rows: list[Row]
    leases: dict[int, str]  # channel -> "live", "lapsed", "own lapsed", "own live", "free"
    limit: int


cases = st.integers(min_value=1, max_value=7).flatmap(
    lambda n: st.builds(
        Case,
        servers=st.lists(st.sampled_from([100, 200, 300, 400]), min_size=n, max_size=n),
        rows=st.lists(
            st.builds(
                Row,
                channel=st.integers(1, n),
                day=st.integers(1, 3),
                when=st.sampled_from(["due", "due", "later", "set back"]),
                state=st.sampled_from(["pending", "pending", "pending", "sent"]),
            ),
            max_size=16,
        ),
        leases=st.dictionaries(
            st.integers(1, n), st.sampled_from(["live", "lapsed", "own lapsed", "own live", "free"])
        ),
        limit=st.integers(1, 9),
    )
)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> Iterator[tuple[str, str | None]]:
    """The backend's target: ("sqlite", None) (a new file per example), or the session's shared PostgreSQL
    database and the statements that empty it (run before each example)."""
    if request.param == "sqlite":
        yield ("sqlite", None)
        return
    server = request.getfixturevalue("postgres_server")
    url, empty_it = asyncio.run(server.shared_database())
    yield (url, empty_it)


async def _seed(database: Database, case: Case) -> None:
    async with database.transaction() as connection:
        for number, row in enumerate(case.rows, start=1):
            slot = to_db(datetime(2026, 5, row.day, 9, 0, tzinfo=UTC))
            next_at = {"due": NOW - timedelta(minutes=1), "later": NOW + timedelta(minutes=5)}.get(row.when)
            updated = NOW + timedelta(hours=1) if row.when == "set back" else NOW - timedelta(hours=1)
            await connection.execute(
                "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
                " brief_ids, next_attempt_at, created_at, updated_at) VALUES (?, ?, 'UTC', ?, ?, ?, ?, '[]',"
                " ?, ?, ?)",
                (
                    row.channel,
                    case.servers[row.channel - 1],
                    f"k{number}",
                    slot,
                    f"n{number}",
                    row.state,
                    to_db(next_at if next_at is not None else NOW + timedelta(days=1)),
                    to_db(NOW - timedelta(days=1)),
                    to_db(updated),
                ),
            )
        for channel, kind in case.leases.items():
            owner = OWNER if kind.startswith("own") else "other"
            expires = NOW + timedelta(seconds=30) if kind.endswith("live") else NOW - timedelta(seconds=1)
            delivery = None if kind == "free" else 1_000_000 + channel
            await connection.execute(
                "INSERT INTO send_leases (channel_id, delivery_id, owner, token, claimed_at, expires_at)"
                " VALUES (?, ?, ?, 1, ?, ?)",
                (channel, delivery, owner, to_db(NOW - timedelta(minutes=1)), to_db(expires)),
            )


async def _check(target: tuple[str, str | None], case: Case) -> None:
    url, empty_it = target
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
            await _seed(database, case)
            ledger = DeliveryLedger(database)
            stamp = to_db(NOW)
            async with database.read() as connection:
                former: list[Any] = await connection.fetch(
                    FORMER_DUE_IN_TURN, {"now": stamp, "limit": case.limit}
                )
                former_claim: list[Any] = await connection.fetch(
                    FORMER_CLAIMABLE,
                    {
                        "now": stamp,
                        "owner": OWNER,
                        "limit": case.limit,
                        "window": case.limit + CLAIM_WINDOW_SPARE,
                    },
                )
            taken = await ledger.due_in_turn(NOW, limit=case.limit)
            assert [row.id for row in taken] == [int(row["id"]) for row in former]
            claimed = await ledger.claim_due(
                NOW, owner=OWNER, lease_for=timedelta(seconds=30), limit=case.limit
            )
            assert [row.id for row, _ in claimed] == [int(row["id"]) for row in former_claim]
        finally:
            await database.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases)
def test_the_turn_read_per_server_is_the_turn_ranked_over_every_due_row(
    backend: tuple[str, str | None], case: Case
) -> None:
    asyncio.run(_check(backend, case))


def test_a_server_with_many_heads_does_not_crowd_out_the_others_beyond_the_first_share() -> None:
    """Reading more than a share when a server's heads run out: 1 server with 1 head and 1 with 9, limit 6:
    per_guild starts at 3, the first server is exhausted, the second is read again with 6."""
    case = Case(
        servers=[100] + [200] * 9,
        rows=[Row(channel=c, day=1, when="due", state="pending") for c in range(1, 11)],
        leases={},
        limit=6,
    )
    with tempfile.TemporaryDirectory():
        asyncio.run(_check(("sqlite", None), case))


async def _claim_work(path: Path, due_rows: int) -> tuple[int, int]:
    """SQLite virtual-machine steps (in hundreds) of `due_in_turn` and of `claim_due`, 10 rows each, with
    `due_rows` due rows in two servers, one channel each."""
    await migrated_sqlite_file(path)
    database = await Database.open(path)
    try:
        servers = [100, 200] * (due_rows // 2)
        await _seed(
            database,
            Case(
                servers=servers,
                rows=[Row(channel=c, day=1, when="due", state="pending") for c in range(1, due_rows + 1)],
                leases={},
                limit=10,
            ),
        )
        ledger = DeliveryLedger(database)
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0  # go on

        raw = database.backend.raw_connection  # type: ignore[attr-defined]
        await raw.set_progress_handler(count, 100)
        assert len(await ledger.due_in_turn(NOW, limit=10)) == 10
        read = steps[0]
        assert len(await ledger.claim_due(NOW, owner=OWNER, lease_for=timedelta(seconds=30), limit=10)) == 10
        await raw.set_progress_handler(None, 100)
        return read, steps[0] - read
    finally:
        await database.close()


def test_a_claims_work_does_not_grow_with_the_due_rows(tmp_path: Path) -> None:
    """Counted in SQLite's virtual-machine steps, which load does not change (no timing): ten times the due
    rows in the same two servers cost a claim of ten rows about the same. Ranking every due row (the former
    query) cost each claim in proportion to them: 335 ms at 100,000 (bench/record.py)."""
    small = asyncio.run(_claim_work(tmp_path / "small.sqlite3", 300))
    large = asyncio.run(_claim_work(tmp_path / "large.sqlite3", 3000))
    assert large[0] < 2 * small[0] and large[1] < 2 * small[1], (small, large)
