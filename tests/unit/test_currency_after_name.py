"""HOSTILE-11 W2: a currency's code after a name ("lent Estria CHF 9 million") is no part of the name.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_loan, refused
from tests.unit.test_undone_giving import _article


@pytest.mark.parametrize(("code", "currency"), [("CHF", "CHF"), ("EUR", "EUR"), ("NIS", "ILS")])
def test_a_code_after_the_borrower_leaves_the_name_whole(code: str, currency: str) -> None:
    sentence = f"Norland lent Estria {code} 9 million."
    loan = _deal_loan("Norland", f"{code} 9 million", "lent", sentence, currency=currency)
    assert refused(_article(sentence), loans=[loan]) == []


def test_a_capitalised_word_after_the_borrower_is_still_part_of_its_name() -> None:
    sentence = "Norland lent Estria Harbour $9 million."
    assert "loans[0].borrower" in refused(
        _article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)]
    )


# HOSTILE-11 W3: signs and letters an article writes for a currency, read as what they say, no more.
@pytest.mark.parametrize(
    ("written", "currency"),
    [
        ("R$9 million", "BRL"),
        ("9 million zł", "PLN"),
        ("9 million kr", "crowns"),  # Swedish, Norwegian, Danish or Icelandic: "kr" alone does not say which
        ("9 million Kč", "CZK"),
        ("₹9 million", "INR"),
        ("₩9 million", "KRW"),
        ("₺9 million", "TRY"),
        ("₽9 million", "RUB"),
    ],
)
def test_a_currency_sign_or_letters_are_read(written: str, currency: str) -> None:
    sentence = f"Norland lent Estria {written}."
    loan = {**_deal_loan("Norland", written, "lent", sentence, currency=currency), "amount": 9_000_000}
    assert refused(_article(sentence), loans=[loan]) == []


# HOSTILE-11 W4: a soft hyphen (an invisible hint where a line may break) and a letter written with a combining
# accent are the same text to a reader: a brief that writes the name plainly is not refused for them.
@pytest.mark.parametrize(
    ("seed_name", "brief_name"),
    [
        ("Nor\u00adland", "Norland"),
        ("Norla\u0301nd", "Norl\u00e1nd"),
        ("Norl\u00e1nd", "Norla\u0301nd"),
    ],
)
def test_invisible_and_composed_forms_of_a_name_are_one_name(seed_name: str, brief_name: str) -> None:
    sentence = f"{seed_name} lent Estria $9 million."
    loan = _deal_loan(brief_name, "$9 million", "lent", f"{brief_name} lent Estria $9 million.")
    assert refused(_article(sentence), loans=[loan]) == []
