"""HOSTILE-14 A: a pledge, a plan or a request its frame takes back is not told as made.

The frame reading (a giving inside another statement, the sentence after it, the sentence before it) guarded only a
done status: "That Norland pledged fuel to Estria is false." and "Norland pledged fuel to Estria. That is false."
passed as a pledge. A pledged, planned or requested status is now refused inside another statement, after a
sentence that hands it to a story, and before a sentence that calls it untrue or corrects it. What follows a
pledge that only doubts or undoes the giving ("It never arrived.") leaves the pledge made.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article

PLEDGE = "Norland pledged fuel to Estria."
TAKEN_BACK = (
    f"{PLEDGE} That is false.",
    f"{PLEDGE} Or rather, Vesta did.",
    f"Vesta tells a different story. {PLEDGE}",
    "That Norland pledged fuel to Estria is false.",
    "It is possible Norland pledged fuel to Estria.",
)
STILL_MADE = (PLEDGE, f"{PLEDGE} It never arrived.", f"{PLEDGE} Vesta said it was welcome.")


def _pledge(sentence: str) -> dict[str, object]:
    flow = _deal_flow("Norland", "fuel", "pledged", sentence)
    flow["status"] = "pledged"
    return flow


@pytest.mark.parametrize("body", TAKEN_BACK)
def test_a_pledge_its_frame_takes_back_is_refused(body: str) -> None:
    evidence = PLEDGE if PLEDGE in body else body
    assert "aid[0].status" in refused(_article(body), aid=[_pledge(evidence)])


@pytest.mark.parametrize("body", STILL_MADE)
def test_a_pledge_whose_giving_is_only_doubted_after_stays_made(body: str) -> None:
    assert refused(_article(body), aid=[_pledge(PLEDGE)]) == []


def test_a_request_the_next_sentence_calls_untrue_is_refused() -> None:
    asked = "Estria asked Norland for fuel."
    flow = _deal_flow("Norland", "fuel", "asked", asked)
    flow["status"] = "requested"
    assert "aid[0].status" in refused(_article(f"{asked} That is false."), aid=[flow])
    assert refused(_article(f"{asked} Norland did not send it."), aid=[flow]) == []


def test_a_pledged_loan_called_untrue_is_refused() -> None:
    sentence = "Norland pledged Estria a $9 million loan."
    loan = _deal_loan("Norland", "$9 million", "pledged", sentence)
    loan["status"] = "pledged"
    assert refused(_article(sentence), loans=[loan]) == []
    assert "loans[0].status" in refused(_article(f"{sentence} That is false."), loans=[loan])
