"""Recording one slot for many subscriptions: time, and the longest the database is held by one transaction.

Per size, a fresh SQLite file (WAL, synchronous=FULL, as the bot opens it) is seeded with that many active
subscriptions in a few servers, each channel with yesterday's digest sent (a `sent` row and its three briefs
in `delivered_briefs`), so the contents rule has history to read. Then the 09:00 slot is recorded with
`DeliveryLedger.record_slot` against a library of 20 briefs, while a reader asks for the connection every
5 ms, as commands and sends do. Printed per size: the time, the CPU time of the process (all threads: the
machine's load shows in the time, much less in the CPU time) and the load average at the start, microseconds
per subscription, the longest transaction (the write lock and the one connection held; on SQLite also in
CPU time of its connection's thread, which the load does not stretch), the longest a reader waited, and a check that every channel got its pending row with the two briefs it had not had. Then
the dispatcher's next pass over what was just recorded: `due_in_turn` taking the next 200 rows round-robin
by server (median of 5 calls; checked to take every server in the first round).

The baseline, measured in the same run on the same seeded database: the same rows written by one bare
`executemany` INSERT in one transaction (the floor of writing them at all, with no reads and no rule).
With `--against REV`, the same measurement also runs on the code of git revision REV (e.g. the commit before
set-based recording), in a subprocess importing that revision's `bot` package, for `--against-sizes`.

    .venv/bin/python bench/record.py                          # 1,000 / 10,000 / 100,000
    .venv/bin/python bench/record.py --against 4d0efa6 --against-sizes 1000,10000
    .venv/bin/python bench/record.py --sizes 100000 --chunk 500
    .venv/bin/python bench/record.py --sizes 100000 --repeat 5 --against main --against-sizes 100000

With `--postgresql`, every size is also measured on PostgreSQL: a throwaway PostgreSQL 15 server started
the way the tests start theirs (tests/postgres.py: as the `postgres` user, on a free port, stopped and removed
at the end), with fsync and full-page writes turned back on (the tests' server runs without them), one
database per measurement copied from a seeded template. Goal: 100,000 in at most 5 s there (2 s on SQLite).

Memory per subscription, on each backend: a separate run on a fresh copy with tracemalloc on (so its time is
not the one reported) gives the peak of the Python heap while the slot's subscriptions are read and recorded,
divided by their number (SQLite's page cache, bounded by its cache_size, is not in it).

    .venv/bin/python bench/record.py --sizes 100000 --postgresql

On a shared machine, use `--repeat`: each run measures ours and then the bare insert, and the summary gives
the medians, the best runs, and the ratio ours/bare within each run.

The last line is every figure as one JSON object. Exit status 0 whatever the figures, 2 when a check failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import tracemalloc
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: the repository's packages, or those PYTHONPATH puts first
    sys.path.append(str(REPO))

from bot.delivery.contents import contents_rule  # noqa: E402
from bot.delivery.slots import Slot, slots_between  # noqa: E402
from bot.storage import Database, DeliveryLedger, SubscriptionRepository  # noqa: E402

SLOT_DAY = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
BRIEFS = [f"brief-{n:02d}" for n in range(20, 0, -1)]  # newest first
YESTERDAY = BRIEFS[2:5]  # what every channel got yesterday
SERVERS = 50
READER_PERIOD = 0.005
DUE_PASSES = 5


def the_slot() -> Slot:
    [slot] = slots_between("09:00", "UTC", SLOT_DAY - timedelta(minutes=1), SLOT_DAY)
    return slot


async def seed(path: Path | str, count: int) -> None:
    """`count` subscriptions made a day ago, each channel with yesterday's digest sent.

    Written in bulk, not through `/digest subscribe`'s one transaction per channel (100,000 of those take
    minutes of fsyncs), with the columns the repository writes.
    """
    database = await Database.open(path)
    made = "2026-05-01T08:00:00.000000Z"
    yesterday = "2026-05-01T09:00:00.000000Z"
    try:
        async with database.transaction() as connection:
            await connection.executemany(
                "INSERT INTO subscriptions (channel_id, guild_id, schedule, timezone, source, created_at,"
                " updated_at, active, recorded_through) VALUES (?, ?, '09:00', 'UTC', 'command', ?, ?, 1, ?)",
                [(channel, 1 + channel % SERVERS, made, made, yesterday) for channel in _channels(count)],
            )
            await connection.executemany(
                "INSERT INTO deliveries (id, channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
                " brief_ids, message_id, sent_at, created_at, updated_at)"
                " VALUES (?, ?, ?, 'UTC', '2026-05-01T09:00', ?, ?, 'sent', ?, ?, ?, ?, ?)",
                [
                    (
                        n,
                        c,
                        1 + c % SERVERS,
                        yesterday,
                        f"y{c}",
                        json.dumps(YESTERDAY),
                        c,
                        yesterday,
                        made,
                        made,
                    )
                    for n, c in enumerate(_channels(count), start=1)
                ],
            )
            await connection.executemany(
                "INSERT INTO delivered_briefs (channel_id, brief_id, delivery_id, delivered_at) VALUES (?, ?, ?, ?)",
                [
                    (c, brief, n, yesterday)
                    for n, c in enumerate(_channels(count), start=1)
                    for brief in YESTERDAY
                ],
            )
            if database.dialect == "postgresql":
                # The rows above chose their ids: the identity goes on after them.
                await connection.execute(
                    "SELECT setval(pg_get_serial_sequence('deliveries', 'id'), (SELECT max(id) FROM deliveries))"
                )
    finally:
        await database.close()


def _channels(count: int) -> range:
    return range(10**17, 10**17 + count)


def _writer_clock(database: Database) -> int | None:
    """The CPU clock of the thread that runs SQLite's connection (aiosqlite's worker), None on PostgreSQL."""
    thread = getattr(getattr(database.backend, "raw_connection", None), "_thread", None)
    ident = getattr(thread, "ident", None)
    return None if ident is None else time.pthread_getcpuclockid(ident)


class Watched:
    """Times every transaction on the one `Database` (waiting for its lock, BEGIN, the work, the commit), and
    on SQLite the CPU time spent in it by the two threads that do its work in turn (the event loop's and the
    connection's): about what it would hold the lock for on an idle machine (a chunk's commit does not wait
    for the disk), whatever the load."""

    def __init__(self, database: Database) -> None:
        self.holds: list[float] = []
        self.cpu_holds: list[float] = []
        original = database.transaction
        clock = _writer_clock(database)

        @contextlib.asynccontextmanager
        async def timed(**options: Any) -> AsyncIterator[Any]:
            started = time.perf_counter()
            cpu_started = None if clock is None else time.clock_gettime(clock) + time.thread_time()
            async with original(**options) as connection:
                yield connection
            self.holds.append(time.perf_counter() - started)
            if clock is not None and cpu_started is not None:
                self.cpu_holds.append(time.clock_gettime(clock) + time.thread_time() - cpu_started)

        database.transaction = timed  # type: ignore[method-assign]


async def reader(database: Database, stop: asyncio.Event, waits: list[float]) -> None:
    """Asks for the connection every few ms, as a command or a send would; notes how long each waited."""
    while not stop.is_set():
        asked = time.perf_counter()
        async with database.read() as connection:
            waits.append(time.perf_counter() - asked)
            await connection.fetch("SELECT 1")
        await asyncio.sleep(READER_PERIOD)


async def measure_memory(path: Path | str, count: int, chunk: int | None) -> float:
    """Peak bytes of the Python heap per subscription while the slot's subscriptions are read and recorded."""
    database = await Database.open(path)
    try:
        ledger = DeliveryLedger(database)
        if chunk is not None and hasattr(ledger, "record_chunk"):
            ledger.record_chunk = chunk
        tracemalloc.start()
        try:
            subscriptions = await SubscriptionRepository(database).deliverable_in("09:00", "UTC")
            await ledger.record_slot(
                the_slot(),
                subscriptions,
                available_brief_ids=BRIEFS,
                choose=contents_rule(max_briefs=2, when_nothing_new="skip"),
                now=SLOT_DAY,
            )
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        return peak / count
    finally:
        await database.close()


async def measure_ours(path: Path | str, count: int, chunk: int | None) -> dict[str, Any]:
    database = await Database.open(path)
    try:
        watched = Watched(database)
        ledger = DeliveryLedger(database)
        if chunk is not None and hasattr(ledger, "record_chunk"):
            ledger.record_chunk = chunk
        subscriptions = await SubscriptionRepository(database).deliverable_in("09:00", "UTC")
        assert len(subscriptions) == count
        stop, waits = asyncio.Event(), []
        watcher = asyncio.create_task(reader(database, stop, waits))
        await asyncio.sleep(READER_PERIOD)
        load = os.getloadavg()[0]
        started, cpu_started = time.perf_counter(), time.process_time()
        record = await ledger.record_slot(
            the_slot(),
            subscriptions,
            available_brief_ids=BRIEFS,
            choose=contents_rule(max_briefs=2, when_nothing_new="skip"),
            now=SLOT_DAY,
        )
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        stop.set()
        await watcher
        async with database.read() as connection:
            # Rows in either form where the ledger has two (migration 0022's view), else the one table.
            both = await connection.fetchval(
                "SELECT count(*) FROM sqlite_master WHERE name = 'ledger_rows'"
                if database.dialect == "sqlite"
                else "SELECT count(*) FROM pg_views WHERE viewname = 'ledger_rows'"
            )
            row = await connection.fetchrow(
                f"SELECT count(*) AS n FROM {'ledger_rows' if both else 'deliveries'}"  # noqa: S608
                " WHERE state = 'pending' AND brief_ids = ?",
                (json.dumps(BRIEFS[:2]),),
            )
        right = int(row["n"]) if row else 0
        # A dispatcher pass right after: the next 200 rows, round-robin by server, among every row just recorded
        # (the first pass also makes them full rows where recording left them compact; the others find them so).
        picks, pick_cpu = [], []
        for _ in range(DUE_PASSES):
            picked, cpu_picked = time.perf_counter(), time.process_time()
            taken = await ledger.due_in_turn(SLOT_DAY, limit=200)
            picks.append(time.perf_counter() - picked)
            pick_cpu.append(time.process_time() - cpu_picked)
        # The dispatcher's claims: each takes the next 200 channels in turn (leases), the next rows each time.
        claims: list[float] = []
        claimed_ok = True
        for _ in range(DUE_PASSES):
            picked = time.perf_counter()
            got = await ledger.claim_due(SLOT_DAY, owner="bench", lease_for=timedelta(seconds=30), limit=200)
            claims.append(time.perf_counter() - picked)
            claimed_ok = claimed_ok and len(got) == min(200, max(0, count - 200 * len(claims) + 200))
        return {
            "due_in_turn_ms": statistics.median(picks) * 1000,
            "due_in_turn_first_ms": picks[0] * 1000,
            "due_in_turn_cpu_ms": statistics.median(pick_cpu) * 1000,
            "claim_200_ms": statistics.median(claims) * 1000,
            "claim_200_max_ms": max(claims) * 1000,
            "due_in_turn_ok": len(taken) == min(200, count)
            and len({r.guild_id for r in taken}) == min(SERVERS, count)
            and claimed_ok,
            "seconds": elapsed,
            "cpu_seconds": cpu,  # of the whole process (every thread: aiosqlite's worker does SQLite's work)
            "load_average": load,
            "us_per_subscription": elapsed / count * 1e6,
            "longest_transaction_ms": max(watched.holds, default=0.0) * 1000,
            "longest_transaction_cpu_ms": max(watched.cpu_holds, default=0.0) * 1000,
            "median_transaction_ms": statistics.median(watched.holds or [0.0]) * 1000,
            "first_last_transactions_ms": [
                round(h * 1000, 1) for h in watched.holds[:3] + watched.holds[-3:]
            ],
            "transactions": len(watched.holds),
            "longest_reader_wait_ms": max(waits, default=0.0) * 1000,
            "ok": len(record.pending) == count and right == count,
        }
    finally:
        await database.close()


async def measure_floor(path: Path | str, count: int) -> dict[str, Any]:
    """The same rows, precomputed, written by one executemany in one transaction."""
    database = await Database.open(path)
    slot = the_slot()
    stamp = "2026-05-02T09:00:00.000000Z"
    rows = [
        (
            c,
            1 + c % SERVERS,
            "UTC",
            slot.key,
            stamp,
            f"t{c}",
            "pending",
            json.dumps(BRIEFS[:2]),
            stamp,
            stamp,
            stamp,
        )
        for c in _channels(count)
    ]
    try:
        started, cpu_started = time.perf_counter(), time.process_time()
        async with database.transaction() as connection:
            await connection.executemany(
                "INSERT INTO deliveries (channel_id, guild_id, timezone, slot_key, slot_at, nonce, state,"
                " brief_ids, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu_started}
    finally:
        await database.close()


class SqliteFiles:
    """Seeded SQLite files in `folder`, and fresh copies of them."""

    name = "SQLite"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def seed(self, count: int) -> None:
        await seed(self.folder / f"seed-{count}.sqlite3", count)

    async def copy(self, count: int, label: str) -> Path:
        copy = self.folder / f"{label}-{count}.sqlite3"
        for leftover in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
            leftover.unlink(missing_ok=True)
        # The seed was closed, so its WAL is checkpointed into it.
        copy.write_bytes((self.folder / f"seed-{count}.sqlite3").read_bytes())
        return copy

    async def discard(self, target: Path | str) -> None:
        await asyncio.to_thread(Path(target).unlink, missing_ok=True)


class PostgresDatabases:
    """Seeded databases on a throwaway PostgreSQL server, and fresh copies of them (CREATE DATABASE ...
    TEMPLATE)."""

    name = "PostgreSQL"

    def __init__(self, server: Any) -> None:
        self.server = server
        self._copies = 0

    async def _admin(self, statement: str) -> None:
        import asyncpg  # only with --postgresql

        connection = await asyncpg.connect(self.server.url())
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    async def seed(self, count: int) -> None:
        await self._admin(f"CREATE DATABASE seed_{count:d}")
        await seed(self.server.url(f"seed_{count:d}"), count)

    async def copy(self, count: int, label: str) -> str:
        self._copies += 1
        name = f"{label}_{count:d}_{self._copies:d}"
        await self._admin(f"CREATE DATABASE {name} TEMPLATE seed_{count:d} STRATEGY FILE_COPY")
        return str(self.server.url(name))

    async def discard(self, target: Path | str) -> None:
        await self._admin(f"DROP DATABASE IF EXISTS {str(target).rpartition('/')[2]} WITH (FORCE)")


@contextlib.contextmanager
def postgres_server() -> Any:
    """The tests' throwaway server (tests/postgres.py), with fsync and full-page writes back on."""
    from tests.postgres import PostgresServer, find_bindir, missing_reason

    reason = missing_reason()
    bindir = find_bindir()
    if reason is not None or bindir is None:
        raise SystemExit(f"--postgresql: {reason}")
    server = PostgresServer(bindir)
    server.start()
    try:
        store = PostgresDatabases(server)
        asyncio.run(store._admin("ALTER SYSTEM SET fsync = on"))
        asyncio.run(store._admin("ALTER SYSTEM SET full_page_writes = on"))
        asyncio.run(store._admin("SELECT pg_reload_conf()"))
        yield server
    finally:
        server.stop()


async def one_size(
    store: Any, count: int, chunk: int | None, floor: bool, repeat: int = 1, memory: bool = False
) -> list[dict[str, Any]]:
    """`repeat` measurements of `count` subscriptions, each on a fresh copy of one seeded database: ours,
    then (with `floor`) the bare insert right after it, so the load of the moment falls on both; then (with
    `memory`) the memory per subscription, on another copy."""
    await store.seed(count)
    results = []
    for _ in range(repeat):
        result: dict[str, Any] = {"subscriptions": count, "backend": store.name}
        ours = await store.copy(count, "ours")
        result["ours"] = await measure_ours(ours, count, chunk)
        await store.discard(ours)
        if floor:
            bare = await store.copy(count, "floor")
            result["floor"] = await measure_floor(bare, count)
            await store.discard(bare)
            result["ours_over_floor"] = result["ours"]["seconds"] / result["floor"]["seconds"]
            result["ours_over_floor_cpu"] = result["ours"]["cpu_seconds"] / result["floor"]["cpu_seconds"]
        results.append(result)
    if memory:
        traced = await store.copy(count, "memory")
        results[-1]["bytes_per_subscription"] = await measure_memory(traced, count, chunk)
        await store.discard(traced)
    return results


def run_against(
    revision: str, sizes: Sequence[int], chunk: int | None, repeat: int = 1
) -> list[dict[str, Any]]:
    """This benchmark, run on revision's `bot` package in a subprocess."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", revision, "bot"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory(prefix="record-against-") as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            "--sizes",
            ",".join(map(str, sizes)),
            "--repeat",
            str(repeat),
        ]
        if chunk is not None:
            command += ["--chunk", str(chunk)]
        env = {**os.environ, "PYTHONPATH": folder}
        done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
        return list(json.loads(done.stdout.strip().splitlines()[-1]))


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _line(label: str, figures: dict[str, Any]) -> str:
    ours = figures["ours"]
    label = f"{label} {figures['backend'][:6]}" if "backend" in figures else label
    text = (
        f"{label:>15} {figures['subscriptions']:>8,}: {ours['seconds']:7.3f} s, cpu {ours.get('cpu_seconds', 0.0):6.3f} s"
        f" at load {ours.get('load_average', 0.0):5.2f}"
        f" ({ours['us_per_subscription']:6.1f} us/sub), longest transaction {ours['longest_transaction_ms']:7.1f} ms"
        f" (median {ours['median_transaction_ms']:.1f} of {ours['transactions']}), longest reader wait {ours['longest_reader_wait_ms']:7.1f} ms"
    )
    if ours.get("longest_transaction_cpu_ms"):
        text += f", longest transaction in cpu {ours['longest_transaction_cpu_ms']:.1f} ms"
    if "floor" in figures:
        text += (
            f"; bare insert {figures['floor']['seconds']:.3f} s (cpu {figures['floor']['cpu_seconds']:.3f} s),"
            f" ours/bare {figures['ours_over_floor']:.2f} (cpu {figures.get('ours_over_floor_cpu', 0.0):.2f})"
        )
    if "due_in_turn_ms" in ours:
        text += f"; next 200 due in turn {ours['due_in_turn_ms']:.1f} ms (cpu {ours.get('due_in_turn_cpu_ms', 0.0):.1f} ms)"
        text += f", first {ours.get('due_in_turn_first_ms', 0.0):.1f} ms"
        text += f"; claims of 200 {ours.get('claim_200_ms', 0.0):.1f} ms (max {ours.get('claim_200_max_ms', 0.0):.1f})"
    if "bytes_per_subscription" in figures:
        text += f"; memory {figures['bytes_per_subscription']:,.0f} bytes a subscription (Python heap peak)"
    return text + ("" if ours["ok"] and ours.get("due_in_turn_ok", True) else "  CHECK FAILED")


async def _measure_all(
    sizes: Sequence[int], chunk: int | None, floor: bool, repeat: int = 1, memory: bool = False
) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="record-bench-") as folder:
        store = SqliteFiles(Path(folder))
        return [
            figures
            for count in sizes
            for figures in await one_size(store, count, chunk, floor, repeat, memory)
        ]


async def _measure_postgresql(
    server: Any, sizes: Sequence[int], chunk: int | None, repeat: int
) -> list[dict[str, Any]]:
    store = PostgresDatabases(server)
    return [
        figures
        for count in sizes
        for figures in await one_size(store, count, chunk, floor=True, repeat=repeat, memory=True)
    ]


def _summary(figures: Sequence[dict[str, Any]]) -> list[str]:
    """Per size measured more than once: the median and the best of ours, of the bare insert, and of
    their ratio within each run."""
    lines = []
    for backend, count in dict.fromkeys((f.get("backend", ""), f["subscriptions"]) for f in figures):
        runs = [f for f in figures if f["subscriptions"] == count and f.get("backend", "") == backend]
        if len(runs) < 2:
            continue
        ours = [f["ours"]["seconds"] for f in runs]
        holds = [f["ours"]["longest_transaction_ms"] for f in runs]
        cpu = [f["ours"]["cpu_seconds"] for f in runs]
        text = (
            f"  median {backend[:6]} {count:>8,}: {statistics.median(ours):7.3f} s (best {min(ours):.3f} s, cpu median"
            f" {statistics.median(cpu):.3f} s) over {len(runs)} runs,"
            f" longest transaction median {statistics.median(holds):.1f} ms (worst {max(holds):.1f} ms)"
        )
        if all("floor" in f for f in runs):
            bare = [f["floor"]["seconds"] for f in runs]
            ratios = [f["ours_over_floor"] for f in runs]
            cpu_ratios = [f["ours_over_floor_cpu"] for f in runs]
            text += (
                f"; bare insert median {statistics.median(bare):.3f} s (best {min(bare):.3f} s),"
                f" ours/bare median {statistics.median(ratios):.2f} (best {min(ratios):.2f}),"
                f" in cpu median {statistics.median(cpu_ratios):.2f} (best {min(cpu_ratios):.2f})"
            )
        lines.append(text)
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=_sizes, default=[1_000, 10_000, 100_000])
    parser.add_argument(
        "--chunk", type=int, default=None, help="subscriptions per transaction (default: the bot's)"
    )
    parser.add_argument("--against", default=None, help="also measure this git revision's code")
    parser.add_argument("--against-sizes", type=_sizes, default=[1_000, 10_000])
    parser.add_argument(
        "--repeat", type=int, default=1, help="measure each size this many times (median and best shown)"
    )
    parser.add_argument(
        "--postgresql",
        action="store_true",
        help="also measure on a throwaway PostgreSQL 15 server (as the tests start theirs)",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(asyncio.run(_measure_all(args.sizes, args.chunk, floor=False, repeat=args.repeat))))
        return 0
    print(f"recording one slot; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    ours = asyncio.run(_measure_all(args.sizes, args.chunk, floor=True, repeat=args.repeat, memory=True))
    if args.postgresql:
        with postgres_server() as server:
            ours += asyncio.run(_measure_postgresql(server, args.sizes, args.chunk, args.repeat))
    for figures in ours:
        print(_line("ours", figures))
    for line in _summary(ours):
        print(line)
    for figures in ours:
        if figures["subscriptions"] >= 100_000 and "bytes_per_subscription" in figures:
            goal = 5.0 if figures["backend"] == "PostgreSQL" else 2.0
            seconds = figures["ours"]["seconds"]
            print(
                f"goal {figures['backend']}: {figures['subscriptions']:,} recorded in {seconds:.2f} s"
                f" (goal <= {goal:.0f} s: {'met' if seconds <= goal else 'NOT met'};"
                f" cpu {figures['ours']['cpu_seconds']:.2f} s of this process"
                + (", the server's own not counted)" if figures["backend"] == "PostgreSQL" else ")")
            )
    against: list[dict[str, Any]] = []
    if args.against:
        against = run_against(args.against, args.against_sizes, args.chunk, args.repeat)
        for figures in against:
            print(_line(args.against[:8], figures))
        for count in dict.fromkeys(f["subscriptions"] for f in against):
            theirs = [f["ours"]["seconds"] for f in against if f["subscriptions"] == count]
            mine = [
                f["ours"]["seconds"]
                for f in ours
                if f["subscriptions"] == count and f.get("backend") == "SQLite"
            ]
            if mine:
                speedup = statistics.median(theirs) / statistics.median(mine)
                print(f"{'':>8} {count:>8,}: {args.against[:8]} / ours = {speedup:.2f} (medians)")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    print(json.dumps({"ours": ours, "against": args.against, "against_figures": against}))
    return 0 if all(f["ours"]["ok"] and f["ours"]["due_in_turn_ok"] for f in ours) else 2


if __name__ == "__main__":
    sys.exit(main())
