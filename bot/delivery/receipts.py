"""A digest's message: its embeds, and its text line, the role its subscription pings, then its receipt
(which slot it is and the window it covers, as Discord timestamps: Discord renders `<t:…:f>` in the content,
in each reader's own time zone; it does not in titles, footers or thread names). `digest_message` is the one
function both the send and `briefbot preview digest` take it from."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from bot.briefs.render import MessageData, render_digest
from bot.delivery.versions import DigestEntry
from bot.storage.ledger import DigestWindow


def discord_time(at: datetime, style: str = "f") -> str:
    """`at` as a Discord timestamp: `f` date and time, `F` with the weekday, `R` relative."""
    return f"<t:{int(at.timestamp())}:{style}>"


def receipt(window: DigestWindow) -> str:
    """One line: "Digest for <slot>, covering <previous digest's slot> to <slot>." (asked for by hand: "Digest
    asked for at <when>, ..."); the channel's first digest covers everything up to its slot."""
    slot = discord_time(window.slot_at)
    which = f"Digest asked for at {slot}" if window.by_hand else f"Digest for {slot}"
    if window.since is None:
        return f"{which}, the first in this channel: everything new up to {slot}."
    return f"{which}, covering {discord_time(window.since)} to {slot}."


def role_ping(role_id: int | None) -> str | None:
    """The content that mentions the subscription's role (a mention in an embed never pings)."""
    return None if role_id is None else f"<@&{role_id}>"


def digest_content(window: DigestWindow | None, ping_role_id: int | None) -> str | None:
    """The digest's message text: the role it pings, then its receipt; None when it has neither."""
    lines = [line for line in (role_ping(ping_role_id), receipt(window) if window else None) if line]
    return "\n".join(lines) or None


def digest_message(
    entries: Sequence[DigestEntry], window: DigestWindow | None, ping_role_id: int | None
) -> MessageData:
    """The digest of `entries` as posted: each brief at its version (one shown as updated says what changed),
    with `digest_content` as the message's content."""
    briefs = [entry.brief for entry in entries]
    updates = {entry.brief.id: entry.changes for entry in entries if entry.changes is not None}
    message = render_digest(briefs, updates=updates)
    return dataclasses.replace(message, content=digest_content(window, ping_role_id) or "")
