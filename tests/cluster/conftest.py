"""Several `briefbot run` processes on one PostgreSQL database and one token, against one stand-in.

Each process is started as a user starts it (`python -m bot run`, configured by its environment only) with
its own REST base URL: the same stand-in on a port of its own (`DiscordStandIn.listen_again`), so every
request the stand-in records says which process made it, and so does each IDENTIFY (the stand-in's GET
/gateway/bot answers with a gateway on the port asked). Digest leases last `LEASE` (3 s), and shard leases
`SHARD_LEASE` where a test splits shards, so that a killed process's rows and shards are taken over within
seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.process_identity import ProcessIdentity
from bot.storage import Database, DeliveryLedger
from bot.storage.leases import LiveLease
from tests.e2e.test_process import SECRET, run_env
from tests.helpers import subscribe
from tests.standin import DiscordStandIn

LEASE = "3s"
SHARD_LEASE = "6s"  # renewed every 1.5 s: 3 s (0.75 s) lapsed on a machine at load 12-17
# IDENTIFY concurrency the stand-in announces: shards 0..2 in buckets of their own, so that three processes
# identify at once rather than 5.5 s apart.
MAX_CONCURRENCY = 3
# The stand-in's global limit is raised to GLOBAL_LIMIT (Discord's is 50/s) so that a slot takes a second or
# two; the processes share one budget of RATE, well under it (a starved CPU may bunch requests).
GLOBAL_LIMIT = 100
RATE = "60"
MESSAGES = "POST /channels/{channel_id}/messages"
MESSAGE_ROUTE = "/channels/{channel_id}/messages"
# Seconds for any one step (start, fan-out, stop) on a loaded machine; only a failure waits so long.
STEP = 120.0


@dataclass
class BotProcess:
    """One `briefbot run`: its process, its log, and the stand-in port it talks REST to."""

    name: str
    process: asyncio.subprocess.Process
    log: Path
    port: int

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def owns(self, lease: LiveLease) -> bool:
        identity = ProcessIdentity.parse(lease.owner)
        return identity is not None and identity.pid == self.pid


class Cluster:
    """Starts `briefbot run` processes on one database and one stand-in; none outlives the test."""

    def __init__(self, standin: DiscordStandIn, workdir: Path, database_url: str) -> None:
        self.standin = standin
        self.workdir = workdir
        self.database_url = database_url
        env = run_env(
            workdir,
            DISCORD_TOKEN=SECRET,
            DATABASE_URL=database_url,
            DIGEST_LEASE=LEASE,
            DELIVERY_RATE_PER_SECOND=RATE,
            SHUTDOWN_GRACE_SECONDS="5",
            LOG_LEVEL="INFO",
        )
        del env["DATABASE_PATH"]  # DATABASE_URL instead (both set is an error)
        self.env = env
        self.bots: list[BotProcess] = []

    async def subscribe(self, n: int) -> list[int]:
        """`n` channels subscribed ten minutes ago to a daily slot five minutes ago: each process's start-up
        catch-up records that slot (the second recorder adds nothing) and its fan-out begins at once."""
        channels = self.standin.register_channels(n)
        now = datetime.now(UTC)
        database = await Database.open(self.database_url)
        try:
            await subscribe(
                database,
                *channels,
                guild_id=self.standin.guild_id,
                schedule=f"{now - timedelta(minutes=5):%H:%M}",
                now=now - timedelta(minutes=10),
            )
        finally:
            await database.close()
        return channels

    async def start(self, n: int, **env: str) -> list[BotProcess]:
        """Start `n` processes, with `env` added to their environment."""
        started = []
        for _ in range(n):
            name = f"bot-{len(self.bots) + 1}"
            base_url = await self.standin.listen_again()
            log = self.workdir / f"{name}.log"
            with log.open("wb") as out:
                process = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bot", "run", cwd=self.workdir,  # no .env there
                    env={**self.env, **env, "DISCORD_API_BASE_URL": base_url},
                    stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=asyncio.subprocess.STDOUT,
                )  # fmt: skip
            bot = BotProcess(name, process, log, self.standin.ports[-1])
            self.bots.append(bot)
            started.append(bot)
        return started

    def alive(self) -> list[BotProcess]:
        return [bot for bot in self.bots if bot.process.returncode is None]

    async def kill(self, bot: BotProcess) -> None:
        """SIGKILL: no clean-up code of the bot runs, its leases stay in the database until they lapse."""
        bot.process.kill()
        await bot.process.wait()

    async def stop(self) -> dict[str, int]:
        """SIGTERM to every live process; each one's exit status, by name."""
        alive = self.alive()
        for bot in alive:
            bot.process.send_signal(signal.SIGTERM)
        codes = await asyncio.wait_for(asyncio.gather(*(b.process.wait() for b in alive)), STEP)
        return {bot.name: code for bot, code in zip(alive, codes, strict=True)}

    async def kill_all(self) -> None:
        for bot in self.alive():
            with contextlib.suppress(ProcessLookupError):
                bot.process.kill()
            await bot.process.wait()

    async def settled(self, channels: list[int]) -> None:
        """Waits until every channel has a message and the ledger has nothing pending nor in flight (a resend
        answered by its nonce adds no message, so messages alone are not enough)."""
        await self.standin.wait_for(lambda: all(self.standin.messages.get(c) for c in channels), STEP)
        database = await Database.open(self.database_url)
        try:
            ledger = DeliveryLedger(database)
            async with asyncio.timeout(STEP):
                while await ledger.count("pending") or await ledger.leases.live():
                    for bot in self.bots:
                        assert bot.process.returncode is None or bot.process.returncode < 0, bot.output()
                    await asyncio.sleep(0.05)  # a look at the database, until it shows the end
        finally:
            await database.close()

    def shards(self) -> dict[str, set[int]]:
        """The shards each live process has a live gateway session of now, by name, from the stand-in's
        IDENTIFY records (each process connects to the gateway on its own port)."""
        gateway = self.standin.gateway
        live = {session.id for session in gateway.live_sessions()}
        by_port = {bot.port: bot.name for bot in self.bots}
        held: dict[str, set[int]] = {bot.name: set() for bot in self.alive()}
        for identify in gateway.identifies:
            name = by_port.get(identify.port)
            if identify.session_id in live and identify.shard is not None and name is not None:
                held.setdefault(name, set()).add(identify.shard[0])
        return held

    def sessions_per_shard(self) -> Counter[int]:
        """How many live gateway sessions each shard has now."""
        return Counter(
            session.shard[0] if session.shard else 0 for session in self.standin.gateway.live_sessions()
        )

    def sent_by(self, bot: BotProcess, *, after: float = float("-inf")) -> list[int]:
        """Channels `bot` posted a digest request to (any answer) after stand-in time `after`."""
        return [
            int(r.path.split("/")[2])
            for r in self.standin.requests
            if r.port == bot.port and r.method == "POST" and r.route == MESSAGE_ROUTE and r.time > after
        ]


@pytest.fixture
async def cluster(tmp_path: Path, postgres_url: str) -> AsyncIterator[Cluster]:
    async with DiscordStandIn(
        latency=(0.02, 0.05), global_limit=GLOBAL_LIMIT, max_concurrency=MAX_CONCURRENCY
    ) as standin:
        cluster = Cluster(standin, tmp_path, postgres_url)
        try:
            yield cluster
        finally:
            await cluster.kill_all()
