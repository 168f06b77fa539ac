"""HOSTILE-12 S2: a done verb in the present with a time still to come tells a giving not yet done.

"Norland provides fuel to Estria from next month." was read as fuel provided: "provides" is a done verb of the
vocabulary, and nothing read the time after it. Its status is pledged or planned, never provided or delivered.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked, refused
from tests.unit.test_undone_giving import _article


def _refused(sentence: str, verb: str = "provides") -> list[str]:
    return refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", verb, sentence)])


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Norland provides fuel to Estria from next month.", "provides"),
        ("Norland provides fuel to Estria next week.", "provides"),
        ("Norland provides fuel to Estria starting in 2027.", "provides"),
        ("Norland provides fuel to Estria from January.", "provides"),
        ("Norland is providing fuel to Estria from next month.", "is providing"),
        ("Norland provides fuel to Estria in the coming weeks.", "provides"),
    ],
)
def test_a_present_giving_with_a_time_to_come_is_not_done(sentence: str, verb: str) -> None:
    assert "aid[0].status" in _refused(sentence, verb)


def test_the_refusal_names_the_time_to_come() -> None:
    sentence = "Norland provides fuel to Estria from next month."
    found = checked(_article(sentence), aid=[_deal_flow("Norland", "fuel", "provides", sentence)])[1]
    assert any(w == "aid[0].status" and "“from next month”" in m for w, m in found), found


# Guards: the present with no time to come, and a past giving with a time of its own.
@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Norland provides fuel to Estria.", "provides"),
        ("Norland provides fuel to Estria every week.", "provides"),
        ("Norland provides fuel to Estria from its reserves.", "provides"),
        ("Norland provides fuel to Estria next to the port.", "provides"),
        ("Norland has provided fuel to Estria since January.", "has provided"),
    ],
)
def test_a_present_giving_with_no_time_to_come_stands(sentence: str, verb: str) -> None:
    assert _refused(sentence, verb) == []
