"""Interactions the stand-in sends to a bot, and what the bot answered.

``build_command_data`` turns a test's ``{"name": value}`` options into the typed option tree Discord
sends, using the schema the bot synced: strings, integers, numbers, booleans, users, channels and roles
(with ``data.resolved``), sub-commands and sub-command groups (``"digest subscribe"``).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from tests.standin import payloads
from tests.standin.world import Application, Channel, Guild, Role, User, channel_permissions

# Interaction types.
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
# Option types.
SUB_COMMAND, SUB_COMMAND_GROUP, STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = range(
    1, 11
)

# Callback types each interaction type may answer with.
ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {4, 5, 9, 12},
    MESSAGE_COMPONENT: {4, 5, 6, 7, 9, 12},
    AUTOCOMPLETE: {8},
    MODAL_SUBMIT: {4, 5, 6, 7},
}
FIRST_RESPONSE_WINDOW = 3.0  # seconds
TOKEN_LIFETIME = 15 * 60.0  # seconds


@dataclass
class Callback:
    """The body a bot POSTed to ``/interactions/{id}/{token}/callback``."""

    interaction_id: int
    type: int
    data: dict[str, Any] | None
    received_at: float  # stand-in clock
    elapsed: float  # seconds between dispatching the interaction and receiving the callback


@dataclass
class Interaction:
    """An interaction the stand-in dispatched, with everything the bot did about it."""

    id: int
    token: str
    type: int
    app: Application
    payload: dict[str, Any]
    user: User
    guild_id: int | None
    channel_id: int | None
    created_at: float  # stand-in clock
    callback: Callback | None = None
    original: dict[str, Any] | None = None  # the response message, once there is one
    followups: list[dict[str, Any]] = field(default_factory=list)
    source_message: dict[str, Any] | None = None  # for components: the message that was clicked
    answered: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def data(self) -> dict[str, Any]:
        return self.payload.get("data") or {}


class Resolver:
    """Looks up what option values name, and builds ``data.resolved`` as it goes."""

    def __init__(self, guild: Guild | None, users: dict[int, User], invoker: User) -> None:
        self.guild = guild
        self.users = users
        self.invoker = invoker
        self.resolved: dict[str, dict[str, Any]] = {}

    def user(self, value: Any) -> str:
        user = self._find_user(value)
        self.resolved.setdefault("users", {})[str(user.id)] = payloads.user(user)
        if self.guild is not None and user.id in self.guild.members:
            member = self.guild.members[user.id]
            self.resolved.setdefault("members", {})[str(user.id)] = payloads.member(member, with_user=False)
        return str(user.id)

    def channel(self, value: Any) -> str:
        channel = self._find_channel(value)
        assert self.guild is not None
        entry = payloads.resolved_channel(self.guild, channel, self.invoker.id)
        self.resolved.setdefault("channels", {})[str(channel.id)] = entry
        return str(channel.id)

    def role(self, value: Any) -> str:
        role = self._find_role(value)
        self.resolved.setdefault("roles", {})[str(role.id)] = payloads.role(role)
        return str(role.id)

    def mentionable(self, value: Any) -> str:
        try:
            return self.role(value)
        except LookupError:
            return self.user(value)

    def _find_user(self, value: Any) -> User:
        if isinstance(value, User):
            return value
        for user in self.users.values():
            if str(value) in (str(user.id), user.username):
                return user
        raise LookupError(f"no user {value!r}")

    def _find_channel(self, value: Any) -> Channel:
        if self.guild is None:
            raise LookupError("channel options need a guild")
        for channel in self.guild.channels.values():
            if str(value) in (str(channel.id), channel.name):
                return channel
        raise LookupError(f"no channel {value!r} in guild {self.guild.id}")

    def _find_role(self, value: Any) -> Role:
        if self.guild is None:
            raise LookupError("role options need a guild")
        for role in self.guild.roles.values():
            if str(value) in (str(role.id), role.name):
                return role
        raise LookupError(f"no role {value!r}")


def build_command_data(
    command: dict[str, Any],
    path: list[str],
    options: dict[str, Any],
    resolver: Resolver,
    *,
    focused: str | None = None,
) -> dict[str, Any]:
    """``data`` of an APPLICATION_COMMAND (or, with ``focused``, AUTOCOMPLETE) interaction."""
    schema_options: list[dict[str, Any]] = command.get("options") or []
    chain: list[dict[str, Any]] = []
    for part in path:
        found = next((o for o in schema_options if o["name"] == part and o["type"] in (1, 2)), None)
        if found is None:
            raise LookupError(f"/{command['name']} has no sub-command (group) {part!r}")
        chain.append(found)
        schema_options = found.get("options") or []

    leaf = [
        _option(schema_options, name, value, resolver, focused=name == focused)
        for name, value in options.items()
    ]
    for node in reversed(chain):
        leaf = [{"name": node["name"], "type": node["type"], "options": leaf}]

    data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": command.get("type", 1)}
    if leaf:
        data["options"] = leaf
    if resolver.resolved:
        data["resolved"] = resolver.resolved
    if command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    return data


def _option(
    schema_options: list[dict[str, Any]], name: str, value: Any, resolver: Resolver, *, focused: bool
) -> dict[str, Any]:
    schema = next((o for o in schema_options if o["name"] == name), None)
    if schema is None:
        known = ", ".join(o["name"] for o in schema_options) or "none"
        raise LookupError(f"no option {name!r} (options: {known})")
    kind = schema["type"]
    option: dict[str, Any] = {"name": name, "type": kind}
    if focused:
        # Autocomplete sends what the user has typed so far, as text, whatever the option's type.
        option["value"] = str(value)
        option["focused"] = True
        return option
    if kind == STRING:
        option["value"] = str(value)
    elif kind == INTEGER:
        option["value"] = int(value)
    elif kind == NUMBER:
        option["value"] = float(value)
    elif kind == BOOLEAN:
        option["value"] = bool(value)
    elif kind == USER:
        option["value"] = resolver.user(value)
    elif kind == CHANNEL:
        option["value"] = resolver.channel(value)
    elif kind == ROLE:
        option["value"] = resolver.role(value)
    elif kind == MENTIONABLE:
        option["value"] = resolver.mentionable(value)
    else:
        raise LookupError(f"option {name!r} has a type ({kind}) the stand-in cannot send")
    return option


def interaction_payload(
    *,
    interaction_id: int,
    token: str,
    kind: int,
    app: Application,
    data: dict[str, Any],
    invoker: User,
    guild: Guild | None,
    channel: Channel | None,
    dm_channel_id: int | None = None,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """INTERACTION_CREATE data with every key discord.py 2.7 reads unconditionally."""
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(app.id),
        "type": kind,
        "data": data,
        "token": token,
        "version": 1,
        "locale": "en-US",
        "attachment_size_limit": 10 * 1024 * 1024,
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild.id) if guild else "0"},
        "context": 0 if guild is not None else 1,
    }
    if guild is not None:
        member = guild.members[invoker.id]
        permissions = channel_permissions(guild, channel, invoker.id) if channel else 0
        payload["guild_id"] = str(guild.id)
        payload["guild"] = {"id": str(guild.id), "locale": "en-US", "features": []}
        payload["guild_locale"] = "en-US"
        payload["member"] = payloads.member(member, permissions=permissions)
        if channel is not None:
            payload["app_permissions"] = str(channel_permissions(guild, channel, app.bot.id))
    else:
        payload["user"] = payloads.user(invoker)
        payload["app_permissions"] = "0"
    if channel is not None:
        payload["channel_id"] = str(channel.id)
        payload["channel"] = payloads.channel(channel)
        payload["channel"]["permissions"] = payload.get("member", {}).get("permissions", "0")
    elif dm_channel_id is not None:
        payload["channel_id"] = str(dm_channel_id)
        payload["channel"] = {
            "id": str(dm_channel_id),
            "type": 1,
            "recipients": [payloads.user(invoker)],
            "last_message_id": None,
            "flags": 0,
        }
    if message is not None:
        payload["message"] = message
    return payload
