"""Shards in the stand-in: IDENTIFY with ``shard``, each shard's guilds, GET /gateway/bot, one global limit."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import aiohttp
import discord
import pytest
from discord import app_commands

from tests.standin import DiscordStandIn
from tests.standin.gateway import shard_of
from tests.standin.harness import FAKE_TOKEN, close_client, connect_client, pointing_discord_at


class ShardedBot(discord.AutoShardedClient):
    """discord.py's own sharded client, with one global command answering a constant."""

    def __init__(self, *, shard_ids: Sequence[int] | None, shard_count: int | None) -> None:
        super().__init__(
            intents=discord.Intents.none() | discord.Intents(guilds=True),
            shard_ids=list(shard_ids) if shard_ids is not None else None,
            shard_count=shard_count,
            guild_ready_timeout=0.05,
        )
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(name="who", description="Answers a constant string.")
        async def constant(interaction: discord.Interaction) -> None:
            await interaction.response.send_message(
                f"shard {interaction.guild and interaction.guild.shard_id}"
            )

    async def setup_hook(self) -> None:
        await self.tree.sync()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None  # discord.py waits 5 s between shards; the stand-in records the IDENTIFYs instead


async def guilds_on_both_shards(standin: DiscordStandIn, count: int = 4) -> dict[int, list[int]]:
    """Adds guilds a millisecond of Discord's clock apart until each of 2 shards has some: their ids."""
    by_shard: dict[int, list[int]] = {0: [], 1: []}
    for guild_id in standin.guilds:
        by_shard[shard_of(guild_id, 2)].append(guild_id)
    while min(len(ids) for ids in by_shard.values()) < count // 2:
        standin.shift_now(0.001)
        guild_id = standin.add_guild()
        by_shard[shard_of(guild_id, 2)].append(guild_id)
    return by_shard


async def test_gateway_bot_recommends_shards_and_counts_the_session_starts_left() -> None:
    async with DiscordStandIn(recommended_shards=2, max_concurrency=2, session_start_total=10) as standin:
        with pointing_discord_at(standin):
            bot = ShardedBot(shard_ids=None, shard_count=None)
            task = await connect_client(bot)
            try:
                assert bot.shard_count == 2 and sorted(bot.shards) == [0, 1]
                answer = await bot.http.get_bot_gateway()  # the client's own request, validated
            finally:
                await close_client(bot, task)
    shards, _url, limit = answer
    assert shards == 2
    assert (limit["total"], limit["remaining"], limit["max_concurrency"]) == (10, 8, 2)  # two IDENTIFYs
    assert standin.violations == []  # the answer matches the OpenAPI description too


async def test_each_shard_gets_only_its_guilds_and_their_events_in_one_process_or_two() -> None:
    async with DiscordStandIn(recommended_shards=2, max_concurrency=2) as standin:
        by_shard = await guilds_on_both_shards(standin)
        with pointing_discord_at(standin):
            both = ShardedBot(shard_ids=None, shard_count=None)
            task = await connect_client(both)
            try:
                assert {g.id for g in both.guilds} == set(by_shard[0] + by_shard[1])
                live = standin.gateway.live_shards(standin.default_app)
                assert {i: s.shard for i, s in live.items()} == {0: (0, 2), 1: (1, 2)}
                for shard_id, session in live.items():
                    ready = next(e["d"] for e in session.events if e["t"] == "READY")
                    created = [int(e["d"]["id"]) for e in session.events if e["t"] == "GUILD_CREATE"]
                    assert sorted(int(g["id"]) for g in ready["guilds"]) == sorted(by_shard[shard_id])
                    assert sorted(created) == sorted(by_shard[shard_id])
                # A guild's interaction goes to its shard's session only.
                guild_id = by_shard[1][0]
                interaction = await standin.invoke_command("who", guild_id=guild_id)
                callback = await standin.wait_for_callback(interaction, timeout=10)
                assert callback.data is not None and callback.data["content"] == "shard 1"
                assert not any(e["t"] == "INTERACTION_CREATE" for e in live[0].events)
                # A direct message's goes to shard 0 ("DMs will only be sent to shard 0").
                direct = await standin.invoke_command("who", guild=False)
                await standin.wait_for_callback(direct, timeout=10)
                assert any(e["t"] == "INTERACTION_CREATE" for e in live[0].events)
            finally:
                await close_client(both, task)
            # Two processes, one shard each: each knows its own guilds only.
            first, second = ShardedBot(shard_ids=[0], shard_count=2), ShardedBot(shard_ids=[1], shard_count=2)
            tasks = [await connect_client(first), await connect_client(second)]
            try:
                assert {g.id for g in first.guilds} == set(by_shard[0])
                assert {g.id for g in second.guilds} == set(by_shard[1])
                # (the stand-in's GUILD_CREATE says `unavailable: false`: discord.py calls it available)
                joined = {
                    bot: asyncio.ensure_future(bot.wait_for("guild_available", timeout=5))
                    for bot in (first, second)
                }
                standin.shift_now(0.001)
                new_guild = standin.add_guild()  # GUILD_CREATE to the shard that owns it, only
                owner = first if shard_of(new_guild, 2) == 0 else second
                other = second if owner is first else first
                assert (await joined[owner]).id == new_guild
                joined[other].cancel()
                assert other.get_guild(new_guild) is None
            finally:
                for bot, bot_task in zip((first, second), tasks, strict=True):
                    await close_client(bot, bot_task)
    assert standin.violations == []


@pytest.mark.parametrize(("max_concurrency", "violations"), [(1, ["identify"]), (2, [])])
async def test_identifies_closer_than_five_seconds_under_one_concurrency_key_are_violations(
    max_concurrency: int, violations: list[str]
) -> None:
    async with DiscordStandIn(
        recommended_shards=2, max_concurrency=max_concurrency, enforce_identify_concurrency=True
    ) as standin:
        with pointing_discord_at(standin):
            bot = ShardedBot(shard_ids=None, shard_count=None)  # both shards at once: no 5 s apart
            await close_client(bot, await connect_client(bot))
    assert [v.kind for v in standin.violations] == violations


async def test_an_identify_with_an_invalid_shard_is_closed_with_4010(standin: DiscordStandIn) -> None:
    async with aiohttp.ClientSession() as http, http.ws_connect(standin.gateway_url) as ws:
        await ws.receive_json()  # HELLO
        await ws.send_json({"op": 2, "d": {"token": FAKE_TOKEN, "intents": 1, "shard": [2, 2]}})
        closed = await ws.receive()
    assert closed.type is aiohttp.WSMsgType.CLOSE and closed.data == 4010
    assert [v.kind for v in standin.violations] == ["gateway"]


async def test_the_global_limit_counts_every_connection_of_one_token() -> None:
    async with DiscordStandIn(global_limit=4) as standin:
        standin.freeze_clock()
        token = {"Authorization": "Bot one.shared.token"}
        statuses: list[int] = []
        async with (
            aiohttp.ClientSession(headers=token) as first,
            aiohttp.ClientSession(headers=token) as second,
        ):
            for http in (first, second, first, second, second):  # two processes, two connections
                async with http.get(f"{standin.base_url}/users/@me") as response:
                    statuses.append(response.status)
                    scope = response.headers.get("X-RateLimit-Scope")
        other = {"Authorization": "Bot another.token"}
        async with (
            aiohttp.ClientSession(headers=other) as third,
            third.get(f"{standin.base_url}/users/@me") as answer,
        ):
            other_status = answer.status
    assert statuses == [200, 200, 200, 200, 429] and scope == "global"
    assert other_status == 200  # another token has its own limit
