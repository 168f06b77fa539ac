"""What the end-to-end tests of subscriptions share: subscribing channels through the bot's service, and
changing the stand-in's server while waiting until the bot has acted on the event the change sends."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from bot.app.client import Briefbot
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
