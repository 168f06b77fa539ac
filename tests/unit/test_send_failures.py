"""One reading of a send's error on every path (the post, a forum post, its thread, its publish): each error
kind a Sender can raise, on each path, pinned to what the ledger records.

SQLite only: the mapping is the dispatcher's, not the storage's (the writes it makes are the ledger's, tested
on both backends elsewhere); one row each, one database per path, one channel per error kind, so the 28 cases stay fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

import pytest

from bot.delivery.contents import contents_rule
from bot.delivery.dispatcher import Dispatcher, RetryPolicy
from bot.delivery.pacing import Pacer
from bot.delivery.sender_protocol import (
    NothingToSendError,
    PermanentDeliveryError,
    PostedMessage,
    RateLimitedError,
    TransientDeliveryError,
)
from bot.storage import Database, DeliveryLedger, SubscriptionRepository
from bot.storage.subscriptions import PostOptions
from tests.helpers import FakeClock, nine_utc_slot

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
CHANNEL = 10  # the first case's channel; the others follow
MESSAGE = 5000  # plus the channel id: the id of the message posted there

ERRORS: dict[str, Callable[[], Exception]] = {
    "permanent": lambda: PermanentDeliveryError("403 Missing Access (50001)"),
    "nothing": lambda: NothingToSendError("its briefs are no longer loaded"),
    "transient": lambda: TransientDeliveryError("503 Service Unavailable"),
    "route-limit": lambda: RateLimitedError(30.0, is_global=False),
    "global-limit": lambda: RateLimitedError(30.0, is_global=True, reason="401 Unauthorized"),
    "timeout": TimeoutError,  # what asyncio.timeout raises when the send timeout ends a request
    "unexpected": lambda: RuntimeError("boom"),
}
PATHS: dict[str, PostOptions] = {
    "post": PostOptions(),
    "forum": PostOptions(channel_kind="forum"),
    "thread": PostOptions(open_thread=True),
    "publish": PostOptions(channel_kind="announcement", publish=True),
}


class Failing:
    """A Sender whose step `fails` (the post, the forum post, the thread or the publish) raises, in each
    channel, the error of `errors` (by channel id); every other step works."""

    def __init__(self, fails: str, errors: dict[int, Exception]) -> None:
        self.fails = fails
        self.errors = errors

    def _step(self, step: str, channel_id: int) -> None:
        if step == self.fails:
            raise self.errors[channel_id]

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        self._step("post", channel_id)
        return MESSAGE + channel_id

    async def create_forum_post(
        self,
        forum_id: int,
        nonce: str,
        brief_ids: Sequence[str],
        *,
        local_date: date,
        ping_role_id: int | None,
    ) -> int:
        self._step("forum", forum_id)
        return MESSAGE + forum_id

    async def open_thread(
        self, channel_id: int, message_id: int, brief_ids: Sequence[str], *, local_date: date
    ) -> int:
        self._step("thread", channel_id)
        return message_id

    async def publish(self, channel_id: int, message_id: int) -> None:
        self._step("publish", channel_id)

    async def forum_posts_since(self, forum_id: int, since: datetime) -> Sequence[PostedMessage] | None:
        return []

    async def history_after(
        self, channel_id: int, after: datetime | int, *, limit: int
    ) -> Sequence[PostedMessage]:
        return []

    async def can_read_history(self, channel_id: int) -> bool | None:
        return True


class PausesSeen(Pacer):
    """Grants every permit at once and keeps the pauses asked of it instead of pausing (one channel's
    global limit would hold the other cases' sends back for real seconds)."""

    def __init__(self) -> None:
        super().__init__(1_000_000.0)
        self.pauses: list[float] = []

    def pause(self, seconds: float) -> None:
        self.pauses.append(seconds)


class Recorded(NamedTuple):
    """What the ledger holds of the row after the failed step."""

    state: str
    reason: str | None = None
    last_error: str | None = None
    not_published: str | None = None
    counted: bool = False  # the failure counts towards the channel's run of failures (3 pause it)
    attempts: int = 0  # failed attempts counted towards the backoff
    retry_in: float | None = None  # seconds until the next attempt


RETRY = RetryPolicy(base_delay=10.0, max_delay=10.0)  # with jitter 0: 5 s after any failed attempt

POSTING = {  # the post and the forum post: nothing was posted
    "permanent": Recorded("dead", reason="403 Missing Access (50001)", counted=True),
    "nothing": Recorded("dead", reason="its briefs are no longer loaded"),
    "transient": Recorded("pending", last_error="503 Service Unavailable", attempts=1, retry_in=5.0),
    "route-limit": Recorded(
        "pending", last_error="429 rate limited (route), retry after 30.000s", retry_in=30.0
    ),
    "global-limit": Recorded("pending", last_error="401 Unauthorized", retry_in=30.0),
    "timeout": Recorded("pending", last_error="timed out after 60s", attempts=1, retry_in=5.0),
    "unexpected": Recorded("pending", last_error="RuntimeError: boom", attempts=1, retry_in=5.0),
}
EXPECTED: dict[tuple[str, str], Recorded] = {
    **{("post", kind): recorded for kind, recorded in POSTING.items()},
    **{("forum", kind): recorded for kind, recorded in POSTING.items()},
    # The digest is posted: a thread that cannot be opened is noted on the sent row.
    ("thread", "permanent"): Recorded(
        "sent", reason="posted, but no thread opened: 403 Missing Access (50001)"
    ),
    ("thread", "nothing"): Recorded(
        "sent", reason="posted, but no thread opened: its briefs are no longer loaded"
    ),
    ("thread", "transient"): Recorded(
        "pending", last_error="opening its thread: 503 Service Unavailable", attempts=1, retry_in=5.0
    ),
    ("thread", "route-limit"): POSTING["route-limit"],
    ("thread", "global-limit"): POSTING["global-limit"],
    ("thread", "timeout"): Recorded(
        "pending", last_error="opening its thread timed out after 60s", attempts=1, retry_in=5.0
    ),
    ("thread", "unexpected"): Recorded(
        "pending", last_error="opening its thread: RuntimeError: boom", attempts=1, retry_in=5.0
    ),
    # Posted, and a publish that cannot be done is recorded as not published, with the reason.
    ("publish", "permanent"): Recorded("sent", not_published="403 Missing Access (50001)"),
    ("publish", "nothing"): Recorded("sent", not_published="its briefs are no longer loaded"),
    ("publish", "transient"): Recorded(
        "pending", last_error="publishing: 503 Service Unavailable", attempts=1, retry_in=5.0
    ),
    ("publish", "route-limit"): POSTING["route-limit"],  # within the slot's stale_after: it waits
    ("publish", "global-limit"): POSTING["global-limit"],
    ("publish", "timeout"): Recorded(
        "pending", last_error="publishing timed out after 60s", attempts=1, retry_in=5.0
    ),
    ("publish", "unexpected"): Recorded(
        "pending", last_error="publishing: RuntimeError: boom", attempts=1, retry_in=5.0
    ),
}


@pytest.mark.sqlite_only
@pytest.mark.parametrize("path", list(PATHS))
async def test_each_error_kind_on_each_path_is_recorded_as_the_one_mapping_says(
    database: Database, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Failed first: an error no Sender names (raised opening the thread or publishing) and a publish with
    # nothing to send escaped to the "database refused it" path: logged as a database fault, nothing in the
    # ledger, the channel waiting in memory.
    channels = {kind: CHANNEL + index for index, kind in enumerate(ERRORS)}  # one channel per error kind
    repository = SubscriptionRepository(database)
    subscriptions = [
        await repository.subscribe(
            guild_id=1,
            channel_id=channel,
            schedule="09:00",
            timezone="UTC",
            source="command",
            now=T0 - timedelta(days=1),
            options=PATHS[path],
        )
        for channel in channels.values()
    ]
    ledger = DeliveryLedger(database)
    await ledger.record_slot(
        nine_utc_slot(1),
        subscriptions,
        available_brief_ids=["b1"],
        choose=contents_rule(max_briefs=3, when_nothing_new="repeat-latest"),
        now=T0,
    )
    pacer = PausesSeen()
    errors = {channel: ERRORS[kind]() for kind, channel in channels.items()}
    dispatcher = Dispatcher(
        ledger,
        Failing(path, errors),
        pacer=pacer,
        clock=FakeClock(T0),
        retry=RETRY,
        jitter=lambda: 0.0,
        monotonic=lambda: 0.0,
    )
    with caplog.at_level("WARNING"):
        await dispatcher.run_until_idle()
    got: dict[str, Recorded] = {}
    for kind, channel in channels.items():
        [row] = await ledger.history(channel)
        subscription = await repository.get(channel)
        assert subscription is not None
        pending = row.state == "pending"
        assert row.next_attempt_at is not None or not pending
        got[kind] = Recorded(
            row.state,
            reason=row.reason,
            last_error=row.last_error if pending else None,
            not_published=row.not_published,
            counted=subscription.consecutive_failures > 0,
            attempts=row.attempts if pending else 0,
            retry_in=(row.next_attempt_at - T0).total_seconds() if row.next_attempt_at else None,
        )
        if path in ("thread", "publish"):
            assert row.message_id == MESSAGE + channel  # posted: only the step after it was left
    assert got == {kind: EXPECTED[(path, kind)] for kind in ERRORS}
    assert pacer.pauses == [30.0]  # the global limit's, and only it
    assert dispatcher.stats.sent == sum(1 for recorded in got.values() if recorded.state == "sent")
    assert "cannot write to the digest database" not in caplog.text
    assert "unexpected error" in caplog.text  # with its traceback
