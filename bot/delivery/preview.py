"""What a channel's digest would hold now, read from the database without writing to it (`briefbot preview
digest`): the same rule, the same versions and the same message (`digest_message`: its text line and its
embeds) as the digest the bot would post."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.briefs.lookup import Library
from bot.briefs.render import MessageData, message_text
from bot.briefs.versions import FactChange, changes_text
from bot.clock import utc_now
from bot.delivery.contents import DigestContents, contents_rule
from bot.delivery.receipts import digest_message
from bot.delivery.versions import DigestEntry, VersionStore, offer_of
from bot.schedule import WhenNothingNew
from bot.storage import Database, DeliveryLedger, Subscription, SubscriptionRepository
from bot.storage.ledger import DigestWindow


@dataclass(frozen=True)
class DigestPreview:
    """A channel's next digest as things stand (`channel_id` None: a channel subscribed just now), and the
    message it would be posted as (`message`: None when there is no digest)."""

    channel_id: int | None
    subscription: Subscription | None
    follows: tuple[str, ...]
    contents: DigestContents
    entries: Sequence[DigestEntry]
    max_briefs: int
    message: MessageData | None

    @property
    def updates(self) -> dict[str, Sequence[FactChange]]:
        return {entry.brief.id: entry.changes for entry in self.entries if entry.changes is not None}


async def preview_digest(
    library: Library,
    *,
    database_path: Path | str,
    channel_id: int | None,
    max_briefs: int,
    when_nothing_new: WhenNothingNew,
    now: datetime | None = None,
) -> DigestPreview:
    """What `channel_id`'s next scheduled digest would carry if its slot came `now` (default: the time now),
    given what it has had and what its pending digests hold (read from `database_path`, a SQLite file or a
    PostgreSQL URL, which is never written), and the message it would be posted as (the role its subscription pings, the receipt of that
    slot, the briefs); without a channel, what a newly subscribed one would get (the database is not read).
    Raises bot.storage.StorageError when the database cannot be read."""
    slot_at = utc_now() if now is None else now
    offer = offer_of(library)
    rule = contents_rule(
        max_briefs=max_briefs, when_nothing_new=when_nothing_new, versions=offer.versions, tags=offer.tags
    )
    if channel_id is None:
        contents = rule(offer.ids, {}, frozenset(), frozenset())
        entries = [DigestEntry(brief) for i in contents.brief_ids if (brief := library.find(i)) is not None]
        message = (
            digest_message(entries, DigestWindow(slot_at, None, by_hand=False), None) if entries else None
        )
        return DigestPreview(None, None, (), contents, entries, max_briefs, message)
    database = await Database.open_read_only(database_path)
    try:
        ledger = DeliveryLedger(database)
        store = VersionStore(ledger, lambda: library)
        # Versions of an older format, which the bot translates at its next start, read as translated.
        renamed = await store.translations()

        def translated(
            available: Sequence[str],
            delivered: Mapping[str, str | None],
            reserved: Set[str],
            follows: Set[str],
        ) -> DigestContents:
            had = {b: renamed.get((b, v), v) if v is not None else None for b, v in delivered.items()}
            return rule(available, had, reserved, follows)

        subscription = await SubscriptionRepository(database).get(channel_id)
        contents = await ledger.next_contents(channel_id, offer.ids, translated)
        entries = await store.entries(
            contents.brief_ids, dict(contents.versions), dict(contents.updated_from)
        )
        follows = await ledger.followed_tags(channel_id)
        window = await ledger.window_at(channel_id, slot_at)
    finally:
        await database.close()
    ping = subscription.ping_role_id if subscription is not None and subscription.active else None
    message = digest_message(entries, window, ping) if entries else None
    return DigestPreview(
        channel_id, subscription, tuple(sorted(follows)), contents, entries, max_briefs, message
    )


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
    if preview.message is not None:
        lines += ["", message_text(preview.message)]
    return "\n".join(lines)
