"""`library_warnings` says nothing at once for a library with no `added` in the future and none shared (the
usual library: `briefbot check` of a thousand briefs), and the same warnings as before otherwise."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.library import write_library
from bot.briefs.loader import BriefWarning, library_warnings, load_library
from bot.briefs.lookup import newest_first
from bot.briefs.models import Brief

TODAY = date(2026, 12, 1)


def warnings_as_before(files: dict[Path, Brief], today: date) -> list[BriefWarning]:
    """`library_warnings` as it was, every brief looked at."""
    ordered = newest_first(files.values())
    if not ordered:
        return []
    default = ordered[0]
    file_of = {brief.id: path for path, brief in files.items()}
    shown = f"“{default.id}” ({file_of[default.id].name})"
    on_day: dict[date, list[Brief]] = {}
    for each in ordered:
        on_day.setdefault(each.added, []).append(each)
    warnings: list[BriefWarning] = []
    for path, brief in sorted(files.items()):
        is_default = "so it is the default brief" if brief is default else f"the default brief is {shown}"
        if brief.added > today:
            warnings.append(
                BriefWarning(
                    path,
                    "added",
                    f"{brief.added.isoformat()} is in the future (today is {today.isoformat()}); {is_default} "
                    "of /sources, /digest and the digests until a brief is added later",
                )
            )
        same_day = on_day[brief.added]
        twins = sorted(other.id for other in same_day if other is not brief)
        if twins:
            tie_order = [b.id for b in same_day]
            warnings.append(
                BriefWarning(
                    path,
                    "added",
                    f"{brief.added.isoformat()} is also the added date of "
                    + ", ".join(f"“{twin}” ({file_of[twin].name})" for twin in twins)
                    + f"; a tie is broken by id, newest first ({', '.join(tie_order)}): {is_default}",
                )
            )
    return warnings


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Brief]:
    folder = tmp_path_factory.mktemp("warnings")
    result = load_library(*write_library(folder, range(5))[:2], indexed=False)
    return result.files


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(st.lists(st.integers(min_value=-3, max_value=3), min_size=0, max_size=5))
def test_the_warnings_are_the_ones_every_brief_gave(briefs: dict[Path, Brief], days: list[int]) -> None:
    files = {
        path: brief.model_copy(update={"added": TODAY + timedelta(days=day)})
        for (path, brief), day in zip(sorted(briefs.items()), days, strict=False)
    }
    assert library_warnings(files, TODAY) == warnings_as_before(files, TODAY)
