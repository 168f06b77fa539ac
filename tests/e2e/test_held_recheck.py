"""Held digests are looked for again: when the reason goes away (Read Message History granted again) and
periodically with backoff, a held row is resolved as sent (found), sent now (not posted, the search complete)
or expired (not posted, and too late); otherwise it stays held.

Each test holds a digest as a bot without Read Message History does: the first send's answer is lost, the
bot restarts after Discord's nonce window, and its search of the channel cannot read anything.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.app.client import Briefbot
from bot.app.cogs.digests import history_line
from bot.clock import snowflake_time
from bot.storage import Delivery
from tests.e2e.conftest import running_bot
from tests.e2e.helpers import acted_on
from tests.e2e.lost_send import READ_MESSAGE_HISTORY, bot_messages, one_channel, slot_row
from tests.e2e.test_digests import ask, fire_slot_and_send
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn


def history_pages(standin: DiscordStandIn, channel: int) -> int:
    return sum(
        1 for r in standin.requests if r.method == "GET" and r.path.endswith(f"/channels/{channel}/messages")
    )


@contextlib.asynccontextmanager
async def a_held_digest(
    tmp_path: Path, *, posted: bool, **overrides: Any
) -> AsyncIterator[tuple[DiscordStandIn, FakeClock, int, Any]]:
    """A stand-in and a channel whose 09:00 digest is held because the bot may not read its history: the
    first send was stored and answered 503 (`posted`), or refused with a 503 before anything was stored."""
    async with one_channel(tmp_path, "blind", deny_bot=READ_MESSAGE_HISTORY, **overrides) as scene:
        await scene.lost_first_send(stored=posted)
        yield scene.standin, scene.clock, scene.channel, scene.settings


async def held_now(bot: Briefbot, channel: int) -> Delivery:
    await bot.digests.dispatcher.run_until_idle()
    row = await slot_row(bot, channel)
    assert row.state == "held", row
    return row


async def granted_again(bot: Briefbot, standin: DiscordStandIn, channel: int) -> None:
    """An admin gives the bot Read Message History back (CHANNEL_UPDATE); the bot acts on it."""
    # The member overwrite denying it is removed.
    await acted_on(bot, "channel_update", lambda: standin.set_overwrite(channel, member=standin.me))
    await bot.digests.dispatcher.run_until_idle()


async def test_a_held_digest_found_once_history_is_readable_again_is_sent_not_posted_twice(
    tmp_path: Path,
) -> None:
    async with a_held_digest(tmp_path, posted=True) as (standin, clock, channel, settings):
        [original] = bot_messages(standin, channel)
        async with running_bot(standin, settings, clock) as bot:
            await held_now(bot, channel)
            await granted_again(bot, standin, channel)
            row = await slot_row(bot, channel)
        assert row.state == "sent" and row.message_id == int(original["id"])
        assert bot_messages(standin, channel) == [original]
        assert standin.violations == []


async def test_a_held_digest_not_found_once_history_is_readable_again_is_sent_once(tmp_path: Path) -> None:
    async with a_held_digest(tmp_path, posted=False) as (standin, clock, channel, settings):
        async with running_bot(standin, settings, clock) as bot:
            await held_now(bot, channel)
            await granted_again(bot, standin, channel)
            row = await slot_row(bot, channel)
        [posted] = bot_messages(standin, channel)
        assert row.state == "sent" and row.message_id == int(posted["id"])
        assert standin.violations == []


async def test_a_held_digest_is_looked_for_again_with_backoff_and_found_without_an_event(
    tmp_path: Path,
) -> None:
    async with a_held_digest(tmp_path, posted=True) as (standin, clock, channel, settings):
        [original] = bot_messages(standin, channel)
        async with running_bot(standin, settings, clock) as bot:
            await held_now(bot, channel)
            looked = history_pages(standin, channel)
            checks = []
            for _ in range(4):  # 5, 10, 15, 20 minutes after it was held
                clock.advance(minutes=5)
                await held_now(bot, channel)
                checks.append(history_pages(standin, channel) - looked)
            assert checks == [1, 1, 2, 2]  # again after 5 min, then after 10 more: the wait doubles
            # History is readable again, but the look that event brings fails (Discord answers 503)...
            standin.fail_channel(channel, status=503, code=0, message="Service Unavailable")
            await granted_again(bot, standin, channel)
            row = await held_now(bot, channel)
            assert row.reason is not None and "503" in row.reason
            standin.clear_failure(channel)
            # ... so no event is left to bring the next look: the periodic one does, and finds it.
            clock.advance(hours=3)
            await bot.digests.dispatcher.run_until_idle()
            row = await slot_row(bot, channel)
        assert row.state == "sent" and row.message_id == int(original["id"])
        assert bot_messages(standin, channel) == [original]
        assert standin.violations == []


async def test_a_permission_given_back_while_the_bot_was_down_brings_a_look_at_start(tmp_path: Path) -> None:
    async with a_held_digest(tmp_path, posted=True) as (standin, clock, channel, settings):
        [original] = bot_messages(standin, channel)
        async with running_bot(standin, settings, clock) as bot:
            await held_now(bot, channel)
        standin.set_overwrite(channel, member=standin.me)  # while the bot is down: no event reaches it
        async with running_bot(standin, settings, clock) as bot:
            await bot.digests.dispatcher.run_until_idle()
            row = await slot_row(bot, channel)
        assert row.state == "sent" and row.message_id == int(original["id"])
        assert bot_messages(standin, channel) == [original]
        assert standin.violations == []


async def test_a_held_digest_not_found_after_it_went_stale_is_expired_not_posted(tmp_path: Path) -> None:
    async with a_held_digest(tmp_path, posted=False, digest_stale_after=timedelta(hours=6)) as (
        standin,
        clock,
        channel,
        settings,
    ):
        async with running_bot(standin, settings, clock) as bot:
            await held_now(bot, channel)
            clock.advance(hours=7)
            await held_now(bot, channel)  # still unreadable: still held, however late
            await granted_again(bot, standin, channel)
            row = await slot_row(bot, channel)
        assert bot_messages(standin, channel) == []
        assert row.state == "expired" and row.reason is not None and "history shows" in row.reason
        assert standin.violations == []


VIEW_CHANNEL = 1 << 10


async def test_a_channel_hidden_from_the_bot_while_it_was_down_holds_its_digest_and_counts_it_once_found(
    tmp_path: Path,
) -> None:
    # Failed first: the search before the resend was refused (403 Missing Access) and the row went dead,
    # though the first send had posted it; its briefs were had by nobody, and once the channel was shown
    # to the bot again the next slot posted them a second time.
    async with one_channel(tmp_path, "hidden") as scene:
        standin, clock, channel, settings = scene.standin, scene.clock, scene.channel, scene.settings
        await scene.lost_first_send()
        [original] = bot_messages(standin, channel)
        standin.set_overwrite(channel, member=standin.me, deny=VIEW_CHANNEL)  # an admin hides the channel
        async with running_bot(standin, settings, clock) as bot:
            held = await held_now(bot, channel)
            assert "403 Missing Access (50001)" in (held.reason or "")
            await granted_again(bot, standin, channel)
            found = await slot_row(bot, channel)
            assert found.state == "sent" and found.message_id == int(original["id"])
            shown = await ask(standin, "digest history", {"channel": channel}, user="bob")
            clock.advance(days=1)
            await fire_slot_and_send(bot, clock)
            next_day = (await bot.digests.history(channel))[0]
        assert (next_day.state, next_day.reason) == ("skipped", "nothing new since the last digest")
        assert bot_messages(standin, channel) == [original]
        # Shown as sent when its message was posted (Discord's time, its id's), not when it was found.
        posted_at = int(snowflake_time(int(original["id"])).timestamp())
        assert found.sent_at is not None and int(found.sent_at.timestamp()) > posted_at + 60
        assert f"**sent** <t:{posted_at}:f>" in shown
        assert standin.violations == []


def asked_of(standin: DiscordStandIn, channel: int) -> int:
    """REST requests the bot made about `channel` (its history, sends, the channel itself)."""
    return sum(1 for r in standin.requests if f"/channels/{channel}" in r.path)


async def test_a_held_digest_whose_channel_is_deleted_ends_with_the_reason_and_is_never_looked_for_again(
    tmp_path: Path,
) -> None:
    # Failed first: CHANNEL_DELETE cancelled only the channel's pending rows; the held one stayed held for
    # ever, looked for (a 404 each time) every few hours.
    async with a_held_digest(tmp_path, posted=True) as (standin, clock, channel, settings):
        async with running_bot(standin, settings, clock) as bot:
            await held_now(bot, channel)
            await acted_on(bot, "channel_delete", lambda: standin.delete_channel(channel))
            await bot.digests.dispatcher.run_until_idle()
            row = await slot_row(bot, channel)
            asked = asked_of(standin, channel)
            clock.advance(hours=7)
            await bot.digests.dispatcher.run_until_idle()
            asked_later = asked_of(standin, channel)
            later = await slot_row(bot, channel)
        assert row.state == "cancelled" and row.reason is not None
        assert "the channel was deleted" in row.reason and "held" in row.reason
        assert "**cancelled**" in history_line(row) and "the channel was deleted" in history_line(row)
        assert later == row and asked_later == asked  # nothing more asked of a channel that is gone
        assert standin.violations == []


async def test_a_held_digest_whose_channel_was_deleted_while_the_bot_was_down_ends_at_its_next_look(
    tmp_path: Path,
) -> None:
    # Failed first: the look's 404 Unknown Channel (10003) was read as "cannot tell" and the row stayed
    # held, looked for again (a 404 each time) at every recheck, up to every 6 hours, for ever.
    async with a_held_digest(tmp_path, posted=True) as (standin, clock, channel, settings):
        async with running_bot(standin, settings, clock) as bot:
            await held_now(bot, channel)
        standin.delete_channel(channel)  # while the bot is down: no CHANNEL_DELETE reaches it
        async with running_bot(standin, settings, clock) as bot:
            clock.advance(minutes=6)  # its recheck is due
            await bot.digests.dispatcher.run_until_idle()
            row = await slot_row(bot, channel)
            looks = history_pages(standin, channel)
            clock.advance(days=2)
            await bot.digests.dispatcher.run_until_idle()
            looks_later = history_pages(standin, channel)
        assert row.state == "cancelled" and row.reason is not None
        assert "404 Unknown Channel (10003)" in row.reason and row.message_id is None
        assert looks_later == looks
        posts = [r for r in standin.requests if r.method == "POST" and r.path.endswith(f"{channel}/messages")]
        assert len(posts) == 1  # the first send only: never sent again
        assert standin.violations == []


async def test_a_lost_send_whose_channel_was_deleted_while_the_bot_was_down_is_given_up_not_held(
    tmp_path: Path,
) -> None:
    # Failed first: the look before the resend met 404 Unknown Channel (10003), read as "cannot tell": the
    # row was held, and then looked for (a 404 each time) for ever.
    async with one_channel(tmp_path, "doomed") as scene:
        standin, clock, channel = scene.standin, scene.clock, scene.channel
        await scene.lost_first_send()
        standin.delete_channel(channel)  # while the bot is down
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            row = await slot_row(bot, channel)
            looks = history_pages(standin, channel)
            clock.advance(days=2)
            await bot.digests.dispatcher.run_until_idle()
            looks_later = history_pages(standin, channel)
        assert row.state == "dead" and row.reason == "404 Unknown Channel (10003)"
        assert looks == looks_later == 1
        posts = [r for r in standin.requests if r.method == "POST" and r.path.endswith(f"{channel}/messages")]
        assert len(posts) == 1  # never sent again
        assert standin.violations == []
