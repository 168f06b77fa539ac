"""The boundary to Discord: what the dispatcher asks of the Discord layer, and the errors it understands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, runtime_checkable


class DeliveryError(Exception):
    """Base of the errors a Sender raises. `reason` is short, human-readable, and stored in the ledger."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PermanentDeliveryError(DeliveryError):
    """Retrying cannot help (403 Missing Access/Permissions, 404 Unknown Channel, 400 bad request).

    The delivery is marked dead and never retried; e.g. `PermanentDeliveryError("403 Missing Access (50001)")`.
    """


class ChannelGoneError(PermanentDeliveryError):
    """The channel (or thread) no longer exists: Discord answered 404 Unknown Channel (10003). Nothing can
    be posted there, nor looked for: a held digest of it can never be decided, and ends instead."""


class NothingToSendError(DeliveryError):
    """The delivery has nothing left to post (its briefs were removed since it was recorded): given up
    without blaming the channel."""


class TransientDeliveryError(DeliveryError):
    """May work later (5xx, timeouts, connection resets): retried with exponential backoff until the slot
    is too old to post (bot.delivery.send_failures reads every error)."""


class RateLimitedError(DeliveryError):
    """Discord said 429, or refused the token (401), which the whole bot waits out too. `retry_after` is in
    seconds; `is_global` means the whole bot must wait, otherwise only this channel. Not counted as a failed
    attempt."""

    def __init__(self, retry_after: float, is_global: bool, reason: str | None = None) -> None:
        scope = "global" if is_global else "route"
        super().__init__(reason or f"429 rate limited ({scope}), retry after {retry_after:.3f}s")
        self.retry_after = max(0.0, float(retry_after))
        self.is_global = is_global


@dataclass(frozen=True, slots=True)
class PostedMessage:
    """One message of a channel's history, as far as the search for a digest needs it.

    `markers` are the delivery markers the bot put on it (each digest carries its row's nonce in its buttons'
    custom_ids); `unmarked_digest` is a digest of the bot's from before markers existed.
    """

    id: int
    created_at: datetime  # the instant its snowflake encodes (Discord's clock)
    by_bot: bool  # posted by this bot
    markers: frozenset[str] = frozenset()
    unmarked_digest: bool = False


class HistoryReader(Protocol):
    """Reading a channel's history, one page at a time: what the look-before-resend search needs."""

    async def history_after(
        self, channel_id: int, after: datetime | int, *, limit: int
    ) -> Sequence[PostedMessage]:
        """Up to `limit` (1-100) messages of `channel_id` newer than `after` (an instant, or a message id),
        oldest first: one request. An empty answer may also mean that the bot lacks Read Message History
        (Discord then returns no messages at all). Raises like Sender.send_digest."""
        ...

    async def can_read_history(self, channel_id: int) -> bool | None:
        """Whether the bot may read the channel's history now (View Channel and Read Message History);
        None when that cannot be told. Raises like Sender.send_digest."""
        ...


class Sender(HistoryReader, Protocol):
    """What the Discord layer implements to post one digest (and to look for one posted before)."""

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        """Post the digest of `brief_ids` (newest first) to `channel_id`, passing `nonce` with
        `enforce_nonce=True` so that a resend of the same delivery returns the original message, and marking
        the message with `nonce` (in its buttons) so that a later search can recognise it. With
        `ping_role_id`, the message's content mentions that role and its allowed mentions are that role
        alone. Returns the message id. Raises PermanentDeliveryError, TransientDeliveryError or
        RateLimitedError; anything else is treated as transient."""
        ...

    async def create_forum_post(
        self,
        forum_id: int,
        nonce: str,
        brief_ids: Sequence[str],
        *,
        local_date: date,
        ping_role_id: int | None,
    ) -> int:
        """Post the digest as a new post of forum `forum_id`, named by its lead headline and `local_date`
        (the slot's date where the subscription is), the digest its first message,
        marked with `nonce` like send_digest's. Discord keeps no nonce for posts, and the request is never
        repeated by the library (a repeat after a 5xx would be a second post): an answer that is lost or 5xx
        raises TransientDeliveryError, after which the post may exist (`forum_posts_since` finds it).
        Returns the post's id (its thread's, and its first message's). Raises like send_digest."""
        ...

    async def forum_posts_since(self, forum_id: int, since: datetime) -> Sequence[PostedMessage] | None:
        """The bot's posts in forum `forum_id` created at or after `since`, active or archived, each as its
        first message (with its markers); None when that cannot be read (no Read Message History). Raises
        like send_digest."""
        ...

    async def open_thread(
        self, channel_id: int, message_id: int, brief_ids: Sequence[str], *, local_date: date
    ) -> int:
        """Open a thread on message `message_id`, the digest of `brief_ids`, named as a forum post would be;
        returns the thread's id (the message's).
        One already open on it counts as opened. Raises like send_digest."""
        ...

    async def publish(self, channel_id: int, message_id: int) -> None:
        """Crosspost message `message_id` of announcement channel `channel_id` to its followers; one
        published already counts as published. Raises like send_digest; a publish limit that would keep it
        waiting raises RateLimitedError (never waits inside)."""
        ...


@runtime_checkable
class PreparesDigests(Protocol):
    """A Sender that can do a digest's reading and rendering ahead of its send (DiscordSender does).

    The dispatcher calls it before it waits for the send's pacing permit, so that nothing but the request
    itself follows the permit: done after it, the database reads of a loaded process outlasted the permit's
    margin and cost it. What it reads (the versions and the window the row recorded) does not change once
    the row is recorded, so reading it ahead is reading what the send would read."""

    async def prepare_digest(
        self, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> None:
        """Read and render the digest that `send_digest` or `create_forum_post` with these arguments will
        post next; an error is left for the send to raise."""
        ...
