"""The ledger's compact rows (migration 0022): a slot's channels recorded as one `delivery_groups` row per
decision and one narrow `delivery_members` row per channel, promoted to full `deliveries` rows one by one.

A (channel, slot) has one row in one of the two forms, never both. A member row is deleted in the transaction
that promotes it, so every member row left is in its group's state: a change to one channel's row (a claim, a
cancel, an outcome) promotes that row first and then changes the full row, as before compact rows existed.
Promotion changes nothing a reader can see but the row's form: the same nonce (derived from the slot and the
channel), the same state, briefs, versions, reason and times.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from bot.storage.database import Connection, Dialect

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"  # in byte order
CHANNEL_DIGITS = 11  # 62**11 > 2**63: any snowflake

# A (group id, channel id) of a compact row.
Member = tuple[int, int]


def channel_digits_sql(dialect: Dialect, channel: str) -> str:
    """`channel` (an integer column) in CHANNEL_DIGITS base-62 digits, most significant first, in SQL: the part
    of a nonce after its slot's prefix (bot.storage.ledger `make_nonce`)."""
    if dialect == "sqlite":
        digit = "substr('{}', {} / {} % 62 + 1, 1)"
    else:
        digit = "substr('{}', CAST(({} / {}) % 62 AS INTEGER) + 1, 1)"
    return " || ".join(
        digit.format(BASE62, channel, 62**power) for power in range(CHANNEL_DIGITS - 1, -1, -1)
    )


def decode_channel(digits: str) -> int | None:
    """The channel id a nonce's last CHANNEL_DIGITS digits spell, or None if they are not base-62 digits."""
    value = 0
    for digit in digits:
        position = BASE62.find(digit)
        if position < 0:
            return None
        value = value * 62 + position
    return value


# PostgreSQL: the members named by the JSON array of pairs at `:members`, each found by its primary key (a
# LATERAL kept from being flattened by OFFSET 0: joined or as an IN list, the planner chose to scan every
# member and hash them, EXPLAIN).
_NAMED_MEMBERS_POSTGRESQL = (
    "json_array_elements(CAST(:members AS json)) AS w (value) CROSS JOIN LATERAL"
    " (SELECT x.group_id, x.channel_id, x.guild_id, x.ctid AS at FROM delivery_members AS x"
    " WHERE x.group_id = CAST(w.value ->> 0 AS BIGINT) AND x.channel_id = CAST(w.value ->> 1 AS BIGINT)"
    " OFFSET 0) AS m"
)


def _pairs(dialect: Dialect, parameter: str) -> str:
    """Rows (group id, channel id) of the JSON array of pairs bound at `parameter`."""
    if dialect == "sqlite":
        return f"SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each({parameter})"  # noqa: S608 - constant fragments
    return (
        "SELECT CAST(p.value ->> 0 AS BIGINT), CAST(p.value ->> 1 AS BIGINT)"  # noqa: S608 - constant fragments
        f" FROM json_array_elements(CAST({parameter} AS json)) AS p (value)"
    )


def _promote_sql(dialect: Dialect) -> str:
    # Same columns as a recorded row always had; the ids follow the (slot, channel) order, as recording's did.
    # On PostgreSQL another process's claim may promote the same row at once: the second insert waits for the
    # first to commit and then adds nothing (its RETURNING leaves the row out, and so does its delete below).
    return (
        "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state, brief_ids,"  # noqa: S608
        " next_attempt_at, reason, pause_cause, created_at, updated_at, brief_versions, updated_from)"
        " SELECT m.channel_id, m.guild_id, g.timezone, g.slot_key, g.slot_at,"
        f" g.nonce_prefix || {channel_digits_sql(dialect, 'm.channel_id')}, g.state, g.brief_ids,"
        " g.next_attempt_at, g.reason, g.pause_cause, g.created_at, g.updated_at, g.brief_versions,"
        " g.updated_from"
        + (
            " FROM delivery_members AS m JOIN delivery_groups AS g ON g.id = m.group_id"
            f" WHERE (m.group_id, m.channel_id) IN ({_pairs(dialect, ':members')})"
            if dialect == "sqlite"
            else f" FROM {_NAMED_MEMBERS_POSTGRESQL} JOIN delivery_groups AS g ON g.id = m.group_id WHERE TRUE"
        )
        + " ORDER BY g.slot_at, m.channel_id"
        + (" ON CONFLICT DO NOTHING" if dialect == "postgresql" else "")
        + " RETURNING id, channel_id, timezone, slot_key"
    )


_PROMOTE: dict[Dialect, str] = {dialect: _promote_sql(dialect) for dialect in ("sqlite", "postgresql")}
_FORGET = f"DELETE FROM delivery_members WHERE (group_id, channel_id) IN ({_pairs('sqlite', ':members')})"  # noqa: S608


async def promote(connection: Connection, members: Iterable[Member]) -> dict[Member, int]:
    """Promote these compact rows to full rows, in the caller's transaction: returns each one's new delivery
    id. A member no longer there (promoted or deleted meanwhile, by another process on PostgreSQL) is left
    out."""
    wanted = sorted(set(members))
    if not wanted:
        return {}
    encoded = json.dumps([list(member) for member in wanted])
    groups = {
        int(row[0]): (str(row[1]), str(row[2]))
        for row in await connection.fetch(
            "SELECT id, timezone, slot_key FROM delivery_groups"
            " WHERE id IN (SELECT DISTINCT json_extract(value, '$[0]') FROM json_each(:members))"
            if connection.dialect == "sqlite"
            else "SELECT id, timezone, slot_key FROM delivery_groups"
            " WHERE id IN (SELECT DISTINCT CAST(p.value ->> 0 AS BIGINT)"
            " FROM json_array_elements(CAST(:members AS json)) AS p (value))",
            {"members": encoded},
        )
    }
    by_slot = {
        (channel_id, *groups[group_id]): (group_id, channel_id)
        for group_id, channel_id in wanted
        if group_id in groups
    }
    made: dict[Member, int] = {}
    for row in await connection.fetch(_PROMOTE[connection.dialect], {"members": encoded}):
        member = by_slot.get((int(row[1]), str(row[2]), str(row[3])))
        if member is not None:
            made[member] = int(row[0])
    if made and connection.dialect == "sqlite":
        await connection.execute(_FORGET, {"members": json.dumps([list(member) for member in sorted(made)])})
    elif made:
        # One statement a member, by its primary key (executemany sends them together): every set-based
        # form tried (IN, = ANY, ctid, USING) was planned as a scan of every member, EXPLAIN.
        await connection.executemany(
            "DELETE FROM delivery_members WHERE group_id = ? AND channel_id = ?", sorted(made)
        )
    return made


def _channels(dialect: Dialect) -> str:
    if dialect == "sqlite":
        return "SELECT value AS channel_id FROM json_each(:channels)"
    return (
        "SELECT CAST(value AS BIGINT) AS channel_id"
        " FROM json_array_elements_text(CAST(:channels AS json)) AS e (value)"
    )


async def members_of_channels(
    connection: Connection, channel_ids: Sequence[int], *, states: Sequence[str] | None = None
) -> list[Member]:
    """The compact rows of these channels (in groups of `states`, every state if None): each group's members
    looked up by (group, channel), the groups being few beside the channels."""
    if not channel_ids:
        return []
    where = "" if states is None else " AND g.state IN (SELECT value FROM json_each(:states))"
    if connection.dialect == "postgresql" and states is not None:
        where = " AND g.state = ANY (ARRAY(SELECT json_array_elements_text(CAST(:states AS json))))"
    parameters: dict[str, object] = {"channels": json.dumps(list(dict.fromkeys(channel_ids)))}
    if states is not None:
        parameters["states"] = json.dumps(list(states))
    # Groups, then channels, then a primary-key probe each (CROSS JOIN keeps that order on SQLite: joined
    # plainly, it scanned every member of every group, EXPLAIN QUERY PLAN).
    member = (
        " CROSS JOIN delivery_members AS m WHERE m.group_id = g.id AND m.channel_id = c.channel_id"
        if connection.dialect == "sqlite"
        else " CROSS JOIN LATERAL (SELECT x.group_id, x.channel_id FROM delivery_members AS x"
        " WHERE x.group_id = g.id AND x.channel_id = c.channel_id OFFSET 0) AS m WHERE TRUE"
    )
    rows = await connection.fetch(
        "SELECT m.group_id, m.channel_id FROM delivery_groups AS g"  # noqa: S608 - constant fragments
        f" CROSS JOIN ({_channels(connection.dialect)}) AS c{member}{where}",
        parameters,
    )
    return [(int(row[0]), int(row[1])) for row in rows]


async def promote_channels(
    connection: Connection, channel_ids: Sequence[int], *, states: Sequence[str] | None = None
) -> dict[Member, int]:
    """Promote every compact row of these channels in `states` (every state if None), in the caller's
    transaction, before a change to those channels' rows that only full rows can take."""
    return await promote(connection, await members_of_channels(connection, channel_ids, states=states))
