"""HOSTILE-14 H: "Norland sent fuel to Estria, according to Vesta." with its attribution was refused.

The done-status rule fails closed on a verb after the giving that no list reads, and "according" (as "accord")
was read as one: the commonest attribution shape of wire copy refused every done giving, with advice to add
"accord" to PLAIN_VERBS. A listed marker of more than one word ("according to") is the attribution rules' to read,
not an unread verb; without its attribution the fact is still refused.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article

SOURCE = {"role": "source"}


@pytest.mark.parametrize("source", ["according to Vesta", "according to port records"])
def test_a_giving_closed_by_according_to_and_attributed_so_passes(source: str) -> None:
    sentence = f"Norland sent fuel to Estria, {source}."
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    flow["attribution"] = {**SOURCE, "text": source}
    assert refused(_article(sentence), aid=[flow]) == []


def test_a_loan_closed_by_according_to_and_attributed_so_passes() -> None:
    sentence = "Norland lent Estria $9 million, according to Vesta."
    loan = _deal_loan("Norland", "$9 million", "lent", sentence)
    loan["attribution"] = {**SOURCE, "text": "according to Vesta"}
    assert refused(_article(sentence), loans=[loan]) == []


def test_without_its_attribution_it_is_still_refused() -> None:
    sentence = "Norland sent fuel to Estria, according to Vesta."
    assert "aid[0].attribution" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )
