"""The bot: a thin discord.py client that owns the library, storage and scheduler for its lifetime.

`setup_hook` is the one place where start-up work happens (endpoints, briefs, cogs, command sync);
`close` tears everything down in reverse.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import logging
from collections.abc import Callable
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord
import yarl
from discord.ext import commands

from bot.app.alert_sender import DiscordAlertSender
from bot.app.cogs.briefs import BriefsCog
from bot.app.cogs.digests import DigestsCog
from bot.app.cogs.library import LibraryCog
from bot.app.cogs.server_changes import ServerChangesCog
from bot.app.discord_sender import DiscordSender
from bot.app.errors import on_tree_error
from bot.app.library_reload import LibraryReloader
from bot.app.request_budget import add_rate_budget
from bot.app.rest_proxy import retry_proxy_rate_limits
from bot.app.views import DigestButton, LegacyDigestButton, QuoteButton, QuoteMenu
from bot.briefs.lookup import Library
from bot.clock import ClockCheck, boot_monotonic, utc_now
from bot.delivery.heartbeat import Heartbeat, backend_of
from bot.delivery.service import DigestService
from bot.delivery.versions import offer_of
from bot.process_identity import current_identity
from bot.settings import Settings

log = logging.getLogger(__name__)

DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY = "wss://gateway.discord.gg/"
DIGEST_START_RETRY_MAX_SECONDS = 300.0
MAX_RATELIMIT_WAIT = 60.0  # seconds discord.py may hold a rate-limited request before raising RateLimited


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


def date_header_trace(check: ClockCheck, trace: aiohttp.TraceConfig | None = None) -> aiohttp.TraceConfig:
    """An aiohttp trace (`trace`, or a new one) that shows `check` the `Date` header of every answer from
    Discord (REST, and the gateway's handshake): Discord's clock, to the second, between the request's
    departure and its answer."""

    async def on_request_start(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestStartParams
    ) -> None:
        context.sent_at = check.monotonic()

    async def on_request_end(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestEndParams
    ) -> None:
        header = params.response.headers.get("Date")
        if not header:
            return
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return
        if when.tzinfo is not None:
            check.observe(when, sent_at=getattr(context, "sent_at", None))

    trace = trace or aiohttp.TraceConfig()
    trace.on_request_start.append(on_request_start)
    trace.on_request_end.append(on_request_end)
    return trace


# The bot joins no voice channel: discord.py's start-up warnings that voice needs PyNaCl and davey are noise.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


class Briefbot(commands.Bot):
    """Answers slash commands from the loaded briefs and delivers scheduled digests."""

    def __init__(
        self,
        settings: Settings,
        *,
        library: Library | None = None,
        pager_timeout: float = 300.0,
        guild_ready_timeout: float = 2.0,
        clock: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = boot_monotonic,
        watch_discord_clock: bool = True,
        digest_start_retry_seconds: float = 30.0,
    ) -> None:
        # Every decision about time (what is due, late, missed or stale) is taken by the host clock checked
        # against Discord's: a host clock stepped years ahead must not decide that digests were missed.
        self.clock_check = ClockCheck(clock, monotonic=monotonic)
        self._watch_discord_clock = watch_discord_clock
        # Every REST attempt waits for the shared rate budget's permit (from the digests' database, once open).
        trace = aiohttp.TraceConfig()
        add_rate_budget(trace, lambda: self._digests.pacer if self._digests is not None else None)
        if watch_discord_clock:
            date_header_trace(self.clock_check, trace)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            # Mentions off, once: discord.py merges this into every send and edit (interaction responses,
            # followups, webhook and channel messages). The domain also defuses every `@` it renders.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            guild_ready_timeout=guild_ready_timeout,
            # A rate limit longer than this raises at once instead of holding the request: after a channel's
            # 10th publish in an hour, discord.py would otherwise hold the next for up to an hour (and the
            # 10th itself, sleeping out the bucket before it returns), holding that delivery's dispatcher slot.
            max_ratelimit_timeout=MAX_RATELIMIT_WAIT,
            http_trace=trace,
        )
        self.settings = settings
        self.library = library if library is not None else Library([])
        self._library_given = library is not None
        self.reloader = LibraryReloader(settings.briefs_dir, settings.seeds_dir, self._install_library)
        self._reloads: set[asyncio.Task[object]] = set()
        self.pager_timeout = pager_timeout
        self.clock: Callable[[], datetime] = self.clock_check.now
        self._digests: DigestService | None = None
        self._heartbeat: Heartbeat | None = None
        self._digest_start: asyncio.Task[None] | None = None
        self._digest_start_retry_seconds = digest_start_retry_seconds
        self.digests_ready = asyncio.Event()  # set once the digests have caught up and are scheduled
        self.tree.error(on_tree_error)
        point_at_api(settings.discord_api_base_url, settings.discord_gateway_url)
        if settings.discord_api_base_url:
            # A REST proxy in front: its own 429s (no `Via`) are waits, not Cloudflare's ban.
            retry_proxy_rate_limits(self.http, max_wait=MAX_RATELIMIT_WAIT)

    async def setup_hook(self) -> None:
        await self._find_gateway()
        if not self._library_given:
            self.reloader.load()
        # Opening the database first: a database the bot cannot use stops it before it connects.
        self._digests = await DigestService.open(
            self.settings,
            DiscordSender(self),
            lambda: offer_of(self.library),
            clock=self.clock,
            alert_sender=DiscordAlertSender(self),
            discord_clock=self.clock_check if self._watch_discord_clock else None,
            library=lambda: self.library,
        )
        await self._announce()
        self.add_dynamic_items(DigestButton, LegacyDigestButton, QuoteButton, QuoteMenu)
        await self.add_cog(BriefsCog(self))
        await self.add_cog(DigestsCog(self))
        await self.add_cog(ServerChangesCog(self))
        if self.settings.discord_guild_id is not None:
            # The library is shared by every server: only its owners reload it, from their own server.
            await self.add_cog(LibraryCog(self), guild=discord.Object(id=self.settings.discord_guild_id))
        else:
            log.info("/library reload is registered only in DISCORD_GUILD_ID; reload with SIGHUP instead")
        await self.sync_commands()
        if not self._library_given:
            await self.reloader.start_watching()

    def shards_text(self) -> str:
        """The shards this process serves, as `briefbot status` and the log show them."""
        if self.shard_count is None:
            return "all (unsharded)"
        ids = [self.shard_id] if self.shard_id is not None else list(range(self.shard_count))
        return f"{','.join(map(str, ids))} of {self.shard_count}"

    async def _announce(self) -> None:
        """Say who this process is, in the log and in the database's heartbeats (`briefbot status`)."""
        identity = current_identity()
        self._heartbeat = Heartbeat(
            self.digests.database, identity, shards=self.shards_text, clock=self.clock
        )
        log.info(
            "process %s: host %s, pid %d, database %s, shards %s",
            identity,
            identity.host,
            identity.pid,
            backend_of(self.digests.database),
            self.shards_text(),
        )
        try:
            await self._heartbeat.start()
        except Exception as exc:  # only informs: the bot runs without it
            log.warning(
                "the process heartbeat could not be written (%s); briefbot status will not list it", exc
            )

    @property
    def digests(self) -> DigestService:
        if self._digests is None:
            raise RuntimeError("the digest service opens in setup_hook, at login")
        return self._digests

    def _install_library(self, library: Library) -> None:
        # One assignment on the event loop: every command reads the old library or the new one, never a mix.
        previous, self.library = self.library, library
        if self._digests is not None:
            # A digest recorded before the change still shows the version it recorded: the versions replaced
            # or removed stay at hand in memory (and kept in the database) while a pending digest needs them.
            now = library.versions()
            self._digests.versions.retire(
                brief for brief in previous.briefs if now.get(brief.id) != previous.version(brief.id)
            )
            task: asyncio.Task[object] = asyncio.create_task(
                self._prune_versions(), name="brief-versions-prune"
            )
            self._reloads.add(task)
            task.add_done_callback(self._reloads.discard)

    async def _prune_versions(self) -> None:
        try:
            await self.digests.versions.prune()
        except Exception:
            # Only tidying: what is not deleted now is deleted after the next reload or start.
            log.exception("deleting brief versions no digest needs failed")

    def request_reload(self, why: str) -> None:
        """Reload the library in the background (SIGHUP); the outcome goes to the log."""
        task: asyncio.Task[object] = asyncio.create_task(self.reloader.reload(why), name="library-reload")
        self._reloads.add(task)
        task.add_done_callback(self._reloads.discard)

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
        if self._digest_start is None and self._digests is not None and not self.is_closed():
            self._digest_start = asyncio.create_task(self._start_digests(), name="digest-start")
        elif self._digests is not None and self._digest_start is not None and self._digest_start.done():
            await self._notice_removals()  # a new session (not a resume): its READY lists the servers again

    async def _notice_removals(self) -> None:
        """Servers that removed the bot while it was not connected: not in READY's list of servers, which
        names every server the bot is in, unavailable ones too (an outage is not a removal)."""
        gone = await self.digests.servers_present({guild.id for guild in self.guilds})
        for guild_id in gone:
            log.info(
                "server %d removed the bot while it was not connected: its subscriptions are paused", guild_id
            )

    async def _start_digests(self) -> None:
        """Subscribe DIGEST_CHANNEL_IDS and start the digests; until that works, say so loudly and retry.

        A failure here (the database locked or full, say) would otherwise leave every server without
        digests while nothing but one traceback said so.
        """
        delay = self._digest_start_retry_seconds
        while self._digests is not None and not self.is_closed():
            try:
                # Before the catch-up, which would otherwise record digests for servers the bot has left.
                await self._notice_removals()
                await self.digests.sync_settings_channels(self._guilds_of(self.settings.digest_channel_ids))
                report = await self.digests.start()
            except Exception as exc:
                log.critical(
                    "digests are not running: starting them failed (%s); no digest is posted until they"
                    " start; trying again in %gs",
                    exc,
                    delay,
                    exc_info=exc,
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, DIGEST_START_RETRY_MAX_SECONDS)
                continue
            log.info(
                "digests started; catch-up: %d to send, %d skipped, %d missed",
                len(report.pending),
                len(report.skipped),
                len(report.missed) + report.missed_unrecorded,
            )
            self.digests_ready.set()
            return

    def _guilds_of(self, channel_ids: list[int]) -> dict[int, int | None]:
        """The server of each DIGEST_CHANNEL_IDS channel, from the gateway's cache (no request per channel,
        which for thousands of channels would spend the global rate limit); None where the cache does not
        know the channel: its server is unavailable for now (an outage), or the bot cannot see it. A stored
        subscription keeps its server then; a new one gets 0, and its deliveries fail with Discord's
        reason, are recorded, and pause the subscription."""
        guilds: dict[int, int | None] = {}
        unseen: list[int] = []
        for channel_id in channel_ids:
            channel = self.get_channel(channel_id)
            guild = getattr(channel, "guild", None)
            guilds[channel_id] = guild.id if guild is not None else None
            if guild is None:
                unseen.append(channel_id)
        if unseen:
            shown = ", ".join(map(str, unseen[:10])) + (
                f" and {len(unseen) - 10} more" if len(unseen) > 10 else ""
            )
            log.warning("DIGEST_CHANNEL_IDS: %d channel(s) not visible to the bot: %s", len(unseen), shown)
        return guilds

    async def on_guild_available(self, guild: discord.Guild) -> None:
        # A server unavailable at start-up comes back: its DIGEST_CHANNEL_IDS channels subscribed meanwhile
        # were stored without a server (the cache did not know it); now it is known.
        listed = [c for c in self.settings.digest_channel_ids if guild.get_channel(c) is not None]
        if listed and self._digests is not None:
            adopted = await self.digests.settings_channels_found(guild.id, listed)
            if adopted:
                log.info("server %s is available: %d settings channel(s) now listed in it", guild.id, adopted)

    async def close(self) -> None:
        """Stop new slots and let sends in flight finish (the HTTP session is still open), then disconnect."""
        await self.reloader.close()
        # A reload asked for by SIGHUP, and the tidying of kept versions after one, stop here: not against a
        # closed database. Tidying left undone is done after the next start's load.
        for task in list(self._reloads):
            task.cancel()
        await asyncio.gather(*self._reloads, return_exceptions=True)
        if self._digest_start is not None and not self._digest_start.done():
            self._digest_start.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._digest_start
        if self._heartbeat is not None:
            heartbeat, self._heartbeat = self._heartbeat, None
            await heartbeat.stop()
        if self._digests is not None:
            digests, self._digests = self._digests, None
            try:
                await digests.close()
            except Exception:
                log.exception("error while stopping the digests")
        await super().close()

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("error in event %s", event_method)
