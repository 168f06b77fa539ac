"""A reload does in the bot's process only what changed, and gives what a reload from scratch gives.

`Library.updated` rebuilds the blocks of the combined indexes where a brief changed, nothing else; the
reload's plan (`plan_reload`, in the checking process) and its application (`applied`, in the bot) give the
library, files, errors, kept briefs and changes that a reload built from scratch (`reloaded`) gives. Property tests drive both through
any sequence of add / change / break / remove (generated fixture briefs of bench/library.py, marked as
fixtures), with blocks of a few briefs so that blocks split, empty and merge.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.library import generated, write_library
from bot.briefs import lookup
from bot.briefs.loader import (
    LoadResult,
    applied,
    check_folder,
    known_after,
    known_of,
    load_library,
    plan_reload,
    reloaded,
)
from bot.briefs.lookup import Library
from bot.briefs.models import Brief

POOL = 24
QUERIES = ["", "a", "ke", "fixture-library-00", "nobody", "zei"]


@pytest.fixture(scope="module")
def pool() -> Iterator[list[Brief]]:
    with tempfile.TemporaryDirectory() as name:
        briefs, seeds, _ = write_library(Path(name), range(POOL))
        result = load_library(briefs, seeds)
        assert not result.errors
        yield sorted(result.library.briefs, key=lambda brief: brief.id)


def variant(brief: Brief, number: int) -> Brief:
    """Another brief made from `brief`: its own id, and an `added` (and publication) date of its own, so that
    it falls elsewhere in both orders."""
    editor = brief.editor.model_copy(update={"published": None if number % 3 else date(2023, 1, 1 + number)})
    return brief.model_copy(
        update={
            "id": f"{brief.id}-{number % 4}",
            "added": brief.added + timedelta(days=37 * (number % 5) - 60),
            "editor": editor,
        }
    )


def answers(library: Library) -> dict[str, Any]:
    """What every lookup gives, by query, in a form two libraries can be compared by."""
    seen: dict[str, Any] = {
        "ids": library.ids,
        "article order": [brief.id for brief in library.by_article_date],
        "flat": library._indexes.flat(),
    }
    for query in QUERIES:
        for name in ("people", "aid", "loans"):
            found = getattr(library, name)(query)
            seen[f"{name} {query}"] = (
                [(group.brief.id, group.items) for group in found.groups],
                found.suggestions,
            )
        seen[f"names {query}"] = (
            library.people_names(query),
            library.aid_countries(query),
            library.loan_countries(query),
            [brief.id for brief in library.brief_choices(query)],
        )
    return seen


operations = st.lists(
    st.tuples(st.sampled_from(["add", "change", "remove"]), st.integers(0, POOL - 1), st.integers(0, 30)),
    max_size=12,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=operations, block=st.integers(1, 4))
def test_updated_indexes_equal_indexes_built_from_scratch_after_any_changes(
    pool: list[Brief], steps: list[tuple[str, int, int]], block: int
) -> None:
    with mock.patch.object(lookup, "BLOCK", block):
        library = Library(pool[:3])
        held = {brief.id: brief for brief in pool[:3]}
        for action, which, number in steps:
            brief = variant(pool[which], number)
            if action == "remove":
                victim = sorted(held)[which % len(held)] if held else brief.id
                held.pop(victim, None)
                library = library.updated(removed=[victim])
            else:  # add, or change: the same id with other dates
                held[brief.id] = brief
                library = library.updated([brief])
            assert answers(library) == answers(Library(held.values()))
            assert all(len(b.entries) <= 2 * block for b in library._indexes.blocks)
            assert all(b.entries for b in library._indexes.blocks)


def test_updated_leaves_the_library_it_was_made_from_as_it_was(pool: list[Brief]) -> None:
    before = Library(pool)
    seen = answers(before)
    after = before.updated([variant(pool[0], 1)], removed=[pool[5].id])
    assert answers(before) == seen  # a command may still be reading it
    assert after.replaced_since(before) == (pool[5],) or set(after.replaced_since(before) or ()) == {pool[5]}
    assert after.replaced_since(Library(pool)) is None


def test_a_change_rebuilds_only_the_block_it_falls_in(pool: list[Brief]) -> None:
    with mock.patch.object(lookup, "BLOCK", 4):
        library = Library(pool)
        changed = library.updated([pool[10].model_copy(update={"tags": ["edited"]})])
    kept = [b for b in changed._indexes.blocks if any(b is old for old in library._indexes.blocks)]
    assert len(kept) == len(library._indexes.blocks) - 1  # every other block is the very same object


# ---------------------------------------------------------------- the reload, planned and applied


def edit(path: Path, how: str) -> None:
    text = path.read_text(encoding="utf-8")
    if how == "comment":  # the file's version changes, no fact does
        text += "# an editor's note\n"
    elif how == "date":  # another place in the order
        text = text.replace("added = 2024-", "added = 2022-", 1)
    elif how == "person":  # a fact fewer: its content version changes
        start = text.rindex("[[people]]")
        text = text[:start] + text[text.index("[[aid]]", start) :]
    path.write_text(text, encoding="utf-8")


def act(briefs: Path, seeds: Path, action: str, which: int) -> None:
    item = generated(which)
    path = briefs / f"{item.brief_id}.toml"
    if action == "add":
        (seeds / item.seed).write_text(item.article, encoding="utf-8")
        path.write_text(item.brief, encoding="utf-8")
    elif action == "remove":
        path.unlink(missing_ok=True)
    elif not path.exists():
        return
    elif action == "break":  # refused: its last good version is served
        path.write_text(path.read_text(encoding="utf-8") + "\n[[nonsense\n", encoding="utf-8")
    elif action == "twin":  # a second file with its id: refused as a duplicate
        (briefs / f"zz-{item.brief_id}.toml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    elif action == "hide":  # the folder itself gone (mid-move): everything kept
        shutil.move(briefs, briefs.with_name("away"))
    else:
        edit(path, action)


def outcome(result: LoadResult) -> dict[str, Any]:
    return {
        "files": sorted(
            (path.name, brief.id, brief.proof.version if brief.proof else "")
            for path, brief in result.files.items()
        ),
        "seed versions": sorted((path.name, version) for path, version in result.seed_versions.items()),
        "errors": sorted(map(str, result.errors)),
        "kept": sorted(brief.id for brief in getattr(result, "kept", [])),
        "changes": [sorted(getattr(result, name, [])) for name in ("added", "changed", "removed")],
        "versions": result.library.versions(),
        "answers": answers(result.library),
    }


actions = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove", "break", "comment", "date", "person", "twin", "hide"]),
        st.integers(0, 7),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=12, deadline=None)
@given(steps=actions)
@example(steps=[("twin", 1), ("remove", 1), ("add", 5), ("person", 5)])
@example(steps=[("break", 2), ("date", 3), ("hide", 0), ("comment", 2), ("add", 2)])
def test_a_planned_and_applied_reload_gives_what_a_reload_from_scratch_gives(
    steps: list[tuple[str, int]],
) -> None:
    today = date(2026, 12, 1)
    with tempfile.TemporaryDirectory() as name, mock.patch.object(lookup, "BLOCK", 2):
        briefs, seeds, _ = write_library(Path(name), range(4))
        reference = load_library(briefs, seeds)
        ours, known = reference, known_of(reference)
        for action, which in steps:
            act(briefs, seeds, action, which)
            plan = plan_reload(briefs, seeds, known, today)
            ours, known = applied(briefs, plan, ours), known_after(known, plan)
            # the reference: the reload built from scratch
            folder = check_folder(briefs, seeds, known_of(reference), content_versions=True)
            reference = reloaded(briefs, folder, reference)
            assert outcome(ours) == outcome(reference)
            assert outcome(ours)["answers"] == answers(Library(ours.files.values()))
            assert sorted(map(str, plan.warnings)) == sorted(map(str, reference.warnings(today)))
            assert known == known_of(ours)
            if briefs.with_name("away").exists():  # the folder comes back for the next step
                shutil.move(briefs.with_name("away"), briefs)
