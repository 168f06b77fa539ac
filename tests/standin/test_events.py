"""Gateway events a bot must react to, dispatched by tests and parsed by the real discord.py client."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
import pytest

from tests.standin import DiscordStandIn
from tests.standin.harness import BareBot, run_bare_bot
from tests.standin.world import VIEW_CHANNEL


def text_channel(bot: discord.Client, channel_id: int) -> discord.TextChannel:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel


def dispatched(standin: DiscordStandIn, event: str) -> list[dict[str, Any]]:
    session = standin.gateway.current_session(standin.default_app)
    assert session is not None
    return [e["d"] for e in session.events if e["t"] == event]


async def test_removed_from_a_guild(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel = text_channel(bare_bot, standin.channel_id("digests"))
    removed = asyncio.ensure_future(bare_bot.wait_for("guild_remove", timeout=5))
    standin.remove_bot()
    guild = await removed
    assert guild.id == standin.guild_id and bare_bot.get_guild(standin.guild_id) is None
    assert dispatched(standin, "GUILD_DELETE") == [{"id": str(standin.guild_id)}]  # no `unavailable`
    with pytest.raises(discord.Forbidden) as forbidden:
        await channel.send("digest")
    assert forbidden.value.code == 50001
    with pytest.raises(discord.NotFound) as not_found:
        await bare_bot.fetch_guild(standin.guild_id)
    assert not_found.value.code == 10004


async def test_an_outage_makes_a_guild_unavailable_then_available(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    gone = asyncio.ensure_future(bare_bot.wait_for("guild_unavailable", timeout=5))
    standin.set_guild_unavailable()
    guild = await gone
    assert guild.id == standin.guild_id and guild.unavailable
    assert bare_bot.get_guild(standin.guild_id) is guild  # still known: not a removal
    assert dispatched(standin, "GUILD_DELETE") == [{"id": str(standin.guild_id), "unavailable": True}]
    back = asyncio.ensure_future(bare_bot.wait_for("guild_available", timeout=5))
    standin.set_guild_available()
    guild = await back
    assert not guild.unavailable and {c.name for c in guild.text_channels} == {"general", "news", "digests"}


@pytest.mark.parametrize("on_identify", ["delete", "create", "silent"])
async def test_a_guild_unavailable_at_start_up(standin: DiscordStandIn, on_identify: str) -> None:
    other = standin.add_guild("Other Guild")
    standin.set_guild_unavailable(on_identify=on_identify)
    async with run_bare_bot(standin) as bot:
        guild = bot.get_guild(standin.guild_id)
        # READY listed it; it never came: discord.py keeps an unavailable stub without channels.
        assert guild is not None and guild.unavailable and list(guild.channels) == []
        available = bot.get_guild(other)
        assert available is not None and not available.unavailable and len(available.text_channels) == 3
        kinds = {
            "delete": ("GUILD_DELETE", [{"id": str(standin.guild_id), "unavailable": True}]),
            "create": ("GUILD_CREATE", [{"id": str(standin.guild_id), "unavailable": True}]),
        }
        if on_identify in kinds:
            event, expected = kinds[on_identify]
            assert [d for d in dispatched(standin, event) if d["id"] == str(standin.guild_id)] == expected
        else:
            ids = [d["id"] for t in ("GUILD_CREATE", "GUILD_DELETE") for d in dispatched(standin, t)]
            assert str(standin.guild_id) not in ids
        back = asyncio.ensure_future(bot.wait_for("guild_available", timeout=5))
        standin.set_guild_available()
        assert (await back).id == standin.guild_id
        assert len(guild.text_channels) == 3


async def test_channel_deleted(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel_id = standin.channel_id("news")
    channel = text_channel(bare_bot, channel_id)
    standin.post_messages(channel_id, 2)
    deleted = asyncio.ensure_future(bare_bot.wait_for("guild_channel_delete", timeout=5))
    standin.delete_channel(channel_id)
    assert (await deleted).id == channel_id
    assert bare_bot.get_channel(channel_id) is None
    with pytest.raises(discord.NotFound) as raised:
        await channel.send("digest")
    assert raised.value.code == 10003
    assert channel_id not in standin.messages


async def test_channel_update_carries_the_new_overwrites(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel_id = standin.channel_id("digests")
    updated = asyncio.ensure_future(bare_bot.wait_for("guild_channel_update", timeout=5))
    standin.set_overwrite(channel_id, member=standin.me, deny=VIEW_CHANNEL)
    before, after = await updated
    assert before.permissions_for(before.guild.me).view_channel
    assert not after.permissions_for(after.guild.me).view_channel
    (event,) = dispatched(standin, "CHANNEL_UPDATE")
    assert event["permission_overwrites"] == [
        {"id": str(standin.me.id), "type": 1, "allow": "0", "deny": str(VIEW_CHANNEL)}
    ]


async def test_member_updates_reach_the_bot_for_itself_only_without_the_members_intent(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    admin = standin.role_id("admin")
    standin.set_member_roles("bob", ["admin"])  # another member: needs GUILD_MEMBERS, which BareBot lacks
    mine = asyncio.ensure_future(bare_bot.wait_for("member_update", timeout=5))
    standin.set_member_roles(standin.me, [admin])
    before, after = await mine
    assert [r.id for r in before.roles[1:]] == [] and [r.id for r in after.roles[1:]] == [admin]
    updates = dispatched(standin, "GUILD_MEMBER_UPDATE")
    assert [u["user"]["id"] for u in updates] == [str(standin.me.id)]
    assert updates[0]["roles"] == [str(admin)] and updates[0]["guild_id"] == str(standin.guild_id)
    assert after.guild_permissions.manage_guild


async def test_events_while_disconnected_are_replayed_on_resume(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    channel_id = standin.channel_id("news")
    await standin.drop_connection(wait=False)
    standin.set_overwrite(channel_id, role="@everyone", deny=VIEW_CHANNEL)
    deleted = asyncio.ensure_future(bare_bot.wait_for("guild_channel_delete", timeout=5))
    standin.delete_channel(standin.channel_id("general"))
    await standin.wait_until_identified(since=1)
    await deleted
    channel = text_channel(bare_bot, channel_id)
    assert not channel.permissions_for(channel.guild.me).view_channel
