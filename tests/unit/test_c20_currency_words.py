"""C20 of the seventh reading: a currency written as its country's adjective and noun ("90 million Australian
dollars") was refused as a currency. Each country's dollars are that country's code; "dollars" alone stays of a
kind not stated, and the nearby wrong code is still refused."""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_loan, refused


@pytest.mark.parametrize(
    ("written", "currency"),
    [
        ("90 million Australian dollars", "AUD"),
        ("90 million Canadian dollars", "CAD"),
        ("90 million New Zealand dollars", "NZD"),
        ("90 million Hong Kong dollars", "HKD"),
        ("90 million US dollars", "USD"),
        ("90 million U.S. dollars", "USD"),
        ("90 million dollars", "dollars"),
    ],
)
def test_a_country_s_dollars_are_its_code(written: str, currency: str) -> None:
    from bot.briefs.money import parse_money

    assert parse_money(written).currency == currency


# TEST FIXTURE, NOT NEWS: a loan in a country's dollars, written as adjective and noun.
AUSTRALIAN = """Harbour loans in Estria

Norland lent Estria 90 million Australian dollars.
Estria Harbour News staff contributed to this report.
"""


def test_a_loan_in_australian_dollars_is_aud_and_not_cad() -> None:
    lent = "Norland lent Estria 90 million Australian dollars."
    loan = _deal_loan("Norland", "90 million Australian dollars", "lent", lent)
    assert refused(AUSTRALIAN, loans=[{**loan, "currency": "AUD"}]) == []
    assert refused(AUSTRALIAN, loans=[{**loan, "currency": "CAD"}]) == ["loans[0].currency"]
