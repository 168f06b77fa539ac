"""A ``DiscordStandIn`` in a process of its own, for ``bench/fanout.py``.

On Discord the rate limiter is not inside the bot's process: an event-loop stall or a garbage-collector
pause of the bot cannot make the limiter count requests late, bunched into one window. Running the
stand-in in the benchmark's own process shares one loop and one heap between the two, so a stall of either
delays the stand-in's handling of requests the bot had spaced correctly. Here each side gets a stand-in in
a child process, driven over a pipe.

Protocol: the child prints one JSON object per line on stdout and reads one per line on stdin. First it
prints ``{"base_url", "gateway_url", "guild_id", "clock_offset", "pid"}`` (``clock_offset``: stand-in clock
minus ``time.monotonic()``, which is system-wide on Linux). Each command ``{"cmd": ..., ...}`` gets one
answer line:

* ``register_channels`` ``n``: ``{"ids": [...]}``, REST-only channels (the ones ``progress`` and ``stats``
  report on);
* ``freeze``: warms the message-create validator, then ``gc.collect()``, ``gc.freeze()`` and starts the
  stall watch; ``{"frozen": objects}``;
* ``progress``: ``{"reached", "messages", "global_429", "user_429"}``: channels with a message, messages
  stored anywhere, 429s so far;
* ``stats``: everything the report needs (see ``_stats``);
* ``stop``: stops the stand-in, answers ``{"stopped": true}`` and exits. End of input does the same.

For ``bench/library.py`` (bots as ``briefbot run`` processes of their own, the driver in the parent; each
application named by its token, ``""`` for the default one):

* ``register_bot`` ``token``, ``name``: a second application answering to ``token``; ``{"app": id}``;
* ``ready`` ``token``, ``timeout``: waits until that application's bot has identified and synced its
  commands to the guild; ``{"ready": true}`` (``{"error"}`` on time-out);
* ``interact`` ``token``, ``command``, ``options``, ``focused`` (an autocomplete when given), ``timeout``,
  ``data`` (whether to send back the callback's data): sends the interaction and waits for its callback;
  ``{"elapsed": seconds, "type": callback type}`` (INTERACTION_CREATE sent -> callback received, measured
  here), or ``{"error"}`` on time-out;
* ``violations``: ``{"violations": [...]}``.

Run as ``python bench/_standin_process.py '{"latency": [0.02, 0.05], "global_limit": 50,
"channel_limit": [5, 5.0]}'``; ``StandInProcess.start(...)`` does that and speaks the protocol.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parent.parent
MESSAGE_ROUTE = "/channels/{channel_id}/messages"
READ_LIMIT = 1 << 28  # the stats line of a bare run is a few MB


class StallWatch:
    """Event-loop stalls and garbage-collector pauses (over 50 ms) in the current process.

    In the stand-in's process a stall holds requests back and releases them together, which its
    fixed-window limiter may count as a burst; in the bot's process it is the bot's own behaviour.
    """

    def __init__(self, tick: float = 0.01, clock: Callable[[], float] = time.monotonic) -> None:
        self.tick = tick
        self.clock = clock  # for when the long lags came
        self.max_lag = 0.0
        self.lags_over_100ms = 0
        self.long_lags: list[tuple[float, float]] = []  # (clock when it ended, seconds), the first 20
        self.gc_pauses: list[tuple[int, float]] = []  # (generation, seconds) of pauses over 50 ms
        # Of every lag over 100 ms, how much this process computed meanwhile: about the whole lag is its own
        # work (a slow handler, a collection); much less is the machine not running it (other processes).
        self.lag_busy_s = 0.0
        self.lag_starved_s = 0.0
        self.lags: list[tuple[float, float, float]] = []  # (clock when it ended, lag, CPU seconds in it)
        self._gc_started = 0.0
        self._task: asyncio.Task[None] | None = None

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            took = time.perf_counter() - self._gc_started
            if took > 0.05:
                self.gc_pauses.append((int(info.get("generation", -1)), round(took, 3)))

    async def _watch(self) -> None:
        while True:
            before, cpu_before = time.perf_counter(), time.process_time()
            await asyncio.sleep(self.tick)
            lag = time.perf_counter() - before - self.tick
            self.max_lag = max(self.max_lag, lag)
            if lag > 0.1:
                self.lags_over_100ms += 1
                cpu = time.process_time() - cpu_before
                busy = min(cpu, lag)
                self.lag_busy_s += busy
                self.lag_starved_s += lag - busy
                if len(self.lags) < 100_000:
                    self.lags.append((self.clock(), round(lag, 3), round(cpu, 3)))
                if len(self.long_lags) < 20:
                    self.long_lags.append((self.clock(), round(lag, 3)))

    def __enter__(self) -> StallWatch:
        gc.callbacks.append(self._on_gc)
        self._task = asyncio.get_running_loop().create_task(self._watch())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        if self._task is not None:
            self._task.cancel()

    def summary(self) -> dict[str, Any]:
        return {
            "max_loop_lag_s": round(self.max_lag, 3),
            "loop_lags_over_100ms": self.lags_over_100ms,
            "gc_pauses_over_50ms": len(self.gc_pauses),
            "longest_gc_pause_s": max((took for _, took in self.gc_pauses), default=0.0),
            "long_lags": [list(lag) for lag in self.long_lags],  # [clock, seconds]
            "lag_busy_s": round(self.lag_busy_s, 3),
            "lag_starved_s": round(self.lag_starved_s, 3),
            "lags": [list(lag) for lag in self.lags],  # [clock, seconds, CPU seconds]
        }


def freeze_heap() -> int:
    """Collects, then moves every object left to the permanent generation: later collections skip the
    set-up heap (imports, validators, the world, the bot). Returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


REFREEZE_EVERY = 1.0  # seconds


async def keep_frozen(every: float = REFREEZE_EVERY) -> None:
    """Moves the objects that survived the last `every` seconds to the permanent generation, again and
    again: the stand-in's heap grows with every message it stores (20,000 and more), and a full collection
    over it paused the stand-in 0.5 s at a time in a 20,000-channel run, holding requests back and releasing
    them together, as Discord's limiter never does. Young collections still run between freezes (short-lived
    garbage goes); a cycle that outlives a freeze is kept until the process ends, which a benchmark affords."""
    while True:
        await asyncio.sleep(every)
        gc.freeze()


STANDIN_NICE = -10


def raise_priority() -> int:
    """Runs this stand-in ahead of the bots it measures (as root; otherwise it stays as it is). Discord's
    limiter runs on machines of its own, never starved by the bots: here, on 2 cores shared with several bots
    and a PostgreSQL, a quick run measured the stand-in's loop held up 1-5 s at a time while it computed
    only about a fifth of that time (52 s of 64 s of lags were the machine running other processes), and the
    requests queued meanwhile were counted together, in one second. Returns the niceness now."""
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, STANDIN_NICE)
    return os.getpriority(os.PRIO_PROCESS, 0)


# ----- the parent's side ------------------------------------------------------------------------------


class StandInProcess:
    """A stand-in child process: ``base_url``, ``gateway_url`` and ``guild_id`` as ``DiscordStandIn`` has
    them (enough for ``bot_settings``, ``running_bot`` and ``run_bare_bot``), and ``call`` for the rest."""

    def __init__(self, process: asyncio.subprocess.Process, hello: dict[str, Any]) -> None:
        self.process = process
        self.base_url: str = hello["base_url"]
        self.gateway_url: str = hello["gateway_url"]
        self.guild_id: int = hello["guild_id"]
        self.clock_offset: float = hello["clock_offset"]
        self.pid: int = hello["pid"]
        self._lock = asyncio.Lock()

    @classmethod
    async def start(
        cls, *, latency: tuple[float, float], global_limit: int, channel_limit: tuple[int, float]
    ) -> StandInProcess:
        config = {
            "latency": list(latency),
            "global_limit": global_limit,
            "channel_limit": list(channel_limit),
        }
        return await cls.launch(str(SCRIPT), json.dumps(config))

    @classmethod
    async def launch(cls, *arguments: str) -> StandInProcess:
        """`python *arguments`, a child that serves the protocol (``serve_commands``), once it said hello."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *arguments,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=READ_LIMIT,
        )
        try:
            hello = await asyncio.wait_for(cls._read(process), timeout=60)
        except BaseException:
            await cls._end(process)
            raise
        return cls(process, hello)

    @staticmethod
    async def _read(process: asyncio.subprocess.Process) -> dict[str, Any]:
        assert process.stdout is not None
        line = await process.stdout.readline()
        if not line:
            raise RuntimeError(f"the stand-in process (pid {process.pid}) ended without answering")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"the stand-in process failed: {answer['error']}")
        return answer

    async def call(self, cmd: str, **arguments: Any) -> dict[str, Any]:
        async with self._lock:
            assert self.process.stdin is not None
            self.process.stdin.write((json.dumps({"cmd": cmd, **arguments}) + "\n").encode())
            await self.process.stdin.drain()
            return await self._read(self.process)

    def stand_in_time(self) -> float:
        """The child stand-in's clock, read in this process."""
        return time.monotonic() + self.clock_offset

    async def stop(self) -> None:
        if self.process.returncode is None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.call("stop"), timeout=10)
        await self._end(self.process)

    @staticmethod
    async def _end(process: asyncio.subprocess.Process) -> None:
        """Waits for the child (this one, by its own handle), killing it if it does not exit."""
        if process.stdin is not None:
            process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), timeout=10)
        except TimeoutError:
            process.kill()
            await process.wait()

    async def __aenter__(self) -> StandInProcess:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


# ----- the child's side -------------------------------------------------------------------------------


def _write(answer: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(answer, separators=(",", ":")) + "\n")
    sys.stdout.flush()


@dataclass
class Served:
    """What the command loop keeps for its handlers: the stand-in, the channels ``register_channels`` made
    (the ones ``progress`` and ``stats`` report on), and the stall watch ``freeze`` started."""

    standin: Any
    channels: list[int] = field(default_factory=list)
    watch: StallWatch | None = None
    refreezer: asyncio.Task[None] | None = None


Handler = Callable[[Served, dict[str, Any]], Awaitable[dict[str, Any]]]


async def _register_channels(served: Served, command: dict[str, Any]) -> dict[str, Any]:
    new = served.standin.register_channels(int(command["n"]))
    served.channels.extend(new)
    return {"ids": new}


async def _freeze(served: Served, command: dict[str, Any]) -> dict[str, Any]:
    from tests.standin import openapi

    # The validators are compiled once per process, on first use: not during the fan-out.
    openapi.validate_body("POST", MESSAGE_ROUTE, {"content": "warm-up"})
    frozen = freeze_heap()
    if served.watch is None:
        served.watch = StallWatch(clock=served.standin.clock).__enter__()
        served.refreezer = asyncio.get_running_loop().create_task(keep_frozen())
    return {"frozen": frozen, "nice": os.getpriority(os.PRIO_PROCESS, 0)}


async def serve_commands(standin: Any, handlers: Mapping[str, Handler]) -> None:
    """The child's side of the protocol, for every benchmark's stand-in process: starts `standin`, prints
    the hello line, answers each command line read from stdin with one line (``register_channels`` and
    ``freeze`` here, the rest by `handlers`, by name) until ``stop`` or the end of input, then stops the
    stand-in and prints ``{"stopped": true}``. It runs ahead of the bots (`raise_priority`)."""
    raise_priority()
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=READ_LIMIT)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    served = Served(standin)
    commands: dict[str, Handler] = {"register_channels": _register_channels, "freeze": _freeze, **handlers}
    await standin.start()
    try:
        _write(
            {
                "base_url": standin.base_url,
                "gateway_url": standin.gateway_url,
                "guild_id": standin.guild_id,
                "clock_offset": standin.clock() - time.monotonic(),
                "pid": os.getpid(),
            }
        )
        while line := await reader.readline():
            command = json.loads(line)
            name = command["cmd"]
            if name == "stop":
                break
            handler = commands.get(name)
            _write(
                {"error": f"unknown command {name!r}"} if handler is None else await handler(served, command)
            )
    finally:
        if served.refreezer is not None:
            served.refreezer.cancel()
        if served.watch is not None:
            served.watch.__exit__(None, None, None)
        await standin.stop()
    _write({"stopped": True})


class _GlobalChecks:
    """Wraps the stand-in's limiter to keep the stand-in time of every check of the global bucket, and of
    every global rejection: what the fixed windows actually counted (after the injected latency)."""

    def __init__(self, standin: Any) -> None:
        self.checks: list[float] = []
        self.rejections: list[float] = []
        limiter = standin.limiter
        check = limiter.check
        clock = standin.clock

        def counted(*, token: str | None, route_key: str, major: str, exempt_from_global: bool) -> Any:
            decision = check(
                token=token, route_key=route_key, major=major, exempt_from_global=exempt_from_global
            )
            if not exempt_from_global:
                now = clock()
                self.checks.append(now)
                if not decision.allowed and decision.scope == "global":
                    self.rejections.append(now)
            return decision

        limiter.check = counted


def _stats(
    standin: Any, channels: list[int], checks: _GlobalChecks, watch: StallWatch | None
) -> dict[str, Any]:
    """Raw recordings; ``bench/fanout.py`` computes the figures from them."""
    return {
        # [method, route template, status, arrival time (stand-in clock)] of every request
        "requests": [[r.method, r.route, r.status, r.time] for r in standin.requests],
        "counts": [len(standin.messages.get(c, ())) for c in channels],  # messages per registered channel
        "counters": dict(standin.counters),
        "violations": [str(v) for v in standin.violations],
        "global_checks": checks.checks,
        "global_rejections": checks.rejections,
        "stalls": watch.summary() if watch is not None else None,
        "frozen": gc.get_freeze_count(),
    }


async def _register_bot(standin: Any, apps: dict[str, Any], command: dict[str, Any]) -> dict[str, Any]:
    app = apps[command["token"]] = standin.register_bot(command["token"], name=command.get("name", "Bot"))
    return {"app": app.id}


async def _ready(standin: Any, apps: dict[str, Any], command: dict[str, Any]) -> dict[str, Any]:
    app = apps[command["token"]]
    try:
        await standin.wait_until_identified(timeout=command["timeout"], app=app)
        await standin.wait_for(lambda: standin.synced_commands(standin.guild_id, app=app), command["timeout"])
    except TimeoutError:
        return {"error": f"the bot of {command['token'] or 'the default application'} is not ready"}
    return {"ready": True}


async def _interact(standin: Any, apps: dict[str, Any], command: dict[str, Any]) -> dict[str, Any]:
    app, options = apps[command["token"]], command.get("options") or {}
    if command.get("focused"):
        interaction = await standin.autocomplete(
            command["command"], options, focused=command["focused"], app=app
        )
    else:
        interaction = await standin.invoke_command(command["command"], options, app=app)
    try:
        callback = await standin.wait_for_callback(interaction, timeout=command.get("timeout", 10.0))
    except TimeoutError:
        return {"error": f"no callback for /{command['command']} within {command.get('timeout', 10.0)} s"}
    answer: dict[str, Any] = {"elapsed": callback.elapsed, "type": callback.type}
    if command.get("data"):
        answer["data"] = callback.data
    return answer


async def _violations(standin: Any, apps: dict[str, Any], command: dict[str, Any]) -> dict[str, Any]:
    return {"violations": [str(v) for v in standin.violations]}


_BOT_COMMANDS = {
    "register_bot": _register_bot,
    "ready": _ready,
    "interact": _interact,
    "violations": _violations,
}


async def _serve(config: dict[str, Any]) -> None:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from tests.standin import DiscordStandIn

    standin = DiscordStandIn(
        latency=(config["latency"][0], config["latency"][1]),
        enforce_rate_limits=True,
        global_limit=config["global_limit"],
        channel_limit=(config["channel_limit"][0], config["channel_limit"][1]),
    )
    apps = {"": standin.default_app}
    checks = _GlobalChecks(standin)

    async def progress(served: Served, command: dict[str, Any]) -> dict[str, Any]:
        c = standin.counters
        return {
            "reached": sum(1 for ch in served.channels if standin.messages.get(ch)),
            "messages": sum(len(m) for m in standin.messages.values()),
            "global_429": c["global_429"],
            "user_429": c["user_429"],
        }

    async def stats(served: Served, command: dict[str, Any]) -> dict[str, Any]:
        return _stats(standin, served.channels, checks, served.watch)

    def bot_command(
        run: Callable[[Any, dict[str, Any], dict[str, Any]], Awaitable[dict[str, Any]]],
    ) -> Handler:
        async def handle(served: Served, command: dict[str, Any]) -> dict[str, Any]:
            return await run(served.standin, apps, command)

        return handle

    handlers: dict[str, Handler] = {"progress": progress, "stats": stats}
    handlers.update({name: bot_command(run) for name, run in _BOT_COMMANDS.items()})
    await serve_commands(standin, handlers)


def main() -> None:
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s standin %(name)s: %(message)s"
    )
    config = json.loads(sys.argv[1])
    try:
        asyncio.run(_serve(config))
    except Exception as exc:
        _write({"error": repr(exc)})
        raise


if __name__ == "__main__":
    main()
