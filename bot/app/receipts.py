"""A digest's receipt: which slot it is and the window it covers, as Discord timestamps in the message's
content (Discord renders `<t:…:f>` there, in each reader's own time zone; it does not in titles, footers or
thread names)."""

from __future__ import annotations

from datetime import datetime

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
