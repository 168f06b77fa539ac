"""The process that checks the briefs of a reload is background work: it runs only when a core has nothing
else to do (SCHED_IDLE), so the bot's answers never wait for it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from bot.app.library_reload import LibraryReloader
from bot.briefs.lookup import Library
from tests.reload_fixture import FIXTURE_BRIEF, FIXTURE_ID, FIXTURE_SEED


def _scheduling() -> int:
    """In the checking process: its scheduling policy."""
    return os.sched_getscheduler(0)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SCHED_IDLE is Linux's")
async def test_the_checking_process_runs_only_on_an_idle_core(tmp_path: Path) -> None:
    briefs, seeds = tmp_path / "briefs", tmp_path / "seeds"
    briefs.mkdir()
    seeds.mkdir()
    shutil.copy(FIXTURE_SEED, seeds)
    shutil.copy(FIXTURE_BRIEF, briefs)
    installed: list[Library] = []
    reloader = LibraryReloader(briefs, seeds, installed.append)
    reloader.load()
    try:
        result = await reloader.reload("test")
        assert result.library.ids == [FIXTURE_ID]
        checker = reloader._checker
        assert checker is not None  # the reload was checked in the checking process
        assert checker.submit(_scheduling).result(timeout=60) == os.SCHED_IDLE
        assert os.sched_getscheduler(0) != os.SCHED_IDLE  # the bot's own process is not
    finally:
        await reloader.close()
