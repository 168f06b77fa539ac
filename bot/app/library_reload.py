"""Reloading the library while the bot runs: on a change under BRIEFS_DIR or SEEDS_DIR (watchfiles), on
SIGHUP, or on `/library reload`.

Every brief is read, the changed ones checked, and what the reload changes decided (`plan_reload`: duplicate
ids, refused briefs, their last good versions kept, warnings) in a process of its own (started at the first
reload, kept for the next, which remembers what it was last told), so answers never wait for it, nor share
the interpreter's lock with it: only what changed comes back. The bot's own process then does only what
changed (`applied`, `Library.updated`: a block of the combined indexes, not the whole library; CPython hands
the interpreter between threads every 5 ms, so any long piece of Python here would make answers wait), on the
event loop, and swaps the new library in with one assignment there, so a command sees the old library or the
new one, never a mix. A refused brief keeps its last good version (bot.briefs.loader.reload_library).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import select
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, date, datetime
from pathlib import Path

import watchfiles

from bot.briefs.loader import (
    Known,
    LoadResult,
    ReloadPlan,
    ReloadResult,
    applied,
    known_after,
    known_of,
    load_library,
    plan_reload,
)
from bot.briefs.lookup import Library

log = logging.getLogger(__name__)

CHECKER_NICENESS = 19  # where SCHED_IDLE is not to be had: the least share of a busy core
WATCH_DEBOUNCE_MS = 300  # an editor's save (temporary file, rename) arrives as a burst: one reload for it


def _today() -> date:
    return datetime.now(UTC).astimezone().date()


def _checker_started(bot: int) -> None:
    """In the checking process: Ctrl-C and SIGHUP are the bot's to handle (a terminal sends them to the whole
    process group); the process ends when the bot shuts its pool down (its close, or the pool's own hook at
    the interpreter's exit), or as soon as the bot's process `bot` is gone, however it ended (`_ending_with`).
    It is background work: it runs only on a core nothing else wants (SCHED_IDLE: a bot woken by a command
    takes the core from it at once), else at the lowest priority there is."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    _ending_with(bot)
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):  # not Linux
        with contextlib.suppress(OSError):
            os.nice(CHECKER_NICENESS)


def _ending_with(bot: int) -> None:
    """This process exits once process `bot` has ended: a thread of it waits for that. A bot killed (SIGKILL,
    a crash) shuts nothing down, and the pool's queue would keep this process waiting for work forever, with
    multiprocessing's resource tracker beside it."""
    if os.getppid() != bot:  # the bot is gone already (this process was handed to another parent)
        os._exit(0)
    try:
        pidfd = os.pidfd_open(bot)  # readable once the process has ended (Linux 5.3)
    except ProcessLookupError:
        os._exit(0)
    except (AttributeError, OSError):  # no pidfd (not Linux): who the parent is, asked once a second
        threading.Thread(
            target=_exit_when_orphaned, args=(bot,), name="end-with-the-bot", daemon=True
        ).start()
        return
    threading.Thread(target=_exit_when_readable, args=(pidfd,), name="end-with-the-bot", daemon=True).start()


def _exit_when_readable(pidfd: int) -> None:
    select.select([pidfd], [], [])
    os._exit(0)


def _exit_when_orphaned(bot: int) -> None:
    while os.getppid() == bot:
        time.sleep(1.0)
    os._exit(0)


# In the checking process: what it was last told or worked out (`Known`), and the number the bot gave it, so
# that the bot need not send a thousand entries again for every reload (pickling them holds its interpreter).
_remembered: tuple[int, Known] | None = None


def _plan_in_checker(
    briefs_dir: Path, seeds_dir: Path, turn: int, known: Known | None, today: date
) -> ReloadPlan | None:
    """In the checking process: `plan_reload` over `known`, or (when None) over the `Known` this process
    worked out at reload `turn`; None when it holds no such thing (the bot then sends it)."""
    global _remembered
    if known is None:
        if _remembered is None or _remembered[0] != turn:
            return None
        known = _remembered[1]
    plan = plan_reload(briefs_dir, seeds_dir, known, today)
    _remembered = (turn + 1, known_after(known, plan))
    return plan


def _log_warnings(result: LoadResult) -> None:
    for warning in result.warnings(_today()):
        log.warning("brief warning: %s", warning)


class LibraryReloader:
    """Owns the loaded library's history: the last load, the reloads' order, the watch task."""

    def __init__(self, briefs_dir: Path, seeds_dir: Path, install: Callable[[Library], None]) -> None:
        self.briefs_dir = briefs_dir
        self.seeds_dir = seeds_dir
        self._install = install
        self._last: LoadResult | None = None
        self._known: Known = {}  # known_of(self._last): what the checking process is told
        self._lock = asyncio.Lock()  # one reload at a time, in the order they were asked for
        self._watch: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()
        self._loaded_at = 0.0
        # The process that reads and checks the briefs of a reload; None until the first reload, and after close.
        self._checker: ProcessPoolExecutor | None = None
        # Reloads done; and the reload whose `Known` the checking process holds (None: it holds none).
        self._turn = 0
        self._checker_turn: int | None = None
        self._closed = False

    def load(self) -> LoadResult:
        """The first load (blocking, at start-up, before any command can be answered); installs it."""
        self._loaded_at = time.time()
        result = load_library(self.briefs_dir, self.seeds_dir)
        for error in result.errors:
            log.error("brief refused: %s", error)
        _log_warnings(result)
        self._last, self._known = result, known_of(result)
        self._install(result.library)
        log.info(
            "loaded %d brief(s) from %s (%d error(s))",
            len(result.library),
            self.briefs_dir,
            len(result.errors),
        )
        return result

    async def _plan(self) -> ReloadPlan:
        """What the reload changes (`plan_reload`), worked out in the checking process."""
        today = _today()
        if self._closed:  # a reload asked for while shutting down: no new process for it
            return await asyncio.to_thread(plan_reload, self.briefs_dir, self.seeds_dir, self._known, today)
        if self._checker is None:
            # spawn: a fresh interpreter, never a fork of this one's threads and sockets
            context = multiprocessing.get_context("spawn")
            self._checker = ProcessPoolExecutor(
                1, mp_context=context, initializer=_checker_started, initargs=(os.getpid(),)
            )
            self._checker_turn = None
        loop = asyncio.get_running_loop()
        try:
            plan = None
            if self._checker_turn == self._turn:  # it remembers what the last reload left
                plan = await loop.run_in_executor(
                    self._checker, _plan_in_checker, self.briefs_dir, self.seeds_dir, self._turn, None, today
                )
            if plan is None:
                plan = await loop.run_in_executor(
                    self._checker,
                    _plan_in_checker,
                    self.briefs_dir,
                    self.seeds_dir,
                    self._turn,
                    self._known,
                    today,
                )
            assert plan is not None, "given what it needs, the checking process makes a plan"
            self._checker_turn = self._turn + 1
            return plan
        except BrokenProcessPool:
            # The process died (killed, out of memory): this reload is checked in a thread, the next one
            # in a new process.
            log.warning("the process checking the briefs stopped; this reload is checked in a thread")
            self._checker = None
            return await asyncio.to_thread(plan_reload, self.briefs_dir, self.seeds_dir, self._known, today)

    async def reload(self, why: str) -> ReloadResult:
        """Load the library again off the event loop and install it; logs `library reloaded (why): ...`."""
        async with self._lock:
            previous = self._last if self._last is not None else LoadResult(Library([]), [])
            plan = await self._plan()
            # On the event loop, all at once: what changed only (a block of the indexes per changed brief),
            # so no other thread holds the interpreter while commands are answered.
            result = applied(self.briefs_dir, plan, previous)
            self._known, self._turn = known_after(self._known, plan), self._turn + 1
            self._last = result
            self._install(result.library)
        for error in result.errors:
            log.error("brief refused: %s", error)
        for warning in plan.warnings:
            log.warning("brief warning: %s", warning)
        log.info("library reloaded (%s): %s", why, result.summary())
        return result

    async def start_watching(self) -> None:
        """Reload on every change under the briefs and seeds folders that exist now; from when this returns,
        no change is missed (one made since the first load is caught up at once)."""
        folders = [folder for folder in (self.briefs_dir, self.seeds_dir) if folder.is_dir()]
        if not folders:
            log.warning(
                "not watching for brief changes: neither %s nor %s exists", self.briefs_dir, self.seeds_dir
            )
            return
        self._watch = asyncio.create_task(self._watch_folders(folders), name="library-watch")
        # The task's first step opens the watcher (synchronously, inside awatch) and then waits in a thread:
        # one turn of the loop and the folders are watched.
        await asyncio.sleep(0)
        log.info("watching %s for brief changes", ", ".join(map(str, folders)))
        if any(_changed_since(folder, self._loaded_at) for folder in folders):
            await self.reload("changed while starting")

    async def _watch_folders(self, folders: list[Path]) -> None:
        try:
            async for changes in watchfiles.awatch(
                *folders, stop_event=self._stop, debounce=WATCH_DEBOUNCE_MS, recursive=False
            ):
                names = sorted({Path(path).name for _change, path in changes})
                await self.reload("changed: " + ", ".join(names[:5]) + (" …" if len(names) > 5 else ""))
        except Exception:
            # The watch is a convenience: SIGHUP and /library reload still work without it.
            log.exception("watching for brief changes stopped")

    async def close(self) -> None:
        self._stop.set()
        self._closed = True
        if self._watch is not None:
            self._watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch
            self._watch = None
        if self._checker is not None:
            checker, self._checker = self._checker, None
            # A check under way finishes first (its reload still installs); the process then exits.
            await asyncio.to_thread(checker.shutdown, wait=True, cancel_futures=True)


def _changed_since(folder: Path, since: float) -> bool:
    """Whether the folder or a file in it was modified at or after `since` (seconds since the epoch)."""
    try:
        return folder.stat().st_mtime >= since or any(p.stat().st_mtime >= since for p in folder.iterdir())
    except OSError:
        return True  # a file removed meanwhile is a change
