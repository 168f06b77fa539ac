"""Which channels get digests, on what schedule, and whether delivery to them is paused."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from bot.storage._compact import promote_channels
from bot.storage._rows import Columns
from bot.storage._time import to_db
from bot.storage.database import DATA_ERRORS, INTEGRITY_ERRORS, Connection, Database

logger = logging.getLogger(__name__)

Source = Literal["settings", "command"]
_SOURCES: tuple[Source, ...] = get_args(Source)
PauseCause = Literal["member", "failures", "permissions", "server_removed"]
# An unsubscribe or pause cancels the channel's pending rows, but not blindly one whose send had begun (a
# request whose answer was lost, a crash, or one on its way): its message may exist, and if its briefs
# counted as had by nobody a later digest would post them again as new. Such a row is held instead, to be
# looked for at once (parameters: the reason of a cancelled row, that of a held one, when to look): found,
# its briefs count as had (it stays cancelled, posted anyway, while the channel is stopped); not posted,
# it is cancelled; undecided, it keeps its briefs reserved and is looked for again with backoff.
_CANCEL = (
    "held_checks = 0, held_blind = 0,"
    " state = CASE WHEN attempt_started_at IS NULL THEN 'cancelled' ELSE 'held' END,"
    " reason = CASE WHEN attempt_started_at IS NULL THEN ? ELSE ? END,"
    " next_attempt_at = CASE WHEN attempt_started_at IS NULL THEN NULL ELSE ? END"
)


def _cancelling(reason: str, stamp: str, *, hold: bool) -> tuple[str, tuple[str, ...]]:
    """The SET clause that cancels pending rows with `reason` (holding those whose send had begun unless
    not `hold`), and its parameters."""
    if not hold:
        return "state = 'cancelled', reason = ?, next_attempt_at = NULL", (reason,)
    return _CANCEL, (reason, reason + MAY_HAVE_POSTED, stamp)


# Why a held row of a deleted channel ends (cancelled) rather than staying held: a look can never decide it.
GONE_WHILE_HELD = (
    "it was held (an earlier send may have posted it), and a deleted channel can no longer be looked in nor"
    " posted to: it is not sent"
)

MAY_HAVE_POSTED = (
    "; a send had begun and may have posted it, so it is not cancelled until the channel's history says"
    " whether it was (its briefs count as had if it was)"
)
"""What paused a subscription: a member (/digest pause), or Briefbot itself after refused deliveries, a lost
permission, or being removed from the server."""
_PAUSE_CAUSES: tuple[PauseCause, ...] = get_args(PauseCause)
ChannelKind = Literal["text", "announcement", "forum"]


@dataclass(frozen=True, slots=True)
class PostOptions:
    """How a channel's digests are posted: in a forum, each is a post of its own; `ping_role_id` is
    mentioned in the message's content (and only it); `open_thread` opens a thread on each digest message;
    `publish` crossposts each to the announcement channel's followers."""

    channel_kind: ChannelKind = "text"
    ping_role_id: int | None = None
    open_thread: bool = False
    publish: bool = False


@dataclass(frozen=True, slots=True)
class Subscription:
    """A channel's subscription.

    `active` is False once unsubscribed (the row is kept for history). While paused (`paused_at` set), every
    setting is kept and its slots are recorded as skipped; `pause_cause` says what paused it, `paused_by` which
    member did (None when Briefbot paused it itself), and `paused_reason` why, until it is resumed.
    """

    channel_id: int
    guild_id: int
    schedule: str
    timezone: str
    source: Source
    created_at: datetime
    updated_at: datetime
    active: bool
    recorded_through: datetime
    paused_at: datetime | None
    paused_reason: str | None
    consecutive_failures: int
    paused_by: int | None = None
    pause_cause: PauseCause | None = None
    channel_kind: ChannelKind = "text"
    ping_role_id: int | None = None
    open_thread: bool = False
    publish: bool = False
    tags: tuple[str, ...] | None = None  # the tags it follows (lower case); None: every brief

    @property
    def options(self) -> PostOptions:
        return PostOptions(self.channel_kind, self.ping_role_id, self.open_thread, self.publish)

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    @property
    def paused_automatically(self) -> bool:
        """Paused by Briefbot itself (not by a member): something is wrong that an admin should know."""
        return self.paused and self.pause_cause != "member"

    @property
    def deliverable(self) -> bool:
        """Active and not paused: new slots are recorded for it."""
        return self.active and not self.paused


@dataclass(frozen=True, slots=True)
class ScheduleGroup:
    schedule: str
    timezone: str
    earliest_recorded_through: datetime


_SUBSCRIPTIONS = Columns(Subscription)
# A channel's own data refused (an id beyond the database's integers, a constraint), not the database failing.
_CHANNEL_REFUSED: tuple[type[Exception], ...] = (ValueError, *DATA_ERRORS, *INTEGRITY_ERRORS)
_SCHEDULE_GROUPS = Columns(ScheduleGroup)


async def fetch_subscription(connection: Connection, channel_id: int) -> Subscription | None:
    """The subscription row for `channel_id` on an already-held connection (active or not)."""
    row = await connection.fetchrow(
        f"SELECT {_SUBSCRIPTIONS.names} FROM subscriptions WHERE channel_id = ?",  # noqa: S608 - constant column list
        (channel_id,),
    )
    return None if row is None else _SUBSCRIPTIONS.read(row)


class SubscriptionRepository:
    """Subscribe, unsubscribe, list; pausing is done by the ledger after repeated permanent failures."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def subscribe(
        self,
        *,
        guild_id: int,
        channel_id: int,
        schedule: str,
        timezone: str,
        source: Source,
        now: datetime,
        options: PostOptions | None = None,
        tags: Sequence[str] | None = None,
    ) -> Subscription:
        """Create or update the channel's subscription and return it. It follows `tags` (compared in lower
        case; None or none: every brief), replacing what it followed before.

        `options` (how digests are posted) replace the stored ones; None keeps them (defaults when new).

        Promises: the subscription is active and not paused afterwards (subscribing again is how a paused
        channel is resumed, with its failure count reset); when it is new, was inactive or paused, or its
        schedule or time zone changed, slots are recorded only after `now` (nothing is back-filled).
        `created_at` is kept for an existing row. The caller validates schedule and timezone.
        """
        if source not in _SOURCES:
            raise ValueError(f"source must be one of {_SOURCES}, not {source!r}")
        stamp = to_db(now)
        followed = json.dumps(list(dict.fromkeys(tag.casefold() for tag in tags))) if tags else None
        async with self._db.transaction() as connection:
            existing = await fetch_subscription(connection, channel_id)
            if existing is None:
                await connection.execute(
                    "INSERT INTO subscriptions (channel_id, guild_id, schedule, timezone, source, created_at,"
                    " updated_at, active, recorded_through, tags) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                    (channel_id, guild_id, schedule, timezone, source, stamp, stamp, stamp, followed),
                )
            else:
                restart = (
                    not existing.deliverable or existing.schedule != schedule or existing.timezone != timezone
                )
                if existing.paused:
                    logger.info("channel %d resumed (was paused: %s)", channel_id, existing.paused_reason)
                await connection.execute(
                    "UPDATE subscriptions SET guild_id = ?, schedule = ?, timezone = ?, source = ?,"
                    " updated_at = ?, active = 1, paused_at = NULL, paused_reason = NULL, paused_by = NULL,"
                    " pause_cause = NULL,"
                    " consecutive_failures = 0, tags = ?,"
                    " recorded_through = CASE WHEN ? AND recorded_through < ? THEN ? ELSE recorded_through END"
                    " WHERE channel_id = ?",
                    (
                        guild_id,
                        schedule,
                        timezone,
                        source,
                        stamp,
                        followed,
                        restart,
                        stamp,
                        stamp,
                        channel_id,
                    ),
                )
            if options is not None:
                await connection.execute(
                    "UPDATE subscriptions SET channel_kind = ?, ping_role_id = ?, open_thread = ?, publish = ?"
                    " WHERE channel_id = ?",
                    (
                        options.channel_kind,
                        options.ping_role_id,
                        options.open_thread,
                        options.publish,
                        channel_id,
                    ),
                )
            subscription = await fetch_subscription(connection, channel_id)
        assert subscription is not None
        return subscription

    async def unsubscribe(
        self,
        channel_id: int,
        *,
        now: datetime,
        reason: str = "unsubscribed",
        by_command: bool = False,
        gone: bool = False,
    ) -> bool:
        """Deactivate the channel's subscription and cancel its pending deliveries (one whose send had begun
        is held, to be looked for first: `_CANCEL`).

        `by_command`: a person unsubscribed it, which the settings' DIGEST_CHANNEL_IDS must not undo at the
        next start. `gone`: the channel was deleted, so there is nothing to look in and nothing to post to
        again: every pending row is cancelled, and so is every held one (even of a channel unsubscribed
        before), with the reason. Returns False if the channel had no active subscription. The row stays, so
        history remains readable.
        """
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            changed = (
                await connection.execute(
                    "UPDATE subscriptions SET active = 0, updated_at = ?,"
                    " source = CASE WHEN ? THEN 'command' ELSE source END"
                    " WHERE channel_id = ? AND active = 1",
                    (stamp, by_command, channel_id),
                )
                > 0
            )
            if changed:
                cancel, parameters = _cancelling(reason, stamp, hold=not gone)
                await promote_channels(connection, [channel_id], states=["pending"])
                await connection.execute(
                    f"UPDATE deliveries SET {cancel}, updated_at = ?"  # noqa: S608 - constant
                    " WHERE channel_id = ? AND state = 'pending'",
                    (*parameters, stamp, channel_id),
                )
            if gone:
                await connection.execute(
                    "UPDATE deliveries SET state = 'cancelled', reason = ?, next_attempt_at = NULL,"
                    " held_checks = 0, held_blind = 0, updated_at = ? WHERE channel_id = ? AND state = 'held'",
                    (f"{reason}; {GONE_WHILE_HELD}", stamp, channel_id),
                )
        return changed

    async def get(self, channel_id: int) -> Subscription | None:
        """The channel's subscription row (active or not), or None."""
        async with self._db.read() as connection:
            return await fetch_subscription(connection, channel_id)

    async def schedule_groups(self) -> list[ScheduleGroup]:
        """Each (schedule, time zone) of active subscriptions (paused ones included: their slots are recorded
        as skipped) with its earliest `recorded_through`: what the scheduler needs to see whether any slot is
        due, without reading every subscription."""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                "SELECT schedule, timezone, min(recorded_through) AS earliest_recorded_through FROM subscriptions"
                " WHERE active = 1 GROUP BY schedule, timezone ORDER BY schedule, timezone"
            )
        return [_SCHEDULE_GROUPS.read(row) for row in rows]

    async def deliverable_in(
        self, schedule: str, timezone: str, *, paused_too: bool = False
    ) -> list[Subscription]:
        """The deliverable (active, not paused) subscriptions of one schedule and time zone; with
        `paused_too`, the paused ones as well (whose slots are recorded as skipped)."""
        paused = "" if paused_too else " AND paused_at IS NULL"
        async with self._db.read() as connection:
            rows = await connection.fetch(
                f"SELECT {_SUBSCRIPTIONS.names} FROM subscriptions WHERE active = 1{paused}"  # noqa: S608
                " AND schedule = ? AND timezone = ? ORDER BY guild_id, channel_id",
                (schedule, timezone),
            )
        return [_SUBSCRIPTIONS.read(row) for row in rows]

    async def list_subscriptions(
        self, *, guild_id: int | None = None, include_inactive: bool = False
    ) -> list[Subscription]:
        """Subscriptions (by default only active ones, paused included), optionally of one guild,
        ordered by guild and channel."""
        clauses: list[str] = []
        params: list[object] = []
        if not include_inactive:
            clauses.append("active = 1")
        if guild_id is not None:
            clauses.append("guild_id = ?")
            params.append(guild_id)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        async with self._db.read() as connection:
            rows = await connection.fetch(
                f"SELECT {_SUBSCRIPTIONS.names} FROM subscriptions{where} ORDER BY guild_id, channel_id",  # noqa: S608
                params,
            )
        return [_SUBSCRIPTIONS.read(row) for row in rows]

    async def adopt_unknown_guild(self, channel_ids: Sequence[int], guild_id: int, *, now: datetime) -> int:
        """Give `guild_id` to those of `channel_ids` stored with guild 0 (subscribed from the settings while
        their server was unavailable); returns how many changed. Nothing else about them changes."""
        stamp = to_db(now)
        changed = 0
        async with self._db.transaction() as connection:
            for channel_id in channel_ids:
                changed += await connection.execute(
                    "UPDATE subscriptions SET guild_id = ?, updated_at = ? WHERE channel_id = ? AND guild_id = 0",
                    (guild_id, stamp, channel_id),
                )
        return changed

    async def pause(
        self,
        channel_id: int,
        reason: str,
        *,
        now: datetime,
        cause: PauseCause = "permissions",
        by: int | None = None,
    ) -> bool:
        """Pause delivery to the channel with `reason` and cancel its pending deliveries; every setting is
        kept. `cause` says what paused it, `by` which member (for cause 'member').

        Returns False if it had no active, unpaused subscription. `resume` (or subscribing again) resumes it.
        """
        async with self._db.transaction() as connection:
            return await pause_in(connection, channel_id, reason, now, cause=cause, by=by)

    async def resume(
        self, channel_id: int, *, now: datetime, only_cause: PauseCause | None = None
    ) -> Subscription | None:
        """Lift the channel's pause, whoever paused it (with `only_cause`: only a pause of that cause, so
        that Briefbot lifts its own pauses and never a member's), with its run of failures reset; its
        settings are as they were. Slots from `now` on are delivered (those while paused were recorded as
        skipped; none is back-filled). Returns the subscription, or None if it was not active and paused."""
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            existing = await fetch_subscription(connection, channel_id)
            if existing is None or not existing.active or not existing.paused:
                return None
            if only_cause is not None and existing.pause_cause != only_cause:
                return None
            await connection.execute(
                "UPDATE subscriptions SET paused_at = NULL, paused_reason = NULL, paused_by = NULL,"
                " pause_cause = NULL, consecutive_failures = 0, updated_at = ?,"
                " recorded_through = CASE WHEN recorded_through < ? THEN ? ELSE recorded_through END"
                " WHERE channel_id = ?",
                (stamp, stamp, stamp, channel_id),
            )
            resumed = await fetch_subscription(connection, channel_id)
        logger.info("channel %d resumed (was paused: %s)", channel_id, existing.paused_reason)
        return resumed

    async def sync_settings(
        self, entries: dict[int, int | None], *, schedule: str, timezone: str, now: datetime
    ) -> list[Subscription]:
        """Make the settings-sourced subscriptions exactly `entries` ({channel_id: guild_id}).

        Active channels subscribed by command are left as they are (a command outranks the settings), and so
        are paused ones (only subscribing again resumes them); listed channels that are new or inactive are
        subscribed; settings-sourced ones no longer listed are unsubscribed. A guild id of None means the
        caller does not know it (the server is unavailable for now): a stored subscription keeps its own,
        a new one gets 0. One channel that cannot be subscribed is logged and skipped, never the end of the
        others. Returns the active settings-sourced subscriptions afterwards.
        """
        current = {s.channel_id: s for s in await self.list_subscriptions(include_inactive=True)}
        for channel_id, known_guild_id in entries.items():
            existing = current.get(channel_id)
            guild_id = known_guild_id
            if guild_id is None:
                guild_id = existing.guild_id if existing is not None else 0
            if existing is not None and not existing.active and existing.source == "command":
                logger.warning(
                    "DIGEST_CHANNEL_IDS lists channel %d, which was unsubscribed with /digest unsubscribe;"
                    " /digest subscribe subscribes it again",
                    channel_id,
                )
                continue
            if existing is not None and existing.active:
                if existing.source == "command" or existing.paused:
                    continue
                wanted = (guild_id, schedule, timezone)
                if (existing.guild_id, existing.schedule, existing.timezone) == wanted:
                    continue
            try:
                await self.subscribe(
                    guild_id=guild_id,
                    channel_id=channel_id,
                    schedule=schedule,
                    timezone=timezone,
                    source="settings",
                    now=now,
                )
            except _CHANNEL_REFUSED as exc:
                # This channel's own data, not the database: a locked or full database fails the start.
                logger.error("DIGEST_CHANNEL_IDS: channel %s cannot be subscribed: %s", channel_id, exc)
        for channel_id, existing in current.items():
            if existing.active and existing.source == "settings" and channel_id not in entries:
                await self.unsubscribe(channel_id, now=now, reason="removed from DIGEST_CHANNEL_IDS")
        return [s for s in await self.list_subscriptions() if s.source == "settings"]


async def pause_in(
    connection: Connection,
    channel_id: int,
    reason: str,
    now: datetime,
    *,
    cause: PauseCause,
    by: int | None = None,
) -> bool:
    """`SubscriptionRepository.pause` inside a transaction the caller holds."""
    if cause not in _PAUSE_CAUSES:
        raise ValueError(f"cause must be one of {_PAUSE_CAUSES}, not {cause!r}")
    stamp = to_db(now)
    changed = (
        await connection.execute(
            "UPDATE subscriptions SET paused_at = ?, paused_reason = ?, paused_by = ?, pause_cause = ?,"
            " updated_at = ? WHERE channel_id = ? AND active = 1 AND paused_at IS NULL",
            (stamp, reason, by, cause, stamp, channel_id),
        )
        > 0
    )
    if changed:
        logger.warning("delivery to channel %d paused: %s", channel_id, reason)
        # Held even in a server that removed the bot: it may add the bot back (its data is kept for the
        # retention) and subscribe again. Until then the look is refused and the row stays held, its briefs
        # reserved; it is looked for at once when the bot is back (found: its briefs count as had).
        cancel, parameters = _cancelling(f"subscription paused: {reason}", stamp, hold=True)
        await promote_channels(connection, [channel_id], states=["pending"])
        await connection.execute(
            f"UPDATE deliveries SET {cancel}, pause_cause = ?, updated_at = ?"  # noqa: S608 - constant
            " WHERE channel_id = ? AND state = 'pending'",
            (*parameters, cause, stamp, channel_id),
        )
    return changed
