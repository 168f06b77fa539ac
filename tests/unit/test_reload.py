"""Loading the library again: last good versions kept for refused files, changes named (fixture library)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.briefs.loader import load_library, reload_library, version_of
from tests.reload_fixture import FIXTURE_BRIEF, FIXTURE_ID, FIXTURE_SEED, SECOND_PERSON


def fixture_library(tmp_path: Path) -> tuple[Path, Path, Path]:
    briefs, seeds = tmp_path / "briefs", tmp_path / "seeds"
    briefs.mkdir()
    seeds.mkdir()
    shutil.copy(FIXTURE_SEED, seeds)
    shutil.copy(FIXTURE_BRIEF, briefs)
    return briefs, seeds, briefs / f"{FIXTURE_ID}.toml"


def test_a_refused_brief_keeps_its_last_good_version_and_a_fixed_one_replaces_it(tmp_path: Path) -> None:
    briefs, seeds, fixture = fixture_library(tmp_path)
    first = load_library(briefs, seeds)
    good = first.library.get(FIXTURE_ID)
    fixture.write_text(fixture.read_text().replace("cut the ribbon", "cut the cake"))
    broken = reload_library(briefs, seeds, first)
    assert broken.library.get(FIXTURE_ID) is good
    assert [b.id for b in broken.kept] == [FIXTURE_ID] and broken.errors
    assert "last good version kept: fixture-harbour-pier" in broken.summary()
    assert broken.changed == broken.added == broken.removed == []
    # Still refused on the next reload: the same last good version, not nothing.
    assert reload_library(briefs, seeds, broken).library.get(FIXTURE_ID) is good

    fixture.write_text((FIXTURE_BRIEF).read_text() + SECOND_PERSON)
    fixed = reload_library(briefs, seeds, broken)
    brief = fixed.library.get(FIXTURE_ID)
    assert [p.name for p in brief.people] == ["Elin Varga", "Tomas Reyes"]
    assert fixed.changed == [FIXTURE_ID] and fixed.kept == [] and fixed.errors == []
    assert version_of(brief) != version_of(good)


def test_added_and_removed_briefs_are_named(tmp_path: Path) -> None:
    briefs, seeds, fixture = fixture_library(tmp_path)
    nothing_yet = load_library(tmp_path, seeds)  # a folder with no brief in it
    added = reload_library(briefs, seeds, nothing_yet)
    assert added.added == [FIXTURE_ID] and "1 added" in added.summary()
    fixture.unlink()
    removed = reload_library(briefs, seeds, added)
    assert removed.removed == [FIXTURE_ID] and len(removed.library) == 0


def test_a_vanished_briefs_folder_keeps_serving_the_last_library(tmp_path: Path) -> None:
    briefs, seeds, _ = fixture_library(tmp_path)
    first = load_library(briefs, seeds)
    shutil.rmtree(briefs)
    again = reload_library(briefs, seeds, first)
    assert again.library.ids == [FIXTURE_ID] and again.removed == []
    assert "does not exist" in str(again.errors[0])


def test_a_seed_changed_under_its_brief_keeps_the_brief_checked_against_the_old_article(
    tmp_path: Path,
) -> None:
    briefs, seeds, _ = fixture_library(tmp_path)
    first = load_library(briefs, seeds)
    seed = seeds / f"{FIXTURE_ID}.txt"
    seed.write_text(seed.read_text().replace("Elin Varga", "Elin Vargas"))
    again = reload_library(briefs, seeds, first)
    assert again.library.get(FIXTURE_ID) is first.library.get(FIXTURE_ID)
    assert any("people[0]" in str(error) for error in again.errors)
