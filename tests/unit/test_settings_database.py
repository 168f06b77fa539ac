"""DATABASE_URL: where the database is (a SQLite file or a PostgreSQL server), DATABASE_PATH its shorthand,
never both, and a password never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.database_url import masked, parse_database_url
from bot.settings import DigestPreviewSettings, Settings, SettingsError, load_settings


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """The environment, with no database setting and no `.env` (the working folder is the test's own)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("DATABASE_PATH", raising=False)
    return monkeypatch


def test_unset_is_the_embedded_sqlite_file(env: pytest.MonkeyPatch) -> None:
    assert load_settings(DigestPreviewSettings).database == Path("data/briefbot.sqlite3")
    env.setenv("DATABASE_PATH", "elsewhere/bot.sqlite3")
    assert load_settings(DigestPreviewSettings).database == Path("elsewhere/bot.sqlite3")


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("sqlite:///data/other.sqlite3", Path("data/other.sqlite3")),
        ("sqlite:////var/lib/briefbot/db.sqlite3", Path("/var/lib/briefbot/db.sqlite3")),
        (
            "postgresql://briefbot:secret@db.internal:5432/briefbot",
            "postgresql://briefbot:secret@db.internal:5432/briefbot",
        ),
        ("postgres://localhost/briefbot", "postgres://localhost/briefbot"),
    ],
)
def test_database_url_names_a_sqlite_file_or_a_postgresql_server(
    env: pytest.MonkeyPatch, url: str, target: Path | str
) -> None:
    env.setenv("DATABASE_URL", url)
    settings = load_settings(Settings)
    assert settings.database == target
    assert "secret" not in settings.database_shown


def test_both_set_is_a_settings_error_naming_both(env: pytest.MonkeyPatch) -> None:
    env.setenv("DATABASE_URL", "postgresql://briefbot:secret@localhost/briefbot")
    env.setenv("DATABASE_PATH", "data/briefbot.sqlite3")
    with pytest.raises(SettingsError) as caught:
        load_settings(DigestPreviewSettings)
    [line] = caught.value.lines
    assert "DATABASE_URL" in line and "DATABASE_PATH" in line and "both" in line
    assert "secret" not in line


def test_left_empty_is_unset(env: pytest.MonkeyPatch) -> None:
    # As .env.example lists them: both present, empty.
    env.setenv("DATABASE_PATH", "")
    env.setenv("DATABASE_URL", "postgresql://localhost/briefbot")
    assert load_settings(DigestPreviewSettings).database == "postgresql://localhost/briefbot"
    env.setenv("DATABASE_URL", " ")
    assert load_settings(DigestPreviewSettings).database == Path("data/briefbot.sqlite3")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("mysql://root:secret@localhost/briefbot", "'mysql' is not supported"),
        ("postgresql://briefbot:secret@localhost:port/briefbot", "not a PostgreSQL URL"),
        ("sqlite://relative.sqlite3", "three slashes"),
        ("data/briefbot.sqlite3", "not a URL"),
    ],
)
def test_an_unusable_url_is_refused_without_showing_its_password(
    env: pytest.MonkeyPatch, url: str, said: str
) -> None:
    env.setenv("DATABASE_URL", url)
    with pytest.raises(SettingsError) as caught:
        load_settings(DigestPreviewSettings)
    [line] = caught.value.lines
    assert line.startswith("DATABASE_URL") and said in line
    assert "secret" not in line


def test_parsing_and_masking() -> None:
    assert parse_database_url("SQLITE:///x.db") == Path("x.db")
    with pytest.raises(ValueError, match="no options"):
        parse_database_url("sqlite:///x.db?mode=ro")
    assert (
        masked("postgresql://briefbot:p%40ss@db:5432/briefbot")
        == "postgresql://briefbot:***@db:5432/briefbot"
    )
    assert masked("postgresql://db/briefbot?user=b&password=secret&sslmode=require") == (
        "postgresql://db/briefbot?user=b&password=***&sslmode=require"
    )
    assert (
        masked("postgresql://briefbot@db/briefbot") == "postgresql://briefbot@db/briefbot"
    )  # nothing hidden


@pytest.mark.parametrize(
    ("name", "value"),
    [("DATABASE_PATH", ":memory:"), ("DATABASE_URL", "sqlite:///:memory:"), ("DATABASE_PATH", "./:memory:")],
)
def test_sqlites_in_memory_database_is_refused_as_a_setting(
    env: pytest.MonkeyPatch, name: str, value: str
) -> None:
    # Failed first: accepted; `briefbot run` then migrated an in-memory database (which keeps nothing once the
    # bot stops: every digest would be posted again after a restart), left a `:memory:.lock` file and stopped
    # with "not a usable SQLite database ... move the file aside (or restore it from a backup)".
    env.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(DigestPreviewSettings)
    [line] = caught.value.lines
    assert line.startswith(name) and "in-memory" in line and "file" in line


def test_a_missing_sqlite_file_named_by_database_url_says_to_check_database_url(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Failed first: "there is no database at …; check DATABASE_PATH" when DATABASE_PATH was not set at all.
    env.setenv("DATABASE_URL", "sqlite:///nowhere/briefbot.sqlite3")
    assert main(["status", "--window", "0"]) == 1
    said = capsys.readouterr().err
    assert "there is no database at" in said and "DATABASE_URL" in said
