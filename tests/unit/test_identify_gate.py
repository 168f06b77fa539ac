"""The IDENTIFY gate under a loaded machine: a turn is a promise about when the IDENTIFY leaves, so a wait that
returns late (the event loop starved, the sleep overshooting) must not send on a turn that has passed; the next
process's turn, reserved a window after it, would then come less than Discord's 5 s after this one."""

from __future__ import annotations

from bot.delivery.shards import IDENTIFY_MARGIN, IDENTIFY_WINDOW, IdentifyGate
from bot.storage import Database
from bot.storage.shards import ShardStore

T = 1_000_000.0


async def test_a_turn_whose_wait_returned_late_is_not_used_two_processes_stay_a_window_apart(
    database: Database,
) -> None:
    store = ShardStore(database)
    clock = {"now": T}
    sent: list[float] = []
    late_once = {"a": True}

    def now() -> float:
        return clock["now"]

    async def wait_a(at: float) -> None:
        # Process a's first wait is starved: it returns 1.3 s after its turn.
        clock["now"] = max(clock["now"], at) + (1.3 if late_once.pop("a", False) else 0.0)

    async def wait_b(at: float) -> None:
        clock["now"] = max(clock["now"], at)

    a = IdentifyGate(store, now=now, wait=wait_a)
    b = IdentifyGate(store, now=now, wait=wait_b)
    await a.turn(0, still_held=lambda: True)
    sent.append(clock["now"])
    await b.turn(1, still_held=lambda: True)
    sent.append(clock["now"])
    assert sent[1] - sent[0] >= IDENTIFY_WINDOW, sent
    # And a turn that was on time is used as it is: no needless second wait.
    assert sent[1] - sent[0] <= IDENTIFY_WINDOW + 2 * IDENTIFY_MARGIN + 1.3
