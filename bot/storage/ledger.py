"""The delivery ledger (outbox): one row per (channel, slot), recorded before anything is sent.

A row is created idempotently (INSERT OR IGNORE on the UNIQUE (channel_id, timezone, slot_key)) together with
what the digest will contain, and carries a nonce derived from (slot, channel). A pending row survives a crash
and is sent again with the same nonce, which Discord uses to return the original message instead of posting
a duplicate. States:

    pending -> sent (message_id, sent_at) | dead (reason) | cancelled (unsubscribed or paused)
            | held (an earlier send may have posted it and the channel's history could not tell: never
              resent on its own; the reason says why)
            | expired (not posted within DIGEST_STALE_AFTER of its slot; the reason says why)
    skipped (nothing new to send), missed (slot older than the catch-up grace): final when recorded
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal, Protocol, TypeVar

from bot.storage._compact import (
    BASE62,
    CHANNEL_DIGITS,
    Member,
    decode_channel,
    members_of_channels,
    promote,
    promote_channels,
)
from bot.storage._rows import Columns
from bot.storage._sql import elements, json_list
from bot.storage._time import from_db, to_db
from bot.storage.database import Connection, Database, Dialect
from bot.storage.leases import Lease, SendLeases, fence, take
from bot.storage.subscriptions import PauseCause, Subscription, fetch_subscription, pause_in

logger = logging.getLogger(__name__)

DeliveryState = Literal["pending", "sent", "dead", "skipped", "missed", "cancelled", "held", "expired"]
NONCE_LENGTH = 25  # Discord's limit for a message nonce
DEFAULT_PAUSE_AFTER = 3
MANUAL_TIMEZONE = "manual"  # the `timezone` of rows made by `/digest now`, apart from every schedule's slots
# Subscriptions recorded per transaction, a fixed number per engine (never sized by the time a chunk took:
# under load that shrinks chunks until round trips are all the time spent; on PostgreSQL chunks of 50 made
# 100,000 take 164 s). On SQLite a chunk holds the write lock (and the one connection every command and send
# waits for) for tens of milliseconds (bench/record.py measures it; the aim is under 100 ms). On PostgreSQL
# the write lock is only the writers' advisory lock (reads, claims and outcomes go on beside it), and each
# chunk costs round trips and a commit: larger chunks.
RECORD_CHUNK: dict[Dialect, int] = {"sqlite": 500, "postgresql": 2000}
_SKIPPED_SHOWN = 10  # channel ids named in the log line of a slot's skipped channels

_POSTED_ANYWAY = "; the message was posted anyway, its request having left before the cancellation"
_HELD_POSTED = (
    "cancelled: the channel was unsubscribed or paused after a send had begun, and its history shows the"
    " message was posted"
)
MISSED_REASON = "the slot passed while the bot was not running (beyond the catch-up grace)"
# The version a channel had of a brief it was posted before versions were kept and that was not loaded when
# they were adopted: no version is known to be what the channel had, so every version loaded later differs
# from it (the brief comes again as updated, what changed untold), none is taken for current.
UNKNOWN_VERSION = "unknown"


class SlotLike(Protocol):
    """What the ledger needs of a slot (bot.delivery.slots.Slot satisfies it)."""

    @property
    def key(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def timezone(self) -> str: ...


class Contents(Protocol):
    """What the ledger needs of a decision on a digest's briefs (bot.delivery.contents.DigestContents):
    the briefs, newest first, or none and why."""

    @property
    def brief_ids(self) -> Sequence[str]: ...
    @property
    def skip_reason(self) -> str | None: ...
    @property
    def versions(self) -> Sequence[tuple[str, str]]: ...
    @property
    def updated_from(self) -> Sequence[tuple[str, str]]: ...


ContentsT = TypeVar("ContentsT")
ChooseContents = Callable[[Sequence[str], Mapping[str, str | None], Set[str], Set[str]], ContentsT]
"""Decides a channel's next digest from (available brief ids newest first; those among them delivered to the
channel, each with the content version it had, None when delivered before versions were kept; those held by
its pending and held rows; the tags its subscription follows, none for every brief). The delivery layer's rule is
passed in: storage does not decide."""

SnapshotOf = Callable[[str, str], str | None]
"""(brief id, content version) -> that version serialised, or None when it is not at hand. The ledger keeps
what it is given of each version a row carries, so that the row can be sent as recorded after a restart."""


@dataclass(frozen=True, slots=True)
class RecordedContent:
    """What a digest row recorded of its briefs: the content version of each (those known), and for each
    carried as updated, the version the channel had."""

    versions: dict[str, str]
    updated_from: dict[str, str]


_SLOT_DIGITS = NONCE_LENGTH - 1 - CHANNEL_DIGITS


def make_nonce(timezone: str, slot_key: str, channel_id: int) -> str:
    """The message nonce for one channel's digest of one slot: deterministic, 25 characters.

    'd', 52 bits of SHA-256 of the slot in hex, then the channel id in fixed-width base 62: the same inputs
    always give the same nonce (so a resend after a crash is recognised by Discord), and different ones
    differ (two slots of a channel share a prefix with negligible probability; two channels of a slot never
    share a suffix). The slot first and the channel in order keep one slot's nonces together and sorted, so
    recording a slot for channels in id order appends to the nonce index instead of rewriting pages all
    over it.
    """
    return _nonce_prefix(timezone, slot_key) + _channel_digits(channel_id)


def _nonce_prefix(timezone: str, slot_key: str) -> str:
    """The slot's part of its nonces: computed once per slot when recording one."""
    return "d" + hashlib.sha256(f"{timezone}|{slot_key}".encode()).hexdigest()[:_SLOT_DIGITS]


_BASE62_PAIRS = [high + low for high in BASE62 for low in BASE62]  # two digits per division


def _channel_digits(channel_id: int) -> str:
    """`channel_id` in `CHANNEL_DIGITS` base-62 digits (1 + 5 pairs), most significant first: two
    divisions by 62**4 and then pairs looked up."""
    if not 0 <= channel_id < 62**CHANNEL_DIGITS:
        raise ValueError("channel id beyond a Discord snowflake")
    high, low = divmod(channel_id, _FOUR_DIGITS)
    top, middle = divmod(high, _FOUR_DIGITS)  # top < 62**3
    pairs = _BASE62_PAIRS
    return (
        BASE62[top // 3844]
        + pairs[top % 3844]
        + pairs[middle // 3844]
        + pairs[middle % 3844]
        + pairs[low // 3844]
        + pairs[low % 3844]
    )


_FOUR_DIGITS = 62**4


@dataclass(frozen=True, slots=True)
class Delivery:
    """One ledger row. `brief_ids` are what the digest contains, newest first."""

    id: int
    channel_id: int
    guild_id: int
    timezone: str
    slot_key: str
    slot_at: datetime
    nonce: str
    state: DeliveryState
    brief_ids: tuple[str, ...]
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    reason: str | None
    message_id: int | None
    sent_at: datetime | None
    created_at: datetime
    updated_at: datetime
    attempt_started_at: datetime | None = None  # when a send first began; the message may exist since
    last_attempt_at: datetime | None = None  # when the latest send began
    # Skipped or cancelled because of a pause: what paused it (see bot.storage.subscriptions.PauseCause).
    pause_cause: PauseCause | None = None
    thread_id: int | None = None  # the thread the digest opened (a forum post's is its message's id)
    published_at: datetime | None = None  # crossposted to the announcement channel's followers
    not_published: str | None = None  # why a digest to be published was not
    # Held: looks at its channel since it was held that could not decide (its backoff doubles with each), and
    # whether the last could not read the history at all (then a permission given back brings a look at once).
    held_checks: int = 0
    held_blind: bool = False


_DELIVERIES = Columns(Delivery)
# A chunk's channels as recording a slot needs them, in one statement: the subscription now (columns by
# position, as `_record_chunk` unpacks them), whether the slot's row exists, the available briefs it has had
# with the version of each (a JSON object), the briefs its pending and held rows reserve (a JSON array in a
# canonical order, so channels in the same state have the same text), and the tags it follows. The `+`
# makes SQLite scan the channel's delivered briefs (a short run of the primary key) instead of looking each
# available brief up: measured several times faster. Pending and held rows are found through their partial
# indexes by channel, not by reading the channel's whole history; the reserved briefs are gathered only for a
# channel that has such a row (NULL otherwise: no reservation), since the UNION builds a temporary table each
# time it runs (measured with callgrind: 24,700 instructions a channel without a pending row, 20,700 so).
# A chunk's channel ids (a JSON array bound at `{}`) as an array that PostgreSQL evaluates once, before the
# statement: `channel_id = ANY (ARRAY(...))` is then an index scan of the chunk's keys. Written as
# `IN (SELECT json_array_elements_text(...))`, the planner cannot know the list is short, and joined it to a
# sequential scan of every subscription (and every row of the slot) in each chunk: recording grew with the
# square of the subscriptions (EXPLAIN ANALYZE; tests/unit/test_record_chunks.py counts the rows read).
_CHUNK_IDS_POSTGRESQL = "ARRAY(SELECT CAST(json_array_elements_text(CAST({} AS json)) AS BIGINT))"


# A channel's compact rows in groups of one state (or of the slot's groups): each such group's member looked up
# by (group, channel); the groups of a state or of a slot are few beside the channels.
def _compact_row(channel: str, where: str) -> str:
    return (
        "SELECT 1 FROM delivery_groups AS g JOIN delivery_members AS m ON m.group_id = g.id"  # noqa: S608
        f" AND m.channel_id = {channel} WHERE {where}"
    )


_HAS_RESERVING_ROW = (
    "EXISTS (SELECT 1 FROM deliveries AS p WHERE p.channel_id = s.channel_id AND p.state = 'pending')"  # noqa: S608 - constant fragments
    " OR EXISTS (SELECT 1 FROM deliveries AS h WHERE h.channel_id = s.channel_id AND h.state = 'held')"
    " OR EXISTS (" + _compact_row("s.channel_id", "g.state = 'pending'") + ")"
)
# Whether the channel has the slot's row, in either form (the slot bound at `?` twice: time zone, key).
_HAS_SLOT_ROW = (
    "EXISTS (SELECT 1 FROM deliveries AS d WHERE d.channel_id = s.channel_id AND d.timezone = ?"  # noqa: S608 - constant fragments
    " AND d.slot_key = ?{offset})"
    f" OR EXISTS ({_compact_row('s.channel_id', 'g.timezone = ? AND g.slot_key = ?')}{{offset}})"
)
_CHUNK_STATE: dict[Dialect, str] = {
    "sqlite": (
        "SELECT s.channel_id, s.guild_id, s.active, s.schedule, s.timezone, s.recorded_through,"  # noqa: S608
        " s.paused_at, s.paused_reason, s.pause_cause,"
        f" {_HAS_SLOT_ROW.format(offset='')},"
        " (SELECT json_group_object(b.brief_id, b.version) FROM delivered_briefs AS b"
        " WHERE b.channel_id = s.channel_id AND +b.brief_id IN (SELECT value FROM json_each(?))),"
        f" CASE WHEN {_HAS_RESERVING_ROW} THEN (SELECT json_group_array(reserved) FROM ("
        "SELECT j.value AS reserved FROM deliveries AS p, json_each(p.brief_ids) AS j"
        " WHERE p.channel_id = s.channel_id AND p.state = 'pending'"
        " UNION SELECT j.value FROM deliveries AS h, json_each(h.brief_ids) AS j"
        " WHERE h.channel_id = s.channel_id AND h.state = 'held'"
        " UNION SELECT j.value FROM delivery_groups AS g JOIN delivery_members AS m ON m.group_id = g.id"
        " AND m.channel_id = s.channel_id, json_each(g.brief_ids) AS j WHERE g.state = 'pending'"
        " ORDER BY reserved)) END,"
        " s.tags"
        " FROM subscriptions AS s WHERE s.channel_id IN (SELECT value FROM json_each(?))"
    ),
    # The same on PostgreSQL's JSON functions; the aggregates ordered, so that channels in one state read
    # the same text (SQLite's follow the primary key and the sorted union). The available briefs are one
    # jsonb object, built once per statement (an uncorrelated subquery), each delivered row of the channel
    # tested against it: as an IN list, PostgreSQL looked each available brief up in every channel
    # (20 index probes a channel for 3 rows, EXPLAIN ANALYZE).
    "postgresql": (
        "SELECT s.channel_id, s.guild_id, s.active, s.schedule, s.timezone, s.recorded_through,"  # noqa: S608
        " s.paused_at, s.paused_reason, s.pause_cause,"
        f" {_HAS_SLOT_ROW.format(offset=' OFFSET 0')},"
        " (SELECT json_object_agg(b.brief_id, b.version ORDER BY b.brief_id) FROM delivered_briefs AS b"
        " WHERE b.channel_id = s.channel_id AND jsonb_exists((SELECT jsonb_object_agg(a, TRUE)"
        " FROM json_array_elements_text(?::json) AS available (a)), b.brief_id)),"
        f" CASE WHEN {_HAS_RESERVING_ROW} THEN (SELECT json_agg(reserved ORDER BY reserved) FROM ("
        'SELECT j.value COLLATE "C" AS reserved FROM deliveries AS p,'
        " json_array_elements_text(p.brief_ids::json) AS j (value)"
        " WHERE p.channel_id = s.channel_id AND p.state = 'pending'"
        " UNION SELECT j.value FROM deliveries AS h, json_array_elements_text(h.brief_ids::json) AS j (value)"
        " WHERE h.channel_id = s.channel_id AND h.state = 'held'"
        " UNION SELECT j.value FROM delivery_groups AS g JOIN delivery_members AS m ON m.group_id = g.id"
        " AND m.channel_id = s.channel_id, json_array_elements_text(g.brief_ids::json) AS j (value)"
        " WHERE g.state = 'pending') AS r) END,"
        " s.tags"
        f" FROM subscriptions AS s WHERE s.channel_id = ANY ({_CHUNK_IDS_POSTGRESQL.format('?')})"
    ),
}


# One decision's channels of a chunk, as members of its group, set-based: each member made from its subscription
# inside the database, in channel order (appended to both B-trees of the table: a group's id is the newest).
_INSERT_MEMBERS: dict[Dialect, str] = {
    "sqlite": (
        "INSERT INTO delivery_members (group_id, channel_id, guild_id) SELECT :group_id, s.channel_id, s.guild_id"
        " FROM subscriptions AS s WHERE s.channel_id IN (SELECT value FROM json_each(:channel_ids))"
        " ORDER BY s.channel_id"
    ),
    "postgresql": (
        "INSERT INTO delivery_members (group_id, channel_id, guild_id)"  # noqa: S608 - a constant fragment
        " SELECT CAST(:group_id AS BIGINT), s.channel_id, s.guild_id FROM subscriptions AS s"
        f" WHERE s.channel_id = ANY ({_CHUNK_IDS_POSTGRESQL.format(':channel_ids')}) ORDER BY s.channel_id"
    ),
}


async def _retire_empty_groups(connection: Connection) -> None:
    """Delete the groups whose members have all been promoted (a slot's, once its fan-out took them): what
    reads a channel's compact rows looks each group up, so groups left empty would slow it down. Run in a
    recording's first transaction (on PostgreSQL every recording holds the writers' lock): a group being
    filled by another recording in progress is checked again by that one's next chunk (`_record_chunk`)."""
    await connection.execute(
        "DELETE FROM delivery_groups WHERE NOT EXISTS"
        " (SELECT 1 FROM delivery_members AS m WHERE m.group_id = delivery_groups.id)"
    )


async def _new_group(
    connection: Connection, slot: SlotLike, prefix: str, key: tuple[_Decision, str | None], stamp: str
) -> int:
    """A new group of `slot` for one decision (and pause cause): its id."""
    (state, reason, brief_ids, next_at, versions, updated_from), cause = key
    group_id = await connection.fetchval(
        "INSERT INTO delivery_groups (timezone, slot_key, slot_at, nonce_prefix, state, brief_ids,"
        " next_attempt_at, reason, pause_cause, brief_versions, updated_from, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            slot.timezone,
            slot.key,
            to_db(slot.at),
            prefix,
            state,
            brief_ids,
            next_at,
            reason,
            cause,
            versions,
            updated_from,
            stamp,
            stamp,
        ),
    )
    assert group_id is not None
    return int(group_id)


# The turn (`due_in_turn`): each channel's oldest due row (its head: no due row of the channel before it),
# the heads numbered within their server (`in_guild`, oldest slot first), ordered by that number first: one
# channel per server per round. Only the first `window` rows of the turn are wanted, and none of them is beyond
# its server's `window`-th head, so the turn is built from each server's first few heads, not from every due
# row: a server's heads are read in order from deliveries_pending_by_guild (covering), each checked against
# its channel's run of deliveries_pending_by_channel, and the read stops after `:per_guild` of them. Ranking
# every due row instead cost 335 ms for a slot of 100,000 rows (bench/record.py), with the database held.
_DUE = "(next_attempt_at <= :now OR updated_at > :now)"


# A channel with a send in flight: a lease on it in force, of any process, or one of `:owner`'s own, expired
# or not (a process ends its own leases itself: see bot.storage.leases).
def _sending(alias: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM send_leases AS l WHERE l.channel_id = {alias}.channel_id"  # noqa: S608 - an alias
        " AND l.delivery_id IS NOT NULL AND (l.expires_at > :now OR l.owner = :owner))"
    )


_SENDING = _sending("p")
# Servers with pending rows, each once, in id order: a skip scan of deliveries_pending_by_guild (one seek a
# server), so it costs what the servers number, not what their rows do.
_GUILDS_PENDING = (
    "WITH RECURSIVE guilds (guild_id) AS (SELECT min(guild_id) FROM deliveries WHERE state = 'pending'"
    " UNION ALL SELECT (SELECT min(d.guild_id) FROM deliveries AS d WHERE d.state = 'pending'"
    " AND d.guild_id > g.guild_id) FROM guilds AS g WHERE g.guild_id IS NOT NULL)"
    " SELECT guild_id FROM guilds WHERE guild_id IS NOT NULL"
)
# A group whose members are due (they share its state and times).
_GROUP_DUE = "{0}.state = 'pending' AND ({0}.next_attempt_at <= :now OR {0}.updated_at > :now)"
# Servers with compact pending due rows: a skip scan of each such group's members by server (the groups few).
_COMPACT_GUILDS_PENDING = (
    "WITH RECURSIVE found (group_id, guild_id) AS ("  # noqa: S608 - constant fragments
    " SELECT g.id, (SELECT min(m.guild_id) FROM delivery_members AS m WHERE m.group_id = g.id)"
    f" FROM delivery_groups AS g WHERE {_GROUP_DUE.format('g')}"
    " UNION ALL SELECT f.group_id, (SELECT min(m.guild_id) FROM delivery_members AS m"
    " WHERE m.group_id = f.group_id AND m.guild_id > f.guild_id) FROM found AS f WHERE f.guild_id IS NOT NULL)"
    " SELECT DISTINCT guild_id FROM found WHERE guild_id IS NOT NULL"
)


def _compact_heads_by_guild(dialect: Dialect, *, claimable: bool) -> str:
    """The first `:per_guild` compact heads of each group and server in the JSON array `:guilds`, in channel
    order: (group id, channel id, guild id, slot_at); on SQLite, a row per group and server with its channel
    ids as a JSON array. Of a slot, a channel's full row comes before its compact
    one (`<=`), and compact rows of one slot by group."""
    head = (
        "NOT EXISTS (SELECT 1 FROM deliveries AS e WHERE e.channel_id = q.channel_id"  # noqa: S608 - constant
        " AND e.state = 'pending' AND e.slot_at <= g.slot_at"
        " AND (e.next_attempt_at <= :now OR e.updated_at > :now))"
        " AND NOT EXISTS (SELECT 1 FROM delivery_groups AS g2 JOIN delivery_members AS e2"
        " ON e2.group_id = g2.id AND e2.channel_id = q.channel_id WHERE g2.state = 'pending'"
        " AND (g2.next_attempt_at <= :now OR g2.updated_at > :now)"
        " AND (g2.slot_at < g.slot_at OR (g2.slot_at = g.slot_at AND g2.id < g.id)))"
        + (f" AND NOT {_sending('q')}" if claimable else "")
    )
    if dialect == "sqlite":
        # SQLite has no LATERAL, and a correlated IN list against the members made it scan every member of
        # the group for each server (EXPLAIN QUERY PLAN): each (group, server)'s read is a scalar subquery,
        # its channels one JSON array, read once per (group, server) along delivery_members_by_guild.
        return (
            "SELECT g.id, (SELECT json_group_array(channel_id) FROM (SELECT q.channel_id"  # noqa: S608
            f" FROM delivery_members AS q WHERE q.group_id = g.id AND q.guild_id = gu.value AND {head}"
            " ORDER BY q.channel_id LIMIT :per_guild)), gu.value, g.slot_at"
            f" FROM json_each(:guilds) AS gu CROSS JOIN delivery_groups AS g WHERE {_GROUP_DUE.format('g')}"
        )
    return (
        "SELECT g.id, h.channel_id, h.guild_id, g.slot_at"  # noqa: S608 - constant fragments
        " FROM json_array_elements_text(CAST(:guilds AS json)) AS gu (guild_id)"
        " CROSS JOIN delivery_groups AS g CROSS JOIN LATERAL (SELECT q.channel_id, q.guild_id"
        " FROM delivery_members AS q WHERE q.group_id = g.id AND q.guild_id = CAST(gu.guild_id AS BIGINT)"
        f" AND {head} ORDER BY q.channel_id LIMIT CAST(:per_guild AS INTEGER)) AS h"
        f" WHERE {_GROUP_DUE.format('g')}"
    )


def _heads_by_guild(dialect: Dialect, *, claimable: bool) -> str:
    """The first `:per_guild` heads of each server in the JSON array `:guilds`, oldest slot first, then by
    channel: (id, guild_id, slot_at, channel_id). `claimable`: of channels without a send in flight (`_sending`) only."""
    head = (
        "q.state = 'pending' AND (q.next_attempt_at <= :now OR q.updated_at > :now)"  # noqa: S608 - constant
        + (f" AND NOT {_sending('q')}" if claimable else "")
        + " AND NOT EXISTS (SELECT 1 FROM deliveries AS e WHERE e.channel_id = q.channel_id"
        " AND e.state = 'pending' AND (e.slot_at < q.slot_at OR (e.slot_at = q.slot_at AND e.id < q.id))"
        " AND (e.next_attempt_at <= :now OR e.updated_at > :now))"
        " AND NOT EXISTS (SELECT 1 FROM delivery_groups AS g2 JOIN delivery_members AS e2"
        " ON e2.group_id = g2.id AND e2.channel_id = q.channel_id WHERE g2.state = 'pending'"
        " AND (g2.next_attempt_at <= :now OR g2.updated_at > :now) AND g2.slot_at < q.slot_at)"
    )
    if dialect == "sqlite":
        # SQLite has no LATERAL: each server's limited read is the list an IN takes (run once a server); CROSS
        # JOIN keeps the servers outside (with statistics of a small ledger SQLite chose to scan every row).
        return (
            "SELECT p.id, p.guild_id, p.slot_at, p.channel_id FROM json_each(:guilds) AS g"  # noqa: S608
            " CROSS JOIN deliveries AS p ON p.id IN (SELECT q.id FROM deliveries AS q WHERE q.guild_id = g.value"
            f" AND {head} ORDER BY q.slot_at, q.channel_id, q.id LIMIT :per_guild)"
        )
    return (
        "SELECT h.id, h.guild_id, h.slot_at, h.channel_id"  # noqa: S608 - constant fragments
        " FROM json_array_elements_text(CAST(:guilds AS json)) AS g (guild_id) CROSS JOIN LATERAL"
        " (SELECT q.id, q.guild_id, q.slot_at, q.channel_id FROM deliveries AS q"
        f" WHERE q.guild_id = CAST(g.guild_id AS BIGINT) AND {head}"
        " ORDER BY q.slot_at, q.channel_id, q.id LIMIT CAST(:per_guild AS INTEGER)) AS h"
    )


# The rows of the turn's ids (JSON array `:ids`), in its order. For a claim, each is checked again where it is
# locked (`FOR UPDATE` rereads the conditions on a row another transaction changed and committed since the
# statement began: a claim of a row that another process's outcome made sent meanwhile finds it no longer
# pending, and takes nothing), and the first `:limit` not locked by another claim are taken (on PostgreSQL
# `SKIP LOCKED` locks them in that order, below the LIMIT): processes claiming at once take the next rows
# along rather than all reaching for the same first ones.
_IN_TURN_ROWS: dict[Dialect, str] = {
    "sqlite": (
        f"SELECT {_DELIVERIES.names} FROM deliveries"  # noqa: S608 - constant columns
        " JOIN (SELECT key AS position, value AS wanted FROM json_each(:ids)) AS t ON deliveries.id = t.wanted"
        " WHERE deliveries.state = 'pending'"
        " AND (deliveries.next_attempt_at <= :now OR deliveries.updated_at > :now)"
        " ORDER BY t.position LIMIT :limit"
    ),
    "postgresql": (
        f"SELECT {_DELIVERIES.names} FROM deliveries"  # noqa: S608 - constant columns
        " JOIN json_array_elements_text(CAST(:ids AS json)) WITH ORDINALITY AS t (wanted, position)"
        " ON deliveries.id = CAST(t.wanted AS BIGINT)"
        " WHERE deliveries.state = 'pending'"
        " AND (deliveries.next_attempt_at <= :now OR deliveries.updated_at > :now)"
        " ORDER BY t.position LIMIT CAST(:limit AS INTEGER)"
    ),
}


# An entry of the turn: a full row's id, or a compact row (group id, channel id).
_TurnEntry = int | Member


async def _turn(connection: Connection, stamp: str, window: int, *, owner: str | None) -> list[_TurnEntry]:
    """The turn's first `window` rows, in its order (`owner`: those claimable by it only), in either form.

    Each server's first `per_guild` heads are read, `per_guild` starting at an equal share of `window`: the
    rows read are those numbered up to `per_guild` in their server. When they are at least `window`, the
    turn's first `window` are among them (every row left unread is numbered after all of them); otherwise
    the servers that had `per_guild` (and may have more) are read again with a larger share, until the rows
    are enough or every server's heads are read. A server's heads are its full ones and its compact ones (each
    group's first in channel order), merged: oldest slot first, then by channel."""
    guilds = sorted(
        {int(row[0]) for row in await connection.fetch(_GUILDS_PENDING)}
        | {int(row[0]) for row in await connection.fetch(_COMPACT_GUILDS_PENDING, {"now": stamp})}
    )
    full_sql = _heads_by_guild(connection.dialect, claimable=owner is not None)
    compact_sql = _compact_heads_by_guild(connection.dialect, claimable=owner is not None)
    # Sort keys: (slot_at, channel id, 0, id) full; (slot_at, channel id, 1, group id) compact. Heads are one
    # per channel, so the order does not depend on the form of any row (nor on the ids promotion gives).
    heads: dict[int, list[tuple[str, int, int, int]]] = {}
    per_guild = max(1, -(-window // max(1, len(guilds))))
    while guilds:
        parameters: dict[str, object] = {"now": stamp, "guilds": json_list(guilds), "per_guild": per_guild}
        if owner is not None:
            parameters["owner"] = owner
        fresh: dict[int, list[tuple[str, int, int, int]]] = {guild: [] for guild in guilds}
        saturated: set[int] = set()
        for row in await connection.fetch(full_sql, parameters):
            fresh[int(row[1])].append((str(row[2]), int(row[3]), 0, int(row[0])))
        saturated.update(guild for guild, found in fresh.items() if len(found) >= per_guild)
        per_group: dict[tuple[int, int], int] = {}
        for row in await connection.fetch(compact_sql, parameters):
            group_id, guild = int(row[0]), int(row[2])
            # SQLite: one row per (group, server) with its channels as a JSON array; PostgreSQL: a row each.
            channel_ids = json.loads(str(row[1])) if isinstance(row[1], str) else [int(row[1])]
            for channel_id in channel_ids:
                fresh[guild].append((str(row[3]), int(channel_id), 1, group_id))
            per_group[group_id, guild] = per_group.get((group_id, guild), 0) + len(channel_ids)
            if per_group[group_id, guild] >= per_guild:
                saturated.add(guild)
        for guild, found in fresh.items():
            found.sort()
            if guild in saturated:
                del found[per_guild:]  # beyond them, a source read only so far may hold rows before them
        heads.update(fresh)
        if sum(map(len, heads.values())) >= window or not saturated:
            break
        guilds, per_guild = sorted(saturated), per_guild * 2
    numbered = [(in_guild, *key) for found in heads.values() for in_guild, key in enumerate(found, start=1)]
    return [
        key if kind == 0 else (key, channel_id) for _, _, channel_id, kind, key in sorted(numbered)[:window]
    ]


async def _turn_ids(connection: Connection, stamp: str, window: int, *, owner: str | None) -> list[int]:
    """`_turn`'s rows as full rows' ids, in its order: its compact rows promoted first, in this transaction
    (one promoted meanwhile by another process is left out: that process has it)."""
    turn = await _turn(connection, stamp, window, owner=owner)
    made = await promote(connection, [entry for entry in turn if isinstance(entry, tuple)])
    return [
        entry if isinstance(entry, int) else made[entry]
        for entry in turn
        if isinstance(entry, int) or entry in made
    ]


# Rows read per claim beyond its limit, for the claims of other processes running at the same time to lock.
CLAIM_WINDOW_SPARE = 256
_CLAIMABLE_HELD = (
    f"SELECT {_DELIVERIES.names} FROM deliveries AS p WHERE state = 'held'"  # noqa: S608 - constant columns
    " AND (next_attempt_at IS NULL OR next_attempt_at <= :now OR updated_at > :now)"
    f" AND NOT {_SENDING} ORDER BY slot_at, id LIMIT :limit"
)


# state, reason, brief_ids JSON, next attempt, brief_versions JSON, updated_from JSON
_Decision = tuple[DeliveryState, str | None, str, str | None, str | None, str | None]


class _Decisions:
    """`choose` asked once per distinct (delivered, reserved, followed) state of a slot's channels: it is a
    pure rule of those and the available briefs (fixed for the slot), so channels in the same state share its
    answer, kept as the row's columns. A state is keyed by its JSON texts as the chunk's read gives them.
    Notes the content versions its pending rows carry (`carried`)."""

    def __init__(self, choose: ChooseContents[Contents], available: Sequence[str], stamp: str) -> None:
        self._choose = choose
        self._available = available
        self._stamp = stamp
        self._known: dict[tuple[str, str, str | None], _Decision] = {}
        self.carried: dict[tuple[str, str], None] = {}  # (brief id, version) of pending rows, in order

    def get(self, delivered: str | None, reserved: str | None, follows: str | None) -> _Decision:
        """The decision for a channel that has had the briefs of JSON object `delivered` (id to version), while
        its pending and held rows hold those of JSON array `reserved`, following the tags of JSON array
        `follows` (None: every brief)."""
        key = (delivered or "{}", reserved or "[]", follows)
        known = self._known.get(key)
        if known is not None:
            return known
        contents = self._choose(
            self._available,
            json.loads(key[0]),
            frozenset(json.loads(key[1])),
            frozenset(json.loads(follows) if follows else ()),
        )
        decision = _decision_of(contents, self._stamp)
        if decision[0] == "pending":
            self.carried.update(dict.fromkeys(contents.versions))
        self._known[key] = decision
        return decision


@dataclass(frozen=True, slots=True)
class DigestWindow:
    """What a digest covers: its slot (or, `by_hand`, when `/digest now` asked for it), from the slot of the
    channel's previous digest that was posted (`since`; None for the channel's first)."""

    slot_at: datetime
    since: datetime | None
    by_hand: bool


def _decision_of(contents: Contents, stamp: str) -> _Decision:
    chosen = list(contents.brief_ids)
    if not chosen:
        return ("skipped", contents.skip_reason, "[]", None, None, None)
    return (
        "pending",
        None,
        json.dumps(chosen),
        stamp,
        json.dumps(dict(contents.versions)),
        json.dumps(dict(contents.updated_from)) if contents.updated_from else None,
    )


@dataclass(slots=True)
class SlotRecord:
    """What recording one slot did: channel ids per outcome."""

    pending: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)  # a row for (channel, slot) existed: left as it was
    # Unsubscribed, or subscribed again afresh or to another schedule, after the caller read its subscriptions
    # and before the slot was recorded: the slot is no longer the channel's, so it has no row.
    dropped: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FailureOutcome:
    """What marking a delivery dead did: the subscription's run of consecutive failures, and whether it was
    paused because of it."""

    consecutive_failures: int
    paused: bool


class DeliveryLedger:
    """The outbox. Every write is a `BEGIN IMMEDIATE` transaction (recording a slot: one per chunk)."""

    def __init__(
        self, database: Database, *, pause_after: int = DEFAULT_PAUSE_AFTER, record_chunk: int | None = None
    ) -> None:
        """`record_chunk`: subscriptions recorded per transaction (default: RECORD_CHUNK of the engine)."""
        if record_chunk is not None and record_chunk < 1:
            raise ValueError("record_chunk must be at least 1")
        self._db = database
        self.pause_after = pause_after
        self.record_chunk = RECORD_CHUNK[database.dialect] if record_chunk is None else record_chunk
        self.leases = SendLeases(database)

    # --- recording ---

    async def record_slot(
        self,
        slot: SlotLike,
        subscriptions: Sequence[Subscription],
        *,
        available_brief_ids: Sequence[str],
        choose: ChooseContents[Contents],
        now: datetime,
        missed: bool = False,
        on_pending: Callable[[], None] | None = None,
        snapshot_of: SnapshotOf | None = None,
    ) -> SlotRecord:
        """Record `slot` for each subscription, idempotently, `record_chunk` subscriptions per transaction.

        Each chunk is read and written set-based (what its channels have had and hold, in bulk; its rows in
        one insert) and advances its own channels' `recorded_through`, so a crash between chunks leaves the
        rest to be recorded at the next start, and no transaction keeps commands and sends waiting for long.

        For each channel without a row for this slot, a row is created: 'missed' if `missed`; otherwise
        with the briefs `choose` picks from `available_brief_ids` (newest first) given those delivered to the
        channel and those reserved by its other pending and held rows: 'pending' with them, or 'skipped' with
        the reason when it picks none. Existing rows are left untouched. Each subscription's `recorded_through` is
        advanced to the slot. A pending row keeps the content version of each brief it carries, and
        `snapshot_of` gives each such version serialised, kept beside the rows (see `brief_snapshot`).

        `subscriptions` were read before this transaction began, so an admin may have acted since: each is
        read again inside it. One no longer active, or subscribed again since (on another schedule or time
        zone, or afresh after the slot), gets no row (`dropped`); one paused since gets a 'skipped' row with
        the pause's reason. None of them ever gets a pending row.

        `on_pending` is called after each chunk that committed pending rows, so that sending them can begin
        while later chunks are still being recorded.
        """
        result = SlotRecord()
        # In channel order: each chunk's rows then go to neighbouring pages of every index they enter.
        in_order = sorted(subscriptions, key=lambda subscription: subscription.channel_id)
        decisions = _Decisions(choose, available_brief_ids, to_db(now))
        kept: set[tuple[str, str]] = set()  # versions whose snapshot a committed chunk wrote
        group_ids: dict[tuple[_Decision, str | None], int] = {}  # the slot's group of each decision
        for start in range(0, len(in_order), self.record_chunk):
            pending_before = len(result.pending)
            await self._record_chunk(
                slot,
                in_order[start : start + self.record_chunk],
                available_brief_ids=available_brief_ids,
                decisions=decisions,
                now=now,
                missed=missed,
                result=result,
                snapshots=(snapshot_of, kept),
                group_ids=group_ids,
                retire=start == 0,
            )
            if on_pending is not None and len(result.pending) > pending_before:
                on_pending()
        if result.dropped:
            logger.info(
                "slot %s (%s): %d channel(s) unsubscribed or rescheduled meanwhile; no digest for them",
                slot.key,
                slot.timezone,
                len(result.dropped),
            )
        if result.skipped:
            # One line for the slot, not one per channel (a slot with nothing new skips every channel of it);
            # each row keeps its own reason for /digest history.
            shown = ", ".join(str(channel_id) for channel_id in result.skipped[:_SKIPPED_SHOWN])
            more = len(result.skipped) - _SKIPPED_SHOWN
            logger.info(
                "slot %s (%s): %d channel(s) skipped, nothing to send (%s%s)",
                slot.key,
                slot.timezone,
                len(result.skipped),
                shown,
                f" and {more} more" if more > 0 else "",
            )
        return result

    async def _record_chunk(
        self,
        slot: SlotLike,
        chunk: Sequence[Subscription],
        *,
        available_brief_ids: Sequence[str],
        decisions: _Decisions,
        now: datetime,
        missed: bool,
        result: SlotRecord,
        snapshots: tuple[SnapshotOf | None, set[tuple[str, str]]],
        group_ids: dict[tuple[_Decision, str | None], int],
        retire: bool = False,
    ) -> None:
        """One transaction of `record_slot`: its outcomes are added to `result`; the snapshots of versions its
        rows carry are written with them (`snapshots`: where to get them, and those already written).

        Its reads are one statement: each channel's subscription as it is now, whether it has the slot's row,
        which available briefs it has had and which its pending and held rows reserve. Most channels of a
        slot are in one of a few (delivered, reserved) states, so `decisions` asks the rule once per distinct
        state of the slot and reuses its answer, already encoded as the row's columns.

        It commits without waiting for the disk (`durable=False`, synchronous=NORMAL). A power loss can then
        undo the whole chunk, never part of it: its rows and its channels' `recorded_through` go together,
        so the next start records the slot for those channels again (or as missed, past the grace). It can
        never undo a row that was sent: every send is preceded by `mark_attempt_started`'s durable commit,
        which (later in the same write-ahead log) makes this one durable too.
        """
        stamp = to_db(now)
        slot_at = to_db(slot.at)
        slot_timezone, slot_key = slot.timezone, slot.key
        prefix = _nonce_prefix(slot_timezone, slot_key)
        channel_ids = [s.channel_id for s in chunk]
        pending, skipped, already, dropped = result.pending, result.skipped, result.already, result.dropped
        async with self._db.transaction(durable=False) as connection:
            if connection.dialect == "postgresql":
                # Every statement of a chunk reads by key (bot/storage/ledger's notes, test_record_plans). With
                # the statistics of a member table still empty (a new database, or the last analyze before a
                # slot's recording filled it), PostgreSQL planned the chunk's lookups of compact rows as scans
                # of every member: recording would grow with the square of the slot. Scans are for none here.
                await connection.execute("SET LOCAL enable_seqscan = off")
            if retire:
                await _retire_empty_groups(connection)
            current = {
                row[0]: row
                for row in await connection.fetch(
                    _CHUNK_STATE[connection.dialect],
                    (
                        slot_timezone,
                        slot_key,
                        slot_timezone,
                        slot_key,
                        json_list([] if missed else available_brief_ids),
                        json_list(channel_ids),
                    ),
                )
            }
            # The rows to insert, by their decision (and pause cause): usually one group per chunk.
            groups: dict[tuple[_Decision, str | None], list[int]] = {}
            done: set[int] = set()
            for read_before in chunk:
                channel_id = read_before.channel_id
                found = current.get(channel_id)
                if found is None:
                    dropped.append(channel_id)
                    continue
                (
                    _,
                    _guild_id,  # the insert reads it from the subscription, in this transaction
                    active,
                    schedule,
                    timezone,
                    through,
                    paused_at,
                    paused_reason,
                    pause_cause,
                    has_row,
                    had,
                    reserved,
                    follows,
                ) = found
                # The slot's row exists (another process recorded it since this one read the subscriptions,
                # and may have moved `recorded_through` past the slot already): left as it is.
                if has_row or channel_id in done:
                    already.append(channel_id)
                    continue
                # Still the subscription's slot (text order is time order): active, on the schedule it was
                # read with, and not subscribed again afresh after the slot (nothing before that is back-filled).
                if not (
                    active
                    and schedule == read_before.schedule
                    and timezone == slot_timezone
                    and through <= slot_at
                ):
                    dropped.append(channel_id)
                    continue
                done.add(channel_id)
                decision: _Decision
                if paused_at is not None:
                    # A paused subscription keeps its slots: each is skipped, with the pause's reason and cause.
                    decision = ("skipped", f"subscription paused: {paused_reason}", "[]", None, None, None)
                elif missed:
                    decision = ("missed", MISSED_REASON, "[]", None, None, None)
                else:
                    decision = decisions.get(had, reserved, follows)
                state = decision[0]
                cause = pause_cause if paused_at is not None else None
                groups.setdefault((decision, cause), []).append(channel_id)
                (pending if state == "pending" else skipped if state == "skipped" else result.missed).append(
                    channel_id
                )
            # No row for (channel, slot) exists (read above, in this transaction): each decision's channels
            # become members of its group, the slot's one for that decision (made by the first chunk that
            # needs it, made again if it was retired meanwhile, empty: `_retire_empty_groups`).
            made: dict[tuple[_Decision, str | None], int] = {}
            for key, members in groups.items():
                group_id = group_ids.get(key)
                if group_id is None or not await connection.fetchval(
                    "SELECT EXISTS (SELECT 1 FROM delivery_groups WHERE id = ?)", (group_id,)
                ):
                    group_id = await _new_group(connection, slot, prefix, key, stamp)
                    made[key] = group_id
                await connection.execute(
                    _INSERT_MEMBERS[connection.dialect],
                    {"group_id": group_id, "channel_ids": json_list(members)},
                )
            snapshot_of, kept = snapshots
            written = [version for version in decisions.carried if version not in kept]
            if groups and written:
                await _keep_snapshots(connection, written, snapshot_of, stamp)
            await _advance(connection, channel_ids, slot.at)
        group_ids.update(made)
        if groups and written:
            kept.update(written)

    async def record_manual(
        self,
        *,
        channel_id: int,
        guild_id: int,
        available_brief_ids: Sequence[str],
        choose: ChooseContents[Contents],
        now: datetime,
        snapshot_of: SnapshotOf | None = None,
    ) -> Delivery | None:
        """A one-off digest asked for by hand (`/digest now`): a pending row of its own, delivered like any other.

        It carries the briefs `choose` picks, as in `record_slot`. Scheduled slots and their watermark are
        untouched. Returns None, recording nothing, when it picks none.
        """
        key = now.strftime("now %Y-%m-%dT%H:%M:%S.%f")
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            reserved = await _pending_brief_ids(connection, [channel_id])
            contents = await _contents(
                connection, channel_id, available_brief_ids, reserved.get(channel_id, set()), choose
            )
            if not contents.brief_ids:
                return None
            _, _, brief_ids, _, versions, updated_from = _decision_of(contents, stamp)
            delivery_id = await connection.fetchval(
                "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
                " brief_ids, next_attempt_at, created_at, updated_at, brief_versions, updated_from)"
                " VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    channel_id,
                    guild_id,
                    MANUAL_TIMEZONE,
                    key,
                    stamp,
                    make_nonce(MANUAL_TIMEZONE, key, channel_id),
                    brief_ids,
                    stamp,
                    stamp,
                    stamp,
                    versions,
                    updated_from,
                ),
            )
            await _keep_snapshots(connection, list(contents.versions), snapshot_of, stamp)
        assert delivery_id is not None
        return await self.get(delivery_id)

    async def next_contents(
        self, channel_id: int, available_brief_ids: Sequence[str], choose: ChooseContents[ContentsT]
    ) -> ContentsT:
        """What `choose` picks for the channel's next digest as things stand, as `record_slot` would ask it;
        nothing is recorded (`/digest preview`)."""
        async with self._db.read() as connection:
            reserved = await _pending_brief_ids(connection, [channel_id])
            return await _contents(
                connection, channel_id, available_brief_ids, reserved.get(channel_id, set()), choose
            )

    # --- content versions ---

    async def recorded_content(self, nonce: str) -> RecordedContent | None:
        """What the row with `nonce` recorded of its briefs' versions; None if there is no such row. Read on
        what is committed now, without waiting for this process's turn (bot.storage.database `peek_row`): it
        is asked just before the digest's pacing permit (bot.app.discord_sender's `prepare_digest`), which
        must not wait behind the process's other reads and writes (64 sends' worth: seconds). What it reads
        is written when the row is recorded."""
        row = await self._db.peek_row(
            f"SELECT brief_versions, updated_from FROM ({_BY_NONCE}) AS found",  # noqa: S608 - constant
            _by_nonce(nonce),
        )
        if row is None:
            return None
        return RecordedContent(
            json.loads(str(row["brief_versions"] or "{}")), json.loads(str(row["updated_from"] or "{}"))
        )

    async def followed_tags(self, channel_id: int) -> frozenset[str]:
        """The tags the channel's subscription follows (none: every brief, or no subscription)."""
        async with self._db.read() as connection:
            return await _followed_tags(connection, channel_id)

    async def brief_snapshot(self, brief_id: str, version: str) -> str | None:
        """Version `version` of brief `brief_id` as it was kept when a row recorded it, or None if not kept."""
        async with self._db.read() as connection:
            row = await connection.fetchrow(
                "SELECT snapshot FROM brief_versions WHERE brief_id = ? AND version = ?", (brief_id, version)
            )
        return None if row is None else str(row["snapshot"])

    async def adopt_versions(
        self, current: Mapping[str, str], snapshot_of: SnapshotOf, *, now: datetime
    ) -> tuple[int, int]:
        """Give what was written before versions were kept the `current` versions (brief id to version, the
        library loaded now): each channel's unversioned deliveries of those briefs count as current, and each
        unversioned pending or held row carries them (the version it would have posted). Keeps the snapshots
        they now name. Returns (deliveries, rows) adopted. Upgrading thus re-posts nothing. A delivery of a
        brief not in `current` gets UNKNOWN_VERSION: whatever version it is loaded at later is an update to
        the channel (the bot never saw what it had), never adopted as current."""
        stamp = to_db(now)
        async with self._db.read() as connection:
            found = await connection.fetchval(_UNVERSIONED)
        if not found:
            return 0, 0  # the usual start: nothing from before versions (no write, so no wait for one)
        async with self._db.transaction() as connection:
            deliveries = await connection.execute(
                _ADOPT_DELIVERED[connection.dialect], (json.dumps(dict(current)), json.dumps(dict(current)))
            )
            # Not loaded now: never seen at any version. Marked, so that the version it comes back at is
            # not adopted at a later start nor taken for what the channel had.
            unknown = await connection.execute(
                "UPDATE delivered_briefs SET version = ? WHERE version IS NULL", (UNKNOWN_VERSION,)
            )
            unversioned = [
                (int(row["id"]), json.loads(str(row["brief_ids"])))
                for row in await connection.fetch(
                    "SELECT id, brief_ids FROM deliveries WHERE brief_versions IS NULL"
                    " AND state IN ('pending', 'held')"
                )
            ]
            adopted = [
                (json.dumps({b: current[b] for b in brief_ids if b in current}), delivery_id)
                for delivery_id, brief_ids in unversioned
            ]
            await connection.executemany("UPDATE deliveries SET brief_versions = ? WHERE id = ?", adopted)
            named = {(b, current[b]) for _, brief_ids in unversioned for b in brief_ids if b in current}
            if deliveries:
                named |= {
                    (str(r["brief_id"]), str(r["version"]))
                    for r in await connection.fetch(
                        "SELECT DISTINCT brief_id, version FROM delivered_briefs"  # noqa: S608 - constant
                        f" WHERE version IS NOT NULL AND brief_id IN ({elements(connection.dialect, 'text')})",
                        (json_list(current),),
                    )
                }
            await _keep_snapshots(
                connection, sorted(v for v in named if current.get(v[0]) == v[1]), snapshot_of, stamp
            )
        if deliveries or adopted:
            logger.info(
                "content versions adopted: %d delivered brief(s) and %d pending digest(s) from before versions"
                " were kept count as the briefs loaded now",
                deliveries,
                len(adopted),
            )
        if unknown:
            logger.info(
                "%d delivered brief(s) from before versions were kept are not loaded now: each comes again as"
                " updated once loaded",
                unknown,
            )
        return deliveries, len(adopted)

    async def kept_versions(self) -> list[tuple[str, str]]:
        """Every (brief id, version) kept serialised."""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                "SELECT brief_id, version FROM brief_versions ORDER BY brief_id, version"
            )
        return [(str(row["brief_id"]), str(row["version"])) for row in rows]

    async def rename_versions(self, renamed: Mapping[tuple[str, str], str]) -> None:
        """Give each (brief id, version) in `renamed` its new name wherever it is written: its kept snapshot,
        what each channel had, what pending and held rows carry and tell against (the same content under
        another format of version)."""
        if not renamed:
            return
        async with self._db.transaction() as connection:
            for (brief_id, old), new in renamed.items():
                await connection.execute(
                    "INSERT INTO brief_versions (brief_id, version, snapshot, recorded_at)"
                    " SELECT brief_id, ?, snapshot, recorded_at FROM brief_versions"
                    " WHERE brief_id = ? AND version = ? ON CONFLICT (brief_id, version) DO NOTHING",
                    (new, brief_id, old),
                )
                await connection.execute(
                    "DELETE FROM brief_versions WHERE brief_id = ? AND version = ?", (brief_id, old)
                )
                await connection.execute(
                    "UPDATE delivered_briefs SET version = ? WHERE brief_id = ? AND version = ?",
                    (new, brief_id, old),
                )
            rows = await connection.fetch(
                "SELECT id, brief_versions, updated_from FROM deliveries WHERE state IN ('pending', 'held')"
            )
            rewritten = []
            for row in rows:
                columns = [
                    _renamed_json(row["brief_versions"], renamed),
                    _renamed_json(row["updated_from"], renamed),
                ]
                if columns != [row["brief_versions"], row["updated_from"]]:
                    rewritten.append((*columns, int(row["id"])))
            await connection.executemany(
                "UPDATE deliveries SET brief_versions = ?, updated_from = ? WHERE id = ?", rewritten
            )
            groups = await connection.fetch(
                "SELECT id, brief_versions, updated_from FROM delivery_groups WHERE state = 'pending'"
            )
            regrouped = []
            for row in groups:
                columns = [
                    _renamed_json(row["brief_versions"], renamed),
                    _renamed_json(row["updated_from"], renamed),
                ]
                if columns != [row["brief_versions"], row["updated_from"]]:
                    regrouped.append((*columns, int(row["id"])))
            await connection.executemany(
                "UPDATE delivery_groups SET brief_versions = ?, updated_from = ? WHERE id = ?", regrouped
            )
        logger.info("%d kept brief version(s) renamed to this format of versions", len(renamed))

    async def keep_versions(
        self, versions: Sequence[tuple[str, str]], snapshot_of: SnapshotOf, *, now: datetime
    ) -> None:
        """Keep these (brief id, version) serialised, as `snapshot_of` gives them, unless kept already."""
        async with self._db.transaction() as connection:
            await _keep_snapshots(connection, versions, snapshot_of, to_db(now))

    async def prune_versions(self) -> int:
        """Delete the kept versions nothing needs any more: none carried or told against by a pending or held
        row, none the version a channel last had. Returns how many were deleted."""
        unneeded = (
            f"FROM brief_versions WHERE (brief_id, version) NOT IN ({_NEEDED_VERSIONS[self._db.dialect]})"
        )
        async with self._db.read() as connection:
            found = await connection.fetchval(f"SELECT EXISTS (SELECT 1 {unneeded})")
        if not found:
            return 0
        async with self._db.transaction() as connection:
            deleted = await connection.execute(f"DELETE {unneeded}")
        if deleted:
            logger.info("%d brief version(s) no digest needs any more deleted", deleted)
        return deleted

    async def needed_versions(self) -> set[tuple[str, str]]:
        """The (brief id, version) pairs something still needs (see `prune_versions`)."""
        async with self._db.read() as connection:
            rows = await connection.fetch(_NEEDED_VERSIONS[connection.dialect])
        return {(str(row[0]), str(row[1])) for row in rows}

    async def advance_recorded_through(self, channel_ids: Iterable[int], through: datetime) -> None:
        """Note that every slot up to `through` has been dealt with for these channels (never moves back)."""
        async with self._db.transaction() as connection:
            await _advance(connection, list(channel_ids), through)

    # --- the dispatcher's side ---

    async def due(self, now: datetime, *, limit: int = 500) -> list[Delivery]:
        """Pending rows whose next attempt is due at `now`, oldest slot first, at most `limit`.

        A row written "after" `now` means the wall clock has since been set back (an NTP correction, a VM
        restored): its next attempt was reckoned on the wrong clock, so it is due now rather than late.
        """
        stamp = to_db(now)
        # A write: compact rows among them are handed out as full rows, promoted.
        async with self._db.row_transaction(durable=False) as connection:
            found = await connection.fetch(
                "SELECT id, group_id, channel_id FROM ledger_rows WHERE state = 'pending'"
                " AND (next_attempt_at <= ? OR updated_at > ?)"
                " ORDER BY slot_at, channel_id, id, group_id LIMIT ?",
                (stamp, stamp, limit),
            )
            made = await promote(connection, [(int(r[1]), int(r[2])) for r in found if r[1] is not None])
            ids = [
                int(r[0]) if r[1] is None else made[int(r[1]), int(r[2])]
                for r in found
                if r[1] is None or (int(r[1]), int(r[2])) in made
            ]
            rows = await connection.fetch(
                f"SELECT {_DELIVERIES.names} FROM deliveries"  # noqa: S608 - constant columns
                f" WHERE id IN ({elements(connection.dialect)})",
                (json_list(ids),),
            )
        by_id = {int(row["id"]): _DELIVERIES.read(row) for row in rows}
        return [by_id[delivery_id] for delivery_id in ids]

    async def due_in_turn(self, now: datetime, *, limit: int = 500) -> list[Delivery]:
        """The due rows the dispatcher takes next, at most `limit`: each channel's oldest due row only (its
        next send; a channel sends one at a time), taken round-robin by server: every server's first channel,
        oldest slot first, then every server's second channel, and so on.

        So 250 `/digest now` rows in one channel, or a slot for a thousand channels of one server, are one
        row per turn among the others, never a queue in front of another server's digest. "Due" is as in
        `due`.
        """
        if limit <= 0:
            return []
        stamp = to_db(now)
        # A write: the turn's compact rows are handed out as full rows, promoted (see `_turn_ids`).
        async with self._db.row_transaction(durable=False) as connection:
            ids = await _turn_ids(connection, stamp, limit, owner=None)
            rows = await connection.fetch(
                _IN_TURN_ROWS[connection.dialect], {"ids": json_list(ids), "now": stamp, "limit": limit}
            )
        return [_DELIVERIES.read(row) for row in rows]

    async def claim_due(
        self, now: datetime, *, owner: str, lease_for: timedelta, limit: int = 500
    ) -> list[tuple[Delivery, Lease]]:
        """`due_in_turn`'s rows, in its order, of channels with no send in flight (no lease in force, of any
        process, and none of `owner`'s own), each claimed for `owner` until `now + lease_for` in the same
        transaction: processes claiming at once get different channels, and a slot's fan-out is shared."""
        return await self._claim(
            _IN_TURN_ROWS[self._db.dialect], now, owner=owner, lease_for=lease_for, limit=limit
        )

    async def claim_held_due(
        self, now: datetime, *, owner: str, lease_for: timedelta, limit: int = 100
    ) -> list[tuple[Delivery, Lease]]:
        """`held_due`'s rows of channels with no send in flight, claimed as `claim_due` claims: looking for a
        held digest in its channel is one process's work at a time too."""
        return await self._claim(_CLAIMABLE_HELD, now, owner=owner, lease_for=lease_for, limit=limit)

    async def _claim(
        self, sql: str, now: datetime, *, owner: str, lease_for: timedelta, limit: int
    ) -> list[tuple[Delivery, Lease]]:
        if limit <= 0:
            return []
        # Losing a claim to a power cut loses nothing: the process that made it is gone too. A row transaction:
        # claims of several processes (and this one's outcomes) run at once, each locking the rows it picks
        # (`SKIP LOCKED`: passing over another claim's) and then their channels' leases (bot.storage.leases).
        stamp = to_db(now)
        async with self._db.row_transaction(durable=False) as connection:
            parameters: dict[str, object] = {"now": stamp, "owner": owner, "limit": limit}
            if sql is not _CLAIMABLE_HELD:
                # The turn's first rows, beyond `limit` by CLAIM_WINDOW_SPARE for other processes' claims.
                turn = await _turn_ids(connection, stamp, limit + CLAIM_WINDOW_SPARE, owner=owner)
                parameters = {"ids": json_list(turn), "now": stamp, "limit": limit}
            found = await connection.fetch(sql + _skip_locked(self._db, sql), parameters)
            rows = [_DELIVERIES.read(row) for row in found]
            tokens = await take(
                connection,
                [(row.id, row.channel_id) for row in rows],
                owner=owner,
                now=now,
                until=now + lease_for,
            )
        return [
            (row, Lease(row.id, row.channel_id, owner, tokens[row.id])) for row in rows if row.id in tokens
        ]

    async def next_attempt_at(self) -> datetime | None:
        """The earliest next attempt among pending rows, or None when nothing is pending."""
        async with self._db.read() as connection:
            row = await connection.fetchrow(
                "SELECT min(next_at) AS next_at FROM (SELECT min(next_attempt_at) AS next_at FROM deliveries"
                " WHERE state = 'pending' UNION ALL SELECT min(g.next_attempt_at) FROM delivery_groups AS g"
                " WHERE g.state = 'pending' AND EXISTS (SELECT 1 FROM delivery_members AS m"
                " WHERE m.group_id = g.id)) AS both_forms"
            )
        return None if row is None or row["next_at"] is None else from_db(str(row["next_at"]))

    async def count(self, state: DeliveryState) -> int:
        """How many rows are in `state`."""
        async with self._db.read() as connection:
            row = await connection.fetchrow(
                "SELECT (SELECT count(*) FROM deliveries WHERE state = ?) + (SELECT count(*)"
                " FROM delivery_groups AS g JOIN delivery_members AS m ON m.group_id = g.id WHERE g.state = ?)"
                " AS n",
                (state, state),
            )
        return int(row["n"]) if row else 0

    async def mark_posted(
        self, delivery_id: int, *, message_id: int, now: datetime, lease: Lease | None = None
    ) -> bool:
        """Note that the pending row's digest is posted as `message_id` while its thread or publish remain:
        the row stays pending, and its next attempt does only what remains. False if it was not pending, or
        if `lease` (kept) was taken over (bot.storage.leases)."""
        async with self._db.row_transaction() as connection:
            await _lock_delivery(connection, delivery_id)
            if not await fence(connection, lease, release=False, what="noting it posted"):
                return False
            changed = (
                await connection.execute(
                    "UPDATE deliveries SET message_id = ?, updated_at = ? WHERE id = ? AND state = 'pending'",
                    (message_id, to_db(now), delivery_id),
                )
                > 0
            )
        return changed

    async def subscription_of(self, channel_id: int) -> Subscription | None:
        """The channel's subscription (active or not), whose options say how its digests are posted."""
        async with self._db.read() as connection:
            return await fetch_subscription(connection, channel_id)

    async def mark_sent(
        self,
        delivery_id: int,
        *,
        message_id: int,
        now: datetime,
        thread_id: int | None = None,
        published: bool = False,
        not_published: str | None = None,
        note: str | None = None,
        lease: Lease | None = None,
    ) -> bool:
        """Record the digest as posted (message `message_id`) and its briefs as delivered to the channel, and
        end the subscription's run of failures, all in one transaction.

        Only a pending row becomes sent, or a held one found posted after all while its channel still wants
        digests. A row cancelled (unsubscribe, pause) while its request was already on its way stays
        cancelled, since nobody asked for that digest any more, and so does a held one found posted after its
        channel was unsubscribed or paused (the cancel held it: bot.storage.subscriptions); but its message
        exists, so the row keeps the message id and a reason saying so, and its briefs count as delivered
        (they are not posted to the channel again). Returns False unless a pending or held row became sent.

        `thread_id` is the thread it opened, `published` whether it was crossposted, `not_published` why it
        was not when it should have been, `note` what else went wrong after posting (kept as the reason).
        With `lease`, nothing is written if it was taken over since (bot.storage.leases); else it ends.
        """
        stamp = to_db(now)
        # A row transaction: sends' outcomes of different rows are written at once (each locks its row, then
        # its lease; the channel's briefs and subscription are its own: one send in flight per channel).
        async with self._db.row_transaction() as connection:
            await _lock_delivery(connection, delivery_id)
            if not await fence(connection, lease, release=True, what="recording it sent"):
                return False
            row = await connection.fetchrow(
                "UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, updated_at = ?,"
                " attempts = attempts + 1, next_attempt_at = NULL, reason = ?, thread_id = ?,"
                " published_at = ?, not_published = ?"
                " WHERE id = ? AND (state = 'pending' OR state = 'held' AND NOT EXISTS (SELECT 1 FROM"
                " subscriptions AS s WHERE s.channel_id = deliveries.channel_id"
                " AND (s.active = 0 OR s.paused_at IS NOT NULL)))"
                " RETURNING channel_id, brief_ids, brief_versions",
                (
                    message_id,
                    stamp,
                    stamp,
                    note,
                    thread_id,
                    stamp if published else None,
                    not_published,
                    delivery_id,
                ),
            )
            sent = row is not None
            if row is None:
                row = await connection.fetchrow(
                    "UPDATE deliveries SET message_id = ?, sent_at = ?, updated_at = ?, next_attempt_at = NULL,"
                    " reason = CASE WHEN state = 'held' THEN ? ELSE coalesce(reason, 'cancelled') || ? END,"
                    " state = 'cancelled'"
                    " WHERE id = ? AND state IN ('cancelled', 'held') AND (message_id IS NULL OR message_id = ?)"
                    " AND sent_at IS NULL RETURNING channel_id, brief_ids, brief_versions",
                    (message_id, stamp, stamp, _HELD_POSTED, _POSTED_ANYWAY, delivery_id, message_id),
                )
                if row is None:
                    return False
                logger.warning(
                    "delivery %d to channel %d was cancelled while its message %d was being posted; it stays"
                    " cancelled",
                    delivery_id,
                    int(row["channel_id"]),
                    message_id,
                )
            channel_id = int(row["channel_id"])
            versions = json.loads(str(row["brief_versions"] or "{}"))
            # What the channel has now is the version this digest showed: a brief had before at another
            # version (an update) has its version replaced.
            await connection.executemany(
                "INSERT INTO delivered_briefs (channel_id, brief_id, delivery_id, delivered_at, version)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id, brief_id) DO UPDATE"
                " SET version = excluded.version WHERE excluded.version IS NOT NULL",
                [
                    (channel_id, brief_id, delivery_id, stamp, versions.get(brief_id))
                    for brief_id in json.loads(str(row["brief_ids"]))
                ],
            )
            if sent:
                await connection.execute(
                    "UPDATE subscriptions SET consecutive_failures = 0 WHERE channel_id = ?", (channel_id,)
                )
        return sent

    async def mark_dead(
        self,
        delivery_id: int,
        *,
        reason: str,
        now: datetime,
        counts_against_channel: bool = True,
        lease: Lease | None = None,
    ) -> FailureOutcome | None:
        """Give the row up for good with `reason` (never retried), in one transaction with the consequences.

        When the channel is to blame (`counts_against_channel`: Discord refused it), counts a failure for its
        subscription and pauses the subscription once `pause_after` deliveries in a row have died; an outage
        of Discord or of the network is nobody's channel's fault. Returns None if the row was not pending,
        or if `lease` (which ends) was taken over.
        """
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            if not await fence(connection, lease, release=True, what="recording it dead"):
                return None
            row = await connection.fetchrow(
                "UPDATE deliveries SET state = 'dead', reason = ?, last_error = coalesce(last_error, ?),"
                " updated_at = ?, attempts = attempts + 1, next_attempt_at = NULL"
                " WHERE id = ? AND state = 'pending' RETURNING channel_id",
                (reason, reason, stamp, delivery_id),
            )
            if row is None:
                return None
            channel_id = int(row["channel_id"])
            if not counts_against_channel:
                logger.warning("delivery %d to channel %d given up: %s", delivery_id, channel_id, reason)
                return FailureOutcome(consecutive_failures=0, paused=False)
            counted = await connection.fetchrow(
                "UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1, updated_at = ?"
                " WHERE channel_id = ? RETURNING consecutive_failures",
                (stamp, channel_id),
            )
            failures = int(counted[0]) if counted else 0
            paused = False
            if counted is not None and failures >= self.pause_after:
                paused = await pause_in(
                    connection,
                    channel_id,
                    f"{failures} deliveries in a row failed; last: {reason}",
                    now,
                    cause="failures",
                )
        logger.warning("delivery %d to channel %d is dead: %s", delivery_id, channel_id, reason)
        return FailureOutcome(consecutive_failures=failures, paused=paused)

    async def mark_retry(
        self,
        delivery_id: int,
        *,
        error: str,
        next_attempt_at: datetime,
        now: datetime,
        count_attempt: bool = True,
        lease: Lease | None = None,
    ) -> bool:
        """Keep the row pending, to be tried again at `next_attempt_at`, noting `error`.

        A rate limit is not an attempt (`count_attempt=False`). Returns False if the row was not pending, or
        if `lease` (which ends: any process may take the row when it is due) was taken over.
        """
        async with self._db.row_transaction() as connection:
            await _lock_delivery(connection, delivery_id)
            if not await fence(connection, lease, release=True, what="noting its retry"):
                return False
            changed = (
                await connection.execute(
                    "UPDATE deliveries SET attempts = attempts + ?, last_error = ?, next_attempt_at = ?,"
                    " updated_at = ? WHERE id = ? AND state = 'pending'",
                    (int(count_attempt), error, to_db(next_attempt_at), to_db(now), delivery_id),
                )
                > 0
            )
        return changed

    async def mark_attempt_started(self, delivery_id: int, *, now: datetime) -> None:
        """Note, before each send, that a send begins: from the first one on, the message may exist on
        Discord's side (`attempt_started_at`), made no later than the latest one (`last_attempt_at`)."""
        stamp = to_db(now)
        async with self._db.row_transaction() as connection:
            await connection.execute(
                "UPDATE deliveries SET attempt_started_at = coalesce(attempt_started_at, ?),"
                " last_attempt_at = ? WHERE id = ?",
                (stamp, stamp, delivery_id),
            )

    async def mark_held(
        self,
        delivery_id: int,
        *,
        reason: str,
        now: datetime,
        recheck_at: datetime | None = None,
        blind: bool = False,
        lease: Lease | None = None,
    ) -> bool:
        """Hold a pending row that an earlier send may have posted when looking could not tell: it is never
        sent again on its own, and `reason` says why; its channel is looked at again from `recheck_at` (None:
        at once), and at once when the bot may read that history again if `blind` (the look could not read
        it at all). Returns False if the row was not pending, or if `lease` (which ends) was taken over."""
        return await self._settle(
            delivery_id, "held", reason, now, next_attempt_at=recheck_at, blind=blind, lease=lease
        )

    async def mark_expired(
        self, delivery_id: int, *, reason: str, now: datetime, held: bool = False, lease: Lease | None = None
    ) -> bool:
        """Give a pending row (with `held`, a held one) up as too late to post (`reason` says why), without
        blaming its channel; its briefs are no longer reserved. Returns False if the row was not in that
        state, or if `lease` (which ends) was taken over."""
        return await self._settle(
            delivery_id, "expired", reason, now, from_state="held" if held else "pending", lease=lease
        )

    async def end_held(
        self, delivery_id: int, *, reason: str, now: datetime, lease: Lease | None = None
    ) -> bool:
        """End a held row that can never be decided (its channel no longer exists) as cancelled with
        `reason`: never sent, its briefs no longer reserved. False if it was not held, or if `lease` (which
        ends) was taken over."""
        return await self._settle(delivery_id, "cancelled", reason, now, from_state="held", lease=lease)

    async def _settle(
        self,
        delivery_id: int,
        state: DeliveryState,
        reason: str,
        now: datetime,
        *,
        from_state: DeliveryState = "pending",
        next_attempt_at: datetime | None = None,
        blind: bool = False,
        lease: Lease | None = None,
    ) -> bool:
        """Move a row from `from_state` to `state`, which nothing sends, with `reason` (held: none of its
        looks yet, `blind` as given); False if it was not in `from_state`, or if `lease` was taken over."""
        async with self._db.row_transaction() as connection:
            await _lock_delivery(connection, delivery_id)
            if not await fence(connection, lease, release=True, what=f"recording it {state}"):
                return False
            changed = (
                await connection.execute(
                    "UPDATE deliveries SET state = ?, reason = ?, next_attempt_at = ?, updated_at = ?,"
                    " held_checks = 0, held_blind = ? WHERE id = ? AND state = ?",
                    (
                        state,
                        reason,
                        None if next_attempt_at is None else to_db(next_attempt_at),
                        to_db(now),
                        int(blind),
                        delivery_id,
                        from_state,
                    ),
                )
                > 0
            )
        if changed:
            logger.warning("delivery %d %s: %s", delivery_id, state, reason)
        return changed

    # --- held rows, looked for again ---

    async def held_due(self, now: datetime, *, limit: int = 100) -> list[Delivery]:
        """Held rows whose channel is to be looked at again by `now`, oldest slot first (a time written
        "after" `now`, by a clock since set back, counts as due, as in `due`)."""
        stamp = to_db(now)
        async with self._db.read() as connection:
            rows = await connection.fetch(
                f"SELECT {_DELIVERIES.names} FROM deliveries WHERE state = 'held'"  # noqa: S608
                " AND (next_attempt_at IS NULL OR next_attempt_at <= ? OR updated_at > ?)"
                " ORDER BY slot_at, id LIMIT ?",
                (stamp, stamp, limit),
            )
        return [_DELIVERIES.read(row) for row in rows]

    async def next_held_check_at(self) -> datetime | None:
        """When the next held row is to be looked at again (None: no held row has a time)."""
        async with self._db.read() as connection:
            row = await connection.fetchrow(
                "SELECT min(next_attempt_at) AS next_at FROM deliveries WHERE state = 'held'"
            )
        return None if row is None or row["next_at"] is None else from_db(str(row["next_at"]))

    async def held_channel_ids(self, guild_id: int) -> list[int]:
        """The server's channels with a held row."""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                "SELECT DISTINCT channel_id FROM deliveries WHERE state = 'held' AND guild_id = ?"
                " ORDER BY channel_id",
                (guild_id,),
            )
        return [int(row["channel_id"]) for row in rows]

    async def recheck_held_now(self, channel_ids: Iterable[int], *, now: datetime) -> int:
        """The held rows of these channels whose last look could not read the history at all (`held_blind`)
        are to be looked at again at once (the bot may read their history now); returns how many. The others
        keep their time: reading was not what they lacked, so a restart does not search them again."""
        async with self._db.transaction() as connection:
            changed = await connection.execute(
                "UPDATE deliveries SET next_attempt_at = ? WHERE state = 'held' AND held_blind = 1"  # noqa: S608
                f" AND channel_id IN ({elements(connection.dialect)})",
                (to_db(now), json_list(channel_ids)),
            )
        return changed

    async def still_held(
        self,
        delivery_id: int,
        *,
        reason: str,
        recheck_at: datetime,
        now: datetime,
        blind: bool = False,
        lease: Lease | None = None,
    ) -> bool:
        """A held row looked at again could not be decided either: it stays held with `reason`, looked at
        again from `recheck_at`, one more look counted (`held_checks`) and `blind` whether this one could not
        read the history at all. False if it was no longer held, or if `lease` (which ends) was taken over."""
        async with self._db.transaction() as connection:
            if not await fence(connection, lease, release=True, what="keeping it held"):
                return False
            changed = (
                await connection.execute(
                    "UPDATE deliveries SET reason = ?, next_attempt_at = ?, updated_at = ?,"
                    " held_checks = held_checks + 1, held_blind = ? WHERE id = ? AND state = 'held'",
                    (reason, to_db(recheck_at), to_db(now), int(blind), delivery_id),
                )
                > 0
            )
        return changed

    async def release_held(
        self, delivery_id: int, *, now: datetime, lease: Lease | None = None
    ) -> DeliveryState | None:
        """A held row whose channel's history was read in full without it: it was not posted. It is sent
        again ('pending', due now, its briefs still reserved), unless its channel's subscription was
        unsubscribed or paused meanwhile ('cancelled', as an unsubscribe or pause cancels pending rows).
        Returns the new state, or None if the row was no longer held, or if `lease` was taken over (it is
        kept: the caller lets it go once it has done what follows)."""
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            if not await fence(connection, lease, release=False, what="sending it again"):
                return None
            found = await connection.fetchrow(
                "SELECT (SELECT s.active = 1 AND s.paused_at IS NULL FROM subscriptions AS s"
                " WHERE s.channel_id = d.channel_id) AS deliverable FROM deliveries AS d"
                " WHERE d.id = ? AND d.state = 'held'",
                (delivery_id,),
            )
            if found is None:
                return None
            # No subscription at all: a /digest now in a channel never subscribed, still wanted.
            state: DeliveryState = "cancelled" if found["deliverable"] == 0 else "pending"
            reason = (
                "not posted; the channel was unsubscribed or paused meanwhile"
                if state == "cancelled"
                else None
            )
            await connection.execute(
                "UPDATE deliveries SET state = ?, reason = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?",
                (state, reason, stamp, stamp, delivery_id),
            )
        logger.info("held delivery %d was not posted after all: now %s", delivery_id, state)
        return state

    # --- reading ---

    async def is_pending(self, delivery_id: int) -> bool:
        """Whether the row is still to be sent (not cancelled by an unsubscribe or pause meanwhile)."""
        async with self._db.read() as connection:
            row = await connection.fetchrow("SELECT state FROM deliveries WHERE id = ?", (delivery_id,))
        return row is not None and row["state"] == "pending"

    async def is_pending_now(self, delivery_id: int) -> bool:
        """`is_pending` on what is committed this instant, without waiting for a transaction in progress:
        the check between a pacing permit and its request."""
        row = await self._db.peek_row("SELECT state FROM deliveries WHERE id = ?", (delivery_id,))
        return row is not None and row["state"] == "pending"

    async def state_under_lease_now(self, lease: Lease) -> tuple[DeliveryState | None, bool]:
        """The leased row's state and whether `lease` still holds, both read at once as `is_pending_now`
        reads (one read: it stands between a pacing permit and its request)."""
        row = await self._db.peek_row(
            "SELECT d.state, EXISTS (SELECT 1 FROM send_leases AS l WHERE l.channel_id = ? AND l.token = ?"
            " AND l.delivery_id = d.id) AS held FROM deliveries AS d WHERE d.id = ?",
            (lease.channel_id, lease.token, lease.delivery_id),
        )
        return (None, False) if row is None else (row["state"], bool(row["held"]))

    async def window(self, nonce: str) -> DigestWindow | None:
        """The slot and window of the digest with `nonce`, read on what is committed now without waiting for
        a transaction (it is asked just before the digest's pacing permit); None for an unknown nonce."""
        row = await self._db.peek_row(
            "SELECT d.slot_at, d.timezone, (SELECT max(p.slot_at) FROM deliveries AS p"  # noqa: S608
            " WHERE p.channel_id = d.channel_id AND p.state = 'sent' AND p.slot_at < d.slot_at) AS since"
            f" FROM ({_BY_NONCE}) AS d",
            _by_nonce(nonce),
        )
        if row is None:
            return None
        since = row["since"]
        return DigestWindow(
            slot_at=from_db(str(row["slot_at"])),
            since=None if since is None else from_db(str(since)),
            by_hand=row["timezone"] == MANUAL_TIMEZONE,
        )

    async def window_at(self, channel_id: int, slot_at: datetime) -> DigestWindow:
        """The window a scheduled digest of the channel at `slot_at` would cover, as `window` reads it for a
        recorded one: from the slot of its last digest posted before (`briefbot preview digest`)."""
        async with self._db.read() as connection:
            row = await connection.fetchrow(
                "SELECT max(slot_at) AS since FROM deliveries"
                " WHERE channel_id = ? AND state = 'sent' AND slot_at < ?",
                (channel_id, to_db(slot_at)),
            )
        since = None if row is None else row["since"]
        return DigestWindow(slot_at, None if since is None else from_db(str(since)), by_hand=False)

    async def state_now(self, delivery_id: int) -> DeliveryState | None:
        """The row's state as committed this instant, read as `is_pending_now` reads it; None if no row."""
        row = await self._db.peek_row("SELECT state FROM deliveries WHERE id = ?", (delivery_id,))
        return None if row is None else row["state"]

    async def get(self, delivery_id: int) -> Delivery | None:
        """One row by id."""
        async with self._db.read() as connection:
            row = await connection.fetchrow(
                f"SELECT {_DELIVERIES.names} FROM deliveries WHERE id = ?",  # noqa: S608
                (delivery_id,),
            )
        return None if row is None else _DELIVERIES.read(row)

    async def history(self, channel_id: int, *, limit: int = 10) -> list[Delivery]:
        """The channel's most recent rows (any state), newest slot first (its compact rows promoted: handed
        out, they are full rows)."""
        async with self._db.transaction(durable=False) as connection:
            await promote_channels(connection, [channel_id])
            rows = await connection.fetch(
                f"SELECT {_DELIVERIES.names} FROM deliveries WHERE channel_id = ?"  # noqa: S608
                " ORDER BY slot_at DESC, id DESC LIMIT ?",
                (channel_id, limit),
            )
        return [_DELIVERIES.read(row) for row in rows]

    async def delivered_brief_ids(self, channel_id: int) -> set[str]:
        """The briefs posted to the channel so far."""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                "SELECT brief_id FROM delivered_briefs WHERE channel_id = ?", (channel_id,)
            )
        return {str(row["brief_id"]) for row in rows}


# The row with a nonce, in either form: a compact row's nonce is its group's prefix and its channel's digits.
_BY_NONCE = (
    "SELECT slot_at, timezone, channel_id, brief_versions, updated_from FROM deliveries WHERE nonce = :nonce"
    " UNION ALL SELECT g.slot_at, g.timezone, m.channel_id, g.brief_versions, g.updated_from"
    " FROM delivery_groups AS g JOIN delivery_members AS m ON m.group_id = g.id AND m.channel_id = :channel"
    " WHERE g.nonce_prefix = :prefix"
)


def _by_nonce(nonce: str) -> dict[str, object]:
    channel = decode_channel(nonce[-CHANNEL_DIGITS:]) if len(nonce) == NONCE_LENGTH else None
    return {"nonce": nonce, "channel": -1 if channel is None else channel, "prefix": nonce[:-CHANNEL_DIGITS]}


def _skip_locked(database: Database, sql: str) -> str:
    """What a claim adds to lock the rows it picks: on PostgreSQL, `FOR UPDATE SKIP LOCKED`, so that processes
    claiming at once pass over each other's rows instead of waiting; SQLite has one writer at a time (every
    claim is a `BEGIN IMMEDIATE` transaction), nothing to add."""
    if database.dialect != "postgresql":
        return ""
    return (
        " FOR UPDATE OF p SKIP LOCKED" if sql is _CLAIMABLE_HELD else " FOR UPDATE OF deliveries SKIP LOCKED"
    )


async def _lock_delivery(connection: Connection, delivery_id: int) -> None:
    """In a row transaction, before its lease is fenced: lock the delivery's row first, in the order claims
    lock (the row, then its channel's lease), so that an outcome and a claim taking the row over never wait
    for each other (SQLite: one writer at a time, nothing to lock)."""
    if connection.dialect == "postgresql":
        await connection.execute("SELECT 1 FROM deliveries WHERE id = ? FOR UPDATE", (delivery_id,))


async def _advance(connection: Connection, channel_ids: list[int], through: datetime) -> None:
    stamp = to_db(through)
    chunk = (
        f"IN ({elements('sqlite')})"
        if connection.dialect == "sqlite"
        else f"= ANY ({_CHUNK_IDS_POSTGRESQL.format('?')})"
    )
    await connection.execute(
        f"UPDATE subscriptions SET recorded_through = ? WHERE recorded_through < ? AND channel_id {chunk}",  # noqa: S608
        (stamp, stamp, json_list(channel_ids)),
    )


async def _pending_brief_ids(connection: Connection, channel_ids: Sequence[int]) -> dict[int, set[str]]:
    """Brief ids reserved per channel: those of its pending rows, and of its held ones, which may have been
    posted (so two digests do not repeat a brief). A held row that turns out not posted keeps them while it is
    sent again; expired, it releases them."""
    held: dict[int, set[str]] = {}
    chunk = (
        f"IN ({elements('sqlite')})"
        if connection.dialect == "sqlite"
        else f"= ANY ({_CHUNK_IDS_POSTGRESQL.format('?')})"
    )
    for row in await connection.fetch(
        "SELECT channel_id, brief_ids FROM deliveries WHERE state IN ('pending', 'held')"  # noqa: S608 - constant
        f" AND channel_id {chunk}",
        (json_list(channel_ids),),
    ):
        held.setdefault(int(row["channel_id"]), set()).update(json.loads(str(row["brief_ids"])))
    # Compact pending rows: each pending group's member of each channel, by key (few groups, few channels).
    for group_id, channel_id in await members_of_channels(connection, channel_ids, states=["pending"]):
        held.setdefault(channel_id, set()).update(await _group_briefs(connection, group_id))
    return held


async def _group_briefs(connection: Connection, group_id: int) -> list[str]:
    brief_ids = await connection.fetchval("SELECT brief_ids FROM delivery_groups WHERE id = ?", (group_id,))
    return [] if brief_ids is None else list(json.loads(str(brief_ids)))


async def _delivered_among(
    connection: Connection, channel_id: int, available: Sequence[str]
) -> dict[str, str | None]:
    """Which of the `available` briefs the channel has received, each with the version it had."""
    if not available:
        return {}
    rows = await connection.fetch(
        "SELECT brief_id, version FROM delivered_briefs"  # noqa: S608 - a constant fragment
        f" WHERE channel_id = ? AND brief_id IN ({elements(connection.dialect, 'text')})",
        (channel_id, json_list(available)),
    )
    return {str(row["brief_id"]): None if row["version"] is None else str(row["version"]) for row in rows}


async def _followed_tags(connection: Connection, channel_id: int) -> frozenset[str]:
    """The tags the channel's subscription follows (none: every brief, or no subscription)."""
    row = await connection.fetchrow("SELECT tags FROM subscriptions WHERE channel_id = ?", (channel_id,))
    return frozenset(json.loads(str(row["tags"]))) if row is not None and row["tags"] else frozenset()


async def _contents(
    connection: Connection,
    channel_id: int,
    available: Sequence[str],
    reserved: Set[str],
    choose: ChooseContents[ContentsT],
) -> ContentsT:
    """Ask `choose` about the channel's next digest, reading which of `available` it has received (at which
    version) and the tags it follows."""
    delivered = await _delivered_among(connection, channel_id, available)
    return choose(available, delivered, reserved, await _followed_tags(connection, channel_id))


async def _keep_snapshots(
    connection: Connection,
    versions: Sequence[tuple[str, str]],
    snapshot_of: SnapshotOf | None,
    stamp: str,
) -> None:
    """Keep each (brief id, version) serialised, as `snapshot_of` gives it, unless it is kept already."""
    if snapshot_of is None or not versions:
        return
    rows = [
        (brief_id, version, text, stamp)
        for brief_id, version in versions
        if (text := snapshot_of(brief_id, version)) is not None
    ]
    await connection.executemany(
        "INSERT INTO brief_versions (brief_id, version, snapshot, recorded_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        rows,
    )


def _renamed_json(text: str | None, renamed: Mapping[tuple[str, str], str]) -> str | None:
    """A row's JSON object of brief id to version, with the versions in `renamed` renamed (same text if none
    is)."""
    if text is None:
        return None
    versions = json.loads(text)
    again = {brief_id: renamed.get((brief_id, version), version) for brief_id, version in versions.items()}
    return text if again == versions else json.dumps(again)


# Whether anything was written before versions were kept (a delivery or a row still to send without them).
_UNVERSIONED = (
    "SELECT EXISTS (SELECT 1 FROM delivered_briefs WHERE version IS NULL)"
    " OR EXISTS (SELECT 1 FROM deliveries WHERE brief_versions IS NULL AND state IN ('pending', 'held'))"
)
# The versions something still needs: carried or told against by a row that may yet be posted (pending, or
# held until a look or an admin settles it), or the one a channel last had (its next update is told
# against it).
# A group whose compact rows may yet be posted: pending, with a member left.
_GROUP_NEEDS = "g.state = 'pending' AND EXISTS (SELECT 1 FROM delivery_members AS m WHERE m.group_id = g.id)"
_NEEDED_VERSIONS: dict[Dialect, str] = {
    "sqlite": (
        "SELECT j.key AS brief_id, j.value AS version FROM deliveries AS d, json_each(d.brief_versions) AS j"  # noqa: S608 - constant fragments
        " WHERE d.state IN ('pending', 'held') AND d.brief_versions IS NOT NULL"
        " UNION SELECT j.key, j.value FROM deliveries AS d, json_each(d.updated_from) AS j"
        " WHERE d.state IN ('pending', 'held') AND d.updated_from IS NOT NULL"
        " UNION SELECT j.key, j.value FROM delivery_groups AS g, json_each(g.brief_versions) AS j"
        f" WHERE {_GROUP_NEEDS} AND g.brief_versions IS NOT NULL"
        " UNION SELECT j.key, j.value FROM delivery_groups AS g, json_each(g.updated_from) AS j"
        f" WHERE {_GROUP_NEEDS} AND g.updated_from IS NOT NULL"
        " UNION SELECT DISTINCT brief_id, version FROM delivered_briefs WHERE version IS NOT NULL"
    ),
    "postgresql": (
        "SELECT j.key AS brief_id, j.value AS version FROM deliveries AS d,"  # noqa: S608 - constant fragments
        " json_each_text(d.brief_versions::json) AS j"
        " WHERE d.state IN ('pending', 'held') AND d.brief_versions IS NOT NULL"
        " UNION SELECT j.key, j.value FROM deliveries AS d, json_each_text(d.updated_from::json) AS j"
        " WHERE d.state IN ('pending', 'held') AND d.updated_from IS NOT NULL"
        " UNION SELECT j.key, j.value FROM delivery_groups AS g, json_each_text(g.brief_versions::json) AS j"
        f" WHERE {_GROUP_NEEDS} AND g.brief_versions IS NOT NULL"
        " UNION SELECT j.key, j.value FROM delivery_groups AS g, json_each_text(g.updated_from::json) AS j"
        f" WHERE {_GROUP_NEEDS} AND g.updated_from IS NOT NULL"
        " UNION SELECT DISTINCT brief_id, version FROM delivered_briefs WHERE version IS NOT NULL"
    ),
}
# What each channel had of the briefs loaded now (a JSON object of brief id to version, bound twice), where
# it was written before versions were kept.
_ADOPT_DELIVERED: dict[Dialect, str] = {
    "sqlite": (
        "UPDATE delivered_briefs SET version = json_extract(?, '$.\"' || brief_id || '\"')"
        " WHERE version IS NULL AND brief_id IN (SELECT key FROM json_each(?))"
    ),
    "postgresql": (
        "UPDATE delivered_briefs SET version = ?::json ->> brief_id"
        " WHERE version IS NULL AND brief_id IN (SELECT json_object_keys(?::json))"
    ),
}
