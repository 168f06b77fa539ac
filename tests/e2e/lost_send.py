"""What the tests of a lost first send share (the look before a resend, held digests, 429s on the look): a
stand-in whose nonce window is short, one channel subscribed at 09:00 UTC, and a bot whose first send of the
slot's digest is stored by Discord and answered 503, so that the bot does not know the message exists. The
bot stops; once the stand-in's nonce window has passed, a blind resend by a restarted bot would post the
digest twice.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.app.client import Briefbot
from bot.settings import Settings
from bot.storage import Delivery
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digests import SLOT_DAY, fire_slot_and_send
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn

READ_MESSAGE_HISTORY = 1 << 16
NONCE_WINDOW = 60.0  # stand-in seconds


def bot_messages(standin: DiscordStandIn, channel_id: int) -> list[dict[str, Any]]:
    return [m for m in standin.messages[channel_id] if int(m["author"]["id"]) == standin.me.id]


def after_the_nonce_window(standin: DiscordStandIn, clock: FakeClock, minutes: float = 10) -> None:
    standin.advance_clock(NONCE_WINDOW + 1)
    clock.advance(minutes=minutes)


async def slot_row(bot: Briefbot, channel: int) -> Delivery:
    """The channel's row of the 09:00 UTC slot (not a `/digest now` one)."""
    [row] = [row for row in await bot.digests.history(channel) if row.timezone == "UTC"]
    return row


@dataclass
class OneChannel:
    """The stand-in (nonce window NONCE_WINDOW, Discord's clock following `clock`), its channel subscribed
    at 09:00 UTC in `settings`, and the bots' fake clock, 30 s before the slot on SLOT_DAY."""

    standin: DiscordStandIn
    clock: FakeClock
    channel: int
    settings: Settings

    def bot(self, settings: Settings | None = None) -> contextlib.AbstractAsyncContextManager[Briefbot]:
        """The bot running on the scene's clock (with `settings` instead of the scene's, if given)."""
        return running_bot(self.standin, settings or self.settings, self.clock)

    def bot_messages(self) -> list[dict[str, Any]]:
        return bot_messages(self.standin, self.channel)

    async def lose_the_first_answer(self, bot: Briefbot, *, stored: bool = True) -> Delivery:
        """The slot fires in `bot`; its digest's first send is stored by Discord and answered 503
        (`stored`), or refused with a 503 before anything was stored: the bot sees only the 503. Returns
        the slot's row: pending, its attempt started."""
        if stored:
            self.standin.store_then_fail(self.channel, times=1, status=503)
        else:
            self.standin.fail_channel(self.channel, status=503, code=0, message="Service Unavailable")
        await fire_slot_and_send(bot, self.clock, seconds=31)
        self.standin.clear_failure(self.channel)
        row = await slot_row(bot, self.channel)
        assert row.state == "pending" and row.attempt_started_at is not None, row
        assert len(self.bot_messages()) == int(stored)
        return row

    def after_the_nonce_window(self, minutes: float = 10) -> None:
        after_the_nonce_window(self.standin, self.clock, minutes)

    async def lost_first_send(self, *, stored: bool = True, settings: Settings | None = None) -> Delivery:
        """A bot starts, loses its first send's answer (`lose_the_first_answer`) and stops; then Discord's
        nonce window passes. Returns the slot's row as that bot left it."""
        async with self.bot(settings) as bot:
            row = await self.lose_the_first_answer(bot, stored=stored)
        self.after_the_nonce_window()
        return row


@contextlib.asynccontextmanager
async def one_channel(
    tmp_path: Path, name: str, *, deny_bot: int = 0, **overrides: Any
) -> AsyncIterator[OneChannel]:
    """A stand-in with one text channel `name` (`deny_bot`: permissions its overwrite denies the bot),
    subscribed at 09:00 UTC by settings made with `overrides`."""
    clock = FakeClock(SLOT_DAY)
    async with DiscordStandIn(nonce_window=NONCE_WINDOW, now=clock) as standin:
        channel = standin.add_text_channel(name, deny_bot=deny_bot)
        settings = bot_settings(
            standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00", **overrides
        )
        yield OneChannel(standin, clock, channel, settings)
