"""The absence alarm's words: each fault's stage and fix, and an alert within Discord's 2,000 characters."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.delivery.alerts import MARKER_PREFIX, alert_text, stage_and_fix
from bot.storage.alerts import Fault, FinishedSlot, alert_nonce

SLOT = FinishedSlot(1, "UTC", "2026-05-01T09:00", datetime(2026, 5, 1, 9, 0, tzinfo=UTC), 99)


def fault(channel_id: int, state: str, reason: str | None = None, cause: str | None = None) -> Fault:
    return Fault(channel_id, state, reason, None, cause)  # type: ignore[arg-type]


def test_each_fault_names_its_stage_and_a_fix() -> None:
    assert stage_and_fix(fault(5, "missed", "the slot passed while the bot was not running")) == (
        "scheduling: the bot was not running at the slot",
        "keep the bot running; a slot missed by more than DIGEST_CATCH_UP_GRACE is not posted late",
    )
    stage, fix = stage_and_fix(fault(5, "expired", "not posted within 6 hours of its slot (last error: 503)"))
    assert (
        stage == "sending: not posted within 6 hours of its slot (last error: 503)" and "/digest now" in fix
    )
    stage, fix = stage_and_fix(fault(5, "held", "not sent again: ..."))
    assert stage.startswith("checking:") and fix.startswith("give the bot Read Message History in <#5>")
    stage, fix = stage_and_fix(fault(5, "dead", "404 Unknown Channel (10003)"))
    assert "cannot find <#5>" in fix
    stage, fix = stage_and_fix(
        fault(
            5, "skipped", "subscription paused: I no longer have Send Messages in this channel", "permissions"
        )
    )
    assert stage == "paused by Briefbot: I no longer have Send Messages in this channel"
    assert fix == "give the bot Send Messages in <#5>; the digests resume by themselves then"
    _, fix = stage_and_fix(
        fault(5, "skipped", "subscription paused: 3 deliveries in a row failed", "failures")
    )
    assert fix.endswith("then `/digest resume channel:<#5>`")
    stage, _ = stage_and_fix(fault(5, "dead", "400 @everyone (50035)"))
    assert "@everyone" not in stage  # defused, though mentions are off anyway


def test_an_alert_for_many_channels_stays_within_2000_characters_and_keeps_its_marker() -> None:
    faults = [fault(10**17 + n, "dead", "403 Missing Permissions (50013)") for n in range(60)]
    nonce = alert_nonce(1, "UTC", "2026-05-01T09:00")
    text = alert_text(SLOT, faults, nonce)
    assert len(text) <= 2000 and len(nonce) == 25
    assert text.startswith("**No digest reached 60 channel(s) for the slot of <t:1777626000:f>.**")
    assert "\n... and " in text and "more: see `/digest history` in each channel." in text
    assert text.rsplit("\n", 1)[-1] == f"{MARKER_PREFIX}{nonce}"
    shown = text.count("\n- <#")
    assert 0 < shown < 60 and f"and {60 - shown} more" in text
