"""A loan's sum qualified just after it is not that exact sum of one loan (REPORT-hostile16 F6): "$90 million at
least", "$90 million in all", "… so far", "… over five years", "… plus interest", and a share told after it
(", none of which arrived", ", most of it still unpaid") passed as a loan made of exactly $90 million.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta).
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_loan, refused


def _loan(tail: str) -> list[str]:
    sentence = f"Norland lent Estria $90 million{tail}."
    article = f"Fuel for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    return refused(article, loans=[_deal_loan("Norland", "$90 million", "lent", sentence)])


@pytest.mark.parametrize(
    "tail",
    [
        " at least",
        ", at least",
        " at the most",
        " in total",
        " in all",
        " so far",
        " to date",
        " between them",
        " over five years",
        " plus interest",
        " less fees",
        ", none of which arrived",
        ", most of it still unpaid",
        ", only $10 million of which was paid out",
    ],
)
def test_a_sum_qualified_after_it_is_not_the_exact_sum(tail: str) -> None:
    # a share told after the sum (", none of which arrived") is also a part told paid or not: the status says so too
    found = _loan(tail)
    assert found[0] == "loans[0].as_written" and set(found) <= {"loans[0].as_written", "loans[0].status"}


@pytest.mark.parametrize(
    "tail",
    [" on Monday", " over the objections of Vesta", " in May", " for its ferries", " in all its forms"],
)
def test_what_only_goes_on_with_the_sentence_leaves_the_sum_whole(tail: str) -> None:
    assert _loan(tail) == []


@pytest.mark.parametrize(
    "tail",
    [
        " over the weekend",
        ", much of it for the port",
    ],
)
def test_a_span_word_or_a_share_told_for_its_use_leaves_the_sum_whole(tail: str) -> None:
    """Review mend: "over the weekend" read as "over the week" (no word boundary), and a share told for what
    the money is for ("much of it for the port") as a share paid."""
    assert _loan(tail) == []
