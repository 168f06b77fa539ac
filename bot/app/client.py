"""The bot: a thin discord.py client that owns the library, storage and scheduler for its lifetime.

`setup_hook` is the one place where start-up work happens (endpoints, briefs, cogs, command sync);
`close` tears everything down in reverse.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
import yarl
from discord.ext import commands

from bot.app.embeds import NO_MENTIONS
from bot.app.errors import on_tree_error
from bot.briefs.loader import load_library
from bot.briefs.lookup import Library
from bot.settings import Settings

log = logging.getLogger(__name__)

DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY = "wss://gateway.discord.gg/"


def intents() -> discord.Intents:
    """Only what slash commands and channel permissions need: no privileged intents."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    return wanted


def point_at_api(base_url: str | None, gateway_url: str | None) -> None:
    """Send REST (and interaction webhooks, which share `Route`) to `base_url`; the gateway to `gateway_url`.

    Process-global in discord.py, so it is set before login and reset to Discord's own when unset.
    """
    discord.http.Route.BASE = (base_url or DISCORD_API_BASE).rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url or DISCORD_GATEWAY)


class Briefbot(commands.Bot):
    """Answers slash commands from the loaded briefs and delivers scheduled digests."""

    def __init__(
        self,
        settings: Settings,
        *,
        library: Library | None = None,
        pager_timeout: float = 300.0,
        guild_ready_timeout: float = 2.0,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            help_command=None,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.settings = settings
        self.library = library if library is not None else Library([])
        self._library_given = library is not None
        self.pager_timeout = pager_timeout
        self.tree.error(on_tree_error)
        point_at_api(settings.discord_api_base_url, settings.discord_gateway_url)

    async def setup_hook(self) -> None:
        await self._find_gateway()
        if not self._library_given:
            self.load_briefs()
        from bot.app.cogs.briefs import BriefsCog

        await self.add_cog(BriefsCog(self))
        await self.sync_commands()

    def load_briefs(self) -> None:
        result = load_library(self.settings.briefs_dir, self.settings.seeds_dir)
        for error in result.errors:
            log.error("brief refused: %s", error)
        self.library = result.library
        log.info(
            "loaded %d brief(s) from %s (%d error(s))",
            len(result.library),
            self.settings.briefs_dir,
            len(result.errors),
        )

    async def _find_gateway(self) -> None:
        """With a custom REST base and no gateway URL, ask it where its gateway is, as Discord's own clients do."""
        if self.settings.discord_api_base_url and not self.settings.discord_gateway_url:
            _shards, url, _limits = await self.http.get_bot_gateway()
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
            log.info("gateway at %s", url)

    async def sync_commands(self) -> None:
        guild_id = self.settings.discord_guild_id
        if guild_id is not None:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to server %s", len(synced), guild_id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d commands globally (they may take a while to appear)", len(synced))

    async def on_ready(self) -> None:
        user = self.user
        log.info("ready as %s (%s) in %d server(s)", user, user.id if user else "?", len(self.guilds))

    async def close(self) -> None:
        await super().close()

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("error in event %s", event_method)
