"""One slot through several ``briefbot run`` processes on one PostgreSQL, one killed every minute.

The cluster side:

1. a throwaway PostgreSQL 15 server (``tests/postgres.py``: as the ``postgres`` user, a temporary folder, a
   free port) with a fresh, migrated database;
2. a Discord stand-in in a process of its own (as ``bench/fanout.py`` has it, so that a stall of the
   benchmark cannot make it count requests late), enforcing Discord's 50 requests/s per token (one
   global limit over every connection) and 5 messages per 5 s per channel, 20-50 ms of latency per request,
   and answering ``--fail-fraction`` (3%) of message creates 502 after the message was stored (Cloudflare's
   page: discord.py retries it, with the same nonce);
3. ``--channels`` (20,000) channels subscribed ten minutes ago to a daily slot three minutes ago, so that
   every process's start-up catch-up records the slot (the first one records it, the others find it
   recorded) and the fan-out starts at once;
4. ``--processes`` (3) ``python -m bot run`` processes (what ``briefbot run`` runs), configured by their
   environment only (``DATABASE_URL``, ``DELIVERY_RATE_PER_SECOND`` 45; ``DIGEST_LEASE`` their default of
   30 s unless ``--lease`` sets it: a killed process's rows are taken over once its heartbeat has been
   silent for 15 s, before their leases expire),
   each on a port of the stand-in of its own so that every request says whose it was;
5. every ``--kill-every`` (60) seconds from the first message create, one process (in turn) is SIGKILLed
   and at once started again: the rows it had claimed wait for their leases to lapse and are sent by
   another process, with the same nonce;
6. the run ends when every channel has its message and the ledger has nothing pending, held or leased;
   then every process gets SIGTERM and must exit 0.

Then the same slot (``--sqlite-channels``, default the same) through one process on a SQLite file, with the
same stand-in settings and no kills, for comparison (``--skip-sqlite`` leaves it out).

Printed for each side, from the stand-in's recordings: requests per second to the global bucket between
the first and the last message create, as a fraction of 50 and of DELIVERY_RATE_PER_SECOND (goal >= 0.95 of
the configured rate); the busiest second (the most requests arriving within any 1 s, and the most the
limiter's fixed windows counted; goal <= 50, retries included); global 429s (goal 0); duplicates (channels
with more than one message, plus nonces stored twice) and losses (channels with none) (goal 0 and 0); and for
each kill the rows the killed process held (its leases, read from the database right after the kill), how
many were sent again, and the time from the kill to the first resend (goal <= 30 s) and to the last. The
last line of output is every figure as one JSON object.

Where requests arrived is also measured apart from the stand-in (``bench/_wire.py``, root on Linux; off
with ``--no-wire``): the kernel's time of each request's first bytes on the loopback, read from a packet
socket. The stand-in stamps a request when its handler starts, on its own loop, which a busy machine holds
up and which then stamps the requests queued meanwhile together. The busiest second is judged by the
kernel's times when they were measured; the stand-in's figure is printed beside it, with how late it
stamped requests after their bytes arrived (``standin_stamped_after_the_wire``).

    python bench/cluster.py [--channels 20000] [--processes 3] [--kill-every 60] [--fail-fraction 0.03]
                            [--sqlite-channels N] [--skip-sqlite] [--rate 45] [--lease 30s] [--strict]
    python bench/cluster.py --channels 2000 --kill-every 15 --sqlite-channels 2000   # a quick look, ~3 min

The bots run from a copy of bot/, briefs/ and seeds/ taken at the start (edits to the tree during a run
do not reach the processes restarted in it). Exit status: 0 whatever the figures (1 with ``--strict`` when a
goal is missed); 2 when something broke (a process exiting on its own, the run not finishing).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench._bot_process import start_bot_process  # noqa: E402
from bench._standin_process import (  # noqa: E402
    Served,
    StandInProcess,
    _GlobalChecks,
    _write,
    serve_commands,
)
from bench._wire import Wire, start_wire  # noqa: E402
from bench.crash_trials import code_env, probe_snapshot, snapshot_code  # noqa: E402
from bench.fanout import peak_global_window, spacing  # noqa: E402

GLOBAL_LIMIT = 50
CHANNEL_LIMIT = (5, 5.0)
MESSAGES = "POST /channels/{channel_id}/messages"
MESSAGE_ROUTE = "/channels/{channel_id}/messages"
EXEMPT_FROM_GLOBAL = ("/interactions/", "/webhooks/")
TOKEN = "bench.cluster-token.not-secret"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
DEPARTURE_KINDS = ("woken_late", "prepared_too_late", "held_too_long", "connected_too_late")
DEPARTURES = re.compile(
    r"left at most (\d+) ms after their permits; permits replaced so far: (\d+) woken late, (\d+) prepared"
    r" too late, (\d+) held too long, (\d+) connected too late"
)
GOAL_FRACTION = 0.95
GOAL_RESEND_S = 30.0
DIGESTS_STARTED = "digests started; catch-up:"  # a bot's log line once it sends
SETTLED_POLL = 1.0
EXIT_TIMEOUT = 60.0  # seconds for a process to exit after SIGTERM  # seconds between looks at the ledger once every channel has its message


# ----- the stand-in's process ---------------------------------------------------------------------


async def _serve(config: dict[str, Any]) -> None:
    from tests.standin import DiscordStandIn

    standin = DiscordStandIn(
        latency=(config["latency"][0], config["latency"][1]),
        enforce_rate_limits=True,
        global_limit=config["global_limit"],
        channel_limit=CHANNEL_LIMIT,
    )
    if config["fail_fraction"] > 0:
        standin.fail_after_applying(
            MESSAGES, status=502, fraction=config["fail_fraction"], seed=config["seed"]
        )
    checks = _GlobalChecks(standin)

    async def listen_again(served: Served, command: dict[str, Any]) -> dict[str, Any]:
        return {"base_url": await standin.listen_again(), "port": standin.ports[-1]}

    async def progress(served: Served, command: dict[str, Any]) -> dict[str, Any]:
        counters = standin.counters
        return {
            "reached": sum(1 for c in served.channels if standin.messages.get(c)),
            "creates": sum(1 for r in standin.requests if r.route == MESSAGE_ROUTE),
            "global_429": counters["global_429"],
            "user_429": counters["user_429"],
            "now": standin.clock(),
        }

    async def stats(served: Served, command: dict[str, Any]) -> dict[str, Any]:
        return {
            # [method, route, status, arrival (stand-in clock), channel id or None, port, path]
            "requests": [
                [
                    r.method,
                    r.route,
                    r.status,
                    r.time,
                    int(r.path.split("/")[2]) if r.route == MESSAGE_ROUTE else None,
                    r.port,
                    r.path,
                ]
                for r in standin.requests
            ],
            "counts": [len(standin.messages.get(c, ())) for c in served.channels],
            "counters": dict(standin.counters),
            "violations": [str(v) for v in standin.violations[:20]],
            "violation_count": len(standin.violations),
            "global_checks": checks.checks,
            "global_rejections": checks.rejections,
            "stalls": served.watch.summary() if served.watch is not None else None,
        }

    await serve_commands(standin, {"listen_again": listen_again, "progress": progress, "stats": stats})


def serve_main(config_json: str) -> None:
    # A killed bot hangs up mid-request: aiohttp logs each as an error; they are expected here.
    logging.basicConfig(level=logging.CRITICAL)
    try:
        asyncio.run(_serve(json.loads(config_json)))
    except Exception as exc:
        _write({"error": repr(exc)})
        raise


async def start_standin(args: argparse.Namespace) -> StandInProcess:
    config = {
        "latency": [args.latency_min, args.latency_max],
        "global_limit": args.global_limit,
        "fail_fraction": args.fail_fraction,
        "seed": args.seed,
    }
    return await StandInProcess.launch(str(SCRIPT), "--serve-standin", json.dumps(config))


# ----- the database -------------------------------------------------------------------------------


async def seed(target: Path | str, guild_id: int, channels: list[int], now: datetime) -> str:
    """Subscribe `channels` ten minutes before `now` to a daily slot three minutes before it, as
    `SubscriptionRepository.subscribe` writes a new subscription (the same columns and values), in one
    transaction: one transaction each would take minutes for 20,000. Returns the schedule."""
    from bot.storage import Database
    from bot.storage._time import to_db

    schedule = f"{now - timedelta(minutes=3):%H:%M}"
    made = to_db(now - timedelta(minutes=10))
    database = await Database.open(target)
    try:
        async with database.transaction() as connection:
            await connection.executemany(
                "INSERT INTO subscriptions (channel_id, guild_id, schedule, timezone, source, created_at,"
                " updated_at, active, recorded_through, tags) VALUES (?, ?, ?, 'UTC', 'command', ?, ?, 1, ?, NULL)",
                [(channel, guild_id, schedule, made, made, made) for channel in channels],
            )
    finally:
        await database.close()
    return schedule


@dataclass
class LedgerState:
    pending: int = 0
    held: int = 0
    sent: int = 0
    dead: int = 0
    leased: int = 0

    @property
    def done(self) -> bool:
        return self.pending == 0 and self.held == 0 and self.leased == 0


async def ledger_state(database: Any) -> LedgerState:
    from bot.storage import DeliveryLedger

    ledger = DeliveryLedger(database)
    return LedgerState(
        pending=await ledger.count("pending"),
        held=await ledger.count("held"),
        sent=await ledger.count("sent"),
        dead=await ledger.count("dead"),
        leased=len(await ledger.leases.live()),
    )


# ----- the bots -----------------------------------------------------------------------------------


@dataclass
class Bot:
    name: str
    process: asyncio.subprocess.Process
    log: Path
    port: int
    started_at: float  # stand-in clock
    listening_since: float  # stand-in clock: when the stand-in began to listen on `port` for it
    cpu_s: float | None = None  # CPU seconds it used, read just before it was killed or stopped

    @property
    def alive(self) -> bool:
        return self.process.returncode is None

    def read_cpu(self) -> None:
        """Its user + system CPU seconds so far (Linux /proc; left None elsewhere)."""
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            self.cpu_s = round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)


class Bots:
    """Starts `python -m bot run` processes, each on a stand-in port of its own; none outlives the run."""

    def __init__(self, standin: StandInProcess, workdir: Path, env: dict[str, str]) -> None:
        self.standin = standin
        self.workdir = workdir
        self.env = env
        self.all: list[Bot] = []

    async def start(self) -> Bot:
        listening_since = self.standin.stand_in_time()
        listener = await self.standin.call("listen_again")
        name = f"bot-{len(self.all) + 1}"
        log = self.workdir / f"{name}.log"
        env = {**self.env, "DISCORD_API_BASE_URL": listener["base_url"]}
        process = await start_bot_process(self.workdir, env, log=log)
        bot = Bot(name, process, log, int(listener["port"]), self.standin.stand_in_time(), listening_since)
        self.all.append(bot)
        return bot

    def alive(self) -> list[Bot]:
        return [bot for bot in self.all if bot.alive]

    def exited_on_its_own(self, killed: set[str]) -> list[Bot]:
        return [bot for bot in self.all if not bot.alive and bot.name not in killed]

    async def stop(self) -> dict[str, int | None]:
        """SIGTERM to every live process; each one's exit status (None: still running a minute later)."""
        alive = self.alive()
        for bot in alive:
            bot.read_cpu()
            bot.process.send_signal(signal.SIGTERM)
        codes: dict[str, int | None] = {}
        for bot in alive:
            try:
                codes[bot.name] = await asyncio.wait_for(bot.process.wait(), EXIT_TIMEOUT)
            except TimeoutError:
                codes[bot.name] = None
        return codes

    async def kill_all(self) -> None:
        for bot in self.alive():
            with contextlib.suppress(ProcessLookupError):
                bot.process.kill()
            await bot.process.wait()

    def departures(self) -> dict[str, int]:
        """From the fan-out's progress lines: the latest a request left after its permit (ms), and the
        permits each process replaced (its last line's counts, summed over the processes)."""
        latest = 0
        replaced: Counter[str] = Counter()
        for bot in self.all:
            if not bot.log.exists():
                continue
            last: tuple[int, ...] | None = None
            for found in DEPARTURES.finditer(bot.log.read_text(errors="replace")):
                latest = max(latest, int(found[1]))
                last = tuple(int(found[index]) for index in range(2, 6))
            if last is not None:
                replaced.update(dict(zip(DEPARTURE_KINDS, last, strict=True)))
        return {"latest_departure_after_permit_ms": latest, **replaced}

    def scan_logs(self) -> tuple[int, Counter[str], list[str]]:
        """ERROR/CRITICAL/Traceback lines (and the first few of them), and WARNING lines by message
        (numbers blanked)."""
        errors = 0
        first: list[str] = []
        warnings: Counter[str] = Counter()
        for bot in self.all:
            if not bot.log.exists():
                continue
            for line in ANSI.sub("", bot.log.read_text(errors="replace")).splitlines():
                if "Traceback" in line or re.search(r"\s(ERROR|CRITICAL)\s", line):
                    errors += 1
                    if len(first) < 5:
                        first.append(f"{bot.name}: {line[:300]}")
                elif re.search(r"\sWARNING\s", line) and "voice will NOT be supported" not in line:
                    message = line.split(" WARNING ", 1)[-1].strip()
                    warnings[re.sub(r"\d+(\.\d+)?", "N", message)[:200]] += 1
        return errors, warnings, first


# ----- one side -----------------------------------------------------------------------------------


@dataclass
class Kill:
    bot: str
    at_s: float  # stand-in clock, seconds after the first message create
    rows_held: int  # its leases in the database right after the kill
    rows_resent: int = 0  # of those, channels sent to again after the kill
    first_resend_s: float | None = None  # seconds from the kill
    last_resend_s: float | None = None


@dataclass
class Side:
    name: str
    backend: str
    processes: int
    channels: int
    rate: float
    wall_s: float = 0.0
    window_s: float = 0.0
    message_creates: int = 0
    global_requests: int = 0
    requests_per_s: float = 0.0
    fraction_of_50: float = 0.0
    fraction_of_rate: float = 0.0
    busiest_second: int = (
        0  # most arrivals within any 1 s (sliding), retries included; on the wire if measured
    )
    busiest_second_standin: int = 0  # the same, as the stand-in stamped arrivals (on its own loop)
    busiest_second_wire: int | None = None  # the same, by the kernel's time of each request's first bytes
    busiest_fixed_window: int = 0  # most the limiter's fixed 1 s windows counted
    global_429: int = 0
    user_429: int = 0
    duplicates: int = 0
    dup_channels: int = 0
    dup_nonces: int = 0
    losses: int = 0
    stored_then_502: int = 0
    nonce_replays: int = 0
    violations: int = 0
    kills: list[Kill] = field(default_factory=list)
    sends_by_process: dict[str, int] = field(default_factory=dict)
    ledger: dict[str, int] = field(default_factory=dict)
    exit_codes: dict[str, int | None] = field(default_factory=dict)
    log_errors: int = 0
    log_error_lines: list[str] = field(default_factory=list)
    log_warnings: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    notes: dict[str, Any] = field(default_factory=dict)


API_PREFIX = "/api/v10"


def _quantiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {}

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)

    return {"p50_ms": at(0.5), "p99_ms": at(0.99), "max_ms": round(ordered[-1] * 1000, 1)}


MESSAGE_PATH = re.compile(r"/channels/\d+/messages")


def measure_wire(
    side: Side, stats: dict[str, Any], wire: list[list[Any]], ports: dict[int, float], to_standin: float
) -> None:
    """The busiest second by the kernel's arrival times (`wire`: [monotonic, port, method, path]) between
    the first and the last message create's, and how late the stand-in stamped each request after its bytes
    arrived (matched by port, method and path, in order).

    `ports`: each bot's stand-in port and when (stand-in clock) it was handed that port. The capture sees
    every process on this machine's loopback: before the stand-in listened on a port, another program (a
    test suite's stand-in) may have used the same number; its requests are not this run's."""
    arrivals: dict[tuple[int, str, str], list[float]] = {}
    global_bucket: list[float] = []
    creates: list[float] = []
    for at, port, method, raw_path in sorted(wire):
        path = raw_path.split("?", 1)[0]
        if port not in ports or not path.startswith(API_PREFIX + "/"):
            continue
        path = path[len(API_PREFIX) :]
        stamp = at + to_standin
        if stamp < ports[port]:
            continue  # the port number was another program's then
        arrivals.setdefault((port, method, path), []).append(stamp)
        if not path.startswith(EXEMPT_FROM_GLOBAL):
            global_bucket.append(stamp)
        if method == "POST" and MESSAGE_PATH.fullmatch(path):
            creates.append(stamp)
    if not creates:
        return
    counted = [t for t in global_bucket if creates[0] <= t <= creates[-1]]
    spaced = spacing(counted)
    side.busiest_second_wire = int(spaced.get("max_arrivals_in_any_1s", 0))
    side.notes["wire_spacing"] = {**spaced, "requests": len(counted)}
    late: list[float] = []
    unmatched = 0
    taken: Counter[tuple[int, str, str]] = Counter()
    for r in stats["requests"]:
        key = (r[5], r[0], r[6])
        times = arrivals.get(key, [])
        if taken[key] < len(times):
            late.append(r[3] - times[taken[key]])
            taken[key] += 1
        else:
            unmatched += 1
    side.notes["standin_stamped_after_the_wire"] = {**_quantiles(late), "unmatched": unmatched}


def measure(
    side: Side, stats: dict[str, Any], bots: Bots, kill_times: list[tuple[Kill, float, set[int]]]
) -> None:
    requests = stats["requests"]
    creates = [r for r in requests if r[0] == "POST" and r[1] == MESSAGE_ROUTE]
    side.message_creates = len(creates)
    counters = Counter(stats["counters"])
    if creates:
        first = min(r[3] for r in creates)
        last = max(r[3] for r in creates)
        side.window_s = round(last - first, 2)
        in_window = sorted(
            r[3]
            for r in requests
            if first <= r[3] <= last and not (r[1] or "").startswith(EXEMPT_FROM_GLOBAL)
        )
        side.global_requests = len(in_window)
        if last > first:
            side.requests_per_s = round((len(in_window) - 1) / (last - first), 2)
        side.fraction_of_50 = round(side.requests_per_s / GLOBAL_LIMIT, 4)
        side.fraction_of_rate = round(side.requests_per_s / side.rate, 4)
        spaced = spacing(in_window)
        side.busiest_second = side.busiest_second_standin = int(spaced.get("max_arrivals_in_any_1s", 0))
        side.notes["spacing"] = spaced
        for kill, at, held in kill_times:
            kill.at_s = round(at - first, 1)
            resends = sorted((r[3], r[4]) for r in creates if r[3] > at and r[4] in held)
            kill.rows_resent = len({channel for _, channel in resends})
            if resends:
                kill.first_resend_s = round(resends[0][0] - at, 2)
                kill.last_resend_s = round(resends[-1][0] - at, 2)
    side.busiest_fixed_window = peak_global_window(stats["global_checks"])
    counts: list[int] = stats["counts"]
    side.dup_channels = sum(1 for n in counts if n > 1)
    side.dup_nonces = counters["duplicates"]
    side.duplicates = side.dup_channels + side.dup_nonces
    side.losses = sum(1 for n in counts if n == 0)
    side.global_429 = counters["global_429"]
    side.user_429 = counters["user_429"]
    side.stored_then_502 = counters["applied_then_failed"]
    side.nonce_replays = counters["nonce_replays"]
    side.violations = stats["violation_count"]
    if stats["violations"]:
        side.notes["violations"] = stats["violations"]
    # What the requests to the global bucket were, besides the message creates (start-ups, history reads).
    side.notes["requests_by_route"] = dict(
        Counter(
            f"{r[0]} {r[1]}" for r in requests if not (r[1] or "").startswith(EXEMPT_FROM_GLOBAL)
        ).most_common(8)
    )
    by_port = Counter(r[5] for r in creates)
    side.sends_by_process = {bot.name: by_port.get(bot.port, 0) for bot in bots.all}
    # What a send costs the bots: their CPU seconds per 1,000 message creates (start-up included).
    cpu = [bot.cpu_s for bot in bots.all if bot.cpu_s is not None]
    if cpu and creates:
        side.notes["bots_cpu_s"] = {bot.name: bot.cpu_s for bot in bots.all}
        side.notes["bots_cpu_s_per_1000_creates"] = round(sum(cpu) / len(creates) * 1000, 2)
    if stats.get("stalls"):
        side.notes["standin_stalls"] = {
            k: v for k, v in stats["stalls"].items() if k not in ("long_lags", "lags")
        }


async def run_side(
    args: argparse.Namespace, root: Path, code: Path, *, backend: str, channels_n: int
) -> Side:
    from bot.process_identity import ProcessIdentity
    from bot.storage import Database, DeliveryLedger
    from tests.e2e.test_process import run_env
    from tests.postgres import PostgresServer, find_bindir, missing_reason

    processes = args.processes if backend == "postgresql" else 1
    side = Side(
        name="cluster" if backend == "postgresql" else "one SQLite process",
        backend=backend,
        processes=processes,
        channels=channels_n,
        rate=args.rate,
    )
    workdir = root / backend
    workdir.mkdir()
    server: PostgresServer | None = None
    standin = await start_standin(args)
    wire: Wire | None = await start_wire(workdir / "wire.json") if not args.no_wire else None
    bots: Bots | None = None
    reader: Database | None = None
    kills: list[tuple[Kill, float, set[int]]] = []
    killed: set[str] = set()
    began = time.perf_counter()
    try:
        channels: list[int] = (await standin.call("register_channels", n=channels_n))["ids"]
        if backend == "postgresql":
            reason = missing_reason()
            if reason is not None:
                raise RuntimeError(reason)
            bindir = find_bindir()
            assert bindir is not None
            server = PostgresServer(bindir)
            server.start()
            target: Path | str = await server.fresh_database()
            database_env = {"DATABASE_URL": str(target)}
        else:
            target = workdir / "db.sqlite3"
            database_env = {"DATABASE_PATH": str(target)}
        seeded = time.perf_counter()
        schedule = await seed(target, standin.guild_id, channels, datetime.now(UTC))
        side.notes["seed_s"] = round(time.perf_counter() - seeded, 2)
        env = run_env(
            workdir,
            DISCORD_TOKEN=TOKEN,
            DELIVERY_RATE_PER_SECOND=f"{args.rate:g}",
            LOG_LEVEL="INFO",
            **code_env(code),
        )
        env.pop("DATABASE_PATH", None)
        if args.lease is not None:
            env["DIGEST_LEASE"] = args.lease
        env.update(database_env)
        side.notes["standin_nice"] = (await standin.call("freeze")).get("nice")
        bots = Bots(standin, workdir, env)
        print(
            f"[{side.name}] {channels_n} channels subscribed to {schedule} UTC; starting {processes}"
            f" process(es) on {backend}",
            flush=True,
        )
        for _ in range(processes):
            await bots.start()
        reader = await Database.open(target)
        ledger = DeliveryLedger(reader)
        first_create: float | None = None
        next_kill: float | None = None
        next_report = time.perf_counter() + 10
        deadline = time.perf_counter() + args.timeout
        while True:
            await asyncio.sleep(0.25)  # a benchmark's look at the clock and the stand-in
            if time.perf_counter() > deadline:
                raise RuntimeError(f"not finished within {args.timeout:g}s")
            gone = bots.exited_on_its_own(killed)
            if gone:
                raise RuntimeError(
                    f"{gone[0].name} exited with {gone[0].process.returncode}: see {gone[0].log}"
                )
            state = await standin.call("progress")
            if first_create is None and state["creates"]:
                first_create = time.perf_counter()
                if backend == "postgresql" and args.kill_every > 0:
                    next_kill = first_create + args.kill_every
            if time.perf_counter() >= next_report:
                next_report += 10
                print(
                    f"  [{side.name}] {time.perf_counter() - began:6.1f}s  {state['reached']}/{channels_n}"
                    f" channels have a message; 429s global={state['global_429']} user={state['user_429']}",
                    flush=True,
                )
            if state["reached"] == channels_n:
                if (await ledger_state(reader)).done:
                    break
                await asyncio.sleep(SETTLED_POLL)
                continue
            ready = [bot for bot in bots.alive() if DIGESTS_STARTED in bot.log.read_text(errors="replace")]
            if next_kill is not None and time.perf_counter() >= next_kill and ready:
                next_kill += args.kill_every
                victim = ready[0]  # the oldest that is sending: each process in turn
                victim.read_cpu()
                victim.process.kill()  # SIGKILL: none of its clean-up runs
                at = standin.stand_in_time()
                await victim.process.wait()
                killed.add(victim.name)
                held = {
                    lease.channel_id
                    for lease in await ledger.leases.live()
                    if (identity := ProcessIdentity.parse(lease.owner)) is not None
                    and identity.pid == victim.process.pid
                }
                kill = Kill(victim.name, 0.0, len(held))
                kills.append((kill, at, held))
                replacement = await bots.start()
                print(
                    f"  [{side.name}] SIGKILLed {victim.name} holding {len(held)} row(s); started"
                    f" {replacement.name}",
                    flush=True,
                )
    except RuntimeError as exc:
        side.error = str(exc)
        print(f"[{side.name}] ERROR: {exc}", flush=True)
    try:
        side.wall_s = round(time.perf_counter() - began, 1)
        if reader is not None:
            side.ledger = asdict(await ledger_state(reader))
            await reader.close()
            reader = None
        if bots is not None:
            side.exit_codes = await bots.stop()
            stats = await standin.call("stats")
            measure(side, stats, bots, kills)
            if wire is not None:
                arrivals = await wire.stop()
                if arrivals is not None:
                    side.notes["wire_capture"] = wire.summary
                    ports = {bot.port: bot.listening_since for bot in bots.all}
                    measure_wire(side, stats, arrivals, ports, standin.clock_offset)
                    # Judged where the requests really arrived: the stand-in's own stamps come from its
                    # loop, which may hold them back and stamp them together.
                    if side.busiest_second_wire is not None:
                        side.busiest_second = side.busiest_second_wire
                else:
                    side.notes["wire"] = wire.why_not
                wire = None
            if args.dump_stats:
                bots_started = [[bot.name, bot.port, bot.started_at] for bot in bots.all]
                kills_at = [[kill.bot, at] for kill, at, _ in kills]
                dump = {**stats, "bots": bots_started, "kills": kills_at}
                await asyncio.to_thread(
                    Path(f"{args.dump_stats}.{backend}.json").write_text, json.dumps(dump)
                )
        side.kills = [kill for kill, _, _ in kills]
    finally:
        if wire is not None:
            side.notes["wire"] = wire.why_not or "not measured"
            await wire.stop()
        if reader is not None:
            await reader.close()
        if bots is not None:
            await bots.kill_all()
            errors, warnings, first = bots.scan_logs()
            side.notes["bots_departures"] = bots.departures()
            side.log_errors, side.log_warnings, side.log_error_lines = (
                errors,
                dict(warnings.most_common(12)),
                first,
            )
            if args.keep_logs:
                kept = Path(args.keep_logs) / backend
                shutil.rmtree(kept, ignore_errors=True)
                kept.mkdir(parents=True, exist_ok=True)
                for bot in bots.all:
                    if bot.log.exists():
                        shutil.copy(bot.log, kept / bot.log.name)
        await standin.stop()
        if server is not None:
            server.stop()
    return side


# ----- the report ---------------------------------------------------------------------------------

ROWS = [
    ("processes", "processes"),
    ("channels", "channels"),
    ("wall time (s)", "wall_s"),
    ("first to last message create (s)", "window_s"),
    ("requests/s to the global bucket", "requests_per_s"),
    ("  as a fraction of 50", "fraction_of_50"),
    ("  as a fraction of DELIVERY_RATE_PER_SECOND", "fraction_of_rate"),
    ("busiest second, any 1 s (attempts)", "busiest_second"),
    ("  by the kernel's arrival times", "busiest_second_wire"),
    ("  by the stand-in's stamps", "busiest_second_standin"),
    ("busiest fixed 1 s window (limiter)", "busiest_fixed_window"),
    ("429 global", "global_429"),
    ("429 user (route)", "user_429"),
    ("duplicates", "duplicates"),
    ("  channels with >1 message", "dup_channels"),
    ("  nonces stored twice", "dup_nonces"),
    ("losses (channels with none)", "losses"),
    ("stored, then answered 502", "stored_then_502"),
    ("resends answered by their nonce", "nonce_replays"),
    ("stand-in violations", "violations"),
    ("ERROR lines in the bots' logs", "log_errors"),
]


def table(sides: list[Side]) -> str:
    width = max(len(label) for label, _ in ROWS) + 2
    lines = [" " * width + "".join(f"{s.name:>22}" for s in sides)]
    for label, attr in ROWS:
        lines.append(f"{label:<{width}}" + "".join(f"{getattr(s, attr)!s:>22}" for s in sides))
    return "\n".join(lines)


def goals(side: Side) -> dict[str, bool]:
    met = {
        f">= {GOAL_FRACTION} of DELIVERY_RATE_PER_SECOND": side.fraction_of_rate >= GOAL_FRACTION,
        "busiest second <= 50 attempts": side.busiest_second <= GLOBAL_LIMIT,
        "0 global 429s": side.global_429 == 0,
        "0 duplicates": side.duplicates == 0,
        "0 losses": side.losses == 0,
    }
    if side.kills:
        met[f"first resend <= {GOAL_RESEND_S:g} s after each kill"] = all(
            k.first_resend_s is not None and k.first_resend_s <= GOAL_RESEND_S
            for k in side.kills
            if k.rows_held
        )
        met["every row a killed process held sent again"] = all(
            k.rows_resent == k.rows_held for k in side.kills
        )
    return met


def report(side: Side) -> None:
    if side.kills:
        print(f"[{side.name}] kills (s after the first message create):")
        for kill in side.kills:
            print(
                f"  {kill.at_s:7.1f}s  {kill.bot}: {kill.rows_held} row(s) held, {kill.rows_resent} sent again;"
                f" first resend after {kill.first_resend_s}s, last after {kill.last_resend_s}s"
            )
    print(
        f"[{side.name}] sends by process: {side.sends_by_process}; exit codes after SIGTERM: {side.exit_codes}"
    )
    print(f"[{side.name}] ledger at the end: {side.ledger}; database seeded in {side.notes.get('seed_s')}s")
    for line in side.log_error_lines:
        print(f"[{side.name}] log error: {line}")
    for message, count in side.log_warnings.items():
        print(f"[{side.name}] bot WARNING x{count}: {message}")
    for name, ok in goals(side).items():
        print(f"[{side.name}] {'PASS' if ok else 'MISS'}  {name}")


async def main(args: argparse.Namespace) -> int:
    current = asyncio.current_task()
    assert current is not None
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, current.cancel)
    root = Path(tempfile.mkdtemp(prefix="briefbot-cluster-"))
    sides: list[Side] = []
    try:
        code = snapshot_code(root)
        print(f"code: {probe_snapshot(code)} (a copy taken at the start)", flush=True)
        print(
            f"cluster bench: {args.channels} channels, {args.processes} processes on PostgreSQL, one SIGKILLed"
            f" every {args.kill_every:g}s and restarted; stand-in {args.global_limit}/s per token,"
            f" {args.latency_min * 1000:g}-{args.latency_max * 1000:g} ms latency, {args.fail_fraction:.0%} of"
            f" sends answered 502 after being stored; DELIVERY_RATE_PER_SECOND={args.rate:g}"
            + f", DIGEST_LEASE={args.lease or 'the default (30s)'}",
            flush=True,
        )
        sides.append(await run_side(args, root, code, backend="postgresql", channels_n=args.channels))
        if not args.skip_sqlite:
            gc.collect()
            sides.append(
                await run_side(
                    args, root, code, backend="sqlite", channels_n=args.sqlite_channels or args.channels
                )
            )
    except asyncio.CancelledError:
        print("interrupted", flush=True)
        return 130
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print()
    print(table(sides))
    print()
    for side in sides:
        report(side)
    print(json.dumps({"bench": "cluster", "at": datetime.now(UTC).isoformat(timespec="seconds"),
                      "args": vars(args), "sides": [asdict(s) for s in sides]}))  # fmt: skip
    if any(s.error or any(c != 0 for c in s.exit_codes.values()) for s in sides):
        return 2
    if args.strict and not all(all(goals(s).values()) for s in sides):
        return 1
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--channels", type=int, default=20_000, help="channels in the slot (20000)")
    parser.add_argument("--processes", type=int, default=3, help="briefbot run processes on PostgreSQL (3)")
    parser.add_argument(
        "--kill-every", type=float, default=60.0, help="seconds between SIGKILLs (60; 0: none)"
    )
    parser.add_argument("--fail-fraction", type=float, default=0.03, help="sends stored, then 502 (0.03)")
    parser.add_argument("--rate", type=float, default=45.0, help="DELIVERY_RATE_PER_SECOND (45)")
    parser.add_argument("--lease", default=None, help="DIGEST_LEASE for the bots (default: theirs, 30s)")
    parser.add_argument("--global-limit", type=int, default=GLOBAL_LIMIT, help="stand-in's limit/s (50)")
    parser.add_argument("--latency-min", type=float, default=0.02, help="seconds (0.02)")
    parser.add_argument("--latency-max", type=float, default=0.05, help="seconds (0.05)")
    parser.add_argument("--sqlite-channels", type=int, default=None, help="channels of the SQLite run")
    parser.add_argument("--skip-sqlite", action="store_true", help="no SQLite run for comparison")
    parser.add_argument("--seed", type=int, default=1, help="seed of the stand-in's 502s (1)")
    parser.add_argument("--timeout", type=float, default=None, help="seconds per side (default: from size)")
    parser.add_argument("--keep-logs", default=None, help="copy the bots' logs into this folder")
    parser.add_argument(
        "--dump-stats", default=None, help="write the stand-in's raw recordings to PREFIX.<backend>.json"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument(
        "--no-wire", action="store_true", help="no packet capture of arrivals (it needs root on Linux)"
    )
    args = parser.parse_args(argv)
    if args.timeout is None:
        args.timeout = 300 + 3 * max(args.channels, args.sqlite_channels or 0) / args.rate
    return args


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve-standin":
        serve_main(sys.argv[2])
    else:
        sys.exit(asyncio.run(main(parse_args())))
