"""DigestService below Discord: settings in, subscriptions, a slot, the send, shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.delivery.sender_protocol import PostedMessage
from bot.delivery.service import DigestService
from bot.settings import Settings
from bot.storage import StorageError
from tests.helpers import FakeClock

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[int, str, tuple[str, ...]]] = []
        self.any_sent = asyncio.Event()

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        self.sent.append((channel_id, nonce, tuple(brief_ids)))
        self.any_sent.set()
        return len(self.sent)

    async def history_after(
        self, channel_id: int, after: datetime | int, *, limit: int
    ) -> Sequence[PostedMessage]:
        return []

    async def can_read_history(self, channel_id: int) -> bool | None:
        return True


def _settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_path": tmp_path / "data" / "briefbot.sqlite3",
        "digest_schedule": "09:00",
        "digest_timezone": "UTC",
        "digest_max_briefs": 2,
        "delivery_rate_per_second": 50.0,
        "shutdown_grace_seconds": 1.0,
    }
    values.update(overrides)
    return Settings.model_validate(values)  # no environment or .env: only these values


async def test_service_lifecycle(tmp_path: Path) -> None:
    clock = FakeClock(T0)
    sender = Recorder()
    settings = _settings(tmp_path)
    service = await DigestService.open(settings, sender, lambda: ["b3", "b2", "b1"], clock=clock)
    try:
        await service.sync_settings_channels({100: 1})
        with pytest.raises(ValueError):
            await service.subscribe(guild_id=1, channel_id=200, schedule="whenever", timezone="UTC")
        with pytest.raises(ValueError, match="not a time zone"):  # it used to escape as a KeyError
            await service.subscribe(guild_id=1, channel_id=200, schedule="09:00", timezone="Mars/Olympus")
        await service.subscribe(guild_id=1, channel_id=200, schedule="30 8 * * *", timezone="Europe/Berlin")
        assert [s.channel_id for s in await service.list_subscriptions(guild_id=1)] == [100, 200]
        await service.start()
        clock.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
        await service.scheduler.record_due_slots()  # as the 09:00 job would; it wakes the dispatcher
        await asyncio.wait_for(sender.any_sent.wait(), timeout=5)
        await service.dispatcher.stop(5.0)  # the send's outcome is written before stop returns
        assert [(c, b) for c, _, b in sender.sent] == [(100, ("b3", "b2"))]
        [row] = await service.history(100)
        assert row.state == "sent" and row.message_id == 1
        assert await service.unsubscribe(200)
        assert not await service.unsubscribe(200)
    finally:
        await service.close()
        await service.close()


async def test_service_refuses_a_foreign_database_file(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.database_path.parent.mkdir(parents=True)
    settings.database_path.write_text("not sqlite")
    with pytest.raises(StorageError, match="DATABASE_PATH"):
        await DigestService.open(settings, Recorder(), lambda: [])


async def test_close_without_start(tmp_path: Path) -> None:
    service = await DigestService.open(_settings(tmp_path), Recorder(), lambda: [], clock=FakeClock(T0))
    await service.close()


def test_the_trusted_nonce_window_is_a_setting_read_as_a_duration() -> None:
    assert Settings.model_validate({}).digest_nonce_trust == timedelta(minutes=2)
    assert Settings.model_validate({"digest_nonce_trust": "1s"}).digest_nonce_trust == timedelta(seconds=1)
    assert Settings.model_validate({"digest_nonce_trust": "90"}).digest_nonce_trust == timedelta(seconds=90)
    with pytest.raises(ValidationError):  # beyond what Discord is known to keep ("a few minutes")
        Settings.model_validate({"digest_nonce_trust": "11m"})


async def test_servers_missing_from_discords_list_are_removed_but_an_empty_list_removes_none(
    tmp_path: Path,
) -> None:
    service = await DigestService.open(_settings(tmp_path), Recorder(), lambda: ["b1"], clock=FakeClock(T0))
    try:
        for guild_id, channel_id in ((1, 100), (2, 200), (0, 300)):  # 0: a server not known yet
            await service.subscribe(
                guild_id=guild_id, channel_id=channel_id, schedule="09:00", timezone="UTC"
            )
        assert await service.servers_present(set()) == []  # another bot's token, more likely
        assert await service.servers_present({1, 99}) == [2]
        assert await service.servers_present({1, 99}) == []  # marked once
        paused = {s.channel_id for s in await service.list_subscriptions() if s.paused}
        assert paused == {200}
    finally:
        await service.close()
