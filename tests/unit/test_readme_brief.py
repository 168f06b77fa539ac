"""README "Writing a brief" documents what the schema accepts: every field, status, kind and role, with examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from bot.briefs import models, vocabulary

README = Path(__file__).resolve().parents[2] / "README.md"

SCHEMA: tuple[type[BaseModel], ...] = (
    models.Brief,
    models.Source,
    models.Editor,
    models.Alias,
    models.Attributed,
    models.KeyPoint,
    models.Person,
    models.AidFlow,
    models.Loan,
    models.Event,
    models.Quote,
    models.Credit,
)


def writing_a_brief(readme: str) -> str:
    """The README's "Writing a brief" section, up to the next heading of its level."""
    _, found, rest = readme.partition("\n## Writing a brief\n")
    assert found, "README has no '## Writing a brief' section"
    return rest.split("\n## ", 1)[0]


def undocumented_fields(section: str) -> list[str]:
    """Schema fields the section never names, as `field` or as a table `[field]` / `[[field]]`."""
    return [
        f"{model.__name__}.{name}"
        for model in SCHEMA
        for name in model.model_fields
        if f"`{name}`" not in section and f"[{name}]" not in section
    ]


def table_rows(section: str, values: tuple[str, ...]) -> dict[str, list[str]]:
    """The cells of each table row headed by one of `values` in backticks: | `value` | … | … |."""
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        head = re.fullmatch(r"`([^`]+)`", cells[0]) if cells else None
        if head and head.group(1) in values:
            rows[head.group(1)] = cells[1:]
    return rows


@pytest.fixture(scope="module")
def section() -> str:
    return writing_a_brief(README.read_text(encoding="utf-8"))


def test_every_field_of_the_schema_is_documented(section: str) -> None:
    assert undocumented_fields(section) == []


def test_a_field_left_out_of_the_readme_is_found() -> None:
    """The comparison can fail: a section that names no field reports every one."""
    missing = undocumented_fields("## Writing a brief\nNothing here.\n")
    assert "Loan.as_written" in missing and "Brief.aliases" in missing and "Editor.published" in missing


@pytest.mark.parametrize(
    ("values", "what"),
    [(vocabulary.STATUSES, "status"), (vocabulary.AID_KINDS, "aid kind")],
)
def test_every_status_and_kind_has_a_row_with_its_meaning_and_an_example(
    section: str, values: tuple[str, ...], what: str
) -> None:
    rows = table_rows(section, values)
    assert sorted(rows) == sorted(values), f"{what}: README rows {sorted(rows)}"
    for value, cells in rows.items():
        assert len(cells) >= 2 and all(cells[:2]), (what, value, cells)  # what it means, and an example


def test_every_credit_kind_and_attribution_role_is_named(section: str) -> None:
    for value in (*vocabulary.CREDIT_KINDS, *vocabulary.ATTRIBUTION_ROLES):
        assert f"`{value}`" in section, value


def test_as_written_and_aliases_have_an_example(section: str) -> None:
    assert re.search(r'`as_written = "[^"]+"`', section)  # a person's, a loan's or a credit's phrase
    assert re.search(r'`as_written = \["[^"]+"', section)  # an alias's list of the article's words
    assert "[[aliases]]" in section
