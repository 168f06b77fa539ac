"""What a Sender's error means for the message it was sending: the one reading of it, for every step of a
digest (its post, a forum post, its thread, its publish), the search before a resend, and an alert.

Each step decides what the meaning does to its row (a post given up is dead, a thread given up a note on the
sent row, a publish given up "not published"); what an error means is decided here alone, so no error kind is
retried on one path and taken for a fault on another.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.delivery.sender_protocol import (
    NothingToSendError,
    PermanentDeliveryError,
    RateLimitedError,
    TransientDeliveryError,
)


@dataclass(frozen=True, slots=True)
class GiveUp:
    """Trying again cannot help. `blames_channel`: Discord refused it there (403, 404, 400), which counts
    towards the channel's run of failures; False when there is nothing left to send (its briefs were
    unloaded), which is nobody's fault."""

    reason: str
    blames_channel: bool


@dataclass(frozen=True, slots=True)
class WaitOut:
    """Discord's limit (a 429, or a refused token, which every send waits out): try again after
    `retry_after` seconds, not counted as a failed attempt. `is_global`: every send waits (the pacer
    pauses)."""

    reason: str
    retry_after: float
    is_global: bool


@dataclass(frozen=True, slots=True)
class TryAgain:
    """May work later (a 5xx, the network, a timeout, an error no Sender names): a failed attempt, tried
    again with backoff. `unexpected`: no Sender raises it on purpose, so it is logged with its traceback."""

    reason: str
    unexpected: bool = False


SendFailure = GiveUp | WaitOut | TryAgain


def send_failure(error: Exception, *, timeout: float, doing: str | None = None) -> SendFailure:
    """What `error`, raised by a Sender (or TimeoutError, when a request outlasted `timeout` seconds), means.

    `doing` names the step for the reason of a failure tried again ("opening its thread: 503 …",
    "publishing timed out after 60s"); a reason Discord gave (GiveUp, WaitOut) is kept as it is. The
    caller keeps the database's own errors apart: they are not the Sender's.
    """
    if isinstance(error, NothingToSendError):
        return GiveUp(error.reason, blames_channel=False)
    if isinstance(error, PermanentDeliveryError):
        return GiveUp(error.reason, blames_channel=True)
    if isinstance(error, RateLimitedError):
        return WaitOut(error.reason, error.retry_after, error.is_global)
    if isinstance(error, TimeoutError):
        timed_out = f"timed out after {timeout:g}s"
        return TryAgain(timed_out if doing is None else f"{doing} {timed_out}")
    if isinstance(error, TransientDeliveryError):
        reason, unexpected = error.reason, False
    else:
        reason, unexpected = f"{type(error).__name__}: {error}", True
    return TryAgain(reason if doing is None else f"{doing}: {reason}", unexpected=unexpected)
