"""Reloading the library while the bot runs: on a change under BRIEFS_DIR or SEEDS_DIR (watchfiles), on
SIGHUP, or on `/library reload`.

Every brief is read and checked in a worker thread, so answers never wait for it; the new library is swapped
in with one assignment on the event loop, so a command sees the old library or the new one, never a mix.
A refused brief keeps its last good version (bot.briefs.loader.reload_library).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import watchfiles

from bot.briefs.loader import BriefWarning, LoadResult, ReloadResult, load_library, reload_library
from bot.briefs.lookup import Library

log = logging.getLogger(__name__)

WATCH_DEBOUNCE_MS = 300  # an editor's save (temporary file, rename) arrives as a burst: one reload for it


def _today() -> date:
    return datetime.now(UTC).astimezone().date()


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
        self._lock = asyncio.Lock()  # one reload at a time, in the order they were asked for
        self._watch: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()
        self._loaded_at = 0.0

    def load(self) -> LoadResult:
        """The first load (blocking, at start-up, before any command can be answered); installs it."""
        self._loaded_at = time.time()
        result = load_library(self.briefs_dir, self.seeds_dir)
        for error in result.errors:
            log.error("brief refused: %s", error)
        _log_warnings(result)
        self._last = result
        self._install(result.library)
        log.info(
            "loaded %d brief(s) from %s (%d error(s))",
            len(result.library),
            self.briefs_dir,
            len(result.errors),
        )
        return result

    def _reload(self, previous: LoadResult) -> tuple[ReloadResult, list[BriefWarning]]:
        """The reload's work, all of it in the worker thread: the check, the indexes, the warnings."""
        result = reload_library(self.briefs_dir, self.seeds_dir, previous)
        return result, result.warnings(_today())

    async def reload(self, why: str) -> ReloadResult:
        """Load the library again off the event loop and install it; logs `library reloaded (why): ...`."""
        async with self._lock:
            previous = self._last if self._last is not None else LoadResult(Library([]), [])
            result, warnings = await asyncio.to_thread(self._reload, previous)
            self._last = result
            self._install(result.library)
        for error in result.errors:
            log.error("brief refused: %s", error)
        for warning in warnings:
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
        if self._watch is not None:
            self._watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch
            self._watch = None


def _changed_since(folder: Path, since: float) -> bool:
    """Whether the folder or a file in it was modified at or after `since` (seconds since the epoch)."""
    try:
        return folder.stat().st_mtime >= since or any(p.stat().st_mtime >= since for p in folder.iterdir())
    except OSError:
        return True  # a file removed meanwhile is a change
