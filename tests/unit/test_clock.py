"""The host's clock checked against Discord's `Date` headers, carried forward on the monotonic clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import DISCORD_EPOCH_MS, ClockCheck, describe_offset, snowflake_time
from tests.helpers import FakeClock

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def test_before_any_answer_from_discord_the_wall_clock_is_trusted() -> None:
    clock = FakeClock(T0)
    check = ClockCheck(clock, monotonic=clock.monotonic)
    clock.jump(days=900)
    assert check.now() == clock.now and check.problem() is None


def test_a_step_of_the_wall_clock_is_noticed_without_a_new_answer(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock(T0)
    check = ClockCheck(clock, monotonic=clock.monotonic)
    check.observe(T0)
    clock.advance(seconds=30)
    assert check.now() == clock.now  # within the minute's tolerance
    clock.jump(hours=5)
    assert check.now() == T0 + timedelta(seconds=30)  # Discord's time, carried forward
    problem = check.problem()
    assert problem is not None and "5 h ahead of Discord's" in problem
    assert sum("ahead of Discord's" in r.getMessage() for r in caplog.records) == 1  # logged once
    clock.jump(hours=-5)
    assert check.now() == clock.now and check.problem() is None
    assert any("agrees with Discord's again" in r.getMessage() for r in caplog.records)


def test_an_answer_that_was_long_in_flight_does_not_pass_for_a_wrong_clock() -> None:
    clock = FakeClock(T0)
    check = ClockCheck(clock, monotonic=clock.monotonic)
    sent_at = clock.monotonic()
    clock.advance(hours=2)  # the answer, dated when Discord made it, arrives two hours later
    check.observe(T0, sent_at=sent_at)
    assert check.problem() is None and check.now() == clock.now


def test_answers_narrow_each_other_and_a_contradiction_starts_afresh() -> None:
    clock = FakeClock(T0)
    check = ClockCheck(clock, monotonic=clock.monotonic)
    sent_at = clock.monotonic()
    clock.advance(hours=2)
    check.observe(T0, sent_at=sent_at)  # Discord was somewhere between T0 and T0 + 2 h + 1 s
    check.observe(T0 + timedelta(hours=2))  # a prompt answer: now it is known to the second
    clock.jump(minutes=5)
    assert check.discord_now() == T0 + timedelta(hours=2)
    assert check.problem() is not None
    check.observe(
        T0 + timedelta(hours=2, minutes=5)
    )  # a suspend stopped the monotonic clock: believe Discord
    assert check.problem() is None


def test_offsets_are_described_in_words() -> None:
    assert describe_offset(timedelta(days=3 * 365, seconds=-1)) == "3 years ahead of"
    assert describe_offset(timedelta(hours=-2, minutes=-5)) == "2 h 5 min behind"
    assert describe_offset(timedelta(seconds=42)) == "42 s ahead of"


def snowflake_of(at: datetime) -> int:
    return (round(at.timestamp() * 1000) - DISCORD_EPOCH_MS) << 22


def test_a_message_the_bot_just_created_tells_discords_time_when_the_date_header_cannot() -> None:
    # The bot's requests go through a proxy on the same host, whose Date headers come from the host's clock:
    # they always agree with it. The snowflakes of the bot's own new messages come from Discord's.
    clock = FakeClock(T0)
    check = ClockCheck(clock, monotonic=clock.monotonic)
    sent_at = clock.monotonic()
    clock.advance(seconds=2)
    check.observe_created(snowflake_of(T0 + timedelta(seconds=1)), sent_at=sent_at)
    assert snowflake_time(snowflake_of(T0 + timedelta(seconds=1))) == T0 + timedelta(seconds=1)
    assert check.problem() is None
    clock.jump(days=3 * 365)
    check.observe(clock.now)  # the proxy's Date: the host's wrong clock
    problem = check.problem()
    assert problem is not None and "3 years ahead of Discord's" in problem
    assert check.now() == T0 + timedelta(seconds=1)  # Discord's time: the message's, at its arrival


def test_a_message_created_long_after_its_request_left_bounds_discords_time_loosely() -> None:
    clock = FakeClock(T0)
    check = ClockCheck(clock, monotonic=clock.monotonic)
    sent_at = clock.monotonic()
    clock.advance(minutes=10)  # held back by a rate limit: made at any time in those ten minutes
    check.observe_created(snowflake_of(T0 + timedelta(seconds=5)), sent_at=sent_at)
    assert check.problem() is None and check.now() == clock.now
