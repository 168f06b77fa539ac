"""/library reload: the application's owners load the briefs again without restarting the bot.

Registered only in DISCORD_GUILD_ID (the library is shared by every server) and checked server side: only
the application's owner, or a member of its team, may reload.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.errors import Refused
from bot.briefs.render import clean

if TYPE_CHECKING:
    from bot.app.client import Briefbot

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 2000
NOT_AN_OWNER = "Only the bot's owners can reload the library."


async def _is_owner(interaction: discord.Interaction[Briefbot]) -> bool:
    # discord.py asks Discord who owns the application (its owner, or every member of its team).
    if not await interaction.client.is_owner(interaction.user):
        raise Refused(NOT_AN_OWNER)
    return True


class LibraryCog(commands.GroupCog, group_name="library", group_description="The bot's library of briefs"):
    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command()
    @app_commands.check(_is_owner)
    async def reload(self, interaction: discord.Interaction[Briefbot]) -> None:
        """Load the briefs again (owners only)"""
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.reloader.reload(f"/library reload by user {interaction.user.id}")
        lines = [f"Library reloaded: {result.summary()}."]
        lines += [f"- {error}" for error in result.errors]
        await interaction.followup.send(clean("\n".join(lines), MESSAGE_LIMIT), ephemeral=True)
