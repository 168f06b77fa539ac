"""``GET /channels/{id}/threads/archived/public`` as Discord documents it.

* ``before``: an ISO 8601 timestamp; only threads archived strictly before it ("returns threads before
  this timestamp"). discord.py pages with the last thread's ``archive_timestamp``, so threads archived
  in the same instant as a page's last one are never seen (as on Discord).
* ``limit``: 2-100 (Discord's OpenAPI description; discord.py never asks for fewer than 2), default 50.
* Newest archive first ("ordered by archive_timestamp, in descending order"); ``has_more`` says whether
  older ones remain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tests.standin.history import field_error, parse_limit
from tests.standin.world import Channel

DEFAULT_LIMIT = 50
MIN_LIMIT = 2
MAX_LIMIT = 100


@dataclass(frozen=True)
class ArchivedQuery:
    before: dt.datetime | None = None
    limit: int = DEFAULT_LIMIT


def parse_archived_query(query: Mapping[str, str]) -> ArchivedQuery:
    limit = parse_limit(query, default=DEFAULT_LIMIT, minimum=MIN_LIMIT, maximum=MAX_LIMIT)
    before = None
    if "before" in query:
        raw = query["before"]
        try:
            before = dt.datetime.fromisoformat(raw)
        except ValueError:
            raise field_error(
                "before", "DATE_TIME_TYPE_PARSE", f"Could not parse {raw!r}. Should be ISO8601."
            ) from None
        if before.tzinfo is None:
            before = before.replace(tzinfo=dt.UTC)
    return ArchivedQuery(before=before, limit=limit)


def archived_at(thread: Channel) -> dt.datetime:
    assert thread.thread is not None
    return dt.datetime.fromisoformat(thread.thread.archive_timestamp)


def archived_page(threads: Sequence[Channel], query: ArchivedQuery) -> tuple[list[Channel], bool]:
    """The page of archived threads the query selects, and whether older ones remain."""
    ordered = sorted(threads, key=lambda c: (archived_at(c), c.id), reverse=True)
    if query.before is not None:
        before = query.before
        ordered = [c for c in ordered if archived_at(c) < before]
    return ordered[: query.limit], len(ordered) > query.limit
