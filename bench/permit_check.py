"""The dispatcher's check between a pacing permit and its request, while a write transaction holds the database.

```sh
.venv/bin/python bench/permit_check.py            # --n 40 --hold-ms 200
```

The check after the permit (is the row still pending, or did an unsubscribe cancel it?) must not hold the
request back: a request held after its permit leaves together with the next ones, in a burst. It reads on
the database's second, read-only connection (`DeliveryLedger.is_pending_now`), which waits neither for the
database's lock nor for SQLite's writer. Compared here with the same read through the lock
(`DeliveryLedger.is_pending`), each started while another coroutine holds a write transaction open for
`--hold-ms` (as a large slot recording does), alternating, and once with the database idle. Prints p50 and
max (ms) of both and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: the repository's packages
    sys.path.append(str(REPO))

from bot.delivery.contents import contents_rule  # noqa: E402
from bot.storage import Database, DeliveryLedger  # noqa: E402
from tests.helpers import nine_utc_slot, subscribe  # noqa: E402

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


async def _hold(database: Database, held: asyncio.Event, seconds: float) -> None:
    async with database.transaction() as connection:
        await connection.execute("UPDATE subscriptions SET updated_at = updated_at")
        held.set()
        await asyncio.sleep(seconds)  # a long write transaction, as recording a large slot is


async def _timed(check: Callable[[], Awaitable[bool]]) -> float:
    started = time.perf_counter()
    assert await check(), "the row is pending: both checks must say so"
    return (time.perf_counter() - started) * 1000


async def _during_a_transaction(
    database: Database, check: Callable[[], Awaitable[bool]], hold: float
) -> float:
    held = asyncio.Event()
    holder = asyncio.create_task(_hold(database, held, hold))
    await held.wait()
    elapsed = await _timed(check)
    await holder
    return elapsed


async def main(n: int, hold_ms: float) -> int:
    with tempfile.TemporaryDirectory() as folder:
        database = await Database.open(Path(folder) / "bench.sqlite3")
        try:
            subscriptions = await subscribe(database, 1, now=T0)
            ledger = DeliveryLedger(database)
            await ledger.record_slot(
                nine_utc_slot(),
                subscriptions,
                available_brief_ids=["b1"],
                choose=contents_rule(max_briefs=3, when_nothing_new="skip"),
                now=T0,
            )
            [row] = await ledger.history(1)
            locked = lambda: ledger.is_pending(row.id)  # noqa: E731
            peek = lambda: ledger.is_pending_now(row.id)  # noqa: E731
            busy: dict[str, list[float]] = {"through the lock": [], "read-only connection": []}
            idle: dict[str, list[float]] = {"through the lock": [], "read-only connection": []}
            for _ in range(n):  # alternating, so that noise from other processes falls on both
                busy["through the lock"].append(await _during_a_transaction(database, locked, hold_ms / 1000))
                busy["read-only connection"].append(
                    await _during_a_transaction(database, peek, hold_ms / 1000)
                )
                idle["through the lock"].append(await _timed(locked))
                idle["read-only connection"].append(await _timed(peek))
        finally:
            await database.close()
    print(f"check after the permit, {n} samples each; a write transaction held for {hold_ms:g} ms")
    for title, samples in (("during the transaction", busy), ("database idle", idle)):
        print(f"  {title}:")
        for name, values in samples.items():
            print(f"    {name:22} p50 {statistics.median(values):8.3f} ms   max {max(values):8.3f} ms")
        ratio = statistics.median(samples["through the lock"]) / statistics.median(
            samples["read-only connection"]
        )
        print(f"    ratio p50 through the lock / read-only connection: {ratio:.1f}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--hold-ms", type=float, default=200.0)
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.n, arguments.hold_ms)))
