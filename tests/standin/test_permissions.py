"""Channel permissions: the stand-in enforces what discord.py's ``permissions_for(guild.me)`` computes."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import discord
import pytest

from tests.standin import DiscordStandIn
from tests.standin.harness import BareBot, run_bare_bot
from tests.standin.world import (
    ADMINISTRATOR,
    ATTACH_FILES,
    EMBED_LINKS,
    MANAGE_THREADS,
    MENTION_EVERYONE,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    VIEW_CHANNEL,
)

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
FLAGS = (
    "view_channel",
    "send_messages",
    "embed_links",
    "attach_files",
    "read_message_history",
    "mention_everyone",
    "send_tts_messages",
    "manage_messages",
    "manage_threads",
    "create_public_threads",
    "send_messages_in_threads",
    "add_reactions",
    "administrator",
)


def text_channel(bot: discord.Client, channel_id: int) -> discord.TextChannel:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel


def roles(message: discord.Message) -> list[int]:
    """Roles the message pinged (from Discord's ``mention_roles``, not the content)."""
    return [role.id for role in message.role_mentions]


def flags(permissions: discord.Permissions) -> dict[str, bool]:
    return {name: getattr(permissions, name) for name in FLAGS}


async def changed(bot: discord.Client, event: str, change: Callable[[], Any]) -> None:
    """Applies ``change`` and waits until discord.py has processed the gateway event it causes."""
    seen = asyncio.ensure_future(bot.wait_for(event, timeout=5))
    change()
    await seen


def agree(standin: DiscordStandIn, channel: discord.TextChannel) -> dict[str, bool]:
    ours = flags(discord.Permissions(standin.permissions(channel.id)))
    assert channel.guild.me is not None
    theirs = flags(channel.permissions_for(channel.guild.me))
    assert theirs == ours
    return theirs


async def test_without_read_message_history_history_is_empty(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    channel_id = standin.channel_id("digests")
    ours = standin.post_message(channel_id, "digest", author=standin.me, at=T0)
    standin.post_messages(channel_id, 3, at=T0 + dt.timedelta(seconds=1))
    channel = text_channel(bare_bot, channel_id)
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel_id, member=standin.me, deny=READ_MESSAGE_HISTORY),
    )
    assert not agree(standin, channel)["read_message_history"]
    # Discord's documented rule: no messages at all (200 and []), not a 403.
    assert [m async for m in channel.history(limit=None)] == []
    assert [m async for m in channel.history(after=T0 - dt.timedelta(seconds=1))] == []
    assert standin.counters["history_withheld"] == 2
    with pytest.raises(discord.Forbidden) as raised:
        await channel.fetch_message(int(ours["id"]))  # one message: 403 Missing Permissions
    assert raised.value.code == 50013
    with pytest.raises(discord.Forbidden) as raised:  # a reply needs Read Message History too
        await channel.send("re", reference=channel.get_partial_message(int(ours["id"])))
    assert raised.value.code == 50013
    await channel.send("plain messages still go")

    await changed(
        bare_bot, "guild_channel_update", lambda: standin.set_overwrite(channel_id, member=standin.me)
    )
    assert agree(standin, channel)["read_message_history"]
    assert len([m async for m in channel.history(limit=None)]) == 5
    assert (await channel.fetch_message(int(ours["id"]))).content == "digest"
    reply = await channel.send("re", reference=channel.get_partial_message(int(ours["id"])))
    assert standin.message_index[reply.id]["content"] == "re"
    assert standin.violations == []


async def test_overwrites_roles_and_member_updates_agree_with_discord_py(
    standin: DiscordStandIn, bare_bot: BareBot
) -> None:
    channel_id = standin.channel_id("news")
    channel = text_channel(bare_bot, channel_id)
    assert agree(standin, channel)["send_messages"]

    # @everyone loses Send Messages here: mentions, TTS, files and embeds go implicitly.
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel_id, role="@everyone", deny=SEND_MESSAGES),
    )
    denied = agree(standin, channel)
    assert not denied["send_messages"] and not denied["embed_links"] and not denied["mention_everyone"]
    with pytest.raises(discord.Forbidden) as raised:
        await channel.send("x")
    assert raised.value.code == 50013

    # A role of the bot's own, with an overwrite allowing Send Messages, wins over @everyone's deny.
    role_id = await asyncio.wait_for(_add_role(standin, bare_bot, "digest-bot", MANAGE_THREADS), 5)
    await changed(bare_bot, "member_update", lambda: standin.set_member_roles(standin.me, [role_id]))
    assert agree(standin, channel)["manage_threads"]
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel_id, role=role_id, allow=SEND_MESSAGES),
    )
    assert agree(standin, channel)["send_messages"]
    await channel.send("allowed by my role")

    # A member overwrite on the bot beats both roles.
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel_id, member=standin.me, deny=SEND_MESSAGES | MENTION_EVERYONE),
    )
    assert not agree(standin, channel)["send_messages"]

    # The guild's @everyone role loses Embed Links (GUILD_ROLE_UPDATE): every channel follows.
    general = text_channel(bare_bot, standin.channel_id("general"))
    everyone = standin.guild().everyone.permissions
    await changed(
        bare_bot,
        "guild_role_update",
        lambda: standin.update_role("@everyone", permissions=everyone & ~EMBED_LINKS),
    )
    assert not agree(standin, general)["embed_links"]

    # Administrator on the bot's role: everything, overwrites notwithstanding.
    await changed(
        bare_bot, "guild_role_update", lambda: standin.update_role(role_id, permissions=ADMINISTRATOR)
    )
    assert all(agree(standin, channel).values())
    await channel.send("admin")

    # No View Channel: nothing at all, and REST answers 50001.
    await changed(bare_bot, "guild_role_update", lambda: standin.update_role(role_id, permissions=0))
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel_id, member=standin.me, deny=VIEW_CHANNEL),
    )
    assert not any(agree(standin, channel).values())
    with pytest.raises(discord.Forbidden) as raised:
        await channel.send("x")
    assert raised.value.code == 50001
    assert standin.violations == []


async def _add_role(standin: DiscordStandIn, bot: discord.Client, name: str, permissions: int) -> int:
    seen = asyncio.ensure_future(bot.wait_for("guild_role_create"))
    role_id = standin.add_role(name, permissions)
    role = await seen
    assert role.id == role_id and role.permissions.value == permissions
    return role_id


async def test_edit_and_delete_follow_authorship(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel_id = standin.channel_id("general")
    theirs = standin.post_message(channel_id, "a member's message")
    channel = text_channel(bare_bot, channel_id)
    message = await channel.fetch_message(int(theirs["id"]))
    with pytest.raises(discord.Forbidden) as raised:
        await message.edit(content="changed")
    assert raised.value.code == 50005
    with pytest.raises(discord.Forbidden) as raised:  # needs Manage Messages, which @everyone lacks
        await message.delete()
    assert raised.value.code == 50013
    mine = await channel.send("mine")
    await mine.edit(content="edited")
    await mine.delete()
    assert [m["id"] for m in standin.messages[channel_id]] == [theirs["id"]]


async def test_embed_links_and_attach_files(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel_id = standin.channel_id("digests")
    channel = text_channel(bare_bot, channel_id)
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel_id, member=standin.me, deny=EMBED_LINKS | ATTACH_FILES),
    )
    assert not agree(standin, channel)["embed_links"]
    with pytest.raises(discord.Forbidden) as raised:  # only embeds: refused
        await channel.send(embed=discord.Embed(title="Today"))
    assert raised.value.code == 50013
    sent = await channel.send("Today's digest", embed=discord.Embed(title="Today"))  # embeds dropped
    assert sent.embeds == [] and standin.message_index[sent.id]["embeds"] == []
    assert standin.counters["embeds_dropped"] == 1
    with pytest.raises(discord.Forbidden):
        await channel.send("a file", file=discord.File(io.BytesIO(b"x"), "x.txt"))
    assert standin.violations == []


async def test_who_a_message_pings() -> None:
    async with DiscordStandIn(channel_limit=(50, 5.0)) as standin, run_bare_bot(standin) as bare_bot:
        await _pings(standin, bare_bot)


async def _pings(standin: DiscordStandIn, bare_bot: BareBot) -> None:
    channel_id = standin.channel_id("general")
    channel = text_channel(bare_bot, channel_id)
    admin = standin.role_id("admin")
    text = f"@everyone <@{standin.bob.id}> <@&{admin}>"

    # No allowed_mentions: everything parses; Mention Everyone also lets a non-mentionable role ping.
    sent = await channel.send(text)
    assert sent.mention_everyone and [u.id for u in sent.mentions] == [standin.bob.id]
    assert roles(sent) == [admin]

    # allowed_mentions=none: nobody.
    quiet = await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
    assert not quiet.mention_everyone and quiet.mentions == [] and roles(quiet) == []

    # Without Mention Everyone: no @everyone, and only mentionable roles.
    await changed(
        bare_bot,
        "guild_channel_update",
        lambda: standin.set_overwrite(channel_id, member=standin.me, deny=MENTION_EVERYONE),
    )
    assert not agree(standin, channel)["mention_everyone"]
    held = await channel.send(text)
    assert not held.mention_everyone and roles(held) == [] and len(held.mentions) == 1
    await changed(bare_bot, "guild_role_update", lambda: standin.update_role("admin", mentionable=True))
    assert roles(await channel.send(text)) == [admin]
    only_role = await channel.send(
        text,
        allowed_mentions=discord.AllowedMentions(everyone=False, users=False, roles=[discord.Object(admin)]),
    )
    assert roles(only_role) == [admin] and only_role.mentions == []
    assert standin.violations == []
