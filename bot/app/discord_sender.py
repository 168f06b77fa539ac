"""Posting a digest to a channel through discord.py, and naming what went wrong in the ledger's terms."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

import aiohttp
import discord

from bot.app.embeds import to_embeds
from bot.app.receipts import receipt
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


log = logging.getLogger(__name__)

CLOUDFLARE_PAUSE = 60.0  # seconds, when a ban's Retry-After gives no wait that can be read
UNAUTHORIZED_PAUSE = 60.0  # seconds every send waits after Discord refused the token (401)
LONGEST_PAUSE = 3600.0  # a longer Retry-After is read as an hour: the answer after it says again


def retry_after_seconds(headers: Mapping[str, str], now: datetime) -> float:
    """How long a 429's `Retry-After` asks everything to wait, read defensively.

    The header is delay-seconds or an HTTP date (RFC 9110); a date is measured against the answer's own
    `Date` (Discord's clock), else `now`. Empty, unreadable or negative: CLOUDFLARE_PAUSE, since sending
    into a ban prolongs it. Between 1 s and LONGEST_PAUSE.
    """
    value = (headers.get("Retry-After") or "").strip()
    seconds: float | None = None
    try:
        seconds = float(value)
    except ValueError:
        until = _http_date(value)
        if until is not None:
            seconds = (until - (_http_date(headers.get("Date") or "") or now)).total_seconds()
            seconds = max(seconds, 0.0)  # a date already past: wait the least
    if seconds is None or math.isnan(seconds) or seconds < 0:
        log.warning("429 with an unreadable Retry-After %r: pausing %.0fs", value[:40], CLOUDFLARE_PAUSE)
        return CLOUDFLARE_PAUSE
    return min(max(seconds, 1.0), LONGEST_PAUSE)


def _http_date(value: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _cloudflare_ban(error: discord.HTTPException, now: datetime) -> RateLimitedError:
    # discord.py retries Discord's own 429s; one that reaches us had no `Via` header: Cloudflare's ban on the
    # IP. Hammering it prolongs the ban, so everything waits.
    wait = retry_after_seconds(error.response.headers, now)
    return RateLimitedError(wait, is_global=True, reason=describe(error))


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
        window = await self.bot.digests.digest_window(nonce)
        channel = self.bot.get_partial_messageable(channel_id)
        try:
            sent = await channel.send(
                content=receipt(window) if window is not None else None,
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
                raise _cloudflare_ban(error, self.bot.clock()) from error
            if error.status == 401:
                # The token, not the channel: nothing is given up and every send waits, as for a global
                # 429, rather than each channel retrying on its own (each 401 counts towards Discord's
                # 10,000 invalid requests per 10 minutes, past which the IP is banned).
                raise RateLimitedError(UNAUTHORIZED_PAUSE, is_global=True, reason=describe(error)) from error
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
            raise _history_error(error, self.bot.clock()) from error
        except (aiohttp.ClientError, OSError) as error:
            raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error

    async def can_read_history(self, channel_id: int) -> bool | None:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(channel_id)
            except discord.HTTPException as error:
                raise _history_error(error, self.bot.clock()) from error
            except (aiohttp.ClientError, OSError) as error:
                raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error
        if not isinstance(channel, discord.abc.GuildChannel | discord.Thread):
            return None
        me = channel.guild.me
        if me is None:  # the server is not in the gateway's cache: its roles are unknown
            return None
        permissions = channel.permissions_for(me)
        return permissions.view_channel and permissions.read_message_history


def _history_error(error: discord.HTTPException, now: datetime) -> Exception:
    if error.status == 429:
        return _cloudflare_ban(error, now)
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
