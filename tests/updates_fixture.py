"""The digest's new/updated tests' fixture library (original texts, marked TEST FIXTURE, NOT NEWS): two briefs
over two fixture articles, and the first brief edited (a fact added, one corrected, one removed)."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "data" / "updates"
LIBRARY_ID = "fixture-lakeside-library"  # tags: libraries, marrow lake
ROAD_ID = "fixture-quarry-road"  # tags: roads, marrow lake
LIBRARY_EDITED = FIXTURES / "changed" / f"{LIBRARY_ID}.toml"
# What a reader of the edit is told changed.
LIBRARY_CHANGES = (
    "corrected person Ada Quill; added person Ben Orrin; "
    "removed key point “Head Librarian Ada Quill said the reading room now holds tw…”"
)


def updates_library(folder: Path, *brief_ids: str) -> tuple[Path, Path]:
    """A copy of the fixture library in `folder` (its briefs folder holding `brief_ids`, default both):
    (briefs folder, seeds folder)."""
    briefs, seeds = folder / "briefs", folder / "seeds"
    briefs.mkdir(parents=True)
    shutil.copytree(FIXTURES / "seeds", seeds)
    for brief_id in brief_ids or (LIBRARY_ID, ROAD_ID):
        shutil.copy(FIXTURES / "briefs" / f"{brief_id}.toml", briefs)
    return briefs, seeds


def edit_library_brief(briefs: Path) -> None:
    """Replace the library brief in `briefs` with its edited version."""
    shutil.copy(LIBRARY_EDITED, briefs / f"{LIBRARY_ID}.toml")
