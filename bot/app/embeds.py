"""Turning the domain's message data into discord.py objects, and sending pages of it."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

import discord

from bot.briefs.render import MessageData

NO_MENTIONS = discord.AllowedMentions.none()


_built: weakref.WeakKeyDictionary[MessageData, list[discord.Embed]] = weakref.WeakKeyDictionary()


def to_embeds(message: MessageData) -> list[discord.Embed]:
    """discord.py embeds for `message`, built once per message: answers are cached and never mutated."""
    embeds = _built.get(message)
    if embeds is None:
        embeds = _built[message] = [discord.Embed.from_dict(embed.to_dict()) for embed in message.embeds]
    return list(embeds)


def message_kwargs(message: MessageData) -> dict[str, Any]:
    """Keyword arguments for send/edit: content (or None), embeds, and no mentions."""
    return {
        "content": message.content or None,
        "embeds": to_embeds(message),
        "allowed_mentions": NO_MENTIONS,
    }


async def send_pages(
    interaction: discord.Interaction[Any],
    pages: Sequence[MessageData],
    *,
    ephemeral: bool,
    pager_timeout: float,
) -> None:
    """Answer `interaction` with the first page; a Pager walks the rest, for the invoker only."""
    from bot.app.views import Pager

    first = pages[0]
    if len(pages) == 1:
        await _respond(interaction, ephemeral=ephemeral, **message_kwargs(first))
        return
    pager = Pager(list(pages), owner_id=interaction.user.id, timeout=pager_timeout)
    await _respond(interaction, ephemeral=ephemeral, view=pager, **message_kwargs(first))
    pager.attach(interaction)


async def _respond(interaction: discord.Interaction[Any], *, ephemeral: bool, **kwargs: Any) -> None:
    if interaction.response.is_done():
        await interaction.followup.send(ephemeral=ephemeral, wait=False, **kwargs)
    else:
        await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
