"""``DiscordStandIn``: a local Discord (REST v10 + gateway) for the real discord.py client.

See README.md in this folder for the public API and for how to point discord.py at it.
"""

# The public API takes ``timeout=`` arguments (tests read better that way than wrapped in asyncio.timeout).
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import secrets
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

from aiohttp import web

from tests.standin import payloads
from tests.standin.gateway import INVALID_SESSION, RECONNECT, Gateway, Session, Signal
from tests.standin.interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    Callback,
    Interaction,
    Resolver,
    build_command_data,
    interaction_payload,
)
from tests.standin.ratelimit import RateLimiter
from tests.standin.rest import API_PREFIX, RecordedRequest, RestApi, Violation, WebhookMessageCall
from tests.standin.world import (
    EVERYONE_DEFAULT,
    MANAGE_GUILD,
    OVERWRITE_MEMBER,
    Application,
    Channel,
    Guild,
    Member,
    Overwrite,
    Role,
    User,
    snowflakes,
)

DEFAULT_CHANNELS = ("general", "news", "digests")
T = TypeVar("T")


class DiscordStandIn:
    """A Discord stand-in on 127.0.0.1 (random port) for one or more bots.

    At construction it holds one default guild with text channels ``general``, ``news`` and
    ``digests``; roles ``@everyone`` and ``admin`` (Manage Server); members: the bot, its owner,
    ``alice`` (admin) and ``bob`` (no role).
    """

    def __init__(
        self,
        latency: tuple[float, float] = (0.0, 0.0),
        enforce_rate_limits: bool = True,
        global_limit: int = 50,
        channel_limit: tuple[int, float] = (5, 5.0),
        validate: bool = True,
        *,
        heartbeat_interval_ms: int = 41_250,
        ack_delay: float = 0.005,
        nonce_window: float = 600.0,
    ) -> None:
        self.latency = latency
        self.validate = validate
        self.nonce_window = nonce_window
        self._clock_offset = 0.0
        self._frozen_at: float | None = None
        self.limiter = RateLimiter(
            enforce=enforce_rate_limits,
            global_limit=global_limit,
            channel_limit=channel_limit,
            clock=self.clock,
        )

        # What tests read.
        self.counters: Counter[str] = Counter()
        self.requests: list[RecordedRequest] = []
        self.violations: list[Violation] = []
        self.callbacks: list[Callback] = []
        self.followups: list[WebhookMessageCall] = []
        self.original_edits: list[WebhookMessageCall] = []
        self.messages: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
        self.command_syncs: list[tuple[int | None, list[dict[str, Any]]]] = []
        self.interactions: dict[int, Interaction] = {}

        # Discord's state.
        self.users: dict[int, User] = {}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.message_index: dict[int, dict[str, Any]] = {}
        self.nonces: dict[tuple[int, str], tuple[dict[str, Any], float]] = {}
        self.interactions_by_token: dict[str, Interaction] = {}
        self.channel_failures: dict[int, tuple[int, int, str]] = {}
        self.store_then_fail_pending: dict[int, list[int]] = {}

        self.owner = self._new_user("owner")
        self.alice = self._new_user("alice")
        self.bob = self._new_user("bob")
        self.default_app = self._new_application("Briefbot Stand-in", token=None)
        self.applications: list[Application] = [self.default_app]

        self.changed = Signal()  # notified after every request and every gateway change
        self.gateway = Gateway(
            self, self.changed, heartbeat_interval_ms=heartbeat_interval_ms, ack_delay=ack_delay
        )
        self.rest = RestApi(self)
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self.guild_id = self.add_guild("Stand-in Guild")

    # ----- lifecycle ----------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/resume", self.gateway.handle)
        app.router.add_route("*", "/{tail:.*}", self.rest.handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> DiscordStandIn:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port()}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port()}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port()}/resume"

    def _port(self) -> int:
        if self.port is None:
            raise RuntimeError("start() the stand-in first")
        return self.port

    # ----- time ---------------------------------------------------------------------------------

    def clock(self) -> float:
        """Stand-in time in seconds (monotonic unless frozen, moved on by ``advance_clock``)."""
        now = time.monotonic() if self._frozen_at is None else self._frozen_at
        return now + self._clock_offset

    def freeze_clock(self) -> None:
        """Stops stand-in time (until ``unfreeze_clock``): rate-limit windows become deterministic."""
        self._frozen_at = time.monotonic()

    def unfreeze_clock(self) -> None:
        if self._frozen_at is not None:
            self._clock_offset -= time.monotonic() - self._frozen_at
            self._frozen_at = None

    def advance_clock(self, seconds: float) -> None:
        """Moves stand-in time on: nonce windows, interaction deadlines and rate-limit windows."""
        self._clock_offset += seconds

    # ----- world building -----------------------------------------------------------------------

    @property
    def application_id(self) -> int:
        return self.default_app.id

    @property
    def bot_user(self) -> dict[str, Any]:
        return payloads.user(self.default_app.bot)

    def _new_user(self, username: str, *, bot: bool = False) -> User:
        user = User(
            id=snowflakes.next(), username=username, bot=bot, global_name=None if bot else username.title()
        )
        self.users[user.id] = user
        return user

    def _new_application(self, name: str, *, token: str | None) -> Application:
        bot = self._new_user(name.lower().replace(" ", "-"), bot=True)
        return Application(id=bot.id, name=name, bot=bot, token=token)

    def register_bot(self, token: str, name: str = "Bare Bot") -> Application:
        """A second application answering to ``token``, a member of every guild (e.g. a baseline bot)."""
        app = self._new_application(name, token=token)
        self.applications.append(app)
        for guild in self.guilds.values():
            guild.members[app.bot.id] = Member(app.bot, [], payloads.iso_now())
        return app

    def application_for_token(self, token: str) -> Application:
        for app in self.applications:
            if app.token == token:
                return app
        return self.default_app

    def add_user(self, username: str, *, guild_id: int | None = None, roles: tuple[int, ...] = ()) -> int:
        """A human user, member of the given (default) guild with the given role ids."""
        user = self._new_user(username)
        guild = self.guild(guild_id or self.guild_id)
        guild.members[user.id] = Member(user, list(roles), payloads.iso_now())
        return user.id

    def add_guild(self, name: str = "Another Guild", *, channels: tuple[str, ...] = DEFAULT_CHANNELS) -> int:
        """A guild like the default one; connected sessions get GUILD_CREATE for it."""
        guild_id = snowflakes.next()
        guild = Guild(id=guild_id, name=name, owner_id=self.owner.id)
        guild.roles[guild_id] = Role(id=guild_id, name="@everyone", permissions=EVERYONE_DEFAULT, position=0)
        admin = Role(
            id=snowflakes.next(), name="admin", permissions=EVERYONE_DEFAULT | MANAGE_GUILD, position=1
        )
        guild.roles[admin.id] = admin
        joined = payloads.iso_now()
        for user, roles in ((self.owner, []), (self.alice, [admin.id]), (self.bob, [])):
            guild.members[user.id] = Member(user, roles, joined)
        for app in self.applications:
            guild.members[app.bot.id] = Member(app.bot, [], joined)
        self.guilds[guild_id] = guild
        for position, channel_name in enumerate(channels):
            self._new_channel(guild, channel_name, position=position)
        for app in self.applications:
            session = self.gateway.current_session(app)
            if session is not None:
                session.dispatch("GUILD_CREATE", self.gateway.guild_create(session, guild))
        return guild_id

    def guild(self, guild_id: int | None = None) -> Guild:
        return self.guilds[guild_id or self.guild_id]

    def guilds_of(self, app: Application) -> list[Guild]:
        return [g for g in self.guilds.values() if app.bot.id in g.members]

    def role_id(self, name: str, *, guild_id: int | None = None) -> int:
        return next(r.id for r in self.guild(guild_id).roles.values() if r.name == name)

    def channel_id(self, name: str, *, guild_id: int | None = None) -> int:
        return next(c.id for c in self.guild(guild_id).channels.values() if c.name == name)

    def _new_channel(
        self, guild: Guild, name: str, *, position: int, in_guild_create: bool = True
    ) -> Channel:
        channel = Channel(
            id=snowflakes.next(),
            guild_id=guild.id,
            name=name,
            position=position,
            in_guild_create=in_guild_create,
        )
        guild.channels[channel.id] = channel
        self.channels[channel.id] = channel
        return channel

    def add_text_channel(self, name: str, *, guild_id: int | None = None, deny_bot: int = 0) -> int:
        """A text channel; ``deny_bot`` permission bits are denied to every bot by member overwrites.

        Connected sessions get CHANNEL_CREATE, so ``channel.permissions_for(guild.me)`` sees the deny.
        """
        guild = self.guild(guild_id)
        channel = self._new_channel(guild, name, position=len(guild.channels))
        if deny_bot:
            for app in self.applications:
                channel.overwrites.append(Overwrite(id=app.bot.id, type=OVERWRITE_MEMBER, deny=deny_bot))
        for app in self.applications:
            session = self.gateway.current_session(app)
            if session is not None and app.bot.id in guild.members:
                session.dispatch("CHANNEL_CREATE", payloads.channel(channel))
        return channel.id

    def register_channels(self, n: int, *, guild_id: int | None = None) -> list[int]:
        """``n`` channels REST accepts, left out of GUILD_CREATE (cheap enough for thousands)."""
        guild = self.guild(guild_id)
        start = len(guild.channels)
        return [
            self._new_channel(guild, f"bulk-{i}", position=start + i, in_guild_create=False).id
            for i in range(n)
        ]

    # ----- recording ----------------------------------------------------------------------------

    def violation(self, kind: str, detail: str, method: str = "", path: str = "") -> None:
        self.violations.append(Violation(kind, detail, method, path))

    def synced_commands(
        self, guild_id: int | None = None, *, app: Application | None = None
    ) -> list[dict[str, Any]]:
        """The command list last bulk-overwritten (globally, or for ``guild_id``)."""
        app = app or self.default_app
        if guild_id is None:
            return app.global_commands
        return app.guild_commands.get(guild_id, [])

    async def wait_for(self, predicate: Callable[[], T | None], timeout: float = 5.0) -> T:
        """Waits until ``predicate()`` is truthy (re-checked after each request and gateway change)."""
        result: T = await self.changed.wait_for(predicate, timeout)
        return result

    def message_counts(self) -> dict[int, int]:
        return {channel_id: len(messages) for channel_id, messages in self.messages.items() if messages}

    # ----- failure injection ------------------------------------------------------------------------

    def fail_channel(
        self, channel_id: int, status: int = 403, code: int = 50001, message: str | None = None
    ) -> None:
        """Every later request on the channel gets this permanent error (Discord's JSON body)."""
        default = {50001: "Missing Access", 50013: "Missing Permissions", 10003: "Unknown Channel"}
        self.channel_failures[channel_id] = (status, code, message or default.get(code, "Invalid Form Body"))

    def clear_failure(self, channel_id: int) -> None:
        self.channel_failures.pop(channel_id, None)

    def store_then_fail(self, channel_id: int, times: int = 1, status: int = 500) -> None:
        """The next ``times`` message creates in the channel are stored (nonce too), then answered ``status``."""
        self.store_then_fail_pending[channel_id] = [times, status]

    # ----- gateway control ------------------------------------------------------------------------

    @property
    def handshake_count(self) -> int:
        """IDENTIFYs and RESUMEs completed so far (pass to ``wait_until_identified(since=...)``)."""
        return len(self.gateway.handshakes)

    async def wait_until_identified(
        self, timeout: float = 5.0, *, since: int | None = None, app: Application | None = None
    ) -> Session:
        """Waits for a connected session (of ``app``) that IDENTIFYed or RESUMEd after handshake ``since``."""
        app = app or self.default_app

        def ready() -> Session | None:
            if since is not None and self.handshake_count <= since:
                return None
            return self.gateway.live_session(app)

        session: Session = await self.changed.wait_for(ready, timeout)
        return session

    def _session(self, app: Application | None, *, connected: bool = True) -> Session:
        """The app's current session; with ``connected=False`` one between connections will do
        (its events are kept and replayed on RESUME)."""
        app = app or self.default_app
        session = self.gateway.live_session(app) if connected else self.gateway.current_session(app)
        if session is None:
            raise RuntimeError("no bot is connected to the stand-in's gateway")
        return session

    async def send_reconnect(self, *, app: Application | None = None, timeout: float = 5.0) -> Session:
        """Sends RECONNECT (op 7) and waits until the client has RESUMEd."""
        since = self.handshake_count
        self.gateway.send_op(self._session(app), RECONNECT, None)
        return await self.wait_until_identified(timeout, since=since, app=app)

    async def send_invalid_session(
        self, resumable: bool, *, app: Application | None = None, timeout: float = 10.0
    ) -> Session:
        """Sends INVALID_SESSION; waits for the RESUME (``resumable``) or the fresh IDENTIFY.

        discord.py sleeps 5 s in ``before_identify_hook`` before re-identifying: patch it in tests.
        """
        session = self._session(app)
        since = self.handshake_count
        if not resumable:
            session.invalidated = True
        self.gateway.send_op(session, INVALID_SESSION, resumable)
        return await self.wait_until_identified(timeout, since=since, app=app)

    async def drop_connection(
        self,
        *,
        code: int | None = None,
        wait: bool = True,
        app: Application | None = None,
        timeout: float = 5.0,
    ) -> Session:
        """Ends the connection (TCP abort, or a close frame with ``code``); with ``wait``, waits for the RESUME.

        Events dispatched meanwhile are kept and replayed when the client resumes.
        """
        session = self._session(app)
        since = self.handshake_count
        connection = session.connection
        assert connection is not None
        session.connection = None
        if code is None:
            connection.abort()
        else:
            await connection.ws.close(code=code, message=b"Stand-in closed the connection.")
        if not wait:
            return session
        return await self.wait_until_identified(timeout, since=since, app=app)

    def dispatch_message_create(self, channel: Channel, message: dict[str, Any]) -> None:
        if not channel.in_guild_create:
            return
        guild = self.guilds[channel.guild_id]
        author = guild.members.get(int(message["author"]["id"]))
        event = {**message, "guild_id": str(guild.id)}
        if author is not None:
            event["member"] = payloads.member(author, with_user=False)
        for app in self.applications:
            session = self.gateway.current_session(app)
            if (
                session is not None
                and app.bot.id in guild.members
                and self.gateway.wants_message_events(session)
            ):
                session.dispatch("MESSAGE_CREATE", event)

    # ----- interactions ---------------------------------------------------------------------------

    def _user(self, user: str | int | User) -> User:
        if isinstance(user, User):
            return user
        for candidate in self.users.values():
            if str(user) in (candidate.username, str(candidate.id)):
                return candidate
        raise LookupError(f"no user {user!r}")

    def _find_command(self, app: Application, name: str, guild_id: int | None) -> dict[str, Any]:
        candidates = (app.guild_commands.get(guild_id, []) if guild_id else []) + app.global_commands
        for command in candidates:
            if command["name"] == name and command.get("type", 1) == 1:
                return command
        raise LookupError(f"/{name} was not synced (synced: {[c['name'] for c in candidates]})")

    def _dispatch_interaction(
        self,
        *,
        kind: int,
        app: Application,
        data: dict[str, Any],
        invoker: User,
        guild: Guild | None,
        channel: Channel | None,
        message: dict[str, Any] | None = None,
    ) -> Interaction:
        session = self._session(app, connected=False)
        interaction_id = snowflakes.next()
        token = "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(48)
        payload = interaction_payload(
            interaction_id=interaction_id,
            token=token,
            kind=kind,
            app=app,
            data=data,
            invoker=invoker,
            guild=guild,
            channel=channel,
            dm_channel_id=snowflakes.next() if guild is None else None,
            message=message,
        )
        interaction = Interaction(
            id=interaction_id,
            token=token,
            type=kind,
            app=app,
            payload=payload,
            user=invoker,
            guild_id=guild.id if guild else None,
            channel_id=int(payload["channel_id"]),
            created_at=self.clock(),
            source_message=message,
        )
        self.interactions[interaction_id] = interaction
        self.interactions_by_token[token] = interaction
        session.dispatch("INTERACTION_CREATE", payload)
        return interaction

    def _context(
        self, user: str | int | User, channel_id: int | None, guild: bool, guild_id: int | None
    ) -> tuple[User, Guild | None, Channel | None]:
        invoker = self._user(user)
        if not guild:
            return invoker, None, None
        g = self.guild(guild_id)
        channel = self.channels[channel_id] if channel_id else next(iter(g.channels.values()))
        return invoker, g, channel

    async def invoke_command(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user: str | int | User = "bob",
        channel_id: int | None = None,
        guild: bool = True,
        guild_id: int | None = None,
        app: Application | None = None,
    ) -> Interaction:
        """Sends an APPLICATION_COMMAND interaction for ``name`` (``"digest subscribe"`` for sub-commands).

        Options are typed by the synced schema; users, channels and roles may be given by name or id.
        """
        return self._command_interaction(
            APPLICATION_COMMAND, name, options, None, user, channel_id, guild, guild_id, app
        )

    async def autocomplete(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        focused: str,
        user: str | int | User = "bob",
        channel_id: int | None = None,
        guild: bool = True,
        guild_id: int | None = None,
        app: Application | None = None,
    ) -> Interaction:
        """Sends an AUTOCOMPLETE interaction; ``focused`` names the option being typed."""
        return self._command_interaction(
            AUTOCOMPLETE, name, options, focused, user, channel_id, guild, guild_id, app
        )

    def _command_interaction(
        self,
        kind: int,
        name: str,
        options: dict[str, Any] | None,
        focused: str | None,
        user: str | int | User,
        channel_id: int | None,
        guild: bool,
        guild_id: int | None,
        app: Application | None,
    ) -> Interaction:
        app = app or self.default_app
        invoker, g, channel = self._context(user, channel_id, guild, guild_id)
        command_name, *path = name.split()
        command = self._find_command(app, command_name, g.id if g else None)
        resolver = Resolver(g, self.users, invoker)
        data = build_command_data(command, path, options or {}, resolver, focused=focused)
        return self._dispatch_interaction(
            kind=kind, app=app, data=data, invoker=invoker, guild=g, channel=channel
        )

    async def press_button(
        self,
        target: Interaction | dict[str, Any],
        custom_id: str,
        *,
        user: str | int | User = "bob",
        component_type: int = 2,
        values: list[str] | None = None,
        app: Application | None = None,
    ) -> Interaction:
        """Sends a MESSAGE_COMPONENT interaction for a message the bot sent.

        ``target`` is a channel message dict (from ``messages``), a followup message dict, or an
        ``Interaction`` whose response message was clicked. Use ``component_type=3`` and ``values`` for
        a string select.
        """
        message = target.original if isinstance(target, Interaction) else target
        if message is None:
            raise LookupError("that interaction has no response message to click")
        app = app or self.default_app
        invoker = self._user(user)
        channel = self.channels.get(int(message["channel_id"]))
        g = self.guilds[channel.guild_id] if channel is not None else None
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        return self._dispatch_interaction(
            kind=MESSAGE_COMPONENT,
            app=app,
            data=data,
            invoker=invoker,
            guild=g,
            channel=channel,
            message=message,
        )

    async def wait_for_callback(self, interaction: int | Interaction, timeout: float = 5.0) -> Callback:
        """The callback the bot POSTed for the interaction (waits for it)."""
        record = interaction if isinstance(interaction, Interaction) else self.interactions[interaction]
        async with asyncio.timeout(timeout):
            await record.answered.wait()
        assert record.callback is not None
        return record.callback
