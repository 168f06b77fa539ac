"""Discord's rate limits as the stand-in enforces them, and the headers that describe them.

* Global: ``global_limit`` requests per second per bot token; interaction callbacks and webhook
  (followup) requests are exempt. A global 429 carries ``"global": true`` and scope ``global``.
* Per route bucket: creating messages is limited per channel (``channel_limit``, observed at 5 per 5 s).
* Publishing (crossposting) is limited per channel, 10 per hour ("publish_limit"), shared by everyone
  who publishes there (every bot, and members through ``publish_as``): its 429 has scope ``shared``
  (a per-resource limit, which Discord does not count towards the invalid-request limit).
  Other routes get informational buckets (headers only, never a 429) so discord.py sees the headers it
  expects everywhere.

Windows are fixed: the first request opens a window of ``per`` seconds, as Discord's buckets behave.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class _Window:
    started: float
    count: int = 0


@dataclass(frozen=True)
class Decision:
    """The outcome of one request against one limit."""

    allowed: bool
    limit: int
    remaining: int
    reset_after: float
    bucket: str
    scope: str  # "global", "user" or "shared"
    wall_now: float  # Discord's wall clock (POSIX seconds) when decided: X-RateLimit-Reset is based on it

    def headers(self) -> dict[str, str]:
        reset_after = max(self.reset_after, 0.0)
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": f"{self.wall_now + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": self.bucket,
        }

    def rejection(self) -> tuple[dict[str, str], dict[str, Any]]:
        """Headers and JSON body of the 429 that this decision calls for."""
        retry_after = round(max(self.reset_after, 0.001), 3)
        headers = self.headers()
        headers["Retry-After"] = str(max(1, math.ceil(retry_after)))
        headers["X-RateLimit-Scope"] = self.scope
        if self.scope == "global":
            headers["X-RateLimit-Global"] = "true"
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": self.scope == "global",
        }
        return headers, body


class FixedWindows:
    """Counts requests per key in fixed windows of ``per`` seconds."""

    def __init__(
        self, limit: int, per: float, clock: Callable[[], float], wall_clock: Callable[[], float]
    ) -> None:
        self.limit = limit
        self.per = per
        self._clock = clock
        self._wall_clock = wall_clock
        self._windows: dict[Any, _Window] = {}

    def take(self, key: Any, *, bucket: str, scope: str, enforce: bool) -> Decision:
        now = self._clock()
        window = self._windows.get(key)
        if window is None or now >= window.started + self.per:
            window = self._windows[key] = _Window(started=now)
        reset_after = window.started + self.per - now
        if enforce and window.count >= self.limit:
            return Decision(False, self.limit, 0, reset_after, bucket, scope, self._wall_clock())
        window.count += 1
        remaining = max(self.limit - window.count, 0)
        return Decision(True, self.limit, remaining, reset_after, bucket, scope, self._wall_clock())


def bucket_hash(name: str) -> str:
    """A stable opaque bucket id, like the hashes Discord sends."""
    return hashlib.sha1(name.encode()).hexdigest()[:32]


class RateLimiter:
    """Applies the global limit and the route buckets to each request, in Discord's order."""

    MESSAGE_CREATE = "POST /channels/{channel_id}/messages"
    CROSSPOST = "POST /channels/{channel_id}/messages/{message_id}/crosspost"

    def __init__(
        self,
        *,
        enforce: bool,
        global_limit: int,
        channel_limit: tuple[int, float],
        clock: Callable[[], float],
        wall_clock: Callable[[], float] = time.time,
        publish_limit: tuple[int, float] = (10, 3600.0),
    ) -> None:
        self.enforce = enforce
        self._global = FixedWindows(global_limit, 1.0, clock, wall_clock)
        self._messages = FixedWindows(channel_limit[0], channel_limit[1], clock, wall_clock)
        self._informational = FixedWindows(global_limit, 1.0, clock, wall_clock)
        self._publishes = FixedWindows(publish_limit[0], publish_limit[1], clock, wall_clock)

    def check(self, *, token: str | None, route_key: str, major: str, exempt_from_global: bool) -> Decision:
        """Returns the decision whose headers the response carries; ``allowed`` False means 429."""
        if not exempt_from_global:
            global_decision = self._global.take(
                token, bucket=bucket_hash("global"), scope="global", enforce=self.enforce
            )
            if not global_decision.allowed:
                return global_decision
        if route_key == self.CROSSPOST:
            return self.take_publish(major)
        if route_key == self.MESSAGE_CREATE:
            return self._messages.take(
                major, bucket=bucket_hash(route_key), scope="user", enforce=self.enforce
            )
        return self._informational.take(
            (route_key, major), bucket=bucket_hash(route_key), scope="user", enforce=False
        )

    def take_publish(self, channel_id: str) -> Decision:
        """One publish in the channel's hourly window (whoever publishes)."""
        return self._publishes.take(
            channel_id, bucket=bucket_hash(self.CROSSPOST), scope="shared", enforce=self.enforce
        )
