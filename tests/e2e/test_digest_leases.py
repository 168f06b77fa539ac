"""Several processes share one slot's fan-out: each "process" here is a dispatcher on its own connection to the
bot's database file, with its own identity, sending through the real client to the stand-in (one token). The
bot's own dispatcher is stopped, so that the test decides which process does what and when: sends are held
where a process stalls or dies, and the injected clock moves a lease past its expiry."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app.client import Briefbot, point_at_api
from bot.app.discord_sender import DiscordSender
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.heartbeat import LIVE_WITHIN
from bot.delivery.pacing import Pacer
from bot.delivery.versions import offer_of
from bot.process_identity import new_identity
from bot.settings import Settings
from bot.storage import Database, DeliveryLedger
from bot.storage.processes import ProcessRecord, ProcessTable
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digests import SLOT_DAY, fire_slot, posts
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn

LEASE = timedelta(seconds=30)


class InFlight:
    """Sends in flight per channel, across every process, and the most a channel ever had at once."""

    def __init__(self) -> None:
        self.now: dict[int, int] = {}
        self.peak = 0

    def begin(self, channel_id: int) -> None:
        self.now[channel_id] = self.now.get(channel_id, 0) + 1
        self.peak = max(self.peak, self.now[channel_id])

    def end(self, channel_id: int) -> None:
        self.now[channel_id] -= 1


class ProcessSender(DiscordSender):
    """One process's sends through the bot's client. Once Discord has answered a send, a process may stall
    (`stalled`: it waits for `resume`) or die (it waits for ever) before it writes the outcome."""

    def __init__(self, bot: Briefbot, in_flight: InFlight) -> None:
        super().__init__(bot)
        self.in_flight = in_flight
        self.stall_after_answer = False
        self.resume = asyncio.Event()
        self.stalled: list[tuple[int, str]] = []  # (channel, nonce) answered, then stalled
        self.stalled_changed = asyncio.Event()
        self.sent: list[tuple[int, str]] = []

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        self.in_flight.begin(channel_id)
        try:
            self.sent.append((channel_id, nonce))
            message_id = await super().send_digest(channel_id, nonce, brief_ids, ping_role_id=ping_role_id)
            if self.stall_after_answer:
                self.stalled.append((channel_id, nonce))
                self.stalled_changed.set()
                await self.resume.wait()
            return message_id
        finally:
            self.in_flight.end(channel_id)

    async def wait_stalled(self, count: int) -> None:
        while len(self.stalled) < count:
            self.stalled_changed.clear()
            await asyncio.wait_for(self.stalled_changed.wait(), timeout=10)


async def _never(seconds: float) -> None:
    """The renewal's wait in a process that stalled or died: it never renews."""
    await asyncio.Event().wait()


@contextlib.asynccontextmanager
async def processes(
    bot: Briefbot,
    settings: Settings,
    clock: FakeClock,
    count: int,
    *,
    first_sleeps: Callable[[float], Awaitable[None]] | None = None,
    **options: Any,
) -> AsyncIterator[list[tuple[Dispatcher, ProcessSender]]]:
    """`count` processes (a, b, ...) on the bot's database file and client; `first_sleeps` is the wait
    between a's renewals (a stalled or dead process never renews: `_never`)."""
    in_flight = InFlight()
    async with contextlib.AsyncExitStack() as stack:
        made: list[tuple[Dispatcher, ProcessSender]] = []
        for index in range(count):
            database = await stack.enter_async_context(await Database.open(settings.database_path))
            sender = ProcessSender(bot, in_flight)
            dispatcher = Dispatcher(
                DeliveryLedger(database),
                sender,
                owner=new_identity(f"process-{'abc'[index]}"),
                clock=clock,
                monotonic=clock.monotonic,
                pacer=Pacer(1000.0),
                lease_for=LEASE,
                **({"sleep": first_sleeps} if index == 0 and first_sleeps is not None else {}),
                **options,
            )
            made.append((dispatcher, sender))
        try:
            yield made
        finally:
            for dispatcher, sender in made:
                sender.resume.set()
                await dispatcher.stop(0)


async def _slot_recorded(
    bot: Briefbot, clock: FakeClock, channels: Sequence[int], *, twice: bool = False, guild_id: int = 0
) -> None:
    """The bot's own dispatcher stopped, the slot's rows recorded (with `twice`, a /digest now row for each
    channel as well: two rows due per channel)."""
    await bot.digests.dispatcher.stop(0)
    await fire_slot(bot, clock, seconds=31)
    if twice:
        for channel in channels:
            made = await bot.digests.digest_now(
                channel_id=channel, guild_id=guild_id, brief_ids=offer_of(bot.library)
            )
            assert made is not None


async def _states(bot: Briefbot, channels: Sequence[int]) -> list[str]:
    states: list[str] = []
    for channel in channels:
        states += [delivery.state for delivery in await bot.digests.history(channel)]
    return sorted(states)


async def test_two_processes_share_a_slot_with_no_duplicate_no_loss_and_one_send_per_channel(
    tmp_path: Path,
) -> None:
    clock = FakeClock(SLOT_DAY)
    async with DiscordStandIn(latency=(0.002, 0.01)) as standin:
        channels = standin.register_channels(20)
        settings = bot_settings(standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00")
        async with running_bot(standin, settings, clock) as bot:
            await _slot_recorded(bot, clock, channels, twice=True, guild_id=standin.guild_id)
            async with processes(bot, settings, clock, 2, max_in_flight=4, batch_size=4) as made:
                [(a, a_sends), (b, b_sends)] = made
                await asyncio.gather(a.run_until_idle(), b.run_until_idle())
                states = await _states(bot, channels)
        point_at_api(None, None)
    assert states == ["sent"] * 40
    assert a.stats.sent > 0 and b.stats.sent > 0 and a.stats.sent + b.stats.sent == 40  # shared
    assert standin.message_counts() == {c: 2 for c in channels}  # no duplicate, no loss
    assert len(a_sends.sent) + len(b_sends.sent) == 40  # no row sent by both
    assert a_sends.in_flight.peak == 1  # a channel never had two sends in flight, across the two
    assert standin.counters["duplicates"] == 0 and standin.violations == []


async def test_a_channel_sending_in_one_process_is_not_taken_by_another(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    channel, other = standin.register_channels(2)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel, other], digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        await _slot_recorded(bot, clock, [channel], twice=True, guild_id=standin.guild_id)
        async with processes(bot, settings, clock, 2, max_in_flight=1, sleep=_never) as made:
            [(a, a_sends), (b, b_sends)] = made
            a_sends.stall_after_answer = True
            a_run = asyncio.create_task(a.run_until_idle())
            await a_sends.wait_stalled(1)  # a's first send is in flight (answered, not yet recorded)
            [(busy, _)] = a_sends.stalled
            await b.run_until_idle()
            # b sent the other channel's row (the first) and nothing of the channel a is sending to
            assert busy not in {c for c, _ in b_sends.sent} and b.stats.sent == 1
            a_sends.stall_after_answer = False
            a_sends.resume.set()
            await a_run
            await asyncio.gather(a.run_until_idle(), b.run_until_idle())
            states = await _states(bot, [channel, other])
    assert states == ["sent"] * 3 and a_sends.in_flight.peak == 1
    assert standin.message_counts() == {channel: 2, other: 1} and standin.violations == []


async def test_a_lease_is_renewed_while_its_send_is_in_flight(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    [channel] = standin.register_channels(1)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00")
    ticks: asyncio.Queue[asyncio.Event] = asyncio.Queue()

    async def tick(seconds: float) -> None:  # each renewal waits for the test
        assert seconds == LEASE.total_seconds() / 3
        go = asyncio.Event()
        await ticks.put(go)
        await go.wait()

    async with running_bot(standin, settings, clock) as bot:
        await _slot_recorded(bot, clock, [channel])
        async with processes(bot, settings, clock, 2, first_sleeps=tick) as made:
            [(a, a_sends), (b, b_sends)] = made
            a_sends.stall_after_answer = True
            a_run = asyncio.create_task(a.run_until_idle())
            await a_sends.wait_stalled(1)
            clock.advance(seconds=20)
            (await ticks.get()).set()  # a renews: its lease runs to 50 s
            await ticks.get()  # ...and waits for the next renewal
            clock.advance(seconds=15)  # past the lease as first claimed
            await b.run_until_idle()
            assert b_sends.sent == [] and b.stats.sent == 0
            a_sends.resume.set()
            await a_run
            [delivery] = await bot.digests.history(channel)
    assert a.stats.sent == 1 and delivery.state == "sent"
    assert standin.message_counts() == {channel: 1} and standin.violations == []


async def test_a_process_stalled_past_its_lease_cannot_record_over_the_one_that_took_it_over(
    standin: DiscordStandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(SLOT_DAY)
    [channel] = standin.register_channels(1)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        await _slot_recorded(bot, clock, [channel])
        async with processes(bot, settings, clock, 2, first_sleeps=_never) as made:  # a never renews
            [(a, a_sends), (b, b_sends)] = made
            a_sends.stall_after_answer = True
            a_run = asyncio.create_task(a.run_until_idle())
            await a_sends.wait_stalled(1)  # posted; a stalls before it records it
            clock.advance(seconds=31)
            await b.run_until_idle()  # takes it over: the same nonce, Discord answers with the message
            assert b.stats.sent == 1 and b_sends.sent == a_sends.sent
            with caplog.at_level(logging.WARNING):
                a_sends.resume.set()
                await a_run  # a wakes: its write is refused, and it sends nothing more
            [delivery] = await bot.digests.history(channel)
    refused = [r.getMessage() for r in caplog.records if "recording it sent refused" in r.getMessage()]
    assert len(refused) == 1 and "process-a" in refused[0] and "token now 2" in refused[0]
    assert a.stats.sent == 0 and len(a_sends.sent) == 1
    [message] = standin.messages[channel]
    assert delivery.state == "sent" and delivery.message_id == int(message["id"])
    assert len(posts(standin, channel)) == 2 and standin.counters["duplicates"] == 0
    assert standin.violations == []


@dataclass
class OneDied:
    """Two processes, a and b, on one slot of six channels: a died once its three sends were answered
    (before it recorded them, never renewing its leases), b sent the other three."""

    bot: Briefbot
    clock: FakeClock
    channels: list[int]
    a: Dispatcher
    a_sends: ProcessSender
    b: Dispatcher
    b_sends: ProcessSender


@contextlib.asynccontextmanager
async def one_died_mid_fan_out(
    tmp_path: Path, *, beats: bool = False
) -> AsyncIterator[tuple[DiscordStandIn, OneDied]]:
    """`OneDied`, on a stand-in whose nonce window is 60 s; with `beats`, a had beaten its heartbeat once
    (as a running process does) before it died."""
    clock = FakeClock(SLOT_DAY)
    async with DiscordStandIn(nonce_window=60) as standin:
        channels = standin.register_channels(6)
        settings = bot_settings(standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00")
        async with running_bot(standin, settings, clock) as bot:
            await _slot_recorded(bot, clock, channels)
            async with processes(
                bot, settings, clock, 2, first_sleeps=_never, max_in_flight=3, batch_size=3
            ) as made:
                [(a, a_sends), (b, b_sends)] = made
                if beats:
                    table = ProcessTable(bot.digests.ledger._db)
                    await table.beat(ProcessRecord(a.owner, "host", 1, "sqlite", "all", clock.now, clock.now))
                a_sends.stall_after_answer = True  # a dies once its three sends are answered
                a_run = asyncio.create_task(a.run_until_idle())
                await a_sends.wait_stalled(3)
                await b.run_until_idle()  # b sends the rest; a's rows wait for its leases to lapse
                assert b.stats.sent == 3 and await bot.digests.ledger.count("pending") == 3
                try:
                    yield standin, OneDied(bot, clock, channels, a, a_sends, b, b_sends)
                finally:
                    a_run.cancel()  # the dead process's task is no more
                    with contextlib.suppress(asyncio.CancelledError):
                        await a_run
        point_at_api(None, None)


@pytest.mark.parametrize("dead_for", [31, 600])
async def test_a_dead_process_rows_are_sent_by_another_after_its_lease_with_the_same_nonce(
    tmp_path: Path, dead_for: int
) -> None:
    # Dead for 31 s: within Discord's nonce window, resent with the nonce; for 10 minutes: past it, the
    # channel's history is read first, and the digest found there is not posted again.
    async with one_died_mid_fan_out(tmp_path) as (standin, died):
        bot, channels, b = died.bot, died.channels, died.b
        a_sends, b_sends = died.a_sends, died.b_sends
        died.clock.advance(seconds=dead_for)
        await b.run_until_idle()
        states = await _states(bot, channels)
    assert states == ["sent"] * 6 and b.stats.sent == 6
    assert standin.message_counts() == {c: 1 for c in channels} and standin.counters["duplicates"] == 0
    taken_over = set(a_sends.stalled)
    resent = {sent for sent in b_sends.sent if sent in taken_over}
    looked = [r for r in standin.requests if r.method == "GET" and r.path.endswith("/messages")]
    if dead_for < 60:
        assert resent == taken_over and looked == []  # the same nonces, trusted to Discord
    else:
        assert resent == set() and {int(r.path.split("/")[-2]) for r in looked} == {c for c, _ in taken_over}
    assert standin.violations == []


async def test_a_restart_on_sqlite_sends_at_once_what_a_crashed_process_had_claimed(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    # One process per SQLite file: the leases a crash left in it are its own dead predecessor's.
    clock = FakeClock(SLOT_DAY)
    channels = standin.register_channels(3)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        await _slot_recorded(bot, clock, channels)
        claimed = await bot.digests.ledger.claim_due(
            clock(), owner=str(new_identity("crashed")), lease_for=timedelta(hours=1)
        )
        assert len(claimed) == 3  # ...and the process died with them
    async with running_bot(standin, settings, clock) as bot:
        await bot.digests.dispatcher.run_until_idle()
        states = await _states(bot, channels)
    assert states == ["sent"] * 3 and standin.message_counts() == {c: 1 for c in channels}


async def test_a_killed_process_rows_are_sent_by_another_once_its_heartbeat_stops_before_its_lease_ends(
    tmp_path: Path,
) -> None:
    # The default lease of 30 s alone would make the first resend come 30 s or more after a SIGKILL; the
    # killed process's heartbeat stops at once, and LIVE_WITHIN (15 s) without one frees its leases.
    async with one_died_mid_fan_out(tmp_path, beats=True) as (standin, killed):
        bot, channels, b = killed.bot, killed.channels, killed.b
        a_sends, b_sends = killed.a_sends, killed.b_sends
        killed.clock.advance(seconds=(LIVE_WITHIN + timedelta(seconds=1)).total_seconds())  # < LEASE
        await b.run_until_idle()
        states = await _states(bot, channels)
    assert LIVE_WITHIN + timedelta(seconds=1) < LEASE
    assert states == ["sent"] * 6 and b.stats.sent == 6
    assert {sent for sent in b_sends.sent if sent in set(a_sends.stalled)} == set(a_sends.stalled)
    assert standin.message_counts() == {c: 1 for c in channels} and standin.counters["duplicates"] == 0
    assert standin.violations == []
