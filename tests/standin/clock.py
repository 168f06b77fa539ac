"""The stand-in's two clocks: stand-in seconds for its windows, and Discord's wall clock.

* ``seconds()``: monotonic stand-in time (frozen by ``freeze``, moved on by ``advance``). Rate-limit
  windows, nonce windows, interaction deadlines and the invalid-request window run on it.
* ``now()``: Discord's wall clock (an aware UTC ``datetime``). Snowflakes, message timestamps, the
  ``Date`` header and ``X-RateLimit-Reset`` come from it. By default it starts at the host's time and
  runs with ``seconds()`` (so freezing or advancing the stand-in moves it too); a test may inject its
  own ``now`` callable (e.g. the bot's fake clock) or set or shift it, so that Discord's clock and the
  bot's disagree on purpose.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from collections.abc import Callable


class StandInClock:
    def __init__(self, now: Callable[[], dt.datetime] | None = None) -> None:
        self._offset = 0.0
        self._frozen_at: float | None = None
        self._injected = now
        # Discord's wall clock read `_wall_at` when stand-in seconds read `_seconds_at`.
        self._wall_at = time.time()
        self._seconds_at = self.seconds()
        self._shift = 0.0  # added to an injected clock

    # ----- stand-in seconds ---------------------------------------------------------------------

    def seconds(self) -> float:
        now = time.monotonic() if self._frozen_at is None else self._frozen_at
        return now + self._offset

    def freeze(self) -> None:
        if self._frozen_at is None:
            self._frozen_at = time.monotonic()

    def unfreeze(self) -> None:
        if self._frozen_at is not None:
            self._offset -= time.monotonic() - self._frozen_at
            self._frozen_at = None

    def advance(self, seconds: float) -> None:
        self._offset += seconds

    # ----- Discord's wall clock -------------------------------------------------------------------

    def timestamp(self) -> float:
        """Discord's wall clock in POSIX seconds, to the millisecond (a snowflake's precision; it also
        keeps float noise out of frozen-clock tests)."""
        if self._injected is not None:
            return round(self._injected().timestamp() + self._shift, 3)
        return round(self._wall_at + (self.seconds() - self._seconds_at), 3)

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.timestamp(), dt.UTC)

    @property
    def injected(self) -> bool:
        """Whether Discord's clock follows a ``now`` callable rather than the stand-in's seconds."""
        return self._injected is not None

    def follow(self, now: Callable[[], dt.datetime]) -> None:
        """Discord's clock reads ``now()`` from here on (as if it had been given to the constructor)."""
        self._injected = now
        self._wall_shift = 0.0

    def set_now(self, when: dt.datetime) -> None:
        """Discord's clock reads ``when`` now (and runs on from there)."""
        if when.tzinfo is None:
            raise ValueError("set_now needs an aware datetime")
        if self._injected is not None:
            self._shift += when.timestamp() - self.timestamp()
        else:
            self._wall_at, self._seconds_at = when.timestamp(), self.seconds()

    def shift_now(self, seconds: float) -> None:
        """Moves Discord's wall clock only (rate-limit and nonce windows are not touched)."""
        if self._injected is not None:
            self._shift += seconds
        else:
            self._wall_at += seconds

    def http_date(self, offset: float = 0.0) -> str:
        """Discord's time (plus ``offset`` seconds) as an HTTP date, as in ``Date`` headers."""
        return email.utils.formatdate(self.timestamp() + offset, usegmt=True)
