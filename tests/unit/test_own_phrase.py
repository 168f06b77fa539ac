"""A person's role and affiliation come from their own phrase, not another person's (HOSTILE-16 F12).

In "Estrian Mayor Ben Oster's Norland-born wife Ada Quill", "Estrian" and "Mayor" are Ben Oster's: a possessive
ends another person's phrase, and Ada Quill's own is "Norland-born wife Ada Quill".

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import checked
from tests.unit.test_undone_giving import _article

WIFE = "Estrian Mayor Ben Oster's Norland-born wife Ada Quill met Vesta."


def _person(sentence: str, **person: Any) -> list[tuple[str, str]]:
    return checked(_article(sentence), people=[{**person, "evidence": [sentence]}])[1]


@pytest.mark.parametrize(
    ("field", "value"),
    [("affiliation", "Estrian"), ("role", "Mayor")],
)
def test_a_value_from_another_persons_phrase_is_refused(field: str, value: str) -> None:
    found = _person(
        WIFE,
        name="Ada Quill",
        as_written="Estrian Mayor Ben Oster's Norland-born wife Ada Quill",
        **{field: value},
    )
    assert {item for item, _ in found} == {f"people[0].{field}"}, found
    assert any("Estrian Mayor Ben Oster's" in m and "Norland-born wife Ada Quill" in m for _, m in found), (
        found
    )


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        (WIFE, {"name": "Ada Quill", "as_written": "Norland-born wife Ada Quill"}),
        (
            WIFE,
            {
                "name": "Ben Oster",
                "role": "Mayor",
                "affiliation": "Estrian",
                "as_written": "Estrian Mayor Ben Oster",
            },
        ),
        (
            "Estrian Mayor Ben Oster met Vesta.",
            {
                "name": "Ben Oster",
                "role": "Mayor",
                "affiliation": "Estrian",
                "as_written": "Estrian Mayor Ben Oster",
            },
        ),
        (
            "Norland's Harbourmaster Ada Quill met Vesta.",
            {
                "name": "Ada Quill",
                "affiliation": "Norland",
                "as_written": "Norland's Harbourmaster Ada Quill",
            },
        ),
        (
            "Vesta's envoy Ada Quill met Oster.",
            {"name": "Ada Quill", "affiliation": "Vesta", "as_written": "Vesta's envoy Ada Quill"},
        ),
        (
            "The Norland Navy's envoy Ada Quill met Oster.",
            {
                "name": "Ada Quill",
                "affiliation": "Norland Navy",
                "as_written": "The Norland Navy's envoy Ada Quill",
            },
        ),
    ],
)
def test_a_persons_own_phrase_still_passes(sentence: str, person: dict[str, Any]) -> None:
    """A possessive of a place or a body ("Norland's Harbourmaster", "Estria's Mayor") is the person's own
    affiliation: only a possessive that names another person ends their phrase."""
    assert _person(sentence, **person) == []
