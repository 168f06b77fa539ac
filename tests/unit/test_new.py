"""`briefbot new`: a brief skeleton for an article, whose candidates an editor keeps, fixes or deletes."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from bot.briefs.loader import load_library
from bot.briefs.skeleton import brief_id_for, candidate_blocks
from bot.cli import main
from tests.conftest import FIXTURE_LIBRARY_DIR, SHIPPED_SEED

LOAN_SEED = FIXTURE_LIBRARY_DIR / "seeds" / "fixture-valdoria-harbour-loan.txt"


def new_brief(tmp_path: Path, seed: Path, *extra: str) -> tuple[Path, Path, int]:
    briefs, seeds = tmp_path / "briefs", tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    shutil.copy(seed, seeds)
    status = main(["new", str(seeds / seed.name), "--briefs", str(briefs), "--seeds", str(seeds), *extra])
    return briefs, seeds, status


def uncomment(text: str, first: int, end: int) -> str:
    lines = text.splitlines()
    lines[first:end] = [line.removeprefix("# ") for line in lines[first:end]]
    return "\n".join(lines) + "\n"


def with_source_and_first_key_point(text: str) -> str:
    """The skeleton with its first publisher candidate and its first key point kept."""
    lines = text.splitlines()
    publisher = next(n for n, line in enumerate(lines) if line.startswith("# publisher = "))
    text = uncomment(text, publisher, publisher + 2)
    key_point = next(b for b in candidate_blocks(text) if text.splitlines()[b[0]] == "# [[key_points]]")
    return uncomment(text, *key_point)


def check(briefs: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["check", "--briefs", str(briefs), "--seeds", str(seeds)])
    return status, capsys.readouterr().out


def test_brief_id_comes_from_the_file_name() -> None:
    assert brief_id_for("JPost Israel_Ukraine.txt") == "jpost-israel-ukraine"
    assert brief_id_for("fixture-valdoria-harbour-loan.txt") == "fixture-valdoria-harbour-loan"
    assert brief_id_for("x" * 80 + ".txt") == "x" * 64


def test_new_writes_a_skeleton_with_the_headline_source_candidates_and_candidate_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    briefs, _, status = new_brief(tmp_path, LOAN_SEED)
    assert status == 0
    written = briefs / "fixture-valdoria-harbour-loan.toml"
    assert f"wrote {written}" in capsys.readouterr().out
    text = written.read_text(encoding="utf-8")
    live = tomllib.loads(text)  # only what is certain is live
    assert live["format"] == 2 and live["id"] == "fixture-valdoria-harbour-loan"
    assert live["source"] == {
        "seed": "fixture-valdoria-harbour-loan.txt",
        "headline": "Fixture article: Valdoria lends Ostmark money for the Port Lumen harbour",
    }
    assert set(live) == {"format", "id", "added", "source"}
    # the "contributed to this report" line: a publisher candidate and a credit, commented out
    assert '# publisher = "Fixture Desk"\n# evidence = ["Fixture Desk contributed to this report."]' in text
    assert '# kind = "contributed"\n# name = "Fixture Desk"' in text
    # a sum of money, a person's title, a date word: each a candidate with its sentence as evidence
    assert '# as_written = "$40 million"\n# amount = 40000000\n# currency = "dollars"' in text
    assert '# name = "Mara Quill"\n# role = "Finance Minister"' in text
    assert '# when = "Monday"' in text
    evidence = (
        '# evidence = ["Finance Minister Mara Quill signed the loan agreement in Port Lumen on Monday."]'
    )
    assert evidence in text
    # the fixture's own marker sentence has none of these: no candidate for it
    assert "TEST FIXTURE" not in text


def test_new_offers_quotations_with_their_attribution(tmp_path: Path) -> None:
    briefs, _, status = new_brief(tmp_path, SHIPPED_SEED)
    assert status == 0
    text = (briefs / f"{SHIPPED_SEED.stem}.toml").read_text(encoding="utf-8")
    assert '# [[quotes]]\n# speaker = "Austin"' in text
    assert '# text = "how we can fortify support for Ukraine' in text
    # paragraph 7 is the account its closing words give: its first sentence's candidates carry that source
    assert (
        '# attribution = "a senior diplomatic source said"\n# evidence = ["In Security Cabinet meetings,'
        in text
    )
    assert '# attribution = "Prime Minister Naftali Bennett has also argued"' in text


def test_the_skeleton_as_written_is_refused_with_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    briefs, seeds, _ = new_brief(tmp_path, LOAN_SEED)
    status, out = check(briefs, seeds, capsys)
    assert status == 1
    for missing in ("source.publisher", "source.evidence", "key_points"):
        assert f"{missing}: missing required field" in out
    assert "Traceback" not in out


@pytest.mark.parametrize("seed", [LOAN_SEED, SHIPPED_SEED], ids=["fixture", "shipped"])
def test_each_candidate_uncommented_is_accepted_or_refused_by_its_own_field(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    briefs, seeds, _ = new_brief(tmp_path, seed)
    path = next(briefs.glob("*.toml"))
    base = with_source_and_first_key_point(path.read_text(encoding="utf-8"))
    path.write_text(base, encoding="utf-8")
    status, out = check(briefs, seeds, capsys)
    assert status == 0, out
    accepted = refused = 0
    for first, end in candidate_blocks(base):
        section = base.splitlines()[first].removeprefix("# [[").removesuffix("]]")
        path.write_text(uncomment(base, first, end), encoding="utf-8")
        result = load_library(briefs, seeds)
        if not result.errors:
            accepted += 1
            continue
        refused += 1
        # refused for what the editor has to write or decide (a "?", a reading), naming the item's field and
        # why; never for the skeleton's shape
        for error in result.errors:
            assert error.item.startswith(f"{section}[0]."), (section, str(error))
            assert "missing required field" not in error.problem and "unknown key" not in error.problem
            assert "“?”" in error.problem or "reading = true" in error.problem, str(error)
    assert accepted > refused > 0


def test_new_never_overwrites_a_brief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs, _, _ = new_brief(tmp_path, LOAN_SEED)
    path = briefs / "fixture-valdoria-harbour-loan.toml"
    path.write_text("# the editor's work\n", encoding="utf-8")
    capsys.readouterr()
    _, _, status = new_brief(tmp_path, LOAN_SEED)
    assert status == 1
    assert "already exists and was left unchanged" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "# the editor's work\n"


def test_new_refuses_an_id_another_brief_uses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "older.toml").write_text('format = 2\nid = "fixture-valdoria-harbour-loan"\n', encoding="utf-8")
    _, _, status = new_brief(tmp_path, LOAN_SEED)
    assert status == 1
    assert "already used by" in capsys.readouterr().err
    assert list(briefs.glob("*.toml")) == [briefs / "older.toml"]
    _, _, status = new_brief(tmp_path, LOAN_SEED, "--id", "Not A Slug")
    assert status == 2


def test_new_says_when_the_article_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["new", str(tmp_path / "missing.txt"), "--briefs", str(tmp_path), "--seeds", str(tmp_path)]) == 1
    )
    assert "cannot read the article" in capsys.readouterr().err
