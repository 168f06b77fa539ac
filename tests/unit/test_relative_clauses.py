"""A relative clause's own subject, object and items are its own (HOSTILE-13 X1–X7).

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta).
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article


def _flow(sentence: str) -> list[str]:
    return refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)])


def _loan(sentence: str) -> list[str]:
    return refused(_article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)])


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("Norland, which Estria sent fuel, thanked it.", "aid[0].donor"),
        ("Norland, to which Estria sent fuel, thanked it.", "aid[0].donor"),
        ("Norland, whom Estria sent fuel, thanked it.", "aid[0].donor"),
        ("Norland, where Estria sent fuel, thanked it.", "aid[0].donor"),
        ("Norland, to whose port Estria sent fuel, thanked it.", "aid[0].donor"),
        ("Vesta, to which Norland sent fuel, thanked Estria.", "aid[0].recipient"),
        ("Vesta, to whom Norland sent fuel, thanked Estria.", "aid[0].recipient"),
        ("Vesta, for which Norland sent fuel to Estria, paid.", "aid[0].recipient"),
        ("Norland, from which Estria bought fuel, sent water to Estria.", "aid[0].items[0]"),
        ("Norland, with which Estria shares fuel, sent water to Estria.", "aid[0].items[0]"),
    ],
)
def test_a_giving_told_in_a_relative_clause_is_that_clauses_own(sentence: str, field: str) -> None:
    """HOSTILE-13 X1–X7: the relative clause's subject gives, the name its "which" stands for receives (or is
    unread, "for which"); an item told only inside it is not what the main verb gives."""
    assert field in _flow(sentence)


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("Norland, which Estria lent $9 million, thanked it.", "loans[0].lender"),
        ("Norland, to which Estria lent $9 million, thanked it.", "loans[0].lender"),
        ("Vesta, to which Norland lent $9 million, thanked Estria.", "loans[0].borrower"),
    ],
)
def test_a_loan_told_in_a_relative_clause_is_that_clauses_own(sentence: str, field: str) -> None:
    assert field in _loan(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland, which sent fuel to Estria, thanked it.",
        "Norland, which Vesta backs, sent fuel to Estria.",
        "Norland sent fuel to Estria, to which Vesta sent water.",
        "Norland, from which Estria bought water, sent fuel to Estria.",
    ],
)
def test_a_giving_the_relative_clause_does_not_turn_round_still_passes(sentence: str) -> None:
    assert _flow(sentence) == []


def test_guards_for_relative_clauses() -> None:
    """The lender of "Norland, which lent Vesta …" is Norland; "The country that Estria sent fuel, Norland, …"
    stays refused."""
    assert _loan("Norland, which lent Vesta $2 million, lent Estria $9 million.") == []
    assert "aid[0].donor" in _flow("The country that Estria sent fuel, Norland, thanked it.")
