"""A publisher never comes from a photo or image credit, byline or not (session 17, frames2; REPORT-titles left
undone, REPORT-reader16: "REUTERS" taken from "(photo credit: …/REUTERS)").

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland); none
is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.briefs.article import Article
from bot.briefs.loader import check_raw
from tests.unit.test_sixth_reading import fixture_brief


def _found(text: str, publisher: str, evidence: str) -> list[tuple[str, str]]:
    raw: dict[str, Any] = fixture_brief(text.splitlines()[0])
    raw["source"].update(publisher=publisher, evidence=[evidence])
    raw["key_points"] = [{"evidence": ["Norland sent fuel to Estria on Monday."]}]
    _, found = check_raw(raw, lambda _name: Article("fixture.txt", text))
    return [(p.item, p.message) for p in found]


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: ADA QUILL/HARBOUR WIRE",
        "(photo credit: ADA QUILL/HARBOUR WIRE)",
        "Image: ADA QUILL/HARBOUR WIRE",
    ],
)
def test_a_publisher_from_a_photo_credit_is_refused_with_no_byline(credit: str) -> None:
    text = f"Fuel for Estria\n\nNorland sent fuel to Estria on Monday.\n{credit}\n"
    found = _found(text, "HARBOUR WIRE", credit)
    assert [item for item, _ in found] == ["source.publisher"]
    assert "as the article names itself" in found[0][1]


def test_a_publisher_the_article_names_as_its_maker_still_passes() -> None:
    line = "Harbour Wire staff contributed to this report."
    text = (
        f"Fuel for Estria\n\nNorland sent fuel to Estria on Monday.\nPhoto: ADA QUILL/HARBOUR WIRE\n{line}\n"
    )
    assert _found(text, "Harbour Wire", line) == []
