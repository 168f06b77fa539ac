"""A reload checks again only what changed: a brief whose file and seed are as they were is kept as loaded."""

from __future__ import annotations

from pathlib import Path

from bot.briefs.loader import load_library, reload_library
from tests.conftest import FIXTURE_IDS, SHIPPED_ID, make_library

LOAN = FIXTURE_IDS[1]


def by_id(files: dict[Path, object]) -> dict[str, object]:
    return {path.stem: brief for path, brief in files.items()}


def test_a_reload_keeps_the_briefs_whose_file_and_seed_did_not_change(tmp_path: Path) -> None:
    briefs, seeds = make_library(tmp_path, fixtures=True)
    first = load_library(briefs, seeds)
    loan = briefs / f"{LOAN}.toml"
    loan.write_text(loan.read_text(encoding="utf-8") + "# an editor's note\n", encoding="utf-8")
    again = reload_library(briefs, seeds, first)
    before, after = by_id(first.files), by_id(again.files)
    assert after[SHIPPED_ID] is before[SHIPPED_ID]  # not parsed nor checked again
    assert after[FIXTURE_IDS[0]] is before[FIXTURE_IDS[0]]
    # Read again, but a comment is no change a reader sees (bot.briefs.versions): not reported as changed.
    assert after[LOAN] is not before[LOAN] and again.changed == []
    assert again.errors == []


def test_a_changed_seed_checks_its_briefs_again(tmp_path: Path) -> None:
    briefs, seeds = make_library(tmp_path, fixtures=True)
    first = load_library(briefs, seeds)
    seed = seeds / f"{LOAN}.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("two tugboats", "three barges"), encoding="utf-8"
    )
    again = reload_library(briefs, seeds, first)
    assert [error.file.stem for error in again.errors] == [LOAN]  # its aid's evidence is gone
    assert [brief.id for brief in again.kept] == [LOAN]  # the last good version is served meanwhile
    # Nothing changed since: still refused, not taken back as unchanged because its own file is.
    third = reload_library(briefs, seeds, again)
    assert [error.file.stem for error in third.errors] == [LOAN] and [b.id for b in third.kept] == [LOAN]
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("three barges", "two tugboats"), encoding="utf-8"
    )
    fourth = reload_library(briefs, seeds, third)
    assert fourth.errors == [] and fourth.kept == []
    assert by_id(fourth.files)[SHIPPED_ID] is by_id(first.files)[SHIPPED_ID]
