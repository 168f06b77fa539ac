"""GET /channels/{id}/messages as Discord documents it.

* ``limit`` 1-100, default 50; anything else is a 400 (Discord's ``NUMBER_TYPE_MAX``/``_MIN``).
* ``before``, ``after`` and ``around`` take a snowflake (any snowflake: a message id or one made from a
  time); "only one may be passed at a time", so two of them are a 400 here.
* The answer is always newest first. ``before=B``: the newest ``limit`` messages older than B.
  ``after=A``: the oldest ``limit`` messages newer than A (still newest first, which is why
  discord.py takes ``data[0]`` as the next ``after`` when it pages oldest first). ``around=X``: up to
  ``limit // 2`` messages older than X, X itself if it exists, and up to ``limit // 2`` newer ones
  (discord.py's documented quirk: an even ``limit`` can give ``limit + 1``).

Messages are kept per channel in id order (ids grow with time), so each page is two bisections.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
ANCHORS = ("before", "after", "around")


def message_id(message: Mapping[str, Any]) -> int:
    return int(message["id"])


@dataclass(frozen=True)
class HistoryQuery:
    limit: int = DEFAULT_LIMIT
    anchor: str | None = None  # "before", "after", "around" or None (the newest messages)
    snowflake: int = 0


class HistoryQueryError(ValueError):
    """A query Discord refuses with 400 / 50035; ``errors`` is Discord's error tree."""

    def __init__(self, detail: str, errors: dict[str, Any]) -> None:
        super().__init__(detail)
        self.errors = errors


def field_error(name: str, code: str, message: str) -> HistoryQueryError:
    return HistoryQueryError(
        f"query {name}: {message}", {name: {"_errors": [{"code": code, "message": message}]}}
    )


def parse_limit(query: Mapping[str, str], *, default: int, minimum: int, maximum: int) -> int:
    """A ``limit`` query parameter as Discord checks it (``NUMBER_TYPE_COERCE``/``_MAX``/``_MIN``)."""
    if "limit" not in query:
        return default
    raw = query["limit"]
    if not raw.lstrip("-").isdigit():
        raise field_error("limit", "NUMBER_TYPE_COERCE", f"Value {raw!r} is not int.")
    limit = int(raw)
    if limit > maximum:
        raise field_error("limit", "NUMBER_TYPE_MAX", f"int value should be less than or equal to {maximum}.")
    if limit < minimum:
        raise field_error(
            "limit", "NUMBER_TYPE_MIN", f"int value should be greater than or equal to {minimum}."
        )
    return limit


def parse_query(query: Mapping[str, str]) -> HistoryQuery:
    limit = parse_limit(query, default=DEFAULT_LIMIT, minimum=1, maximum=MAX_LIMIT)
    given = [name for name in ANCHORS if name in query]
    if len(given) > 1:
        raise HistoryQueryError(
            f"query: {', '.join(given)} given together; before, after and around are mutually exclusive",
            {"_errors": [{"code": "BASE_TYPE_INVALID", "message": "Only one of before, after, around."}]},
        )
    if not given:
        return HistoryQuery(limit)
    name = given[0]
    raw = query[name]
    if not raw.isdigit():
        raise field_error(name, "NUMBER_TYPE_COERCE", f"Value {raw!r} is not snowflake.")
    return HistoryQuery(limit, name, int(raw))


def page(messages: Sequence[dict[str, Any]], query: HistoryQuery) -> list[dict[str, Any]]:
    """The messages Discord answers ``query`` with, newest first; ``messages`` is in id order."""
    limit = query.limit
    if query.anchor is None:
        chosen = messages[max(len(messages) - limit, 0) :]
    elif query.anchor == "before":
        end = bisect.bisect_left(messages, query.snowflake, key=message_id)
        chosen = messages[max(end - limit, 0) : end]
    elif query.anchor == "after":
        start = bisect.bisect_right(messages, query.snowflake, key=message_id)
        chosen = messages[start : start + limit]
    else:
        half = limit // 2
        at = bisect.bisect_left(messages, query.snowflake, key=message_id)
        exact = at < len(messages) and message_id(messages[at]) == query.snowflake
        newer_start = at + 1 if exact else at
        chosen = [
            *messages[max(at - half, 0) : at],
            *(messages[at : at + 1] if exact else []),
            *messages[newer_start : newer_start + half],
        ]
    return list(reversed(chosen))


def insert(messages: list[dict[str, Any]], message: dict[str, Any]) -> None:
    """Adds ``message`` keeping ``messages`` in id order (members may post "in the past" in tests)."""
    if not messages or message_id(messages[-1]) < message_id(message):
        messages.append(message)
    else:
        bisect.insort(messages, message, key=message_id)
