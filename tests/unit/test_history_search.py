"""The look-before-resend search: its window, its pages, and when it must answer "unknown"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.history_search import (
    Found,
    HistorySearch,
    NotPosted,
    SearchWindow,
    Unknown,
    search_window,
)
from bot.delivery.sender_protocol import PostedMessage
from bot.storage.ledger import Delivery

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
MARKER = "d0123456789abcdef01234567"
WINDOW = SearchWindow(after=T0 - timedelta(minutes=10), until=T0 + timedelta(minutes=11))


class Channel:
    """One channel's history as Discord pages it: `after` an instant or an id, oldest first."""

    def __init__(self, messages: Sequence[PostedMessage] = (), *, readable: bool | None = True) -> None:
        self.messages = sorted(messages, key=lambda m: m.id)
        self.readable = readable
        self.pages: list[datetime | int] = []
        self.permits = 0

    async def history_after(
        self, channel_id: int, after: datetime | int, *, limit: int
    ) -> Sequence[PostedMessage]:
        self.pages.append(after)
        if not self.readable:
            return []  # Discord's answer without Read Message History
        newer = [
            m
            for m in self.messages
            if (m.created_at > after if isinstance(after, datetime) else m.id > after)
        ]
        return newer[:limit]

    async def can_read_history(self, channel_id: int) -> bool | None:
        return self.readable

    async def permit(self) -> bool:
        self.permits += 1
        return True


def chatter(n: int, start: datetime, *, first_id: int = 1, every: float = 1.0) -> list[PostedMessage]:
    return [PostedMessage(first_id + i, start + timedelta(seconds=every * i), by_bot=False) for i in range(n)]


def digest(message_id: int, at: datetime, marker: str = MARKER, *, by_bot: bool = True) -> PostedMessage:
    return PostedMessage(message_id, at, by_bot=by_bot, markers=frozenset({marker}))


async def search(channel: Channel, window: SearchWindow = WINDOW, max_pages: int = 50) -> object:
    return await HistorySearch(channel, permit=channel.permit, max_pages=max_pages).search(1, MARKER, window)


async def test_finds_the_marked_message_past_many_pages_paced() -> None:
    before = chatter(250, T0 - timedelta(minutes=9), every=2.0)
    channel = Channel([*before, digest(1000, T0), *chatter(300, T0, first_id=1001)])
    assert await search(channel) == Found(1000)
    assert channel.pages[0] == WINDOW.after and channel.pages[1:] == [100, 200]  # oldest first, by id
    assert channel.permits == 3  # one permit per page


async def test_only_the_bots_own_message_with_this_rows_marker_counts() -> None:
    channel = Channel(
        [
            digest(10, T0, marker="dother-row-00000000000000"),  # another row's digest (same briefs, say)
            digest(11, T0, by_bot=False),  # a member quoting the marker
            *chatter(5, T0, first_id=12),
        ]
    )
    assert await search(channel) == NotPosted(7)


async def test_a_search_that_reaches_the_end_of_the_window_says_not_posted() -> None:
    # Beyond the window the channel goes on (a day of chatter): the search stops at the window's end.
    channel = Channel(chatter(5000, T0 - timedelta(minutes=5), every=1.0))
    result = await search(channel)
    assert isinstance(result, NotPosted) and len(channel.pages) == 10  # 16 minutes of 1/s, not 5000


async def test_a_search_stopped_by_its_page_bound_is_unknown() -> None:
    channel = Channel([*chatter(500, T0 - timedelta(minutes=9), every=0.5), digest(9999, T0)])
    result = await search(channel, max_pages=3)
    assert isinstance(result, Unknown) and "stopped after 300 messages (3 pages)" in result.reason
    assert len(channel.pages) == 3


async def test_a_history_the_bot_cannot_read_is_unknown() -> None:
    hidden = Channel([digest(5, T0)], readable=False)
    result = await search(hidden)
    assert isinstance(result, Unknown) and "Read Message History" in result.reason
    untold = Channel([], readable=None)
    assert isinstance(await search(untold), Unknown)
    assert await search(Channel([])) == NotPosted(0)  # readable, and really empty


async def test_an_unmarked_digest_of_the_bots_in_the_window_is_unknown() -> None:
    legacy = PostedMessage(7, T0, by_bot=True, unmarked_digest=True)
    assert isinstance(await search(Channel([legacy])), Unknown)


def row(first: datetime | None, last: datetime | None) -> Delivery:
    base = Delivery(
        id=1,
        channel_id=1,
        guild_id=1,
        timezone="UTC",
        slot_key="2026-05-01T09:00",
        slot_at=T0,
        nonce=MARKER,
        state="pending",
        brief_ids=("b1",),
        attempts=1,
        next_attempt_at=None,
        last_error=None,
        reason=None,
        message_id=None,
        sent_at=None,
        created_at=T0,
        updated_at=T0,
    )
    return replace(base, attempt_started_at=first, last_attempt_at=last)


def test_the_window_runs_from_the_first_attempt_to_the_end_of_the_last_with_margins() -> None:
    margin = timedelta(minutes=10)
    window = search_window(
        row(T0, T0 + timedelta(minutes=30)), T0 + timedelta(hours=2), send_timeout=60, margin=margin
    )
    assert window == SearchWindow(T0 - margin, T0 + timedelta(minutes=31) + margin)


def test_a_first_attempt_recorded_by_a_clock_running_ahead_is_no_lower_bound() -> None:
    margin = timedelta(minutes=10)
    ahead = row(T0 + timedelta(hours=1), T0 + timedelta(hours=1))  # recorded an hour ahead, now corrected
    now = T0 + timedelta(minutes=3)
    assert search_window(ahead, now, send_timeout=60, margin=margin).after == now - margin
    # Within the process that made the attempt, the monotonic time since says when it really was.
    in_process = search_window(ahead, now, send_timeout=60, margin=margin, since_first_attempt=180)
    assert in_process.after == T0 - margin


def test_rows_from_before_the_latest_attempt_was_recorded_search_until_now() -> None:
    now = T0 + timedelta(hours=5)
    assert search_window(row(T0, None), now, send_timeout=60).until > now
    with pytest.raises(ValueError, match="never attempted"):
        search_window(row(None, None), now, send_timeout=60)
