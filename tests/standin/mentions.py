"""Who a channel message pings, as Discord decides it (the "Allowed Mentions Object" rules).

* Without ``allowed_mentions`` a regular message parses users, roles and everyone.
* ``@everyone`` / ``@here`` ping only with ``"everyone"`` parsed and the MENTION_EVERYONE permission.
* A role pings only if parsed (``"roles"`` or listed in ``roles``) and the role is mentionable or the
  sender has MENTION_EVERYONE.
* A user pings if parsed (``"users"`` or listed in ``users``).
Only mentions present in the content count (no "phantom" pings).
``allowed_mentions`` with ``"users"`` in ``parse`` and a ``users`` list (or ``"roles"`` and ``roles``)
is refused with a 400 ("mutually exclusive"): ``checks.allowed_mentions_problems``.

Who a ping reaches (``notified``): the mentioned users, the members holding a pinged role, every
member for @everyone/@here (the stand-in does not model presence), each only if they can see the
channel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tests.standin.world import MENTION_EVERYONE, VIEW_CHANNEL, Channel, Guild, User, channel_permissions

DEFAULT_PARSE = ("users", "roles", "everyone")
_USER = re.compile(r"<@!?(\d+)>")
_ROLE = re.compile(r"<@&(\d+)>")


@dataclass
class Mentions:
    everyone: bool = False
    users: list[User] = field(default_factory=list)
    role_ids: list[int] = field(default_factory=list)
    notified: frozenset[int] = frozenset()


def resolve(
    content: str,
    allowed: dict[str, Any] | None,
    permissions: int,
    guild: Guild,
    channel: Channel,
    users: dict[int, User],
) -> Mentions:
    parse = set(DEFAULT_PARSE if allowed is None else allowed.get("parse") or ())
    listed_users = {int(u) for u in (allowed or {}).get("users") or ()}
    listed_roles = {int(r) for r in (allowed or {}).get("roles") or ()}
    found = Mentions()
    found.everyone = (
        ("@everyone" in content or "@here" in content)
        and "everyone" in parse
        and bool(permissions & MENTION_EVERYONE)
    )
    for user_id in dict.fromkeys(int(m) for m in _USER.findall(content)):
        user = users.get(user_id)
        if user is not None and ("users" in parse or user_id in listed_users):
            found.users.append(user)
    for role_id in dict.fromkeys(int(m) for m in _ROLE.findall(content)):
        role = guild.roles.get(role_id)
        if role is None or not ("roles" in parse or role_id in listed_roles):
            continue
        if role.mentionable or permissions & MENTION_EVERYONE:
            found.role_ids.append(role_id)
    found.notified = _reached(found, guild, channel)
    return found


def _reached(found: Mentions, guild: Guild, channel: Channel) -> frozenset[int]:
    pinged_users = {u.id for u in found.users}
    pinged_roles = set(found.role_ids)
    reached = set()
    for member_id, member in guild.members.items():
        if not (found.everyone or member_id in pinged_users or pinged_roles & set(member.role_ids)):
            continue
        if channel_permissions(guild, channel, member_id) & VIEW_CHANNEL:
            reached.add(member_id)
    return frozenset(reached)
