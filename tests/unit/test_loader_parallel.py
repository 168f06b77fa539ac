"""`briefbot check` checks a large library in forked processes: the same briefs, errors and order as one."""

from __future__ import annotations

from pathlib import Path

from bench.library import write_library
from bot.briefs.loader import PARALLEL_FROM, load_library


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
