"""`briefbot check` reports per brief and in one summary line; `added` dates that silently pick the default
brief (one in the future, one shared with another brief) are warnings naming the default."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.briefs.loader import library_warnings, load_library
from bot.cli import main
from tests.conftest import FIXTURE_IDS, SHIPPED_BRIEF, SHIPPED_ID, make_library

LOAN, OPENS = FIXTURE_IDS[1], FIXTURE_IDS[0]


def set_added(briefs: Path, brief_id: str, added: str) -> None:
    path = briefs / f"{brief_id}.toml"
    text = re.sub(r"(?m)^added = .*$", f"added = {added}", path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")


def test_check_reports_each_brief_and_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs, seeds = make_library(tmp_path, fixtures=True)
    set_added(briefs, LOAN, "2026-11-27")  # the same day as the other fixture
    broken = briefs / "broken.toml"
    broken.write_text(
        SHIPPED_BRIEF.read_text(encoding="utf-8")
        .replace(f'id = "{SHIPPED_ID}"', 'id = "broken"')
        .replace('"He can be seen in a video posted', '"He can be seen in a video of the meeting posted'),
        encoding="utf-8",
    )
    assert main(["check", "--briefs", str(briefs), "--seeds", str(seeds)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert any(re.fullmatch(rf"{re.escape(str(broken))}: refused, \d+ errors?", line) for line in lines)
    assert f"{briefs / f'{SHIPPED_ID}.toml'}: ok (brief {SHIPPED_ID})" in lines
    assert f"{briefs / f'{LOAN}.toml'}: ok, 1 warning (brief {LOAN})" in lines
    assert f"{briefs / f'{OPENS}.toml'}: ok, 1 warning (brief {OPENS})" in lines
    assert f"  {broken}: " in out and "almost in the article" in out  # the errors, under their brief
    assert lines[-1] == "4 briefs: 3 ok, 1 refused, 2 warnings"


def test_added_shared_with_another_brief_says_which_is_the_default(tmp_path: Path) -> None:
    briefs, seeds = make_library(tmp_path, fixtures=True)
    set_added(briefs, LOAN, "2026-11-27")
    result = load_library(briefs, seeds)
    default = result.library.newest
    assert default is not None and default.id == LOAN  # a tie: the later id is newest first
    warnings = result.warnings(date(2026, 12, 1))
    assert [w.file.stem for w in warnings] == [OPENS, LOAN]
    for warning in warnings:
        assert warning.item == "added"
        assert "2026-11-27 is also the added date of" in warning.problem
    assert f"the default brief is “{LOAN}” ({LOAN}.toml)" in warnings[0].problem
    assert warnings[1].problem.endswith("so it is the default brief")


def test_added_in_the_future_is_a_warning_naming_the_default(tmp_path: Path) -> None:
    briefs, seeds = make_library(tmp_path, fixtures=True)
    set_added(briefs, SHIPPED_ID, "2027-03-01")
    result = load_library(briefs, seeds)
    [warning] = library_warnings(result.files, date(2026, 12, 1))
    assert warning.file.stem == SHIPPED_ID
    assert "2027-03-01 is in the future (today is 2026-12-01); so it is the default brief" in warning.problem
    assert library_warnings(result.files, date(2027, 3, 1)) == []  # its day has come: no warning


def test_a_library_with_distinct_past_dates_has_no_warnings(tmp_path: Path) -> None:
    briefs, seeds = make_library(tmp_path, fixtures=True)
    assert load_library(briefs, seeds).warnings(date(2026, 12, 1)) == []


def test_warnings_do_not_fail_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs, seeds = make_library(tmp_path)
    shutil.copy(briefs / f"{SHIPPED_ID}.toml", briefs / "copy.toml")
    text = (briefs / "copy.toml").read_text(encoding="utf-8").replace(f'id = "{SHIPPED_ID}"', 'id = "copy"')
    (briefs / "copy.toml").write_text(text, encoding="utf-8")
    assert main(["check", "--briefs", str(briefs), "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert "warning: added: 2026-11-26 is also the added date of" in out
    assert out.splitlines()[-1] == "2 briefs: 2 ok, 0 refused, 2 warnings"
