"""Every REST attempt of the bot token waits for a permit of the shared rate budget, from aiohttp's trace.

aiohttp awaits a trace's `on_request_start` before each request leaves, and discord.py gives its session
the client's `http_trace`: so this is the one place that sees every attempt, discord.py's own retries of
429s and 5xx included (and the REST proxy's, bot.app.rest_proxy), whatever code made the request. The
permit is taken there, and checked again when aiohttp has the request's connection (a pooled one, or a new
one once it is open: `on_connection_reuseconn`, `on_connection_create_end`), after which aiohttp writes the
request without waiting on anything: a request whose connection came too late for its permit takes a new
one (`Pacer.depart`).
Interaction callbacks and webhooks (interaction followups) are exempt from Discord's global limit and never
wait; nor does the gateway's websocket, which is not REST.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import aiohttp
import discord
import yarl

from bot.app.discord_sender import retry_after_seconds
from bot.clock import utc_now
from bot.delivery.pacing import Pacer

# Routes Discord exempts from the global limit ("Interaction endpoints are not bound to the bot's Global Rate
# Limit"): POST /interactions/{id}/{token}/callback and /webhooks/{application_id}/{token}/... (followups,
# and the original response's edits); a webhook's token authenticates them, not the bot's.
EXEMPT_PREFIXES = ("/interactions/", "/webhooks/")


def counts_against_global_limit(url: yarl.URL, rest_base: str) -> bool:
    """True for a REST request under `rest_base` (discord.py's Route.BASE) other than the exempt routes."""
    base = yarl.URL(rest_base)
    if (url.scheme, url.host, url.port) != (base.scheme, base.host, base.port):
        return False
    prefix = base.path.rstrip("/")
    if not url.path.startswith(prefix + "/"):
        return False
    return not url.path[len(prefix) :].startswith(EXEMPT_PREFIXES)


def add_rate_budget(trace: aiohttp.TraceConfig, pacer: Callable[[], Pacer | None]) -> None:
    """Make every counted request of `trace`'s session wait for `pacer()`'s permit first (none while it is
    None: before the database is open at start-up, the first few requests are not paced)."""

    async def on_request_start(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestStartParams
    ) -> None:
        permits = pacer()
        context.permits = None
        if permits is not None and counts_against_global_limit(params.url, discord.http.Route.BASE):
            context.permit_at = await permits.acquire_for_request()
            context.permits = permits

    async def on_connection_ready(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: object
    ) -> None:
        # aiohttp may connect more than once for one request (a pooled connection found closed): each time
        # the permit is checked again, and renewed when it is too old.
        permits: Pacer | None = getattr(context, "permits", None)
        if permits is not None:
            context.permit_at = await permits.depart(context.permit_at)

    async def on_request_end(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestEndParams
    ) -> None:
        # Discord's global 429 (its `Via`; Cloudflare's ban is read where it is raised) pauses every send,
        # whatever request drew it: discord.py raises RateLimited for one longer than it may wait before it
        # reads `global`, without saying so, and sets no global pause then.
        headers = params.response.headers
        if params.response.status != 429 or not headers.get("Via"):
            return
        if (
            headers.get("X-RateLimit-Global", "").lower() != "true"
            and headers.get("X-RateLimit-Scope") != "global"
        ):
            return
        permits = pacer()
        if permits is not None:
            permits.pause(retry_after_seconds(headers, utc_now()))

    trace.on_request_start.append(on_request_start)
    trace.on_connection_reuseconn.append(on_connection_ready)
    trace.on_connection_create_end.append(on_connection_ready)
    trace.on_request_end.append(on_request_end)
