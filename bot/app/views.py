"""Views: the page-turning buttons under long answers."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.app.embeds import NO_MENTIONS, message_kwargs
from bot.briefs.render import MessageData

log = logging.getLogger(__name__)


class Pager(discord.ui.View):
    """Previous/Next over pages; only the member who asked can turn them, and they vanish on timeout."""

    def __init__(self, pages: list[MessageData], *, owner_id: int, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self._origin: discord.Interaction[Any] | None = None
        self._update_buttons()

    def attach(self, interaction: discord.Interaction[Any]) -> None:
        """Remember the answered interaction, so the buttons can be removed when the view times out."""
        self._origin = interaction

    def _update_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.position.label = f"{self.index + 1}/{len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can turn these pages. Run the command yourself for your own copy.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    async def _show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._update_buttons()
        kwargs = message_kwargs(self.pages[self.index])
        kwargs.pop("allowed_mentions")
        await interaction.response.edit_message(view=self, **kwargs)

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], _button: discord.ui.Button[Pager]
    ) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(
        self, interaction: discord.Interaction[Any], _button: discord.ui.Button[Pager]
    ) -> None:
        await interaction.response.defer()  # never enabled; here for completeness

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary)
    async def next(self, interaction: discord.Interaction[Any], _button: discord.ui.Button[Pager]) -> None:
        await self._show(interaction, self.index + 1)

    async def on_timeout(self) -> None:
        if self._origin is None:
            return
        try:
            await self._origin.edit_original_response(view=None)
        except discord.HTTPException as exc:  # the message may be gone, or the token expired
            log.debug("could not remove page buttons after timeout: %s", exc)
