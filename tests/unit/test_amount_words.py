"""An amount written in words is read whole, at word boundaries (TASK-when A): "ninety million dollars" was read as
"nine" + "ty", and refused.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta).
"""

from __future__ import annotations

import pytest

from bot.briefs.money import MoneyError, parse_money
from tests.unit.test_sixth_reading import _deal_loan, refused
from tests.unit.test_undone_giving import _article


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("ninety million dollars", 90_000_000),
        ("nineteen million dollars", 19_000_000),
        ("seventy million euros", 70_000_000),
        ("sixteen billion dollars", 16_000_000_000),
        ("twenty-five million dollars", 25_000_000),
        ("twenty five million dollars", 25_000_000),
        ("a hundred million dollars", 100_000_000),
        ("a hundred and twenty million dollars", 120_000_000),
        ("one hundred and twenty-five million euros", 125_000_000),
        ("three hundred million dollars", 300_000_000),
        ("two and a half million dollars", 2_500_000),
        ("eleven and a half billion dollars", 11_500_000_000),
        ("ten million dollars", 10_000_000),
        ("nine million dollars", 9_000_000),
        ("a million dollars", 1_000_000),
        ("half-a-billion dollars", 500_000_000),
        ("a quarter of a billion dollars", 250_000_000),
        ("up to ninety million dollars", 90_000_000),
    ],
)
def test_number_words_are_read_whole(written: str, amount: int) -> None:
    assert parse_money(written).amount == amount


@pytest.mark.parametrize(
    "written",
    [
        "ninetyish million dollars",
        "nine-ty million dollars",
        "tenfold dollars",
        "a hundred and million dollars",
    ],
)
def test_a_number_word_cut_or_glued_is_not_read(written: str) -> None:
    with pytest.raises(MoneyError):
        parse_money(written)


@pytest.mark.parametrize(
    "amount",
    [
        "ninety million dollars",
        "nineteen million dollars",
        "a hundred and twenty million dollars",
        "two and a half million dollars",
        "twenty-five million dollars",
    ],
)
def test_a_loan_written_in_words_passes(amount: str) -> None:
    sentence = f"Norland lent Estria {amount}."
    assert refused(_article(sentence), loans=[_deal_loan("Norland", amount, "lent", sentence)]) == []


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("Norland lent Estria a hundred and twenty million dollars.", "twenty million dollars"),
        ("Norland lent Estria two and a half million dollars.", "a half million dollars"),
        ("Norland lent Estria ninety-nine million dollars.", "nine million dollars"),
    ],
)
def test_an_amount_cut_from_its_number_words_is_still_refused(sentence: str, amount: str) -> None:
    assert refused(_article(sentence), loans=[_deal_loan("Norland", amount, "lent", sentence)]) != []
