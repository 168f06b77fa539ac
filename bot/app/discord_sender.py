"""Posting a digest to a channel through discord.py, and naming what went wrong in the ledger's terms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import aiohttp
import discord

from bot.app.embeds import to_embeds
from bot.app.views import MAX_BRIEF_ROWS, digest_view
from bot.briefs.render import render_digest
from bot.delivery.sender_protocol import (
    NothingToSendError,
    PermanentDeliveryError,
    RateLimitedError,
    TransientDeliveryError,
)

if TYPE_CHECKING:
    from bot.app.client import Briefbot


CLOUDFLARE_PAUSE = 60.0  # seconds, when a ban carries no Retry-After
RECENT_MESSAGES_CHECKED = 50  # a channel gets a digest a day or so: its last one is among these


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
                view=digest_view(briefs),
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

    async def find_posted_digest(
        self, channel_id: int, brief_ids: Sequence[str], after_message_id: int | None
    ) -> int | None:
        wanted = {f"briefbot:digest:who:{brief_id}" for brief_id in brief_ids[:MAX_BRIEF_ROWS]}
        me = self.bot.user
        channel = self.bot.get_partial_messageable(channel_id)
        after = discord.Object(after_message_id) if after_message_id else None
        try:
            async for message in channel.history(
                limit=RECENT_MESSAGES_CHECKED, after=after, oldest_first=False
            ):
                if after_message_id is not None and message.id <= after_message_id:
                    continue
                if me is not None and message.author.id == me.id and _digest_buttons(message) == wanted:
                    return message.id
        except discord.HTTPException as error:
            if error.status in (403, 404):
                raise PermanentDeliveryError(describe(error)) from error
            raise TransientDeliveryError(describe(error)) from error
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error
        return None


def _digest_buttons(message: discord.Message) -> set[str]:
    return {
        child.custom_id
        for row in message.components
        if isinstance(row, discord.ActionRow)
        for child in row.children
        if isinstance(child, discord.Button)
        and child.custom_id
        and child.custom_id.startswith("briefbot:digest:who:")
    }
