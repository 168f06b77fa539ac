"""HOSTILE-16 F10, W4: who gives, lends and receives, read from the verb's own subject and objects.

"Norland, with Vesta, lent Estria $90 million." was accepted with Norland as the sole lender (a co-party makes
the lender a group), and "A fund run by Norland lent Estria $90 million." with lender Norland (the lender is the
fund; Norland is only related to it).

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused
from tests.unit.test_undone_giving import _article


def _loan(lender: str, sentence: str) -> list[str]:
    return refused(_article(sentence), loans=[_deal_loan(lender, "$90 million", "lent", sentence)])


def _flow(
    donor: str, sentence: str, recipient: str = "Estria", item: str = "fuel", verb: str = "sent"
) -> list[str]:
    return refused(
        _article(sentence), aid=[{**_deal_flow(donor, item, verb, sentence), "recipient": recipient}]
    )


# ---------------------------------------------------------------- a co-party makes the doer a group

CO_PARTY = (
    "Norland, with Vesta, lent Estria $90 million.",
    "Norland, along with Vesta, lent Estria $90 million.",
    "Norland, jointly with Vesta, lent Estria $90 million.",
    "Norland together with Vesta lent Estria $90 million.",
    "Norland, together with Vesta, lent Estria $90 million.",
    "Norland, as well as Vesta, lent Estria $90 million.",
    "Norland, with its allies, lent Estria $90 million.",
    "Norland and its allies lent Estria $90 million.",
)


@pytest.mark.parametrize("sentence", CO_PARTY)
def test_one_of_a_group_alone_is_not_the_lender(sentence: str) -> None:
    assert "loans[0].lender" in _loan("Norland", sentence)


@pytest.mark.parametrize("sentence", CO_PARTY[:6])
def test_the_co_party_alone_is_not_the_lender_either(sentence: str) -> None:
    assert "loans[0].lender" in _loan("Vesta", sentence)


def test_the_group_refusal_says_what_the_editor_can_do() -> None:
    sentence = CO_PARTY[0]
    found = checked(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence)])[1]
    assert any(
        item == "loans[0].lender" and "“Norland, with Vesta”" in message and "key point" in message
        for item, message in found
    )


def test_a_co_party_of_a_donor_makes_a_group_too() -> None:
    assert "aid[0].donor" in _flow("Norland", "Vesta, with Norland, sent fuel to Estria.")
    assert "aid[0].donor" in _flow("Vesta", "Vesta, with Norland, sent fuel to Estria.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland, with its huge reserves, lent Estria $90 million.",
        "Norland, with the help of Vesta, lent Estria $90 million.",
        "Norland lent Estria $90 million with Vesta's blessing.",
        "Norland, backed by Vesta, lent Estria $90 million.",
        "Norland, Vesta's neighbour, lent Estria $90 million.",
    ],
)
def test_a_phrase_that_adds_no_party_leaves_the_lender_alone(sentence: str) -> None:
    assert _loan("Norland", sentence) == []


def test_a_group_joined_by_and_is_named_whole() -> None:
    assert _loan("Norland and Vesta", "Norland and Vesta lent Estria $90 million.") == []


# ---------------------------------------------------------------- a body related to a party is not the party

RELATED = (
    "A fund run by Norland lent Estria $90 million.",
    "A bank owned by Norland lent Estria $90 million.",
    "A firm backed by Norland lent Estria $90 million.",
    "A company based in Norland lent Estria $90 million.",
    "A charity funded by Norland lent Estria $90 million.",
    "A group led by Norland lent Estria $90 million.",
)


@pytest.mark.parametrize("sentence", RELATED)
def test_a_body_related_to_a_party_is_not_that_party(sentence: str) -> None:
    assert "loans[0].lender" in _loan("Norland", sentence)


def test_a_body_related_to_a_donor_is_not_the_donor() -> None:
    assert "aid[0].donor" in _flow("Norland", "A charity funded by Norland sent fuel to Estria.")
    assert "aid[0].donor" in _flow("Norland", "Vesta, backed by Norland, sent fuel to Estria.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The government of Norland lent Estria $90 million.",
        "The Republic of Norland lent Estria $90 million.",
        "Norland, backed by Vesta, lent Estria $90 million.",
    ],
)
def test_a_party_heading_its_subject_is_still_the_lender(sentence: str) -> None:
    assert _loan("Norland", sentence) == []


def test_a_related_party_after_the_subject_is_not_the_donor() -> None:
    assert "aid[0].donor" in _flow("Vesta", "Norland, backed by Vesta, sent fuel to Estria.")
    assert _flow("Norland", "Norland, backed by Vesta, sent fuel to Estria.") == []
