"""`briefbot check` checks a large library in forked processes: the same briefs, errors and order as one."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bench.library import write_library
from bot.briefs.loader import (
    PARALLEL_FROM,
    _Shares,
    check_folder,
    load_library,
    reload_library,
    reloaded,
)


def test_a_large_library_checked_in_processes_is_the_library_checked_in_one(tmp_path: Path) -> None:
    briefs, seeds, made = write_library(tmp_path, range(PARALLEL_FROM + 6))
    broken = briefs / f"{made[40].brief_id}.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("has sent", "has shipped"), encoding="utf-8")
    twin = briefs / "zz-twin.toml"  # the same id as the first brief: a duplicate, found across shares
    twin.write_text((briefs / f"{made[0].brief_id}.toml").read_text(encoding="utf-8"), encoding="utf-8")
    alone = load_library(briefs, seeds)
    together = load_library(briefs, seeds, workers=3)
    assert [str(error) for error in together.errors] == [str(error) for error in alone.errors]
    assert {error.file for error in together.errors} == {broken, twin}
    assert [b.id for b in together.library.briefs] == [b.id for b in alone.library.briefs]
    assert together.files.keys() == alone.files.keys() and together.seed_versions == alone.seed_versions
    assert all(brief.proof is not None for brief in together.library.briefs)  # the proofs came back too


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=40))
def test_the_chunks_claimed_in_turn_cover_every_file_once_in_order(files: int, size: int) -> None:
    paths = [Path(f"{number:03d}.toml") for number in range(files)]
    shares = _Shares(paths, Path("seeds"), {}, False, size, multiprocessing.Value("i", 0))
    claimed = []
    while (number := shares.claim()) is not None:
        claimed.append(number)
    assert claimed == list(range(shares.chunks))
    start = [number * size for number in claimed]
    assert [path for at in start for path in paths[at : at + size]] == paths


def test_a_reload_told_what_is_unchanged_gives_what_checking_every_file_gives(tmp_path: Path) -> None:
    """Files given by name only (unchanged) are taken as the earlier load had them, duplicates included."""
    briefs, seeds, made = write_library(tmp_path, range(6))
    first = load_library(briefs, seeds)
    # Now: one brief changed, one added with the id of an unchanged brief after it (a duplicate found on an
    # unchanged file), and one before it in file order (a duplicate found on a changed one).
    touch = briefs / f"{made[2].brief_id}.toml"
    touch.write_text(touch.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    for name, twin in (("zz-twin.toml", made[0]), ("aa-twin.toml", made[4])):
        (briefs / name).write_text((briefs / f"{twin.brief_id}.toml").read_text(encoding="utf-8"))
    told = reload_library(briefs, seeds, first)
    everything = reloaded(briefs, check_folder(briefs, seeds, {}, content_versions=True), first)
    assert [str(error) for error in told.errors] == [str(error) for error in everything.errors]
    assert {e.file.name for e in told.errors} == {"zz-twin.toml", f"{made[4].brief_id}.toml"}
    assert told.files.keys() == everything.files.keys() and told.seed_versions == everything.seed_versions
    assert told.library.ids == everything.library.ids and told.changed == everything.changed
