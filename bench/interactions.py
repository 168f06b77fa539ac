"""Interaction latency: Briefbot next to a bare discord.py bot, through the local Discord stand-in.

Measures, per scenario, the time from the stand-in dispatching INTERACTION_CREATE to it receiving the
bot's callback (``Callback.elapsed``), p50 and p99 over ``--n`` interactions:

* ``/who name:bennett``      (a command answered with embeds built from the loaded briefs)
* ``/loans``                 (ditto, another domain query)
* ``/who name:`` autocomplete (``ben`` typed; answered with choices)

Each scenario is paired with its own baseline: the bare discord.py bot of ``tests.standin.harness``
answering ``/who name:bennett`` with a constant string. Both bots are connected to the same stand-in
at the same time and the runs alternate in blocks (ours, bare, bare, ours, ours, bare, ...), so drift
on a noisy machine (neighbours, CPU frequency) falls on both sides alike. Blocks of 50 (about 30 ms)
rather than strict one-by-one alternation: interleaving every interaction lets our bigger working set
evict the bare bot's from the CPU caches, which flatters the ratio by 0.05-0.1 (try ``--block 1``).

Interactions go one at a time by default (latency, not throughput), and after each callback the
benchmark waits until no discord.py command task is still running (the bot reading its callback's
response, ...), so no sample pays for the previous one's tail. Callbacks are exempt from Discord's
global rate limit, so the limits stay enforced; the stand-in validates every request against Discord's
OpenAPI description and the run reports any violation. The target is a p99 ratio ours / bare <= 1.2.

    python bench/interactions.py [--n 2000] [--warmup 100] [--concurrency 1] [--block 50] [--strict]

Exit status: 0 whatever the figures (1 with ``--strict`` when a scenario misses the target); 2 when
something broke (stand-in violations, a wrong or missing callback, tasks left behind).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import inspect
import logging
import platform
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot.app.client import Briefbot, point_at_api  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.standin import DiscordStandIn  # noqa: E402
from tests.standin.harness import FAKE_TOKEN, close_client, connect_client, run_bare_bot  # noqa: E402
from tests.standin.interactions import Interaction  # noqa: E402
from tests.standin.world import Application  # noqa: E402

BARE_TOKEN = "bare.bot.token"
TARGET_P99_RATIO = 1.2
INVOKER_TASK = "CommandTree-invoker"  # discord.py runs each command and autocomplete in a task so named
CALLBACK_TIMEOUT = 5.0  # seconds; Discord's own window is 3 s and the stand-in enforces it

Send = Callable[[DiscordStandIn, Application], Awaitable[Interaction]]
Check = Callable[[int, dict[str, Any] | None], str | None]


def _expect_message(kind: int, data: dict[str, Any] | None) -> str | None:
    if kind != 4:
        return f"callback type {kind}, expected 4 (CHANNEL_MESSAGE_WITH_SOURCE)"
    if not data or not (data.get("content") or data.get("embeds")):
        return "callback without content or embeds"
    return None


def _expect_choices(kind: int, data: dict[str, Any] | None) -> str | None:
    if kind != 8:
        return f"callback type {kind}, expected 8 (APPLICATION_COMMAND_AUTOCOMPLETE_RESULT)"
    if not data or not data.get("choices"):
        return "autocomplete answered without choices"
    return None


@dataclass(frozen=True)
class Scenario:
    label: str
    send: Send
    check: Check


SCENARIOS = (
    Scenario(
        "/who name:bennett",
        lambda s, app: s.invoke_command("who", {"name": "bennett"}, app=app),
        _expect_message,
    ),
    Scenario("/loans", lambda s, app: s.invoke_command("loans", app=app), _expect_message),
    Scenario(
        "/who name: autocomplete",
        lambda s, app: s.autocomplete("who", {"name": "ben"}, focused="name", app=app),
        _expect_choices,
    ),
)
BARE = Scenario(
    "bare /who (constant)",
    lambda s, app: s.invoke_command("who", {"name": "bennett"}, app=app),
    _expect_message,
)


@dataclass
class Samples:
    label: str
    seconds: list[float] = field(default_factory=list)

    def percentile(self, p: int) -> float:
        """Milliseconds at the ``p``-th percentile (linear interpolation between closest ranks)."""
        if len(self.seconds) == 1:
            return self.seconds[0] * 1000
        return statistics.quantiles(self.seconds, n=100, method="inclusive")[p - 1] * 1000


@dataclass
class Outcome:
    ours: Samples
    bare: Samples

    def ratio(self, p: int) -> float:
        return self.ours.percentile(p) / self.bare.percentile(p)


class Broken(Exception):
    """Something that makes the figures meaningless: a wrong or missing callback."""


def _handlers_running() -> bool:
    return any(task.get_name() == INVOKER_TASK and not task.done() for task in asyncio.all_tasks())


async def _settle() -> None:
    """Waits until no bot is still handling an interaction (parsing its callback's response, ...).

    Without it the work a bot does after its callback was received would land in the next sample,
    which with alternating sides is the other bot's.
    """
    deadline = time.monotonic() + CALLBACK_TIMEOUT
    while _handlers_running():
        if time.monotonic() > deadline:
            raise Broken(f"a command handler was still running {CALLBACK_TIMEOUT:.0f} s after its callback")
        await asyncio.sleep(0)


async def _one(standin: DiscordStandIn, app: Application, scenario: Scenario, *, settle: bool) -> float:
    interaction = await scenario.send(standin, app)
    try:
        callback = await standin.wait_for_callback(interaction, timeout=CALLBACK_TIMEOUT)
    except TimeoutError:
        raise Broken(f"{scenario.label}: no callback within {CALLBACK_TIMEOUT:.0f} s") from None
    problem = scenario.check(callback.type, callback.data)
    if problem:
        raise Broken(f"{scenario.label}: {problem}")
    if settle:
        await _settle()
    return callback.elapsed


async def _block(
    standin: DiscordStandIn, app: Application, scenario: Scenario, count: int, concurrency: int
) -> list[float]:
    """``count`` interactions, at most ``concurrency`` in flight (1: strictly one after the other)."""
    if concurrency <= 1:
        return [await _one(standin, app, scenario, settle=True) for _ in range(count)]
    remaining = count
    results: list[float] = []

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            results.append(await _one(standin, app, scenario, settle=False))

    await asyncio.gather(*(worker() for _ in range(min(concurrency, count))))
    return results


async def _measure(
    standin: DiscordStandIn,
    ours_app: Application,
    bare_app: Application,
    scenario: Scenario,
    args: argparse.Namespace,
) -> Outcome:
    outcome = Outcome(Samples(scenario.label), Samples(BARE.label))
    for app, which in ((ours_app, scenario), (bare_app, BARE)):
        await _block(standin, app, which, args.warmup, args.concurrency)
    gc.collect()
    started = time.perf_counter()
    next_report = args.n // 4
    turn = 0
    while len(outcome.ours.seconds) < args.n or len(outcome.bare.seconds) < args.n:
        # Alternate ours and bare block by block; who goes first alternates too.
        sides = [(ours_app, scenario, outcome.ours), (bare_app, BARE, outcome.bare)]
        for app, which, samples in sides if turn % 2 == 0 else reversed(sides):
            count = min(args.block, args.n - len(samples.seconds))
            if count > 0:
                samples.seconds += await _block(standin, app, which, count, args.concurrency)
        turn += 1
        done = min(len(outcome.ours.seconds), len(outcome.bare.seconds))
        if done >= next_report and done < args.n:
            print(f"    {done:>6} / {args.n} each ({time.perf_counter() - started:.1f} s)", flush=True)
            next_report += args.n // 4
    return outcome


def _settings(standin: DiscordStandIn, database: Path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        discord_token=FAKE_TOKEN,
        discord_api_base_url=standin.base_url,
        discord_guild_id=standin.guild_id,
        briefs_dir=REPO / "briefs",
        seeds_dir=REPO / "seeds",
        database_path=database,
    )


def _briefbot(settings: Settings) -> Briefbot:
    extra: dict[str, Any] = {}
    if "guild_ready_timeout" in inspect.signature(Briefbot).parameters:
        extra["guild_ready_timeout"] = 0.05  # start-up only; the stand-in sends every GUILD_CREATE at once
    return Briefbot(settings, **extra)


def _report(outcomes: list[Outcome], args: argparse.Namespace) -> bool:
    """Prints the table; True when every scenario meets the p99 target."""
    print()
    print(
        f"interaction latency, INTERACTION_CREATE sent -> callback received "
        f"(concurrency {args.concurrency}, warm-up {args.warmup}, blocks of {args.block}; "
        f"Python {platform.python_version()}, discord.py {discord.__version__})"
    )
    header = f"{'scenario':<26} {'bot':<6} {'count':>6} {'p50 ms':>8} {'p99 ms':>8}"
    print(header)
    print("-" * len(header))
    all_pass = True
    for outcome in outcomes:
        for side, samples in (("ours", outcome.ours), ("bare", outcome.bare)):
            print(
                f"{outcome.ours.label:<26} {side:<6} {len(samples.seconds):>6} "
                f"{samples.percentile(50):>8.3f} {samples.percentile(99):>8.3f}"
            )
        p99_ratio = outcome.ratio(99)
        verdict = "PASS" if p99_ratio <= TARGET_P99_RATIO else "FAIL"
        all_pass &= verdict == "PASS"
        print(
            f"{'':<26} {'ratio':<6} {'':>6} {outcome.ratio(50):>8.2f} {p99_ratio:>8.2f}"
            f"   {verdict} (p99 ratio <= {TARGET_P99_RATIO})"
        )
    return all_pass


async def _run(args: argparse.Namespace) -> int:
    loop = asyncio.get_running_loop()
    loop_errors: list[str] = []
    loop.set_exception_handler(lambda _loop, context: loop_errors.append(str(context.get("message"))))

    broken: list[str] = []
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="briefbot-bench-") as tmp:
        standin = DiscordStandIn(validate=True, enforce_rate_limits=True)
        await standin.start()
        try:
            bare_app = standin.register_bot(BARE_TOKEN)
            bot = _briefbot(_settings(standin, Path(tmp) / "bench.sqlite3"))
            bot_task = await connect_client(bot)
            try:
                async with run_bare_bot(standin, command="who", reply="pong", token=BARE_TOKEN):
                    print(
                        f"Briefbot and the bare bot connected to the stand-in at {standin.base_url}; "
                        f"{args.n} interactions per scenario and side (+{args.warmup} warm-up)",
                        flush=True,
                    )
                    for scenario in SCENARIOS:
                        print(f"  {scenario.label} vs {BARE.label}", flush=True)
                        outcomes.append(
                            await _measure(standin, standin.default_app, bare_app, scenario, args)
                        )
            except Broken as exc:
                broken.append(str(exc))
            finally:
                await close_client(bot, bot_task)
        finally:
            await standin.stop()
            point_at_api(None, None)

    await asyncio.sleep(0)  # let finished tasks be collected
    leftover = [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]
    all_pass = _report(outcomes, args) and len(outcomes) == len(SCENARIOS)

    print()
    print(f"stand-in violations: {len(standin.violations)}")
    for violation in standin.violations[:10]:
        print(f"  {violation.kind}: {violation.method} {violation.path}: {violation.detail}")
    limited = {k: v for k, v in standin.counters.items() if k.endswith("_429") and v}
    print(f"rate-limited requests (429): {sum(limited.values())}")
    print(f"tasks left running: {len(leftover)}")
    for task in leftover[:10]:
        print(f"  {task!r}")
    if loop_errors:
        print(f"event-loop errors: {len(loop_errors)}")
        for message in loop_errors[:10]:
            print(f"  {message}")
    for problem in broken:
        print(f"BROKEN: {problem}")
    for task in leftover:
        task.cancel()

    if broken or standin.violations or leftover or loop_errors:
        return 2
    if args.strict and not all_pass:
        return 1
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n", type=_positive, default=2000, help="measured interactions per scenario and side"
    )
    parser.add_argument("--warmup", type=int, default=100, help="unmeasured interactions first, per side")
    parser.add_argument(
        "--concurrency", type=_positive, default=1, help="interactions in flight (1: latency, not throughput)"
    )
    parser.add_argument("--block", type=_positive, default=50, help="interactions per side before switching")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a scenario misses the p99 target")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # discord.py warns at every login that voice support is missing; the benchmark has no voice.
    logging.getLogger("discord.client").addFilter(lambda record: "voice will NOT" not in record.getMessage())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        started = time.perf_counter()
        status = asyncio.run(_run(args))
        gc.collect()  # surface unclosed sessions/transports as ResourceWarnings now, not at exit
    print(f"warnings: {len(caught)}")
    for warning in caught[:10]:
        print(f"  {warning.category.__name__}: {warning.message}")
    print(f"total time: {time.perf_counter() - started:.1f} s")
    if caught and status == 0:
        status = 2
    return status


if __name__ == "__main__":
    sys.exit(main())
