"""Shared fixtures: the shipped briefs and seeds, found relative to the repository; a fresh database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.briefs.loader import LoadResult, load_library
from bot.storage import Database

REPO = Path(__file__).resolve().parent.parent
BRIEFS_DIR = REPO / "briefs"
SEEDS_DIR = REPO / "seeds"
BROKEN_DIR = Path(__file__).resolve().parent / "data" / "broken"


@pytest.fixture(scope="session")
def shipped() -> LoadResult:
    return load_library(BRIEFS_DIR, SEEDS_DIR)


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    """A new, migrated database file in the test's own folder, closed afterwards."""
    database = await Database.open(tmp_path / "briefbot.sqlite3")
    yield database
    await database.close()
