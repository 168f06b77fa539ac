"""Turning the domain's message data into discord.py embeds.

Mentions are no concern here: the client turns them off for every message it sends, and the domain has
defused every `@` already.
"""

from __future__ import annotations

import discord

from bot.briefs.render import MessageData


def to_embeds(message: MessageData) -> list[discord.Embed]:
    """Fresh discord.py embeds for `message`: built per send (microseconds), so no mutable embed is shared."""
    return [discord.Embed.from_dict(embed.to_dict()) for embed in message.embeds]
