"""What a channel's digest would hold now, read from the database without writing to it (`briefbot preview
digest`): the same rule, the same versions and the same rendering as the digest the bot would post."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.briefs.lookup import Library
from bot.briefs.render import message_text, render_digest
from bot.briefs.versions import FactChange, changes_text
from bot.delivery.contents import DigestContents, contents_rule
from bot.delivery.versions import DigestEntry, VersionStore, offer_of
from bot.schedule import WhenNothingNew
from bot.storage import Database, DeliveryLedger, Subscription, SubscriptionRepository


@dataclass(frozen=True)
class DigestPreview:
    """A channel's next digest as things stand (`channel_id` None: a channel subscribed just now)."""

    channel_id: int | None
    subscription: Subscription | None
    follows: tuple[str, ...]
    contents: DigestContents
    entries: Sequence[DigestEntry]
    max_briefs: int

    @property
    def updates(self) -> dict[str, Sequence[FactChange]]:
        return {entry.brief.id: entry.changes for entry in self.entries if entry.changes is not None}


async def preview_digest(
    library: Library,
    *,
    database_path: Path,
    channel_id: int | None,
    max_briefs: int,
    when_nothing_new: WhenNothingNew,
) -> DigestPreview:
    """What `channel_id`'s next scheduled digest would carry if its slot came now, given what it has had and
    what its pending digests hold (read from `database_path`, which is never written); without a channel,
    what a newly subscribed one would get (the database is not read). Raises bot.storage.StorageError when
    the database cannot be read."""
    offer = offer_of(library)
    rule = contents_rule(
        max_briefs=max_briefs, when_nothing_new=when_nothing_new, versions=offer.versions, tags=offer.tags
    )
    if channel_id is None:
        contents = rule(offer.ids, {}, frozenset(), frozenset())
        entries = [DigestEntry(brief) for i in contents.brief_ids if (brief := library.find(i)) is not None]
        return DigestPreview(None, None, (), contents, entries, max_briefs)
    database = await Database.open_read_only(database_path)
    try:
        ledger = DeliveryLedger(database)
        subscription = await SubscriptionRepository(database).get(channel_id)
        contents = await ledger.next_contents(channel_id, offer.ids, rule)
        entries = await VersionStore(ledger, lambda: library).entries(
            contents.brief_ids, dict(contents.versions), dict(contents.updated_from)
        )
        follows = await ledger.followed_tags(channel_id)
    finally:
        await database.close()
    return DigestPreview(channel_id, subscription, tuple(sorted(follows)), contents, entries, max_briefs)


def preview_text(preview: DigestPreview) -> str:
    """`briefbot preview digest` as printed: who it is for, the briefs in order (new or updated) and the cap,
    then the digest message exactly as it would be posted."""
    contents = preview.contents
    if preview.channel_id is None:
        who = "A channel subscribed now"
    else:
        who = f"Channel {preview.channel_id}"
        subscription = preview.subscription
        if subscription is None or not subscription.active:
            who += " (not subscribed: if it were)"
        else:
            about = f"`{subscription.schedule}` {subscription.timezone}"
            if subscription.paused_reason:
                about += f", paused: {subscription.paused_reason}"
            if preview.follows:
                about += ", only tags " + ", ".join(preview.follows)
            who += f" ({about})"
    if not contents.brief_ids:
        return f"{who} would get no digest now: {contents.skip_reason}."
    updated = contents.updated
    count = len(contents.brief_ids)
    lines = [
        f"{who} would get {count} brief{'s' if count != 1 else ''} now (at most {preview.max_briefs})"
        + (
            ", nothing new: the most recently added again (DIGEST_WHEN_NOTHING_NEW=repeat-latest):"
            if contents.repeated
            else (", new first, then updated:" if updated else ", most recently added first:")
        )
    ]
    changes = preview.updates
    for number, brief_id in enumerate(contents.brief_ids, 1):
        kind = "again" if contents.repeated else "updated" if brief_id in updated else "new"
        lines.append(f"  {number}. {brief_id} ({kind})")
        if brief_id in changes:
            lines.append(f"     what changed: {changes_text(changes[brief_id]) or 'can no longer be told'}")
    briefs = [entry.brief for entry in preview.entries]
    if briefs:
        lines += ["", message_text(render_digest(briefs, updates=changes))]
    return "\n".join(lines)
