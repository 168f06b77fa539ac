"""Posting an alert to a server's admin channel through discord.py, and reading that channel's history for
an alert posted before (its marker is the last line of its content)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import aiohttp
import discord

from bot.app.discord_sender import DiscordSender, _cloudflare_ban, describe
from bot.delivery.alerts import MARKER_PREFIX
from bot.delivery.sender_protocol import (
    PermanentDeliveryError,
    PostedMessage,
    RateLimitedError,
    TransientDeliveryError,
)

if TYPE_CHECKING:
    from bot.app.client import Briefbot


def _as_delivery_error(error: discord.HTTPException, now: datetime) -> Exception:
    if isinstance(error, discord.DiscordServerError):
        return TransientDeliveryError(describe(error))
    if error.status == 429:
        return _cloudflare_ban(error, now)
    if error.status in (400, 403, 404):
        return PermanentDeliveryError(describe(error))
    return TransientDeliveryError(describe(error))


def alert_markers(content: str) -> frozenset[str]:
    """The alert nonces a message's content carries (its last line, `-# Briefbot alert <nonce>`)."""
    last = content.rstrip().rsplit("\n", 1)[-1]
    return (
        frozenset({last.removeprefix(MARKER_PREFIX).strip()})
        if last.startswith(MARKER_PREFIX)
        else frozenset()
    )


def _alert_posted(message: discord.Message, my_id: int | None) -> PostedMessage:
    return PostedMessage(
        id=message.id,
        created_at=message.created_at,
        by_bot=my_id is not None and message.author.id == my_id,
        markers=alert_markers(message.content),
    )


class DiscordAlertSender:
    """The alert dispatcher's AlertSender."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        self._digests = DiscordSender(bot)

    async def send_alert(self, channel_id: int, nonce: str, content: str) -> int:
        channel = self.bot.get_partial_messageable(channel_id)
        try:
            sent = await channel.send(content, nonce=nonce, allowed_mentions=discord.AllowedMentions.none())
        except discord.RateLimited as limited:
            raise RateLimitedError(limited.retry_after, is_global=False) from limited
        except discord.HTTPException as error:
            raise _as_delivery_error(error, self.bot.clock()) from error
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error
        return sent.id

    async def history_after(
        self, channel_id: int, after: datetime | int, *, limit: int
    ) -> Sequence[PostedMessage]:
        return await self._digests.history_after(channel_id, after, limit=limit, read=_alert_posted)

    async def can_read_history(self, channel_id: int) -> bool | None:
        return await self._digests.can_read_history(channel_id)
