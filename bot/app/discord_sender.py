"""Posting a digest to a channel through discord.py, and naming what went wrong in the ledger's terms."""

from __future__ import annotations

import collections
import contextlib
import logging
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Literal

import aiohttp
import discord
from discord.http import Route, handle_message_parameters
from discord.utils import MISSING

from bot.app.embeds import to_embeds
from bot.app.views import digest_marker, digest_view, is_digest_button
from bot.briefs.models import Brief
from bot.briefs.render import MessageData, digest_title
from bot.delivery.receipts import digest_message
from bot.delivery.sender_protocol import (
    ChannelGoneError,
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
UNKNOWN_CHANNEL = 10003  # "Unknown Channel": deleted (a channel the bot may not see answers 403 50001)
THREAD_ALREADY_OPEN = 160004  # "A thread has already been created for this message"
ALREADY_CROSSPOSTED = 40033  # "This message has already been crossposted"
DAY_MINUTES: Literal[1440] = (
    1440  # a thread on a digest archives after a day without messages (Discord's default)
)


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


class _ServerAnswered(Exception):
    """A 5xx that the request's own check raised before discord.py could retry it."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(f"{status} {text[:200]}")
        self.status = status


async def _never_retry_server_errors(response: aiohttp.ClientResponse) -> None:
    """aiohttp's per-request `raise_for_status` check: a 5xx leaves discord.py's request loop before its
    unconditional retry of 500/502/504 (which, for a request without a nonce, would apply it twice). 429s
    and the rest are left to discord.py: a 429 was not applied, and is waited out and retried there."""
    if response.status >= 500:
        raise _ServerAnswered(response.status, await response.text())


@contextlib.contextmanager
def _as_delivery_errors(now: Callable[[], datetime]) -> Iterator[None]:
    """discord.py's and the network's errors as the dispatcher's DeliveryErrors."""
    try:
        yield
    except discord.RateLimited as limited:
        raise RateLimitedError(limited.retry_after, is_global=False) from limited
    except discord.DiscordServerError as error:
        raise TransientDeliveryError(describe(error)) from error
    except discord.HTTPException as error:
        if error.status == 429:
            raise _cloudflare_ban(error, now()) from error
        if error.status == 401:
            # The token, not the channel: nothing is given up and every send waits, as for a global
            # 429, rather than each channel retrying on its own (each 401 counts towards Discord's
            # 10,000 invalid requests per 10 minutes, past which the IP is banned).
            raise RateLimitedError(UNAUTHORIZED_PAUSE, is_global=True, reason=describe(error)) from error
        if error.status == 404 and error.code == UNKNOWN_CHANNEL:
            raise ChannelGoneError(describe(error)) from error
        if error.status in (400, 403, 404):
            raise PermanentDeliveryError(describe(error)) from error
        raise TransientDeliveryError(describe(error)) from error
    except _ServerAnswered as error:
        raise TransientDeliveryError(f"{error}; it may have been applied") from error
    except (aiohttp.ClientError, TimeoutError, OSError) as error:
        raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error


def _mentions(role_id: int | None) -> discord.AllowedMentions:
    """Exactly that role may be pinged: never @everyone, @here, a user or another role; without one, no
    mention at all (the client's default)."""
    if role_id is None:
        return discord.AllowedMentions.none()
    return discord.AllowedMentions(
        everyone=False, users=False, roles=[discord.Object(role_id)], replied_user=False
    )


@dataclass(frozen=True, slots=True)
class _Digest:
    """A digest read and rendered, ready to post: its briefs, its message, discord.py's embeds and buttons."""

    briefs: list[Brief]
    message: MessageData
    embeds: list[discord.Embed]
    view: discord.ui.View


PREPARED_KEPT = 256  # digests read ahead and not yet sent (far more than the sends a dispatcher runs at once)
_DigestKey = tuple[str, tuple[str, ...], int | None]


class DiscordSender:
    """The dispatcher's Sender: renders the digest of `brief_ids` and posts it with the delivery's nonce."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        # Digests read and rendered ahead of their sends (`prepare_digest`), by their arguments; each is
        # taken by its send. One whose send never came (its row stopped at the permit's check) is dropped
        # once PREPARED_KEPT newer ones are kept; a send that finds none reads and renders as before.
        self._prepared: collections.OrderedDict[_DigestKey, _Digest] = collections.OrderedDict()

    async def prepare_digest(
        self, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> None:
        """Read and render the digest ahead of its send (bot.delivery.sender_protocol.PreparesDigests)."""
        key = (nonce, tuple(brief_ids), ping_role_id)
        try:
            self._prepared[key] = await self._read_and_render(nonce, brief_ids, ping_role_id)
        except Exception:  # a delivery's error or the database's: the send reads again and raises it
            return  # where the dispatcher expects it (inside the send, classified as a send's failure)
        while len(self._prepared) > PREPARED_KEPT:
            self._prepared.popitem(last=False)

    async def _digest(self, nonce: str, brief_ids: Sequence[str], ping_role_id: int | None) -> _Digest:
        prepared = self._prepared.pop((nonce, tuple(brief_ids), ping_role_id), None)
        if prepared is not None:
            return prepared
        return await self._read_and_render(nonce, brief_ids, ping_role_id)

    async def _read_and_render(
        self, nonce: str, brief_ids: Sequence[str], ping_role_id: int | None
    ) -> _Digest:
        """The digest's briefs, each at the version its row recorded whatever the library holds now, and its
        message: the role it pings and its receipt (which slot, what window) as content, then the briefs (one
        shown as updated says what changed)."""
        entries = await self.bot.digests.versions.entries_of(nonce, brief_ids)
        if not entries:
            raise NothingToSendError("its briefs are no longer loaded")
        window = await self.bot.digests.digest_window(nonce)
        briefs = [entry.brief for entry in entries]
        message = digest_message(entries, window, ping_role_id)
        return _Digest(briefs, message, to_embeds(message), digest_view(briefs, marker=nonce))

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        digest = await self._digest(nonce, brief_ids, ping_role_id)
        channel = self.bot.get_partial_messageable(channel_id)
        with _as_delivery_errors(self.bot.clock):
            sent = await channel.send(
                content=digest.message.content or None,
                embeds=digest.embeds,
                view=digest.view,
                nonce=nonce,
                allowed_mentions=_mentions(ping_role_id),
            )
        return sent.id

    async def create_forum_post(
        self,
        forum_id: int,
        nonce: str,
        brief_ids: Sequence[str],
        *,
        local_date: date,
        ping_role_id: int | None,
    ) -> int:
        digest = await self._digest(nonce, brief_ids, ping_role_id)
        # discord.py's ForumChannel.create_thread, less its automatic repeat of a request that answered 5xx:
        # the same request, made through the client's HTTP client (its session, rate limits and global
        # pause), with a check that stops a 5xx before the repeat.
        with handle_message_parameters(
            content=digest.message.content or MISSING,
            embeds=digest.embeds,
            view=digest.view,
            allowed_mentions=_mentions(ping_role_id),
            previous_allowed_mentions=self.bot.allowed_mentions,
            channel_payload={"name": digest_title(digest.briefs, local_date)},
        ) as params:
            route = Route("POST", "/channels/{channel_id}/threads", channel_id=forum_id)
            with _as_delivery_errors(self.bot.clock):
                data = await self.bot.http.request(
                    route, json=params.payload, raise_for_status=_never_retry_server_errors
                )
        return int(data["id"])

    async def forum_posts_since(self, forum_id: int, since: datetime) -> Sequence[PostedMessage] | None:
        me = self.bot.user
        with _as_delivery_errors(self.bot.clock):
            forum = self.bot.get_channel(forum_id) or await self.bot.fetch_channel(forum_id)
            if not isinstance(forum, discord.ForumChannel) or me is None:
                return None
            bot_member = forum.guild.me
            if bot_member is not None and not forum.permissions_for(bot_member).read_message_history:
                return None
            # A post is a thread, active or archived (archived ones by the newest archive first: one archived
            # before `since` was made before it, and so were all after it).
            threads = [
                thread
                for thread in await forum.guild.active_threads()
                if thread.parent_id == forum_id and thread.owner_id == me.id
            ]
            async for thread in forum.archived_threads(limit=None):
                if thread.archive_timestamp < since:
                    break
                if thread.owner_id == me.id:
                    threads.append(thread)
            posts = []
            for thread in threads:
                if discord.utils.snowflake_time(thread.id) < since:
                    continue
                try:
                    first = await thread.fetch_message(thread.id)  # a post's first message has its id
                except discord.NotFound:
                    continue  # its first message was deleted: no digest there
                posts.append(_posted(first, me.id))
        return posts

    async def open_thread(
        self, channel_id: int, message_id: int, brief_ids: Sequence[str], *, local_date: date
    ) -> int:
        # Named by the headlines loaded now (a thread has no nonce to find its row's versions by).
        briefs = [brief for brief_id in brief_ids if (brief := self.bot.library.find(brief_id)) is not None]
        if not briefs:
            raise NothingToSendError("its briefs are no longer loaded")
        name = digest_title(briefs, local_date)
        with _as_delivery_errors(self.bot.clock):
            try:
                data = await self.bot.http.start_thread_with_message(
                    channel_id, message_id, name=name, auto_archive_duration=DAY_MINUTES
                )
            except discord.HTTPException as error:
                if error.code == THREAD_ALREADY_OPEN:
                    return message_id  # a thread on a message has the message's id
                raise
        return int(data["id"])

    async def publish(self, channel_id: int, message_id: int) -> None:
        with _as_delivery_errors(self.bot.clock):
            try:
                await self.bot.http.publish_message(channel_id, message_id)
            except discord.HTTPException as error:
                if error.code != ALREADY_CROSSPOSTED:
                    raise

    async def history_after(
        self,
        channel_id: int,
        after: datetime | int,
        *,
        limit: int,
        read: Callable[[discord.Message, int | None], PostedMessage] | None = None,
    ) -> Sequence[PostedMessage]:
        """The channel's messages after `after`, each as `read` (default: a digest's markers, from its
        buttons) gives it from the message and the bot's own id."""
        channel = self.bot.get_partial_messageable(channel_id)
        me = self.bot.user
        anchor = discord.Object(after) if isinstance(after, int) else after
        posted = read or _posted
        try:
            # One request: discord.py asks for `limit` (<= 100) after `anchor` and yields them oldest first.
            return [
                posted(message, me.id if me else None)
                async for message in channel.history(limit=limit, after=anchor, oldest_first=True)
            ]
        except (discord.HTTPException, discord.RateLimited) as error:
            raise _history_error(error, self.bot.clock()) from error
        except (aiohttp.ClientError, OSError) as error:
            raise TransientDeliveryError(f"network: {type(error).__name__}: {error}") from error

    async def can_read_history(self, channel_id: int) -> bool | None:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(channel_id)
            except (discord.HTTPException, discord.RateLimited) as error:
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


def _history_error(error: discord.HTTPException | discord.RateLimited, now: datetime) -> Exception:
    if isinstance(error, discord.RateLimited):
        # A 429 longer than discord.py may wait (max_ratelimit_timeout): waited out, as for a send.
        return RateLimitedError(error.retry_after, is_global=False)
    if error.status == 429:
        return _cloudflare_ban(error, now)
    if error.status == 404 and error.code == UNKNOWN_CHANNEL:
        return ChannelGoneError(describe(error))
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
