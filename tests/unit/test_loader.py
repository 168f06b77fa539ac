from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.briefs.loader import LoadResult, item_path, load_library
from tests.conftest import BROKEN_DIR, SEEDS_DIR, SHIPPED_BRIEF


def test_shipped_briefs_are_valid(shipped: LoadResult) -> None:
    assert [str(e) for e in shipped.errors] == []
    assert len(shipped.library) == 1


def test_seed_is_the_shared_article_byte_for_byte() -> None:
    # The seed's digest is part of its original name (000_d3aeee832f52c87b.txt); guard against edits.
    data = (SEEDS_DIR / "jpost-israel-ukraine-defense-contact-group.txt").read_bytes()
    assert len(data) == 4171
    assert data.startswith(b"Israel sends Defense Min. official to US-led conference on Ukraine aid\n")
    assert data.rstrip().endswith(b"Jerusalem Post Staff contributed to this report.")


# (case folder, item, words of the problem) -- each broken brief expects its own error, first.
BROKEN_CASES = [
    ("bad_toml", "", "not valid TOML"),
    ("missing_field", "loans[0].status_as_written", "missing required field"),
    ("wrong_type", "loans[0].amount", "valid integer"),
    ("unknown_key", "people[0].nickname", "unknown key"),
    ("evidence_not_in_article", "loans[0].evidence[0]", "passage not found"),
    ("amount_not_in_evidence", "loans[0].amount", "700,000,000 is not what “$600 million” says"),
    (
        "name_not_in_evidence",
        "people[0].name",
        "“Benjamin Netanyahu” is not written in the phrase that names",
    ),
    ("currency_not_in_evidence", "loans[0].currency", "“$” alone never says which dollar"),
    ("currency_not_as_written", "loans[0].currency", "currency “ILS” is not what “$600 million” writes"),
    ("unknown_currency", "loans[0].as_written", "“XYZ” is not an ISO 4217 currency code"),
    ("wrong_lender", "loans[0].lender", "“Germany” is not in the clause of “$800 million”"),
    ("unknown_seed", "source.seed", "unknown seed file 'no-such-article.txt'"),
    ("duplicate_id", "id", "duplicate brief id 'same-id'"),
    ("old_format", "format", "this brief is in the old format: add `format = 2`"),
]


@pytest.mark.parametrize(("case", "item", "problem"), BROKEN_CASES, ids=[c[0] for c in BROKEN_CASES])
def test_broken_brief_gives_its_own_error(case: str, item: str, problem: str) -> None:
    result = load_library(BROKEN_DIR / case, SEEDS_DIR)
    assert result.errors, case
    error = result.errors[0]
    assert error.file.parent.name == case
    assert error.item == item
    assert problem in error.problem
    assert result.library.briefs == [] or case == "duplicate_id"


def test_old_format_says_what_to_change() -> None:
    [error] = load_library(BROKEN_DIR / "old_format", SEEDS_DIR).errors
    for change in ("remove `summary`", "add `as_written`", "`status_as_written`", "remove every `note`"):
        assert change in error.problem
    assert "Writing a brief" in error.problem


def test_near_miss_names_the_closest_sentence() -> None:
    error = load_library(BROKEN_DIR / "evidence_not_in_article", SEEDS_DIR).errors[0]
    assert error.closest is not None
    assert error.closest.startswith("Japan has provided Ukraine with a $600 million loan")
    assert "closest in the article" in str(error)


def test_errors_are_collected_not_first_only() -> None:
    result = load_library(BROKEN_DIR / "several_errors", SEEDS_DIR)
    assert [e.item for e in result.errors] == [
        "loans[0].evidence[0]",
        "loans[1].amount",
        "loans[1].borrower",
        "loans[1].reading",
    ]


def test_duplicate_keeps_the_first_brief() -> None:
    result = load_library(BROKEN_DIR / "duplicate_id", SEEDS_DIR)
    assert [b.id for b in result.library.briefs] == ["same-id"]
    assert result.errors[0].file.name == "b.toml"


def test_changing_one_passage_of_the_shipped_brief_is_caught(tmp_path: Path) -> None:
    text = SHIPPED_BRIEF.read_text(encoding="utf-8")
    edited = text.replace(
        'status_as_written = "has provided"\nevidence = ["Japan has provided Ukraine with a $600 million loan',
        'status_as_written = "has provided"\nevidence = ["Japan has provided Ukraine with a generous $600 million loan',
    )
    assert edited != text
    (tmp_path / SHIPPED_BRIEF.name).write_text(edited, encoding="utf-8")
    result = load_library(tmp_path, SEEDS_DIR)
    assert [(e.file.name, e.item) for e in result.errors][:1] == [
        (SHIPPED_BRIEF.name, "loans[1].evidence[0]")
    ]
    assert len(result.library) == 0


def test_whitespace_and_typographic_quotes_are_the_only_normalisation(tmp_path: Path) -> None:
    text = SHIPPED_BRIEF.read_text(encoding="utf-8")
    straight = text.replace(
        "Jerusalem’s reticence to help Ukraine militarily",
        "Jerusalem's   reticence to\\nhelp Ukraine militarily",
    )
    assert straight != text
    (tmp_path / "a.toml").write_text(straight, encoding="utf-8")
    assert load_library(tmp_path, SEEDS_DIR).errors == []
    changed_case = text.replace("Jerusalem’s reticence", "jerusalem’s reticence")
    (tmp_path / "a.toml").write_text(changed_case, encoding="utf-8")
    assert [e.item for e in load_library(tmp_path, SEEDS_DIR).errors] == ["key_points[3].evidence[0]"]
    assert "case or accents only" in load_library(tmp_path, SEEDS_DIR).errors[0].problem


def test_missing_briefs_folder_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = load_library(tmp_path / "nope", SEEDS_DIR)
    assert "does not exist" in result.errors[0].problem


def test_unreadable_seed_is_an_unknown_seed(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "jpost-israel-ukraine-defense-contact-group.txt").write_bytes(b"\xff\xfe\xfa not utf-8")
    shutil.copy(SHIPPED_BRIEF, tmp_path / SHIPPED_BRIEF.name)
    result = load_library(tmp_path, seeds)
    assert [e.item for e in result.errors] == ["source.seed"]


def test_item_path() -> None:
    assert item_path(("loans", 2, "evidence", 0)) == "loans[2].evidence[0]"
    assert item_path(("id",)) == "id"


def _beside_the_shipped_brief(folder: Path, name: str, text: str) -> LoadResult:
    """Load `folder` holding the shipped brief and one more file, `name`, holding `text`."""
    shutil.copy(SHIPPED_BRIEF, folder / SHIPPED_BRIEF.name)
    (folder / name).write_text(text, encoding="utf-8")
    return load_library(folder, SEEDS_DIR)


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("nested = " + "[" * 5000 + "]" * 5000, ""),  # deeper than the TOML reader's own recursion goes
        ("nested = " + "{ a = " * 3000 + "1" + " }" * 3000, ""),
        ("nested" + ".t" * 3000 + " = 1", "nested" + ".t" * 16),  # read flat, but no brief is that deep
        ("nested = " + "[" * 40 + "]" * 40, "nested" + "[0]" * 16),
    ],
    ids=["arrays", "inline-tables", "dotted-key", "arrays-readable"],
)
def test_a_deeply_nested_file_is_its_own_error_and_the_brief_beside_it_loads(
    tmp_path: Path, line: str, item: str
) -> None:
    # Otherwise a valid brief of the same seed: its passages are read, so is everything beside them.
    text = SHIPPED_BRIEF.read_text(encoding="utf-8")
    text = text.replace(f'id = "{SHIPPED_BRIEF.stem}"', f'id = "another-brief"\n{line}', 1)
    result = _beside_the_shipped_brief(tmp_path, "deep.toml", text)
    [error] = result.errors
    assert error.file == tmp_path / "deep.toml"
    assert error.item == item
    assert "nested too deeply" in error.problem
    assert [brief.id for brief in result.library.briefs] == [SHIPPED_BRIEF.stem]


@pytest.mark.parametrize("seed", ["jpost\\u0000.txt", "\\u0000", "a\\u0000/../jpost.txt"])
@pytest.mark.parametrize("shape", ["valid", "invalid"])
def test_a_seed_name_with_a_nul_is_refused_and_the_brief_beside_it_loads(
    tmp_path: Path, seed: str, shape: str
) -> None:
    text = SHIPPED_BRIEF.read_text(encoding="utf-8")
    text = text.replace('seed = "jpost-israel-ukraine-defense-contact-group.txt"', f'seed = "{seed}"', 1)
    text = text.replace(f'id = "{SHIPPED_BRIEF.stem}"', 'id = "another-brief"', 1)
    if shape == "invalid":  # the shape's errors come with the passages' own, read from the seed if it can be
        text = text.replace("added = ", "nickname = 1\nadded = ", 1)
    result = _beside_the_shipped_brief(tmp_path, "nul.toml", text)
    assert {e.file.name for e in result.errors} == {"nul.toml"}
    [seed_error] = [e for e in result.errors if e.item == "source.seed"]
    assert "file name" in seed_error.problem
    assert [brief.id for brief in result.library.briefs] == [SHIPPED_BRIEF.stem]
