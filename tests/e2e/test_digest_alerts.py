"""The absence alarm through the stand-in: one message per server and slot in its admin channel, naming
each channel that got no digest through a fault, with the stage and the fix; exactly once; never about
itself."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app.client import Briefbot
from bot.settings import Settings
from bot.storage.alerts import Alert
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.helpers import SEND_MESSAGES, acted_on, subscribed
from tests.e2e.test_digests import SLOT_DAY, ask, fire_slot_and_send, posts
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn


@contextlib.asynccontextmanager
async def alerting(
    standin: DiscordStandIn, settings: Settings, clock: FakeClock, admins: int, *channels: int
) -> AsyncIterator[Briefbot]:
    """The bot running with the server's alerts going to `admins` and `channels` subscribed at 09:00 UTC;
    the test runs each of the alarm's checks itself (`alerts.run_once`)."""
    async with running_bot(standin, settings, clock) as bot:
        await bot.digests.alerts.stop()
        await ask(standin, "digest alerts", {"channel": admins}, user="alice")
        await subscribed(bot, standin, *channels)
        yield bot


async def test_one_alert_per_slot_names_each_faulted_channel_with_its_stage_and_fix(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    admins = standin.add_text_channel("admins")
    refused = standin.add_text_channel("refused")
    muted = standin.add_text_channel("muted")
    resting = standin.add_text_channel("resting")
    fine = standin.add_text_channel("fine")
    slot = int(SLOT_DAY.timestamp()) + 30
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        await bot.digests.alerts.stop()  # the test runs each check itself
        assert "You need the Manage Server" in await ask(
            standin, "digest alerts", {"channel": admins}, user="bob"
        )
        assert "Alerts are off." in await ask(standin, "digest alerts", {}, user="alice")
        done = await ask(standin, "digest alerts", {"channel": admins}, user="alice")
        assert done.startswith(f"Alerts go to <#{admins}>")
        await subscribed(bot, standin, refused, muted, resting, fine)
        standin.fail_channel(refused, status=403, code=50013)
        # Briefbot pauses it: a fault.
        await acted_on(
            bot, "channel_update", lambda: standin.set_overwrite(muted, member=standin.me, deny=SEND_MESSAGES)
        )
        await ask(
            standin, "digest pause", {"channel": resting, "reason": "holidays"}, user="alice"
        )  # not one
        await fire_slot_and_send(bot, clock, seconds=31)
        assert await bot.digests.alerts.run_once() == 1
        assert await bot.digests.alerts.run_once() == 0  # exactly once
        await fire_slot_and_send(bot, clock, days=1)  # nothing new for fine; refused and muted still fail
        await bot.digests.alerts.run_once()
    [first, second] = posts(standin, admins)
    assert first["allowed_mentions"] == {"parse": []} and len(first["nonce"]) <= 25
    assert first["enforce_nonce"] is True
    lines = first["content"].split("\n")
    assert lines[0] == f"**No digest reached 2 channel(s) for the slot of <t:{slot}:f>.**"
    assert lines[1] == (
        f"- <#{refused}>, slot <t:{slot}:f>: stopped at sending: Discord refused it (403 Missing Permissions"
        f" (50013)). Fix: give the bot View Channel, Send Messages, Embed Links and Read Message History in"
        f" <#{refused}>."
    )
    assert lines[2] == (
        f"- <#{muted}>, slot <t:{slot}:f>: stopped at paused by Briefbot: I no longer have Send Messages,"
        f" Embed Links in this channel. Fix: give the bot Send Messages, Embed Links in <#{muted}>; the"
        " digests resume by themselves then."
    )
    assert lines[3].startswith("-# Briefbot alert a") and len(lines) == 4
    assert f"<#{resting}>" not in first["content"] and f"<#{fine}>" not in first["content"]
    assert f"<t:{slot + 86400}:f>" in second["content"] and f"<#{fine}>" not in second["content"]
    assert len(first["content"]) <= 2000
    assert standin.pinged(standin.messages[admins][0]) == standin.pinged(standin.messages[admins][1])
    assert standin.violations == []


async def test_no_fault_no_alert_and_alerts_off_stops_them(standin: DiscordStandIn, tmp_path: Path) -> None:
    clock = FakeClock(SLOT_DAY)
    admins = standin.add_text_channel("admins")
    news = standin.channel_id("news")
    async with alerting(standin, bot_settings(standin, tmp_path), clock, admins, news) as bot:
        await fire_slot_and_send(bot, clock, seconds=31)
        await fire_slot_and_send(bot, clock, days=1)  # skipped: nothing new, not a fault
        assert await bot.digests.alerts.run_once() == 0
        assert f"Alerts go to <#{admins}>." in await ask(standin, "digest list", {}, user="bob")
        assert "Name a channel, or say `off:true`" in await ask(
            standin, "digest alerts", {"channel": admins, "off": True}, user="alice"
        )
        assert await ask(standin, "digest alerts", {"off": True}, user="alice") == "Alerts are off."
        assert "Alerts are off (`/digest alerts channel:`)." in await ask(
            standin, "digest list", {}, user="bob"
        )
        standin.fail_channel(news, status=403, code=50001)
        await fire_slot_and_send(bot, clock, days=1)
        assert await bot.digests.alerts.run_once() == 0
    assert posts(standin, admins) == []


async def test_an_alert_that_cannot_be_delivered_is_logged_never_alerted_about(
    standin: DiscordStandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(SLOT_DAY)
    admins = standin.add_text_channel("admins")
    news = standin.channel_id("news")
    async with alerting(standin, bot_settings(standin, tmp_path), clock, admins, news) as bot:
        standin.fail_channel(news, status=403, code=50001)
        standin.fail_channel(admins, status=403, code=50001)
        await fire_slot_and_send(bot, clock, seconds=31)
        with caplog.at_level(logging.WARNING):
            assert await bot.digests.alerts.run_once() == 0
            assert await bot.digests.alerts.run_once() == 0
        [alert] = await bot.digests.alerts.repository.of_server(standin.guild_id)
        assert alert.state == "failed" and alert.reason == "403 Missing Access (50001)"
    assert len(posts(standin, admins)) == 1  # one try, no alert about the alert
    assert f"could not be delivered to channel {admins}: 403 Missing Access (50001)" in caplog.text


async def alert_lost_in_a_crash(bot: Briefbot, standin: DiscordStandIn, clock: FakeClock, news: int) -> Alert:
    """The slot's alert about `news` (refused), posted, and its outcome lost in a crash: its row is pending
    again, its send begun."""
    standin.fail_channel(news, status=403, code=50001)
    await fire_slot_and_send(bot, clock, seconds=31)
    assert await bot.digests.alerts.run_once() == 1
    [alert] = await bot.digests.alerts.repository.of_server(standin.guild_id)
    async with bot.digests.database.transaction() as connection:
        await connection.execute(
            "UPDATE alerts SET state = 'pending', message_id = NULL, sent_at = NULL,"
            " next_attempt_at = created_at WHERE id = ?",
            (alert.id,),
        )
    return alert


async def test_an_alert_posted_before_a_crash_is_found_not_posted_again(tmp_path: Path) -> None:
    clock = FakeClock(SLOT_DAY)
    async with DiscordStandIn(nonce_window=60, now=clock) as standin:
        admins = standin.add_text_channel("admins")
        news = standin.channel_id("news")
        async with alerting(standin, bot_settings(standin, tmp_path), clock, admins, news) as bot:
            alert = await alert_lost_in_a_crash(bot, standin, clock, news)
            for _ in range(3):  # members talk meanwhile
                standin.post_message(admins, "TEST FIXTURE, NOT NEWS: a member's message", author="bob")
            standin.advance_clock(61)  # past Discord's nonce window: only the history can tell
            clock.advance(minutes=30)
            assert await bot.digests.alerts.run_once() == 1
            [found] = await bot.digests.alerts.repository.of_server(standin.guild_id)
            assert found.state == "sent" and found.message_id == alert.message_id
        assert len(posts(standin, admins)) == 1
        assert standin.violations == []


async def test_a_slot_missed_while_the_bot_was_down_is_alerted_after_the_restart(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    admins = standin.add_text_channel("admins")
    news = standin.channel_id("news")
    settings = bot_settings(standin, tmp_path)
    async with alerting(standin, settings, clock, admins, news):
        pass  # alerts set and the channel subscribed, then the bot stops
    clock.advance(hours=3)  # down over the 09:00 slot, beyond the hour's catch-up grace
    async with running_bot(standin, settings, clock) as bot:
        await bot.digests.alerts.stop()  # the test runs each check itself
        [missed] = await bot.digests.history(news)
        assert missed.state == "missed"
        await bot.digests.alerts.run_once()  # (or the check at start did)
        [sent] = await bot.digests.alerts.repository.of_server(standin.guild_id)
        assert sent.state == "sent"
    [alert] = posts(standin, admins)
    slot = int(SLOT_DAY.timestamp()) + 30
    assert (
        f"- <#{news}>, slot <t:{slot}:f>: stopped at scheduling: the bot was not running" in alert["content"]
    )
    assert posts(standin, news) == [] and standin.violations == []


async def test_an_alert_whose_search_discord_refuses_is_given_up_like_its_send(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Failed first: an error of the search before a resend (here a 403: the bot lost the admin channel)
    # escaped the alarm's check, so no alert after it in that check was sent, every check tried it again
    # (one more refused request each 30 s), and it was never recorded as failed.
    clock = FakeClock(SLOT_DAY)
    async with DiscordStandIn(nonce_window=60, now=clock) as standin:
        admins = standin.add_text_channel("admins")
        news = standin.channel_id("news")
        async with alerting(standin, bot_settings(standin, tmp_path), clock, admins, news) as bot:
            await alert_lost_in_a_crash(bot, standin, clock, news)
            standin.fail_channel(admins, status=403, code=50001)  # then the bot lost the channel
            standin.advance_clock(61)
            clock.advance(minutes=30)
            with caplog.at_level(logging.WARNING):
                assert await bot.digests.alerts.run_once() == 0
                assert await bot.digests.alerts.run_once() == 0
            [failed] = await bot.digests.alerts.repository.of_server(standin.guild_id)
            assert failed.state == "failed" and failed.reason == "403 Missing Access (50001)"
        assert len(posts(standin, admins)) == 1  # the one before the crash
        looked = [r for r in standin.requests if r.method == "GET" and f"/channels/{admins}/" in r.path]
        assert len(looked) == 1  # one refused search, not one per check
        assert f"could not be delivered to channel {admins}: 403 Missing Access (50001)" in caplog.text
        assert standin.violations == []
