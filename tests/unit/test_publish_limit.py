"""The busiest hour of a schedule (what publishing is checked against), and a digest's post title."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.briefs.loader import LoadResult
from bot.briefs.render import digest_title
from bot.delivery.service import refusal
from bot.delivery.slots import busiest_hour, slots_between
from bot.storage.subscriptions import PostOptions

NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("schedule", "timezone", "start", "most"),
    [
        ("09:00", "UTC", NOW, 1),
        ("*/6 * * * *", "UTC", NOW, 10),
        ("*/5 * * * *", "UTC", NOW, 12),
        ("0,5,10,15,20,25,30,35,40,45,50 9 * * mon", "Europe/Berlin", NOW, 11),  # one day a week is enough
        ("30,35,40,45,50,55 23 * * *", "UTC", NOW, 6),
        ("* * 1 * *", "UTC", NOW, 60),  # every minute on the first of the month
        # Spring forward in Berlin (2027-03-28): 01:10-01:50 CET and 03:00 CEST are 50 minutes apart.
        ("*/10 1,3 * * *", "Europe/Berlin", datetime(2027, 3, 25, tzinfo=UTC), 6),
    ],
)
def test_busiest_hour_matches_counting_every_slot(
    schedule: str, timezone: str, start: datetime, most: int
) -> None:
    assert busiest_hour(schedule, timezone, start, days=10) == most
    slots = [s.at for s in slots_between(schedule, timezone, start, start + timedelta(days=10))]
    first, counted = 0, 0
    for last, at in enumerate(slots):  # an independent count over the slots themselves
        while (at - slots[first]).total_seconds() >= 3600:
            first += 1
        counted = max(counted, last - first + 1)
    assert counted == most


def test_publishing_is_refused_for_a_schedule_over_the_limit_and_outside_announcement_channels() -> None:
    announcement = PostOptions(channel_kind="announcement", publish=True)
    assert refusal("*/6 * * * *", "UTC", announcement, NOW) is None
    reason = refusal("*/5 * * * *", "UTC", announcement, NOW)
    assert reason is not None and "12 digests within an hour" in reason
    assert "announcement" in (refusal("09:00", "UTC", PostOptions(publish=True), NOW) or "")
    assert refusal("09:00", "UTC", PostOptions(channel_kind="forum", open_thread=True), NOW) is not None


def test_a_digest_title_keeps_the_date_within_100_characters(shipped: LoadResult) -> None:
    brief = shipped.library.newest
    assert brief is not None
    long = brief.model_copy(update={"source": brief.source.model_copy(update={"headline": "word " * 60})})
    title = digest_title([long, brief], date(2026, 11, 26))
    assert len(title) <= 100 and title.endswith(" · 2026-11-26") and title.startswith("word word")
    assert digest_title([brief], date(2026, 11, 26)) == f"{brief.title} · 2026-11-26"
