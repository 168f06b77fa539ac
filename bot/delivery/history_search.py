"""Look before resending: was a digest whose earlier send may have landed posted after all?

A send whose answer was lost (a crash, a timeout, a 5xx after Discord stored the message) leaves the
message's existence unknown. Within Discord's nonce window a resend with the same nonce returns the
original; after it, the channel's history is searched first, and the answer is one of:

* `Found(message_id)`: the bot's own message carrying the row's marker (its nonce, in the buttons);
* `NotPosted`: the whole window was read and the message is not in it, so sending is safe;
* `Unknown(reason)`: the search could not decide (the bot may not read the history, Discord returned
  nothing to a bot that might lack Read Message History, or the page bound was reached before the window
  was covered). The row must not be sent blindly: the dispatcher holds it and `/digest history` shows why.

The window runs from the first attempt to the end of the latest one, each widened by a margin, read oldest
first from the lower bound (a snowflake of that instant), 100 messages a page, each page after a pacing
permit. Times recorded by a wall clock that was running ahead are no safe lower bound (the real snowflake is
earlier), so the lower bound is the earliest of the recorded first attempt, now, and (within this process)
now minus the monotonic time since the first attempt.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.delivery.sender_protocol import HistoryReader

logger = logging.getLogger(__name__)

PAGE_SIZE = 100  # Discord's largest page
DEFAULT_MAX_PAGES = 50  # 5,000 messages: a busy channel's day; beyond it the answer is "unknown"
DEFAULT_MARGIN = timedelta(minutes=10)  # clock skew and a restart soon after a clock correction


@dataclass(frozen=True, slots=True)
class Found:
    """The digest is in the channel: message `message_id`."""

    message_id: int


@dataclass(frozen=True, slots=True)
class NotPosted:
    """The whole window was read (`messages_read` messages) and the digest is not in it."""

    messages_read: int


@dataclass(frozen=True, slots=True)
class Unknown:
    """The search could not decide; `reason` is short, stored in the ledger and shown to admins.
    `interrupted`: it was stopped before deciding (the bot stopping, the row cancelled), not blind."""

    reason: str
    interrupted: bool = False
    # The bot could not read the history at all (or tell whether it may): reading it again may decide.
    blind: bool = False


SearchResult = Found | NotPosted | Unknown


class Attempted(Protocol):
    """A ledger row whose message may have been sent: a digest's row, or an alert's."""

    @property
    def id(self) -> int: ...

    @property
    def attempt_started_at(self) -> datetime | None: ...

    @property
    def last_attempt_at(self) -> datetime | None: ...


def nonce_trusted(elapsed_seconds: float, trust_seconds: float) -> bool:
    """Whether a resend `elapsed_seconds` after the first attempt is surely inside Discord's nonce window
    (`trust_seconds`), so Discord deduplicates it by its nonce; a negative time (the clock was set back)
    cannot be trusted. When not, the channel's history is searched first."""
    return 0.0 <= elapsed_seconds <= trust_seconds


def held_reason(undecided: str) -> str:
    """Why a row whose search could not decide (`undecided`: the Unknown's reason) is held, not resent."""
    return f"not sent again: an earlier send may have posted it, and {undecided}"


@dataclass(frozen=True, slots=True)
class SearchWindow:
    """Where the digest's message can be: created after `after` and no later than `until`."""

    after: datetime
    until: datetime


def search_window(
    row: Attempted,
    now: datetime,
    *,
    send_timeout: float,
    margin: timedelta = DEFAULT_MARGIN,
    since_first_attempt: float | None = None,
) -> SearchWindow:
    """The window for `row`, whose first send began at `row.attempt_started_at` (required).

    `since_first_attempt`: monotonic seconds since this process made the first attempt, when it did.
    Without a recorded latest attempt (rows from before it was recorded) the window runs until `now`.
    """
    first = row.attempt_started_at
    if first is None:
        raise ValueError(f"row {row.id} was never attempted: there is nothing to search for")
    earliest = min(first, now)
    if since_first_attempt is not None:
        earliest = min(earliest, now - timedelta(seconds=max(0.0, since_first_attempt)))
    if row.last_attempt_at is None:
        latest = max(first, now)
    else:
        latest = max(first, row.last_attempt_at) + timedelta(seconds=send_timeout)
    return SearchWindow(after=earliest - margin, until=latest + margin)


class HistorySearch:
    """Searches a channel's history for the bot's message carrying a marker, within a window, paced.

    Each page must answer within `page_timeout` seconds (else TimeoutError).

    `permit` is awaited before every page (the dispatcher's pacer); False means stop (the bot is stopping,
    the row was cancelled), which ends the search as Unknown(interrupted=True). Errors of the reader (PermanentDeliveryError, TransientDeliveryError,
    RateLimitedError) propagate: the caller retries or gives up as for a send.
    """

    def __init__(
        self,
        reader: HistoryReader,
        *,
        permit: Callable[[], Awaitable[bool]],
        max_pages: int = DEFAULT_MAX_PAGES,
        page_timeout: float = 60.0,
    ) -> None:
        if max_pages < 1:
            raise ValueError("max_pages must be at least 1")
        self._reader = reader
        self._permit = permit
        self._max_pages = max_pages
        self._page_timeout = page_timeout

    async def search(self, channel_id: int, marker: str, window: SearchWindow) -> SearchResult:
        after: datetime | int = window.after
        read = 0
        answered = False  # Discord returned at least one message: the bot can read this history
        unmarked = False
        for _ in range(self._max_pages):
            if not await self._permit():
                return Unknown("the search was interrupted", interrupted=True)
            async with asyncio.timeout(self._page_timeout):
                page = await self._reader.history_after(channel_id, after, limit=PAGE_SIZE)
            answered = answered or bool(page)
            for message in page:
                if message.created_at > window.until:
                    return self._covered(unmarked, read)
                read += 1
                if message.by_bot and marker in message.markers:
                    return Found(message.id)
                unmarked = unmarked or (message.by_bot and message.unmarked_digest)
            if len(page) < PAGE_SIZE:  # the present: nothing newer exists
                if not answered:
                    return await self._empty(channel_id)
                return self._covered(unmarked, read)
            after = page[-1].id
        return Unknown(
            f"the search of the channel's history stopped after {read} messages "
            f"({self._max_pages} pages) before covering the time the digest may have been posted in"
        )

    @staticmethod
    def _covered(unmarked: bool, read: int) -> SearchResult:
        if unmarked:
            # A digest of the bot's from before markers existed could be this one: do not guess.
            return Unknown("an unmarked digest of the bot's is in the window; it may be this one")
        return NotPosted(read)

    async def _empty(self, channel_id: int) -> SearchResult:
        # Discord answers a bot without Read Message History with no messages, not an error.
        readable = await self._reader.can_read_history(channel_id)
        if readable:
            return NotPosted(0)
        if readable is None:
            return Unknown(
                "Discord returned no messages and the bot could not tell whether it may read them", blind=True
            )
        return Unknown(
            "the bot may not read the channel's history (it needs Read Message History)", blind=True
        )
