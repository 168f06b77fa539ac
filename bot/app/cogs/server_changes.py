"""Listening to Discord: when a server removes the bot, a channel is deleted, or the bot's permissions in a
channel change, the digests that can no longer be delivered stop at once, with the reason, instead of being
sent into refusals (which, past 10,000 in 10 minutes, get the bot's IP banned); and when the bot may read a
channel's history again, the digests held there (which may have been posted) are looked for at once.

Each handler ends by dispatching `subscriptions_checked` (event name, id) so that callers can wait for it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands, tasks

from bot.app.cogs.digests import missing_bot_permissions

if TYPE_CHECKING:
    from bot.app.client import Briefbot

log = logging.getLogger(__name__)

FORGET_EVERY_HOURS = 1.0


THREAD_LOCKED = "the thread is archived and locked, and I may not reopen it (I need Manage Threads)"


def lost_reason(missing: list[str]) -> str:
    return f"I no longer have {', '.join(missing)} in this channel"


def can_read_history(channel: discord.abc.GuildChannel | discord.Thread) -> bool:
    """Whether the bot may read the channel's messages (a held digest can be looked for)."""
    permissions = channel.permissions_for(channel.guild.me)
    return permissions.view_channel and permissions.read_message_history


class ServerChangesCog(commands.Cog):
    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.forget_removed_servers.start()

    async def cog_unload(self) -> None:
        self.forget_removed_servers.cancel()

    @tasks.loop(hours=FORGET_EVERY_HOURS)
    async def forget_removed_servers(self) -> None:
        """At start and every hour: delete the data of servers removed longer than REMOVED_SERVER_RETENTION
        ago."""
        try:
            forgotten = await self.bot.digests.forget_removed_servers()
        except Exception:
            log.exception("deleting the data of removed servers failed; trying again in an hour")
            return
        if forgotten:
            log.info("deleted the data of %d server(s) that removed the bot", len(forgotten))

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        # discord.py dispatches this for GUILD_DELETE without `unavailable` (an outage is guild_unavailable).
        paused = await self.bot.digests.server_removed(guild.id)
        log.info(
            "removed from server %d: %d subscribed channel(s) paused; its data is deleted in %s",
            guild.id,
            len(paused),
            self.bot.settings.removed_server_retention,
        )
        self.bot.dispatch("subscriptions_checked", "guild_remove", guild.id)

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self._in_server(guild)

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        # A GUILD_CREATE that carries `unavailable: false` reaches discord.py as this, not as a join.
        await self._in_server(guild)

    async def _in_server(self, guild: discord.Guild) -> None:
        if await self.bot.digests.server_joined(guild.id):
            log.info(
                "added back to server %d: its data is kept; paused channels resume when subscribed again",
                guild.id,
            )
        # Permissions may have come back while the bot was away or not running. (One lost meanwhile is left
        # to the sends, which record Discord's refusal, as before this server was seen.)
        await self._resume_where_back(guild)
        await self._recheck_held(guild)
        self.bot.dispatch("subscriptions_checked", "guild_join", guild.id)

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        if await self.bot.digests.channel_deleted(channel.id):
            log.info("channel %d was deleted: unsubscribed", channel.id)
        self.bot.dispatch("subscriptions_checked", "channel_delete", channel.id)

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        # Raw: a thread not in the gateway's cache (archived threads are not kept) is deleted all the same.
        if await self.bot.digests.channel_deleted(payload.thread_id, reason="the thread was deleted"):
            log.info("thread %d was deleted: unsubscribed", payload.thread_id)
        self.bot.dispatch("subscriptions_checked", "thread_delete", payload.thread_id)

    @commands.Cog.listener()
    async def on_raw_thread_update(self, payload: discord.RawThreadUpdateEvent) -> None:
        guild = self.bot.get_guild(payload.guild_id)
        if guild is not None and any(
            s.channel_id == payload.thread_id for s in await self.bot.digests.list_subscriptions(guild.id)
        ):
            await self._thread_changed(guild, payload)
        self.bot.dispatch("subscriptions_checked", "thread_update", payload.thread_id)

    async def _thread_changed(self, guild: discord.Guild, payload: discord.RawThreadUpdateEvent) -> None:
        """A subscribed thread archived and locked, which the bot may not reopen, is paused with the reason
        (Discord refuses posts there); unlocked again, or with its permissions back, it resumes."""
        metadata = payload.data.get("thread_metadata", {})
        parent = guild.get_channel(payload.parent_id)
        may_unlock = parent is not None and parent.permissions_for(guild.me).manage_threads
        if metadata.get("archived") and metadata.get("locked") and not may_unlock:
            if await self.bot.digests.cannot_deliver(payload.thread_id, THREAD_LOCKED):
                log.info("thread %d was locked: paused", payload.thread_id)
            return
        # An archived thread is not in the cache; a post reopens it, with its parent's permissions.
        target = guild.get_thread(payload.thread_id) or parent
        if target is None:
            return
        missing = missing_bot_permissions(target)
        if missing:
            await self.bot.digests.cannot_deliver(payload.thread_id, lost_reason(missing))
        elif await self.bot.digests.can_deliver_again(payload.thread_id):
            log.info("thread %d resumed: it can be posted in again", payload.thread_id)

    @commands.Cog.listener()
    async def on_guild_channel_update(
        self, before: discord.abc.GuildChannel, after: discord.abc.GuildChannel
    ) -> None:
        await self._check(after.guild, only=after.id)
        self.bot.dispatch("subscriptions_checked", "channel_update", after.id)

    @commands.Cog.listener()
    async def on_guild_role_update(self, before: discord.Role, after: discord.Role) -> None:
        await self._check(after.guild)
        self.bot.dispatch("subscriptions_checked", "role_update", after.id)

    @commands.Cog.listener()
    async def on_guild_role_delete(self, role: discord.Role) -> None:
        await self._check(role.guild)
        self.bot.dispatch("subscriptions_checked", "role_delete", role.id)

    @commands.Cog.listener()
    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        me = self.bot.user
        if me is None or after.id != me.id:
            return
        await self._check(after.guild)
        self.bot.dispatch("subscriptions_checked", "member_update", after.id)

    async def _check(self, guild: discord.Guild, *, only: int | None = None) -> None:
        """Pause each deliverable subscription of `guild` (or only channel `only`) in which the bot now lacks
        a permission a digest needs; look again for the held digests of channels whose history it may
        read now."""
        await self._pause_where_lost(guild, only=only)
        await self._resume_where_back(guild, only=only)
        await self._recheck_held(guild, only=only)

    async def _resume_where_back(self, guild: discord.Guild, *, only: int | None = None) -> None:
        """Resume each subscription of `guild` (or only `only`) that Briefbot paused for a lost permission,
        where the bot now has every permission a digest needs."""
        for subscription in await self.bot.digests.list_subscriptions(guild.id):
            if subscription.pause_cause != "permissions" or only not in (None, subscription.channel_id):
                continue
            channel = guild.get_channel_or_thread(subscription.channel_id)
            if channel is None or missing_bot_permissions(channel):
                continue
            if await self.bot.digests.can_deliver_again(subscription.channel_id):
                log.info("channel %d resumed: the permissions it lacked are back", subscription.channel_id)

    async def _recheck_held(self, guild: discord.Guild, *, only: int | None = None) -> None:
        readable = []
        for channel_id in await self.bot.digests.held_channels(guild.id):
            channel = guild.get_channel_or_thread(channel_id) if only in (None, channel_id) else None
            if channel is not None and can_read_history(channel):
                readable.append(channel_id)
        if readable and await self.bot.digests.recheck_held(readable):
            log.info("looking again for held digests in %d channel(s) of server %d", len(readable), guild.id)

    async def _pause_where_lost(self, guild: discord.Guild, *, only: int | None = None) -> None:
        for subscription in await self.bot.digests.list_subscriptions(guild.id):
            if not subscription.deliverable or only not in (None, subscription.channel_id):
                continue
            channel = guild.get_channel_or_thread(subscription.channel_id)
            if channel is None:
                continue  # not in the gateway's cache: a send will say what is wrong
            missing = missing_bot_permissions(channel)
            if missing:
                await self.bot.digests.cannot_deliver(subscription.channel_id, lost_reason(missing))
