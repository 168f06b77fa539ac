"""HOSTILE-13 E5–E9: an event's when and where are its verb's own adjuncts, read up to another phrase.

"Oster held talks in Vesta on Monday and in Estria on Friday." was accepted with where Vesta and when Friday (the
Vesta talks were Monday's), "Oster held talks in Vesta; Estria did so on Monday." with when Monday, "Oster held
talks far from Vesta on Monday." with where Vesta, "Oster held talks in Vesta on Monday night, or early Tuesday."
with when "Monday night" (the alternative dropped), and "… ahead of a vote on Monday." with when Monday.

TEST FIXTURES, NOT NEWS: invented places (Estria, Vesta) and person (Oster); none is from a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import checked, refused
from tests.unit.test_undone_giving import _article


def _event(sentence: str, **more: Any) -> dict[str, Any]:
    return {"what": "Oster held talks", "evidence": [sentence], **more}


@pytest.mark.parametrize(
    ("sentence", "values", "field", "words"),
    [
        (
            "Oster held talks in Vesta on Monday and in Estria on Friday.",
            {"where": "Vesta", "when": "Friday"},
            "when",
            "two different runs",
        ),
        (
            "Oster held talks in Estria on Monday and in Vesta on Friday.",
            {"where": "Vesta", "when": "Monday"},
            "when",
            "two different runs",
        ),
        ("Oster held talks in Vesta; Estria did so on Monday.", {"when": "Monday"}, "when", "“;”"),
        ("Oster held talks in Vesta, as Estria did on Monday.", {"when": "Monday"}, "when", "“as”"),
        ("Oster held talks in Vesta ahead of a vote on Monday.", {"when": "Monday"}, "when", "“ahead of”"),
        ("Oster held talks far from Vesta on Monday.", {"where": "Vesta"}, "where", "“far from”"),
        ("Oster held talks from Vesta by video on Monday.", {"where": "Vesta"}, "where", "“from”"),
        ("Oster held talks in Vesta's embassy in Estria on Monday.", {"where": "Vesta"}, "where", "embassy"),
        (
            "Oster held talks in Vesta on Monday night, or early Tuesday.",
            {"when": "Monday night"},
            "when",
            "or early Tuesday",
        ),
        (
            "Oster held talks in Vesta on Monday at the earliest.",
            {"when": "Monday"},
            "when",
            "at the earliest",
        ),
    ],
)
def test_a_time_or_place_of_another_phrase_is_not_the_events(
    sentence: str, values: dict[str, str], field: str, words: str
) -> None:
    found = checked(_article(sentence), events=[_event(sentence, **values)])[1]
    messages = [m for where, m in found if where == f"events[0].{field}"]
    assert messages and words in messages[0], found


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Oster held talks in Vesta on Monday.", {"where": "Vesta", "when": "Monday"}),
        (
            "Oster held talks in Vesta on Monday and in Estria on Friday.",
            {"where": "Estria", "when": "Friday"},
        ),
        (
            "Oster held talks in Vesta on Monday and in Estria on Friday.",
            {"where": "Vesta", "when": "Monday"},
        ),
        ("Oster held talks in Vesta on Monday night.", {"when": "Monday night"}),
        (
            "Oster held talks in Vesta on Monday night, or early Tuesday.",
            {"when": "Monday night, or early Tuesday"},
        ),
        ("Oster held talks in Vesta, on Monday, before a vote.", {"where": "Vesta", "when": "Monday"}),
        ("On Monday, Oster held talks in Vesta.", {"where": "Vesta", "when": "Monday"}),
    ],
)
def test_the_verbs_own_time_and_place_are_the_events(sentence: str, values: dict[str, str]) -> None:
    found = refused(_article(sentence), events=[_event(sentence, **values)])
    assert "events[0].when" not in found and "events[0].where" not in found
