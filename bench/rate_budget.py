"""The shared rate budget's cost: permits from the database against the pacer's permits in memory.

```sh
.venv/bin/python bench/rate_budget.py            # --permits 3000 --callers 64
```

Every REST request of the bot now waits for a permit of the shared budget (one row in the database, one
atomic UPDATE ... RETURNING per reservation), so its cost is paid per request. Measured on a real SQLite file,
with time frozen (the pacer's sleeps only yield), so what is timed is the reservation itself: `--permits`
permits taken by `--callers` coroutines at once, (a) from the in-memory Pacer, (b) from one process's
SharedPacer, (c) from two processes' SharedPacers (two Database objects on one file) sharing the permits.
Prints permits per second of each, the database writes per permit (a busy process reserves a few at a
time), and how many times Discord's 50/s each path could serve.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: the repository's packages
    sys.path.append(str(REPO))

from bot.delivery.pacing import Pacer, SharedPacer  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.storage.rate_budget import RateBudgetStore  # noqa: E402


class CountingStore(RateBudgetStore):
    writes = 0

    async def reserve(self, now: float, interval: float, count: int = 1) -> float:
        CountingStore.writes += 1
        return await super().reserve(now, interval, count)


async def _yield(seconds: float) -> None:
    await asyncio.sleep(0)


def _frozen() -> float:
    return 1_780_000_000.0


async def take(pacers: Sequence[Pacer], permits: int, callers: int) -> float:
    """Seconds for `callers` coroutines (spread over `pacers`) to take `permits` permits in all."""
    left = [permits]

    async def caller(pacer: Pacer) -> None:
        while left[0] > 0:
            left[0] -= 1
            await pacer.acquire()

    started = time.perf_counter()
    await asyncio.gather(*(caller(pacers[i % len(pacers)]) for i in range(callers)))
    return time.perf_counter() - started


async def main(permits: int, callers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "briefbot.sqlite3"
        first, second = await Database.open(path), await Database.open(path)
        try:
            memory = await take([Pacer(45.0, clock=_frozen, sleep=_yield)], permits, callers)
            CountingStore.writes = 0
            one = [SharedPacer(CountingStore(first), 45.0, clock=_frozen, sleep=_yield)]
            shared_one = await take(one, permits, callers)
            writes_one = CountingStore.writes
            CountingStore.writes = 0
            two = [
                SharedPacer(CountingStore(first), 45.0, clock=_frozen, sleep=_yield),
                SharedPacer(CountingStore(second), 45.0, clock=_frozen, sleep=_yield),
            ]
            shared_two = await take(two, permits, callers)
            writes_two = CountingStore.writes
        finally:
            await first.close()
            await second.close()
    rows = [
        ("in memory (Pacer)", memory, None),
        ("shared, 1 process", shared_one, writes_one),
        ("shared, 2 processes on 1 file", shared_two, writes_two),
    ]
    print(f"{permits} permits, {callers} callers at once, SQLite")
    for name, seconds, writes in rows:
        rate = permits / seconds
        per = f"{writes / permits:.2f} writes/permit" if writes is not None else ""
        print(f"  {name:<32} {rate:>10.0f} permits/s  {rate / 50:>8.1f}x Discord's 50/s  {per}")
    print(f"  shared (1 process) / in memory: {shared_one / memory:.1f}x the time per permit")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--permits", type=int, default=3000)
    parser.add_argument("--callers", type=int, default=64)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.permits, arguments.callers))
