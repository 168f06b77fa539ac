"""The private parts of discord.py that Briefbot's shard changes rely on (see bot.app.client.Briefbot): an
upgrade that renames them fails here, by name, rather than in a running bot."""

from __future__ import annotations

import inspect

import discord

from bot.app.client import shard_of


def test_an_auto_sharded_client_keeps_its_running_shards_in_the_dict_briefbot_reads() -> None:
    client = discord.AutoShardedClient(intents=discord.Intents.none())
    assert getattr(client, "_AutoShardedClient__shards") == {}  # noqa: B009 - the private name itself
    assert list(inspect.signature(discord.AutoShardedClient.launch_shard).parameters) == [
        "self",
        "gateway",
        "shard_id",
        "initial",
    ]
    # Stopping a shard drops its servers from the cache; its READY counts against the shard ids listed.
    assert callable(client._connection._remove_guild)
    assert hasattr(client._connection, "shard_ids")


def test_a_servers_shard_is_discords_formula() -> None:
    # Discord's docs: shard_id = (guild_id >> 22) % num_shards.
    assert [shard_of(guild_id, 4) for guild_id in (0, 1 << 22, 2 << 22, 7 << 22, (1 << 22) - 1)] == [
        0,
        1,
        2,
        3,
        0,
    ]
