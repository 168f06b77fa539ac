"""The digest machinery assembled from Settings: what the Discord layer starts, talks to, and stops."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence, Set
from datetime import datetime

from bot.briefs.lookup import Library
from bot.clock import ClockCheck, utc_now
from bot.delivery.alerts import AlertDispatcher, AlertSender
from bot.delivery.contents import DigestContents, contents_rule
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.pacing import Pacer, SharedPacer
from bot.delivery.scheduler import BriefIdSource, DigestScheduler, RecordReport
from bot.delivery.sender_protocol import Sender
from bot.delivery.slots import busiest_hour
from bot.delivery.versions import Offer, VersionStore, as_offer
from bot.schedule import checked_schedule, parse_schedule
from bot.settings import Settings
from bot.storage import Database, Delivery, DeliveryLedger, Subscription, SubscriptionRepository
from bot.storage.alerts import AlertChannel, AlertRepository
from bot.storage.ledger import DigestWindow
from bot.storage.rate_budget import RateBudgetStore
from bot.storage.servers import RemovedServers
from bot.storage.subscriptions import PostOptions, Source

PUBLISH_LIMIT_PER_HOUR = 10  # Discord's publishes per announcement channel per hour, shared by everyone


class SubscriptionRefused(ValueError):
    """Options a channel's subscription cannot have; the message says why, in words for the admin."""


def refusal(schedule: str, timezone: str, options: PostOptions, now: datetime) -> str | None:
    """Why a subscription with these options cannot be kept, or None: publishing only in an announcement
    channel, and never more often than Discord's publish limit lets it; a thread only on a digest message
    (a forum's digests are posts, each a thread already)."""
    if options.publish and options.channel_kind != "announcement":
        return "Only an announcement channel's digests can be published; this channel is not one."
    if options.open_thread and options.channel_kind == "forum":
        return "Each digest in a forum is a post of its own, with its own thread already: leave `thread` off."
    if options.publish:
        most = busiest_hour(schedule, timezone, now)
        if most > PUBLISH_LIMIT_PER_HOUR:
            return (
                f"Discord publishes at most {PUBLISH_LIMIT_PER_HOUR} messages an hour in a channel (members'"
                f" publishes and `/digest now` included), and `{schedule}` has {most} digests within an hour."
                " Choose a schedule with fewer, or subscribe without `publish`."
            )
    return None


logger = logging.getLogger(__name__)


class DigestService:
    """One database, its repositories, the scheduler and the dispatcher, wired together.

    Lifecycle: `await DigestService.open(settings, sender, brief_ids)`, then `await service.start()` once the
    Discord client is ready to send, and `await service.close()` at shutdown (stops new slots, lets sends in
    flight finish within SHUTDOWN_GRACE_SECONDS, closes the database).
    """

    def __init__(
        self,
        settings: Settings,
        database: Database,
        scheduler: DigestScheduler,
        dispatcher: Dispatcher,
        *,
        clock: Callable[[], datetime] = utc_now,
        alerts: AlertDispatcher | None = None,
        library: Callable[[], Library] = lambda: Library([]),
    ) -> None:
        self.settings = settings
        self.database = database
        self.subscriptions = SubscriptionRepository(database)
        self.ledger = DeliveryLedger(database)
        # The briefs at the versions digests recorded (the sender asks it; a reload retires versions to it).
        self.versions = VersionStore(self.ledger, library)
        self.removed_servers = RemovedServers(database)
        self.scheduler = scheduler
        self.dispatcher = dispatcher
        self.alerts = alerts or AlertDispatcher(
            AlertRepository(database), None, Pacer(settings.delivery_rate_per_second), clock=clock
        )
        self._clock = clock
        self._started = False
        self.running = False  # slots are being scheduled: start() has succeeded

    @property
    def pacer(self) -> Pacer:
        """The permits every REST request of the bot waits for (the shared rate budget)."""
        return self.dispatcher.pacer

    @classmethod
    async def open(
        cls,
        settings: Settings,
        sender: Sender,
        brief_ids: BriefIdSource,
        *,
        clock: Callable[[], datetime] = utc_now,
        alert_sender: AlertSender | None = None,
        discord_clock: ClockCheck | None = None,
        library: Callable[[], Library] | None = None,
    ) -> DigestService:
        """Open (and migrate) the database (DATABASE_URL, or DATABASE_PATH) and build the scheduler and dispatcher; nothing runs yet.
        `discord_clock` is shown each message a first send creates (its snowflake is Discord's time).
        `library` gives the loaded library, whose versions digests show (`versions`).

        Raises bot.storage.StorageError when the database cannot be used.
        """
        database = await Database.open(settings.database)
        subscriptions = SubscriptionRepository(database)
        ledger = DeliveryLedger(database)
        # Digests, alerts and every other REST request (the client's trace) share Discord's rate, with every
        # process on this database.
        pacer = SharedPacer(RateBudgetStore(database), settings.delivery_rate_per_second)
        dispatcher = Dispatcher(
            ledger,
            sender,
            pacer=pacer,
            rate_per_second=settings.delivery_rate_per_second,
            clock=clock,
            nonce_trust_seconds=settings.digest_nonce_trust.total_seconds(),
            stale_after=settings.digest_stale_after,
            discord_clock=discord_clock,
            lease_for=settings.digest_lease,
        )
        scheduler = DigestScheduler(
            subscriptions,
            ledger,
            brief_ids=brief_ids,
            on_recorded=dispatcher.wake,
            max_briefs=settings.digest_max_briefs,
            when_nothing_new=settings.digest_when_nothing_new,
            catch_up_grace=settings.digest_catch_up_grace,
            clock=clock,
        )
        alerts = AlertDispatcher(
            AlertRepository(database),
            alert_sender,
            pacer,
            clock=clock,
            nonce_trust_seconds=settings.digest_nonce_trust.total_seconds(),
            give_up_after=settings.digest_stale_after,
        )
        return cls(
            settings,
            database,
            scheduler,
            dispatcher,
            clock=clock,
            alerts=alerts,
            library=library if library is not None else (lambda: Library([])),
        )

    async def start(self) -> RecordReport:
        """Start sending (pending rows from before a restart first) and scheduling; returns the catch-up.

        If it raises, call it again: what had started stays started, the rest starts then.
        """
        if not self._started:
            # Before anything is sent: rows and deliveries from before versions were kept count as the
            # library loaded now (so upgrading re-posts nothing), and versions nothing needs are deleted.
            await self.versions.adopt(now=self._clock())
            if self.database.dialect == "sqlite":
                # One process per SQLite file: a lease left in it is a dead process's (a crash), ended now
                # so that its row is sent at once (with its nonce, or looked for first), not after DIGEST_LEASE.
                await self.ledger.leases.release_all()
            await self.dispatcher.start()
            self._started = True  # from here on, close() must stop the dispatcher, even mid catch-up
        report = await self.scheduler.start()
        self.alerts.start()
        self.running = True
        return report

    async def close(self) -> None:
        """Stop new slots, give sends in flight SHUTDOWN_GRACE_SECONDS, leave the rest pending, close the
        database. Safe to call without start() and more than once."""
        try:
            await self.stop()
        finally:
            await self.database.close()

    async def stop(self) -> None:
        """`close` but for closing the database (the caller still writes to it, then closes it)."""
        await self.alerts.stop()
        await self.scheduler.shutdown()
        if self._started:
            await self.dispatcher.stop(self.settings.shutdown_grace_seconds)
            self._started = False

    async def sync_settings_channels(self, guild_of_channel: dict[int, int | None]) -> list[Subscription]:
        """Subscribe DIGEST_CHANNEL_IDS (mapped to their guild ids by the caller, None where it does not know
        it) with DIGEST_SCHEDULE and DIGEST_TIMEZONE; see SubscriptionRepository.sync_settings."""
        result = await self.subscriptions.sync_settings(
            guild_of_channel,
            schedule=self.settings.digest_schedule,
            timezone=self.settings.digest_timezone,
            now=self._clock(),
        )
        await self.scheduler.refresh()
        return result

    async def settings_channels_found(self, guild_id: int, channel_ids: Sequence[int]) -> int:
        """DIGEST_CHANNEL_IDS channels seen in server `guild_id` (it became available, or the bot joined
        it): those stored without a server get it, so they show in that server's /digest list."""
        return await self.subscriptions.adopt_unknown_guild(channel_ids, guild_id, now=self._clock())

    async def subscribe(
        self,
        *,
        guild_id: int,
        channel_id: int,
        schedule: str,
        timezone: str,
        source: Source = "command",
        options: PostOptions | None = None,
        tags: Sequence[str] | None = None,
    ) -> Subscription:
        """Subscribe (or update, or resume) a channel; `options` replace how its digests are posted (None
        keeps them), and it follows only briefs with one of `tags` when given (else every brief). Raises
        bot.schedule.ScheduleError (a ValueError) for a schedule or time zone that cannot be used,
        SubscriptionRefused for options the channel cannot take (see `refusal`)."""
        parse_schedule(schedule, timezone)  # validates both, with a message fit for the user
        checked_schedule(schedule)  # and refuses a schedule that never comes
        if options is not None:
            reason = refusal(schedule.strip(), timezone, options, self._clock())
            if reason is not None:
                raise SubscriptionRefused(reason)
        subscription = await self.subscriptions.subscribe(
            guild_id=guild_id,
            channel_id=channel_id,
            schedule=schedule.strip(),
            timezone=timezone,
            source=source,
            now=self._clock(),
            options=options,
            tags=tags,
        )
        await self.scheduler.refresh()
        return subscription

    async def unsubscribe(self, channel_id: int) -> bool:
        """Unsubscribe a channel (its pending digests are cancelled); False if it was not subscribed."""
        changed = await self.subscriptions.unsubscribe(channel_id, now=self._clock(), by_command=True)
        await self.scheduler.refresh()
        self.dispatcher.wake()  # a row it held (its send had begun) is looked for at once
        return changed

    # --- what Discord says changed (the Discord layer calls these from gateway events) ---

    async def channel_deleted(self, channel_id: int, *, reason: str = "the channel was deleted") -> bool:
        """The channel (or thread) is gone: unsubscribe it, its pending digests cancelled with `reason`.
        False if it was not subscribed."""
        changed = await self.subscriptions.unsubscribe(
            channel_id, now=self._clock(), reason=reason, gone=True
        )
        if changed:
            await self.scheduler.refresh()
        return changed

    async def cannot_deliver(self, channel_id: int, reason: str) -> bool:
        """Nothing can reach the channel now (e.g. a permission was taken away): pause its subscription with
        `reason`, pending digests cancelled, until it is subscribed again. False if it was not deliverable."""
        changed = await self.subscriptions.pause(channel_id, reason, now=self._clock(), cause="permissions")
        if changed:
            await self.scheduler.refresh()
            self.dispatcher.wake()
        return changed

    async def pause(self, channel_id: int, reason: str, *, by: int) -> bool:
        """Member `by` pauses the channel's digests with `reason` (/digest pause): every setting is kept, its
        pending digests are cancelled and its slots recorded as skipped until `resume`. False if it was not
        subscribed, or already paused."""
        paused = await self.subscriptions.pause(channel_id, reason, now=self._clock(), cause="member", by=by)
        self.dispatcher.wake()
        return paused

    async def resume(self, channel_id: int) -> Subscription | None:
        """Lift the channel's pause, whoever paused it (/digest resume); None if it was not paused."""
        resumed = await self.subscriptions.resume(channel_id, now=self._clock())
        if resumed is not None:
            await self.scheduler.refresh()
        return resumed

    async def can_deliver_again(self, channel_id: int) -> bool:
        """What paused the channel automatically (a permission the bot had lost) is back: resume it. A pause
        of another cause (a member's /digest pause, deliveries refused, the server removing the bot) stays.
        False if nothing was resumed."""
        resumed = await self.subscriptions.resume(channel_id, now=self._clock(), only_cause="permissions")
        if resumed is not None:
            await self.scheduler.refresh()
        return resumed is not None

    async def held_channels(self, guild_id: int) -> list[int]:
        """The server's channels with a held digest (one that may have been posted; see `recheck_held`)."""
        return await self.ledger.held_channel_ids(guild_id)

    async def recheck_held(self, channel_ids: Sequence[int]) -> int:
        """The bot may read these channels' history again: look for their held digests at once (found: sent;
        not posted: sent now, or expired when too late). Returns how many are looked for."""
        return await self.dispatcher.recheck_held(channel_ids)

    async def server_removed(self, guild_id: int) -> list[int]:
        """The bot was removed from the server: pause its channels at once; its data is deleted
        REMOVED_SERVER_RETENTION from now unless the bot comes back. Returns the channels paused."""
        paused = await self.removed_servers.removed(
            guild_id, "the bot was removed from this server", now=self._clock()
        )
        await self.scheduler.refresh()
        return paused

    async def servers_present(
        self, guild_ids: Set[int], *, served: Callable[[int], bool] = lambda guild_id: True
    ) -> list[int]:
        """Discord's complete list of the bot's servers (READY's, unavailable ones included) among those
        `served` (the servers of this process's shards): a served server with subscriptions that is not in
        it removed the bot while the bot was not connected, and is treated as `server_removed`. Returns
        those servers."""
        subscribed = [g for g in await self.removed_servers.subscribed_servers() if served(g)]
        if subscribed and not guild_ids:
            # In no server at all: more likely another bot's token than every server removing this one.
            logger.warning(
                "Discord lists no server for this bot, though %d server(s) have subscriptions: not taken for"
                " removals (is DISCORD_TOKEN this bot's?)",
                len(subscribed),
            )
            return []
        gone = [g for g in subscribed if g not in guild_ids]
        for guild_id in gone:
            await self.server_removed(guild_id)
        return gone

    async def server_joined(self, guild_id: int) -> bool:
        """The bot is in the server (again): its data is kept. True if it had been marked removed."""
        return await self.removed_servers.returned(guild_id)

    async def forget_removed_servers(self) -> list[int]:
        """Delete the data of servers that removed the bot more than REMOVED_SERVER_RETENTION ago."""
        cutoff = self._clock() - self.settings.removed_server_retention
        return await self.removed_servers.forget_removed_before(cutoff)

    async def set_alert_channel(self, guild_id: int, channel_id: int, *, by: int) -> None:
        """Send the server's absence alarms to `channel_id`, for slots from now on (/digest alerts)."""
        await self.alerts.repository.set_channel(guild_id, channel_id, by=by, now=self._clock())

    async def stop_alerts(self, guild_id: int) -> bool:
        """No more alarms for the server; False if it had none."""
        return await self.alerts.repository.clear_channel(guild_id)

    async def alert_channel(self, guild_id: int) -> AlertChannel | None:
        return await self.alerts.repository.channel_of(guild_id)

    async def subscription(self, channel_id: int) -> Subscription | None:
        """The channel's subscription (active or not), or None."""
        return await self.subscriptions.get(channel_id)

    async def list_subscriptions(self, guild_id: int | None = None) -> list[Subscription]:
        """Active subscriptions (paused ones included, with their reason), optionally of one guild."""
        return await self.subscriptions.list_subscriptions(guild_id=guild_id)

    async def digest_window(self, nonce: str) -> DigestWindow | None:
        """The slot of the digest with `nonce` and the window it covers (see DeliveryLedger.window)."""
        return await self.ledger.window(nonce)

    async def history(self, channel_id: int, limit: int = 10) -> Sequence[Delivery]:
        """The channel's latest deliveries, newest first: sent, dead (with reason), skipped, missed..."""
        return await self.ledger.history(channel_id, limit=limit)

    async def digest_now(
        self, *, channel_id: int, guild_id: int, brief_ids: Offer | Sequence[str]
    ) -> Delivery | None:
        """Queue a one-off digest for `channel_id` and wake the dispatcher; None when there are no briefs.

        It carries what the next scheduled digest would, or the newest brief again when nothing is new,
        since someone asked for it.
        """
        offer = as_offer(brief_ids)
        delivery = await self.ledger.record_manual(
            channel_id=channel_id,
            guild_id=guild_id,
            available_brief_ids=offer.ids,
            choose=contents_rule(
                max_briefs=self.settings.digest_max_briefs,
                when_nothing_new="repeat-latest",
                versions=offer.versions,
                tags=offer.tags,
            ),
            now=self._clock(),
            snapshot_of=offer.snapshot_of,
        )
        if delivery is not None:
            self.dispatcher.wake()
        return delivery

    async def next_digest(self, channel_id: int, brief_ids: Offer | Sequence[str]) -> DigestContents:
        """What the channel's next scheduled digest would carry if its slot came now (`/digest preview`):
        the scheduler's own rule, given what the channel has received and what its pending digests hold."""
        offer = as_offer(brief_ids)
        return await self.ledger.next_contents(channel_id, offer.ids, self.scheduler.rule_for(offer))
