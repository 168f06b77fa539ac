"""REST API v10: routing, rate limits, validation, recording, and the handlers discord.py uses.

Every request goes through ``RestApi.handle`` in this order: injected latency, the invalid-request ban
(Cloudflare's 429 once 401/403/429 answers reach the limit), route match (an unknown route is a 404 and
a violation), body parse, injected 429s, rate limits (429s carry ``Via`` and Discord's JSON), OpenAPI
and limit validation (400 / 50035 and a violation), gates (``hold_requests``), injected failures, then
the handler.
Every answer carries a ``Date`` header from Discord's clock; every answer from "Discord" (not from
Cloudflare) carries the rate-limit headers and ``Via: 1.1 google``; JSON bodies are sent with
``Content-Type: application/json`` exactly (discord.py treats anything else as text).
"""

from __future__ import annotations

import asyncio
import copy
import email.utils
import json
import logging
import random
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web
from multidict import MultiMapping

from tests.standin import checks, history, mentions, openapi, payloads, threadlists
from tests.standin.gateway import local_port
from tests.standin.interactions import (
    ALLOWED_CALLBACKS,
    APPLICATION_COMMAND,
    FIRST_RESPONSE_WINDOW,
    TOKEN_LIFETIME,
    Callback,
    Interaction,
)
from tests.standin.world import (
    ANNOUNCEMENT_THREAD,
    ATTACH_FILES,
    CREATE_PRIVATE_THREADS,
    CREATE_PUBLIC_THREADS,
    EMBED_LINKS,
    GUILD_ANNOUNCEMENT,
    GUILD_FORUM,
    GUILD_TEXT,
    MANAGE_MESSAGES,
    MANAGE_THREADS,
    MESSAGE_TYPES,
    PRIVATE_THREAD,
    PUBLIC_THREAD,
    READ_MESSAGE_HISTORY,
    REQUIRE_TAG,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    VIEW_CHANNEL,
    Application,
    Channel,
    Guild,
    User,
    channel_permissions,
)

if TYPE_CHECKING:
    from tests.standin.server import DiscordStandIn

_log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
# Message flags.
CROSSPOSTED = 1 << 0
HAS_THREAD = 1 << 5
EPHEMERAL = 1 << 6
LOADING = 1 << 7
INVALID_STATUSES = (401, 403, 429)
CLOUDFLARE_BODY = "error code: 1015"  # what Cloudflare's rate-limit page boils down to
CLOUDFLARE_PAGES = {502: "502 Bad Gateway", 504: "504 Gateway Time-out"}
WRONG_CHANNEL_TYPE = (400, 50024, "Cannot execute action on this channel type")
# Routes whose answers are checked against the spec's response schemas (a departure is a ``standin``
# violation): channels and threads. Not (yet) the routes answering messages: the spec wants an ``id``
# on every component, which Discord assigns and the stand-in does not; nor the interaction callback,
# whose ``oneOf`` the stand-in's answer matches twice.
RESPONSES_CHECKED = frozenset(
    {
        "/channels/{channel_id}",
        "/gateway/bot",
        "/channels/{channel_id}/messages/{message_id}/threads",
        "/channels/{channel_id}/threads",
        "/channels/{channel_id}/threads/archived/public",
        "/guilds/{guild_id}/channels",
        "/guilds/{guild_id}/threads/active",
        "/users/@me",
        "/oauth2/applications/@me",
    }
)


class DiscordError(Exception):
    """An error answer with Discord's JSON body."""

    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.body = payloads.error(code, message, errors)


class _Answered(Exception):
    """Ends the pipeline early with this reply (the ban, an injected 429)."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def unknown(what: str, code: int) -> DiscordError:
    return DiscordError(404, code, f"Unknown {what}")


@dataclass
class RecordedRequest:
    method: str
    route: str | None  # the OpenAPI path template, e.g. "/channels/{channel_id}/messages"
    path: str
    query: dict[str, str]
    json: Any
    headers: dict[str, str]
    status: int
    time: float  # stand-in clock when the request arrived
    duration: float  # seconds spent answering, injected latency included
    port: int = 0  # the stand-in's port it came in on (``listen_again``: one per client, to tell them apart)


@dataclass(frozen=True)
class Violation:
    kind: str  # "openapi", "limit", "route", "protocol", "gateway", "query"
    detail: str
    method: str = ""
    path: str = ""


@dataclass
class WebhookMessageCall:
    """A followup (POST /webhooks/{app}/{token}) or an edit of an interaction's original message."""

    interaction_id: int
    body: Any
    message: dict[str, Any] | None
    received_at: float


@dataclass
class Ctx:
    request: web.Request
    method: str
    template: str
    params: dict[str, str]
    query: MultiMapping[str]
    body: Any
    app: Application | None
    now: float

    def int_param(self, name: str) -> int:
        value = self.params[name]
        if not value.isdigit():
            raise DiscordError(
                400, 50035, "Invalid Form Body", {name: {"_errors": [{"code": "NUMBER_TYPE_COERCE"}]}}
            )
        return int(value)

    def flag(self, name: str) -> bool:
        return self.query.get(name, "false").lower() in ("1", "true")


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    text: str | None = None  # a non-JSON body (Cloudflare's pages)
    from_cloudflare: bool = False  # no rate-limit headers, no ``Via``
    from_proxy: bool = False  # a REST proxy's own answer: no rate-limit headers, no ``Via``, not Discord's
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class InjectedRateLimit:
    """A 429 the next matching requests get (``DiscordStandIn.inject_429``)."""

    remaining: int
    retry_after_header: str | None  # the ``Retry-After`` value as sent; None: no such header
    cloudflare: bool  # True: no ``Via``, a text body (discord.py raises at once); False: Discord's JSON
    proxy: bool  # a REST proxy's own 429: Discord's JSON shape and ``Retry-After``, but no ``Via``
    retry_after: float  # the JSON body's ``retry_after`` (Discord's 429 only)
    scope: str  # X-RateLimit-Scope of Discord's 429: "user", "global" or "shared"
    method: str | None
    route: str | None  # an OpenAPI path template, e.g. "/channels/{channel_id}/messages"
    channel_id: int | None

    def matches(self, method: str, template: str, params: dict[str, str]) -> bool:
        if self.method is not None and self.method != method:
            return False
        if self.route is not None and self.route != template:
            return False
        return self.channel_id is None or params.get("channel_id") == str(self.channel_id)


@dataclass
class AppliedFailure:
    """The next matching requests are applied, then answered ``status`` (``fail_after_applying``)."""

    remaining: int
    status: int | str  # 500, 502, 504, or "timeout": held without an answer until released
    method: str
    route: str  # an OpenAPI path template
    channel_id: int | None
    # With a fraction, each matching request fails with that probability, drawn from ``draw``, and the
    # failure never runs out (``remaining`` is not counted down).
    fraction: float | None = None
    draw: Callable[[], float] = random.random

    def matches(self, method: str, template: str, params: dict[str, str]) -> bool:
        if self.method != method or self.route != template:
            return False
        return self.channel_id is None or params.get("channel_id") == str(self.channel_id)


@dataclass(frozen=True)
class HeldRequest:
    """A request a ``Gate`` holds: where it came in (``port``), what it is, when it arrived."""

    port: int
    method: str
    path: str
    time: float


class Gate:
    """Holds the requests of one route that passed the rate limits, before they are applied, until
    ``open()`` (``DiscordStandIn.hold_requests``): every client has its sends in flight at once."""

    def __init__(self, method: str, route: str, changed: Callable[[], None]) -> None:
        self.method = method
        self.route = route
        self.held: list[HeldRequest] = []
        self.is_open = False
        self._opened = asyncio.Event()
        self._changed = changed

    def matches(self, method: str, template: str) -> bool:
        return not self.is_open and method == self.method and template == self.route

    async def pass_through(self, held: HeldRequest) -> None:
        self.held.append(held)
        self._changed()
        await self._opened.wait()

    def open(self) -> None:
        """Lets every held request go on (in the order they came), and every later one through."""
        self.is_open = True
        self._opened.set()

    def ports(self) -> set[int]:
        """The ports (clients, with ``listen_again``) that have a request held."""
        return {held.port for held in self.held}


@dataclass(frozen=True)
class Publish:
    """A publish (crosspost) Discord applied."""

    channel_id: int
    message_id: int
    user_id: int  # who published: a bot or a member (``publish_as``)
    time: float  # stand-in clock


Handler = Callable[[Ctx], Awaitable[Reply]]


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    handler: Handler
    webhook: bool = False  # token-authenticated webhook/interaction route: exempt from the global limit
    regex: re.Pattern[str] = re.compile("")
    literals: int = 0


def _compile(template: str) -> tuple[re.Pattern[str], int]:
    parts = template.strip("/").split("/")
    pattern = "".join(f"/(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else "/" + re.escape(p) for p in parts)
    return re.compile(f"^{pattern}$"), sum(not p.startswith("{") for p in parts)


class RestApi:
    def __init__(self, standin: DiscordStandIn) -> None:
        self.s = standin
        self.routes: list[Route] = []
        r = self._route
        r("GET", "/gateway", self.get_gateway)
        r("GET", "/gateway/bot", self.get_gateway_bot)
        r("GET", "/users/@me", self.get_me)
        r("GET", "/users/{user_id}", self.get_user)
        r("GET", "/oauth2/applications/@me", self.get_application)
        r("GET", "/applications/@me", self.get_application)
        r("GET", "/applications/{application_id}/commands", self.get_commands)
        r("PUT", "/applications/{application_id}/commands", self.put_commands)
        r("GET", "/applications/{application_id}/guilds/{guild_id}/commands", self.get_commands)
        r("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", self.put_commands)
        r("POST", "/interactions/{interaction_id}/{interaction_token}/callback", self.callback, webhook=True)
        r("POST", "/webhooks/{webhook_id}/{webhook_token}", self.execute_webhook, webhook=True)
        for message in ("@original", "{message_id}"):
            template = f"/webhooks/{{webhook_id}}/{{webhook_token}}/messages/{message}"
            r("GET", template, self.get_webhook_message, webhook=True)
            r("PATCH", template, self.edit_webhook_message, webhook=True)
            r("DELETE", template, self.delete_webhook_message, webhook=True)
        r("GET", "/channels/{channel_id}", self.get_channel)
        r("GET", "/channels/{channel_id}/messages", self.list_messages)
        r("POST", "/channels/{channel_id}/messages", self.create_message)
        r("GET", "/channels/{channel_id}/messages/{message_id}", self.get_message)
        r("PATCH", "/channels/{channel_id}/messages/{message_id}", self.edit_message)
        r("DELETE", "/channels/{channel_id}/messages/{message_id}", self.delete_message)
        r("POST", "/channels/{channel_id}/messages/{message_id}/crosspost", self.crosspost)
        r("POST", "/channels/{channel_id}/messages/{message_id}/threads", self.create_thread_from_message)
        r("POST", "/channels/{channel_id}/threads", self.create_thread)
        r("GET", "/channels/{channel_id}/threads/archived/public", self.list_public_archived_threads)
        r("GET", "/guilds/{guild_id}/threads/active", self.list_active_threads)
        r("GET", "/guilds/{guild_id}", self.get_guild)
        r("GET", "/guilds/{guild_id}/channels", self.get_guild_channels)
        r("GET", "/guilds/{guild_id}/members/{user_id}", self.get_member)
        # Literal segments win over parameters: /messages/@original before /messages/{message_id}.
        self.routes.sort(key=lambda route: -route.literals)

    def _route(self, method: str, template: str, handler: Handler, *, webhook: bool = False) -> None:
        regex, literals = _compile(template)
        self.routes.append(Route(method, template, handler, webhook, regex, literals))

    def match(self, method: str, path: str) -> tuple[Route | None, dict[str, str], bool]:
        """(route, path params, path exists with another method)."""
        other_method = False
        for route in self.routes:
            m = route.regex.match(path)
            if m is None:
                continue
            if route.method == method:
                return route, m.groupdict(), False
            other_method = True
        return None, {}, other_method

    # ----- the pipeline ------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        s = self.s
        arrived = s.clock()
        low, high = s.latency
        if high > 0:
            await s.sleep(random.uniform(low, high))
        method = request.method
        path = request.path[len(API_PREFIX) :] if request.path.startswith(API_PREFIX) else request.path
        route, params, other_method = self.match(method, path)
        raw_body: Any = None
        headers: dict[str, str] = {"Via": "1.1 google"}
        scope: str | None = None
        try:
            banned_for = self._banned_for(arrived)
            if banned_for is not None:
                s.counters["banned_requests"] += 1
                reply = self._cloudflare_429(str(max(1, int(banned_for + 0.999))))
                raise _Answered(reply)
            raw_body = await self._read_body(request)
            if not request.path.startswith(API_PREFIX) or route is None:
                status = 405 if other_method else 404
                s.violation("route", f"{method} {request.path}: no such route in the stand-in", method, path)
                raise DiscordError(
                    status, 0, f"{status}: {'Method Not Allowed' if other_method else 'Not Found'}"
                )
            injected = self._injected_429(method, route.template, params)
            if injected is not None:
                scope = injected.scope
                raise _Answered(self._injected_reply(injected, headers))
            token = self._bot_token(request)
            decision = s.limiter.check(
                token=token,
                route_key=f"{method} {route.template}",
                major=self._major(route, params),
                exempt_from_global=route.webhook,
            )
            headers.update(decision.headers())
            if not decision.allowed:
                limit_headers, body = decision.rejection()
                headers.update(limit_headers)
                scope = decision.scope
                s.counters[f"{decision.scope}_429"] += 1
                if decision.scope == "user" and route.template == "/channels/{channel_id}/messages":
                    s.counters["channel_429"] += 1
                reply = Reply(429, body)
            else:
                if not route.webhook and token is None:
                    raise DiscordError(401, 0, "401: Unauthorized")
                self._validate(method, route.template, request, raw_body)
                ctx = Ctx(
                    request=request,
                    method=method,
                    template=route.template,
                    params=params,
                    query=request.query,
                    body=raw_body,
                    app=s.application_for_token(token) if token is not None else None,
                    now=arrived,
                )
                for gate in s.gates:
                    if gate.matches(method, route.template):
                        await gate.pass_through(HeldRequest(local_port(request), method, path, arrived))
                self._injected_failure(ctx)
                reply = await route.handler(ctx)
                if reply.status < 300:
                    reply = await self._fail_after_applying(ctx, reply)
        except _Answered as answered:
            reply = answered.reply
        except DiscordError as exc:
            reply = Reply(exc.status, exc.body)
        except ConnectionResetError:
            # The client hung up mid-request (a bot killed or shut down without grace): nothing to answer.
            raise
        except Exception as exc:  # a bug in the stand-in: make it loud, answer like Discord's 500
            _log.exception("stand-in failed on %s %s", method, path)
            s.violation("standin", f"stand-in raised {exc!r}", method, path)
            reply = Reply(500, payloads.error(0, "500: Internal Server Error"))
        if reply.from_cloudflare or reply.from_proxy:
            # Cloudflare's or the proxy's answer: no rate-limit headers, no Via, not counted by Discord
            headers = dict(reply.headers)
        else:
            headers.update(reply.headers)
            if reply.status in INVALID_STATUSES and scope != "shared":
                # "429 errors returned with X-RateLimit-Scope: shared are not counted against you."
                self._count_invalid(arrived, method, path)
        checked = route is not None and route.template in RESPONSES_CHECKED
        if s.validate and checked and route is not None and reply.text is None and reply.body is not None:
            for problem in openapi.response_problems(method, route.template, reply.status, reply.body):
                s.violation(
                    "standin", f"answer {reply.status} departs from the spec: {problem}", method, path
                )
        proxied = s.proxy_date
        headers["Date"] = (
            s.http_date() if proxied is None else email.utils.format_datetime(proxied(), usegmt=True)
        )
        response = self._respond(reply, headers)
        s.requests.append(
            RecordedRequest(
                method=method,
                route=route.template if route else None,
                path=path,
                query=dict(request.query),
                json=raw_body,
                headers=dict(request.headers),
                status=reply.status,
                time=arrived,
                duration=s.clock() - arrived,
                port=local_port(request),
            )
        )
        s.changed.notify()
        return response

    # ----- Cloudflare, injected 429s and the invalid-request limit ------------------------------------

    @staticmethod
    def _cloudflare_429(retry_after_header: str | None) -> Reply:
        extra = {"Retry-After": retry_after_header} if retry_after_header is not None else {}
        return Reply(429, text=CLOUDFLARE_BODY, from_cloudflare=True, headers=extra)

    def _injected_429(self, method: str, template: str, params: dict[str, str]) -> InjectedRateLimit | None:
        for injected in self.s.injected_429s:
            if injected.remaining > 0 and injected.matches(method, template, params):
                injected.remaining -= 1
                if injected.remaining == 0:
                    self.s.injected_429s.remove(injected)
                self.s.counters["injected_429"] += 1
                return injected
        return None

    def _injected_reply(self, injected: InjectedRateLimit, headers: dict[str, str]) -> Reply:
        if injected.proxy:
            # A REST proxy (nirn-proxy and the like) in front of Discord, answering from its own queue:
            # the request never reached Discord's edge, which is what adds ``Via``.
            extra = {"Retry-After": injected.retry_after_header} if injected.retry_after_header else {}
            body = {"message": "You are being rate limited.", "retry_after": injected.retry_after}
            return Reply(429, {**body, "global": False}, from_proxy=True, headers=extra)
        if injected.cloudflare:
            return self._cloudflare_429(injected.retry_after_header)
        headers["X-RateLimit-Scope"] = injected.scope
        if injected.retry_after_header is not None:
            headers["Retry-After"] = injected.retry_after_header
        if injected.scope == "global":
            headers["X-RateLimit-Global"] = "true"
        body = {
            "message": "You are being rate limited.",
            "retry_after": injected.retry_after,
            "global": injected.scope == "global",
        }
        return Reply(429, body)

    def _prune_invalid(self, now: float) -> None:
        times = self.s.invalid_request_times
        while times and times[0] <= now - self.s.invalid_request_window:
            times.popleft()

    def _banned_for(self, now: float) -> float | None:
        """Seconds left of the Cloudflare ban, or None when the IP is not banned."""
        self._prune_invalid(now)
        times = self.s.invalid_request_times
        limit = self.s.invalid_request_limit
        if len(times) < limit:
            return None
        # The ban lasts until fewer than `limit` invalid answers remain in the window.
        return times[len(times) - limit] + self.s.invalid_request_window - now

    def _count_invalid(self, now: float, method: str, path: str) -> None:
        s = self.s
        s.counters["invalid_requests"] += 1
        s.invalid_request_times.append(now)
        self._prune_invalid(now)
        if len(s.invalid_request_times) == s.invalid_request_limit:
            s.violation(
                "ban",
                f"{s.invalid_request_limit} answers of 401/403/429 within {s.invalid_request_window:.0f}s: "
                "Discord bans the IP",
                method,
                path,
            )

    @staticmethod
    def _respond(reply: Reply, headers: dict[str, str]) -> web.Response:
        if reply.text is not None:
            return web.Response(status=reply.status, text=reply.text, headers=headers)
        if reply.status == 204 or reply.body is None:
            return web.Response(status=reply.status if reply.body is not None else 204, headers=headers)
        return web.Response(
            status=reply.status,
            body=json.dumps(reply.body).encode(),
            content_type="application/json",
            headers=headers,
        )

    async def _read_body(self, request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        if request.content_type == "multipart/form-data":
            form = await request.post()
            payload_json = form.get("payload_json")
            if payload_json is None:
                return None
            if isinstance(payload_json, str):
                text = payload_json
            elif isinstance(payload_json, bytes | bytearray):
                text = payload_json.decode()
            else:
                text = payload_json.file.read().decode()
        else:
            text = await request.text()
        if not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            self.s.violation("openapi", "request body is not valid JSON", request.method, request.path)
            raise DiscordError(400, 50109, "The request body contains invalid JSON.") from None

    @staticmethod
    def _bot_token(request: web.Request) -> str | None:
        auth = request.headers.get("Authorization", "")
        return auth[4:] if auth.startswith("Bot ") else None

    @staticmethod
    def _major(route: Route, params: dict[str, str]) -> str:
        for name in ("channel_id", "guild_id", "interaction_id"):
            if name in params:
                return params[name]
        if "webhook_id" in params:
            return f"{params['webhook_id']}:{params.get('webhook_token', '')}"
        return ""

    def _validate(self, method: str, template: str, request: web.Request, body: Any) -> None:
        if not self.s.validate:
            return
        for problem in openapi.validate_query(method, template, request.query):
            self.s.violation("query", problem, method, request.path)
        spec_errors = openapi.validate_body(method, template, body) if body is not None else []
        limit_problems: list[str] = []
        is_message = template.startswith("/channels/{channel_id}/messages") or template.startswith(
            "/webhooks/"
        )
        if is_message and method in ("POST", "PATCH"):
            limit_problems = checks.message_problems(body)
        elif template == "/channels/{channel_id}/threads" and isinstance(body, dict):
            limit_problems = checks.message_problems(body.get("message"))
        elif template.endswith("/callback") and isinstance(body, dict):
            limit_problems = checks.message_problems(body.get("data")) + checks.autocomplete_problems(body)
        elif template.endswith("/commands") and method == "PUT":
            limit_problems = checks.command_problems(body)
        if not spec_errors and not limit_problems:
            return
        errors: dict[str, Any] = {}
        for error in spec_errors:
            self.s.violation("openapi", openapi.describe(error), method, request.path)
            errors.update(openapi.error_tree(error))
        for problem in limit_problems:
            self.s.violation("limit", problem, method, request.path)
        if not errors:
            errors = {"_errors": [{"code": "BASE_TYPE_INVALID", "message": p} for p in limit_problems]}
        raise DiscordError(400, 50035, "Invalid Form Body", errors)

    async def _fail_after_applying(self, ctx: Ctx, reply: Reply) -> Reply:
        """A request already applied is answered with an error (or not at all) when a test asked."""
        s = self.s
        for failure in s.applied_failures:
            if failure.remaining <= 0 or not failure.matches(ctx.method, ctx.template, ctx.params):
                continue
            if failure.fraction is not None:
                if failure.draw() >= failure.fraction:
                    continue
            else:
                failure.remaining -= 1
                if failure.remaining == 0:
                    s.applied_failures.remove(failure)
            s.counters["applied_then_failed"] += 1
            status = failure.status
            if status == "timeout":
                await s.hold(ctx.method, ctx.request.path)
                status = 504
            assert isinstance(status, int)
            if status in CLOUDFLARE_PAGES:
                return Reply(status, text=CLOUDFLARE_PAGES[status], from_cloudflare=True)
            return Reply(status, payloads.error(0, f"{status}: Internal Server Error"))
        return reply

    def _injected_failure(self, ctx: Ctx) -> None:
        channel_id = ctx.params.get("channel_id")
        if channel_id is None or not channel_id.isdigit():
            return
        failure = self.s.channel_failures.get(int(channel_id))
        if failure is not None:
            self.s.counters["injected_failures"] += 1
            raise DiscordError(*failure)

    # ----- gateway, users, application ------------------------------------------------------------

    async def get_gateway(self, ctx: Ctx) -> Reply:
        return Reply(200, {"url": self.s.gateway_url})

    async def get_gateway_bot(self, ctx: Ctx) -> Reply:
        s = self.s
        assert ctx.app is not None
        started = sum(1 for identify in s.gateway.identifies if identify.app is ctx.app)
        return Reply(
            200,
            {
                # On the port asked (`listen_again`): each process's IDENTIFYs say whose they were too.
                "url": f"ws://127.0.0.1:{port}/gateway"
                if (port := local_port(ctx.request))
                else s.gateway_url,
                "shards": s.recommended_shards,
                "session_start_limit": {
                    "total": s.session_start_total,
                    "remaining": max(s.session_start_total - started, 0),
                    "reset_after": 86_400_000,
                    "max_concurrency": s.gateway.max_concurrency,
                },
            },
        )

    async def get_me(self, ctx: Ctx) -> Reply:
        assert ctx.app is not None
        return Reply(
            200,
            {
                **payloads.user(ctx.app.bot),
                "verified": True,
                "mfa_enabled": False,
                "email": None,
                "locale": "en-US",
            },
        )

    async def get_user(self, ctx: Ctx) -> Reply:
        user = self.s.users.get(ctx.int_param("user_id"))
        if user is None:
            raise unknown("User", 10013)
        return Reply(200, payloads.user(user))

    async def get_application(self, ctx: Ctx) -> Reply:
        assert ctx.app is not None
        return Reply(200, payloads.application(ctx.app, self.s.owner))

    # ----- application commands ---------------------------------------------------------------

    def _command_app(self, ctx: Ctx) -> Application:
        app = ctx.app
        assert app is not None
        if ctx.params["application_id"] != str(app.id):
            raise DiscordError(403, 50001, "Missing Access")
        return app

    async def get_commands(self, ctx: Ctx) -> Reply:
        app = self._command_app(ctx)
        if "guild_id" in ctx.params:
            return Reply(200, app.guild_commands.get(ctx.int_param("guild_id"), []))
        return Reply(200, app.global_commands)

    async def put_commands(self, ctx: Ctx) -> Reply:
        app = self._command_app(ctx)
        guild_id = ctx.int_param("guild_id") if "guild_id" in ctx.params else None
        if guild_id is not None and guild_id not in self.s.guilds:
            raise DiscordError(403, 50001, "Missing Access")
        existing = app.guild_commands.get(guild_id, []) if guild_id is not None else app.global_commands
        echoed = [self._echo_command(app, command, guild_id, existing) for command in ctx.body or []]
        if guild_id is None:
            app.global_commands = echoed
        else:
            app.guild_commands[guild_id] = echoed
        self.s.command_syncs.append((guild_id, echoed))
        return Reply(200, echoed)

    def _echo_command(
        self, app: Application, command: dict[str, Any], guild_id: int | None, existing: list[dict[str, Any]]
    ) -> dict[str, Any]:
        kind = command.get("type", 1)
        previous = next((c for c in existing if c["type"] == kind and c["name"] == command["name"]), None)
        echoed: dict[str, Any] = {
            "id": previous["id"] if previous else str(self.s.snowflakes.next()),
            "application_id": str(app.id),
            "version": str(self.s.snowflakes.next()),
            "type": kind,
            "name": command["name"],
            "name_localizations": command.get("name_localizations"),
            # Context menus come back with an empty description; discord.py needs the key.
            "description": command.get("description") or "" if kind == 1 else "",
            "description_localizations": command.get("description_localizations"),
            "default_member_permissions": command.get("default_member_permissions"),
            "nsfw": bool(command.get("nsfw", False)),
            "contexts": command.get("contexts"),
            "integration_types": command.get("integration_types") or [0],
        }
        if guild_id is None:
            echoed["dm_permission"] = command.get("dm_permission", True)
        else:
            echoed["guild_id"] = str(guild_id)
        if command.get("options"):
            echoed["options"] = copy.deepcopy(command["options"])
        return echoed

    # ----- interactions and webhooks ----------------------------------------------------------

    async def callback(self, ctx: Ctx) -> Reply:
        s = self.s
        interaction = s.interactions.get(ctx.int_param("interaction_id"))
        if interaction is None or interaction.token != ctx.params["interaction_token"]:
            raise unknown("interaction", 10062)
        body = ctx.body or {}
        kind = body.get("type")
        elapsed = ctx.now - interaction.created_at
        if interaction.callback is not None:
            s.violation("protocol", f"interaction {interaction.id} answered twice", ctx.method, ctx.template)
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if elapsed > FIRST_RESPONSE_WINDOW:
            s.violation(
                "protocol",
                f"interaction {interaction.id} answered after {elapsed:.2f}s",
                ctx.method,
                ctx.template,
            )
            raise unknown("interaction", 10062)
        if kind not in ALLOWED_CALLBACKS.get(interaction.type, set()):
            s.violation(
                "protocol",
                f"callback type {kind} is not allowed for interaction type {interaction.type}",
                ctx.method,
                ctx.template,
            )
            raise DiscordError(
                400, 50035, "Invalid Form Body", {"type": {"_errors": [{"code": "BASE_TYPE_CHOICES"}]}}
            )
        data = body.get("data")
        interaction.callback = Callback(interaction.id, kind, data, received_at=ctx.now, elapsed=elapsed)
        s.callbacks.append(interaction.callback)

        resource: dict[str, Any] = {"type": kind}
        message: dict[str, Any] | None = None
        if kind in (4, 5):
            message_body = dict(data or {})
            if kind == 5:
                message_body["flags"] = int(message_body.get("flags") or 0) | LOADING
            message = self._interaction_message(interaction, message_body)
            interaction.original = message
        elif kind == 7 and interaction.source_message is not None:
            message = payloads.apply_edit(
                interaction.source_message, data or {}, edited_at=payloads.iso(s.now())
            )
            interaction.source_message.update(message)
        if message is not None:
            resource["message"] = message
        interaction.answered.set()

        flags = int((message or {}).get("flags") or 0)
        summary: dict[str, Any] = {"id": str(interaction.id), "type": interaction.type}
        if message is not None:
            summary["response_message_id"] = message["id"]
            summary["response_message_loading"] = bool(flags & LOADING)
            summary["response_message_ephemeral"] = bool(flags & EPHEMERAL)
        if not ctx.flag("with_response"):
            return Reply(204)
        return Reply(200, {"interaction": summary, "resource": resource})

    def _interaction_message(self, interaction: Interaction, body: dict[str, Any]) -> dict[str, Any]:
        app = interaction.app
        return payloads.message(
            message_id=self.s.snowflakes.next(),
            channel_id=interaction.channel_id or 0,
            author=app.bot,
            body=body,
            guild_id=interaction.guild_id,
            webhook_id=app.id,
            application_id=app.id,
            interaction_metadata={
                "id": str(interaction.id),
                "type": interaction.type,
                "user": payloads.user(interaction.user),
                "authorizing_integration_owners": interaction.payload.get(
                    "authorizing_integration_owners", {}
                ),
                **({"name": interaction.data["name"]} if interaction.type == APPLICATION_COMMAND else {}),
            },
        )

    def _webhook_interaction(self, ctx: Ctx) -> Interaction:
        interaction = self.s.interactions_by_token.get(ctx.params["webhook_token"])
        if interaction is None or ctx.params["webhook_id"] != str(interaction.app.id):
            raise unknown("Webhook", 10015)
        if ctx.now - interaction.created_at > TOKEN_LIFETIME:
            self.s.violation(
                "protocol", f"webhook token of {interaction.id} used after 15 minutes", ctx.method
            )
            raise DiscordError(401, 50027, "Invalid Webhook Token")
        if interaction.callback is None:
            self.s.violation(
                "protocol", f"webhook used before interaction {interaction.id} was answered", ctx.method
            )
            raise unknown("Webhook", 10015)
        return interaction

    async def execute_webhook(self, ctx: Ctx) -> Reply:
        interaction = self._webhook_interaction(ctx)
        message = self._interaction_message(interaction, ctx.body or {})
        interaction.followups.append(message)
        self.s.followups.append(WebhookMessageCall(interaction.id, ctx.body, message, ctx.now))
        return Reply(200, message) if ctx.flag("wait") else Reply(204)

    def _webhook_message(self, ctx: Ctx, interaction: Interaction) -> dict[str, Any]:
        if ctx.template.endswith("@original"):
            if interaction.original is None:
                raise unknown("Message", 10008)
            return interaction.original
        message_id = ctx.params["message_id"]
        for message in interaction.followups:
            if message["id"] == message_id:
                return message
        if interaction.original is not None and interaction.original["id"] == message_id:
            return interaction.original
        raise unknown("Message", 10008)

    async def get_webhook_message(self, ctx: Ctx) -> Reply:
        interaction = self._webhook_interaction(ctx)
        return Reply(200, self._webhook_message(ctx, interaction))

    async def edit_webhook_message(self, ctx: Ctx) -> Reply:
        interaction = self._webhook_interaction(ctx)
        message = self._webhook_message(ctx, interaction)
        message.update(payloads.apply_edit(message, ctx.body or {}, edited_at=payloads.iso(self.s.now())))
        message["flags"] = int(message.get("flags") or 0) & ~LOADING
        if ctx.template.endswith("@original"):
            self.s.original_edits.append(WebhookMessageCall(interaction.id, ctx.body, dict(message), ctx.now))
        return Reply(200, message)

    async def delete_webhook_message(self, ctx: Ctx) -> Reply:
        interaction = self._webhook_interaction(ctx)
        message = self._webhook_message(ctx, interaction)
        if message is interaction.original:
            interaction.original = None
        else:
            interaction.followups.remove(message)
        return Reply(204)

    # ----- channels and messages --------------------------------------------------------------

    def _channel(self, ctx: Ctx) -> Channel:
        channel = self.s.channels.get(ctx.int_param("channel_id"))
        if channel is None:
            raise unknown("Channel", 10003)
        return channel

    def _require(self, ctx: Ctx, channel: Channel, permission: int) -> None:
        assert ctx.app is not None
        guild = self.s.guilds[channel.guild_id]
        if ctx.app.bot.id not in guild.members:
            raise DiscordError(403, 50001, "Missing Access")
        perms = channel_permissions(guild, channel, ctx.app.bot.id)
        if not perms & VIEW_CHANNEL:
            raise DiscordError(403, 50001, "Missing Access")
        if not perms & permission:
            raise DiscordError(403, 50013, "Missing Permissions")

    def _permissions(self, ctx: Ctx, channel: Channel) -> int:
        assert ctx.app is not None
        return channel_permissions(self.s.guilds[channel.guild_id], channel, ctx.app.bot.id)

    async def get_channel(self, ctx: Ctx) -> Reply:
        channel = self._channel(ctx)
        self._require(ctx, channel, VIEW_CHANNEL)
        return Reply(200, payloads.channel(channel))

    async def list_messages(self, ctx: Ctx) -> Reply:
        channel = self._channel(ctx)
        self._require(ctx, channel, VIEW_CHANNEL)
        try:
            query = history.parse_query(ctx.query)
        except history.HistoryQueryError as error:
            self.s.violation("query", str(error), ctx.method, ctx.request.path)
            raise DiscordError(400, 50035, "Invalid Form Body", error.errors) from None
        if not self._permissions(ctx, channel) & READ_MESSAGE_HISTORY:
            # "If the current user is missing the READ_MESSAGE_HISTORY permission in the channel, then
            # no messages will be returned."
            self.s.counters["history_withheld"] += 1
            return Reply(200, [])
        return Reply(200, history.page(self.s.messages.get(channel.id, []), query))

    async def create_message(self, ctx: Ctx) -> Reply:
        s = self.s
        channel = self._channel(ctx)
        if s.hold_message_creates_after is not None and len(s.message_index) >= s.hold_message_creates_after:
            await s.hold("POST", f"/channels/{channel.id}/messages")
        self._require(ctx, channel, VIEW_CHANNEL)
        if channel.type not in MESSAGE_TYPES:  # a forum holds posts (threads), not messages
            raise DiscordError(400, 50008, "Cannot send messages in a non-text channel")
        self._require(ctx, channel, SEND_MESSAGES_IN_THREADS if channel.is_thread else SEND_MESSAGES)
        state = channel.thread
        locked = state is not None and state.archived and state.locked
        if locked and not self._permissions(ctx, channel) & MANAGE_THREADS:
            raise DiscordError(400, 50083, "Thread is archived")
        assert ctx.app is not None
        body = self._checked_message_body(ctx, channel, ctx.body or {})
        author = ctx.app.bot
        nonce = body.get("nonce")
        nonce_key = (author.id, str(nonce)) if nonce is not None else None
        if nonce_key is not None and body.get("enforce_nonce"):
            seen = s.nonces.get(nonce_key)
            if seen is not None and ctx.now - seen[1] <= s.nonce_window:
                s.counters["nonce_replays"] += 1
                return Reply(200, seen[0])
        message = self._new_message(ctx, channel, body)
        if nonce_key is not None:
            if nonce_key in s.nonces:
                s.counters["duplicates"] += 1
            s.nonces[nonce_key] = (message, ctx.now)
        s.dispatch_message_create(channel, message)
        pending = s.store_then_fail_pending.get(channel.id)
        if pending:
            pending[0] -= 1
            if pending[0] <= 0:
                del s.store_then_fail_pending[channel.id]
            s.counters["injected_failures"] += 1
            raise DiscordError(pending[1], 0, f"{pending[1]}: Internal Server Error")
        return Reply(200, message)

    def _checked_message_body(self, ctx: Ctx, channel: Channel, body: dict[str, Any]) -> dict[str, Any]:
        """A message body as Discord keeps it: not empty, a valid reply, files and embeds allowed."""
        if not (body.get("embeds") or self._has_more_than_embeds(body)):
            raise DiscordError(400, 50006, "Cannot send an empty message")
        self._check_reference(ctx, channel, body)
        return self._apply_send_permissions(ctx, channel, body)

    def _new_message(
        self,
        ctx: Ctx,
        channel: Channel,
        body: dict[str, Any],
        *,
        message_id: int | None = None,
        permissions: int | None = None,
    ) -> dict[str, Any]:
        """Stores the bot's message with who it pings (resolved with ``permissions``, default the bot's
        in ``channel``)."""
        s = self.s
        assert ctx.app is not None
        message = payloads.message(
            message_id=message_id if message_id is not None else s.snowflakes.next(),
            channel_id=channel.id,
            author=ctx.app.bot,
            body=body,
        )
        guild = s.guilds[channel.guild_id]
        found = mentions.resolve(
            str(body.get("content") or ""),
            body.get("allowed_mentions"),
            self._permissions(ctx, channel) if permissions is None else permissions,
            guild,
            channel,
            s.users,
        )
        s.record_pings(channel, message, found)
        s.store_message(channel, message)
        return message

    @staticmethod
    def _has_more_than_embeds(body: dict[str, Any]) -> bool:
        return any(body.get(key) for key in ("content", "components", "sticker_ids", "attachments"))

    def _apply_send_permissions(self, ctx: Ctx, channel: Channel, body: dict[str, Any]) -> dict[str, Any]:
        """Attach Files and Embed Links, as Discord applies them (observed; the docs are silent):
        files without Attach Files are refused; embeds without Embed Links are dropped, and a message
        that was only embeds is refused (403 / 50013)."""
        permissions = self._permissions(ctx, channel)
        if body.get("attachments") and not permissions & ATTACH_FILES:
            raise DiscordError(403, 50013, "Missing Permissions")
        if body.get("embeds") and not permissions & EMBED_LINKS:
            if not self._has_more_than_embeds(body):
                raise DiscordError(403, 50013, "Missing Permissions")
            self.s.counters["embeds_dropped"] += 1
            return {**body, "embeds": []}
        return body

    def _check_reference(self, ctx: Ctx, channel: Channel, body: dict[str, Any]) -> None:
        """A reply needs READ_MESSAGE_HISTORY, and the message it replies to must exist."""
        reference = body.get("message_reference")
        if not isinstance(reference, dict) or reference.get("type", 0) != 0:
            return
        if not self._permissions(ctx, channel) & READ_MESSAGE_HISTORY:
            raise DiscordError(403, 50013, "Missing Permissions")
        referenced = self.s.message_index.get(int(reference.get("message_id") or 0))
        missing = referenced is None or referenced["channel_id"] != str(
            reference.get("channel_id", channel.id)
        )
        if missing and reference.get("fail_if_not_exists", True):
            raise DiscordError(
                400,
                50035,
                "Invalid Form Body",
                {"message_reference": {"_errors": [{"code": "MESSAGE_REFERENCE_UNKNOWN_MESSAGE"}]}},
            )

    def _message(self, ctx: Ctx, channel: Channel) -> dict[str, Any]:
        message = self.s.message_index.get(ctx.int_param("message_id"))
        if message is None or message["channel_id"] != str(channel.id):
            raise unknown("Message", 10008)
        return message

    async def get_message(self, ctx: Ctx) -> Reply:
        channel = self._channel(ctx)
        # "requires the current user to have the VIEW_CHANNEL and READ_MESSAGE_HISTORY permissions"
        self._require(ctx, channel, READ_MESSAGE_HISTORY)
        return Reply(200, self._message(ctx, channel))

    async def edit_message(self, ctx: Ctx) -> Reply:
        channel = self._channel(ctx)
        self._require(ctx, channel, VIEW_CHANNEL)
        message = self._message(ctx, channel)
        assert ctx.app is not None
        if message["author"]["id"] != str(ctx.app.bot.id):
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        message.update(payloads.apply_edit(message, ctx.body or {}, edited_at=payloads.iso(self.s.now())))
        return Reply(200, message)

    async def delete_message(self, ctx: Ctx) -> Reply:
        channel = self._channel(ctx)
        self._require(ctx, channel, VIEW_CHANNEL)
        message = self._message(ctx, channel)
        assert ctx.app is not None
        if message["author"]["id"] != str(ctx.app.bot.id):
            self._require(ctx, channel, MANAGE_MESSAGES)
        self.s.remove_message(channel, message)
        return Reply(204)

    # ----- guilds -----------------------------------------------------------------------------

    def _guild(self, ctx: Ctx) -> Any:
        guild = self.s.guilds.get(ctx.int_param("guild_id"))
        if guild is None or ctx.app is None or ctx.app.bot.id not in guild.members:
            raise unknown("Guild", 10004)
        return guild

    async def get_guild(self, ctx: Ctx) -> Reply:
        guild = self._guild(ctx)
        assert ctx.app is not None
        data = payloads.guild_create(guild, joined_at=guild.members[ctx.app.bot.id].joined_at)
        for key in (
            "members",
            "channels",
            "threads",
            "presences",
            "voice_states",
            "joined_at",
            "member_count",
        ):
            data.pop(key, None)
        return Reply(200, data)

    async def get_guild_channels(self, ctx: Ctx) -> Reply:
        guild = self._guild(ctx)  # "Does not include threads."
        channels = [c for c in guild.channels.values() if c.in_guild_create and c.thread is None]
        return Reply(200, [payloads.channel(c) for c in channels])

    async def get_member(self, ctx: Ctx) -> Reply:
        guild = self._guild(ctx)
        member = guild.members.get(ctx.int_param("user_id"))
        if member is None:
            raise unknown("Member", 10007)
        return Reply(200, payloads.member(member))

    # ----- threads and forum posts ------------------------------------------------------------

    async def create_thread(self, ctx: Ctx) -> Reply:
        """A forum post (forum channels: the body's ``message`` is the post's first message) or a
        thread without a message (text and announcement channels)."""
        s = self.s
        parent = self._channel(ctx)
        self._require(ctx, parent, VIEW_CHANNEL)
        body = ctx.body or {}
        if parent.type == GUILD_FORUM:
            return self._forum_post(ctx, parent, body)
        if parent.type not in (GUILD_TEXT, GUILD_ANNOUNCEMENT):
            raise DiscordError(*WRONG_CHANNEL_TYPE)
        if "message" in body:
            # Discord ignores fields an endpoint does not take: the post's message would vanish.
            s.violation(
                "protocol",
                f"a forum post's message sent to channel {parent.id} of type {parent.type}, not a forum: "
                "Discord opens a thread without it",
                ctx.method,
                ctx.request.path,
            )
        if parent.type == GUILD_ANNOUNCEMENT:
            kind = ANNOUNCEMENT_THREAD
        else:
            # "in API v9 and v10, type defaults to PRIVATE_THREAD"
            kind = int(body.get("type") or PRIVATE_THREAD)
        self._require(
            ctx, parent, CREATE_PRIVATE_THREADS if kind == PRIVATE_THREAD else CREATE_PUBLIC_THREADS
        )
        assert ctx.app is not None
        thread = s.new_thread(
            parent,
            str(body["name"]),
            owner=ctx.app.bot,
            type=kind,
            auto_archive_duration=body.get("auto_archive_duration"),
        )
        return Reply(201, self._thread_answer(thread, ctx.app.bot))

    def _forum_post(self, ctx: Ctx, forum: Channel, body: dict[str, Any]) -> Reply:
        """Discord gives forum posts no nonce: every request that succeeds is a new post."""
        s = self.s
        self._require(ctx, forum, SEND_MESSAGES)  # "Create Posts" is Send Messages in a forum
        assert ctx.app is not None
        tags = [int(t) for t in body.get("applied_tags") or []]
        if forum.flags & REQUIRE_TAG and not tags:
            raise DiscordError(400, 40067, "A tag is required to create a forum post in this channel")
        known = {t.id for t in forum.available_tags}
        unknown_tags = [str(t) for t in tags if t not in known]
        if unknown_tags:
            raise DiscordError(
                400,
                50035,
                "Invalid Form Body",
                {
                    "applied_tags": {
                        "_errors": [{"code": "TAG_INVALID", "message": f"Unknown tags {unknown_tags}"}]
                    }
                },
            )
        first = {k: v for k, v in (body.get("message") or {}).items() if k not in ("nonce", "enforce_nonce")}
        first = self._checked_message_body(ctx, forum, first)
        forum_permissions = self._permissions(ctx, forum)
        thread = s.new_thread(
            forum,
            str(body["name"]),
            owner=ctx.app.bot,
            type=PUBLIC_THREAD,
            auto_archive_duration=body.get("auto_archive_duration"),
            applied_tags=tags,
        )
        # The first message has the thread's id ("the ID of the starter message ... is the same as the
        # thread's").
        message = self._new_message(ctx, thread, first, message_id=thread.id, permissions=forum_permissions)
        s.dispatch_message_create(thread, message)
        return Reply(201, {**self._thread_answer(thread, ctx.app.bot), "message": message})

    def _thread_answer(self, thread: Channel, me: User) -> dict[str, Any]:
        answer = payloads.thread(thread)
        assert thread.thread is not None
        if me.id in thread.thread.members:
            answer["member"] = payloads.thread_member(thread, me.id)
        return answer

    async def create_thread_from_message(self, ctx: Ctx) -> Reply:
        """A thread on a message: the thread's id is the message's, so a second one is refused."""
        s = self.s
        channel = self._channel(ctx)
        self._require(ctx, channel, VIEW_CHANNEL)
        if channel.type not in (GUILD_TEXT, GUILD_ANNOUNCEMENT):
            raise DiscordError(*WRONG_CHANNEL_TYPE)
        message = self._message(ctx, channel)
        self._require(ctx, channel, CREATE_PUBLIC_THREADS)
        if int(message["id"]) in s.channels:
            raise DiscordError(400, 160004, "A thread has already been created for this message")
        assert ctx.app is not None
        body = ctx.body or {}
        thread = s.new_thread(
            channel,
            str(body["name"]),
            owner=ctx.app.bot,
            type=ANNOUNCEMENT_THREAD if channel.type == GUILD_ANNOUNCEMENT else PUBLIC_THREAD,
            thread_id=int(message["id"]),
            auto_archive_duration=body.get("auto_archive_duration"),
        )
        message["flags"] = int(message.get("flags") or 0) | HAS_THREAD
        message["thread"] = payloads.thread(thread)
        s.dispatch_message_update(channel, message)
        return Reply(201, self._thread_answer(thread, ctx.app.bot))

    def _thread_members(self, threads: list[Channel], user_id: int) -> list[dict[str, Any]]:
        return [
            payloads.thread_member(c, user_id)
            for c in threads
            if c.thread is not None and user_id in c.thread.members
        ]

    async def list_active_threads(self, ctx: Ctx) -> Reply:
        """ "Returns all active threads in the guild ... ordered by their id, in descending order"
        (those the bot can see), with the bot's thread memberships."""
        guild: Guild = self._guild(ctx)
        assert ctx.app is not None
        self.s.archive_inactive_threads()
        me = ctx.app.bot.id
        active = [
            c
            for c in guild.channels.values()
            if c.thread is not None
            and not c.thread.archived
            and channel_permissions(guild, c, me) & VIEW_CHANNEL
        ]
        active.sort(key=lambda c: c.id, reverse=True)
        return Reply(
            200,
            {
                "threads": [payloads.thread(c) for c in active],
                "members": self._thread_members(active, me),
                "has_more": False,
            },
        )

    async def list_public_archived_threads(self, ctx: Ctx) -> Reply:
        channel = self._channel(ctx)
        self._require(ctx, channel, VIEW_CHANNEL)
        if channel.type not in (GUILD_TEXT, GUILD_ANNOUNCEMENT, GUILD_FORUM):
            raise DiscordError(*WRONG_CHANNEL_TYPE)
        try:
            query = threadlists.parse_archived_query(ctx.query)
        except history.HistoryQueryError as error:  # the spec's query check recorded the violation
            raise DiscordError(400, 50035, "Invalid Form Body", error.errors) from None
        self._require(ctx, channel, READ_MESSAGE_HISTORY)  # "Requires the READ_MESSAGE_HISTORY permission."
        self.s.archive_inactive_threads()
        archived = [
            c
            for c in self.s.threads(channel.id, archived=True)
            if c.type in (PUBLIC_THREAD, ANNOUNCEMENT_THREAD)
        ]
        page, has_more = threadlists.archived_page(archived, query)
        assert ctx.app is not None
        return Reply(
            200,
            {
                "threads": [payloads.thread(c) for c in page],
                "members": self._thread_members(page, ctx.app.bot.id),
                "has_more": has_more,
            },
        )

    # ----- publishing ---------------------------------------------------------------------------

    async def crosspost(self, ctx: Ctx) -> Reply:
        channel = self._channel(ctx)
        self._require(ctx, channel, VIEW_CHANNEL)
        if channel.type != GUILD_ANNOUNCEMENT:
            raise DiscordError(*WRONG_CHANNEL_TYPE)
        message = self._message(ctx, channel)
        assert ctx.app is not None
        self.publish(channel, message, ctx.app.bot)
        return Reply(200, message)

    def publish(self, channel: Channel, message: dict[str, Any], user: User) -> None:
        """Discord's rules for publishing: announcement channels only; one's own message needs Send
        Messages, another's Manage Messages; a message is published once (40033). Sets CROSSPOSTED."""
        s = self.s
        if channel.type != GUILD_ANNOUNCEMENT:
            raise DiscordError(*WRONG_CHANNEL_TYPE)
        permissions = channel_permissions(s.guilds[channel.guild_id], channel, user.id)
        if not permissions & VIEW_CHANNEL:
            raise DiscordError(403, 50001, "Missing Access")
        needed = SEND_MESSAGES if message["author"]["id"] == str(user.id) else MANAGE_MESSAGES
        if not permissions & needed:
            raise DiscordError(403, 50013, "Missing Permissions")
        if int(message.get("flags") or 0) & CROSSPOSTED:
            raise DiscordError(400, 40033, "This message has already been crossposted.")
        message["flags"] = int(message.get("flags") or 0) | CROSSPOSTED
        s.publishes.append(Publish(channel.id, int(message["id"]), user.id, s.clock()))
        s.dispatch_message_update(channel, message)
        s.changed.notify()
