"""Fairness of the fan-out: one busy channel or one huge server cannot hold back another server's digest.

The dispatcher is driven against a real SQLite ledger and a fake sender that notes the order of sends; the
pacer grants at once, so the order is the dispatcher's and nothing waits on real time. A channel's rows
starve others once they outnumber a dispatch batch: the tests use a batch of 20 (the bot's is 200) to keep the
database work small; the mechanism is the same.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.delivery.contents import contents_rule
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.pacing import Pacer
from bot.storage import Database, DeliveryLedger
from tests.helpers import FakeClock, nine_utc_slot, subscribe

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
BATCH = 20
BRIEFS = ["b3", "b2", "b1"]
RULE = contents_rule(max_briefs=3, when_nothing_new="repeat-latest")


class OrderedSender:
    """Notes each send's channel in order. With `hang_after`, sends after that many never answer (so a test
    can look at the order in which the first ones were taken without draining everything)."""

    def __init__(self, hang_after: int | None = None) -> None:
        self.channels: list[int] = []
        self.hang_after = hang_after
        self.enough = asyncio.Event()

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        self.channels.append(channel_id)
        if self.hang_after is not None and len(self.channels) >= self.hang_after:
            self.enough.set()
            await asyncio.Event().wait()
        await asyncio.sleep(0)
        return 10_000 + len(self.channels)

    async def find_posted_digest(
        self, channel_id: int, brief_ids: Sequence[str], after_message_id: int | None
    ) -> int | None:
        return None


async def _many_digest_now_rows(
    ledger: DeliveryLedger, channel_id: int, guild_id: int, count: int, *, minutes_before: float = 5
) -> None:
    """`count` rows asked for by hand (`/digest now`), a microsecond apart, before the 09:00 slot."""
    asked = FakeClock(T0 - timedelta(minutes=minutes_before))
    for _ in range(count):
        row = await ledger.record_manual(
            channel_id=channel_id,
            guild_id=guild_id,
            available_brief_ids=BRIEFS,
            choose=RULE,
            now=asked.advance(microseconds=1),
        )
        assert row is not None


async def test_many_digest_now_rows_in_one_channel_do_not_hold_back_another_servers_slot(
    database: Database,
) -> None:
    ledger = DeliveryLedger(database)
    busy_channel, quiet_channel = 11, 21
    await subscribe(database, busy_channel, now=T0 - timedelta(hours=1), guild_id=1)
    await _many_digest_now_rows(ledger, busy_channel, guild_id=1, count=30)
    quiet = await subscribe(database, quiet_channel, now=T0 - timedelta(hours=1), guild_id=2)
    await ledger.record_slot(nine_utc_slot(), quiet, available_brief_ids=BRIEFS, choose=RULE, now=T0)

    sender = OrderedSender()
    dispatcher = Dispatcher(ledger, sender, pacer=Pacer(1_000_000.0), clock=FakeClock(T0), batch_size=BATCH)
    await dispatcher.run_until_idle()

    assert len(sender.channels) == 31  # everything was sent, once
    # The other server's scheduled digest goes out with the busy channel's first row, not after 30 of them.
    assert quiet_channel in sender.channels[:2]


async def test_a_server_with_a_thousand_channels_does_not_hold_back_another_server(
    database: Database,
) -> None:
    ledger = DeliveryLedger(database)
    big = await subscribe(database, *range(1_000, 2_000), now=T0 - timedelta(hours=1), guild_id=1)
    small = await subscribe(database, 5_000, now=T0 - timedelta(hours=1), guild_id=2)
    # The same slot for both servers; the big server's rows come first in the ledger.
    await ledger.record_slot(nine_utc_slot(), big + small, available_brief_ids=BRIEFS, choose=RULE, now=T0)

    # Two sends in flight, so the first claim takes two rows: which two is the claim's fairness, and the order
    # the sends then start in is not (on PostgreSQL each send's reads race one another: a run under load had
    # the small server third).
    sender = OrderedSender(hang_after=8)
    dispatcher = Dispatcher(ledger, sender, pacer=Pacer(1_000_000.0), clock=FakeClock(T0), max_in_flight=2)
    await dispatcher.start()
    try:
        await asyncio.wait_for(sender.enough.wait(), timeout=30)
    finally:
        await dispatcher.stop(grace_seconds=0)

    assert 5_000 in sender.channels[:2]
    assert len(set(sender.channels)) == len(sender.channels)  # one send per channel at a time


async def test_channels_of_one_server_take_turns(database: Database) -> None:
    ledger = DeliveryLedger(database)
    busy_channel, other_channel = 11, 12
    await subscribe(database, busy_channel, other_channel, now=T0 - timedelta(hours=1), guild_id=1)
    await _many_digest_now_rows(ledger, busy_channel, guild_id=1, count=30)
    await _many_digest_now_rows(ledger, other_channel, guild_id=1, count=1, minutes_before=1)

    sender = OrderedSender()
    dispatcher = Dispatcher(ledger, sender, pacer=Pacer(1_000_000.0), clock=FakeClock(T0), batch_size=BATCH)
    await dispatcher.run_until_idle()

    assert sorted(sender.channels) == [busy_channel] * 30 + [other_channel]
    assert other_channel in sender.channels[:2]


async def test_due_in_turn_takes_each_channels_oldest_row_round_robin_by_server(database: Database) -> None:
    ledger = DeliveryLedger(database)
    first_server = await subscribe(database, 1, 2, now=T0 - timedelta(days=1), guild_id=100)
    second_server = await subscribe(database, 3, now=T0 - timedelta(days=1), guild_id=200)
    await ledger.record_slot(nine_utc_slot(1), first_server, available_brief_ids=BRIEFS, choose=RULE, now=T0)
    await ledger.record_slot(
        nine_utc_slot(2), first_server + second_server, available_brief_ids=BRIEFS, choose=RULE, now=T0
    )

    taken = [(row.guild_id, row.channel_id, row.slot_key) for row in await ledger.due_in_turn(T0)]

    assert taken == [
        (100, 1, "2026-05-01T09:00"),  # each server's first channel, oldest slot first
        (200, 3, "2026-05-02T09:00"),
        (100, 2, "2026-05-01T09:00"),  # then each server's second channel
    ]
    assert len(await ledger.due(T0)) == 5  # `due` still lists every due row
    assert [row.channel_id for row in await ledger.due_in_turn(T0, limit=2)] == [1, 3]


@dataclass(frozen=True)
class DueCase:
    servers: list[int]  # per channel (channels 1..n): its server
    slots: list[list[int]]  # per channel: the days of May it has a row for
    backing_off: frozenset[tuple[int, int]]  # (channel, day) rows retried later than now
    limit: int


due_cases = st.integers(min_value=1, max_value=6).flatmap(
    lambda n: st.builds(
        DueCase,
        servers=st.lists(st.sampled_from([100, 200, 300]), min_size=n, max_size=n),
        slots=st.lists(
            st.lists(st.integers(1, 3), min_size=1, max_size=3, unique=True), min_size=n, max_size=n
        ),
        backing_off=st.frozensets(st.tuples(st.integers(1, n), st.integers(1, 3))),
        limit=st.integers(1, 8),
    )
)


@settings(max_examples=25, deadline=None)
@given(case=due_cases)
def test_due_in_turn_is_each_channels_oldest_due_row_dealt_round_robin_by_server(case: DueCase) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_check_due_in_turn(Path(folder) / "briefbot.sqlite3", case))


async def _check_due_in_turn(path: Path, case: DueCase) -> None:
    database = await Database.open(path)
    try:
        ledger = DeliveryLedger(database)
        now = T0 + timedelta(days=3)
        for channel_id, (server, days) in enumerate(zip(case.servers, case.slots, strict=True), start=1):
            [subscription] = await subscribe(
                database, channel_id, now=T0 - timedelta(days=1), guild_id=server
            )
            for day in days:
                await ledger.record_slot(
                    nine_utc_slot(day), [subscription], available_brief_ids=BRIEFS, choose=RULE, now=T0
                )
        rows = [
            row for channel_id in range(1, len(case.servers) + 1) for row in await ledger.history(channel_id)
        ]
        for row in rows:
            if (row.channel_id, row.slot_at.day) in case.backing_off:
                await ledger.mark_retry(
                    row.id, error="502", next_attempt_at=now + timedelta(minutes=5), now=T0
                )
        # The model: a channel's head is its oldest due row; heads are dealt one per server per round.
        due = [row for row in rows if (row.channel_id, row.slot_at.day) not in case.backing_off]
        heads = [
            min((r for r in due if r.channel_id == channel), key=lambda r: (r.slot_at, r.id))
            for channel in sorted({r.channel_id for r in due})
        ]
        in_guild: dict[int, int] = {}
        for head in sorted(heads, key=lambda r: (r.guild_id, r.slot_at, r.id)):
            in_guild[head.id] = (
                sum(1 for other in heads if other.guild_id == head.guild_id and other.id in in_guild) + 1
            )
        expected = sorted(heads, key=lambda r: (in_guild[r.id], r.slot_at, r.id))[: case.limit]
        taken = await ledger.due_in_turn(now, limit=case.limit)
        assert [r.id for r in taken] == [r.id for r in expected]
    finally:
        await database.close()
