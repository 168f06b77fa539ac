"""The one place Briefbot's configuration is read: environment variables and `.env`.

Every knob is a typed field here and documented in `.env.example`. Nothing else in the
package reads the environment.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal, TypeVar, overload

from pydantic import (
    AfterValidator,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.database_url import masked, parse_database_url, sqlite_file
from bot.schedule import MIN_CATCH_UP_GRACE, DigestSchedule, TimeZoneName, WhenNothingNew

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_DURATION_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
# The longest catch-up grace: beyond it, slots would be reckoned from instants no clock can hold.
MAX_CATCH_UP_GRACE = timedelta(days=365)


SNOWFLAKE_MAX = 2**63 - 1  # Discord ids are positive 64-bit snowflakes; SQLite's integers stop here too


def _checked_snowflake(value: int) -> int:
    if not 1 <= value <= SNOWFLAKE_MAX:
        raise ValueError(f"{value} is not a Discord id (a whole number from 1 to {SNOWFLAKE_MAX})")
    return value


Snowflake = Annotated[int, AfterValidator(_checked_snowflake)]
"""A Discord id (channel, server): an integer from 1 to 2**63 - 1."""


def parse_duration(value: object) -> object:
    """Accept `3600`, `90s`, `30m`, `1h`, `2d` besides what pydantic understands (ISO 8601).

    Raises ValueError (a settings error naming the variable) for a number too large for any duration.
    """
    if isinstance(value, str):
        match = _DURATION.match(value)
        if match:
            try:
                return timedelta(seconds=float(match.group(1)) * _DURATION_UNITS[match.group(2)])
            except OverflowError:
                raise ValueError("it is a duration far too long (at most a few years makes sense)") from None
    return value


class _FromEnvironment(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )


class LibrarySettings(_FromEnvironment):
    """Only where the briefs and their articles live: what `briefbot check` and `preview` need, so that a bad
    setting they never use (a digest's, say) does not stop them."""

    briefs_dir: Path = Path("briefs")
    seeds_dir: Path = Path("seeds")


class DigestPreviewSettings(LibrarySettings):
    """The library, the database and what a digest holds: what `briefbot preview digest` needs (it reads the
    database without writing to it)."""

    database_path: Path = Path("data/briefbot.sqlite3")
    # Where the database is: `postgresql://...` (PostgreSQL, several processes may share it) or
    # `sqlite:///path` (the embedded file, as DATABASE_PATH says it); unset: DATABASE_PATH.
    database_url: str | None = None
    digest_when_nothing_new: WhenNothingNew = "skip"
    digest_max_briefs: int = Field(default=3, ge=1, le=10)

    @model_validator(mode="before")
    @classmethod
    def _blank_database_is_unset(cls, data: object) -> object:
        # Left empty (as in .env.example): not set, so that the other one may be.
        if isinstance(data, dict):
            return {
                key: value
                for key, value in data.items()
                if not (
                    key in ("database_path", "database_url") and isinstance(value, str) and not value.strip()
                )
            }
        return data

    @field_validator("database_path")
    @classmethod
    def _a_database_file(cls, value: Path) -> Path:
        return sqlite_file(value)

    @field_validator("database_url")
    @classmethod
    def _readable_database_url(cls, value: str | None) -> str | None:
        if value is not None:
            parse_database_url(value)  # a ValueError names what is wrong, never the password
        return value

    @model_validator(mode="after")
    def _one_database(self) -> DigestPreviewSettings:
        if self.database_url is not None and "database_path" in self.model_fields_set:
            raise ValueError(
                "DATABASE_URL and DATABASE_PATH are both set; set only one (DATABASE_PATH=file is short for "
                "DATABASE_URL=sqlite:///file)"
            )
        return self

    @property
    def database(self) -> Path | str:
        """The database to open: a SQLite file, or a `postgresql://` URL (bot.storage.Database.open)."""
        return self.database_path if self.database_url is None else parse_database_url(self.database_url)

    @property
    def database_shown(self) -> str:
        """The database as it may be logged: a file, or the URL without its password."""
        target = self.database
        return str(target) if isinstance(target, Path) else masked(target)


class StatusSettings(DigestPreviewSettings):
    """The database and the rate limit: what `briefbot status` needs (it reads the database only)."""

    # Discord's global limit is 50/s, but Discord raises it for some large bots: allow what they were granted.
    delivery_rate_per_second: float = Field(default=45.0, gt=0, le=10_000)


class TokenSettings(_FromEnvironment):
    """Only the token: what `briefbot invite` needs."""

    discord_token: SecretStr | None = Field(default=None, description="The bot token; required to run.")

    @field_validator("discord_token", mode="before")
    @classmethod
    def _blank_token_is_unset(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value


class Settings(StatusSettings, TokenSettings):
    """Briefbot's settings, read from the environment and from `.env` in the working directory."""

    discord_guild_id: Snowflake | None = Field(
        default=None, description="Sync commands to this server only (instant); globally when unset."
    )
    log_level: LogLevel = "INFO"
    discord_api_base_url: str | None = Field(
        default=None,
        description="REST base URL, e.g. a nirn-proxy or a local stand-in; Discord's own when unset.",
    )
    discord_gateway_url: str | None = Field(
        default=None,
        description="Gateway websocket URL; asked of DISCORD_API_BASE_URL's /gateway/bot when unset.",
    )

    digest_channel_ids: Annotated[list[Snowflake], NoDecode] = Field(default_factory=list)
    digest_schedule: DigestSchedule = "09:00"
    digest_timezone: TimeZoneName = "UTC"
    digest_catch_up_grace: timedelta = Field(default=timedelta(hours=1), le=MAX_CATCH_UP_GRACE)
    # A recorded digest not posted within this of its slot is expired instead of posted late; never less
    # than the catch-up grace (a slot caught up within the grace must have time to be posted).
    digest_stale_after: timedelta = Field(default=timedelta(hours=6), gt=timedelta(0), le=MAX_CATCH_UP_GRACE)
    # How long after a first send the bot trusts Discord's nonce deduplication ("a few minutes", not
    # documented) to turn a resend into the original message; later, it looks in the channel first.
    digest_nonce_trust: timedelta = Field(
        default=timedelta(minutes=2), ge=timedelta(0), le=timedelta(minutes=10)
    )
    # How long a process's claim on a digest's send holds unless renewed (renewed every third of it while the
    # send is in flight): after it, another process sharing the database takes the row over.
    digest_lease: timedelta = Field(
        default=timedelta(seconds=30), ge=timedelta(seconds=1), le=timedelta(minutes=10)
    )
    # How often one server may ask for a digest by hand; 0 turns the limit off.
    digest_now_cooldown: timedelta = Field(
        default=timedelta(minutes=1), ge=timedelta(0), le=timedelta(days=1)
    )
    # How long the data of a server that removed the bot (its subscriptions and digest history) is kept, so
    # that adding the bot back soon finds it; then it is deleted.
    removed_server_retention: timedelta = Field(
        default=timedelta(days=30), ge=timedelta(0), le=timedelta(days=365)
    )
    shutdown_grace_seconds: float = Field(default=10.0, ge=0)
    # Gateway shards. SHARD_COUNT: how many every process of the database runs (fixed in the database by the
    # first process; unset: the stored count, or Discord's recommendation). SHARD_IDS pins shards to this
    # process; unset, it claims a fair share. SHARD_LEASE: how long a shard's lease holds unless renewed.
    shard_count: int | None = Field(default=None, ge=1, le=65536)
    shard_ids: Annotated[list[int] | None, NoDecode] = None  # NoDecode outside the Optional, or "0" is JSON
    shard_lease: timedelta = Field(
        default=timedelta(seconds=20), ge=timedelta(seconds=1), le=timedelta(minutes=10)
    )

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("discord_guild_id", "discord_api_base_url", "discord_gateway_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("digest_channel_ids", mode="before")
    @classmethod
    def _split_channel_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",")]
            return [part for part in parts if part]
        return value

    @field_validator("shard_count", mode="before")
    @classmethod
    def _blank_count_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _split_shard_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            return parts or None
        return value

    @field_validator("shard_ids")
    @classmethod
    def _shard_ids_each_once(cls, value: list[int] | None) -> list[int] | None:
        if value is None:
            return None
        if any(shard < 0 for shard in value):
            raise ValueError("shard ids are 0 or more (0 to SHARD_COUNT - 1)")
        if len(set(value)) != len(value):
            raise ValueError("name each shard once")
        return sorted(value)

    @model_validator(mode="after")
    def _pinned_shards_within_the_count(self) -> Settings:
        if self.shard_ids is not None and self.shard_count is not None:
            beyond = [shard for shard in self.shard_ids if shard >= self.shard_count]
            if beyond:
                raise ValueError(
                    f"SHARD_IDS names shard {beyond[0]}, but SHARD_COUNT is {self.shard_count}:"
                    f" shards are 0 to {self.shard_count - 1}"
                )
        return self

    @field_validator(
        "digest_catch_up_grace",
        "digest_stale_after",
        "digest_nonce_trust",
        "digest_lease",
        "digest_now_cooldown",
        "shard_lease",
        "removed_server_retention",
        mode="before",
    )
    @classmethod
    def _parse_grace(cls, value: object) -> object:
        return parse_duration(value)

    @field_validator("digest_catch_up_grace")
    @classmethod
    def _grace_the_watchdog_can_keep(cls, value: timedelta) -> timedelta:
        if value < MIN_CATCH_UP_GRACE:
            raise ValueError(
                f"it must be at least {_minutes(MIN_CATCH_UP_GRACE)}: the scheduler notices a slot up to "
                "half a minute after it, and a shorter grace would record it as missed"
            )
        return value

    @model_validator(mode="after")
    def _stale_after_at_least_the_grace(self) -> Settings:
        # A slot caught up within the grace must still have time to be posted, so the grace is the floor.
        self.digest_stale_after = max(self.digest_stale_after, self.digest_catch_up_grace)
        return self


def _minutes(duration: timedelta) -> str:
    minutes = int(duration.total_seconds() // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


_Loaded = TypeVar("_Loaded", bound=_FromEnvironment)


class SettingsError(Exception):
    """Settings that cannot be used. `lines` name each problem, one a line; never a token's value."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("; ".join(lines))
        self.lines = lines


@overload
def load_settings() -> Settings: ...
@overload
def load_settings(kind: type[_Loaded]) -> _Loaded: ...
def load_settings(kind: type[_FromEnvironment] = Settings) -> _FromEnvironment:
    """Settings from the environment and `.env`; every problem is a SettingsError, never a traceback.

    `kind` narrows what is read (LibrarySettings, TokenSettings): a command checks only what it uses.
    """
    try:
        return kind()
    except ValidationError as exc:
        raise SettingsError(describe_validation_error(exc)) from None
    except UnicodeDecodeError as exc:
        raise SettingsError([_not_utf8(exc)]) from None


def _not_utf8(error: UnicodeDecodeError) -> str:
    # Where, not what: the line may hold the token.
    line = bytes(error.object[: error.start]).count(b"\n") + 1
    byte = error.object[error.start]
    where = Path(str(Settings.model_config.get("env_file"))).absolute()
    return f"{where}: line {line} is not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8"


def describe_validation_error(error: ValidationError) -> list[str]:
    """One plain sentence per bad setting, naming its environment variable; never echoes a token."""
    lines: list[str] = []
    for problem in error.errors():
        name = "_".join(str(part) for part in problem["loc"] if isinstance(part, str)).upper()
        problem_text = _plain(problem["msg"])
        if not name:  # a rule between settings: its message names them
            lines.append(problem_text[:1].upper() + problem_text[1:])
            continue
        shown = problem.get("input")
        if name == "DATABASE_URL" and isinstance(shown, str):
            shown = masked(shown)
        if name != "DISCORD_TOKEN" and isinstance(shown, str | int | float) and len(str(shown)) <= 80:
            lines.append(f"{name} is set to {str(shown).strip()!r}, which cannot be used: {problem_text}")
        else:
            lines.append(f"{name} cannot be used: {problem_text}")
    return lines


def _plain(message: str) -> str:
    """pydantic's "Value error, it must …" / "Input should be …" as the rest of a sentence, with its full stop."""
    message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ").strip()
    if message.startswith("Input "):
        message = "it " + message.removeprefix("Input ")
    elif message[:1].isupper() and not message[1:2].isupper():
        message = message[0].lower() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."
