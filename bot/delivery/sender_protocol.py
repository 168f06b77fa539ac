"""The boundary to Discord: what the dispatcher asks of the Discord layer, and the errors it understands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class DeliveryError(Exception):
    """Base of the errors a Sender raises. `reason` is short, human-readable, and stored in the ledger."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PermanentDeliveryError(DeliveryError):
    """Retrying cannot help (403 Missing Access/Permissions, 404 Unknown Channel, 400 bad request).

    The delivery is marked dead and never retried; e.g. `PermanentDeliveryError("403 Missing Access (50001)")`.
    """


class NothingToSendError(DeliveryError):
    """The delivery has nothing left to post (its briefs were removed since it was recorded): given up
    without blaming the channel."""


class TransientDeliveryError(DeliveryError):
    """May work later (5xx, timeouts, connection resets): retried with exponential backoff, a bounded number
    of times."""


class RateLimitedError(DeliveryError):
    """Discord said 429. `retry_after` is in seconds; `is_global` means the whole bot must wait, otherwise
    only this channel. Not counted as a failed attempt."""

    def __init__(self, retry_after: float, is_global: bool, reason: str | None = None) -> None:
        scope = "global" if is_global else "route"
        super().__init__(reason or f"429 rate limited ({scope}), retry after {retry_after:.3f}s")
        self.retry_after = max(0.0, float(retry_after))
        self.is_global = is_global


class Sender(Protocol):
    """What the Discord layer implements to post one digest."""

    async def send_digest(self, channel_id: int, nonce: str, brief_ids: Sequence[str]) -> int:
        """Post the digest of `brief_ids` (newest first) to `channel_id`, passing `nonce` with
        `enforce_nonce=True` so that a resend of the same delivery returns the original message. Returns the
        message id. Raises PermanentDeliveryError, TransientDeliveryError or RateLimitedError; anything else
        is treated as transient."""
        ...

    async def find_posted_digest(
        self, channel_id: int, brief_ids: Sequence[str], after_message_id: int | None
    ) -> int | None:
        """The id of a digest of exactly `brief_ids` that the bot posted to `channel_id` after message
        `after_message_id` (its last known digest there), or None. Used before resending a delivery whose
        first send may have gone through, once Discord's nonce deduplication can no longer be relied on.
        Raises like send_digest."""
        ...
