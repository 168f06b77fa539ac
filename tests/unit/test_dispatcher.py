"""The dispatcher against a real SQLite ledger and a fake Sender that behaves like Discord's nonce dedup."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.delivery.contents import contents_rule
from bot.delivery.dispatcher import Dispatcher, RetryPolicy
from bot.delivery.pacing import Pacer
from bot.delivery.sender_protocol import (
    PermanentDeliveryError,
    PostedMessage,
    RateLimitedError,
    TransientDeliveryError,
)
from bot.storage import Database, DeliveryLedger, SubscriptionRepository
from bot.storage.database import load_migrations
from tests.helpers import FakeClock, nine_utc_slot, subscribe
from tests.postgres import PostgresServer

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
BRIEFS = ["b3", "b2", "b1"]


@dataclass(frozen=True)
class Posted:
    id: int
    channel_id: int
    brief_ids: tuple[str, ...]
    nonce: str
    created_at: datetime


class FakeDiscord:
    """Posts messages; a repeated nonce returns the original message, as Discord's enforce_nonce does."""

    def __init__(self) -> None:
        self.messages: dict[str, Posted] = {}  # by nonce (once Discord forgot it: by nonce and id)
        self.calls: list[tuple[int, str]] = []
        self.lookups: list[int] = []  # channels looked at before a late resend (one per search)
        self.pages: list[tuple[int, datetime | int]] = []
        self.clock: Callable[[], datetime] = lambda: T0  # Discord's clock, for new messages' snowflakes
        self.posted = asyncio.Event()
        self.failures: dict[int, list[Exception]] = {}  # channel -> errors to raise, in order
        self.in_flight: dict[int, int] = {}
        self.peak_per_channel = 0
        self.peak_total = 0
        # When set, every send waits until this many sends have been in flight at once: a dispatcher that
        # waited for each send before the next would never get there (and the test's timeout says so).
        self.rendezvous: int | None = None
        self.rendezvous_reached = asyncio.Event()

    def per_channel_messages(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for posted in self.messages.values():
            counts[posted.channel_id] = counts.get(posted.channel_id, 0) + 1
        return counts

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        self.calls.append((channel_id, nonce))
        self.in_flight[channel_id] = self.in_flight.get(channel_id, 0) + 1
        self.peak_per_channel = max(self.peak_per_channel, self.in_flight[channel_id])
        self.peak_total = max(self.peak_total, sum(self.in_flight.values()))
        try:
            if self.rendezvous is not None:
                if self.peak_total >= self.rendezvous:
                    self.rendezvous_reached.set()
                await self.rendezvous_reached.wait()
            await asyncio.sleep(0)
            queued = self.failures.get(channel_id)
            if queued:
                raise queued.pop(0)
            return self.post(channel_id, nonce, brief_ids)
        finally:
            self.in_flight[channel_id] -= 1

    async def history_after(
        self, channel_id: int, after: datetime | int, *, limit: int
    ) -> Sequence[PostedMessage]:
        if isinstance(after, datetime):
            self.lookups.append(channel_id)
        self.pages.append((channel_id, after))
        found = sorted(
            (
                posted
                for posted in self.messages.values()
                if posted.channel_id == channel_id
                and (posted.created_at > after if isinstance(after, datetime) else posted.id > after)
            ),
            key=lambda posted: posted.id,
        )
        return [
            PostedMessage(p.id, p.created_at, by_bot=True, markers=frozenset({p.nonce}))
            for p in found[:limit]
        ]

    async def can_read_history(self, channel_id: int) -> bool | None:
        return True

    def post(self, channel_id: int, nonce: str, brief_ids: Sequence[str]) -> int:
        self.posted.set()
        if nonce not in self.messages:
            self.messages[nonce] = self.new_message(channel_id, nonce, brief_ids)
        return self.messages[nonce].id

    def new_message(self, channel_id: int, nonce: str, brief_ids: Sequence[str]) -> Posted:
        return Posted(len(self.messages) + 1000, channel_id, tuple(brief_ids), nonce, self.clock())


class CrashingDiscord(FakeDiscord):
    """Posts the first `complete` messages normally; later ones are posted but the answer never comes back
    (the bot dies mid-request)."""

    def __init__(self, complete: int) -> None:
        super().__init__()
        self.complete = complete
        self.hung = 0
        self.all_hung = asyncio.Event()
        self.hang_target = 4

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        if len(self.messages) < self.complete:
            return await super().send_digest(channel_id, nonce, brief_ids)
        self.calls.append((channel_id, nonce))
        self.post(channel_id, nonce, brief_ids)
        self.hung += 1
        if self.hung == self.hang_target:
            self.all_hung.set()
        await asyncio.Event().wait()  # never answers
        raise AssertionError("unreachable")


def elapsed(clock: FakeClock) -> Callable[[], float]:
    """A monotonic clock that runs with `clock` (no wall-clock change in the test)."""
    return lambda: (clock.now - T0).total_seconds()


def fast_pacer() -> Pacer:
    return Pacer(1_000_000.0)


async def _record(database: Database, channels: Sequence[int], days: Sequence[int] = (1,)) -> None:
    subs = await subscribe(database, *channels, now=T0)
    ledger = DeliveryLedger(database)
    for day in days:
        await ledger.record_slot(
            nine_utc_slot(day),
            subs,
            available_brief_ids=BRIEFS,
            choose=contents_rule(max_briefs=3, when_nothing_new="repeat-latest"),
            now=T0,
        )


async def test_every_pending_row_is_sent_once(database: Database) -> None:
    await _record(database, range(1, 51))
    discord = FakeDiscord()
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=FakeClock(T0))
    await dispatcher.run_until_idle()
    assert discord.per_channel_messages() == {c: 1 for c in range(1, 51)}
    assert len(discord.calls) == 50 and dispatcher.stats.sent == 50
    assert await ledger.count("pending") == 0 and await ledger.count("sent") == 50
    assert await ledger.delivered_brief_ids(7) == set(BRIEFS)
    await dispatcher.run_until_idle()
    assert len(discord.calls) == 50  # nothing is sent twice


async def test_one_send_in_flight_per_channel_and_its_slots_in_order(database: Database) -> None:
    await _record(database, [1, 2], days=[1, 2, 3])
    discord = FakeDiscord()
    dispatcher = Dispatcher(DeliveryLedger(database), discord, pacer=fast_pacer(), clock=FakeClock(T0))
    await dispatcher.run_until_idle()
    assert discord.peak_per_channel == 1
    assert len(discord.messages) == 6
    sent = await DeliveryLedger(database).history(1)
    assert [row.state for row in sent] == ["sent"] * 3
    # One at a time per channel, oldest slot first: message ids rise with the slot.
    in_posting_order = sorted(sent, key=lambda row: row.message_id or 0)
    assert [row.slot_key[:10] for row in in_posting_order] == ["2026-05-01", "2026-05-02", "2026-05-03"]


async def test_restart_mid_fan_out_resends_pending_rows_with_the_same_nonce(tmp_path: Path) -> None:
    path = tmp_path / "briefbot.sqlite3"
    database = await Database.open(path)
    await _record(database, range(1, 21))
    crashing = CrashingDiscord(complete=8)
    first = Dispatcher(
        DeliveryLedger(database), crashing, pacer=fast_pacer(), clock=FakeClock(T0), max_in_flight=4
    )
    await first.start()
    await asyncio.wait_for(crashing.all_hung.wait(), timeout=5)  # four requests hang (max_in_flight)
    assert await first.stop(grace_seconds=0) == 4  # the "crash": in-flight answers are lost
    await database.close()
    hung = {nonce for channel, nonce in crashing.calls[8:]}

    database = await Database.open(path)
    ledger = DeliveryLedger(database)
    pending = await ledger.due(T0)
    assert len(pending) == 12 and hung <= {row.nonce for row in pending}
    # The same Discord (it kept the messages posted by the hung requests) sees the new process resend.
    second = Dispatcher(ledger, crashing, pacer=fast_pacer(), clock=FakeClock(T0))
    crashing.complete = 10_000
    await second.run_until_idle()
    resent = {nonce for _, nonce in crashing.calls[12:]}
    assert hung <= resent  # same nonce as before the crash...
    assert crashing.per_channel_messages() == {c: 1 for c in range(1, 21)}  # ...so no duplicate and no loss
    assert await ledger.count("sent") == 20
    await database.close()


async def test_permanent_errors_go_dead_at_once_and_three_in_a_row_pause(database: Database) -> None:
    await _record(database, [1, 2], days=[1, 2, 3, 4])
    discord = FakeDiscord()
    discord.failures[1] = [PermanentDeliveryError("403 Missing Access (50001)") for _ in range(4)]
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=FakeClock(T0))
    await dispatcher.run_until_idle()
    assert [channel for channel, _ in discord.calls].count(1) == 3  # the fourth was cancelled by the pause
    states = [row.state for row in reversed(await ledger.history(1))]
    assert states == ["dead", "dead", "dead", "cancelled"]
    assert (await ledger.history(1))[-1].reason == "403 Missing Access (50001)"
    subscription = await SubscriptionRepository(database).get(1)
    assert subscription is not None and subscription.paused
    assert subscription.paused_reason == "3 deliveries in a row failed; last: 403 Missing Access (50001)"
    assert discord.per_channel_messages() == {2: 4}
    await dispatcher.run_until_idle()
    assert [channel for channel, _ in discord.calls].count(1) == 3  # dead rows are never retried


async def test_transient_errors_back_off_then_succeed(database: Database) -> None:
    await _record(database, [1])
    discord = FakeDiscord()
    discord.failures[1] = [
        TransientDeliveryError("502 Bad Gateway"),
        TransientDeliveryError("connection reset"),
    ]
    clock = FakeClock(T0)
    ledger = DeliveryLedger(database)
    retry = RetryPolicy(base_delay=10.0, max_delay=600.0)
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock, retry=retry, jitter=lambda: 0.0)
    await dispatcher.run_until_idle()
    [row] = await ledger.history(1)
    assert row.state == "pending" and row.attempts == 1 and row.last_error == "502 Bad Gateway"
    assert row.next_attempt_at == T0 + timedelta(seconds=5)  # 10 s * 2**0, jitter into [50%, 100%)

    clock.now = T0 + timedelta(seconds=4.9)
    await dispatcher.run_until_idle()
    assert len(discord.calls) == 1  # not yet due

    clock.now = T0 + timedelta(seconds=5)
    await dispatcher.run_until_idle()
    [row] = await ledger.history(1)
    assert row.attempts == 2 and row.next_attempt_at == clock.now + timedelta(seconds=10)  # doubled

    clock.now += timedelta(seconds=10)
    await dispatcher.run_until_idle()
    [row] = await ledger.history(1)
    assert row.state == "sent" and row.attempts == 3 and len(discord.calls) == 3


def test_backoff_grows_is_capped_and_jittered() -> None:
    retry = RetryPolicy(base_delay=5.0, max_delay=60.0)
    assert [retry.delay(n, 0.999999) for n in (1, 2, 3, 4, 5)] == pytest.approx([5, 10, 20, 40, 60], rel=1e-5)
    assert retry.delay(3, 0.0) == 10.0  # jitter never goes below half


async def test_an_outage_longer_than_the_retries_gives_no_digest_up(database: Database) -> None:
    await _record(database, [1, 2])
    discord = FakeDiscord()
    discord.failures[1] = [TransientDeliveryError("503 Service Unavailable") for _ in range(1000)]
    discord.failures[2] = [TransientDeliveryError("502 Bad Gateway") for _ in range(1000)]
    clock = FakeClock(T0)
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock, jitter=lambda: 0.5)
    for minutes in range(0, 5 * 60, 5):  # five hours, more than any retry schedule
        clock.now = T0 + timedelta(minutes=minutes)
        if minutes == 2 * 60:
            discord.failures[1].clear()  # Discord is back after two hours
        if minutes == 4 * 60:
            discord.failures[2].clear()  # and its proxy after four
        await dispatcher.run_until_idle()
    assert discord.per_channel_messages() == {1: 1, 2: 1}
    assert [row.state for channel in (1, 2) for row in await ledger.history(channel)] == ["sent", "sent"]
    for channel in (1, 2):
        subscription = await SubscriptionRepository(database).get(channel)
        assert subscription is not None and not subscription.paused and subscription.consecutive_failures == 0


async def test_unexpected_exceptions_and_timeouts_are_transient(database: Database) -> None:
    await _record(database, [1, 2])

    class Odd(FakeDiscord):
        async def send_digest(
            self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
        ) -> int:
            if channel_id == 1:
                raise OSError("connection reset by peer")
            await asyncio.Event().wait()  # never answers: the send timeout ends it
            return 0

    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, Odd(), pacer=fast_pacer(), clock=FakeClock(T0), send_timeout=0.01)
    await dispatcher.run_until_idle()
    errors = {row.channel_id: row.last_error for row in await ledger.history(1) + await ledger.history(2)}
    assert errors == {1: "OSError: connection reset by peer", 2: "timed out after 0.01s"}


async def test_global_rate_limit_pauses_everything_without_counting_an_attempt(database: Database) -> None:
    await _record(database, [1, 2])
    discord = FakeDiscord()
    discord.failures[1] = [RateLimitedError(2.5, is_global=True)]
    slept: list[float] = []
    mono = [0.0]

    async def virtual_sleep(seconds: float) -> None:
        slept.append(seconds)
        mono[0] += seconds

    pacer = Pacer(45.0, clock=lambda: mono[0], sleep=virtual_sleep)
    clock = FakeClock(T0)
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=pacer, clock=clock, max_in_flight=1)
    await dispatcher.run_until_idle()
    # Channel 1's row goes first (rows are taken by slot, then id) on the permit granted at 0: the pause
    # runs 2.5 s from when its 429 came back, not from a later permit.
    assert pacer.paused_until == 2.5
    assert any(seconds >= 2.4 for seconds in slept)  # the next permit waited for the pause
    [row] = await ledger.history(1)
    assert row.state == "pending" and row.attempts == 0 and row.next_attempt_at == T0 + timedelta(seconds=2.5)
    clock.now += timedelta(seconds=3)
    await dispatcher.run_until_idle()
    assert discord.per_channel_messages() == {1: 1, 2: 1}


async def test_route_rate_limit_delays_only_that_row(database: Database) -> None:
    await _record(database, [1])
    discord = FakeDiscord()
    discord.failures[1] = [RateLimitedError(1.0, is_global=False)]
    pacer = fast_pacer()
    ledger = DeliveryLedger(database)
    await Dispatcher(ledger, discord, pacer=pacer, clock=FakeClock(T0)).run_until_idle()
    assert pacer.paused_until == float("-inf")
    [row] = await ledger.history(1)
    assert row.next_attempt_at == T0 + timedelta(seconds=1) and row.attempts == 0


async def test_wake_sends_a_newly_recorded_slot_at_once(database: Database) -> None:
    discord = FakeDiscord()
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=FakeClock(T0), poll_interval=3600)
    await dispatcher.start()
    await asyncio.sleep(0.01)  # idle, waiting an hour for work
    await _record(database, [1])
    dispatcher.wake()
    await asyncio.wait_for(discord.posted.wait(), timeout=5)  # an hour before the next poll
    assert discord.per_channel_messages() == {1: 1}
    assert await dispatcher.stop(grace_seconds=1) == 0


async def test_stop_lets_in_flight_sends_finish_within_the_grace(database: Database) -> None:
    await _record(database, [1, 2, 3])
    release = asyncio.Event()
    two_in_flight = asyncio.Event()

    class Slow(FakeDiscord):
        async def send_digest(
            self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
        ) -> int:
            self.calls.append((channel_id, nonce))
            if len(self.calls) == 2:
                two_in_flight.set()
            await release.wait()
            return self.post(channel_id, nonce, brief_ids)

    slow = Slow()
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, slow, pacer=fast_pacer(), clock=FakeClock(T0), max_in_flight=2)
    await dispatcher.start()
    await asyncio.wait_for(two_in_flight.wait(), timeout=5)
    stopping = asyncio.create_task(dispatcher.stop(grace_seconds=5))
    await asyncio.sleep(0)
    release.set()  # the two in flight finish inside the grace
    assert await stopping == 0
    assert await ledger.count("sent") == 2
    assert await ledger.count("pending") == 1  # never taken: left for the next start
    assert len(slow.calls) == 2


async def test_fan_out_runs_sends_concurrently(database: Database) -> None:
    # 5,000 channels at 45/s with 20-50 ms per request need about rate x latency requests in flight; a dispatcher
    # that waited for each send would manage ~30/s. Proved without timing: every send waits until 10 are in flight
    # at once, which only a dispatcher that sends concurrently reaches (a sequential one would wait forever).
    channels = range(1, 301)
    await _record(database, channels)
    discord = FakeDiscord()
    discord.rendezvous = 10
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, rate_per_second=800.0, max_in_flight=64, clock=FakeClock(T0))
    await asyncio.wait_for(dispatcher.run_until_idle(), timeout=60)
    assert discord.rendezvous_reached.is_set()
    assert discord.per_channel_messages() == dict.fromkeys(channels, 1)
    assert discord.peak_per_channel == 1
    assert 10 <= discord.peak_total <= 64


async def test_a_rejected_token_pauses_every_send_and_gives_no_digest_up(database: Database) -> None:
    await _record(database, [1, 2])
    discord = FakeDiscord()
    for channel in (1, 2):  # the sender's answer to a 401: everything waits a minute
        discord.failures[channel] = [
            RateLimitedError(60.0, is_global=True, reason="401 Unauthorized") for _ in range(500)
        ]
    mono = [0.0]

    async def virtual_sleep(seconds: float) -> None:
        mono[0] += seconds

    clock = FakeClock(T0)
    ledger = DeliveryLedger(database)
    pacer = Pacer(45.0, clock=lambda: mono[0], sleep=virtual_sleep)
    dispatcher = Dispatcher(ledger, discord, pacer=pacer, clock=clock, max_in_flight=1)
    for minutes in range(0, 4 * 60, 5):  # four hours until the token is fixed
        clock.now = T0 + timedelta(minutes=minutes)
        await dispatcher.run_until_idle()
    assert len(discord.calls) <= 2 * 4 * 60 // 5  # at most one try per channel and pause
    discord.failures.clear()
    clock.now += timedelta(minutes=5)
    await dispatcher.run_until_idle()
    rows = [row for channel in (1, 2) for row in await ledger.history(channel)]
    assert [row.state for row in rows] == ["sent", "sent"] and [row.attempts for row in rows] == [1, 1]


async def test_digests_an_outage_kept_from_their_channel_expire_without_blaming_it(
    database: Database,
) -> None:
    await _record(database, [1], days=[1, 2, 3])
    discord = FakeDiscord()
    discord.failures[1] = [TransientDeliveryError("503 Service Unavailable") for _ in range(10_000)]
    clock = FakeClock(T0)
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock, jitter=lambda: 0.5)
    while clock.now < T0 + timedelta(days=2, hours=7):  # three days of outage, each slot's 6 h long past
        await dispatcher.run_until_idle()
        clock.advance(minutes=20)
    rows = list(reversed(await ledger.history(1)))
    assert [row.state for row in rows] == ["expired", "expired", "expired"]
    assert all(row.reason and row.reason.startswith("not posted within 6 h of its slot") for row in rows)
    assert all(row.reason and "503 Service Unavailable" in row.reason for row in rows)
    # Each was attempted, so the channel was looked at first (it was not there), never posted late.
    assert discord.per_channel_messages() == {} and sorted(set(discord.lookups)) == [1]
    subscription = await SubscriptionRepository(database).get(1)
    assert subscription is not None and not subscription.paused and subscription.consecutive_failures == 0
    discord.failures[1].clear()
    await _record(database, [1], days=[4])
    clock.now = T0 + timedelta(days=3, seconds=1)
    await dispatcher.run_until_idle()
    assert (await ledger.history(1))[0].state == "sent"  # Discord is back: the channel still gets its digest


async def test_a_digest_recorded_before_a_week_off_expires_instead_of_being_posted(
    database: Database,
) -> None:
    await _record(database, [1])  # recorded at its slot; then the bot was down for a week
    discord = FakeDiscord()
    clock = FakeClock(T0 + timedelta(days=7))
    ledger = DeliveryLedger(database)
    await Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock).run_until_idle()
    [row] = await ledger.history(1)
    assert discord.calls == [] and discord.lookups == []  # never attempted: nothing to look for
    assert (
        row.state == "expired" and row.reason == "not posted within 6 h of its slot (the bot was not running)"
    )


async def test_a_stale_digest_that_may_have_been_posted_is_looked_for_before_it_expires(
    database: Database,
) -> None:
    await _record(database, [1, 2, 3])
    ledger = DeliveryLedger(database)

    class PartlyBlind(FakeDiscord):
        async def can_read_history(self, channel_id: int) -> bool | None:
            return channel_id != 3

    discord = PartlyBlind()
    for row in await ledger.due(T0):
        await ledger.mark_attempt_started(row.id, now=T0)  # each send began; then the bot died
        if row.channel_id == 1:
            discord.post(1, row.nonce, row.brief_ids)  # this one reached the channel
    clock = FakeClock(T0 + timedelta(hours=7))
    await Dispatcher(
        ledger, discord, pacer=fast_pacer(), clock=clock, stale_after=timedelta(hours=6)
    ).run_until_idle()
    states = {channel: (await ledger.history(channel))[0] for channel in (1, 2, 3)}
    assert states[1].state == "sent" and states[1].message_id == discord.messages[states[1].nonce].id
    assert states[2].state == "expired" and "the channel's history shows it was not" in (
        states[2].reason or ""
    )
    assert states[3].state == "held" and "Read Message History" in (states[3].reason or "")
    assert discord.calls == [] and discord.per_channel_messages() == {1: 1}  # nothing was posted late


async def test_a_row_cancelled_after_it_was_read_is_not_sent(database: Database) -> None:
    await _record(database, [1, 2])
    discord = FakeDiscord()
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=FakeClock(T0))
    rows = await ledger.due(T0)
    await SubscriptionRepository(database).unsubscribe(1, now=T0)  # cancels channel 1's pending row
    for row in rows:
        await dispatcher._attempt(row)
    assert discord.per_channel_messages() == {2: 1}
    assert [row.state for row in await ledger.history(1)] == ["cancelled"]


async def test_a_late_resend_looks_at_the_channel_instead_of_posting_twice(tmp_path: Path) -> None:
    # The first attempt posted the message but its answer was lost (the bot died). Discord's nonce memory
    # lasts minutes; the bot comes back an hour later, finds the message, and records it instead of reposting.
    database = await Database.open(tmp_path / "db.sqlite3")
    await _record(database, [1, 2])
    discord = CrashingDiscord(complete=0)
    discord.hang_target = 2
    clock = FakeClock(T0)
    dispatcher = Dispatcher(DeliveryLedger(database), discord, pacer=fast_pacer(), clock=clock)
    await dispatcher.start()
    await asyncio.wait_for(discord.all_hung.wait(), timeout=5)
    await dispatcher.stop(grace_seconds=0)
    await database.close()

    class ForgetfulDiscord(FakeDiscord):
        """Discord after its nonce window: a resend posts again."""

        def post(self, channel_id: int, nonce: str, brief_ids: Sequence[str]) -> int:
            posted = self.new_message(channel_id, nonce, brief_ids)
            self.messages[f"{nonce}-{posted.id}"] = posted
            return posted.id

    later = ForgetfulDiscord()
    later.messages = dict(discord.messages)
    clock.now += timedelta(hours=1)
    database = await Database.open(tmp_path / "db.sqlite3")
    ledger = DeliveryLedger(database)
    await Dispatcher(ledger, later, pacer=fast_pacer(), clock=clock).run_until_idle()
    assert sorted(later.lookups) == [1, 2] and later.calls == []
    assert later.per_channel_messages() == {1: 1, 2: 1}
    assert {row.state for channel in (1, 2) for row in await ledger.history(channel)} == {"sent"}
    await database.close()


async def test_a_late_resend_posts_when_the_first_attempt_never_arrived(database: Database) -> None:
    await _record(database, [1])
    discord = FakeDiscord()
    discord.failures[1] = [TransientDeliveryError("timed out")]
    clock = FakeClock(T0)
    retry = RetryPolicy(base_delay=600.0, max_delay=600.0)
    dispatcher = Dispatcher(
        DeliveryLedger(database),
        discord,
        pacer=fast_pacer(),
        clock=clock,
        retry=retry,
        monotonic=elapsed(clock),
    )
    await dispatcher.run_until_idle()
    clock.now += timedelta(minutes=11)
    await dispatcher.run_until_idle()
    assert discord.lookups == [1] and discord.per_channel_messages() == {1: 1}


async def test_a_clock_set_back_does_not_hold_rows_back(database: Database) -> None:
    await _record(database, [1])  # recorded at T0, due at T0
    discord = FakeDiscord()
    clock = FakeClock(T0 - timedelta(hours=1))  # then the wall clock is corrected an hour back
    await Dispatcher(DeliveryLedger(database), discord, pacer=fast_pacer(), clock=clock).run_until_idle()
    assert discord.per_channel_messages() == {1: 1}


def on_fake_time(ledger: DeliveryLedger, discord: FakeDiscord, mono: list[float]) -> Dispatcher:
    """A dispatcher whose monotonic clock is `mono[0]` (default retry policy, no jitter)."""
    return Dispatcher(
        ledger,
        discord,
        pacer=fast_pacer(),
        clock=FakeClock(T0),
        monotonic=lambda: mono[0],
        jitter=lambda: 0.0,
    )


class FailingLedger(DeliveryLedger):
    """A ledger whose writes of outcomes fail `failures` times first, as with a full disk or a locked file."""

    def __init__(self, database: Database, failures: int, error: str = "database or disk is full") -> None:
        super().__init__(database)
        self.failures = failures
        self.error = error
        self.tries = 0

    async def mark_sent(self, delivery_id: int, *, message_id: int, now: datetime, **posted: Any) -> bool:
        self.tries += 1
        if self.failures > 0:
            self.failures -= 1
            raise sqlite3.OperationalError(self.error)
        return await super().mark_sent(delivery_id, message_id=message_id, now=now, **posted)


async def test_an_outcome_that_cannot_be_recorded_is_not_sent_again_in_a_loop(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    await _record(database, [1, 2])
    discord = FakeDiscord()
    ledger = FailingLedger(database, failures=30)
    mono = [0.0]
    dispatcher = on_fake_time(ledger, discord, mono)
    with caplog.at_level(logging.INFO, logger="bot.delivery.dispatcher"):
        await dispatcher.run_until_idle()  # returns: the outcomes wait in memory, nothing is resent
        assert sorted(channel for channel, _ in discord.calls) == [1, 2]
        for _ in range(40):  # the disk stays full for a while: tries back off, each a little later
            mono[0] += 600
            await dispatcher.run_until_idle()
    assert sorted(channel for channel, _ in discord.calls) == [1, 2]  # each digest was sent once
    assert ledger.tries == 32 and await ledger.count("sent") == 2  # recorded as soon as the disk had room
    assert discord.per_channel_messages() == {1: 1, 2: 1}
    alerts = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(alerts) == 1 and "database or disk is full" in alerts[0].getMessage()
    assert any("recording digest outcomes works again" in r.getMessage() for r in caplog.records)


async def test_recording_outcomes_backs_off_in_memory(database: Database) -> None:
    await _record(database, [1])
    discord = FakeDiscord()
    ledger = FailingLedger(database, failures=3, error="database is locked")
    mono = [0.0]
    dispatcher = on_fake_time(ledger, discord, mono)
    await dispatcher.run_until_idle()
    assert ledger.tries == 1
    tried_at: list[float] = []
    while ledger.tries < 4:
        before = ledger.tries
        mono[0] += 0.5
        await dispatcher.run_until_idle()
        if ledger.tries > before:
            tried_at.append(mono[0])
    assert tried_at == [2.5, 7.5, 17.5]  # 2.5, 5 and 10 s apart: the retry policy's delays, not a loop
    assert len(discord.calls) == 1 and await ledger.count("sent") == 1


async def test_a_row_the_database_cannot_prepare_is_taken_again_after_a_backoff(database: Database) -> None:
    await _record(database, [1])

    class ReadOnlyLedger(DeliveryLedger):
        refused = 0

        async def mark_attempt_started(self, delivery_id: int, *, now: datetime) -> None:
            if self.refused < 2:
                self.refused += 1
                raise sqlite3.OperationalError("attempt to write a readonly database")
            await super().mark_attempt_started(delivery_id, now=now)

    discord = FakeDiscord()
    ledger = ReadOnlyLedger(database)
    mono = [0.0]
    dispatcher = on_fake_time(ledger, discord, mono)
    await dispatcher.run_until_idle()  # returns instead of trying again at once
    assert ledger.refused == 1 and discord.calls == []
    mono[0] += 2.5
    await dispatcher.run_until_idle()
    assert ledger.refused == 2 and discord.calls == []
    mono[0] += 5
    await dispatcher.run_until_idle()
    assert discord.per_channel_messages() == {1: 1} and await ledger.count("sent") == 1


class GatedPacer(Pacer):
    """A pacer whose permits the test hands out: `waiting` is set while a send waits for one, `grant()` lets
    exactly one through."""

    def __init__(self) -> None:
        super().__init__(1_000_000.0)
        self.waiting = asyncio.Event()
        self._granted = asyncio.Semaphore(0)

    async def acquire(self, prepare: Callable[[], Awaitable[Any]] | None = None) -> Any:
        self.waiting.set()
        await self._granted.acquire()
        self.waiting.clear()
        return await (super().acquire() if prepare is None else super().acquire(prepare))

    def grant(self) -> None:
        self._granted.release()


async def test_an_unsubscribe_while_a_send_waits_for_its_permit_is_honoured(database: Database) -> None:
    await _record(database, [1])
    discord = FakeDiscord()
    pacer = GatedPacer()
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=pacer, clock=FakeClock(T0))
    drain = asyncio.create_task(dispatcher.run_until_idle())
    await asyncio.wait_for(pacer.waiting.wait(), timeout=5)  # the row was read and checked: still pending
    assert await SubscriptionRepository(database).unsubscribe(1, now=T0, by_command=True)
    pacer.grant()
    await asyncio.wait_for(drain, timeout=5)
    assert discord.calls == []
    [row] = await ledger.history(1)
    assert row.state == "cancelled" and row.message_id is None and dispatcher.stats.sent == 0


async def test_a_cancel_landing_during_the_request_never_turns_the_row_into_sent(database: Database) -> None:
    # Nothing can call a request back once it has left: the message exists, and the row says so, but it
    # stays cancelled (with the message id and its briefs as delivered, so they are never posted again).
    await _record(database, [1])
    ledger = DeliveryLedger(database)
    subscriptions = SubscriptionRepository(database)

    class UnsubscribedMidRequest(FakeDiscord):
        async def send_digest(
            self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
        ) -> int:
            await subscriptions.unsubscribe(channel_id, now=T0, by_command=True)
            return await super().send_digest(channel_id, nonce, brief_ids)

    discord = UnsubscribedMidRequest()
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=FakeClock(T0))
    await dispatcher.run_until_idle()
    [row] = await ledger.history(1)
    assert row.state == "cancelled" and row.message_id == 1000 and dispatcher.stats.sent == 0
    assert "posted" in (row.reason or "")
    assert await ledger.delivered_brief_ids(1) == set(BRIEFS)
    assert not await ledger.mark_sent(row.id, message_id=1000, now=T0)
    assert (await ledger.history(1))[0].state == "cancelled"


async def test_a_clock_set_back_while_running_still_searches_before_resending(database: Database) -> None:
    await _record(database, [1])

    class LostAnswer(FakeDiscord):
        """Discord past its nonce window, and the first send's answer lost after the message was stored."""

        async def send_digest(
            self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
        ) -> int:
            self.calls.append((channel_id, nonce))
            posted = self.new_message(channel_id, nonce, brief_ids)
            self.messages[f"{nonce}-{posted.id}"] = posted
            if len(self.calls) == 1:
                raise TransientDeliveryError("503 Service Unavailable")
            return posted.id

    discord = LostAnswer()
    clock = FakeClock(T0)
    monotonic = [0.0]
    discord.clock = lambda: T0 + timedelta(seconds=monotonic[0])  # Discord's clock: the true time
    ledger = DeliveryLedger(database)
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock, monotonic=lambda: monotonic[0])
    await dispatcher.run_until_idle()
    [row] = await ledger.history(1)
    assert row.state == "pending" and len(discord.messages) == 1
    monotonic[0] += 600  # ten minutes really pass; the wall clock is set back an hour meanwhile
    clock.now = T0 - timedelta(hours=1) + timedelta(minutes=10)
    await dispatcher.run_until_idle()
    [row] = await ledger.history(1)
    assert discord.lookups == [1] and len(discord.calls) == 1  # searched, found, not sent again
    assert row.state == "sent" and row.message_id == 1000


async def test_an_unsubscribe_during_the_search_ends_it_without_sending_and_holds_the_row(
    database: Database,
) -> None:
    await _record(database, [1])
    ledger = DeliveryLedger(database)
    [row] = await ledger.due(T0)
    await ledger.mark_attempt_started(row.id, now=T0)  # a first send began an hour ago; its answer was lost

    class BusyChannel(FakeDiscord):
        async def history_after(
            self, channel_id: int, after: datetime | int, *, limit: int
        ) -> Sequence[PostedMessage]:
            self.pages.append((channel_id, after))
            if len(self.pages) == 1:  # an admin unsubscribes while the first page is read
                await SubscriptionRepository(database).unsubscribe(1, now=T0)
            start = 1 if isinstance(after, datetime) else after + 1
            return [PostedMessage(start + i, T0 + timedelta(seconds=i), by_bot=False) for i in range(limit)]

    discord = BusyChannel()
    clock = FakeClock(T0 + timedelta(hours=1))
    await Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock, search_max_pages=3).run_until_idle()
    assert discord.calls == []
    # The next page's permit saw the cancel, which held the row (the send an hour ago may have posted it):
    # it is looked for as a held row, from the start, and stays held while the channel cannot tell.
    assert [after for _, after in discord.pages][:2] == [discord.pages[0][1]] * 2
    assert len(discord.pages) == 1 + 3
    [after] = await ledger.history(1)
    assert after.state == "held" and "stopped after 300 messages" in (after.reason or "")


class PostedUnanswered(FakeDiscord):
    """Posts each digest, then answers 503 as if nothing was stored (Discord stored it; the answer says
    nothing of it): the first attempt's outcome is unknown."""

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        self.calls.append((channel_id, nonce))
        self.post(channel_id, nonce, brief_ids)
        raise TransientDeliveryError("503 Service Unavailable; it may have been applied")


@pytest.mark.parametrize("stop", ["unsubscribe", "pause"])
async def test_a_digest_cancelled_after_a_send_that_may_have_posted_it_is_never_posted_again_as_new(
    database: Database, stop: str
) -> None:
    # Failed first: the cancel made the row 'cancelled' and its briefs were had by nobody, so after the
    # channel was subscribed (or resumed) again the next digest posted the same briefs as new: twice.
    # Now the row is held until the channel's history says: posted (the briefs count as had) or not.
    await _record(database, [1])
    ledger = DeliveryLedger(database)
    subscriptions = SubscriptionRepository(database)
    clock = FakeClock(T0)
    discord = PostedUnanswered()
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock, monotonic=elapsed(clock))
    await dispatcher.run_until_idle()
    [tried] = await ledger.history(1)
    assert tried.state == "pending" and tried.attempt_started_at is not None and len(discord.messages) == 1
    if stop == "unsubscribe":
        assert await subscriptions.unsubscribe(1, now=T0, by_command=True)
    else:
        assert await subscriptions.pause(1, "holidays", now=T0, cause="member", by=5)
    [held] = await ledger.history(1)
    assert held.state == "held" and "may have posted it" in (held.reason or "")
    # Subscribed (or resumed) again before anything was looked at: the next slot repeats none of its briefs.
    again = await subscribe(database, 1, now=T0 + timedelta(minutes=1))
    await ledger.record_slot(
        nine_utc_slot(2),
        again,
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0 + timedelta(days=1),
    )
    clock.advance(days=1)
    await dispatcher.run_until_idle()
    [next_day, found] = await ledger.history(1)
    assert (next_day.state, next_day.reason) == ("skipped", "nothing new since the last digest")
    assert found.state == "sent" and found.message_id == discord.messages[tried.nonce].id
    assert await ledger.delivered_brief_ids(1) == set(BRIEFS)
    assert len(discord.messages) == 1 and discord.calls == [(1, tried.nonce)]


class CannotReadHistory(FakeDiscord):
    """A channel whose history the bot may not read: Discord returns no messages, and the bot knows why."""

    async def can_read_history(self, channel_id: int) -> bool | None:
        return False


async def test_a_held_rows_backoff_goes_on_doubling_across_a_restart(database: Database) -> None:
    # Failed first: how often a held row had been looked for lived in the dispatcher's memory, so after a
    # restart its next wait was 10 minutes again instead of 40.
    await _record(database, [1])
    ledger = DeliveryLedger(database)
    [row] = await ledger.due(T0)
    await ledger.mark_attempt_started(row.id, now=T0)  # a send began; its answer was lost
    clock = FakeClock(T0 + timedelta(hours=1))  # past the nonce window: looked for before anything is sent

    def process() -> Dispatcher:
        return Dispatcher(
            DeliveryLedger(database),
            CannotReadHistory(),
            pacer=fast_pacer(),
            clock=clock,
            monotonic=elapsed(clock),
        )

    waits: list[float] = []

    async def look(dispatcher: Dispatcher, *, after_minutes: float) -> None:
        clock.advance(minutes=after_minutes)
        await dispatcher.run_until_idle()
        [held] = await ledger.history(1)
        assert held.state == "held" and held.next_attempt_at is not None
        waits.append((held.next_attempt_at - clock()).total_seconds() / 60)

    first = process()
    await look(first, after_minutes=0)  # held
    await look(first, after_minutes=5)
    await look(first, after_minutes=10)
    await look(process(), after_minutes=20)  # a restart: another process on the same database
    assert waits == [5, 10, 20, 40]


async def _next_slot(database: Database, ledger: DeliveryLedger) -> None:
    """Record channel 1's next day's slot, which posts only briefs it has not had (else is skipped)."""
    subscription = await SubscriptionRepository(database).get(1)
    assert subscription is not None
    await ledger.record_slot(
        nine_utc_slot(2),
        [subscription],
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0 + timedelta(days=1),
    )


class RefusedChannel(FakeDiscord):
    """Discord refuses the bot the channel while `refused` (403 Missing Access: no View Channel), its
    history as well as its sends."""

    refused = True

    async def history_after(
        self, channel_id: int, after: datetime | int, *, limit: int
    ) -> Sequence[PostedMessage]:
        if self.refused:
            self.pages.append((channel_id, after))
            raise PermanentDeliveryError("403 Missing Access (50001)")
        return await super().history_after(channel_id, after, limit=limit)


async def test_a_search_before_a_resend_that_discord_refuses_holds_the_digest_instead_of_killing_it(
    database: Database,
) -> None:
    # Failed first: the search's 403 was read as the send's, so the row went dead although the send an hour
    # before had posted it; its briefs were had by nobody and the next slot posted them again.
    await _record(database, [1])
    ledger = DeliveryLedger(database)
    [row] = await ledger.due(T0)
    await ledger.mark_attempt_started(row.id, now=T0)  # a send began; its answer was lost
    discord = RefusedChannel()
    discord.post(1, row.nonce, row.brief_ids)  # it reached the channel
    clock = FakeClock(T0 + timedelta(hours=1))  # past the nonce window: looked for before anything is sent
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock, monotonic=elapsed(clock))
    await dispatcher.run_until_idle()
    [held] = await ledger.history(1)
    assert held.state == "held" and "403 Missing Access (50001)" in (held.reason or "")
    assert len(discord.pages) == 1 and discord.calls == []  # one refused request, never a blind resend
    subscription = await SubscriptionRepository(database).get(1)
    assert subscription is not None and subscription.consecutive_failures == 0  # a search is no send
    # The bot may see the channel again (the Discord layer says so): looked for at once, and found.
    discord.refused = False
    assert await dispatcher.recheck_held([1]) == 1
    await dispatcher.run_until_idle()
    [found] = await ledger.history(1)
    assert found.state == "sent" and found.message_id == discord.messages[row.nonce].id
    await _next_slot(database, ledger)
    clock.advance(days=1)
    await dispatcher.run_until_idle()
    next_day = (await ledger.history(1))[0]
    assert (next_day.state, next_day.reason) == ("skipped", "nothing new since the last digest")
    assert discord.calls == [] and len(discord.messages) == 1


class RefusedAfterPosting(FakeDiscord):
    """The first send is stored (if `stored`) and answered 503; then an admin takes Send Messages away and
    the resend is refused 403, whatever its nonce (Discord checks the permission first)."""

    def __init__(self, *, stored: bool) -> None:
        super().__init__()
        self.stored = stored

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        self.calls.append((channel_id, nonce))
        if len(self.calls) > 1:
            raise PermanentDeliveryError("403 Missing Permissions (50013)")
        if self.stored:
            self.post(channel_id, nonce, brief_ids)
        raise TransientDeliveryError("503 Service Unavailable; it may have been applied")


@pytest.mark.parametrize("stored", [True, False])
async def test_a_resend_refused_after_a_send_that_may_have_posted_it_looks_before_it_gives_up(
    database: Database, stored: bool
) -> None:
    # Failed first (stored): the resend inside the nonce window was refused, and the row went dead at once,
    # though the first send had posted it: its briefs were had by nobody and the next slot repeated them.
    await _record(database, [1])
    ledger = DeliveryLedger(database)
    clock = FakeClock(T0)
    discord = RefusedAfterPosting(stored=stored)
    dispatcher = Dispatcher(
        ledger, discord, pacer=fast_pacer(), clock=clock, monotonic=elapsed(clock), jitter=lambda: 0.0
    )
    await dispatcher.run_until_idle()
    clock.advance(seconds=5)  # the retry, well inside the nonce window
    await dispatcher.run_until_idle()
    [row] = await ledger.history(1)
    assert len(discord.calls) == 2 and discord.lookups == [1]  # refused: looked for once, then decided
    if not stored:
        assert (row.state, row.reason) == ("dead", "403 Missing Permissions (50013)")
        assert await ledger.delivered_brief_ids(1) == set()
        return
    assert row.state == "sent" and row.message_id == discord.messages[row.nonce].id
    await _next_slot(database, ledger)
    clock.advance(days=1)
    await dispatcher.run_until_idle()
    next_day = (await ledger.history(1))[0]
    assert (next_day.state, next_day.reason) == ("skipped", "nothing new since the last digest")
    assert len(discord.calls) == 2 and len(discord.messages) == 1


@pytest.fixture(params=["sqlite", "postgresql"])
async def unmigrated(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[tuple[str, Path | str]]:
    """An engine and where a database of its own with no schema yet is (a SQLite file, a PostgreSQL URL)."""
    if request.param == "sqlite":
        yield "sqlite", tmp_path / "old.sqlite3"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = await server.fresh_database(migrated=False)
    yield "postgresql", url
    await server.drop_database(url)


async def test_a_row_retried_before_first_attempts_were_noted_is_looked_for_after_an_upgrade(
    unmigrated: tuple[str, Path | str],
) -> None:
    # Failed first: a database of schema 1 (before `attempt_started_at`) holding a row retried after a 503
    # came out of the upgrade as never attempted, so the upgraded bot resent it blindly after the nonce
    # window, though its first send may have posted it (here it had).
    engine, target = unmigrated
    old = await Database.open(target, migrations=load_migrations(engine)[:1])
    stamp, retried = T0.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "2026-05-01T09:00:05.000000Z"
    async with old.transaction() as connection:
        await connection.execute(
            "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
            " brief_ids, attempts, next_attempt_at, last_error, created_at, updated_at) VALUES (1, 9, 'UTC',"
            " '2026-05-01T09:00', ?, 'old-nonce', 'pending', '[\"b1\"]', 1, ?, '503 Service Unavailable', ?, ?)",
            (stamp, retried, stamp, retried),
        )
    await old.close()
    database = await Database.open(target)
    try:
        ledger = DeliveryLedger(database)
        discord = FakeDiscord()
        discord.post(1, "old-nonce", ["b1"])  # the first send had reached the channel
        clock = FakeClock(T0 + timedelta(hours=2))  # the upgrade took a while: past the nonce window
        await Dispatcher(ledger, discord, pacer=fast_pacer(), clock=clock).run_until_idle()
        [row] = await ledger.history(1)
        assert discord.lookups == [1] and discord.calls == []  # looked for, never resent blindly
        assert row.state == "sent" and row.message_id == discord.messages["old-nonce"].id
    finally:
        await database.close()


async def test_while_sends_are_in_flight_rows_are_claimed_a_quarter_of_the_capacity_at_a_time(
    database: Database,
) -> None:
    # A claim reads every due row's turn (a quarter of a second with 20,000 rows pending on PostgreSQL): one
    # claim for each send that finished (one row each) took most of the database's time (bench/cluster.py).
    await _record(database, range(1, 21))
    releases: list[asyncio.Event] = []
    in_flight = asyncio.Event()

    class OneByOne(FakeDiscord):
        async def send_digest(
            self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
        ) -> int:
            release = asyncio.Event()
            releases.append(release)
            in_flight.set()
            await release.wait()
            return self.post(channel_id, nonce, brief_ids)

    ledger = DeliveryLedger(database)
    limits: list[int] = []
    claimed = asyncio.Event()
    real_claim = ledger.claim_due

    async def claim_due(now: datetime, **kwargs: Any) -> Any:
        limits.append(kwargs["limit"])
        claimed.set()
        return await real_claim(now, **kwargs)

    ledger.claim_due = claim_due  # type: ignore[method-assign]
    discord = OneByOne()
    dispatcher = Dispatcher(ledger, discord, pacer=fast_pacer(), clock=FakeClock(T0), max_in_flight=8)
    await dispatcher.start()
    try:
        for step in range(12):  # sends finish one at a time (oldest first), the dispatcher looking after each
            while len(releases) < (8 if step == 0 else step + 1):  # the first claim: 8 rows, all in flight
                in_flight.clear()
                await asyncio.wait_for(in_flight.wait(), timeout=10)
            claimed.clear()
            releases[step].set()
            await asyncio.wait_for(claimed.wait(), timeout=10)
        for release in releases:
            release.set()
    finally:
        await dispatcher.stop(grace_seconds=5)
    taken = [limit for limit in limits[1:] if limit > 0]  # after the first claim (8: nothing in flight)
    assert taken and min(taken) >= 2, limits  # 8 // CLAIM_SHARE
