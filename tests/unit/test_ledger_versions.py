"""The ledger keeps content versions: what a row carries and tells against, what a channel had, and the kept
snapshots nothing needs any more are deleted (issue 11, items 2 and 3)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from bot.briefs.loader import load_library
from bot.briefs.models import Brief, Tag
from bot.briefs.versions import fingerprint_format, snapshot
from bot.delivery.contents import DigestContents, contents_rule
from bot.delivery.preview import preview_digest
from bot.delivery.versions import VersionStore, offer_of
from bot.storage import Database, DeliveryLedger, SubscriptionRepository
from bot.storage.ledger import UNKNOWN_VERSION, ChooseContents, SnapshotOf
from tests.helpers import nine_utc_slot, subscribe
from tests.updates_fixture import LIBRARY_ID, updates_library

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def rule(versions: dict[str, str]) -> ChooseContents[DigestContents]:
    return contents_rule(max_briefs=3, when_nothing_new="skip", versions=versions)


def snapshots(versions: dict[str, str]) -> SnapshotOf:
    return lambda brief_id, version: f"{brief_id}@{version}" if versions.get(brief_id) == version else None


async def kept(database: Database) -> list[tuple[str, str, str]]:
    async with (
        database.read() as connection,
    ):
        rows = await connection.fetch(
            "SELECT brief_id, version, snapshot FROM brief_versions ORDER BY brief_id, version"
        )
    return [tuple(row) for row in rows]


async def test_what_a_row_recorded_is_read_without_waiting_for_the_process_turn(database: Database) -> None:
    # Read after the digest's pacing permit: behind the process's other database work (64 sends' reads and
    # outcomes), it held each request back for seconds (bench/cluster.py), which then left in bursts.
    ledger = DeliveryLedger(database)
    [sub] = await subscribe(database, 10, now=T0)
    await ledger.record_slot(
        nine_utc_slot(1), [sub], available_brief_ids=["b1"], choose=rule({"b1": "v1"}), now=T0
    )
    [row] = await ledger.due(T0)
    turn_taken, done = asyncio.Event(), asyncio.Event()

    async def long_turn() -> None:
        async with database.read():
            turn_taken.set()
            await done.wait()

    holder = asyncio.create_task(long_turn())
    try:
        await turn_taken.wait()
        recorded = await asyncio.wait_for(ledger.recorded_content(row.nonce), timeout=10)
    finally:
        done.set()
        await holder
    assert recorded is not None and recorded.versions == {"b1": "v1"}


async def test_a_row_keeps_its_versions_and_what_the_channel_had_becomes_them(database: Database) -> None:
    ledger = DeliveryLedger(database)
    [sub] = await subscribe(database, 10, now=T0)
    first = {"b2": "v1", "b1": "v1"}
    await ledger.record_slot(
        nine_utc_slot(1),
        [sub],
        available_brief_ids=["b2", "b1"],
        choose=rule(first),
        now=T0,
        snapshot_of=snapshots(first),
    )
    [row] = await ledger.due(T0)
    recorded = await ledger.recorded_content(row.nonce)
    assert recorded is not None and recorded.versions == first and recorded.updated_from == {}
    assert await kept(database) == [("b1", "v1", "b1@v1"), ("b2", "v1", "b2@v1")]
    await ledger.mark_sent(row.id, message_id=1, now=T0)

    second = {"b2": "v2", "b1": "v1"}  # b2 changed since the channel had it
    await ledger.record_slot(
        nine_utc_slot(2),
        [sub],
        available_brief_ids=["b2", "b1"],
        choose=rule(second),
        now=T0,
        snapshot_of=snapshots(second),
    )
    [update] = await ledger.due(T0)
    assert update.brief_ids == ("b2",)
    recorded = await ledger.recorded_content(update.nonce)
    assert (
        recorded is not None and recorded.versions == {"b2": "v2"} and recorded.updated_from == {"b2": "v1"}
    )
    assert await ledger.brief_snapshot("b2", "v1") == "b2@v1"  # still told against
    assert await ledger.prune_versions() == 0
    await ledger.mark_sent(update.id, message_id=2, now=T0)
    # Nothing carries or tells against b2 v1 any more, and the channel has v2: it goes.
    assert await ledger.prune_versions() == 1
    assert await kept(database) == [("b1", "v1", "b1@v1"), ("b2", "v2", "b2@v2")]
    assert await ledger.needed_versions() == {("b1", "v1"), ("b2", "v2")}


async def test_deliveries_from_before_versions_are_adopted_as_the_versions_loaded_now(
    database: Database,
) -> None:
    ledger = DeliveryLedger(database)
    [sub] = await subscribe(database, 10, now=T0)
    await ledger.record_slot(
        nine_utc_slot(1),
        [sub],
        available_brief_ids=["b1"],
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
    )  # no versions known, as before this feature
    [sent] = await ledger.due(T0)
    await ledger.mark_sent(sent.id, message_id=1, now=T0)
    async with database.transaction() as connection:  # as the upgrade finds them
        await connection.execute("UPDATE delivered_briefs SET version = NULL")
        await connection.execute("UPDATE deliveries SET brief_versions = NULL")
    await ledger.record_slot(
        nine_utc_slot(2),
        [sub],
        available_brief_ids=["b2", "b1"],
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
    )
    await ledger.due(T0)  # promoted: an upgrade from before versions finds full rows only
    async with database.transaction() as connection:
        await connection.execute("UPDATE deliveries SET brief_versions = NULL")
    current = {"b2": "v1", "b1": "v1"}
    assert await ledger.adopt_versions(current, snapshots(current), now=T0) == (1, 1)
    [pending] = await ledger.due(T0)
    recorded = await ledger.recorded_content(pending.nonce)
    assert recorded is not None and recorded.versions == {"b2": "v1"}
    assert await ledger.adopt_versions(current, snapshots(current), now=T0) == (0, 0)  # once
    later = {"b2": "v1", "b1": "v2"}
    contents = await ledger.next_contents(10, ["b2", "b1"], rule(later))
    assert contents.brief_ids == ("b1",) and contents.updated_from == (("b1", "v1"),)


async def test_a_brief_not_loaded_when_versions_are_adopted_comes_back_as_an_update(
    database: Database,
) -> None:
    # The channel had b1 and b2 before versions were kept; b2 was missing at the first start after the
    # upgrade: the bot never saw what the channel had of it, so no version it comes back at is current.
    ledger = DeliveryLedger(database)
    [sub] = await subscribe(database, 10, now=T0)
    unversioned = contents_rule(max_briefs=3, when_nothing_new="skip")
    await ledger.record_slot(
        nine_utc_slot(1), [sub], available_brief_ids=["b2", "b1"], choose=unversioned, now=T0
    )
    [sent] = await ledger.due(T0)
    await ledger.mark_sent(sent.id, message_id=1, now=T0)
    async with database.transaction() as connection:  # as the upgrade finds them
        await connection.execute("UPDATE delivered_briefs SET version = NULL")
    first = {"b1": "v1"}
    assert await ledger.adopt_versions(first, snapshots(first), now=T0) == (1, 0)
    assert (await ledger.next_contents(10, ["b1"], rule(first))).brief_ids == ()

    back = {"b2": "v2", "b1": "v1"}  # b2 back (in this process, by a reload, or at a later start)
    assert await ledger.adopt_versions(back, snapshots(back), now=T0) == (0, 0)
    contents = await ledger.next_contents(10, ["b2", "b1"], rule(back))
    assert contents.brief_ids == ("b2",) and contents.updated_from == (("b2", UNKNOWN_VERSION),)


async def test_versions_of_an_older_format_are_translated_at_start_and_nothing_comes_again(
    database: Database, tmp_path: Path
) -> None:
    # A channel had the brief, and a digest still to send carries it, at a version of the first format (the
    # bare digest): at start each is renamed to the version its kept snapshot has now.
    briefs, seeds = updates_library(tmp_path / "updates", LIBRARY_ID)
    library = load_library(briefs, seeds).library
    brief = library.get(LIBRARY_ID)
    old = "0123456789abcdef"
    assert fingerprint_format(old) == 1 and library.version(LIBRARY_ID) != old

    def old_snapshot(brief_id: str, version: str) -> str | None:
        return snapshot(brief) if (brief_id, version) == (LIBRARY_ID, old) else None

    ledger = DeliveryLedger(database)
    [sub] = await subscribe(database, 10, now=T0)
    choose = contents_rule(max_briefs=3, when_nothing_new="repeat-latest", versions={LIBRARY_ID: old})
    for day in (1, 2):
        await ledger.record_slot(
            nine_utc_slot(day),
            [sub],
            available_brief_ids=[LIBRARY_ID],
            choose=choose,
            now=T0,
            snapshot_of=old_snapshot,
        )
        if day == 1:
            [sent] = await ledger.due(T0)
            await ledger.mark_sent(sent.id, message_id=1, now=T0)
            # Before the bot's next start translates them, `briefbot preview digest` reads them translated.
            preview = await preview_digest(
                library,
                database_path=database.target,
                channel_id=10,
                max_briefs=3,
                when_nothing_new="skip",
                now=T0,
            )
            assert preview.contents.brief_ids == () and preview.message is None
    [pending] = await ledger.due(T0)
    store = VersionStore(ledger, lambda: library)
    await store.adopt(now=T0)

    new = library.version(LIBRARY_ID)
    assert new is not None and await ledger.kept_versions() == [(LIBRARY_ID, new)]
    recorded = await ledger.recorded_content(pending.nonce)
    assert recorded is not None and recorded.versions == {LIBRARY_ID: new}
    offer = offer_of(library)
    nothing = contents_rule(max_briefs=3, when_nothing_new="skip", versions=offer.versions)
    await ledger.mark_sent(pending.id, message_id=2, now=T0)
    assert (await ledger.next_contents(10, [LIBRARY_ID], nothing)).brief_ids == ()
    await store.adopt(now=T0)  # once translated, nothing more to do
    assert await ledger.kept_versions() == [(LIBRARY_ID, new)]


async def test_a_subscription_keeps_the_tags_it_follows(database: Database) -> None:
    repository = SubscriptionRepository(database)
    ledger = DeliveryLedger(database)
    subscribed = await repository.subscribe(
        guild_id=1,
        channel_id=10,
        schedule="09:00",
        timezone="UTC",
        source="command",
        now=T0,
        tags=["Loans", "israel", "loans"],
    )
    assert subscribed.tags == ("loans", "israel")
    assert await ledger.followed_tags(10) == {"loans", "israel"}
    again = await repository.subscribe(
        guild_id=1, channel_id=10, schedule="09:00", timezone="UTC", source="command", now=T0
    )
    assert again.tags is None and await ledger.followed_tags(10) == frozenset()


def test_brief_tags_are_lower_case_words_without_commas() -> None:
    fields = Brief.model_fields["tags"]
    assert fields.default_factory is not None

    tag = TypeAdapter(Tag)
    assert tag.validate_python(" Marrow Lake ") == "marrow lake"
    for bad in ("loans,israel", "", "x" * 33):
        with pytest.raises(ValidationError):
            tag.validate_python(bad)
