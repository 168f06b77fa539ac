"""Posting a digest to a channel through discord.py, and naming what went wrong in the ledger's terms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import aiohttp
import discord

from bot.app.embeds import to_embeds
from bot.app.views import digest_marker, digest_view, is_digest_button
from bot.briefs.render import render_digest
from bot.delivery.sender_protocol import (
    NothingToSendError,
    PermanentDeliveryError,
    PostedMessage,
    RateLimitedError,
    TransientDeliveryError,
)

if TYPE_CHECKING:
    from bot.app.client import Briefbot


CLOUDFLARE_PAUSE = 60.0  # seconds, when a ban carries no Retry-After


def describe(error: discord.HTTPException) -> str:
    """`403 Missing Access (50001)`: short, stored in the ledger, shown by `/digest history`."""
    text = error.text or error.response.reason or "error"
    return f"{error.status} {text} ({error.code})" if error.code else f"{error.status} {text}"


class DiscordSender:
    """The dispatcher's Sender: renders the digest of `brief_ids` and posts it with the delivery's nonce."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    async def send_digest(self, channel_id: int, nonce: str, brief_ids: Sequence[str]) -> int:
        briefs = [brief for brief_id in brief_ids if (brief := self.bot.library.find(brief_id)) is not None]
        if not briefs:
            raise NothingToSendError("its briefs are no longer loaded")
        message = render_digest(briefs)
        channel = self.bot.get_partial_messageable(channel_id)
        try:
            sent = await channel.send(
                embeds=to_embeds(message),
                view=digest_view(briefs, marker=nonce),
                nonce=nonce,
            )
        except discord.RateLimited as limited:
            raise RateLimitedError(limited.retry_after, is_global=False) from limited
        except discord.DiscordServerError as error:
            raise TransientDeliveryError(describe(error)) from error
        except discord.HTTPException as error:
            if error.status == 429:
                # discord.py retries Discord's own 429s; one that reaches us had no `Via` header: Cloudflare's
                # ban on the IP. Hammering it prolongs the ban, so everything waits.
                wait = float(error.response.headers.get("Retry-After", CLOUDFLARE_PAUSE))
                raise RateLimitedError(max(wait, 1.0), is_global=True, reason=describe(error)) from error
            if error.status == 401:
                # The token, not the channel: nothing is given up, every channel waits for a valid token.
                raise TransientDeliveryError(describe(error)) from error
            if error.status in (400, 403, 404):
                raise PermanentDeliveryError(describe(error)) from error
            raise TransientDeliveryError(describe(error)) from error
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error
        return sent.id

    async def history_after(
        self, channel_id: int, after: datetime | int, *, limit: int
    ) -> Sequence[PostedMessage]:
        channel = self.bot.get_partial_messageable(channel_id)
        me = self.bot.user
        anchor = discord.Object(after) if isinstance(after, int) else after
        try:
            # One request: discord.py asks for `limit` (<= 100) after `anchor` and yields them oldest first.
            return [
                _posted(message, me.id if me else None)
                async for message in channel.history(limit=limit, after=anchor, oldest_first=True)
            ]
        except discord.HTTPException as error:
            raise _history_error(error) from error
        except (aiohttp.ClientError, OSError) as error:
            raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error

    async def can_read_history(self, channel_id: int) -> bool | None:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(channel_id)
            except discord.HTTPException as error:
                raise _history_error(error) from error
            except (aiohttp.ClientError, OSError) as error:
                raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error
        if not isinstance(channel, discord.abc.GuildChannel | discord.Thread):
            return None
        me = channel.guild.me
        if me is None:  # the server is not in the gateway's cache: its roles are unknown
            return None
        permissions = channel.permissions_for(me)
        return permissions.view_channel and permissions.read_message_history


def _history_error(error: discord.HTTPException) -> Exception:
    if error.status in (403, 404):
        return PermanentDeliveryError(describe(error))
    return TransientDeliveryError(describe(error))


def _posted(message: discord.Message, my_id: int | None) -> PostedMessage:
    ids = [
        child.custom_id
        for row in message.components
        if isinstance(row, discord.ActionRow)
        for child in row.children
        if isinstance(child, discord.Button) and child.custom_id
    ]
    markers = frozenset(marker for custom_id in ids if (marker := digest_marker(custom_id)))
    return PostedMessage(
        id=message.id,
        created_at=message.created_at,
        by_bot=my_id is not None and message.author.id == my_id,
        markers=markers,
        unmarked_digest=not markers and any(is_digest_button(custom_id) for custom_id in ids),
    )
