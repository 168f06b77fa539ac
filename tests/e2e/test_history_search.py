"""Look before resending: a digest whose first send may have landed is searched for in the channel's history
once Discord's nonce window may have passed, through the real bot and the stand-in's history rules.

In each test the first send is stored by the stand-in and answered 503 (discord.py raises it at once): the
message exists, the bot does not know it. The bot stops; the stand-in's nonce window is made to pass, so a
blind resend by the restarted bot would post the digest twice (tests/e2e/lost_send.py).
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from bot.app.client import Briefbot
from bot.app.views import digest_custom_id, digest_marker
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.lost_send import NONCE_WINDOW, READ_MESSAGE_HISTORY, bot_messages, one_channel
from tests.e2e.test_commands import EPHEMERAL
from tests.e2e.test_digests import SLOT_DAY, ask
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn


async def test_a_busy_channel_does_not_hide_the_lost_digest(tmp_path: Path) -> None:
    async with one_channel(tmp_path, "busy") as scene:
        standin, clock, channel = scene.standin, scene.clock, scene.channel
        # Members chatted in the minutes before the slot (inside the search's margin)...
        standin.post_messages(channel, 120, at=clock.now - timedelta(minutes=7), every=3.0)
        async with scene.bot() as bot:
            await scene.lose_the_first_answer(bot)
        [original] = bot_messages(standin, channel)
        # ... and chat on while the bot is down: far more than the 50 newest messages.
        standin.post_messages(channel, 160, at=clock.now + timedelta(seconds=1), every=2.0)
        scene.after_the_nonce_window()
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            [row] = await bot.digests.history(channel)
        assert bot_messages(standin, channel) == [original]
        assert row.state == "sent" and row.message_id == int(original["id"])
        pages = [r for r in standin.requests if r.method == "GET" and r.path.endswith(f"{channel}/messages")]
        assert len(pages) == 2  # oldest first from before the first attempt, 100 a page, until found
        assert all("after" in r.query and r.query.get("limit") == "100" for r in pages)
        assert standin.violations == []


async def test_a_history_the_bot_cannot_read_holds_the_digest(tmp_path: Path) -> None:
    async with one_channel(tmp_path, "blind", deny_bot=READ_MESSAGE_HISTORY) as scene:
        standin, clock, channel = scene.standin, scene.clock, scene.channel
        await scene.lost_first_send()
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            clock.advance(hours=2)
            await bot.digests.dispatcher.run_until_idle()  # held: never taken again on its own
            [row] = await bot.digests.history(channel)
            shown = await ask(standin, "digest history", {"channel": channel}, user="bob")
        assert len(bot_messages(standin, channel)) == 1
        assert standin.counters["history_withheld"] >= 1
        assert row.state == "held" and row.reason is not None and "Read Message History" in row.reason
        assert "**held**" in shown and "Read Message History" in shown
        assert standin.violations == []


async def test_a_later_digest_sent_first_does_not_hide_the_earlier_one(tmp_path: Path) -> None:
    async with one_channel(tmp_path, "both") as scene:
        standin, clock, channel = scene.standin, scene.clock, scene.channel
        async with scene.bot() as bot:
            await scene.lose_the_first_answer(bot)
            [lost] = bot_messages(standin, channel)
            # `/digest now` while the slot's row waits for its retry: the same brief, posted and recorded.
            clock.advance(seconds=1)
            asked = await bot.digests.digest_now(
                channel_id=channel, guild_id=standin.guild_id, brief_ids=bot.library.ids
            )
            assert asked is not None
            await bot.digests.dispatcher.run_until_idle()
            assert len(bot_messages(standin, channel)) == 2
        scene.after_the_nonce_window()
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            rows = {row.timezone: row for row in await bot.digests.history(channel)}
        assert len(bot_messages(standin, channel)) == 2
        assert rows["UTC"].state == "sent" and rows["UTC"].message_id == int(lost["id"])  # not the later one
        assert rows["manual"].state == "sent" and rows["manual"].message_id != int(lost["id"])
        assert standin.violations == []


async def test_a_clock_set_back_searches_before_resending(tmp_path: Path) -> None:
    # Discord's clock is the true time; the bot's ran an hour ahead when it sent, then was corrected. The bot
    # keeps time by Discord's when it sees the two disagree: here it cannot (as before its first answer from
    # Discord), so the first attempt is stamped by the clock that ran ahead.
    true_time = FakeClock(SLOT_DAY - timedelta(hours=1))
    ahead = timedelta(hours=1)

    def bot_clock() -> datetime:
        return true_time.now + ahead

    async with DiscordStandIn(nonce_window=NONCE_WINDOW, now=true_time) as standin:
        channel = standin.add_text_channel("skewed")
        settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00")
        async with running_bot(standin, settings, bot_clock, watch_discord_clock=False) as bot:
            standin.store_then_fail(channel, times=1, status=503)
            true_time.advance(seconds=31)  # 09:00:01 on the bot's clock, 08:00:01 on Discord's
            await bot.digests.scheduler.tick()
            await bot.digests.dispatcher.run_until_idle()
        [original] = bot_messages(standin, channel)
        ahead = timedelta(0)  # NTP corrects the bot's clock: "since the first attempt" is now negative
        standin.advance_clock(NONCE_WINDOW + 1)
        true_time.advance(minutes=3)
        async with running_bot(standin, settings, bot_clock) as bot:
            await bot.digests.dispatcher.run_until_idle()
            [row] = await bot.digests.history(channel)
        assert bot_messages(standin, channel) == [original]
        assert row.state == "sent" and row.message_id == int(original["id"])
        assert standin.violations == []


async def test_subscribe_requires_read_message_history(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    created = asyncio.ensure_future(briefbot.wait_for("guild_channel_create", timeout=5))
    blind = standin.add_text_channel("blind", deny_bot=READ_MESSAGE_HISTORY)
    assert (await created).id == blind
    refused = await ask(standin, "digest subscribe", {"channel": blind}, user="alice")
    assert "I am missing Read Message History" in refused
    assert await briefbot.digests.list_subscriptions() == []


async def test_buttons_carry_the_rows_marker_and_old_digests_buttons_still_answer(
    briefbot: Briefbot, standin: DiscordStandIn
) -> None:
    longest = digest_custom_id("loans", "a" * 64, "d" + "f" * 24)  # the longest id a brief may have
    assert len(longest) <= 100 and digest_marker(longest) == "d" + "f" * 24
    news = standin.channel_id("news")
    brief_id = briefbot.library.ids[0]
    old = standin.post_message(
        news,
        author=standin.me,
        components=[
            {
                "type": 1,
                "components": [
                    {"type": 2, "style": 2, "label": "Who", "custom_id": f"briefbot:digest:who:{brief_id}"}
                ],
            }
        ],
    )
    press = await standin.press_button(old, f"briefbot:digest:who:{brief_id}", user="bob")
    callback = await standin.wait_for_callback(press, timeout=5)
    assert callback.data["flags"] & EPHEMERAL and callback.data.get("embeds")


async def test_a_cloudflare_429_on_the_search_pauses_everything_instead_of_retrying(tmp_path: Path) -> None:
    async with one_channel(tmp_path, "banned", shutdown_grace_seconds=0) as scene:
        standin, clock, channel = scene.standin, scene.clock, scene.channel
        lost = await scene.lost_first_send()
        standin.inject_429(retry_after="", cloudflare=True, method="GET", channel_id=channel)
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            [row] = await bot.digests.history(channel)
        assert standin.counters["injected_429"] == 1 and len(bot_messages(standin, channel)) == 1
        assert (row.state, row.attempts) == ("pending", lost.attempts)  # a ban is no failed attempt
        assert row.last_error is not None and row.last_error.startswith("429")
        assert row.next_attempt_at == clock.now + timedelta(seconds=60)
        assert standin.violations == []


async def test_a_long_rate_limit_on_the_search_is_waited_out_as_discord_asks(tmp_path: Path) -> None:
    # Failed first: discord.py raises RateLimited (not an HTTPException) for a 429 longer than the bot lets
    # it wait; the search did not read it, so it was "an unexpected error" (logged with its traceback),
    # counted as a failed attempt and retried after a few seconds instead of after Discord's wait.
    async with one_channel(tmp_path, "limited", shutdown_grace_seconds=0) as scene:
        standin, clock, channel = scene.standin, scene.clock, scene.channel
        lost = await scene.lost_first_send()
        standin.inject_429(
            cloudflare=False, retry_after="120", retry_after_seconds=120.0, method="GET", channel_id=channel
        )
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            [row] = await bot.digests.history(channel)
        assert standin.counters["injected_429"] == 1 and len(bot_messages(standin, channel)) == 1
        assert (row.state, row.attempts) == ("pending", lost.attempts)  # a rate limit is no failed attempt
        assert row.last_error is not None and row.last_error.startswith("429")
        assert row.next_attempt_at == clock.now + timedelta(seconds=120)
        assert standin.violations == []


async def test_a_lost_digest_a_moderator_deleted_before_the_look_is_posted_again_once(tmp_path: Path) -> None:
    # The limit the README states ("What the bot cannot see"): the bot never learned the deleted message's
    # id, so its look finds nothing and posts the digest again, once, recorded as sent with the new message.
    async with one_channel(tmp_path, "moderated") as scene:
        standin, clock, channel = scene.standin, scene.clock, scene.channel
        await scene.lost_first_send()
        [deleted] = bot_messages(standin, channel)
        standin.remove_message(standin.channels[channel], deleted)  # a moderator, while the bot is down
        async with scene.bot() as bot:
            await bot.digests.dispatcher.run_until_idle()
            clock.advance(hours=1)
            await bot.digests.dispatcher.run_until_idle()
            [row] = await bot.digests.history(channel)
        [again] = bot_messages(standin, channel)
        assert again["id"] != deleted["id"]
        assert row.state == "sent" and row.message_id == int(again["id"])
        assert standin.violations == []
