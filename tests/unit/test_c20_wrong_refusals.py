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


# ---------------------------------------------------------------- a quote's speaker named with a verb of writing


@pytest.mark.parametrize(
    ("attribution", "speaker", "refused_as"),
    [
        ("Oster wrote", "Oster", []),
        ("Oster writes", "Oster", []),
        ("Oster wrote", "Vesta", ["quotes[0].speaker"]),
        ("An aide to Oster wrote", "Oster", ["quotes[0].speaker"]),
    ],
)
def test_a_quote_written_by_its_speaker_is_theirs(
    attribution: str, speaker: str, refused_as: list[str]
) -> None:
    """C20 (TEST FIXTURE, NOT NEWS): "Oster wrote “…”" was refused: "wrote" told no one as saying it."""
    from tests.unit.test_seventh_reading_b import article, fixture_refusals

    sentence = f"{attribution} “we have no tugs to spare at all.”"
    quote = {
        "speaker": speaker,
        "attribution": attribution,
        "text": "we have no tugs to spare at all.",
        "evidence": [sentence],
    }
    assert fixture_refusals(article(sentence), quotes=[quote]) == refused_as


# ---------------------------------------------------------------- a role with "-elect"


@pytest.mark.parametrize(
    ("role", "refused_as"),
    [("Mayor-elect", []), ("Mayor", ["people[0].role"]), ("elect", ["people[0].role"])],
)
def test_a_role_elect_is_the_whole_hyphenated_title(role: str, refused_as: list[str]) -> None:
    """C20 (TEST FIXTURE, NOT NEWS): "Mayor-elect Oster" was refused (on 022acdf: "elect", a verb the check
    had no meaning for, was read as maybe who says so); a mayor-elect is not told as the mayor."""
    sentence = "Mayor-elect Oster met the crews at the quay on Monday."
    text = f"Harbour talks in Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    person = {"name": "Oster", "role": role, "as_written": "Mayor-elect Oster", "evidence": [sentence]}
    assert refused(text, people=[person]) == refused_as
