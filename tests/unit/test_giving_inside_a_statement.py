"""HOSTILE-13 D1–D3, K1–K6, N1–N3: a giving told inside another statement, or as what should have been, is
not told as done.

"That Norland sent fuel to Estria is untrue." and "Norland ought to have sent fuel to Estria." were accepted as
fuel sent: the giving is the subject of another predicate ("is untrue") or a counterfactual ("ought to have").

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article

INSIDE = (
    "That Norland sent fuel to Estria is untrue.",
    "That Norland sent fuel to Estria is a lie.",
    "That Norland sent fuel to Estria is fiction.",
    "Norland sent fuel to Estria is nonsense.",
    "It is possible Norland sent fuel to Estria.",
    "It is conceivable that Norland sent fuel to Estria.",
    "It is doubtful Norland sent fuel to Estria.",
)
COUNTERFACTUAL = (
    "Norland ought to have sent fuel to Estria.",
    "Norland was to have sent fuel to Estria.",
    "Norland wanted to have sent fuel to Estria.",
    "Norland failed to have sent fuel to Estria.",
    "Norland was due to have sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", INSIDE + COUNTERFACTUAL)
def test_a_giving_inside_a_statement_or_a_counterfactual_is_not_done(sentence: str) -> None:
    assert "aid[0].status" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )


def test_a_loan_that_was_to_have_been_made_is_not_made() -> None:
    sentence = "Norland was to have lent Estria $9 million."
    loan = _deal_loan("Norland", "$9 million", "lent", sentence)
    assert "loans[0].status" in refused(_article(sentence), loans=[loan])


@pytest.mark.parametrize(
    "following",
    ["Vesta disputes the account.", "The shipment never arrived.", "The fuel was later returned."],
)
def test_a_next_sentence_that_disputes_or_undoes_the_shipment_refuses_it(following: str) -> None:
    sentence = "Norland sent fuel to Estria."
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    assert "aid[0].status" in refused(_article(f"{sentence} {following}"), aid=[flow])


GUARDS = (
    "Norland sent fuel to Estria, which is its neighbour.",
    "Norland sent fuel to Estria, and the port is open.",
    "Norland is known to have sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", GUARDS)
def test_a_plain_giving_still_passes(sentence: str) -> None:
    assert "aid[0].status" not in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )
