"""DIGEST_STALE_AFTER: how long after its slot a recorded digest may still be posted; never below the grace."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.settings import Settings


def settings(monkeypatch: pytest.MonkeyPatch, **environment: str) -> Settings:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_six_hours_by_default_and_read_like_the_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings(monkeypatch).digest_stale_after == timedelta(hours=6)
    assert settings(monkeypatch, DIGEST_STALE_AFTER="90m").digest_stale_after == timedelta(minutes=90)
    assert settings(monkeypatch, DIGEST_STALE_AFTER="2d").digest_stale_after == timedelta(days=2)


def test_never_below_the_catch_up_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    raised = settings(monkeypatch, DIGEST_CATCH_UP_GRACE="12h", DIGEST_STALE_AFTER="1h")
    assert raised.digest_stale_after == timedelta(hours=12)
    assert settings(monkeypatch, DIGEST_CATCH_UP_GRACE="12h").digest_stale_after == timedelta(hours=12)
