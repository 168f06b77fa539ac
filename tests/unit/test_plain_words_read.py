"""HOSTILE-12 wrong refusals: ordinary words of a plain giving the check did not read.

"Norland lent Estria $9 million to buy fuel." was refused as a range ("to" + "buy" taken for a currency code),
and "shipped", "donated", "airlifted" and "quickly" as words the check had no meaning for.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article


def test_a_purpose_after_the_amount_is_no_range() -> None:
    sentence = "Norland lent Estria $9 million to buy fuel."
    assert refused(_article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)]) == []


def test_a_range_to_a_currency_code_is_still_refused() -> None:
    sentence = "Norland lent Estria $9 million to USD 12 million."
    assert "loans[0].as_written" in refused(
        _article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)]
    )


@pytest.mark.parametrize("verb", ["shipped", "donated", "airlifted", "transferred"])
def test_a_done_giving_verb_is_read(verb: str) -> None:
    sentence = f"Norland {verb} fuel to Estria."
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", verb, sentence)]) == []


@pytest.mark.parametrize("adverb", ["quickly", "swiftly", "promptly"])
def test_a_manner_adverb_is_plain(adverb: str) -> None:
    sentence = f"Norland {adverb} sent fuel to Estria."
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []
