"""``DiscordStandIn``: a local Discord (REST v10 + gateway) for the real discord.py client.

See README.md in this folder for the public API and for how to point discord.py at it.
"""

# The public API takes ``timeout=`` arguments (tests read better that way than wrapped in asyncio.timeout).
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import secrets
from collections import Counter, defaultdict, deque
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Literal, TypeVar

from aiohttp import web

from tests.standin import history, mentions, payloads
from tests.standin.clock import StandInClock
from tests.standin.gateway import (
    GUILD_MEMBERS_INTENT,
    GUILD_MESSAGES_INTENT,
    INVALID_SESSION,
    RECONNECT,
    Gateway,
    Session,
    Signal,
)
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
from tests.standin.mentions import Mentions
from tests.standin.ratelimit import RateLimiter
from tests.standin.rest import (
    API_PREFIX,
    AppliedFailure,
    DiscordError,
    Gate,
    InjectedRateLimit,
    Publish,
    RecordedRequest,
    RestApi,
    Violation,
    WebhookMessageCall,
)
from tests.standin.world import (
    EVERYONE_DEFAULT,
    GUILD_ANNOUNCEMENT,
    GUILD_FORUM,
    GUILD_TEXT,
    MANAGE_GUILD,
    OVERWRITE_MEMBER,
    OVERWRITE_ROLE,
    PUBLIC_THREAD,
    REQUIRE_TAG,
    Application,
    Channel,
    ForumTag,
    Guild,
    Member,
    Overwrite,
    Role,
    SnowflakeFactory,
    ThreadState,
    User,
    channel_permissions,
    snowflake_unix_ms,
)

DEFAULT_CHANNELS = ("general", "news", "digests")
# Routes for ``fail_after_applying``.
FORUM_POST = "POST /channels/{channel_id}/threads"
MESSAGE_THREAD = "POST /channels/{channel_id}/messages/{message_id}/threads"
CROSSPOST = "POST /channels/{channel_id}/messages/{message_id}/crosspost"
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
        now: Callable[[], dt.datetime] | None = None,
        invalid_request_limit: int = 10_000,
        invalid_request_window: float = 600.0,
        recommended_shards: int = 1,
        max_concurrency: int = 1,
        session_start_total: int = 1000,
        enforce_identify_concurrency: bool = False,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.latency = latency
        # How an answer waits out its injected latency (a test may make it move a frozen clock instead).
        self.sleep = sleep
        self.validate = validate
        self.nonce_window = nonce_window
        # Not Discord: a REST proxy in front of it (DISCORD_API_BASE_URL pointing at one) that writes its
        # own `Date` from its host's clock, when set; the gateway's handshake still comes from Discord.
        self.proxy_date: Callable[[], dt.datetime] | None = None
        self.time = StandInClock(now)
        self.snowflakes = SnowflakeFactory(lambda: round(self.time.timestamp() * 1000))
        self.limiter = RateLimiter(
            enforce=enforce_rate_limits,
            global_limit=global_limit,
            channel_limit=channel_limit,
            clock=self.clock,
            wall_clock=self.time.timestamp,
        )
        # Discord's invalid-request limit (401/403/429 per IP): past it, Cloudflare answers everything.
        self.invalid_request_limit = invalid_request_limit
        self.invalid_request_window = invalid_request_window
        self.invalid_request_times: deque[float] = deque()
        self.injected_429s: list[InjectedRateLimit] = []

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
        self.applied_failures: list[AppliedFailure] = []
        self.hanging: list[tuple[str, str]] = []  # (method, path) of requests held without an answer
        # Not Discord: once this many messages are stored, every later message create is held, before it is
        # applied, until release_hanging() (a test's way to cut a fan-out off at an exact point).
        self.hold_message_creates_after: int | None = None
        self._release = asyncio.Event()
        self.gates: list[Gate] = []  # requests held before they are applied (``hold_requests``)
        self.pings: dict[int, Mentions] = {}  # message id -> who it pinged
        self.publishes: list[Publish] = []

        self.owner = self._new_user("owner")
        self.alice = self._new_user("alice")
        self.bob = self._new_user("bob")
        self.default_app = self._new_application("Briefbot Stand-in", token=None)
        self.applications: list[Application] = [self.default_app]

        self.changed = Signal()  # notified after every request and every gateway change
        self.gateway = Gateway(
            self, self.changed, heartbeat_interval_ms=heartbeat_interval_ms, ack_delay=ack_delay
        )
        self.gateway.max_concurrency = max_concurrency
        self.gateway.enforce_identify_concurrency = enforce_identify_concurrency
        # GET /gateway/bot: the shards Discord recommends, and the IDENTIFYs left of the day's total.
        self.recommended_shards = recommended_shards
        self.session_start_total = session_start_total
        self.rest = RestApi(self)
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self.ports: list[int] = []  # every port it listens on: ``port`` first, then ``listen_again``'s
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
        self.ports = [self.port]

    async def listen_again(self) -> str:
        """Listens on one more port of 127.0.0.1 too (the same Discord) and returns its REST base URL.

        Not Discord: a way to tell clients apart. Give each process its own (DISCORD_API_BASE_URL) and the
        ``port`` of every recorded request (``requests``, a gate's ``held``) says whose it was.
        """
        assert self._runner is not None, "start() first"
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        [port] = {int(address[1]) for address in self._runner.addresses} - set(self.ports)
        self.ports.append(port)
        return f"http://127.0.0.1:{port}{API_PREFIX}"

    async def stop(self) -> None:
        for gate in self.gates:
            gate.open()
        self.release_hanging()  # or the runner's cleanup would wait for them
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
        return self.time.seconds()

    def freeze_clock(self) -> None:
        """Stops stand-in time (until ``unfreeze_clock``): rate-limit windows become deterministic.

        Discord's wall clock stops too (unless a ``now`` callable was injected)."""
        self.time.freeze()

    def unfreeze_clock(self) -> None:
        self.time.unfreeze()

    def advance_clock(self, seconds: float) -> None:
        """Moves stand-in time on: nonce windows, interaction deadlines, rate-limit windows, and
        Discord's wall clock (unless a ``now`` callable was injected)."""
        self.time.advance(seconds)

    def now(self) -> dt.datetime:
        """Discord's wall clock (aware, UTC): snowflakes, timestamps, ``Date`` headers come from it."""
        return self.time.now()

    def follow_clock(self, now: Callable[[], dt.datetime]) -> None:
        """Discord's clock reads ``now()`` from here on, e.g. a test's fake clock, so that the bot's clock and
        Discord's agree. Ids made before keep their (earlier or later) instants; new ids carry the new clock's
        instants, as on Discord, where a message's id says when it was made (the bot reads Discord's time from
        its own new messages), and never go back from there."""
        self.time.follow(now)
        self.snowflakes.rebase()

    @property
    def clock_injected(self) -> bool:
        """Whether Discord's clock follows a callable (``now=`` or ``follow_clock``)."""
        return self.time.injected

    def set_now(self, when: dt.datetime) -> None:
        """Discord's clock reads ``when`` from now on (it runs on from there)."""
        self.time.set_now(when)

    def shift_now(self, seconds: float) -> None:
        """Moves Discord's wall clock only (rate-limit and nonce windows keep their time)."""
        self.time.shift_now(seconds)

    def http_date(self, offset: float = 0.0) -> str:
        """Discord's time plus ``offset`` seconds as an HTTP date (``Date``, ``Retry-After``)."""
        return self.time.http_date(offset)

    def snowflake(self, at: dt.datetime | None = None) -> int:
        """A fresh snowflake for ``at`` (default: Discord's now)."""
        if at is None:
            return self.snowflakes.next()
        return self.snowflakes.at(round(at.timestamp() * 1000))

    # ----- world building -----------------------------------------------------------------------

    @property
    def application_id(self) -> int:
        return self.default_app.id

    @property
    def bot_user(self) -> dict[str, Any]:
        return payloads.user(self.default_app.bot)

    def _new_user(self, username: str, *, bot: bool = False) -> User:
        user = User(
            id=self.snowflakes.next(),
            username=username,
            bot=bot,
            global_name=None if bot else username.title(),
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
            guild.members[app.bot.id] = Member(app.bot, [], payloads.iso(self.now()))
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
        guild.members[user.id] = Member(user, list(roles), payloads.iso(self.now()))
        return user.id

    def add_guild(self, name: str = "Another Guild", *, channels: tuple[str, ...] = DEFAULT_CHANNELS) -> int:
        """A guild like the default one; connected sessions get GUILD_CREATE for it."""
        guild_id = self.snowflakes.next()
        guild = Guild(id=guild_id, name=name, owner_id=self.owner.id)
        guild.roles[guild_id] = Role(id=guild_id, name="@everyone", permissions=EVERYONE_DEFAULT, position=0)
        admin = Role(
            id=self.snowflakes.next(), name="admin", permissions=EVERYONE_DEFAULT | MANAGE_GUILD, position=1
        )
        guild.roles[admin.id] = admin
        joined = payloads.iso(self.now())
        for user, roles in ((self.owner, []), (self.alice, [admin.id]), (self.bob, [])):
            guild.members[user.id] = Member(user, roles, joined)
        for app in self.applications:
            guild.members[app.bot.id] = Member(app.bot, [], joined)
        self.guilds[guild_id] = guild
        for position, channel_name in enumerate(channels):
            self._new_channel(guild, channel_name, position=position)
        for app in self.applications:
            session = self.gateway.current_session(app, guild_id)
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
            id=self.snowflakes.next(),
            guild_id=guild.id,
            name=name,
            position=position,
            in_guild_create=in_guild_create,
        )
        guild.channels[channel.id] = channel
        self.channels[channel.id] = channel
        return channel

    def add_channel(
        self,
        name: str,
        *,
        type: int = GUILD_TEXT,
        guild_id: int | None = None,
        deny_bot: int = 0,
        tags: Iterable[str] = (),
        require_tag: bool = False,
        default_auto_archive_duration: int = 1440,
    ) -> int:
        """A guild channel of ``type``: text (0), announcement (5) or forum (15, with ``tags`` as its
        available tags and ``require_tag`` for the REQUIRE_TAG flag); ``deny_bot`` permission bits are
        denied to every bot by member overwrites.

        Connected sessions get CHANNEL_CREATE, so ``channel.permissions_for(guild.me)`` sees the deny.
        """
        if type not in (GUILD_TEXT, GUILD_ANNOUNCEMENT, GUILD_FORUM):
            raise ValueError(
                f"add_channel makes text (0), announcement (5) or forum (15) channels, not {type}"
            )
        guild = self.guild(guild_id)
        channel = self._new_channel(guild, name, position=len(guild.channels))
        channel.type = type
        channel.default_auto_archive_duration = default_auto_archive_duration
        if type == GUILD_FORUM:
            channel.available_tags = [ForumTag(id=self.snowflakes.next(), name=tag) for tag in tags]
            channel.flags = REQUIRE_TAG if require_tag else 0
        elif tags or require_tag:
            raise ValueError("only forum channels have tags")
        if deny_bot:
            for app in self.applications:
                channel.overwrites.append(Overwrite(id=app.bot.id, type=OVERWRITE_MEMBER, deny=deny_bot))
        for app in self.applications:
            session = self.gateway.current_session(app, guild.id)
            if session is not None and app.bot.id in guild.members:
                session.dispatch("CHANNEL_CREATE", payloads.channel(channel))
        return channel.id

    def add_text_channel(self, name: str, *, guild_id: int | None = None, deny_bot: int = 0) -> int:
        """A text channel (``add_channel`` with type 0)."""
        return self.add_channel(name, guild_id=guild_id, deny_bot=deny_bot)

    def add_announcement_channel(self, name: str, *, guild_id: int | None = None, deny_bot: int = 0) -> int:
        """An announcement channel (type 5): its messages can be published (crossposted)."""
        return self.add_channel(name, type=GUILD_ANNOUNCEMENT, guild_id=guild_id, deny_bot=deny_bot)

    def add_forum_channel(
        self,
        name: str,
        *,
        tags: Iterable[str] = (),
        require_tag: bool = False,
        guild_id: int | None = None,
        deny_bot: int = 0,
    ) -> int:
        """A forum channel (type 15): it holds only threads (posts), made by ``POST .../threads``."""
        return self.add_channel(
            name, type=GUILD_FORUM, tags=tags, require_tag=require_tag, guild_id=guild_id, deny_bot=deny_bot
        )

    def forum_tag_id(self, forum_id: int, name: str) -> int:
        return next(t.id for t in self.channels[forum_id].available_tags if t.name == name)

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

    def inject_429(
        self,
        times: int = 1,
        *,
        retry_after: str | None = "",
        cloudflare: bool = True,
        proxy: bool = False,
        retry_after_seconds: float = 1.0,
        scope: str = "user",
        method: str | None = None,
        route: str | None = None,
        channel_id: int | None = None,
    ) -> InjectedRateLimit:
        """The next ``times`` matching requests get a 429 whose ``Retry-After`` header is ``retry_after``
        as given (``""``, an HTTP date such as ``standin.http_date(30)``, ``"5"``; None: no header).

        ``cloudflare=True``: Cloudflare's answer (no ``Via``, a text body): discord.py raises it at once.
        ``cloudflare=False``: Discord's own JSON 429 (``retry_after_seconds``, ``scope``), which
        discord.py sleeps out and retries. ``proxy=True``: a REST proxy's own 429 (its queue, not
        Discord's): Discord's JSON body (``retry_after_seconds``) and ``Retry-After``, but no ``Via``, and
        not counted as Discord's invalid request; discord.py raises it as it does Cloudflare's. Matching:
        ``method``, ``route`` (an OpenAPI template) and ``channel_id``, each None for any.
        """
        injected = InjectedRateLimit(
            remaining=times,
            retry_after_header=retry_after,
            cloudflare=cloudflare,
            proxy=proxy,
            retry_after=retry_after_seconds,
            scope=scope,
            method=method,
            route=route,
            channel_id=channel_id,
        )
        self.injected_429s.append(injected)
        return injected

    def invalid_requests(self) -> int:
        """401/403/429 answers (Discord's, not Cloudflare's) within the last ``invalid_request_window``
        stand-in seconds; at ``invalid_request_limit`` the IP is banned."""
        horizon = self.clock() - self.invalid_request_window
        return sum(1 for t in self.invalid_request_times if t > horizon)

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

    def _session(
        self,
        app: Application | None,
        *,
        connected: bool = True,
        guild_id: int | None = None,
        direct: bool = False,
    ) -> Session:
        """The app's current session (with ``guild_id``: of the shard that gets that guild's events; for a
        DM, shard 0's); with ``connected=False`` one between connections will do (its events are kept and
        replayed on RESUME)."""
        app = app or self.default_app
        if connected:
            session = self.gateway.live_session(app, guild_id, direct=direct)
        else:
            session = self.gateway.current_session(app, guild_id, direct=direct)
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
            session = self.gateway.current_session(app, guild.id)
            if (
                session is not None
                and app.bot.id in guild.members
                and self.gateway.wants_message_events(session)
            ):
                session.dispatch("MESSAGE_CREATE", event)

    # ----- channel messages and history -------------------------------------------------------------

    def store_message(self, channel: Channel, message: dict[str, Any]) -> None:
        """Keeps a channel message (in id order, as history pages it). In a thread it counts as
        activity (a forum post's first message, whose id is the thread's, does not count in
        ``message_count``), and a message in an archived, unlocked thread unarchives it, as on Discord."""
        message_id = int(message["id"])
        history.insert(self.messages[channel.id], message)
        self.message_index[message_id] = message
        channel.last_message_id = max(channel.last_message_id or 0, message_id)
        state = channel.thread
        if state is None:
            return
        if message_id != channel.id:
            state.message_count += 1
            state.total_message_sent += 1
        # The instant the id encodes (a member's message posted in the past), but never after Discord's
        # now (ids stay ahead of a clock that was set back).
        sent_ms = min(snowflake_unix_ms(message_id), round(self.now().timestamp() * 1000))
        state.last_activity_ms = max(state.last_activity_ms, sent_ms)
        if state.archived and not state.locked:
            self._set_archived(channel, archived=False)

    def remove_message(self, channel: Channel, message: dict[str, Any]) -> None:
        self.messages[channel.id].remove(message)
        del self.message_index[int(message["id"])]
        remaining = self.messages[channel.id]
        channel.last_message_id = int(remaining[-1]["id"]) if remaining else None
        if channel.thread is not None and int(message["id"]) != channel.id:
            channel.thread.message_count = max(channel.thread.message_count - 1, 0)

    def record_pings(self, channel: Channel, message: dict[str, Any], found: Mentions) -> None:
        """Writes who the message pings into it (as Discord returns it) and keeps it for ``pinged``."""
        message["mention_everyone"] = found.everyone
        message["mentions"] = [payloads.user(u) for u in found.users]
        message["mention_roles"] = [str(r) for r in found.role_ids]
        self.pings[int(message["id"])] = found

    def pinged(self, message: int | dict[str, Any]) -> Mentions:
        """Who a channel message pinged: ``everyone``, ``users``, ``role_ids`` (as Discord resolved its
        mentions) and ``notified`` (ids of the members it reached: mentioned users, holders of a pinged
        role, everyone for @everyone/@here; only members who can see the channel)."""
        message_id = message if isinstance(message, int) else int(message["id"])
        return self.pings[message_id]

    def post_message(
        self,
        channel_id: int,
        content: str = "",
        *,
        author: str | int | User = "bob",
        at: dt.datetime | None = None,
        embeds: list[dict[str, Any]] | None = None,
        components: list[dict[str, Any]] | None = None,
        dispatch: bool = True,
    ) -> dict[str, Any]:
        """A message by ``author`` (a member's name or id, or a ``User`` such as ``standin.me``)
        stored as if sent at ``at`` (default: Discord's now): its id and ``timestamp`` encode that time.

        With ``dispatch``, bots with the GUILD_MESSAGES intent get MESSAGE_CREATE (kept for RESUME).
        """
        channel = self.channels[channel_id]
        body: dict[str, Any] = {"content": content}
        if embeds:
            body["embeds"] = embeds
        if components:
            body["components"] = components
        user = self._user(author)
        message = payloads.message(
            message_id=self.snowflake(at), channel_id=channel.id, author=user, body=body
        )
        guild = self.guilds[channel.guild_id]
        permissions = channel_permissions(guild, channel, user.id)
        self.record_pings(
            channel, message, mentions.resolve(content, None, permissions, guild, channel, self.users)
        )
        self.store_message(channel, message)
        if dispatch:
            self.dispatch_message_create(channel, message)
        self.changed.notify()
        return message

    def post_messages(
        self,
        channel_id: int,
        n: int,
        *,
        author: str | int | User = "bob",
        at: dt.datetime | None = None,
        every: float = 1.0,
        content: str = "chat {i}",
        dispatch: bool = True,
    ) -> list[dict[str, Any]]:
        """``n`` messages (``content`` formatted with ``i``); with ``at``, the i-th is sent at
        ``at + i * every`` seconds, otherwise all at Discord's now (ids still increase)."""
        return [
            self.post_message(
                channel_id,
                content.format(i=i),
                author=author,
                at=None if at is None else at + dt.timedelta(seconds=every * i),
                dispatch=dispatch,
            )
            for i in range(n)
        ]

    def message_counts(self, *, author_id: int | None = None) -> dict[int, int]:
        """Messages per channel (channels with none left out); ``author_id`` counts only theirs."""
        counts = {
            channel_id: sum(1 for m in messages if author_id is None or m["author"]["id"] == str(author_id))
            for channel_id, messages in self.messages.items()
        }
        return {channel_id: n for channel_id, n in counts.items() if n}

    # ----- permissions: overwrites, roles, members (each change reaches the bots' gateways) ------------

    @property
    def me(self) -> User:
        """The default application's bot user."""
        return self.default_app.bot

    def permissions(self, channel_id: int, member: str | int | User | None = None) -> int:
        """What the stand-in enforces for ``member`` (default: the bot) in the channel."""
        channel = self.channels[channel_id]
        user = self.me if member is None else self._user(member)
        return channel_permissions(self.guilds[channel.guild_id], channel, user.id)

    def _role(self, guild: Guild, role: str | int | Role) -> Role:
        if isinstance(role, Role):
            return role
        for candidate in guild.roles.values():
            if str(role) in (candidate.name, str(candidate.id)):
                return candidate
        raise LookupError(f"no role {role!r} in guild {guild.id}")

    def set_overwrite(
        self,
        channel_id: int,
        *,
        role: str | int | Role | None = None,
        member: str | int | User | None = None,
        allow: int = 0,
        deny: int = 0,
    ) -> None:
        """Sets (allow and deny both 0: removes) the channel's overwrite for one role or one member;
        bots in the guild get CHANNEL_UPDATE with the new ``permission_overwrites``."""
        if (role is None) == (member is None):
            raise ValueError("set_overwrite takes exactly one of role= and member=")
        channel = self.channels[channel_id]
        guild = self.guilds[channel.guild_id]
        if role is not None:
            key = (OVERWRITE_ROLE, self._role(guild, role).id)
        else:
            assert member is not None
            key = (OVERWRITE_MEMBER, self._user(member).id)
        channel.overwrites = [o for o in channel.overwrites if (o.type, o.id) != key]
        if allow or deny:
            channel.overwrites.append(Overwrite(id=key[1], type=key[0], allow=allow, deny=deny))
        if channel.in_guild_create:
            self.gateway.dispatch_to_guild(guild, "CHANNEL_UPDATE", payloads.channel(channel))
        self.changed.notify()

    def add_role(
        self, name: str, permissions: int = 0, *, guild_id: int | None = None, mentionable: bool = False
    ) -> int:
        """A new role (GUILD_ROLE_CREATE to the bots); give it with ``set_member_roles``."""
        guild = self.guild(guild_id)
        role = Role(
            id=self.snowflakes.next(),
            name=name,
            permissions=permissions,
            position=len(guild.roles),
            mentionable=mentionable,
        )
        guild.roles[role.id] = role
        self.gateway.dispatch_to_guild(
            guild, "GUILD_ROLE_CREATE", {"guild_id": str(guild.id), "role": payloads.role(role)}
        )
        self.changed.notify()
        return role.id

    def update_role(
        self,
        role: str | int | Role,
        *,
        permissions: int | None = None,
        mentionable: bool | None = None,
        guild_id: int | None = None,
    ) -> None:
        """Changes a role (``"@everyone"`` included); bots get GUILD_ROLE_UPDATE."""
        guild = self.guild(guild_id)
        target = self._role(guild, role)
        if permissions is not None:
            target.permissions = permissions
        if mentionable is not None:
            target.mentionable = mentionable
        self.gateway.dispatch_to_guild(
            guild, "GUILD_ROLE_UPDATE", {"guild_id": str(guild.id), "role": payloads.role(target)}
        )
        self.changed.notify()

    def set_member_roles(
        self,
        member: str | int | User,
        roles: Iterable[str | int | Role],
        *,
        guild_id: int | None = None,
    ) -> None:
        """Replaces a member's roles. GUILD_MEMBER_UPDATE goes to the member itself when it is a bot
        (Discord sends current-user updates without the GUILD_MEMBERS intent), and to bots with that
        intent."""
        guild = self.guild(guild_id)
        user = self._user(member)
        record = guild.members[user.id]
        record.role_ids = [
            self._role(guild, role).id for role in roles if self._role(guild, role).id != guild.id
        ]
        event = {"guild_id": str(guild.id), **payloads.member(record)}
        for app in self.applications:
            session = self.gateway.current_session(app, guild.id)
            if session is None or app.bot.id not in guild.members:
                continue
            if app.bot.id == user.id or session.intents & GUILD_MEMBERS_INTENT:
                session.dispatch("GUILD_MEMBER_UPDATE", event)
        self.changed.notify()

    # ----- guilds and channels going away ----------------------------------------------------------

    def remove_bot(self, *, guild_id: int | None = None, app: Application | None = None) -> None:
        """The bot is removed from (kicked out of) the guild: GUILD_DELETE without ``unavailable``;
        later REST calls on the guild and its channels fail as on Discord (10004 / 50001)."""
        app = app or self.default_app
        guild = self.guild(guild_id)
        session = self.gateway.current_session(app, guild.id)
        del guild.members[app.bot.id]
        if session is not None:
            session.dispatch("GUILD_DELETE", {"id": str(guild.id)})
        self.changed.notify()

    def add_bot(self, *, guild_id: int | None = None, app: Application | None = None) -> None:
        """The bot is added (back) to the guild, with no roles: it gets GUILD_CREATE, as on Discord."""
        app = app or self.default_app
        guild = self.guild(guild_id)
        guild.members[app.bot.id] = Member(app.bot, [], payloads.iso(self.now()))
        session = self.gateway.current_session(app, guild.id)
        if session is not None:
            session.dispatch("GUILD_CREATE", self.gateway.guild_create(session, guild))
        self.changed.notify()

    def set_guild_unavailable(self, guild_id: int | None = None, *, on_identify: str = "delete") -> None:
        """An outage: bots get GUILD_DELETE with ``unavailable: true``. A bot that IDENTIFYs meanwhile
        sees the guild in READY and then, per ``on_identify``, a GUILD_DELETE ``{unavailable: true}``
        ("delete", as Discord documents), a GUILD_CREATE ``{unavailable: true}`` ("create") or nothing
        ("silent"). REST keeps answering."""
        if on_identify not in ("delete", "create", "silent"):
            raise ValueError(f"on_identify must be delete, create or silent, not {on_identify!r}")
        guild = self.guild(guild_id)
        guild.unavailable = True
        guild.unavailable_on_identify = on_identify
        self.gateway.dispatch_to_guild(guild, "GUILD_DELETE", {"id": str(guild.id), "unavailable": True})
        self.changed.notify()

    def set_guild_available(self, guild_id: int | None = None) -> None:
        """The outage is over: bots get the whole guild in GUILD_CREATE."""
        guild = self.guild(guild_id)
        guild.unavailable = False
        for app in self.applications:
            session = self.gateway.current_session(app, guild.id)
            if session is not None and app.bot.id in guild.members:
                session.dispatch("GUILD_CREATE", self.gateway.guild_create(session, guild))
        self.changed.notify()

    def delete_channel(self, channel_id: int) -> None:
        """The channel is deleted (CHANNEL_DELETE to the bots); REST then answers 10003 Unknown Channel."""
        channel = self.channels.pop(channel_id)
        guild = self.guilds[channel.guild_id]
        del guild.channels[channel_id]
        for thread in [c for c in guild.channels.values() if c.parent_id == channel_id]:
            self.delete_channel(thread.id)
        for message in self.messages.pop(channel_id, []):
            self.message_index.pop(int(message["id"]), None)
        if channel.thread is not None:
            event = {"id": str(channel.id), "guild_id": str(guild.id), "parent_id": str(channel.parent_id)}
            self.gateway.dispatch_to_guild(guild, "THREAD_DELETE", {**event, "type": channel.type})
        elif channel.in_guild_create:
            self.gateway.dispatch_to_guild(guild, "CHANNEL_DELETE", payloads.channel(channel))
        self.changed.notify()

    # ----- threads, forum posts and publishing ------------------------------------------------------

    def new_thread(
        self,
        parent: Channel,
        name: str,
        *,
        owner: User,
        type: int,
        thread_id: int | None = None,
        auto_archive_duration: int | None = None,
        applied_tags: Iterable[int] = (),
    ) -> Channel:
        """A thread under ``parent`` (its owner its first member); the bots get THREAD_CREATE with
        ``newly_created``. ``thread_id``: a forum post's or a starter message's id."""
        guild = self.guilds[parent.guild_id]
        now = self.now()
        created = payloads.iso(now)
        channel = Channel(
            id=thread_id if thread_id is not None else self.snowflakes.next(),
            guild_id=guild.id,
            name=name,
            type=type,
            parent_id=parent.id,
            thread=ThreadState(
                owner_id=owner.id,
                created_at=created,
                archive_timestamp=created,
                auto_archive_duration=auto_archive_duration or parent.default_auto_archive_duration,
                applied_tags=list(applied_tags),
                members={owner.id: created},
                last_activity_ms=round(now.timestamp() * 1000),
            ),
        )
        guild.channels[channel.id] = channel
        self.channels[channel.id] = channel
        if parent.type == GUILD_FORUM:
            parent.last_message_id = channel.id
        self.gateway.dispatch_to_guild(
            guild, "THREAD_CREATE", {**payloads.thread(channel), "newly_created": True}
        )
        self.changed.notify()
        return channel

    def post_in_forum(
        self,
        forum_id: int,
        name: str,
        content: str = "",
        *,
        author: str | int | User = "bob",
        embeds: list[dict[str, Any]] | None = None,
        tags: Iterable[str] = (),
    ) -> Channel:
        """A member's forum post (a thread whose first message, of the same id, is ``content``)."""
        forum = self.channels[forum_id]
        if forum.type != GUILD_FORUM:
            raise ValueError(f"channel {forum_id} is not a forum")
        user = self._user(author)
        thread = self.new_thread(
            forum,
            name,
            owner=user,
            type=PUBLIC_THREAD,
            applied_tags=[self.forum_tag_id(forum_id, tag) for tag in tags],
        )
        body: dict[str, Any] = {"content": content, "embeds": embeds or []}
        message = payloads.message(message_id=thread.id, channel_id=thread.id, author=user, body=body)
        guild = self.guilds[forum.guild_id]
        found = mentions.resolve(
            content, None, channel_permissions(guild, thread, user.id), guild, thread, self.users
        )
        self.record_pings(thread, message, found)
        self.store_message(thread, message)
        self.dispatch_message_create(thread, message)
        self.changed.notify()
        return thread

    def threads(
        self, parent_id: int, *, marker: str | None = None, archived: bool | None = None
    ) -> list[Channel]:
        """Threads (forum posts) under ``parent_id`` in id order: with ``marker``, only those whose
        name or first message (content, embeds) contains it; ``archived`` True/False filters."""
        found = []
        for channel in self.channels.values():
            if channel.parent_id != parent_id or channel.thread is None:
                continue
            if archived is not None and channel.thread.archived != archived:
                continue
            if marker is not None and not self._carries_marker(channel, marker):
                continue
            found.append(channel)
        return sorted(found, key=lambda c: c.id)

    def thread_count(self, parent_id: int, *, marker: str | None = None) -> int:
        """How many threads (forum posts) exist under ``parent_id`` (carrying ``marker``)."""
        return len(self.threads(parent_id, marker=marker))

    def _carries_marker(self, thread: Channel, marker: str) -> bool:
        if marker in thread.name:
            return True
        first = self.message_index.get(thread.id)
        return first is not None and marker in json.dumps(
            {"content": first.get("content"), "embeds": first.get("embeds")}, ensure_ascii=False
        )

    def archive_thread(self, thread_id: int, *, locked: bool = False) -> None:
        """Archives a thread now (THREAD_UPDATE to the bots), as a moderator or Discord would."""
        channel = self.channels[thread_id]
        if channel.thread is None:
            raise ValueError(f"channel {thread_id} is not a thread")
        channel.thread.locked = locked
        self._set_archived(channel, archived=True)

    def unarchive_thread(self, thread_id: int) -> None:
        channel = self.channels[thread_id]
        if channel.thread is None:
            raise ValueError(f"channel {thread_id} is not a thread")
        channel.thread.locked = False
        self._set_archived(channel, archived=False)

    def archive_inactive_threads(self) -> list[int]:
        """Archives every thread whose ``auto_archive_duration`` minutes have passed without a message
        (by Discord's clock), each at the instant it became due. The thread lists call it first."""
        now_ms = round(self.now().timestamp() * 1000)
        archived = []
        for channel in list(self.channels.values()):
            state = channel.thread
            if state is None or state.archived:
                continue
            due_ms = state.last_activity_ms + state.auto_archive_duration * 60_000
            if due_ms <= now_ms:
                when = dt.datetime.fromtimestamp(due_ms / 1000, dt.UTC)
                self._set_archived(channel, archived=True, at=when)
                archived.append(channel.id)
        return archived

    def _set_archived(self, channel: Channel, *, archived: bool, at: dt.datetime | None = None) -> None:
        state = channel.thread
        assert state is not None
        state.archived = archived
        state.archive_timestamp = payloads.iso(at or self.now())
        if not archived:
            state.last_activity_ms = max(state.last_activity_ms, round(self.now().timestamp() * 1000))
        guild = self.guilds[channel.guild_id]
        starter = self.message_index.get(channel.id)
        if starter is not None and "thread" in starter:  # a thread on a message: the message shows it
            starter["thread"] = payloads.thread(channel)
        self.gateway.dispatch_to_guild(guild, "THREAD_UPDATE", payloads.thread(channel))
        self.changed.notify()

    def dispatch_message_update(self, channel: Channel, message: dict[str, Any]) -> None:
        guild = self.guilds[channel.guild_id]
        self.gateway.dispatch_to_guild(
            guild, "MESSAGE_UPDATE", {**message, "guild_id": str(guild.id)}, intent=GUILD_MESSAGES_INTENT
        )

    def publish_as(self, member: str | int | User, message: int | dict[str, Any]) -> int:
        """A member publishes (crossposts) a message, as through Discord's client: the same rules and
        the same per-channel limit as bots. Returns the status Discord would answer (200, 400, 403, 429)."""
        record = self.message_index[message if isinstance(message, int) else int(message["id"])]
        channel = self.channels[int(record["channel_id"])]
        user = self._user(member)
        if not self.limiter.take_publish(str(channel.id)).allowed:
            return 429
        try:
            self.rest.publish(channel, record, user)
        except DiscordError as error:
            return error.status
        return 200

    # ----- faults after the request was applied ------------------------------------------------------

    def fail_after_applying(
        self,
        route: str,
        *,
        channel_id: int | None = None,
        times: int = 1,
        status: int | Literal["timeout"] = 500,
        fraction: float | None = None,
        seed: int | None = None,
    ) -> AppliedFailure:
        """The next ``times`` matching requests are applied (the post, thread or publish exists) and
        then answered ``status`` (500: Discord's JSON; 502/504: Cloudflare's page), or, with
        ``"timeout"``, not answered at all until ``release_hanging()`` (then 504).

        ``route`` is ``"METHOD template"``: ``FORUM_POST``, ``MESSAGE_THREAD``, ``CROSSPOST`` or any
        other; ``channel_id`` None matches any channel. discord.py retries 500/502/504 by itself.

        With ``fraction`` (0 to 1), each matching request fails so with that probability (a
        ``random.Random(seed)`` of its own), for as long as the stand-in runs: ``times`` is ignored."""
        method, template = route.split(" ", 1)
        failure = AppliedFailure(
            remaining=times, status=status, method=method, route=template, channel_id=channel_id
        )
        if fraction is not None:
            if not 0.0 <= fraction <= 1.0:
                raise ValueError("fraction must be between 0 and 1")
            failure.fraction = fraction
            failure.draw = random.Random(seed).random
        self.applied_failures.append(failure)
        return failure

    def release_hanging(self) -> None:
        """Answers every request held by a ``"timeout"`` failure (504), and those held later at once."""
        self._release.set()
        self._release = asyncio.Event()

    def hold_requests(self, route: str) -> Gate:
        """Requests of ``route`` (``"METHOD template"``, e.g. ``"POST /channels/{channel_id}/messages"``)
        that pass the rate limits (counted at their arrival, as ever) wait, before they are applied, until
        ``gate.open()``; ``gate.held`` lists them with their ``port`` (see ``listen_again``). Not Discord: a
        way to have several clients' sends in flight at once. ``stop()`` opens every gate."""
        method, template = route.split(" ", 1)
        gate = Gate(method, template, self.changed.notify)
        self.gates.append(gate)
        return gate

    async def hold(self, method: str, path: str) -> None:
        """Holds a request until ``release_hanging`` (used by the REST pipeline)."""
        release = self._release
        self.hanging.append((method, path))
        self.counters["hung_requests"] += 1
        self.changed.notify()
        await release.wait()

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
        session = self._session(
            app, connected=False, guild_id=guild.id if guild is not None else None, direct=guild is None
        )
        interaction_id = self.snowflakes.next()
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
            dm_channel_id=self.snowflakes.next() if guild is None else None,
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
