"""The stand-in proven against the real discord.py 2.7 client (and a raw HTTP client for the limits)."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands

from tests.standin import DiscordStandIn
from tests.standin.harness import BareBot, close_client, connect_client, pointing_discord_at, run_bare_bot
from tests.standin.interactions import FIRST_RESPONSE_WINDOW
from tests.standin.world import SEND_MESSAGES

# ----- helpers ---------------------------------------------------------------------------------


def raw_session(token: str = "raw.token") -> aiohttp.ClientSession:
    return aiohttp.ClientSession(headers={"Authorization": f"Bot {token}"})


async def post_json(session: aiohttp.ClientSession, url: str, body: Any) -> tuple[int, Any, Any]:
    async with session.post(url, json=body) as response:
        return response.status, await response.json(content_type=None), response.headers


class RichBot(discord.Client):
    """Exercises option types, sub-commands, autocomplete, deferral, followups and buttons."""

    def __init__(self, guild_id: int) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.05)
        self.tree = app_commands.CommandTree(self)
        self.guild_id = guild_id
        self.clicked = asyncio.Event()
        self.subscribed: list[discord.abc.GuildChannel | app_commands.AppCommandChannel] = []

        @self.tree.command(name="echo", description="Echoes its options.")
        async def echo(
            interaction: discord.Interaction, text: str, count: int, loud: bool, who: discord.Member
        ) -> None:
            view = discord.ui.View(timeout=30)
            button: discord.ui.Button[discord.ui.View] = discord.ui.Button(label="Again", custom_id="again")

            async def clicked(button_interaction: discord.Interaction) -> None:
                await button_interaction.response.edit_message(content="clicked", view=None)
                self.clicked.set()

            button.callback = clicked  # type: ignore[method-assign,assignment]
            view.add_item(button)
            await interaction.response.send_message(f"{text}|{count}|{loud}|{who.name}", view=view)

        async def names(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return [
                app_commands.Choice(name=n, value=n) for n in ("bennett", "benson", "alvarez") if current in n
            ]

        @self.tree.command(name="who", description="Looks someone up.")
        @app_commands.autocomplete(name=names)
        async def who(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(name)

        digest = app_commands.Group(name="digest", description="Digest subscriptions.")

        @digest.command(name="subscribe", description="Subscribes a channel.")
        async def subscribe(interaction: discord.Interaction, channel: discord.TextChannel) -> None:
            await interaction.response.defer(thinking=True)
            self.subscribed.append(channel)
            await interaction.followup.send(f"subscribed {channel.mention}")
            await interaction.edit_original_response(content="done")

        self.tree.add_command(digest)

    async def setup_hook(self) -> None:
        guild = discord.Object(self.guild_id)
        self.tree.copy_global_to(guild=guild)
        await self.tree.sync(guild=guild)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None


# ----- connecting --------------------------------------------------------------------------------


async def test_bare_bot_connects_and_sees_the_default_guild(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    assert bare_bot.user is not None and bare_bot.user.id == standin.application_id
    guild = bare_bot.get_guild(standin.guild_id)
    assert guild is not None
    assert {c.name for c in guild.text_channels} == {"general", "news", "digests"}
    assert guild.me is not None and guild.me.id == standin.application_id
    # Without the members intent GUILD_CREATE lists only the bot itself, as on Discord.
    alice = await guild.fetch_member(standin.alice.id)
    bob = await guild.fetch_member(standin.bob.id)
    assert alice.guild_permissions.manage_guild
    assert not bob.guild_permissions.manage_guild
    routes = [(r.method, r.route) for r in standin.requests]
    assert routes[:4] == [
        ("GET", "/users/@me"),
        ("GET", "/oauth2/applications/@me"),
        ("PUT", "/applications/{application_id}/commands"),
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ]
    assert [c["name"] for c in standin.synced_commands(standin.guild_id)] == ["who"]
    assert standin.gateway.handshakes[0].kind == "identify"
    assert standin.violations == []


async def test_json_answers_have_exact_content_type_and_rate_limit_headers(standin: DiscordStandIn) -> None:
    async with raw_session() as http:
        async with http.get(f"{standin.base_url}/users/@me") as response:
            assert response.headers["Content-Type"] == "application/json"
            assert response.headers["Via"] == "1.1 google"
            for header in ("Limit", "Remaining", "Reset", "Reset-After", "Bucket"):
                assert f"X-RateLimit-{header}" in response.headers
        async with http.get(f"{standin.base_url}/gateway/bot") as response:
            assert (await response.json())["url"] == standin.gateway_url


async def test_injected_latency_delays_every_answer() -> None:
    # Deterministic: stand-in time is frozen and moves only by the latency each answer waits out, so each
    # request's duration is exactly the delay drawn for it (no bound on how long the host took).
    waits: list[float] = []

    async def wait_out(seconds: float) -> None:
        waits.append(seconds)
        standin.advance_clock(seconds)

    async with DiscordStandIn(latency=(0.02, 0.03), sleep=wait_out) as standin, raw_session() as http:
        standin.freeze_clock()
        for _ in range(3):
            async with http.get(f"{standin.base_url}/users/@me") as response:
                assert response.status == 200
    assert len(waits) == 3 and all(0.02 <= wait <= 0.03 for wait in waits)
    assert [r.duration for r in standin.requests] == pytest.approx(waits)


async def test_command_is_answered_through_the_callback(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    # Stand-in time frozen: however slow the host, the answer comes inside Discord's window (the window's
    # own rule is tested below, with the clock moved).
    standin.freeze_clock()
    interaction = await standin.invoke_command("who", {"name": "bennett"}, user="bob")
    callback = await standin.wait_for_callback(interaction.id, timeout=5)
    assert callback.type == 4
    assert callback.data is not None and callback.data["content"] == "pong"
    assert callback.elapsed == 0
    assert interaction.original is not None and interaction.original["content"] == "pong"
    assert standin.violations == []


@pytest.mark.parametrize("after", [FIRST_RESPONSE_WINDOW, FIRST_RESPONSE_WINDOW + 0.01])
async def test_a_callback_is_refused_after_discords_three_seconds(
    standin: DiscordStandIn, bare_bot: BareBot, after: float
) -> None:
    # Discord's rule as the stand-in models it: the first answer to an interaction within 3 s of its
    # creation, else 10062 Unknown interaction. The bot answers when the test lets it, the clock moved.
    standin.freeze_clock()
    bare_bot.hold = asyncio.Event()
    interaction = await standin.invoke_command("who", {}, user="bob")
    await asyncio.wait_for(bare_bot.received.wait(), timeout=5)
    standin.advance_clock(after)
    answered = asyncio.ensure_future(
        standin.wait_for(
            lambda: any(
                r.route == "/interactions/{interaction_id}/{interaction_token}/callback"
                for r in standin.requests
            ),
            5,
        )
    )
    bare_bot.hold.set()
    await answered
    [request] = [r for r in standin.requests if r.route and r.route.endswith("/callback")]
    if after <= FIRST_RESPONSE_WINDOW:
        assert request.status == 200 and interaction.callback is not None
        assert interaction.callback.elapsed == after and standin.violations == []
    else:
        assert request.status == 404 and interaction.callback is None
        [late] = standin.violations
        assert f"answered after {after:.2f}s" in str(late)


async def test_reconnect_resumes_on_the_resume_url(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    await standin.send_reconnect()
    assert standin.gateway.handshakes[-1].kind == "resume"
    assert standin.gateway.handshakes[-1].path == "/resume"
    interaction = await standin.invoke_command("who")
    assert (await standin.wait_for_callback(interaction)).type == 4


@pytest.mark.parametrize("code", [None, 4000, 1000], ids=["tcp-abort", "close-4000", "close-1000"])
async def test_events_missed_while_dropped_are_replayed_on_resume(
    standin: DiscordStandIn, bare_bot: BareBot, code: int | None
) -> None:
    await standin.drop_connection(code=code, wait=False)
    interaction = await standin.invoke_command("who")  # dispatched while the client is away
    await standin.wait_until_identified(since=1)
    assert standin.gateway.handshakes[-1].kind == "resume"
    callback = await standin.wait_for_callback(interaction)
    assert callback.data is not None and callback.data["content"] == "pong"


async def test_invalid_session(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    await standin.send_invalid_session(resumable=True)
    assert standin.gateway.handshakes[-1].kind == "resume"
    await standin.send_invalid_session(resumable=False)
    assert standin.gateway.handshakes[-1].kind == "identify"
    assert len(standin.gateway.sessions) == 2
    interaction = await standin.invoke_command("who")
    assert (await standin.wait_for_callback(interaction)).type == 4


async def test_a_command_in_a_dm_and_a_second_answer_is_refused(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    interaction = await standin.invoke_command("who", user="alice", guild=False)
    assert (await standin.wait_for_callback(interaction)).type == 4
    assert "guild_id" not in interaction.payload and interaction.payload["channel"]["type"] == 1
    url = f"{standin.base_url}/interactions/{interaction.id}/{interaction.token}/callback"
    async with aiohttp.ClientSession() as http:
        status, body, _ = await post_json(http, url, {"type": 4, "data": {"content": "again"}})
    assert (status, body["code"]) == (400, 40060)
    assert [v.kind for v in standin.violations] == ["protocol"]


async def test_a_restarted_bot_connects_again(standin: DiscordStandIn) -> None:
    async with run_bare_bot(standin):
        pass
    async with run_bare_bot(standin, reply="second"):
        interaction = await standin.invoke_command("who")
        callback = await standin.wait_for_callback(interaction)
    assert callback.data is not None and callback.data["content"] == "second"


async def test_two_bots_at_once_each_get_their_own_interactions(standin: DiscordStandIn) -> None:
    bare = standin.register_bot("bare.token.value", "Bare Bot")
    async with (
        run_bare_bot(standin, reply="ours"),
        run_bare_bot(standin, reply="bare", token="bare.token.value"),
    ):
        ours = await standin.invoke_command("who")
        theirs = await standin.invoke_command("who", app=bare)
        assert (await standin.wait_for_callback(ours)).data == {"tts": False, "content": "ours"}
        assert (await standin.wait_for_callback(theirs)).data == {"tts": False, "content": "bare"}
    assert standin.violations == []


# ----- interactions of every kind -----------------------------------------------------------------


async def test_options_subcommands_autocomplete_followups_and_buttons(standin: DiscordStandIn) -> None:
    with pointing_discord_at(standin):
        bot = RichBot(standin.guild_id)
        task = await connect_client(bot)
        try:
            echo = await standin.invoke_command(
                "echo", {"text": "hi", "count": "3", "loud": True, "who": "alice"}, user="alice"
            )
            echoed = (await standin.wait_for_callback(echo)).data
            assert echoed is not None and echoed["content"] == "hi|3|True|alice"
            assert echo.original is not None and echo.original["components"]

            press = await standin.press_button(echo, "again")
            assert (await standin.wait_for_callback(press)).type == 7
            await asyncio.wait_for(bot.clicked.wait(), 5)
            assert echo.original["content"] == "clicked"

            typed = await standin.autocomplete("who", {"name": "ben"}, focused="name")
            choices = (await standin.wait_for_callback(typed)).data
            assert choices == {
                "choices": [{"name": "bennett", "value": "bennett"}, {"name": "benson", "value": "benson"}]
            }

            news = standin.channel_id("news")
            subscribe = await standin.invoke_command("digest subscribe", {"channel": news}, user="alice")
            assert (await standin.wait_for_callback(subscribe)).type == 5
            await standin.wait_for(lambda: standin.original_edits)
            assert [f.body["content"] for f in standin.followups] == [f"subscribed <#{news}>"]
            assert standin.original_edits[0].body["content"] == "done"
            assert [c.id for c in bot.subscribed] == [news]
        finally:
            await close_client(bot, task)
    assert standin.violations == []


# ----- rate limits ------------------------------------------------------------------------------


async def test_global_limit_answers_429_with_via_and_retry_after(standin: DiscordStandIn) -> None:
    standin.freeze_clock()  # all 60 requests fall in one window however slow the machine
    async with raw_session() as http:

        async def get() -> tuple[int, Any, Any]:
            async with http.get(f"{standin.base_url}/users/@me") as response:
                return response.status, await response.json(content_type=None), response.headers

        results = await asyncio.gather(*(get() for _ in range(60)))
    limited = [(body, headers) for status, body, headers in results if status == 429]
    assert len(limited) == 10
    body, headers = limited[0]
    assert body["global"] is True and body["retry_after"] == 1.0
    assert body["message"] == "You are being rate limited."
    assert headers["Via"] == "1.1 google"
    assert headers["X-RateLimit-Scope"] == "global"
    assert headers["Content-Type"] == "application/json"
    assert standin.counters["global_429"] == 10


async def test_channel_message_limit_is_five_per_five_seconds(standin: DiscordStandIn) -> None:
    url = f"{standin.base_url}/channels/{standin.channel_id('general')}/messages"
    standin.freeze_clock()
    async with raw_session() as http:
        statuses = [(await post_json(http, url, {"content": f"m{i}"}))[0] for i in range(6)]
        _, body, headers = await post_json(http, url, {"content": "again"})
    assert statuses == [200] * 5 + [429]
    assert body["global"] is False and body["retry_after"] == 5.0
    assert headers["X-RateLimit-Scope"] == "user" and headers["X-RateLimit-Limit"] == "5"
    assert standin.counters["channel_429"] == 2
    standin.advance_clock(5)
    async with raw_session() as http:
        assert (await post_json(http, url, {"content": "later"}))[0] == 200


# ----- nonces and injected failures -----------------------------------------------------------------


async def test_nonce_replay_returns_the_original_message(standin: DiscordStandIn) -> None:
    channel = standin.channel_id("general")
    url = f"{standin.base_url}/channels/{channel}/messages"
    body = {"content": "digest", "nonce": "slot-1:general", "enforce_nonce": True}
    async with raw_session() as http:
        first = await post_json(http, url, body)
        second = await post_json(http, url, body)
    assert first[0] == second[0] == 200
    assert first[1]["id"] == second[1]["id"]
    assert standin.message_counts() == {channel: 1}
    assert standin.counters["nonce_replays"] == 1 and standin.counters["duplicates"] == 0

    standin.advance_clock(standin.nonce_window + 1)  # Discord forgets nonces after a while
    async with raw_session() as http:
        third = await post_json(http, url, body)
    assert third[1]["id"] != first[1]["id"]
    assert standin.counters["duplicates"] == 1


async def test_store_then_fail_and_discord_py_retry_yield_one_message(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    channel_id = standin.channel_id("digests")
    standin.store_then_fail(channel_id, times=1, status=500)
    channel = bare_bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    sent = await channel.send("today's digest")  # 500, discord.py waits 1 s and resends the same nonce
    assert [m["id"] for m in standin.messages[channel_id]] == [str(sent.id)]
    assert [r.status for r in standin.requests if r.route == "/channels/{channel_id}/messages"] == [500, 200]
    assert standin.counters["duplicates"] == 0
    assert standin.violations == []


async def test_multipart_payload_json_is_parsed(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel = bare_bot.get_channel(standin.channel_id("general"))
    assert isinstance(channel, discord.TextChannel)
    sent = await channel.send("with a file", file=discord.File(io.BytesIO(b"hello"), "hello.txt"))
    assert standin.messages[channel.id][0]["id"] == str(sent.id)
    assert standin.messages[channel.id][0]["content"] == "with a file"
    assert standin.violations == []


async def test_failed_channel_answers_discords_error(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel_id = standin.channel_id("news")
    standin.fail_channel(channel_id, status=403, code=50001)
    channel = bare_bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.Forbidden) as raised:
        await channel.send("x")
    assert raised.value.code == 50001


async def test_denied_channel_is_visible_to_discord_py_and_enforced(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    created = asyncio.ensure_future(bare_bot.wait_for("guild_channel_create", timeout=5))
    channel_id = standin.add_text_channel("read-only", deny_bot=SEND_MESSAGES)
    channel = await created
    assert isinstance(channel, discord.TextChannel) and channel.id == channel_id
    assert not channel.permissions_for(channel.guild.me).send_messages
    with pytest.raises(discord.Forbidden) as raised:
        await channel.send("x")
    assert raised.value.code == 50013


async def test_register_channels_are_accepted_by_rest(standin: DiscordStandIn) -> None:
    ids = standin.register_channels(200)
    async with raw_session() as http:
        status, message, _ = await post_json(
            http, f"{standin.base_url}/channels/{ids[-1]}/messages", {"content": "x"}
        )
    assert status == 200 and message["channel_id"] == str(ids[-1])


# ----- validation -----------------------------------------------------------------------------------


async def test_overlong_embed_title_is_a_violation(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel = bare_bot.get_channel(standin.channel_id("general"))
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.HTTPException) as raised:
        await channel.send(embed=discord.Embed(title="t" * 300))
    assert raised.value.status == 400 and raised.value.code == 50035
    assert [v.kind for v in standin.violations] == ["openapi"]
    assert "embeds.0.title" in standin.violations[0].detail


async def test_limits_the_spec_misses_are_violations(standin: DiscordStandIn) -> None:
    url = f"{standin.base_url}/channels/{standin.channel_id('general')}/messages"
    embeds = [{"description": "d" * 4000}, {"description": "d" * 2500}]
    async with raw_session() as http:
        assert (await post_json(http, url, {"content": "c" * 2001}))[0] == 400
        assert (await post_json(http, url, {"embeds": embeds}))[0] == 400
        commands_url = f"{standin.base_url}/applications/{standin.application_id}/commands"
        async with http.put(commands_url, json=[{"name": "Who", "description": "", "type": 1}]) as response:
            assert response.status == 400
    details = [v.detail for v in standin.violations]
    assert any("2001 characters" in d for d in details)
    assert any("6500 characters" in d for d in details)
    assert any("name must match" in d for d in details)
    assert any("description must be 1-100" in d for d in details)


async def test_unknown_route_is_a_404_and_a_violation(standin: DiscordStandIn) -> None:
    async with raw_session() as http, http.get(f"{standin.base_url}/guilds/1/bans") as response:
        assert response.status == 404
        assert (await response.json()) == {"message": "404: Not Found", "code": 0}
    assert [v.kind for v in standin.violations] == ["route"]
