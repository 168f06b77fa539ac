"""The delivery ledger: idempotent recording, what a digest contains, nonces, outcomes and pausing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.delivery.contents import contents_rule
from bot.delivery.slots import slots_between
from bot.storage import Database, Delivery, DeliveryLedger, SubscriptionRepository, make_nonce
from tests.helpers import nine_utc_slot, subscribe

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
BRIEFS = ["b5", "b4", "b3", "b2", "b1"]  # newest first


async def test_recording_a_slot_is_idempotent(database: Database) -> None:
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, 10, 20, 30, now=T0)
    first = await ledger.record_slot(
        nine_utc_slot(),
        subs,
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
    )
    assert sorted(first.pending) == [10, 20, 30]
    again = await ledger.record_slot(
        nine_utc_slot(),
        subs,
        available_brief_ids=["new"],
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
    )
    assert again.pending == [] and sorted(again.already) == [10, 20, 30]
    due = await ledger.due(T0)
    assert len(due) == 3
    assert all(row.brief_ids == ("b5", "b4", "b3") for row in due)  # the first recording's choice stands
    assert await ledger.count("pending") == 3
    refreshed = await SubscriptionRepository(database).get(10)
    assert refreshed is not None and refreshed.recorded_through == nine_utc_slot().at


async def test_nonce_is_deterministic_short_and_distinct(database: Database) -> None:
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, 10, 20, now=T0)
    await ledger.record_slot(
        nine_utc_slot(1),
        subs,
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=1, when_nothing_new="skip"),
        now=T0,
    )
    await ledger.record_slot(
        nine_utc_slot(2),
        subs,
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=1, when_nothing_new="skip"),
        now=T0,
    )
    rows = await ledger.due(T0)
    nonces = {row.nonce for row in rows}
    assert len(nonces) == 4 and all(len(nonce) <= 25 for nonce in nonces)
    for row in rows:
        assert row.nonce == make_nonce(row.timezone, row.slot_key, row.channel_id)
    assert make_nonce("UTC", "2026-05-01T09:00", 10) != make_nonce("Europe/Berlin", "2026-05-01T09:00", 10)


async def test_briefs_not_yet_delivered_newest_first_capped(database: Database) -> None:
    ledger = DeliveryLedger(database)
    [sub] = await subscribe(database, 10, now=T0)
    await ledger.record_slot(
        nine_utc_slot(1),
        [sub],
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=2, when_nothing_new="skip"),
        now=T0,
    )
    [row] = await ledger.due(T0)
    assert row.brief_ids == ("b5", "b4")
    # A second pending digest for the channel does not repeat what the first holds.
    await ledger.record_slot(
        nine_utc_slot(2),
        [sub],
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=2, when_nothing_new="skip"),
        now=T0,
    )
    assert [r.brief_ids for r in await ledger.due(T0)] == [("b5", "b4"), ("b3", "b2")]
    assert await ledger.mark_sent(row.id, message_id=777, now=T0)
    assert not await ledger.mark_sent(row.id, message_id=778, now=T0)  # only once
    assert await ledger.delivered_brief_ids(10) == {"b5", "b4"}
    sent = await ledger.get(row.id)
    assert sent is not None and sent.state == "sent" and sent.message_id == 777 and sent.sent_at == T0
    await ledger.record_slot(
        nine_utc_slot(3),
        [sub],
        available_brief_ids=["b6", *BRIEFS],
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
    )
    third = [r for r in await ledger.due(T0) if r.slot_key.startswith("2026-05-03")]
    assert third[0].brief_ids == ("b6", "b1")


async def test_nothing_new_is_skipped_with_a_reason_or_repeats_the_latest(database: Database) -> None:
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, 10, 20, now=T0)
    record = await ledger.record_slot(
        nine_utc_slot(1),
        subs,
        available_brief_ids=["b1"],
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
    )
    for row in await ledger.due(T0):
        await ledger.mark_sent(row.id, message_id=row.channel_id, now=T0)
    assert sorted(record.pending) == [10, 20]

    skipped = await ledger.record_slot(
        nine_utc_slot(2),
        subs[:1],
        available_brief_ids=["b1"],
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
    )
    assert skipped.skipped == [10]
    [history] = await ledger.history(10, limit=1)
    assert history.state == "skipped" and history.reason == "nothing new since the last digest"

    repeated = await ledger.record_slot(
        nine_utc_slot(2),
        subs[1:],
        available_brief_ids=["b1"],
        choose=contents_rule(max_briefs=3, when_nothing_new="repeat-latest"),
        now=T0,
    )
    assert repeated.pending == [20]
    [row] = await ledger.due(T0)
    assert row.brief_ids == ("b1",)

    empty = await ledger.record_slot(
        nine_utc_slot(3),
        subs[1:],
        available_brief_ids=[],
        choose=contents_rule(max_briefs=3, when_nothing_new="repeat-latest"),
        now=T0,
    )
    assert empty.skipped == [20]


async def test_missed_slots_are_recorded_without_briefs(database: Database) -> None:
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, 10, now=T0)
    record = await ledger.record_slot(
        nine_utc_slot(),
        subs,
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
        missed=True,
    )
    assert record.missed == [10]
    [row] = await ledger.history(10)
    assert row.state == "missed" and row.brief_ids == () and "catch-up grace" in (row.reason or "")
    assert await ledger.due(T0 + timedelta(days=1)) == []


async def test_three_consecutive_dead_deliveries_pause_the_subscription(database: Database) -> None:
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, 10, now=T0)
    for day in range(1, 6):
        await ledger.record_slot(
            nine_utc_slot(day),
            subs,
            available_brief_ids=BRIEFS,
            choose=contents_rule(max_briefs=1, when_nothing_new="repeat-latest"),
            now=T0,
        )
    rows = await ledger.due(T0)
    first = await ledger.mark_dead(rows[0].id, reason="500 then 403 Missing Access (50001)", now=T0)
    assert first is not None and first.consecutive_failures == 1 and not first.paused
    await ledger.mark_sent(rows[1].id, message_id=1, now=T0)  # a success ends the run
    await ledger.mark_dead(rows[2].id, reason="403 Missing Access (50001)", now=T0)
    second = await ledger.mark_dead(rows[3].id, reason="403 Missing Access (50001)", now=T0)
    assert second is not None and second.consecutive_failures == 2 and not second.paused
    third = await ledger.mark_dead(rows[4].id, reason="403 Missing Access (50001)", now=T0)
    assert third is not None and third.paused
    subscription = await SubscriptionRepository(database).get(10)
    assert subscription is not None and subscription.paused
    assert subscription.paused_reason == "3 deliveries in a row failed; last: 403 Missing Access (50001)"
    assert await ledger.mark_dead(rows[4].id, reason="again", now=T0) is None  # dead is final


async def test_pausing_cancels_pending_rows_and_unsubscribe_too(database: Database) -> None:
    ledger = DeliveryLedger(database, pause_after=1)
    subs = await subscribe(database, 10, 20, now=T0)
    for day in (1, 2):
        await ledger.record_slot(
            nine_utc_slot(day),
            subs,
            available_brief_ids=BRIEFS,
            choose=contents_rule(max_briefs=1, when_nothing_new="skip"),
            now=T0,
        )
    rows = {(r.channel_id, r.slot_key): r for r in await ledger.due(T0)}
    outcome = await ledger.mark_dead(
        rows[(10, "2026-05-01T09:00")].id, reason="404 Unknown Channel (10003)", now=T0
    )
    assert outcome is not None and outcome.paused
    cancelled = await ledger.get(rows[(10, "2026-05-02T09:00")].id)
    assert cancelled is not None and cancelled.state == "cancelled" and "paused" in (cancelled.reason or "")
    await SubscriptionRepository(database).unsubscribe(20, now=T0)
    assert await ledger.due(T0) == []
    # A send that was in flight when the row was cancelled: its message is noted, but it stays cancelled.
    assert not await ledger.mark_sent(rows[(20, "2026-05-01T09:00")].id, message_id=5, now=T0)
    in_flight = await ledger.get(rows[(20, "2026-05-01T09:00")].id)
    assert in_flight is not None and in_flight.state == "cancelled" and in_flight.message_id == 5


async def test_retry_keeps_the_row_pending_until_its_time(database: Database) -> None:
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, 10, now=T0)
    await ledger.record_slot(
        nine_utc_slot(),
        subs,
        available_brief_ids=BRIEFS,
        choose=contents_rule(max_briefs=1, when_nothing_new="skip"),
        now=T0,
    )
    [row] = await ledger.due(T0)
    later = T0 + timedelta(seconds=30)
    assert await ledger.mark_retry(row.id, error="502 Bad Gateway", next_attempt_at=later, now=T0)
    assert await ledger.due(T0) == []
    assert await ledger.next_attempt_at() == later
    [again] = await ledger.due(later)
    assert again.attempts == 1 and again.last_error == "502 Bad Gateway"
    await ledger.mark_retry(row.id, error="429", next_attempt_at=later, now=T0, count_attempt=False)
    assert (await ledger.due(later))[0].attempts == 1


async def test_history_is_newest_first(database: Database) -> None:
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, 10, now=T0)
    for slot in slots_between("09:00", "UTC", T0, T0 + timedelta(days=3)):
        await ledger.record_slot(
            slot,
            subs,
            available_brief_ids=BRIEFS,
            choose=contents_rule(max_briefs=1, when_nothing_new="skip"),
            now=T0,
        )
    assert [row.slot_key for row in await ledger.history(10, limit=2)] == [
        "2026-05-03T09:00",
        "2026-05-02T09:00",
    ]


async def test_next_contents_sees_delivered_and_pending_briefs_and_records_nothing(
    database: Database,
) -> None:
    ledger = DeliveryLedger(database)
    [sub] = await subscribe(database, 10, now=T0)
    rule = contents_rule(max_briefs=2, when_nothing_new="skip")
    await ledger.record_slot(nine_utc_slot(1), [sub], available_brief_ids=BRIEFS, choose=rule, now=T0)
    [sent] = await ledger.due(T0)
    await ledger.mark_sent(sent.id, message_id=1, now=T0)
    await ledger.record_slot(nine_utc_slot(2), [sub], available_brief_ids=BRIEFS, choose=rule, now=T0)
    [retrying] = await ledger.due(T0)
    await ledger.mark_retry(retrying.id, error="503", next_attempt_at=T0 + timedelta(minutes=1), now=T0)
    assert (sent.brief_ids, retrying.brief_ids) == (("b5", "b4"), ("b3", "b2"))
    upcoming = await ledger.next_contents(10, BRIEFS, rule)
    assert upcoming.brief_ids == ("b1",)
    assert len(await ledger.history(10)) == 2


async def test_a_held_rows_briefs_stay_reserved_for_the_next_digest_and_the_preview(
    database: Database,
) -> None:
    # A held digest may have been posted (the search could not tell): its briefs must not go out again in
    # the next slot's digest, nor in /digest now's, nor show in /digest preview's.
    ledger = DeliveryLedger(database)
    [sub] = await subscribe(database, 10, now=T0)
    rule = contents_rule(max_briefs=2, when_nothing_new="skip")
    await ledger.record_slot(nine_utc_slot(1), [sub], available_brief_ids=BRIEFS, choose=rule, now=T0)
    [maybe_posted] = await ledger.due(T0)
    await ledger.mark_attempt_started(maybe_posted.id, now=T0)
    assert await ledger.mark_held(maybe_posted.id, reason="the history could not be read", now=T0)
    assert (await ledger.next_contents(10, BRIEFS, rule)).brief_ids == ("b3", "b2")
    await ledger.record_slot(nine_utc_slot(2), [sub], available_brief_ids=BRIEFS, choose=rule, now=T0)
    [next_digest] = await ledger.due(T0)
    assert next_digest.brief_ids == ("b3", "b2")
    manual = await ledger.record_manual(
        channel_id=10, guild_id=1, available_brief_ids=BRIEFS, choose=rule, now=T0 + timedelta(seconds=1)
    )
    assert manual is not None and manual.brief_ids == ("b1",)


async def _pending_in(database: Database, *channels: int) -> tuple[DeliveryLedger, dict[int, Delivery]]:
    """The ledger with the first slot recorded for `channels`: each one's pending row, by channel."""
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, *channels, now=T0)
    rule = contents_rule(max_briefs=2, when_nothing_new="skip")
    await ledger.record_slot(nine_utc_slot(1), subs, available_brief_ids=BRIEFS, choose=rule, now=T0)
    return ledger, {row.channel_id: row for row in await ledger.due(T0)}


async def test_a_held_row_not_posted_is_sent_again_unless_its_channel_stopped_meanwhile(
    database: Database,
) -> None:
    ledger, rows = await _pending_in(database, 10, 20)
    for row in rows.values():
        assert await ledger.mark_held(
            row.id, reason="unreadable", now=T0, recheck_at=T0 + timedelta(hours=1), blind=True
        )
    assert [row.channel_id for row in await ledger.held_due(T0)] == []  # not before its time
    assert await ledger.recheck_held_now([20], now=T0) == 1
    assert [row.channel_id for row in await ledger.held_due(T0)] == [20]
    await SubscriptionRepository(database).unsubscribe(20, now=T0)
    assert await ledger.release_held(rows[10].id, now=T0) == "pending"
    assert await ledger.release_held(rows[20].id, now=T0) == "cancelled"
    assert await ledger.release_held(rows[20].id, now=T0) is None  # no longer held
    [again] = await ledger.due(T0)
    assert again.id == rows[10].id and again.brief_ids == rows[10].brief_ids


async def test_only_a_row_held_because_its_history_could_not_be_read_is_looked_at_again_at_once(
    database: Database,
) -> None:
    # Failed first: the bot finding it may read a channel's history (a permission given back, and every
    # start, when the server is seen) brought every held row there forward, so a restart loop searched a
    # busy channel's 5,000 messages again at each start whatever the backoff had reached.
    ledger, rows = await _pending_in(database, 10, 20)
    later = T0 + timedelta(hours=1)
    assert await ledger.mark_held(rows[10].id, reason="unreadable", now=T0, recheck_at=later, blind=True)
    assert await ledger.mark_held(rows[20].id, reason="5,000 messages read", now=T0, recheck_at=later)
    assert await ledger.recheck_held_now([10, 20], now=T0) == 1
    assert [row.channel_id for row in await ledger.held_due(T0)] == [10]
    [busy] = await ledger.history(20)
    assert busy.next_attempt_at == later and not busy.held_blind


async def test_a_held_row_of_a_deleted_channel_ends_cancelled_with_the_reason_and_is_never_looked_at(
    database: Database,
) -> None:
    # Failed first: a channel's deletion cancelled only its pending rows; a held one stayed held for ever,
    # looked for (a 404 each time) every few hours, its briefs reserved. Also one unsubscribed before.
    ledger, rows = await _pending_in(database, 10, 20, 30)
    for row in rows.values():
        assert await ledger.mark_held(row.id, reason="unreadable", now=T0, recheck_at=T0, blind=True)
    subscriptions = SubscriptionRepository(database)
    assert await subscriptions.unsubscribe(20, now=T0)  # unsubscribed first: its held row stays held
    assert await subscriptions.unsubscribe(10, now=T0, reason="the channel was deleted", gone=True)
    assert not await subscriptions.unsubscribe(20, now=T0, reason="the channel was deleted", gone=True)
    # A look told the channel is gone: the ledger ends the row (once; a row no longer held is left alone).
    assert await ledger.end_held(rows[30].id, reason="the channel no longer exists", now=T0)
    assert not await ledger.end_held(rows[30].id, reason="again", now=T0)
    assert await ledger.held_due(T0 + timedelta(days=1)) == []
    for channel in (10, 20):
        [ended] = await ledger.history(channel)
        assert ended.state == "cancelled" and ended.next_attempt_at is None
        assert ended.reason is not None and ended.reason.startswith("the channel was deleted; it was held")
    [looked] = await ledger.history(30)
    assert (looked.state, looked.reason) == ("cancelled", "the channel no longer exists")
