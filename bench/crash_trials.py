"""Crash trials: SIGKILL the bot process in the middle of a digest fan-out, restart it, count what went wrong.

Each trial:

1. starts a fresh local Discord stand-in with ``--channels`` REST channels (rate limits enforced, but the
   global limit raised to ``--global-limit``, default 1000/s, and 0-5 ms of latency);
2. seeds a fresh SQLite database (``bot.storage``) with a ``command`` subscription per channel, made
   10 minutes ago, for a daily ``HH:MM`` UTC slot that passed 3 minutes ago, so that at start the bot's
   catch-up (the slot is within ``DIGEST_CATCH_UP_GRACE``, 1 h by default) records the slot and fans out at
   once (``DIGEST_CHANNEL_IDS`` is not set);
3. runs the bot as a user does, ``python -m bot run`` (what ``briefbot run`` runs) in an empty directory,
   configured by its environment only, with ``DELIVERY_RATE_PER_SECOND=500``;
4. ``SIGKILL``s the process as soon as the stand-in has stored ``k`` messages (``k`` random in
   ``[0, channels)``; 0 means right after the first one), from inside the stand-in's request pipeline, and
   waits for it; with probability ``--double-kill``, the restarted process is killed again the same way
   at a later point;
5. restarts the same command on the same database, waits until every channel has a message and the
   ledger has nothing pending, then sends ``SIGTERM`` and expects exit status 0;
6. records duplicates (channels with more than one message; nonces the stand-in stored twice), losses
   (channels with none), nonce replays (a resend answered with the original message: the kill hit a send in
   flight) and the ledger's final states.

The pacing is far above Discord's 50/s on purpose: these trials are about crash correctness, and
``bench/fanout.py`` measures pacing under the real limits. Target: 0 duplicates and 0 losses over 200 trials.

``--kind chatter``: the restart comes after Discord's nonce window, so a resend is no longer deduplicated by
its nonce, and while the bot is down members post 0-``--max-chatter`` (200) messages into each channel. The
restarted bot must look for each digest whose send may have landed (reading the channel's history) before
sending it again. The stand-in forgets nonces after ``--nonce-window`` seconds (3) and the bot trusts them
for a third of that (``DIGEST_NONCE_TRUST``), so a trial waits seconds, not Discord's minutes. Target: 0
duplicates and 0 losses over 100 trials (held rows, which the bot reports instead of posting, count as
losses here).

    python bench/crash_trials.py [--trials 200] [--channels 1000] [--seed N] [--double-kill 0.2]
                                 [--max-minutes M] [--keep-logs bench/out/crash_logs]
    python bench/crash_trials.py --kind chatter --trials 100 --channels 200

The run first copies bot/, briefs/ and seeds/ and re-executes itself on the copy, so that edits to the
working tree during the run cannot change (or break) the code under test. Every process started is
waited for; on an error, Ctrl-C or SIGTERM the ones still running are killed and the trials so far are
summarised. Exit status: 0 when every trial ran and ended with 0 duplicates and 0 losses, 1 otherwise,
130 when interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
# The run re-executes itself on a copy of bot/ (see snapshot_and_reexec): that copy comes first, for this
# process (seeding, reading the ledger) and for every bot it starts, so all of them run the same code.
RUN_ROOT = os.environ.get("BRIEFBOT_CRASH_TRIALS_ROOT")
if RUN_ROOT:
    sys.path.insert(0, str(Path(RUN_ROOT) / "code"))

from bench._bot_process import start_bot_process  # noqa: E402
from bench._seed import seed_subscriptions  # noqa: E402
from bot.storage import Database, DeliveryLedger  # noqa: E402
from tests.e2e.test_process import run_env  # noqa: E402
from tests.standin import DiscordStandIn  # noqa: E402
from tests.standin.harness import FAKE_TOKEN  # noqa: E402

MESSAGE_ROUTE = "/channels/{channel_id}/messages"
RATE_PER_SECOND = 500
STEP_TIMEOUT = 90.0  # seconds for a process to reach its kill point, or to finish the fan-out
EXIT_TIMEOUT = 30.0  # seconds for a SIGTERM'd process to exit (SHUTDOWN_GRACE_SECONDS is 10)
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # discord.py colours its log lines when it thinks it may
DIGESTS_STARTED = "digests started; catch-up:"  # the bot's INFO line once its catch-up is recorded
ROOT_ENV = "BRIEFBOT_CRASH_TRIALS_ROOT"


class HangUps(logging.Handler):
    """Counts the stand-in's "Error handling request" logs caused by a killed bot hanging up mid-request
    (aiohttp logs a ConnectionResetError traceback for each); anything else it logs is shown."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and isinstance(record.exc_info[1], ConnectionResetError):
            self.count += 1
        else:
            print(f"stand-in server: {self.format(record)}", file=sys.stderr, flush=True)


HANG_UPS = HangUps()


@dataclass
class Kill:
    at: int  # the kill point k: messages stored when the kill was due
    stored_at_kill: int  # messages the stand-in had stored when SIGKILL was sent
    stored_after: int  # ... once the killed process was gone and its sends in flight had landed
    returncode: int | None


@dataclass
class Trial:
    index: int
    channels: int
    kills: list[Kill] = field(default_factory=list)
    reached: int = 0  # channels with at least one message at the end
    dup_channels: int = 0
    dup_nonces: int = 0
    losses: int = 0
    nonce_replays: int = 0
    global_429: int = 0
    user_429: int = 0
    violations: int = 0
    final_returncode: int | None = None
    ledger: dict[str, int] = field(default_factory=dict)
    log_errors: int = 0  # ERROR / CRITICAL / Traceback lines in the bot's logs
    log_warnings: dict[str, int] = field(default_factory=dict)  # WARNING lines by message
    hang_ups: int = 0  # requests the stand-in was reading when the bot was killed
    chatter: int = 0  # members' messages posted while the bot was down (kind "chatter")
    searches: int = 0  # history pages the bot read (GET /channels/{id}/messages)
    error: str | None = None  # what went wrong in the trial itself (timeouts, early exits)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def duplicates(self) -> int:
        return self.dup_channels + self.dup_nonces

    @property
    def clean(self) -> bool:
        return (
            self.error is None
            and self.duplicates == 0
            and self.losses == 0
            and self.final_returncode == 0
            and self.violations == 0
        )


def stored(standin: DiscordStandIn, chatter: int = 0) -> int:
    """Messages the bot has stored: all of them but the `chatter` members posted."""
    return sum(len(messages) for messages in standin.messages.values()) - chatter


async def ledger_states(path: Path) -> dict[str, int]:
    database = await Database.open(path)
    try:
        ledger = DeliveryLedger(database)
        return {
            state: await ledger.count(state)
            for state in ("pending", "sent", "dead", "cancelled", "missed", "held")
        }
    finally:
        await database.close()


class Runner:
    """Starts ``python -m bot run`` processes for one trial and makes sure none outlives it."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = workdir
        self.env = env
        self.processes: list[asyncio.subprocess.Process] = []
        self.logs: list[Path] = []

    async def start(self) -> asyncio.subprocess.Process:
        log = self.workdir / f"run-{len(self.logs) + 1}.log"
        self.logs.append(log)
        process = await start_bot_process(self.workdir, self.env, log=log)
        self.processes.append(process)
        return process

    async def kill_all(self) -> None:
        for process in self.processes:
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()

    def scan_logs(self) -> tuple[int, Counter[str]]:
        """ERROR/CRITICAL/Traceback lines, and WARNING lines by message (numbers blanked), in this trial's
        bot logs. discord.py's notes about voice support are left out."""
        errors = 0
        warnings: Counter[str] = Counter()
        for log in self.logs:
            if not log.exists():
                continue
            for line in ANSI.sub("", log.read_text(errors="replace")).splitlines():
                if "Traceback" in line or re.search(r"\s(ERROR|CRITICAL)\s", line):
                    errors += 1
                elif re.search(r"\sWARNING\s", line) and "voice will NOT be supported" not in line:
                    message = line.split(" WARNING ", 1)[-1].strip()
                    warnings[re.sub(r"\d+(\.\d+)?", "N", message)] += 1
        return errors, warnings


class KillSwitch:
    """SIGKILLs the bot from inside the stand-in's request pipeline, the moment its condition holds.

    The stand-in notifies its waiters after each request is recorded and before the response is written;
    waking a waiting coroutine would take a loop iteration or more, in which dozens more sends land at 500/s.
    Checking from the notification itself kills the process right after the k-th message is stored, with
    that message's response (and whatever else is in flight) never reaching the bot.
    """

    def __init__(self, standin: DiscordStandIn) -> None:
        self.standin = standin
        self.process: asyncio.subprocess.Process | None = None
        self.k = 0
        self.seen = 0
        self.started = False
        self.stored_at_kill = 0
        self.fired = False
        self.chatter = 0  # members' messages in the stand-in, left out of the kill point's count
        self.fired_at = 0.0  # perf_counter when the kill was sent
        notify = standin.changed.notify

        def notify_then_check() -> None:
            notify()
            self.check()

        standin.changed.notify = notify_then_check  # type: ignore[method-assign]

    def arm(self, process: asyncio.subprocess.Process, k: int) -> None:
        """Kill ``process`` once one of its digest requests has been recorded and ``k`` messages are stored."""
        self.process, self.k, self.fired, self.started = process, k, False, False
        self.seen = len(self.standin.requests)  # requests from before this process

    def check(self) -> None:
        process = self.process
        if process is None or process.returncode is not None:
            return
        if not self.started:
            fresh = self.standin.requests[self.seen :]
            self.seen += len(fresh)
            # A digest request of this process: a send, or (kind chatter, after the nonce window) a look at
            # the channel's history, which may be all a restart has to do when every digest was posted.
            self.started = any(r.route == MESSAGE_ROUTE and r.method in ("POST", "GET") for r in fresh)
        if self.started and stored(self.standin, self.chatter) >= self.k:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            self.fired_at = time.perf_counter()
            self.stored_at_kill = stored(self.standin, self.chatter)
            self.fired = True
            self.process = None

    async def wait(self, process: asyncio.subprocess.Process) -> None:
        """Wait until the switch fired and the process is gone; fail if it exited otherwise or took too long."""
        try:
            await asyncio.wait_for(process.wait(), STEP_TIMEOUT)
        except TimeoutError:
            raise RuntimeError(f"timed out after {STEP_TIMEOUT:g}s waiting for kill point {self.k}") from None
        finally:
            self.process = None
        if not self.fired:
            raise RuntimeError(f"the bot exited with {process.returncode} before kill point {self.k}")


def log_contains(log: Path, text: str) -> bool:
    return log.exists() and text in log.read_text(errors="replace")


async def finished(
    standin: DiscordStandIn,
    process: asyncio.subprocess.Process,
    log: Path,
    database: Path,
    channels: list[int],
) -> None:
    """Wait until the restarted bot has started its digests, every channel has a message and its ledger has
    nothing pending (messages alone are not enough: a resend answered by nonce adds none)."""
    deadline = time.perf_counter() + STEP_TIMEOUT
    reader: Database | None = None
    try:
        while True:
            if process.returncode is not None:
                raise RuntimeError(f"the restarted bot exited with {process.returncode} before finishing")
            if time.perf_counter() > deadline:
                raise RuntimeError(f"the restarted bot did not finish within {STEP_TIMEOUT:g}s")
            if reader is None and log_contains(log, DIGESTS_STARTED):
                reader = await Database.open(database)  # read-only use, next to the bot's own connection
            if (
                reader is not None
                and all(standin.messages.get(c) for c in channels)
                and await DeliveryLedger(reader).count("pending") == 0
            ):
                return
            await asyncio.sleep(0.05)
    finally:
        if reader is not None:
            await reader.close()


def snapshot_code(root: Path) -> Path:
    """Copy bot/, briefs/ and seeds/ as they are now, for every trial's bot to run from.

    A run takes half an hour; others may be editing the working tree meanwhile, and a half-saved edit must
    not crash a trial's bot (nor a later edit change the code under test half-way through the run).
    """
    code = root / "code"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("bot", "briefs", "seeds"):
        shutil.copytree(REPO / name, code / name, ignore=ignore)
    return code


def code_env(code: Path) -> dict[str, str]:
    return {
        "PYTHONPATH": os.pathsep.join(p for p in (str(code), os.environ.get("PYTHONPATH", "")) if p),
        "BRIEFS_DIR": str(code / "briefs"),
        "SEEDS_DIR": str(code / "seeds"),
    }


def probe_snapshot(code: Path) -> str:
    """Where `python -m bot` imports from with the snapshot's environment. Raises RuntimeError if the
    snapshot does not import (the tree was caught in the middle of an edit)."""
    probe = subprocess.run(
        [sys.executable, "-c", "import bot, bot.app.runner, bot.cli; print(bot.__file__)"],
        cwd=code,
        env={**os.environ, **code_env(code)},
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0 or not probe.stdout.strip().startswith(str(code)):
        raise RuntimeError(f"the code snapshot does not import cleanly:\n{probe.stdout}{probe.stderr}")
    return probe.stdout.strip()


def describe_code(code: Path) -> str:
    """The git state the snapshot was copied from, and where this process's `bot` comes from."""
    import bot

    git = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "bot", "briefs", "seeds"],
        capture_output=True,
        text=True,
        check=False,
    )
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    changed = [line[3:] for line in git.stdout.splitlines()]
    return (
        f"code: a copy of bot/, briefs/, seeds/ taken at the start, git {head.stdout.strip() or '?'}"
        + (f" (the tree now also has uncommitted changes to {', '.join(changed)})" if changed else "")
        + f"; this process imports {bot.__file__}"
    )


def snapshot_and_reexec(args: argparse.Namespace) -> None:
    """Copy the code under test into a fresh run directory and re-execute this script on it (same pid, so
    signals still reach it). The run directory, copy included, is removed when the run ends."""
    root = Path(tempfile.mkdtemp(prefix="briefbot-crash-", dir=args.workdir))
    try:
        probe_snapshot(snapshot_code(root))
    except RuntimeError as exc:
        shutil.rmtree(root, ignore_errors=True)
        print(f"crash trials: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    argv = [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:], "--seed", str(args.seed)]
    os.execve(sys.executable, argv, {**os.environ, ROOT_ENV: str(root)})


@dataclass
class Prepared:
    """A trial's stand-in (running) and seeded database, made while the previous trial runs."""

    index: int
    standin: DiscordStandIn
    channels: list[int]
    workdir: Path
    env: dict[str, str]
    database: Path
    seconds: float

    async def discard(self) -> None:
        await self.standin.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


async def prepare(index: int, args: argparse.Namespace, root: Path, code: Path) -> Prepared:
    began = time.perf_counter()
    workdir = root / f"trial-{index:04d}"
    workdir.mkdir()
    standin = DiscordStandIn(
        latency=(args.latency_min, args.latency_max),
        enforce_rate_limits=True,
        global_limit=args.global_limit,
        channel_limit=(5, 5.0),
        validate=args.validate,
        nonce_window=args.nonce_window if args.kind == "chatter" else 600.0,
    )
    await standin.start()
    try:
        channels = standin.register_channels(args.channels)
        env = run_env(
            workdir,
            DISCORD_TOKEN=FAKE_TOKEN,
            DISCORD_API_BASE_URL=standin.base_url,
            DISCORD_GUILD_ID=str(standin.guild_id),
            DELIVERY_RATE_PER_SECOND=str(RATE_PER_SECOND),
            LOG_LEVEL="INFO",
            # The bot trusts Discord's nonce memory for a third of the stand-in's window: a restart after the
            # window must look in the channel before it resends.
            DIGEST_NONCE_TRUST=f"{args.nonce_window / 3:g}s" if args.kind == "chatter" else "2m",
            **code_env(code),
        )
        database = Path(env["DATABASE_PATH"])
        now = datetime.now(UTC)
        slot = (now - timedelta(minutes=3)).replace(second=0, microsecond=0)
        await seed_subscriptions(
            database,
            standin.guild_id,
            channels,
            schedule=slot.strftime("%H:%M"),
            now=now - timedelta(minutes=10),
        )
    except BaseException:
        await standin.stop()
        raise
    return Prepared(index, standin, channels, workdir, env, database, time.perf_counter() - began)


async def run_trial(prepared: Prepared, rng: random.Random, args: argparse.Namespace) -> Trial:
    began = time.perf_counter()
    hang_ups_before = HANG_UPS.count
    n = args.channels
    trial = Trial(index=prepared.index, channels=n)
    standin, channels, workdir, env, database = (
        prepared.standin,
        prepared.channels,
        prepared.workdir,
        prepared.env,
        prepared.database,
    )
    try:
        trial.phases["seed"] = round(prepared.seconds, 2)  # done while the previous trial ran
        runner = Runner(workdir, env)
        switch = KillSwitch(standin)
        searched_before = len(standin.requests)
        try:
            kill_points = [rng.randrange(n)]
            if rng.random() < args.double_kill:
                kill_points.append(-1)  # drawn once the first kill's outcome is known
            for round_, k in enumerate(kill_points, start=1):
                if k < 0:
                    k = rng.randrange(min(stored(standin, switch.chatter), n - 1), n)
                step = time.perf_counter()
                process = await runner.start()
                switch.arm(process, k)
                await switch.wait(process)
                await asyncio.sleep(0.05)  # let the stand-in finish requests the dead process left in flight
                after = stored(standin, switch.chatter)
                trial.kills.append(Kill(k, switch.stored_at_kill, after, process.returncode))
                trial.phases[f"run{round_}_to_kill"] = round(time.perf_counter() - step, 2)
                if args.kind == "chatter":
                    await chatter_while_down(standin, channels, rng, args, switch, trial)
            step = time.perf_counter()
            searched_before = len(standin.requests)
            process = await runner.start()
            await finished(standin, process, runner.logs[-1], database, channels)
            trial.phases["restart_to_done"] = round(time.perf_counter() - step, 2)
            await asyncio.sleep(args.settle)  # a resend or a second slot would land within this
            step = time.perf_counter()
            process.send_signal(signal.SIGTERM)
            try:
                trial.final_returncode = await asyncio.wait_for(process.wait(), EXIT_TIMEOUT)
            except TimeoutError:
                trial.error = f"did not exit within {EXIT_TIMEOUT:g}s of SIGTERM"
            trial.phases["sigterm_to_exit"] = round(time.perf_counter() - step, 2)
        except RuntimeError as exc:
            trial.error = str(exc)
        finally:
            await runner.kill_all()
        trial.searches = sum(
            1 for r in standin.requests[searched_before:] if r.method == "GET" and r.route == MESSAGE_ROUTE
        )
        counts = standin.message_counts(author_id=standin.me.id)
        trial.reached = sum(1 for c in channels if counts.get(c, 0) > 0)
        trial.losses = n - trial.reached
        trial.dup_channels = sum(1 for c in channels if counts.get(c, 0) > 1)
        trial.dup_nonces = standin.counters["duplicates"]
        trial.nonce_replays = standin.counters["nonce_replays"]
        trial.global_429 = standin.counters["global_429"]
        trial.user_429 = standin.counters["user_429"]
        trial.violations = len(standin.violations)
    finally:
        await standin.stop()
    trial.hang_ups = HANG_UPS.count - hang_ups_before
    trial.ledger = await ledger_states(database)
    errors, warnings = runner.scan_logs()
    trial.log_errors, trial.log_warnings = errors, dict(warnings)
    trial.seconds = round(time.perf_counter() - began, 2)
    if trial.clean and not trial.log_errors and not args.keep_all:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        kept = Path(args.keep_logs) / workdir.name
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(kept, ignore_errors=True)
        shutil.copytree(workdir, kept)
        shutil.rmtree(workdir, ignore_errors=True)
    return trial


async def chatter_while_down(
    standin: DiscordStandIn,
    channels: list[int],
    rng: random.Random,
    args: argparse.Namespace,
    switch: KillSwitch,
    trial: Trial,
) -> None:
    """Members post 0..max_chatter messages into every channel while the bot is down; then wait until the
    stand-in's nonce window has passed since the kill, so that no resend is deduplicated by its nonce."""
    began = time.perf_counter()
    for channel_id in channels:
        n = rng.randint(0, args.max_chatter)
        standin.post_messages(channel_id, n, author="bob", content="member chat {i}", dispatch=False)
        switch.chatter += n
        trial.chatter += n
    trial.phases["chatter"] = round(time.perf_counter() - began, 2)
    left = switch.fired_at + args.nonce_window + 0.2 - time.perf_counter()
    if left > 0:
        await asyncio.sleep(left)  # a benchmark waiting for Discord to forget, not a test waiting for luck


def append_record(path: Path, trial: Trial) -> None:
    with path.open("a", encoding="utf-8") as records:
        records.write(json.dumps({**asdict(trial), "duplicates": trial.duplicates}) + "\n")


def trial_line(t: Trial) -> str:
    kills = "; ".join(
        f"kill@{k.at} ({k.stored_at_kill} stored, {k.stored_after} after, rc {k.returncode})" for k in t.kills
    )
    ledger = " ".join(f"{state}={count}" for state, count in t.ledger.items() if count)
    extra = []
    if t.chatter or t.searches:
        extra.append(f"{t.chatter} member messages, {t.searches} history pages read")
    if t.final_returncode not in (0, None):
        extra.append(f"exit {t.final_returncode}")
    if t.log_errors:
        extra.append(f"{t.log_errors} error lines in logs")
    if t.hang_ups:
        extra.append(f"{t.hang_ups} requests cut mid-body")
    if t.global_429 or t.user_429:
        extra.append(f"429s g={t.global_429} u={t.user_429}")
    if t.violations:
        extra.append(f"{t.violations} violations")
    if t.error:
        extra.append(f"ERROR: {t.error}")
    return (
        f"trial {t.index:3d}: {kills} -> {t.reached}/{t.channels} channels, dup {t.dup_channels}+{t.dup_nonces},"
        f" loss {t.losses}, replays {t.nonce_replays}, ledger {ledger}, {t.seconds:.1f}s"
        f" ({' '.join(f'{name} {value:g}' for name, value in t.phases.items())})"
        + (f"  [{', '.join(extra)}]" if extra else "")
    )


def summary(all_trials: list[Trial], args: argparse.Namespace, total_seconds: float) -> dict[str, object]:
    """Totals over the trials that ran to the end; trials that could not run are only counted."""
    trials = [t for t in all_trials if t.error is None]
    times = [t.seconds for t in trials]
    return {
        "bench": "crash_trials",
        "kind": args.kind,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "args": vars(args),
        "rate_per_second": RATE_PER_SECOND,
        "trials_requested": args.trials,
        "trials_started": len(all_trials),
        "trial_errors": sum(1 for t in all_trials if t.error),
        "trials": len(trials),
        "channels": args.channels,
        "kills": sum(len(t.kills) for t in trials),
        "double_kill_trials": sum(1 for t in trials if len(t.kills) > 1),
        "duplicates": sum(t.duplicates for t in trials),
        "dup_channels": sum(t.dup_channels for t in trials),
        "dup_nonces": sum(t.dup_nonces for t in trials),
        "losses": sum(t.losses for t in trials),
        "trials_with_nonce_replays": sum(1 for t in trials if t.nonce_replays),
        "nonce_replays": sum(t.nonce_replays for t in trials),
        "nonzero_final_exits": sum(1 for t in trials if t.final_returncode not in (0, None)),
        "trials_with_log_errors": sum(1 for t in trials if t.log_errors),
        "ledger_not_all_sent": sum(1 for t in trials if t.ledger.get("sent") != t.channels),
        "violations": sum(t.violations for t in trials),
        "member_messages": sum(t.chatter for t in trials),
        "history_pages_read": sum(t.searches for t in trials),
        "held": sum(t.ledger.get("held", 0) for t in trials),
        "global_429": sum(t.global_429 for t in trials),
        "bot_warnings": dict(sum((Counter(t.log_warnings) for t in trials), Counter()).most_common()),
        "mean_trial_s": round(statistics.fmean(times), 2) if times else None,
        "max_trial_s": max(times) if times else None,
        "total_s": round(total_seconds, 1),
    }


async def main(args: argparse.Namespace, root: Path) -> int:
    # SIGINT (also when started in the background, where it is ignored by default) and SIGTERM stop the run
    # the same way: the current trial's processes are killed and the trials done so far are summarised.
    current = asyncio.current_task()
    assert current is not None
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, current.cancel)
    rng = random.Random(args.seed)
    began = time.perf_counter()
    budget = args.max_minutes * 60 if args.max_minutes else None
    print(
        f"crash trials ({args.kind}): {args.trials} trials x {args.channels} channels, seed {args.seed};"
        f" DELIVERY_RATE_PER_SECOND={RATE_PER_SECOND}, stand-in global limit {args.global_limit}/s,"
        f" latency {args.latency_min * 1000:g}-{args.latency_max * 1000:g} ms."
        " Pacing is far above Discord's 50/s on purpose: this is about crash correctness (fanout.py covers"
        " pacing)."
        + (
            f" Restarts after the stand-in's {args.nonce_window:g}s nonce window (DIGEST_NONCE_TRUST"
            f" {args.nonce_window / 3:g}s), members posting 0-{args.max_chatter} messages per channel while"
            " the bot is down."
            if args.kind == "chatter"
            else ""
        ),
        flush=True,
    )
    trials: list[Trial] = []
    interrupted = False
    code = root / "code"
    described = describe_code(code)
    print(described, flush=True)
    upcoming: asyncio.Task[Prepared] | None = None
    consecutive_errors = 0
    try:
        upcoming = asyncio.create_task(prepare(1, args, root, code))
        for index in range(1, args.trials + 1):
            assert upcoming is not None
            prepared = await upcoming
            upcoming = None
            elapsed = time.perf_counter() - began
            if budget is not None and trials and elapsed + elapsed / len(trials) > budget:
                print(f"stopping after {len(trials)} trials: --max-minutes {args.max_minutes:g} reached")
                await prepared.discard()
                break
            if index < args.trials:
                upcoming = asyncio.create_task(prepare(index + 1, args, root, code))
            trial = await run_trial(prepared, rng, args)
            trials.append(trial)
            print(trial_line(trial), flush=True)
            if args.records:
                append_record(Path(args.records), trial)
            consecutive_errors = consecutive_errors + 1 if trial.error else 0
            if consecutive_errors >= args.max_errors:
                print(f"stopping: {consecutive_errors} trials in a row could not run (see their logs)")
                break
    except asyncio.CancelledError:  # Ctrl-C: report the trials done so far
        interrupted = True
        print(f"interrupted after {len(trials)} trials")
    finally:
        if upcoming is not None:
            upcoming.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                prepared = await upcoming
                await prepared.discard()
        shutil.rmtree(root, ignore_errors=True)
    result = summary(trials, args, time.perf_counter() - began)
    result["code"] = described
    print()
    print(
        f"trials run to the end: {result['trials']} of {result['trials_requested']} requested"
        f" ({result['trials_started']} started, {result['trial_errors']} could not run);"
        f" {result['kills']} kills, {result['double_kill_trials']} trials killed twice; {args.channels} channels each"
    )
    print(
        f"duplicates: {result['duplicates']} (channels with >1 message {result['dup_channels']},"
        f" nonces stored twice {result['dup_nonces']})"
    )
    print(f"losses: {result['losses']} (rows held instead of posted: {result['held']})")
    if args.kind == "chatter":
        print(
            f"member messages posted while the bot was down: {result['member_messages']};"
            f" history pages the restarted bots read: {result['history_pages_read']}"
        )
    print(
        f"trials where a resend was deduplicated by nonce: {result['trials_with_nonce_replays']}"
        f" ({result['nonce_replays']} replays in all)"
    )
    print(
        f"non-zero exits after SIGTERM: {result['nonzero_final_exits']};"
        f" trials with ERROR lines in the bot's logs: {result['trials_with_log_errors']};"
        f" ledgers not all 'sent': {result['ledger_not_all_sent']}; stand-in violations: {result['violations']}"
    )
    warnings = result["bot_warnings"]
    assert isinstance(warnings, dict)
    for message, count in warnings.items():
        print(f"bot WARNING x{count}: {message}")
    print(
        f"mean trial time {result['mean_trial_s']}s (max {result['max_trial_s']}s); total {result['total_s']}s"
    )
    ok = result["duplicates"] == 0 and result["losses"] == 0
    verdict = "PASS" if ok and not result["trial_errors"] else "FAIL"
    print(
        f"{verdict}  0 duplicates and 0 losses over {result['trials']} trials"
        + (f" ({result['trial_errors']} trials could not run)" if result["trial_errors"] else "")
    )
    print(json.dumps(result))
    if interrupted:
        return 130
    return 0 if ok and not result["trial_errors"] else 1


def quiet_standin_hang_ups() -> None:
    server_log = logging.getLogger("aiohttp.server")
    server_log.addHandler(HANG_UPS)
    server_log.propagate = False


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=200, help="number of trials (default 200)")
    parser.add_argument("--channels", type=int, default=1000, help="channels per fan-out (default 1000)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the time)")
    parser.add_argument(
        "--double-kill", type=float, default=0.2, help="fraction of trials killed twice (default 0.2)"
    )
    parser.add_argument(
        "--global-limit", type=int, default=1000, help="stand-in global limit/s (default 1000)"
    )
    parser.add_argument("--latency-min", type=float, default=0.0, help="seconds (default 0)")
    parser.add_argument("--latency-max", type=float, default=0.005, help="seconds (default 0.005)")
    parser.add_argument(
        "--max-minutes", type=float, default=None, help="stop starting trials when the next would pass this"
    )
    parser.add_argument("--workdir", default=None, help="where trial directories go (default: the temp dir)")
    parser.add_argument(
        "--keep-logs",
        default=str(REPO / "bench" / "out" / "crash_logs"),
        help="where the bot's logs of a trial that went wrong are kept (default bench/out/crash_logs)",
    )
    parser.add_argument(
        "--settle", type=float, default=0.3, help="seconds to keep watching after a trial's fan-out is done"
    )
    parser.add_argument(
        "--no-validate",
        dest="validate",
        action="store_false",
        help="skip the stand-in's OpenAPI validation of request bodies (saves CPU on this 2-core machine)",
    )
    parser.add_argument(
        "--max-errors", type=int, default=5, help="stop after this many trials in a row could not run (5)"
    )
    parser.add_argument("--keep-all", action="store_true", help="keep every trial's logs, not only bad ones")
    parser.add_argument("--records", default=None, help="append one JSON line per trial to this file")
    parser.add_argument(
        "--kind",
        choices=("crash", "chatter"),
        default="crash",
        help="crash: restart at once (nonces dedupe); chatter: restart after the nonce window, members"
        " posting 0-200 messages per channel meanwhile (the bot must search the history)",
    )
    parser.add_argument(
        "--nonce-window",
        type=float,
        default=3.0,
        help="kind chatter: seconds the stand-in keeps nonces (the bot trusts a third of it); default 3",
    )
    parser.add_argument(
        "--max-chatter", type=int, default=200, help="kind chatter: most member messages per channel (200)"
    )
    args = parser.parse_args(argv)
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(2**32)
    return args


if __name__ == "__main__":
    arguments = parse_args()
    if RUN_ROOT is None:
        snapshot_and_reexec(arguments)  # does not return
    else:
        quiet_standin_hang_ups()
        sys.exit(asyncio.run(main(arguments, Path(RUN_ROOT))))
