"""Leases on digest sends: which process is sending to a channel now (schema 15, `send_leases`).

Several processes may drain one ledger. A process sends a row only while it holds the lease of the row's
channel, taken in the same transaction that picks the row (`DeliveryLedger.claim_due`): so a channel has at
most one send in flight across all processes, by the table's primary key. A lease ends when its owner writes
the row's outcome (in the same transaction), when its owner lets it go, or when it expires: its owner renews
it while the send is in flight, so it expires only when the owner died or stalled. Another process may then
take the row over, and sends it again with the same nonce, as a restarted process would.

Each claim increments the channel's `token`, which is never reset. Every write of a send's outcome names the
lease it was claimed with and is refused, writing nothing, when the token has moved on (`fence`): a process
that stalled past its lease cannot record over the process that took the row over. A process never takes
over its own lease (it lets it go itself), so a clock moved forward in one process never turns its own send
in flight into a second one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.storage._time import from_db, to_db
from bot.storage.database import Connection, Database

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Lease:
    """`owner`'s claim on the send of row `delivery_id` to `channel_id`, taken as the channel's `token`th."""

    delivery_id: int
    channel_id: int
    owner: str
    token: int


@dataclass(frozen=True, slots=True)
class LiveLease:
    """A lease in force as the database has it (`briefbot status`)."""

    channel_id: int
    delivery_id: int
    owner: str
    token: int
    claimed_at: datetime
    expires_at: datetime


_CLAIM = (
    "INSERT INTO send_leases (channel_id, delivery_id, owner, token, claimed_at, expires_at)"
    " VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET delivery_id = excluded.delivery_id,"
    " owner = excluded.owner, token = send_leases.token + 1, claimed_at = excluded.claimed_at,"
    " expires_at = excluded.expires_at"
    " WHERE send_leases.delivery_id IS NULL"
    " OR (send_leases.expires_at <= ? AND send_leases.owner <> excluded.owner)"
    " RETURNING token"
)
_ENDED = "delivery_id = NULL, owner = NULL, claimed_at = NULL, expires_at = NULL"


def _in_order(connection: Connection, condition: str) -> str:
    """The condition for a statement writing several leases: on PostgreSQL they are locked in channel order
    first, as `take` claims them, so that it never deadlocks with a claim (SQLite: one writer at a time)."""
    if connection.dialect != "postgresql":
        return condition
    return (
        f"channel_id IN (SELECT channel_id FROM send_leases WHERE {condition}"  # noqa: S608 - constant text
        " ORDER BY channel_id FOR UPDATE)"
    )


_RELEASE = (
    f"UPDATE send_leases SET {_ENDED}"  # noqa: S608 - constant text
    " WHERE channel_id = ? AND token = ? AND delivery_id = ? RETURNING token"
)
_CONFIRM = (
    "UPDATE send_leases SET expires_at = expires_at"
    " WHERE channel_id = ? AND token = ? AND delivery_id = ? RETURNING token"
)


async def take(
    connection: Connection,
    rows: Sequence[tuple[int, int]],
    *,
    owner: str,
    now: datetime,
    until: datetime,
) -> dict[int, int]:
    """Inside a write transaction: claim the channel of each (delivery id, channel id) for `owner` until
    `until`, where no send to it is in flight (no lease, or an expired one of another process). Returns the
    token of each row claimed, by delivery id; a channel named twice is claimed once, for its first row.

    Each claim is one upsert of the channel's row, decided on its latest committed version under its lock
    (`ON CONFLICT DO UPDATE ... WHERE`): two processes claiming one channel at once get it once. Leases are
    locked in channel order, as every statement writing several leases locks them, so none deadlock."""
    stamp, expiry = to_db(now), to_db(until)
    first: dict[int, int] = {}  # channel id -> its first row
    for delivery_id, channel_id in rows:
        first.setdefault(channel_id, delivery_id)
    tokens: dict[int, int] = {}
    for channel_id in sorted(first):
        delivery_id = first[channel_id]
        token = await connection.fetchval(_CLAIM, (channel_id, delivery_id, owner, stamp, expiry, stamp))
        if token is not None:
            tokens[delivery_id] = int(token)
    return tokens


async def fence(connection: Connection, lease: Lease | None, *, release: bool, what: str) -> bool:
    """Inside a write transaction, before writing a send's outcome: whether `lease` is still in force (None:
    a write made without one, by hand or by a test, always is). With `release`, it ends with the outcome.
    A lease taken over since is logged, naming who holds the row now, and nothing is to be written."""
    if lease is None:
        return True
    if (
        await connection.fetchrow(
            _RELEASE if release else _CONFIRM, (lease.channel_id, lease.token, lease.delivery_id)
        )
        is not None
    ):
        return True
    now_held = await connection.fetchrow(
        "SELECT owner, token, delivery_id FROM send_leases WHERE channel_id = ?", (lease.channel_id,)
    )
    if now_held is None:  # the lease row is never deleted: only by hand
        since = "the lease is gone"
    elif now_held["owner"] is None:
        since = f"token now {now_held['token']}, its outcome written since"
    else:
        since = f"token now {now_held['token']}, held by {now_held['owner']} for delivery {now_held['delivery_id']}"
    logger.warning(
        "delivery %d to channel %d: %s refused: this process (%s) lost its lease (token %d) to another"
        " process, which took the row over (%s); nothing is written, nor sent again, here",
        lease.delivery_id,
        lease.channel_id,
        what,
        lease.owner,
        lease.token,
        since,
    )
    return False


class SendLeases:
    """The leases outside any outcome: renewing, letting go, reading."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def renew(self, owner: str, *, until: datetime) -> set[tuple[int, int]]:
        """Extend every lease `owner` holds to `until`; returns those it still holds, as (delivery id,
        token) (one missing was taken over since)."""
        # Leases need no durable commit: a power cut that undoes one ends the process that held it too.
        # One statement, ordered by the rows' own locks: it must not wait behind this process's other
        # database work (64 sends' reads and outcomes) nor another process's writes, or the leases it
        # keeps lapse while their sends are in flight.
        async with self._db.single_statement(durable=False) as connection:
            rows = await connection.fetch(
                "UPDATE send_leases SET expires_at = ? WHERE "  # noqa: S608 - constant text
                + _in_order(connection, "owner = ? AND delivery_id IS NOT NULL")
                + " RETURNING delivery_id, token",
                (to_db(until), owner),
            )
        return {(int(row[0]), int(row[1])) for row in rows}

    async def release(self, leases: Sequence[Lease]) -> int:
        """Let these leases go (their rows were not sent, or their outcome is written): another process may
        claim their channels at once. One taken over since is left to its new owner. Returns how many
        ended."""
        if not leases:
            return 0
        ended = 0
        async with self._db.row_transaction(durable=False) as connection:
            for lease in sorted(leases, key=lambda lease: lease.channel_id):  # in `take`'s order
                ended += (
                    await connection.fetchrow(_RELEASE, (lease.channel_id, lease.token, lease.delivery_id))
                    is not None
                )
        return ended

    async def release_owner(self, owner: str) -> int:
        """End every lease `owner` holds (it stops, and sends nothing more). Returns how many there were."""
        async with self._db.row_transaction(durable=False) as connection:
            return await connection.execute(
                f"UPDATE send_leases SET {_ENDED} WHERE " + _in_order(connection, "owner = ?"),  # noqa: S608
                (owner,),
            )

    async def release_all(self) -> int:
        """End every lease: at the start of the one process a SQLite database may have, those left are a
        dead process's. Returns how many there were."""
        async with self._db.transaction() as connection:
            ended = await connection.execute(
                f"UPDATE send_leases SET {_ENDED} WHERE delivery_id IS NOT NULL"  # noqa: S608
            )
        if ended:
            logger.info("%d digest send lease(s) of a previous run ended; their rows are sent again", ended)
        return ended

    async def held_now(self, lease: Lease) -> bool:
        """Whether `lease` is still in force, on what is committed this instant (read without waiting for a
        transaction: the check between a pacing permit and its request)."""
        row = await self._db.peek_row(
            "SELECT 1 FROM send_leases WHERE channel_id = ? AND token = ? AND delivery_id = ?",
            (lease.channel_id, lease.token, lease.delivery_id),
        )
        return row is not None

    async def taken_over(self, lease: Lease) -> bool:
        """Whether another claim of `lease`'s channel came after it (its token moved on), on what is committed
        this instant: a lease missing from `renew`'s answer was either taken over so, or ended by its own
        outcome (or let go) since the renewal began, which is not a loss."""
        row = await self._db.peek_row(
            "SELECT token FROM send_leases WHERE channel_id = ?", (lease.channel_id,)
        )
        return row is not None and int(row["token"]) != lease.token

    async def end_silent(self, *, now: datetime, silent_after: timedelta, me: str) -> int:
        """End, as of `now`, the leases in force of every process other than `me` whose heartbeat
        (bot.storage.processes) is older than `silent_after`: it was killed or lost its machine, and its rows
        are free to take over now rather than when their leases expire. Returns how many ended.

        A lease is only shortened: its token stays, so the owner, if it was only stalled and renews before
        anyone claims the row, keeps it; once claimed, the token has moved on and `fence` refuses whatever
        the stalled owner writes. An owner without a heartbeat row (its first beat failed) is not known to
        be gone: its leases run their course."""
        stamp = to_db(now)
        async with self._db.row_transaction(durable=False) as connection:
            ended = await connection.execute(
                "UPDATE send_leases SET expires_at = ? WHERE "  # noqa: S608 - constant text
                + _in_order(
                    connection,
                    "delivery_id IS NOT NULL AND expires_at > ? AND owner <> ? AND owner IN"
                    " (SELECT identity FROM process_heartbeats WHERE heartbeat_at < ?)",
                ),
                (stamp, stamp, me, to_db(now - silent_after)),
            )
        if ended:
            logger.info(
                "%d digest send lease(s) of process(es) silent for over %.0fs ended: their rows are taken over",
                ended,
                silent_after.total_seconds(),
            )
        return ended

    async def next_silence(self, *, other_than: str, silent_after: timedelta) -> datetime | None:
        """When the first process other than `other_than` holding a lease in force falls silent unless it
        beats again (`end_silent`; None: none with a heartbeat row)."""
        async with self._db.read() as connection:
            last = await connection.fetchval(
                "SELECT min(h.heartbeat_at) FROM send_leases AS l JOIN process_heartbeats AS h"
                " ON h.identity = l.owner WHERE l.delivery_id IS NOT NULL AND l.owner <> ?",
                (other_than,),
            )
        return None if last is None else from_db(str(last)) + silent_after

    async def next_expiry(self, *, other_than: str) -> datetime | None:
        """When the first lease of a process other than `other_than` expires unless renewed (None: none):
        after it, its row may be taken over."""
        async with self._db.read() as connection:
            first = await connection.fetchval(
                "SELECT min(expires_at) FROM send_leases WHERE delivery_id IS NOT NULL AND owner <> ?",
                (other_than,),
            )
        return None if first is None else from_db(str(first))

    async def live(self) -> list[LiveLease]:
        """Every lease in force (expired ones included, until taken over or let go), by owner and channel."""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                "SELECT channel_id, delivery_id, owner, token, claimed_at, expires_at FROM send_leases"
                " WHERE delivery_id IS NOT NULL ORDER BY owner, channel_id"
            )
        return [
            LiveLease(
                int(row["channel_id"]),
                int(row["delivery_id"]),
                str(row["owner"]),
                int(row["token"]),
                from_db(str(row["claimed_at"])),
                from_db(str(row["expires_at"])),
            )
            for row in rows
        ]
