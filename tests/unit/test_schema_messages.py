"""Schema messages an editor reads (task "messages" 1 and 2): one plain line for each thing wrong.

An unknown attribution role gave pydantic's messages for each branch of the attribution's union (a string, a
table, a list), several lines about shapes the editor did not write; an empty evidence passage was told twice,
once by the schema's length and once by the article's check.

TEST FIXTURES, NOT NEWS: an invented text about invented places (Estria, Vesta, Oster).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import checked

TEXT = """Ferry talks stall in Estria

Oster said the ferries would stay in port. The crews are unpaid.
Estria Harbour News staff contributed to this report.
"""
SAID = "Oster said the ferries would stay in port."
ROLES = "'source', 'hedge', 'reason', 'caveat', 'response', 'mention' or 'account ended'"


def _told(**key_point: Any) -> list[tuple[str, str]]:
    return checked(TEXT, key_points=[{"evidence": [SAID], **key_point}])[1]


@pytest.mark.parametrize(
    ("attribution", "item"),
    [
        ({"text": "Oster said", "role": "sauce"}, "key_points[0].attribution.role"),
        (["Oster said", {"text": "Oster said", "role": "sauce"}], "key_points[0].attribution[1].role"),
    ],
)
def test_an_unknown_role_is_one_line_naming_the_field_and_the_roles(attribution: object, item: str) -> None:
    told = _told(attribution=attribution)
    assert len(told) == 1
    assert told[0][0] == item
    assert told[0][1].startswith("unknown role 'sauce': ") and ROLES in told[0][1]
    assert "Input should be" not in told[0][1] and "\n" not in told[0][1]


@pytest.mark.parametrize(
    ("attribution", "item", "words"),
    [
        (5, "key_points[0].attribution", "a table { text"),
        ([5], "key_points[0].attribution[0]", "a table { text"),
        ({"role": "hedge"}, "key_points[0].attribution.text", "missing required field"),
        (
            {"text": "Oster said", "role": "hedge", "by": "Oster"},
            "key_points[0].attribution.by",
            "unknown key",
        ),
    ],
)
def test_an_attribution_of_another_shape_is_told_once(attribution: object, item: str, words: str) -> None:
    told = _told(attribution=attribution)
    assert [i for i, _ in told] == [item]
    assert words in told[0][1] and "constrained-str" not in told[0][0]


@pytest.mark.parametrize("evidence", [[""], [SAID, ""]])
def test_an_empty_passage_is_told_once(evidence: list[str]) -> None:
    told = checked(TEXT, key_points=[{"evidence": evidence}])[1]
    assert told == [(f"key_points[0].evidence[{len(evidence) - 1}]", told[0][1])]
    assert "at least 4 words" in told[0][1]


def test_an_unknown_status_names_its_field_and_values() -> None:
    aid = {
        "evidence": [SAID],
        "attribution": ["Oster said", {"text": "would", "role": "hedge"}],
        "status": "maybe",
        "status_as_written": "said",
        "donor": "Oster",
        "recipient": "Vesta",
        "kind": "other",
        "items": ["ferries"],
    }
    told = checked(TEXT, aid=[aid])[1]
    assert told[0] == (
        "aid[0].status",
        told[0][1],
    ) and told[0][1].startswith("unknown status 'maybe': `status` is one of 'provided'")


@pytest.mark.parametrize(
    "attribution",
    [
        "Oster said",
        {"text": "Oster said", "role": "source"},
        ["Oster said", {"text": "would", "role": "hedge"}],
    ],
)
def test_a_right_attribution_still_passes(attribution: object) -> None:
    told = _told(attribution=attribution)
    assert all("role" not in i and "Input" not in m for i, m in told)
