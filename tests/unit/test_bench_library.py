"""bench/library.py's generated library: original text marked as fixtures, every brief valid, distinct people."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bench.library import FIXTURE_MARK, write_library
from bot.briefs.loader import load_library


def test_the_generated_library_loads_whole_and_is_marked_as_fixtures(tmp_path: Path) -> None:
    briefs, seeds, made = write_library(tmp_path, range(30))
    result = load_library(briefs, seeds)
    assert result.errors == [] and len(result.library) == 30
    assert result.warnings(date(2026, 12, 1)) == []  # distinct, past `added` dates
    assert all(FIXTURE_MARK in (seeds / item.seed).read_text(encoding="utf-8") for item in made)
    assert all(
        FIXTURE_MARK in (briefs / f"{item.brief_id}.toml").read_text(encoding="utf-8") for item in made
    )
    people = [person for item in made for person in item.people]
    assert len(set(people)) == len(people)
    surname = made[7].people[0].split(" ", 1)[1]
    found = result.library.people(surname)
    assert [group.brief.id for group in found.groups] == [made[7].brief_id]
