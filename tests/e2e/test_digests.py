"""Scheduled digests end to end: the real bot, a real SQLite file, the real scheduler, the stand-in's limits."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app.client import Briefbot
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_commands import EPHEMERAL, embeds_text
from tests.helpers import FakeClock
from tests.standin import Callback, DiscordStandIn

SLOT_DAY = datetime(2026, 11, 26, 8, 59, 30, tzinfo=UTC)
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14


def posts(standin: DiscordStandIn, channel_id: int) -> list[dict[str, Any]]:
    return [
        r.json
        for r in standin.requests
        if r.method == "POST" and r.path.endswith(f"/channels/{channel_id}/messages")
    ]


async def fire_slot(bot: Briefbot, clock: FakeClock, **delta: float) -> None:
    """Move the injected clock past the slot and let the scheduler notice, as its watchdog does."""
    clock.advance(**delta)
    await bot.digests.scheduler.tick()


async def fire_slot_and_send(bot: Briefbot, clock: FakeClock, **delta: float) -> None:
    """`fire_slot`, then wait until every digest due is sent or given a later attempt."""
    await fire_slot(bot, clock, **delta)
    await bot.digests.dispatcher.run_until_idle()


async def test_digest_reaches_every_configured_channel_once_at_its_slot(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channels = [standin.add_text_channel(f"digest-{i}") for i in range(3)]
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        assert standin.message_counts() == {}  # 08:59:30: nothing yet
        await fire_slot(bot, clock, seconds=31)
        await standin.wait_for(lambda: all(standin.messages[c] for c in channels), timeout=10)
        await fire_slot(bot, clock, minutes=5)  # the same slot noticed again records nothing new
        await bot.digests.dispatcher.run_until_idle()
    assert {c: len(standin.messages[c]) for c in channels} == {c: 1 for c in channels}
    for channel_id in channels:
        body = posts(standin, channel_id)[0]
        assert len(body["nonce"]) <= 25 and body["enforce_nonce"] is True
        assert body["allowed_mentions"] == {"parse": []}
        text = embeds_text(body)
        assert "Digest: Israel sends Defense Min. official to US-led conference on Ukraine aid" in text
        assert (
            "8 people · aid: 1 given, 3 read as given, 1 called for, 1 not given, 1 refused · 1 loan requested"
            in text
        )
        assert "Source: Jerusalem Post (publisher named by the editor)" in text
        labels = [c["label"] for row in body["components"] for c in row["components"]]
        assert labels == ["Who", "Aid", "Loans", "Quote"]
    assert standin.counters["global_429"] == 0 and standin.violations == []


async def test_next_day_has_nothing_new_and_is_skipped_or_repeated(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_text_channel("daily")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        await fire_slot(bot, clock, seconds=31)
        await standin.wait_for(lambda: standin.messages[channel], timeout=10)
        await fire_slot(bot, clock, days=1)
        history = await bot.digests.history(channel)
        assert [d.state for d in history] == ["skipped", "sent"]
        assert history[0].reason == "nothing new since the last digest"
    repeat = bot_settings(
        standin,
        tmp_path,
        digest_channel_ids=[channel],
        digest_schedule="09:00",
        digest_when_nothing_new="repeat-latest",
    )
    async with running_bot(standin, repeat, clock) as bot:
        await fire_slot(bot, clock, days=1)
        await standin.wait_for(lambda: len(standin.messages[channel]) == 2, timeout=10)
    assert len(standin.messages[channel]) == 2


async def press_after_a_restart(standin: DiscordStandIn, tmp_path: Path, label: str) -> Callback:
    """Post a digest, stop the bot, start a new one, and press the digest's `label` button."""
    channel = standin.add_text_channel("buttons")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        await fire_slot(bot, clock, seconds=31)
        await standin.wait_for(lambda: standin.messages[channel], timeout=10)
    message = standin.messages[channel][0]
    custom_id = next(
        c["custom_id"] for row in message["components"] for c in row["components"] if c["label"] == label
    )
    async with running_bot(standin, settings, clock):  # a new process would look just like this
        press = await standin.press_button(message, custom_id, user="bob")
        return await standin.wait_for_callback(press, timeout=5)


async def test_digest_buttons_answer_privately_even_after_a_restart(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    callback = await press_after_a_restart(standin, tmp_path, "Loans")
    assert callback.data["flags"] & EPHEMERAL
    assert "Loan made · Japan → Ukraine: $600 million" in embeds_text(callback.data)


async def ask(
    standin: DiscordStandIn,
    command: str,
    options: dict[str, Any],
    user: str,
    guild: bool = True,
    guild_id: int | None = None,
) -> str:
    interaction = await standin.invoke_command(command, options, user=user, guild=guild, guild_id=guild_id)
    await standin.wait_for(
        lambda: interaction.followups or (interaction.callback and interaction.callback.type == 4), timeout=5
    )
    if interaction.followups:
        return str(interaction.followups[-1].get("content"))
    assert interaction.callback is not None and interaction.callback.data is not None
    return str(interaction.callback.data.get("content"))


async def test_subscription_commands_need_manage_server(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    news = standin.channel_id("news")
    refused = await ask(standin, "digest subscribe", {"channel": news}, user="bob")
    assert "You need the Manage Server permission" in refused
    assert await briefbot.digests.list_subscriptions() == []

    done = await ask(
        standin,
        "digest subscribe",
        {"channel": news, "schedule": "30 8 * * mon-fri", "timezone": "Europe/Berlin"},
        user="alice",
    )
    assert done.startswith("Subscribed.") and "`30 8 * * mon-fri` Europe/Berlin" in done
    [subscription] = await briefbot.digests.list_subscriptions()
    assert (subscription.channel_id, subscription.guild_id, subscription.source) == (
        news,
        standin.guild_id,
        "command",
    )

    listed = await ask(standin, "digest list", {}, user="bob")  # reading is open to everyone
    assert f"<#{news}>" in listed and "Europe/Berlin" in listed

    assert "You need the Manage Server" in await ask(
        standin, "digest unsubscribe", {"channel": news}, user="bob"
    )
    assert "no more digests" in await ask(standin, "digest unsubscribe", {"channel": news}, user="alice")
    assert await briefbot.digests.list_subscriptions() == []


async def test_subscribe_refuses_bad_input_with_examples(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    news = standin.channel_id("news")
    bad_cron = await ask(
        standin, "digest subscribe", {"channel": news, "schedule": "every morning"}, user="alice"
    )
    assert (
        "is not a schedule I understand" in bad_cron
        and "`09:00`" in bad_cron
        and "30 8 * * mon-fri" in bad_cron
    )
    bad_cron = await ask(
        standin, "digest subscribe", {"channel": news, "schedule": "61 25 * * *"}, user="alice"
    )
    assert "is not a schedule I understand" in bad_cron
    bad_zone = await ask(
        standin, "digest subscribe", {"channel": news, "timezone": "Mars/Olympus"}, user="alice"
    )
    assert "`Mars/Olympus` is not a time zone" in bad_zone and "Europe/Berlin" in bad_zone
    created = asyncio.ensure_future(briefbot.wait_for("guild_channel_create", timeout=5))
    muted = standin.add_text_channel("muted", deny_bot=SEND_MESSAGES | EMBED_LINKS)
    assert (await created).id == muted
    refused = await ask(standin, "digest subscribe", {"channel": muted}, user="alice")
    assert "I am missing Send Messages, Embed Links" in refused
    assert await briefbot.digests.list_subscriptions() == []


async def test_digest_now_preview_and_history(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    news = standin.channel_id("news")
    preview = await standin.invoke_command("digest preview", {"channel": news}, user="bob")
    await standin.wait_for(lambda: preview.followups, timeout=5)
    assert "Digest: Israel sends Defense Min. official" in embeds_text(preview.followups[0])
    assert not standin.messages[news]  # a preview posts nothing

    assert "You need the Manage Server" in await ask(standin, "digest now", {"channel": news}, user="bob")
    queued = await ask(standin, "digest now", {"channel": news}, user="alice")
    assert "on its way" in queued
    await standin.wait_for(lambda: standin.messages[news], timeout=10)
    history = await ask(standin, "digest history", {"channel": news}, user="bob")
    assert "asked by hand: **sent**" in history


async def test_preview_during_a_retry_shows_what_the_next_digest_will_hold(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    channel = standin.add_text_channel("retrying")
    standin.fail_channel(channel, status=503, code=0, message="Service Unavailable")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        await fire_slot_and_send(bot, clock, seconds=31)
        [retrying] = await bot.digests.history(channel)
        assert retrying.state == "pending" and retrying.last_error  # waiting to be tried again
        preview = await standin.invoke_command("digest preview", {"channel": channel}, user="bob")
        await standin.wait_for(lambda: preview.followups, timeout=5)
        # The pending digest holds the only brief, so the next slot has nothing new: the preview says so.
        assert str(preview.followups[0].get("content")).startswith(
            "Nothing new for this channel; the next slot will be skipped."
        )
        del standin.channel_failures[channel]
        await fire_slot_and_send(bot, clock, minutes=10)  # the retry, well within DIGEST_STALE_AFTER, is sent
        await fire_slot_and_send(bot, clock, days=1)
        history = await bot.digests.history(channel)
    assert [d.state for d in history] == ["skipped", "sent"]
    assert len(standin.messages[channel]) == 1


async def test_store_then_500_makes_no_duplicate(standin: DiscordStandIn, tmp_path: Path) -> None:
    channel = standin.add_text_channel("flaky")
    standin.store_then_fail(channel, times=1, status=500)
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00")
    async with running_bot(standin, settings, clock) as bot:
        await fire_slot_and_send(bot, clock, seconds=31)
        [delivery] = await bot.digests.history(channel)
    assert delivery.state == "sent"
    assert len(posts(standin, channel)) == 2  # the first was stored and answered 500; the resend got it back
    assert len(standin.messages[channel]) == 1
    assert delivery.message_id == int(standin.messages[channel][0]["id"])
    assert standin.counters["nonce_replays"] == 1 and standin.counters["duplicates"] == 0


async def test_forbidden_and_unknown_channels_go_dead_and_pause(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    forbidden = standin.add_text_channel("forbidden")
    gone = standin.add_text_channel("gone")
    fine = standin.add_text_channel("fine")
    standin.fail_channel(forbidden, status=403, code=50001)
    standin.fail_channel(gone, status=404, code=10003)
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(
        standin,
        tmp_path,
        digest_channel_ids=[forbidden, gone, fine],
        digest_schedule="09:00",
        digest_when_nothing_new="repeat-latest",
    )
    async with running_bot(standin, settings, clock) as bot:
        for day in range(4):
            await fire_slot(bot, clock, **({"seconds": 31} if day == 0 else {"days": 1}))
            await bot.digests.dispatcher.run_until_idle()
        forbidden_history = await bot.digests.history(forbidden)
        gone_history = await bot.digests.history(gone)
        listed = {s.channel_id: s for s in await bot.digests.list_subscriptions()}
        text = await ask(standin, "digest list", {}, user="alice")
    # Paused after the third, the fourth slot is kept as skipped, with the pause's reason.
    assert [d.state for d in forbidden_history] == ["skipped"] + ["dead"] * 3
    assert forbidden_history[0].pause_cause == "failures"
    assert forbidden_history[0].reason == (
        "subscription paused: 3 deliveries in a row failed; last: 403 Missing Access (50001)"
    )
    assert forbidden_history[1].reason == "403 Missing Access (50001)"
    assert gone_history[1].reason == "404 Unknown Channel (10003)"
    assert (
        len(posts(standin, forbidden)) == 3 and len(posts(standin, gone)) == 3
    )  # one try per slot, no retries
    assert listed[forbidden].paused_reason and listed[gone].paused_reason and not listed[fine].paused_reason
    assert f"<#{forbidden}>" in text and "**paused**" in text
    assert len(standin.messages[fine]) == 4


async def test_restart_in_the_middle_of_a_fan_out_leaves_one_digest_per_channel(tmp_path: Path) -> None:
    async with DiscordStandIn(latency=(0.02, 0.05)) as standin:
        channels = standin.register_channels(60)
        clock = FakeClock(SLOT_DAY)
        settings = bot_settings(
            standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00", shutdown_grace_seconds=0
        )
        standin.hold_message_creates_after = 20  # the 21st post and those after it wait, unapplied
        async with running_bot(standin, settings, clock) as bot:
            await fire_slot(bot, clock, seconds=31)
            await standin.wait_for(lambda: standin.hanging, timeout=20)
        # Shut down with no grace: sends in flight are cut off; their rows stay pending.
        assert len(standin.message_counts()) == 20
        standin.hold_message_creates_after = None
        standin.release_hanging()  # the cut-off requests are applied now, their client gone
        async with running_bot(standin, settings, clock) as bot:
            await standin.wait_for(lambda: len(standin.message_counts()) == len(channels), timeout=30)
            await bot.digests.dispatcher.run_until_idle()
        assert standin.message_counts() == {c: 1 for c in channels}
        assert standin.counters["duplicates"] == 0 and standin.counters["global_429"] == 0
        assert standin.violations == []


async def test_timezone_autocomplete(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    interaction = await standin.autocomplete(
        "digest subscribe",
        {"channel": standin.channel_id("news"), "timezone": "berl"},
        focused="timezone",
        user="alice",
    )
    choices = (await standin.wait_for_callback(interaction, timeout=5)).data["choices"]
    assert [c["value"] for c in choices] == ["Europe/Berlin"]
    interaction = await standin.autocomplete(
        "digest subscribe",
        {"channel": standin.channel_id("news"), "timezone": ""},
        focused="timezone",
        user="alice",
    )
    assert len((await standin.wait_for_callback(interaction, timeout=5)).data["choices"]) == 25


async def test_digest_commands_are_for_servers_only(standin: DiscordStandIn, tmp_path: Path) -> None:
    settings = bot_settings(standin, tmp_path, discord_guild_id=None)  # global commands, as in production
    async with running_bot(standin, settings) as bot:
        group = next(c for c in standin.synced_commands() if c["name"] == "digest")
        assert group.get("contexts") == [0] or group.get("dm_permission") is False
        news = standin.channel_id("news")
        await bot.digests.subscribe(
            guild_id=standin.guild_id, channel_id=news, schedule="09:00", timezone="UTC"
        )
        answer = await ask(standin, "digest list", {}, user="alice", guild=False)
    assert "only in a server" in answer and "<#" not in answer


async def test_a_restart_long_after_a_crash_posts_no_duplicate(tmp_path: Path) -> None:
    # Discord forgets nonces after minutes; a bot that comes back later must look before it resends. Discord's
    # clock is the bot's (the search is bounded by the times the bot recorded, as snowflakes).
    clock = FakeClock(SLOT_DAY)
    async with DiscordStandIn(latency=(0.02, 0.05), nonce_window=60, now=clock) as standin:
        channels = standin.register_channels(30)
        settings = bot_settings(
            standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00", shutdown_grace_seconds=0
        )
        async with running_bot(standin, settings, clock) as bot:
            await fire_slot(bot, clock, seconds=31)
            await standin.wait_for(lambda: len(standin.message_counts()) >= 10, timeout=20)
        standin.advance_clock(3600)
        clock.advance(hours=1)  # within DIGEST_CATCH_UP_GRACE? no matter: the slot's rows already exist
        async with running_bot(standin, settings, clock) as bot:
            await standin.wait_for(lambda: len(standin.message_counts()) == len(channels), timeout=30)
            await bot.digests.dispatcher.run_until_idle()
            states = {d.state for c in channels for d in await bot.digests.history(c)}
        assert standin.message_counts() == {c: 1 for c in channels}
        assert states == {"sent"}
        looked = [r for r in standin.requests if r.method == "GET" and r.path.endswith("/messages")]
        assert looked, "no delivery was in flight at the crash; the test proves nothing"
        assert standin.counters["duplicates"] == 0 and standin.violations == []


async def test_subscribe_shows_the_real_next_slot_and_refuses_one_that_never_comes(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    news, general = standin.channel_id("news"), standin.channel_id("general")
    clock = FakeClock(SLOT_DAY)  # 26 November 2026: the next 29 February is in 2028
    async with running_bot(standin, bot_settings(standin, tmp_path), clock):
        leap = await ask(
            standin, "digest subscribe", {"channel": news, "schedule": "0 0 29 2 *"}, user="alice"
        )
        at = int(datetime(2028, 2, 29, tzinfo=UTC).timestamp())
        assert leap.startswith("Subscribed.") and f"next <t:{at}:F> (<t:{at}:R>)" in leap
        never = await ask(
            standin, "digest subscribe", {"channel": general, "schedule": "0 0 31 2 *"}, user="alice"
        )
        assert "`0 0 31 2 *` is not a schedule I understand" in never and "never comes" in never
        listed = await ask(standin, "digest list", {}, user="bob")
        assert f"<#{news}>" in listed and f"<t:{at}:F>" in listed and f"<#{general}>" not in listed
    assert standin.violations == []


@pytest.mark.parametrize(
    ("retry_after", "pause"),
    [
        ("", 60),  # an empty header: no number to trust, so the safe pause
        (None, 60),  # no header at all
        ("soon", 60),
        ("-5", 60),
        ("120", 120),
        ("http-date", 30),  # an HTTP date 30 s ahead of the answer's own Date (never of the bot's clock)
        ("99999999999", 3600),  # read as an hour at most: the next answer says again
    ],
)
async def test_a_cloudflare_429_with_an_odd_retry_after_pauses_every_send_instead_of_retrying(
    standin: DiscordStandIn, tmp_path: Path, retry_after: str | None, pause: int
) -> None:
    channel = standin.add_text_channel("banned")
    clock = FakeClock(SLOT_DAY)
    settings = bot_settings(
        standin, tmp_path, digest_channel_ids=[channel], digest_schedule="09:00", shutdown_grace_seconds=0
    )
    async with running_bot(standin, settings, clock) as bot:
        clock.advance(seconds=31)  # the slot is due; Discord's clock follows
        header = standin.http_date(30) if retry_after == "http-date" else retry_after
        standin.inject_429(retry_after=header, cloudflare=True, method="POST", channel_id=channel)
        await fire_slot_and_send(bot, clock)
        [row] = await bot.digests.history(channel)
        assert standin.counters["injected_429"] == 1 and standin.messages[channel] == []
        # A rate limit, not a failed attempt: nothing counted against the row, and it waits out the pause.
        assert (row.state, row.attempts) == ("pending", 0)
        assert row.last_error is not None and row.last_error.startswith("429")
        assert row.next_attempt_at is not None
        waited = (row.next_attempt_at - clock.now).total_seconds()
        assert pause - 1 <= waited <= pause
    assert standin.violations == []


async def test_a_long_digest_list_says_how_to_see_the_rest_and_its_page_shows_it(
    standin: DiscordStandIn, tmp_path: Path
) -> None:
    """Issue 10: "... and 7 more" under /digest list said nothing of how to see them; `page:2` shows them."""
    channels = [standin.add_text_channel(f"digest-{i}") for i in range(40)]
    settings = bot_settings(standin, tmp_path, digest_channel_ids=channels, digest_schedule="09:00")
    async with running_bot(standin, settings, FakeClock(SLOT_DAY)):
        first = await ask(standin, "digest list", {}, user="bob")
        second = await ask(standin, "digest list", {"page": 2}, user="bob")
        beyond = await ask(standin, "digest list", {"page": 99}, user="bob")
    assert len(first) <= 2000 and len(second) <= 2000
    assert "more: `/digest list page:2` shows them" in first
    shown = [c for c in channels if f"<#{c}>" in first]
    rest = [c for c in channels if f"<#{c}>" in second]
    assert shown and rest and not set(shown) & set(rest)
    assert "Alerts are off" in second  # each page says what the first does of the server
    assert f"... and {len(channels) - len(shown)} more" in first
    assert beyond.startswith("There is no page 99: this list has")


def test_every_page_of_a_long_history_says_which_page_shows_the_rest() -> None:
    """/digest history shares the pages of /digest list, named by its own command and channel."""
    from bot.app.cogs.digests import lines_within_limit

    lines = [f"row {i} " + "x" * 180 for i in range(15)]
    command = "/digest history channel:#news"
    pages = [lines_within_limit(lines, head=["Times are UTC."], page=n, command=command) for n in (1, 2)]
    assert all(len(page) <= 2000 and page.startswith("Times are UTC.") for page in pages)
    assert "more: `/digest history channel:#news page:2` shows them" in pages[0]
    assert "row 14 " in pages[1] and "row 14 " not in pages[0] and "more:" not in pages[1]
    assert sum(page.count("row ") for page in pages) == 15
