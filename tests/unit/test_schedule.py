"""bot.schedule: the one reader of schedules and time zones, and its one error, as settings, the digests
cog and the scheduler meet it."""

from __future__ import annotations

import pytest
from apscheduler.triggers.cron import CronTrigger
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.schedule import (
    ScheduleError,
    checked_schedule,
    checked_timezone,
    parse_schedule,
)
from bot.settings import Settings

# Not zone keys zoneinfo knows, each refused a different way by zoneinfo itself (a KeyError subclass for the
# first three, ValueError for the rest).
UNKNOWN_ZONES = [
    "Mars/Olympus",
    "europe/berlin",
    "America",
    "",
    "../etc/passwd",
    "Europe//Berlin",
    "/etc/UTC",
]


@pytest.mark.parametrize("zone", UNKNOWN_ZONES)
@pytest.mark.parametrize("schedule", ["09:00", "30 8 * * mon-fri"])
def test_an_unknown_zone_is_a_schedule_error_about_the_zone(schedule: str, zone: str) -> None:
    # It used to escape as zoneinfo's KeyError for `09:00`, and to be called a bad cron for a cron schedule.
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(schedule, zone)
    assert caught.value.field == "timezone"
    assert "is not a time zone I know" in str(caught.value) and "Europe/Berlin" in str(caught.value)
    assert "schedule" not in str(caught.value) and "cron" not in str(caught.value)
    with pytest.raises(ScheduleError):
        checked_timezone(zone)


@pytest.mark.parametrize(
    ("schedule", "hint"),
    [
        ("every morning", None),
        ("61 25 * * *", None),
        ("0 9 1 * mon", "not both"),
        ("0 9 * * funday", "unknown day of the week 'funday'"),
        ("0 9 * * */0", "is zero"),
    ],
)
def test_a_bad_schedule_is_a_schedule_error_with_an_example(schedule: str, hint: str | None) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(schedule, "Europe/Berlin")
    message = str(caught.value)
    assert caught.value.field == "schedule" and caught.value.value == schedule
    assert message.startswith(f"`{schedule}` is not a schedule I understand")
    assert "`09:00`" in message and "`30 8 * * mon-fri`" in message
    assert hint is None or hint in message


@pytest.mark.parametrize("schedule", ["0 0 31 2 *", "0 0 30 2 *", "0 9 31 4,6,9,11 *", "0 9 30-31 2 *"])
def test_a_schedule_with_no_slot_in_eight_years_is_refused(schedule: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        checked_schedule(schedule)
    assert caught.value.field == "schedule"
    assert "it never comes (no such day in the next 8 years)" in str(caught.value)
    with pytest.raises(ValidationError) as refused:
        Settings(_env_file=None, digest_schedule=schedule)  # type: ignore[call-arg]
    assert "never comes" in str(refused.value)


@pytest.mark.parametrize("schedule", ["0 0 29 2 *", "0 0 last 2 *", "0 9 31 * *"])
def test_a_rare_schedule_is_accepted(schedule: str) -> None:
    assert checked_schedule(schedule) == schedule


def test_checked_values_are_stripped_and_long_ones_shortened_in_the_message() -> None:
    assert checked_schedule("  30 8 * * mon-fri ") == "30 8 * * mon-fri"
    assert checked_timezone(" Europe/Berlin ") == "Europe/Berlin"
    with pytest.raises(ScheduleError) as caught:
        checked_timezone("x" * 500)
    assert len(str(caught.value)) < 250


KNOWN_ZONES = {"UTC", "Europe/Berlin"}


def _trigger_or_schedule_error(schedule: str, zone: str) -> None:
    # One error type: no KeyError, IndexError or bare ValueError from zoneinfo or APScheduler gets through,
    # and a zone it does not know is always the zone's fault.
    try:
        trigger = parse_schedule(schedule, zone)
    except ScheduleError as error:
        assert error.field == ("schedule" if zone in KNOWN_ZONES else "timezone")
        assert str(error).endswith(".") and "Use " in str(error)
    else:
        assert isinstance(trigger, CronTrigger) and zone in KNOWN_ZONES


@given(
    st.one_of(st.sampled_from(["09:00", "30 8 * * mon-fri", "0 9 1 * mon"]), st.text(max_size=40)),
    st.sampled_from([*sorted(KNOWN_ZONES), "Mars/Olympus", "", "Etc", "../etc"]),
)
def test_any_text_is_a_trigger_or_a_schedule_error(schedule: str, zone: str) -> None:
    _trigger_or_schedule_error(schedule, zone)


@given(st.text(alphabet="0123456789*/,-abcdefghijklmnopqrstuvwxyz LW#", max_size=30))
def test_cron_like_text_is_a_trigger_or_a_schedule_error(schedule: str) -> None:
    _trigger_or_schedule_error(schedule, "UTC")


def test_settings_read_schedule_and_zone_with_the_same_parser() -> None:
    settings = Settings.model_validate(
        {"digest_schedule": " 30 8 * * 1-5 ", "digest_timezone": " Asia/Tokyo "}
    )
    assert (settings.digest_schedule, settings.digest_timezone) == ("30 8 * * 1-5", "Asia/Tokyo")
    with pytest.raises(ValidationError) as caught:
        Settings.model_validate({"digest_schedule": "30 8 * * mon-fri", "digest_timezone": "Mars/Olympus"})
    [problem] = caught.value.errors()
    assert problem["loc"] == ("digest_timezone",)
    assert "`Mars/Olympus` is not a time zone I know" in problem["msg"]
    with pytest.raises(ValidationError) as caught:
        Settings.model_validate({"digest_schedule": "0 9 1 * mon"})
    [problem] = caught.value.errors()
    assert problem["loc"] == ("digest_schedule",) and "not both" in problem["msg"]
