"""Admins and their digests through the stand-in: pause and resume (by a member or by Briefbot itself), and
answers that are private unless shared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.app.client import Briefbot
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.helpers import SEND_MESSAGES, acted_on, digests_to
from tests.e2e.test_commands import EPHEMERAL
from tests.e2e.test_digests import SLOT_DAY, ask, fire_slot_and_send, posts
from tests.helpers import FakeClock
from tests.standin import DiscordStandIn


async def answer(
    standin: DiscordStandIn, command: str, options: dict[str, Any], user: str = "bob"
) -> tuple[int, dict[str, Any]]:
    """The flags of the command's first response (a deferral) and the body of its followup request."""
    interaction = await standin.invoke_command(command, options, user=user)
    await standin.wait_for(lambda: interaction.followups, timeout=5)
    assert interaction.callback is not None
    [followup] = [call.body for call in standin.followups if call.interaction_id == interaction.id]
    return int((interaction.callback.data or {}).get("flags") or 0), followup


async def test_list_preview_and_history_answer_privately_unless_shared(
    briefbot: Briefbot, standin: DiscordStandIn
) -> None:
    news = standin.channel_id("news")
    await briefbot.digests.subscribe(
        guild_id=standin.guild_id, channel_id=news, schedule="09:00", timezone="UTC"
    )
    for command in ("digest list", "digest preview", "digest history"):
        options = {} if command == "digest list" else {"channel": news}
        deferred, followup = await answer(standin, command, options)
        assert deferred & EPHEMERAL and int(followup.get("flags") or 0) & EPHEMERAL, command
        deferred, followup = await answer(standin, command, {**options, "private": False})
        assert not deferred & EPHEMERAL and not int(followup.get("flags") or 0) & EPHEMERAL, command
        assert followup["allowed_mentions"] == {"parse": []}, command  # shared, it still pings nobody


async def test_a_paused_channel_keeps_its_settings_skips_its_slots_and_resumes(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    news = standin.channel_id("news")
    alice = standin._user("alice").id
    async with running_bot(standin, bot_settings(standin, tmp_path), clock) as bot:
        await ask(
            standin,
            "digest subscribe",
            {"channel": news, "schedule": "09:00", "timezone": "Europe/Berlin"},
            user="alice",
        )
        refused = await ask(standin, "digest pause", {"channel": news}, user="bob")
        assert "You need the Manage Server permission" in refused
        assert not (await bot.digests.subscription(news)).paused  # type: ignore[union-attr]

        paused = await ask(
            standin, "digest pause", {"channel": news, "reason": "  election   blackout "}, user="alice"
        )
        assert paused.startswith(f"Paused <#{news}>")
        again = await ask(standin, "digest pause", {"channel": news}, user="alice")
        assert "is already **paused** by" in again
        listed = await ask(standin, "digest list", {}, user="bob")
        stamp = int(clock().timestamp())
        assert (
            f"<#{news}>: `09:00` Europe/Berlin; **paused** by <@{alice}> <t:{stamp}:f>: election blackout."
            in listed
        )
        assert "next" not in listed  # no promise of a digest while paused

        await fire_slot_and_send(bot, clock, days=1)  # 09:00 in Berlin (08:00 UTC) has passed
        assert posts(standin, news) == []
        [skipped] = await bot.digests.history(news)
        assert skipped.state == "skipped" and skipped.reason == "subscription paused: election blackout"
        assert skipped.pause_cause == "member"

        assert "You need the Manage Server" in await ask(
            standin, "digest resume", {"channel": news}, user="bob"
        )
        resumed = await ask(standin, "digest resume", {"channel": news}, user="alice")
        assert resumed.startswith("Resumed.") and "`09:00` Europe/Berlin; next <t:" in resumed
        assert "is not paused" in await ask(standin, "digest resume", {"channel": news}, user="alice")
        subscription = await bot.digests.subscription(news)
        assert subscription is not None and (subscription.schedule, subscription.timezone) == (
            "09:00",
            "Europe/Berlin",
        )
        await fire_slot_and_send(bot, clock, days=1)
        assert len(posts(standin, news)) == 1
        assert [d.state for d in await bot.digests.history(news)] == ["sent", "skipped"]
    assert standin.violations == []


async def test_an_automatic_pause_says_briefbot_paused_it_refuses_resume_until_fixed_and_lifts_itself(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    async with digests_to(standin, tmp_path, "news") as (bot, clock, [news]):
        await acted_on(
            bot, "channel_update", lambda: standin.set_overwrite(news, member=standin.me, deny=SEND_MESSAGES)
        )
        listed = await ask(standin, "digest list", {}, user="bob")
        stamp = int(clock().timestamp())
        assert (
            f"**paused** by Briefbot <t:{stamp}:f>: I no longer have Send Messages, Embed Links in this"
            " channel. it resumes by itself once that is fixed." in listed
        )
        await fire_slot_and_send(bot, clock, seconds=31)
        [skipped] = await bot.digests.history(news)
        assert skipped.state == "skipped" and skipped.pause_cause == "permissions"

        still = await ask(standin, "digest resume", {"channel": news}, user="alice")
        assert "stays paused: I am still missing Send Messages, Embed Links there" in still
        await acted_on(bot, "channel_update", lambda: standin.set_overwrite(news, member=standin.me, deny=0))
        # A pause for a lost permission is lifted by Briefbot itself once the permission is back: the list
        # shows the channel active again, and /digest resume says there is nothing to resume and how it stands.
        listed = await ask(standin, "digest list", {}, user="bob")
        assert f"<#{news}>: `09:00` UTC; next <t:" in listed and "paused" not in listed
        answer = await ask(standin, "digest resume", {"channel": news}, user="alice")
        assert answer.startswith(f"Nothing to resume: it is not paused. <#{news}>: `09:00` UTC; next <t:")
        await fire_slot_and_send(bot, clock, days=1)
        assert len(posts(standin, news)) == 1
    assert standin.invalid_requests() == 0 and standin.violations == []


async def test_pause_and_resume_refuse_kindly_what_is_not_subscribed(
    briefbot: Briefbot, standin: DiscordStandIn
) -> None:
    general = standin.channel_id("general")
    assert f"<#{general}> is not subscribed." in await ask(
        standin, "digest pause", {"channel": general}, user="alice"
    )
    assert "is not subscribed. Use `/digest subscribe`" in await ask(
        standin, "digest resume", {"channel": general}, user="alice"
    )


async def test_each_digest_says_its_slot_and_the_window_since_the_previous_one(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    clock = FakeClock(SLOT_DAY)
    channel = standin.add_text_channel("daily")
    settings = bot_settings(
        standin,
        tmp_path,
        digest_channel_ids=[channel],
        digest_schedule="09:00",
        digest_when_nothing_new="repeat-latest",
    )
    first_slot = int(SLOT_DAY.timestamp()) + 30  # 09:00 UTC
    second_slot = first_slot + 86400
    async with running_bot(standin, settings, clock) as bot:
        await fire_slot_and_send(bot, clock, seconds=31)
        await fire_slot_and_send(bot, clock, days=1)
        clock.advance(minutes=5)
        asked = int(clock().timestamp())
        queued = await ask(standin, "digest now", {"channel": channel}, user="alice")
        assert "on its way" in queued
        await bot.digests.dispatcher.run_until_idle()
    first, second, by_hand = posts(standin, channel)
    assert first["content"] == (
        f"Digest for <t:{first_slot}:f>, the first in this channel: everything new up to <t:{first_slot}:f>."
    )
    assert second["content"] == (
        f"Digest for <t:{second_slot}:f>, covering <t:{first_slot}:f> to <t:{second_slot}:f>."
    )
    assert by_hand["content"].startswith(
        f"Digest asked for at <t:{asked}:f>, covering <t:{second_slot}:f> to <t:{asked}:f>"
    )
    for body in (first, second, by_hand):  # never where Discord shows `<t:…>` as it is typed
        assert all("<t:" not in embed["title"] + embed["footer"]["text"] for embed in body["embeds"])
        assert body["allowed_mentions"] == {"parse": []}
    assert standin.violations == []
