"""Shared fixtures: the shipped brief and seeds, found relative to the repository; fixture libraries; a fresh
database.

No test depends on how many briefs ship: `shipped` is a library of the one brief the tests read sentence by
sentence (whatever else an editor adds to `briefs/`), and `newsroom` is that brief beside two fixture articles
(`tests/data/library/`: invented texts, marked as fixtures, never news).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from bot.briefs.loader import LoadResult, load_library
from bot.storage import Database
from tests.postgres import REQUIRE_ENV, PostgresServer, find_bindir, missing_reason

BACKENDS = ("sqlite", "postgresql")

# Property tests are deterministic (the same examples on every run and machine) and never fail for being slow on
# a loaded machine: speed is the benchmarks' business, not the suite's.
hypothesis_settings.register_profile(
    "briefbot", derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("briefbot")

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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes `database` runs on each backend, SQLite and PostgreSQL, unless it is marked
    `sqlite_only` (it tests what only SQLite has: its file, its pragmas)."""
    if "database" in metafunc.fixturenames:
        only_sqlite = any(
            metafunc.definition.get_closest_marker(marker) is not None
            for marker in ("sqlite_only", "postgresql_pending")
        )
        metafunc.parametrize("database", ["sqlite"] if only_sqlite else list(BACKENDS), indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL 15 server for the whole session (see tests/postgres.py); the PostgreSQL tests
    are skipped, saying how to install it, where it is missing (a failure under BRIEFBOT_REQUIRE_POSTGRES=1)."""
    reason = missing_reason()
    if reason is not None:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1: {reason}", pytrace=False)
        pytest.skip(reason)
    bindir = find_bindir()
    assert bindir is not None
    server = PostgresServer(bindir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
async def postgres_url(postgres_server: PostgresServer) -> AsyncIterator[str]:
    """The URL of a new, migrated PostgreSQL database of the test's own, dropped afterwards."""
    url = await postgres_server.fresh_database()
    yield url
    await postgres_server.drop_database(url)


_sqlite_template: Path | None = None


async def migrated_sqlite_file(path: Path) -> None:
    """Puts at `path` a SQLite database as `Database.open` leaves a new file: a copy of one it migrated from
    nothing, once a process (migrating a new file took a tenth of a second; a copy takes milliseconds). Closed,
    that one is a single file: its WAL was checkpointed into it and removed."""
    global _sqlite_template
    if _sqlite_template is None:
        made = Path(tempfile.mkdtemp(prefix="briefbot-sqlite-template-")) / "briefbot.sqlite3"
        atexit.register(shutil.rmtree, made.parent, True)
        await (await Database.open(made)).close()
        assert sorted(p.name for p in made.parent.iterdir()) == [made.name]
        _sqlite_template = made
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_sqlite_template, path)


@pytest.fixture
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A new, migrated database of the test's own, closed afterwards: a SQLite file in the test's folder (made by
    `migrated_sqlite_file`), or a PostgreSQL database on the session's server (the test runs
    once on each, see pytest_generate_tests)."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        await migrated_sqlite_file(tmp_path / "briefbot.sqlite3")
        database = await Database.open(tmp_path / "briefbot.sqlite3")
        yield database
        await database.close()
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url, empty_it = await server.shared_database()
    database = await Database.open(url)
    try:
        async with database.transaction() as connection:
            await connection.execute(empty_it)
        yield database
    finally:
        await database.close()
