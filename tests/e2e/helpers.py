"""What the end-to-end tests of subscriptions share: a bot with channels subscribed, subscribing channels
through the bot's service, and changing the stand-in's server while waiting until the bot has acted on the
event the change sends."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from bot.app.client import Briefbot
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digests import SLOT_DAY
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn

SEND_MESSAGES = 1 << 11


async def subscribed(
    bot: Briefbot, standin: DiscordStandIn, *channels: int, guild_id: int | None = None
) -> None:
    """Subscribe `channels` (of the stand-in's server, or `guild_id`) at 09:00 UTC."""
    for channel in channels:
        await bot.digests.subscribe(
            guild_id=guild_id or standin.guild_id, channel_id=channel, schedule="09:00", timezone="UTC"
        )


def checked(bot: Briefbot, event: str) -> asyncio.Future[Any]:
    """Resolves once the bot has acted on the next gateway event `event` (its subscriptions checked)."""
    return asyncio.ensure_future(
        bot.wait_for("subscriptions_checked", check=lambda name, _id: name == event, timeout=5)
    )


async def acted_on(bot: Briefbot, event: str, change: Callable[[], object]) -> None:
    """Make `change`, which sends the gateway event `event`, and wait until the bot has acted on it."""
    acted = checked(bot, event)
    change()
    await acted


@contextlib.asynccontextmanager
async def digests_to(
    standin: DiscordStandIn, tmp_path: Path, *names: str
) -> AsyncIterator[tuple[Briefbot, FakeClock, list[int]]]:
    """The bot running on a fake clock 30 s before a 09:00 UTC slot (SLOT_DAY), the stand-in server's
    channels `names` subscribed at 09:00 UTC: (the bot, its clock, the channels' ids). On leaving, no request
    broke Discord's rules."""
    clock = FakeClock(SLOT_DAY)
    channels = [standin.channel_id(name) for name in names]
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        await subscribed(bot, standin, *channels)
        yield bot, clock, channels
    assert standin.violations == []
