"""The real Briefbot, as `briefbot run` builds it, connected to the local Discord stand-in."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app.client import Briefbot, point_at_api
from bot.settings import Settings
from tests.conftest import make_library, migrated_sqlite_file
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn
from tests.standin.harness import FAKE_TOKEN, close_client, connect_client


def bot_settings(standin: DiscordStandIn, tmp_path: Path, **overrides: Any) -> Settings:
    """Settings of a bot on the stand-in; its library is the shipped brief alone unless `briefs_dir` is given."""
    if "briefs_dir" not in overrides:
        overrides["briefs_dir"], overrides["seeds_dir"] = make_library(tmp_path / "library")
    values: dict[str, Any] = {
        "discord_token": FAKE_TOKEN,
        "discord_api_base_url": standin.base_url,
        "discord_guild_id": standin.guild_id,
        "database_path": tmp_path / "briefbot.sqlite3",
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn() as running:
        yield running
    point_at_api(None, None)


class SkippedIdentifyWaits:
    """The IDENTIFY gate's clock for the bots of these tests: real time plus every wait for a turn skipped so
    far, in this process. A bot restarted on its database has its turn 5.5 s after the last IDENTIFY
    (bot.delivery.shards.IdentifyGate); the gate still reserves it in the database and waits for it, but the
    wait is over at once, time moving on by what it would have waited. The stand-in of these tests does not
    hold IDENTIFYs to Discord's 5 s (with `enforce_identify_concurrency` it does, and the wait is real:
    tests/e2e/test_shards.py tests the gate against it)."""

    skipped = 0.0  # one for the process: this clock never goes back, whichever bot waits

    @classmethod
    def now(cls) -> float:
        return time.time() + cls.skipped

    @classmethod
    async def wait(cls, at: float) -> None:
        cls.skipped += max(0.0, at - cls.now())
        await asyncio.sleep(0)


@contextlib.asynccontextmanager
async def running_bot(
    standin: DiscordStandIn,
    settings: Settings,
    clock: Callable[[], datetime] | None = None,
    *,
    watch_discord_clock: bool = True,
    wait_for_digests: bool = True,
    **bot_options: Any,
) -> AsyncIterator[Briefbot]:
    """The bot `briefbot run` builds, connected and ready, with its digests started (unless not
    `wait_for_digests`); closed on exit. `bot_options` go to Briefbot.

    With a FakeClock, Discord's clock follows its true time and the bot's monotonic clock its elapsed time,
    so that the bot's clock and Discord's agree until a test steps the wall clock (`jump`). A stand-in in
    another process (the benchmarks) cannot follow it: the bot then does not watch Discord's clock, nor with
    `watch_discord_clock=False` (a skew the bot could not notice).
    """
    target = settings.database
    if isinstance(target, Path) and not target.exists():
        await migrated_sqlite_file(target)  # what the bot's first start would migrate, made once a process
    options: dict[str, Any] = {"watch_discord_clock": watch_discord_clock, **bot_options}
    if isinstance(clock, FakeClock):
        options["monotonic"] = clock.monotonic
        if isinstance(standin, DiscordStandIn):
            if not standin.clock_injected:
                standin.follow_clock(clock.true_now)
        else:
            options["watch_discord_clock"] = False
    if not (isinstance(standin, DiscordStandIn) and standin.gateway.enforce_identify_concurrency):
        options.setdefault("identify_now", SkippedIdentifyWaits.now)
        options.setdefault("identify_wait", SkippedIdentifyWaits.wait)
    bot = Briefbot(
        settings,
        guild_ready_timeout=0.05,
        pager_timeout=60,
        clock=clock or (lambda: datetime.now(UTC)),
        **options,
    )
    task = await connect_client(bot)
    if wait_for_digests:
        await asyncio.wait_for(bot.digests_ready.wait(), timeout=10)
    try:
        yield bot
    finally:
        await close_client(bot, task, timeout=30)


@pytest.fixture
async def briefbot(standin: DiscordStandIn, tmp_path: Path) -> AsyncIterator[Briefbot]:
    async with running_bot(standin, bot_settings(standin, tmp_path)) as bot:
        yield bot
    assert standin.violations == []
