"""Shards shared between the processes of one database (schema 17): the count, who is live, who runs what.

Discord's gateway splits a bot's servers into shards (`guild_id >> 22) % shard_count`); every process must use
one `shard_count` (`shard_config`, fixed by the first process) and each shard must run in one process at a
time. A process runs a shard only while it holds the shard's lease (`shard_leases`): claimed in a write
transaction where nobody holds it or its lease has expired, renewed every third of its length while the
process runs it. The process closes a shard whose lease it could not renew well before the lease expires
(bot.delivery.shards), and nobody claims a shard before its lease has expired: so a shard never has two live
sessions, and a process that died leaves its shards to the others once its leases expire.

The live processes (`shard_members`, renewed with the leases) share the shards fairly: a process claims at
most ceil(shards / live processes) of those nobody pinned (SHARD_IDS), and gives up what it holds beyond
that. `identify_buckets` spaces IDENTIFYs across processes: Discord allows one per `max_concurrency` bucket
(shard_id % max_concurrency) every 5 seconds, per token, whichever process sends it.

Times are seconds since the epoch, on the callers' wall clocks (the same host for SQLite; NTP-synchronised
hosts for PostgreSQL), as in the shared rate budget (schema 13).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from bot.storage._sql import elements, json_list
from bot.storage.database import Connection, Database, StorageError

logger = logging.getLogger(__name__)


class ShardCountRefused(StorageError):
    """SHARD_COUNT differs from the count the database's processes run, and some of them are live."""


class DeliveryRateRefused(StorageError):
    """DELIVERY_RATE_PER_SECOND differs from the rate a live process of the database paces at."""


@dataclass(frozen=True, slots=True)
class FixedCount:
    """The count every process of the database runs: `count`, fixed at `fixed_at` by `fixed_by`;
    `replaced` is the count it replaced (None: it was already fixed at `count`, or fixed only now)."""

    count: int
    fixed_at: float
    fixed_by: str
    fixed_now: bool
    replaced: int | None = None


@dataclass(frozen=True, slots=True)
class ShardLease:
    """`owner`'s lease on `shard_id`, its `token`th claim, until `expires_at` (epoch seconds)."""

    shard_id: int
    owner: str
    token: int
    claimed_at: float
    expires_at: float


@dataclass(frozen=True, slots=True)
class Claimed:
    """What one claim did: the shards claimed now (their tokens), the previous owner of each one taken over
    from a process whose lease had expired, the fair share, and the shards to give up to keep to it."""

    tokens: dict[int, int] = field(default_factory=dict)
    taken_from: dict[int, str] = field(default_factory=dict)
    share: int = 0
    live: int = 1
    give_up: list[int] = field(default_factory=list)
    waiting_for: dict[int, str] = field(default_factory=dict)  # pinned shards still held by another process


_SAME_RATE = 1e-9  # requests a second: rates closer than this are one rate
_JOIN = (
    "INSERT INTO shard_members (owner, pinned, expires_at) VALUES (?, ?, ?)"
    " ON CONFLICT (owner) DO UPDATE SET pinned = excluded.pinned, expires_at = excluded.expires_at"
)
# A shard is claimed where nobody runs it, where its lease has expired, or where it is the claimer's own
# (a process claims only shards it does not run: one it still holds a lease on, after closing it, is its own
# to take back).
_CLAIM = (
    "INSERT INTO shard_leases (shard_id, owner, token, claimed_at, expires_at) VALUES (?, ?, 1, ?, ?)"
    " ON CONFLICT (shard_id) DO UPDATE SET owner = excluded.owner, token = shard_leases.token + 1,"
    " claimed_at = excluded.claimed_at, expires_at = excluded.expires_at"
    " WHERE shard_leases.owner IS NULL OR shard_leases.expires_at <= ? OR shard_leases.owner = excluded.owner"
    " RETURNING token"
)
_ENDED = "owner = NULL, claimed_at = NULL, expires_at = NULL"
# The next IDENTIFY of a bucket goes at the later of now and the bucket's `next_at`; the bucket then moves one
# window past it. One statement: the read and the write are one atomic step on either engine.
_RESERVE_IDENTIFY = (
    "INSERT INTO identify_buckets (bucket, next_at) VALUES (?, ?)"
    " ON CONFLICT (bucket) DO UPDATE SET next_at = (CASE WHEN identify_buckets.next_at > ?"
    " THEN identify_buckets.next_at ELSE ? END) + ?"
    " RETURNING next_at - ? AS slot"
)


class ShardStore:
    """The shard tables of one database (see migration 0017)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def fix_count(
        self,
        owner: str,
        *,
        wanted: int | None,
        recommended: int,
        pinned: Sequence[int] = (),
        now: float,
        until: float,
        rate_per_second: float | None = None,
    ) -> FixedCount:
        """Join the database's processes as `owner` (live until `until`) and return the shard count they run.

        The stored count is kept unless `wanted` (SHARD_COUNT) differs from it: then, while any other process
        is live (a presence or a lease not yet expired), ShardCountRefused; with none, `wanted` replaces it and
        every old lease is forgotten (shard ids of another count name other servers). With no stored count,
        `wanted`, else `recommended` (Discord's), is fixed now.

        `rate_per_second` (DELIVERY_RATE_PER_SECOND) is kept in `owner`'s presence; a rate that differs from
        a live process's is DeliveryRateRefused, and `owner` joins nothing (each process spaces the shared
        permits by its own rate, and Discord counts the global limit per token: together they would pass it).
        """
        async with self._db.transaction() as connection:
            await connection.execute(_JOIN, (owner, json_list(pinned), until))
            if rate_per_second is not None:
                await _pace_at(connection, owner, rate_per_second, now)
            row = await connection.fetchrow(
                "SELECT shard_count, fixed_at, fixed_by FROM shard_config WHERE id = 1"
            )
            if row is not None and (wanted is None or wanted == int(row["shard_count"])):
                return FixedCount(
                    int(row["shard_count"]), float(row["fixed_at"]), str(row["fixed_by"]), False
                )
            if row is not None:
                others = await _live_others(connection, owner, now)
                if others:
                    raise ShardCountRefused(
                        f"SHARD_COUNT is {wanted}, but the processes on this database run"
                        f" {row['shard_count']} shards (fixed by {row['fixed_by']}), and"
                        f" {len(others)} of them {'is' if len(others) == 1 else 'are'} live"
                        f" ({', '.join(sorted(others)[:3])}). Set SHARD_COUNT={row['shard_count']} or"
                        " leave it unset; to change the count, stop every process first."
                    )
            count = wanted if wanted is not None else recommended
            await connection.execute(
                "INSERT INTO shard_config (id, shard_count, fixed_at, fixed_by) VALUES (1, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET shard_count = excluded.shard_count,"
                " fixed_at = excluded.fixed_at, fixed_by = excluded.fixed_by",
                (count, now, owner),
            )
            replaced = None if row is None else int(row["shard_count"])
            if replaced is not None:
                await connection.execute("DELETE FROM shard_leases")
        return FixedCount(count, now, owner, True, replaced)

    async def claim(
        self,
        owner: str,
        *,
        count: int,
        pinned: Sequence[int] = (),
        held: Collection[int] = (),
        now: float,
        until: float,
    ) -> Claimed:
        """Renew `owner`'s presence and claim, until `until`, the shards it should run besides `held` (those
        it runs): its pinned ones, or (unpinned) free shards up to its fair share, lowest first. Says which
        held ones to give up: beyond the fair share (highest first), or pinned to another live process.

        A row transaction (PostgreSQL): it takes its rows' locks, not the database-wide write lock, so a claim
        never waits behind another process's recording of a slot. Each shard is claimed by one upsert decided
        on the row's latest committed version under its lock (`_CLAIM`), so two processes claiming at once
        never both get one shard; the fair share is read from the presences as committed, so two processes
        joining at the same instant may share unevenly until the next claim gives the excess up. Shards are
        claimed in id order, as renewals lock them, so claims and renewals never deadlock."""
        async with self._db.row_transaction(durable=False) as connection:
            await connection.execute(_JOIN, (owner, json_list(pinned), until))
            members = await connection.fetch(
                "SELECT owner, pinned FROM shard_members WHERE expires_at > ? ORDER BY owner", (now,)
            )
            pins_of_others = {
                int(shard)
                for member in members
                if member["owner"] != owner
                for shard in json.loads(str(member["pinned"]))
            }
            unpinned_members = sum(
                1 for member in members if member["owner"] == owner or json.loads(str(member["pinned"])) == []
            )
            if pinned:
                wanted = sorted(s for s in pinned if s not in held)
                room = len(wanted)
                share = len(pinned)
                give_up: list[int] = []
            else:
                pool = [s for s in range(count) if s not in pins_of_others]
                share = math.ceil(len(pool) / max(unpinned_members, 1))
                mine = sorted(s for s in held if s in pool)
                give_up = sorted(s for s in held if s not in pool)
                give_up += mine[share:][::-1]
                room = share - len(mine)
                wanted = [s for s in pool if s not in held]
            claimed = Claimed(share=share, live=len(members), give_up=give_up)
            for shard_id in wanted:
                if room <= 0:
                    break
                before = await connection.fetchrow(
                    "SELECT owner, expires_at FROM shard_leases WHERE shard_id = ?", (shard_id,)
                )
                token = await connection.fetchval(_CLAIM, (shard_id, owner, now, until, now))
                if token is None:
                    if pinned and before is not None:
                        claimed.waiting_for[shard_id] = str(before["owner"])
                    continue
                claimed.tokens[shard_id] = int(token)
                room -= 1
                if before is not None and before["owner"] is not None and before["owner"] != owner:
                    claimed.taken_from[shard_id] = str(before["owner"])
        return claimed

    async def renew(self, owner: str, shards: Collection[int], *, until: float) -> set[int]:
        """Extend `owner`'s presence and its leases on `shards` to `until`; returns the shards it still holds
        (one missing was taken over: its lease had expired). One transaction without the cross-process
        write lock (PostgreSQL): a renewal never waits behind another process's recording of a slot."""
        async with self._db.single_statement(durable=False) as connection:
            await connection.execute(
                "UPDATE shard_members SET expires_at = ? WHERE owner = ?", (until, owner)
            )
            if not shards:
                return set()
            rows = await connection.fetch(
                "UPDATE shard_leases SET expires_at = ? WHERE "  # noqa: S608 - constant text
                + _in_order(connection, f"owner = ? AND shard_id IN ({elements(connection.dialect)})")
                + " RETURNING shard_id",
                (until, owner, json_list(sorted(shards))),
            )
        return {int(row[0]) for row in rows}

    async def release(self, owner: str, shards: Collection[int]) -> int:
        """Let `owner`'s leases on `shards` go (it has closed them): another process may claim them at once.
        Returns how many it held."""
        if not shards:
            return 0
        async with self._db.single_statement(durable=False) as connection:
            return await connection.execute(
                f"UPDATE shard_leases SET {_ENDED} WHERE "  # noqa: S608 - constant text
                + _in_order(connection, f"owner = ? AND shard_id IN ({elements(connection.dialect)})"),
                (owner, json_list(sorted(shards))),
            )

    async def leave(self, owner: str) -> int:
        """`owner` stops (its shards are closed): its presence goes, its leases end. Returns how many. A row
        transaction, as claims are: a stop does not wait behind another process's recording of a slot."""
        async with self._db.row_transaction(durable=False) as connection:
            await connection.execute("DELETE FROM shard_members WHERE owner = ?", (owner,))
            return await connection.execute(
                f"UPDATE shard_leases SET {_ENDED} WHERE "  # noqa: S608 - constant text
                + _in_order(connection, "owner = ?"),
                (owner,),
            )

    async def forget_processes(self) -> int:
        """Forget every presence and lease: at the start of the one process a SQLite database may have, those
        left are a dead process's. Returns how many leases there were."""
        async with self._db.transaction() as connection:
            await connection.execute("DELETE FROM shard_members")
            ended = await connection.execute(
                f"UPDATE shard_leases SET {_ENDED} WHERE owner IS NOT NULL"  # noqa: S608 - constant text
            )
        if ended:
            logger.info("%d shard lease(s) of a previous run ended", ended)
        return ended

    async def next_expiry(self, *, other_than: str) -> float | None:
        """When the first lease of another process expires unless renewed (None: none): then it may be
        taken over."""
        async with self._db.read() as connection:
            first = await connection.fetchval(
                "SELECT min(expires_at) FROM shard_leases WHERE owner IS NOT NULL AND owner <> ?",
                (other_than,),
            )
        return None if first is None else float(first)

    async def leases(self) -> list[ShardLease]:
        """Every lease held (expired ones included, until taken over or let go), by shard."""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                "SELECT shard_id, owner, token, claimed_at, expires_at FROM shard_leases"
                " WHERE owner IS NOT NULL ORDER BY shard_id"
            )
        return [
            ShardLease(
                int(row["shard_id"]),
                str(row["owner"]),
                int(row["token"]),
                float(row["claimed_at"]),
                float(row["expires_at"]),
            )
            for row in rows
        ]

    async def count(self) -> int | None:
        """The fixed shard count (None: no process has fixed one)."""
        async with self._db.read() as connection:
            value = await connection.fetchval("SELECT shard_count FROM shard_config WHERE id = 1")
        return None if value is None else int(value)

    async def reserve_identify(self, bucket: int, *, now: float, window: float) -> float:
        """Reserve the bucket's next IDENTIFY and return when it may be sent: the later of `now` and one
        `window` after the bucket's last one, whichever process sent that. No time is given out twice."""
        async with self._db.single_statement(durable=False) as connection:
            slot = await connection.fetchval(
                _RESERVE_IDENTIFY, (bucket, now + window, now, now, window, window)
            )
        return float(slot)


async def _pace_at(connection: Connection, owner: str, rate_per_second: float, now: float) -> None:
    """Keep `owner`'s rate in its presence, or refuse it (rolling its join back) when a live process paces at
    another."""
    others = await connection.fetch(
        "SELECT owner, rate_per_second FROM shard_members WHERE owner <> ? AND expires_at > ?"
        " AND rate_per_second IS NOT NULL AND abs(rate_per_second - ?) > ? ORDER BY owner",
        (owner, now, rate_per_second, _SAME_RATE),
    )
    if others:
        rates = sorted({float(row["rate_per_second"]) for row in others})
        raise DeliveryRateRefused(
            f"DELIVERY_RATE_PER_SECOND is {rate_per_second:g}, but {len(others)} live"
            f" process{'' if len(others) == 1 else 'es'} on this database"
            f" pace{'s' if len(others) == 1 else ''} at {' and '.join(f'{rate:g}' for rate in rates)}"
            f" ({', '.join(str(row['owner']) for row in others[:3])}). Every process on one bot token must"
            f" use the same rate (Discord counts its global limit per token): set DELIVERY_RATE_PER_SECOND="
            f"{rates[0]:g}, or stop every process first to change it."
        )
    await connection.execute(
        "UPDATE shard_members SET rate_per_second = ? WHERE owner = ?", (rate_per_second, owner)
    )


async def _live_others(connection: Connection, owner: str, now: float) -> set[str]:
    """The processes other than `owner` that are live: a presence or a lease not yet expired."""
    rows = await connection.fetch(
        "SELECT owner FROM shard_members WHERE owner <> ? AND expires_at > ?"
        " UNION SELECT owner FROM shard_leases WHERE owner IS NOT NULL AND owner <> ? AND expires_at > ?",
        (owner, now, owner, now),
    )
    return {str(row[0]) for row in rows}


def _in_order(connection: Connection, condition: str) -> str:
    """The condition of a statement writing several shard leases: on PostgreSQL they are locked in shard
    order first, as a claim takes them, so that it never deadlocks with a claim (SQLite: one writer)."""
    if connection.dialect != "postgresql":
        return condition
    return (
        f"shard_id IN (SELECT shard_id FROM shard_leases WHERE {condition}"  # noqa: S608 - constant text
        " ORDER BY shard_id FOR UPDATE)"
    )
