"""A REST proxy in front of Discord (DISCORD_API_BASE_URL, e.g. nirn-proxy): its own 429s are waited out.

discord.py 2.7.1 (`HTTPClient.request` in discord/http.py) takes every 429 without a `Via` header for
Cloudflare's ban on the IP and raises it at once (`HTTPException`, status 429): Discord's own answers pass
through Google's load balancer, which adds `Via`, and Cloudflare's ban page does not. A REST proxy that
answers a 429 from its own queue never reached Discord, so its 429 has no `Via` either: without this, each
would be taken for a ban and pause every delivery for a minute or more.

So when DISCORD_API_BASE_URL is set, a 429 without `Via` whose body is JSON (a proxy answers in Discord's
format; Cloudflare's ban is a text page, and stays a ban signal) is waited out (its `Retry-After`) and
the request made again, up to PROXY_RETRIES times. Without a proxy, nothing
changes: every 429 without `Via` stays a ban signal.

discord.py offers no documented hook for this. aiohttp's trace hooks see the answer but cannot change what
discord.py does with it, and aiohttp's client middlewares cannot be given to the session discord.py makes.
So this relies on two undocumented parts of discord.py:
- `Client.http.request(route, **kwargs)`, the coroutine every REST call of the bot goes through (messages,
  commands, history). It is wrapped on the client's own `HTTPClient` instance, not patched on the class.
  Each retry is a new call of that method, so discord.py's per-route buckets, its global pause and the
  aiohttp trace (the shared rate budget) all see it.
- `discord.webhook.async_.async_context`, the context variable holding the `AsyncWebhookAdapter` that every
  interaction response (the callback) and followup goes through, with its own request loop that raises a
  429 without `Via` just the same. The client's context gets an adapter of its own whose `request` waits out
  the proxy's 429s; the tasks discord.py starts for the gateway and each interaction inherit it, and other
  clients in the process keep discord.py's.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord
from discord.http import HTTPClient, Route
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

log = logging.getLogger(__name__)

PROXY_RETRIES = 5  # as many as discord.py's own request loop makes
UNREADABLE_WAIT = 1.0  # seconds, for a proxy's 429 that names no wait that can be read


def is_proxys_own_429(error: discord.HTTPException) -> bool:
    """A 429 that did not come through Discord's edge (no `Via`) and is not Cloudflare's page (JSON)."""
    response = error.response
    return (
        error.status == 429
        and not response.headers.get("Via")
        and response.headers.get("Content-Type", "").split(";")[0].strip() == "application/json"
    )


def proxy_wait_seconds(error: discord.HTTPException) -> float:
    """How long the proxy asked to wait: its `Retry-After` in seconds (the JSON body's `retry_after` is
    gone by now: discord.py keeps only the message and code, and aiohttp has released the body)."""
    try:
        seconds = float(error.response.headers.get("Retry-After", "nan"))
    except ValueError:
        seconds = math.nan
    return seconds if math.isfinite(seconds) and seconds >= 0 else UNREADABLE_WAIT


def retry_proxy_rate_limits(
    http: HTTPClient,
    *,
    max_wait: float,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Make `http`, and the interaction responses and followups of this context, wait out and retry a REST
    proxy's own 429s (see the module's docstring).

    A wait longer than `max_wait` raises `discord.RateLimited` at once, as discord.py does for Discord's
    own 429s past `max_ratelimit_timeout`; after PROXY_RETRIES the last 429 is raised as discord.py raised it.
    """
    original = http.request

    async def request(route: Route, **kwargs: Any) -> Any:
        return await _retrying(
            lambda: original(route, **kwargs), route, kwargs.get("files"), max_wait=max_wait, sleep=sleep
        )

    # The instance's attribute, not the class's: other clients in the process keep discord.py's behaviour.
    setattr(http, "request", request)  # noqa: B010 - mypy refuses assigning to a method
    async_context.set(ProxyWebhookAdapter(max_wait=max_wait, sleep=sleep))


class ProxyWebhookAdapter(AsyncWebhookAdapter):
    """discord.py's adapter for interaction responses and webhooks, each request of which waits out a REST
    proxy's own 429s."""

    def __init__(self, *, max_wait: float, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._max_wait = max_wait
        self._sleep = sleep

    async def request(self, route: Route, session: Any, **kwargs: Any) -> Any:
        parent = super().request
        return await _retrying(
            lambda: parent(route, session, **kwargs),
            route,
            kwargs.get("files"),
            max_wait=self._max_wait,
            sleep=self._sleep,
        )


async def _retrying(
    attempt: Callable[[], Awaitable[Any]],
    route: Route,
    files: Sequence[discord.File] | None,
    *,
    max_wait: float,
    sleep: Callable[[float], Awaitable[None]],
) -> Any:
    """`attempt()`, made again after each proxy's own 429 (up to PROXY_RETRIES times), its wait slept."""
    for made in range(PROXY_RETRIES + 1):
        try:
            return await attempt()
        except discord.HTTPException as error:
            if made == PROXY_RETRIES or not is_proxys_own_429(error):
                raise
            wait = proxy_wait_seconds(error)
            if wait > max_wait:
                raise discord.RateLimited(wait) from error
            log.warning(
                "the REST proxy is rate limiting %s %s (its own 429, no Via): retrying in %.2fs",
                route.method,
                route.path,  # the template: never a token
                wait,
            )
            await sleep(wait)
            for file in files or ():
                file.reset()  # discord.py rewinds files only between its own attempts
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
