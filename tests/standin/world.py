"""The stand-in's model of Discord: applications, users, guilds, roles, channels and members.

Plain dataclasses plus Discord's permission algorithm. Payload shapes live in ``payloads.py``; this
module only knows who exists and who may do what.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000

# Permission bits used by the stand-in (https://discord.com/developers/docs/topics/permissions).
CREATE_INSTANT_INVITE = 1 << 0
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
SEND_TTS_MESSAGES = 1 << 12
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
MANAGE_ROLES = 1 << 28
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_THREADS = 1 << 34
CREATE_PUBLIC_THREADS = 1 << 35
CREATE_PRIVATE_THREADS = 1 << 36
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL_PERMISSIONS = (1 << 51) - 1

# What @everyone may do in a fresh guild (Discord's default, minus voice bits we do not model).
EVERYONE_DEFAULT = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | MENTION_EVERYONE
    | USE_EXTERNAL_EMOJIS
    | USE_APPLICATION_COMMANDS
    | CREATE_PUBLIC_THREADS
    | CREATE_PRIVATE_THREADS
    | SEND_MESSAGES_IN_THREADS
)

# Denying SEND_MESSAGES implicitly denies these (Discord's "Implicit Permissions").
NEEDS_SEND_MESSAGES = MENTION_EVERYONE | SEND_TTS_MESSAGES | ATTACH_FILES | EMBED_LINKS

OVERWRITE_ROLE = 0
OVERWRITE_MEMBER = 1

# Channel types (https://discord.com/developers/docs/resources/channel#channel-object-channel-types).
GUILD_TEXT = 0
GUILD_ANNOUNCEMENT = 5
ANNOUNCEMENT_THREAD = 10
PUBLIC_THREAD = 11
PRIVATE_THREAD = 12
GUILD_FORUM = 15
THREAD_TYPES = frozenset({ANNOUNCEMENT_THREAD, PUBLIC_THREAD, PRIVATE_THREAD})
# Channels that hold messages (a forum holds only threads).
MESSAGE_TYPES = frozenset({GUILD_TEXT, GUILD_ANNOUNCEMENT, *THREAD_TYPES})

# Channel flags.
PINNED = 1 << 1  # a thread pinned in its forum
REQUIRE_TAG = 1 << 4  # a forum whose posts need a tag


class SnowflakeFactory:
    """Discord-shaped ids: milliseconds since the Discord epoch in the top bits, a counter below.

    ``next()`` reads the stand-in's wall clock (``clock_ms``: POSIX milliseconds) and never goes
    backwards; ``at(ms)`` makes an id for a given instant (messages posted "in the past" by tests).
    """

    def __init__(self, clock_ms: Callable[[], int]) -> None:
        self._clock_ms = clock_ms
        self._lock = threading.Lock()
        self._last = 0
        self._counter = itertools.count()

    def next(self) -> int:
        with self._lock:
            candidate = self._compose(self._clock_ms())
            self._last = max(candidate, self._last + 1)
            return self._last

    def rebase(self) -> None:
        """The clock was replaced (the world was built before a test set Discord's clock): ids from here on
        follow the new clock, even below those made before, and never go back from there."""
        with self._lock:
            self._last = 0

    def at(self, unix_ms: int) -> int:
        with self._lock:
            return self._compose(unix_ms)

    def _compose(self, unix_ms: int) -> int:
        # worker 1 in bits 17-21, the counter in the low 17 bits: unique within a stand-in
        return ((unix_ms - DISCORD_EPOCH_MS) << 22) | (1 << 17) | (next(self._counter) & 0x1FFFF)


def snowflake_unix_ms(snowflake: int) -> int:
    """The POSIX milliseconds a snowflake was made at."""
    return (snowflake >> 22) + DISCORD_EPOCH_MS


@dataclass
class User:
    id: int
    username: str
    bot: bool = False
    global_name: str | None = None


@dataclass
class Role:
    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    mentionable: bool = False


@dataclass
class Overwrite:
    id: int
    type: int  # OVERWRITE_ROLE or OVERWRITE_MEMBER
    allow: int = 0
    deny: int = 0


@dataclass
class ForumTag:
    id: int
    name: str
    moderated: bool = False
    emoji_name: str | None = None


@dataclass
class ThreadState:
    """What makes a channel a thread: its metadata, counts and members (by user id, with join time)."""

    owner_id: int
    created_at: str
    archive_timestamp: str  # creation, then each archive or unarchive (Discord's "archive_timestamp")
    auto_archive_duration: int = 1440  # minutes without activity before Discord archives it
    archived: bool = False
    locked: bool = False
    message_count: int = 0
    total_message_sent: int = 0
    applied_tags: list[int] = field(default_factory=list)
    members: dict[int, str] = field(default_factory=dict)
    last_activity_ms: int = 0  # POSIX ms of the creation or the latest message (auto-archiving)


@dataclass
class Channel:
    id: int
    guild_id: int
    name: str
    type: int = GUILD_TEXT
    position: int = 0
    topic: str | None = None
    overwrites: list[Overwrite] = field(default_factory=list)
    # Channels made by register_channels() are accepted by REST but left out of GUILD_CREATE.
    in_guild_create: bool = True
    last_message_id: int | None = None
    flags: int = 0
    parent_id: int | None = None  # a thread's channel (or forum)
    thread: ThreadState | None = None  # set for threads (types 10, 11, 12) only
    default_auto_archive_duration: int = 1440
    # Forums only.
    available_tags: list[ForumTag] = field(default_factory=list)
    default_forum_layout: int = 0
    default_sort_order: int | None = None

    @property
    def is_thread(self) -> bool:
        return self.type in THREAD_TYPES


@dataclass
class Member:
    user: User
    role_ids: list[int]
    joined_at: str


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    # An outage: GUILD_DELETE {unavailable: true} was sent; on IDENTIFY the guild is announced as
    # ``unavailable_on_identify`` says ("delete": GUILD_DELETE, "create": an unavailable GUILD_CREATE,
    # "silent": nothing after READY).
    unavailable: bool = False
    unavailable_on_identify: str = "delete"

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]


@dataclass
class Application:
    """A bot application: its bot user, its token and the commands it synced."""

    id: int
    name: str
    bot: User
    token: str | None  # None: the default application, which answers to any unregistered token
    flags: int = 0
    global_commands: list[dict[str, Any]] = field(default_factory=list)
    guild_commands: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


def base_permissions(guild: Guild, user_id: int) -> int:
    """Guild-level permissions of a member (Discord's algorithm, before channel overwrites)."""
    if user_id == guild.owner_id:
        return ALL_PERMISSIONS
    member = guild.members.get(user_id)
    if member is None:
        return 0
    perms = guild.everyone.permissions
    for role_id in member.role_ids:
        role = guild.roles.get(role_id)
        if role is not None:
            perms |= role.permissions
    if perms & ADMINISTRATOR:
        return ALL_PERMISSIONS
    return perms


def channel_permissions(guild: Guild, channel: Channel, user_id: int) -> int:
    """Permissions of a member in a channel: base, then @everyone, role and member overwrites.

    A thread has no overwrites of its own: its parent's permissions apply, and without Send Messages
    in Threads the same implicit denials follow as without Send Messages (discord.py's
    ``Thread.permissions_for`` computes it so)."""
    if channel.is_thread and channel.parent_id in guild.channels:
        perms = channel_permissions(guild, guild.channels[channel.parent_id], user_id)
        if not perms & SEND_MESSAGES_IN_THREADS:
            perms &= ~NEEDS_SEND_MESSAGES
        return perms
    perms = base_permissions(guild, user_id)
    if perms & ADMINISTRATOR or user_id == guild.owner_id:
        return ALL_PERMISSIONS
    member = guild.members.get(user_id)
    if member is None:
        return 0
    by_id = {(o.type, o.id): o for o in channel.overwrites}
    everyone = by_id.get((OVERWRITE_ROLE, guild.id))
    if everyone is not None:
        perms = (perms & ~everyone.deny) | everyone.allow
    allow = deny = 0
    for role_id in member.role_ids:
        overwrite = by_id.get((OVERWRITE_ROLE, role_id))
        if overwrite is not None:
            allow |= overwrite.allow
            deny |= overwrite.deny
    perms = (perms & ~deny) | allow
    own = by_id.get((OVERWRITE_MEMBER, user_id))
    if own is not None:
        perms = (perms & ~own.deny) | own.allow
    # Implicit permissions: nothing without VIEW_CHANNEL; no mentions, TTS, files or embeds without
    # SEND_MESSAGES (they are not denied, they are ignored).
    if not perms & VIEW_CHANNEL:
        return 0
    if not perms & SEND_MESSAGES:
        perms &= ~NEEDS_SEND_MESSAGES
    return perms
