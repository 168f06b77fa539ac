"""Settings the digests depend on: channel ids that are Discord snowflakes, a catch-up grace the watchdog can
keep."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bot.schedule import MIN_CATCH_UP_GRACE, WATCHDOG_SECONDS
from bot.settings import Settings, describe_validation_error, load_settings


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def problems(**values: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        settings(**values)
    return describe_validation_error(caught.value)


@pytest.mark.parametrize("grace", ["0", "0s", "30s", "1m", timedelta(0), "PT30S"])
def test_a_catch_up_grace_the_watchdog_cannot_keep_is_refused(grace: object) -> None:
    # With DIGEST_CATCH_UP_GRACE=0 every slot was recorded as missed: the watchdog notices a slot up to one
    # period after it, and the cron job fires a moment after it.
    [line] = problems(digest_catch_up_grace=grace)
    assert line.startswith("DIGEST_CATCH_UP_GRACE")
    assert "at least 2 minutes" in line


def test_the_grace_floor_is_above_the_watchdog_period() -> None:
    assert timedelta(seconds=WATCHDOG_SECONDS) < MIN_CATCH_UP_GRACE
    assert settings(digest_catch_up_grace="2m").digest_catch_up_grace == MIN_CATCH_UP_GRACE
    assert settings().digest_catch_up_grace == timedelta(hours=1)


@pytest.mark.parametrize(
    ("ids", "bad"),
    [
        ("18446744073709551616", "18446744073709551616"),  # 2**64: beyond SQLite's integer, aborted start-up
        ("9223372036854775808", "9223372036854775808"),  # 2**63
        ("5, 0", "0"),
        ("-7", "-7"),
    ],
)
def test_channel_ids_must_be_discord_snowflakes(ids: str, bad: str) -> None:
    [line] = problems(digest_channel_ids=ids)
    assert line.startswith("DIGEST_CHANNEL_IDS") and f"{bad} is not a Discord id" in line


def test_the_largest_snowflake_is_a_channel_id_and_the_server_id_is_one_too() -> None:
    assert settings(digest_channel_ids=f"1, {2**63 - 1}").digest_channel_ids == [1, 2**63 - 1]
    [line] = problems(discord_guild_id=str(2**64))
    assert line.startswith("DISCORD_GUILD_ID") and "is not a Discord id" in line


@pytest.mark.parametrize(
    ("values", "name"),
    [
        ({"digest_catch_up_grace": "30s"}, "DIGEST_CATCH_UP_GRACE"),
        ({"digest_catch_up_grace": "99999999999d"}, "DIGEST_CATCH_UP_GRACE"),
        ({"digest_max_briefs": "50"}, "DIGEST_MAX_BRIEFS"),
        ({"digest_max_briefs": "many"}, "DIGEST_MAX_BRIEFS"),
        ({"log_level": "chatty"}, "LOG_LEVEL"),
        ({"digest_channel_ids": "0"}, "DIGEST_CHANNEL_IDS"),
        ({"digest_timezone": "Mars/Base"}, "DIGEST_TIMEZONE"),
        ({"digest_schedule": "25:00"}, "DIGEST_SCHEDULE"),
        ({"delivery_rate_per_second": "0"}, "DELIVERY_RATE_PER_SECOND"),
        ({"discord_token": 12}, "DISCORD_TOKEN"),
    ],
)
def test_every_settings_error_is_a_plain_sentence_naming_the_variable(
    values: dict[str, Any], name: str
) -> None:
    # pydantic's "Value error, …" and "Input should be …" read as a library's internals, not as advice.
    [line] = problems(**values)
    assert line.startswith(f"{name} ")
    assert "Value error" not in line and "Input should" not in line and "Input " not in line
    assert line.endswith(".") and "cannot be used: " in line
    assert not line.split("cannot be used: ", 1)[1][:1].isupper()  # the rest of the sentence


def test_a_digest_lease_is_a_duration_of_a_second_to_ten_minutes() -> None:
    assert settings().digest_lease == timedelta(seconds=30)
    assert settings(digest_lease="5s").digest_lease == timedelta(seconds=5)
    for refused in ("0", "500ms", "11m"):
        [line] = problems(digest_lease=refused)
        assert line.startswith("DIGEST_LEASE"), line


def test_shard_settings_name_a_count_pinned_ids_within_it_and_a_lease() -> None:
    default = settings()
    assert (default.shard_count, default.shard_ids, default.shard_lease) == (
        None,
        None,
        timedelta(seconds=20),
    )
    pinned = settings(shard_count="4", shard_ids="3, 1", shard_lease="2s")
    assert (pinned.shard_count, pinned.shard_ids, pinned.shard_lease) == (4, [1, 3], timedelta(seconds=2))
    assert settings(shard_count="", shard_ids=" ").shard_ids is None
    [line] = problems(shard_count="2", shard_ids="0,2")
    assert line == "SHARD_IDS names shard 2, but SHARD_COUNT is 2: shards are 0 to 1."
    [line] = problems(shard_ids="1,1")
    assert line.startswith("SHARD_IDS") and "name each shard once" in line
    [line] = problems(shard_count="0")
    assert line.startswith("SHARD_COUNT")
    [line] = problems(shard_lease="0s")
    assert line.startswith("SHARD_LEASE")


@pytest.mark.parametrize(
    ("written", "pinned"), [("0", [0]), ("1", [1]), (" 2 ", [2]), ("0,1", [0, 1]), ("3, 1", [1, 3])]
)
def test_shard_ids_from_the_environment_pin_one_shard_or_several(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, written: str, pinned: list[int]
) -> None:
    # Failed first: SHARD_IDS=0 (one shard pinned, the README's own case with one id) was refused as "it
    # should be a valid list": the environment's value was read as JSON (the number 0) before it was split.
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.setenv("SHARD_IDS", written)
    monkeypatch.setenv("SHARD_COUNT", "4")
    assert load_settings(Settings).shard_ids == pinned
