"""Digest fan-out under Discord's limits: Briefbot next to a bare ``asyncio.gather`` of ``channel.send``.

Both sides post one message to each of ``--channels`` channels through the local Discord stand-in with
Discord's limits enforced (50 requests/s per bot token; 5 messages per 5 s per channel) and 20-50 ms of
latency per request. Each side gets a fresh stand-in in a process of its own (``bench/_standin_process.py``),
as Discord's limiter is not inside the bot's process: a stall of the side under test cannot make the
stand-in count correctly spaced requests late, bunched into one window.

* ours: the real Briefbot, built as ``tests.e2e.conftest.running_bot`` builds it (real SQLite file, real
  scheduler and dispatcher), with the channels subscribed in its database beforehand (as ``/digest subscribe``
  would) for a daily ``09:00`` UTC slot; the slot is then fired through the injected clock and the
  scheduler's watchdog tick, as ``tests/e2e/test_digests.py`` does.
* bare: ``tests.standin.harness.BareBot`` (a plain discord.py client) sending ``"x"`` to every channel in one
  ``asyncio.gather(..., return_exceptions=True)``, capped at ``--baseline-timeout`` seconds.

Figures per side: requests per second to the global bucket between the first and the last message-create
request (stand-in arrival times) as a fraction of the global limit, messages created per second, 429s by
scope, duplicates (channels with more than one message, plus nonces the stand-in stored twice) and losses
(channels with no message at the end). Targets for ours: >= 0.88 of the limit, 0 global 429s, 0 duplicates,
0 losses. The notes say how evenly the requests arrived and how full the limiter's fixed windows got, and
record event-loop stalls and garbage-collector pauses in both processes. The last line of output is the
figures as one JSON object.

    python bench/fanout.py [--channels 5000] [--baseline-channels N] [--skip-baseline]
                           [--latency-min 0.02] [--latency-max 0.05] [--baseline-timeout 300] [--strict]

Exit status: 0 whatever the figures (1 with ``--strict`` when ours misses a target); 2 when something broke.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import discord  # noqa: E402

from bench._seed import seed_subscriptions  # noqa: E402
from bench._standin_process import StallWatch, StandInProcess, freeze_heap  # noqa: E402
from bot.app.client import point_at_api  # noqa: E402
from tests.e2e.conftest import bot_settings, running_bot  # noqa: E402
from tests.helpers import FakeClock  # noqa: E402
from tests.standin import DiscordStandIn  # noqa: E402
from tests.standin.harness import run_bare_bot  # noqa: E402

GLOBAL_LIMIT = 50
CHANNEL_LIMIT = (5, 5.0)
MESSAGE_ROUTE = "/channels/{channel_id}/messages"
EXEMPT_FROM_GLOBAL = ("/interactions/", "/webhooks/")  # the stand-in's (and Discord's) exempt routes

TARGET_FRACTION = 0.88

# The injected clock starts an hour before the slot so that the watchdog (every 30 s of real time) cannot
# reach the slot on its own while the bot starts; firing moves it just past the slot.
SCHEDULE = "09:00"
CLOCK_START = datetime(2026, 11, 26, 8, 0, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 26, 9, 0, 0, tzinfo=UTC)


class RunningClock(FakeClock):
    """The tests' FakeClock, but moving with real time as well as when told to ``advance``.

    With a clock that stands still, a row put back after a 429 (``next_attempt_at = now + retry_after``) would
    never come due again; here retries behave as they would in production.
    """

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self._origin = time.monotonic()

    def __call__(self) -> datetime:
        return self.now + timedelta(seconds=time.monotonic() - self._origin)


@dataclass
class Figures:
    side: str
    channels: int
    wall_s: float = 0.0  # from the start of the send (slot fired / gather started) to done or the cap
    first_create_s: float = 0.0  # from the start (slot fired / gather started) to the first message-create
    window_s: float = 0.0  # first to last message-create request, stand-in arrival times
    message_creates: int = 0  # POST .../messages requests, 429s included
    global_requests: int = 0  # requests counted by the global bucket within the window
    requests_per_s: float = 0.0
    fraction_of_limit: float = 0.0
    messages_created: int = 0
    messages_per_s: float = 0.0
    global_429: int = 0
    user_429: int = 0
    channel_429: int = 0
    dup_channels: int = 0  # channels with more than one message
    dup_nonces: int = 0  # stand-in counters["duplicates"]: a nonce stored twice
    duplicates: int = 0  # dup_channels + dup_nonces
    losses: int = 0  # channels with no message at the end
    nonce_replays: int = 0
    violations: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)  # message-create responses by status
    notes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Recorded:
    """One request as the stand-in recorded it (the fields the figures need)."""

    method: str
    route: str | None
    status: int
    time: float  # stand-in clock when the request arrived


def global_429_details(stats: dict[str, Any], first: float, arrivals: list[float]) -> list[dict[str, float]]:
    """For each global 429 (at most 10): when the limiter rejected it (s after the first create's arrival);
    how many requests the limiter had checked against the global bucket in the second before it; how many
    had arrived in that second; and the longest gap between arrivals in the 1.5 s before it (a long gap
    followed by a crowd is a burst: requests held back, then released together)."""
    checks = sorted(stats["global_checks"])
    details: list[dict[str, float]] = []
    for at in stats["global_rejections"][:10]:
        before = [t for t in arrivals if at - 1.5 < t <= at]
        details.append(
            {
                "at_s": round(at - first, 3),
                "requests_in_previous_second": sum(1 for t in checks if at - 1.0 < t <= at),
                "arrivals_in_previous_second": sum(1 for t in before if t > at - 1.0),
                "longest_gap_before_s": round(
                    max((b - a for a, b in itertools.pairwise(before)), default=0.0), 3
                ),
            }
        )
    return details


def peak_global_window(checks: list[float]) -> int:
    """The most requests one of the limiter's fixed 1 s windows saw, rejected ones included (a window opens
    at the first check after the previous one ended, as in ``tests/standin/ratelimit.py``)."""
    peak = count = 0
    started = float("-inf")
    for t in sorted(checks):
        if t >= started + 1.0:
            started, count = t, 0
        count += 1
        peak = max(peak, count)
    return peak


def spacing(arrivals: list[float]) -> dict[str, Any]:
    """How evenly requests to the global bucket arrived (times in s after the first): the most in any 1 s
    (sliding) and when that second ended, the longest gap and when it ended, and how many came less than
    5 ms after the previous one (at 45/s they are 22 ms apart)."""
    if len(arrivals) < 2:
        return {}
    first = arrivals[0]
    gaps = [(b - a, b) for a, b in itertools.pairwise(arrivals)]
    most, most_at, low = 0, first, 0
    for high, t in enumerate(arrivals):
        while arrivals[low] <= t - 1.0:
            low += 1
        if high - low + 1 > most:
            most, most_at = high - low + 1, t
    gap, gap_at = max(gaps)
    return {
        "max_arrivals_in_any_1s": most,
        "max_at_s": round(most_at - first, 2),
        "longest_gap_s": round(gap, 3),
        "longest_gap_at_s": round(gap_at - first, 2),
        "gaps_under_5ms": sum(1 for g, _ in gaps if g < 0.005),
    }


def first_create(stats: dict[str, Any]) -> float | None:
    return min((r[3] for r in stats["requests"] if r[0] == "POST" and r[1] == MESSAGE_ROUTE), default=None)


def stalls_from(
    summary: dict[str, Any] | None, to_standin: float, first: float | None
) -> dict[str, Any] | None:
    """A ``StallWatch`` summary with the long lags' times made s after the first create (``to_standin``:
    what to add to the watch's clock to get stand-in time)."""
    if summary is None:
        return None
    origin = first if first is not None else 0.0
    summary.pop("lags", None)  # every lag, for a closer look at the raw recordings only
    lags = [[round(at + to_standin - origin, 2), lag] for at, lag in summary.pop("long_lags", [])]
    return {**summary, "long_lags_at_s": lags[:10]}


def measure(
    side: str, stats: dict[str, Any], channels: list[int], wall_s: float, started_at: float
) -> Figures:
    """The figures of one side, from what its stand-in recorded (``stats`` from the stand-in process);
    ``started_at`` is stand-in time."""
    figures = Figures(side=side, channels=len(channels), wall_s=round(wall_s, 3))
    requests = [Recorded(*r) for r in stats["requests"]]
    creates = [r for r in requests if r.method == "POST" and r.route == MESSAGE_ROUTE]
    figures.message_creates = len(creates)
    figures.status_counts = {
        str(status): n for status, n in sorted(Counter(r.status for r in creates).items())
    }
    counters = Counter(stats["counters"])
    if creates:
        first = min(r.time for r in creates)
        last = max(r.time for r in creates)
        figures.window_s = round(last - first, 3)
        figures.first_create_s = round(first - started_at, 3)
        in_window = [
            r
            for r in requests
            if first <= r.time <= last and not (r.route or "").startswith(EXEMPT_FROM_GLOBAL)
        ]
        figures.global_requests = len(in_window)
        if last > first:
            # n requests evenly spaced 1/rate apart span (n - 1)/rate seconds.
            figures.requests_per_s = round((len(in_window) - 1) / (last - first), 2)
            ok = sum(1 for r in creates if 200 <= r.status < 300)
            figures.messages_per_s = round(max(ok - 1, 0) / (last - first), 2)
        figures.fraction_of_limit = round(figures.requests_per_s / GLOBAL_LIMIT, 4)
        arrivals = sorted(r.time for r in in_window)
        if counters["global_429"] and side == "ours":
            figures.notes["global_429s"] = global_429_details(stats, first, arrivals)
        if side == "ours":
            figures.notes["spacing"] = spacing(arrivals)
    counts: list[int] = stats["counts"]  # messages per channel, in the order of ``channels``
    figures.messages_created = sum(counts)
    figures.dup_channels = sum(1 for n in counts if n > 1)
    figures.dup_nonces = counters["duplicates"]
    figures.duplicates = figures.dup_channels + figures.dup_nonces
    figures.losses = sum(1 for n in counts if n == 0)
    figures.global_429 = counters["global_429"]
    figures.user_429 = counters["user_429"]
    figures.channel_429 = counters["channel_429"]
    figures.nonce_replays = counters["nonce_replays"]
    figures.violations = len(stats["violations"])
    figures.notes["peak_global_window"] = peak_global_window(stats["global_checks"])
    return figures


async def progress(standin: StandInProcess) -> dict[str, Any]:
    return await standin.call("progress")


def progress_line(side: str, started: float, state: dict[str, Any], total: int) -> str:
    return (
        f"  [{side}] {time.perf_counter() - started:6.1f}s  {state['reached']}/{total} channels have a message;"
        f" 429s global={state['global_429']} user={state['user_429']}"
    )


def as_standin(standin: StandInProcess) -> DiscordStandIn:
    """``bot_settings``, ``running_bot`` and ``run_bare_bot`` read only ``base_url``, ``gateway_url`` and
    ``guild_id`` of the stand-in, which the process handle has."""
    return cast(DiscordStandIn, standin)


async def start_standin(args: argparse.Namespace) -> StandInProcess:
    return await StandInProcess.start(
        latency=(args.latency_min, args.latency_max), global_limit=GLOBAL_LIMIT, channel_limit=CHANNEL_LIMIT
    )


def print_violations(stats: dict[str, Any]) -> None:
    for violation in stats["violations"][:5]:
        print(f"  violation: {violation}", flush=True)


async def run_ours(args: argparse.Namespace) -> Figures:
    n = args.channels
    latency = (args.latency_min, args.latency_max)
    print(f"ours: Briefbot, {n} channels, latency {latency[0] * 1000:g}-{latency[1] * 1000:g} ms", flush=True)
    with tempfile.TemporaryDirectory(prefix="briefbot-fanout-") as tmp:
        async with await start_standin(args) as standin:
            print(f"  stand-in: process {standin.pid}, {standin.base_url}", flush=True)
            channels: list[int] = (await standin.call("register_channels", n=n))["ids"]
            settings = bot_settings(as_standin(standin), Path(tmp), delivery_rate_per_second=args.rate)
            seeding = time.perf_counter()
            await seed_subscriptions(
                settings.database_path,
                standin.guild_id,
                channels,
                schedule=SCHEDULE,
                now=CLOCK_START - timedelta(minutes=1),
            )
            print(f"  subscribed {n} channels in {time.perf_counter() - seeding:.1f}s", flush=True)
            clock = RunningClock(CLOCK_START)
            try:
                async with running_bot(as_standin(standin), settings, clock) as bot:
                    if (await progress(standin))["messages"]:
                        raise RuntimeError("the bot posted before the slot was fired")
                    frozen = {"bot": freeze_heap(), "standin": (await standin.call("freeze"))["frozen"]}
                    started = time.perf_counter()
                    started_at = standin.stand_in_time()
                    with StallWatch() as watch:
                        clock.advance(seconds=(SLOT - clock()).total_seconds() + 1)
                        report = await bot.digests.scheduler.tick()
                        print(f"  slot fired: {len(report.pending)} deliveries recorded", flush=True)
                        deadline = started + (args.timeout or n / min(args.rate, GLOBAL_LIMIT) * 1.5 + 60)
                        next_print = started + args.progress
                        state = await progress(standin)
                        while state["reached"] < n and time.perf_counter() < deadline:
                            await asyncio.sleep(0.25)
                            state = await progress(standin)
                            if time.perf_counter() >= next_print:
                                print(progress_line("ours", started, state, n), flush=True)
                                next_print += args.progress
                    wall = time.perf_counter() - started
                    timed_out = state["reached"] < n
                    print(progress_line("ours", started, state, n), flush=True)
                    # Anything sent twice would show within a few more request rounds.
                    await asyncio.sleep(args.settle)
                    ledger = bot.digests.ledger
                    states = {s: await ledger.count(s) for s in ("pending", "sent", "dead", "cancelled")}
                    stats = bot.digests.dispatcher.stats
            finally:
                point_at_api(None, None)
            recorded = await standin.call("stats")
    figures = measure("ours", recorded, channels, wall, started_at)
    figures.notes.update(
        timed_out=timed_out,
        ledger=states,
        dispatcher=asdict(stats),
        rate_per_second=args.rate,
        stalls=stalls_from(watch.summary(), standin.clock_offset, first_create(recorded)),
        standin_stalls=stalls_from(recorded["stalls"], 0.0, first_create(recorded)),
        frozen_objects=frozen,
    )
    print_violations(recorded)
    return figures


async def run_bare(args: argparse.Namespace) -> Figures:
    n = args.baseline_channels or args.channels
    print(
        f"bare: asyncio.gather of channel.send over {n} channels (discord.py {discord.__version__}),"
        f" cap {args.baseline_timeout:g}s",
        flush=True,
    )
    async with await start_standin(args) as standin:
        print(f"  stand-in: process {standin.pid}, {standin.base_url}", flush=True)
        channels: list[int] = (await standin.call("register_channels", n=n))["ids"]
        async with run_bare_bot(as_standin(standin)) as bare:
            frozen = {"bot": freeze_heap(), "standin": (await standin.call("freeze"))["frozen"]}
            started = time.perf_counter()
            started_at = standin.stand_in_time()
            with StallWatch() as watch:
                tasks = [asyncio.ensure_future(bare.get_partial_messageable(c).send("x")) for c in channels]
                gathered = asyncio.gather(*tasks, return_exceptions=True)
                deadline = started + args.baseline_timeout
                while not gathered.done():
                    remaining = deadline - time.perf_counter()
                    if remaining <= 0:
                        break
                    await asyncio.wait({gathered}, timeout=min(args.progress, remaining))
                    if not gathered.done():
                        print(progress_line("bare", started, await progress(standin), n), flush=True)
            wall = time.perf_counter() - started
            capped = not gathered.done()
            if capped:
                gathered.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await gathered
            print(progress_line("bare", started, await progress(standin), n), flush=True)
            outcomes: Counter[str] = Counter()
            for task in tasks:
                if task.cancelled():
                    outcomes["unfinished at the cap"] += 1
                elif (error := task.exception()) is not None:
                    status = getattr(error, "status", None)
                    outcomes[f"{type(error).__name__}{f' {status}' if status else ''}"] += 1
                else:
                    outcomes["sent"] += 1
            await asyncio.sleep(args.settle)
        recorded = await standin.call("stats")
    figures = measure("bare", recorded, channels, wall, started_at)
    figures.notes.update(
        capped=capped,
        outcomes=dict(outcomes.most_common()),
        stalls=stalls_from(watch.summary(), standin.clock_offset, first_create(recorded)),
        standin_stalls=stalls_from(recorded["stalls"], 0.0, first_create(recorded)),
        frozen_objects=frozen,
    )
    print_violations(recorded)
    return figures


ROWS: list[tuple[str, str]] = [
    ("channels", "channels"),
    ("wall time, s", "wall_s"),
    ("start to first create, s", "first_create_s"),
    ("window (first..last create), s", "window_s"),
    ("message-create requests", "message_creates"),
    ("global-bucket requests in window", "global_requests"),
    ("requests/s", "requests_per_s"),
    (f"fraction of {GLOBAL_LIMIT}/s", "fraction_of_limit"),
    ("messages created", "messages_created"),
    ("messages/s", "messages_per_s"),
    ("429 global", "global_429"),
    ("429 user (route)", "user_429"),
    ("  of which per-channel", "channel_429"),
    ("duplicates", "duplicates"),
    ("  channels with >1 message", "dup_channels"),
    ("  nonces stored twice", "dup_nonces"),
    ("losses (channels with 0)", "losses"),
    ("nonce replays", "nonce_replays"),
    ("stand-in violations", "violations"),
]


def table(sides: list[Figures]) -> str:
    lines = [f"{'':34}" + "".join(f"{f.side:>14}" for f in sides)]
    for label, key in ROWS:
        lines.append(f"{label:34}" + "".join(f"{getattr(f, key)!s:>14}" for f in sides))
    for f in sides:
        lines.append(f"{f.side}: create statuses {f.status_counts}; {json.dumps(f.notes)}")
    return "\n".join(lines)


def targets(ours: Figures) -> dict[str, bool]:
    return {
        f"fraction of the global limit >= {TARGET_FRACTION}": ours.fraction_of_limit >= TARGET_FRACTION,
        "0 global 429s": ours.global_429 == 0,
        "0 duplicates": ours.duplicates == 0,
        "0 losses": ours.losses == 0,
    }


def describe_code() -> str:
    """The git state of the bot code this run imported (others may be editing the tree)."""
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    status = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "bot", "briefs", "seeds"],
        capture_output=True,
        text=True,
        check=False,
    )
    changed = [line[3:] for line in status.stdout.splitlines()]
    return f"git {head.stdout.strip() or '?'}" + (
        f" plus uncommitted changes to {', '.join(changed)}" if changed else ""
    )


async def main(args: argparse.Namespace, code: str) -> int:
    began = time.perf_counter()
    print(f"code: {code}", flush=True)
    ours = await run_ours(args)
    sides = [ours]
    if not args.skip_baseline:
        sides.append(await run_bare(args))
    print()
    print(table(sides))
    print()
    verdicts = targets(ours)
    for name, ok in verdicts.items():
        print(f"{'PASS' if ok else 'FAIL'}  ours: {name}")
    print(f"total time {time.perf_counter() - began:.0f}s")
    record = {
        "bench": "fanout",
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "args": vars(args),
        "global_limit": GLOBAL_LIMIT,
        "code": code,
        "targets": verdicts,
        **{f.side: asdict(f) for f in sides},
    }
    print(json.dumps(record, sort_keys=False))
    if ours.violations:
        return 2
    return 1 if args.strict and not all(verdicts.values()) else 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--channels", type=int, default=5000, help="channels for ours (default 5000)")
    parser.add_argument(
        "--baseline-channels",
        type=int,
        default=None,
        help="channels for the bare gather (default: --channels)",
    )
    parser.add_argument("--skip-baseline", action="store_true", help="run ours only")
    parser.add_argument("--latency-min", type=float, default=0.02, help="seconds (default 0.02)")
    parser.add_argument("--latency-max", type=float, default=0.05, help="seconds (default 0.05)")
    parser.add_argument(
        "--baseline-timeout", type=float, default=300.0, help="cap on the bare gather, s (default 300)"
    )
    parser.add_argument(
        "--rate", type=float, default=45.0, help="DELIVERY_RATE_PER_SECOND for ours (default 45, the default)"
    )
    parser.add_argument(
        "--timeout", type=float, default=None, help="cap on ours, s (default: 1.5x the paced time + 60)"
    )
    parser.add_argument("--progress", type=float, default=10.0, help="seconds between progress lines")
    parser.add_argument(
        "--settle",
        type=float,
        default=2.0,
        help="seconds to keep watching after the last channel got its message",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when ours misses a target")
    parser.add_argument("--verbose", action="store_true", help="INFO logs (and discord.py's 429 warnings)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    logging.basicConfig(
        level=logging.INFO if arguments.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not arguments.verbose:
        # One warning per 429 from discord.py (thousands in the bare run) would bury the figures.
        logging.getLogger("discord.http").setLevel(logging.ERROR)
        logging.getLogger("discord.client").setLevel(logging.ERROR)  # "PyNaCl is not installed, voice..."
    sys.exit(asyncio.run(main(arguments, describe_code())))
