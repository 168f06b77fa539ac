"""Shared fixtures: the shipped briefs and seeds, found relative to the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.briefs.loader import LoadResult, load_library

REPO = Path(__file__).resolve().parent.parent
BRIEFS_DIR = REPO / "briefs"
SEEDS_DIR = REPO / "seeds"
BROKEN_DIR = Path(__file__).resolve().parent / "data" / "broken"


@pytest.fixture(scope="session")
def shipped() -> LoadResult:
    return load_library(BRIEFS_DIR, SEEDS_DIR)
