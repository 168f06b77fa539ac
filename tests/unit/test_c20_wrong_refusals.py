"""Wrong refusals of the seventh reading (REVIEW-7 C20): each right brief is accepted, and the wrong brief
next to it is still refused."""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_loan, refused

# TEST FIXTURE, NOT NEWS: loans in dollars named by their country's adjective.
DOLLAR_LOANS = """Harbour loans in Estria

Norland lent Estria 90 million Australian dollars.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("adjective", "code", "wrong"),
    [
        ("Australian", "AUD", "CAD"),
        ("Canadian", "CAD", "AUD"),
        ("New Zealand", "NZD", "AUD"),
        ("Hong Kong", "HKD", "USD"),
        ("US", "USD", "dollars"),
    ],
)
def test_dollars_named_by_their_country_are_that_currency(adjective: str, code: str, wrong: str) -> None:
    text = DOLLAR_LOANS.replace("Australian", adjective)
    amount = f"90 million {adjective} dollars"
    sentence = f"Norland lent Estria {amount}."
    assert refused(text, loans=[_deal_loan("Norland", amount, "lent", sentence, currency=code)]) == []
    assert refused(text, loans=[_deal_loan("Norland", amount, "lent", sentence, currency=wrong)]) == [
        "loans[0].currency"
    ]


def test_dollars_alone_stay_of_a_kind_not_stated() -> None:
    from bot.briefs.money import DOLLARS, parse_money

    assert parse_money("90 million dollars").currency == DOLLARS
    text = DOLLAR_LOANS.replace("Australian dollars", "dollars")
    sentence = "Norland lent Estria 90 million dollars."
    loan = _deal_loan("Norland", "90 million dollars", "lent", sentence, currency="AUD")
    assert refused(text, loans=[loan]) == ["loans[0].currency"]
