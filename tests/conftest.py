"""Shared fixtures: the shipped brief and seeds, found relative to the repository; fixture libraries; a fresh
database.

No test depends on how many briefs ship: `shipped` is a library of the one brief the tests read sentence by
sentence (whatever else an editor adds to `briefs/`), and `newsroom` is that brief beside two fixture articles
(`tests/data/library/`: invented texts, marked as fixtures, never news).
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.briefs.loader import LoadResult, load_library
from bot.storage import Database

REPO = Path(__file__).resolve().parent.parent
BRIEFS_DIR = REPO / "briefs"
SEEDS_DIR = REPO / "seeds"
BROKEN_DIR = Path(__file__).resolve().parent / "data" / "broken"
FIXTURE_LIBRARY_DIR = Path(__file__).resolve().parent / "data" / "library"
SHIPPED_ID = "israel-ukraine-defense-contact-group"
SHIPPED_BRIEF = BRIEFS_DIR / f"{SHIPPED_ID}.toml"
SHIPPED_SEED = SEEDS_DIR / "jpost-israel-ukraine-defense-contact-group.txt"
FIXTURE_IDS = ("fixture-ostmark-harbour-opens", "fixture-valdoria-harbour-loan")


def make_library(root: Path, *, shipped: bool = True, fixtures: bool = False) -> tuple[Path, Path]:
    """A briefs and a seeds folder under `root`: the shipped brief and/or the fixture articles, copied (again,
    when they are there already)."""
    briefs, seeds = root / "briefs", root / "seeds"
    briefs.mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    if shipped:
        shutil.copy(SHIPPED_BRIEF, briefs)
        shutil.copy(SHIPPED_SEED, seeds)
    if fixtures:
        for brief in (FIXTURE_LIBRARY_DIR / "briefs").glob("*.toml"):
            shutil.copy(brief, briefs)
        for seed in (FIXTURE_LIBRARY_DIR / "seeds").glob("*.txt"):
            shutil.copy(seed, seeds)
    return briefs, seeds


@pytest.fixture(scope="session")
def shipped_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Folders holding only the shipped brief and its seed."""
    return make_library(tmp_path_factory.mktemp("shipped"))


@pytest.fixture(scope="session")
def newsroom_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Folders holding the shipped brief and the two fixture articles."""
    return make_library(tmp_path_factory.mktemp("newsroom"), fixtures=True)


@pytest.fixture
def dirs(shipped_dirs: tuple[Path, Path]) -> list[str]:
    """`--briefs` and `--seeds` of a library holding only the shipped brief, for the command line."""
    return ["--briefs", str(shipped_dirs[0]), "--seeds", str(shipped_dirs[1])]


@pytest.fixture(scope="session")
def shipped(shipped_dirs: tuple[Path, Path]) -> LoadResult:
    return load_library(*shipped_dirs)


@pytest.fixture(scope="session")
def newsroom(newsroom_dirs: tuple[Path, Path]) -> LoadResult:
    result = load_library(*newsroom_dirs)
    assert result.errors == [] and len(result.library) == 3
    return result


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    """A new, migrated database file in the test's own folder, closed afterwards."""
    database = await Database.open(tmp_path / "briefbot.sqlite3")
    yield database
    await database.close()
