"""/digest subscribe | unsubscribe | pause | resume | list | preview | now | history."""

from __future__ import annotations

import functools
import logging
import math
import zoneinfo
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.embeds import to_embeds
from bot.app.views import digest_view
from bot.briefs.facts import plural
from bot.briefs.ranking import ranked
from bot.briefs.render import clean, defuse_mentions, render_digest, shorten
from bot.clock import snowflake_time
from bot.delivery.service import SubscriptionRefused
from bot.delivery.slots import next_slot
from bot.delivery.versions import offer_of
from bot.schedule import ScheduleError, checked_schedule, checked_timezone
from bot.storage import Delivery, Subscription
from bot.storage.subscriptions import ChannelKind, PostOptions

if TYPE_CHECKING:
    from bot.app.client import Briefbot

log = logging.getLogger(__name__)

REQUIRED_CHANNEL_PERMISSIONS = (
    ("view_channel", "View Channel"),
    ("send_messages", "Send Messages"),
    ("embed_links", "Embed Links"),
    # Without it Discord returns no messages: a digest whose answer was lost could not be looked for.
    ("read_message_history", "Read Message History"),
)
MESSAGE_LIMIT = 2000
PRIVATE_HELP = "Only you see the answer (default); false to show it to the channel"
PAGE_HELP = "Which page of a long list (default: the first)"
PAUSE_REASON_LIMIT = 200


@functools.cache
def _timezones() -> list[str]:
    return sorted(zoneinfo.available_timezones())


class _TextOption(app_commands.Transformer["Briefbot"]):
    """A text option of 1 to `longest` characters: Discord enforces the bounds, as `Range[str, ...]` did."""

    longest: ClassVar[int] = 100

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return self.longest


class ScheduleTransformer(_TextOption):
    """A digest schedule (`HH:MM` or cron), read by bot.schedule; a ScheduleError refuses it in kind words."""

    async def transform(self, interaction: discord.Interaction[Briefbot], value: str) -> str:
        return checked_schedule(value)


class TimeZoneTransformer(_TextOption):
    """An IANA time zone, read by bot.schedule, suggested from this host's zoneinfo as the member types."""

    longest = 64

    async def transform(self, interaction: discord.Interaction[Briefbot], value: str) -> str:
        return checked_timezone(value)

    async def autocomplete(
        self, interaction: discord.Interaction[Briefbot], value: int | float | str
    ) -> list[app_commands.Choice[int | float | str]]:
        names = ranked(str(value), _timezones(), limit=25)
        return [app_commands.Choice(name=name, value=name) for name in names]


class PostableChannelTransformer(app_commands.Transformer["Briefbot"]):
    """A channel digests can go to: text, announcement or forum (not a media channel, whose posts need a
    file). discord.py's own `TextChannel | ForumChannel` would offer media channels too."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return [discord.ChannelType.text, discord.ChannelType.news, discord.ChannelType.forum]

    async def transform(
        self, interaction: discord.Interaction[Briefbot], value: object
    ) -> discord.TextChannel | discord.ForumChannel:
        resolved = value.resolve() if isinstance(value, app_commands.AppCommandChannel) else value
        if isinstance(resolved, discord.TextChannel) or (
            isinstance(resolved, discord.ForumChannel) and not resolved.is_media()
        ):
            return resolved
        raise app_commands.TransformerError(value, discord.AppCommandOptionType.channel, self)


def in_guild(interaction: discord.Interaction[Briefbot]) -> discord.Guild:
    """The server the command came from; NoPrivateMessage when the bot does not have it (a DM, or a server
    it is not in)."""
    if interaction.guild is None:
        raise app_commands.NoPrivateMessage()
    return interaction.guild


def missing_bot_permissions(channel: discord.abc.GuildChannel | discord.Thread) -> list[str]:
    permissions = channel.permissions_for(channel.guild.me)
    return [label for flag, label in REQUIRED_CHANNEL_PERMISSIONS if not getattr(permissions, flag)]


def channel_kind(channel: discord.abc.GuildChannel) -> ChannelKind:
    if isinstance(channel, discord.ForumChannel):
        return "forum"
    if isinstance(channel, discord.TextChannel) and channel.is_news():
        return "announcement"
    return "text"


def ping_refusal(channel: discord.abc.GuildChannel, role: discord.Role) -> str | None:
    """Why digests in `channel` could not ping `role`, or None. Discord pings a role only if it is
    mentionable or the sender has Mention Everyone; @everyone would notify the whole server."""
    if role.is_default():
        return (
            "A digest never pings everyone in the server. Make a role for the digest's readers and choose "
            "that."
        )
    if not role.mentionable and not channel.permissions_for(channel.guild.me).mention_everyone:
        return (
            f"I could not ping <@&{role.id}>: it is not mentionable and I lack Mention Everyone in "
            f"<#{channel.id}>. Let anyone mention the role (Server Settings, Roles), or give me Mention "
            "Everyone there."
        )
    return None


def options_text(subscription: Subscription) -> str:
    """How the subscription's digests are posted, as /digest list says it ("" for a plain message)."""
    parts = []
    if subscription.channel_kind == "forum":
        parts.append("a forum post each")
    if subscription.ping_role_id is not None:
        parts.append(f"pings <@&{subscription.ping_role_id}>")
    if subscription.open_thread:
        parts.append("opens a thread")
    if subscription.publish:
        parts.append("published")
    return f" ({', '.join(parts)})" if parts else ""


def next_slot_text(subscription: Subscription, now: datetime) -> str:
    """The next slot as Discord shows a timestamp, in each reader's own time zone: the full date and time,
    then how far off it is."""
    slot = next_slot(subscription.schedule, subscription.timezone, now)
    if slot is None:  # stored before such schedules were refused
        return "none in the next 8 years: this schedule never comes; subscribe with another"
    at = int(slot.at.timestamp())
    return f"<t:{at}:F> (<t:{at}:R>)"


def pause_text(subscription: Subscription) -> str:
    """Who paused the subscription (a member, or Briefbot itself), when and why, and how it resumes."""
    if subscription.pause_cause == "member":
        who = f"<@{subscription.paused_by}>" if subscription.paused_by else "a member"
        then = "`/digest resume` resumes it"
    elif subscription.pause_cause == "permissions":
        who = "Briefbot"
        then = "it resumes by itself once that is fixed"
    else:
        who = "Briefbot"
        then = "fix that, then `/digest resume` resumes it"
    when = f" <t:{int(subscription.paused_at.timestamp())}:f>" if subscription.paused_at else ""
    why = defuse_mentions(subscription.paused_reason or "no reason given")  # a member may have typed it
    return f"**paused** by {who}{when}: {why}. {then}"


def followed_tags(typed: str | None) -> list[str]:
    """`loans, Israel,,` -> ['loans', 'israel']: the tags a subscription follows, as briefs compare them."""
    if typed is None:
        return []
    return list(dict.fromkeys(tag.strip().casefold() for tag in typed.split(",") if tag.strip()))


def subscription_line(subscription: Subscription, now: datetime, *, running: bool = True) -> str:
    """One subscription as /digest list shows it. It promises a next slot only when one will come: not while
    the subscription is paused, its stored schedule or time zone cannot be used on this host, or the digests
    are not `running`."""
    line = f"<#{subscription.channel_id}>: `{defuse_mentions(subscription.schedule)}` {subscription.timezone}"
    line += options_text(subscription)
    if subscription.source == "settings":
        line += " (from settings)"
    if subscription.tags:
        line += " · only tags " + ", ".join(f"`{tag}`" for tag in subscription.tags)
    if subscription.paused:
        return f"{line}; {pause_text(subscription)}."
    try:
        upcoming = next_slot_text(subscription, now)
    except ScheduleError as exc:
        # Stored when it was valid; this host's zoneinfo (tzdata) no longer knows it.
        problem = defuse_mentions(str(exc))
        return f"{line}; **cannot be scheduled**: {problem} Subscribe the channel again to fix it."
    if not running:
        return f"{line}; **not running**: digests could not start yet (see the bot's log); it keeps trying."
    return f"{line}; next {upcoming}"


def history_line(delivery: Delivery) -> str:
    when = "asked by hand" if delivery.timezone == "manual" else f"{delivery.slot_key} {delivery.timezone}"
    line = f"{when}: **{delivery.state}**"
    if delivery.state == "sent" and delivery.sent_at:
        # When its message was posted, by Discord's clock (the message's id), even when the bot only found
        # it later (looked for after a lost answer); `sent_at` is when it was recorded.
        posted = snowflake_time(delivery.message_id) if delivery.message_id else delivery.sent_at
        line += f" <t:{int(posted.timestamp())}:f>"
    if delivery.published_at:
        line += "; published"
    if delivery.not_published:
        line += f"; **not published**: {delivery.not_published}"
    if delivery.reason:
        line += f"; {delivery.reason}"
    elif delivery.last_error:
        line += f"; last error: {delivery.last_error}"
    if delivery.state == "held":
        line += ". If it is not in the channel, `/digest now` posts one"
    return line


def duration_text(seconds: float) -> str:
    """`90` -> "90 seconds", `300` -> "5 minutes": a wait said as a person would say it."""
    whole = max(1, math.ceil(seconds))
    if whole < 120:
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = math.ceil(whole / 60)
    return f"{minutes} minutes"


class ServerCooldown:
    """At most one use per server every `per` seconds (discord.py's `Cooldown`, one per server), read on
    Discord's clock (an interaction's `created_at`), as discord.py's own command cooldowns are.

    Its own state, not discord.py's module-wide cooldown decorator: each bot in a process keeps its own count.
    """

    def __init__(self, per: Callable[[], float]) -> None:
        self._per = per
        self._buckets: dict[int, app_commands.Cooldown] = {}

    def take(self, guild_id: int, at: datetime) -> float | None:
        """Take the server's turn; None when it had one, else the seconds until it has one again."""
        per = self._per()
        if per <= 0:
            return None
        current = at.timestamp()
        # Forget servers whose wait is over (the turn is theirs again anyway): the map stays small.
        for done in [key for key, bucket in self._buckets.items() if bucket.get_retry_after(current) <= 0]:
            del self._buckets[done]
        bucket = self._buckets.setdefault(guild_id, app_commands.Cooldown(1, per))
        return bucket.update_rate_limit(current)

    def give_back(self, guild_id: int) -> None:
        """The turn was not used after all (nothing was queued): the server may ask again at once."""
        self._buckets.pop(guild_id, None)


def lines_within_limit(
    lines: list[str],
    limit: int = MESSAGE_LIMIT,
    *,
    head: Sequence[str] = (),
    page: int = 1,
    command: str = "",
) -> str:
    """Page `page` (from 1) of `lines` packed into messages within `limit`, each led by `head`. A page that
    leaves lines for the next ends "... and N more: `<command> page:2` shows them"."""
    pages: list[list[str]] = [[]]
    reserve = len(f"\n... and {len(lines)} more: `{command} page:{len(lines) + 1}` shows them")
    head_size = sum(len(line) + 1 for line in head)
    used = head_size
    for line in lines:
        if pages[-1] and used + len(line) + 1 + reserve > limit:
            pages.append([])
            used = head_size
        pages[-1].append(line)
        used += len(line) + 1
    if page > len(pages):
        last = f"`{command} page:{len(pages)}`"
        return f"There is no page {page}: this list has {plural(len(pages), 'page')} ({last} is the last)."
    shown = [*head, *pages[page - 1]]
    left = sum(len(rest) for rest in pages[page:])
    tail = f"\n... and {left} more: `{command} page:{page + 1}` shows them" if left else ""
    return "\n".join(shown)[: limit - len(tail)] + tail


@app_commands.guild_only()
class DigestsCog(
    commands.GroupCog, group_name="digest", group_description="Scheduled digests for this server"
):
    """Managing the channels that get scheduled digests."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        self._now_cooldown = ServerCooldown(lambda: bot.settings.digest_now_cooldown.total_seconds())
        super().__init__()

    async def interaction_check(  # type: ignore[override]  # a Briefbot's interaction (see views.py)
        self, interaction: discord.Interaction[Briefbot]
    ) -> bool:
        # Discord hides the group in DMs; checked here too, so no server's subscriptions are listed in one.
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        return True

    def _clock_note(self) -> list[str]:
        """A first line while this host's clock disagrees with Discord's: admins see why digests keep time
        by Discord's."""
        problem = self.bot.clock_check.problem()
        return [f"**Clock:** {problem}"] if problem else []

    async def _reply(
        self,
        interaction: discord.Interaction[Briefbot],
        text: str,
        *,
        private: bool = True,
        composed: bool = False,
    ) -> None:
        """Answer the command. Every `@` in `text` is defused, unless it is `composed`: built here with
        its member mentions (which render as names, and never ping: mentions are off) and every text a
        member typed defused already."""
        fitted = shorten(text.strip(), MESSAGE_LIMIT) if composed else clean(text, MESSAGE_LIMIT)
        await interaction.followup.send(fitted, ephemeral=private)

    @app_commands.command()
    @app_commands.describe(
        channel="The channel that gets the digest (in a forum, each digest is a post)",
        schedule="HH:MM for daily, or a cron expression like `30 8 * * mon-fri` (default from settings)",
        timezone="IANA time zone, e.g. Europe/Berlin (default from settings)",
        ping="A role to ping with each digest (it must be mentionable, or I need Mention Everyone)",
        thread="Open a thread on each digest for discussion (text and announcement channels)",
        publish="Publish each digest to the servers following this announcement channel",
        tags="Only briefs with one of these tags, comma-separated, e.g. loans,israel (default: every brief)",
    )
    @app_commands.checks.has_permissions(manage_guild=True)
    async def subscribe(
        self,
        interaction: discord.Interaction[Briefbot],
        channel: app_commands.Transform[
            discord.TextChannel | discord.ForumChannel, PostableChannelTransformer
        ],
        schedule: app_commands.Transform[str, ScheduleTransformer] | None = None,
        timezone: app_commands.Transform[str, TimeZoneTransformer] | None = None,
        ping: discord.Role | None = None,
        thread: bool = False,
        publish: bool = False,
        tags: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        """Post scheduled digests to a channel (Manage Server)"""
        await interaction.response.defer(ephemeral=True, thinking=True)
        # Both were read by their transformers, or by Settings: nothing here can be a bad schedule or zone.
        schedule = schedule or self.bot.settings.digest_schedule
        timezone = timezone or self.bot.settings.digest_timezone
        guild = in_guild(interaction)
        target = guild.get_channel(channel.id)
        if target is None:
            await self._reply(interaction, f"I cannot see <#{channel.id}>. Give me View Channel there first.")
            return
        missing = missing_bot_permissions(target)
        if thread and not target.permissions_for(guild.me).create_public_threads:
            missing.append("Create Public Threads")
        if missing:
            await self._reply(
                interaction, f"I cannot post digests in <#{channel.id}>: I am missing {', '.join(missing)}."
            )
            return
        followed = followed_tags(tags)
        refused = ping_refusal(target, ping) if ping is not None else None
        if refused is not None:
            await self._reply(interaction, refused)
            return
        options = PostOptions(
            channel_kind=channel_kind(target),
            ping_role_id=ping.id if ping is not None else None,
            open_thread=thread,
            publish=publish,
        )
        try:
            subscription = await self.bot.digests.subscribe(
                guild_id=guild.id,
                channel_id=channel.id,
                schedule=schedule,
                timezone=timezone,
                options=options,
                tags=followed,
            )
        except SubscriptionRefused as refusal:
            await self._reply(interaction, f"I did not subscribe <#{channel.id}>. {refusal}")
            return
        log.info(
            "user %s subscribed channel %s: %s %s %s",
            interaction.user.id,
            channel.id,
            schedule,
            timezone,
            options,
        )
        line = subscription_line(subscription, self.bot.clock(), running=self.bot.digests.running)
        known = {tag for brief in self.bot.library.briefs for tag in brief.tags}
        unknown = [tag for tag in followed if tag not in known]
        note = (
            f" No brief carries {', '.join(f'`{tag}`' for tag in unknown)} yet." if unknown and known else ""
        )
        await self._reply(interaction, f"Subscribed. {line}{note}")

    @app_commands.command()
    @app_commands.describe(channel="The channel to stop")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def unsubscribe(
        self, interaction: discord.Interaction[Briefbot], channel: discord.TextChannel
    ) -> None:
        """Stop the digests in a channel (Manage Server)"""
        await interaction.response.defer(ephemeral=True, thinking=True)
        if await self.bot.digests.unsubscribe(channel.id):
            log.info("user %s unsubscribed channel %s", interaction.user.id, channel.id)
            await self._reply(interaction, f"<#{channel.id}> will get no more digests.")
        else:
            await self._reply(interaction, f"<#{channel.id}> was not subscribed.")

    @app_commands.command()
    @app_commands.describe(channel="The channel to pause", reason="Why (shown in /digest list)")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def pause(
        self,
        interaction: discord.Interaction[Briefbot],
        channel: discord.TextChannel,
        reason: app_commands.Range[str, 1, PAUSE_REASON_LIMIT] | None = None,
    ) -> None:
        """Pause a channel's digests, keeping every setting (Manage Server)"""
        await interaction.response.defer(ephemeral=True, thinking=True)
        guild = in_guild(interaction)
        why = " ".join((reason or "").split()) or "no reason given"
        subscription = await self.bot.digests.subscription(channel.id)
        if subscription is None or not subscription.active or subscription.guild_id != guild.id:
            await self._reply(interaction, f"<#{channel.id}> is not subscribed.")
            return
        if await self.bot.digests.pause(channel.id, why, by=interaction.user.id):
            log.info("user %s paused channel %s: %s", interaction.user.id, channel.id, why)
            await self._reply(
                interaction,
                f"Paused <#{channel.id}>: its digests are skipped, every setting kept."
                " `/digest resume` resumes it.",
            )
            return
        subscription = await self.bot.digests.subscription(channel.id)
        if subscription is None or not subscription.paused:  # unsubscribed or resumed meanwhile
            await self._reply(interaction, f"<#{channel.id}> could not be paused; see `/digest list`.")
        else:
            await self._reply(
                interaction, f"<#{channel.id}> is already {pause_text(subscription)}.", composed=True
            )

    @app_commands.command()
    @app_commands.describe(channel="The channel to resume")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def resume(self, interaction: discord.Interaction[Briefbot], channel: discord.TextChannel) -> None:
        """Resume a paused channel's digests (Manage Server)"""
        await interaction.response.defer(ephemeral=True, thinking=True)
        guild = in_guild(interaction)
        subscription = await self.bot.digests.subscription(channel.id)
        if subscription is None or not subscription.active or subscription.guild_id != guild.id:
            await self._reply(interaction, f"<#{channel.id}> is not subscribed. Use `/digest subscribe`.")
            return
        if not subscription.paused:
            await self._not_paused(interaction, subscription)
            return
        target = guild.get_channel(channel.id)
        missing = missing_bot_permissions(target) if target is not None else ["View Channel"]
        if missing:
            await self._reply(
                interaction,
                f"<#{channel.id}> stays paused: I am still missing {', '.join(missing)} there.",
            )
            return
        resumed = await self.bot.digests.resume(channel.id)
        if resumed is None:  # resumed (by someone else, or by Briefbot) or unsubscribed meanwhile
            now = await self.bot.digests.subscription(channel.id)
            if now is not None and now.active and not now.paused:
                await self._not_paused(interaction, now)
            else:
                await self._reply(interaction, f"<#{channel.id}> is not subscribed. Use `/digest subscribe`.")
            return
        log.info("user %s resumed channel %s", interaction.user.id, channel.id)
        line = subscription_line(resumed, self.bot.clock(), running=self.bot.digests.running)
        await self._reply(interaction, f"Resumed. {line}")

    async def _not_paused(
        self, interaction: discord.Interaction[Briefbot], subscription: Subscription
    ) -> None:
        """`/digest resume` of a channel that is not paused (never, or resumed already: a pause Briefbot made
        for a lost permission is lifted by Briefbot once the permission is back): nothing to do, and how it
        stands."""
        line = subscription_line(subscription, self.bot.clock(), running=self.bot.digests.running)
        await self._reply(interaction, f"Nothing to resume: it is not paused. {line}")

    @app_commands.command()
    @app_commands.describe(
        channel="The admin channel told when a digest does not arrive", off="True: stop the alerts"
    )
    @app_commands.checks.has_permissions(manage_guild=True)
    async def alerts(
        self,
        interaction: discord.Interaction[Briefbot],
        channel: discord.TextChannel | None = None,
        off: bool = False,
    ) -> None:
        """Name the admin channel told when digests do not arrive, or stop it (Manage Server)"""
        await interaction.response.defer(ephemeral=True, thinking=True)
        guild = in_guild(interaction)
        if off and channel is not None:
            await self._reply(interaction, "Name a channel, or say `off:true`: not both at once.")
            return
        if off:
            stopped = await self.bot.digests.stop_alerts(guild.id)
            log.info("user %s stopped the alerts of server %s", interaction.user.id, guild.id)
            await self._reply(interaction, "Alerts are off." if stopped else "Alerts were not on.")
            return
        if channel is None:
            current = await self.bot.digests.alert_channel(guild.id)
            await self._reply(
                interaction,
                f"Alerts go to <#{current.channel_id}>. `/digest alerts off:true` stops them."
                if current
                else "Alerts are off. `/digest alerts channel:#admins` names the channel that hears of them.",
            )
            return
        target = guild.get_channel(channel.id)
        missing = missing_bot_permissions(target) if target is not None else ["View Channel"]
        if missing:
            await self._reply(
                interaction, f"I cannot post alerts in <#{channel.id}>: I am missing {', '.join(missing)}."
            )
            return
        await self.bot.digests.set_alert_channel(guild.id, channel.id, by=interaction.user.id)
        log.info(
            "user %s sent the alerts of server %s to channel %s", interaction.user.id, guild.id, channel.id
        )
        await self._reply(
            interaction,
            f"Alerts go to <#{channel.id}>: after each slot, one message names every channel that got no"
            ' digest through a fault (not a pause of yours, not "nothing new"), why, and the fix.',
        )

    @app_commands.command()
    @app_commands.describe(private=PRIVATE_HELP, page=PAGE_HELP)
    async def list(
        self,
        interaction: discord.Interaction[Briefbot],
        private: bool = True,
        page: app_commands.Range[int, 1, 100] = 1,
    ) -> None:
        """The channels of this server that get digests"""
        await interaction.response.defer(ephemeral=private, thinking=True)
        guild_id = interaction.guild_id
        subscriptions = await self.bot.digests.list_subscriptions(guild_id=guild_id)
        if not subscriptions:
            await self._reply(
                interaction,
                "No channel of this server is subscribed. Use `/digest subscribe`.",
                private=private,
            )
            return
        now, running = self.bot.clock(), self.bot.digests.running
        alerts = await self.bot.digests.alert_channel(subscriptions[0].guild_id)
        alert_line = (
            f"Alerts go to <#{alerts.channel_id}>."
            if alerts
            else "Alerts are off (`/digest alerts channel:`)."
        )
        lines = [subscription_line(s, now, running=running) for s in subscriptions]
        text = lines_within_limit(
            lines, head=[*self._clock_note(), alert_line], page=page, command="/digest list"
        )
        await self._reply(interaction, text, private=private, composed=True)

    @app_commands.command()
    @app_commands.describe(channel="Whose next digest (default: this channel)", private=PRIVATE_HELP)
    async def preview(
        self,
        interaction: discord.Interaction[Briefbot],
        channel: discord.TextChannel | None = None,
        private: bool = True,
    ) -> None:
        """See the next digest for a channel (only you, unless private:false)"""
        await interaction.response.defer(ephemeral=private, thinking=True)
        channel_id = channel.id if channel else interaction.channel_id
        if channel_id is None:
            await self._reply(interaction, "I cannot see that channel.", private=private)
            return
        contents = await self.bot.digests.next_digest(channel_id, offer_of(self.bot.library))
        entries = (
            []
            if contents.repeated
            else await self.bot.digests.versions.entries(
                contents.brief_ids, dict(contents.versions), dict(contents.updated_from)
            )
        )
        briefs = [entry.brief for entry in entries]
        if not briefs:
            newest = self.bot.library.newest
            if newest is None:
                await self._reply(
                    interaction, "No briefs are loaded, so there is nothing to preview.", private=private
                )
                return
            note = "Nothing new for this channel; "
            note += (
                "the most recently added brief would be posted again."
                if contents.repeated
                else "the next slot will be skipped. This is the most recently added brief:"
            )
            await interaction.followup.send(
                note, embeds=to_embeds(render_digest([newest])), ephemeral=private
            )
            return
        updates = {entry.brief.id: entry.changes for entry in entries if entry.changes is not None}
        await interaction.followup.send(
            embeds=to_embeds(render_digest(briefs, updates=updates)),
            view=digest_view(briefs),
            ephemeral=private,
        )

    @app_commands.command()
    @app_commands.describe(channel="Where to post it (default: this channel)")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def now(
        self, interaction: discord.Interaction[Briefbot], channel: discord.TextChannel | None = None
    ) -> None:
        """Post a digest to a channel now (Manage Server)"""
        guild = in_guild(interaction)
        # Taken before the first await, so that two members asking at once cannot both pass.
        wait = self._now_cooldown.take(guild.id, interaction.created_at)
        if wait is not None:
            log.info("/digest now in guild %s refused: cooldown, %.1fs left", guild.id, wait)
            every = duration_text(self.bot.settings.digest_now_cooldown.total_seconds())
            await interaction.response.send_message(
                f"A digest was asked for in this server a moment ago, and `/digest now` works once every "
                f"{every} in a server. Please try again in {duration_text(wait)}.",
                ephemeral=True,
            )
            return
        queued = False
        try:
            queued = await self._digest_now(interaction, guild, channel)
        finally:
            if not queued:
                self._now_cooldown.give_back(guild.id)

    async def _digest_now(
        self,
        interaction: discord.Interaction[Briefbot],
        guild: discord.Guild,
        channel: discord.TextChannel | None,
    ) -> bool:
        """The rest of /digest now: whether a digest was queued."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        channel_id = channel.id if channel else interaction.channel_id
        target = guild.get_channel_or_thread(channel_id) if channel_id else None
        if target is None:
            await self._reply(interaction, "I cannot see that channel.")
            return False
        missing = missing_bot_permissions(target)
        if missing:
            await self._reply(
                interaction, f"I cannot post in <#{target.id}>: I am missing {', '.join(missing)}."
            )
            return False
        delivery = await self.bot.digests.digest_now(
            channel_id=target.id, guild_id=guild.id, brief_ids=offer_of(self.bot.library)
        )
        if delivery is None:
            await self._reply(interaction, "No briefs are loaded, so there is nothing to post.")
            return False
        log.info("user %s asked for a digest in channel %s", interaction.user.id, target.id)
        await self._reply(
            interaction, f"A digest of {len(delivery.brief_ids)} brief(s) is on its way to <#{target.id}>."
        )
        return True

    @app_commands.command()
    @app_commands.describe(
        channel="Which channel (default: this channel)", private=PRIVATE_HELP, page=PAGE_HELP
    )
    async def history(
        self,
        interaction: discord.Interaction[Briefbot],
        channel: discord.TextChannel | None = None,
        private: bool = True,
        page: app_commands.Range[int, 1, 100] = 1,
    ) -> None:
        """The latest digests of a channel, and why any failed"""
        await interaction.response.defer(ephemeral=private, thinking=True)
        channel_id = channel.id if channel else interaction.channel_id
        deliveries = await self.bot.digests.history(channel_id, limit=15) if channel_id else []
        if not deliveries:
            await self._reply(interaction, f"<#{channel_id}> has no digest history yet.", private=private)
            return
        lines = [history_line(d) for d in deliveries]
        shown = f"/digest history channel:#{channel.name}" if channel else "/digest history"
        text = lines_within_limit(lines, head=self._clock_note(), page=page, command=shown)
        await self._reply(interaction, text, private=private)
