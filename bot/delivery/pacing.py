"""Smooth pacing of requests under Discord's global limit: evenly spaced, never in bursts."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

logger = logging.getLogger(__name__)


class Pacer:
    """Grants at most `rate` permits per second, spaced at least 1/rate apart (burst 1), with a global pause.

    discord.py does not pace under the global limit of 50 requests/s, and bursts draw 429s; permits spaced
    evenly at 45/s drew none. `clock` (monotonic seconds) and `sleep` are injectable so tests can check the
    spacing without real time passing.
    """

    def __init__(
        self,
        rate_per_second: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        self.rate_per_second = rate_per_second
        self.interval = 1.0 / rate_per_second
        self._clock = clock
        self._sleep = sleep
        self._next_at = float("-inf")  # earliest time the next permit may be granted
        self._paused_until = float("-inf")

    async def acquire(self) -> float:
        """Wait for a permit and return the (clock) time it was granted for.

        Permits are granted in call order, each at least `interval` after the previous one and not before a
        pause ends; a pause that starts while a caller waits moves that caller past it.
        """
        while True:
            now = self._clock()
            at = max(now, self._next_at, self._paused_until)
            # Reserve before sleeping so that concurrent callers queue up one interval apart.
            self._next_at = at + self.interval
            if at > now:
                await self._sleep(at - now)
            if at >= self._paused_until:
                return at

    def pause(self, seconds: float) -> None:
        """Grant nothing for `seconds` from now (e.g. a global 429's retry_after); never shortens a pause."""
        until = self._clock() + max(0.0, seconds)
        if until > self._paused_until:
            logger.warning("pausing all deliveries for %.3fs (rate limited)", seconds)
            self._paused_until = until

    @property
    def paused_until(self) -> float:
        return self._paused_until
