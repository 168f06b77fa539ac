"""A running server moves from its SQLite file to PostgreSQL in the middle of a slot (`briefbot migrate-db`),
through the real client and the stand-in: what was sent on SQLite is not posted again, what was not is
posted once, and the digest posted just before the SQLite process died is recognised by its nonce."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from pathlib import Path

from bot.app.client import Briefbot
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.pacing import Pacer
from bot.process_identity import new_identity
from bot.storage import Database, DeliveryLedger
from bot.storage.migrate_db import migrate
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digest_leases import LEASE, InFlight, ProcessSender, _never, _slot_recorded
from tests.e2e.test_digests import SLOT_DAY, posts
from tests.helpers import FakeClock
from tests.postgres import PostgresServer
from tests.standin import DiscordStandIn


class DiesAtItsThirdSend(ProcessSender):
    """The SQLite process: two digests sent and recorded; the third posted, then the process dies before
    it records it (it waits for ever)."""

    async def send_digest(
        self, channel_id: int, nonce: str, brief_ids: Sequence[str], *, ping_role_id: int | None = None
    ) -> int:
        self.stall_after_answer = len(self.sent) >= 2
        return await super().send_digest(channel_id, nonce, brief_ids, ping_role_id=ping_role_id)


async def _states(bot: Briefbot, channels: Sequence[int]) -> list[str]:
    return sorted([delivery.state for channel in channels for delivery in await bot.digests.history(channel)])


async def test_a_server_moved_to_postgresql_mid_slot_posts_nothing_twice_and_loses_nothing(
    standin: DiscordStandIn, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    clock = FakeClock(SLOT_DAY)
    channels = standin.register_channels(6)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00")
    target = await postgres_server.fresh_database(migrated=False)
    try:
        async with running_bot(standin, settings, clock) as bot:
            await _slot_recorded(bot, clock, channels)
            sqlite = await Database.open(settings.database_path)
            sender = DiesAtItsThirdSend(bot, InFlight())
            on_sqlite = Dispatcher(
                DeliveryLedger(sqlite),
                sender,
                owner=new_identity("on-sqlite"),
                clock=clock,
                monotonic=clock.monotonic,
                pacer=Pacer(1000.0),
                lease_for=LEASE,
                sleep=_never,
                max_in_flight=1,
                batch_size=1,
            )
            dying = asyncio.create_task(on_sqlite.run_until_idle())
            await sender.wait_stalled(1)
        [(died_on, nonce)] = sender.stalled
        assert on_sqlite.stats.sent == 2 and len(sender.sent) == 3

        copies = await migrate(settings.database_path, target)
        assert {copy.name: copy.rows for copy in copies}["deliveries"] == 6

        on_postgresql = settings.model_copy(update={"database_url": target})
        async with running_bot(standin, on_postgresql, clock) as bot:
            assert bot.digests.database.dialect == "postgresql"
            # The rows never sent, and the one posted as the SQLite process died (its lease was ended by
            # the migration): sent again at once, with its nonce.
            await bot.digests.dispatcher.run_until_idle()
            states = await _states(bot, channels)
        dying.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await dying
        await sqlite.close()
    finally:
        await postgres_server.drop_database(target)
    assert states == ["sent"] * 6
    assert standin.message_counts() == {channel: 1 for channel in channels}  # 0 duplicates, 0 losses
    assert standin.counters["duplicates"] == 0 and standin.violations == []
    assert [post["nonce"] for post in posts(standin, died_on)] == [nonce, nonce]  # resent with its nonce
