"""A pronoun subject just after a name's saying is that name; an item stops only where its phrase does.

"Norland said it lent Estria $9 million." was refused: the lender must do the verb, and "it" gave no subject the
check could read, although it can only be Norland's own account of itself. A pronoun subject right after a name
and its saying verb ("Norland said it …") now reads as that name, so a wrong name is still
refused. And "Norland sent 500 tonnes of fuel to Estria." with the item "500 tonnes" was accepted: an item that
stops before "of" is cut, as "fuel" of "fuel tankers" is (HOSTILE-13 minor finding).

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article


def _said(deal: dict[str, Any], speaker: str, verb: str = "said") -> dict[str, Any]:
    deal["attribution"] = {"text": f"{speaker} {verb}", "role": "source"}
    return deal


@pytest.mark.parametrize(
    ("speaker", "verb", "pronoun"), [("Norland", "said", "it"), ("Norland", "says", "it")]
)
def test_a_loan_told_by_its_lender_of_itself_is_the_lenders(speaker: str, verb: str, pronoun: str) -> None:
    sentence = f"{speaker} {verb} {pronoun} lent Estria $9 million."
    loan = _said(_deal_loan(speaker, "$9 million", "lent", sentence), speaker, verb)
    assert refused(_article(sentence), loans=[loan]) == []


def test_a_giving_told_by_its_donor_of_itself_is_the_donors() -> None:
    sentence = "Norland said that it sent fuel to Estria."
    flow = _said(_deal_flow("Norland", "fuel", "sent", sentence), "Norland")
    assert refused(_article(sentence), aid=[flow]) == []


def test_the_pronoun_is_the_speaker_not_another_name() -> None:
    sentence = "Vesta said it lent Estria $9 million."
    loan = _said(_deal_loan("Norland", "$9 million", "lent", sentence), "Vesta")
    assert "loans[0].lender" in refused(_article(sentence), loans=[loan])


def test_an_item_cut_before_its_of_is_refused() -> None:
    sentence = "Norland sent 500 tonnes of fuel to Estria."
    assert "aid[0].items[0]" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "500 tonnes", "sent", sentence)]
    )


def test_an_item_written_whole_with_its_of_passes() -> None:
    sentence = "Norland sent 500 tonnes of fuel to Estria."
    flow = _deal_flow("Norland", "500 tonnes of fuel", "sent", sentence)
    assert refused(_article(sentence), aid=[flow]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland said she lent Estria $9 million.",
        "Norland said they lent Estria $9 million.",
        "An ally of Norland said it lent Estria $9 million.",
    ],
)
def test_a_pronoun_that_may_be_another_is_not_read_as_the_speaker(sentence: str) -> None:
    speaker = sentence.split(" said")[0]
    loan = _said(_deal_loan("Norland", "$9 million", "lent", sentence), speaker)
    assert "loans[0].lender" in refused(_article(sentence), loans=[loan])
