"""Gateway shards split between processes through the database, with the real client against the stand-in.

Several processes are several Briefbots in this test process, each with an identity of its own, on one
PostgreSQL database (SQLite is one process's: it claims every shard). Leases are short (SHARD_LEASE=2s);
the tests wait for what the stand-in and the bots show, never for a fixed time. IDENTIFY turns are waited
on the stand-in's clock, moved on instead of slept (the stand-in enforces Discord's 5 seconds per bucket on
that clock), so that no test waits 5 real seconds for a turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app.client import Briefbot, point_at_api
from bot.briefs.lookup import Library
from bot.process_identity import new_identity
from bot.settings import Settings
from bot.storage import Database
from bot.storage.processes import ProcessTable
from bot.storage.shards import ShardStore
from tests.e2e.conftest import bot_settings
from tests.helpers import subscribe
from tests.postgres import PostgresServer
from tests.standin import DiscordStandIn
from tests.standin.harness import FAKE_TOKEN, close_client
from tests.standin.test_shards import guilds_on_both_shards

LEASE = "4s"  # long enough for a loaded machine: a renewal every second, a lapse after 2.7 s


async def eventually(predicate: Callable[[], Any], *, within: float = 20.0) -> Any:
    """Wait until `predicate()` holds: it reads state the bots and the stand-in change as they run, which no
    single event announces (a shard's session is the stand-in's, its owner the bot's), so it is re-read
    every few milliseconds."""
    async with asyncio.timeout(within):
        while not (result := predicate()):  # noqa: ASYNC110 - two parties' state, no one event
            await asyncio.sleep(0.02)
    return result


@pytest.fixture
async def shared_url(postgres_server: PostgresServer) -> str:
    """The session's shared PostgreSQL database, emptied: the database of every process of one test."""
    url, empty_it = await postgres_server.shared_database()
    async with await Database.open(url) as emptied, emptied.transaction() as connection:
        await connection.execute(empty_it)
    return url


@pytest.fixture
async def sharded() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn(
        recommended_shards=2, max_concurrency=1, enforce_identify_concurrency=True
    ) as standin:
        yield standin
    point_at_api(None, None)


class Processes:
    """Briefbots on one stand-in, started and stopped as processes would be."""

    def __init__(self, standin: DiscordStandIn, tmp_path: Path) -> None:
        self.standin = standin
        self.tmp_path = tmp_path
        self.running: dict[str, tuple[Briefbot, asyncio.Task[None]]] = {}
        self._turns: list[float] = []  # IDENTIFY turns waited for
        self._released = 0  # IDENTIFYs the stand-in should have seen once the last turn released is sent

    def settings(self, name: str, **overrides: Any) -> Settings:
        # The gateway named, not asked of /gateway/bot: each Briefbot points discord.py's process-global
        # gateway URL at it when made.
        values: dict[str, Any] = {
            "shard_lease": LEASE,
            "discord_gateway_url": self.standin.gateway_url,
            **overrides,
        }
        if "database_url" in overrides:
            values["database_path"] = ""  # left empty: bot_settings names a SQLite file of its own
        return bot_settings(self.standin, self.tmp_path / name, **values)

    async def wait_turn(self, at: float) -> None:
        """An IDENTIFY turn `at` (stand-in seconds) comes by moving the stand-in's clock on to it, as time
        would: turns in their order, each once the IDENTIFY of the turn before has reached the stand-in
        (or a second later: that one was not sent after all)."""
        self._turns.append(at)
        try:
            await eventually(lambda: min(self._turns) == at)
            with contextlib.suppress(TimeoutError):
                await eventually(lambda: len(self.standin.gateway.identifies) >= self._released, within=1.0)
        finally:
            self._turns.remove(at)
        ahead = at - self.standin.clock()
        if ahead > 0:
            self.standin.advance_clock(ahead)
        self._released = len(self.standin.gateway.identifies) + 1

    async def start(self, name: str, settings: Settings) -> Briefbot:
        bot = Briefbot(
            settings,
            guild_ready_timeout=0.05,
            watch_discord_clock=False,  # the stand-in's clock is moved on for IDENTIFY turns
            identity=new_identity(host=name),
            identify_now=self.standin.clock,
            identify_wait=self.wait_turn,
            library=Library([]),  # no load blocking the loop that the other "processes" share
        )
        await bot.login(FAKE_TOKEN)
        self.running[name] = (bot, asyncio.create_task(bot.connect(), name=f"{name}-connect"))
        return bot

    async def stop(self, name: str) -> None:
        bot, task = self.running.pop(name)
        await close_client(bot, task, timeout=30)

    def bot(self, name: str) -> Briefbot:
        return self.running[name][0]

    def live(self) -> dict[int, str]:
        """Each live shard at the stand-in, and the process whose session it is."""
        sessions = {
            shard.ws.session_id: name
            for name, (bot, _task) in self.running.items()
            for shard in bot._running_shards().values()
        }
        return {
            shard_id: sessions.get(session.id, "?")
            for shard_id, session in self.standin.gateway.live_shards(self.standin.default_app).items()
        }

    async def close(self) -> None:
        for name in list(self.running):
            await self.stop(name)


@pytest.fixture
async def processes(sharded: DiscordStandIn, tmp_path: Path) -> AsyncIterator[Processes]:
    running = Processes(sharded, tmp_path)
    try:
        yield running
    finally:
        await running.close()
    assert sharded.violations == []  # IDENTIFYs 5 s apart per bucket (stand-in clock), every request valid
    assert sharded.gateway.shard_overlaps == []  # never two live sessions of one shard


async def test_one_process_on_sqlite_claims_every_shard_and_its_heartbeat_names_them(
    processes: Processes, tmp_path: Path
) -> None:
    settings = processes.settings("alone")
    bot = await processes.start("alone", settings)
    assert await eventually(lambda: processes.live() == {0: "alone", 1: "alone"})
    await asyncio.wait_for(bot.digests_ready.wait(), timeout=10)
    assert bot.shard_count == 2 and bot.shard_ids == [0, 1]
    assert await ShardStore(bot.digests.database).count() == 2  # Discord's recommendation, fixed
    rows = await ProcessTable(bot.digests.database).all()  # `briefbot status` reads these
    assert [row.shards for row in rows] == ["0,1 of 2"]
    identified = [i.time for i in processes.standin.gateway.identifies]
    assert len(identified) == 2 and identified[1] - identified[0] >= 5  # one bucket: a turn apart


async def test_processes_share_the_shards_fairly_and_a_pinned_one_gets_its_shard(
    processes: Processes, shared_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.delivery.shards")
    await processes.start("a", processes.settings("a", database_url=shared_url))
    assert await eventually(lambda: processes.live() == {0: "a", 1: "a"})  # alone: it claims both
    await processes.start("b", processes.settings("b", database_url=shared_url))
    # Two live processes: at most one shard each. a gives up shard 1 (closing it first), b claims it.
    assert await eventually(lambda: processes.live() == {0: "a", 1: "b"})
    assert processes.bot("a").shard_ids == [0] and processes.bot("b").shard_ids == [1]
    assert "shard 1 given up (fair share 1 of 2 live process(es))" in caplog.text
    # A third process with shard 0 pinned (SHARD_IDS=0): a gives it up to it and keeps none.
    await processes.start("c", processes.settings("c", database_url=shared_url, shard_ids="0"))
    assert await eventually(lambda: processes.live() == {0: "c", 1: "b"})
    assert processes.bot("a").shard_ids == []
    # A clean stop lets b's lease go at once: a, unpinned and now idle, takes shard 1 over.
    b_owner = str(processes.bot("b").identity)
    await processes.stop("b")
    async with await Database.open(shared_url) as database, database.read() as connection:
        # Let go as b stopped, not left to expire: no lease of b's is left, not even an expired one.
        kept = await connection.fetchval("SELECT count(*) FROM shard_leases WHERE owner = ?", (b_owner,))
    assert kept == 0
    assert await eventually(lambda: processes.live() == {0: "c", 1: "a"})
    guild_shards = {guild.shard_id for guild in processes.bot("a").guilds}
    assert guild_shards <= {1}  # the servers of the shard it gave up left its cache


async def test_a_process_whose_lease_lapses_closes_its_shard_before_another_takes_it_over(
    processes: Processes, shared_url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="bot.delivery.shards")
    a = await processes.start("a", processes.settings("a", database_url=shared_url, shard_ids="0"))
    b = await processes.start("b", processes.settings("b", database_url=shared_url))
    assert await eventually(lambda: processes.live() == {0: "a", 1: "b"})
    # a loses the database (a partition): it can neither renew its lease nor let it go.
    store = a.shards_coordinator._store if a.shards_coordinator else None
    assert store is not None

    async def unreachable(*args: Any, **kwargs: Any) -> Any:
        raise OSError("connection refused (test: the database is unreachable from a)")

    for method in ("renew", "claim", "release", "next_expiry", "leave"):
        monkeypatch.setattr(store, method, unreachable)
    # a closes shard 0 two thirds into its lease; b claims it once the lease has expired, and only then
    # IDENTIFYs it (the fixture checks that no IDENTIFY found a live session of its shard).
    assert await eventually(lambda: processes.live() == {1: "b", 0: "b"})
    assert "shard lease(s) 0 not renewed for 2.7s: closing them before the lease expires" in caplog.text
    assert f"shard 0 taken over from {a.shards_coordinator.owner}" in caplog.text
    assert a.shard_ids == [] and b.shard_ids == [0, 1]


async def test_two_processes_starting_together_identify_a_turn_apart_through_the_database(
    processes: Processes, shared_url: str
) -> None:
    # Each pinned to one shard, both in bucket 0 (max_concurrency 1): without the database's turns both
    # would IDENTIFY at once, which the stand-in records as a violation (shard_id % max_concurrency).
    await asyncio.gather(
        processes.start("a", processes.settings("a", database_url=shared_url, shard_ids="0")),
        processes.start("b", processes.settings("b", database_url=shared_url, shard_ids="1")),
    )
    assert await eventually(lambda: processes.live() == {0: "a", 1: "b"})
    times = sorted(i.time for i in processes.standin.gateway.identifies)
    assert len(times) == 2 and times[1] - times[0] >= 5


async def test_a_later_process_with_another_shard_count_is_refused_while_one_is_live(
    processes: Processes, shared_url: str
) -> None:
    await processes.start("a", processes.settings("a", database_url=shared_url))
    assert await eventually(lambda: processes.live() == {0: "a", 1: "a"})
    other = Briefbot(
        processes.settings("b", database_url=shared_url, shard_count=3), identity=new_identity("b")
    )
    with pytest.raises(Exception, match=r"SHARD_COUNT is 3, but the processes on this database run 2"):
        await other.login(FAKE_TOKEN)
    with contextlib.suppress(Exception):
        await other.close()


async def test_a_later_process_with_another_delivery_rate_is_refused_while_one_is_live(
    processes: Processes, shared_url: str
) -> None:
    # Failed first: b started beside a, each spacing the shared permits by its own rate (45 and 450), so
    # together they would have sent about eleven times a's rate on one token.
    await processes.start("a", processes.settings("a", database_url=shared_url))
    assert await eventually(lambda: processes.live() == {0: "a", 1: "a"})
    other = Briefbot(
        processes.settings("b", database_url=shared_url, delivery_rate_per_second=450),
        identity=new_identity("b"),
    )
    with pytest.raises(
        Exception, match=r"DELIVERY_RATE_PER_SECOND is 450, but 1 live process on this database paces at 45 "
    ):
        await other.login(FAKE_TOKEN)
    with contextlib.suppress(Exception):
        await other.close()
    assert processes.live() == {0: "a", 1: "a"}


async def test_a_process_takes_only_its_own_shards_servers_for_removed_when_they_are_not_in_ready(
    processes: Processes, shared_url: str
) -> None:
    # READY lists the servers of its shard only: a server of another process's shard is not "removed".
    by_shard = await guilds_on_both_shards(processes.standin, count=2)
    guilds = [by_shard[0][0], by_shard[1][0]]
    async with await Database.open(shared_url) as database:
        for guild_id in guilds:
            channel = processes.standin.channel_id("news", guild_id=guild_id)
            await subscribe(database, channel, now=datetime.now(UTC), guild_id=guild_id)
    a = await processes.start("a", processes.settings("a", database_url=shared_url, shard_ids="0"))
    await asyncio.wait_for(a.digests_ready.wait(), timeout=20)
    assert a.shard_ids == [0]
    async with a.digests.database.read() as connection:
        removed = await connection.fetch("SELECT guild_id FROM removed_servers")
    assert removed == []
    assert {guild.id for guild in a.guilds} == set(by_shard[0])


async def test_shard_ids_on_sqlite_is_refused_at_start_as_no_other_process_runs_the_rest(
    processes: Processes,
) -> None:
    # Failed first: with SHARD_IDS=1 of 2 on a SQLite file the process ran shard 1 alone; shard 0, and the
    # commands of every server on it, ran nowhere (one process per SQLite file), though the README says a
    # process on SQLite runs every shard.
    alone = Briefbot(
        processes.settings("alone", shard_count=2, shard_ids=[1]), identity=new_identity("alone")
    )
    try:
        with pytest.raises(Exception, match=r"SHARD_IDS pins shards .* SQLite .* runs every shard"):
            await alone.login(FAKE_TOKEN)
        assert processes.standin.gateway.identifies == []
    finally:
        with contextlib.suppress(Exception):
            await alone.close()
