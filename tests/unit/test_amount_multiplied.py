"""HOSTILE-13 minor finding: "Norland lent Estria $9 million times two." is no loan of $9 million.

An amount the sentence goes on to multiply, divide or split is not the sum lent, as one it compares with another
("$9 million more than Vesta did") is not: the check refuses `as_written` there, naming the words.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_loan, checked
from tests.unit.test_undone_giving import _article

CHANGED = (
    "Norland lent Estria $9 million times two.",
    "Norland lent Estria $9 million multiplied by three.",
    "Norland lent Estria $9 million split between Estria and Vesta.",
)
WHOLE = ("Norland lent Estria $9 million in 2024.", "Norland lent Estria $9 million to buy fuel.")


@pytest.mark.parametrize("sentence", CHANGED)
def test_an_amount_multiplied_or_split_is_not_the_sum_lent(sentence: str) -> None:
    found = dict(
        checked(_article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)])[1]
    )
    assert "loans[0].as_written" in found


@pytest.mark.parametrize("sentence", WHOLE)
def test_an_amount_followed_by_its_time_or_purpose_stays_whole(sentence: str) -> None:
    assert checked(_article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)])[1] == []
