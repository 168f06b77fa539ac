"""A library of 1,000 briefs: check, reload, lookups idle and during a reload, and a brief's pick-up time.

Generates ``--briefs`` fixture articles and their briefs (original generated text, every article marked
"TEST FIXTURE, NOT NEWS", invented places and people) in a temporary folder, and a library of one of them,
then measures, each against the one-brief figure of the same run:

* ``briefbot check``: the command as a user runs it (``python -m bot check``, a process of its own), wall
  time and peak memory (the child's maxrss, from ``os.wait4``); and the check alone, in process;
* reload: ``reload_library`` after one brief changed (what a save does), in process;
* ``/who name:<surname>`` and ``/who name:`` autocomplete latency through the stand-in (``Callback.elapsed``,
  INTERACTION_CREATE sent -> callback received), p50/p99, for a bot on the library and a bot on the one brief,
  both connected to the same stand-in and alternating in blocks (as ``bench/interactions.py`` does), idle
  and while the library bot reloads (one brief changed per reload, back to back). Every query names a
  different person, so no answer comes from the answer cache;
* the lookup itself (``Library.people`` + the rendered answer, and the autocomplete's ranking), p50/p99;
* pick-up: ``briefbot run`` as a real process against the stand-in, on the library: a new seed and brief are
  written, and the time until the reload's log line (``library reloaded ... 1 added``) and until a probe
  ``/who`` answers with the new brief's person, waited on, never slept for.

Goals (issue 11): check <= 2 s; p99 during a reload <= 1.5x idle; lookup p99 <= 2 ms; pick-up <= 5 s.
The machine is shared: the first line prints the load average; quote figures with it.

    python bench/library.py [--briefs 1000] [--n 400] [--block 25] [--repeat 3] [--skip-process]

Exit status: 0 whatever the figures (1 with ``--strict`` when a goal is missed); 2 when something broke.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot.app.client import Briefbot, point_at_api  # noqa: E402
from bot.briefs.answers import answer  # noqa: E402
from bot.briefs.loader import LoadResult, load_library, reload_library  # noqa: E402
from bot.cli import usable_cores  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.standin import DiscordStandIn  # noqa: E402
from tests.standin.harness import FAKE_TOKEN, close_client, connect_client  # noqa: E402
from tests.standin.world import Application  # noqa: E402

FIXTURE_MARK = "TEST FIXTURE, NOT NEWS"
SECOND_TOKEN = "one.brief.bot"
CALLBACK_TIMEOUT = 10.0
GOAL_CHECK_S = 2.0
GOAL_RELOAD_P99_RATIO = 1.5
GOAL_LOOKUP_P99_MS = 2.0
GOAL_PICK_UP_S = 5.0

_ONSETS = ("B", "D", "K", "L", "M", "N", "R", "S", "T", "V", "Z", "G", "H", "P", "F", "J")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "ou")
_CODAS = ("", "n", "r", "l", "s", "th", "m", "v")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_THINGS = ("tugboats", "cranes", "ferries", "dredgers", "pilot boats")


def invented_word(number: int, salt: int, syllables: int = 2) -> str:
    """A made-up, pronounceable, capitalised word, distinct for each (number, salt) over the sizes used."""
    parts: list[str] = []
    value = number * 7919 + salt * 104729 + 12345
    for _ in range(syllables):
        parts.append(_ONSETS[value % len(_ONSETS)] + _VOWELS[(value // 16) % len(_VOWELS)])
        value //= 128
    parts.append(_CODAS[value % len(_CODAS)])
    word = "".join(parts).lower()
    return word[0].upper() + word[1:]


@dataclass(frozen=True)
class Generated:
    brief_id: str
    seed: str
    article: str
    brief: str
    people: tuple[str, str]  # full names


def generated(number: int) -> Generated:
    """Article `number` and its brief: original generated text, marked as a fixture."""
    lender = invented_word(number, 1) + "ia"
    borrower = invented_word(number, 2) + "ia"
    place = "Port " + invented_word(number, 3)
    minister = f"{invented_word(number, 4)} {invented_word(number, 5, 3)}"
    director = f"{invented_word(number, 6)} {invented_word(number, 7, 3)}"
    amount = 10 + number % 90
    weekday = _WEEKDAYS[number % len(_WEEKDAYS)]
    things = f"{2 + number % 5} {_THINGS[number % len(_THINGS)]}"
    brief_id = f"fixture-library-{number:04d}"
    seed = f"{brief_id}.txt"
    headline = f"Fixture article {number}: {lender} lends {borrower} money for the {place} harbour"
    loan_sentence = (
        f"{lender} has provided {borrower} with a ${amount} million loan for the harbour at {place}."
    )
    person_sentence = f"Finance Minister {minister} signed the loan agreement in {place} on {weekday}."
    director_sentence = f"Harbour Director {director} said the work would start next month."
    aid_sentence = f"{lender} has sent {things} to {borrower} for the harbour."
    article = "\n\n".join(
        [
            headline,
            f"{FIXTURE_MARK}: a generated article for Briefbot's library benchmark. Every place and person in "
            "it is made up.",
            loan_sentence,
            person_sentence,
            director_sentence,
            aid_sentence,
            "Fixture Desk contributed to this report.",
        ]
    )
    added = date(2024, 1, 1) + timedelta(days=number)
    brief = f"""# {FIXTURE_MARK}: a generated brief of a generated article (bench/library.py).
format = 2
id = "{brief_id}"
added = {added.isoformat()}

[source]
seed = "{seed}"
publisher = "Fixture Desk"
headline = "{headline}"
evidence = ["Fixture Desk contributed to this report."]

[[credits]]
kind = "contributed"
name = "Fixture Desk"
as_written = "Fixture Desk contributed to this report."

[[key_points]]
evidence = ["{loan_sentence}"]

[[people]]
name = "{minister}"
role = "Finance Minister"
as_written = "Finance Minister {minister}"
evidence = ["{person_sentence}"]

[[people]]
name = "{director}"
role = "Harbour Director"
as_written = "Harbour Director {director}"
attribution = "Harbour Director {director} said the work would start next month"
evidence = ["{director_sentence}"]

[[aid]]
donor = "{lender}"
recipient = "{borrower}"
kind = "other"
items = ["{things}"]
status = "provided"
status_as_written = "has sent"
evidence = ["{aid_sentence}"]

[[loans]]
lender = "{lender}"
borrower = "{borrower}"
as_written = "${amount} million"
amount = {amount * 1_000_000}
currency = "dollars"
status = "provided"
status_as_written = "has provided"
evidence = ["{loan_sentence}"]

[[events]]
where = "{place}"
when = "{weekday}"
evidence = ["{person_sentence}"]
"""
    return Generated(brief_id, seed, article + "\n", brief, (minister, director))


def write_library(root: Path, numbers: Sequence[int]) -> tuple[Path, Path, list[Generated]]:
    """A briefs and a seeds folder under `root` holding the generated articles `numbers`."""
    briefs, seeds = root / "briefs", root / "seeds"
    briefs.mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    made = [generated(number) for number in numbers]
    for item in made:
        (seeds / item.seed).write_text(item.article, encoding="utf-8")
        (briefs / f"{item.brief_id}.toml").write_text(item.brief, encoding="utf-8")
    return briefs, seeds, made


def percentile(values: Sequence[float], p: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


# ---------------------------------------------------------------- check, reload


@dataclass(frozen=True)
class CheckRun:
    seconds: float
    cpu_seconds: float  # the child's user + system time: what the check costs, whatever the machine's load
    max_rss_mib: float
    status: int


# `python -m bot check ...`, then the process's own peak memory. Not the child's ru_maxrss: Linux carries the
# peak of the forked copy of this (large) process across exec. VmHWM is the peak of the program's own memory.
_CHECK_AND_PEAK = """
import runpy, sys
sys.argv = ["briefbot", *sys.argv[1:]]
try:
    runpy.run_module("bot", run_name="__main__", alter_sys=True)
except SystemExit as stop:
    status = stop.code
else:
    status = 0
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print("PEAK", peak.split()[1], file=sys.stderr)
sys.exit(status)
"""


def check_process(briefs: Path, seeds: Path) -> CheckRun:
    """`python -m bot check` as a user runs it: wall and CPU time, its peak memory, its exit status."""
    started = time.perf_counter()
    child = subprocess.Popen(  # our own interpreter and module
        [sys.executable, "-c", _CHECK_AND_PEAK, "check", "--briefs", str(briefs), "--seeds", str(seeds)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    peak_kib = next((int(line.split()[1]) for line in errors.splitlines() if line.startswith("PEAK ")), 0)
    cpu = usage.ru_utime + usage.ru_stime
    return CheckRun(time.perf_counter() - started, cpu, peak_kib / 1024, child.returncode)


def timed(function: Callable[[], object], repeat: int) -> float:
    """The median wall time of `repeat` calls, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def touch_brief(briefs: Path, item: Generated, turn: int) -> None:
    """Change one brief as an editor's save would (its content version changes, its facts do not)."""
    (briefs / f"{item.brief_id}.toml").write_text(item.brief + f"# edit {turn}\n", encoding="utf-8")


# ---------------------------------------------------------------- latency through the stand-in


Send = Callable[[DiscordStandIn, Application, int], Awaitable[Any]]


@dataclass
class Side:
    label: str
    app: Application
    idle: list[float] = field(default_factory=list)
    reloading: list[float] = field(default_factory=list)


class Broken(Exception):
    """A figure that means nothing: a missing or wrong callback."""


async def one(standin: DiscordStandIn, app: Application, send: Send, turn: int, expect: int) -> float:
    interaction = await send(standin, app, turn)
    try:
        callback = await standin.wait_for_callback(interaction, timeout=CALLBACK_TIMEOUT)
    except TimeoutError:
        raise Broken(f"no callback within {CALLBACK_TIMEOUT:.0f} s") from None
    if callback.type != expect:
        raise Broken(f"callback type {callback.type}, expected {expect}")
    return float(callback.elapsed)


async def alternate(
    standin: DiscordStandIn,
    sides: Sequence[Side],
    send: Send,
    expect: int,
    count: int,
    block: int,
    phase: str,
) -> None:
    turn = 0
    while any(len(getattr(side, phase)) < count for side in sides):
        order = sides if (turn // block) % 2 == 0 else list(reversed(sides))
        for side in order:
            samples: list[float] = getattr(side, phase)
            for _ in range(min(block, count - len(samples))):
                samples.append(await one(standin, side.app, send, turn, expect))
                turn += 1


def settings_for(standin: DiscordStandIn, token: str, briefs: Path, seeds: Path, database: Path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        discord_token=token,
        discord_api_base_url=standin.base_url,
        discord_guild_id=standin.guild_id,
        briefs_dir=briefs,
        seeds_dir=seeds,
        database_path=database,
    )


@dataclass
class Latency:
    scenario: str
    library: Side
    single: Side


async def measure_latency(
    args: argparse.Namespace,
    tmp: Path,
    library_dirs: tuple[Path, Path],
    single_dirs: tuple[Path, Path],
    made: list[Generated],
) -> tuple[list[Latency], list[float], int]:
    """Latency of both bots idle and while the library bot reloads; the reloads' own durations."""
    standin = DiscordStandIn(validate=True, enforce_rate_limits=True)
    await standin.start()
    reload_times: list[float] = []
    try:
        single_app = standin.register_bot(SECOND_TOKEN, name="One Brief")
        library_bot = Briefbot(
            settings_for(standin, FAKE_TOKEN, *library_dirs, tmp / "library.sqlite3"),
            guild_ready_timeout=0.05,
        )
        single_bot = Briefbot(
            settings_for(standin, SECOND_TOKEN, *single_dirs, tmp / "single.sqlite3"),
            guild_ready_timeout=0.05,
        )
        library_task = await connect_client(library_bot)
        single_task = await connect_client(single_bot, token=SECOND_TOKEN)
        try:
            surnames = [person.split(" ", 1)[1] for item in made for person in item.people]

            async def who(s: DiscordStandIn, app: Application, turn: int) -> Any:
                return await s.invoke_command("who", {"name": surnames[turn % len(surnames)]}, app=app)

            async def typed(s: DiscordStandIn, app: Application, turn: int) -> Any:
                prefix = surnames[turn % len(surnames)][:3]
                return await s.autocomplete("who", {"name": prefix}, focused="name", app=app)

            outcomes = []
            for scenario, send, expect in (
                ("/who name:<surname>", who, 4),
                ("/who name: autocomplete", typed, 8),
            ):
                library = Side(
                    "1,000 briefs" if len(made) == 1000 else f"{len(made)} briefs", standin.default_app
                )
                single = Side("1 brief", single_app)
                sides = [library, single]
                await alternate(standin, sides, send, expect, args.warmup, args.block, "idle")
                library.idle.clear()
                single.idle.clear()
                gc.collect()
                await alternate(standin, sides, send, expect, args.n, args.block, "idle")
                # During reloads: the library bot reloads back to back, one brief changed each time.
                stop = asyncio.Event()

                async def reload_loop(stop: asyncio.Event = stop) -> None:
                    turn = 0
                    while not stop.is_set():
                        turn += 1
                        touch_brief(library_dirs[0], made[turn % len(made)], turn)
                        started = time.perf_counter()
                        await library_bot.reloader.reload("bench")
                        reload_times.append(time.perf_counter() - started)

                reloading = asyncio.create_task(reload_loop())
                try:
                    await alternate(standin, sides, send, expect, args.n, args.block, "reloading")
                finally:
                    stop.set()
                    await reloading
                outcomes.append(Latency(scenario, library, single))
            return outcomes, reload_times, len(standin.violations)
        finally:
            await close_client(library_bot, library_task)
            await close_client(single_bot, single_task)
    finally:
        await standin.stop()
        point_at_api(None, None)


def lookup_times(result: LoadResult, made: list[Generated], n: int) -> dict[str, list[float]]:
    """The domain's own time for /who name:<surname> (lookup and rendering, no answer cache) and for the
    autocomplete's ranking, in ms: wall time, and the thread's CPU time (what the lookup costs, leaving out
    the time other processes of a loaded machine held the core)."""
    library = result.library
    surnames = [person.split(" ", 1)[1] for item in made for person in item.people]
    times: dict[str, list[float]] = {"answer": [], "answer cpu": [], "typed": [], "typed cpu": []}

    def timed_call(key: str, call: Callable[[], object]) -> None:
        cpu, started = time.thread_time(), time.perf_counter()
        call()
        times[key].append((time.perf_counter() - started) * 1000)
        times[f"{key} cpu"].append((time.thread_time() - cpu) * 1000)

    for turn in range(n):  # a different name each time (n <= 2 per brief): no answer comes from the cache
        name = surnames[turn % len(surnames)]
        timed_call("answer", partial(answer, "who", library, {"name": name}))
        timed_call("typed", partial(library.people_names, name[:3]))
    return times


# ---------------------------------------------------------------- pick-up by `briefbot run`


def _make_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


async def pick_up(tmp: Path, library_dirs: tuple[Path, Path], number: int) -> tuple[float, float, str]:
    """Seconds from writing a new brief to the reload's log line, and to a probe answering with its person."""
    briefs, seeds = library_dirs
    _make_dir(tmp)
    async with DiscordStandIn() as standin:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DIGEST_"))}
        env.update(
            DISCORD_TOKEN="not.a-real-token.bench",
            DISCORD_API_BASE_URL=standin.base_url,
            DISCORD_GUILD_ID=str(standin.guild_id),
            BRIEFS_DIR=str(briefs),
            SEEDS_DIR=str(seeds),
            DATABASE_PATH=str(tmp / "run.sqlite3"),
            PYTHONPATH=str(REPO),
        )
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=tmp,
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        assert process.stderr is not None
        lines: list[str] = []
        changed = asyncio.Condition()

        async def read(stream: asyncio.StreamReader) -> None:
            while line := await stream.readline():
                async with changed:
                    lines.append(line.decode(errors="replace").rstrip())
                    changed.notify_all()

        reader = asyncio.create_task(read(process.stderr))

        async def wait_for(found: Callable[[str], bool], after: int, within: float = 120) -> str:
            async with asyncio.timeout(within), changed:
                while True:
                    for line in lines[after:]:
                        if found(line):
                            return line
                    await changed.wait()

        try:
            await wait_for(lambda line: "watching" in line and "for brief changes" in line, 0)
            await standin.wait_until_identified(timeout=60)
            item = generated(number)
            (seeds / item.seed).write_text(item.article, encoding="utf-8")
            mark = len(lines)
            started = time.perf_counter()
            (briefs / f"{item.brief_id}.toml").write_text(item.brief, encoding="utf-8")
            line = await wait_for(lambda line: "library reloaded" in line and "1 added" in line, mark)
            logged = time.perf_counter() - started
            person = item.people[0]
            interaction = await standin.invoke_command("who", {"name": person, "brief": item.brief_id})
            callback = await standin.wait_for_callback(interaction, timeout=CALLBACK_TIMEOUT)
            answered = time.perf_counter() - started
            if person not in str(callback.data):
                raise Broken(f"the probe did not find {person}: {callback.data}")
            return logged, answered, line
        finally:
            process.terminate()
            await asyncio.wait_for(process.wait(), timeout=60)
            await asyncio.wait_for(reader, timeout=60)
            (briefs / f"{generated(number).brief_id}.toml").unlink(missing_ok=True)


# ---------------------------------------------------------------- the run


def _ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}x" if base > 0 else "-"


async def run(args: argparse.Namespace) -> int:
    load1, load5, load15 = os.getloadavg()
    print(
        f"load average {load1:.2f} {load5:.2f} {load15:.2f} on {os.cpu_count()} cores; "
        f"{args.briefs} generated briefs (marked {FIXTURE_MARK!r}), one-brief library beside them",
        flush=True,
    )
    goals: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="briefbot-library-") as name:
        tmp = Path(name)
        briefs, seeds, made = write_library(tmp / "library", range(args.briefs))
        single_briefs, single_seeds, _ = write_library(tmp / "single", [0])

        print("\nbriefbot check (a process, as a user runs it; median of", args.repeat, "runs)")
        runs = {
            label: [check_process(b, s) for _ in range(args.repeat)]
            for label, (b, s) in (("one", (single_briefs, single_seeds)), ("library", (briefs, seeds)))
        }
        if any(run.status != 0 for group in runs.values() for run in group):
            print("BROKEN: a check did not pass:", {k: [r.status for r in v] for k, v in runs.items()})
            return 2
        one_s = statistics.median(r.seconds for r in runs["one"])
        lib_s = statistics.median(r.seconds for r in runs["library"])
        one_cpu = statistics.median(r.cpu_seconds for r in runs["one"])
        lib_cpu = statistics.median(r.cpu_seconds for r in runs["library"])
        one_mib = max(r.max_rss_mib for r in runs["one"])
        lib_mib = max(r.max_rss_mib for r in runs["library"])
        print(f"  1 brief      {one_s:7.3f} s wall  {one_cpu:7.3f} s CPU  {one_mib:7.1f} MiB peak")
        print(
            f"  {args.briefs:>5} briefs {lib_s:7.3f} s wall  {lib_cpu:7.3f} s CPU  {lib_mib:7.1f} MiB peak   "
            f"ratios {_ratio(lib_s, one_s)} wall, {_ratio(lib_cpu, one_cpu)} CPU, {_ratio(lib_mib, one_mib)} memory"
        )
        goals["check <= 2 s (wall)"] = lib_s <= GOAL_CHECK_S
        goals["check <= 2 s (CPU)"] = lib_cpu <= GOAL_CHECK_S

        single_result = load_library(single_briefs, single_seeds)
        result = load_library(briefs, seeds)
        in_one = timed(lambda: load_library(single_briefs, single_seeds), args.repeat)
        in_lib = timed(lambda: load_library(briefs, seeds), args.repeat)
        cores = usable_cores()
        in_forks = timed(lambda: load_library(briefs, seeds, workers=cores), args.repeat)
        print(
            f"  in process (load_library): 1 brief {in_one * 1000:.1f} ms, {args.briefs} briefs "
            f"{in_lib * 1000:.1f} ms ({_ratio(in_lib, in_one)}); in {cores} forked processes, as briefbot check "
            f"does, {in_forks * 1000:.1f} ms ({_ratio(in_forks, in_lib)} of one process)"
        )

        turn = [0]

        def reload_once(dirs: tuple[Path, Path], previous: LoadResult, items: list[Generated]) -> None:
            turn[0] += 1
            touch_brief(dirs[0], items[turn[0] % len(items)], turn[0])
            reload_library(dirs[0], dirs[1], previous)

        single_made = [generated(0)]
        r_one = timed(
            lambda: reload_once((single_briefs, single_seeds), single_result, single_made), args.repeat
        )
        r_lib = timed(lambda: reload_once((briefs, seeds), result, made), args.repeat)
        print(f"\nreload after one brief changed (reload_library, in process; median of {args.repeat})")
        print(
            f"  1 brief {r_one * 1000:.1f} ms, {args.briefs} briefs {r_lib * 1000:.1f} ms ({_ratio(r_lib, r_one)})"
        )

        times = lookup_times(result, made, args.n)
        times1 = lookup_times(single_result, made, args.n)
        print(
            f"\nlookup in the domain, ms (p50 / p99), {args.n} different names; wall, then the thread's CPU time"
        )
        for key, label in (
            ("answer", "/who answer"),
            ("answer cpu", "  CPU"),
            ("typed", "autocomplete"),
            ("typed cpu", "  CPU"),
        ):
            ours, one = times[key], times1[key]
            print(
                f"  {label:<13} {args.briefs} briefs {percentile(ours, 50):.3f} / {percentile(ours, 99):.3f}"
                f"   1 brief {percentile(one, 50):.3f} / {percentile(one, 99):.3f}"
                f"   p99 ratio {_ratio(percentile(ours, 99), percentile(one, 99))}"
            )
        for kind in ("", " cpu"):
            worst = max(percentile(times["answer" + kind], 99), percentile(times["typed" + kind], 99))
            goals[f"lookup p99 <= 2 ms ({kind.strip() or 'wall'})"] = worst <= GOAL_LOOKUP_P99_MS

        print(
            f"\nlatency through the stand-in, ms (p50 / p99), {args.n} per side and phase, blocks of {args.block}",
            flush=True,
        )
        try:
            outcomes, reloads, violations = await measure_latency(
                args, tmp, (briefs, seeds), (single_briefs, single_seeds), made
            )
        except Broken as exc:
            print(f"BROKEN: {exc}")
            return 2
        for outcome in outcomes:
            print(f"  {outcome.scenario}")
            for side in (outcome.library, outcome.single):
                idle = [v * 1000 for v in side.idle]
                busy = [v * 1000 for v in side.reloading]
                print(
                    f"    {side.label:<13} idle {percentile(idle, 50):7.3f} / {percentile(idle, 99):7.3f}"
                    f"   during reloads {percentile(busy, 50):7.3f} / {percentile(busy, 99):7.3f}"
                    f"   p99 reload/idle {_ratio(percentile(busy, 99), percentile(idle, 99))}"
                )
            lib_idle = percentile(outcome.library.idle, 99)
            print(
                f"    {args.briefs} briefs / 1 brief, idle p99 {_ratio(lib_idle, percentile(outcome.single.idle, 99))}"
            )
            goals[f"{outcome.scenario}: p99 during reloads <= 1.5x idle"] = (
                percentile(outcome.library.reloading, 99) <= GOAL_RELOAD_P99_RATIO * lib_idle
            )
        if reloads:
            print(
                f"  reloads while measuring: {len(reloads)}, median {statistics.median(reloads) * 1000:.1f} ms, "
                f"max {max(reloads) * 1000:.1f} ms"
            )
        print(f"  stand-in violations: {violations}")
        if violations:
            return 2

        if not args.skip_process:
            print(
                "\npick-up of a brief added while `briefbot run` runs (waited on the log line and a probe)",
                flush=True,
            )
            single_up = await pick_up(tmp / "run-one", (single_briefs, single_seeds), args.briefs + 1)
            library_up = await pick_up(tmp / "run-library", (briefs, seeds), args.briefs + 2)
            for label, (logged, answered, _line) in (
                ("1 brief", single_up),
                (f"{args.briefs} briefs", library_up),
            ):
                print(f"  {label:<13} reload logged {logged:.2f} s, probe answered {answered:.2f} s")
            print(
                f"  ratio {_ratio(library_up[1], single_up[1])}; log line: {library_up[2].split(': ', 1)[-1]}"
            )
            goals["pick-up <= 5 s"] = library_up[1] <= GOAL_PICK_UP_S

    print("\ngoals")
    for goal, met in goals.items():
        print(f"  {'PASS' if met else 'FAIL'}  {goal}")
    load1, load5, load15 = os.getloadavg()
    print(f"load average at the end {load1:.2f} {load5:.2f} {load15:.2f}")
    return 1 if args.strict and not all(goals.values()) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--briefs", type=int, default=1000, help="generated briefs in the library")
    parser.add_argument("--n", type=int, default=400, help="measured interactions per side and phase")
    parser.add_argument("--warmup", type=int, default=40, help="unmeasured interactions first, per side")
    parser.add_argument("--block", type=int, default=25, help="interactions per side before switching")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each check and reload timing")
    parser.add_argument("--skip-process", action="store_true", help="leave out the briefbot run pick-up")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("discord.client").addFilter(lambda record: "voice will NOT" not in record.getMessage())
    with contextlib.suppress(KeyboardInterrupt):
        return asyncio.run(run(args))
    return 130


if __name__ == "__main__":
    sys.exit(main())
