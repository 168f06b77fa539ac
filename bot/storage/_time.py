"""How instants are stored: UTC text in one fixed width, so that text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def to_db(moment: datetime) -> str:
    """Return `moment` (which must be timezone-aware) as fixed-width UTC text."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass an aware (UTC) datetime")
    return moment.astimezone(UTC).strftime(_FORMAT)


_WIDTH = len("2026-01-01T00:00:00.000000Z")


def from_db(text: str) -> datetime:
    """Inverse of `to_db`: an aware UTC datetime. Raises ValueError for text `to_db` does not write.

    `fromisoformat` reads the fixed form in C, several times faster than `strptime`: every row read decodes
    a few of these (a slot recorded for 100,000 subscriptions reads 300,000).
    """
    if len(text) != _WIDTH or text[10] != "T" or text[-1] != "Z":
        raise ValueError(f"not a stored instant: {text!r}")
    return datetime.fromisoformat(text)


def opt_from_db(text: str | None) -> datetime | None:
    """`from_db` that passes NULL through."""
    return None if text is None else from_db(text)
