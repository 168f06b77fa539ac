"""The command tree's error handler: kind words to the user, the detail to the log."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.schedule import ScheduleError

if TYPE_CHECKING:
    from bot.app.client import Briefbot

log = logging.getLogger(__name__)

GENERIC_APOLOGY = (
    "Sorry, something went wrong while answering. It has been logged; please try again in a moment."
)


class Refused(app_commands.CheckFailure):
    """A check's refusal whose message is written for the member."""


def user_message(error: app_commands.AppCommandError) -> str:
    """What to tell the member; only errors they can act on get specifics."""
    if isinstance(error, app_commands.MissingPermissions):
        missing = ", ".join(
            p.replace("_", " ").replace("guild", "server").title() for p in error.missing_permissions
        )
        return f"You need the {missing} permission to do that."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command works only in a server."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.TransformerError):
        if isinstance(error.__cause__, ScheduleError):
            return str(error.__cause__)  # a schedule or time zone, refused in words that say how to fix it
        return f"I could not read “{error.value}”. Please pick one of the suggestions."
    if isinstance(error, Refused):
        return str(error)
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use that command here."
    return GENERIC_APOLOGY


async def on_tree_error(
    interaction: discord.Interaction[Briefbot], error: app_commands.AppCommandError
) -> None:
    command = interaction.command.qualified_name if interaction.command else "?"
    if isinstance(error, app_commands.CheckFailure | app_commands.TransformerError):
        log.info("/%s refused for user %s: %s", command, interaction.user.id, error)
    else:
        log.error("/%s failed for user %s", command, interaction.user.id, exc_info=error)
    text = user_message(error)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not tell the user about the error in /%s", command, exc_info=True)
