"""The bot: a thin discord.py client that owns the library, storage and scheduler for its lifetime.

`login` opens the database (the shared rate budget every request waits for) before discord.py's first
request; `setup_hook` is where the rest of start-up happens (endpoints, briefs, cogs, command sync);
`close` tears everything down in reverse.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any, Final

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
from bot.briefs.lookup import Library, retired_by
from bot.clock import ClockCheck, boot_monotonic, utc_now
from bot.delivery.heartbeat import Heartbeat, backend_of
from bot.delivery.service import DigestService
from bot.delivery.shards import IdentifyGate, ShardCoordinator, shards_text
from bot.delivery.versions import offer_of
from bot.process_identity import ProcessIdentity, current_identity
from bot.settings import Settings
from bot.storage import StorageError
from bot.storage.shards import ShardStore

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


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that gets a server's events: Discord's `(guild_id >> 22) % shard_count`."""
    return (guild_id >> 22) % shard_count


# The gateway events of servers, channels, roles, members and shards: what the bot stores of them is written by
# their handlers, so that none runs once the bot is stopping (`Briefbot.dispatch`).
_SERVER_CHANGE_EVENTS: Final = ("guild_", "raw_thread_", "thread_", "member_", "shard_", "raw_member_")


class Briefbot(commands.AutoShardedBot):
    """Answers slash commands from the loaded briefs and delivers scheduled digests.

    It runs the gateway shards this process holds the lease of (bot.delivery.shards), maybe none, and
    changes them while it runs. discord.py has no public way to add or remove a shard of a running
    AutoShardedClient, so `start_shards` and `stop_shards` use two of its private parts (pinned by
    tests/unit/test_shard_client.py): `launch_shard`, which `launch_shards` itself calls for each shard, and
    the client's dict of running shards, `_AutoShardedClient__shards`. The alternative, restarting the whole
    client for each change, would re-IDENTIFY every shard it keeps, stop its digests and sync its commands
    again each time another process starts or dies.
    """

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
        identity: ProcessIdentity | None = None,
        identify_now: Callable[[], float] = time.time,
        identify_wait: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        # Set when close() begins: what the gateway tells after it (a shard's READY, which discord.py tells only
        # after its wait for the servers, so a bot stopped at once hears it while closing; a late GUILD_CREATE)
        # acts on nothing (`dispatch`). First, before discord.py's own set-up can dispatch anything.
        self._stopping = False
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
            # The shards are claimed through the database in setup_hook, before the client connects.
            shard_count=None,
        )
        self.identity = identity or current_identity()
        self.shard_ids: list[int] = []
        self.shards_coordinator: ShardCoordinator | None = None
        self._identify_gate: IdentifyGate | None = None
        self._identify_now = identify_now
        self._identify_wait = identify_wait
        self._launching: dict[int, asyncio.Task[None]] = {}
        self._gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        self._ready_shards: set[int] = set()
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

    async def login(self, token: str) -> None:
        """Open the database, then log in (discord.py's `login`, which runs `setup_hook`).

        The database comes first because the shared rate budget lives in it: every REST request waits for
        one of its permits, discord.py's first ones at login included (GET /users/@me, the application's, then
        GET /gateway/bot). Sent before it opened, they were counted by Discord and by no permit: three extra
        requests in a second the other processes' permits already filled, at every start. A database the bot
        cannot use also stops it before it says a word to Discord.
        """
        if self._digests is None:
            self._digests = await DigestService.open(
                self.settings,
                DiscordSender(self),
                lambda: offer_of(self.library),
                clock=self.clock,
                alert_sender=DiscordAlertSender(self),
                discord_clock=self.clock_check if self._watch_discord_clock else None,
                library=lambda: self.library,
            )
        await super().login(token)

    async def setup_hook(self) -> None:
        recommended, max_concurrency = await self._find_gateway()
        if not self._library_given:
            self.reloader.load()
        await self._join_shards(recommended, max_concurrency)
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
        """The shards this process serves, as `briefbot status` and the log show them: `0,1 of 4`."""
        return shards_text(self.shard_ids, self.shard_count)

    async def _join_shards(self, recommended: int, max_concurrency: int) -> None:
        """Fix (or follow) the database's shard count and claim this process's first shards (maybe none).

        Raises StorageError, saying what to set, when SHARD_COUNT or SHARD_IDS disagree with the database.
        """
        database = self.digests.database
        store = ShardStore(database)
        owner = str(self.identity)
        lease = self.settings.shard_lease
        pinned = self.settings.shard_ids
        if database.dialect == "sqlite":
            if pinned is not None:
                # One process per SQLite file: the shards it does not pin would run nowhere.
                raise StorageError(
                    "SHARD_IDS pins shards to one of several processes sharing a PostgreSQL database"
                    " (DATABASE_URL); on SQLite the one process runs every shard: leave SHARD_IDS unset"
                )
            await store.forget_processes()  # one process per SQLite file: what is left is a dead run's
        now = time.time()
        fixed = await store.fix_count(
            owner,
            wanted=self.settings.shard_count,
            recommended=recommended,
            pinned=pinned or (),
            now=now,
            until=now + lease.total_seconds(),
            rate_per_second=self.settings.delivery_rate_per_second,
        )
        if fixed.replaced is not None:
            log.warning("shard count changed from %d to %d (SHARD_COUNT)", fixed.replaced, fixed.count)
        elif fixed.fixed_now:
            how = "SHARD_COUNT" if self.settings.shard_count is not None else "Discord's recommendation"
            log.info("shard count fixed at %d for this database (%s)", fixed.count, how)
        else:
            log.info("shard count %d, as fixed in the database by %s", fixed.count, fixed.fixed_by)
        beyond = [shard for shard in pinned or () if shard >= fixed.count]
        if beyond:
            await store.leave(owner)
            raise StorageError(
                f"SHARD_IDS names shard {beyond[0]}, but this database's processes run {fixed.count} shard(s)"
                f" (0 to {fixed.count - 1}); set SHARD_IDS within them"
            )
        self.shard_count = fixed.count
        self._connection.shard_count = fixed.count
        self.shards_coordinator = ShardCoordinator(
            store, owner, count=fixed.count, lease=lease, pinned=pinned, on_change=self._shards_changed
        )
        self.shard_ids = await self.shards_coordinator.start()
        self._identify_gate = IdentifyGate(
            store, max_concurrency=max_concurrency, now=self._identify_now, wait=self._identify_wait
        )

    async def launch_shards(self) -> None:
        """discord.py's start of the shards (from `connect()`), for the shards this process holds."""
        if self.is_closed() or self.shards_coordinator is None:
            return
        self._connection.shard_count = self.shard_count
        self._connection.shard_ids = self.shard_ids
        await self.shards_coordinator.attach(self)  # starts what it holds now (maybe more than at login)
        self._maybe_start_digests()  # with no shard, no READY comes to start them

    def _launch(self, shard_id: int) -> None:
        if shard_id in self._launching or shard_id in self._running_shards():
            return
        task = asyncio.create_task(
            self.launch_shard(self._gateway, shard_id),
            name=f"shard-{shard_id}-launch",
        )
        self._launching[shard_id] = task

        def launched(done: asyncio.Task[None]) -> None:
            if self._launching.get(shard_id) is done:
                del self._launching[shard_id]

        task.add_done_callback(launched)

    def _running_shards(self) -> dict[int, Any]:
        # discord.py's own dict of running shards (private: see the class's docstring).
        shards: dict[int, Any] = getattr(self, "_AutoShardedClient__shards")  # noqa: B009
        return shards

    async def start_shards(self, shard_ids: Sequence[int]) -> None:
        """Run these shards too (the coordinator claimed them); each IDENTIFYs in its turn."""
        for shard_id in shard_ids:
            if shard_id not in self.shard_ids:
                self.shard_ids.append(shard_id)
        self.shard_ids.sort()
        self._connection.shard_ids = self.shard_ids
        log.info("shards now %s", self.shards_text())
        for shard_id in shard_ids:
            self._launch(shard_id)

    async def stop_shards(self, shard_ids: Sequence[int], *, forget: bool = True) -> None:
        """Close these shards' sessions (their leases are let go after); with `forget`, their servers leave
        the cache, as another process serves them now."""
        closing = []
        running = self._running_shards()
        for shard_id in shard_ids:
            launch = self._launching.pop(shard_id, None)
            if launch is not None:
                launch.cancel()
            if shard_id in self.shard_ids:
                self.shard_ids.remove(shard_id)
            self._ready_shards.discard(shard_id)
            shard = running.pop(shard_id, None)
            if shard is not None:
                closing.append(shard.close())
        self._connection.shard_ids = self.shard_ids
        if closing:
            await asyncio.gather(*closing, return_exceptions=True)
        if forget and self.shard_count:
            gone = set(shard_ids)
            for guild in list(self._connection.guilds):
                if shard_of(guild.id, self.shard_count) in gone:
                    self._connection._remove_guild(guild)
        log.info("shards now %s", self.shards_text())
        self._maybe_start_digests()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Every IDENTIFY waits for its turn across all processes (one per max_concurrency bucket every 5 s),
        and only while this process holds the shard's lease."""
        coordinator, gate = self.shards_coordinator, self._identify_gate
        if coordinator is None or gate is None or shard_id is None:
            await super().before_identify_hook(shard_id, initial=initial)
            return
        await gate.turn(shard_id, still_held=lambda: coordinator.holds(shard_id))

    def _shards_changed(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.beat_soon()

    async def _announce(self) -> None:
        """Say who this process is, in the log and in the database's heartbeats (`briefbot status`)."""
        identity = self.identity
        self._heartbeat = Heartbeat(
            self.digests.database,
            identity,
            shards=self.shards_text,
            clock=self.clock,
            on_live=self.digests.pacer.processes_live,
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
            raise RuntimeError("the digest service opens at login")
        return self._digests

    def _install_library(self, library: Library) -> None:
        # One assignment on the event loop: every command reads the old library or the new one, never a mix.
        previous, self.library = self.library, library
        if self._digests is not None:
            # A digest recorded before the change still shows the version it recorded: the versions replaced
            # or removed stay at hand in memory (and kept in the database) while a pending digest needs them.
            # Only the briefs the reload replaced are compared (`retired_by`): this runs on the event loop.
            self._digests.versions.retire(retired_by(previous, library))
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

    async def _find_gateway(self) -> tuple[int, int]:
        """Ask GET /gateway/bot for the shards Discord recommends and the IDENTIFY concurrency; with a custom
        REST base and no gateway URL, its gateway too, as Discord's own clients do."""
        shards, url, limits = await self.http.get_bot_gateway()
        if self.settings.discord_api_base_url and not self.settings.discord_gateway_url:
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
            log.info("gateway at %s", url)
        self._gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        return int(shards), int(limits.get("max_concurrency", 1))

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
        log.info(
            "ready as %s (%s) in %d server(s), shards %s",
            user,
            user.id if user else "?",
            len(self.guilds),
            self.shards_text(),
        )

    def dispatch(self, event_name: str, /, *args: Any, **kwargs: Any) -> None:
        # Once close() has begun, a change of servers, channels, roles or shards told by the gateway (GUILD_CREATE
        # heard late, a shard's READY) is not acted on: its handlers write to the database being closed. The
        # next start reads the servers again from READY, and a send to a channel gone meanwhile is recorded.
        if self._stopping and event_name.startswith(_SERVER_CHANGE_EVENTS):
            log.debug("stopping: %s not acted on", event_name)
            return
        super().dispatch(event_name, *args, **kwargs)

    async def on_shard_ready(self, shard_id: int) -> None:
        if shard_id not in self.shard_ids or self._stopping:
            return  # stopped meanwhile, or stopping (a direct call: `dispatch` drops the event then)
        self._ready_shards.add(shard_id)
        if self._digest_start is None:
            self._maybe_start_digests()
        elif self._digests is not None and self._digest_start.done():
            await self._notice_removals([shard_id])  # a new session (not a resume): READY lists its servers

    def _maybe_start_digests(self) -> None:
        """Start the digests once every shard this process runs is ready (at once with none)."""
        if self._digest_start is not None or self._digests is None or self._stopping or self.is_closed():
            return
        if set(self.shard_ids) <= self._ready_shards:
            self._digest_start = asyncio.create_task(self._start_digests(), name="digest-start")

    async def _notice_removals(self, shard_ids: Sequence[int] | None = None) -> None:
        """Servers that removed the bot while it was not connected: not in READY's list of servers, which
        names every server of the shard, unavailable ones too (an outage is not a removal). Only the
        servers of these shards (default: every shard this process runs) are judged: another process's
        READY lists the others."""
        count = self.shard_count or 1
        scope = set(self.shard_ids if shard_ids is None else shard_ids)

        def served(guild_id: int) -> bool:
            return shard_of(guild_id, count) in scope

        listed = {guild.id for guild in self.guilds if served(guild.id)}
        gone = await self.digests.servers_present(listed, served=served)
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
        while self._digests is not None and not self._stopping and not self.is_closed():
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
            if self.shard_count is not None and len(self.shard_ids) < self.shard_count:
                # Their servers may be on the shards of another process, which adopts them when it sees them.
                log.info(
                    "DIGEST_CHANNEL_IDS: %d channel(s) not on this process's shards (%s): %s",
                    len(unseen),
                    self.shards_text(),
                    shown,
                )
            else:
                log.warning(
                    "DIGEST_CHANNEL_IDS: %d channel(s) not visible to the bot: %s", len(unseen), shown
                )
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
        """Close the shards and let their leases go (another process may take them at once); stop new slots
        and let sends in flight finish (the HTTP session is still open), then disconnect."""
        self._stopping = True
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
            digests = self._digests
            try:
                # Kept until closed: the sends in flight, which finish within the grace, render and pace
                # through it.
                await digests.stop()
            except Exception:
                log.exception("error while stopping the digests")
            try:
                await self._hand_over_shards()
            finally:
                try:
                    await digests.database.close()
                finally:
                    self._digests = None
        await super().close()

    async def _hand_over_shards(self) -> None:
        """Close this process's shards, then let their leases go: another process may take them at once."""
        coordinator = self.shards_coordinator
        if coordinator is None or coordinator.closing:
            return
        await coordinator.close()
        await self.stop_shards(list(self.shard_ids), forget=False)
        await coordinator.leave()

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("error in event %s", event_method)
