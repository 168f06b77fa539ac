"""Recording chunks commit without waiting for the disk (synchronous=NORMAL), and that loses nothing that
matters: a chunk's rows and its channels' `recorded_through` are one transaction (a power loss undoes both,
so the slot is recorded again), and every send follows a FULL commit of its attempt, which makes the
recording before it durable too. Checked on the statements the connection really ran (SQLite's trace), with
the synchronous level each transaction committed at."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from bot.delivery.contents import contents_rule
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.pacing import Pacer
from bot.storage import Database, DeliveryLedger
from tests.helpers import FakeClock, nine_utc_slot, subscribe
from tests.unit.test_dispatcher import FakeDiscord
from tests.unit.test_record_chunks import transactions_with

pytestmark = pytest.mark.sqlite_only  # PRAGMA synchronous and SQLite's statement trace

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
RULE = contents_rule(max_briefs=2, when_nothing_new="skip")
BRIEFS = ["b3", "b2", "b1"]
_ATTEMPT_OF = re.compile(r"UPDATE deliveries SET attempt_started_at = .* WHERE id = (\d+)$", re.DOTALL)


@dataclass
class Committed:
    """One transaction as the trace shows it: its statements, the level it committed at, and where its
    COMMIT is in the trace."""

    statements: list[str] = field(default_factory=list)
    synchronous: str = "FULL"
    at: int = -1


class Trace:
    """Every statement the database's connection runs, in order (SQLite's trace, parameters expanded)."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    async def attach(self, database: Database) -> None:
        # The connection is the database's own: the test reads what it really executes.
        await database.backend.raw_connection.set_trace_callback(self.statements.append)

    def transactions(self) -> list[Committed]:
        """The committed transactions, each with the synchronous level in force when it committed."""
        level, current, done = "FULL", None, []
        for index, statement in enumerate(self.statements):
            pragma = re.fullmatch(r"PRAGMA synchronous=(\w+)", statement.strip())
            if pragma:
                level = pragma.group(1).upper()
            elif statement.startswith("BEGIN"):
                current = Committed()
            elif statement == "COMMIT" and current is not None:
                current.synchronous, current.at = level, index
                done.append(current)
                current = None
            elif current is not None:
                current.statements.append(statement)
        return done


def _channels_inserted(statements: list[str]) -> set[int]:
    """The channels whose rows `statements` insert: one row per statement (VALUES, the channel first), or a
    group of them made in SQLite from the channels' subscriptions (their ids as one JSON array)."""
    channels: set[int] = set()
    for statement in statements:
        one = re.match(r"INSERT INTO deliveries .*? VALUES \((\d+),", statement, re.DOTALL)
        group = re.search(r"json_each\('(\[[^']*\])'\)", statement)
        assert (one is None) != (group is None), statement
        channels.update(
            [int(one.group(1))] if one is not None else json.loads(group.group(1)) if group else []
        )
    return channels


async def _synchronous(database: Database) -> int:
    async with database.read() as connection:
        return int(await connection.fetchval("PRAGMA synchronous"))


async def test_a_non_durable_transaction_commits_at_normal_and_puts_full_back(database: Database) -> None:
    trace = Trace()
    await trace.attach(database)
    async with database.transaction(durable=False) as connection:
        await connection.execute("UPDATE delivery_states SET name = name")
    assert await _synchronous(database) == 2  # FULL again
    with pytest.raises(RuntimeError, match="midway"):
        async with database.transaction(durable=False):
            raise RuntimeError("midway")
    assert await _synchronous(database) == 2  # also after a rollback
    async with database.transaction() as connection:
        await connection.execute("UPDATE delivery_states SET name = name")
    assert [t.synchronous for t in trace.transactions()] == ["NORMAL", "FULL"]


async def test_a_recording_chunk_and_its_recorded_through_commit_together_at_normal(
    database: Database,
) -> None:
    subscriptions = await subscribe(database, *range(1, 6), now=T0)
    trace = Trace()
    await trace.attach(database)
    ledger = DeliveryLedger(database, record_chunk=2)
    await ledger.record_slot(nine_utc_slot(), subscriptions, available_brief_ids=BRIEFS, choose=RULE, now=T0)
    chunks = trace.transactions()
    assert len(chunks) == 3  # 2 + 2 + 1
    for chunk in chunks:
        assert chunk.synchronous == "NORMAL"
        inserted = [s for s in chunk.statements if s.startswith("INSERT INTO delivery_members")]
        advanced = [s for s in chunk.statements if "SET recorded_through" in s]
        # The chunk's rows and the mark saying its channels are recorded: lost together or kept together.
        assert inserted and len(advanced) == 1
        marked = re.search(r"json_each\('(\[[^']*\])'\)", advanced[0])
        assert marked is not None
        assert _channels_inserted(inserted) == set(json.loads(marked.group(1)))
    assert await _synchronous(database) == 2


async def test_every_send_follows_a_full_commit_of_its_attempt_even_between_recording_chunks(
    database: Database,
) -> None:
    subscriptions = await subscribe(database, *range(1, 5), now=T0)
    trace = Trace()
    await trace.attach(database)
    ledger = DeliveryLedger(database, record_chunk=2)
    sent_at: list[tuple[str, int]] = []  # (nonce, trace position when the request left)

    class TracedDiscord(FakeDiscord):
        async def send_digest(
            self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
        ) -> int:
            sent_at.append((nonce, len(trace.statements)))
            return await super().send_digest(channel_id, nonce, brief_ids)

    discord = TracedDiscord()
    dispatcher = Dispatcher(ledger, discord, pacer=Pacer(1_000_000.0), clock=FakeClock(T0))

    sent_before_chunk_2: list[int] = []

    async def send_between_chunks(n: int) -> None:
        if n == 2:  # chunk 1 committed at NORMAL; its digests go out before chunk 2 begins
            await dispatcher.run_until_idle()
            sent_before_chunk_2.append(len(sent_at))

    transactions_with(database, send_between_chunks)
    await ledger.record_slot(nine_utc_slot(), subscriptions, available_brief_ids=BRIEFS, choose=RULE, now=T0)
    await dispatcher.run_until_idle()
    assert sent_before_chunk_2 == [2] and len(sent_at) == 4

    nonces = {row.id: row.nonce for c in range(1, 5) for row in await ledger.history(c)}
    attempts = [
        (nonces[int(match.group(1))], transaction)
        for transaction in trace.transactions()
        for match in map(_ATTEMPT_OF.match, transaction.statements)
        if match
    ]
    for nonce, position in sent_at:
        before = [t for n, t in attempts if n == nonce and t.at < position]
        assert before, f"no attempt committed before the send of {nonce}"
        assert before[-1].synchronous == "FULL"
    # The first two were sent while the slot was half recorded, right after a NORMAL commit.
    assert trace.transactions()[0].synchronous == "NORMAL"
