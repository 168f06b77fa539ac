"""Session 11's hostile reading (HOSTILE-11 A1–A5): an amount accepted as exact and of the wrong currency.

A sign cut out of the word it is glued to ("$9 million" of "R$9 million", the Brazilian real) was told as dollars;
one end of a range ("between $9 million and …"), one of two alternatives ("$9 million or $12 million"), and an
amount with a qualifier after it ("or so", "or more") or a sign of one ("~", ">", "+") were told as the exact sum.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_loan, refused


def _loan_refused(sentence: str, amount: str) -> list[str]:
    # TEST FIXTURE, NOT NEWS
    text = f"Harbour loans in Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    return refused(text, loans=[_deal_loan("Norland", amount, "lent", sentence.rstrip("."))])


GLUED_SIGNS = [
    "Norland lent Estria R$9 million.",
    "Norland lent Estria A$9 million.",
    "Norland lent Estria HK$9 million.",
    "Norland lent Estria US$9 million.",
]


@pytest.mark.parametrize("sentence", GLUED_SIGNS)
def test_a_sign_cut_out_of_the_word_it_is_glued_to_is_refused(sentence: str) -> None:
    assert "loans[0].as_written" in _loan_refused(sentence, "$9 million")


def test_a_sign_written_whole_still_passes() -> None:
    assert _loan_refused("Norland lent Estria US$9 million.", "US$9 million") == []
    assert _loan_refused("Norland lent Estria $9 million.", "$9 million") == []


NOT_EXACT = [
    "Norland lent Estria between $9 million and $12 million.",
    "Norland lent Estria $9 million or $12 million.",
    "Norland lent Estria $9 million or so.",
    "Norland lent Estria $9 million or more.",
    "Norland lent Estria $9 million and more.",
    "Norland lent Estria $9 million or less.",
    "Norland lent Estria ~$9 million.",
    "Norland lent Estria >$9 million.",
    "Norland lent Estria $9 million+.",
]


@pytest.mark.parametrize("sentence", NOT_EXACT)
def test_an_amount_the_article_does_not_give_as_exact_is_refused(sentence: str) -> None:
    assert "loans[0].as_written" in _loan_refused(sentence, "$9 million")


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland lent Estria $9 million and Vesta lent it ferries.",
        "Norland lent Estria $9 million, or so the mayor said.",
        "Norland lent Estria $9 million or nothing at all.",
    ],
)
def test_an_amount_followed_by_a_clause_of_its_own_is_not_read_as_a_range(sentence: str) -> None:
    assert "loans[0].as_written" not in _loan_refused(sentence, "$9 million")
