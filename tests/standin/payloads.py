"""JSON payload builders in the shapes Discord's API v10 sends (and discord.py 2.7 parses).

Every id leaves here as a string, as Discord sends it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.standin.world import (
    GUILD_FORUM,
    PRIVATE_THREAD,
    VIEW_CHANNEL,
    Application,
    Channel,
    ForumTag,
    Guild,
    Member,
    Role,
    User,
    channel_permissions,
    snowflake_unix_ms,
)


def iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat()


def snowflake_iso(snowflake: int) -> str:
    """The instant a snowflake encodes, as Discord writes timestamps (a message's ``timestamp``)."""
    return iso(dt.datetime.fromtimestamp(snowflake_unix_ms(snowflake) / 1000, dt.UTC))


def user(u: User) -> dict[str, Any]:
    return {
        "id": str(u.id),
        "username": u.username,
        "discriminator": "0",
        "global_name": u.global_name,
        "avatar": None,
        "bot": u.bot,
        "system": False,
        "public_flags": 0,
        "flags": 0,
        "primary_guild": None,
    }


def role(r: Role) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "name": r.name,
        "permissions": str(r.permissions),
        "position": r.position,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "managed": r.managed,
        "mentionable": r.mentionable,
        "icon": None,
        "unicode_emoji": None,
        "flags": 0,
    }


def channel(c: Channel) -> dict[str, Any]:
    """A guild channel (text, announcement, forum) or a thread, with the fields its type has."""
    if c.thread is not None:
        return thread(c)
    payload: dict[str, Any] = {
        "id": str(c.id),
        "type": c.type,
        "guild_id": str(c.guild_id),
        "name": c.name,
        "position": c.position,
        "parent_id": None,
        "topic": c.topic,
        "nsfw": False,
        "rate_limit_per_user": 0,
        "last_message_id": str(c.last_message_id) if c.last_message_id else None,
        "flags": c.flags,
        "default_auto_archive_duration": c.default_auto_archive_duration,
        "permission_overwrites": [
            {"id": str(o.id), "type": o.type, "allow": str(o.allow), "deny": str(o.deny)}
            for o in c.overwrites
        ],
    }
    if c.type == GUILD_FORUM:
        payload.update(
            {
                "available_tags": [forum_tag(t) for t in c.available_tags],
                "default_reaction_emoji": None,
                "default_sort_order": c.default_sort_order,
                "default_forum_layout": c.default_forum_layout,
                "default_thread_rate_limit_per_user": 0,
            }
        )
    return payload


def forum_tag(t: ForumTag) -> dict[str, Any]:
    return {
        "id": str(t.id),
        "name": t.name,
        "moderated": t.moderated,
        "emoji_id": None,
        "emoji_name": t.emoji_name,
    }


def thread(c: Channel) -> dict[str, Any]:
    """A thread channel (a forum post, a thread on a message or without one)."""
    state = c.thread
    assert state is not None
    metadata: dict[str, Any] = {
        "archived": state.archived,
        "archive_timestamp": state.archive_timestamp,
        "auto_archive_duration": state.auto_archive_duration,
        "locked": state.locked,
        "create_timestamp": state.created_at,
    }
    if c.type == PRIVATE_THREAD:
        metadata["invitable"] = True
    return {
        "id": str(c.id),
        "type": c.type,
        "guild_id": str(c.guild_id),
        "name": c.name,
        "parent_id": str(c.parent_id),
        "owner_id": str(state.owner_id),
        "last_message_id": str(c.last_message_id) if c.last_message_id else None,
        "rate_limit_per_user": 0,
        "flags": c.flags,
        "message_count": state.message_count,
        "member_count": min(len(state.members), 50),
        "total_message_sent": state.total_message_sent,
        "applied_tags": [str(t) for t in state.applied_tags],
        "thread_metadata": metadata,
    }


def thread_member(c: Channel, user_id: int) -> dict[str, Any]:
    """A thread member object (``GET .../threads/...`` lists the current user's)."""
    assert c.thread is not None
    return {"id": str(c.id), "user_id": str(user_id), "join_timestamp": c.thread.members[user_id], "flags": 0}


def member(m: Member, *, with_user: bool = True, permissions: int | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "roles": [str(r) for r in m.role_ids],
        "joined_at": m.joined_at,
        "nick": None,
        "avatar": None,
        "banner": None,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
        "communication_disabled_until": None,
    }
    if with_user:
        payload["user"] = user(m.user)
    if permissions is not None:
        payload["permissions"] = str(permissions)
    return payload


def guild_create(
    g: Guild, *, joined_at: str, member_ids: set[int] | None = None, viewer_id: int | None = None
) -> dict[str, Any]:
    """GUILD_CREATE data: the whole guild; ``member_ids`` limits the members listed.

    Discord lists every member only to bots with the GUILD_MEMBERS intent; others get themselves.
    ``threads`` holds the active threads ``viewer_id`` can see ("All active threads in the guild that
    current user has permission to view"); channels hold no threads.
    """
    return {
        "id": str(g.id),
        "name": g.name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "owner_id": str(g.owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "features": [],
        "mfa_level": 0,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "vanity_url_code": None,
        "description": None,
        "banner": None,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "nsfw_level": 0,
        "premium_progress_bar_enabled": False,
        "roles": [role(r) for r in g.roles.values()],
        "emojis": [],
        "stickers": [],
        "joined_at": joined_at,
        "large": False,
        "unavailable": False,
        "member_count": len(g.members),
        "members": [member(m) for m in g.members.values() if member_ids is None or m.user.id in member_ids],
        "channels": [channel(c) for c in g.channels.values() if c.in_guild_create and c.thread is None],
        "threads": [
            thread(c)
            for c in g.channels.values()
            if c.thread is not None
            and not c.thread.archived
            and viewer_id is not None
            and channel_permissions(g, c, viewer_id) & VIEW_CHANNEL
        ],
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "lazy": True,
    }


def application(app: Application, owner: User) -> dict[str, Any]:
    """GET /oauth2/applications/@me."""
    return {
        "id": str(app.id),
        "name": app.name,
        "icon": None,
        "description": "",
        "summary": "",
        "type": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "flags": app.flags,
        "owner": user(owner),
        "team": None,
        "bot": user(app.bot),
        "redirect_uris": [],
        "interactions_endpoint_url": None,
        "approximate_guild_count": 1,
        "flags_new": str(app.flags),
        "role_connections_verification_url": None,
        "approximate_user_install_count": 0,
        "approximate_user_authorization_count": 0,
        "explicit_content_filter": 0,
        "eligible_oauth2_scopes": [],
    }


def resolved_channel(g: Guild, c: Channel, user_id: int) -> dict[str, Any]:
    """A channel as it appears in an interaction's ``data.resolved.channels``."""
    return {
        "id": str(c.id),
        "name": c.name,
        "type": c.type,
        "permissions": str(channel_permissions(g, c, user_id)),
        "parent_id": None,
        "guild_id": str(g.id),
        "topic": c.topic,
        "nsfw": False,
        "position": c.position,
        "rate_limit_per_user": 0,
        "last_message_id": None,
        "flags": 0,
    }


def message(
    *,
    message_id: int,
    channel_id: int,
    author: User,
    body: dict[str, Any],
    guild_id: int | None = None,
    webhook_id: int | None = None,
    application_id: int | None = None,
    interaction_metadata: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A message as Discord returns it after a create, built from the request body.

    Its ``timestamp`` is the instant its id encodes, as on Discord.
    """
    payload: dict[str, Any] = {
        "id": str(message_id),
        "type": 0 if interaction_metadata is None else 20,
        "channel_id": str(channel_id),
        "author": user(author),
        "content": body.get("content") or "",
        "timestamp": snowflake_iso(message_id),
        "edited_timestamp": None,
        "tts": bool(body.get("tts")),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [embed(e) for e in body.get("embeds") or []],
        "components": list(body.get("components") or []),
        "pinned": False,
        "flags": int(body.get("flags") or 0),
    }
    if guild_id is not None:
        payload["guild_id"] = str(guild_id)
    if body.get("nonce") is not None:
        payload["nonce"] = body["nonce"]
    if webhook_id is not None:
        payload["webhook_id"] = str(webhook_id)
    if application_id is not None:
        payload["application_id"] = str(application_id)
    if interaction_metadata is not None:
        payload["interaction_metadata"] = interaction_metadata
    return payload


def apply_edit(existing: dict[str, Any], body: dict[str, Any], *, edited_at: str) -> dict[str, Any]:
    """A message after PATCH: only the fields the body names change."""
    updated = dict(existing)
    if "content" in body:
        updated["content"] = body["content"] or ""
    if "embeds" in body:
        updated["embeds"] = [embed(e) for e in body["embeds"] or []]
    if "components" in body:
        updated["components"] = list(body["components"] or [])
    if "flags" in body and body["flags"] is not None:
        updated["flags"] = int(body["flags"])
    updated["edited_timestamp"] = edited_at
    return updated


def embed(e: dict[str, Any]) -> dict[str, Any]:
    return {"type": "rich", **e}


def error(code: int, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    """Discord's JSON error body."""
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return body
