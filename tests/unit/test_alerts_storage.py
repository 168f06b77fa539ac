"""The absence alarm's storage (bot/storage/alerts.py), on both backends: the admin channel, which slots are
finished with a fault, their faults by channel, and the alert ledger (recorded once, due, settled once)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.delivery.contents import contents_rule
from bot.storage import Database, DeliveryLedger
from bot.storage.alerts import AlertRepository, FinishedSlot, alert_nonce
from bot.storage.servers import RemovedServers
from tests.helpers import nine_utc_slot, subscribe

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
NINE = nine_utc_slot()


async def _slot_with_faults(database: Database, *channels: int, guild_id: int = 1) -> list[int]:
    """Record the 09:00 slot for `channels` of `guild_id`; the row ids, by channel."""
    ledger = DeliveryLedger(database)
    subs = await subscribe(database, *channels, now=T0, guild_id=guild_id)
    await ledger.record_slot(
        NINE,
        subs,
        available_brief_ids=["b1"],
        choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
        now=T0,
    )
    rows = {row.channel_id: row.id for row in await ledger.due(NINE.at)}
    return [rows[channel] for channel in channels]


async def test_the_admin_channel_is_set_moved_and_cleared(database: Database) -> None:
    alerts = AlertRepository(database)
    assert await alerts.channel_of(1) is None
    await alerts.set_channel(1, 500, by=7, now=T0)
    await alerts.set_channel(1, 500, by=8, now=T0 + timedelta(hours=1))  # the same channel keeps its start
    kept = await alerts.channel_of(1)
    assert kept is not None and (kept.channel_id, kept.set_by, kept.set_at) == (500, 8, T0)
    await alerts.set_channel(1, 501, by=8, now=T0 + timedelta(hours=2))  # another channel starts anew
    moved = await alerts.channel_of(1)
    assert moved is not None and (moved.channel_id, moved.set_at) == (501, T0 + timedelta(hours=2))
    assert await alerts.clear_channel(1) is True
    assert await alerts.clear_channel(1) is False
    assert await alerts.channel_of(1) is None


async def test_a_slot_is_finished_once_nothing_is_pending_and_its_faults_are_named(
    database: Database,
) -> None:
    alerts, ledger = AlertRepository(database), DeliveryLedger(database)
    await alerts.set_channel(1, 500, by=None, now=T0)
    dead, held, fine = await _slot_with_faults(database, 10, 20, 30)
    await ledger.mark_dead(dead, reason="403 Missing Access (50001)", now=NINE.at)
    await ledger.mark_held(held, reason="history unreadable", now=NINE.at)
    assert await alerts.finished_slots(since=T0) == []  # channel 30 is still pending

    await ledger.mark_sent(fine, message_id=9, now=NINE.at)
    [slot] = await alerts.finished_slots(since=T0)
    assert slot == FinishedSlot(1, "UTC", NINE.key, NINE.at, 500)
    faults = await alerts.faults(slot)
    assert [(fault.channel_id, fault.state) for fault in faults] == [(10, "dead"), (20, "held")]
    assert faults[0].reason == "403 Missing Access (50001)"
    assert await alerts.finished_slots(since=NINE.at + timedelta(minutes=1)) == []


async def test_no_alert_for_a_server_without_an_admin_channel_set_later_or_removed(
    database: Database,
) -> None:
    alerts, ledger = AlertRepository(database), DeliveryLedger(database)
    [first] = await _slot_with_faults(database, 10, guild_id=1)
    [second] = await _slot_with_faults(database, 20, guild_id=2)
    [third] = await _slot_with_faults(database, 30, guild_id=3)
    for row in (first, second, third):
        await ledger.mark_dead(row, reason="403 Missing Access (50001)", now=NINE.at)
    await alerts.set_channel(2, 600, by=None, now=NINE.at + timedelta(minutes=1))  # after the slot
    await alerts.set_channel(3, 700, by=None, now=T0)
    await RemovedServers(database).removed(3, "the bot was removed", now=NINE.at)
    assert await alerts.finished_slots(since=T0) == []


async def test_an_alert_is_recorded_once_and_settled_once(database: Database) -> None:
    alerts, ledger = AlertRepository(database), DeliveryLedger(database)
    await alerts.set_channel(1, 500, by=None, now=T0)
    [row] = await _slot_with_faults(database, 10)
    await ledger.mark_dead(row, reason="403 Missing Access (50001)", now=NINE.at)
    [slot] = await alerts.finished_slots(since=T0)
    later = NINE.at + timedelta(minutes=5)
    assert await alerts.record(slot, "Digest faults: #10", now=later) is True
    assert await alerts.record(slot, "again", now=later) is False  # one per server and slot
    assert await alerts.finished_slots(since=T0) == []  # it has its alert

    [alert] = await alerts.due(later)
    assert (alert.content, alert.state, alert.nonce) == (
        "Digest faults: #10",
        "pending",
        alert_nonce(1, "UTC", NINE.key),
    )
    assert len(alert.nonce) <= 25
    await alerts.retry(alert.id, error="503", next_attempt_at=later + timedelta(minutes=1), now=later)
    assert await alerts.due(later) == []
    assert [a.id for a in await alerts.due(later - timedelta(hours=1))] == [alert.id]  # clock set back
    assert [a.id for a in await alerts.due(later + timedelta(minutes=1))] == [alert.id]

    await alerts.attempt_started(alert.id, now=later)
    assert await alerts.sent(alert.id, message_id=77, now=later) is True
    assert await alerts.failed(alert.id, reason="late", now=later) is False  # settled once
    assert await alerts.held(alert.id, reason="late", now=later) is False
    [shown] = await alerts.of_server(1)
    assert (shown.state, shown.message_id, shown.sent_at, shown.attempts) == ("sent", 77, later, 2)
    assert shown.attempt_started_at == later and shown.last_error == "503"
    assert await alerts.due(later + timedelta(days=1)) == []


async def test_a_server_lists_its_latest_alerts_first(database: Database) -> None:
    alerts, ledger = AlertRepository(database), DeliveryLedger(database)
    await alerts.set_channel(1, 500, by=None, now=T0)
    for day in (1, 2, 3):
        slot = nine_utc_slot(day)
        subs = await subscribe(database, 10, now=slot.at - timedelta(hours=1))
        await ledger.record_slot(
            slot,
            subs,
            available_brief_ids=[f"b{day}"],
            choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
            now=slot.at,
        )
        [row] = await ledger.due(slot.at)
        await ledger.mark_dead(row.id, reason="500 then 500", now=slot.at, counts_against_channel=False)
    slots = await alerts.finished_slots(since=T0)
    assert [slot.slot_at for slot in slots] == [nine_utc_slot(day).at for day in (1, 2, 3)]  # oldest first
    for slot in slots:
        await alerts.record(slot, f"faults of {slot.slot_key}", now=slot.slot_at)
    latest = await alerts.of_server(1, limit=2)
    assert [alert.slot_at for alert in latest] == [nine_utc_slot(3).at, nine_utc_slot(2).at]
    assert await alerts.of_server(2) == []
