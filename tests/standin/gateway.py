"""The gateway: a websocket speaking Discord's v10 protocol in plain JSON text frames.

Sessions outlive connections, as on Discord: a client that lost its connection (RECONNECT, a drop,
INVALID_SESSION with ``d: true``) RESUMEs on ``resume_gateway_url`` and gets the events it missed
replayed, then RESUMED. Several clients may be connected at once; each IDENTIFY makes a new session
for the application its token belongs to.

Shards, as Discord documents them: an IDENTIFY with ``shard: [shard_id, num_shards]`` makes a session
for the guilds with ``(guild_id >> 22) % num_shards == shard_id`` only: READY lists those, GUILD_CREATE
and every guild event (interactions included) go to that shard's session; direct messages to shard 0. A
``shard`` that is not two integers with ``0 <= shard_id < num_shards`` is closed with 4010 (Invalid shard).
Each IDENTIFY is recorded (``identifies``) with its time and its rate-limit key
``shard_id % max_concurrency``; with ``enforce_identify_concurrency``, a second IDENTIFY of one
application under one key within 5 s is an ``identify`` violation (Discord: "max_concurrency ... the number
of shards that can IDENTIFY per 5 seconds").
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from tests.standin import payloads
from tests.standin.world import Application, Guild

if TYPE_CHECKING:
    from tests.standin.server import DiscordStandIn

_log = logging.getLogger(__name__)

# Opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes).
DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE_UPDATE, VOICE_STATE_UPDATE = 0, 1, 2, 3, 4
RESUME, RECONNECT, REQUEST_GUILD_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 6, 7, 8, 9, 10, 11

GUILDS_INTENT = 1 << 0
GUILD_MEMBERS_INTENT = 1 << 1
GUILD_MESSAGES_INTENT = 1 << 9
REPLAY_BUFFER = 5000  # events kept per session for RESUME; an older seq gets INVALID_SESSION
IDENTIFY_WINDOW = 5.0  # seconds: one IDENTIFY per max_concurrency key in each


def shard_of(guild_id: int, num_shards: int) -> int:
    """The shard that gets a guild's events: ``(guild_id >> 22) % num_shards``, Discord's formula."""
    return (guild_id >> 22) % num_shards


def parse_shard(value: Any) -> tuple[int, int] | None:
    """``[shard_id, num_shards]`` as IDENTIFY sends it; None when it is not a valid pair."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    shard_id, count = value
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return None
    return (shard_id, count) if 0 <= shard_id < count else None


class Connection:
    """One websocket; ``path`` tells whether the client came to /gateway or to /resume.

    Frames go out through a queue drained by one writer task, so anything may ``send`` without
    awaiting and frames keep the order they were sent in.
    """

    def __init__(self, ws: web.WebSocketResponse, path: str, request: web.Request) -> None:
        self.ws = ws
        self.path = path
        self.request = request
        self._outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._writer = asyncio.ensure_future(self._write())

    def send(self, payload: dict[str, Any]) -> None:
        self._outbox.put_nowait(payload)

    async def _write(self) -> None:
        while True:
            payload = await self._outbox.get()
            if self.ws.closed:
                continue
            try:
                await self.ws.send_str(json.dumps(payload))
            except (ConnectionError, RuntimeError):
                _log.debug("send on a closing gateway connection dropped")

    def abort(self) -> None:
        """Drops the TCP connection without a close frame, as a network failure would."""
        transport = self.request.transport
        if transport is not None:
            transport.abort()

    def stop(self) -> None:
        self._writer.cancel()


@dataclass
class Session:
    id: str
    app: Application
    intents: int
    identify: dict[str, Any]
    seq: int = 0
    events: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=REPLAY_BUFFER))
    connection: Connection | None = None
    invalidated: bool = False
    shard: tuple[int, int] | None = None  # (shard_id, num_shards); None: unsharded, every guild

    def covers(self, guild_id: int | None) -> bool:
        """Whether this session gets the events of ``guild_id`` (None: not a guild's, e.g. a DM: shard 0)."""
        if self.shard is None:
            return True
        shard_id, count = self.shard
        return shard_id == (0 if guild_id is None else shard_of(guild_id, count))

    def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Sends (or, while disconnected, keeps for RESUME) one DISPATCH."""
        self.seq += 1
        payload = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
        self.events.append(payload)
        if self.connection is not None:
            self.connection.send(payload)


@dataclass(frozen=True)
class Identify:
    """One IDENTIFY: when (stand-in clock), by which application, for which shard (None: unsharded), on
    which of the stand-in's ports (`listen_again`: whose it was) and as which session."""

    time: float
    app: Application
    shard: tuple[int, int] | None
    port: int = 0
    session_id: str = ""


def local_port(request: web.Request) -> int:
    """The stand-in's port the request came in on (0 when the connection is already gone)."""
    transport = request.transport
    sockname = transport.get_extra_info("sockname") if transport is not None else None
    return int(sockname[1]) if sockname else 0


@dataclass(frozen=True)
class Handshake:
    kind: str  # "identify" or "resume"
    session_id: str
    path: str
    seq: int  # for a resume: the seq the client said it had


class Signal:
    """Wakes waiters whenever gateway state changes; they re-check their predicate."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_for(self, predicate: Callable[[], Any], timeout: float) -> Any:  # noqa: ASYNC109
        async with asyncio.timeout(timeout):
            while not (result := predicate()):
                await self._event.wait()
            return result


class Gateway:
    def __init__(
        self, standin: DiscordStandIn, changed: Signal, *, heartbeat_interval_ms: int, ack_delay: float
    ) -> None:
        self._standin = standin
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.ack_delay = ack_delay
        self.sessions: dict[str, Session] = {}
        self.handshakes: list[Handshake] = []
        self.connections: list[Connection] = []
        self.received: list[dict[str, Any]] = []  # every frame clients sent, heartbeats excepted
        self.changed = changed
        self._closing: set[asyncio.Future[bool]] = set()
        self.identifies: list[Identify] = []
        # IDENTIFYs of a shard that already had a live session of the same application (two live sessions of
        # one shard: each guild's events go to both, so two processes would answer each command twice).
        self.shard_overlaps: list[tuple[tuple[int, int] | None, str]] = []
        self.max_concurrency = 1  # GET /gateway/bot's session_start_limit.max_concurrency
        self.enforce_identify_concurrency = False

    # ----- the websocket endpoint -------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0, timeout=2.0)
        ws.headers["Date"] = self._standin.http_date()  # the handshake's answer, by Discord's clock too
        await ws.prepare(request)
        conn = Connection(ws, request.path, request)
        self.connections.append(conn)
        session: Session | None = None
        conn.send(
            {"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}, "s": None, "t": None}
        )
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    self._standin.violation("gateway", f"non-text frame {msg.type!r}")
                    await ws.close(code=4002, message=b"Error while decoding payload.")
                    break
                frame = json.loads(msg.data)
                op = frame.get("op")
                if op != HEARTBEAT:
                    self.received.append(frame)
                if op == HEARTBEAT:
                    self._ack_later(conn)
                elif op == IDENTIFY:
                    if session is not None:
                        await ws.close(code=4005, message=b"Already authenticated.")
                        break
                    data = frame.get("d") or {}
                    if "shard" in data and parse_shard(data["shard"]) is None:
                        self._standin.violation(
                            "gateway", f"IDENTIFY with an invalid shard {data['shard']!r}"
                        )
                        await ws.close(code=4010, message=b"Invalid shard.")
                        break
                    session = self._identify(conn, data)
                elif op == RESUME:
                    session = await self._resume(conn, frame.get("d") or {})
                elif op == REQUEST_GUILD_MEMBERS and session is not None:
                    self._members_chunk(session, frame.get("d") or {})
                elif op in (PRESENCE_UPDATE, VOICE_STATE_UPDATE, REQUEST_GUILD_MEMBERS):
                    pass
                else:
                    self._standin.violation("gateway", f"unknown opcode {op!r}")
                    await ws.close(code=4001, message=b"Unknown opcode.")
                    break
        finally:
            if session is not None and session.connection is conn:
                session.connection = None
                if ws.close_code in (1000, 1001):
                    # Discord ends a session the client closes with 1000/1001; 4000 keeps it resumable.
                    session.invalidated = True
            self.connections.remove(conn)
            conn.stop()
            self.changed.notify()
        return ws

    def _ack_later(self, conn: Connection) -> None:
        # An instant ACK makes discord.py measure latency against the previous beat (see the notes).
        ack = {"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None}
        asyncio.get_running_loop().call_later(self.ack_delay, conn.send, ack)

    def _identify(self, conn: Connection, data: dict[str, Any]) -> Session:
        app = self._standin.application_for_token(str(data.get("token", "")))
        shard = parse_shard(data["shard"]) if "shard" in data else None
        session = Session(
            id=secrets.token_hex(16),
            app=app,
            intents=int(data.get("intents") or 0),
            identify=data,
            shard=shard,
        )
        self._count_identify(app, shard, local_port(conn.request), session.id)
        if any(
            other.app is app and (other.shard or (0, 1)) == (shard or (0, 1))
            for other in self.live_sessions()
        ):
            self.shard_overlaps.append((shard, session.id))
        self.sessions[session.id] = session
        session.connection = conn
        guilds = [g for g in self._standin.guilds_of(app) if session.covers(g.id)]
        ready: dict[str, Any] = {
            "v": 10,
            "user": {**payloads.user(app.bot), "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self._standin.resume_gateway_url,
            "application": {"id": str(app.id), "flags": app.flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "_trace": ['["standin-gateway",{"micros":0}]'],
        }
        if "shard" in data:
            ready["shard"] = data["shard"]
        session.dispatch("READY", ready)
        for guild in guilds:
            if not guild.unavailable:
                session.dispatch("GUILD_CREATE", self.guild_create(session, guild))
            elif guild.unavailable_on_identify == "delete":
                # "Guilds that are unavailable due to an outage will send a Guild Delete event."
                session.dispatch("GUILD_DELETE", {"id": str(guild.id), "unavailable": True})
            elif guild.unavailable_on_identify == "create":
                # "During an outage, the guild object in scenarios 1 and 3 may be marked as unavailable."
                session.dispatch("GUILD_CREATE", {"id": str(guild.id), "unavailable": True})
        self.handshakes.append(Handshake("identify", session.id, conn.path, 0))
        self.changed.notify()
        return session

    def _count_identify(
        self, app: Application, shard: tuple[int, int] | None, port: int, session_id: str
    ) -> None:
        now = self._standin.clock()
        key = (shard[0] if shard else 0) % self.max_concurrency
        if self.enforce_identify_concurrency:
            for earlier in self.identifies:
                same_key = (
                    earlier.app is app
                    and (earlier.shard[0] if earlier.shard else 0) % (self.max_concurrency) == key
                )
                if same_key and now - earlier.time < IDENTIFY_WINDOW:
                    self._standin.violation(
                        "identify",
                        f"IDENTIFY of shard {shard} {now - earlier.time:.2f}s after shard {earlier.shard}"
                        f" under the same max_concurrency key {key}",
                    )
                    break
        self.identifies.append(Identify(now, app, shard, port, session_id))

    async def _resume(self, conn: Connection, data: dict[str, Any]) -> Session | None:
        session = self.sessions.get(str(data.get("session_id")))
        seq = data.get("seq") or 0
        token_app = self._standin.application_for_token(str(data.get("token", "")))
        oldest = session.events[0]["s"] if session and session.events else 1
        if session is None or session.invalidated or session.app is not token_app or seq + 1 < oldest:
            conn.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return None
        previous = session.connection
        session.connection = conn
        if previous is not None and previous is not conn:
            self._closing.add(
                asyncio.ensure_future(previous.ws.close(code=4000, message=b"Resumed elsewhere."))
            )
        for event in list(session.events):
            if event["s"] > seq:
                conn.send(event)
        session.dispatch("RESUMED", {"_trace": ['["standin-gateway",{"micros":0}]']})
        self.handshakes.append(Handshake("resume", session.id, conn.path, seq))
        self.changed.notify()
        return session

    def _members_chunk(self, session: Session, data: dict[str, Any]) -> None:
        guild = self._standin.guild(int(data["guild_id"]))
        members = [payloads.member(m) for m in guild.members.values()]
        chunk = {
            "guild_id": str(guild.id),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        session.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    # ----- what tests drive ------------------------------------------------------------------

    def current_session(
        self, app: Application, guild_id: int | None = None, *, direct: bool = False
    ) -> Session | None:
        """The session of ``app`` that last completed a handshake and is still valid; with ``guild_id``,
        the one of the shard that gets that guild's events, with ``direct`` shard 0's (direct messages)."""
        for handshake in reversed(self.handshakes):
            session = self.sessions[handshake.session_id]
            if session.app is not app or session.invalidated:
                continue
            if direct or guild_id is not None:
                if session.covers(guild_id):
                    return session
            else:
                return session
        return None

    def live_session(
        self, app: Application, guild_id: int | None = None, *, direct: bool = False
    ) -> Session | None:
        session = self.current_session(app, guild_id, direct=direct)
        return session if session is not None and session.connection is not None else None

    def live_sessions(self) -> list[Session]:
        """Every connected, valid session."""
        return [s for s in self.sessions.values() if not s.invalidated and s.connection is not None]

    def live_shards(self, app: Application) -> dict[int, Session]:
        """Each shard id of ``app`` with a connected, valid session (0 for an unsharded one)."""
        live: dict[int, Session] = {}
        for handshake in self.handshakes:
            session = self.sessions[handshake.session_id]
            if session.app is app and not session.invalidated and session.connection is not None:
                live[session.shard[0] if session.shard else 0] = session
        return live

    def send_op(self, session: Session, op: int, d: Any) -> Connection:
        if session.connection is None:
            raise RuntimeError("the session has no connection to send on")
        session.connection.send({"op": op, "d": d, "s": None, "t": None})
        return session.connection

    async def close_all(self) -> None:
        closing = [conn.ws.close(code=1001, message=b"Stand-in stopping.") for conn in self.connections]
        await asyncio.gather(*closing, *self._closing, return_exceptions=True)
        for conn in list(self.connections):
            conn.stop()

    def guild_create(self, session: Session, guild: Guild) -> dict[str, Any]:
        everyone = session.intents & GUILD_MEMBERS_INTENT
        me = guild.members.get(session.app.bot.id)
        return payloads.guild_create(
            guild,
            joined_at=me.joined_at if me is not None else payloads.iso(self._standin.now()),
            member_ids=None if everyone else {session.app.bot.id},
            viewer_id=session.app.bot.id,
        )

    def dispatch_to_guild(
        self, guild: Guild, event: str, data: dict[str, Any], *, intent: int = GUILDS_INTENT
    ) -> int:
        """Dispatches ``event`` to the current session of every bot in ``guild`` that asked for
        ``intent`` (0: every one). Returns how many sessions got it."""
        sent = 0
        for app in self._standin.applications:
            session = self.current_session(app, guild.id)
            if session is None or app.bot.id not in guild.members:
                continue
            if intent and not session.intents & intent:
                continue
            session.dispatch(event, data)
            sent += 1
        return sent

    def wants_message_events(self, session: Session) -> bool:
        return bool(session.intents & GUILD_MESSAGES_INTENT)
