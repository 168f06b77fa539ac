"""A later clause of the giving's sentence that tells only a part of it paid, sent or arrived leaves the whole
not told given (TASK-when A): "Norland lent Estria $90 million, but paid out only $10 million." was accepted as a
$90 million loan provided. And "only" before a sum leaves the sum as it is: "Norland lent Estria only $90 million."
was refused.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta).
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused
from tests.unit.test_undone_giving import _article

PART_TAILS = (
    ", but paid out only $10 million",
    ", of which only $10 million has been disbursed",
    ", but only $10 million has arrived",
    ", though just a third was paid",
    ", but has so far paid $10 million",
    ", and has disbursed only half",
    ", but only part of it has been paid",
    ", but Estria has received only $10 million",
    ", but only ten million dollars reached Estria",
    ", yet a fraction of it was sent",
    ", but only a third of the money has been paid",
)


@pytest.mark.parametrize("tail", PART_TAILS)
def test_a_loan_its_sentence_tells_only_partly_paid_is_not_provided(tail: str) -> None:
    sentence = f"Norland lent Estria $90 million{tail}."
    _, found = checked(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence)])
    assert "loans[0].status" in [item for item, _ in found]


@pytest.mark.parametrize(
    "tail",
    [", but only a third of it arrived", ", but only half was delivered", ", and just 10 tonnes arrived"],
)
def test_a_giving_its_sentence_tells_only_partly_arrived_is_not_provided(tail: str) -> None:
    sentence = f"Norland sent fuel to Estria{tail}."
    assert "aid[0].status" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )


def test_the_message_says_what_the_editor_can_do() -> None:
    sentence = "Norland lent Estria $90 million, but paid out only $10 million."
    _, found = checked(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence)])
    message = dict(found)["loans[0].status"]
    assert "paid out only $10 million" in message and "change the status" in message


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland lent Estria $90 million, and the money arrived on Monday.",
        "Norland lent Estria $90 million, and paid it all on Monday.",
        "Norland lent Estria $90 million, which it paid in March.",
        "Norland lent Estria $90 million, and Vesta sent $10 million.",
        "Norland lent Estria $90 million and sent food worth $10 million to Vesta.",
        "Norland lent Estria $90 million, paid out over ten years.",
        "Norland lent Estria $90 million, the only loan it sent this year.",
        "Norland lent Estria $90 million, and sent some fuel as well.",
        "Norland lent Estria $90 million, paid in two tranches.",
        "Norland lent Estria only $90 million.",
        "Norland lent Estria just $90 million.",
        "Norland lent only $90 million to Estria.",
    ],
)
def test_a_loan_told_whole_still_passes(sentence: str) -> None:
    assert refused(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence)]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria, and Vesta sent half as much.",
        "Norland sent fuel to Estria, and the fuel arrived on Monday.",
        "Norland sent fuel to Estria and paid $10 million to Vesta.",
        "Norland sent fuel to Estria, and sent part of its navy too.",
    ],
)
def test_a_giving_told_whole_still_passes(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []


def test_only_before_another_word_is_still_a_stray() -> None:
    sentence = "Norland lent Estria only part of $90 million."
    assert refused(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence)]) != []
